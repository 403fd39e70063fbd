"""The analysis's first, plain-Python implementation, kept only as the oracle the vectorised
one is checked against (tests/model/actuals/test_vectorised_equals_plain.py): visits, the
funnel's counts, days in stage, stalled deals, win chances' observed moves, won amounts.
Copied unchanged from salesdesigner/model/actuals (history.py, funnel.py, kpis.py,
bottleneck.py) as they stood before the numpy core; not used by the application."""

# ruff: noqa
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from salesdesigner.model.actuals.bottleneck import chances_from_moves
from salesdesigner.model.actuals.events import DealEvent, Outcome
from salesdesigner.model.actuals.history import SECONDS_PER_DAY, DealPath, Visit  # values, not logic
from salesdesigner.model.actuals.funnel import StageStats, StalledDeal, TransitionFlow, cutoff, designed_arrow
from salesdesigner.model.actuals.periods import Period
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

from salesdesigner.model.actuals.bottleneck import WON  # noqa: E402


@dataclass(frozen=True)
class History:
    """Every deal's path through one process, built once and sliced into periods."""

    process: Process
    deals: tuple[DealPath, ...]
    used_events: int
    ignored_events: int
    first: datetime | None  # the earliest and latest event used
    last: datetime | None

    @property
    def as_of(self) -> datetime | None:
        """The moment the data describes (its latest event): "still open" means then."""
        return self.last


def build_history(process: Process, events) -> History:
    return _build(process, list(events))


def _build(process: Process, events: Iterable[DealEvent]) -> History:
    order = {sid: i for i, sid in enumerate(process.stage_ids)}
    won = {s.id for s in process.stages if StageKind(s.kind) is StageKind.WON}
    closing = {s.id for s in process.stages if StageKind(s.kind).is_terminal} - won
    per_deal: dict[str, list[DealEvent]] = {}
    ignored = 0
    for event in events:
        if event.stage_id not in order:
            ignored += 1
            continue
        evs = per_deal.get(event.deal_id)
        if evs is None:
            per_deal[event.deal_id] = [event]
        else:
            evs.append(event)
    deals, used = [], 0
    first: datetime | None = None
    last: datetime | None = None
    for deal_id in sorted(per_deal):
        evs = _in_order(per_deal[deal_id], order)
        used += len(evs)
        deals.append(_path(deal_id, evs, won, closing))
        if first is None or evs[0].entered < first:
            first = evs[0].entered
        if last is None or evs[-1].entered > last:
            last = evs[-1].entered
    return History(process, tuple(deals), used, ignored, first, last)


def _in_order(evs: list[DealEvent], order: dict[str, int]) -> list[DealEvent]:
    """One deal's events by (time, stage order), each identical event once."""
    previous = None
    for e in evs:
        key = (e.entered, order[e.stage_id])
        if previous is not None and key <= previous:
            break
        previous = key
    else:
        return evs  # already strictly in order: no duplicates either
    # the same key twice (the document never holds that; a caller's list may): the same
    # one wins whatever the order they came in
    unique = {(e.entered, order[e.stage_id]): e for e in sorted(evs, key=_payload)}
    return [unique[k] for k in sorted(unique)]


def _payload(e: DealEvent) -> tuple:
    return (e.amount is not None, e.amount or 0.0, e.owner, e.deal_name,
            "" if e.outcome is None else Outcome(e.outcome).value, e.lost_reason)


#: Visit from a 4-tuple without a Python-level call (a million visits: C all the way)
_new_visit = partial(tuple.__new__, Visit)


def _path(deal_id: str, evs: list[DealEvent], won: set[str], closing: set[str]) -> DealPath:
    stages = [e.stage_id for e in evs]
    times = [e.entered for e in evs]
    if len(evs) > 1 and any(a == b for a, b in zip(stages, stages[1:], strict=False)):
        keep = [0] + [i for i in range(1, len(evs)) if stages[i] != stages[i - 1]]
        stages, times = [stages[i] for i in keep], [times[i] for i in keep]
    visits = tuple(map(_new_visit, zip(stages, times, [*times[1:], None], [*stages[1:], None],
                                       strict=False)))
    current, since = stages[-1], times[-1]
    outcome, closed_at = Outcome.OPEN, None
    if current in won:
        outcome, closed_at = Outcome.WON, since
    elif current in closing:
        outcome, closed_at = Outcome.LOST, since
    else:
        stated = [e for e in evs if e.outcome is not None]
        if stated and Outcome(stated[-1].outcome) is not Outcome.OPEN:
            outcome, closed_at = Outcome(stated[-1].outcome), stated[-1].entered
    amounts = [e.amount for e in evs if e.amount is not None]
    names = [e.deal_name for e in evs if e.deal_name]
    owners = [e.owner for e in evs if e.owner]
    return DealPath(deal_id, visits, outcome, closed_at, amounts[-1] if amounts else None,
                    names[-1] if names else "", owners[-1] if owners else "")


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


def _won_through(history: History, period: Period | None) -> dict[str, tuple[int, float, int]]:
    """Stage id → (deals won in the period that visited it, their known amounts, how many
    of them had an amount)."""
    out: dict[str, tuple[int, float, int]] = {}
    for deal in history.deals:
        if deal.outcome is not Outcome.WON or deal.closed_at is None:
            continue
        if period is not None and deal.closed_at not in period:
            continue
        for sid in {v.stage_id for v in deal.visits}:
            n, total, known = out.get(sid, (0, 0.0, 0))
            if deal.amount is not None:
                total, known = total + deal.amount, known + 1
            out[sid] = (n + 1, total, known)
    return out




def win_chances(history: History) -> dict[str, float]:
    """Stage id → probability that a deal in it ends won (see the module doc)."""
    process = history.process
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    terminal = {sid for sid, kind in kinds.items() if kind.is_terminal}
    stall = stall_thresholds(history)
    counts: dict[str, dict[str, int]] = {}
    for deal in history.deals:
        last = len(deal.visits) - 1
        for i, (sid, entered, _, nxt) in enumerate(deal.visits):
            if sid in terminal:
                continue
            if nxt is None and i == last and deal.outcome is Outcome.WON:
                nxt = WON
            elif nxt is None and i == last and deal.outcome is Outcome.LOST:
                nxt = ""           # closed lost without a lost stage: absorbed, no win
            elif nxt is None:  # still open: censored, unless gone quiet (lost there)
                limit = max(30.0, 3 * stall[sid][0]) if sid in stall else 90.0
                age = (history.as_of - entered).total_seconds() / SECONDS_PER_DAY
                if age <= limit:
                    continue
                nxt = ""
            row = counts.setdefault(sid, {})
            row[nxt] = row.get(nxt, 0) + 1
    return chances_from_moves(kinds, counts)  # the linear solve is not what changed




def average_won_amount(history: History) -> float | None:
    amounts = [d.amount for d in history.deals
               if d.outcome is Outcome.WON and d.amount is not None]
    return sum(amounts) / len(amounts) if amounts else None


