"""Process ▸ Publish Revision… saves the document with a new revision; Process ▸ Revisions…
lists them, opens one read-only (editing is refused, visibly) and restores one as the
draft in one undo step — in English and Japanese."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.revisions import (
    add_revision,
    list_revisions,
    load_revision,
    make_revision,
)
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.revisions.list_dialog import one_line
from salesdesigner.ui.revisions.publish_dialog import PublishDialog
from tests.actuals.strategies import sample_actuals

HOSTILE = "<b>提案</b> & \"改訂\" '😀' </table>\n二行目"


@pytest.fixture
def answer_publish(monkeypatch):
    """Fill the Publish dialog as a user would, then press Publish (or Cancel)."""
    seen: list[PublishDialog] = []

    def fill(title: str, note: str = "", *, accept: bool = True):
        def exec_(dialog: PublishDialog) -> int:
            seen.append(dialog)
            dialog.title_edit.setText(title)
            dialog.note.setPlainText(note)
            if not dialog.ok.isEnabled():
                return QDialog.DialogCode.Rejected
            return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected
        monkeypatch.setattr(PublishDialog, "exec", exec_)
        return seen
    return fill


def _saved_window(make_window, tmp_path, language="en"):
    process = load_template("eight-step", language)
    process.set_actuals(sample_actuals())
    path = tmp_path / "process.salesdesign"
    save_document(process, path)
    window = make_window(None)
    assert window.document.open_path(str(path))
    return window, path


def test_publishing_saves_the_draft_with_a_new_revision(make_window, tmp_path,
                                                        answer_publish):
    window, path = _saved_window(make_window, tmp_path)
    window.editor.push(_rename(window, "proposal", "Proposal v2"))
    assert window.isWindowModified()
    dialogs = answer_publish("Q2 scripts", "proposal was weak")
    window.actions_.publish_revision.trigger()
    assert dialogs[0].number.value() == 1 and dialogs[0].author.text()  # proposed, defaulted
    infos = list_revisions(path)
    assert [(i.number, i.title, i.note) for i in infos] == [(1, "Q2 scripts",
                                                             "proposal was weak")]
    assert load_revision(path, 1).stage("proposal").name == "Proposal v2"
    assert not window.isWindowModified() and window.undo_stack.isClean()
    assert open_document(path).actuals == sample_actuals()
    answer_publish("second")
    window.actions_.publish_revision.trigger()
    assert [i.number for i in list_revisions(path)] == [1, 2]


def test_publish_needs_a_title_and_a_cancelled_save_as_publishes_nothing(
        make_window, dialogs, answer_publish, sample):
    window = make_window(sample)
    shown = answer_publish("   ")
    assert not window.publish_revision() and not shown[0].ok.isEnabled()
    assert window.process.revisions == ()
    answer_publish("first")
    dialogs.answer("save-file", "")  # the user cancels Save As
    assert not window.publish_revision()
    assert window.process.revisions == ()


def test_the_list_shows_revisions_newest_first_and_what_the_draft_is(make_window, tmp_path,
                                                                     answer_publish, qtbot):
    window, _path = _saved_window(make_window, tmp_path)
    answer_publish(HOSTILE, "why " * 3)
    window.publish_revision()
    answer_publish("two")
    window.publish_revision()
    window.actions_.revisions.trigger()
    dialog = window._revision_list
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["2", "1"]
    assert table.item(1, 1).text() == one_line(HOSTILE)  # shown literally, on one line
    assert dialog.state.text() == "The draft is revision 2, unchanged."
    answer_publish("three")
    window.actions_.publish_revision.trigger()  # the open list follows
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["3", "2", "1"]
    assert dialog.state.text() == "The draft is revision 3, unchanged."
    window.editor.push(_rename(window, "proposal", "changed"))
    qtbot.waitUntil(lambda: dialog.state.text() == "The draft has changed since revision 3.")
    table.selectRow(2)
    assert dialog.note.toPlainText() == "why why why"


def test_restore_is_one_undo_step_that_keeps_the_actuals(make_window, tmp_path,
                                                         answer_publish):
    window, _path = _saved_window(make_window, tmp_path)
    answer_publish("one")
    window.publish_revision()
    original = window.process.copy()
    window.editor.push(_rename(window, "proposal", "changed"))
    window.editor.scene.select_ids(["lead"])
    window.editor.delete_selection()
    edited = window.process.copy()
    window.show_revisions()
    dialog = window._revision_list
    dialog.table.selectRow(0)
    steps = window.undo_stack.count()
    assert dialog.restore_selected()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Restore Revision 1"
    assert window.process == original and window.process.actuals == sample_actuals()
    assert window.scene.stage_item("lead") is not None  # the canvas follows
    window.undo_stack.undo()
    assert window.process == edited
    window.undo_stack.redo()
    assert window.process == original


def test_a_revision_opens_read_only_and_every_edit_is_refused_visibly(make_window, tmp_path,
                                                                      answer_publish, qtbot):
    window, _path = _saved_window(make_window, tmp_path)
    answer_publish(HOSTILE)
    window.publish_revision()
    window.show_revisions()
    view = window._revision_list.open_selected()
    before = view.process.copy()
    assert "Read-only" in view.banner_text.text() and HOSTILE.split("\n")[0] in (
        view.banner_text.text())
    assert view.banner_text.textFormat() == Qt.TextFormat.PlainText
    view.scene.select_ids(["proposal"])
    view.editor.delete_selection()  # the Delete key's command
    assert view.process.has_stage("proposal") and view.refusals == 1
    assert view.banner_text.text().count("Not changed") == 1
    assert "read-only" in view.statusBar().currentMessage()
    name = view.inspector.document_form.lines["name"]
    view.scene.select_ids([])
    name.setText("typed into a revision")  # typing in the inspector
    qtbot.waitUntil(lambda: name.text() == before.name)  # put back from the revision
    assert view.refusals >= 2 and view.process == before
    assert view.undo_stack.count() == 0 and window.undo_stack.isClean()
    assert view.restore_as_draft()
    assert window.undo_stack.undoText() == "Restore Revision 1"
    qtbot.waitUntil(lambda: not shiboken6.isValid(view) or not view.isVisible())


def test_the_dialogs_and_the_read_only_window_speak_japanese(make_window, tmp_path,
                                                            answer_publish, qtbot):
    from salesdesigner.ui.app import application
    application("ja")
    window, _path = _saved_window(make_window, tmp_path, "ja")
    shown = answer_publish("初版")
    window.publish_revision()
    assert shown[0].windowTitle() == "版を発行" and shown[0].ok.text() == "発行"
    window.show_revisions()
    dialog = window._revision_list
    assert dialog.restore_button.text() == "下書きに戻す(&R)"
    assert dialog.state.text() == "下書きは第1版のままです（変更なし）。"
    view = dialog.open_selected()
    assert "第1版「初版」" in view.banner_text.text() and "読み取り専用" in (
        view.banner_text.text())
    view.editor.push(_rename(window, "proposal", "x"))
    assert "変更されていません" in view.banner_text.text()


def _rename(window, stage_id, name):
    from salesdesigner.edits import SetStage
    return SetStage(stage_id, {"name": name})


def test_a_revision_list_of_a_file_with_revisions_opened_fresh(make_window, tmp_path):
    process = load_template("eight-step", "en")
    add_revision(process, make_revision(process, title="from a script"))
    path = tmp_path / "x.salesdesign"
    save_document(process, path)
    window = make_window(None)
    assert window.document.open_path(str(path))
    window.show_revisions()
    assert window._revision_list.table.item(0, 1).text() == "from a script"


def test_the_draft_is_compared_with_the_last_or_a_chosen_revision(make_window, tmp_path,
                                                                  answer_publish, dialogs):
    window, _path = _saved_window(make_window, tmp_path)
    dialogs.answer("critical", None)
    assert window.compare_with_revision() is None  # nothing published yet: a dialog says so
    assert "no published revision" in str(dialogs.of("critical")[0])
    answer_publish("one")
    window.publish_revision()
    window.editor.push(_rename(window, "proposal", "Proposal v2"))
    answer_publish("two")
    window.publish_revision()
    window.editor.push(_rename(window, "hearing", "Discovery"))

    window.actions_.compare_revision.trigger()  # the latest: only the second rename
    mode = window.compare
    assert mode is not None and mode.session.label == "Revision 2"
    assert [(c.new_id, c.field, c.new) for c in mode.session.comparison.content] == [
        ("hearing", "name", "Discovery")]

    window.actions_.revisions.trigger()
    listing = window._revision_list
    listing.table.selectRow(1)  # revision 1: both renames
    mode = listing.compare_selected()
    assert window.compare is mode and mode.session.label == "Revision 1"
    assert sorted((c.new_id, c.new) for c in mode.session.comparison.content) == [
        ("hearing", "Discovery"), ("proposal", "Proposal v2")]
    window.end_compare()
