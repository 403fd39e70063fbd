"""The plan the canvas overlay shows, and the same plan with the what-if panel's rate:
which drawn arrow a what-if move sets, and the entries worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals.bottleneck import WON
from salesdesigner.model.entities import Measure
from salesdesigner.model.plan.onscreen import PlanGoal, arrow_for, plan_view


def conv(percent: float, to: str) -> Kpi:
    return Kpi("conv", percent, "%", id=f"c-{to}", measure=Measure.CONVERSION, measure_to=to)


def win(percent: float) -> Kpi:
    return Kpi("win", percent, "%", id="w", measure=Measure.WIN_RATE)


def build(stages: list[Stage], arrows: list[tuple[str, str]]) -> Process:
    p = Process(id="p", name="P", language="en", currency="USD")
    for s in stages:
        p.add_stage(s)
    for s, t in arrows:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def funnel() -> Process:
    """lead (10 % to prop) → prop (wins 35 %, one exit) → nego → "deal?" → won / lost
    (nego wins 70 %)."""
    return build([
        Stage("lead", "Lead", kpis=(conv(10, "prop"),)),
        Stage("prop", "Proposal", kpis=(win(35),)),
        Stage("nego", "Negotiation", kpis=(win(70),)),
        Stage("deal", "Deal?", StageKind.DECISION),
        Stage("won", "Won", StageKind.WON), Stage("lost", "Lost", StageKind.LOST)],
        [("lead", "prop"), ("lead", "lost"), ("prop", "nego"), ("nego", "deal"),
         ("deal", "won"), ("deal", "lost")])


def test_a_what_if_move_sets_the_drawn_arrow_or_the_decisions_arrow_on_its_way() -> None:
    p = funnel()
    assert arrow_for(p, ("lead", "prop", 0.2)) == ("lead", "prop")
    # nego's only exit is the decision: its arrow into won is nego's share of won
    assert arrow_for(p, ("nego", "won", 0.8)) == ("deal", "won")
    assert arrow_for(p, ("nego", WON, 0.8)) == ("deal", "won")   # closed won at nego
    assert arrow_for(p, ("lead", "won", 0.1)) is None            # a move nobody drew
    assert arrow_for(p, ("gone", "won", 0.1)) is None


def test_the_plan_follows_the_what_if_rate_with_every_other_rate_as_planned() -> None:
    p = funnel()
    base = plan_view(p, PlanGoal(won=30), None)
    # prop → nego is fitted to prop's 35 %: 0.35 ÷ 0.7 = 0.5; 30 won ÷ 0.7 = 42.86 in
    # nego, ÷ 0.5 = 85.71 in prop, ÷ 0.1 = 857.1 leads
    assert base.now.stages["nego"] == pytest.approx(30 / 0.7)
    assert base.now.stages["lead"] == pytest.approx(30 / 0.7 / 0.5 / 0.1)
    moved = plan_view(p, PlanGoal(won=30), None, ("nego", "won", 0.85), base.base)
    # closing at 85 % and prop → nego kept at 0.5: 35.29 in nego, 70.59 in prop, 705.9
    # leads (re-fitting prop → nego to 0.35 ÷ 0.85 would give back the whole gain)
    assert moved.followed and moved.base is base.base
    assert moved.now.stages["nego"] == pytest.approx(30 / 0.85)
    assert moved.now.stages["prop"] == pytest.approx(30 / 0.85 / 0.5)
    assert moved.now.stages["lead"] == pytest.approx(30 / 0.85 / 0.5 / 0.1)
    assert moved.now.entries == pytest.approx(30 / 0.85 / 0.5 / 0.1)


def test_a_move_the_plan_has_no_arrow_for_leaves_the_plan_and_says_so() -> None:
    p = funnel()
    view = plan_view(p, PlanGoal(won=30), None, ("lead", "won", 0.5))
    assert not view.followed and view.now is view.base


def test_a_rate_that_wins_nothing_gives_the_reason_instead_of_a_plan() -> None:
    view = plan_view(funnel(), PlanGoal(won=30), None, ("nego", "won", 0.0))
    assert view.now is None and "no deal is ever won" in view.error


@settings(max_examples=40, deadline=None)
@given(first=st.floats(0.01, 1.0), second=st.floats(0.01, 1.0), moved=st.floats(0.01, 1.0),
       won=st.floats(1.0, 5_000.0))
def test_on_a_linear_process_the_leads_are_the_goal_over_the_product_of_the_rates(
        first: float, second: float, moved: float, won: float) -> None:
    p = build([Stage("a", "A", kpis=(conv(first * 100, "b"),)),
               Stage("b", "B", kpis=(conv(second * 100, "won"),)),
               Stage("won", "Won", StageKind.WON), Stage("lost", "Lost", StageKind.LOST)],
              [("a", "b"), ("a", "lost"), ("b", "won"), ("b", "lost")])
    base = plan_view(p, PlanGoal(won=won), None)
    assert base.now.stages["a"] == pytest.approx(won / (first * second), rel=1e-6)
    view = plan_view(p, PlanGoal(won=won), None, ("b", "won", moved), base.base)
    assert view.now.stages["a"] == pytest.approx(won / (first * moved), rel=1e-6)
    assert view.now.stages["b"] == pytest.approx(won / moved, rel=1e-6)
    assert view.now.arrows["a-b"] == pytest.approx(won / moved, rel=1e-6)
