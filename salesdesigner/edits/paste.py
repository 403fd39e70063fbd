"""Pasting a fragment (stages, the arrows between them, their lanes and files) as one step.

Every stage and arrow gets a fresh id; lanes are matched by id, then by name, else added;
files the target document lacks are added with their ids (attachment ids are random, so
equal ids mean the same file).  A copy never hides its original: pasted in place it lands
beside it (:func:`beside`), and a name the document already has gets a number, written
the way the document's language writes it ("Proposal (2)", 「提案（2）」).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from salesdesigner.edits.base import Edit, Name, compound
from salesdesigner.edits.fields import AddAttachment
from salesdesigner.edits.structure import AddLane, AddStage, AddTransition
from salesdesigner.model.entities import Attachment, Lane, Position, Stage, Transition
from salesdesigner.model.geometry import GRID, snap, stage_rect
from salesdesigner.model.ids import new_id
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process


@dataclass(frozen=True)
class Fragment:
    """Copied stages as a small process of their own, with the files they use."""

    process: Process
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Insertion:
    """What a paste adds: files and lanes first, then stages, then arrows."""

    lanes: tuple[Lane, ...]
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    attachments: tuple[Attachment, ...] = ()

    def edit(self, name: Name | str = "Paste") -> Edit | None:
        """The one step that adds all of it (None for an empty fragment)."""
        return compound([*(AddAttachment(a) for a in self.attachments),
                         *(AddLane(lane) for lane in self.lanes),
                         *(AddStage(s) for s in self.stages),
                         *(AddTransition(t) for t in self.transitions)],
                        name if isinstance(name, Name) else Name(name))


def fragment_center(fragment: Process) -> Position:
    xs = [s.position.x for s in fragment.stages]
    ys = [s.position.y for s in fragment.stages]
    return Position((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


_NUMBERED = re.compile(r"\s?[(（]\d+[)）]$")


def unique_name(name: str, taken: Iterable[str], language: str) -> str:
    """``name``, or when the document has it already, the first free numbered form:
    "Won (2)", "Won (3)"… (Japanese: 「受注（2）」 with full-width brackets)."""
    used = set(taken)
    if name not in used:
        return name
    base = _NUMBERED.sub("", name)
    words = words_for(language)
    n = 2
    while True:
        candidate = words("numbered", name=base, n=n)
        if candidate not in used:
            return candidate
        n += 1


def beside(fragment: Process, serial: int = 1) -> tuple[float, float]:
    """How far a copy pasted in place moves: right of the original by the fragment's
    width and a gap (the ``serial``-th paste further still), in the same row, so it stays
    in the lanes it came from."""
    rects = [stage_rect(s) for s in fragment.stages]
    width = max(r.right for r in rects) - min(r.x for r in rects)
    return snap(width + 2 * GRID) * serial, 0.0


def insertion(target: Process, pasted: Fragment, dx: float, dy: float) -> Insertion:
    """Fresh-id copies of the fragment's content for ``target``, moved by (dx, dy)."""
    fragment = pasted.process
    lane_map: dict[str, str] = {}
    new_lanes: list[Lane] = []
    by_name = {lane.name: lane.id for lane in target.lanes}
    for lane in fragment.lanes:
        if target.has_lane(lane.id):
            lane_map[lane.id] = lane.id
        elif lane.name in by_name:
            lane_map[lane.id] = by_name[lane.name]
        else:
            lane_map[lane.id] = lane.id
            new_lanes.append(lane)
    stage_map = {s.id: new_id("stage") for s in fragment.stages}
    taken = {s.name for s in target.stages}
    stages = []
    for s in fragment.stages:
        name = unique_name(s.name, taken, target.language)
        taken.add(name)
        stages.append(dataclasses.replace(
            s, id=stage_map[s.id], name=name, lane=lane_map.get(s.lane) if s.lane else None,
            position=Position(snap(s.position.x + dx), snap(s.position.y + dy))))
    wx, wy = snap(dx), snap(dy)  # bend points move with the stages (on-grid stages move so)
    transitions = tuple(dataclasses.replace(
        t, id=new_id("t"), source=stage_map[t.source], target=stage_map[t.target],
        waypoints=tuple(Position(p.x + wx, p.y + wy) for p in t.waypoints))
        for t in fragment.transitions)
    files = tuple(a for a in pasted.attachments if a.id not in target.attachments)
    return Insertion(tuple(new_lanes), tuple(stages), transitions, files)


__all__ = ["Fragment", "Insertion", "beside", "fragment_center", "insertion", "unique_name"]
