"""Deal events turned into each deal's path through the process: the visits it made.

Definitions every figure of the analysis rests on (pinned by tests/model/actuals):

* A deal's events are put in time order; events at the same moment in the process's stage
  order, then by stage id, so the result never depends on the order events arrive in.
  Identical events (same :attr:`DealEvent.key`) count once.
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

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
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
    """Group ``events`` by deal into :class:`DealPath` values (see the module's rules)."""
    order = {sid: i for i, sid in enumerate(process.stage_ids)}
    won = {s.id for s in process.stages if StageKind(s.kind) is StageKind.WON}
    closing = {s.id for s in process.stages if StageKind(s.kind).is_terminal} - won
    per_deal: dict[str, dict[tuple[datetime, int, str], DealEvent]] = {}
    ignored = 0
    for event in events:
        rank = order.get(event.stage_id)
        if rank is None:
            ignored += 1
            continue
        # the sort key doubles as the identity (deal id is the outer key): no duplicates
        per_deal.setdefault(event.deal_id, {})[(event.entered, rank, event.stage_id)] = event
    deals, used = [], 0
    first: datetime | None = None
    last: datetime | None = None
    for deal_id in sorted(per_deal):
        keyed = per_deal[deal_id]
        evs = [keyed[k] for k in sorted(keyed)]
        used += len(evs)
        deals.append(_path(deal_id, evs, won, closing))
        if first is None or evs[0].entered < first:
            first = evs[0].entered
        if last is None or evs[-1].entered > last:
            last = evs[-1].entered
    return History(process, tuple(deals), used, ignored, first, last)


def _path(deal_id: str, evs: list[DealEvent], won: set[str], closing: set[str]) -> DealPath:
    visits: list[Visit] = []
    current, since = None, None
    amount, name, owner, stated = None, "", "", None
    for e in evs:
        if e.stage_id != current:
            if current is not None:
                visits.append(Visit(current, since, e.entered, e.stage_id))  # type: ignore[arg-type]
            current, since = e.stage_id, e.entered
        if e.amount is not None:
            amount = e.amount
        if e.deal_name:
            name = e.deal_name
        if e.owner:
            owner = e.owner
        if e.outcome is not None:
            stated = e
    visits.append(Visit(current, since, None, None))  # type: ignore[arg-type]
    outcome, closed_at = Outcome.OPEN, None
    if current in won:
        outcome, closed_at = Outcome.WON, since
    elif current in closing:
        outcome, closed_at = Outcome.LOST, since
    elif stated is not None and Outcome(stated.outcome) is not Outcome.OPEN:
        outcome, closed_at = Outcome(stated.outcome), stated.entered
    return DealPath(deal_id, tuple(visits), outcome, closed_at, amount, name, owner)
