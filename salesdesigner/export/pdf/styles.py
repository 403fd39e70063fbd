"""Colours, paragraph styles and the typesetter every section uses to turn user text into
flowables (escaped, font-fallback aware, kinsoku-wrapped, chunked so nothing is huge)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from salesdesigner.export.pdf.fonts import SANS, Chains, chains
from salesdesigner.export.pdf.text import KinsokuParagraph, chunks, clean, markup

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
RULE = colors.HexColor("#CBD2D9")
PANEL = colors.HexColor("#F5F7FA")
ACCENT = colors.HexColor("#1F3A5F")
WON = colors.HexColor("#2E7D32")
LOST = colors.HexColor("#B23B3B")
WARN = colors.HexColor("#B7791F")   # what a plan assumes: amber, read as "check this"
START = colors.HexColor("#334E68")
END = colors.HexColor("#52606D")
DEFAULT_LANE = "#4C78A8"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def lane_color(value: str | None) -> colors.Color:
    """A lane's colour, or the default when the document holds something unusable."""
    return colors.HexColor(value if value and _HEX.match(value) else DEFAULT_LANE)


def tint(color: colors.Color, amount: float) -> colors.Color:
    """Mix with white: ``amount`` 0 keeps the colour, 1 gives white."""
    return colors.Color(*(c + (1 - c) * amount for c in (color.red, color.green, color.blue)))


def shade(color: colors.Color, amount: float) -> colors.Color:
    """Mix with black, for text on a tinted background."""
    return colors.Color(*(c * (1 - amount) for c in (color.red, color.green, color.blue)))


def _styles(ch: Chains, japanese: bool) -> dict[str, ParagraphStyle]:
    body_size, lead = (9.5, 16.0) if japanese else (10.0, 14.5)
    base = ParagraphStyle("body", fontName=ch.body[0], fontSize=body_size, leading=lead,
                          textColor=INK, wordWrap="CJK", spaceAfter=4)
    bold_font = ch.bold[0]

    def s(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "bold": s("bold", fontName=bold_font),
        "small": s("small", fontSize=body_size - 1.5, leading=lead - 3, textColor=MUTED),
        "muted": s("muted", textColor=MUTED, spaceAfter=2),
        "cover_title": s("cover_title", fontName=bold_font, fontSize=30, leading=38,
                         textColor=colors.white, spaceAfter=10),
        "cover_sub": s("cover_sub", fontSize=14, leading=20, textColor=tint(ACCENT, 0.75)),
        "cover_meta": s("cover_meta", fontSize=11, leading=17, textColor=INK, spaceAfter=2),
        "h1": s("h1", fontName=bold_font, fontSize=20, leading=26, textColor=ACCENT,
                spaceBefore=0, spaceAfter=10),
        "chapter_no": s("chapter_no", fontSize=9, leading=12, textColor=MUTED, spaceAfter=2),
        "stage_title": s("stage_title", fontName=bold_font, fontSize=19, leading=25,
                         textColor=INK, spaceAfter=4),
        "h2": s("h2", fontName=bold_font, fontSize=11.5, leading=15, textColor=ACCENT,
                spaceBefore=12, spaceAfter=5),
        "item": s("item", fontName=bold_font, spaceAfter=1, leftIndent=16, bulletIndent=3,
                  bulletFontName=SANS, bulletFontSize=body_size - 2),
        "indent": s("indent", leftIndent=16, spaceAfter=2),
        "indent_muted": s("indent_muted", leftIndent=16, textColor=MUTED, spaceAfter=2,
                          fontSize=body_size - 1, leading=lead - 2),
        "bullet": s("bullet", leftIndent=16, bulletIndent=3, spaceAfter=3,
                    bulletFontName=SANS),
        "check": s("check", leftIndent=18, bulletIndent=2, spaceAfter=1, fontName=bold_font,
                   bulletFontName=SANS, bulletFontSize=body_size + 2),
        "callout_title": s("callout_title", fontName=bold_font, spaceAfter=0),
        "callout": s("callout", spaceAfter=0),
        "goal": s("goal", fontSize=body_size + 1, leading=lead + 2, spaceAfter=0),
        "cell": s("cell", fontSize=body_size - 1, leading=lead - 2.5, spaceAfter=0),
        "cell_bold": s("cell_bold", fontName=bold_font, fontSize=body_size - 1,
                       leading=lead - 2.5, spaceAfter=0),
        "cell_muted": s("cell_muted", fontSize=body_size - 2, leading=lead - 3.5,
                        textColor=colors.HexColor("#9AA5B1"), spaceAfter=0),
        "cell_head": s("cell_head", fontName=bold_font, fontSize=body_size - 1,
                       leading=lead - 2.5, textColor=colors.white, spaceAfter=0),
        "cell_right": s("cell_right", fontSize=body_size - 1, leading=lead - 2.5,
                        alignment=TA_RIGHT, spaceAfter=0),
        "toc0": s("toc0", fontSize=body_size + 0.5, leading=lead + 1, spaceAfter=0),
        "toc_page": s("toc_page", fontSize=body_size + 0.5, leading=lead + 1,
                      alignment=TA_RIGHT, spaceAfter=0),
        "diagram": s("diagram", alignment=TA_CENTER, spaceAfter=0),
        "diagram_bold": s("diagram_bold", fontName=bold_font, alignment=TA_CENTER,
                          spaceAfter=0),
        "diagram_label": s("diagram_label", alignment=TA_CENTER, textColor=MUTED, spaceAfter=0),
        "left": s("left", alignment=TA_LEFT),
    }


@dataclass
class Typesetter:
    """Turns user text into flowables in one document's fonts and styles."""

    japanese: bool
    chains: Chains = field(init=False)
    styles: dict[str, ParagraphStyle] = field(init=False)
    missing: set[str] = field(default_factory=set)  # code points no font could show

    def __post_init__(self) -> None:
        self.chains = chains(self.japanese)
        self.styles = _styles(self.chains, self.japanese)

    def chain_for(self, style: ParagraphStyle) -> tuple[str, ...]:
        return self.chains.bold if style.fontName == self.chains.bold[0] and (
            self.chains.bold[0] != self.chains.body[0]) else self.chains.body

    def markup(self, text: str, style: str | ParagraphStyle = "body") -> str:
        """Escaped markup of user text for a paragraph in ``style``."""
        st = self.styles[style] if isinstance(style, str) else style
        return markup(text, self.chain_for(st), self.missing)

    def para(self, text: str, style: str = "body", **kw: object) -> KinsokuParagraph:
        """One paragraph of (short) user text; ``kw`` are Paragraph options (bulletText)."""
        return KinsokuParagraph(self.markup(text, style), self.styles[style], **kw)

    def raw(self, markup_text: str, style: str = "body", **kw: object) -> KinsokuParagraph:
        """A paragraph from markup already built with :meth:`markup`."""
        return KinsokuParagraph(markup_text, self.styles[style], **kw)

    def blocks(self, text: str, style: str = "body", bullet: str | None = None) -> list[Flowable]:
        """Long user text as a list of modest paragraphs (splits across pages cheaply);
        ``bullet`` goes on the first one."""
        out: list[Flowable] = []
        st = self.styles[style]
        for piece in chunks(clean(text)):
            if piece.strip() or (bullet and not out):
                kw = {"bulletText": bullet} if bullet and not out else {}
                out.append(KinsokuParagraph(self.markup(piece, st), st, **kw))
            else:
                out.append(Spacer(1, st.leading / 2))
        return out

    @staticmethod
    def short(text: str, limit: int = 120) -> str:
        """Cut text for places that cannot grow (headers, diagram shapes, outline)."""
        text = " ".join(clean(text).split())
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
