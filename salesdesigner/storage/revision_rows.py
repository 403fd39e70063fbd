"""Published revisions as table rows and back (``revisions`` and ``revision_files``).

A revision's snapshot is kept as the text it was published with and is read only when the
revision is opened (:mod:`.revisions`); here only its columns are checked, as every cell of
a document is, since a file may have been edited by hand or crafted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from salesdesigner.model.revision import MAX_TEXT, Revision, RevisionInfo
from salesdesigner.storage.limits import EARLIEST_YEAR, LATEST_YEAR, shown
from salesdesigner.storage.table_reader import table_reader

#: Revision numbers run from 1 up to this (a crafted 10**18 would only confuse the list).
MAX_NUMBER = 1_000_000
_MAX_DATE_TEXT = 32


class BadRevision(Exception):
    """A cell of the revision tables holds something the model cannot take."""


def check_info(info: RevisionInfo) -> None:
    """Raise ``ValueError``/``TypeError`` for a revision no reader would accept back."""
    if isinstance(info.number, bool) or not isinstance(info.number, int) or not (
            1 <= info.number <= MAX_NUMBER):
        raise ValueError(f"revision number {shown(info.number)} is not 1–{MAX_NUMBER:,}")
    for field in ("title", "author", "note"):
        value = getattr(info, field)
        if not isinstance(value, str):
            raise TypeError(f"the {field} of revision {info.number} is not text")
        if len(value) > MAX_TEXT:
            raise ValueError(f"the {field} of revision {info.number} is longer than "
                             f"{MAX_TEXT:,} characters")
    when = info.published_at
    if not isinstance(when, datetime) or when.tzinfo is not None or not (
            EARLIEST_YEAR <= when.year <= LATEST_YEAR):
        raise ValueError(f"revision {info.number} has the date {shown(when)}, not a local "
                         f"time in {EARLIEST_YEAR}–{LATEST_YEAR}")


def revision_rows(revisions: tuple[Revision, ...]) -> dict[type, list[dict[str, Any]]]:
    """Both tables' rows; each attachment's bytes once, however many revisions hold them."""
    # saving only: opening needs no SQLAlchemy
    from salesdesigner.storage.schema import RevisionFileRow, RevisionRow

    rows, files = [], {}
    for revision in revisions:
        info = revision.info
        check_info(info)
        rows.append({"number": info.number, "title": info.title,
                     "published_at": info.published_at.isoformat(timespec="seconds"),
                     "author": info.author, "note": info.note, "content": revision.content})
        files.update(revision.files)
    return {RevisionRow: rows,
            RevisionFileRow: [{"sha256": sha, "data": bytes(data)}
                              for sha, data in sorted(files.items())]}


def revisions_from_rows(source: Any) -> tuple[Revision, ...]:
    """The revisions of an open document (a :func:`.table_reader` source), oldest first;
    raises :class:`BadRevision`."""
    reader = table_reader(source)
    files: dict[str, bytes] = {}
    for sha, data in reader.rows("revision_files", ("sha256", "data")):
        if not isinstance(sha, str) or not isinstance(data, bytes):
            raise BadRevision("the revision_files table holds a row that is not a SHA-256 "
                              "and bytes")
        files[sha] = data
    result = []
    for number, title, when, author, note, content in reader.rows(
            "revisions", ("number", "title", "published_at", "author", "note", "content"),
            ("number",)):
        where = f"revision {shown(number)}"
        if type(number) is not int or not 1 <= number <= MAX_NUMBER:
            raise BadRevision(f"{where} has a number that is not 1–{MAX_NUMBER:,}")
        if not (str is type(title) is type(when) is type(author) is type(note)
                is type(content)):
            raise BadRevision(f"{where} has a value where text belongs")
        if max(len(title), len(author), len(note)) > MAX_TEXT:
            raise BadRevision(f"{where} has a title, author or note longer than "
                              f"{MAX_TEXT:,} characters")
        try:
            published = datetime.fromisoformat(when) if len(when) <= _MAX_DATE_TEXT else None
        except ValueError:
            published = None
        if published is None or published.tzinfo is not None or not (
                EARLIEST_YEAR <= published.year <= LATEST_YEAR):
            raise BadRevision(f"{where} has the date {shown(when)}, not an ISO 8601 local "
                              f"time in {EARLIEST_YEAR}–{LATEST_YEAR}")
        info = RevisionInfo(number, title, published, author, note)
        result.append(Revision(info, content, _files_of(content, files)))
    return tuple(result)


def _files_of(content: str, files: dict[str, bytes]) -> tuple[tuple[str, bytes], ...]:
    """The stored files a snapshot may name (matched by SHA-256 when it is opened); kept
    with every revision so each one is whole on its own.  Bytes are shared, not copied."""
    return tuple(sorted((sha, data) for sha, data in files.items() if sha in content))


__all__ = ["BadRevision", "MAX_NUMBER", "check_info", "revision_rows", "revisions_from_rows"]
