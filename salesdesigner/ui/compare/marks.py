"""Which stages and arrows a comparison marks, and how: added, removed, changed, or only
moved on the canvas.  Plain Python, so the colours of both canvases follow one rule."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from salesdesigner.model.compare import Change, ChangeOp, Comparison, Subject
from salesdesigner.model.compare.report import PART_SUBJECTS


class Mark(str, enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"  # layout only (hidden unless asked for)


#: A stronger mark wins when one stage has several changes.
_RANK = {Mark.MOVED: 0, Mark.CHANGED: 1, Mark.REMOVED: 2, Mark.ADDED: 2}


@dataclass
class Marks:
    """Marks of one side: stage id → mark, arrow id → mark (ids of that side's document)."""

    stages: dict[str, Mark] = field(default_factory=dict)
    transitions: dict[str, Mark] = field(default_factory=dict)

    def put(self, table: dict[str, Mark], key: str | None, mark: Mark) -> None:
        if key is None:
            return
        if key not in table or _RANK[mark] > _RANK[table[key]]:
            table[key] = mark


def mark_of(change: Change) -> Mark:
    """The colour class of one change (a part of a stage changes its stage)."""
    if change.layout:
        return Mark.MOVED
    if change.subject in PART_SUBJECTS:  # a KPI added to a stage changes the stage
        return Mark.CHANGED
    return {ChangeOp.ADDED: Mark.ADDED, ChangeOp.REMOVED: Mark.REMOVED}.get(
        change.op, Mark.CHANGED)


def side_marks(comparison: Comparison, side: str, *, include_layout: bool = False) -> Marks:
    """The marks on the ``"new"`` side (the draft: added, changed, moved) or the ``"old"``
    side (the other version: removed, changed, moved)."""
    marks = Marks()
    for change in comparison.changes:
        if change.layout and not include_layout:
            continue
        key = change.new_id if side == "new" else change.old_id
        mark = mark_of(change)
        if change.subject is Subject.STAGE or change.subject in PART_SUBJECTS:
            marks.put(marks.stages, key, mark)
        elif change.subject is Subject.TRANSITION:
            marks.put(marks.transitions, key, mark)
    return marks


__all__ = ["Mark", "Marks", "mark_of", "side_marks"]
