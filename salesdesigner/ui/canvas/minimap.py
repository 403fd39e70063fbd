"""An overview of the whole process with the main view's visible area outlined; click or
drag in it to move the main view there.

The drawing is rendered once into a pixmap after each change of the document (debounced),
so scrolling and zooming the main view only repaint the outline, even for 5,000 stages.
A new or resized map renders just after it next paints, at the size it then has: while
the window starts and lays out its panels the map is resized several times, and rendering
the whole process at each of those sizes cost start-up a full drawing of the document
each; and the canvas, not its overview, is what the user waits for first.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QWidget

from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.view import ProcessView

MARGIN = 40.0
DEBOUNCE_MS = 200  # after a change of the document: one render for a burst of edits


class Minimap(QFrame):
    def __init__(self, view: ProcessView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_view = view
        self.scene = view.process_scene()
        self._pixmap = QPixmap()
        self._source = QRectF()
        self._dragging = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(160, 100)
        self.resize(240, 150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(DEBOUNCE_MS)
        self._render_timer.timeout.connect(self.render_overview)
        self.scene.contentChanged.connect(self._render_timer.start)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoomChanged.connect(self.update)
        self._stale = True  # rendered just after the next paint
        self._place_source()

    def sizeHint(self) -> QSize:
        return QSize(240, 150)

    # ------------------------------------------------------------------ geometry
    def _scale_and_offset(self) -> tuple[float, QPointF]:
        src = self._source
        area = QRectF(self.contentsRect())
        if src.isEmpty() or area.isEmpty():
            return 1.0, QPointF()
        scale = min(area.width() / src.width(), area.height() / src.height())
        offset = QPointF(area.left() + (area.width() - src.width() * scale) / 2,
                         area.top() + (area.height() - src.height() * scale) / 2)
        return scale, offset

    def map_from_scene(self, point: QPointF) -> QPointF:
        scale, offset = self._scale_and_offset()
        return offset + (point - self._source.topLeft()) * scale

    def map_to_scene(self, point: QPointF) -> QPointF:
        scale, offset = self._scale_and_offset()
        return self._source.topLeft() + (point - offset) / scale

    def visible_rect(self) -> QRectF:
        """The part of the scene the main view shows, in scene coordinates."""
        view = self.main_view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    # ------------------------------------------------------------------ drawing
    def _place_source(self) -> None:
        """The part of the scene the map shows: the process and a margin (cheap)."""
        rect = self.scene.content_rect()
        if rect.isNull():
            rect = QRectF(0, 0, 800, 500)
        self._source = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def render_overview(self) -> None:
        """Draw the whole process into the cached pixmap (after changes), and repaint."""
        self._render()
        self.update()

    def _render(self) -> None:
        self._render_timer.stop()
        self._render_timer.setInterval(DEBOUNCE_MS)
        self._stale = False
        self._place_source()
        scale, _ = self._scale_and_offset()
        size = QSize(max(1, round(self._source.width() * scale)),
                     max(1, round(self._source.height() * scale)))
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(style.CANVAS)
        painter = QPainter(pixmap)
        self.scene.render(painter, QRectF(0, 0, size.width(), size.height()), self._source)
        painter.end()
        self._pixmap = pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._stale and not self._render_timer.isActive():
            self._render_timer.start(0)  # after this paint: the window shows first
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(self.contentsRect(), style.CANVAS)
        _, offset = self._scale_and_offset()
        painter.drawPixmap(offset, self._pixmap)
        top_left = self.map_from_scene(self.visible_rect().topLeft())
        bottom_right = self.map_from_scene(self.visible_rect().bottomRight())
        fill = QColor(style.SELECTION)
        fill.setAlpha(40)
        painter.setPen(QPen(style.SELECTION, 1.5))
        painter.setBrush(fill)
        painter.drawRect(QRectF(top_left, bottom_right).intersected(QRectF(self.contentsRect())))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._stale = True  # rendered after the next paint, at the size the layout settles on
        self._place_source()

    # ------------------------------------------------------------------ navigation
    def _navigate(self, pos: QPointF) -> None:
        self.main_view.centerOn(self.map_to_scene(pos))
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self._navigate(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._navigate(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        event.accept()
