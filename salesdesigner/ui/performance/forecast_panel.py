"""The dashboard's forecast and what-if panel: each stage's chance to end won with its
range, the open deals' expected won deals and revenue per coming month, and a slider that
sets one exit rate by hand — the panel's figures and the canvas overlay's chance pills
move with it (:meth:`Performance.set_what_if`); the document is never touched.

Figures and stage words come from the presentation catalogue (``analysis.fc_*``), in the
UI language; the controls' labels are translated by Qt (tr).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

    def __init__(self, performance: Performance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecastPanel")
        self.performance = performance
        self._filling = False
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
        self.slider.setTracking(False)  # solve on release (a 1,000-stage chain takes a while)
        self.reset = QPushButton()
        self.reset.setObjectName("whatIfReset")
        self.rate = QLabel()
        self.rate.setObjectName("whatIfRateText")
        self.effect = QLabel()
        self.effect.setObjectName("whatIfEffect")
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold;")
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.reset)
        for widget in (self.title, self.odds, self.figures, self.what_if_title, self.exit):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.rate)
        layout.addWidget(self.effect)
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
        lines = [words("fc_odds_line", name=names[sid], win=_pct(o.win), low=_pct(o.low),
                       high=_pct(o.high), seen=o.observed)
                 for sid in funnel_stages(look.estimate) for o in (look.estimate.odds(sid),)]
        self.odds.setText("\n".join(lines))
        self.figures.setText("\n".join(forecast_lines(words, look.forecast,
                                                      process.currency)))
        self._fill_exits(look, names, words)
        self._show_effect(look, words, process.currency)

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
            if look.change is not None and (look.change[0], look.change[1]) in choices:
                self.exit.setCurrentIndex(choices.index((look.change[0], look.change[1])))
        finally:
            self._filling = False
        self._sync_slider(look, names, words)

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
