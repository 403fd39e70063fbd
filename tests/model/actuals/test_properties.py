"""Properties of the analysis on generated histories: counts bounded by the deals, rates
in [0, 1], the same answer whatever order the events arrive in, win chances in [0, 1]."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import DealEvent, Outcome, analysis_to_json, analyze
from salesdesigner.model.actuals.bottleneck import win_chances
from salesdesigner.model.actuals.history import build_history
from tests.model.actuals.history_samples import funnel_process

STAGES = ["lead", "prop", "nego", "won", "lost", "elsewhere"]
BASE = datetime(2026, 9, 25)

event = st.builds(
    DealEvent,
    deal_id=st.sampled_from([f"D{i}" for i in range(8)]),
    stage_id=st.sampled_from(STAGES),
    entered=st.integers(0, 60 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m)),
    amount=st.one_of(st.none(), st.integers(0, 1000).map(float)),
    outcome=st.one_of(st.none(), st.sampled_from(list(Outcome))),
)
histories = st.lists(event, max_size=40)
periods = st.sampled_from([None, "2026-09", "2026-10", "2026-11", "2026-W44",
                           "2026-10-30..2026-11-02"])


@settings(max_examples=60, deadline=None)
@given(histories, periods)
def test_counts_never_exceed_the_deals_and_rates_stay_between_0_and_1(evs, period):
    a = analyze(funnel_process(), evs, period)
    deals = len({e.deal_id for e in evs})
    for s in a.stages:
        assert 0 <= s.reached <= min(a.deals, deals) and s.reached <= s.entries
        assert s.won + s.lost + s.open == s.reached
        assert s.moved_on_total <= s.reached
        assert all(0 <= rate <= 1 for rate in s.conversion.values())
        assert s.conversion_to_won is None or 0 <= s.conversion_to_won <= 1
        assert s.days_median is None or s.days_median >= 0
    for f in a.transitions:
        assert 1 <= f.deals <= f.moves
    for k in a.kpis:
        assert (k.actual is None) == (k.reason is not None)


@settings(max_examples=40, deadline=None)
@given(histories, periods, st.randoms(use_true_random=False))
def test_the_analysis_does_not_depend_on_the_order_of_the_events(evs, period, rnd):
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    assert analysis_to_json(analyze(funnel_process(), evs, period), include_deals=True) == \
        analysis_to_json(analyze(funnel_process(), shuffled, period), include_deals=True)


@settings(max_examples=40, deadline=None)
@given(histories)
def test_win_chances_are_probabilities_and_won_stages_are_certain(evs):
    w = win_chances(build_history(funnel_process(), evs))
    assert all(0 <= p <= 1 for p in w.values())
    assert w["won"] == 1 and w["lost"] == 0


@settings(max_examples=30, deadline=None)
@given(histories)
def test_the_months_of_a_history_add_up_to_its_entries(evs):
    whole = analyze(funnel_process(), evs)
    months = [analyze(funnel_process(), evs, p) for p in ("2026-09", "2026-10", "2026-11")]
    for sid in ("lead", "prop", "nego"):
        assert sum(m.stage(sid).entries for m in months) == whole.stage(sid).entries
        moves = sum(f.moves for m in months for f in m.transitions if f.source == sid)
        assert moves == sum(f.moves for f in whole.transitions if f.source == sid)


def test_the_same_key_given_twice_keeps_the_same_event_whatever_the_order():
    a = DealEvent("D", "lead", BASE, 100.0)
    b = DealEvent("D", "lead", BASE, 300.0, outcome=Outcome.LOST)
    first = build_history(funnel_process(), [a, b]).deals[0]
    second = build_history(funnel_process(), [b, a]).deals[0]
    assert first == second and first.amount == 300.0 and len(first.visits) == 1
