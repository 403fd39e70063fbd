"""The comparison drawn over a canvas: a coloured outline and badge on each added, changed
(or, when asked, moved) stage, a coloured halo under each such arrow, and removed stages
and arrows as dashed ghosts where they stood in the other version.

The overlay only draws: its items take no mouse buttons, are not in the scene's stage and
arrow tables (so no gesture, export of the content rectangle or "stage under the mouse"
sees them) and are rebuilt from the comparison and the scene's items whenever either
changes.
"""

from __future__ import annotations

import contextlib
import math

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from salesdesigner.model.compare import ChangeOp, Subject
from salesdesigner.model.entities import Stage
from salesdesigner.model.process import Process
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.stage_item import StageItem
from salesdesigner.ui.compare.marks import Mark, side_marks
from salesdesigner.ui.compare.session import CompareSession

#: One colour per kind of change, used by the overlay, the side-by-side view and the list.
COLORS: dict[Mark, str] = {
    Mark.ADDED: "#1e9e4a",
    Mark.REMOVED: "#d93636",
    Mark.CHANGED: "#e58a00",
    Mark.MOVED: "#3b78d8",
}
BADGES: dict[Mark, str] = {Mark.ADDED: "+", Mark.REMOVED: "−", Mark.CHANGED: "✎",
                           Mark.MOVED: "↔"}
Z_HALO = 4.5  # under the arrows (5)
Z_GHOST = 8  # under the stages (10)
Z_MARK = 30  # over stages and raised arrows
GHOST_MARGIN = 120.0


class _MarkPath(QGraphicsPathItem):
    """An overlay shape: drawn on screen, left out of an exported image (the diagram
    exported while comparing is the document, not the comparison)."""

    def paint(self, painter, option, widget=None) -> None:
        if not getattr(self.scene(), "exporting", False):
            super().paint(painter, option, widget)


class _MarkText(QGraphicsSimpleTextItem):
    def paint(self, painter, option, widget=None) -> None:
        if not getattr(self.scene(), "exporting", False):
            super().paint(painter, option, widget)


def color(mark: Mark, alpha: int = 255) -> QColor:
    c = QColor(COLORS[mark])
    c.setAlpha(alpha)
    return c


def _inert(item: QGraphicsItem, z: float) -> QGraphicsItem:
    """An item that draws and nothing else: no clicks, no hover, no selection."""
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
    item.setZValue(z)
    return item


def _edge_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre to ``towards`` leaves the rectangle."""
    c = rect.center()
    dx, dy = towards.x() - c.x(), towards.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = rect.width() / 2 / abs(dx) if dx else math.inf
    sy = rect.height() / 2 / abs(dy) if dy else math.inf
    s = min(sx, sy, 1.0)
    return QPointF(c.x() + dx * s, c.y() + dy * s)


def arrow_path(a: QRectF, b: QRectF) -> QPainterPath:
    """A straight arrow from box ``a`` to box ``b`` with its head at ``b``."""
    start, end = _edge_point(a, b.center()), _edge_point(b, a.center())
    path = QPainterPath(start)
    path.lineTo(end)
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    head = QPolygonF([end,
                      end - QPointF(math.cos(angle - 0.45) * 12, math.sin(angle - 0.45) * 12),
                      end - QPointF(math.cos(angle + 0.45) * 12, math.sin(angle + 0.45) * 12),
                      end])
    path.addPolygon(head)
    return path


class CanvasOverlay(QObject):
    """The marks of one side (``"new"``: the draft, with ghosts of what it no longer has;
    ``"old"``: the other version) drawn over ``scene``."""

    def __init__(self, scene: ProcessScene, session: CompareSession, side: str = "new",
                 *, ghosts: bool = True) -> None:
        super().__init__(scene)
        self.scene, self.session, self.side = scene, session, side
        self.ghosts_shown = ghosts and side == "new"
        self.items: list[QGraphicsItem] = []
        self._closed = False
        #: what was drawn, for tests and the change list: id → mark; ghost id → its box
        self.stage_marks: dict[str, Mark] = {}
        self.arrow_marks: dict[str, Mark] = {}
        self.ghost_boxes: dict[str, QRectF] = {}
        self.ghost_arrows: dict[str, QPainterPath] = {}
        self.outlines: dict[str, QGraphicsPathItem] = {}  # stage id → its coloured outline
        self.ghosts: dict[str, QGraphicsPathItem] = {}  # removed stage's old id → ghost
        session.changed.connect(self.redraw)
        scene.contentChanged.connect(self._content_changed)
        self.redraw()

    # ------------------------------------------------------------------ life
    def clear(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items.clear()
        self.stage_marks.clear()
        self.arrow_marks.clear()
        self.ghost_boxes.clear()
        self.ghost_arrows.clear()
        self.outlines.clear()
        self.ghosts.clear()

    def close(self) -> None:
        """Take every mark off the canvas and stop following (once)."""
        if self._closed:
            return
        self._closed = True
        for signal, slot in ((self.session.changed, self.redraw),
                             (self.scene.contentChanged, self._content_changed)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self.clear()

    def _add(self, item: QGraphicsItem, z: float) -> QGraphicsItem:
        _inert(item, z)
        self.scene.addItem(item)
        self.items.append(item)
        return item

    # ------------------------------------------------------------------ drawing
    def _content_changed(self) -> None:
        """The canvas moved or redrew things: follow them, unless an edit's comparison is
        on its way (that redraws once, with the new marks)."""
        if not self.session.pending:
            self.redraw()

    def redraw(self) -> None:
        self.clear()
        session = self.session
        marks = side_marks(session.comparison, self.side,
                           include_layout=session.include_layout)
        for stage_id, mark in marks.stages.items():
            item = self.scene.stage_item(stage_id)
            if item is not None:
                self.outlines[stage_id] = self._mark_stage(item, mark)
                self.stage_marks[stage_id] = mark
        for arrow_id, mark in marks.transitions.items():
            item = self.scene.transition_item(arrow_id)
            if item is not None:
                self._mark_arrow(item.mapToScene(item.path()), mark, item.zValue() - 0.5)
                self.arrow_marks[arrow_id] = mark
        if self.ghosts_shown:
            self._draw_ghosts()
            self._make_room()

    def _make_room(self) -> None:
        """Widen the scene to take in ghosts that stood beyond today's content, so the
        view can scroll to them (the scene's next flush narrows it, then this widens it
        again)."""
        rect = self.scene.sceneRect()
        for box in self.ghost_boxes.values():
            if not rect.contains(box):
                rect = rect.united(box.adjusted(-GHOST_MARGIN, -GHOST_MARGIN,
                                                GHOST_MARGIN, GHOST_MARGIN))
        if rect != self.scene.sceneRect():
            self.scene.setSceneRect(rect)

    def _mark_stage(self, item: StageItem, mark: Mark) -> QGraphicsPathItem:
        outline = QPainterPath(item.body_path())
        pen = QPen(color(mark), 3.5)
        pen.setCosmetic(True)  # as thick on screen at any zoom
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        path = self._add(_MarkPath(outline), Z_MARK)
        path.setPen(pen)
        path.setPos(item.pos())
        self._badge(item.scene_body_rect(), mark)
        return path

    def _badge(self, box: QRectF, mark: Mark) -> None:
        r = 11.0
        centre = QPointF(box.left() + 4, box.top() + 2)
        disc = QPainterPath()
        disc.addEllipse(centre, r, r)
        badge = self._add(_MarkPath(disc), Z_MARK + 1)
        badge.setBrush(QBrush(color(mark)))
        badge.setPen(QPen(QColor("white"), 1.5))
        text = _MarkText(BADGES[mark], badge)
        font = QFont()
        font.setPixelSize(15)
        font.setBold(True)
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        bounds = text.boundingRect()
        text.setPos(centre - QPointF(bounds.width() / 2, bounds.height() / 2))

    def _mark_arrow(self, path: QPainterPath, mark: Mark, z: float,
                    dashed: bool = False) -> QGraphicsPathItem:
        halo = self._add(_MarkPath(path), z)
        pen = QPen(color(mark, 120 if not dashed else 220), 8 if not dashed else 2.5)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        halo.setPen(pen)
        return halo

    # ------------------------------------------------------------------ ghosts
    def _draw_ghosts(self) -> None:
        """Removed stages where they stood, removed arrows between where their ends are
        now (a stage the draft still has) or were (a removed one)."""
        comparison, other = self.session.comparison, self.session.other
        boxes: dict[str, QRectF] = {}
        for change in comparison.content:
            if change.subject is Subject.STAGE and change.op is ChangeOp.REMOVED:
                self.ghosts[change.old_id], boxes[change.old_id] = \
                    self._ghost_stage(change.old)
        self.ghost_boxes = dict(boxes)
        for change in comparison.content:
            if change.subject is not Subject.TRANSITION or change.op is not ChangeOp.REMOVED:
                continue
            ends = [self._box(stage_id, boxes, other) for stage_id in
                    (change.old.source, change.old.target)]
            if None in ends:
                continue
            path = arrow_path(ends[0], ends[1])
            self._mark_arrow(path, Mark.REMOVED, Z_HALO, dashed=True)
            self.ghost_arrows[change.old_id] = path

    def _box(self, old_stage_id: str, ghosts: dict[str, QRectF],
             other: Process) -> QRectF | None:
        if old_stage_id in ghosts:
            return ghosts[old_stage_id]
        now = self.session.comparison.stage_pairs.get(old_stage_id)
        item = self.scene.stage_item(now) if now is not None else None
        return item.scene_body_rect() if item is not None else None

    def _ghost_stage(self, stage: Stage) -> tuple[QGraphicsPathItem, QRectF]:
        shape = StageItem(stage)  # not added: only its outline and box are borrowed
        box = shape.scene_body_rect()
        ghost = self._add(_MarkPath(shape.body_path()), Z_GHOST)
        ghost.setPos(shape.pos())
        pen = QPen(color(Mark.REMOVED), 2.5)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        ghost.setPen(pen)
        # a pale, nearly opaque fill: an arrow drawn since then across the old place does
        # not run through the ghost's name
        ghost.setBrush(QBrush(QColor(253, 236, 236, 235)))
        name = _MarkText(stage.name or "…", ghost)
        font = QFont()
        font.setPixelSize(13)
        font.setStrikeOut(True)
        name.setFont(font)
        name.setBrush(QBrush(color(Mark.REMOVED)))
        bounds = name.boundingRect()
        if bounds.width() > box.width() - 12:
            name.setScale((box.width() - 12) / bounds.width())
            bounds = name.mapRectToParent(bounds)
        local = shape.body_rect()
        name.setPos(local.center().x() - bounds.width() / 2,
                    local.center().y() - bounds.height() / 2)
        self._badge(box, Mark.REMOVED)
        return ghost, box


__all__ = ["CanvasOverlay", "COLORS", "color", "arrow_path"]
