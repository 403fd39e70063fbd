"""The dashboard's forecast and what-if panel in a real window: the odds and the open
deals' forecast as the model gives them, a rate slider that moves the panel's figures and
the canvas overlay's chance pills, a reset, both languages; the document is never touched.
History: tests.model.actuals.history_samples."""

from __future__ import annotations

import pytest

from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.model.forecast.onscreen import outlook
from salesdesigner.ui.i18n import install_translators
from tests.model.actuals.history_samples import events, funnel_process


@pytest.fixture
def deals_window(make_window):
    process = funnel_process("en")
    process.set_actuals(actuals_of(events()))
    window = make_window(process)
    window.show()
    window.actions_.performance_overlay.setChecked(True)
    window.actions_.dashboard.setChecked(True)
    window.performance_views.performance.wait()
    yield window
    window.performance_views.performance.wait()


def _pill(window, sid: str) -> str:
    return window.performance_views.overlay.badges[sid].chance


def _expected(window, change=None):
    history = build_history(window.process, window.process.actuals.events)
    return outlook(history, change)


def test_the_panel_shows_each_stages_chance_and_the_open_deals_forecast(deals_window):
    window = deals_window
    panel = window.performance_views.dashboard.forecast
    assert panel.isVisible()
    model = _expected(window)
    prop = model.estimate.odds("prop")
    assert f"Proposal: {round(prop.win * 100, 1):g}%" in panel.odds.text()
    # D4 (prop) and D5 (lead) are open as of 10 November
    assert panel.figures.text().startswith("Forecast of the open deals (2), as of "
                                           "10 November 2026")
    assert _pill(window, "prop") == f"wins {round(prop.win * 100):g}%"
    assert _pill(window, "won") == ""  # outcomes carry no chance pill
    exits = [panel.exit.itemData(i) for i in range(panel.exit.count())]
    assert ("prop", "nego") in exits and ("nego", "__won__") not in exits


def test_the_rate_slider_moves_the_forecast_and_the_canvas_then_reset_brings_it_back(
        deals_window):
    window = deals_window
    before = window.process.snapshot()
    panel = window.performance_views.dashboard.forecast
    performance = window.performance_views.performance
    was = panel.figures.text()
    pill = _pill(window, "prop")
    panel.exit.setCurrentIndex([panel.exit.itemData(i) for i in range(panel.exit.count())]
                               .index(("prop", "nego")))
    panel.slider.setValue(100)  # every deal in Proposal goes on to Negotiation
    assert performance.what_if == ("prop", "nego", 1.0)
    moved = _expected(window, ("prop", "nego", 1.0))
    # a deal in Proposal now wins as one in Negotiation does
    assert moved.estimate.odds("prop").win == pytest.approx(moved.estimate.odds("nego").win)
    assert _pill(window, "prop") == f"wins {round(moved.estimate.odds('prop').win * 100):g}%"
    assert _pill(window, "prop") != pill
    assert panel.figures.text() != was
    total = moved.forecast.total.won
    assert panel.effect.text().startswith("Expected won deals from the open pipeline: ")
    assert panel.effect.text().endswith(f"→ {round(total, 1):g}") or \
        f"→ {round(total, 1):g}," in panel.effect.text()
    assert panel.rate.text().startswith("Proposal → Negotiation: 100% (from the data: ")
    panel.reset.click()
    assert performance.what_if is None
    assert _pill(window, "prop") == pill and panel.figures.text() == was
    assert panel.effect.text() == ""
    # it only shows: the document and its history are untouched, nothing to undo
    assert window.process.snapshot() == before and window.undo_stack.count() == 0


def test_the_panel_reads_in_japanese_after_a_language_switch(deals_window):
    window = deals_window
    panel = window.performance_views.dashboard.forecast
    try:
        install_translators("ja")
        assert panel.title.text() == "受注確率と着地予測"
        assert panel.reset.text() == "元に戻す"
        assert "進行中の商談2件の着地予測" in panel.figures.text()
        assert _pill(window, "prop").startswith("受注確率 ")
    finally:
        install_translators("en")
    assert panel.title.text() == "Win probability and forecast"


def test_the_first_rate_offered_is_a_real_choice_not_a_single_exit(deals_window):
    # Lead's only exit towards a win is Proposal (100 % of the moves that can still win);
    # the bottleneck here is Lead's entries, not an arrow: the first stage with a choice
    panel = deals_window.performance_views.dashboard.forecast
    assert panel.exit.itemData(0) == ("lead", "prop")
    assert panel.exit.currentData() == ("prop", "nego")
    assert panel.rate.text().startswith("Proposal → Negotiation: ")
