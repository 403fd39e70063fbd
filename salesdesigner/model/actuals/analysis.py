"""One call from a process and its deal history to everything the manager compares:
the funnel, the arrows' flows, KPI actuals against targets, stalled deals, the bottleneck.

``analyze(process, events, period)`` is the entry point (the CLI's ``analyze``, the
dashboard); ``analyze_history`` reuses a :class:`History` built once for many periods (a
trend per month).  :func:`analysis_to_json` gives plain JSON-able data, aggregates only
unless the caller asks for the stalled deals by name (deal data is confidential).
The counting runs on numpy columns (:mod:`.history`); this module and those below it load
only when an analysis is asked for, so start-up never pays for numpy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salesdesigner.model.actuals import bottleneck as bn
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.funnel import (
    StageStats,
    StalledDeal,
    TransitionFlow,
    _distinct,
    funnel,
    stall_thresholds,
)
from salesdesigner.model.actuals.history import History, build_history, micro, paused_gc
from salesdesigner.model.actuals.kpis import KpiActual, kpi_actuals, span_months
from salesdesigner.model.actuals.periods import Period, months_between, parse_period
from salesdesigner.model.process import Process

JSON_VERSION = 1


@dataclass(frozen=True)
class Analysis:
    """What happened in ``period`` (None: the whole history), as of ``as_of``."""

    process_name: str
    language: str
    currency: str
    period: Period | None
    months: float                       # what "per month" figures divide by
    as_of: datetime | None
    deals: int                          # deals with a visit starting in the period
    used_events: int
    ignored_events: int                 # naming stages the process lacks
    stages: tuple[StageStats, ...]
    transitions: tuple[TransitionFlow, ...]
    kpis: tuple[KpiActual, ...]
    stalled: tuple[StalledDeal, ...]
    candidates: tuple[bn.Candidate, ...]
    bottleneck: bn.Candidate | None
    bottleneck_reason: str | None       # "no_targets" | "on_target" | "no_gain" | None
    by: str = "won"

    def stage(self, stage_id: str) -> StageStats:
        return next(s for s in self.stages if s.stage_id == stage_id)


def analyze(process: Process, events: Iterable[DealEvent],
            period: Period | str | None = None, *, by: str = "won") -> Analysis:
    """The analysis of ``events`` on ``process`` for ``period`` ("2026-10", a
    :class:`Period`, or None for the whole history); ``by`` ranks the bottleneck by won
    deals ("won") or revenue ("revenue")."""
    return analyze_history(build_history(process, events), period, by=by)


def analyze_history(history: History, period: Period | str | None = None, *,
                    by: str = "won", chances: dict[str, float] | None = None,
                    thresholds: dict[str, tuple[float, str]] | None = None) -> Analysis:
    """:func:`analyze` on a history built once (pass ``chances`` / ``thresholds`` from
    :func:`bottleneck.win_chances` / :func:`funnel.stall_thresholds` to share them too)."""
    if isinstance(period, str):
        period = parse_period(period)
    with paused_gc():
        return _analyze(history, period, by, chances, thresholds)


def _analyze(history: History, period: Period | None, by: str,
             chances: dict[str, float] | None,
             thresholds: dict[str, tuple[float, str]] | None) -> Analysis:
    process = history.process
    stages, flows, stalled = funnel(history, period, thresholds)
    kpis = kpi_actuals(history, period, stages)
    months = span_months(history, period)
    measurable = [k for k in kpis if k.actual is not None and k.target is not None]
    found = bn.candidates(history, stages, kpis, months, chances) if measurable else ()
    best = bn.choose(found, by)
    reason = None
    if best is None:
        reason = "no_targets" if not measurable else "on_target" if not found else "no_gain"
    if period is None:
        deals = len(history.deal_ids)
    else:
        start, end = period.start, period.end
        inside = (history.v_in >= micro(start)) & (history.v_in < micro(end))
        deals = len(_distinct(history.v_deal[inside]))
    return Analysis(process.name, process.language, process.currency, period, months,
                    history.as_of, deals, history.used_events, history.ignored_events,
                    stages, flows, kpis, stalled, found, best, reason, by)


def monthly(process: Process, events: Iterable[DealEvent], *,
            by: str = "won") -> list[Analysis]:
    """One analysis per calendar month the history covers (a trend), sharing the work."""
    history = build_history(process, events)
    if history.first is None or history.last is None:
        return []
    chances = bn.win_chances(history)
    thresholds = stall_thresholds(history)
    return [analyze_history(history, p, by=by, chances=chances, thresholds=thresholds)
            for p in months_between(history.first, history.last)]


# ---------------------------------------------------------------------- JSON
def _num(value: float | None, digits: int = 6) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def analysis_to_json(analysis: Analysis, *, include_deals: bool = False) -> dict[str, Any]:
    """Plain data (str, numbers, lists, dicts) for ``json.dumps``.  Aggregates only:
    stalled deals appear as counts per stage unless ``include_deals`` (they name deals,
    owners and amounts, the company's confidential data)."""
    from salesdesigner.model.actuals.report import bottleneck_sentence

    p = analysis.period
    out: dict[str, Any] = {
        "version": JSON_VERSION,
        "process": analysis.process_name,
        "period": None if p is None else {"kind": p.kind, "label": p.label,
                                          "start": p.start.isoformat(),
                                          "end": p.end.isoformat()},
        "months": _num(analysis.months),
        "as_of": analysis.as_of.isoformat() if analysis.as_of else None,
        "deals": analysis.deals,
        "events": {"used": analysis.used_events, "ignored": analysis.ignored_events},
        "stages": [{
            "id": s.stage_id, "name": s.name, "kind": s.kind, "reached": s.reached,
            "entries": s.entries, "moved_on": s.moved_on, "moved_on_total": s.moved_on_total,
            "won": s.won, "lost": s.lost, "open": s.open,
            "conversion": {t: _num(v) for t, v in s.conversion.items()},
            "conversion_to_won": _num(s.conversion_to_won),
            "stays": s.stays, "days_mean": _num(s.days_mean), "days_median": _num(s.days_median),
            "stalled": s.stalled, "stall_threshold_days": _num(s.stall_threshold_days),
            "stall_threshold_source": s.stall_threshold_source,
        } for s in analysis.stages],
        "transitions": [{"source": f.source, "target": f.target, "moves": f.moves,
                         "deals": f.deals, "designed": f.designed,
                         "transition_id": f.transition_id or None}
                        for f in analysis.transitions],
        "kpis": [{"stage": k.stage_id, "id": k.kpi_id, "name": k.name, "measure": k.measure,
                  "measure_to": k.measure_to or None, "target": _num(k.target), "unit": k.unit,
                  "direction": k.direction, "actual": _num(k.actual), "basis": k.basis,
                  "met": k.met, "reason": k.reason} for k in analysis.kpis],
        "bottleneck": None,
        "bottleneck_reason": analysis.bottleneck_reason,
        "candidates": [_candidate(c) for c in analysis.candidates],
    }
    if analysis.bottleneck is not None:
        out["bottleneck"] = dict(_candidate(analysis.bottleneck),
                                 sentence=bottleneck_sentence(analysis, analysis.language))
    if include_deals:
        out["stalled"] = [{"deal_id": s.deal_id, "deal_name": s.deal_name, "owner": s.owner,
                           "stage": s.stage_id, "entered": s.entered.isoformat(),
                           "days": _num(s.days, 2), "threshold_days": _num(s.threshold_days, 2)}
                          for s in analysis.stalled]
    return out


def _candidate(c: bn.Candidate) -> dict[str, Any]:
    return {"stage": c.stage_id, "to": c.to_stage or None, "kpi": c.kpi.name,
            "kpi_id": c.kpi.kpi_id, "measure": c.kpi.measure, "target": _num(c.kpi.target),
            "actual": _num(c.kpi.actual), "win_chance": _num(c.win_chance),
            "won_per_month": _num(c.won_per_month),
            "revenue_per_month": _num(c.revenue_per_month, 2)}
