"""The document lifecycle of one window: new, open, save, save as, revert, recent files,
autosave and crash recovery, imports and exports.

The window keeps one :class:`~salesdesigner.model.process.Process` for its whole life;
opening or reverting replaces its content with :meth:`Process.reset` (the canvas and the
panels rebuild from the ``ProcessReset`` event) and clears the undo stack, because a reset
cannot be undone.  The undo stack's clean state is "saved".  Storage, importers and
exporters are imported when first used, so starting the window stays cheap.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.ui.dialogs.preferences import Settings

SUFFIX = ".salesdesign"


def default_autosave_dir() -> Path:
    """``<AppDataLocation>/autosave``: per user, survives a crash and a reboot."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or QDir.tempPath()) / "autosave"


@dataclass(frozen=True)
class Autosave:
    """An autosaved copy of unsaved work: the document file and what it belonged to."""

    token: str
    document: Path
    original_path: str | None
    name: str
    saved_at: float

    @property
    def meta(self) -> Path:
        return self.document.with_suffix(".json")

    @property
    def lock(self) -> Path:
        return self.document.with_suffix(".lock")


def write_autosave(directory: Path, token: str, process: Process,
                   original_path: str | None) -> Autosave:
    """Save ``process`` as autosave ``token`` in ``directory`` (document first, then its note)."""
    from salesdesigner.storage.document import save_document

    directory.mkdir(parents=True, exist_ok=True)
    document = directory / f"{token}{SUFFIX}"
    save_document(process, str(document))
    entry = Autosave(token, document, original_path, process.name, time.time())
    tmp = entry.meta.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"path": original_path, "name": process.name,
                               "saved_at": entry.saved_at}), encoding="utf-8")
    os.replace(tmp, entry.meta)
    return entry


def find_autosaves(directory: Path) -> list[Autosave]:
    """Every complete autosave in ``directory``, newest first (whether or not its owner lives)."""
    result = []
    for meta in directory.glob("*.json") if directory.is_dir() else ():
        document = meta.with_suffix(SUFFIX)
        if not document.is_file():
            continue
        try:
            data: dict[str, Any] = json.loads(meta.read_text(encoding="utf-8"))
            result.append(Autosave(meta.stem, document, data.get("path") or None,
                                   str(data.get("name") or ""), float(data.get("saved_at", 0))))
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return sorted(result, key=lambda a: a.saved_at, reverse=True)


def remove_autosave(entry: Autosave) -> None:
    for path in (entry.document, entry.meta):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


class DocumentController(QObject):
    """Owns the file side of a window's document; asks the user through ``parent``."""

    pathChanged = Signal()
    documentReplaced = Signal()
    recentFilesChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, process: Process, undo_stack: QUndoStack, parent: QWidget, *,
                 autosave_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.undo_stack = undo_stack
        self.window = parent
        self.path: str | None = None
        self.autosave_dir = Path(autosave_dir) if autosave_dir else default_autosave_dir()
        self.autosave_token = uuid.uuid4().hex[:12]
        self._lock: QLockFile | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.set_autosave_interval(Settings().autosave_seconds)

    # ------------------------------------------------------------------ state
    @property
    def display_name(self) -> str:
        """The file name shown in the title bar (``Untitled.salesdesign`` before a save)."""
        return Path(self.path).name if self.path else self.tr("Untitled") + SUFFIX

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace_content(self, process: Process, path: str | None, *,
                        modified: bool = False) -> None:
        """Put ``process``'s content in the window; not undoable, so the history is cleared."""
        self.process.reset(process)
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.path = path
        self.pathChanged.emit()
        self.documentReplaced.emit()

    # ------------------------------------------------------------------ asking the user
    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; False when the user cancels (or saving fails)."""
        if not self.is_modified():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.warning(
            self.window, self.tr("Unsaved Changes"),
            self.tr("Do you want to save the changes you made to “{name}”?\nYour changes will be lost if you don't save them.").format(
                        name=self.display_name),
            buttons, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def show_error(self, title: str, error: BaseException | str) -> None:
        if isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            message = f"{where}{error.strerror or error}"
        else:
            message = str(error)
        QMessageBox.critical(self.window, title, message)

    def _file_filter(self) -> str:
        return self.tr("SalesDesigner documents (*.salesdesign)")

    def _start_dir(self) -> str:
        if self.path:
            return str(Path(self.path).parent)
        recent = Settings().recent_files
        return str(Path(recent[0]).parent) if recent else QDir.homePath()

    # ------------------------------------------------------------------ new / open
    def new_document(self, process: Process) -> bool:
        """Show ``process`` (from a template) as a new untitled document."""
        if not self.maybe_save():
            return False
        self.replace_content(process, None)
        self.remove_own_autosave()
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Document"),
                                              self._start_dir(), self._file_filter())
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: str, *, ask: bool = True) -> bool:
        """Open a document file; a bad file shows its error and leaves the window as it was."""
        if ask and not self.maybe_save():
            return False
        from salesdesigner.storage.document import open_document
        try:
            process = open_document(path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Open Document"), exc)
            return False
        self.replace_content(process, os.path.abspath(path))
        self.remove_own_autosave()
        self.add_recent(self.path)
        self.statusMessage.emit(self.tr("Opened {name}").format(name=self.display_name))
        return True

    def revert(self) -> bool:
        """Throw away unsaved changes and reload the file (asks first)."""
        if not self.path or not self.is_modified():
            return False
        answer = QMessageBox.question(
            self.window, self.tr("Revert"),
            self.tr("Discard all changes and go back to the saved version of “{name}”? This cannot be undone.").format(name=self.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from salesdesigner.storage.document import open_document
        try:
            process = open_document(self.path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Revert"), exc)
            return False
        self.replace_content(process, self.path)
        self.remove_own_autosave()
        return True

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        start = self.path or str(Path(self._start_dir()) / self._suggested_name())
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save As"), start,
                                              self._file_filter())
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_to(path)

    def _suggested_name(self) -> str:
        name = "".join(c for c in self.process.name if c not in '\\/:*?"<>|').strip()
        return (name[:60] or self.tr("Untitled")) + SUFFIX

    def _save_to(self, path: str) -> bool:
        from salesdesigner.storage.document import save_document
        try:
            save_document(self.process, path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Save Document"), exc)
            return False
        self.undo_stack.setClean()
        self.path = os.path.abspath(path)
        self.pathChanged.emit()
        self.add_recent(self.path)
        self.remove_own_autosave()
        self.statusMessage.emit(self.tr("Saved {name}").format(name=self.display_name))
        return True

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        return Settings().recent_files

    def add_recent(self, path: str) -> None:
        Settings().add_recent_file(path)
        self.recentFilesChanged.emit()

    def clear_recent(self) -> None:
        Settings().recent_files = []
        self.recentFilesChanged.emit()

    # ------------------------------------------------------------------ autosave / recovery
    def set_autosave_interval(self, seconds: int) -> None:
        self.autosave_timer.stop()
        if seconds > 0:
            self.autosave_timer.start(seconds * 1000)

    def _own_autosave(self) -> Autosave:
        document = self.autosave_dir / f"{self.autosave_token}{SUFFIX}"
        return Autosave(self.autosave_token, document, self.path, "", 0.0)

    def autosave_now(self) -> bool:
        """Write unsaved work to the autosave folder; remove a stale copy when all is saved."""
        if not self.is_modified():
            self.remove_own_autosave()
            return False
        if self._lock is None:
            self.autosave_dir.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self._own_autosave().lock))
            lock.setStaleLockTime(0)  # alive as long as this process is
            lock.tryLock(0)
            self._lock = lock
        try:
            write_autosave(self.autosave_dir, self.autosave_token, self.process, self.path)
        except (UserError, OSError) as exc:
            self.statusMessage.emit(self.tr("Autosave failed: {error}").format(error=exc))
            return False
        return True

    def remove_own_autosave(self) -> None:
        remove_autosave(self._own_autosave())

    def close(self) -> None:
        """A clean close: stop autosaving and delete our autosave, so nothing is offered later."""
        self.autosave_timer.stop()
        self.remove_own_autosave()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphaned_autosaves(self) -> list[Autosave]:
        """Autosaves whose window is gone (crashed): their lock is free or stale."""
        result = []
        for entry in find_autosaves(self.autosave_dir):
            if entry.token == self.autosave_token:
                continue
            lock = QLockFile(str(entry.lock))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                result.append(entry)
        return result

    def offer_recovery(self) -> bool:
        """After a crash, offer the newest orphaned autosave; True if it was restored."""
        entries = self.orphaned_autosaves()
        if not entries:
            return False
        entry = entries[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
        name = Path(entry.original_path).name if entry.original_path else (
            entry.name or self.tr("Untitled"))
        answer = QMessageBox.question(
            self.window, self.tr("Recover Unsaved Work"),
            self.tr("SalesDesigner did not close properly. Unsaved work on “{name}” from {when} was kept. Do you want to recover it?").format(name=name, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        restored = False
        if answer == QMessageBox.StandardButton.Yes:
            from salesdesigner.storage.document import open_document
            try:
                process = open_document(str(entry.document))
            except (UserError, OSError) as exc:
                self.show_error(self.tr("Cannot Recover"), exc)
            else:
                self.replace_content(process, entry.original_path, modified=True)
                restored = True
                self.statusMessage.emit(self.tr("Recovered unsaved work"))
        for other in entries:  # offered once; the recovered copy is autosaved again
            remove_autosave(other)
            try:
                other.lock.unlink()
            except OSError:
                pass
        return restored

    # ------------------------------------------------------------------ import / export
    def import_file(self, kind: str) -> bool:
        """Import a JSON interchange file or a CSV stage list as a new untitled document."""
        if not self.maybe_save():
            return False
        filters = {"json": self.tr("JSON interchange files (*.json)"),
                   "csv": self.tr("CSV stage lists (*.csv *.txt)")}
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import"),
                                              self._start_dir(), filters[kind])
        if not path:
            return False
        try:
            if kind == "json":
                from salesdesigner.storage.json_format import import_json
                process = import_json(path)
            else:
                from salesdesigner.storage.csv_import import import_csv
                process = import_csv(path)
        except (UserError, OSError, UnicodeError) as exc:
            self.show_error(self.tr("Cannot Import"), exc)
            return False
        self.replace_content(process, None, modified=True)
        self.statusMessage.emit(self.tr("Imported {name}").format(name=Path(path).name))
        return True

    def suggested_export_path(self, suffix: str) -> str:
        """Where an export is offered: the document's folder and name (the process name
        while untitled), with ``suffix``."""
        base = Path(self.path).stem if self.path else Path(self._suggested_name()).stem
        return str(Path(self._start_dir()) / f"{base}{suffix}")

    def export(self, title: str, file_filter: str, suffix: str,
               write: Callable[[str], None]) -> str | None:
        """Ask for a file name and call ``write(path)``; errors are shown, not raised."""
        start = self.suggested_export_path(suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, file_filter)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            write(path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Export"), exc)
            return None
        except ImportError:
            self.show_error(self.tr("Cannot Export"),
                            self.tr("This export is not available in this installation."))
            return None
        self.statusMessage.emit(self.tr("Exported {name}").format(name=Path(path).name))
        return path
