"""User text to safe reportlab markup, and a paragraph that breaks lines by kinsoku rules.

Everything the user typed goes through :func:`markup`: control characters are dropped,
markup characters escaped (so ``<b>`` prints as ``<b>``), newlines become line breaks, and
each character is set in the first font of the chain that has a glyph for it.  Characters
no bundled font can show print as U+FFFD and are reported in the export's warnings.

:class:`KinsokuParagraph` replaces reportlab's CJK line breaker, which lets a line start
with a run of closing punctuation (``」。``) and ignores characters that must not end a
line (``「``).  Ours: break between CJK characters, after spaces and hyphens, never
before a no-start character or after a no-end character, keep Latin words whole unless
a word is wider than the line (a long URL), then break inside it.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, cjkU
from reportlab.rl_config import _FUZZ

from salesdesigner.export.pdf.fonts import font_for

# JIS X 4051 style: characters that must not start a line (closing brackets, stops,
# small kana, prolonged sound mark, iteration marks) and that must not end one.
NO_START = frozenset(
    "、。，．,.:;?!！？・：；」』）］｝〕〉》】〙〗〟’”»)]}"
    "ゝゞヽヾ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "‐゠–〜～…‥%％°′″℃")
NO_END = frozenset("「『（［｛〔〈《【〘〖〝‘“«([{")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PLACEHOLDER = "\ufffd"


def clean(text: str) -> str:
    """Drop C0/C1 controls except newline and tab; unify line ends (CR, LS, PS → LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub("", text)


def _invisible(char: str) -> bool:
    """Format characters and variation selectors: no glyph needed, nothing to lose."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me") and (
        unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F
        or 0xE0100 <= ord(char) <= 0xE01EF)


def markup(text: str, chain: tuple[str, ...], missing: set[str] | None = None) -> str:
    """Paragraph markup that prints ``text`` exactly as typed in the chain's fonts.

    ``chain[0]`` must be the paragraph style's font; runs in other fonts are wrapped in
    ``<font name>``.  Code points no font has are added to ``missing`` (as ``U+XXXX``).
    """
    text = clean(text).replace("\t", "    ")
    out: list[str] = []
    run: list[str] = []
    run_font = chain[0]

    def flush() -> None:
        if run:
            body = escape("".join(run))
            out.append(body if run_font == chain[0] else f'<font name="{run_font}">{body}</font>')
            run.clear()

    previous = ""
    for char in text:
        if char == "\n":
            flush()
            out.append("<br/>")
            previous = char
            continue
        if char == " " and previous in (" ", "\n", ""):
            char = "\u00a0"  # keep runs of spaces and indentation as typed
        font = font_for(char, chain)
        if font is None:
            if _invisible(char):
                continue
            if missing is not None:
                missing.add(f"U+{ord(char):04X}")
            char, font = _PLACEHOLDER, font_for(_PLACEHOLDER, chain) or chain[0]
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
        previous = char
    flush()
    return "".join(out)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") or ord(char) >= 0x2E80


def _space(char: str) -> bool:
    return char in (" ", "\u3000", "\u00a0") or char == ""


def can_break_before(prev: str, char: str) -> bool:
    """Whether a line may end after ``prev`` and the next start with ``char``."""
    if char in NO_START or prev in NO_END or _space(char):
        return False
    if _space(prev):
        return True
    if prev in "-\u2010/" and not _wide(char):
        return True
    return _wide(prev) or _wide(char)


def break_lines(chars: str, widths: list[float], max_widths: list[float]) -> list[tuple[int, int]]:
    """Greedy line breaking; returns ``(start, end)`` per line (end exclusive).

    ``"\\n"`` in ``chars`` forces a break (and stays at the end of its line).  Spaces at
    the start of a wrapped line are skipped; a character that no rule lets us break
    before is only split off when a single word is wider than the line.
    """
    lines: list[tuple[int, int]] = []
    n, start = len(chars), 0
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        width, i, last_break, end = 0.0, start, None, n
        while i < n:
            char = chars[i]
            if char == "\n":
                end = i + 1
                break
            if i > start and width + widths[i] > limit + _FUZZ and not _space(char):
                if can_break_before(chars[i - 1], char):
                    end = i
                elif last_break is not None:
                    end = last_break
                else:  # one word wider than the line: break inside it, kinsoku permitting
                    end = i
                    while end - 1 > start and chars[end] in NO_START:
                        end -= 1
                    if chars[end] in NO_START:  # no room to pull back: let them hang
                        end = i
                        while end < n and chars[end] in NO_START:
                            end += 1
                break
            width += widths[i]
            if i + 1 < n and can_break_before(char, chars[i + 1]):
                last_break = i + 1
            i += 1
        lines.append((start, end))
        start = end
        if start < n and chars[start - 1] != "\n":
            while start < n and chars[start] in (" ", "\u00a0"):
                start += 1
    return lines


CHUNK = 700  # characters per paragraph: platypus re-wraps a paragraph on every page it spans


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Split cleaned text into pieces of at most ``size`` characters, at newlines where
    possible, else after a sentence end or a space, so no paragraph is huge."""
    pieces: list[str] = []
    lines: list[str] = []
    length = 0

    def flush() -> None:
        nonlocal length
        if lines:
            pieces.append("\n".join(lines))
            lines.clear()
            length = 0

    for line in text.split("\n"):
        while len(line) > size:
            cut = max(line.rfind(mark, 0, size) for mark in ("。", ". ", "! ", "? ", " ", "、"))
            cut = cut + 1 if cut > size // 2 else size
            flush()
            pieces.append(line[:cut])
            line = line[cut:]
        if lines and length + len(line) > size:
            flush()
        lines.append(line)
        length += len(line) + 1
    flush()
    return pieces or [""]


_WIDTHS: dict[tuple[str, str, float], float] = {}


class _Unit(cjkU):
    """reportlab's per-character unit, with widths cached (measuring dominates wrapping)."""

    def __new__(cls, value: str, frag, width: float | None = None):
        self = str.__new__(cls, value)
        self._frag = frag
        if width is None:
            key = (value, frag.fontName, frag.fontSize)
            width = _WIDTHS.get(key)
            if width is None:
                width = _WIDTHS[key] = stringWidth(value, frag.fontName, frag.fontSize)
        self._width = width
        return self


def _make_line(units: list[_Unit], max_width: float, used: float, forced: bool) -> FragLine:
    """reportlab's makeCJKParaLine, grouping runs of one frag instead of testing each char."""
    words = []
    size = ascent = descent = 0.0
    k, n = 0, len(units)
    while k < n:
        frag = units[k].frag
        j = k
        while j < n and units[j].frag is frag:
            j += 1
        a, d = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, a), min(descent, d)
        word = frag.clone()
        word.text = "".join(units[k:j])
        words.append(word)
        k = j
    return FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words,
                    fontSize=size, ascent=ascent, descent=descent, maxWidth=max_width,
                    currentWidth=used, lineBreak=forced)


class KinsokuParagraph(Paragraph):
    """A Paragraph (style ``wordWrap='CJK'``) whose lines follow :func:`break_lines`."""

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        key = tuple(maxWidths)
        cached = self.__dict__.get("_kinsoku_lines")
        if cached is not None and cached[0] == key:  # tables and passes re-wrap often
            return cached[1]
        result = self._break(maxWidths)
        self._kinsoku_lines = (key, result)
        return result

    def _break(self, maxWidths: list[float]) -> ParaLines:
        units: list[_Unit] = []
        for frag in self.frags:
            text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
            if hasattr(frag, "lineBreak"):
                units.append(_Unit("\n", frag, 0.0))
            elif text:
                units.extend(_Unit(t, frag) for t in text)
            elif hasattr(frag, "cbDefn"):
                units.append(_Unit("", frag, getattr(frag.cbDefn, "width", 0)))
        chars = "".join(u if u else "\u200b" for u in units)
        widths = [0.0 if str(u) == "\n" else u.width for u in units]
        for k, u in enumerate(units):
            if str(u) == "\n":  # a <br/>: draw nothing, but end the line
                units[k] = _Unit("", u.frag, 0.0)
        lines = []
        for start, end in break_lines(chars, widths, list(maxWidths)):
            limit = maxWidths[min(len(lines), len(maxWidths) - 1)]
            stop = end
            while stop > start and chars[stop - 1] in (" ", "\u00a0", "\n"):
                stop -= 1
            used = sum(widths[start:stop])
            forced = chars[end - 1] == "\n"
            segment = units[start:end] or units[start:start + 1]
            lines.append(_make_line(segment, limit, used, forced))
        if not lines:
            return ParaLines(kind=0, fontSize=self.style.fontSize, fontName=self.style.fontName,
                             textColor=self.style.textColor, lines=[],
                             ascent=self.style.fontSize, descent=-0.2 * self.style.fontSize)
        return ParaLines(kind=1, lines=lines)
