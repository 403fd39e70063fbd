"""Documents opened from the desktop: double-clicked, dropped on the Dock, or given to a
second launch.

* macOS hands a double-clicked document to the running application as a
  ``QFileOpenEvent``, never on the command line: :class:`FileOpenFilter` catches it.
* A second ``salesdesigner FILE`` (Windows and Linux start a new process per double-click)
  passes FILE to the running instance over a local socket (:func:`hand_over`) and exits;
  the first instance's :class:`DocumentServer` opens it.  One instance per user and
  settings location: the socket's name comes from the AppDataLocation.

Either way :func:`open_from_desktop` decides where the document goes: the window already
showing it comes to the front; an untouched new window takes it; otherwise a new window.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

#: a request is one JSON line; more than this is not a request from SalesDesigner
MAX_REQUEST = 64 * 1024
REPLY = b"opened\n"


def server_name() -> str:
    """The running instance's socket name: one per user and settings location."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return "salesdesigner-" + hashlib.sha256(where.encode()).hexdigest()[:16]


def hand_over(paths: list[str], name: str | None = None, timeout_ms: int = 3000) -> bool:
    """Give ``paths`` to a running instance; True once it has taken them (so this process
    can exit), False when none runs or it does not answer in time."""
    from PySide6.QtNetwork import QLocalSocket
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    request = json.dumps({"open": [os.path.abspath(p) for p in paths]}) + "\n"
    socket.write(request.encode("utf-8"))
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    reply = b""
    while len(reply) < len(REPLY) and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.startswith(REPLY)


class DocumentServer(QObject):
    """Listens for :func:`hand_over` requests and emits each path to open."""

    openRequested = Signal(str)

    def __init__(self, parent: QObject | None = None, name: str | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[object, bytes] = {}

    def listen(self) -> bool:
        """Start serving; a socket left by a crashed instance is removed first (a live
        instance would have taken the request in :func:`hand_over` already)."""
        from PySide6.QtNetwork import QLocalServer
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            paths = json.loads(line.decode("utf-8"))["open"]
        except (ValueError, KeyError, TypeError):
            paths = None
        if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
            socket.abort()  # not a request of ours
            return
        socket.write(REPLY)
        socket.flush()
        for path in paths:
            self.openRequested.emit(path)


class FileOpenFilter(QObject):
    """The application's ``QFileOpenEvent`` (macOS: a document double-clicked in the
    Finder or dropped on the Dock icon) opens the document."""

    def __init__(self, opener: Callable[[str], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._opener(path)
                return True
        return False


def open_from_desktop(path: str) -> None:
    """Show the document ``path`` in this instance: its window if one shows it already,
    the active window if that holds an untouched new document, else a new window."""
    from salesdesigner.ui.document_controller import controller_for
    from salesdesigner.ui.main_window import MainWindow, _extra_windows

    existing = controller_for(path)
    if existing is not None:
        existing.bring_to_front()
        return
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible()]
    active = QApplication.activeWindow()
    target = active if isinstance(active, MainWindow) else (windows[0] if windows else None)
    if target is None:  # the last window was closed (macOS keeps running without one)
        target = MainWindow()
        target.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        target.restore_layout()
        _extra_windows.add(target)
        target.show()
    elif target.document.path or target.document.is_modified():
        target = target.new_window()
    if not target.document.open_path(path, ask=False) and target is not active \
            and target not in windows:
        target.document.undo_stack.setClean()
        target.close()  # the file did not open (its error was shown): no empty window left
        return
    target.document.bring_to_front()
