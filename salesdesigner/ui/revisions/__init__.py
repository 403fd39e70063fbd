"""Published revisions in the designer: Process ▸ Publish Revision…, Process ▸ Revisions…
(the list), a read-only window on any revision, and Restore as Draft (one undo step).

The window calls :func:`publish` and :func:`show_revisions`; everything here loads on first
use, so the window starts without it.  Storage does the work
(:mod:`salesdesigner.storage.revisions`), the edit layer the restore
(:mod:`salesdesigner.edits.revisions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from salesdesigner.model.errors import UserError

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Revisions", text)


def publish(window: MainWindow) -> bool:
    """Ask for the revision's title, date, author and note, then publish: the document is
    saved with the new revision (Save As first for a document never saved)."""
    from salesdesigner.storage.revisions import add_revision, make_revision
    from salesdesigner.ui.revisions.publish_dialog import PublishDialog

    if window.document.remote is not None:  # a team repository process: published there
        from salesdesigner.ui.repository import publish_to_repository
        return publish_to_repository(window)
    process = window.process
    dialog = PublishDialog(process, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    values = dialog.values()
    try:
        revision = make_revision(process, **values)
    except UserError as exc:
        window.document.show_error(_tr("Cannot Publish Revision"), exc)
        return False
    before = process.revisions
    add_revision(process, revision)
    if not window.document.save():  # the save said why (or the user cancelled Save As)
        process.revisions = before
        return False
    dialog.remember_author()
    listing = getattr(window, "_revision_list", None)
    if listing is not None:
        listing.refresh()
    window.show_status(_tr("Published revision {number} “{title}”").format(
        number=revision.number, title=_short(revision.info.title)))
    return True


def show_revisions(window: MainWindow) -> None:
    """The revision list of the window's document (one per window, brought to front)."""
    from salesdesigner.ui.revisions.list_dialog import RevisionListDialog
    dialog = getattr(window, "_revision_list", None)
    if dialog is None:
        dialog = window._revision_list = RevisionListDialog(window)
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def restore(window: MainWindow, number: int) -> bool:
    """Make revision ``number`` the draft, as one undo step (the actuals stay)."""
    from salesdesigner.edits.revisions import restore_revision
    from salesdesigner.storage.revisions import revision_process
    from salesdesigner.ui.commands import push

    try:
        content = revision_process(window.process, number, window.document.display_name)
    except UserError as exc:
        window.document.show_error(_tr("Cannot Restore Revision"), exc)
        return False
    push(window.undo_stack, window.process, restore_revision(content, number))
    window.show_status(_tr("Revision {number} is the draft now; Edit ▸ Undo takes it "
                           "back.").format(number=number))
    return True


def open_read_only(window: MainWindow, number: int):
    """A read-only window showing revision ``number`` (None when it cannot be read)."""
    from salesdesigner.storage.revisions import revision_process
    from salesdesigner.ui.revisions.read_only_window import RevisionWindow

    try:
        content = revision_process(window.process, number, window.document.display_name)
    except UserError as exc:
        window.document.show_error(_tr("Cannot Open Revision"), exc)
        return None
    info = next(r.info for r in window.process.revisions if r.number == number)
    view = RevisionWindow(content, info, window)
    view.show()
    return view


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


__all__ = ["open_read_only", "publish", "restore", "show_revisions"]
