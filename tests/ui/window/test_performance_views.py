"""The performance overlay and the dashboard in a real window, on the hand-made history of
tests.model.actuals.history_samples (numbers worked out in test_onscreen.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salesdesigner.model.actuals import bottleneck_sentence, parse_period
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.canvas.performance import GhostFlowItem
from salesdesigner.ui.i18n import install_translators
from tests.model.actuals.history_samples import events, funnel_process

MAX = 14.0  # onscreen.MAX_WIDTH, written out: the widest flow


@pytest.fixture
def deals_window(make_window):
    process = funnel_process("en")
    process.set_actuals(actuals_of(events()))
    window = make_window(process)
    window.show()
    yield window
    window.performance_views.performance.wait()


def _overlay_on(window):
    window.actions_.performance_overlay.setChecked(True)
    window.performance_views.performance.wait()
    window.scene.flush()


def _widths(window) -> dict[str, float | None]:
    return {tid: item.flow_width for tid, item in window.scene.transition_items().items()}


def _ghosts(window) -> list[GhostFlowItem]:
    return [i for i in window.scene.items() if isinstance(i, GhostFlowItem)]


def test_without_actuals_the_toggles_are_off_disabled_and_say_why(window):
    overlay, dashboard = window.actions_.performance_overlay, window.actions_.dashboard
    assert not overlay.isEnabled() and not dashboard.isEnabled()
    assert "no deal history" in overlay.toolTip()
    assert overlay in window.actions_.menus["view"].actions()
    overlay.setChecked(True)  # even when forced, nothing is drawn
    assert not overlay.isChecked()
    assert all(i.performance is None for i in window.scene.stage_items().values())
    assert all(i.flow_width is None for i in window.scene.transition_items().values())


def test_the_overlay_colours_stages_widens_arrows_and_dashes_the_undrawn_flow(deals_window):
    window = deals_window
    before = window.process.snapshot()
    assert not window.actions_.performance_overlay.isChecked()  # off by default
    _overlay_on(window)
    # the latest full month of data ending 10 November: October
    assert window.performance_views.performance.period.label == "2026-10"
    stages = window.scene.stage_items()
    assert stages["prop"].performance[0] == "missed"
    assert stages["won"].performance is None  # outcomes carry no targets of their own
    names, kpi_lines = stages["prop"].text_lines()
    assert kpi_lines[0] == "50% / ≥ 90% 移行率"    # the actual beside the target
    widths = _widths(window)
    # deals per arrow in October: lead→prop 3, prop→nego 2, nego→won 1, nego→lost 0
    assert widths["lead-prop"] == MAX
    assert widths["prop-nego"] == pytest.approx(MAX * 2 / 3)
    assert widths["nego-won"] == pytest.approx(MAX / 3)
    assert widths["nego-lost"] == 1.0
    ghosts = _ghosts(window)
    assert [(g.source.stage_id, g.target.stage_id) for g in ghosts] == [("prop", "won")]
    assert ghosts[0].width == pytest.approx(MAX / 3)
    badge = window.performance_views.overlay.badges["prop"]
    assert (badge.reached, badge.bottleneck) == ("4 deals", "Bottleneck")
    assert "Below target" in badge.toolTip()  # the colour's meaning, on hover
    assert window.performance_views.overlay.badges["lead"].bottleneck == ""
    # it only draws: the document and its history are untouched
    assert window.process.snapshot() == before and window.undo_stack.count() == 0
    window.actions_.performance_overlay.setChecked(False)
    assert all(i.performance is None for i in stages.values())
    assert all(w is None for w in _widths(window).values())
    assert _ghosts(window) == []


def test_changing_the_period_updates_the_numbers(deals_window):
    window = deals_window
    _overlay_on(window)
    window.performance_views.performance.set_period(None)  # the whole history
    window.performance_views.performance.wait()
    # overall: lead→prop D1–D4 (4, the widest), prop→nego D1, D2 (2: half of it)
    widths = _widths(window)
    assert widths["lead-prop"] == MAX
    assert widths["prop-nego"] == pytest.approx(MAX / 2)
    assert window.performance_views.overlay.badges["lead"].reached == "5 deals"


def test_the_overlay_follows_edits_and_undo(deals_window):
    window = deals_window
    _overlay_on(window)
    window.scene.select_ids(transition_ids=["prop-nego"])
    window.editor.delete_selection()
    window.performance_views.performance.wait()
    window.scene.flush()
    # prop→nego is no longer drawn: its two deals now show as a dashed ghost
    pairs = {(g.source.stage_id, g.target.stage_id): g.width for g in _ghosts(window)}
    assert pairs == {("prop", "won"): pytest.approx(MAX / 3),
                     ("prop", "nego"): pytest.approx(MAX * 2 / 3)}
    window.undo_stack.undo()
    window.performance_views.performance.wait()
    window.scene.flush()
    assert _widths(window)["prop-nego"] == pytest.approx(MAX * 2 / 3)
    assert [(g.source.stage_id, g.target.stage_id) for g in _ghosts(window)] == [
        ("prop", "won")]


def test_removing_the_actuals_turns_the_overlay_off(deals_window, dialogs):
    window = deals_window
    _overlay_on(window)
    from PySide6.QtWidgets import QMessageBox
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    window.actions_.remove_actuals.trigger()
    window.performance_views.performance.wait()
    assert not window.actions_.performance_overlay.isChecked()
    assert not window.actions_.performance_overlay.isEnabled()
    assert all(i.performance is None for i in window.scene.stage_items().values())


def test_the_dashboard_shows_the_funnel_the_sentence_and_stalled_deals(deals_window, qtbot):
    window = deals_window
    window.actions_.dashboard.setChecked(True)
    views = window.performance_views
    views.performance.wait()
    dash = views.dashboard
    assert window.docks["dashboard"].isVisible()
    result = views.performance.result
    assert dash.sentence.text() == bottleneck_sentence(result.analysis, "en")
    assert dash.sentence.text().startswith("Proposal→Negotiation conversion is 50%")
    assert dash.kind.currentText() == "Month" and dash.value.currentText() == "2026-10"
    # one trend per KPI that says what it measures and has a target (lead 2, prop 4, nego 1)
    shown = [p for p in dash._trend_plots if not p.isHidden()]
    assert len(shown) == 7
    # stalled at October's end: deals listed as the analysis finds them, longest first
    stalled = result.analysis.stalled
    assert dash.stalled.rowCount() == len(stalled) > 0
    row = 0
    assert dash.stalled.item(row, 0).text() == stalled[row].deal_name
    rect = dash.stalled.visualItemRect(dash.stalled.item(row, 1))
    qtbot.mouseClick(dash.stalled.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.selected_stage_ids() == [stalled[row].stage_id]
    # the period picker: the whole history (the monthly trend is not worked out again)
    trend = result.trend
    assert [a.period.label for a in trend] == ["2026-10", "2026-11"]
    dash.kind.setCurrentIndex(0)
    views.performance.wait()
    assert views.performance.period is None
    assert views.performance.result.trend is trend
    assert dash.sentence.text() == ("Lead gets 2.5 deals a month against a target of 6. "
                                    "On target, 2.6 more deals would be won a month.")
    window.actions_.dashboard.setChecked(False)
    assert not window.docks["dashboard"].isVisible()


def test_the_dashboard_and_overlay_follow_the_language_switch(deals_window):
    window = deals_window
    window.actions_.dashboard.setChecked(True)
    _overlay_on(window)
    dash = window.performance_views.dashboard
    try:
        install_translators("ja")
        assert dash.period_label.text() == "期間："
        assert window.docks["dashboard"].windowTitle() == "ダッシュボード"
        assert dash.sentence.text().startswith("Proposal→Negotiationの移行率")
        assert dash.funnel_title.text() == words_for("ja", "analysis")("funnel")
        badge = window.performance_views.overlay.badges["prop"]
        assert (badge.reached, badge.bottleneck) == ("4件", "ボトルネック")
    finally:
        install_translators("en")
    assert dash.period_label.text() == "Period:"
    assert window.performance_views.overlay.badges["prop"].bottleneck == "Bottleneck"


def test_a_week_and_a_date_range_can_be_picked(deals_window):
    window = deals_window
    window.actions_.dashboard.setChecked(True)
    views = window.performance_views
    views.performance.wait()
    dash = views.dashboard
    dash.kind.setCurrentIndex(2)  # week: the latest first
    views.performance.wait()
    assert views.performance.period == parse_period("2026-W46")
    # the trend follows week by week: from 1 October (W40) to 10 November (W46)
    assert [p.label for p in views.performance.result.trend_periods] == [
        f"2026-W{w}" for w in range(40, 47)]
    dash.kind.setCurrentIndex(3)
    from PySide6.QtCore import QDate
    dash.first_day.setDate(QDate(2026, 10, 1))
    dash.last_day.setDate(QDate(2026, 10, 15))
    views.performance.wait()
    assert views.performance.period == parse_period("2026-10-01..2026-10-15")
    # a range across months: the trend stays monthly, with the months it spans shaded
    dash.first_day.setDate(QDate(2026, 10, 20))
    dash.last_day.setDate(QDate(2026, 11, 5))
    views.performance.wait()
    result = views.performance.result
    assert [p.label for p in result.trend_periods] == ["2026-10", "2026-11"]
    assert len(result.trend) == 2 and dash.shaded == (0, 1)
    shown = [p for p in dash._trend_plots if not p.isHidden()]
    regions = [i for i in shown[0].getPlotItem().items
               if type(i).__name__ == "LinearRegionItem"]
    assert [r.getRegion() for r in regions] == [(-0.4, 1.4)]


def test_a_stalled_list_longer_than_the_table_says_how_many_it_shows(deals_window,
                                                                      monkeypatch):
    from salesdesigner.ui.performance import dashboard as module

    monkeypatch.setattr(module, "MAX_STALLED_ROWS", 0)  # the sample has one stalled deal
    deals_window.actions_.dashboard.setChecked(True)
    views = deals_window.performance_views
    views.performance.wait()
    dash = views.dashboard
    total = len(views.performance.result.analysis.stalled)
    assert total >= 1 and dash.stalled.rowCount() == 0
    assert dash.stalled_more.isVisible()
    assert dash.stalled_more.text() == f"Showing the 0 longest-stalled of {total} deals."
    monkeypatch.setattr(module, "MAX_STALLED_ROWS", 500)
    dash.render()
    assert dash.stalled.rowCount() == total and not dash.stalled_more.isVisible()


def test_ghost_arrows_follow_a_moved_stage_and_a_new_document(deals_window):
    from salesdesigner.edits.stages import move_stages
    from salesdesigner.model import Position

    window = deals_window
    _overlay_on(window)
    ghost = _ghosts(window)[0]
    end = ghost.head.at(0)
    window.editor.push(move_stages(window.process, {"won": Position(2000, 900)}))
    window.scene.flush()
    moved = _ghosts(window)[0]
    assert moved.head.at(0) != end
    assert window.scene.stage_item("won").scene_body_rect().adjusted(-1, -1, 1, 1).contains(
        moved.head.at(0))
    # another document (a reset rebuilds every item): the look is put on the new items
    other = funnel_process("en")
    other.set_actuals(actuals_of(events()))
    window.process.reset(other)
    window.performance_views.performance.wait()
    window.scene.flush()
    assert window.scene.stage_items()["prop"].performance[0] == "missed"
    assert len(_ghosts(window)) == 1


def test_a_large_history_is_analysed_off_the_gui_thread_with_the_same_numbers(
        deals_window, monkeypatch):
    from salesdesigner.ui.performance import state

    monkeypatch.setattr(state, "LARGE", 0)  # every history counts as large
    window = deals_window
    busy: list[bool] = []
    window.performance_views.performance.busy.connect(busy.append)
    _overlay_on(window)
    assert busy[0] is True  # a worker thread ran ...
    from PySide6.QtWidgets import QApplication
    for _ in range(5):
        QApplication.processEvents()  # ... and its result arrives through the event loop
    window.scene.flush()
    assert busy[-1] is False
    assert _widths(window)["prop-nego"] == pytest.approx(MAX * 2 / 3)
    assert window.scene.stage_items()["prop"].performance[0] == "missed"
