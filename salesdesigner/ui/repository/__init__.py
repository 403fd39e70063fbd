"""The team repository in the designer: File ▸ Open from Team Repository…, saving back
with optimistic locking, and the conflict choices when someone else saved first
(publishing and the local copy: :mod:`.publish`).

A window showing a repository process holds a :class:`RepositoryDocument` as its
controller's ``remote``: Save (Ctrl+S) then goes to the repository, the title names the
repository, and Save As… turns the window back into a local file.  The storage side is
:mod:`salesdesigner.storage.repository` (no Qt); every failure there is one
:class:`~salesdesigner.storage.repository.errors.RepositoryError`, shown as one dialog.

Every call to the server runs in a worker thread (:mod:`.background`) with a busy dialog
and Cancel, so a server that does not answer never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from salesdesigner.ui.repository.background import Cancelled, later, run
from salesdesigner.ui.repository.connection import ConnectionSettings, connection_url, report

if TYPE_CHECKING:
    from salesdesigner.model.process import Process
    from salesdesigner.storage.repository.errors import VersionConflict
    from salesdesigner.storage.repository.store import Repository
    from salesdesigner.ui.main_window import MainWindow

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamRepository", text)


def with_repository(url: str, call: Callable[[Repository], T]) -> T:
    """``call`` on the repository at ``url``, closed afterwards (runs in a worker)."""
    from salesdesigner.storage.repository.store import Repository
    repo = Repository(url)
    try:
        return call(repo)
    finally:
        repo.close()


class RepositoryDocument:
    """The window's document came from the team repository: process ``process_id`` at
    ``version`` (None: a published revision, opened by a reader).

    While a draft is open, this login's "being edited by …" notice is set and renewed
    well before it runs out; :meth:`release` withdraws it (the document controller calls
    it when the window closes or shows anything else)."""

    def __init__(self, window: MainWindow, conn: ConnectionSettings, url: str,
                 process_id: str, version: int | None) -> None:
        self.window, self.conn, self.url = window, conn, url
        self.process_id, self.version = process_id, version
        self.renewal: QTimer | None = None
        if version is not None:
            from salesdesigner.storage.repository.store import EDITING_MINUTES
            self._mark()
            self.renewal = QTimer(window.document)
            self.renewal.setInterval(EDITING_MINUTES * 60_000 // 3)
            self.renewal.timeout.connect(self._mark)
            self.renewal.start()

    @property
    def title(self) -> str:
        return _tr("{name} — Team Repository {where}").format(
            name=self.window.process.name or self.process_id, where=self.conn.where)

    def save(self) -> bool:
        return save_to_repository(self.window)

    def _mark(self) -> None:
        url, pid = self.url, self.process_id
        later(lambda: with_repository(url, lambda repo: repo.mark_editing(pid)))

    def release(self) -> None:
        """Withdraw the notice (in the background: closing never waits for the server)."""
        if self.renewal is None:
            return
        self.renewal.stop()
        self.renewal.deleteLater()
        self.renewal = None
        url, pid = self.url, self.process_id
        later(lambda: with_repository(url, lambda repo: repo.release_editing(pid)))


def attach(window: MainWindow, process: Process | None, conn: ConnectionSettings, url: str,
           version: int | None) -> RepositoryDocument:
    """Show ``process`` (None: keep the window's content) as the repository's, at
    ``version``."""
    doc = window.document
    if process is not None:
        doc.replace_content(process, None)
    doc.remote = remote = RepositoryDocument(window, conn, url, window.process.id, version)
    doc.pathChanged.emit()  # the title names the repository now
    return remote


def _cancelled(window: MainWindow) -> bool:
    window.show_status(_tr("Cancelled waiting for the team repository"))
    return False


def open_from_repository(window: MainWindow, process_id: str | None = None) -> bool:
    """File ▸ Open from Team Repository…: pick a process (or open ``process_id``), open
    its draft (editors) or latest published revision (readers) in this window."""
    from salesdesigner.storage.repository.errors import RepositoryError
    from salesdesigner.ui.repository.open_dialog import RepositoryOpenDialog
    found = connection_url(window)
    if found is None:
        return False
    conn, url = found
    try:
        if process_id is None:
            entries = run(window, _tr("Asking {where} for its processes…").format(
                where=conn.where), lambda: with_repository(url, lambda r: r.processes()))
            dialog = RepositoryOpenDialog(entries, conn.where, window)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selected_id():
                return False
            process_id = dialog.selected_id()
        if not window.document.maybe_save():
            return False
        pid = str(process_id)
        pulled, notice = run(window, _tr("Opening the process from {where}…").format(
            where=conn.where), lambda: with_repository(url, lambda r: _pull(r, pid)))
    except Cancelled:
        return _cancelled(window)
    except RepositoryError as exc:
        report(window, exc, conn)
        return False
    attach(window, pulled.process, conn, url, pulled.version)
    window.document.remove_own_autosave()
    if notice is not None:
        QMessageBox.information(window, _tr("Being Edited"), _tr(
            "{who} said they are editing this process (until {until}). You can still edit "
            "it: if they save first, your save offers to reload, save a copy or compare."
        ).format(who=notice.who, until=f"{notice.until.astimezone():%H:%M}"))
    window.show_status(_tr("Opened {name} from the team repository").format(
        name=window.process.name))
    return True


def _pull(repo: Repository, process_id: str):  # type: ignore[no-untyped-def]
    """The process and someone else's running notice on it (drafts only)."""
    pulled = repo.pull(process_id)
    notice = repo.editing_notice(process_id) if pulled.version is not None else None
    return pulled, notice


def save_to_repository(window: MainWindow) -> bool:
    """Save the window's process as its repository draft (a local document: uploaded as
    a new process, and the window then shows the repository's); a newer version there
    stops the save and offers the conflict choices (nothing is written, nothing lost)."""
    from salesdesigner.storage.repository.errors import RepositoryError, VersionConflict
    remote = window.document.remote
    found = connection_url(window, None if remote is None else remote.conn)
    if found is None:
        return False
    conn, url = found
    if remote is not None:
        remote.url = url
    snapshot = window.process.copy()  # the worker saves this, never the live document
    base = None if remote is None else remote.version

    def late(result: object) -> None:
        if isinstance(result, int) and shiboken6.isValid(window):
            _saved(window, remote, snapshot, conn, url, result, late=True)

    try:
        version = run(window, _tr("Saving {name} to {where}…").format(
            name=snapshot.name, where=conn.where),
            lambda: with_repository(url, lambda r: r.save(snapshot, base=base)), late=late)
    except Cancelled:
        return _cancelled(window)
    except VersionConflict as exc:
        return resolve_conflict(window, conn, url, exc)
    except RepositoryError as exc:
        report(window, exc, conn)
        return False
    _saved(window, remote, snapshot, conn, url, version)
    return True


def _saved(window: MainWindow, remote: RepositoryDocument | None, snapshot: Process,
           conn: ConnectionSettings, url: str, version: int, *, late: bool = False) -> None:
    """``snapshot`` is the repository's ``version`` now: record it (clean, unless the
    window changed meanwhile).  ``late``: the save had been cancelled but got through."""
    doc = window.document
    if remote is None:
        if doc.remote is not None or doc.path or window.process.id != snapshot.id:
            return  # the window moved on before a cancelled upload got through
        attach(window, None, conn, url, version)
    elif doc.remote is remote:
        remote.version = version
    else:
        return
    if window.process == snapshot:
        doc.undo_stack.setClean()
        doc.remove_own_autosave()
    doc.pathChanged.emit()
    text = (_tr("The cancelled save reached the team repository after all (version "
                "{version})") if late else
            _tr("Saved {name} to the team repository (version {version})"))
    window.show_status(text.format(name=snapshot.name, version=version))


def resolve_conflict(window: MainWindow, conn: ConnectionSettings, url: str,
                     conflict: VersionConflict) -> bool:
    """Someone saved first: Reload (theirs here, ours kept in a new window), Save as a
    Copy (ours as a new repository process), Compare (theirs against ours; the next save
    then replaces theirs) or Cancel.  True only when ours was saved."""
    from salesdesigner.storage.repository.errors import RepositoryError
    from salesdesigner.ui.repository.conflict import ConflictDialog
    dialog = ConflictDialog(conflict, window)
    dialog.exec()
    choice = dialog.choice
    pid = conflict.process_id
    fetching = _tr("Fetching their version from {where}…").format(where=conn.where)
    try:
        if choice == "reload":
            theirs = run(window, fetching, lambda: with_repository(
                url, lambda r: r.pull(pid, published=False)))
            ours = window.process.copy()
            kept = window.new_window(ours)
            kept.document.undo_stack.resetClean()  # unsaved: closing it asks first
            attach(window, theirs.process, conn, url, theirs.version)
            window.show_status(_tr("Reloaded version {version}; your version is kept in a "
                                   "new window").format(version=theirs.version))
            return False
        if choice == "copy":
            from salesdesigner.model.ids import new_id
            copy = window.process.copy()
            copy.id = new_id("process")
            copy.name = _tr("{name} (copy)").format(name=window.process.name)
            copy.revisions = ()  # the copy is a new draft: the original keeps its history
            version = run(window, _tr("Saving {name} to {where}…").format(
                name=copy.name, where=conn.where),
                lambda: with_repository(url, lambda r: r.save(copy, base=None)))
            window.document.replace_content(copy, None)
            _saved(window, None, copy, conn, url, version)
            return True
        if choice == "compare":
            theirs = run(window, fetching, lambda: with_repository(
                url, lambda r: r.pull(pid, published=False)))
            remote = window.document.remote
            if remote is None:  # a local document: it is the repository's process now
                remote = attach(window, None, conn, url, theirs.version)
            remote.version = theirs.version  # seen: the next save replaces it on purpose
            window.compare_with(theirs.process, _tr("Repository version {version} ({who})")
                                .format(version=theirs.version, who=conflict.saved_by))
            return False
    except Cancelled:
        return _cancelled(window)
    except RepositoryError as exc:
        report(window, exc, conn)
    return False


def publish_to_repository(window: MainWindow) -> bool:
    """File ▸ Publish to Team Repository… (see :mod:`.publish`)."""
    from salesdesigner.ui.repository.publish import publish_to_repository as publish
    return publish(window)


def save_local_copy(window: MainWindow) -> str | None:
    """File ▸ Save a Local Copy… (see :mod:`.publish`)."""
    from salesdesigner.ui.repository.publish import save_local_copy as save_copy
    return save_copy(window)


__all__ = ["RepositoryDocument", "attach", "open_from_repository", "publish_to_repository",
           "resolve_conflict", "save_local_copy", "save_to_repository", "with_repository"]
