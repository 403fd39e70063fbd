"""Published revisions of a process: numbered, immutable snapshots kept in the document.

A manager publishes revision 3, the team works with it for a quarter, revision 4 changes
the proposal scripts.  Each revision is what the process looked like when it was published
(never the deal data: actuals are not part of a revision), with who published it, when and
why.  The model keeps them as values it does not interpret: the snapshot is the text
:mod:`salesdesigner.storage.revisions` made of the process and reads back, so holding a
hundred revisions costs no parsing until one is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salesdesigner.model.errors import UserError

#: A title, author or note may be long, but not unbounded (the list shows them all).
MAX_TEXT = 100_000


class RevisionError(UserError):
    """No such revision, or one that cannot be read or published; says which, in a line."""


@dataclass(frozen=True)
class RevisionInfo:
    """What the revision list shows: its number (1, 2, 3, … in publishing order), a title,
    when it was published (local time, to the second), by whom, and a note on why."""

    number: int
    title: str
    published_at: datetime
    author: str = ""
    note: str = ""


@dataclass(frozen=True)
class Revision:
    """A published revision: its :class:`RevisionInfo` and the snapshot of the process.

    ``content`` is the storage layer's text of the process (interchange JSON, no actuals);
    ``files`` the bytes of its attachments by SHA-256 (shared between revisions that attach
    the same file).  Neither changes after publishing."""

    info: RevisionInfo
    content: str
    files: tuple[tuple[str, bytes], ...] = ()

    @property
    def number(self) -> int:
        return self.info.number


@dataclass(frozen=True)
class RevisionState:
    """Which revision a view of the document shows: ``shown`` is the revision whose
    content the document holds (None: a draft), ``latest`` the last one published (None:
    never published).  A manual says "Revision 3, published …", "Draft after revision 3"
    or "Draft, never published" from it."""

    shown: RevisionInfo | None
    latest: RevisionInfo | None

    @property
    def is_draft(self) -> bool:
        return self.shown is None


def next_number(revisions: tuple[Revision, ...]) -> int:
    """The number the next published revision gets: one more than the highest."""
    return max((r.number for r in revisions), default=0) + 1


def find_revision(revisions: tuple[Revision, ...], number: int) -> Revision | None:
    for revision in revisions:
        if revision.number == number:
            return revision
    return None


__all__ = ["MAX_TEXT", "Revision", "RevisionError", "RevisionInfo", "RevisionState",
           "find_revision", "next_number"]
