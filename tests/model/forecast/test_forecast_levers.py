"""The forecast of a handful of open deals and the levers of a three-stage chain, by hand."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.forecast.levers import intake, levers, levers_from_intake
from salesdesigner.model.forecast.odds import estimate_from_moves
from salesdesigner.model.forecast.pipeline import forecast
from tests.model.forecast.chains import line_process

#: a → b ½, b → c ½, c → won 0.8 (the rest lost): w_c = 0.8, w_b = 0.4, w_a = 0.2
MOVES = {"a": {"b": 5, "lost": 5}, "b": {"c": 4, "lost": 4}, "c": {"won": 8, "lost": 2}}
#: mean stays a 40, b 10, c 10 days ⇒ days to win: c 10, b 20, a 60
STAYS = {"a": 40.0, "b": 10.0, "c": 10.0}


def _ev(deal: str, stage: str, day: tuple[int, int], amount: float | None) -> DealEvent:
    return DealEvent(deal, stage, datetime(2026, *day), amount, owner="Secret Owner",
                     deal_name=f"Secret {deal}")


#: as of 30 November (the latest event):
#:   O1 in a since 11-10 (20 days ≤ its 40-day stay): 60 − 20 = 40 days → 9 January
#:   O2 in b since 11-05 (25 days, past its 10-day stay): 20 − 10 = 10 → 10 December
#:   O3 in c since 11-15 (15 days, more than its 10-day stay): 10 − 10 = 0 → November
#:   O4 in c since 11-30: 10 days → 10 December; W1 won in October for 3,000
OPEN_DEALS = [_ev("O1", "a", (11, 10), 1000), _ev("O2", "b", (11, 5), 2000),
              _ev("O3", "c", (11, 15), None), _ev("O4", "c", (11, 30), 500),
              _ev("W1", "a", (10, 1), 3000), _ev("W1", "won", (10, 5), 3000)]


@pytest.fixture()
def result():
    process = line_process({})
    history = build_history(process, OPEN_DEALS)
    found = estimate_from_moves(process, MOVES, STAYS, prior_strength=0.0)
    return found, forecast(history, found)


def test_open_deals_are_weighted_by_their_stages_chance_and_placed_by_days_to_win(result):
    found, fc = result
    assert [found.odds(s).win for s in "abc"] == pytest.approx([0.2, 0.4, 0.8])
    assert [found.odds(s).days_to_win for s in "abc"] == pytest.approx([60, 20, 10])
    assert fc.open_deals == 4
    assert fc.by_stage == {"a": (1, pytest.approx(0.2)), "b": (1, pytest.approx(0.4)),
                           "c": (2, pytest.approx(1.6))}
    nov, dec, jan, later = fc.periods
    assert [p.label for p in fc.periods] == ["2026-11", "2026-12", "2027-01", "later"]
    # O3 in November; O2 + O4 in December; O1 in January.  Revenue at one deal size: the
    # mean amount of the three open deals that have one, (1000 + 2000 + 500) / 3
    size = 3500 / 3
    assert (fc.deal_size, fc.deal_size_source) == (pytest.approx(size), "open")
    assert (nov.deals, nov.won, nov.revenue) == (1, pytest.approx(0.8),
                                                 pytest.approx(0.8 * size))
    assert (dec.deals, dec.won, dec.revenue) == (2, pytest.approx(1.2),
                                                 pytest.approx(1.2 * size))
    assert (jan.deals, jan.won, jan.revenue) == (1, pytest.approx(0.2),
                                                 pytest.approx(0.2 * size))
    assert (later.deals, later.won) == (0, 0)
    assert fc.total.won == pytest.approx(2.2)
    assert fc.total.revenue == pytest.approx(2.2 * size)


def test_revenue_is_withheld_when_fewer_than_three_deals_have_an_amount():
    # only O1 and O2 priced among the open deals, one won deal: no deal size to show
    process = line_process({})
    events = [e if e.deal_id != "O4" else _ev("O4", "c", (11, 30), None) for e in OPEN_DEALS]
    fc = forecast(build_history(process, events),
                  estimate_from_moves(process, MOVES, STAYS, prior_strength=0.0))
    assert fc.deal_size is None and fc.total.revenue is None
    assert all(p.revenue is None for p in fc.periods)
    assert fc.total.won == pytest.approx(2.2)


def test_the_forecasts_range_holds_its_expectation_and_whole_deals(result):
    _, fc = result
    for p in (*fc.periods, fc.total):
        assert p.won_low <= p.won <= p.won_high
        assert p.won_high <= p.deals
        if p.revenue is not None:
            assert p.revenue_low <= p.revenue <= p.revenue_high
    assert fc.total.won_high > fc.total.won_low  # four deals: luck alone gives a range


def test_no_open_deals_no_forecast():
    process = line_process({})
    history = build_history(process, OPEN_DEALS[-2:])
    fc = forecast(history, estimate_from_moves(process, MOVES, STAYS))
    assert (fc.open_deals, fc.periods, fc.total.won) == (0, (), 0)


def test_levers_of_a_three_stage_chain_rank_as_worked_by_hand():
    # 10 deals a month start at a; a → b ½, b → c 0.4, c → won 0.8:
    # visits a 10, b 5, c 2; w_b = 0.32, w_c = 0.8.  +1 point:
    #   a → b: 10 × 0.01 × 0.32 = 0.032;  b → c: 5 × 0.01 × 0.8 = 0.04;
    #   c → won: 2 × 0.01 × 1 = 0.02.  One day less in b (4-day stays): 5 × 0.32 / 30.4375
    process = line_process({})
    found = estimate_from_moves(process, {"a": {"b": 50, "lost": 50},
                                          "b": {"c": 40, "lost": 60},
                                          "c": {"won": 80, "lost": 20}},
                                {"b": 4.0}, prior_strength=0.0)
    ranked = levers_from_intake(found, {"a": 10.0}, 1000.0)
    got = [(lv.kind, lv.stage_id, lv.to) for lv in ranked]
    assert got == [("days", "b", ""), ("rate", "b", "c"), ("rate", "a", "b"),
                   ("rate", "c", "won")]
    assert [lv.won_per_month for lv in ranked] == pytest.approx(
        [5 * 0.32 / 30.4375, 0.04, 0.032, 0.02])
    assert ranked[1].revenue_per_month == pytest.approx(40)
    assert ranked[1].current == pytest.approx(0.4)


def test_a_lever_on_a_loop_is_exact_not_first_order():
    # b → a loop: raising it re-solves the whole chain (Sherman–Morrison); compare with a
    # fresh estimate whose row b has the point added
    from tests.model.forecast.chains import loop_process
    moves = {"a": {"b": 60, "lost": 40}, "b": {"won": 30, "a": 20, "lost": 50}}
    found = estimate_from_moves(loop_process(), moves, prior_strength=0.0)
    lever = next(lv for lv in levers_from_intake(found, {"a": 10.0}, None)
                 if (lv.stage_id, lv.to) == ("b", "won"))
    scale = 0.69 / 0.7
    raised = dict(moves, b={"won": 0.31, "a": 0.2 * scale, "lost": 0.5 * scale})
    after = estimate_from_moves(loop_process(), raised, prior_strength=0.0)
    assert lever.won_per_month == pytest.approx(10 * (after.odds("a").win
                                                      - found.odds("a").win))
    assert lever.revenue_per_month is None


def test_intake_counts_each_deal_once_at_its_first_stage_per_month():
    process = line_process({})
    history = build_history(process, OPEN_DEALS)  # October and November: 2 months
    assert intake(history) == {"a": 1.0, "b": 0.5, "c": 1.0}
    found = estimate_from_moves(process, MOVES, STAYS, prior_strength=0.0)
    assert levers(history, found)  # the history's intake and average amount


def test_what_if_sets_one_rate_and_the_chain_and_forecast_follow():
    from salesdesigner.model.forecast.whatif import exits, with_rate
    process = line_process({})
    history = build_history(process, OPEN_DEALS)
    found = estimate_from_moves(process, MOVES, STAYS, prior_strength=0.0)
    assert [(s, t) for s, t, _ in exits(found)] == [("a", "b"), ("b", "c"), ("c", "won")]
    # b → c from ½ to 0.75 (b → lost gives the ¼): w_b = 0.75 × 0.8 = 0.6, w_a = 0.3
    moved = with_rate(found, "b", "c", 0.75)
    assert moved.rows["b"] == pytest.approx({"c": 0.75, "lost": 0.25})
    assert [moved.odds(s).win for s in "abc"] == pytest.approx([0.3, 0.6, 0.8])
    assert moved.odds("b").observed == found.odds("b").observed == 8
    fc = forecast(history, moved)
    # O1 (a) 0.3, O2 (b) 0.6, O3 and O4 (c) 0.8 each
    assert fc.total.won == pytest.approx(0.3 + 0.6 + 1.6)
    # the same rate again is the same answer
    same = with_rate(found, "b", "c", 0.5)
    assert [same.odds(s).win for s in "abc"] == pytest.approx([0.2, 0.4, 0.8])


def test_a_deal_in_onboarding_after_the_sale_is_not_in_the_pipeline():
    from salesdesigner.model import Stage, Transition
    process = line_process({})
    process.add_stage(Stage("onboard", "Onboarding"))
    process.add_transition(Transition("won-onboard", "won", "onboard"))
    events = [*OPEN_DEALS, _ev("W1", "onboard", (10, 9), 3000)]
    fc = forecast(build_history(process, events),
                  estimate_from_moves(process, MOVES, STAYS, prior_strength=0.0))
    assert fc.open_deals == 4 and "onboard" not in fc.by_stage
