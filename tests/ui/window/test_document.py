"""Document lifecycle through the window's menu actions: save, open, revert, recent files,
the unsaved-changes prompt, autosave and crash recovery, bad files, drag and drop, exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from salesdesigner.storage.autosave import find_autosaves, write_autosave
from salesdesigner.storage.document import open_document, save_document
from salesdesigner.ui.document_controller import DocumentController
from salesdesigner.ui.recovery_dialog import RecoveryDialog

SB = QMessageBox.StandardButton


def rename(window, stage_id: str, name: str) -> None:
    window.inspector.show_selection([stage_id], [])
    window.inspector.overview.name.setText(name)


def test_save_as_then_open_round_trip_through_the_menu(make_window, sample, dialogs, tmp_path):
    window = make_window(sample)
    rename(window, "hearing", "ヒアリング")
    assert window.isWindowModified()
    dialogs.answer("save-file", str(tmp_path / "plan"))  # the suffix is added
    window.actions_.save_as.trigger()
    saved = tmp_path / "plan.salesdesign"
    assert saved.is_file() and not window.isWindowModified()
    assert window.windowTitle() == "plan.salesdesign[*] — SalesDesigner"
    assert open_document(saved) == window.process

    window.close()  # while it is open, opening the file again would bring it to the front
    other = make_window()
    dialogs.answer("open-file", str(saved))
    other.actions_.open.trigger()
    assert other.process == window.process
    assert other.process.stage("hearing").name == "ヒアリング"
    assert other.document.path == str(saved) and other.undo_stack.count() == 0


def test_save_writes_to_the_same_file_and_marks_it_clean(window, dialogs, tmp_path):
    path = tmp_path / "a.salesdesign"
    save_document(window.process, path)
    assert window.document.open_path(str(path))
    rename(window, "proposal", "Offer")
    window.actions_.save.trigger()  # no dialog: it has a path
    assert open_document(path).stage("proposal").name == "Offer"
    assert window.undo_stack.isClean() and dialogs.shown == []


def test_revert_reloads_the_file_and_clears_the_history(window, dialogs, tmp_path):
    path = tmp_path / "a.salesdesign"
    save_document(window.process, path)
    window.document.open_path(str(path))
    assert not window.actions_.revert.isEnabled()
    rename(window, "proposal", "Changed")
    assert window.actions_.revert.isEnabled()
    dialogs.answer("question", SB.No)
    window.actions_.revert.trigger()
    assert window.process.stage("proposal").name == "Changed"
    dialogs.answer("question", SB.Yes)
    window.actions_.revert.trigger()
    assert window.process.stage("proposal").name == "Proposal & presentation"
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_recent_files_list_opened_and_saved_documents_newest_first(window, tmp_path):
    a, b = tmp_path / "a.salesdesign", tmp_path / "b.salesdesign"
    save_document(window.process, a)
    save_document(window.process, b)
    window.document.open_path(str(a))
    window.document.open_path(str(b))
    window.document.open_path(str(a))
    assert window.document.recent_files() == [str(a), str(b)]
    window.fill_recent_menu()
    entries = [act for act in window.actions_.recent_menu.actions()
               if act.toolTip().endswith(".salesdesign")]
    assert [e.toolTip() for e in entries] == [str(a), str(b)]
    entries[1].trigger()
    assert window.document.path == str(b)
    window.document.clear_recent()
    assert window.document.recent_files() == []


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(make_window, sample, dialogs,
                                                                        tmp_path):
    window = make_window(sample)
    window.show()
    rename(window, "hearing", "Edited")
    dialogs.answer("warning", SB.Cancel)
    assert not window.close()
    assert window.isVisible() and dialogs.of("warning")
    dialogs.answer("warning", SB.Save)
    dialogs.answer("save-file", str(tmp_path / "kept.salesdesign"))
    assert window.close()
    assert open_document(tmp_path / "kept.salesdesign").stage("hearing").name == "Edited"


def test_discarding_unsaved_changes_closes_without_saving(make_window, sample, dialogs):
    window = make_window(sample)
    window.show()
    rename(window, "hearing", "Edited")
    dialogs.answer("warning", SB.Discard)
    assert window.close()


def test_opening_asks_about_unsaved_changes_first(window, dialogs, tmp_path):
    path = tmp_path / "a.salesdesign"
    save_document(window.process, path)
    rename(window, "hearing", "Edited")
    dialogs.answer("warning", SB.Cancel)
    assert not window.document.open_path(str(path))
    assert window.process.stage("hearing").name == "Edited"


def test_a_bad_file_shows_its_error_and_the_window_keeps_working(window, dialogs, tmp_path):
    bad = tmp_path / "broken.salesdesign"
    bad.write_bytes(b"this is not a database")
    before = window.process.snapshot()
    dialogs.answer("critical", None)
    dialogs.answer("open-file", str(bad))
    window.actions_.open.trigger()
    ((_kind, title, text),) = dialogs.of("critical")
    assert title == "Cannot Open Document" and "broken.salesdesign" in text
    assert "\n" not in text and "Traceback" not in text
    assert window.process.snapshot() == before
    rename(window, "hearing", "still editable")
    assert window.process.stage("hearing").name == "still editable"
    assert QApplication.instance() is not None


def test_dropping_a_document_on_the_window_opens_it(window, qtbot, tmp_path):
    path = tmp_path / "dropped.salesdesign"
    other = open_document_copy(window, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == str(path))
    assert window.process == other


def test_the_canvas_leaves_file_drops_to_the_window(window):
    assert window.acceptDrops()
    assert not window.view.acceptDrops() and not window.view.viewport().acceptDrops()


def test_dropping_other_files_is_refused(window, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    window.dropEvent(event)
    assert not event.isAccepted() and window.document.path is None


def open_document_copy(window, path: Path):
    copy = window.process.copy()
    copy.update_stage("hearing", name="from the drop")
    save_document(copy, path)
    return copy


def test_autosave_is_recovered_after_a_crash(make_window, sample, dialogs, monkeypatch,
                                             autosave_dir):
    crashed = sample.copy()
    crashed.update_stage("hearing", name="unsaved work")
    write_autosave(autosave_dir, "crashed", crashed, None)  # a window died without cleaning up

    window = make_window()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.start()
    assert window.process == crashed
    assert window.isWindowModified() and window.document.path is None
    # the recovered work keeps its autosave until it is saved or discarded
    (entry,) = find_autosaves(autosave_dir)
    assert entry.token == "crashed" == window.document.autosave_token
    dialogs.answer("warning", SB.Discard)
    window.close()
    assert find_autosaves(autosave_dir) == []


def test_closing_the_recovery_dialog_keeps_the_autosave(make_window, sample, monkeypatch,
                                                        autosave_dir):
    write_autosave(autosave_dir, "crashed", sample, "/somewhere/plan.salesdesign")
    window = make_window()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.start()
    assert not window.isWindowModified() and window.document.path is None
    assert [e.token for e in find_autosaves(autosave_dir)] == ["crashed"]


def test_autosave_writes_unsaved_work_and_a_clean_close_removes_it(make_window, sample, dialogs,
                                                                   autosave_dir):
    window = make_window(sample)
    assert not window.document.autosave_now()  # nothing unsaved yet
    rename(window, "hearing", "work in progress")
    assert window.document.autosave_now()
    (entry,) = find_autosaves(autosave_dir)
    assert open_document(entry.document).stage("hearing").name == "work in progress"
    # another window of a live instance does not offer it: its lock is held
    assert make_window().document.orphaned_autosaves() == []
    dialogs.answer("warning", SB.Discard)
    window.close()
    assert find_autosaves(autosave_dir) == []


def test_autosave_timer_fires(make_window, sample, qtbot, autosave_dir):
    window = make_window(sample)
    rename(window, "hearing", "timer")
    window.document.autosave_timer.start(50)
    qtbot.waitUntil(lambda: bool(find_autosaves(autosave_dir)), timeout=3000)


def test_a_live_controller_never_sees_its_own_autosave_as_orphaned(window, autosave_dir):
    rename(window, "hearing", "x")
    window.document.autosave_now()
    fresh = DocumentController(window.process.copy(), window.undo_stack, window,
                               autosave_dir=autosave_dir)
    assert fresh.orphaned_autosaves() == []


def test_first_start_shows_the_sample_as_an_untitled_document_once(make_window):
    first = make_window()
    first.start()
    assert first.process.name == "B2B Sales Process: The Eight Steps"
    assert first.document.path is None and not first.isWindowModified()
    second = make_window()
    second.start()
    assert second.process.stage_ids == []


def test_new_from_template_dialog_creates_the_chosen_template(window, monkeypatch):
    from salesdesigner.ui.dialogs.new_document import NewDocumentDialog
    dialog = NewDocumentDialog(window)
    keys = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())]
    assert ("", "") in keys and ("the-model", "ja") in keys
    dialog.list.setCurrentRow(keys.index(("the-model", "ja")))
    assert dialog._preview_view is not None and dialog._preview_scene.stage_items()
    process = dialog.create_process()
    assert process.language == "ja" and process.stage_ids
    dialog.list.setCurrentRow(0)
    assert dialog.create_process().stage_ids == []
    dialog.reject()

    monkeypatch.setattr(NewDocumentDialog, "exec", lambda self: (self.list.setCurrentRow(
        keys.index(("the-model", "en"))), 1)[1])
    assert window.new_from_template()
    assert window.document.path is None and window.process.language == "en"
    assert window.process.id != "template-the-model-en"


def test_exports_write_files(window, dialogs, tmp_path):
    for kind, name in (("png", "d.png"), ("svg", "d.svg"), ("json", "d.json"),
                       ("graphml", "d.graphml")):
        dialogs.answer("save-file", str(tmp_path / name))
        assert window.export(kind) == str(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 100
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")


def test_export_failure_is_shown_not_raised(window, dialogs, tmp_path):
    dialogs.answer("save-file", str(tmp_path / "missing-folder" / "x.json"))
    dialogs.answer("critical", None)
    assert window.export("json") is None
    assert dialogs.of("critical")[0][1] == "Cannot Export"


def test_import_csv_creates_an_untitled_modified_document(window, dialogs, tmp_path):
    csv = tmp_path / "stages.csv"
    csv.write_text("name,kind\nLead,start\nMeet,stage\nWon,won\n", encoding="utf-8")
    dialogs.answer("open-file", str(csv))
    window.actions_.import_csv.trigger()
    assert {"Lead", "Meet"} <= {s.name for s in window.process.stages}
    assert window.document.path is None and window.isWindowModified()


def test_playbook_and_manual_exports_write_their_files(window, dialogs, tmp_path):
    dialogs.answer("save-file", str(tmp_path / "playbook"))
    assert window.export("html") == str(tmp_path / "playbook.html")
    assert "<html" in (tmp_path / "playbook.html").read_text(encoding="utf-8").lower()
    assert window.actions_.export_pdf.isEnabled() and window.actions_.export_html.isEnabled()


def test_manual_export_without_the_dialog_writes_a_pdf(window, dialogs, tmp_path):
    dialogs.answer("save-file", str(tmp_path / "manual.pdf"))
    assert window.export("pdf") == str(tmp_path / "manual.pdf")
    assert (tmp_path / "manual.pdf").read_bytes().startswith(b"%PDF")


def test_dragging_a_document_over_the_window_is_accepted(window, tmp_path):
    from PySide6.QtGui import QDragEnterEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.salesdesign"))])
    event = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    window.dragEnterEvent(event)
    assert event.isAccepted()
