"""Field edits of a stage, several stages, an arrow, a lane or the process, and the
attachment clean-up rule they share.

A field edit made while typing carries a ``key`` (the field and the edit session): the
next edit with the same key and the same fields merges into it, so a word typed is one
undo step.  Its inverse puts back the whole old value, which is why merged steps only
need the first inverse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from salesdesigner.edits.base import Compound, Edit, Name, Touched, touched
from salesdesigner.model.entities import Attachment, Lane, Stage, Transition
from salesdesigner.model.process import Process


def _frozen(changes: Mapping[str, Any]) -> dict[str, Any]:
    return dict(changes)


# ---------------------------------------------------------------- attachments
@dataclass(frozen=True)
class AddAttachment(Edit):
    attachment: Attachment
    index: int | None = None
    name: Name = field(default=Name("Attach File"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.add_attachment(self.attachment, self.index)
        return RemoveAttachments((self.attachment.id,), name=self.name)

    def touched(self) -> Touched:
        return touched(attachments=[self.attachment.id])


@dataclass(frozen=True)
class RemoveAttachments(Edit):
    """Remove embedded files; the inverse puts each back at its place in file order."""

    attachment_ids: tuple[str, ...]
    name: Name = field(default=Name("Remove File"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        order = list(process.attachments)
        gone = sorted(dict.fromkeys(self.attachment_ids), key=order.index)
        records = tuple((order.index(a), process.attachment(a)) for a in gone)
        for attachment_id in gone:
            process.remove_attachment(attachment_id)
        return RestoreAttachments(records, name=self.name)

    def touched(self) -> Touched:
        return touched(attachments=self.attachment_ids)


@dataclass(frozen=True)
class RestoreAttachments(Edit):
    records: tuple[tuple[int, Attachment], ...]  # (index in file order, file), in order
    name: Name = field(default=Name("Attach File"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        for index, attachment in self.records:  # in file order: each goes back in place
            process.add_attachment(attachment, index)
        return RemoveAttachments(tuple(a.id for _, a in self.records), name=self.name)

    def touched(self) -> Touched:
        return touched(attachments=[a.id for _, a in self.records])


def drop_unreferenced(process: Process, candidates: Iterable[str | None]) -> Edit | None:
    """The attachment clean-up rule: remove the embedded files among ``candidates`` that
    nothing points at any more (the file of a deleted material, a replaced logo) and
    return the edit that brings them back.  Without it a deleted 20 MB attachment would
    stay in the document for good, unseen."""
    wanted = {c for c in candidates if c}
    if not wanted:
        return None
    still = process.referenced_attachment_ids()
    gone = tuple(a for a in process.attachments if a in wanted and a not in still)
    return RemoveAttachments(gone).apply(process) if gone else None


def _with_cleanup(inverse: Edit, restore: Edit | None) -> Edit:
    return inverse if restore is None else Compound((restore, inverse), name=inverse.name)


# ---------------------------------------------------------------- stages
@dataclass(frozen=True)
class ReplaceStage(Edit):
    """Put a whole stage value back (the inverse of any stage field edit)."""

    stage: Stage
    name: Name = field(default=Name("Edit Stage"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return ReplaceStage(process.replace_stage(self.stage), name=self.name)

    def touched(self) -> Touched:
        return touched(stages=[self.stage.id])

    def restores_all_of(self, later: Edit) -> bool:
        return isinstance(later, ReplaceStage) and later.stage.id == self.stage.id


@dataclass(frozen=True)
class SetStage(Edit):
    """Change fields of one stage; with ``key``, consecutive edits of the same fields
    merge.  Removing a material drops its file when nothing else uses it."""

    stage_id: str
    changes: Mapping[str, Any]
    key: Hashable | None = None
    name: Name = field(default=Name("Edit Stage"), kw_only=True, compare=False)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.key is None else ("stage", self.stage_id, self.key)

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetStage) and self.key is not None
                and following.merge_key == self.merge_key
                and following.changes.keys() == self.changes.keys()):
            return dataclasses.replace(self, changes=_frozen(following.changes))
        return None

    def apply(self, process: Process) -> Edit:
        old = process.update_stage(self.stage_id, **self.changes)
        restore = None
        if "materials" in self.changes:
            restore = drop_unreferenced(process, (m.attachment_id for m in old.materials))
        return _with_cleanup(ReplaceStage(old, name=self.name), restore)

    def touched(self) -> Touched:
        return touched(stages=[self.stage_id])


@dataclass(frozen=True)
class ReplaceStages(Edit):
    stages: tuple[Stage, ...]
    name: Name = field(default=Name("Edit Stage"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        old = [process.replace_stage(s) for s in self.stages]
        return ReplaceStages(tuple(reversed(old)), name=self.name)

    def touched(self) -> Touched:
        return touched(stages=[s.id for s in self.stages])

    def restores_all_of(self, later: Edit) -> bool:
        return (isinstance(later, ReplaceStages)
                and {s.id for s in later.stages} <= {s.id for s in self.stages})


@dataclass(frozen=True)
class SetStages(Edit):
    """Change several stages as one step (a drag, align, a lane moving its stages).
    With ``key`` (arrow-key nudges), the next edit of the same stages merges."""

    changes: Mapping[str, Mapping[str, Any]]
    key: Hashable | None = None
    name: Name = field(default=Name("Move"), kw_only=True, compare=False)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.key is None else ("stages", self.key)

    def merge(self, following: Edit) -> Edit | None:
        if not (isinstance(following, SetStages) and self.key is not None
                and following.merge_key == self.merge_key
                and following.changes.keys() == self.changes.keys()):
            return None
        merged = {sid: {**change, **following.changes[sid]}
                  for sid, change in self.changes.items()}
        return dataclasses.replace(self, changes=merged)

    def apply(self, process: Process) -> Edit:
        old: list[Stage] = []
        try:
            for sid, change in self.changes.items():
                old.append(process.update_stage(sid, **change))
        except Exception:
            for stage in reversed(old):
                process.replace_stage(stage)
            raise
        restore = drop_unreferenced(process, (
            m.attachment_id for stage in old if "materials" in self.changes[stage.id]
            for m in stage.materials))
        return _with_cleanup(ReplaceStages(tuple(reversed(old)), name=self.name), restore)

    def touched(self) -> Touched:
        return touched(stages=self.changes)


# ---------------------------------------------------------------- transitions
@dataclass(frozen=True)
class ReplaceTransition(Edit):
    """Put an arrow's whole value back, at its place among its source's arrows."""

    transition: Transition
    successor_index: int | None = None
    name: Name = field(default=Name("Edit Arrow"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        old, index = process.replace_transition(self.transition, self.successor_index)
        return ReplaceTransition(old, index, name=self.name)

    def touched(self) -> Touched:
        return touched(transitions=[self.transition.id],
                       stages=[self.transition.source, self.transition.target])

    def restores_all_of(self, later: Edit) -> bool:
        return (isinstance(later, ReplaceTransition)
                and later.transition.id == self.transition.id)


@dataclass(frozen=True)
class SetTransition(Edit):
    """Relabel, change the condition of, or reconnect (new source/target) an arrow."""

    transition_id: str
    changes: Mapping[str, Any]
    key: Hashable | None = None
    name: Name = field(default=Name("Edit Arrow"), kw_only=True, compare=False)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.key is None else ("transition", self.transition_id, self.key)

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetTransition) and self.key is not None
                and following.merge_key == self.merge_key
                and following.changes.keys() == self.changes.keys()):
            return dataclasses.replace(self, changes=_frozen(following.changes))
        return None

    def apply(self, process: Process) -> Edit:
        new = dataclasses.replace(process.transition(self.transition_id), **self.changes)
        old, index = process.replace_transition(new)
        return ReplaceTransition(old, index, name=self.name)

    def touched(self) -> Touched:
        ends = [v for k, v in self.changes.items() if k in ("source", "target")]
        return touched(transitions=[self.transition_id], stages=ends)


# ---------------------------------------------------------------- lanes
@dataclass(frozen=True)
class ReplaceLane(Edit):
    lane: Lane
    name: Name = field(default=Name("Edit Lane"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return ReplaceLane(process.replace_lane(self.lane), name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.lane.id])

    def restores_all_of(self, later: Edit) -> bool:
        return isinstance(later, ReplaceLane) and later.lane.id == self.lane.id


@dataclass(frozen=True)
class SetLane(Edit):
    lane_id: str
    changes: Mapping[str, Any]
    key: Hashable | None = None
    name: Name = field(default=Name("Edit Lane"), kw_only=True, compare=False)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.key is None else ("lane", self.lane_id, self.key)

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetLane) and self.key is not None
                and following.merge_key == self.merge_key
                and following.changes.keys() == self.changes.keys()):
            return dataclasses.replace(self, changes=_frozen(following.changes))
        return None

    def apply(self, process: Process) -> Edit:
        return ReplaceLane(process.update_lane(self.lane_id, **self.changes), name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.lane_id])


# ---------------------------------------------------------------- process fields
@dataclass(frozen=True)
class SetProcess(Edit):
    """Process-level fields (name, language, logo…).  Replacing the logo drops the old
    logo's file when nothing else uses it."""

    changes: Mapping[str, Any]
    key: Hashable | None = None
    clean_up: bool = True  # False for an inverse: undo puts the old logo back as it was
    name: Name = field(default=Name("Edit Process"), kw_only=True, compare=False)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.key is None else ("process", self.key)

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetProcess) and self.key is not None
                and following.merge_key == self.merge_key
                and following.changes.keys() == self.changes.keys()):
            return dataclasses.replace(self, changes=_frozen(following.changes))
        return None

    def apply(self, process: Process) -> Edit:
        old = process.update_process(**self.changes)
        restore = (drop_unreferenced(process, [old["logo"]])
                   if self.clean_up and "logo" in self.changes else None)
        return _with_cleanup(SetProcess(old, clean_up=False, name=self.name), restore)

    def touched(self) -> Touched:
        return touched(process=True)

    def restores_all_of(self, later: Edit) -> bool:
        return (isinstance(later, SetProcess) and self.key is None and later.key is None
                and later.changes.keys() <= self.changes.keys())


__all__ = ["AddAttachment", "RemoveAttachments", "RestoreAttachments", "drop_unreferenced",
           "ReplaceStage", "SetStage", "ReplaceStages", "SetStages", "ReplaceTransition",
           "SetTransition", "ReplaceLane", "SetLane", "SetProcess"]
