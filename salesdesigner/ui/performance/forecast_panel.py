"""The dashboard's forecast and what-if panel: each stage's chance to end won with its
range, the open deals' expected won deals and revenue per coming month, and a slider that
sets one exit rate by hand — the panel's figures and the canvas overlay's chance pills
move with it (:meth:`Performance.set_what_if`), and so does the plan when it is on show
on the canvas ("Show the plan on the canvas": the deals each stage and arrow needs for
the goal last set in Process ▸ Plan…, that arrow's rate replaced by the slider's); the
document is never touched.  The slider solves while it is dragged: a large process solves
on a worker thread, the moves in between coalesced.

Figures and stage words come from the presentation catalogue (``analysis.fc_*``), in the
UI language; the controls' labels are translated by Qt (tr).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.presentation import display_number, with_unit, words_for
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.performance.state import Performance


def _pct(x: float) -> str:
    return f"{display_number(round(x * 100, 1))}%"


class ForecastPanel(QWidget):
    """Odds, forecast and the what-if slider for one window's :class:`Performance`."""

    planRequested = Signal()  # "Plan…": open Process ▸ Plan…
    planShown = Signal(bool)  # the plan on the canvas, on or off (the views turn it on)

    def __init__(self, performance: Performance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecastPanel")
        self.performance = performance
        self._filling = False
        self._order: tuple[object, list[str]] = (None, [])  # (odds, their funnel order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.odds = QLabel()
        self.odds.setObjectName("forecastOdds")
        self.figures = QLabel()
        self.figures.setObjectName("forecastFigures")
        for label in (self.odds, self.figures):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.what_if_title = QLabel()
        self.what_if_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.exit = QComboBox()
        self.exit.setObjectName("whatIfExit")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("whatIfRate")
        self.slider.setRange(0, 100)
        self.slider.setTracking(True)  # solve while dragging (coalesced, see Performance)
        self.reset = QPushButton()
        self.reset.setObjectName("whatIfReset")
        self.rate = QLabel()
        self.rate.setObjectName("whatIfRateText")
        self.effect = QLabel()
        self.effect.setObjectName("whatIfEffect")
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold;")
        self.plan_box = QCheckBox()
        self.plan_box.setObjectName("whatIfPlan")
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("whatIfPlanButton")
        self.plan_text = QLabel()
        self.plan_text.setObjectName("whatIfPlanText")
        self.plan_text.setWordWrap(True)
        self.plan_text.setTextFormat(Qt.TextFormat.PlainText)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_box, 1)
        plan_row.addWidget(self.plan_button)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.reset)
        for widget in (self.title, self.odds, self.figures, self.what_if_title, self.exit):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.rate)
        layout.addWidget(self.effect)
        layout.addLayout(plan_row)
        layout.addWidget(self.plan_text)
        self.plan_box.toggled.connect(self._plan_toggled)
        self.plan_button.clicked.connect(self.planRequested)
        self.exit.currentIndexChanged.connect(self._exit_chosen)
        self.slider.valueChanged.connect(self._slid)
        self.reset.clicked.connect(self._reset)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Win probability and forecast"))
        self.what_if_title.setText(self.tr("What if"))
        self.reset.setText(self.tr("Reset"))
        self.slider.setToolTip(self.tr("Set this rate by hand: the forecast and the chances "
                                       "on the canvas follow (the document is not changed)"))
        self.plan_box.setText(self.tr("Show the plan on the canvas"))
        self.plan_box.setToolTip(self.tr(
            "The deals each stage and arrow needs for the goal set in Process ▸ Plan… "
            "(10 won deals until one is set); the rate above moves it"))
        self.plan_button.setText(self.tr("Plan…"))
        self.render()

    # ------------------------------------------------------------------ drawing
    def render(self) -> None:
        result = self.performance.result
        look = result.outlook if result is not None else None
        self.setVisible(look is not None)
        if look is None:
            return
        from salesdesigner.model.forecast.report import forecast_lines, funnel_stages

        words = words_for(current_language(), "analysis")
        process = self.performance.process
        names = {s.id: words.name(s.name) for s in process.stages}
        if self._order[0] is not look.base:  # the same order for every what-if move
            self._order = (look.base, funnel_stages(look.base))
        lines = [words("fc_odds_line", name=names[sid], win=_pct(o.win), low=_pct(o.low),
                       high=_pct(o.high), seen=o.observed)
                 for sid in self._order[1] for o in (look.estimate.odds(sid),)]
        self.odds.setText("\n".join(lines))
        self.figures.setText("\n".join(forecast_lines(words, look.forecast,
                                                      process.currency)))
        self._fill_exits(look, names, words)
        self._show_effect(look, words, process.currency)
        self._show_plan(words)

    def _fill_exits(self, look, names, words) -> None:  # type: ignore[no-untyped-def]
        from salesdesigner.model.forecast.whatif import exits
        choices = [(s, t) for s, t, _ in exits(look.base)]
        self._filling = True
        try:
            if [self.exit.itemData(i) for i in range(self.exit.count())] != choices:
                self.exit.clear()
                for s, t in choices:
                    self.exit.addItem(
                        f"{names.get(s, s)} → {names.get(t, words('fc_closed_won'))}", (s, t))
                self.exit.setCurrentIndex(self._first_choice(choices))
            if look.change is not None and (look.change[0], look.change[1]) in choices:
                self.exit.setCurrentIndex(choices.index((look.change[0], look.change[1])))
        finally:
            self._filling = False
        self._sync_slider(look, names, words)

    def _first_choice(self, choices: list[tuple[str, str]]) -> int:
        """The rate a manager most likely wants to try: the bottleneck's arrow, else the
        first stage with a choice to make (a single exit at 100 % is a poor first offer)."""
        result = self.performance.result
        found = result.analysis.bottleneck if result and result.analysis else None
        if found is not None and (found.stage_id, found.to_stage) in choices:
            return choices.index((found.stage_id, found.to_stage))
        exits: dict[str, int] = {}
        for s, _ in choices:
            exits[s] = exits.get(s, 0) + 1
        return next((i for i, (s, _) in enumerate(choices) if exits[s] > 1), 0)

    def _sync_slider(self, look, names, words) -> None:  # type: ignore[no-untyped-def]
        chosen = self.exit.currentData()
        enabled = chosen is not None
        for widget in (self.exit, self.slider, self.reset):
            widget.setEnabled(enabled)
        if not enabled:
            self.rate.setText("")
            return
        s, t = chosen
        data = look.base.rows[s].get(t, 0.0)
        now = look.change[2] if look.change and look.change[:2] == (s, t) else data
        if not self.slider.isSliderDown():  # a drag ahead of its (coalesced) answers
            self._filling = True
            try:
                self.slider.setValue(round(now * 100))
            finally:
                self._filling = False
        self.rate.setText(words("fc_whatif_now", stage=names.get(s, s),
                                target=names.get(t, words("fc_closed_won")), rate=_pct(now),
                                data=_pct(data)))

    def _show_effect(self, look, words, currency: str) -> None:  # type: ignore[no-untyped-def]
        if look.change is None:
            self.effect.setText("")
            return
        before, after = look.base_forecast.total, look.forecast.total
        text = words("fc_whatif_effect", before=display_number(round(before.won, 1)),
                     after=display_number(round(after.won, 1)))
        if before.revenue is not None and after.revenue is not None:
            text += words.list_sep + words(
                "fc_whatif_effect_revenue", before=with_unit(round(before.revenue), currency),
                after=with_unit(round(after.revenue), currency))
        self.effect.setText(text)

    def _show_plan(self, words) -> None:  # type: ignore[no-untyped-def]
        """The plan's line: the deals that must come in, and how the what-if moves them."""
        performance = self.performance
        self._filling = True
        try:
            self.plan_box.setChecked(performance.plan_shown)
        finally:
            self._filling = False
        result = performance.result
        view = result.plan if result is not None else None
        if view is None:
            self.plan_text.setText("")
            return
        from salesdesigner.model.plan.report import count
        goal = view.goal
        what = (words("plan_goal_won", won=count(goal.won or 0)) if not goal.revenue else
                words("plan_goal_revenue", goal=with_unit(round(goal.goal or 0),
                                                          performance.process.currency)))
        if view.error:
            self.plan_text.setText(words("plan_cannot", goal=what, why=view.error))
            return
        base, now = view.base, view.now
        assert base is not None and now is not None
        lines = [words("plan_line", goal=what, n=count(base.entries))]
        if view.change is not None and view.followed:
            lines = [words("plan_moved", goal=what, before=count(base.entries),
                           after=count(now.entries))]
        elif view.change is not None:
            lines.append(words("plan_not_followed"))
        self.plan_text.setText("\n".join(lines))

    def _plan_toggled(self, on: bool) -> None:
        if not self._filling:
            self.planShown.emit(on)

    # ------------------------------------------------------------------ what-if
    def _exit_chosen(self, _index: int) -> None:
        if self._filling:
            return
        self.performance.set_what_if(None)  # one rate at a time: a new choice starts clean

    def _slid(self, value: int) -> None:
        if self._filling:
            return
        chosen = self.exit.currentData()
        if chosen is not None:
            self.performance.set_what_if((chosen[0], chosen[1], value / 100.0))

    def _reset(self) -> None:
        self.performance.set_what_if(None)


__all__ = ["ForecastPanel"]
