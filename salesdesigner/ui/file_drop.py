"""A document dropped on the window from the file manager opens in it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from salesdesigner.ui.document_controller import SUFFIX

#: what a drop on the window opens
OPENABLE = (SUFFIX,)


class FileDropTarget:
    """Mixed into the main window (before ``QMainWindow``): accepts a drag that carries a
    file the designer opens, and opens it once the drop has returned."""

    @staticmethod
    def _dropped_file(mime: QMimeData | None) -> str | None:
        urls = mime.urls() if mime is not None and mime.hasUrls() else []
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(OPENABLE):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._dropped_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if not path:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # open after the drop returns, so a dialog does not run inside the drag loop
        QTimer.singleShot(0, lambda: self.document.open_path(path))
