"""Pages of the manual: templates (cover, portrait, landscape), running header and footer
with "page X of Y", table of contents, bookmarks and the PDF outline."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from salesdesigner.export.pdf.fonts import SANS
from salesdesigner.export.pdf.sections import Anchor
from salesdesigner.export.pdf.styles import ACCENT, MUTED, RULE, Typesetter, tint
from salesdesigner.model.presentation import Words as Labels

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 20 * mm
LANDSCAPE_MARGIN = 14 * mm


class Cancelled(Exception):
    """Raised inside the build when the caller asked to stop (turned into a UserError)."""


def _margin(canvas: Canvas) -> float:
    width, height = canvas._pagesize
    return LANDSCAPE_MARGIN if width > height else MARGIN


class ManualTemplate(BaseDocTemplate):
    """Three page templates, header/footer, and chapter anchors → TOC, bookmarks, outline."""

    def __init__(self, buffer: object, *, paper: tuple[float, float], ts: Typesetter,
                 labels: Labels, title: str, company: str,
                 on_chapter: Callable[[int], None]) -> None:
        super().__init__(buffer, pagesize=paper, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN + 2 * mm,
                         title=ts.short(title, 200), author=ts.short(company, 200),
                         subject=labels("subtitle"),
                         creator="SalesDesigner", initialFontName=SANS,
                         lang=labels("language_tag"))
        self.ts, self.labels = ts, labels
        self.header_title = ts.short(title, 90)
        self.company = ts.short(company, 90)
        self.chapter = ""
        self.on_chapter = on_chapter
        self.chapters_seen = 0
        self.total_pages = 0   # page count of the previous pass, for "page X of Y"
        self.last_page = 0
        self.page_book: dict = {}   # pages flowables record as they draw (flow connectors)
        self._book_at_start: dict = {}
        w, h = paper
        cover = Frame(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN, id="cover")
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        lw, lh = landscape(paper)
        wide = Frame(LANDSCAPE_MARGIN, LANDSCAPE_MARGIN + 6 * mm, lw - 2 * LANDSCAPE_MARGIN,
                     lh - 2 * LANDSCAPE_MARGIN - 14 * mm, id="wide")
        self.landscape_size = (wide.width - 12, wide.height - 12)
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover_page, pagesize=paper),
            PageTemplate("portrait", [body], onPageEnd=self._running, pagesize=paper),
            PageTemplate("landscape", [wide], onPageEnd=self._running,
                         pagesize=landscape(paper)),
        ])

    # ------------------------------------------------------------------ page furniture
    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, h * 0.45, w, h * 0.55, stroke=0, fill=1)
        canvas.setFillColor(tint(ACCENT, 0.15))
        canvas.rect(0, h * 0.45, w, 6, stroke=0, fill=1)
        canvas.restoreState()

    def _running(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = canvas._pagesize
        margin = _margin(canvas)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        top = h - margin + 2 * mm
        canvas.line(margin, top - 2, w - margin, top - 2)
        for text, x, align in ((self.header_title, margin, "left"),
                               (self.chapter, w - margin, "right")):
            if not text:
                continue
            para = self._one_line(text, (w - 2 * margin) / 2 - 6)
            pw, _ = para.wrap((w - 2 * margin) / 2 - 6, 20)
            used = max((getattr(line, "currentWidth", pw) for line in para.blPara.lines),
                       default=pw)
            para.drawOn(canvas, x if align == "left" else x - used, top + 1)
        canvas.line(margin, 16 * mm, w - margin, 16 * mm)
        if self.company:
            para = self.ts.raw(self.ts.markup(self.company, "small"), "small")
            para.wrap(w / 2, 20)
            para.drawOn(canvas, margin, 12 * mm - 2)
        canvas.setFont(self.ts.chains.body[0], 8)
        canvas.setFillColor(MUTED)
        number = canvas.getPageNumber()
        canvas.drawRightString(w - margin, 12 * mm, self.labels(
            "page", x=number, y=self.total_pages or number))
        canvas.restoreState()

    def _one_line(self, text: str, width: float):
        """A header paragraph cut (with …) until it fits on one line."""
        while True:
            para = self.ts.raw(self.ts.markup(text, "small"), "small")
            para.wrap(width, 100)
            if len(para.blPara.lines) <= 1 or len(text) <= 2:
                return para
            text = self.ts.short(text, max(2, int(len(text) * 0.8)))

    def afterPage(self) -> None:
        self.last_page = self.canv.getPageNumber()

    # ------------------------------------------------------------------ chapters
    def afterFlowable(self, flowable: object) -> None:
        if not isinstance(flowable, Anchor):
            return
        canvas = self.canv
        canvas.bookmarkPage(flowable.key)
        canvas.addOutlineEntry(flowable.outline_title, flowable.key, flowable.level, closed=True)
        self.notify("TOCEntry", (flowable.level, flowable.toc_markup,
                                 canvas.getPageNumber(), flowable.key))
        self.chapter = flowable.header
        self.chapters_seen += 1
        self.on_chapter(self.chapters_seen)

    def handle_documentBegin(self) -> None:
        self.chapters_seen = 0
        self.chapter = ""
        self.total_pages = self.last_page
        self._book_at_start = dict(self.page_book)
        super().handle_documentBegin()

    def build_manual(self, story: list) -> None:
        """multiBuild until the TOC is stable *and* every footer knows the page count *and*
        every flow connector names the page its stage landed on."""
        self.multiBuild(story, maxPasses=8)
        for _ in range(3):
            if self.total_pages == self.last_page and self.page_book == self._book_at_start:
                return
            self.multiBuild(story, maxPasses=8)


class Contents(TableOfContents):
    """Table of contents as a two-column table: linked titles and right-aligned page numbers."""

    def __init__(self, ts: Typesetter) -> None:
        super().__init__()
        self.ts = ts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "", 0, None)]
        rows, style = [], [("FONTNAME", (0, 0), (-1, -1), SANS),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]
        for _level, text, page, key in entries:
            link = f'<a href="#{key}">' if key else ""
            end = "</a>" if key else ""
            rows.append([self.ts.raw(f"{link}{text}{end}", "toc0"),
                         self.ts.raw(f"{link}{page}{end}", "toc_page")])
        self._table = Table(rows, colWidths=(avail_width - 40, 40), splitByRow=1)
        self._table.setStyle(TableStyle(style))
        self.width, self.height = self._table.wrapOn(self.canv, avail_width, avail_height)
        return self.width, self.height


def make_anchor(ts: Typesetter, labels: Labels, numbers: dict[str, int],
                badges: dict[str, str] | None = None) -> Callable[..., Anchor]:
    """Builds chapter anchors: TOC markup, outline title and running-header text;
    ``badges`` (stage id → markup) mark chapters in the contents ("Changed")."""
    badges = badges or {}

    def anchor(key: str, title: str, stage: object | None = None) -> Anchor:
        short = ts.short(title, 110)
        if stage is None:
            return Anchor(key, 0, ts.markup(short, "toc0"), short, short)
        number = numbers[stage.id]
        label = f"{number}. {short}"
        badge = f"  {badges[stage.id]}" if stage.id in badges else ""
        return Anchor(key, 0, f'<font color="#616E7C">{number}.</font>  '
                              f"{ts.markup(short, 'toc0')}{badge}", label, label)

    return anchor


__all__ = ["PAPERS", "Cancelled", "Contents", "ManualTemplate", "make_anchor"]
