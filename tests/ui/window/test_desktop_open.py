"""Documents reach the running designer from the desktop: macOS's QFileOpenEvent and a
second launch (``salesdesigner FILE`` while one runs) open them in this instance."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from salesdesigner.model.entities import StageKind
from salesdesigner.storage.document import save_document
from salesdesigner.ui import desktop_open
from salesdesigner.ui.app import run_gui
from salesdesigner.ui.main_window import MainWindow


def _shown_titles() -> list[str]:
    return sorted(w.windowTitle() for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w.isVisible())


def _close_all() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            w.undo_stack.setClean()
            w.close()


def test_a_file_open_event_opens_the_document_in_the_running_designer(tmp_path, sample):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    seen: list[list[str]] = []

    def post() -> None:  # what macOS sends for a double-click in the Finder
        QApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(path)))
        QTimer.singleShot(300, look_and_close)  # timed from here: start-up takes a while

    def look_and_close() -> None:
        seen.append(_shown_titles())
        _close_all()

    QTimer.singleShot(0, post)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.quit)
    watchdog.start(8000)
    assert run_gui(None) == 0
    watchdog.stop()
    # the untouched start-up window took it: one window, showing the file
    assert seen == [["plan.salesdesign[*] — SalesDesigner"]]


def test_a_file_open_event_for_a_shown_document_brings_its_window_back(
        qapp, make_window, tmp_path, sample):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    window = make_window()
    window.show()
    assert window.document.open_path(str(path), ask=False)
    window.showMinimized()
    file_open = desktop_open.FileOpenFilter(desktop_open.open_from_desktop)
    qapp.installEventFilter(file_open)
    try:
        qapp.sendEvent(qapp, QFileOpenEvent(str(path)))
    finally:
        qapp.removeEventFilter(file_open)
    assert not window.isMinimized()
    assert _shown_titles() == ["plan.salesdesign[*] — SalesDesigner"]


def test_a_document_from_the_desktop_never_replaces_unsaved_work(
        qapp, make_window, tmp_path, sample, qtbot):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    window = make_window()
    window.show()
    window.insert_stage(StageKind.STAGE)
    assert window.document.is_modified()
    desktop_open.open_from_desktop(str(path))
    assert window.document.path is None and window.document.is_modified()
    assert "plan.salesdesign[*] — SalesDesigner" in _shown_titles()
    assert len(_shown_titles()) == 2


def test_a_second_launch_hands_its_file_to_the_running_designer_and_exits(
        qapp, make_window, tmp_path, sample, qtbot):
    window = make_window()
    window.show()
    server = desktop_open.DocumentServer()
    server.openRequested.connect(desktop_open.open_from_desktop)
    assert server.listen()
    path = tmp_path / "from the desktop.salesdesign"
    save_document(sample, path)
    code = "import sys; from salesdesigner.cli import main; sys.exit(main(sys.argv[1:]))"
    second = subprocess.Popen([sys.executable, "-c", code, str(path)],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # the running instance must serve it meanwhile: wait with Qt's event loop going
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        assert second.returncode == 0, second.stderr.read()
        qtbot.waitUntil(lambda: window.document.path is not None, timeout=5_000)
    finally:
        if second.poll() is None:
            second.kill()
        second.wait()
        second.stdout.close()
        second.stderr.close()
        server.close()
        server.deleteLater()
    assert window.windowTitle() == "from the desktop.salesdesign[*] — SalesDesigner"
    assert _shown_titles() == [window.windowTitle()]  # the second process showed no window


def test_without_a_running_designer_the_launch_opens_its_own_window(qapp, tmp_path):
    started = time.perf_counter()
    assert not desktop_open.hand_over([str(tmp_path / "x.salesdesign")])
    assert time.perf_counter() - started < 2  # no waiting when nothing listens


def test_the_server_ignores_what_is_not_a_request(qapp, qtbot):
    from PySide6.QtNetwork import QLocalSocket
    server = desktop_open.DocumentServer(name=f"salesdesigner-test-{os.getpid()}")
    assert server.listen()
    opened: list[str] = []
    server.openRequested.connect(opened.append)
    socket = QLocalSocket()
    try:
        socket.connectToServer(server.name)
        assert socket.waitForConnected(2000)
        socket.write(b'{"open": "not a list"}\n<script>\n')
        socket.flush()
        qtbot.waitUntil(  # the server hangs up on it
            lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState,
            timeout=3000)
        assert opened == []
        # (hand_over blocks, so within one process the request is written by hand)
        socket.connectToServer(server.name)
        assert socket.waitForConnected(2000)
        socket.write(b'{"open": ["/tmp/a.salesdesign", "/tmp/b.salesdesign"]}\n')
        socket.flush()
        qtbot.waitUntil(lambda: len(opened) == 2, timeout=3000)
        assert opened == ["/tmp/a.salesdesign", "/tmp/b.salesdesign"]
        qtbot.waitUntil(lambda: socket.bytesAvailable() > 0, timeout=3000)
        assert bytes(socket.readAll().data()) == desktop_open.REPLY
    finally:
        socket.abort()
        server.close()
        server.deleteLater()
