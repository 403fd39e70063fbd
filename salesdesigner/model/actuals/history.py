"""Deal events turned into each deal's path through the process: the visits it made.

Definitions every figure of the analysis rests on (pinned by tests/model/actuals):

* A deal's events are put in time order; events at the same moment in the process's stage
  order, so the result never depends on the order events arrive in.  Events with the same
  :attr:`DealEvent.key` count once (given several that differ otherwise, the same one is
  kept whatever their order).
* A **visit** is a stay in one stage: it starts when the deal enters the stage and ends when
  the deal enters a *different* stage (its ``next_stage``).  Entering the stage it is
  already in again continues the same visit (CRMs log such re-saves).  A deal that comes
  back to a stage later (a loop) makes a second visit.
* Events naming a stage the process does not have are left out (counted in
  ``ignored_events``); the importer maps CRM stages, so this is data from another version.
* Outcome: the last visit decides when its stage is terminal (won → won, lost or end →
  lost); otherwise the latest event that states an outcome; otherwise the deal is open.
  A deal the CRM calls won without a won stage is won when that event says so.
* Amount: the latest amount any of its events carries (amounts change during a deal).

How: the history is columns (numpy arrays), one entry per visit and one per deal, built
with a few C-level passes over the events and sorted once; the funnel, KPIs and the
bottleneck count on those columns (a million events in seconds, where a Python loop per
visit took a minute).  Moments are int64 microseconds since 1970, so days in stage are
``(left − entered) / 10⁶ / 86400`` exactly as ``timedelta.total_seconds() / 86400`` gives
them.  :attr:`History.deals` still offers each deal's :class:`DealPath`, built on demand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from itertools import repeat
from operator import is_not
from typing import Any, NamedTuple

import numpy as np  # this module loads with the analysis, never at start-up

from salesdesigner.model.actuals.events import DealEvent, EventColumns, Outcome
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

SECONDS_PER_DAY = 86400.0
_EPOCH = datetime(1970, 1, 1)
_ONE_US = timedelta(microseconds=1)
#: outcome codes of the deal columns
OPEN, WON, LOST = 0, 1, 2
OUTCOMES = (Outcome.OPEN, Outcome.WON, Outcome.LOST)
#: an event's stated outcome → code + 1 (0: the row states none)
_STATED = {None: 0, Outcome.OPEN: 1, Outcome.WON: 2, Outcome.LOST: 3}


class Visit(NamedTuple):
    """One stay of a deal in a stage; ``left`` and ``next_stage`` are None while it stays."""

    stage_id: str
    entered: datetime
    left: datetime | None
    next_stage: str | None

    @property
    def days(self) -> float | None:
        """Days in the stage (fractional), for a finished stay."""
        if self.left is None:
            return None
        return (self.left - self.entered).total_seconds() / SECONDS_PER_DAY


@dataclass(frozen=True, slots=True)
class DealPath:
    """One deal's visits in time order and how it ended (as of the data's last event)."""

    deal_id: str
    visits: tuple[Visit, ...]
    outcome: Outcome
    closed_at: datetime | None  # when it was won or lost
    amount: float | None
    deal_name: str = ""
    owner: str = ""


def micros(moments: Iterable[datetime]) -> Any:
    """Naive datetimes as an int64 array of microseconds since 1970 (C-level maps)."""
    return np.fromiter(map(_ONE_US.__rfloordiv__, map(_EPOCH.__rsub__, moments)),
                       dtype=np.int64)


def micro(moment: datetime) -> int:
    return (moment - _EPOCH) // _ONE_US


@dataclass(frozen=True, eq=False)
class History:
    """Every deal's path through one process as columns, built once and sliced into periods.

    Deals are numbered in the order of their ids; visits are grouped by deal in time order.
    ``v_*`` columns have one entry per visit, ``d_*`` one per deal (see the module doc).
    """

    process: Process
    used_events: int
    ignored_events: int
    first: datetime | None  # the earliest and latest event used
    last: datetime | None
    stage_ids: tuple[str, ...]       # stage index → id (the process's order)
    deal_ids: list[str]              # deal index → id (sorted)
    events: EventColumns             # the used events, by deal in time order
    deal_events: Any                 # deal index → its first event's index (+ the end)
    v_deal: Any
    v_stage: Any
    v_in: Any                        # microseconds
    v_left: Any                      # microseconds (0 while it stays)
    v_next: Any                      # stage index, -1 while it stays
    v_event: Any                     # the event that started the visit
    deal_visits: Any                 # deal index → its first visit's index (+ the end)
    d_outcome: Any                   # OPEN / WON / LOST
    d_closed: Any                    # the event it was won or lost at, -1 while open
    d_closed_at: Any                 # microseconds it was won or lost at (0 while open)
    d_amount: Any                    # the latest amount (0.0 without one)
    d_has_amount: Any

    @property
    def as_of(self) -> datetime | None:
        """The moment the data describes (its latest event): "still open" means then."""
        return self.last

    def closed_at(self, deal: int) -> datetime | None:
        index = int(self.d_closed[deal])
        return self.events.column("entered")[index] if index >= 0 else None

    def amount(self, deal: int) -> float | None:
        return float(self.d_amount[deal]) if self.d_has_amount[deal] else None

    def latest_text(self, deal: int, field: str) -> str:
        """The deal's latest non-empty ``deal_name`` or ``owner``."""
        index = self._latest_texts(field)[deal]
        return self.events.column(field)[index] if index >= 0 else ""

    def _latest_texts(self, field: str) -> list[int]:
        """Per deal, the index of its latest event with a non-empty ``field`` (-1: none),
        found for all deals at once (the stalled list asks for hundreds of thousands)."""
        cache = self.__dict__.setdefault("_latest", {})
        if field not in cache:
            said = np.fromiter(map(bool, self.events.column(field)), dtype=bool,
                               count=len(self.events))
            deal_of = np.repeat(np.arange(len(self.deal_ids)), np.diff(self.deal_events))
            cache[field] = last_where(said, deal_of, len(self.deal_ids)).tolist()
        return cache[field]

    @cached_property
    def deals(self) -> tuple[DealPath, ...]:
        """Each deal's :class:`DealPath` (for callers that walk deals one by one)."""
        sids, entered = self.stage_ids, self.events.column("entered")
        out = []
        for d, deal_id in enumerate(self.deal_ids):
            lo, hi = int(self.deal_visits[d]), int(self.deal_visits[d + 1])
            visits = []
            for i in range(lo, hi):
                nxt = int(self.v_next[i])
                came = entered[int(self.v_event[i])]
                left = entered[int(self.v_event[i + 1])] if nxt >= 0 else None
                visits.append(Visit(sids[int(self.v_stage[i])], came, left,
                                    sids[nxt] if nxt >= 0 else None))
            out.append(DealPath(deal_id, tuple(visits), OUTCOMES[int(self.d_outcome[d])],
                                self.closed_at(d), self.amount(d),
                                self.latest_text(d, "deal_name"), self.latest_text(d, "owner")))
        return tuple(out)


def build_history(process: Process, events: Iterable[DealEvent]) -> History:
    """Group ``events`` by deal into visits and outcomes (see the module's rules); the cycle
    collector is paused meanwhile (a million events make millions of small values)."""
    with paused_gc():
        return _build(process, events)


def paused_gc():  # noqa: ANN201 - the one pause of salesdesigner.gc_pause
    """The cycle collector paused for the block (main thread only): building many small
    immutable values otherwise triggers full collections again and again."""
    from salesdesigner.gc_pause import collector_paused
    return collector_paused()


def _build(process: Process, events: Iterable[DealEvent]) -> History:
    stage_ids = tuple(process.stage_ids)
    order = {sid: i for i, sid in enumerate(stage_ids)}
    kinds = [StageKind(s.kind) for s in process.stages]
    won_stage = np.array([k is StageKind.WON for k in kinds] + [False], dtype=bool)
    closing = np.array([k.is_terminal and k is not StageKind.WON for k in kinds] + [False],
                       dtype=bool)
    # columns, as an import leaves them (or taken from the events once each)
    given = EventColumns.of(events if isinstance(events, (list, tuple, EventColumns))
                            else list(events))
    stage = np.fromiter(map(order.get, given.column("stage_id"), repeat(-1)),
                        dtype=np.int64, count=len(given))
    known = stage >= 0
    ignored = len(given) - int(known.sum())
    if ignored:
        picked = np.flatnonzero(known)
        given = given.taken(picked.tolist())
        stage = stage[picked]
    deal_ids, deal = given.numbered()
    t = given.micros()
    # by deal, time and stage order (a stable sort), unless they came so (as kept)
    ordered = np.arange(len(deal)) if _in_order(deal, t, stage) else \
        np.lexsort((stage, t, deal))
    ds, ts, ss = deal[ordered], t[ordered], stage[ordered]
    same = (ds[1:] == ds[:-1]) & (ts[1:] == ts[:-1]) & (ss[1:] == ss[:-1])
    if same.any():  # the same key twice (never in a document; a caller's list may)
        ordered = _one_per_key(given, ordered, same)
        ds, ts, ss = deal[ordered], t[ordered], stage[ordered]
    if len(ordered) == len(given) and bool((ordered[1:] > ordered[:-1]).all()):
        evs = given  # already in order (as the document keeps them)
    else:
        evs = given.taken(ordered.tolist())
    deal, stage, t = ds, ss, ts
    n, n_deals = len(evs), len(deal_ids)
    deal_events = np.searchsorted(deal, np.arange(n_deals + 1))
    # visits: an event starts one unless it re-enters the stage the deal is in
    starts = np.ones(n, dtype=bool)
    starts[1:] = (deal[1:] != deal[:-1]) | (stage[1:] != stage[:-1])
    v_event = np.flatnonzero(starts)
    v_deal, v_stage, v_in = deal[v_event], stage[v_event], t[v_event]
    goes_on = np.zeros(len(v_event), dtype=bool)
    goes_on[:-1] = v_deal[1:] == v_deal[:-1]
    v_next = np.full(len(v_event), -1, dtype=np.int64)
    v_next[:-1] = np.where(goes_on[:-1], v_stage[1:], -1)
    v_left = np.zeros(len(v_event), dtype=np.int64)
    v_left[:-1] = np.where(goes_on[:-1], v_in[1:], 0)
    deal_visits = np.searchsorted(v_deal, np.arange(n_deals + 1))
    v_event_end = np.append(v_event, n)  # so v_event[i + 1] names the next visit's event
    # outcome: the last visit's stage, else the latest stated outcome
    outcome = np.zeros(n_deals, dtype=np.int8)
    closed = np.full(n_deals, -1, dtype=np.int64)
    if n_deals:
        last_visit = deal_visits[1:] - 1
        last_stage = v_stage[last_visit]
        by_stage_won, by_stage_lost = won_stage[last_stage], closing[last_stage]
        outcome[by_stage_won] = WON
        outcome[by_stage_lost] = LOST
        closed = np.where(by_stage_won | by_stage_lost, v_event[last_visit], -1)
        stated = np.fromiter(map(_STATED.__getitem__, evs.column("outcome")),
                             dtype=np.int8, count=n)
        said = last_where(stated > 0, deal, n_deals)
        said_code = np.where(said >= 0, stated[np.maximum(said, 0)] - 1, OPEN)
        rest = ~(by_stage_won | by_stage_lost) & (said >= 0) & (said_code != OPEN)
        outcome[rest] = said_code[rest]
        closed[rest] = said[rest]
    amounts = evs.column("amount")
    has = np.fromiter(map(is_not, amounts, repeat(None)), dtype=bool, count=n)
    latest = last_where(has, deal, n_deals)
    d_has_amount = latest >= 0
    values = np.array(amounts, dtype=np.float64) if n else np.zeros(0)  # None: nan
    d_amount = np.where(d_has_amount, values[np.maximum(latest, 0)], 0.0) if n_deals \
        else np.zeros(0)
    first = evs.column("entered")[int(np.argmin(t))] if n else None
    last = evs.column("entered")[int(np.argmax(t))] if n else None
    return History(process, n, ignored, first, last, stage_ids, deal_ids, evs, deal_events,
                   v_deal, v_stage, v_in, v_left, v_next, v_event_end, deal_visits,
                   outcome, closed, np.where(closed >= 0, t[np.maximum(closed, 0)], 0),
                   d_amount, d_has_amount)


def last_where(mask: Any, deal: Any, n_deals: int) -> Any:
    """Per deal, the index of its last event where ``mask`` holds (-1: none); ``deal`` is
    sorted."""
    out = np.full(n_deals, -1, dtype=np.int64)
    index = np.flatnonzero(mask)
    if len(index):
        owner = deal[index]
        ends = np.ones(len(index), dtype=bool)
        ends[:-1] = owner[1:] != owner[:-1]
        out[owner[ends]] = index[ends]
    return out


def _one_per_key(given: EventColumns, ordered: Any, same: Any) -> Any:
    """``ordered`` with each run of events sharing a key cut to one: the greatest by
    :func:`_payload` (the last to arrive among equals), whatever the order they came in."""
    keep = np.ones(len(ordered), dtype=bool)
    chosen = ordered.copy()
    repeats = (np.flatnonzero(same) + 1).tolist()  # sorted positions repeating the previous
    i = 0
    while i < len(repeats):
        j = i
        while j + 1 < len(repeats) and repeats[j + 1] == repeats[j] + 1:
            j += 1
        lo, hi = repeats[i] - 1, repeats[j]
        chosen[lo] = max(ordered[lo:hi + 1].tolist(), key=lambda k: (_payload(given[k]), k))
        keep[lo + 1:hi + 1] = False
        i = j + 1
    return chosen[keep]


def _payload(e: DealEvent) -> tuple:
    return (e.amount is not None, e.amount or 0.0, e.owner, e.deal_name,
            "" if e.outcome is None else Outcome(e.outcome).value, e.lost_reason)


def _in_order(deal: Any, t: Any, stage: Any) -> bool:
    """Whether the events are already by deal, time and stage order (ties allowed)."""
    if len(deal) < 2:
        return True
    later_deal = deal[1:] > deal[:-1]
    same_deal = deal[1:] == deal[:-1]
    later = t[1:] > t[:-1]
    same_time = t[1:] == t[:-1]
    return bool((later_deal | (same_deal & (later | (same_time & (stage[1:] >= stage[:-1])))))
                .all())
