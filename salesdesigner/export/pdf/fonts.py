"""The fonts the manual is set in, and which of them can show a given character.

All fonts are TrueType files shipped in ``resources/fonts`` (licences alongside), so the
manual looks the same on every machine and every font is embedded (reportlab subsets
them).  A *chain* is a list of font names in order of preference: text is set in the first
font that has a glyph for each character, so no glyph prints as a box.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from salesdesigner.export.pdf.errors import PdfExportError
from salesdesigner.paths import resource

GOTHIC = "IPAexGothic"       # Japanese (and Latin) text
SANS = "DejaVuSans"          # Latin text, wide Unicode coverage
SANS_BOLD = "DejaVuSans-Bold"
HANGUL = "NanumGothic"       # Korean (IPAex has no Hangul)
SYMBOLS = "Symbola"          # monochrome emoji and symbols, the last resort

_FILES = {
    GOTHIC: "IPAexGothic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    HANGUL: "NanumGothic.ttf",
    SYMBOLS: "Symbola.ttf",
}


@dataclass(frozen=True)
class Chains:
    """Font chains for one document language."""

    body: tuple[str, ...]
    bold: tuple[str, ...]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but correct for characters beyond U+FFFF (emoji).

    reportlab writes such code points as five hex digits, which readers decode as a
    different character (😀 extracts as ὠ); PDF wants them as UTF-16BE surrogate pairs.
    """
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


@functools.cache
def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process."""
    # A bug fix, not a behaviour change: identical output for the Basic Multilingual Plane.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, filename in _FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            path = resource("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # noqa: BLE001 - missing or damaged installation
                raise PdfExportError(f"The bundled font {path} cannot be read ({exc}); "
                                     "please reinstall SalesDesigner.") from None
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)
    pdfmetrics.registerFontFamily(GOTHIC, normal=GOTHIC, bold=GOTHIC, italic=GOTHIC,
                                  boldItalic=GOTHIC)


def chains(japanese: bool) -> Chains:
    """Fonts for a Japanese or a Latin-script manual (IPAex has no bold: colour and size
    carry the hierarchy in Japanese)."""
    register_fonts()
    if japanese:
        return Chains(body=(GOTHIC, SANS, HANGUL, SYMBOLS),
                      bold=(GOTHIC, SANS_BOLD, HANGUL, SYMBOLS))
    return Chains(body=(SANS, GOTHIC, HANGUL, SYMBOLS), bold=(SANS_BOLD, GOTHIC, HANGUL, SYMBOLS))


@functools.cache
def _cmap(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def font_for(char: str, chain: tuple[str, ...]) -> str | None:
    """The first font of the chain that can show ``char``, or None if none can."""
    for name in chain:
        if ord(char) in _cmap(name):
            return name
    return None
