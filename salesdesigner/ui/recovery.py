"""Crash recovery at start: every orphaned autosave is offered, none is lost unseen.

An autosave is orphaned when the window that wrote it is gone (its lock file names a dead
process); autosaves of windows still open, in this instance or another one, are never
touched.  The user decides per document: recover it (it opens in a window of its own and
keeps its autosave until saved), discard it (deleted, after a confirmation), or decide
later (kept and offered again at the next start, as is everything when the dialog is
closed).  The dialog module is imported only when there is something to offer, so a
normal start pays nothing for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile

from salesdesigner.model.errors import UserError
from salesdesigner.storage.autosave import Autosave, remove_autosave

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow

RECOVER, DISCARD, LATER = "recover", "discard", "later"


def offer_recovery(window: MainWindow) -> list[MainWindow]:
    """Ask about every orphaned autosave; returns the windows showing recovered work
    (``window`` itself first when it was still empty)."""
    claimed = window.document.claim_orphaned_autosaves()
    if not claimed:
        return []
    from salesdesigner.ui.recovery_dialog import RecoveryDialog

    entries = [entry for entry, _lock in claimed]
    dialog = RecoveryDialog(entries, window)
    while True:
        if not dialog.exec():
            choices = [LATER] * len(entries)
            break
        choices = dialog.choices()
        discards = choices.count(DISCARD)
        if not discards or dialog.confirm_discard(discards):
            break  # otherwise back to the dialog, choices as the user left them
    dialog.deleteLater()

    recovered: list[MainWindow] = []
    for (entry, lock), choice in zip(claimed, choices, strict=False):
        if choice == RECOVER:
            target = _recover(window, entry, lock, first=not recovered)
            if target is not None:
                recovered.append(target)
                continue
        elif choice == DISCARD:
            remove_autosave(entry)
        lock.unlock()  # kept for later (or gone): the next start may offer it again
    return recovered


def _recover(window: MainWindow, entry: Autosave, lock: QLockFile, *,
             first: bool) -> MainWindow | None:
    """Open ``entry`` in ``window`` (if it is the first and the window is empty) or in a
    new window; None (and the autosave kept) when it cannot be read."""
    from salesdesigner.storage.document import open_document

    try:
        process = open_document(str(entry.document))
    except (UserError, OSError) as exc:
        window.document.show_error(
            QCoreApplication.translate("RecoveryDialog", "Cannot Recover"), exc)
        return None
    fresh = first and not window.document.path and not window.document.is_modified()
    target = window if fresh else window.new_window()
    target.document.adopt_autosave(entry, lock, process)
    return target
