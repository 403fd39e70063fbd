"""The numpy analysis gives exactly what the first, plain-Python one gave (kept as the
oracle in plain_oracle.py) on generated histories: loops and re-entries, re-saved stages,
the same key twice with different payloads, won / lost by stage or by a stated outcome,
stages the process lacks, ties in time, fractional amounts (sums in the same order), and
periods cutting through them (months, a week, a range, overall)."""

from __future__ import annotations

import json
from dataclasses import astuple
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import DealEvent, Outcome, analysis_to_json, analyze
from salesdesigner.model.actuals.bottleneck import average_won_amount, win_chances
from salesdesigner.model.actuals.funnel import funnel, stall_thresholds
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.actuals.kpis import _won_through
from salesdesigner.model.actuals.periods import parse_period
from tests.model.actuals import plain_oracle as plain
from tests.model.actuals.history_samples import funnel_process

STAGES = ["lead", "prop", "nego", "won", "lost", "elsewhere"]
BASE = datetime(2026, 9, 20)

event = st.builds(
    DealEvent,
    deal_id=st.sampled_from([f"D{i}" for i in range(10)]),
    stage_id=st.sampled_from(STAGES),
    # whole hours over ~3 months: ties in time are common, month ends are crossed
    entered=st.integers(0, 90 * 24).map(lambda h: BASE + timedelta(hours=h)),
    amount=st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False, allow_infinity=False)),
    owner=st.sampled_from(["", "佐藤", "Lee"]),
    deal_name=st.sampled_from(["", "A社", "B"]),
    outcome=st.one_of(st.none(), st.sampled_from(list(Outcome))),
)


@st.composite
def walks(draw: st.DrawFn) -> list[DealEvent]:
    """Deals walking lead → prop ⇄ nego → won/lost with loops and re-saves, plus noise."""
    out = list(draw(st.lists(event, max_size=15)))
    for n in range(draw(st.integers(0, 6))):
        at = BASE + timedelta(hours=draw(st.integers(0, 60 * 24)))
        path = ["lead"] + draw(st.lists(st.sampled_from(["prop", "nego", "prop", "lead"]),
                                        max_size=6)) + [draw(st.sampled_from(
                                            ["won", "lost", "nego", "elsewhere"]))]
        for stage in path:
            out.append(DealEvent(f"W{n}", stage, at, draw(st.sampled_from([None, 10.5, 7.25]))))
            at += timedelta(hours=draw(st.integers(0, 24 * 20)))
    return draw(st.permutations(out))


periods = st.sampled_from([None, "2026-09", "2026-10", "2026-11", "2026-12", "2026-W44",
                           "2026-10-30..2026-11-02"])


def _deal(d) -> tuple:  # type: ignore[no-untyped-def]
    return (d.deal_id, tuple(tuple(v) for v in d.visits), d.outcome, d.closed_at, d.amount,
            d.deal_name, d.owner)


@settings(max_examples=80, deadline=None)
@given(walks(), periods)
def test_the_numpy_counts_equal_the_plain_loops(evs, period_text):
    process = funnel_process()
    new, old = build_history(process, evs), plain.build_history(process, evs)
    assert [_deal(d) for d in new.deals] == [_deal(d) for d in old.deals]
    assert (new.used_events, new.ignored_events, new.first, new.last) == \
        (old.used_events, old.ignored_events, old.first, old.last)
    period = parse_period(period_text) if period_text else None
    assert stall_thresholds(new) == plain.stall_thresholds(old)
    assert funnel(new, period) == plain.funnel(old, period)
    assert _won_through(new, period) == plain._won_through(old, period)
    assert win_chances(new) == plain.win_chances(old)
    assert average_won_amount(new) == plain.average_won_amount(old)


@settings(max_examples=40, deadline=None)
@given(walks(), periods)
def test_the_analysis_holds_plain_python_numbers_that_json_takes(evs, period):
    a = analyze(funnel_process(), evs, period)
    for s in a.stages:
        values = [v for v in astuple(s) if not isinstance(v, (str, dict))]
        assert all(v is None or type(v) in (int, float) for v in values), values
        assert all(type(n) is int for n in s.moved_on.values())
    for f in a.transitions:
        assert type(f.moves) is int and type(f.deals) is int
    for x in a.stalled:
        assert type(x.days) is float and type(x.entered) is datetime
    json.dumps(analysis_to_json(a, include_deals=True))


def test_the_deals_of_a_period_are_those_with_a_visit_starting_in_it():
    evs = [DealEvent("A", "lead", datetime(2026, 9, 30, 23)),
           DealEvent("A", "prop", datetime(2026, 10, 1)),
           DealEvent("B", "lead", datetime(2026, 9, 2)),
           DealEvent("B", "lead", datetime(2026, 10, 2)),  # a re-save: no new visit
           DealEvent("C", "nego", datetime(2026, 10, 31, 23, 59))]
    assert analyze(funnel_process(), evs, "2026-10").deals == 2  # A and C
    assert analyze(funnel_process(), evs, "2026-09").deals == 2  # A and B
    assert analyze(funnel_process(), evs).deals == 3


def test_a_move_at_the_periods_end_belongs_to_the_next_period_for_stalled_deals():
    # X waits in prop (designed 14 days) from 1 October and moves on at midnight on
    # 1 November: at October's end it has waited 31 days in prop, stalled there.
    evs = [DealEvent("X", "prop", datetime(2026, 10, 1), owner="Lee"),
           DealEvent("X", "nego", datetime(2026, 11, 1))]
    (stalled,) = analyze(funnel_process(), evs, "2026-10").stalled
    assert (stalled.deal_id, stalled.stage_id, stalled.days, stalled.threshold_days,
            stalled.owner) == ("X", "prop", 31.0, 14.0, "Lee")
    assert analyze(funnel_process(), evs, "2026-11").stalled == ()
