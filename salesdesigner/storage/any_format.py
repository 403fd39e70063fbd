"""Read a process from whichever file a user (or Git) hands over: a ``.salesdesign``
document or an interchange JSON file, told apart by their first bytes rather than their
names (``git difftool`` passes temporaries whose names are not the user's)."""

from __future__ import annotations

import os
from pathlib import Path

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.storage.files import regular_file_error

SQLITE_HEADER = b"SQLite format 3\x00"


def read_process(path: str | os.PathLike[str]) -> Process:
    """The process in ``path``; the null device reads as an empty process (what Git
    passes for the missing side of an added or deleted file).  Raises UserError."""
    label = os.fspath(path)
    if label == os.devnull:
        return Process()
    problem = regular_file_error(path)
    if problem == "it does not exist":
        raise UserError(f"{label} does not exist.")
    if problem is not None:
        raise UserError(f"Cannot read {label}: {problem}.")
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if not head:
        raise UserError(f"{label} is empty: neither a SalesDesigner document nor JSON.")
    if head == SQLITE_HEADER:
        from salesdesigner.storage.document import open_document
        return open_document(path)
    from salesdesigner.storage.json_format import import_json
    return import_json(Path(path))
