"""Copy and paste of canvas fragments as JSON, so stages travel between windows.

A fragment is a small process in the interchange format (selected stages, the arrows
between them, and the lanes they use) plus the embedded files their materials refer to
(base64), under the MIME type :data:`MIME_TYPE`.  What a paste adds is an edit rule:
:mod:`salesdesigner.edits.paste`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from salesdesigner.model.entities import Attachment
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process

if TYPE_CHECKING:
    from salesdesigner.edits.paste import Fragment

MIME_TYPE = "application/x-salesdesigner-fragment"
FRAGMENT_FORMAT = "salesdesigner.fragment"


def _json():
    """The interchange module, imported on first copy or paste rather than at start-up."""
    from salesdesigner.storage import json_format
    return json_format


class FragmentError(UserError):
    """The clipboard held something that is not a canvas fragment."""


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
    from salesdesigner.edits.paste import Fragment
    return Fragment(process, files)
