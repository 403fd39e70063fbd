"""The team repository in the designer: File ▸ Open from Team Repository…, saving back
with optimistic locking, and the conflict choices when someone else saved first.

A window showing a repository process holds a :class:`RepositoryDocument` as its
controller's ``remote``: Save (Ctrl+S) then goes to the repository, the title names the
repository, and Save As… turns the window back into a local file.  The storage side is
:mod:`salesdesigner.storage.repository` (no Qt); every failure there is one
:class:`~salesdesigner.storage.repository.errors.RepositoryError`, shown as one dialog.

Operations run on the GUI thread (each is one short transaction; the connection times out
after :data:`~salesdesigner.storage.repository.connection.CONNECT_TIMEOUT` seconds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from salesdesigner.ui.repository.connection import ConnectionSettings, connect, report

if TYPE_CHECKING:
    from salesdesigner.model.process import Process
    from salesdesigner.storage.repository.errors import VersionConflict
    from salesdesigner.storage.repository.store import Repository
    from salesdesigner.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamRepository", text)


class _Busy:
    """The wait cursor while the server is asked."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(_wait())

    def __exit__(self, *_: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def _wait():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor
    return QCursor(Qt.CursorShape.WaitCursor)


class RepositoryDocument:
    """The window's document came from the team repository: process ``process_id`` at
    ``version`` (None: a published revision, opened by a reader)."""

    def __init__(self, window: MainWindow, conn: ConnectionSettings, process_id: str,
                 version: int | None) -> None:
        self.window, self.conn = window, conn
        self.process_id, self.version = process_id, version

    @property
    def title(self) -> str:
        return _tr("{name} — Team Repository {where}").format(
            name=self.window.process.name or self.process_id, where=self.conn.where)

    def save(self) -> bool:
        return save_to_repository(self.window)


def attach(window: MainWindow, process: Process | None, conn: ConnectionSettings,
           version: int | None) -> RepositoryDocument:
    """Show ``process`` (None: keep the window's content) as the repository's, at
    ``version``."""
    doc = window.document
    if process is not None:
        doc.replace_content(process, None)
    doc.remote = remote = RepositoryDocument(window, conn, window.process.id, version)
    doc.pathChanged.emit()  # the title names the repository now
    return remote


def open_from_repository(window: MainWindow, process_id: str | None = None) -> bool:
    """File ▸ Open from Team Repository…: pick a process (or open ``process_id``), open
    its draft (editors) or latest published revision (readers) in this window."""
    from salesdesigner.storage.repository.errors import RepositoryError
    from salesdesigner.ui.repository.open_dialog import RepositoryOpenDialog
    repo = connect(window)
    if repo is None:
        return False
    try:
        if process_id is None:
            with _Busy():
                entries = repo.processes()
            dialog = RepositoryOpenDialog(entries, ConnectionSettings.load().where, window)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selected_id():
                return False
            process_id = dialog.selected_id()
        if not window.document.maybe_save():
            return False
        with _Busy():
            pulled = repo.pull(process_id)
            notice = repo.mark_editing(process_id) if pulled.version is not None else None
    except RepositoryError as exc:
        report(window, exc)
        return False
    finally:
        repo.close()
    attach(window, pulled.process, ConnectionSettings.load(), pulled.version)
    window.document.remove_own_autosave()
    if notice is not None:
        QMessageBox.information(window, _tr("Being Edited"), _tr(
            "{who} said they are editing this process (until {until}). You can still edit "
            "it: if they save first, your save offers to reload, save a copy or compare."
        ).format(who=notice.who, until=f"{notice.until.astimezone():%H:%M}"))
    window.show_status(_tr("Opened {name} from the team repository").format(
        name=window.process.name))
    return True


def save_to_repository(window: MainWindow) -> bool:
    """Save the window's process as its repository draft (a local document: uploaded as
    a new process, and the window then shows the repository's); a newer version there
    stops the save and offers the conflict choices (nothing is written, nothing lost)."""
    from salesdesigner.storage.repository.errors import RepositoryError, VersionConflict
    remote = window.document.remote
    repo = connect(window)
    if repo is None:
        return False
    try:
        with _Busy():  # a local document is uploaded (a new process: no base version)
            version = repo.save(window.process, base=None if remote is None
                                else remote.version)
    except VersionConflict as exc:
        return resolve_conflict(window, repo, exc)
    except RepositoryError as exc:
        report(window, exc)
        return False
    finally:
        repo.close()
    if remote is None:
        attach(window, None, ConnectionSettings.load(), version)
    _saved(window, version)
    return True


def _saved(window: MainWindow, version: int) -> None:
    doc = window.document
    if doc.remote is not None:
        doc.remote.version = version
    doc.undo_stack.setClean()
    doc.remove_own_autosave()
    doc.pathChanged.emit()
    window.show_status(_tr("Saved {name} to the team repository (version {version})").format(
        name=window.process.name, version=version))


def resolve_conflict(window: MainWindow, repo: Repository, conflict: VersionConflict) -> bool:
    """Someone saved first: Reload (theirs here, ours kept in a new window), Save as a
    Copy (ours as a new repository process), Compare (theirs against ours; the next save
    then replaces theirs) or Cancel.  True only when ours was saved."""
    from salesdesigner.storage.repository.errors import RepositoryError
    from salesdesigner.ui.repository.conflict import ConflictDialog
    dialog = ConflictDialog(conflict, window)
    dialog.exec()
    choice = dialog.choice
    remote = window.document.remote
    conn = ConnectionSettings.load() if remote is None else remote.conn
    try:
        if choice == "reload":
            with _Busy():
                theirs = repo.pull(conflict.process_id, published=False)
            ours = window.process.copy()
            kept = window.new_window(ours)
            kept.document.undo_stack.resetClean()  # unsaved: closing it asks first
            attach(window, theirs.process, conn, theirs.version)
            window.show_status(_tr("Reloaded version {version}; your version is kept in a "
                                   "new window").format(version=theirs.version))
            return False
        if choice == "copy":
            from salesdesigner.model.ids import new_id
            copy = window.process.copy()
            copy.id = new_id("process")
            copy.name = _tr("{name} (copy)").format(name=window.process.name)
            copy.revisions = ()  # the copy is a new draft: the original keeps its history
            with _Busy():
                version = repo.save(copy, base=None)
            window.document.replace_content(copy, None)
            attach(window, None, conn, version)
            _saved(window, version)
            return True
        if choice == "compare":
            with _Busy():
                theirs = repo.pull(conflict.process_id, published=False)
            if remote is None:  # a local document: it is the repository's process now
                remote = attach(window, None, conn, None)
            remote.version = theirs.version  # seen: the next save replaces it on purpose
            window.compare_with(theirs.process, _tr("Repository version {version} ({who})")
                                .format(version=theirs.version, who=conflict.saved_by))
            return False
    except RepositoryError as exc:
        report(window, exc)
    return False


__all__ = ["RepositoryDocument", "attach", "open_from_repository", "resolve_conflict",
           "save_to_repository"]
