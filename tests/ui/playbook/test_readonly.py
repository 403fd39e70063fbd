"""Reading never writes: the file is byte-for-byte untouched and no journal appears."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesigner.ui.playbook import PlaybookWindow, run_playbook
from tests.ui.playbook.conftest import build_process

document = pytest.importorskip("salesdesigner.storage.document")


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "deal.salesdesign"
    document.save_document(build_process(), path)
    past = 1_600_000_000
    os.utime(path, (past, past))
    return path


def test_a_full_reading_session_leaves_the_file_untouched(qtbot, saved, clipboard):
    before = saved.read_bytes(), os.stat(saved).st_mtime_ns, sorted(os.listdir(saved.parent))
    window = PlaybookWindow(document.open_document(saved), saved.name)
    qtbot.addWidget(window)
    window.show()
    for stage_id in window.order:
        window.go_to(stage_id)
    window.go_to("call")
    qtbot.mouseClick(window.page.copy_buttons()[0], Qt.MouseButton.LeftButton)
    opened = []
    window.open_url = lambda url: opened.append(url) or True
    qtbot.mouseClick(window.page.open_buttons()[0], Qt.MouseButton.LeftButton)  # attachment
    assert opened and saved.parent not in Path(opened[0].toLocalFile()).parents
    window.search_field.setText("budget")
    window.results.activate_current()
    window.set_lane_filter("fs")
    window.back()
    window.close()
    after = saved.read_bytes(), os.stat(saved).st_mtime_ns, sorted(os.listdir(saved.parent))
    assert after == before
    assert not any(name.endswith(("-wal", "-journal", "-shm")) for name in after[2])


def test_the_reader_has_no_save_or_edit_actions(window):
    from PySide6.QtGui import QAction, QKeySequence
    shortcuts = {a.shortcut() for a in window.findChildren(QAction)}
    assert QKeySequence(QKeySequence.StandardKey.Save) not in shortcuts
    assert not any("save" in a.text().lower() for a in window.findChildren(QAction))


def _close_soon(kind) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                widget.close()
                return
        QTimer.singleShot(50, close)
    QTimer.singleShot(50, close)


def test_run_playbook_opens_a_file_and_returns_zero(qapp, saved):
    _close_soon(PlaybookWindow)
    assert run_playbook(str(saved), "en") == 0


def test_run_playbook_reports_a_bad_file_and_returns_one(qapp, tmp_path):
    bad = tmp_path / "<b>broken<b> &amp;.salesdesign"
    bad.write_bytes(b"this is not a database")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            assert box.textFormat() == Qt.TextFormat.PlainText
            box.reject()
        else:
            QTimer.singleShot(50, answer)
    QTimer.singleShot(50, answer)
    assert run_playbook(str(bad), "en") == 1
    assert seen and "Cannot open the playbook." in seen[0]
    assert bad.read_bytes() == b"this is not a database"


def test_run_playbook_reports_a_missing_file(qapp, tmp_path):
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.reject()
        else:
            QTimer.singleShot(50, answer)
    QTimer.singleShot(50, answer)
    assert run_playbook(str(tmp_path / "nope.salesdesign"), "en") == 1
    assert not (tmp_path / "nope.salesdesign").exists()
