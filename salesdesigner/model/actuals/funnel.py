"""The funnel on the team's own process: per stage and per arrow, for a period or overall.

Counting rules (the tests in tests/model/actuals pin each with hand-worked numbers):

* **reached** — distinct deals with at least one visit *starting* in the period.  A deal
  that loops back and enters the stage twice counts once; ``entries`` counts both.
* **moved_on[T]** — of those deals, how many left a visit that started in the period for
  stage T (whenever they left: a stage's October cohort is followed past October's end).
  A deal that left once for T and, on a second visit, for U counts under both, so the
  per-stage figures may add up to more than ``moved_on_total`` (distinct deals).
* **conversion[T]** = moved_on[T] / reached; **conversion_to_won** = won / reached, where
  won / lost / open is each reached deal's final outcome (:mod:`.history`).
* **days in stage** — every finished visit that started in the period is one sample (a
  loop's two stays are two samples); mean and median of them.  Terminal stages have none.
* **stalled** — a deal sitting in a non-terminal stage, not closed, for longer than the
  stage's typical duration at the period's end (or at the data's last event, if sooner):
  the designed ``Stage.duration_days`` when set (source "designed"), else the median of
  the stage's finished stays over the whole history (source "median"); none without either.
* **transitions** — every move from one stage to the next counts (a loop's moves each
  count), in the period the move happened (the deal entered the target); ``designed`` says
  whether the process has that arrow — or a way through decisions only (a CRM has no
  decision stages: prop → won may be drawn as prop → "agreed?" → won); ``transition_id``
  is the first arrow of that way.

Each count is a few numpy operations over the history's visit columns (distinct deals per
stage as distinct ``deal × stage`` codes); days in stage go through :mod:`statistics` as
plain floats, so means and medians are exactly what a loop over the visits gives.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np  # loaded with the analysis, never at start-up

from salesdesigner.model.actuals.events import slotted
from salesdesigner.model.actuals.history import LOST, OPEN, SECONDS_PER_DAY, WON, History, micro
from salesdesigner.model.actuals.periods import Period
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process


@dataclass(frozen=True)
class StageStats:
    stage_id: str
    name: str
    kind: str
    reached: int = 0
    entries: int = 0
    moved_on: dict[str, int] = field(default_factory=dict)   # next stage id -> deals
    moved_on_total: int = 0
    won: int = 0
    lost: int = 0
    open: int = 0
    stays: int = 0                                             # finished visits measured
    days_mean: float | None = None
    days_median: float | None = None
    stalled: int = 0
    stall_threshold_days: float | None = None
    stall_threshold_source: str | None = None                  # "designed" | "median" | None

    @property
    def conversion(self) -> dict[str, float]:
        """Next stage id → share of the reached deals that went on to it."""
        if not self.reached:
            return {}
        return {t: n / self.reached for t, n in self.moved_on.items()}

    @property
    def conversion_to_won(self) -> float | None:
        return self.won / self.reached if self.reached else None


@dataclass(frozen=True)
class TransitionFlow:
    source: str
    target: str
    moves: int
    deals: int
    designed: bool
    transition_id: str = ""


@dataclass(frozen=True, slots=True)
class StalledDeal:
    """Confidential (names a deal): shown in the app, left out of JSON unless asked."""

    deal_id: str
    deal_name: str
    owner: str
    stage_id: str
    entered: datetime
    days: float
    threshold_days: float


def cutoff(history: History, period: Period | None) -> tuple[datetime | None, bool]:
    """The moment "still open" and "stalled" refer to, and whether it is a period's end
    (exclusive: a move at that instant belongs to the next period)."""
    if period is None or history.as_of is None or history.as_of < period.end:
        return history.as_of, False
    return period.end, True


def _days(stays: Any) -> Any:
    """Microseconds → days, as ``timedelta.total_seconds() / 86400`` computes them."""
    return stays.astype(np.float64) / 1e6 / SECONDS_PER_DAY


def _per_stage(stage: Any, values: Any, n_stages: int) -> list[list[float]]:
    """``values`` grouped by ``stage`` (stage index → plain floats)."""
    order = np.argsort(stage, kind="stable")
    cuts = np.searchsorted(stage[order], np.arange(n_stages + 1))
    flat = values[order].tolist()
    return [flat[cuts[i]:cuts[i + 1]] for i in range(n_stages)]


def stall_thresholds(history: History) -> dict[str, tuple[float, str]]:
    """Stage id → (days, "designed" | "median") for every stage that has a typical stay."""
    done = history.v_next >= 0
    samples = _per_stage(history.v_stage[done],
                         _days(history.v_left[done] - history.v_in[done]),
                         len(history.stage_ids))
    out: dict[str, tuple[float, str]] = {}
    for i, stage in enumerate(history.process.stages):
        if StageKind(stage.kind).is_terminal:
            continue
        if stage.duration_days is not None:
            out[stage.id] = (float(stage.duration_days), "designed")
        elif samples[i]:
            out[stage.id] = (statistics.median(samples[i]), "median")
    return out


def _distinct(codes: Any) -> Any:
    """The distinct codes, sorted (a sort and a compare: faster than np.unique's hashing)."""
    if len(codes) < 2:
        return codes
    ordered = np.sort(codes)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _count(codes: Any, size: int) -> list[int]:
    return np.bincount(codes, minlength=size).tolist() if len(codes) else [0] * size


def funnel(history: History, period: Period | None,
           thresholds: dict[str, tuple[float, str]] | None = None,
           ) -> tuple[tuple[StageStats, ...], tuple[TransitionFlow, ...], tuple[StalledDeal, ...]]:
    """Per-stage statistics (process order), flows (biggest first) and stalled deals."""
    process = history.process
    thresholds = stall_thresholds(history) if thresholds is None else thresholds
    n = len(history.stage_ids)
    deal, stage, nxt = history.v_deal, history.v_stage, history.v_next
    done = nxt >= 0
    if period is None:
        inside = np.ones(len(deal), dtype=bool)
        moved = done
    else:
        start, end = micro(period.start), micro(period.end)
        inside = (history.v_in >= start) & (history.v_in < end)
        moved = done & (history.v_left >= start) & (history.v_left < end)
    # moves (every one) and the deals that made them, per (stage, next stage)
    pair = stage[moved] * n + nxt[moved]
    moves = _count(pair, n * n)
    move_deals = _count(_distinct(deal[moved] * (n * n) + pair) % (n * n), n * n)
    # the period's visits: entries, distinct deals reached, their outcomes
    entries = _count(stage[inside], n)
    reached_codes = _distinct(deal[inside] * n + stage[inside])
    reached = _count(reached_codes % n, n)
    outcomes = _count((reached_codes % n) * 3 + history.d_outcome[reached_codes // n], n * 3)
    went = inside & done
    went_codes = _distinct((deal[went] * n + stage[went]) * n + nxt[went])
    went_per = _count(went_codes % (n * n), n * n)
    left_any = _count(_distinct(went_codes // n) % n, n)
    samples = _per_stage(stage[went], _days(history.v_left[went] - history.v_in[went]), n)
    stalled = _stalled(history, period, thresholds)
    stalled_per: dict[str, int] = {}
    for s in stalled:
        stalled_per[s.stage_id] = stalled_per.get(s.stage_id, 0) + 1
    sids = history.stage_ids
    stages = []
    for i, stage_ in enumerate(process.stages):
        sid = stage_.id
        kind = StageKind(stage_.kind)
        days = [] if kind.is_terminal else samples[i]
        threshold = thresholds.get(sid)
        onward = {sids[t]: went_per[i * n + t] for t in range(n) if went_per[i * n + t]}
        stages.append(StageStats(
            sid, stage_.name, kind.value, reached[i], entries[i],
            dict(sorted(onward.items(), key=lambda kv: (-kv[1], kv[0]))),
            left_any[i], outcomes[i * 3 + WON], outcomes[i * 3 + LOST],
            outcomes[i * 3 + OPEN], len(days),
            statistics.fmean(days) if days else None,
            statistics.median(days) if days else None,
            stalled_per.get(sid, 0),
            threshold[0] if threshold else None, threshold[1] if threshold else None))
    flows = []
    for code in np.flatnonzero(np.asarray(moves)).tolist() if len(pair) else ():
        s, t = sids[code // n], sids[code % n]
        arrow = designed_arrow(process, s, t)
        flows.append(TransitionFlow(s, t, moves[code], move_deals[code], arrow is not None,
                                    arrow or ""))
    flows.sort(key=lambda f: (-f.moves, f.source, f.target))
    return tuple(stages), tuple(flows), stalled


def designed_arrow(process: Process, source: str, target: str) -> str | None:
    """The id of the arrow a move from ``source`` to ``target`` takes: the arrow between
    them, or the first arrow of a way through decision nodes only; None if undrawn."""
    direct = process.transition_between(source, target)
    if direct is not None:
        return direct.id
    graph = process.graph
    for first in process.outgoing(source):
        seen, todo = set(), [first.target]
        while todo:
            node = todo.pop()
            if node in seen or StageKind(process.stage(node).kind) is not StageKind.DECISION:
                continue
            seen.add(node)
            if graph.has_edge(node, target):
                return first.id
            todo.extend(graph.successors(node))
    return None


def _latest(history: History, field: str, deals: list[int]) -> list[str]:
    """Each of ``deals``' latest non-empty ``deal_name`` or ``owner`` ("" for none)."""
    index = np.asarray(history._latest_texts(field))[deals]
    values = history.events.column(field)
    return ["" if i < 0 else values[i] for i in index.tolist()]


def _stalled(history: History, period: Period | None,
             thresholds: dict[str, tuple[float, str]]) -> tuple[StalledDeal, ...]:
    moment, exclusive = cutoff(history, period)
    if moment is None:
        return ()
    at = micro(moment)
    closed = history.d_closed >= 0
    closed_at = history.d_closed_at
    gone = closed & ((closed_at < at) | ((closed_at == at) if not exclusive else False))
    # each deal's visit at the moment: the last one entered before it (a prefix per deal)
    before = history.v_in < at if exclusive else history.v_in <= at
    counts = np.bincount(history.v_deal[before], minlength=len(history.deal_ids))
    current = history.deal_visits[:-1] + counts - 1
    candidates = np.flatnonzero((counts > 0) & ~gone)
    visit = current[candidates]
    stage = history.v_stage[visit]
    limit = np.full(len(history.stage_ids), np.inf)
    for i, sid in enumerate(history.stage_ids):
        kind = StageKind(history.process.stage(sid).kind)
        if sid in thresholds and not kind.is_terminal:
            limit[i] = thresholds[sid][0]
    waited = _days(at - history.v_in[visit])
    over = np.flatnonzero(waited > limit[stage])
    # longest first, then by deal id (deals are numbered in the order of their ids)
    over = over[np.lexsort((candidates[over], -waited[over]))]
    deals, stages = candidates[over].tolist(), stage[over].tolist()
    sids, ids = history.stage_ids, history.deal_ids
    entered = history.events.column("entered")
    came = list(map(entered.__getitem__, history.v_event[visit[over]].tolist()))
    names, owners = (_latest(history, field, deals) for field in ("deal_name", "owner"))
    out = slotted(StalledDeal, (list(map(ids.__getitem__, deals)), names, owners,
                                list(map(sids.__getitem__, stages)), came,
                                waited[over].tolist(),
                                [thresholds[sids[s]][0] for s in stages]))
    return tuple(out)
