"""Autosaved copies of unsaved work, as files: a ``<token>.salesdesign`` document and a
``<token>.json`` note saying which file it belonged to, its name, when it was saved and
what the window knew of that file on disk.  The document controller (ui) decides when to
write them and where; the recovery dialog lists them.  Qt-free, like the rest of storage.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesigner.model.process import Process
from salesdesigner.storage.disk_state import DiskState

SUFFIX = ".salesdesign"


@dataclass(frozen=True)
class Autosave:
    """An autosaved copy of unsaved work: the document file and what it belonged to."""

    token: str
    document: Path
    original_path: str | None
    name: str
    saved_at: float
    disk: DiskState | None = None  # the file as the crashed window last knew it

    @property
    def meta(self) -> Path:
        return self.document.with_suffix(".json")

    @property
    def lock(self) -> Path:
        return self.document.with_suffix(".lock")


def write_autosave(directory: Path, token: str, process: Process,
                   original_path: str | None, disk: DiskState | None = None) -> Autosave:
    """Save ``process`` as autosave ``token`` in ``directory`` (document first, then its note).

    ``disk`` is what the window knew of its file, so that a recovered document still
    notices when someone else changed that file in the meantime."""
    from salesdesigner.storage.document import save_document

    directory.mkdir(parents=True, exist_ok=True)
    document = directory / f"{token}{SUFFIX}"
    save_document(process, str(document))
    entry = Autosave(token, document, original_path, process.name, time.time(), disk)
    tmp = entry.meta.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"path": original_path, "name": process.name,
                               "saved_at": entry.saved_at,
                               "disk": list(disk) if disk else None}), encoding="utf-8")
    os.replace(tmp, entry.meta)
    return entry


def find_autosaves(directory: Path) -> list[Autosave]:
    """Every autosave in ``directory``, newest first (whether or not its owner lives).

    A document whose note is missing or unreadable (a crash between the two writes) is
    still listed, nameless and dated by the file: work is never hidden from recovery."""
    result = []
    for document in directory.glob(f"*{SUFFIX}") if directory.is_dir() else ():
        meta = document.with_suffix(".json")
        try:
            data: dict[str, Any] = json.loads(meta.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise TypeError(meta)
            result.append(Autosave(document.stem, document, str(data.get("path") or "") or None,
                                   str(data.get("name") or ""), float(data.get("saved_at", 0)),
                                   _disk_from_json(data.get("disk"))))
        except (OSError, ValueError, TypeError):
            try:
                result.append(Autosave(document.stem, document, None, "",
                                       document.stat().st_mtime))
            except OSError:
                continue
    return sorted(result, key=lambda a: a.saved_at, reverse=True)


def _disk_from_json(value: object) -> DiskState | None:
    try:
        mtime, size, digest = value  # type: ignore[misc]
        return DiskState(int(mtime), int(size), str(digest))
    except (TypeError, ValueError):
        return None


def remove_autosave(entry: Autosave) -> None:
    for path in (entry.document, entry.meta):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


__all__ = ["Autosave", "find_autosaves", "remove_autosave", "write_autosave"]
