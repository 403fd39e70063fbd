"""Plans of generated processes keep every deal accounted for, and the shared solver
(bottleneck.expected_visits) against closed forms."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals.bottleneck import WON, expected_visits
from salesdesigner.model.entities import Measure
from salesdesigner.model.plan import PlanInputError, back_calculate

KINDS = [StageKind.STAGE, StageKind.STAGE, StageKind.DECISION, StageKind.WON,
         StageKind.LOST, StageKind.END]


@st.composite
def plannable(draw: st.DrawFn) -> tuple[Process, dict[tuple[str, str], float]]:
    """A small graph (loops, decisions, several ends), conversion KPIs and overrides."""
    n = draw(st.integers(2, 9))
    ids = [f"s{i}" for i in range(n)]
    p = Process(id="g", name="G", language="en")
    p.add_stage(Stage("start", "Start", StageKind.START))
    for i, sid in enumerate(ids):  # s0 is a stage: start → s0 → won is always drawn
        p.add_stage(Stage(sid, sid, StageKind.STAGE if i == 0 else draw(st.sampled_from(KINDS))))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    nodes = ["start", *ids, "won"]
    pairs = draw(st.lists(st.tuples(st.sampled_from(nodes[:-1]), st.sampled_from(nodes[1:]))
                          .filter(lambda e: e[0] != e[1]), unique=True, min_size=1,
                          max_size=3 * n))
    pairs = [*dict.fromkeys([("start", "s0"), *pairs, ("s0", "won")])]
    for k, (s, t) in enumerate(pairs):
        p.add_transition(Transition(f"t{k}", s, t))
    for s, t in pairs:
        if draw(st.booleans()) and p.stage(s).kind is StageKind.STAGE:
            stage = p.stage(s)
            kpi = Kpi("c", draw(st.integers(0, 100)), "%", id=f"{s}{t}",
                      measure=Measure.CONVERSION, measure_to=t)
            p.replace_stage(Stage(stage.id, stage.name, stage.kind, kpis=(*stage.kpis, kpi)))
    overrides = draw(st.dictionaries(st.sampled_from(pairs), st.floats(0, 1), max_size=3))
    return p, overrides


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plannable(), st.floats(0.5, 1000))
def test_every_transient_stage_passes_on_or_drops_what_enters_it(drawn, won) -> None:  # type: ignore[no-untyped-def]
    process, overrides = drawn
    try:
        plan = back_calculate(process, won=won, overrides=overrides)
    except PlanInputError as exc:
        assert "\n" not in str(exc)
        return
    inflow = {s.stage_id: 0.0 for s in plan.stages}
    for sid in plan.entry_stages:
        inflow[sid] += plan.entries / len(plan.entry_stages)
    for a in plan.arrows:
        inflow[a.rate.target] += a.deals
    for s in plan.stages:
        assert s.entries >= 0
        assert s.entries == pytest.approx(inflow[s.stage_id], rel=1e-6, abs=1e-6 * won)
        if not StageKind(s.kind).is_terminal:
            out = sum(a.deals for a in plan.arrows if a.rate.source == s.stage_id)
            assert out + s.dropped == pytest.approx(s.entries, rel=1e-6, abs=1e-6 * won)
    wins = sum(s.entries for s in plan.stages if s.kind == "won")
    assert wins == pytest.approx(won, rel=1e-6)
    closed = sum(s.entries for s in plan.stages if StageKind(s.kind).is_terminal) + sum(
        s.dropped for s in plan.stages)
    # every deal that enters closes somewhere, unless a lost stage sends some round again
    kinds = {s.stage_id: StageKind(s.kind) for s in plan.stages}
    if not any(a.rate.how == "override" and kinds[a.rate.source].is_terminal
               for a in plan.arrows):
        assert closed == pytest.approx(plan.entries, rel=1e-6)

@st.composite
def with_win_rates(draw: st.DrawFn) -> tuple[Process, dict[tuple[str, str], float]]:
    """:func:`plannable` with a win-rate KPI on some stages (loops through them likely)."""
    p, overrides = draw(plannable())
    for stage in list(p.stages):
        if stage.kind is StageKind.STAGE and draw(st.booleans()):
            kpi = Kpi("w", draw(st.integers(1, 40)), "%", id=f"w{stage.id}",
                      measure=Measure.WIN_RATE)
            p.replace_stage(Stage(stage.id, stage.name, stage.kind, kpis=(kpi, *stage.kpis)))
    return p, overrides


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_win_rates())
def test_every_win_rate_target_the_plan_uses_is_the_plans_chance_to_win(drawn) -> None:  # type: ignore[no-untyped-def]
    """Loops or not, a win rate the plan says it used is exactly the stage's chance (one
    it cannot meet — overridden, another KPI's arrow, out of reach — it says is checked)."""
    process, overrides = drawn
    try:
        plan = back_calculate(process, won=10, overrides=overrides)
    except PlanInputError:
        return
    for use in plan.targets:
        if use.measure != "win_rate" or use.reason or plan.stage(use.stage_id).entries <= 0:
            continue
        assert plan.stage(use.stage_id).win_chance == pytest.approx(use.target, abs=1e-7)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_win_rates())
def test_the_fitter_meets_every_win_rate_it_takes_on(drawn) -> None:  # type: ignore[no-untyped-def]
    """The same without the final honesty check (winfit.checked_only): whatever the fitter
    itself calls used, on a stage it may move (a free exit, no override), is met."""
    from unittest import mock

    from salesdesigner.model.plan.winfit import FREE_HOWS
    process, overrides = drawn
    with mock.patch("salesdesigner.model.plan.winfit.checked_only", lambda uses, _: uses):
        try:
            plan = back_calculate(process, won=10, overrides=overrides)
        except PlanInputError:
            return
    for use in plan.targets:
        if use.measure != "win_rate" or use.reason or plan.stage(use.stage_id).entries <= 0:
            continue
        exits = [a.rate for a in plan.arrows if a.rate.source == use.stage_id]
        if any(r.how == "override" for r in exits) or not any(
                r.how in FREE_HOWS or r.kpi == use.name for r in exits):
            continue   # the manager set its rates, or other KPIs set every exit
        if plan.arrow(*next((a.rate.source, a.rate.target) for a in plan.arrows
                            if a.rate.transition_id == use.transition_id)).rate.kpi != use.name:
            continue   # another KPI set the arrow this one names
        assert plan.stage(use.stage_id).win_chance == pytest.approx(use.target, abs=1e-7)


def test_a_self_loop_is_visited_one_over_one_minus_p_times() -> None:
    kinds = {"a": StageKind.STAGE, "w": StageKind.WON}
    visits = expected_visits(kinds, {"a": {"a": 0.75, "w": 0.2}}, {"a": 2.0})
    assert visits["a"] == pytest.approx(2 / 0.25)
    assert visits["w"] == pytest.approx(2 / 0.25 * 0.2)


def test_a_close_won_without_a_won_stage_and_a_stuck_loop() -> None:
    kinds = {"a": StageKind.STAGE, "b": StageKind.STAGE}
    visits = expected_visits(kinds, {"a": {"b": 0.5, WON: 0.5}, "b": {"a": 0.5}}, {"a": 1})
    # a's visits: 1 / (1 − 0.25)
    assert visits["a"] == pytest.approx(4 / 3)
    assert visits[WON] == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="never leave a, b"):
        expected_visits(kinds, {"a": {"b": 1.0}, "b": {"a": 1.0}}, {"a": 1})


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 9).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0.05, 1)),
             max_size=3 * n),
    st.lists(st.floats(0, 5), min_size=n, max_size=n))))
def test_the_chain_solved_loop_by_loop_equals_one_dense_solve(drawn) -> None:  # type: ignore[no-untyped-def]
    """solve_chain (component by component) against numpy on the whole system, both ways."""
    import numpy as np

    from salesdesigner.model.actuals.bottleneck import solve_chain
    n, edges, b = drawn
    live = [f"s{i}" for i in range(n)]
    q = np.zeros((n, n))
    for s, t, p in edges:
        q[s, t] += p
    q *= 0.9 / np.maximum(q.sum(axis=1, keepdims=True), 0.9)   # every row leaks ≥ 10 %
    rows = {live[s]: {live[t]: float(q[s, t]) for t in range(n) if q[s, t]} for s in range(n)}
    rhs = dict(zip(live, b, strict=True))
    for transposed in (False, True):
        a = np.eye(n) - (q.T if transposed else q)
        dense = np.linalg.solve(a, np.array(b))
        got = solve_chain(live, rows, rhs, transposed=transposed)
        assert [got[s] for s in live] == pytest.approx(dense.tolist(), rel=1e-9, abs=1e-9)
