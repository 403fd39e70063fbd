"""A finding about the deal history turned into guidance for everyone at its stage: a tip,
a note (a paragraph of the stage's description) or a talk-script draft — one
:class:`~salesdesigner.edits.fields.SetStage`, so it is one undo step like any edit.

The text is the caller's (the per-owner view offers a draft from
:func:`salesdesigner.model.discovery.owners_report.tip_draft`, which names no one, and the
manager may reword it before it is added).
"""

from __future__ import annotations

from salesdesigner.edits.base import Edit, Name
from salesdesigner.edits.fields import SetStage
from salesdesigner.model.entities import Script
from salesdesigner.model.process import Process

#: what a finding may become, and the undo step's name for each
KINDS: dict[str, Name] = {
    "tip": Name("Make It a Tip"),
    "note": Name("Add Note"),
    "script": Name("Add Script Draft"),
}


def share_finding(process: Process, stage_id: str, kind: str, title: str,
                  text: str) -> Edit:
    """The edit that adds ``text`` to stage ``stage_id`` as a tip, a note (appended to the
    description after a blank line) or a script draft titled ``title``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use tip, note or script")
    text = text.strip()
    if not text:
        raise ValueError("the text is empty")
    stage = process.stage(stage_id)
    if kind == "tip":
        changes: dict[str, object] = {"tips": (*stage.tips, text)}
    elif kind == "note":
        old = stage.description.rstrip()
        changes = {"description": f"{old}\n\n{text}" if old else text}
    else:
        changes = {"scripts": (*stage.scripts, Script(title=title.strip() or text[:60],
                                                      body=text))}
    return SetStage(stage_id, changes, name=KINDS[kind])


__all__ = ["KINDS", "share_finding"]
