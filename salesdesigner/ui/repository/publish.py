"""File ▸ Publish to Team Repository… and File ▸ Save a Local Copy….

Publishing asks the revisions layer's questions (title, author, note: the number and the
time are the repository's), saves unsaved changes first, then publishes exactly the
draft version the window shows: if someone saved after it, the conflict choices come
instead.  The button is there for readers too: the database refuses them, and the
refusal is the message (a reader learns whom to ask, instead of hunting for a menu).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog

from salesdesigner.model.errors import UserError
from salesdesigner.ui.repository import (
    RepositoryDocument,
    resolve_conflict,
    save_to_repository,
    with_repository,
)
from salesdesigner.ui.repository.background import Cancelled, run
from salesdesigner.ui.repository.connection import connection_url, report

if TYPE_CHECKING:
    from salesdesigner.model.process import Process
    from salesdesigner.model.revision import RevisionInfo
    from salesdesigner.ui.main_window import MainWindow

SUFFIX = ".salesdesign"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamRepository", text)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def publish_to_repository(window: MainWindow) -> bool:
    """Ask for the revision's title and note, save what is unsaved, publish the draft the
    window shows; one line in the status bar says which revision it became."""
    from salesdesigner.storage.repository.errors import RepositoryError, VersionConflict
    from salesdesigner.ui.revisions.publish_dialog import PublishDialog
    dialog = PublishDialog(window.process, window, repository=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    values = dialog.values()
    doc = window.document
    remote = doc.remote
    # a local document is uploaded first; a reader's (version None) is never saved: the
    # server's refusal to publish says what a reader may not do
    if remote is None or (doc.is_modified() and remote.version is not None):
        if not save_to_repository(window):
            return False
        remote = doc.remote
    if remote is None:
        return False
    found = connection_url(window, remote.conn)
    if found is None:
        return False
    conn, url = found
    snapshot = window.process.copy()
    pid, base = remote.process_id, remote.version
    title, note, author = values["title"], values["note"], values["author"] or None

    def late(result: object) -> None:
        if not isinstance(result, BaseException) and shiboken6.isValid(window):
            _published(window, remote, snapshot, result, late=True)  # type: ignore[arg-type]

    try:
        info = run(window, _tr("Publishing {name} to {where}…").format(
            name=snapshot.name, where=conn.where),
            lambda: with_repository(url, lambda r: r.publish(
                pid, title=title, note=note, author=author, base=base)), late=late)
    except Cancelled:
        window.show_status(_tr("Cancelled waiting for the team repository"))
        return False
    except VersionConflict as exc:
        resolve_conflict(window, conn, url, exc)
        return False
    except RepositoryError as exc:
        report(window, exc, conn)
        return False
    dialog.remember_author()
    _published(window, remote, snapshot, info)
    return True


def _published(window: MainWindow, remote: RepositoryDocument, snapshot: Process,
               info: RevisionInfo, *, late: bool = False) -> None:
    """The window's document gets the revision too (its Revisions list, Compare With Last
    Revision), made from what was published: the draft the window showed."""
    from salesdesigner.storage.revisions import add_revision, make_revision
    if window.document.remote is remote and remote.version is not None:
        revision = make_revision(snapshot, title=info.title, note=info.note,
                                 author=info.author, number=info.number,
                                 published_at=info.published_at)
        with suppress(UserError):  # the window holds a later one already (reloaded)
            add_revision(window.process, revision)
        listing = getattr(window, "_revision_list", None)
        if listing is not None:
            listing.refresh()
    text = (_tr("The cancelled publishing reached the team repository after all: revision "
                "{number} “{title}”") if late else
            _tr("Published revision {number} “{title}” to the team repository"))
    window.show_status(text.format(number=info.number, title=_short(info.title)))


def save_local_copy(window: MainWindow) -> str | None:
    """Write the repository process as a ``.salesdesign`` file; the window stays the
    repository's (Save As… is the way to leave the repository and work on a file)."""
    from salesdesigner.storage.document import save_document
    from salesdesigner.ui.document_controller import controller_for
    doc = window.document
    name = "".join(c for c in window.process.name if c not in '\\/:*?"<>|').strip()
    start = Path(doc._start_dir()) / ((name[:60] or _tr("Untitled")) + SUFFIX)
    path, _ = QFileDialog.getSaveFileName(window, _tr("Save a Local Copy"), str(start),
                                          doc._file_filter())
    if not path:
        return None
    if not path.endswith(SUFFIX):
        path += SUFFIX
    if controller_for(path) is not None:
        doc.show_error(_tr("Cannot Save Local Copy"), _tr(
            "Choose another name: “{name}” is an open document, and this copy must not "
            "replace it.").format(name=Path(path).name))
        return None
    try:
        save_document(window.process.copy(), path)
    except (UserError, OSError) as exc:
        doc.show_error(_tr("Cannot Save Local Copy"), exc)
        return None
    window.show_status(_tr("Saved a local copy as {name}; this window still saves to the "
                           "team repository").format(name=Path(path).name))
    return path


__all__ = ["publish_to_repository", "save_local_copy"]
