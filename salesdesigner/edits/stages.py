"""Edit rules for stages and arrows: moving with lane inference, align and distribute,
connecting and reconnecting, renaming, the automatic layout."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from salesdesigner.edits import arrange
from salesdesigner.edits.base import Edit, Name, compound
from salesdesigner.edits.fields import SetLane, SetStage, SetStages, SetTransition
from salesdesigner.edits.structure import AddTransition
from salesdesigner.model.entities import Position, Transition
from salesdesigner.model.errors import ProcessError
from salesdesigner.model.geometry import lane_at
from salesdesigner.model.layout import Layout
from salesdesigner.model.process import Process


def _name(value: Name | str) -> Name:
    return value if isinstance(value, Name) else Name(value)


def move_stages(process: Process, positions: Mapping[str, Position],
                name: Name | str = "Move", *, key: Hashable | None = None) -> Edit | None:
    """One step moving stages; each lands in the lane whose band holds its new centre
    (none above or below every band).  With ``key`` (arrow-key nudges), moves of the same
    stages in a row merge.  None when nothing moves."""
    changes: dict[str, dict[str, Any]] = {}
    for sid, pos in positions.items():
        stage = process.stage(sid)
        if pos == stage.position:
            continue
        changes[sid] = {"position": pos}
        if process.lanes:
            lane = lane_at(process, pos.y)
            if lane != stage.lane:
                changes[sid]["lane"] = lane
    return SetStages(changes, key, name=_name(name)) if changes else None


def align(process: Process, stage_ids: Iterable[str], how: str,
          name: Name | str = "Align") -> Edit | None:
    """Line the stages up (see :func:`arrange.align`); lanes follow where they land."""
    stages = [process.stage(s) for s in stage_ids]
    return move_stages(process, arrange.align(stages, how), name) if len(stages) > 1 else None


def distribute(process: Process, stage_ids: Iterable[str], axis: str,
               name: Name | str = "Distribute") -> Edit | None:
    stages = [process.stage(s) for s in stage_ids]
    return move_stages(process, arrange.distribute(stages, axis), name) if len(stages) > 2 else None


def connect(process: Process, transition: Transition, name: Name | str = "Connect") -> Edit:
    """Add an arrow; raises :class:`ProcessError` saying why when it is not allowed
    (a self-loop, a duplicate)."""
    reason = process.can_connect(transition.source, transition.target)
    if reason:
        raise ProcessError.refused(reason)
    return AddTransition(transition, name=_name(name))


def reconnect(process: Process, transition_id: str, end: str, stage_id: str,
              name: Name | str = "Reconnect Arrow") -> Edit | None:
    """Move one end (``"source"`` or ``"target"``) of an arrow to another stage; None when
    it is already there, :class:`ProcessError` when the new arrow is not allowed."""
    if end not in ("source", "target"):
        raise ValueError(f"unknown arrow end {end!r}")
    t = process.transition(transition_id)
    source = stage_id if end == "source" else t.source
    target = stage_id if end == "target" else t.target
    if (source, target) == (t.source, t.target):
        return None
    reason = process.can_connect(source, target)
    if reason:
        raise ProcessError.refused(reason)
    return SetTransition(transition_id, {end: stage_id}, name=_name(name))


def rename_stage(process: Process, stage_id: str, new_name: str, key: Hashable | None = None,
                 name: Name | str = "Rename Stage") -> Edit | None:
    """The one way to rename a stage, on the canvas or in the inspector (``key``: typing
    in a field merges)."""
    if not process.has_stage(stage_id) or process.stage(stage_id).name == new_name:
        return None
    return SetStage(stage_id, {"name": new_name}, key, name=_name(name))


def relabel(process: Process, transition_id: str, label: str, key: Hashable | None = None,
            name: Name | str = "Relabel Arrow") -> Edit | None:
    if (not process.has_transition(transition_id)
            or process.transition(transition_id).label == label):
        return None
    return SetTransition(transition_id, {"label": label}, key, name=_name(name))


def apply_layout(layout: Layout, name: Name | str = "Auto Layout") -> Edit | None:
    """An automatic layout as one step: lane heights and every stage's position."""
    steps: list[Edit | None] = [SetLane(lane_id, {"height": height})
                                for lane_id, height in layout.lane_heights.items()]
    if layout.positions:
        steps.append(SetStages({sid: {"position": pos}
                                for sid, pos in layout.positions.items()}))
    return compound(steps, _name(name))


__all__ = ["move_stages", "align", "distribute", "connect", "reconnect", "rename_stage",
           "relabel", "apply_layout"]
