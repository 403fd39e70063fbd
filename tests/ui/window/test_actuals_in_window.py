"""The window says when a document holds deal data and removes it, after asking, as one
undo step (before handing the file to a rep)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.templates import load_template
from tests.actuals.strategies import sample_actuals

SB = QMessageBox.StandardButton


def test_the_status_bar_shows_actuals_and_remove_actuals_strips_them_as_one_undo_step(
        make_window, dialogs, tmp_path):
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    path = tmp_path / "with-deals.salesdesign"
    save_document(process, path)
    window = make_window(None)
    assert window.document.open_path(str(path))
    assert "actuals: 3 deal events" in window.counts_label.text()
    action = window.actions_.remove_actuals
    assert action.isEnabled() and action in window.actions_.menus["file"].actions()
    dialogs.answer("question", SB.No)
    action.trigger()
    assert window.process.actuals == sample_actuals()
    dialogs.answer("question", SB.Yes)
    action.trigger()
    assert not window.process.actuals and not action.isEnabled()
    assert "actuals" not in window.counts_label.text()
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    window.actions_.save.trigger()
    assert not open_document(path).actuals
    window.undo_stack.undo()
    assert window.process.actuals == sample_actuals() and action.isEnabled()


def test_a_document_without_actuals_offers_nothing_to_remove(window):
    assert not window.actions_.remove_actuals.isEnabled()
    assert "actuals" not in window.counts_label.text()
