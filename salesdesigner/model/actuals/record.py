"""The actuals a document holds: deal events, the imports that brought them, the stage mapping.

One immutable value (:class:`Actuals`) on the process (``process.actuals``), so an import
or a strip is one undoable edit that swaps the whole value and its inverse swaps it back,
and so the analysis reads a plain sequence of :class:`~.events.DealEvent`
(``process.actuals.events``).  Several imports accumulate: :meth:`Actuals.merged`
replaces events with the same :attr:`~.events.DealEvent.key`, never duplicates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import attrgetter, lt

from salesdesigner.model.actuals.events import DealEvent, EventColumns


@dataclass(frozen=True)
class ImportRecord:
    """One import: where from, when, how many rows it used, ignored and rejected, what it
    mapped.  ``rows_ignored`` are rows of CRM stages the manager chose to leave out (the
    stage mapping's "ignore"); ``rows_rejected`` are the rows that could not be used (no
    id, unknown stage, bad date …).  Records of layout 5 and older counted both as
    rejected (their ``rows_ignored`` is 0).

    ``columns`` maps each event field (``"deal_id"``, ``"stage"``, ``"entered"``, …) to the
    export's header it was read from (for a wide export, ``"entered"`` is absent and
    ``stages`` says which "Date entered …" column fed which stage); ``stages`` maps the
    CRM's stage names to process stage ids.
    """

    source: str
    imported_at: datetime
    rows_used: int
    rows_rejected: int
    shape: str = "long"  # "long" (one row per deal per stage) or "wide" (one row per deal)
    columns: tuple[tuple[str, str], ...] = ()
    stages: tuple[tuple[str, str], ...] = ()
    rows_ignored: int = 0


@dataclass(frozen=True, eq=True)
class Actuals:
    """Everything the CRM told the document, as one value (empty for a plain process).

    ``events`` are kept per deal (by id), in time order: how every analysis walks them;
    a tuple, or after an import an :class:`~.events.EventColumns` (a sequence of the same
    events held as columns, equal to that tuple).
    """

    events: tuple[DealEvent, ...] = ()
    imports: tuple[ImportRecord, ...] = ()
    #: CRM stage name → process stage id, remembered so next month's import asks nothing.
    stage_map: tuple[tuple[str, str], ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.events or self.imports or self.stage_map)

    @property
    def stage_mapping(self) -> dict[str, str]:
        return dict(self.stage_map)

    def merged(self, events: Iterable[DealEvent], record: ImportRecord | None = None,
               stage_mapping: Mapping[str, str] | None = None, *,
               replace: bool = False) -> Actuals:
        """These actuals with ``events`` added: an event with the key of one already held
        replaces it; ``replace`` drops every event held before.  The record is appended and
        the mapping remembered (new names added, changed ones updated)."""
        # Keyed by (deal, entered, stage): the same fields as DealEvent.key, in the order
        # the events are kept, so one C-level sort of the keys orders them.
        # (C-level maps: a million events are keyed and sorted without a Python loop)
        events = events if isinstance(events, (list, tuple, EventColumns)) else list(events)
        mapping = dict(self.stage_map)
        mapping.update(stage_mapping or {})
        records = self.imports + ((record,) if record is not None else ())
        if (replace or not self.events) and isinstance(events, EventColumns):
            # an import's columns, kept as they are when in order (a long export by deal)
            if events.in_key_order():
                return Actuals(events, records, tuple(sorted(mapping.items())))
            events = events.events
        if replace or not self.events:
            keys = list(map(_ORDER, events))
            if all(map(lt, keys, islice(keys, 1, None))):  # in order, one per key already
                return Actuals(tuple(events), records, tuple(sorted(mapping.items())))
        by_order = {} if replace else dict(zip(map(_ORDER, self.events), self.events,
                                               strict=True))
        by_order.update(zip(map(_ORDER, events), events, strict=True))
        return Actuals(tuple(map(by_order.__getitem__, sorted(by_order))), records,
                       tuple(sorted(mapping.items())))


_ORDER = attrgetter("deal_id", "entered", "stage_id")
EMPTY_ACTUALS = Actuals()


def actuals_of(events: Iterable[DealEvent], imports: Iterable[ImportRecord] = (),
               stage_mapping: Mapping[str, str] | None = None) -> Actuals:
    """An :class:`Actuals` in canonical form (events per deal in time order, one per key)."""
    merged = EMPTY_ACTUALS.merged(events, stage_mapping=stage_mapping)
    return Actuals(merged.events, tuple(imports), merged.stage_map)


__all__ = ["EMPTY_ACTUALS", "Actuals", "ImportRecord", "actuals_of"]
