"""The view onto a :class:`ProcessScene`: zoom (Ctrl+wheel under the mouse), pan (space-drag
or middle button), rubber-band selection, fit, and centring on a stage."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from salesdesigner.ui.canvas.scene import ProcessScene

MIN_ZOOM = 0.002  # fit still shows a 5,000-stage process
MAX_ZOOM = 4.0
STEP = 1.25


class ProcessView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: ProcessScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._pan_from: QPoint | None = None
        self._space = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    def process_scene(self) -> ProcessScene:
        return self.scene()  # type: ignore[return-value]

    # ------------------------------------------------------------------ zoom
    def zoom_level(self) -> float:
        return self.transform().m11()

    def set_zoom(self, level: float) -> None:
        """Zoom to ``level`` (1.0 = 100 %) around the mouse or the view's centre."""
        level = max(MIN_ZOOM, min(MAX_ZOOM, level))
        factor = level / self.zoom_level()
        if abs(factor - 1.0) < 1e-9:
            return
        self.scale(factor, factor)
        self.zoomChanged.emit(self.zoom_level())

    def _zoom_centered(self, level: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        try:
            self.set_zoom(level)
        finally:
            self.setTransformationAnchor(anchor)

    def zoom_in(self) -> None:
        self._zoom_centered(self.zoom_level() * STEP)

    def zoom_out(self) -> None:
        self._zoom_centered(self.zoom_level() / STEP)

    def zoom_reset(self) -> None:
        self._zoom_centered(1.0)

    def zoom_fit(self) -> None:
        """Show the whole process (never enlarging beyond 100 %)."""
        scene = self.process_scene()
        rect = scene.settled_content_rect()
        if rect.isNull():
            self.zoom_reset()
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        level = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        self._zoom_centered(level)
        self.centerOn(rect.center())

    def zoom_at(self, pos: QPoint, level: float) -> None:
        """Zoom keeping the scene point under viewport position ``pos`` where it is."""
        anchor = self.mapToScene(pos)
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        try:
            self.set_zoom(level)
        finally:
            self.setTransformationAnchor(old_anchor)
        moved = self.mapFromScene(anchor) - pos
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def center_on_stage(self, stage_id: str) -> None:
        self.process_scene().flush_pending()
        item = self.process_scene().stage_item(stage_id)
        if item is not None:
            self.centerOn(item)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.pixelDelta().y()
            if delta:
                self.zoom_at(event.position().toPoint(), self.zoom_level() * (1.0015 ** delta))
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ pan
    def _start_pan(self, pos: QPoint) -> None:
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._start_pan(event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Space and not event.isAutoRepeat()
                and self.scene().focusItem() is None):
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and self._space:
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            if self._pan_from is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)
