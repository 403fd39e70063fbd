"""The dashboard dock (View ▸ Dashboard): a period picker, the funnel in the team's own
process order, each measured KPI's trend per month (per week while a week is picked)
against its target, the bottleneck in one sentence and the stalled deals (a click selects
the deal's stage on the canvas).

Loaded when first opened (it brings pyqtgraph); every figure comes from the shared
:class:`~salesdesigner.ui.performance.state.Performance`.  Menu-like texts are translated
by Qt (tr); words about stages and KPIs come from the presentation catalogue, in the UI
language, and both follow a language switch at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.presentation import display_number, with_unit, words_for
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.performance import charts
from salesdesigner.ui.performance.state import Performance

KINDS = ("overall", "month", "week", "range")
MAX_STALLED_ROWS = 500


class Dashboard(QWidget):
    """The dock's contents for one window's :class:`Performance`."""

    stageRequested = Signal(str)  # a stalled deal was clicked: show its stage

    def __init__(self, performance: Performance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.performance = performance
        self._filling = False
        self._trend_plots: list = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        picker = QHBoxLayout()
        picker.setContentsMargins(8, 6, 8, 2)
        self.period_label = QLabel()
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        self.kind.addItems([""] * len(KINDS))
        self.value = QComboBox()
        self.value.setObjectName("periodValue")
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._range_changed)
        self.busy_label = QLabel()
        picker.addWidget(self.period_label)
        picker.addWidget(self.kind)
        picker.addWidget(self.value, 1)
        picker.addWidget(self.first_day)
        picker.addWidget(self.last_day)
        picker.addWidget(self.busy_label)
        outer.addLayout(picker)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setObjectName("bottleneckSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setStyleSheet("font-weight: bold; color: #B42318;")
        self.legend = QLabel()  # what the overlay's colours mean
        self.legend.setObjectName("overlayLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.funnel_title, self.trend_title, self.stalled_title = QLabel(), QLabel(), QLabel()
        for title in (self.funnel_title, self.trend_title, self.stalled_title):
            title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.funnel = charts.plot_widget(180)
        self.trends = QWidget()
        self.trend_grid = QGridLayout(self.trends)
        self.trend_grid.setContentsMargins(0, 0, 0, 0)
        self.stalled = QTableWidget(0, 3)
        self.stalled.setObjectName("stalledDeals")
        self.stalled.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stalled.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stalled.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stalled.verticalHeader().hide()
        self.stalled.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.stalled.setMinimumHeight(160)
        self.stalled.cellClicked.connect(self._stalled_clicked)
        self.stalled.cellActivated.connect(self._stalled_clicked)
        from salesdesigner.ui.performance.forecast_panel import ForecastPanel
        self.forecast = ForecastPanel(performance)  # odds, forecast and the what-if slider
        self.stalled_more = QLabel()  # "showing the 500 longest of N" when the list is cut
        self.stalled_more.setObjectName("stalledMore")
        self.stalled_more.setWordWrap(True)
        self.shaded: tuple[int, int] | None = None  # trend periods shaded as on show
        for widget in (self.empty, self.sentence, self.legend, self.funnel_title, self.funnel,
                       self.forecast, self.trend_title, self.trends, self.stalled_title,
                       self.stalled, self.stalled_more):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fit
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.value.currentIndexChanged.connect(self._value_changed)
        performance.changed.connect(self.render)
        performance.moved.connect(self._moved)
        performance.busy.connect(self._busy)
        self.retranslate()

    def _moved(self) -> None:
        """A what-if move: only the forecast panel's figures change (a full redraw of a
        1,000-stage funnel and its trends takes seconds)."""
        if self.isVisible():
            self.forecast.render()

    # ------------------------------------------------------------------ visibility
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.performance.use("dashboard", True)
        self.render()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.performance.use("dashboard", False)
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Period:"))
        for i, text in enumerate((self.tr("Overall"), self.tr("Month"), self.tr("Week"),
                                  self.tr("Date range"))):
            self.kind.setItemText(i, text)
        self.empty.setText(self.tr(
            "This document holds no deal history. Import the CRM's export "
            "(File ▸ Import) to compare the process with what happened."))
        self.stalled.setHorizontalHeaderLabels(
            [self.tr("Deal"), self.tr("Stage"), self.tr("Days in stage")])
        self.forecast.retranslate()
        self.render()

    def _busy(self, on: bool) -> None:
        self.busy_label.setText(self.tr("Analysing…") if on else "")

    # ------------------------------------------------------------------ period picker
    def _kind_changed(self, index: int) -> None:
        if self._filling:
            return
        kind = KINDS[max(index, 0)]
        self._fill_values(kind)
        self._pick()

    def _value_changed(self, _index: int) -> None:
        if not self._filling:
            self._pick()

    def _range_changed(self, _date: QDate) -> None:
        if not self._filling and KINDS[self.kind.currentIndex()] == "range":
            self._pick()

    def _pick(self) -> None:
        """Tell the shared state which period the picker shows now."""
        from salesdesigner.model.actuals.periods import Period

        kind = KINDS[max(self.kind.currentIndex(), 0)]
        if kind == "overall":
            self.performance.set_period(None)
        elif kind == "range":
            first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
            if isinstance(first, date) and isinstance(last, date) and first <= last:
                self.performance.set_period(Period.dates(first, last))
        else:
            period = self.value.currentData()
            if period is not None:
                self.performance.set_period(period)

    def _fill_values(self, kind: str) -> None:
        """The choices for ``kind``: the data's months or weeks, latest first."""
        from salesdesigner.model.actuals.onscreen import recent_weeks

        result = self.performance.result
        self._filling = True
        try:
            self.value.clear()
            periods = []
            if result is not None and kind == "month":
                periods = list(reversed(result.months))
            elif result is not None and kind == "week":
                periods = recent_weeks(result.first, result.last)
            for p in periods:
                self.value.addItem(p.label, p)
            current = self.performance.period
            index = next((i for i, p in enumerate(periods) if p == current), 0)
            self.value.setCurrentIndex(index)
            self.value.setVisible(kind in ("month", "week"))
            for edit in (self.first_day, self.last_day):
                edit.setVisible(kind == "range")
            if kind == "range" and result is not None and result.first and result.last:
                period = current if not isinstance(current, str) else None
                first = period.start.date() if period is not None else result.first.date()
                last = (period.end.date().toordinal() - 1) if period is not None else None
                self.first_day.setDate(QDate(first))
                self.last_day.setDate(QDate(date.fromordinal(last)) if last is not None
                                      else QDate(result.last.date()))
        finally:
            self._filling = False

    def _show_period(self) -> None:
        """Set the picker to the period on show (after results arrive)."""
        period = self.performance.period
        kind = "overall" if period is None else getattr(period, "kind", "month")
        self._filling = True
        try:
            self.kind.setCurrentIndex(KINDS.index(kind))
        finally:
            self._filling = False
        self._fill_values(kind)

    # ------------------------------------------------------------------ drawing
    def render(self) -> None:
        """Show the shared state's latest result in the UI language."""
        if not self.isVisible():
            return
        result = self.performance.result
        has_data = result is not None and result.analysis is not None
        # the picker lists the data's months and weeks: usable once they are known
        for widget in (self.kind, self.value, self.first_day, self.last_day):
            widget.setEnabled(has_data)
        for widget in (self.sentence, self.legend, self.funnel_title, self.funnel,
                       self.trend_title, self.trends, self.stalled_title, self.stalled):
            widget.setVisible(has_data)
        if not has_data:
            self.forecast.setVisible(False)
        self.stalled_more.setVisible(False)
        self.empty.setVisible(not has_data)
        if not has_data or result is None or result.analysis is None:
            return
        self._show_period()
        from salesdesigner.model.actuals.onscreen import funnel_order
        from salesdesigner.model.actuals.report import bottleneck_sentence
        from salesdesigner.model.entities import StageKind

        language = current_language()
        words = words_for(language, "analysis")
        analysis = result.analysis
        process = self.performance.process
        self.sentence.setText(bottleneck_sentence(analysis, language))
        self.legend.setText(_legend(words))
        self.funnel_title.setText(words("funnel"))
        self.trend_title.setText(words("kpis"))
        self.stalled_title.setText(self.tr("Stalled deals ({n})").format(
            n=f"{len(analysis.stalled):,}"))
        stats = {s.stage_id: s for s in analysis.stages}
        order = [sid for sid in funnel_order(process) if sid in stats]
        names = [words.name(stats[sid].name) for sid in order]
        self.funnel.setMinimumHeight(max(120, 26 * len(order) + 40))
        self.funnel.setMaximumHeight(max(120, 26 * len(order) + 40))
        charts.draw_funnel(self.funnel, names, [stats[sid].reached for sid in order],
                           [StageKind(stats[sid].kind) is StageKind.WON for sid in order])
        self.forecast.render()
        self._draw_trends(result, words, stats)
        self._fill_stalled(analysis, words, stats)

    def _draw_trends(self, result, words, stats) -> None:  # type: ignore[no-untyped-def]
        analysis = result.analysis
        measured = [k for k in analysis.kpis if k.measure and k.target is not None]
        while len(self._trend_plots) < len(measured):
            self._trend_plots.append(charts.plot_widget(150))
        for i, plot in enumerate(self._trend_plots):
            if i < len(measured):
                self.trend_grid.addWidget(plot, i, 0)
                plot.show()
            else:
                plot.hide()
        from salesdesigner.model.actuals.periods import overlapping
        labels = [p.label for p in result.trend_periods]
        chosen = self.shaded = overlapping(result.trend_periods, result.period)
        for plot, k in zip(self._trend_plots, measured, strict=False):
            series = []
            for month in result.trend:
                match = next((m for m in month.kpis if m.stage_id == k.stage_id
                              and m.kpi_id == k.kpi_id), None)
                series.append(match.actual if match is not None else None)
            stage = words.name(stats[k.stage_id].name) if k.stage_id in stats else ""
            target = with_unit(k.target, k.unit) if k.target is not None else ""
            # the KPI, its stage and target; the stage's name goes first when it is long
            goal = f" ({words('target')} {target})" if target else ""
            name = charts.elide(words.name(k.name), 32)
            title = f"{name} · {charts.elide(stage, 16)}"
            title = (title if len(title) + len(goal) <= 52 else name) + goal
            charts.draw_trend(plot, labels, series, k.target, chosen, _html(title))

    def _fill_stalled(self, analysis, words, stats) -> None:  # type: ignore[no-untyped-def]
        rows = analysis.stalled[:MAX_STALLED_ROWS]
        self.stalled.setRowCount(len(rows))
        cut = len(analysis.stalled) > len(rows)
        self.stalled_more.setVisible(cut)
        self.stalled_more.setText(self.tr(
            "Showing the {shown} longest-stalled of {total} deals.").format(
                shown=f"{len(rows):,}", total=f"{len(analysis.stalled):,}") if cut else "")
        for r, deal in enumerate(rows):
            stage = words.name(stats[deal.stage_id].name) if deal.stage_id in stats else ""
            cells = (deal.deal_name or deal.deal_id, stage, words.days(round(deal.days)))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, deal.stage_id)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    item.setData(Qt.ItemDataRole.ToolTipRole, display_number(round(deal.days, 1)))
                self.stalled.setItem(r, c, item)

    def _stalled_clicked(self, row: int, _column: int) -> None:
        item = self.stalled.item(row, 0)
        if item is not None:
            self.stageRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))


def _legend(words) -> str:  # type: ignore[no-untyped-def]
    """The overlay's colours and what they mean, in the catalogue's words."""
    import html

    from salesdesigner.model.actuals.onscreen import STATUSES
    from salesdesigner.ui.canvas.style import GHOST_FLOW, STATUS_COLORS

    parts = [f"<span style='color:{STATUS_COLORS[s][1].name()}'>■</span>&nbsp;"
             f"{html.escape(words('status_' + s))}" for s in STATUSES]
    parts.append(f"<span style='color:{GHOST_FLOW.name()}'>╌╌</span>&nbsp;"
                 f"{html.escape(words('undesigned'))}")
    return " &nbsp; ".join(parts)


def _html(text: str) -> str:
    """pyqtgraph titles are rich text: show the user's names literally."""
    import html
    return html.escape(text)


__all__ = ["Dashboard"]
