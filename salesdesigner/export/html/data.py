"""The process as the plain data the playbook page reads, and which files go beside it.

Everything the page shows is here as text; the page's script only ever puts it into
the DOM with ``textContent``.  Stages come in process order and refer to each other by
their index in that order, so the script never has to trust an id as markup.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote

from salesdesigner.model.attachment_files import INERT_SUFFIX, is_active, safe_mime
from salesdesigner.model.entities import Material, Stage
from salesdesigner.model.ordering import back_edges, process_order
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.storage.json_format import attachment_filenames

AttachmentMode = Literal["folder", "inline"]

_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_IMAGE_MIMES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"}
DEFAULT_COLOR = "#64748B"
LOGO_LIMIT = 512_000


def safe_color(color: str) -> str:
    """A lane colour usable in CSS and SVG, or a neutral grey when it is not a hex colour."""
    return color if _COLOR.fullmatch(color or "") else DEFAULT_COLOR


def stage_fragment(stage_id: str) -> str:
    """The URL fragment of a stage page: ``stage-`` + the id as encodeURIComponent writes it."""
    return "stage-" + quote(stage_id, safe="-_.!~*'()")


def link_href(uri: str) -> str | None:
    """A material's address if it is safe to link to (web, mail, phone), else None."""
    uri = uri.strip()
    if uri.lower().startswith(_LINK_SCHEMES) and not any(c in uri for c in "\x00\n\r\t"):
        return uri
    return None


@dataclass
class AttachmentPlan:
    """Which attachments go into the sibling folder (file name → bytes)."""

    folder_name: str
    files: dict[str, bytes] = field(default_factory=dict)


class _Materials:
    """Turns materials into links, deciding per attachment: inline data: URI or folder file."""

    def __init__(self, process: Process, folder_name: str, mode: AttachmentMode,
                 inline_limit: int) -> None:
        self.process = process
        self.names = attachment_filenames(process)
        self.mode = mode
        self.inline_limit = inline_limit
        self.plan = AttachmentPlan(folder_name)

    def href_for(self, attachment_id: str) -> tuple[str, str] | None:
        """(href, download file name) of an attachment, or None if the document lacks it."""
        att = self.process.attachments.get(attachment_id)
        if att is None:
            return None
        name = self.names[att.id]
        if self.mode == "inline" and len(att.data) <= self.inline_limit:
            data = base64.b64encode(att.data).decode("ascii")
            return f"data:{safe_mime(att.mime_type)};base64,{data}", name
        # an active page (HTML, SVG, XHTML) opened from the folder would run its script:
        # stored as plain text, it opens as its source; the download keeps its own name
        stored = name + INERT_SUFFIX if is_active(name, att.mime_type) else name
        self.plan.files[stored] = att.data
        return f"{quote(self.plan.folder_name)}/{quote(stored)}", name

    def material(self, m: Material) -> dict[str, Any]:
        item: dict[str, Any] = {"title": m.title, "note": m.note, "href": None,
                                "download": None, "missing": False, "uri": ""}
        aid = m.attachment_id
        if aid is not None:
            target = self.href_for(aid)
            if target is None:
                item["missing"] = True
            else:
                item["href"], item["download"] = target
        else:
            item["href"] = link_href(m.uri)
            if item["href"] is None:
                item["uri"] = m.uri  # shown as plain text, never as a link
        return item


def _stage_data(stage: Stage, process: Process, index_of: dict[str, int],
                lane_index: dict[str, int], cut: set[tuple[str, str]],
                materials: _Materials) -> dict[str, Any]:
    words = words_for(process.language)
    duration = "" if stage.duration_days is None else words.duration(stage.duration_days)
    return {
        "id": stage.id,
        "hash": stage_fragment(stage.id),
        "name": stage.name,
        "kind": stage.kind.value,
        "lane": lane_index.get(stage.lane, -1) if stage.lane is not None else -1,
        "goal": stage.goal,
        "description": stage.description,
        "exit": list(stage.exit_criteria),
        "duration": duration,
        "kpis": [{"name": k.name, "target": words.kpi_target(k),
                  "direction": k.direction.value, "definition": k.definition}
                 for k in stage.kpis],
        "actions": [{"title": a.title, "owner": a.owner, "timing": a.timing,
                     "detail": a.detail} for a in stage.actions],
        "scripts": [{"title": s.title, "situation": s.situation, "body": s.body}
                    for s in stage.scripts],
        "materials": [materials.material(m) for m in stage.materials],
        "tips": list(stage.tips),
        "out": [{"to": index_of[t.target], "label": t.label, "condition": t.condition,
                 "back": (t.source, t.target) in cut} for t in process.outgoing(stage.id)],
        "in": [{"from": index_of[t.source], "label": t.label, "condition": t.condition,
                "back": (t.source, t.target) in cut} for t in process.incoming(stage.id)],
    }


def _logo(process: Process) -> str | None:
    att = process.attachments.get(process.logo) if process.logo else None
    if att is None or safe_mime(att.mime_type) not in _IMAGE_MIMES or len(att.data) > LOGO_LIMIT:
        return None
    return f"data:{safe_mime(att.mime_type)};base64,{base64.b64encode(att.data).decode('ascii')}"


def _published(process: Process) -> str:
    """Which revision the playbook shows and when it was published, or that it is a draft."""
    from salesdesigner.model.presentation import words_for
    from salesdesigner.storage.revisions import revision_state
    return words_for(process.language, "playbook").revision_line(revision_state(process))


def playbook_data(process: Process, labels: dict[str, str], *, folder_name: str,
                  attachments: AttachmentMode = "folder",
                  inline_limit: int = 256_000) -> tuple[dict[str, Any], AttachmentPlan]:
    """The page's JSON payload and the attachment files to write beside the page."""
    order = process_order(process)
    index_of = {sid: i for i, sid in enumerate(order)}
    lane_index = {lane.id: i for i, lane in enumerate(process.lanes)}
    cut = back_edges(process)
    materials = _Materials(process, folder_name, attachments, inline_limit)
    stages = [_stage_data(process.stage(sid), process, index_of, lane_index, cut,
                          materials) for sid in order]
    payload = {
        "process": {"id": process.id, "name": process.name,
                    "description": process.description, "company": process.company,
                    # the free-text edition only while no revision is published ("published"
                    # names the revision then; both would read as a contradiction)
                    "revision": "" if process.revisions else process.revision,
                    "logo": _logo(process),
                    "published": _published(process)},
        "labels": labels,
        "lanes": [{"name": lane.name, "color": safe_color(lane.color)}
                  for lane in process.lanes],
        "stages": stages,
        "storageKey": f"salesdesigner-playbook:{process.id}:{process.revision}",
    }
    return payload, materials.plan
