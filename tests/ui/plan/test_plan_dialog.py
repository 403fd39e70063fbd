"""Process ▸ Plan…: the back-calculation as a live table — typing the goal, a deal size or a
rate moves the numbers at once, bad input is said in the dialog, and both languages read."""

from __future__ import annotations

import pytest

from salesdesigner.ui.plan.dialog import PlanDialog
from tests.model.plan.test_backcalc import linear


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    d = PlanDialog(linear())
    qtbot.addWidget(d)
    return d


def _cell(table, first: str, column: int) -> str:  # type: ignore[no-untyped-def]
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == first:
            return table.item(row, column).text()
    raise AssertionError(f"no row {first!r}")


def test_the_plan_shows_each_stages_entries_for_the_goal(dialog) -> None:  # type: ignore[no-untyped-def]
    # 10 won (the default) at 10 % × 50 % × 30 % → 666.7 calls, 66.7 meetings
    assert _cell(dialog.stages, "Call", 1) == "666.7"
    assert _cell(dialog.stages, "Meeting", 1) == "66.7"
    assert _cell(dialog.stages, "Call", 2) == "600"          # closed at the call
    assert "666.7" in dialog.summary.text()
    dialog.goal.setValue(20)
    assert _cell(dialog.stages, "Call", 1) == "1,333.3"


def test_editing_an_arrows_rate_replans_and_reset_takes_it_back(dialog) -> None:  # type: ignore[no-untyped-def]
    for row in range(dialog.arrows.rowCount()):
        if dialog.arrows.item(row, 0).text() == "Call → Meeting":
            dialog.arrows.item(row, 1).setText("20")
            break
    assert _cell(dialog.stages, "Call", 1) == "333.3"
    assert _cell(dialog.arrows, "Call → Meeting", 2) == "set for this plan"
    dialog.reset_rates.click()
    assert _cell(dialog.stages, "Call", 1) == "666.7"


def test_a_revenue_goal_without_deal_size_says_why_in_the_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.goal_kind.setCurrentIndex(1)              # revenue; deal size "from the actuals"
    assert not dialog.error.isHidden()
    assert "deal size" in dialog.error.text()
    assert dialog.stages.rowCount() == 0
    dialog.goal.setValue(3_000_000)
    dialog.deal_size.setValue(300_000)
    assert dialog.error.isHidden()
    assert _cell(dialog.stages, "Won", 1) == "10"


def test_people_per_lane_give_the_daily_activity_per_person(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.days.setValue(10)
    dialog.heads.item(0, 1).setText("2")             # Inside sales: 2 people
    # 666.7 calls ÷ (2 × 10 days) = 33.3 a day each
    assert _cell(dialog.stages, "Call", 3) == "33.3"
    dialog.heads.item(0, 1).setText("two")
    assert "numbers" in dialog.error.text()


def test_the_dialog_speaks_japanese(qtbot) -> None:  # type: ignore[no-untyped-def]
    from salesdesigner.ui.app import application
    from salesdesigner.ui.i18n import install_translators
    application("ja")
    try:
        d = PlanDialog(linear())
        qtbot.addWidget(d)
        assert d.windowTitle() == "計画：目標に必要な活動量"
        assert d.stages.horizontalHeaderItem(1).text() == "件数"
        assert "プロセスに入るべき案件：666.7件" in d.summary.text()
    finally:
        install_translators("en")



def test_the_assumptions_are_listed_and_follow_the_rates(qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.model.plan.test_backcalc import branching
    d = PlanDialog(branching())
    qtbot.addWidget(d)
    # "fit?" splits slow and lost evenly (no target, no history): both said, 40 % each
    assert not d.assumptions.isHidden()
    text = d.assumptions.text()
    assert "Assumptions the plan makes" in text
    assert "Fit? → Slow: 40% assumed" in text and "Fit? → Lost: 40% assumed" in text
    for row in range(d.arrows.rowCount()):                # the manager sets one of them
        if d.arrows.item(row, 0).text() == "Fit? → Slow":
            d.arrows.item(row, 1).setText("50")
            break
    # lost now takes what is left (30 %): a decision routes every deal, nothing assumed
    assert d.assumptions.isHidden()
    assert "Fit? → Slow" not in d.assumptions.text()


def test_a_plan_with_nothing_assumed_shows_no_assumption_line(dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.assumptions.isHidden()
    dialog.goal_kind.setCurrentIndex(1)                   # an error: the line stays hidden
    assert dialog.assumptions.isHidden()


def test_the_assumptions_speak_japanese(qtbot) -> None:  # type: ignore[no-untyped-def]
    from salesdesigner.ui.app import application
    from salesdesigner.ui.i18n import install_translators
    from tests.model.plan.test_backcalc import branching
    application("ja")
    try:
        d = PlanDialog(branching())
        qtbot.addWidget(d)
        assert "計画の仮定" in d.assumptions.text()
        assert "Fit? → Slow：40%と仮定" in d.assumptions.text()
    finally:
        install_translators("en")
