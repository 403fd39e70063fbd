"""What an import would do to a document, in the numbers the import dialog shows before
the manager confirms: deals and events per stage, the date range, and how many events
replace ones the document already holds (or, with "replace", are dropped)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.record import Actuals


@dataclass(frozen=True)
class ImportPreview:
    """``per_stage`` maps a stage id to (events, deals) in the import."""

    events: int
    deals: int
    first: datetime | None
    last: datetime | None
    per_stage: dict[str, tuple[int, int]] = field(default_factory=dict)
    replacing: int = 0   # imported events with the key of one held now (they replace it)
    held: int = 0        # events the document holds now
    new_deals: int = 0   # deals the document has no event of yet


def preview_of(events: Sequence[DealEvent], held: Actuals) -> ImportPreview:
    """The preview of importing ``events`` into a document holding ``held``."""
    per_stage: dict[str, list] = {}
    deals: set[str] = set()
    first = last = None
    for e in events:
        deals.add(e.deal_id)
        entry = per_stage.get(e.stage_id)
        if entry is None:
            entry = per_stage[e.stage_id] = [0, set()]
        entry[0] += 1
        entry[1].add(e.deal_id)
        if first is None or e.entered < first:
            first = e.entered
        if last is None or e.entered > last:
            last = e.entered
    keys = {e.key for e in held.events}
    known = {e.deal_id for e in held.events}
    replacing = sum(1 for e in events if e.key in keys) if keys else 0
    return ImportPreview(len(events), len(deals), first, last,
                         {sid: (n, len(ids)) for sid, (n, ids) in per_stage.items()},
                         replacing, len(held.events), len(deals - known))


__all__ = ["ImportPreview", "preview_of"]
