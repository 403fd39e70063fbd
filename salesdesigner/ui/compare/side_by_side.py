"""The other version and the current draft next to each other, each in a read-only canvas
with the overlay's colours (removed and changed on the left, added and changed on the
right).  Zooming or scrolling one canvas shows the same place of the other at the same
zoom, so a stage can be followed across both."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from salesdesigner.model.process import Process
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.view import ProcessView
from salesdesigner.ui.compare.legend import CompareLegend
from salesdesigner.ui.compare.overlay import CanvasOverlay
from salesdesigner.ui.compare.session import CompareSession


class ReadOnlyScene(ProcessScene):
    """A canvas that shows and never edits: no gesture reaches its items (they cannot be
    dragged); the view still pans, zooms and scrolls."""

    def mousePressEvent(self, event) -> None:
        event.ignore()

    def mouseMoveEvent(self, event) -> None:
        event.ignore()

    def mouseReleaseEvent(self, event) -> None:
        event.ignore()

    def mouseDoubleClickEvent(self, event) -> None:
        event.ignore()

    def contextMenuEvent(self, event) -> None:
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()


def read_only_view(process: Process, owner: QWidget) -> ProcessView:
    view = ProcessView(ReadOnlyScene(process, owner))  # the scene lives as long as owner
    view.setDragMode(ProcessView.DragMode.ScrollHandDrag)  # a drag pans
    return view


class SideBySide(QWidget):
    """Two synchronised read-only canvases for one :class:`CompareSession`."""

    def __init__(self, session: CompareSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compareSideBySide")
        self.session = session
        self.left = read_only_view(session.other, self)
        self.right = read_only_view(session.draft, self)
        self.left.setObjectName("compareOldCanvas")
        self.right.setObjectName("compareNewCanvas")
        self.overlays = (CanvasOverlay(self.left.process_scene(), session, "old"),
                         CanvasOverlay(self.right.process_scene(), session, "new",
                                       ghosts=False))
        self.left_title, self.right_title = QLabel(), QLabel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for title, view in ((self.left_title, self.left), (self.right_title, self.right)):
            pane = QWidget()
            box = QVBoxLayout(pane)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            title.setContentsMargins(8, 4, 8, 2)
            box.addWidget(title)
            box.addWidget(view, 1)
            splitter.addWidget(pane)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.legend = CompareLegend(session, self.right.viewport(), closable=False)
        self._syncing = False
        for view in (self.left, self.right):
            view.zoomChanged.connect(lambda level, v=view: self._zoom_from(v, level))
            view.horizontalScrollBar().valueChanged.connect(
                lambda _value, v=view: self._scroll_from(v))
            view.verticalScrollBar().valueChanged.connect(
                lambda _value, v=view: self._scroll_from(v))
        self.retranslate()
        self.resize(1400, 800)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        label = self.session.label
        self.setWindowTitle(self.tr("Side by Side: {label} and the current document")
                            .format(label=label))
        self.left_title.setText(label)
        self.right_title.setText(self.tr("Current document"))

    # ------------------------------------------------------------------ synchronising
    def other_view(self, view: ProcessView) -> ProcessView:
        return self.right if view is self.left else self.left

    def centre(self, view: ProcessView) -> QPointF:
        """The scene point at the middle of ``view``."""
        return view.mapToScene(view.viewport().rect().center())

    def _zoom_from(self, view: ProcessView, level: float) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            other = self.other_view(view)
            other.set_zoom(level)
            other.centerOn(self.centre(view))
        finally:
            self._syncing = False

    def _scroll_from(self, view: ProcessView) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.other_view(view).centerOn(self.centre(view))
        finally:
            self._syncing = False

    def fit(self) -> None:
        """Both canvases showing both processes whole, at one zoom."""
        self._syncing = True
        try:
            for view in (self.left, self.right):
                view.zoom_fit()
            level = min(self.left.zoom_level(), self.right.zoom_level())
            rect = self.left.process_scene().content_rect().united(
                self.right.process_scene().content_rect())
            for view in (self.left, self.right):
                view.set_zoom(level)
                view.centerOn(rect.center())
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ closing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        super().closeEvent(event)

    def release(self) -> None:
        """Stop drawing and following the draft (the window's closing or the comparison's
        end)."""
        for overlay in self.overlays:
            overlay.close()
        for view in (self.left, self.right):
            view.process_scene().detach()


__all__ = ["SideBySide", "ReadOnlyScene"]
