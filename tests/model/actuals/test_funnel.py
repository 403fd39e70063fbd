"""The funnel on a small history, every number worked out by hand (history_samples.HISTORY:
D1 straight through, D2 loops nego → prop → nego, D3 lost on 31 Oct 23:00, D4 crosses the
month end, D5 sits in lead, D6 takes prop → won, which is not on the diagram)."""

from __future__ import annotations

import pytest

from salesdesigner.model.actuals import DealEvent, Outcome, analyze
from salesdesigner.model.actuals.history import build_history
from tests.model.actuals.history_samples import d, events, funnel_process


@pytest.fixture(scope="module")
def overall():
    return analyze(funnel_process(), events())


@pytest.fixture(scope="module")
def october():
    return analyze(funnel_process(), events(), "2026-10")


def test_reach_counts_a_deal_that_loops_back_once_and_its_entries_twice(overall):
    prop = overall.stage("prop")
    # prop is entered by D1, D2 (twice: 10-10 and 10-28), D3, D4, D6 → 5 deals, 6 entries
    assert (prop.reached, prop.entries) == (5, 6)
    nego = overall.stage("nego")
    # nego: D1, D2 (10-20 and 11-03) → 2 deals, 3 entries
    assert (nego.reached, nego.entries) == (2, 3)
    assert overall.stage("lead").reached == 5   # D1–D5; D6 starts in prop


def test_conversions_count_deals_per_next_stage_with_loops(overall):
    prop = overall.stage("prop")
    # D1, D2 went on to nego (D2 twice: one deal), D3 to lost, D6 to won; D4 still there
    assert prop.moved_on == {"nego": 2, "lost": 1, "won": 1}
    assert prop.moved_on_total == 4
    assert prop.conversion == {"nego": 2 / 5, "lost": 1 / 5, "won": 1 / 5}
    # won in the end: D1, D2, D6 of 5; lost D3; open D4
    assert (prop.won, prop.lost, prop.open) == (3, 1, 1)
    assert prop.conversion_to_won == pytest.approx(3 / 5)
    nego = overall.stage("nego")
    # D1 → won; D2 → prop (first stay) and → won (second): counted under both
    assert nego.moved_on == {"won": 2, "prop": 1}
    assert nego.moved_on_total == 2
    assert nego.conversion == {"won": 1.0, "prop": 0.5}


def test_days_in_stage_take_every_finished_stay_of_a_loop(overall):
    prop = overall.stage("prop")
    # D1 10-05→10-15 = 10, D2 10-10→10-20 = 10 and 10-28→11-03 = 6,
    # D3 10-13→10-31 23:00 = 18 + 23/24, D6 10-06→10-16 = 10; D4 still in prop
    samples = [10, 10, 6, 18 + 23 / 24, 10]
    assert prop.stays == 5
    assert prop.days_mean == pytest.approx(sum(samples) / 5)   # 10.991666…
    assert prop.days_median == 10
    nego = overall.stage("nego")
    # D1 10-15→10-25 = 10, D2 10-20→10-28 = 8, D2 11-03→11-10 = 7 → mean 25/3, median 8
    assert nego.days_mean == pytest.approx(25 / 3)
    assert nego.days_median == 8
    lead = overall.stage("lead")
    # 4, 8, 10 and D4's one minute (23:59 → 00:00); D5 still in lead
    assert lead.days_mean == pytest.approx((4 + 8 + 10 + 1 / 1440) / 4)
    assert lead.days_median == 6                                # (4 + 8) / 2
    assert overall.stage("won").stays == 0 and overall.stage("won").days_mean is None


def test_stalled_deals_use_the_designed_duration_else_the_median_stay(overall):
    # as of the last event (11-10): D5 in lead since 10-20 = 21 days > lead's median 6
    # (no designed duration); D4 in prop since 11-01 = 9 days < prop's designed 14
    lead, prop = overall.stage("lead"), overall.stage("prop")
    assert (lead.stall_threshold_days, lead.stall_threshold_source) == (6, "median")
    assert (prop.stall_threshold_days, prop.stall_threshold_source) == (14, "designed")
    assert [(s.deal_id, s.stage_id, s.days) for s in overall.stalled] == [("D5", "lead", 21)]
    assert (lead.stalled, prop.stalled) == (1, 0)


def test_stalled_in_a_past_month_is_judged_at_its_end(october):
    # at 11-01 00:00: D5 in lead 12 days (> 6); D4 entered prop exactly at 11-01 00:00,
    # which is November, so it was in lead for 1 minute; D2 in prop since 10-28 (4 < 14)
    assert [(s.deal_id, s.stage_id, s.days) for s in october.stalled] == [("D5", "lead", 12)]


def test_transitions_count_every_move_and_say_whether_the_arrow_exists(overall):
    flows = {(f.source, f.target): (f.moves, f.deals, f.designed) for f in overall.transitions}
    assert flows == {
        ("lead", "prop"): (4, 4, True),
        ("prop", "nego"): (3, 2, True),     # D1 once, D2 twice
        ("nego", "won"): (2, 2, True),
        ("nego", "prop"): (1, 1, True),     # D2's loop back
        ("prop", "lost"): (1, 1, True),
        ("prop", "won"): (1, 1, False),     # D6: not on the diagram
    }
    designed = next(f for f in overall.transitions if f.source == "nego" and f.target == "prop")
    assert designed.transition_id == "nego-prop"


def test_month_end_splits_at_midnight_of_the_last_day(october):
    # D4 entered lead at 10-31 23:59 (October) and prop at 11-01 00:00 (November)
    assert october.stage("lead").reached == 5
    # prop in October: D1, D2 (10-10 and 10-28), D3, D6; D4 is November's
    assert (october.stage("prop").reached, october.stage("prop").entries) == (4, 5)
    november = analyze(funnel_process(), events(), "2026-11")
    # November: D4 enters prop; D2 enters nego (11-03) and won (11-10)
    assert november.stage("prop").reached == 1
    assert november.stage("lead").reached == 0
    assert (november.stage("nego").reached, november.stage("won").reached) == (1, 1)
    # D3 lost at 10-31 23:00 falls in October
    assert october.stage("lost").reached == 1 and november.stage("lost").reached == 0


def test_a_months_cohort_is_followed_past_the_months_end(october):
    # D2's second prop stay (10-28) left for nego on 11-03: still October's conversion
    prop = october.stage("prop")
    assert prop.moved_on == {"nego": 2, "lost": 1, "won": 1}
    assert prop.conversion["nego"] == 0.5     # 2 of 4
    # flows are counted when they happen: in October prop → nego twice (10-15, 10-20)
    flows = {(f.source, f.target): f.moves for f in october.transitions}
    assert flows[("prop", "nego")] == 2 and flows[("lead", "prop")] == 3


def test_an_iso_week_and_a_range_of_days_are_periods_too():
    week = analyze(funnel_process(), events(), "2026-W44")   # Mon 10-26 … Sun 11-01
    # entries that week: D2 prop 10-28, D3 lost 10-31 23:00, D4 lead 10-31 23:59,
    # D4 prop 11-01 00:00, D1 won 10-25 is the week before (Sunday)
    assert week.stage("prop").reached == 2 and week.stage("lead").reached == 1
    assert week.stage("won").reached == 0
    days = analyze(funnel_process(), events(), "2026-10-31..2026-11-01")
    assert days.stage("prop").reached == 1 and days.stage("lead").reached == 1


def test_same_stage_logged_twice_in_a_row_is_one_stay_and_unknown_stages_are_left_out():
    evs = [DealEvent("X", "lead", d(10, 1)), DealEvent("X", "lead", d(10, 3)),
           DealEvent("X", "prop", d(10, 5)), DealEvent("X", "nowhere", d(10, 6)),
           DealEvent("X", "prop", d(10, 5))]                     # a duplicate
    history = build_history(funnel_process(), evs)
    (deal,) = history.deals
    assert [(v.stage_id, v.days) for v in deal.visits] == [("lead", 4), ("prop", None)]
    assert (history.used_events, history.ignored_events) == (3, 1)


def test_an_outcome_on_the_row_closes_a_deal_without_a_won_stage():
    evs = [DealEvent("Y", "lead", d(10, 1)), DealEvent("Y", "prop", d(10, 4)),
           DealEvent("Y", "prop", d(10, 9), outcome=Outcome.WON)]
    a = analyze(funnel_process(), evs)
    assert a.stage("prop").won == 1 and a.stage("lead").won == 1
    assert a.stalled == ()


def test_a_move_through_an_undrawn_decision_counts_as_designed():
    from salesdesigner.model import Stage, StageKind, Transition
    p = funnel_process()
    p.add_stage(Stage("ok", "OK?", StageKind.DECISION))
    p.add_transition(Transition("prop-ok", "prop", "ok"))
    p.add_transition(Transition("ok-won", "ok", "won"))
    a = analyze(p, events())
    flow = next(f for f in a.transitions if (f.source, f.target) == ("prop", "won"))
    # D6 went prop → won; the CRM has no decision stage, the diagram goes via "OK?"
    assert (flow.designed, flow.transition_id) == (True, "prop-ok")
