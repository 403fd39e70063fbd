"""Lane edits with the stages that ride along, and lane membership by what is seen.

Lanes are bands stacked from ``y = 0``.  Resizing a lane moves the stages of the bands
below it; moving a lane moves the stages of every band that shifts; deleting a lane moves
its stages below the remaining lanes; adding a lane at the bottom moves lane-less stages
out of its way.  After adding, resizing or moving, a stage whose centre the changed band
now covers belongs to that lane — what the canvas shows is what the document says.
Each of these is one step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from salesdesigner.edits.base import Edit, Name, compound
from salesdesigner.edits.fields import SetLane, SetStages
from salesdesigner.edits.structure import AddLane, MoveLane, RemoveLane
from salesdesigner.model.entities import Lane, Position
from salesdesigner.model.geometry import lane_bands
from salesdesigner.model.process import Process


def _tops(lanes: Iterable[Lane]) -> dict[str, tuple[float, float]]:
    """(top, bottom) of each lane's band, stacked in the given order."""
    bands, top = {}, 0.0
    for lane in lanes:
        bands[lane.id] = (top, top + lane.height)
        top += lane.height
    return bands


def _riding(process: Process, moves: Mapping[str, float], lanes_after: list[Lane],
            changed: set[str], name: Name) -> SetStages | None:
    """The stage changes of a lane edit: ``moves`` (stage id → new y) and the lane of
    every stage whose centre a ``changed`` band covers afterwards."""
    bands = _tops(lanes_after)
    changes: dict[str, dict[str, Any]] = {}
    for stage in process.stages:
        y = moves.get(stage.id, stage.position.y)
        change: dict[str, Any] = {}
        if y != stage.position.y:
            change["position"] = Position(stage.position.x, y)
        for lane_id in changed:
            top, bottom = bands[lane_id]
            if top <= y < bottom and stage.lane != lane_id:
                change["lane"] = lane_id
        if change:
            changes[stage.id] = change
    return SetStages(changes, name=name) if changes else None


def add_lane(process: Process, lane: Lane, name: Name | str = "Add Lane") -> Edit:
    """Add ``lane`` at the bottom; lane-less stages below the last band move down out of
    its way, and the stages its band covers join it."""
    label = name if isinstance(name, Name) else Name(name)
    bands = lane_bands(process)
    bottom = bands[-1].bottom if bands else 0.0
    moves = {s.id: s.position.y + lane.height for s in process.stages
             if bands and s.lane is None and s.position.y >= bottom}
    riding = _riding(process, moves, [*process.lanes, lane], {lane.id}, label)
    result = compound([AddLane(lane), riding], label)
    assert result is not None
    return result


def resize_lane(process: Process, lane_id: str, height: float,
                name: Name | str = "Resize Lane") -> Edit | None:
    """New band height; the stages of the bands below move down (or up) with them."""
    label = name if isinstance(name, Name) else Name(name)
    bands = {b.lane_id: b for b in lane_bands(process)}
    band = bands[lane_id]
    delta = height - (band.bottom - band.top)
    if not delta or height <= 0:
        return None
    moves = {s.id: s.position.y + delta for s in process.stages
             if (s.lane in bands and bands[s.lane].top >= band.bottom)
             or (s.lane is None and s.position.y >= band.bottom)}
    after = [lane if lane.id != lane_id else dataclasses.replace(lane, height=height)
             for lane in process.lanes]
    riding = _riding(process, moves, after, {lane_id}, label)
    return compound([SetLane(lane_id, {"height": height}), riding], label)


def move_lane(process: Process, lane_id: str, index: int,
              name: Name | str = "Move Lane") -> Edit | None:
    """Put the lane at ``index`` (top = 0); the stages of shifted bands move with them."""
    label = name if isinstance(name, Name) else Name(name)
    lanes = list(process.lanes)
    order = [lane.id for lane in lanes]
    old_index = order.index(lane_id)
    index = max(0, min(index, len(order) - 1))
    if index == old_index:
        return None
    old = _tops(lanes)
    lanes.insert(index, lanes.pop(old_index))
    new = _tops(lanes)
    moves = {s.id: s.position.y + new[s.lane][0] - old[s.lane][0] for s in process.stages
             if s.lane in new and new[s.lane][0] != old[s.lane][0]}
    shifted = {lid for lid in new if new[lid] != old[lid]}
    riding = _riding(process, moves, lanes, shifted, label)
    return compound([MoveLane(lane_id, index), riding], label)


def delete_lane(process: Process, lane_id: str, name: Name | str = "Delete Lane") -> Edit:
    """Delete the lane; its stages stay (without a lane) below the remaining lanes."""
    label = name if isinstance(name, Name) else Name(name)
    bands = {b.lane_id: b for b in lane_bands(process)}
    gone = bands[lane_id]
    height = gone.bottom - gone.top
    new_bottom = max(b.bottom for b in bands.values()) - height
    moves: dict[str, dict[str, Any]] = {}
    for s in process.stages:
        if s.lane == lane_id:
            y = new_bottom + (s.position.y - gone.top)
        elif ((s.lane in bands and bands[s.lane].top >= gone.bottom)
              or (s.lane is None and s.position.y >= gone.bottom)):
            y = s.position.y - height
        else:
            continue
        if y != s.position.y:
            moves[s.id] = {"position": Position(s.position.x, y)}
    riding = SetStages(moves, name=label) if moves else None
    result = compound([RemoveLane(lane_id), riding], label)
    assert result is not None
    return result


def rename_lane(process: Process, lane_id: str, new_name: str, key: Hashable | None = None,
                name: Name | str = "Rename Lane") -> Edit | None:
    """Rename; with ``key`` (a field and its edit session) typing merges into one step."""
    if process.lane(lane_id).name == new_name:
        return None
    return SetLane(lane_id, {"name": new_name}, key,
                   name=name if isinstance(name, Name) else Name(name))


def recolour_lane(process: Process, lane_id: str, color: str,
                  name: Name | str = "Change Lane Colour") -> Edit | None:
    if process.lane(lane_id).color == color:
        return None
    return SetLane(lane_id, {"color": color}, name=name if isinstance(name, Name) else Name(name))


__all__ = ["add_lane", "resize_lane", "move_lane", "delete_lane", "rename_lane",
           "recolour_lane"]
