"""The view onto a :class:`ProcessScene`: zoom (Ctrl+wheel under the mouse), pan (space-drag
or middle button), rubber-band selection, fit, and centring on a stage."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from salesdesigner.ui.canvas.pinned_titles import (
    LEGIBLE_ZOOM,
    PinnedTitle,
    gutter_width,
    paint_pinned_titles,
    pinned_lane_at,
    pinned_titles,
)
from salesdesigner.ui.canvas.scene import ProcessScene

MIN_ZOOM = 0.002  # fit still shows a 5,000-stage process
MAX_ZOOM = 4.0
STEP = 1.25
TITLE_SLACK = 200  # pixels repainted right of the pinned titles when scrolling


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
        self._scene_rect_set = False
        scene.sceneRectChanged.connect(self._on_scene_rect_changed)
        self._titles_right = 0.0  # how far right the pinned titles reached when last drawn
        # a lane renamed or recoloured (not on every change: typing in a stage's name would
        # repaint a full-height strip of arrows on each key)
        scene.lanesPlaced.connect(self._repaint_titles)

    def process_scene(self) -> ProcessScene:
        return self.scene()  # type: ignore[return-value]

    def _on_scene_rect_changed(self, _rect: QRectF) -> None:
        self._follow_scene_rect()

    def _follow_scene_rect(self) -> None:
        """Scroll over the scene's own rectangle again (fitting may have widened it)."""
        if self._scene_rect_set:
            self._scene_rect_set = False
            self.setSceneRect(QRectF())

    # ------------------------------------------------------------------ pinned lane titles
    def pinned_titles(self) -> list[PinnedTitle]:
        """The lane titles kept at the left edge now (none while the lanes' own title
        column is in view at a legible zoom)."""
        scene = self.scene()
        if not isinstance(scene, ProcessScene):  # (being torn down)
            return []
        return pinned_titles(self, list(scene.lane_items().values()))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.process_scene().routes.painted()  # an opened document's tangle pass may begin

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        titles = self.pinned_titles()
        self._titles_right = max((t.area.right() for t in titles), default=0.0)
        if titles:
            painter.save()
            painter.resetTransform()  # viewport pixels: the titles keep their screen size
            paint_pinned_titles(painter, titles)
            painter.restore()

    def _repaint_titles(self) -> None:
        """Repaint the pinned titles (a tab left of the lanes is outside every band that
        Qt repaints when a lane changes)."""
        width = max([self._titles_right, *(t.area.right() for t in self.pinned_titles())])
        if width:
            self.viewport().update(QRect(0, 0, round(width) + 2, self.viewport().height()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # Qt moved the pixels, pinned titles with them: repaint where they were and are
        width = max((t.area.right() for t in self.pinned_titles()), default=0.0)
        if width or dx:
            self.viewport().update(QRect(0, 0, round(width + abs(dx) + TITLE_SLACK),
                                         self.viewport().height()))

    # ------------------------------------------------------------------ zoom
    def zoom_level(self) -> float:
        return self.transform().m11()

    def set_zoom(self, level: float) -> None:
        """Zoom to ``level`` (1.0 = 100 %) around the mouse or the view's centre."""
        level = max(MIN_ZOOM, min(MAX_ZOOM, level))
        factor = level / self.zoom_level()
        if abs(factor - 1.0) < 1e-9:
            return
        self._follow_scene_rect()
        self.scale(factor, factor)
        self.process_scene().labels.view_zoomed()  # close enough now to show labels?
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
        """Show the whole process (never enlarging beyond 100 %); zoomed out, with room
        at the left for the lane names (see :mod:`pinned_titles`)."""
        scene = self.process_scene()
        rect = scene.settled_content_rect()
        if rect.isNull():
            self.zoom_reset()
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        level = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        gutter = 0.0
        if level < LEGIBLE_ZOOM:
            gutter = min(gutter_width(list(scene.lane_items().values())), view.width() / 4)
            level = min((view.width() - gutter) / rect.width(), view.height() / rect.height())
        self._zoom_centered(level)
        shift = gutter / self.zoom_level()
        self._widen_scene_left(rect, shift)
        self.centerOn(rect.center() - QPointF(shift / 2, 0))

    def show_left_end(self, level: float, rect: QRectF, y: float) -> None:
        """Zoom to ``level`` and show the left end of ``rect`` (scene) at height ``y``;
        zoomed out, the lane names get their gutter left of the lanes, as after a fit,
        instead of being written over the first stages."""
        self._zoom_centered(level)
        zoom = self.zoom_level()
        gutter = 0.0
        if zoom < LEGIBLE_ZOOM:
            gutter = min(gutter_width(list(self.process_scene().lane_items().values())),
                         self.viewport().width() / 4)
        left = min(rect.left(), 0.0) - (gutter + 12) / zoom  # lanes start at x = 0
        self._widen_scene_left(rect, rect.left() - left)
        self.centerOn(QPointF(left + self.viewport().width() / zoom / 2, y))

    def _widen_scene_left(self, rect: QRectF, shift: float) -> None:
        """Let the view scroll ``shift`` scene units left of ``rect`` (the scene's margin
        may be too narrow for the lane names' gutter at a small zoom)."""
        if shift > 0:
            self.setSceneRect(self.process_scene().sceneRect().united(
                rect.adjusted(-shift, 0, 0, 0)))
            self._scene_rect_set = True

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
        if event.button() == Qt.MouseButton.LeftButton:
            lane_id = pinned_lane_at(self.pinned_titles(), event.position().toPoint())
            if lane_id is not None:  # a pinned title works as the lane's header does
                self.process_scene().select_lane(lane_id)
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
