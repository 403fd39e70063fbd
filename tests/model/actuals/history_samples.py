"""A five-stage process with a loop back and six hand-made deals: every expected number in
the tests of the analysis is worked out by hand from this history (see each test)."""

from __future__ import annotations

from datetime import datetime

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.entities import Direction, Measure


def funnel_process(language: str = "ja", *, conversion_target: float = 90) -> Process:
    """lead → prop → nego → won, nego → prop (loop), prop / nego / lead → lost.

    KPIs: lead: entries ≥ 6, won count ≥ 3, one without a measure; prop: conversion to
    nego ≥ ``conversion_target`` %, win rate ≥ 50 %, won amount ≥ 500, one measuring a
    stage that does not exist; nego: days in stage ≤ 7.
    """
    ja = language == "ja"
    p = Process(id="f", name="営業" if ja else "Sales", language=language, currency="円")
    p.add_stage(Stage("lead", "リード" if ja else "Lead", kpis=(
        Kpi("新規", 6, "", Direction.HIGHER, id="k-entries", measure=Measure.ENTRIES),
        Kpi("受注数", 3, "", id="k-won", measure=Measure.WON_COUNT),
        Kpi("満足度", 4, "", id="k-none"),
    )))
    p.add_stage(Stage("prop", "提案" if ja else "Proposal", duration_days=14, kpis=(
        Kpi("移行率", conversion_target, "%", id="k-conv", measure=Measure.CONVERSION,
            measure_to="nego"),
        Kpi("受注率", 50, "%", id="k-win", measure=Measure.WIN_RATE),
        Kpi("受注額", 500, "円", id="k-amount", measure=Measure.WON_AMOUNT),
        Kpi("行方不明", 10, "%", id="k-gone", measure=Measure.CONVERSION, measure_to="gone"),
    )))
    p.add_stage(Stage("nego", "交渉" if ja else "Negotiation", kpis=(
        Kpi("日数", 7, "日" if ja else "days", Direction.LOWER, id="k-days",
            measure=Measure.DAYS_IN_STAGE),
    )))
    p.add_stage(Stage("won", "受注" if ja else "Won", StageKind.WON))
    p.add_stage(Stage("lost", "失注" if ja else "Lost", StageKind.LOST))
    for s, t in [("lead", "prop"), ("prop", "nego"), ("nego", "prop"), ("nego", "won"),
                 ("prop", "lost"), ("nego", "lost"), ("lead", "lost")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def d(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute)


#: D1 straight through; D2 loops nego → prop → nego; D3 lost at 23:00 on 31 October;
#: D4 enters lead at 23:59 on 31 October and prop at midnight on 1 November (month end);
#: D5 sits in lead; D6 goes prop → won, an arrow the process does not have.
HISTORY: list[tuple[str, str, datetime, float | None]] = [
    ("D1", "lead", d(10, 1), 100), ("D1", "prop", d(10, 5), 100),
    ("D1", "nego", d(10, 15), 100), ("D1", "won", d(10, 25), 100),
    ("D2", "lead", d(10, 2), 200), ("D2", "prop", d(10, 10), 200),
    ("D2", "nego", d(10, 20), 200), ("D2", "prop", d(10, 28), 200),
    ("D2", "nego", d(11, 3), 200), ("D2", "won", d(11, 10), 200),
    ("D3", "lead", d(10, 3), None), ("D3", "prop", d(10, 13), None),
    ("D3", "lost", d(10, 31, 23), None),
    ("D4", "lead", d(10, 31, 23, 59), None), ("D4", "prop", d(11, 1), None),
    ("D5", "lead", d(10, 20), None),
    ("D6", "prop", d(10, 6), 50), ("D6", "won", d(10, 16), 50),
]


def events() -> list[DealEvent]:
    return [DealEvent(deal, stage, at, amount, owner="rep", deal_name=f"Deal {deal}")
            for deal, stage, at, amount in HISTORY]
