"""Published revisions of a document: list them, open one as a :class:`Process`, publish.

This is the API the app, the command line and the comparison use::

    list_revisions(path) -> list[RevisionInfo]          # oldest first
    load_revision(path, number) -> Process               # a fresh, independent copy
    publish_revision(process, path, title=…, note=…, author=…) -> RevisionInfo
    revision_infos(process) / revision_process(process, number) / revision_state(process)
    load_ref(path, "3" | "latest" | "draft") -> Process  # FILE@REV on the command line

A revision's snapshot is the process's interchange JSON (:mod:`.json_format`, so reading it
back runs every check an imported file gets) without the actuals — deal data never goes
into a revision — and with each attachment named by the SHA-256 of its bytes, which are
stored once in ``revision_files``.  Publishing is a save: the document, draft and all, is
written atomically with the new revision (old file or new file, never a broken one).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from datetime import datetime

from salesdesigner.model.entities import Attachment
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.model.revision import (
    Revision,
    RevisionError,
    RevisionInfo,
    RevisionState,
    find_revision,
    next_number,
)
from salesdesigner.storage.json_keys import InterchangeError

#: The words ``FILE@…`` takes besides a number.
DRAFT, LATEST = "draft", "latest"


# ====================================================================== snapshots
def snapshot_of(process: Process) -> tuple[str, tuple[tuple[str, bytes], ...]]:
    """The snapshot text of ``process`` (interchange JSON, no actuals) and its files.

    Deterministic: the same content gives the same text, so "is the draft still revision
    3?" is a string comparison."""
    from salesdesigner.storage.json_format import process_to_json
    content = process_to_json(process)
    files = {hashlib.sha256(a.data).hexdigest(): bytes(a.data)
             for a in process.attachments.values()}
    if files:  # name each attachment's bytes (the reader ignores keys it does not know)
        data = json.loads(content)
        for entry in data["attachments"]:
            att = process.attachment(entry["id"])
            entry["sha256"] = hashlib.sha256(att.data).hexdigest()
        content = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return content, tuple(sorted(files.items()))


def make_revision(process: Process, *, title: str, author: str = "", note: str = "",
                  published_at: datetime | None = None,
                  number: int | None = None) -> Revision:
    """The next revision of ``process`` (not yet added): its content as it is now.
    ``number`` may skip ahead (to match a numbering kept elsewhere), never go back."""
    from salesdesigner.storage.revision_rows import check_info
    when = (published_at or datetime.now()).replace(microsecond=0, tzinfo=None)
    lowest = next_number(process.revisions)
    if number is not None and number < lowest:
        raise RevisionError(f"Cannot publish revision {number}: revision {lowest - 1} is "
                            f"already published (numbers only grow).")
    info = RevisionInfo(lowest if number is None else number, title, when, author, note)
    try:
        check_info(info)
        content, files = snapshot_of(process)
    except (TypeError, ValueError, InterchangeError) as exc:
        raise RevisionError(f"Cannot publish: {exc}".rstrip(".") + ".") from None
    return Revision(info, content, files)


def revision_content(revision: Revision, label: str = "the document") -> Process:
    """The process a revision holds, read and checked like an imported file."""
    from salesdesigner.storage.json_format import process_from_json
    where = f"{label}, revision {revision.number}"
    try:
        process = process_from_json(revision.content)
        entries = json.loads(revision.content).get("attachments") or []
    except (InterchangeError, ValueError, RecursionError) as exc:
        raise RevisionError(f"{where} is damaged: {_first_line(exc)}") from None
    files = dict(revision.files)
    for entry in entries:
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        data = files.get(sha) if isinstance(sha, str) else None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            raise RevisionError(f"{where} is damaged: the bytes of an attachment are "
                                "missing or altered.")
        try:
            process.add_attachment(Attachment(str(entry["id"]), str(entry.get("filename", "")),
                                              data, str(entry.get("mime_type", ""))
                                              or "application/octet-stream"))
        except (KeyError, UserError) as exc:
            raise RevisionError(f"{where} is damaged: {_first_line(exc)}") from None
    return process


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


# ====================================================================== in memory
def revision_infos(process: Process) -> list[RevisionInfo]:
    """What the revision list shows, oldest first."""
    return [r.info for r in process.revisions]


def revision_process(process: Process, number: int, label: str = "the document") -> Process:
    """Revision ``number`` of the document ``process`` as a new Process (its revisions
    list included, its actuals not).  Raises :class:`RevisionError`."""
    revision = find_revision(process.revisions, number)
    if revision is None:
        raise RevisionError(f"{label} has no revision {number} ({_which(process)}).")
    result = revision_content(revision, label)
    return result


def add_revision(process: Process, revision: Revision) -> None:
    """Append a published revision (numbers only grow; nothing is ever replaced)."""
    if revision.number < next_number(process.revisions):
        raise RevisionError(f"Revision {revision.number} cannot follow "
                            f"{next_number(process.revisions) - 1}.")
    process.revisions = (*process.revisions, revision)


def revision_state(process: Process) -> RevisionState:
    """Which revision the document's content is (the newest one it equals), and the latest."""
    if not process.revisions:
        return RevisionState(None, None)
    latest = process.revisions[-1].info
    try:
        content, files = snapshot_of(process)
    except (InterchangeError, ValueError, TypeError):
        return RevisionState(None, latest)
    for revision in reversed(process.revisions):
        if revision.content == content and dict(revision.files) == dict(files):
            return RevisionState(revision.info, latest)
    return RevisionState(None, latest)


def _which(process: Process) -> str:
    numbers = [r.number for r in process.revisions]
    if not numbers:
        return "it was never published"
    if len(numbers) == 1:
        return "it has revision 1 only" if numbers == [1] else f"it has revision {numbers[0]}"
    return f"it has revisions {numbers[0]}–{numbers[-1]}"


# ====================================================================== on disk
def list_revisions(path: str | os.PathLike[str]) -> list[RevisionInfo]:
    """The revisions published in the document at ``path``, oldest first."""
    from salesdesigner.storage.document import open_document
    return revision_infos(open_document(path))


def load_revision(path: str | os.PathLike[str], number: int) -> Process:
    """Revision ``number`` of the document at ``path`` as a Process (never writes)."""
    from salesdesigner.storage.document import open_document
    return revision_process(open_document(path), number, os.fspath(path))


def publish_revision(process: Process, path: str | os.PathLike[str], *, title: str,
                     author: str = "", note: str = "",
                     published_at: datetime | None = None, number: int | None = None,
                     force: bool = False) -> RevisionInfo:
    """Snapshot ``process`` as its next revision and save the document to ``path``.

    One atomic save writes the draft and the new revision together; if it fails, the
    process is left without the revision and the file as it was."""
    from salesdesigner.storage.document import save_document
    if not title.strip():
        raise RevisionError("Cannot publish: a revision needs a title.")
    revision = make_revision(process, title=title, author=author, note=note,
                             published_at=published_at, number=number)
    before = process.revisions
    add_revision(process, revision)
    try:
        save_document(process, path, force=force)
    except BaseException:
        process.revisions = before
        raise
    return revision.info


def parse_ref(text: str) -> int | str:
    """``"3"`` → 3, ``"latest"``/``"draft"`` as they are; anything else is a RevisionError."""
    word = text.strip().lower()
    if word in (DRAFT, LATEST):
        return word
    if word.isascii() and word.isdigit() and len(word) <= 9 and int(word) >= 1:
        return int(word)
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise RevisionError(f"{shown!r} is not a revision: give a number, 'latest' or 'draft'.")


def split_ref(arg: str) -> tuple[str, int | str | None]:
    """``FILE@3`` → (FILE, 3); a path that exists as given (even with an @ in its name)
    or without a revision word after its last @ is (path, None)."""
    if "@" not in arg or os.path.lexists(arg):
        return arg, None
    path, _, ref = arg.rpartition("@")
    if not path or not os.path.lexists(path):
        return arg, None  # reads as "FILE@x does not exist"
    return path, parse_ref(ref)


def process_at(process: Process, ref: int | str, label: str) -> Process:
    """The document's draft, its latest revision or revision ``ref``."""
    if ref == DRAFT:
        return process
    if ref == LATEST:
        if not process.revisions:
            raise RevisionError(f"{label} has no published revision yet.")
        ref = process.revisions[-1].number
    assert isinstance(ref, int)
    return revision_process(process, ref, label)


def load_ref(path: str | os.PathLike[str], ref: int | str) -> Process:
    """The process ``FILE@ref`` names (``draft``: the document as saved)."""
    from salesdesigner.storage.document import open_document
    return process_at(open_document(path), ref, os.fspath(path))


def default_author() -> str:
    """Who publishes, when nobody says: the account's full name, else its login name."""
    try:
        import pwd
        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, AttributeError, OSError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


__all__ = ["DRAFT", "LATEST", "RevisionError", "add_revision", "default_author", "load_ref",
           "load_revision", "list_revisions", "make_revision", "parse_ref", "process_at",
           "publish_revision", "revision_content", "revision_infos", "revision_process",
           "revision_state", "snapshot_of", "split_ref"]
