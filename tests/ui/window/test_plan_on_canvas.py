"""The plan on the canvas overlay, moved by the what-if slider, in a real window.

The process: lead (appointment rate target 10 % to meeting) → meeting (win rate target
30 %) → won, each with a way to lost.  By hand: 30 won deals need 30 ÷ 0.3 = 100
meetings and 100 ÷ 0.1 = 1,000 leads; with meeting → won at 60 % they need 30 ÷ 0.6 = 50
meetings and 500 leads; with lead → meeting at 20 %, 30 ÷ (0.2 × 0.3) = 500 leads and
still 100 meetings.  Only views change: the document and its undo history stay as they
were.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.model.entities import Measure
from salesdesigner.ui.i18n import install_translators


def linear_process() -> Process:
    p = Process(id="lin", name="Linear", language="en", currency="USD")
    p.add_stage(Stage("lead", "Lead", kpis=(
        Kpi("Appointment rate", 10, "%", id="k-appt", measure=Measure.CONVERSION,
            measure_to="meeting"),)))
    p.add_stage(Stage("meeting", "Meeting", kpis=(
        Kpi("Win rate", 30, "%", id="k-win", measure=Measure.WIN_RATE),)))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST))
    for s, t in [("lead", "meeting"), ("lead", "lost"), ("meeting", "won"),
                 ("meeting", "lost")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def deal_events() -> list[DealEvent]:
    walks = {"D1": ["lead", "meeting", "won"], "D2": ["lead", "meeting", "lost"],
             "D3": ["lead", "lost"], "D4": ["lead"], "D5": ["lead", "meeting"],
             "D6": ["lead", "lost"]}
    out = []
    for n, (deal, walk) in enumerate(walks.items()):
        for step, sid in enumerate(walk):
            out.append(DealEvent(deal, sid, datetime(2026, 10, 1 + n, 9 + step)))
    return out


@pytest.fixture
def plan_window(make_window):
    process = linear_process()
    process.set_actuals(actuals_of(deal_events()))
    window = make_window(process)
    window.show()
    window.actions_.performance_overlay.setChecked(True)
    window.actions_.dashboard.setChecked(True)
    window.performance_views.performance.wait()
    yield window
    window.performance_views.performance.wait()


def _plan_pill(window, sid: str) -> str:
    return window.performance_views.overlay.badges[sid].plan


def _tag(window, tid: str) -> str:
    return window.performance_views.overlay.plan_tags[tid].text


def _choose_exit(panel, exit_: tuple[str, str]) -> None:
    panel.exit.setCurrentIndex([panel.exit.itemData(i) for i in range(panel.exit.count())]
                               .index(exit_))


def _open_plan(window, won: float):
    from salesdesigner.ui.plan import show_plan
    dialog = show_plan(window)
    dialog.goal.setValue(won)
    dialog.on_canvas.setChecked(True)
    window.performance_views.performance.wait()
    return dialog


def test_the_plan_dialogs_goal_shows_on_the_cards_and_arrows(plan_window):
    window = plan_window
    before = window.process.snapshot()
    overlay = window.performance_views.overlay
    assert _plan_pill(window, "lead") == ""                 # no plan on show yet
    _open_plan(window, 30)
    assert _plan_pill(window, "lead") == "plan 1,000"
    assert _plan_pill(window, "meeting") == "plan 100"
    assert _plan_pill(window, "won") == "plan 30"
    assert _tag(window, "lead-meeting") == "100"
    assert _tag(window, "meeting-won") == "30"
    # lead → lost has no target: its actual rate, 2 of the 5 finished leads (D3, D6)
    assert _tag(window, "lead-lost") == "400"
    assert "Lead → Meeting: 100 deals" in overlay.plan_tags["lead-meeting"].toolTip()
    panel = window.performance_views.dashboard.forecast
    assert panel.plan_box.isChecked()
    assert panel.plan_text.text() == "Plan for 30 won deals: 1,000 deals must come in"
    # the dialog's goal moves the canvas too
    window._plan_dialog.goal.setValue(60)
    window.performance_views.performance.wait()
    assert _plan_pill(window, "lead") == "plan 2,000"
    window._plan_dialog.on_canvas.setChecked(False)
    assert _plan_pill(window, "lead") == "" and not overlay.plan_tags
    assert window.process.snapshot() == before and window.undo_stack.count() == 0


def test_dragging_a_what_if_rate_moves_the_plan_and_the_forecast_on_the_canvas(plan_window):
    window = plan_window
    before = window.process.snapshot()
    _open_plan(window, 30)
    panel = window.performance_views.dashboard.forecast
    badges = window.performance_views.overlay.badges
    chance = badges["meeting"].chance
    _choose_exit(panel, ("meeting", "won"))
    panel.slider.setValue(60)                               # meeting → won at 60 %
    window.performance_views.performance.wait()
    assert _plan_pill(window, "meeting") == "plan 50"
    assert _plan_pill(window, "lead") == "plan 500"
    assert _tag(window, "lead-meeting") == "50"
    assert badges["meeting"].chance != chance               # the forecast moved as well
    assert panel.plan_text.text() == ("Plan for 30 won deals: deals that must come in "
                                      "1,000 → 500")
    _choose_exit(panel, ("lead", "meeting"))                # a new exit starts clean
    assert _plan_pill(window, "lead") == "plan 1,000"
    panel.slider.setValue(20)                               # lead → meeting at 20 %
    window.performance_views.performance.wait()
    assert _plan_pill(window, "lead") == "plan 500"
    assert _plan_pill(window, "meeting") == "plan 100"
    panel.reset.click()
    assert _plan_pill(window, "lead") == "plan 1,000"
    assert badges["meeting"].chance == chance
    assert window.process.snapshot() == before and window.undo_stack.count() == 0


def test_the_what_if_panel_shows_the_plan_without_the_dialog(plan_window):
    window = plan_window
    panel = window.performance_views.dashboard.forecast
    panel.plan_box.setChecked(True)                         # 10 won deals by default
    assert _plan_pill(window, "lead") == "plan 333.3"
    assert _plan_pill(window, "meeting") == "plan 33.3"
    panel.plan_box.setChecked(False)
    assert _plan_pill(window, "lead") == ""


def test_a_drag_on_a_large_process_is_solved_off_the_gui_thread_and_coalesced(
        plan_window, monkeypatch):
    from salesdesigner.ui.performance import state
    monkeypatch.setattr(state, "WHAT_IF_SYNC_STAGES", 0)    # treat this one as large
    window = plan_window
    _open_plan(window, 30)
    performance = window.performance_views.performance
    panel = window.performance_views.dashboard.forecast
    _choose_exit(panel, ("meeting", "won"))
    solved = []
    performance.moved.connect(lambda: solved.append(performance.result.plan.change))
    for value in range(31, 61):                             # thirty moves of a drag
        panel.slider.setValue(value)
    assert performance._what_if_job is not None             # the GUI thread went on
    performance.wait()
    assert _plan_pill(window, "meeting") == "plan 50"       # the last move's answer
    assert solved[-1] == ("meeting", "won", 0.6)
    assert len(solved) < 30                                 # the moves between, dropped


def test_a_rate_that_wins_nothing_says_why_instead_of_a_plan(plan_window):
    window = plan_window
    _open_plan(window, 30)
    panel = window.performance_views.dashboard.forecast
    _choose_exit(panel, ("meeting", "won"))
    panel.slider.setValue(0)
    window.performance_views.performance.wait()
    assert _plan_pill(window, "lead") == ""
    assert panel.plan_text.text().startswith("Plan for 30 won deals: with these rates no "
                                             "deal is ever won")


def test_the_plan_on_the_canvas_reads_in_japanese(plan_window):
    window = plan_window
    _open_plan(window, 30)
    panel = window.performance_views.dashboard.forecast
    try:
        install_translators("ja")
        assert _plan_pill(window, "lead") == "計画 1,000件"
        assert _tag(window, "lead-meeting") == "100件"
        assert panel.plan_box.text() == "計画をキャンバスに表示"
        assert panel.plan_text.text() == "計画（受注 30件）：プロセスに入るべき案件 1,000件"
    finally:
        install_translators("en")
