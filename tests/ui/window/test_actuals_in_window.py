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


def test_save_a_copy_without_actuals_writes_a_stripped_copy_and_keeps_the_document(
        make_window, dialogs, tmp_path):
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    path = tmp_path / "with-deals.salesdesign"
    save_document(process, path)
    window = make_window(None)
    assert window.document.open_path(str(path))
    action = window.actions_.save_without_actuals
    assert action.isEnabled() and action in window.actions_.menus["file"].actions()
    dialogs.answer("save-file", str(tmp_path / "for-reps"))
    action.trigger()
    copy = open_document(tmp_path / "for-reps.salesdesign")
    assert not copy.actuals and copy.stage_ids == window.process.stage_ids
    assert window.process.actuals == sample_actuals()
    assert open_document(path).actuals == sample_actuals()
    assert window.undo_stack.count() == 0 and not window.isWindowModified()
    assert "hand it to reps" in window.statusBar().currentMessage()
    dialogs.answer("save-file", str(path))  # never over the document itself
    dialogs.answer("critical", None)
    action.trigger()
    assert "open document" in dialogs.of("critical")[0][2]
    assert open_document(path).actuals == sample_actuals()


def test_exporting_a_document_with_actuals_says_the_deal_data_is_not_in_it(
        make_window, dialogs, tmp_path):
    process = load_template("eight-step", "en")
    window = make_window(process)
    dialogs.answer("save-file", str(tmp_path / "plain.json"))
    window.export("json")
    assert "deal" not in window.statusBar().currentMessage()
    window.process.set_actuals(sample_actuals())
    dialogs.answer("save-file", str(tmp_path / "shared.json"))
    assert window.export("json")
    assert "The deal history from the CRM is not in it" in window.statusBar().currentMessage()
    text = (tmp_path / "shared.json").read_text(encoding="utf-8")
    assert all(e.deal_id not in text for e in sample_actuals().events)
    assert not window.actions_.save_without_actuals.isEnabled() or window.process.actuals
