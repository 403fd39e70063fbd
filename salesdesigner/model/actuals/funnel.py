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
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from salesdesigner.model.actuals.events import Outcome
from salesdesigner.model.actuals.history import SECONDS_PER_DAY, History
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


@dataclass(frozen=True)
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


def stall_thresholds(history: History) -> dict[str, tuple[float, str]]:
    """Stage id → (days, "designed" | "median") for every stage that has a typical stay."""
    samples: dict[str, list[float]] = {}
    for deal in history.deals:
        for sid, entered, left, _ in deal.visits:
            if left is not None:
                samples.setdefault(sid, []).append(
                    (left - entered).total_seconds() / SECONDS_PER_DAY)
    out: dict[str, tuple[float, str]] = {}
    for stage in history.process.stages:
        if StageKind(stage.kind).is_terminal:
            continue
        if stage.duration_days is not None:
            out[stage.id] = (float(stage.duration_days), "designed")
        elif samples.get(stage.id):
            out[stage.id] = (statistics.median(samples[stage.id]), "median")
    return out


def funnel(history: History, period: Period | None,
           thresholds: dict[str, tuple[float, str]] | None = None,
           ) -> tuple[tuple[StageStats, ...], tuple[TransitionFlow, ...], tuple[StalledDeal, ...]]:
    """Per-stage statistics (process order), flows (biggest first) and stalled deals."""
    process = history.process
    thresholds = stall_thresholds(history) if thresholds is None else thresholds
    # flat lists filled per deal, counted once at the end (Counter counts in C)
    all_entries: list[str] = []
    all_reached: list[str] = []
    all_outcomes: list[tuple[str, Outcome]] = []
    all_went: list[tuple[str, str]] = []
    all_left: list[str] = []
    all_moves: list[tuple[str, str]] = []
    all_move_deals: list[tuple[str, str]] = []
    days: dict[str, list[float]] = {}
    start = period.start if period else None
    end = period.end if period else None
    for deal in history.deals:
        visits = deal.visits
        if start is None:
            inside = visits
            pairs = [(v[0], v[3]) for v in visits if v[3] is not None]
        else:
            inside = [v for v in visits if start <= v[1] < end]  # type: ignore[operator]
            pairs = [(v[0], v[3]) for v in visits
                     if v[3] is not None and start <= v[2] < end]  # type: ignore[operator]
        if pairs:
            all_moves += pairs
            all_move_deals += set(pairs) if len(pairs) > 1 else pairs
        if not inside:
            continue
        sids = [v[0] for v in inside]
        all_entries += sids
        seen = set(sids)
        all_reached += seen
        where = deal.outcome
        all_outcomes += [(sid, where) for sid in seen]
        went = pairs if start is None else [(v[0], v[3]) for v in inside if v[3] is not None]
        if went:
            unique = set(went)
            all_went += unique
            all_left += {sid for sid, _ in unique}
            for sid, entered, left, nxt in inside:
                if nxt is not None:
                    samples = days.get(sid)
                    if samples is None:
                        samples = days[sid] = []
                    samples.append((left - entered).total_seconds())  # type: ignore[operator]
    entries, reached = Counter(all_entries), Counter(all_reached)
    outcomes, moved_any = Counter(all_outcomes), Counter(all_left)
    moved: dict[str, dict[str, int]] = {}
    for (sid, nxt), n in Counter(all_went).items():
        moved.setdefault(sid, {})[nxt] = n
    move_deals = Counter(all_move_deals)
    moves = {pair: (n, move_deals[pair]) for pair, n in Counter(all_moves).items()}
    stalled = _stalled(history, period, thresholds)
    stalled_per: dict[str, int] = {}
    for s in stalled:
        stalled_per[s.stage_id] = stalled_per.get(s.stage_id, 0) + 1
    stages = []
    for stage in process.stages:
        sid = stage.id
        kind = StageKind(stage.kind)
        samples = [] if kind.is_terminal else [x / SECONDS_PER_DAY for x in days.get(sid, ())]
        won, lost, still = (outcomes[(sid, o)]
                            for o in (Outcome.WON, Outcome.LOST, Outcome.OPEN))
        threshold = thresholds.get(sid)
        stages.append(StageStats(
            sid, stage.name, kind.value, reached.get(sid, 0), entries.get(sid, 0),
            dict(sorted(moved.get(sid, {}).items(), key=lambda kv: (-kv[1], kv[0]))),
            moved_any.get(sid, 0), won, lost, still, len(samples),
            statistics.fmean(samples) if samples else None,
            statistics.median(samples) if samples else None,
            stalled_per.get(sid, 0),
            threshold[0] if threshold else None, threshold[1] if threshold else None))
    flows = []
    for (s, t), (n, d) in moves.items():
        arrow = designed_arrow(process, s, t)
        flows.append(TransitionFlow(s, t, n, d, arrow is not None, arrow or ""))
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


def _stalled(history: History, period: Period | None,
             thresholds: dict[str, tuple[float, str]]) -> tuple[StalledDeal, ...]:
    moment, exclusive = cutoff(history, period)
    if moment is None:
        return ()
    kinds = {s.id: StageKind(s.kind) for s in history.process.stages}
    out = []
    for deal in history.deals:
        if deal.closed_at is not None and (deal.closed_at < moment or
                                           (not exclusive and deal.closed_at == moment)):
            continue
        current = None
        for v in deal.visits:
            if v.entered < moment or (not exclusive and v.entered == moment):
                current = v
            else:
                break
        if current is None or kinds[current.stage_id].is_terminal:
            continue
        threshold = thresholds.get(current.stage_id)
        waited = (moment - current.entered).total_seconds() / SECONDS_PER_DAY
        if threshold is not None and waited > threshold[0]:
            out.append(StalledDeal(deal.deal_id, deal.deal_name, deal.owner, current.stage_id,
                                   current.entered, waited, threshold[0]))
    out.sort(key=lambda s: (-s.days, s.deal_id))
    return tuple(out)
