"""An arrow between two stages, with its label; back edges are drawn as loops underneath.

The path is recomputed in :meth:`TransitionItem.adjust` (after ``prepareGeometryChange``)
whenever an end stage moves; ``paint`` only draws it.  When selected, the arrow shows round
handles at both ends: dragging one onto another stage reconnects the arrow.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from salesdesigner.model.entities import Transition
from salesdesigner.ui.canvas import style

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene
    from salesdesigner.ui.canvas.stage_item import StageItem

LABEL_FONT = style.font(8)
ARROW_SIZE = 9.0
LOOP_GAP = 34.0
END_HANDLE = 6.0
LONG_PATH = 2500.0  # longer arrows are stroked without antialiasing (see paint)


def route(source: StageItem, target: StageItem, back: bool, lane: int = 0) -> QPainterPath:
    """The arrow's path: a smooth curve forwards, a rounded loop below for back edges."""
    path = QPainterPath()
    s_rect, t_rect = source.scene_body_rect(), target.scene_body_rect()
    if back:
        start, end = source.anchor("bottom"), target.anchor("bottom")
        y = max(s_rect.bottom(), t_rect.bottom()) + LOOP_GAP + 14 * lane
        r = min(16.0, abs(end.x() - start.x()) / 2, y - max(start.y(), end.y()))
        sign = -1.0 if end.x() < start.x() else 1.0
        path.moveTo(start)
        path.lineTo(start.x(), y - r)
        path.quadTo(start.x(), y, start.x() + sign * r, y)
        path.lineTo(end.x() - sign * r, y)
        path.quadTo(end.x(), y, end.x(), y - r)
        path.lineTo(end)
        return path
    sc, tc = source.pos(), target.pos()
    dx, dy = tc.x() - sc.x(), tc.y() - sc.y()
    room = (s_rect.width() + t_rect.width()) / 2 * 0.6
    if abs(dx) >= room or abs(dx) > abs(dy):
        forward = dx >= 0
        start = source.anchor("right" if forward else "left")
        end = target.anchor("left" if forward else "right")
        bend = max(30.0, abs(end.x() - start.x()) / 2) * (1 if forward else -1)
        path.moveTo(start)
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
    else:
        down = dy >= 0
        start = source.anchor("bottom" if down else "top")
        end = target.anchor("top" if down else "bottom")
        bend = max(24.0, abs(end.y() - start.y()) / 2) * (1 if down else -1)
        path.moveTo(start)
        path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end)
    return path


class TransitionItem(QGraphicsItem):
    """Draws one :class:`Transition` between two :class:`StageItem` s."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, transition: Transition, source: StageItem, target: StageItem,
                 back: bool = False, loop_lane: int = 0) -> None:
        super().__init__()
        self.transition = transition
        self.source = source
        self.target = target
        self.back = back
        self.loop_lane = loop_lane  # loops into the same stage are drawn at different depths
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._label = ""
        self._full_label = ""
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._long = False
        self._dragging_end: str | None = None
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        source.edges.append(self)
        target.edges.append(self)
        self._layout_label()
        self.adjust()

    def type(self) -> int:
        return self.Type

    @property
    def transition_id(self) -> str:
        return self.transition.id

    # ------------------------------------------------------------------ model sync
    def set_transition(self, transition: Transition, source: StageItem, target: StageItem) -> None:
        self.transition = transition
        if source is not self.source or target is not self.target:
            self.detach()
            self.source, self.target = source, target
            source.edges.append(self)
            target.edges.append(self)
        self._layout_label()
        self.adjust()

    def set_back(self, back: bool, loop_lane: int = 0) -> None:
        if (back, loop_lane) != (self.back, self.loop_lane):
            self.back, self.loop_lane = back, loop_lane
            self.adjust()

    def detach(self) -> None:
        for end in (self.source, self.target):
            if self in end.edges:
                end.edges.remove(self)

    def _layout_label(self) -> None:
        self._full_label = style.display_text(self.transition.label, 120)
        self._tooltip_stale = True  # built on first hover: a big document opens faster

    def toolTip(self) -> str:
        self._ensure_tooltip()
        return super().toolTip()

    def _ensure_tooltip(self) -> None:
        if self._tooltip_stale:
            self._tooltip_stale = False
            self.setToolTip(style.tooltip(self.transition.label, self.transition.condition))

    def hoverEnterEvent(self, event) -> None:
        self._ensure_tooltip()
        super().hoverEnterEvent(event)

    # ------------------------------------------------------------------ geometry
    def adjust(self) -> None:
        """Recompute the path from the end stages' current positions."""
        self.prepareGeometryChange()
        self._path = route(self.source, self.target, self.back, self.loop_lane)
        end = self._path.pointAtPercent(1.0)
        angle = math.radians(self._path.angleAtPercent(1.0))
        direction = QPointF(math.cos(angle), -math.sin(angle))
        normal = QPointF(-direction.y(), direction.x())
        base = end - direction * ARROW_SIZE
        self._arrow = QPolygonF([end, base + normal * (ARROW_SIZE / 2),
                                 base - normal * (ARROW_SIZE / 2)])
        start = self._path.pointAtPercent(0.0)
        chord = math.hypot(end.x() - start.x(), end.y() - start.y())
        room = 140.0 if self.back else max(36.0, min(140.0, chord - 24))
        fm = QFontMetricsF(LABEL_FONT)
        self._label = fm.elidedText(self._full_label, Qt.TextElideMode.ElideRight, room)
        if self._label:
            w, h = fm.horizontalAdvance(self._label) + 12, fm.height() + 4
            mid = self._path.pointAtPercent(0.5)
            self._label_rect = QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h)
        else:
            self._label_rect = QRectF()
        bounds = self._path.boundingRect().united(self._arrow.boundingRect())
        if self._label:
            bounds = bounds.united(self._label_rect)
        self._bounds = bounds.adjusted(-END_HANDLE - 3, -END_HANDLE - 3,
                                       END_HANDLE + 3, END_HANDLE + 3)
        self._shape = None
        self._long = max(bounds.width(), bounds.height()) > LONG_PATH

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    def end_point(self, which: str) -> QPointF:
        return self._path.pointAtPercent(0.0 if which == "source" else 1.0)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            shape = stroker.createStroke(self._path)
            shape.addPolygon(self._arrow)
            if self._label:
                shape.addRect(self._label_rect)
            if self.isSelected():
                for which in ("source", "target"):
                    shape.addEllipse(self.end_point(which), END_HANDLE + 3, END_HANDLE + 3)
            self._shape = shape
        return self._shape

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedChange:
            self.prepareGeometryChange()
            self._shape = None
            self.setZValue(15 if value else 5)  # above stages, so its end handles can be grabbed
        return super().itemChange(change, value)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        color = style.SELECTION if selected else (style.LOOP_ARROW if self.back else style.ARROW)
        if lod < 0.3:
            painter.setPen(QPen(color, 0))
            painter.drawPath(self._path)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(color, 2.2 if selected else 1.6)
        if self.back:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # antialiased stroking costs ~0.5 ms per long arrow whatever is on screen, and a
        # big process has dozens crossing the view (every decision to one "Lost")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self._long)
        painter.drawPath(self._path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self._arrow)
        if self._label and lod >= 0.5:
            painter.setBrush(QColor("#FFFFFF"))
            painter.setPen(QPen(style.SELECTION if selected else style.BORDER, 1))
            painter.drawRoundedRect(self._label_rect, self._label_rect.height() / 2,
                                    self._label_rect.height() / 2)
            painter.setFont(LABEL_FONT)
            painter.setPen(style.MUTED)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._label)
        if selected:
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(style.SELECTION)
            for which in ("source", "target"):
                painter.drawEllipse(self.end_point(which), END_HANDLE, END_HANDLE)

    # ------------------------------------------------------------------ reconnecting
    def _end_at(self, pos: QPointF) -> str | None:
        for which in ("target", "source"):
            d = pos - self.end_point(which)
            if d.x() * d.x() + d.y() * d.y() <= (END_HANDLE + 3) ** 2:
                return which
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        which = self._end_at(event.pos()) if self.isSelected() else None
        if event.button() == Qt.MouseButton.LeftButton and which:
            self._dragging_end = which
            fixed = self.end_point("target" if which == "source" else "source")
            self._scene().begin_reconnect(self, which, fixed, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dragging_end:
            self._scene().update_connect(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dragging_end:
            self._dragging_end = None
            self._scene().finish_connect(event.scenePos())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._scene().select_ids(transition_ids=[self.transition_id])
        self._scene().rename_selected()
        event.accept()

    def _scene(self) -> ProcessScene:
        return self.scene()  # type: ignore[return-value]
