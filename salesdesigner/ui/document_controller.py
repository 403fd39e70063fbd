"""The document lifecycle of one window: new, open, save, save as, revert, recent files,
autosave (crash recovery itself is :mod:`.recovery`), imports and exports.

Two windows never overwrite each other silently: a file open in one window of this
process is brought to the front instead of being opened twice, and every save over the
window's own file first checks that nobody changed it since it was read or saved
(:mod:`salesdesigner.storage.disk_state`); if someone did, the user chooses Overwrite, Save
As… or Cancel.

The window keeps one :class:`~salesdesigner.model.process.Process` for its whole life;
opening or reverting replaces its content with :meth:`Process.reset` (the canvas and the
panels rebuild from the ``ProcessReset`` event) and clears the undo stack, because a reset
cannot be undone.  The undo stack's clean state is "saved".  Storage, importers and
exporters are imported when first used, so starting the window stays cheap.
"""

from __future__ import annotations

import os
import uuid
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDir, QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.storage.autosave import (
    Autosave,
    find_autosaves,
    remove_autosave,
    write_autosave,
)
from salesdesigner.storage.disk_state import DiskState, changed_since, disk_state, same_file
from salesdesigner.ui.commands import push
from salesdesigner.ui.settings import Settings

if TYPE_CHECKING:
    from salesdesigner.ui.repository import RepositoryDocument

SUFFIX = ".salesdesign"  # storage.document.SUFFIX, without importing SQLAlchemy at start-up
_live_controllers: weakref.WeakSet[DocumentController] = weakref.WeakSet()


def open_controllers() -> list[DocumentController]:
    """The document controllers of this process's open windows (closed ones excluded)."""
    return [c for c in list(_live_controllers) if shiboken6.isValid(c)
            and shiboken6.isValid(c.window)]


def controller_for(path: str) -> DocumentController | None:
    """The open window's controller that has ``path`` as its file, if any."""
    for controller in open_controllers():
        if controller.path and same_file(controller.path, path):
            return controller
    return None


def default_autosave_dir() -> Path:
    """``<AppDataLocation>/autosave``: per user, survives a crash and a reboot."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or QDir.tempPath()) / "autosave"


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
        self.disk: DiskState | None = None  # the file as this window last read or wrote it
        self._declined_reload: DiskState | None = None
        self._checking_disk = False
        self.import_dialog = None  # File ▸ Import Actuals… while it is open
        # the document came from the team repository (ui/repository): Save goes there
        self._remote: RepositoryDocument | None = None
        _live_controllers.add(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.set_autosave_interval(Settings().autosave_seconds)

    # ------------------------------------------------------------------ state
    @property
    def remote(self) -> RepositoryDocument | None:
        """The team repository process this window shows, if it shows one."""
        return self._remote

    @remote.setter
    def remote(self, value: RepositoryDocument | None) -> None:
        old, self._remote = self._remote, value
        if old is not None and old is not value:
            old.release()  # its "being edited by …" notice goes with it

    @property
    def display_name(self) -> str:
        """The file name shown in the title bar (``Untitled.salesdesign`` before a save)."""
        if self.remote is not None and not self.path:
            return self.remote.title
        return Path(self.path).name if self.path else self.tr("Untitled") + SUFFIX

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace_content(self, process: Process, path: str | None, *,
                        modified: bool = False, disk: DiskState | None | bool = True) -> None:
        """Put ``process``'s content in the window; not undoable, so the history is cleared.

        ``disk`` is what the file looked like when ``process`` was read from it: by
        default its state now (just opened), or a state recorded earlier (recovery)."""
        self.disk = (disk_state(path) if path else None) if disk is True else (disk or None)
        self._declined_reload = None
        self.remote = None
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
            self.tr("Do you want to save the changes you made to “{name}”?\nYour changes will be lost if you don't save them.").format(  # noqa: E501 - one literal for lupdate
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
        """Open a document file; a bad file shows its error and leaves the window as it was.

        A file another window of this process already shows is not opened twice (two
        copies would overwrite each other): that window comes to the front instead."""
        other = controller_for(path)
        if other is not None and other is not self:
            other.bring_to_front()
            other.statusMessage.emit(self.tr("{name} is already open in another window").format(
                name=other.display_name))
            return True
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
            self.tr("Discard all changes and go back to the saved version of “{name}”? This cannot be undone.").format(name=self.display_name),  # noqa: E501 - one literal for lupdate
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

    def remove_actuals(self) -> None:
        """Strip the deal history from the document after asking (one undo step), e.g.
        before handing the file to a rep who must not see the customers' deals."""
        actuals = self.process.actuals
        if not actuals:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Remove Actuals"),
            self.tr("Remove the deal history imported from the CRM ({events} deal events, "
                    "{imports} imports) from this document? Do this before handing the file "
                    "to someone who must not see the customers' deals. Edit ▸ Undo brings "
                    "it back until you close the document.").format(
                        events=f"{len(actuals.events):,}", imports=len(actuals.imports)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            from salesdesigner.edits.actuals import strip_actuals
            push(self.undo_stack, self.process, strip_actuals())

    def import_actuals(self, path: str | None = None):
        """File ▸ Import Actuals…: choose a CRM export, then the import dialog (window-
        modal, not blocking): nothing changes until the manager confirms there."""
        from salesdesigner.ui.dialogs.import_actuals import ImportActualsDialog
        dialog = ImportActualsDialog(self.process, self.undo_stack, None, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if path:
            dialog.set_path(path)
        elif not dialog.choose_file(self._start_dir()):
            dialog.deleteLater()
            return None
        dialog.finished.connect(lambda _result, d=dialog: self._actuals_imported(d))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _actuals_imported(self, dialog) -> None:
        self.import_dialog = None
        if dialog.imported:
            self.statusMessage.emit(self.tr("Imported {events} deal events from {name}").format(
                events=f"{len(dialog.result.plan.events):,}", name=Path(dialog.path).name))

    def save_copy_without_actuals(self) -> str | None:
        """Write a copy of the document without its deal history (to hand to reps); the
        open document, its file and its undo history stay as they are."""
        if not self.process.actuals:
            return None
        stem = Path(self._suggested_name()).stem if not self.path else Path(self.path).stem
        start = str(Path(self._start_dir()) / (self.tr("{name} (without actuals)").format(
            name=stem) + SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save a Copy Without Actuals"), start, self._file_filter())
        if not path:
            return None
        if not path.endswith(SUFFIX):
            path += SUFFIX
        if (self.path and same_file(path, self.path)) or controller_for(path) is not None:
            self.show_error(self.tr("Cannot Save Copy"), self.tr(
                "Choose another name: “{name}” is an open document, and this copy must not "
                "replace it.").format(name=Path(path).name))
            return None
        from salesdesigner.model.actuals.record import EMPTY_ACTUALS
        from salesdesigner.storage.document import save_document
        copy = self.process.copy()
        copy.actuals = EMPTY_ACTUALS
        try:
            save_document(copy, path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Save Copy"), exc)
            return None
        self.statusMessage.emit(self.tr(
            "Saved {name} without the deal history: you can hand it to reps. This document "
            "keeps its actuals.").format(name=Path(path).name))
        return path

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if self.remote is not None:
            return self.remote.save()
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
        saved = self._save_to(path)
        if saved and self.process.actuals:  # a copy to hand out? say how, without asking
            self.statusMessage.emit(self.tr(
                "Saved {name} with its {events} deal events. To hand the process to reps, use "
                "File ▸ Save a Copy Without Actuals…").format(
                    name=self.display_name, events=f"{len(self.process.actuals.events):,}"))
        return saved

    def _suggested_name(self) -> str:
        name = "".join(c for c in self.process.name if c not in '\\/:*?"<>|').strip()
        return (name[:60] or self.tr("Untitled")) + SUFFIX

    def _save_to(self, path: str) -> bool:
        from salesdesigner.storage.document import save_document
        own_file = bool(self.path) and same_file(path, self.path or "")
        other = None if own_file else controller_for(path)
        if other is not None and other is not self:  # Save As onto another window's file
            self.show_error(self.tr("Cannot Save Document"), self.tr(
                "“{name}” is open in another window. Close it there first, or save under another name.").format(  # noqa: E501 - one literal for lupdate
                    name=Path(path).name))
            return False
        if own_file:
            answer = self._changed_on_disk_answer()
            if answer == "save-as":
                return self.save_as()
            if answer == "cancel":
                return False
        try:
            save_document(self.process, path)
        except (UserError, OSError) as exc:
            self.show_error(self.tr("Cannot Save Document"), exc)
            return False
        self.disk = disk_state(path)
        self._declined_reload = None
        self.undo_stack.setClean()
        self.remote = None  # Save As… from a repository process: a local file now
        self.path = os.path.abspath(path)
        self.pathChanged.emit()
        self.add_recent(self.path)
        self.remove_own_autosave()
        self.statusMessage.emit(self.tr("Saved {name}").format(name=self.display_name))
        return True

    # ------------------------------------------------------------------ changed on disk
    def changed_on_disk(self) -> bool:
        """Whether another program changed this window's file since it was read or saved."""
        if not self.path:
            return False
        changed, now = changed_since(self.path, self.disk)
        if not changed and now is not None:
            self.disk = now  # touched, same content: remember the new time
        return changed

    def _changed_on_disk_answer(self) -> str:
        """Before saving over our file: "overwrite" when it is safe or the user says so,
        "save-as" or "cancel" when the file changed on disk and the user chose that."""
        if not self.changed_on_disk():
            return "overwrite"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File Changed on Disk"),
                          self.tr("“{name}” was changed by another program since you opened it.").format(  # noqa: E501 - one literal for lupdate
                              name=self.display_name),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr(
            "Overwriting replaces those changes with this window's version. "
            "Save As… keeps both."))
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return ("overwrite" if clicked is overwrite
                else "save-as" if clicked is save_as else "cancel")

    def check_disk_changes(self) -> bool:
        """When the window comes back to the front: if its file changed on disk and this
        window has no unsaved changes, offer to reload it.  True if it was reloaded.
        (With unsaved changes nothing is asked now; saving will.)"""
        if self._checking_disk or self.is_modified() or not self.changed_on_disk():
            return False
        if self.disk is not None and self._declined_reload == disk_state(self.path or ""):
            return False  # already asked about this version of the file
        self._checking_disk = True
        try:
            answer = QMessageBox.question(
                self.window, self.tr("File Changed on Disk"),
                self.tr("“{name}” was changed by another program. Do you want to reload it?").format(  # noqa: E501 - one literal for lupdate
                    name=self.display_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                self._declined_reload = disk_state(self.path or "")
                return False
            from salesdesigner.storage.document import open_document
            try:
                process = open_document(self.path or "")
            except (UserError, OSError) as exc:
                self.show_error(self.tr("Cannot Open Document"), exc)
                return False
            self.replace_content(process, self.path)
            self.statusMessage.emit(self.tr("Reloaded {name}").format(name=self.display_name))
            return True
        finally:
            self._checking_disk = False

    def bring_to_front(self) -> None:
        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

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
            write_autosave(self.autosave_dir, self.autosave_token, self.process, self.path,
                           self.disk)
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
        self.remote = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        _live_controllers.discard(self)

    def orphaned_autosaves(self) -> list[Autosave]:
        """Autosaves whose window is gone (crashed): their lock is free or stale.  Autosaves
        of windows that live on, in this process or another, are never listed."""
        result = []
        for entry, lock in self.claim_orphaned_autosaves():
            lock.unlock()
            result.append(entry)
        return result

    def claim_orphaned_autosaves(self) -> list[tuple[Autosave, QLockFile]]:
        """The orphaned autosaves, each with its lock now held by this process, so that
        a second instance starting at the same moment does not offer them too."""
        result = []
        for entry in find_autosaves(self.autosave_dir):
            if entry.token == self.autosave_token:
                continue
            lock = QLockFile(str(entry.lock))
            lock.setStaleLockTime(0)  # only a dead owner makes it stale
            if lock.tryLock(0):
                result.append((entry, lock))
        return result

    def adopt_autosave(self, entry: Autosave, lock: QLockFile, process: Process) -> None:
        """Continue a crashed window's work here: its content (unsaved), its file and what
        it knew of that file, and its autosave, which stays until this work is saved or
        explicitly discarded, so a second crash loses nothing either."""
        self.remove_own_autosave()
        if self._lock is not None:
            self._lock.unlock()
        self.autosave_token = entry.token
        self._lock = lock
        disk = entry.disk
        if disk is None and entry.original_path:
            disk = disk_state(entry.original_path)  # an older autosave: best we can do
        self.replace_content(process, entry.original_path, modified=True, disk=disk)
        self.statusMessage.emit(self.tr("Recovered unsaved work"))

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
