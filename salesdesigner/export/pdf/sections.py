"""The manual's sections as platypus flowables: cover, how to read, overview, KPI summary
and one chapter per stage.  Pure layout; the document template does pages and the TOC."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from salesdesigner.export.pdf.diagram import DiagramFlowable, Scene
from salesdesigner.export.pdf.flowplan import (
    MIN_PT,
    PIECE_GAP,
    PRINT_LABEL,
    PRINT_NAME,
    Piece,
    plan_flow,
)
from salesdesigner.export.pdf.fonts import SANS
from salesdesigner.export.pdf.rowtable import WindowedTable
from salesdesigner.export.pdf.styles import (
    ACCENT,
    INK,
    MUTED,
    PANEL,
    RULE,
    Typesetter,
    lane_color,
    shade,
    tint,
)
from salesdesigner.model.entities import Kpi, Stage, StageKind
from salesdesigner.model.presentation import Words as Labels
from salesdesigner.model.process import Process

SUMMARY_CELL_LIMIT = 400  # characters per KPI summary cell: a table row must fit a page
HEADING_HEIGHT = 34.0     # an h2 heading with the space around it (points)
SECTION_START = 40.0      # at least this much of a section's content goes with its heading
CALLOUT_START = 110.0     # the first lines of a boxed talk script
SHORT_SECTION = 150.0     # a short (terminal) section starts a page only with less room
CHAPTER_START = 320.0     # a chapter after a short section shares its page with this room


class Anchor(Flowable):
    """Invisible marker at the top of a chapter: the document turns it into a bookmark,
    an outline entry and a table-of-contents line."""

    def __init__(self, key: str, level: int, toc_markup: str, outline_title: str,
                 header: str) -> None:
        super().__init__()
        self.key, self.level = key, level
        self.toc_markup, self.outline_title, self.header = toc_markup, outline_title, header
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ColorBar(Flowable):
    """A thin coloured rule, e.g. the lane colour above a stage title."""

    def __init__(self, color: colors.Color, height: float = 3.0, width: float | None = None,
                 space_after: float = 8.0) -> None:
        super().__init__()
        self.color, self.bar, self.fixed = color, height, width
        self.spaceAfter = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.fixed or avail_width
        return self.width, self.bar

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.rect(0, 0, self.width, self.bar, stroke=0, fill=1)


@dataclass
class Manual:
    """Everything sections need about the edition being printed."""

    process: Process
    labels: Labels
    ts: Typesetter
    stages: list[Stage]                          # in process order, after filtering
    numbers: dict[str, int] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    flow_pages: dict[int, int] = field(default_factory=dict)  # flow piece -> its page

    def lane_name(self, lane_id: str | None) -> str:
        if lane_id and self.process.has_lane(lane_id):
            return self.process.lane(lane_id).name or lane_id
        return self.labels("no_lane")

    def stage_title(self, stage: Stage) -> str:
        return self.labels.name(stage.name)


# ---------------------------------------------------------------------------- front matter
def cover(m: Manual, edition: str, issued: str) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    out: list[Flowable] = [Spacer(1, 40 * mm)]
    logo = _logo(m)
    if logo is not None:
        out += [logo, Spacer(1, 8 * mm)]
    else:
        out.append(Spacer(1, 16 * mm))
    title = ts.short(m.process.name, 90) or lb("subtitle")
    size = 30 if len(title) <= 24 else 24 if len(title) <= 48 else 18
    ts.styles["cover_title_fit"] = ParagraphStyle(
        "cover_title_fit", parent=ts.styles["cover_title"], fontSize=size, leading=size * 1.3)
    out.append(ts.para(title, "cover_title_fit"))
    out.append(ts.para(lb("subtitle"), "cover_sub"))
    out.append(NextPageTemplate("portrait"))
    out.append(Spacer(1, 1))
    meta = []
    if m.process.company.strip():
        meta.append(ts.para(ts.short(m.process.company, 200), "cover_meta"))
    line = []
    if m.process.revision.strip() and not m.process.revisions:
        # the free-text edition field, only while no revision is published: next to
        # "Draft after revision 2" a "Revision 1.0" would read as a contradiction
        line.append(f"{lb('revision')} {ts.short(m.process.revision, 60)}")
    line.append(f"{lb('date')} {issued}")
    meta.append(ts.para("   ·   ".join(line), "cover_meta"))
    from salesdesigner.storage.revisions import revision_state
    meta.append(ts.para(lb.revision_line(revision_state(m.process)), "cover_meta"))
    if edition:
        meta.append(ts.para(edition, "muted"))
    out.append(_FillTo(80 * mm))
    out.append(ColorBar(ACCENT, 2.5, width=24 * mm, space_after=10))
    out += meta
    out.append(PageBreak())
    return out


class _FillTo(Flowable):
    """Takes up the frame's space down to ``bottom`` points above the frame's foot, so
    what follows sits at a fixed place (the cover's lower, white half)."""

    def __init__(self, bottom: float) -> None:
        super().__init__()
        self.bottom = bottom

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, max(0.0, avail_height - self.bottom)

    def draw(self) -> None:
        pass


def _logo(m: Manual) -> Flowable | None:
    aid = m.process.logo
    if not aid:
        return None
    try:
        data = m.process.attachment(aid).data
        from PIL import Image as PILImage  # Pillow ships with reportlab
        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
            width, height = probe.size
        scale = min(60 * mm / width, 22 * mm / height)
        image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
        image.hAlign = "LEFT"
        return image
    except Exception:  # noqa: BLE001 - any unreadable logo: print the cover without it
        m.warnings.append("The cover logo is not a readable image and was left out.")
        return None


def how_to_read(m: Manual, anchor: Callable[[str, str], Anchor]) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    out: list[Flowable] = [anchor("how", lb("how_to_read")), ts.para(lb("how_to_read"), "h1")]
    for key in ("how_1", "how_2", "how_3"):
        out.append(ts.para(lb(key), "body"))
    if m.process.description.strip():
        out += _heading(ts, lb("about_process"))
        out += ts.blocks(m.process.description)
    out.append(ts.para(lb("how_legend"), "h2"))
    rows = []
    for kind in (StageKind.START, StageKind.STAGE, StageKind.DECISION, StageKind.WON,
                 StageKind.LOST, StageKind.END):
        rows.append([_Legend(kind), ts.para(lb.kind(kind), "cell")])
    table = Table(rows, colWidths=[26 * mm, 60 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    out.append(table)
    return out


class _Legend(Flowable):
    """A small sample of a stage shape for the legend."""

    def __init__(self, kind: StageKind) -> None:
        super().__init__()
        self.kind = kind
        self.width, self.height = 22 * mm, 9 * mm

    def draw(self) -> None:
        from salesdesigner.export.pdf.diagram import _FILL
        c, w, h = self.canv, self.width, self.height
        if self.kind in _FILL:
            c.setFillColor(_FILL[self.kind])
            c.setStrokeColor(shade(_FILL[self.kind], 0.3))
            r = h / 2 if self.kind in (StageKind.START, StageKind.END) else h / 4
            c.roundRect(0, 0, w, h, r, stroke=1, fill=1)
        elif self.kind is StageKind.DECISION:
            p = c.beginPath()
            p.moveTo(w / 2, h)
            p.lineTo(w, h / 2)
            p.lineTo(w / 2, 0)
            p.lineTo(0, h / 2)
            p.close()
            c.setFillColor(colors.white)
            c.setStrokeColor(INK)
            c.drawPath(p, stroke=1, fill=1)
        else:
            c.setFillColor(colors.white)
            c.setStrokeColor(INK)
            c.roundRect(0, 0, w, h, 3, stroke=1, fill=1)
            c.setFillColor(lane_color(None))
            c.rect(0.5, h - 2.5, w - 1, 2, stroke=0, fill=1)


# ---------------------------------------------------------------------------- overview
def overview(m: Manual, anchor: Callable[[str, str], Anchor], width: float,
             height: float) -> list[Flowable]:
    """Landscape pages: the flow laid out for print (see :mod:`.flowplan`), its pieces
    stacked down the pages, arrows between pieces ending at named, linked connectors."""
    ts, lb = m.ts, m.labels
    title_h = 40.0
    note = ts.para(lb("flow_note"), "muted")  # room kept for it: the plan decides if it shows
    note_h = note.wrap(width, height)[1] + note.getSpaceBefore() + note.getSpaceAfter()
    plan = plan_flow(m.process, width, height, heading=title_h + 14 + note_h)
    out: list[Flowable] = [NextPageTemplate("landscape"), PageBreak(),
                           anchor("overview", lb("overview")), ts.para(lb("overview"), "h1")]
    if len(plan.pieces) > 1:
        out.append(note)
    for piece in plan.pieces:
        scene = _piece_scene(m, piece)
        out.append(DiagramFlowable(scene, piece.area, plan.scale))
        out.append(Spacer(1, PIECE_GAP))
    out += [NextPageTemplate("portrait"), PageBreak()]
    return out


def _piece_scene(m: Manual, piece: Piece) -> Scene:
    """The scene of one printed piece: its connectors name their stage and page."""
    ts, lb = m.ts, m.labels

    def text(node: str) -> Callable[[], tuple[str, str]]:
        conn = piece.connectors[node]

        def lines() -> tuple[str, str]:  # read at draw time: pages come from the last pass
            stage = m.process.stage(conn.stage_id)
            number = m.numbers.get(stage.id)
            name = ts.short(m.stage_title(stage), 40)
            title = f"{number}. {name}" if number is not None else name
            page = m.flow_pages.get(conn.piece)
            if page is not None and page == m.flow_pages.get(piece.index):
                return title, ""  # the row it continues in is on this page: no page tag
            return title, lb("flow_to" if conn.outgoing else "flow_from",
                             page="?" if page is None else page)
        return lines

    def drawn(page: int) -> None:
        m.flow_pages[piece.index] = page

    return Scene(piece.process, piece.area, m.numbers, m.keys, ts, routes=piece.routes,
                 name_size=PRINT_NAME, label_size=PRINT_LABEL, min_pt=MIN_PT, back=piece.back,
                 connectors={n: text(n) for n in piece.connectors},
                 alias={n: c.stage_id for n, c in piece.connectors.items()},
                 outgoing={n: c.outgoing for n, c in piece.connectors.items()},
                 on_drawn=drawn, bookmark=f"flow-{piece.index}",
                 links_to={n: f"flow-{c.piece}" for n, c in piece.connectors.items()})


# ---------------------------------------------------------------------------- KPI summary
def target_text(kpi: Kpi, lb: Labels) -> str:
    return lb.kpi_target(kpi) or lb("no_target")


def kpi_summary(m: Manual, anchor: Callable[[str, str], Anchor], width: float) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    out: list[Flowable] = [anchor("kpis", lb("kpi_summary")), ts.para(lb("kpi_summary"), "h1")]
    def cut(text):
        return ts.short(text, SUMMARY_CELL_LIMIT)
    header = [[ts.para(lb(k), "cell_head") for k in
               ("col_stage", "col_kpi", "col_target", "col_definition")]]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    rows: list[list[Flowable]] = []
    row_styles: list[list[tuple]] = []  # per row, as if it were row 0 (see WindowedTable)
    for stage in m.stages:
        if not stage.kpis:
            continue
        color = lane_color(m.process.lane(stage.lane).color if stage.lane else None)
        for n, kpi in enumerate(stage.kpis):
            # later rows repeat the stage quietly, so a page that starts mid-stage says whose
            name = f"{m.numbers[stage.id]}. {cut(m.stage_title(stage))}"
            rows.append([ts.para(name, "cell_bold" if n == 0 else "cell_muted"),
                         ts.para(cut(kpi.name), "cell"),
                         ts.para(target_text(kpi, lb), "cell"),
                         ts.para(cut(kpi.definition), "cell")])
            commands: list[tuple] = [("LINEBEFORE", (0, 0), (0, 0), 3, color)]
            if n == 0:
                commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, MUTED))
            if len(rows) % 2 == 0:  # table row number even (the header is row 0)
                commands.append(("BACKGROUND", (1, 0), (-1, 0), PANEL))
            row_styles.append(commands)
    if not rows:
        out.append(ts.para(lb("kpi_none"), "muted"))
        return out
    # a windowed table: ReportLab would re-process the whole table at every page break
    out.append(WindowedTable(header, rows, row_styles,
                             col_widths=[width * 0.26, width * 0.22, width * 0.16, width * 0.36],
                             style=style))
    return out


# ---------------------------------------------------------------------------- stage chapters
TERMINAL = (StageKind.START, StageKind.WON, StageKind.LOST, StageKind.END)


def is_short(stage: Stage) -> bool:
    """A start, won, lost or end point with nothing to do in it: a short section that
    runs on after the chapter before it, never a page of its own."""
    return StageKind(stage.kind) in TERMINAL and not (
        stage.kpis or stage.actions or stage.scripts or stage.materials)


def chapter_break(previous: Stage | None, stage: Stage) -> Flowable:
    """What starts a chapter: a new page, except that a short (terminal) section runs on
    after the chapter before it, and a chapter after a short section shares its page
    when there is room for a good part of it (so no page holds only a short section)."""
    if previous is None:
        return PageBreak()
    if is_short(stage):
        return CondPageBreak(SHORT_SECTION)
    if is_short(previous):
        return CondPageBreak(CHAPTER_START)
    return PageBreak()


class RoomFor(CondPageBreak):
    """Starts a new page unless the flowables that follow (a run of short sections) fit
    in what is left of this one: they stay together, measured when laid out."""

    def __init__(self, flowables: list[Flowable], least: float) -> None:
        super().__init__(least)
        self.flowables, self.least = flowables, least

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        need = 0.0
        for f in self.flowables:
            if isinstance(f, CondPageBreak):
                continue
            need += f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            if need > avail_height:
                break
        frame = self._doctemplateAttr("frame")
        page = frame._height if frame is not None else avail_height
        self.height = max(self.least, min(need, page * 0.8))  # a page of them: just begin
        return super().wrap(avail_width, avail_height)


def stage_chapter(m: Manual, stage: Stage, anchor: Callable[..., Anchor],
                  width: float, previous: Stage | None = None,
                  badge: str = "") -> list[Flowable]:
    """One stage's chapter; ``badge`` (markup) marks it on its meta line ("Changed")."""
    ts, lb = m.ts, m.labels
    number = m.numbers[stage.id]
    lane = m.process.lane(stage.lane) if stage.lane else None
    color = lane_color(lane.color if lane else None)
    title = m.stage_title(stage)
    out: list[Flowable] = [chapter_break(previous, stage)]
    if previous is not None and (is_short(stage) or is_short(previous)):
        out.append(Spacer(1, 18))  # a chapter sharing a page: set apart from the one above
    out.append(anchor(m.keys[stage.id], title, stage=stage))
    meta = [lb("chapter", n=number), lb.kind(stage.kind), m.lane_name(stage.lane)]
    if stage.duration_days is not None:
        meta.append(lb.duration(stage.duration_days))
    out.append(ColorBar(color, 4, space_after=6))
    meta_markup = ts.markup("   ·   ".join(ts.short(x, 80) for x in meta), "chapter_no")
    out.append(ts.raw(meta_markup + ("   " + badge if badge else ""), "chapter_no"))
    out += ts.blocks(title, "stage_title")
    out.append(Spacer(1, 4))
    if stage.goal.strip():
        out.append(_callout(ts, [ts.para(lb("goal"), "callout_title")]
                            + ts.blocks(stage.goal, "goal"), color, width, fill=tint(color, 0.9)))
    if stage.description.strip():
        out += _heading(ts, lb("description"))
        out += ts.blocks(stage.description)
    if stage.exit_criteria:
        out += _heading(ts, lb("exit_criteria"))
        for criterion in stage.exit_criteria:
            out += _bulleted(ts, criterion, "✓")
    if stage.kpis:
        out += _heading(ts, lb("kpis"))
        for kpi in stage.kpis:
            target = ts.markup(target_text(kpi, lb), "item")
            out.append(ts.raw(f"{ts.markup(lb.name(kpi.name), 'item')}"
                              f'<font color="#1F3A5F">　{target}</font>',
                              "item", bulletText="■"))
            if kpi.definition.strip():
                out += ts.blocks(kpi.definition, "indent_muted")
    if stage.actions:
        out += _heading(ts, lb("actions"))
        for action in stage.actions:
            out.append(ts.para(lb.name(action.title), "check", bulletText="☐"))
            who = [lb("field", name=lb("owner"), value=action.owner)
                   if action.owner.strip() else "",
                   lb("field", name=lb("timing"), value=action.timing)
                   if action.timing.strip() else ""]
            if any(who):
                out.append(ts.para("   ·   ".join(w for w in who if w), "indent_muted"))
            if action.detail.strip():
                out += ts.blocks(action.detail, "indent")
            out.append(Spacer(1, 3))
    if stage.scripts:
        out += _heading(ts, lb("scripts"), need=CALLOUT_START)
        for n, script in enumerate(stage.scripts):
            head: list[Flowable] = [ts.para(lb.name(script.title), "callout_title")]
            if script.situation.strip():
                head.append(ts.para(lb("field", name=lb("situation"), value=script.situation),
                                    "muted"))
            if n:  # never a lone call-out title at a page foot (the heading sees to the first)
                out.append(CondPageBreak(CALLOUT_START))
            out.append(_callout(ts, head + ts.blocks(script.body, "callout"), color, width))
            out.append(Spacer(1, 6))
    if stage.materials:
        out += _heading(ts, lb("materials"))
        for material in stage.materials:
            out += _material(m, material)
    if stage.tips:
        out += _heading(ts, lb("tips"))
        for tip in stage.tips:
            out += _bulleted(ts, tip, "•")
    out += _next_steps(m, stage)
    return out


def _heading(ts: Typesetter, text: str, need: float = SECTION_START) -> list[Flowable]:
    """A section heading kept with its content: it starts a new page unless there is room
    for the heading *and* ``need`` points of what follows (keep-with-next, done by
    measure, since a heading cannot know how its first block will split)."""
    return [CondPageBreak(HEADING_HEIGHT + need), ts.para(text, "h2")]


def _bulleted(ts: Typesetter, text: str, bullet: str) -> list[Flowable]:
    return ts.blocks(text, "bullet", bullet=bullet)


def _callout(ts: Typesetter, parts: list[Flowable], color: colors.Color, width: float,
             fill: colors.Color = PANEL) -> Table:
    """A boxed block that may run over several pages: one table row per paragraph."""
    table = Table([[p] for p in parts], colWidths=[width], splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),

        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LINEBEFORE", (0, 0), (0, -1), 3, color),
        ("BOX", (0, 0), (-1, -1), 0.4, tint(color, 0.5)),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    return table


def _material(m: Manual, material) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    title = ts.markup(lb.name(material.title or material.uri), "bullet")
    lines = [title]
    aid = material.attachment_id
    uri = material.uri.strip()
    if aid is not None:
        name = m.process.attachments.get(aid)
        lines.append(ts.markup(lb("attachment", name=name.filename if name else aid), "bullet"))
    elif uri:
        shown = ts.markup(uri, "bullet")
        if uri.lower().startswith(("http://", "https://", "mailto:")) and _safe_href(uri):
            shown = f'<a href="{_attr(uri)}" color="#1F5FA8">{shown}</a>'
        lines.append(f'<font color="#1F5FA8">{shown}</font>' if "<a " not in shown else shown)
    out: list[Flowable] = [ts.raw("<br/>".join(lines), "bullet", bulletText="▸")]
    if material.note.strip():
        out += ts.blocks(material.note, "indent_muted")
    return out


def _safe_href(uri: str) -> bool:
    return len(uri) < 2000 and not any(ch.isspace() or ord(ch) < 32 for ch in uri)


def _attr(value: str) -> str:
    """``value`` for a double-quoted markup attribute: every markup character escaped
    (quoteattr would switch to single quotes around a value holding ``"``, which the
    caller's double quotes then break)."""
    from xml.sax.saxutils import escape
    return escape(value, {'"': "&quot;", "'": "&#39;"})


def _next_steps(m: Manual, stage: Stage) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    out: list[Flowable] = _heading(ts, lb("next_steps"))
    outgoing = m.process.outgoing(stage.id)
    if not outgoing:
        out.append(ts.para(lb("next_end"), "muted"))
        return out
    for t in outgoing:
        target = m.process.stage(t.target)
        name = ts.markup(ts.short(m.stage_title(target), 200), "bullet")
        if target.id in m.keys:
            number = m.numbers[target.id]
            name = f'<a href="#{m.keys[target.id]}" color="#1F5FA8">{number}. {name}</a>'
        else:
            name += f' <font color="#616E7C">{ts.markup(lb("next_outside"), "bullet")}</font>'
        lines = [name]
        if t.label.strip():
            lines.append(ts.markup(ts.short(t.label, 300), "bullet"))
        if t.condition.strip():
            prefix = ts.markup(lb("field", name=lb("condition"), value=""), "bullet")
            lines.append(f'<font color="#616E7C">{prefix}</font>'
                         + ts.markup(ts.short(t.condition, 1000), "bullet"))
        if target.lane != stage.lane and target.lane is not None:
            lane = m.process.lane(target.lane)
            hand = ts.markup(lb("handoff", lane=ts.short(lane.name or lane.id, 80)), "bullet")
            lines.append(f'<font color="{_hex(shade(lane_color(lane.color), 0.2))}">{hand}</font>')
        out.append(ts.raw("<br/>".join(lines), "bullet", bulletText="→"))
    return out


def _hex(color: colors.Color) -> str:
    return "#" + "".join(f"{round(v * 255):02X}" for v in (color.red, color.green, color.blue))
