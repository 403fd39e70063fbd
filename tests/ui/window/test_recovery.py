"""Crash recovery: every orphaned autosave is offered, each recovered document gets its own
window, nothing is deleted without an explicit (and confirmed) Discard, and autosaves of
windows that still live in another process are left alone.

The crashed and the live instances are real processes holding the autosave's lock file,
one of them killed with SIGKILL as in the user's repro."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from salesdesigner.storage.autosave import Autosave, find_autosaves, write_autosave
from salesdesigner.storage.document import save_document
from salesdesigner.ui import main_window as main_window_module
from salesdesigner.ui.recovery_dialog import RecoveryDialog

SB = QMessageBox.StandardButton

HOLDER = """
import sys
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "failed", flush=True)
sys.stdin.readline()
"""


def lock_holder(lock: Path) -> subprocess.Popen:
    """Another SalesDesigner-like process that owns ``lock`` until it ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    return process


@pytest.fixture
def extra_windows():
    """Windows opened by recovery; closed without prompts at the end."""
    yield main_window_module._extra_windows
    for window in list(main_window_module._extra_windows):
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
    main_window_module._extra_windows.clear()


def crashed_autosave(autosave_dir: Path, token: str, process, path: str | None) -> Autosave:
    """An autosave whose owner was killed with SIGKILL while holding its lock."""
    entry = write_autosave(autosave_dir, token, process, path)
    holder = lock_holder(entry.lock)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert entry.lock.exists()  # the dead process could not clean up
    return entry


def answer_dialog(monkeypatch, *rounds: list[str] | None) -> list[RecoveryDialog]:
    """Each time the recovery dialog shows, set the given choices and press Continue
    (None: close it).  Returns the dialogs shown."""
    shown: list[RecoveryDialog] = []
    queue = list(rounds)

    def exec_(self: RecoveryDialog) -> int:
        shown.append(self)
        choices = queue.pop(0)
        if choices is None:
            return QDialog.DialogCode.Rejected
        for row, choice in enumerate(choices):
            self.set_choice(row, choice)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    return shown


def edited(sample, name: str):
    copy = sample.copy()
    copy.update_stage("hearing", name=name)
    return copy


def test_two_crashed_instances_are_both_offered_and_open_in_their_own_windows(
        make_window, sample, monkeypatch, autosave_dir, tmp_path, extra_windows):
    plan = tmp_path / "plan.salesdesign"
    save_document(sample, plan)
    first = crashed_autosave(autosave_dir, "first", edited(sample, "work A"), str(plan))
    second = crashed_autosave(autosave_dir, "second", edited(sample, "work B"), None)
    shown = answer_dialog(monkeypatch, ["recover", "recover"])

    window = make_window()
    window.start()

    (dialog,) = shown
    assert {e.token for e in dialog.entries} == {first.token, second.token}
    files = {dialog.table.item(r, 1).text() for r in range(2)}
    assert files == {f"plan.salesdesign — {tmp_path}", "unsaved new document"}
    names = {w.process.stage("hearing").name: w for w in [window, *extra_windows]}
    assert set(names) == {"work A", "work B"} and len(extra_windows) == 1
    assert names["work A"].document.path == str(plan)
    assert names["work B"].document.path is None
    assert all(w.isWindowModified() for w in names.values())
    # the work is still safe on disk until it is saved or discarded
    assert {e.token for e in find_autosaves(autosave_dir)} == {"first", "second"}


def test_an_autosave_of_a_live_instance_is_neither_offered_nor_deleted(
        make_window, sample, monkeypatch, autosave_dir):
    entry = write_autosave(autosave_dir, "live", edited(sample, "still editing"), None)
    holder = lock_holder(entry.lock)
    try:
        shown = answer_dialog(monkeypatch)
        window = make_window()
        window.start()
        assert shown == []  # nothing to offer: its owner lives
        assert [e.token for e in find_autosaves(autosave_dir)] == ["live"]
    finally:
        holder.communicate("\n")


def test_only_the_dead_instances_autosave_is_offered_next_to_a_live_one(
        make_window, sample, monkeypatch, autosave_dir):
    crashed_autosave(autosave_dir, "dead", edited(sample, "lost window"), None)
    live = write_autosave(autosave_dir, "live", edited(sample, "other window"), None)
    holder = lock_holder(live.lock)
    try:
        shown = answer_dialog(monkeypatch, ["later"])
        make_window().start()
        assert [e.token for e in shown[0].entries] == ["dead"]
    finally:
        holder.communicate("\n")


def test_discard_deletes_only_after_confirmation(make_window, sample, monkeypatch, dialogs,
                                                 autosave_dir, extra_windows):
    crashed_autosave(autosave_dir, "keep", edited(sample, "keep me"), None)
    crashed_autosave(autosave_dir, "drop", edited(sample, "drop me"), None)
    order = [e.token for e in find_autosaves(autosave_dir)]  # newest first, as listed
    choice = {"keep": "recover", "drop": "discard"}
    wanted = [choice[t] for t in order]
    # first the user cancels the confirmation and comes back to the dialog
    shown = answer_dialog(monkeypatch, wanted, wanted)
    dialogs.answer("warning", SB.Cancel, SB.Discard)
    window = make_window()
    window.start()
    assert len(shown) == 2 and len(dialogs.of("warning")) == 2
    assert "this document will be deleted" in dialogs.of("warning")[0][2]
    assert window.process.stage("hearing").name == "keep me"
    assert [e.token for e in find_autosaves(autosave_dir)] == ["keep"]
    assert not (autosave_dir / "drop.lock").exists()


def test_decide_later_keeps_the_files_for_the_next_start(make_window, sample, monkeypatch,
                                                         autosave_dir):
    crashed_autosave(autosave_dir, "a", edited(sample, "A"), None)
    crashed_autosave(autosave_dir, "b", edited(sample, "B"), None)
    shown = answer_dialog(monkeypatch, ["later", "later"], None, ["later", "later"])
    make_window().start()
    make_window().start()  # closed with the window's X: also later
    make_window().start()
    assert len(shown) == 3 and all(len(d.entries) == 2 for d in shown)
    assert {e.token for e in find_autosaves(autosave_dir)} == {"a", "b"}


def test_an_unreadable_autosave_is_reported_and_kept(make_window, sample, monkeypatch, dialogs,
                                                     autosave_dir):
    entry = crashed_autosave(autosave_dir, "broken", sample, None)
    entry.document.write_bytes(b"not a database")
    answer_dialog(monkeypatch, ["recover"])
    dialogs.answer("critical", None)
    window = make_window()
    window.start()
    assert dialogs.of("critical")[0][1] == "Cannot Recover"
    assert not window.isWindowModified()
    assert [e.token for e in find_autosaves(autosave_dir)] == ["broken"]


def test_a_recovered_document_autosaves_under_its_old_name_and_a_save_cleans_it(
        make_window, sample, monkeypatch, autosave_dir, tmp_path):
    plan = tmp_path / "plan.salesdesign"
    save_document(sample, plan)
    crashed_autosave(autosave_dir, "old", edited(sample, "recovered"), str(plan))
    answer_dialog(monkeypatch, ["recover"])
    window = make_window()
    window.start()
    assert window.document.autosave_now()
    assert [e.token for e in find_autosaves(autosave_dir)] == ["old"]
    window.actions_.save.trigger()
    assert find_autosaves(autosave_dir) == []
    assert os.path.samefile(window.document.path, plan)


def test_start_with_a_file_and_recovered_work_shows_both(make_window, sample, monkeypatch,
                                                         autosave_dir, tmp_path, extra_windows):
    path = tmp_path / "asked.salesdesign"
    save_document(edited(sample, "from the command line"), path)
    crashed_autosave(autosave_dir, "x", edited(sample, "recovered"), None)
    answer_dialog(monkeypatch, ["recover"])
    window = make_window()
    window.start(str(path))
    assert window.process.stage("hearing").name == "recovered"
    (other,) = extra_windows
    assert other.process.stage("hearing").name == "from the command line"


def test_the_dialog_speaks_japanese(make_window, sample, monkeypatch, autosave_dir):
    from salesdesigner.ui.app import application
    application("ja")
    crashed_autosave(autosave_dir, "x", sample, None)
    shown = answer_dialog(monkeypatch, ["later"])
    make_window().start()
    dialog = shown[0]
    assert dialog.windowTitle() == "未保存の作業の復元"
    assert dialog.table.item(0, 1).text() == "保存されていない新規ドキュメント"
    assert [dialog.combos[0].itemText(i) for i in range(3)] == ["復元する", "破棄する",
                                                                "後で決める"]


def test_an_autosave_whose_note_was_never_written_is_still_offered(
        make_window, sample, monkeypatch, autosave_dir):
    entry = crashed_autosave(autosave_dir, "half", edited(sample, "half written"), None)
    entry.meta.unlink()  # killed between writing the document and its note
    shown = answer_dialog(monkeypatch, ["recover"])
    window = make_window()
    window.start()
    assert [e.token for e in shown[0].entries] == ["half"]
    assert window.process.stage("hearing").name == "half written"


def test_a_recovered_document_still_notices_its_file_changed_after_the_crash(
        make_window, sample, monkeypatch, autosave_dir, tmp_path):
    from salesdesigner.storage.disk_state import disk_state
    from salesdesigner.storage.document import open_document

    plan = tmp_path / "plan.salesdesign"
    save_document(sample, plan)
    entry = write_autosave(autosave_dir, "old", edited(sample, "crashed work"), str(plan),
                           disk_state(str(plan)))
    holder = lock_holder(entry.lock)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    save_document(edited(sample, "saved by a colleague meanwhile"), plan)
    answer_dialog(monkeypatch, ["recover"])
    asked: list[str] = []

    def cancel(box: QMessageBox) -> int:
        asked.append(box.text())
        box.button(SB.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    window = make_window()
    window.start()
    window.actions_.save.trigger()
    assert asked and "was changed by another program" in asked[0]
    assert open_document(plan).stage("hearing").name == "saved by a colleague meanwhile"


def test_quit_closes_every_window_and_stops_at_unsaved_work_kept(
        make_window, sample, monkeypatch, dialogs, autosave_dir, extra_windows):
    crashed_autosave(autosave_dir, "a", edited(sample, "A"), None)
    crashed_autosave(autosave_dir, "b", edited(sample, "B"), None)
    answer_dialog(monkeypatch, ["recover", "recover"])
    window = make_window()
    window.show()
    window.start()
    (other,) = extra_windows
    dialogs.answer("warning", SB.Cancel)  # the other window's "save changes?": keep it
    window.actions_.quit.trigger()
    assert other.isVisible() and window.isVisible() and len(dialogs.of("warning")) == 1
    dialogs.answer("warning", SB.Discard, SB.Discard)
    window.actions_.quit.trigger()
    assert not other.isVisible() and not window.isVisible()
    assert find_autosaves(autosave_dir) == []  # discarded explicitly, twice
