"""Compare mode: the current draft against another version of the process — an overlay
on the canvas, a side-by-side view and a change list whose entries can be taken back.

Everything here renders or reads; the only document change is "Take the old value back",
which goes through an edit (:mod:`salesdesigner.edits.take_back`) and the undo stack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from salesdesigner.ui.compare.mode import CompareMode
    from salesdesigner.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareMode", text)


def compare_with_file(window: MainWindow) -> CompareMode | None:
    """Process ▸ Compare With File…: any document or interchange JSON file."""
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(
        window, _tr("Compare With File"), window.document._start_dir(),
        _tr("SalesDesigner documents and JSON (*.salesdesign *.json);;All files (*)"))
    return compare_with_path(window, path) if path else None


def compare_with_path(window: MainWindow, path: str) -> CompareMode | None:
    """Compare with the process in ``path``; a file that cannot be read is a dialog."""
    from salesdesigner.model.errors import UserError
    from salesdesigner.storage.any_format import read_process
    try:
        other = read_process(path)
    except (UserError, OSError, UnicodeError) as exc:
        window.document.show_error(_tr("Cannot Compare"), exc)
        return None
    return window.compare_with(other, Path(path).name)


def compare_with_revision(window: MainWindow, number: int | None = None) -> CompareMode | None:
    """The draft against a published revision of its own document (the latest when
    ``number`` is None): what changed since the team last got the process."""
    from salesdesigner.model.errors import UserError
    from salesdesigner.storage.revisions import revision_infos, revision_process
    process = window.process
    infos = revision_infos(process)
    if not infos:
        window.document.show_error(_tr("Cannot Compare"), UserError(
            _tr("This document has no published revision yet (Process ▸ Publish Revision…).")))
        return None
    number = infos[-1].number if number is None else number
    try:
        other = revision_process(process, number)
    except UserError as exc:
        window.document.show_error(_tr("Cannot Compare"), exc)
        return None
    return window.compare_with(other, _tr("Revision {number}").format(number=number))
