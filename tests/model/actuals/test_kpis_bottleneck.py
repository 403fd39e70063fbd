"""KPI actuals and the bottleneck on the hand-made history (tests.model.actuals
.history_samples); the arithmetic is in the comments."""

from __future__ import annotations

import json

import pytest

from salesdesigner.model.actuals import analysis_to_json, analyze, bottleneck_sentence
from salesdesigner.model.actuals.bottleneck import win_chances
from salesdesigner.model.actuals.history import build_history
from tests.model.actuals.history_samples import events, funnel_process


def _kpis(analysis):
    return {k.kpi_id: k for k in analysis.kpis}


def test_kpi_actuals_for_october_against_their_targets():
    k = _kpis(analyze(funnel_process(), events(), "2026-10"))
    # conversion prop → nego: 2 of the 4 deals that reached prop in October → 50 (%)
    assert (k["k-conv"].actual, k["k-conv"].basis, k["k-conv"].met) == (50, 4, False)
    # win rate from prop: D1, D2, D6 won of D1, D2, D3, D6 → 75 % ≥ 50 %
    assert (k["k-win"].actual, k["k-win"].met) == (75, True)
    # entries into lead in October: D1–D5 → 5 a month, target 6
    assert k["k-entries"].actual == 5 and k["k-entries"].met is False
    # days in nego, median of October's stays 10 (D1) and 8 (D2) → 9 > 7 (lower is better)
    assert (k["k-days"].actual, k["k-days"].met) == (9, False)
    # won in October through lead: D1 (D6 never was in lead) → 1
    assert k["k-won"].actual == 1
    # won amount in October through prop: D1 100 + D6 50 (D2 is won in November)
    assert (k["k-amount"].actual, k["k-amount"].basis) == (150, 2)


def test_per_month_kpis_over_the_whole_history_divide_by_its_months():
    k = _kpis(analyze(funnel_process(), events()))
    # the history spans October and November: 2 months
    assert k["k-entries"].actual == 2.5          # 5 deals entered lead / 2
    assert k["k-won"].actual == 1                # D1, D2 through lead / 2
    assert k["k-amount"].actual == 175           # (100 + 200 + 50) / 2
    assert k["k-conv"].actual == 40              # 2 of 5
    assert k["k-days"].actual == 8               # median of 10, 8, 7


def test_a_kpi_the_data_cannot_measure_says_why_instead_of_a_number():
    k = _kpis(analyze(funnel_process(), events(), "2026-10"))
    assert (k["k-none"].actual, k["k-none"].reason) == (None, "no_measure")
    assert (k["k-gone"].actual, k["k-gone"].reason) == (None, "unknown_stage")
    december = _kpis(analyze(funnel_process(), events(), "2026-12"))
    assert (december["k-conv"].actual, december["k-conv"].reason) == (None, "no_deals")
    assert (december["k-days"].actual, december["k-days"].reason) == (None, "no_stays")
    assert december["k-entries"].actual == 0     # zero entries is a measurement
    no_amounts = [e.__class__(e.deal_id, e.stage_id, e.entered) for e in events()]
    k = _kpis(analyze(funnel_process(), no_amounts, "2026-10"))
    assert (k["k-amount"].actual, k["k-amount"].reason) == (None, "no_amounts")


def test_win_chances_solve_the_loop_exactly():
    # finished stays: lead → prop ×4 (D5 open: censored); prop → nego ×3, lost, won (D4 open);
    # nego → won ×2, → prop ×1.  w(nego) = 2/3 + w(prop)/3, w(prop) = 1/5 + 3/5 w(nego)
    # → w(prop) = 0.2 + 0.4 + 0.2 w(prop) → w(prop) = 0.75, w(nego) = 11/12, w(lead) = 0.75
    w = win_chances(build_history(funnel_process(), events()))
    assert w["prop"] == pytest.approx(0.75)
    assert w["nego"] == pytest.approx(11 / 12)
    assert w["lead"] == pytest.approx(0.75)
    assert (w["won"], w["lost"]) == (1.0, 0.0)


def test_octobers_bottleneck_is_the_conversion_that_costs_most_won_deals():
    a = analyze(funnel_process(), events(), "2026-10")
    gains = {c.kpi.kpi_id: c.won_per_month for c in a.candidates}
    # conversion prop → nego 50 % vs 90 %: 4 reached × 0.4 × w(nego) 11/12 = 1.4666…
    # entries into lead 5 vs 6: 1 × w(lead) 0.75 = 0.75; win rate is met: no candidate
    assert gains == pytest.approx({"k-conv": 4 * 0.4 * 11 / 12, "k-entries": 0.75})
    assert a.bottleneck.kpi.kpi_id == "k-conv"
    assert bottleneck_sentence(a, "ja") == \
        "提案→交渉の移行率が目標90%に対し50%。目標どおりなら月に受注が1.5件多い"


def test_over_the_whole_history_the_entries_shortfall_costs_more():
    a = analyze(funnel_process("en"), events())
    gains = {c.kpi.kpi_id: c.won_per_month for c in a.candidates}
    # conversion 40 % vs 90 %: 5 × 0.5 × 11/12 = 2.2916… over 2 months → 1.1458… a month
    # entries 2.5 vs 6 a month: 3.5 × 0.75 = 2.625 a month
    assert gains == pytest.approx({"k-conv": 5 * 0.5 * 11 / 12 / 2, "k-entries": 2.625})
    assert a.bottleneck.kpi.kpi_id == "k-entries"
    assert bottleneck_sentence(a) == ("Lead gets 2.5 deals a month against a target of 6. "
                                      "On target, 2.6 more deals would be won a month.")


def test_the_bottleneck_by_revenue_prices_the_won_deals():
    a = analyze(funnel_process(), events(), "2026-10", by="revenue")
    # average won amount (100 + 200 + 50) / 3; 1.4666… × 116.66… = 171.11…
    assert a.bottleneck.revenue_per_month == pytest.approx(4 * 0.4 * 11 / 12 * 350 / 3)
    assert bottleneck_sentence(a, "ja").endswith("目標どおりなら月に受注額が171円多い")


def test_no_bottleneck_says_why():
    met = analyze(funnel_process(conversion_target=10), events(), "2026-10")
    # conversion 50 % ≥ 10 % now; entries still short → still a bottleneck
    assert met.bottleneck.kpi.kpi_id == "k-entries"
    process = funnel_process("en")
    for stage in process.stages:
        process.update_stage(stage.id, kpis=())
    bare = analyze(process, events())
    assert (bare.bottleneck, bare.bottleneck_reason) == (None, "no_targets")
    assert bottleneck_sentence(bare).startswith("No KPI with a target can be measured")


def test_json_report_carries_aggregates_and_names_deals_only_when_asked():
    a = analyze(funnel_process(), events(), "2026-10")
    data = json.loads(json.dumps(analysis_to_json(a), ensure_ascii=False))
    assert data["period"]["label"] == "2026-10"
    assert data["bottleneck"]["sentence"].startswith("提案→交渉の移行率")
    assert data["stages"][1]["conversion"] == {"nego": 0.5, "lost": 0.25, "won": 0.25}
    assert "stalled" not in data
    text = json.dumps(data, ensure_ascii=False)
    assert "D5" not in text and "Deal D" not in text and "rep" not in text
    named = analysis_to_json(a, include_deals=True)
    assert named["stalled"][0]["deal_id"] == "D5"


def test_monthly_gives_one_analysis_per_month_of_the_history():
    from salesdesigner.model.actuals import monthly
    months = monthly(funnel_process(), events())
    assert [m.period.label for m in months] == ["2026-10", "2026-11"]
    # lead entries: 5 in October (D1–D5), none in November; prop: 5 and 1 (D4)
    assert [m.stage("lead").entries for m in months] == [5, 0]
    assert [m.stage("prop").entries for m in months] == [5, 1]
    assert months[0].bottleneck.kpi.kpi_id == "k-conv"
