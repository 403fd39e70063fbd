"""Restoring a published revision as the draft: one undo step.

The edit swaps the document's whole content (process fields, lanes, stages, arrows,
attachments) for another process's and hands back the edit that swaps the old content in
again, so undo is exact.  What is not content stays as it is: the actuals (the team's deal
history is not part of a revision) and the list of published revisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from salesdesigner.edits.base import Edit, Name, Touched, touched
from salesdesigner.model.process import Process


@dataclass(frozen=True, eq=False)
class ReplaceContent(Edit):
    """Put ``content``'s process content in place of the document's.  ``content`` is a
    private copy the edit owns (never shown or changed elsewhere)."""

    content: Process = field(default_factory=Process)
    name: Name = field(default=Name("Restore Revision"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        old = process.copy()
        new = self.content.copy()
        new.actuals, new.revisions = process.actuals, process.revisions
        process.reset(new)
        return ReplaceContent(_content_only(old), name=self.name)

    def touched(self) -> Touched:
        return touched(stages=self.content.stage_ids,
                       transitions=(t.id for t in self.content.transitions),
                       lanes=(lane.id for lane in self.content.lanes),
                       attachments=self.content.attachments, process=True)


def _content_only(process: Process) -> Process:
    from salesdesigner.model.actuals.record import EMPTY_ACTUALS
    process.actuals, process.revisions = EMPTY_ACTUALS, ()
    return process


def restore_revision(content: Process, number: int) -> ReplaceContent:
    """The edit that makes revision ``number`` (its content ``content``) the draft."""
    own = _content_only(content.copy())
    return ReplaceContent(own, name=Name("Restore Revision {number}",
                                         (("number", number),)))


__all__ = ["ReplaceContent", "restore_revision"]
