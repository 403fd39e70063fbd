"""Deals gone quiet (open on paper, untouched for months) neither inflate a stage's chance
to win nor the forecast: each counts as lost where it stands, and the forecast leaves it
out and says so.  Numbers worked out by hand from the small histories below."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.actuals.quiet import limits, quiet_deals
from salesdesigner.model.forecast.odds import estimate
from salesdesigner.model.forecast.pipeline import forecast
from salesdesigner.model.forecast.report import render_forecast
from tests.model.actuals.history_samples import funnel_process


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day)


def ev(deal: str, stage: str, when: datetime) -> DealEvent:
    return DealEvent(deal, stage, when, None)


#: In Proposal (designed 14 days: quiet after max(30, 3 × 14) = 42 days): three deals won,
#: one lost, Q open since 1 August (121 days by 30 November: quiet), F open since
#: 20 November (10 days) and N entering on 30 November (the data's last day).
PROPOSAL = [
    *(e for k in (1, 2, 3) for e in (ev(f"W{k}", "prop", at(9, 1)), ev(f"W{k}", "won", at(9, 11)))),
    ev("L1", "prop", at(9, 1)), ev("L1", "lost", at(9, 20)),
    ev("Q", "prop", at(8, 1)),
    ev("F", "prop", at(11, 20)),
    ev("N", "prop", at(11, 30)),
]


def test_a_quiet_deal_counts_as_lost_in_its_stage_chance():
    history = build_history(funnel_process("en"), PROPOSAL)
    assert [history.deal_ids[i] for i in quiet_deals(history).nonzero()[0]] == ["Q"]
    # without a prior: 3 won of the 5 deals that left Proposal or went quiet there
    assert estimate(history, prior_strength=0).odds("prop").win == pytest.approx(3 / 5)


def test_the_forecast_leaves_quiet_deals_out_and_says_how_many():
    history = build_history(funnel_process("en"), PROPOSAL)
    found = estimate(history, prior_strength=0)
    fc = forecast(history, found)
    assert (fc.open_deals, fc.quiet) == (2, 1)
    assert fc.by_stage == {"prop": (2, pytest.approx(2 * 3 / 5))}
    text = render_forecast(found, fc, "en")
    assert "1 open deals left out as gone quiet" in text and "3 times" in text
    assert "30 days" in text
    ja = render_forecast(found, fc, "ja")
    assert "長く動きのない進行中の商談1件は予測から除外" in ja


def test_a_fresh_deal_is_not_quiet_however_slow_its_stage_usually_is():
    history = build_history(funnel_process("en"), [
        e for e in PROPOSAL if e.deal_id != "Q"])
    assert not quiet_deals(history).any()
    assert estimate(history, prior_strength=0).odds("prop").win == pytest.approx(3 / 4)


def test_the_limit_is_three_stall_limits_at_least_thirty_days_else_ninety():
    # Lead has no designed duration: its finished stays are 20, 10 and 30 days (median 20)
    history = build_history(funnel_process("en"), [
        ev("A", "lead", at(6, 1)), ev("A", "prop", at(6, 21)),
        ev("B", "lead", at(6, 1)), ev("B", "prop", at(6, 11)),
        ev("C", "lead", at(6, 1)), ev("C", "prop", at(7, 1)),
    ])
    by_stage = dict(zip(history.stage_ids, limits(history).tolist(), strict=True))
    assert by_stage["lead"] == 60           # 3 × the median stay, 20 days
    assert by_stage["prop"] == 42           # 3 × the designed 14 days
    assert by_stage["nego"] == 90           # nothing to go by
    assert by_stage["won"] == by_stage["lost"] == float("inf")
    short = build_history(funnel_process("en"), [
        ev("A", "lead", at(6, 1)), ev("A", "prop", at(6, 6))])
    assert dict(zip(short.stage_ids, limits(short).tolist(), strict=True))["lead"] == 30


def test_the_plans_actual_rates_count_a_quiet_deal_as_lost_too():
    from salesdesigner.model.plan.backcalc import back_calculate
    # three deals went Proposal → Negotiation, one was lost there, Q went quiet there
    history = [*(e for k in (1, 2, 3) for e in (ev(f"N{k}", "prop", at(9, 1)),
                                                ev(f"N{k}", "nego", at(9, 11)))),
               ev("L1", "prop", at(9, 1)), ev("L1", "lost", at(9, 20)),
               ev("Q", "prop", at(8, 1)), ev("F", "prop", at(11, 30))]
    plan = back_calculate(funnel_process("en"), won=1, source="actual", events=history)
    assert plan.arrow("prop", "nego").rate.rate == pytest.approx(3 / 5)
