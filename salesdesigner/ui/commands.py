"""Undo commands: the only way the GUI changes a document.

Each command changes the model through :class:`~salesdesigner.model.process.Process`
methods and nothing else; canvas items and panels follow the model's events.  ``redo``
and ``undo`` are exact inverses, using the removal records the model returns so undo
puts things back in their original order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from salesdesigner.model.entities import Attachment, Lane, Position, Stage, Transition
from salesdesigner.model.layout import Layout
from salesdesigner.model.process import (
    LaneRemoval,
    Process,
    StageRemoval,
    TransitionRemoval,
)

# Ids for QUndoCommand.mergeWith: only commands of the same kind merge.
MERGE_STAGE_FIELD = 1
MERGE_TRANSITION_FIELD = 2
MERGE_LANE_FIELD = 3
MERGE_PROCESS_FIELD = 4


def _refusable(redo):
    """Wrap a command's ``redo``: when the model refuses the change, the command marks
    itself obsolete so QUndoStack.push drops it instead of keeping a step that cannot be
    undone; the model's error still reaches the caller."""

    def guarded(self) -> None:
        try:
            redo(self)
        except Exception:
            self.setObsolete(True)
            raise

    guarded.__doc__ = redo.__doc__
    return guarded


class _Command(QUndoCommand):
    def __init__(self, process: Process, text: str) -> None:
        super().__init__(text)
        self.process = process
        self._dropped: list[tuple[int, Attachment]] = []

    def _drop_unreferenced(self, candidates: Iterable[str | None]) -> None:
        """Remove the embedded files among ``candidates`` that nothing points at any more
        (the file of a deleted material), remembering where they stood for undo.  Without
        this a deleted 20 MB attachment would stay in the document for good, unseen."""
        self._dropped = []
        wanted = {c for c in candidates if c}
        if not wanted:
            return
        still = self.process.referenced_attachment_ids()
        order = list(self.process.attachments)
        gone = sorted((a for a in wanted if a not in still and a in order), key=order.index)
        self._dropped = [(order.index(a), self.process.attachment(a)) for a in gone]
        for attachment_id in gone:
            self.process.remove_attachment(attachment_id)

    def _restore_dropped(self) -> None:
        for index, attachment in self._dropped:  # in file order: each goes back in place
            self.process.add_attachment(attachment, index)
        self._dropped = []

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "redo" in cls.__dict__:
            cls.redo = _refusable(cls.__dict__["redo"])


class MacroCommand(QUndoCommand):
    """Several commands as one undo step, composed in Python.

    Qt's own parent/child commands cannot be used: PySide6 (6.11, 6.12) frees a child
    command twice when the parent is deleted, so clearing the undo stack crashes.
    """

    def __init__(self, text: str, steps: Iterable[QUndoCommand] = ()) -> None:
        super().__init__(text)
        self.steps = list(steps)

    def add(self, step: QUndoCommand) -> QUndoCommand:
        self.steps.append(step)
        return step

    def redo(self) -> None:
        done: list[QUndoCommand] = []
        try:
            for step in self.steps:
                step.redo()
                done.append(step)
        except Exception:  # all or nothing: take back the steps that went through
            for step in reversed(done):
                step.undo()
            self.setObsolete(True)
            raise

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


# ---------------------------------------------------------------- stages
class AddStageCommand(_Command):
    def __init__(self, process: Process, stage: Stage, index: int | None = None,
                 text: str = "Add Stage") -> None:
        super().__init__(process, text)
        self.stage, self.index = stage, index

    def redo(self) -> None:
        self.process.add_stage(self.stage, self.index)

    def undo(self) -> None:
        self.process.remove_stage(self.stage.id)


class UpdateStageCommand(_Command):
    """Change fields of one stage.  With ``merge=True`` (typing in the inspector),
    consecutive edits of the same fields of the same stage become one undo step."""

    def __init__(self, process: Process, stage_id: str, changes: Mapping[str, Any], *,
                 merge: bool = False, text: str = "Edit Stage") -> None:
        super().__init__(process, text)
        self.stage_id, self.changes, self.merge = stage_id, dict(changes), merge
        self.old: Stage | None = None

    def id(self) -> int:
        return MERGE_STAGE_FIELD if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateStageCommand) and other.merge and not other._dropped
                and other.stage_id == self.stage_id and other.changes.keys() == self.changes.keys()):
            return False  # (a step that dropped a file keeps its own undo)
        self.changes = other.changes
        return True

    def redo(self) -> None:
        old = self.process.update_stage(self.stage_id, **self.changes)
        if self.old is None:
            self.old = old
        if "materials" in self.changes:
            self._drop_unreferenced(m.attachment_id for m in old.materials)

    def undo(self) -> None:
        assert self.old is not None
        self._restore_dropped()
        self.process.replace_stage(self.old)


class UpdateStagesCommand(_Command):
    """Change several stages at once as one step: a drag, align, distribute, lane drop.

    With ``nudge`` (arrow keys), consecutive nudges of the same stages merge into one
    step, so a burst of key presses is undone at once.
    """

    NUDGE_ID = 0x4E55

    def __init__(self, process: Process, changes: Mapping[str, Mapping[str, Any]],
                 text: str = "Move", *, nudge: bool = False) -> None:
        super().__init__(process, text)
        self.changes = {sid: dict(c) for sid, c in changes.items()}
        self.old: dict[str, Stage] = {}
        self.nudge = nudge

    def id(self) -> int:
        return self.NUDGE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateStagesCommand) and other.nudge
                and other.changes.keys() == self.changes.keys()):
            return False
        for sid, change in other.changes.items():
            self.changes[sid].update(change)
        return True

    def redo(self) -> None:
        before = []
        for sid, change in self.changes.items():
            old = self.process.update_stage(sid, **change)
            self.old.setdefault(sid, old)
            if "materials" in change:
                before.extend(m.attachment_id for m in old.materials)
        self._drop_unreferenced(before)

    def undo(self) -> None:
        self._restore_dropped()
        for sid in reversed(list(self.changes)):
            self.process.replace_stage(self.old[sid])


def move_stages_command(process: Process, positions: Mapping[str, Position],
                        lanes: Mapping[str, str | None] | None = None,
                        text: str = "Move", *, nudge: bool = False) -> UpdateStagesCommand:
    """One undo step for a finished drag (or a nudge): new positions, and new lanes where
    dropped."""
    changes: dict[str, dict[str, Any]] = {sid: {"position": pos} for sid, pos in positions.items()}
    for sid, lane in (lanes or {}).items():
        changes.setdefault(sid, {})["lane"] = lane
    return UpdateStagesCommand(process, changes, text, nudge=nudge)


# ---------------------------------------------------------------- transitions
class AddTransitionCommand(_Command):
    def __init__(self, process: Process, transition: Transition, text: str = "Connect") -> None:
        super().__init__(process, text)
        self.transition = transition

    def redo(self) -> None:
        self.process.add_transition(self.transition)

    def undo(self) -> None:
        self.process.remove_transition(self.transition.id)


class UpdateTransitionCommand(_Command):
    """Relabel, change the condition of, or reconnect (new source/target) an arrow."""

    def __init__(self, process: Process, transition_id: str, changes: Mapping[str, Any], *,
                 merge: bool = False, text: str = "Edit Arrow") -> None:
        super().__init__(process, text)
        self.transition_id, self.changes, self.merge = transition_id, dict(changes), merge
        self.old: tuple[Transition, int] | None = None

    def id(self) -> int:
        return MERGE_TRANSITION_FIELD if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateTransitionCommand) and other.merge
                and other.transition_id == self.transition_id
                and other.changes.keys() == self.changes.keys()):
            return False
        self.changes = other.changes
        return True

    def redo(self) -> None:
        new = dataclasses.replace(self.process.transition(self.transition_id), **self.changes)
        old = self.process.replace_transition(new)
        if self.old is None:
            self.old = old

    def undo(self) -> None:
        assert self.old is not None
        self.process.replace_transition(self.old[0], successor_index=self.old[1])


# ---------------------------------------------------------------- removal / insertion of many
class RemoveItemsCommand(_Command):
    """Delete stages (with their arrows) and arrows, as one step."""

    def __init__(self, process: Process, stage_ids: Iterable[str] = (),
                 transition_ids: Iterable[str] = (), text: str = "Delete") -> None:
        super().__init__(process, text)
        self.stage_ids = list(dict.fromkeys(stage_ids))
        self.transition_ids = list(dict.fromkeys(transition_ids))
        self.removals: list[StageRemoval | TransitionRemoval] = []

    def redo(self) -> None:
        self.removals = []
        doomed = set(self.stage_ids)
        for tid in self.transition_ids:
            if self.process.has_transition(tid):
                t = self.process.transition(tid)
                if t.source not in doomed and t.target not in doomed:
                    self.removals.append(self.process.remove_transition(tid))
        for sid in self.stage_ids:
            self.removals.append(self.process.remove_stage(sid))
        self._drop_unreferenced(m.attachment_id for r in self.removals
                                if isinstance(r, StageRemoval) for m in r.stage.materials)

    def undo(self) -> None:
        self._restore_dropped()
        for removal in reversed(self.removals):
            if isinstance(removal, StageRemoval):
                self.process.restore_stage(removal)
            else:
                self.process.restore_transition(removal)


class AddItemsCommand(_Command):
    """Insert stages and arrows as one step (paste, duplicate, template fragments)."""

    def __init__(self, process: Process, stages: Iterable[Stage],
                 transitions: Iterable[Transition] = (), lanes: Iterable[Lane] = (),
                 text: str = "Paste") -> None:
        super().__init__(process, text)
        self.stages, self.transitions, self.lanes = list(stages), list(transitions), list(lanes)

    def redo(self) -> None:
        for lane in self.lanes:
            self.process.add_lane(lane)
        for stage in self.stages:
            self.process.add_stage(stage)
        for transition in self.transitions:
            self.process.add_transition(transition)

    def undo(self) -> None:
        for transition in reversed(self.transitions):
            self.process.remove_transition(transition.id)
        for stage in reversed(self.stages):
            self.process.remove_stage(stage.id)
        for lane in reversed(self.lanes):
            self.process.remove_lane(lane.id)


# ---------------------------------------------------------------- lanes
class AddLaneCommand(_Command):
    def __init__(self, process: Process, lane: Lane, index: int | None = None,
                 text: str = "Add Lane") -> None:
        super().__init__(process, text)
        self.lane, self.index = lane, index

    def redo(self) -> None:
        self.process.add_lane(self.lane, self.index)

    def undo(self) -> None:
        self.process.remove_lane(self.lane.id)


class RemoveLaneCommand(_Command):
    def __init__(self, process: Process, lane_id: str, text: str = "Delete Lane") -> None:
        super().__init__(process, text)
        self.lane_id = lane_id
        self.removal: LaneRemoval | None = None

    def redo(self) -> None:
        self.removal = self.process.remove_lane(self.lane_id)

    def undo(self) -> None:
        assert self.removal is not None
        self.process.restore_lane(self.removal)


class UpdateLaneCommand(_Command):
    def __init__(self, process: Process, lane_id: str, changes: Mapping[str, Any], *,
                 merge: bool = False, text: str = "Edit Lane") -> None:
        super().__init__(process, text)
        self.lane_id, self.changes, self.merge = lane_id, dict(changes), merge
        self.old: Lane | None = None

    def id(self) -> int:
        return MERGE_LANE_FIELD if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateLaneCommand) and other.merge
                and other.lane_id == self.lane_id and other.changes.keys() == self.changes.keys()):
            return False
        self.changes = other.changes
        return True

    def redo(self) -> None:
        old = self.process.update_lane(self.lane_id, **self.changes)
        if self.old is None:
            self.old = old

    def undo(self) -> None:
        assert self.old is not None
        self.process.replace_lane(self.old)


class MoveLaneCommand(_Command):
    def __init__(self, process: Process, lane_id: str, index: int, text: str = "Move Lane") -> None:
        super().__init__(process, text)
        self.lane_id, self.index = lane_id, index
        self.old_index = 0

    def redo(self) -> None:
        self.old_index = self.process.move_lane(self.lane_id, self.index)

    def undo(self) -> None:
        self.process.move_lane(self.lane_id, self.old_index)


# ---------------------------------------------------------------- process, layout, attachments
class UpdateProcessCommand(_Command):
    def __init__(self, process: Process, changes: Mapping[str, Any], *, merge: bool = False,
                 text: str = "Edit Process") -> None:
        super().__init__(process, text)
        self.changes, self.merge = dict(changes), merge
        self.old: dict[str, Any] | None = None

    def id(self) -> int:
        return MERGE_PROCESS_FIELD if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateProcessCommand) and other.merge and not other._dropped
                and other.changes.keys() == self.changes.keys()):
            return False
        self.changes = other.changes
        return True

    def redo(self) -> None:
        old = self.process.update_process(**self.changes)
        if self.old is None:
            self.old = old
        if "logo" in self.changes:
            self._drop_unreferenced([old["logo"]])

    def undo(self) -> None:
        assert self.old is not None
        self._restore_dropped()
        self.process.update_process(**self.old)


class ApplyLayoutCommand(MacroCommand):
    """Auto-layout as one step: lane heights and every stage's position."""

    def __init__(self, process: Process, layout: Layout, text: str = "Auto Layout") -> None:
        super().__init__(text, [UpdateLaneCommand(process, lane_id, {"height": height})
                                for lane_id, height in layout.lane_heights.items()])
        self.add(UpdateStagesCommand(process, {sid: {"position": pos}
                                               for sid, pos in layout.positions.items()}))


class AddAttachmentCommand(_Command):
    def __init__(self, process: Process, attachment: Attachment, text: str = "Attach File") -> None:
        super().__init__(process, text)
        self.attachment = attachment

    def redo(self) -> None:
        self.process.add_attachment(self.attachment)

    def undo(self) -> None:
        self.process.remove_attachment(self.attachment.id)


class RemoveAttachmentCommand(_Command):
    def __init__(self, process: Process, attachment_id: str, text: str = "Remove File") -> None:
        super().__init__(process, text)
        self.attachment = process.attachment(attachment_id)
        self.index = list(process.attachments).index(attachment_id)

    def redo(self) -> None:
        self.process.remove_attachment(self.attachment.id)

    def undo(self) -> None:
        self.process.add_attachment(self.attachment, self.index)
