"""The manual's optional "Current performance" chapter: the imported deal history on the
team's own process for one period — the funnel in process order, KPI actuals against their
targets, the bottleneck in one sentence, and a trend per KPI over the months before.

Aggregates only: counts, rates, days and (for a won-amount KPI over enough won deals) sums.
Deal ids, names, owners and single deals' amounts never reach the page — a won-amount
figure over fewer than :data:`MIN_AMOUNT_DEALS` deals would be a deal's amount, so it is
left out.  Charts are reportlab.graphics drawings that hold numbers only; every user text
(stage and KPI names) is set in escaped paragraphs beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from salesdesigner.export.pdf.errors import PdfExportError
from salesdesigner.export.pdf.fonts import SANS
from salesdesigner.export.pdf.rowtable import WindowedTable
from salesdesigner.export.pdf.sections import Anchor, Manual, _callout, _heading
from salesdesigner.export.pdf.styles import (
    ACCENT,
    LOST,
    MUTED,
    PANEL,
    RULE,
    WON,
    lane_color,
    tint,
)
from salesdesigner.model.actuals.analysis import Analysis, analyze_history
from salesdesigner.model.actuals.bottleneck import win_chances
from salesdesigner.model.actuals.funnel import stall_thresholds
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.actuals.kpis import KpiActual
from salesdesigner.model.actuals.periods import (
    Period,
    latest_full_month,
    months_between,
    parse_period,
)
from salesdesigner.model.actuals.report import bottleneck_sentence
from salesdesigner.model.entities import Direction, Kpi, Measure, StageKind
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import display_number, with_unit, words_for
from salesdesigner.model.process import Process

MIN_AMOUNT_DEALS = 3   # a won amount summed over fewer deals is shown as "not shown"
TREND_MONTHS = 12      # months of trend, ending with the period's month
CHART_HEIGHT = 92.0    # points, one trend chart's plot
TABLE_START = 130.0    # a table heading goes with the header and two rows (no orphan row)


@dataclass(frozen=True)
class Performance:
    """What the chapter prints: the period's analysis and the monthly ones before it."""

    analysis: Analysis
    trend: tuple[Analysis, ...]


def performance_of(process: Process, period: Period | str | None = None) -> Performance:
    """The analysis of ``process``'s actuals for ``period`` (default: the latest full
    month of the data) and the trend of up to :data:`TREND_MONTHS` months ending with it.
    A document without actuals is an error (the option is offered only with them)."""
    events = process.actuals.events
    if not events:
        raise PdfExportError("The document holds no actuals, so the manual cannot show "
                             "the current performance: import a CRM export first.")
    history = build_history(process, events)
    if history.first is None or history.last is None:
        raise PdfExportError("None of the document's actuals names a stage of this "
                             "process, so the manual cannot show the current performance.")
    if isinstance(period, str):
        period = parse_period(period)
    if period is None:
        period = latest_full_month(history.first, history.last)
    chances, thresholds = win_chances(history), stall_thresholds(history)
    analysis = analyze_history(history, period, chances=chances, thresholds=thresholds)
    months = months_between(history.first, period.end - timedelta(seconds=1))
    months = months[-TREND_MONTHS:]
    trend = tuple(analyze_history(history, p, chances=chances, thresholds=thresholds)
                  for p in months)
    return Performance(analysis, trend)


# ---------------------------------------------------------------------- the chapter
def performance_chapter(m: Manual, perf: Performance, anchor: Callable[..., Anchor],
                        width: float) -> list[Flowable]:
    """The chapter's flowables (it starts a page; headings stay with their content)."""
    ts, lb = m.ts, m.labels
    aw = words_for(lb.code, "analysis")
    a = perf.analysis
    title = lb("performance")
    out: list[Flowable] = [PageBreak(), anchor("performance", title), ts.para(title, "h1")]
    out.append(ts.para(lb("performance_intro"), "muted"))
    as_of = lb.date(a.as_of.date()) if a.as_of else "—"
    out.append(ts.para(lb("perf_facts", period=period_label(a.period, lb), deals=f"{a.deals:,}",
                          as_of=as_of), "body"))
    out.append(Spacer(1, 4))
    out += _heading(ts, lb("bottleneck"), need=40)
    out.append(_callout(ts, [ts.para(bottleneck_sentence(a, lb.code), "goal")], ACCENT, width,
                        fill=tint(ACCENT, 0.9)))
    out += _heading(ts, lb("funnel"), need=TABLE_START + 30)
    if not a.deals:
        out.append(ts.para(lb("perf_no_deals"), "muted"))
    else:
        out.append(ts.para(lb("funnel_note"), "muted"))
        out.append(_funnel_table(m, a, width))
    out += _heading(ts, lb("kpi_actuals"), need=TABLE_START)
    out += _kpi_table(m, a, aw, width)
    out += _heading(ts, lb("trends"), need=CHART_HEIGHT + 60)
    out += _trends(m, perf, width)
    return out


def period_label(period: Period | None, lb) -> str:  # type: ignore[no-untyped-def]
    """"2026年10月" / "October 2026" for a month; a week or a range as typed."""
    if period is None:
        return words_for(lb.code, "analysis")("overall")
    if period.kind == "month":
        month = lb.text("months").split(",")[period.start.month - 1]
        return lb("month_label", year=period.start.year, month=month
                  if not lb.japanese else period.start.month)
    return period.label


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{display_number(round(value * 100, 1))}%"


class _Bar(Flowable):
    """One funnel bar: a reportlab.graphics drawing, its length the stage's reach."""

    def __init__(self, share: float, color: colors.Color, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.drawing = Drawing(width, height)
        self.drawing.add(Rect(0, 0, width, height, fillColor=PANEL, strokeColor=None))
        if share > 0:
            self.drawing.add(Rect(0, 0, max(1.0, width * share), height, fillColor=color,
                                  strokeColor=None))

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def stage_bar_table(m: Manual, order: list[str], size: Mapping[str, float],
                    header: list[str], widths: list[float],
                    cells: Callable[[str, bool], list[str]]) -> Flowable:
    """The stage table the performance and plan chapters share: a row per stage of
    ``order`` — its number and name beside its lane's colour, a bar as long as its
    ``size`` against the largest, the number in the next column, then ``cells(stage id,
    terminal)`` right-aligned — under ``header`` (the bar's heading spans the bar and the
    number: ``header[2]`` is left empty)."""
    ts = m.ts
    top = max((size[sid] for sid in order), default=0) or 1
    rows, row_styles = [], []
    for sid in order:
        stage = m.process.stage(sid)
        color = lane_color(m.process.lane(stage.lane).color if stage.lane else None)
        number = m.numbers.get(sid)
        name = ts.short(m.stage_title(stage), 120)
        rows.append([ts.para(f"{number}. {name}" if number is not None else name, "cell"),
                     _Bar(size[sid] / top, color, widths[1] - 12, 9),
                     *(ts.para(text, "cell_right")
                       for text in cells(sid, StageKind(stage.kind).is_terminal))])
        row_styles.append([("LINEBEFORE", (0, 0), (0, 0), 3, color)])
    style = [("FONTNAME", (0, 0), (-1, -1), SANS), ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
             ("SPAN", (1, 0), (2, 0)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
             ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
    return WindowedTable([[ts.para(text, "cell_head") for text in header]], rows, row_styles,
                         col_widths=widths, style=style)


def _funnel_table(m: Manual, a: Analysis, width: float) -> Flowable:
    lb = m.labels
    stats = {s.stage_id: s for s in a.stages}

    def shown(sid: str) -> bool:  # a CRM has no decisions; a start point only if used
        kind = StageKind(m.process.stage(sid).kind)
        return kind is not StageKind.DECISION and (kind is not StageKind.START
                                                   or stats[sid].reached > 0)

    def cells(sid: str, terminal: bool) -> list[str]:
        s = stats[sid]
        return [lb("count", n=f"{s.reached:,}"),
                "—" if terminal else _rate(s.moved_on_total / s.reached if s.reached else None),
                "—" if terminal else _rate(s.conversion_to_won),
                "—" if s.days_median is None else lb.days(round(s.days_median, 1))]

    order = [sid for sid in process_order(m.process) if shown(sid)]
    widths = [width * 0.27, width * 0.28, width * 0.1, width * 0.1, width * 0.1, width * 0.15]
    header = [lb(k) for k in ("col_stage", "col_reached", "col_reached", "col_next",
                              "col_to_won", "col_days")]
    header[2] = ""
    return stage_bar_table(m, order, {sid: stats[sid].reached for sid in order}, header,
                           widths, cells)


def _actual_text(k: KpiActual, lb, aw) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """(actual, result, style of the result) as printed; amounts over too few deals hidden."""
    if k.actual is None:
        return "—", aw(f"reason_{k.reason}"), "cell_muted"
    if k.measure == Measure.WON_AMOUNT.value and k.basis < MIN_AMOUNT_DEALS:
        return "—", lb("amount_hidden", n=MIN_AMOUNT_DEALS), "cell_muted"
    actual = with_unit(round(k.actual, 1), k.unit)
    if k.met is None:
        return actual, "", "cell"
    return actual, aw("met" if k.met else "missed"), "cell_met" if k.met else "cell_missed"


def _kpi_table(m: Manual, a: Analysis, aw, width: float) -> list[Flowable]:  # type: ignore[no-untyped-def]
    ts, lb = m.ts, m.labels
    _result_styles(ts)
    kpis = [k for k in a.kpis if k.reason != "no_measure"]
    unmeasured = len(a.kpis) - len(kpis)
    note = [ts.para(lb("kpi_unmeasured", n=unmeasured), "muted")] if unmeasured else []
    if not kpis:
        return [ts.para(lb("kpi_none"), "muted")] if not a.kpis else note
    header = [[ts.para(lb(k), "cell_head") for k in
               ("col_stage", "col_kpi", "col_target", "col_actual", "col_result")]]
    rows, row_styles = [], []
    previous = None
    for k in kpis:
        stage = m.process.stage(k.stage_id)
        number = m.numbers.get(k.stage_id)
        name = ts.short(m.stage_title(stage), 200)
        shown = f"{number}. {name}" if number is not None else name
        actual, result, style = _actual_text(k, lb, aw)
        target = lb.kpi_target(_as_kpi(k)) or lb("no_target")
        first = k.stage_id != previous
        rows.append([ts.para(shown, "cell_bold" if first else "cell_muted"),
                     ts.para(ts.short(lb.name(k.name), 300), "cell"),
                     ts.para(target, "cell"), ts.para(actual, "cell"),
                     ts.para(result, style)])
        commands: list[tuple] = []
        if first:
            commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, MUTED))
        if k.met is False and style == "cell_missed":
            commands.append(("BACKGROUND", (3, 0), (4, 0), tint(LOST, 0.9)))
        row_styles.append(commands)
        previous = k.stage_id
    style = [("FONTNAME", (0, 0), (-1, -1), SANS), ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
    return [WindowedTable(header, rows, row_styles, style=style,
                          col_widths=[width * 0.24, width * 0.24, width * 0.13,
                                      width * 0.14, width * 0.25]), *note]


def _result_styles(ts) -> None:  # type: ignore[no-untyped-def]
    """"Met" in green, "below target" in red (bold: colour is not the only sign)."""
    from reportlab.lib.styles import ParagraphStyle
    bold = ts.styles["cell_bold"]
    ts.styles.setdefault("cell_met", ParagraphStyle("cell_met", parent=bold, textColor=WON))
    ts.styles.setdefault("cell_missed", ParagraphStyle("cell_missed", parent=bold,
                                                       textColor=LOST))


def _as_kpi(k: KpiActual) -> Kpi:
    return Kpi(name=k.name, target=k.target, unit=k.unit, direction=Direction(k.direction))


# ---------------------------------------------------------------------- trends
def _trend_values(perf: Performance, index: int) -> list[float | None]:
    values: list[float | None] = []
    for month in perf.trend:
        k = month.kpis[index]
        hidden = k.measure == Measure.WON_AMOUNT.value and k.basis < MIN_AMOUNT_DEALS
        values.append(None if k.actual is None or hidden else round(k.actual, 3))
    return values


def _trends(m: Manual, perf: Performance, width: float) -> list[Flowable]:
    ts, lb = m.ts, m.labels
    months = lb.text("months_short").split(",")
    names = [months[p.period.start.month - 1] if p.period else "" for p in perf.trend]
    cells: list[list[Flowable]] = []
    for index, k in enumerate(perf.analysis.kpis):
        if k.measure is None or k.reason in ("unknown_stage", "not_next"):
            continue
        values = _trend_values(perf, index)
        if all(v is None for v in values):
            continue
        stage = m.process.stage(k.stage_id)
        number = m.numbers.get(k.stage_id)
        target = lb.kpi_target(_as_kpi(k))
        title = f"{ts.short(m.stage_title(stage), 60)} · {ts.short(lb.name(k.name), 80)}"
        if number is not None:
            title = f"{number}. {title}"
        head = [ts.para(title, "cell_bold")]
        if target:
            head.append(ts.para(lb("field", name=lb("col_target"), value=target), "cell_muted"))
        rate = k.measure in (Measure.CONVERSION.value, Measure.WIN_RATE.value)
        suffix = "%" if rate and k.percent else ""
        chart = _chart(values, k.target, names, width / 2 - 16, suffix)
        cells.append([*head, chart])
    if not cells:
        return [ts.para(lb("trend_none"), "muted")]
    out: list[Flowable] = [ts.para(lb("trend_note"), "muted")]
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    for row in rows:
        if len(row) == 1:
            row.append([])
        table = Table([row], colWidths=[width / 2, width / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
        out += [CondPageBreak(CHART_HEIGHT + 60), table]
    return out


class _Chart(Flowable):
    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def _chart(values: list[float | None], target: float | None, months: list[str],
           width: float, suffix: str = "") -> Flowable:
    """A line chart of one KPI by month: actual (solid, dots) and target (dotted);
    ``suffix`` follows the axis numbers ("%")."""
    drawing = Drawing(width, CHART_HEIGHT + 24)
    chart = HorizontalLineChart()
    chart.x, chart.y = 34, 16
    chart.width, chart.height = width - 40, CHART_HEIGHT
    data = [values]
    if target is not None:
        data.append([target] * len(values))
    chart.data = data
    chart.joinedLines = 1
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 1.6
    from reportlab.graphics.widgets.markers import makeMarker
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3.2, fillColor=ACCENT)
    if target is not None:
        chart.lines[1].strokeColor = WON
        chart.lines[1].strokeWidth = 1
        chart.lines[1].strokeDashArray = (2, 2)
    shown = [v for v in values if v is not None] + ([target] if target is not None else [])
    low, high = min(shown + [0.0]), max(shown) if shown else 1.0
    if high <= low:
        high = low + 1
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = high * 1.1
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = lambda v: display_number(round(v, 2)) + suffix
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = tint(RULE, 0.4)
    chart.categoryAxis.categoryNames = months
    chart.categoryAxis.labels.fontName = SANS if all(x.isascii() for x in months) else \
        _japanese_font()
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.strokeColor = RULE
    if len(months) > 8:  # every other month named, so labels never touch
        chart.categoryAxis.categoryNames = [x if i % 2 == (len(months) - 1) % 2 else ""
                                            for i, x in enumerate(months)]
    drawing.add(chart)
    return _Chart(drawing)


def _japanese_font() -> str:
    from salesdesigner.export.pdf.fonts import GOTHIC
    return GOTHIC


__all__ = ["MIN_AMOUNT_DEALS", "Performance", "performance_chapter", "performance_of",
           "period_label"]
