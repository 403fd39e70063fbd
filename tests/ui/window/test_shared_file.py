"""Two windows on one file never overwrite each other silently: a file already open comes
to the front instead of opening twice, a save over a file changed since it was read asks
Overwrite / Save As… / Cancel, and an unmodified window offers to reload a changed file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from salesdesigner.storage.document import open_document, save_document

SB = QMessageBox.StandardButton
Role = QMessageBox.ButtonRole


@pytest.fixture
def conflict_box(monkeypatch):
    """Answers the "changed on disk" message box by pressing the button of a given role;
    records the texts it showed."""
    state: dict = {"answers": [], "shown": []}

    def exec_(box: QMessageBox) -> int:
        state["shown"].append((box.windowTitle(), box.text(), box.informativeText(),
                               [b.text() for b in box.buttons()]))
        role = state["answers"].pop(0)
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return state


@pytest.fixture
def shared(make_window, sample, tmp_path):
    """The user's repro: the same file in two windows, as two instances would have it."""
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    windows = [make_window(), make_window()]
    for window in windows:
        window.document.replace_content(open_document(path), str(path))
    return path, windows


def add_stage(window, name: str) -> str:
    stage_id = window.editor.add_stage_at(window.view.mapToScene(10, 10))
    window.inspector.show_selection([stage_id], [])
    window.inspector.overview.name.setText(name)
    return stage_id


def names(path: Path) -> set[str]:
    return {open_document(path).stage(i).name for i in open_document(path).stage_ids}


def test_opening_a_file_already_open_brings_its_window_to_the_front(make_window, sample,
                                                                    dialogs, tmp_path):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    first, second = make_window(), make_window()
    assert first.document.open_path(str(path))
    add_stage(second, "unsaved in the second window")
    assert second.document.open_path(str(path))  # no "save changes?" either
    assert second.document.path is None and second.isWindowModified()
    assert dialogs.shown == []
    # through another spelling of the same path too
    alias = tmp_path / "sub" / ".." / "plan.salesdesign"
    (tmp_path / "sub").mkdir()
    assert second.document.open_path(str(alias)) and second.document.path is None


def test_saving_over_a_file_changed_by_another_window_asks_and_cancel_keeps_both(
        shared, conflict_box):
    path, (first, second) = shared
    add_stage(first, "Stage from A")
    first.actions_.save.trigger()
    add_stage(second, "Stage from B")
    conflict_box["answers"].append(Role.RejectRole)
    second.actions_.save.trigger()
    ((title, text, info, buttons),) = conflict_box["shown"]
    assert title == "File Changed on Disk" and "Save As… keeps both" in info
    assert text == "“plan.salesdesign” was changed by another program since you opened it."
    assert sorted(buttons) == sorted(["&Overwrite", "Save &As…", "Cancel"])
    assert "Stage from A" in names(path) and "Stage from B" not in names(path)
    assert second.isWindowModified()  # still unsaved, nothing lost


def test_overwrite_after_the_warning_writes_this_windows_version(shared, conflict_box):
    path, (first, second) = shared
    add_stage(first, "Stage from A")
    first.actions_.save.trigger()
    add_stage(second, "Stage from B")
    conflict_box["answers"].append(Role.DestructiveRole)
    second.actions_.save.trigger()
    assert "Stage from B" in names(path) and "Stage from A" not in names(path)
    assert not second.isWindowModified()
    # saved now: the next save of that window does not ask again
    add_stage(second, "more")
    second.actions_.save.trigger()
    assert len(conflict_box["shown"]) == 1


def test_save_as_after_the_warning_keeps_both_versions(shared, conflict_box, dialogs, tmp_path):
    path, (first, second) = shared
    add_stage(first, "Stage from A")
    first.actions_.save.trigger()
    add_stage(second, "Stage from B")
    conflict_box["answers"].append(Role.AcceptRole)
    copy = tmp_path / "plan-b.salesdesign"
    dialogs.answer("save-file", str(copy))
    second.actions_.save.trigger()
    assert "Stage from A" in names(path) and "Stage from B" in names(copy)
    assert second.document.path == str(copy)


def test_a_file_touched_but_not_changed_saves_without_asking(shared, conflict_box):
    path, (first, _second) = shared
    later = time.time() + 5
    os.utime(path, (later, later))
    add_stage(first, "x")
    first.actions_.save.trigger()
    assert conflict_box["shown"] == [] and "x" in names(path)


def test_save_as_onto_a_file_open_in_another_window_is_refused(shared, dialogs):
    path, (first, _second) = shared
    third_path = path.parent / "other.salesdesign"
    save_document(open_document(path), third_path)
    first.document.replace_content(open_document(third_path), str(third_path))
    add_stage(first, "would clobber")
    dialogs.answer("save-file", str(path))
    dialogs.answer("critical", None)
    first.actions_.save_as.trigger()
    ((_, title, text),) = dialogs.of("critical")
    assert title == "Cannot Save Document" and "open in another window" in text
    assert "would clobber" not in names(path)


def test_an_unmodified_window_offers_to_reload_a_changed_file_once(shared, dialogs):
    _path, (first, second) = shared
    add_stage(first, "Stage from A")
    first.actions_.save.trigger()
    dialogs.answer("question", SB.No)
    assert not second.document.check_disk_changes()
    assert not second.document.check_disk_changes()  # declined: not asked again
    assert len(dialogs.of("question")) == 1
    assert "was changed by another program" in dialogs.of("question")[0][2]
    add_stage(first, "Another")
    first.actions_.save.trigger()  # a newer version: asked again
    dialogs.answer("question", SB.Yes)
    assert second.document.check_disk_changes()
    assert {"Stage from A", "Another"} <= {second.process.stage(i).name
                                           for i in second.process.stage_ids}
    assert not second.isWindowModified() and second.undo_stack.count() == 0


def test_a_window_with_unsaved_changes_is_not_asked_to_reload(shared, dialogs):
    _path, (first, second) = shared
    add_stage(first, "A")
    first.actions_.save.trigger()
    add_stage(second, "B")
    assert not second.document.check_disk_changes() and dialogs.shown == []


def test_the_changed_on_disk_prompt_speaks_japanese(shared, conflict_box):
    from salesdesigner.ui.app import application
    application("ja")
    _path, (first, second) = shared
    add_stage(first, "A")
    first.actions_.save.trigger()
    add_stage(second, "B")
    conflict_box["answers"].append(Role.RejectRole)
    second.actions_.save.trigger()
    ((title, text, info, buttons),) = conflict_box["shown"]
    assert title == "ファイルがディスク上で変更されました" and "両方を残せます" in info
    assert text.startswith("「plan.salesdesign」") and "ほかのプログラム" in text
    assert {"上書き保存(&O)", "名前を付けて保存(&A)…"} <= set(buttons)


def test_activating_an_unmodified_window_offers_the_reload(shared, dialogs, qtbot):
    _path, (first, second) = shared
    add_stage(first, "Stage from A")
    first.actions_.save.trigger()
    dialogs.answer("question", SB.Yes)
    second.show()
    qtbot.waitExposed(second)
    second.activateWindow()
    qtbot.waitUntil(lambda: bool(dialogs.of("question")), timeout=3000)
    assert "Stage from A" in {second.process.stage(i).name for i in second.process.stage_ids}
