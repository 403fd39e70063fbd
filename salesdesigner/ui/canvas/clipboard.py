"""Copy and paste of canvas fragments as JSON, so stages travel between windows.

A fragment is a small process in the interchange format (selected stages, the arrows
between them, and the lanes they use) plus the embedded files their materials refer to
(base64), under the MIME type :data:`MIME_TYPE`.  On paste every stage and arrow id is
replaced by a fresh one, lanes are matched by id, then by name, and files the target
document lacks are added with their ids (attachment ids are random, so equal ids mean
the same file).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass

from salesdesigner.model.entities import Attachment, Lane, Position, Stage, Transition
from salesdesigner.model.errors import UserError
from salesdesigner.model.geometry import snap
from salesdesigner.model.ids import new_id
from salesdesigner.model.process import Process

MIME_TYPE = "application/x-salesdesigner-fragment"
FRAGMENT_FORMAT = "salesdesigner.fragment"


def _json():
    """The interchange module, imported on first copy or paste rather than at start-up."""
    from salesdesigner.storage import json_format
    return json_format


class FragmentError(UserError):
    """The clipboard held something that is not a canvas fragment."""


@dataclass(frozen=True)
class Insertion:
    """What a paste adds: files and lanes first, then stages, then arrows."""

    lanes: tuple[Lane, ...]
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Fragment:
    process: Process
    attachments: tuple[Attachment, ...]


def encode(process: Process, stage_ids: Iterable[str]) -> str | None:
    """The fragment JSON for these stages (None when there is nothing to copy)."""
    chosen = set(stage_ids)
    if not chosen:
        return None
    fragment = Process(id="fragment", name=process.name, language=process.language)
    used_lanes = {process.stage(sid).lane for sid in chosen}
    for lane in process.lanes:
        if lane.id in used_lanes:
            fragment.add_lane(lane)
    files: dict[str, Attachment] = {}
    for stage in process.stages:
        if stage.id in chosen:
            fragment.add_stage(stage)
            for material in stage.materials:
                aid = material.attachment_id
                if aid is not None and aid in process.attachments:
                    files[aid] = process.attachment(aid)
    for transition in process.transitions:
        if transition.source in chosen and transition.target in chosen:
            fragment.add_transition(transition)
    return json.dumps({
        "format": FRAGMENT_FORMAT, "version": 1,
        "process": json.loads(_json().process_to_json(fragment)),
        "attachments": [{"id": a.id, "filename": a.filename, "mime_type": a.mime_type,
                         "data": base64.b64encode(a.data).decode("ascii")}
                        for a in files.values()],
    }, ensure_ascii=False)


def decode(text: str) -> Fragment:
    """Read fragment JSON back; raises FragmentError if the text is not a fragment."""
    try:
        root = json.loads(text)
        if not (isinstance(root, dict) and root.get("format") == FRAGMENT_FORMAT):
            raise FragmentError("not a canvas fragment")
        process = _json().process_from_json(json.dumps(root["process"], ensure_ascii=False))
        files = tuple(Attachment(str(a["id"]), str(a["filename"]),
                                 base64.b64decode(a["data"], validate=True),
                                 str(a.get("mime_type") or "application/octet-stream"))
                      for a in root.get("attachments") or ())
    except (UserError, ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise FragmentError(f"The clipboard does not hold SalesDesigner stages ({exc}).") from None
    if not process.stages:
        raise FragmentError("The clipboard does not hold any SalesDesigner stages.")
    return Fragment(process, files)


def fragment_center(fragment: Process) -> Position:
    xs = [s.position.x for s in fragment.stages]
    ys = [s.position.y for s in fragment.stages]
    return Position((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


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
    stages = tuple(dataclasses.replace(
        s, id=stage_map[s.id], lane=lane_map.get(s.lane) if s.lane else None,
        position=Position(snap(s.position.x + dx), snap(s.position.y + dy)))
        for s in fragment.stages)
    transitions = tuple(dataclasses.replace(t, id=new_id("t"), source=stage_map[t.source],
                                            target=stage_map[t.target])
                        for t in fragment.transitions)
    files = tuple(a for a in pasted.attachments if a.id not in target.attachments)
    return Insertion(tuple(new_lanes), stages, transitions, files)
