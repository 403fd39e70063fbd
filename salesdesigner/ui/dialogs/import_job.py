"""Reading a CRM export off the GUI thread for the import dialog, with progress and cancel.

The read (:func:`~salesdesigner.storage.actuals_import.read_actuals`), the preview and the
raw text of rejected rows all happen in the job's thread; the document is only read there
(the dialog is modal, so nothing edits it meanwhile) and never changed: the import itself
is the one undoable edit the dialog pushes when the manager confirms.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process

#: Rejected rows whose text as written is fetched for the dialog (more are listed without).
MAX_RAW_ROWS = 20_000


@dataclass
class ReadResult:
    plan: object  # ImportPlan (storage is imported in the thread, not at start-up)
    preview: object  # ImportPreview
    raw: dict[int, str]


class ReadJob(QThread):
    """One read of ``path``; ``result`` is a :class:`ReadResult`, the exception that
    stopped it, or None when it was cancelled.  ``progressed(line, lines)`` reports."""

    progressed = Signal(int, int)

    def __init__(self, path: str, process: Process, stage_map: dict[str, str],
                 columns: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.process = process
        self.stage_map = dict(stage_map)
        self.columns = dict(columns)
        self.result: ReadResult | BaseException | None = None
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the read to stop at its next progress report (a few thousand rows)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _progress(self, line: int, total: int) -> bool:
        self.progressed.emit(line, total)
        return not self._stop.is_set()

    def run(self) -> None:
        from salesdesigner.storage.actuals_import import (
            ImportCancelled,
            raw_lines,
            read_actuals,
        )
        from salesdesigner.storage.actuals_import.preview import preview_of
        try:
            plan = read_actuals(self.path, self.process, stage_map=self.stage_map,
                                columns=self.columns, progress=self._progress)
            if self._stop.is_set():
                raise ImportCancelled()
            preview = preview_of(plan.events, self.process.actuals)
            wanted = {r.line for r in plan.problems[:MAX_RAW_ROWS]}
            raw = raw_lines(self.path, wanted) if wanted else {}
            self.result = None if self._stop.is_set() else ReadResult(plan, preview, raw)
        except ImportCancelled:
            self.result = None
        except (UserError, OSError, ValueError, MemoryError) as exc:
            self.result = exc
        except Exception as exc:  # noqa: BLE001 - shown as a dialog, never a traceback
            self.result = exc


def file_problem(path: str) -> str | None:
    """Why ``path`` cannot be read at all ("missing", "folder", "unreadable"), or None."""
    p = Path(path)
    if not p.exists():
        return "missing"
    if p.is_dir():
        return "folder"
    try:
        with open(p, "rb") as f:
            f.read(1)
    except OSError:
        return "unreadable"
    return None


__all__ = ["MAX_RAW_ROWS", "ReadJob", "ReadResult", "file_problem"]
