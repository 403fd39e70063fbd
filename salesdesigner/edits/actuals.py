"""Importing and stripping actuals, each one undo step.

The actuals are one immutable value on the process, so both edits swap that value and the
inverse swaps the old one back: undo restores exactly the events, import records and stage
mapping held before, however many events the import replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from salesdesigner.edits.base import Edit, Name, Touched, touched
from salesdesigner.gc_pause import collector_paused
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.record import EMPTY_ACTUALS, Actuals, ImportRecord
from salesdesigner.model.process import Process


@dataclass(frozen=True)
class SetActuals(Edit):
    """Put ``actuals`` in place of the document's (the inverse of every actuals edit)."""

    actuals: Actuals = EMPTY_ACTUALS
    name: Name = field(default=Name("Change Actuals"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        old = process.set_actuals(self.actuals)
        return SetActuals(old, name=self.name)

    def touched(self) -> Touched:
        return touched(process=True)


@dataclass(frozen=True)
class ImportActuals(Edit):
    """Merge imported events into the document's actuals (same key: replaced, never twice;
    ``replace``: drop every event held before), record the import, remember the mapping."""

    events: tuple[DealEvent, ...] = ()
    record: ImportRecord | None = None
    stage_mapping: tuple[tuple[str, str], ...] = ()
    replace: bool = False
    name: Name = field(default=Name("Import Actuals"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        old = process.actuals
        with collector_paused():  # merging a million events makes no cycles
            new = old.merged(self.events, self.record, dict(self.stage_mapping),
                             replace=self.replace)
        process.set_actuals(new)
        return SetActuals(old, name=self.name)

    def touched(self) -> Touched:
        return touched(process=True)


def strip_actuals() -> SetActuals:
    """The edit that removes every deal event, import record and remembered mapping (before
    handing the file to someone who must not see the customers' deals)."""
    return SetActuals(EMPTY_ACTUALS, name=Name("Remove Actuals"))


def import_record(source: str, rows_used: int, rows_rejected: int, *, shape: str = "long",
                  columns: dict[str, str] | None = None,
                  stages: dict[str, str] | None = None,
                  when: datetime | None = None, rows_ignored: int = 0) -> ImportRecord:
    """An :class:`ImportRecord` stamped now (local time, to the second) unless ``when``."""
    stamp = (when or datetime.now()).replace(microsecond=0, tzinfo=None)
    return ImportRecord(source, stamp, rows_used, rows_rejected, shape,
                        tuple((columns or {}).items()), tuple(sorted((stages or {}).items())),
                        rows_ignored)


__all__ = ["ImportActuals", "SetActuals", "import_record", "strip_actuals"]
