"""Adding and removing stages, arrows and lanes, with exact-order restore.

Removals keep the model's removal records (where the stage, its arrows or the lane stood),
so their inverses put everything back in its original order: a stage's place in the
document, an arrow's place among its source's branches, a lane's place top to bottom and
the stages that were in it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from salesdesigner.edits.base import Compound, Edit, Name, Touched, touched
from salesdesigner.edits.fields import SetStages, drop_unreferenced
from salesdesigner.model.entities import Lane, Measure, Stage, Transition
from salesdesigner.model.process import LaneRemoval, Process, StageRemoval, TransitionRemoval


# ---------------------------------------------------------------- stages
@dataclass(frozen=True)
class AddStage(Edit):
    stage: Stage
    index: int | None = None
    name: Name = field(default=Name("Add Stage"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.add_stage(self.stage, self.index)
        return RemoveStage(self.stage.id, name=self.name)

    def touched(self) -> Touched:
        return touched(stages=[self.stage.id])


@dataclass(frozen=True)
class RemoveStage(Edit):
    """Remove one stage and its arrows (no file clean-up: see :class:`RemoveItems`)."""

    stage_id: str
    name: Name = field(default=Name("Delete"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return RestoreStage(process.remove_stage(self.stage_id), name=self.name)

    def touched(self) -> Touched:
        return touched(stages=[self.stage_id])


@dataclass(frozen=True)
class RestoreStage(Edit):
    removal: StageRemoval
    name: Name = field(default=Name("Add Stage"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.restore_stage(self.removal)
        return RemoveStage(self.removal.stage.id, name=self.name)

    def touched(self) -> Touched:
        return touched(stages=[self.removal.stage.id],
                       transitions=[t.id for t, _ in self.removal.transitions])


# ---------------------------------------------------------------- transitions
@dataclass(frozen=True)
class AddTransition(Edit):
    """Add an arrow; ``index`` is its place in transition order (default: last of its
    source's arrows)."""

    transition: Transition
    index: int | None = None
    name: Name = field(default=Name("Connect"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.add_transition(self.transition, self.index)
        return RemoveTransition(self.transition.id, name=self.name)

    def touched(self) -> Touched:
        t = self.transition
        return touched(transitions=[t.id], stages=[t.source, t.target])


@dataclass(frozen=True)
class RemoveTransition(Edit):
    transition_id: str
    name: Name = field(default=Name("Delete"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return RestoreTransition(process.remove_transition(self.transition_id), name=self.name)

    def touched(self) -> Touched:
        return touched(transitions=[self.transition_id])


@dataclass(frozen=True)
class RestoreTransition(Edit):
    removal: TransitionRemoval
    name: Name = field(default=Name("Connect"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.restore_transition(self.removal)
        return RemoveTransition(self.removal.transition.id, name=self.name)

    def touched(self) -> Touched:
        return touched(transitions=[self.removal.transition.id])


# ---------------------------------------------------------------- deleting a selection
@dataclass(frozen=True)
class RemoveItems(Edit):
    """Delete stages (with their arrows) and arrows as one step; the files only the
    deleted stages used go too (the attachment clean-up rule), and a KPI of another stage
    that measured the move *to* a deleted stage stops measuring it (a conversion to a
    stage that is gone cannot be computed, and "" would mean "to won": a silent change of
    meaning).  Undo restores all of it exactly."""

    stage_ids: tuple[str, ...] = ()
    transition_ids: tuple[str, ...] = ()
    name: Name = field(default=Name("Delete"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        stage_ids = tuple(dict.fromkeys(self.stage_ids))
        doomed = set(stage_ids)
        steps: list[Edit] = []
        for tid in dict.fromkeys(self.transition_ids):
            if process.has_transition(tid):
                t = process.transition(tid)
                if t.source not in doomed and t.target not in doomed:
                    steps.append(RemoveTransition(tid))
        steps += [RemoveStage(sid) for sid in stage_ids]
        materials = [m.attachment_id for sid in stage_ids if process.has_stage(sid)
                     for m in process.stage(sid).materials]
        inverse = Compound(tuple(steps), name=self.name).apply(process)
        try:
            restore = drop_unreferenced(process, materials)
            unmeasured = unmeasure(process, doomed)
        except Exception:
            inverse.apply(process)
            raise
        undo = tuple(e for e in (unmeasured, restore) if e is not None)
        return Compound((*undo, inverse), name=self.name) if undo else inverse

    def touched(self) -> Touched:
        return touched(stages=self.stage_ids, transitions=self.transition_ids)


def unmeasure(process: Process, gone: set[str]) -> Edit | None:
    """Stop every KPI that measures the move to a stage in ``gone`` (no longer in the
    process) from measuring it; returns the edit that restores them, or None."""
    changes = {}
    for stage in process.stages:
        if not any(k.measure_to in gone for k in stage.kpis if k.measure_to):
            continue
        changes[stage.id] = {"kpis": tuple(
            k if not k.measure_to or k.measure_to not in gone
            else dataclasses.replace(k, measure_to="",
                                     measure=None if k.measure == Measure.CONVERSION
                                     else k.measure)
            for k in stage.kpis)}
    return SetStages(changes).apply(process) if changes else None


def remove_items(stage_ids: Iterable[str] = (), transition_ids: Iterable[str] = (),
                 name: Name | str = "Delete") -> RemoveItems:
    return RemoveItems(tuple(stage_ids), tuple(transition_ids),
                       name=name if isinstance(name, Name) else Name(name))


# ---------------------------------------------------------------- lanes
@dataclass(frozen=True)
class AddLane(Edit):
    lane: Lane
    index: int | None = None
    name: Name = field(default=Name("Add Lane"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.add_lane(self.lane, self.index)
        return RemoveLane(self.lane.id, name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.lane.id])


@dataclass(frozen=True)
class RemoveLane(Edit):
    """Remove a lane; its stages stay, without a lane."""

    lane_id: str
    name: Name = field(default=Name("Delete Lane"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return RestoreLane(process.remove_lane(self.lane_id), name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.lane_id])


@dataclass(frozen=True)
class RestoreLane(Edit):
    removal: LaneRemoval
    name: Name = field(default=Name("Add Lane"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        process.restore_lane(self.removal)
        return RemoveLane(self.removal.lane.id, name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.removal.lane.id], stages=self.removal.stage_ids)


@dataclass(frozen=True)
class MoveLane(Edit):
    lane_id: str
    index: int
    name: Name = field(default=Name("Move Lane"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        return MoveLane(self.lane_id, process.move_lane(self.lane_id, self.index),
                        name=self.name)

    def touched(self) -> Touched:
        return touched(lanes=[self.lane_id])


__all__ = ["AddStage", "RemoveStage", "RestoreStage", "AddTransition", "RemoveTransition",
           "RestoreTransition", "RemoveItems", "remove_items", "AddLane", "RemoveLane",
           "RestoreLane", "MoveLane"]
