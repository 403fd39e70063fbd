"""KPI actuals: what each KPI's :class:`~salesdesigner.model.entities.Measure` says
happened, set against its target — or the reason the data cannot say.

Units: a rate (conversion, win rate) is a fraction of the deals that reached the KPI's
stage; it is shown in the KPI's own unit, i.e. ×100 when the unit is "%" (or the KPI has
no unit and a target above 1, which can only be a percentage).  Per-period measures
(entries, won count, won amount) are **per month**: the count in a month, and for a week, a
range or the whole history the count divided by the months it spans.  Days in stage is
the median finished stay.  Won count / amount count the deals won (closed as won) in the
period that passed through the KPI's stage at some point; the amount of a deal is its
latest amount.  A KPI never gets a made-up number: when it has no measure, names a stage
the process lacks, or the period holds no deal to measure, ``actual`` is None and
``reason`` says why (a catalogue key ``analysis.reason_<reason>``).
"""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.model.actuals.funnel import StageStats, _distinct
from salesdesigner.model.actuals.history import WON, History, micro
from salesdesigner.model.actuals.periods import Period
from salesdesigner.model.entities import Direction, Kpi, Measure, StageKind

#: Why a KPI has no actual (each is a catalogue key ``analysis.reason_<code>``).
REASONS = ("no_measure", "unknown_stage", "not_next", "no_deals", "no_stays", "no_amounts")


@dataclass(frozen=True)
class KpiActual:
    stage_id: str
    kpi_id: str
    name: str
    measure: str | None
    measure_to: str
    target: float | None
    unit: str
    direction: str
    actual: float | None        # in the KPI's unit (see the module doc), None: no actual
    basis: int = 0              # how many deals (or stays) it is computed from
    reason: str | None = None   # why there is no actual
    percent: bool = False       # a rate written in percent (30 means 30 %)

    @property
    def met(self) -> bool | None:
        """Whether the actual meets the target (None without both)."""
        if self.actual is None or self.target is None:
            return None
        if Direction(self.direction) is Direction.LOWER:
            return self.actual <= self.target
        return self.actual >= self.target

    @property
    def shortfall(self) -> float:
        """How far the actual falls short of the target, in the KPI's unit (0 when met)."""
        if self.actual is None or self.target is None or self.met:
            return 0.0
        return abs(self.target - self.actual)


def is_percent(kpi: Kpi) -> bool:
    """Whether the KPI's rate is written in percent (see the module doc)."""
    unit = kpi.unit.strip()
    if unit:
        return "%" in unit or "％" in unit
    return kpi.target is not None and kpi.target > 1


def rate_in_unit(fraction: float, kpi: Kpi) -> float:
    return fraction * 100.0 if is_percent(kpi) else fraction


def kpi_actuals(history: History, period: Period | None,
                stages: tuple[StageStats, ...]) -> tuple[KpiActual, ...]:
    """Every KPI of every stage, in process order, with its actual or its reason."""
    stats = {s.stage_id: s for s in stages}
    months = span_months(history, period)
    won_here = _won_through(history, period)
    out = []
    for stage in history.process.stages:
        for kpi in stage.kpis:
            value, basis, reason = _measure(history, stage.id, kpi, stats[stage.id],
                                            months, won_here)
            out.append(KpiActual(
                stage.id, kpi.id, kpi.name, Measure(kpi.measure).value if kpi.measure else None,
                kpi.measure_to, kpi.target, kpi.unit, Direction(kpi.direction).value,
                value, basis, reason, is_percent(kpi)))
    return tuple(out)


def span_months(history: History, period: Period | None) -> float:
    """What "per month" divides by: the period's months, or the calendar months the
    history covers (first to last event, both months counted)."""
    if period is not None:
        return period.months
    if history.first is None or history.last is None:
        return 1.0
    return float((history.last.year - history.first.year) * 12
                 + history.last.month - history.first.month + 1)


def _won_through(history: History, period: Period | None) -> dict[str, tuple[int, float, int]]:
    """Stage id → (deals won in the period that visited it, their known amounts, how many
    of them had an amount); amounts added up deal by deal in the order of their ids."""
    import numpy as np

    won = (history.d_outcome == WON) & (history.d_closed >= 0)
    if period is not None:
        at = history.d_closed_at
        won &= (at >= micro(period.start)) & (at < micro(period.end))
    n = len(history.stage_ids)
    visited = won[history.v_deal]
    codes = _distinct(history.v_deal[visited] * n + history.v_stage[visited])
    deal, stage = codes // n, codes % n
    has = history.d_has_amount[deal]
    count = np.bincount(stage, minlength=n).tolist()
    # bincount adds in the order given: deal by deal, as a loop over the deals would
    total = np.bincount(stage, weights=np.where(has, history.d_amount[deal], 0.0),
                        minlength=n).tolist()
    known = np.bincount(stage, weights=has, minlength=n).tolist()
    return {sid: (count[i], total[i], int(known[i]))
            for i, sid in enumerate(history.stage_ids) if count[i]}


def _measure(history: History, stage_id: str, kpi: Kpi, stats: StageStats, months: float,
             won_here: dict[str, tuple[int, float, int]],
             ) -> tuple[float | None, int, str | None]:
    if kpi.measure is None:
        return None, 0, "no_measure"
    measure = Measure(kpi.measure)
    if measure is Measure.CONVERSION and kpi.measure_to:
        process = history.process
        if not process.has_stage(kpi.measure_to):
            return None, 0, "unknown_stage"
        if kpi.measure_to == stage_id:
            return None, 0, "not_next"
    if measure in (Measure.CONVERSION, Measure.WIN_RATE):
        if not stats.reached:
            return None, 0, "no_deals"
        if measure is Measure.CONVERSION and kpi.measure_to:
            moved = stats.moved_on.get(kpi.measure_to, 0)
        else:
            moved = stats.won
        return rate_in_unit(moved / stats.reached, kpi), stats.reached, None
    if measure is Measure.ENTRIES:
        return stats.reached / months, stats.reached, None
    if measure is Measure.DAYS_IN_STAGE:
        if StageKind(history.process.stage(stage_id).kind).is_terminal or not stats.stays:
            return None, 0, "no_stays"
        return stats.days_median, stats.stays, None
    won, total, known = won_here.get(stage_id, (0, 0.0, 0))
    if measure is Measure.WON_COUNT:
        return won / months, won, None
    if won and not known:
        return None, won, "no_amounts"
    return total / months, known, None
