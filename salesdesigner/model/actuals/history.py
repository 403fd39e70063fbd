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
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import NamedTuple

from salesdesigner.model.actuals.events import DealEvent, Outcome
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

SECONDS_PER_DAY = 86400.0


class Visit(NamedTuple):
    """One stay of a deal in a stage; ``left`` and ``next_stage`` are None while it stays.
    (A named tuple: a million of them are built and unpacked in the analysis's loops.)"""

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


def build_history(process: Process, events: Iterable[DealEvent]) -> History:
    """Group ``events`` by deal into :class:`DealPath` values (see the module's rules).

    Events that arrive grouped by deal in time order (as the document keeps them) are
    only checked, not sorted; the cycle collector is paused meanwhile (a million events
    make millions of tuples, none of them in a cycle)."""
    with paused_gc():
        return _build(process, events)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector (restored as it was): building many small immutable
    values otherwise triggers full collections again and again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
