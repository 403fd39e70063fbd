"""Gestures that steer an arrow, one object each (see :mod:`.interactions`): drag a
selected arrow's line to add a bend point there (or drag a bend point to move it),
double-click a bend point to remove it, and the arrow part of the context menu (style per
arrow and per document, remove bend points, automatic ends).  Dropping an arrow's end on
its own stage pins it there (:class:`~.interactions.ReconnectInteraction`).  Every change
is one edit from :mod:`salesdesigner.edits.arrows`, so one undo step."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSceneMouseEvent, QMenu

from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.entities import ArrowStyle, Position
from salesdesigner.model.geometry import snap
from salesdesigner.ui.canvas import style, ui_texts
from salesdesigner.ui.canvas.interactions import Interaction
from salesdesigner.ui.canvas.transition_item import BEND_HANDLE, TransitionItem

arrows = lazy_module("salesdesigner.edits.arrows")  # loaded with the first bend or style

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor

_GRAB = BEND_HANDLE + 4  # a press this close to a bend point grabs it
_MOVED = 4.0             # a drag shorter than this is a click: nothing changes


def bend_point_at(item: TransitionItem, pos: QPointF) -> int | None:
    """The index of the bend point of ``item`` under the scene point ``pos``."""
    for i, p in enumerate(item.transition.waypoints):
        if math.hypot(p.x - pos.x(), p.y - pos.y()) <= _GRAB:
            return i
    return None


class BendInteraction(Interaction):
    """A bend point of a selected arrow dragged (a new one where its line was grabbed):
    the arrow follows live, routed through it as it will be (its other arrows' ports
    too); the release commits one "Bend Arrow" step, anything else puts it back."""

    def __init__(self, editor: CanvasEditor, item: TransitionItem, index: int, new: bool,
                 pos: QPointF) -> None:
        super().__init__(editor)
        self.item, self.index, self.start = item, index, pos
        self.original = item.transition  # shown again unless the release commits
        self.points = [(p.x, p.y) for p in item.transition.waypoints]
        if new:
            self.points.insert(index, (pos.x(), pos.y()))
        self.moved = False
        self.committed = False
        self.line = QGraphicsPathItem()
        pen = QPen(style.SELECTION, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.line.setPen(pen)
        self.line.setZValue(100)
        self.scene.addItem(self.line)
        self._draw()

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        pos = event.scenePos()
        for item in editor.scene.items(pos):
            if not isinstance(item, TransitionItem) or not item.isSelected():
                continue
            if item.end_at(item.mapFromScene(pos)) or item.label_rect().contains(pos):
                return None  # its ends reconnect or pin; its label is for renaming
            index = bend_point_at(item, pos)
            if index is not None:
                return cls(editor, item, index, False, pos)
            path = item.routed.flattened(16)
            waypoints = [(p.x, p.y) for p in item.transition.waypoints]
            at = arrows.insert_bend_point(path, waypoints, (pos.x(), pos.y()))
            return cls(editor, item, at, True, pos)
        return None

    def _draw(self) -> None:
        """The grabbed bend point's handle (the arrow itself shows the route)."""
        path = QPainterPath()
        x, y = self.points[self.index]
        path.addRect(x - BEND_HANDLE, y - BEND_HANDLE, 2 * BEND_HANDLE, 2 * BEND_HANDLE)
        self.line.setPath(path)

    def _follow(self) -> None:
        """Route the arrow through the bend points as they are now, without an edit: the
        item shows a transition the model does not have until the release."""
        shown = dataclasses.replace(self.original, waypoints=tuple(
            Position(x, y) for x, y in self.points))
        if shown != self.item.transition:
            self.item.set_transition(shown, self.item.source, self.item.target)
            self.scene.routes.reroute(self.scene, live=True)  # its neighbours' ports

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if (pos - self.start).manhattanLength() >= _MOVED:
            self.moved = True
        if self.moved:
            self.points[self.index] = (snap(pos.x(), 10), snap(pos.y(), 10))
            self._draw()
            self._follow()
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        tid, points, moved = self.item.transition_id, list(self.points), self.moved
        self.committed = moved
        self.finish()
        if moved:
            self.editor.push(arrows.bend_arrow(tid, points))
        return True

    def finish(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        if not self.committed and self.item.transition is not self.original \
                and self.item.scene() is self.scene:  # cancelled: as the model has it
            self.item.set_transition(self.original, self.item.source, self.item.target)
            self.scene.routes.reroute(self.scene)
        super().finish()


def remove_bend_point(editor: CanvasEditor, pos: QPointF) -> bool:
    """A double-click on a bend point of a selected arrow removes it (one undo step)."""
    for item in editor.scene.items(pos):
        if isinstance(item, TransitionItem) and item.isSelected():
            index = bend_point_at(item, pos)
            if index is not None:
                points = [(p.x, p.y) for i, p in enumerate(item.transition.waypoints)
                          if i != index]
                editor.push(arrows.bend_arrow(item.transition_id, points))
                return True
    return False


def add_arrow_actions(menu: QMenu, editor: CanvasEditor) -> None:
    """The arrow part of the context menu: the selected arrow's style, bend points and
    ends, and the document's arrow style."""
    lang = editor.language
    ids = editor.selected_transition_ids()
    if len(ids) == 1 and not editor.selected_stage_ids():
        t = editor.process.transition(ids[0])
        own = menu.addMenu(ui_texts.text("arrow-style", lang))
        for value in (None, *ArrowStyle):
            action = own.addAction(ui_texts.text(
                f"style-{value.value if value else 'default'}", lang),
                lambda v=value: editor.push(arrows.arrow_style(t.id, v)))
            action.setCheckable(True)
            action.setChecked(t.style == value)
        if t.waypoints:
            menu.addAction(ui_texts.text("straighten", lang),
                           lambda: editor.push(arrows.bend_arrow(t.id, [])))
        if t.source_anchor or t.target_anchor:
            menu.addAction(ui_texts.text("automatic-ends", lang), lambda: _unpin(editor, t.id))
    doc = menu.addMenu(ui_texts.text("document-arrow-style", lang))
    for value in ArrowStyle:
        action = doc.addAction(ui_texts.text(f"style-{value.value}", lang),
                               lambda v=value: editor.push(arrows.document_arrow_style(v)))
        action.setCheckable(True)
        action.setChecked(editor.process.arrow_style is value)


def _unpin(editor: CanvasEditor, transition_id: str) -> None:
    from salesdesigner.edits.fields import SetTransition

    editor.push(SetTransition(transition_id, {"source_anchor": None, "target_anchor": None},
                              name=arrows.pin_arrow_end(transition_id, "source", None).name))
