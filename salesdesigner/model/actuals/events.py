"""One deal entering one stage: the unit of the actuals a manager imports from the CRM.

Every import shape (long history reports, wide "Date entered <stage>" sheets, Excel)
becomes a sequence of these, and every analysis starts from such a sequence.  Deal
ids, names, owners and amounts are the company's confidential customer data: nothing
outside the document and the analysis may carry them (exports show aggregates only).
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice, repeat
from operator import attrgetter, gt, le, ne
from typing import Any


class Outcome(str, enum.Enum):
    """How the CRM says a deal ended, when it says so on the row."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class DealEvent:
    """Deal ``deal_id`` entered process stage ``stage_id`` at ``entered`` (naive local time)."""

    deal_id: str
    stage_id: str
    entered: datetime
    amount: float | None = None
    owner: str = ""
    deal_name: str = ""
    outcome: Outcome | None = None
    lost_reason: str = ""

    @property
    def key(self) -> tuple[str, str, datetime]:
        """What makes two events the same: re-importing it replaces, never duplicates."""
        return (self.deal_id, self.stage_id, self.entered)


def _fast_init() -> None:
    """Give :class:`DealEvent` an ``__init__`` that fills its slots through their
    descriptors: a frozen dataclass's own goes through ``object.__setattr__`` by name for
    each field, and an import or an open builds a million events (it was the largest single
    cost of both).  Same parameters and defaults; still frozen (assignment afterwards
    raises), and ``dataclasses.replace`` goes through it."""
    slots = tuple(DealEvent.__dict__[name].__set__ for name in DealEvent.__slots__)
    assert DealEvent.__slots__ == ("deal_id", "stage_id", "entered", "amount", "owner",
                                   "deal_name", "outcome", "lost_reason")

    def __init__(self: DealEvent, deal_id: str, stage_id: str, entered: datetime,
                 amount: float | None = None, owner: str = "", deal_name: str = "",
                 outcome: Outcome | None = None, lost_reason: str = "") -> None:
        a, b, c, d, e, f, g, h = slots
        a(self, deal_id)
        b(self, stage_id)
        c(self, entered)
        d(self, amount)
        e(self, owner)
        f(self, deal_name)
        g(self, outcome)
        h(self, lost_reason)

    __init__.__qualname__ = "DealEvent.__init__"
    DealEvent.__init__ = __init__  # type: ignore[method-assign]


_fast_init()


_EPOCH = datetime(1970, 1, 1)
_ONE_US = timedelta(microseconds=1)
#: the fields of :class:`DealEvent`, in order (the columns of :class:`EventColumns`)
FIELDS = ("deal_id", "stage_id", "entered", "amount", "owner", "deal_name", "outcome",
          "lost_reason")


def events_of(deal_ids: Sequence[str], stage_ids: Sequence[str],
              entered: Sequence[datetime], amounts: Sequence[float | None],
              owners: Sequence[str], deal_names: Sequence[str],
              outcomes: Sequence[Outcome | None], lost_reasons: Sequence[str],
              ) -> list[DealEvent]:
    """``list(map(DealEvent, deal_ids, stage_ids, …))`` without a Python call per event:
    the objects are made empty and each slot is filled for all of them by one C-level map
    over its descriptor.  The columns must be of equal length."""
    n = len(deal_ids)
    columns = (deal_ids, stage_ids, entered, amounts, owners, deal_names, outcomes,
               lost_reasons)
    if any(len(column) != n for column in columns):
        raise ValueError("the columns of events_of differ in length")
    return slotted(DealEvent, columns)


def slotted(cls: type, columns: Sequence[Sequence[Any]]) -> list[Any]:
    """Instances of the frozen slots dataclass ``cls``, the i-th made from the i-th value of
    each column (one column per field, in order, of equal length): made empty and filled
    slot by slot by C-level maps, where ``list(map(cls, *columns))`` calls the generated
    ``__init__`` (and its ``object.__setattr__`` per field) for each."""
    n = len(columns[0]) if columns else 0
    made = list(map(object.__new__, repeat(cls, n)))
    for name, column in zip(cls.__slots__, columns, strict=True):
        deque(map(cls.__dict__[name].__set__, made, column), maxlen=0)
    return made


class EventColumns(Sequence[DealEvent]):
    """A sequence of :class:`DealEvent` held as columns, one list per field (and, when
    its maker knows them, the moments as int64 microseconds since 1970).

    An import reads an export into columns and the analysis counts on columns: a million
    events pass from one to the other (through the import edit and the document's
    actuals) without a million objects made, kept and walked by the cycle collector.
    Asked for its events one by one (an index, iteration, equality), it makes them all
    once and keeps them; made from events (:meth:`of`), it keeps those and extracts a
    column when one is asked for.  Immutable, like the tuple it stands for: it equals a
    tuple or list of the same events, and hashes as that tuple.
    """

    __slots__ = ("_columns", "_events", "_micros", "_numbers", "_size")

    def __init__(self, deal_ids: Sequence[str], stage_ids: Sequence[str],
                 entered: Sequence[datetime], amounts: Sequence[float | None],
                 owners: Sequence[str], deal_names: Sequence[str],
                 outcomes: Sequence[Outcome | None], lost_reasons: Sequence[str],
                 micros: Any = None) -> None:
        columns = (deal_ids, stage_ids, entered, amounts, owners, deal_names, outcomes,
                   lost_reasons)
        n = len(deal_ids)
        if any(len(c) != n for c in columns) or (micros is not None and len(micros) != n):
            raise ValueError("the columns of an EventColumns differ in length")
        self._columns: dict[str, list] = {
            name: c if isinstance(c, list) else list(c)
            for name, c in zip(FIELDS, columns, strict=True)}
        self._events: tuple[DealEvent, ...] | None = None
        self._micros = micros
        self._numbers: tuple[list[str], Any] | None = None
        self._size = n

    @classmethod
    def of(cls, events: Sequence[DealEvent] | EventColumns) -> EventColumns:
        """``events`` as an :class:`EventColumns` (itself if it is one): the events are kept
        as they are and each column is extracted when first asked for."""
        if isinstance(events, EventColumns):
            return events
        made = cls.__new__(cls)
        made._events = events if isinstance(events, tuple) else tuple(events)
        made._columns, made._micros, made._size = {}, None, len(made._events)
        made._numbers = None
        return made

    # ------------------------------------------------------------ columns
    def column(self, field: str) -> list:
        """The values of ``field`` (one of :data:`FIELDS`), one per event."""
        try:
            return self._columns[field]
        except KeyError:
            if field not in FIELDS:
                raise ValueError(f"no column {field!r}") from None
            assert self._events is not None
            values = self._columns[field] = list(map(attrgetter(field), self._events))
            return values

    def micros(self) -> Any:
        """The moments entered, as an int64 numpy array of microseconds since 1970."""
        if self._micros is None:
            import numpy as np  # the analysis's, never at start-up
            self._micros = np.fromiter(
                map(_ONE_US.__rfloordiv__, map(_EPOCH.__rsub__, self.column("entered"))),
                dtype=np.int64, count=self._size)
        return self._micros

    def taken(self, order: Sequence[int]) -> EventColumns:
        """The events at the indices ``order``, in that order (columns already made are
        reordered, the others stay to be extracted)."""
        order = list(order)
        made = EventColumns.__new__(EventColumns)
        made._columns = {name: list(map(values.__getitem__, order))
                         for name, values in self._columns.items()}
        made._events = None if self._events is None else \
            tuple(map(self._events.__getitem__, order))
        made._micros = None if self._micros is None else self._micros[order]
        made._numbers = None
        made._size = len(order)
        return made

    def numbered(self) -> tuple[list[str], Any]:
        """The distinct deal ids sorted, and each event's deal as its index among them (an
        int64 numpy array), found once: the import's merge and the analysis both ask."""
        if self._numbers is None:
            self._numbers = _numbered(self.column("deal_id"))
        return self._numbers

    def in_key_order(self) -> bool:
        """Whether the events are by deal id, then time entered, then stage id, each key
        (:attr:`DealEvent.key`) once: the order the document keeps them in."""
        if self._size < 2:
            return True
        import numpy as np  # an import's or an analysis's, never at start-up
        deal = self.numbered()[1]  # deal numbers follow the ids' order
        if not bool((deal[1:] >= deal[:-1]).all()):
            return False
        n = self._size - 1
        new_deal = deal[1:] != deal[:-1]
        t = self.micros()
        later = t[1:] > t[:-1]
        tied = t[1:] == t[:-1]
        if not (new_deal | later | tied).all():
            return False
        if not (new_deal | later).all():  # same moment: by stage id, never twice
            stages = self.column("stage_id")
            after = np.fromiter(map(gt, islice(stages, 1, None), stages), dtype=bool,
                                count=n)
            return bool((new_deal | later | (tied & after)).all())
        return True

    # ------------------------------------------------------------ the sequence
    @property
    def events(self) -> tuple[DealEvent, ...]:
        """The events as objects (made once, on first use)."""
        if self._events is None:
            self._events = tuple(events_of(*map(self._columns.__getitem__, FIELDS)))
        return self._events

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def __getitem__(self, index: Any) -> Any:
        return self.events[index]

    def __iter__(self) -> Iterator[DealEvent]:
        return iter(self.events)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventColumns):
            if self._size != other._size:
                return False
            if self._events is None and other._events is None:
                return all(self._columns[f] == other._columns[f] for f in FIELDS)
            return self.events == other.events
        if isinstance(other, (tuple, list)):
            return self._size == len(other) and self.events == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.events)

    def __repr__(self) -> str:
        return f"EventColumns({self._size:,} events)"

    def __reduce__(self) -> tuple:
        return (EventColumns.of, (self.events,)) if self._events is not None else \
            (EventColumns, tuple(map(self._columns.__getitem__, FIELDS)))


def _numbered(ids: list[str]) -> tuple[list[str], Any]:
    """The distinct deal ids sorted, and each event's deal as its index among them.  Ids
    that arrive sorted (the document keeps events by deal) are numbered by counting the
    changes, without a dictionary or a sort."""
    import numpy as np  # an import's or an analysis's, never at start-up
    if not ids:
        return [], np.zeros(0, dtype=np.int64)
    if all(map(le, ids, islice(ids, 1, None))):
        changes = np.fromiter(map(ne, ids, islice(ids, 1, None)), dtype=bool,
                              count=len(ids) - 1)
        deal = np.zeros(len(ids), dtype=np.int64)
        np.cumsum(changes, out=deal[1:])
        starts = np.flatnonzero(changes) + 1
        return [ids[0], *map(ids.__getitem__, starts.tolist())], deal
    deal_ids = sorted(dict.fromkeys(ids))
    number = dict(zip(deal_ids, range(len(deal_ids)), strict=True))
    return deal_ids, np.fromiter(map(number.__getitem__, ids), dtype=np.int64, count=len(ids))
