"""What a window knows of its file on disk, to notice when another program changed it.

A window records the file's modification time, size and content hash when it opens or
saves it.  Before the next save (and when the window is activated) it compares: the time
and size are checked first (cheap); only when they differ is the content hashed, so a file
that was merely touched or copied back unchanged does not raise a false alarm.
"""

from __future__ import annotations

import hashlib
import os
from typing import NamedTuple


class DiskState(NamedTuple):
    """A file's modification time (ns), size and SHA-256 at one moment."""

    mtime_ns: int
    size: int
    sha256: str


def _hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def disk_state(path: str) -> DiskState | None:
    """The file's current state; None when it does not exist or cannot be read."""
    try:
        stat = os.stat(path)
        return DiskState(stat.st_mtime_ns, stat.st_size, _hash(path))
    except OSError:
        return None


def changed_since(path: str, known: DiskState | None) -> tuple[bool, DiskState | None]:
    """Whether ``path``'s content differs from ``known``, and its state now.

    A file that is gone counts as unchanged (saving recreates it, nothing is lost); an
    unknown baseline cannot be compared and counts as unchanged too."""
    if known is None:
        return False, None
    try:
        stat = os.stat(path)
    except OSError:
        return False, None
    if (stat.st_mtime_ns, stat.st_size) == (known.mtime_ns, known.size):
        return False, known
    now = disk_state(path)
    if now is None:
        return False, None
    return now.sha256 != known.sha256, now


def same_file(a: str, b: str) -> bool:
    """``a`` and ``b`` name the same file (through links and case-insensitive folders)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
