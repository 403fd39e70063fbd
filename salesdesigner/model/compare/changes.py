"""What a comparison finds: one :class:`Change` value per thing that differs.

A change names its subject on both sides (``old_id`` / ``new_id``: they differ when a
stage was deleted and re-created, and one is ``None`` when it was added or removed), the
field that changed and the two values.  Parts of a stage (a KPI, a script, an exit
criterion…) carry their stage's ids and their own name on each side (``old_part`` /
``new_part``).  Layout-only changes (positions, bend points, lane heights and colours,
arrow styles, order of lanes) carry ``layout=True`` so a view can hide them.

Swapping the two documents swaps every change (:func:`mirrored`): added ↔ removed,
old ↔ new; the tests hold the comparison to that.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class ChangeOp(str, enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Subject(str, enum.Enum):
    """What kind of thing changed; parts of a stage are subjects of their own."""

    PROCESS = "process"
    LANE = "lane"
    STAGE = "stage"
    TRANSITION = "transition"
    KPI = "kpi"
    ACTION = "action"
    SCRIPT = "script"
    MATERIAL = "material"
    EXIT_CRITERION = "exit_criterion"
    TIP = "tip"
    ATTACHMENT = "attachment"


#: The parts of a stage that are lists of items, with the subject of their items.
STAGE_PARTS: dict[str, Subject] = {
    "kpis": Subject.KPI, "actions": Subject.ACTION, "scripts": Subject.SCRIPT,
    "materials": Subject.MATERIAL, "exit_criteria": Subject.EXIT_CRITERION,
    "tips": Subject.TIP,
}


#: Fields holding prose (shown as an edit, with the changed words marked).
TEXT_FIELDS = frozenset({"goal", "description", "definition", "detail", "situation", "body",
                         "note", "condition", "text"})
#: Text fields that hold ids of other things (a lane, a stage, a file), not words.
ID_FIELDS = frozenset({"lane", "source", "target", "measure_to", "logo"})


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new document."""

    op: ChangeOp
    subject: Subject
    old_id: str | None = None
    new_id: str | None = None
    field: str = ""
    old: Any = None
    new: Any = None
    old_part: str | None = None
    new_part: str | None = None
    layout: bool = False

    @property
    def id(self) -> str:
        """The subject's id as the new document has it (the old one's if removed)."""
        return self.new_id if self.new_id is not None else (self.old_id or "")


def mirrored(change: Change) -> Change:
    """The same change seen from the other side (the new document as the old one)."""
    op = {ChangeOp.ADDED: ChangeOp.REMOVED, ChangeOp.REMOVED: ChangeOp.ADDED}.get(
        change.op, change.op)
    return replace(change, op=op, old_id=change.new_id, new_id=change.old_id,
                   old=change.new, new=change.old, old_part=change.new_part,
                   new_part=change.old_part)


@dataclass(frozen=True)
class Comparison:
    """Every change between two documents, content first in document order, and how
    their stages were paired (old id → new id), which the report and views follow."""

    changes: tuple[Change, ...]
    stage_pairs: dict[str, str] = field(default_factory=dict)
    lane_pairs: dict[str, str] = field(default_factory=dict)

    @property
    def content(self) -> tuple[Change, ...]:
        """The changes that matter to a reader (not layout)."""
        return tuple(c for c in self.changes if not c.layout)

    @property
    def layout(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.layout)

    def __bool__(self) -> bool:
        """True when the content differs (layout alone does not count)."""
        return bool(self.content)
