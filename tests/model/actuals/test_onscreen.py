"""What the overlay and the dashboard show, on the hand-made history
(tests.model.actuals.history_samples); the arithmetic is in the comments."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent, analyze
from salesdesigner.model.actuals.kpis import KpiActual
from salesdesigner.model.actuals.onscreen import (
    MAX_WIDTH,
    MIN_WIDTH,
    arrows_of,
    flow_width,
    funnel_order,
    kpi_status,
    latest_full_month,
    overlay,
    recent_weeks,
    stage_status,
)
from salesdesigner.model.entities import Measure
from salesdesigner.storage.templates import load_template
from tests.model.actuals.history_samples import events, funnel_process


def _kpi(actual, target=30.0, direction="higher"):
    return KpiActual("s", "k", "rate", "conversion", "", target, "%", direction, actual)


def test_a_kpi_is_near_within_a_tenth_of_its_target_and_missed_beyond():
    assert kpi_status(_kpi(30)) == "met"
    assert kpi_status(_kpi(27)) == "near"         # 3 short of 30: exactly a tenth
    assert kpi_status(_kpi(26.9)) == "missed"
    assert kpi_status(_kpi(7.7, 7, "lower")) == "near"   # 0.7 over a ceiling of 7
    assert kpi_status(_kpi(6, 7, "lower")) == "met"
    assert kpi_status(_kpi(None)) == "none"
    assert kpi_status(_kpi(12, None)) == "none"


def test_a_stage_takes_the_worst_standing_of_its_measured_kpis():
    assert stage_status([_kpi(30), _kpi(27)]) == "near"
    assert stage_status([_kpi(30), _kpi(None), _kpi(10)]) == "missed"
    assert stage_status([_kpi(None)]) == "none"
    assert stage_status([]) == "none"


def test_octobers_overlay_counts_deals_per_arrow_and_the_undrawn_flow():
    process = funnel_process("en")
    o = overlay(process, analyze(process, events(), "2026-10"))
    # moves made in October: lead→prop D1 D2 D3; prop→nego D1 D2; nego→won D1;
    # nego→prop D2; prop→lost D3; prop→won D6 (no such arrow); D4 moves on 1 November
    assert o.arrows == {"lead-prop": 3, "prop-nego": 2, "nego-won": 1, "nego-prop": 1,
                        "prop-lost": 1, "nego-lost": 0, "lead-lost": 0}
    assert [(g.source, g.target, g.deals, g.moves) for g in o.ghosts] == [
        ("prop", "won", 1, 1)]
    assert o.most == 3
    # widths in proportion: 3 → the widest, 2 → two thirds of it, 1 → a third
    assert o.width(3) == MAX_WIDTH
    assert o.width(2) == pytest.approx(MAX_WIDTH * 2 / 3)
    assert o.width(1) == pytest.approx(MAX_WIDTH / 3)
    assert o.width(0) == MIN_WIDTH
    # conversion prop→nego 50 % against 90 % is October's bottleneck (see
    # test_kpis_bottleneck); lead misses entries 5 of 6, nego's 9 days exceed 7
    assert o.stages["prop"].bottleneck and not o.stages["lead"].bottleneck
    assert {sid: m.status for sid, m in o.stages.items()} == {
        "lead": "missed", "prop": "missed", "nego": "missed", "won": "none", "lost": "none"}
    assert (o.stages["lead"].reached, o.stages["prop"].reached) == (5, 4)


def test_with_lower_targets_the_stages_turn_near_and_met():
    process = funnel_process("en", conversion_target=10)
    for sid, kpis in (("lead", (Kpi("in", 5.5, "", id="e", measure=Measure.ENTRIES),)),
                      ("prop", (Kpi("c", 10, "%", id="c", measure=Measure.CONVERSION,
                                    measure_to="nego"),))):
        process.update_stage(sid, kpis=kpis)
    o = overlay(process, analyze(process, events(), "2026-10"))
    # lead: 5 entries against 5.5 (0.5 short, under a tenth: 0.55); prop: 50 % ≥ 10 %
    assert (o.stages["lead"].status, o.stages["prop"].status) == ("near", "met")


def _decision_process() -> Process:
    p = Process(id="d", name="D", language="en")
    for sid, kind in (("a", StageKind.STAGE), ("ok", StageKind.DECISION),
                      ("b", StageKind.STAGE), ("won", StageKind.WON)):
        p.add_stage(Stage(sid, sid, kind))
    for s, t in (("a", "ok"), ("ok", "b"), ("ok", "a"), ("b", "won")):
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def test_a_flow_through_a_decision_counts_on_each_of_its_arrows():
    p = _decision_process()
    assert arrows_of(p, "a", "b") == ["a-ok", "ok-b"]
    assert arrows_of(p, "b", "won") == ["b-won"]
    assert arrows_of(p, "b", "a") == []
    history = [DealEvent("x", "a", datetime(2026, 1, 1)), DealEvent("x", "b", datetime(2026, 1, 3)),
               DealEvent("y", "a", datetime(2026, 1, 2)), DealEvent("y", "b", datetime(2026, 1, 4)),
               DealEvent("y", "won", datetime(2026, 1, 9))]
    o = overlay(p, analyze(p, history))
    assert o.arrows == {"a-ok": 2, "ok-b": 2, "ok-a": 0, "b-won": 1}
    assert o.ghosts == ()


def test_the_funnel_follows_the_process_graph_and_stops_at_the_sale():
    # eight-step: lost → prospecting loops back; order processing and after-sales follow won
    assert funnel_order(load_template("eight-step", "en")) == [
        "lead", "prospecting", "approach", "hearing", "proposal", "closing", "won"]
    # the-model: nurturing ↔ follow-up loop; decisions are not steps; onboarding follows won
    assert funnel_order(load_template("the-model", "ja")) == [
        "start", "lead-generation", "lead-nurturing", "mql-follow-up", "qualification",
        "discovery", "proposal", "negotiation", "won"]


def test_the_first_period_shown_is_the_latest_full_month():
    assert latest_full_month(datetime(2026, 10, 1), datetime(2026, 11, 10)).label == "2026-10"
    assert latest_full_month(datetime(2025, 6, 1), datetime(2026, 1, 3)).label == "2025-12"
    # all the data in one month: that month
    assert latest_full_month(datetime(2026, 11, 2), datetime(2026, 11, 9)).label == "2026-11"
    assert latest_full_month(None, None) is None


def test_recent_weeks_run_back_from_the_latest_event_to_the_first():
    weeks = recent_weeks(datetime(2026, 10, 14), datetime(2026, 11, 3))
    # 3 November 2026 is a Tuesday of ISO week 45; 14 October is in week 42
    assert [w.label for w in weeks] == ["2026-W45", "2026-W44", "2026-W43", "2026-W42"]
    assert len(recent_weeks(datetime(2020, 1, 1), datetime(2026, 11, 3), limit=5)) == 5


def test_flow_width_never_vanishes_and_never_exceeds_the_widest():
    assert flow_width(1, 1000) == MIN_WIDTH
    assert flow_width(500, 1000) == MAX_WIDTH / 2
    assert flow_width(0, 0) == MIN_WIDTH
