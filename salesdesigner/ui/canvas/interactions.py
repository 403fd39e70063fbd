"""One object per gesture on the canvas, in the manner of orange-canvas-core's
``document/interactions.py``.

The scene forwards mouse and key events to the editor; while a gesture is under way the
editor hands them to its :class:`Interaction`, which draws its own feedback and, when it
ends, asks the editor for one edit (one undo step).  To add a gesture, subclass
:class:`Interaction`, implement :meth:`Interaction.begin` (return an instance when a mouse
press at that spot starts the gesture, None otherwise) and the event methods it needs,
and add the class to :attr:`CanvasEditor.interaction_types
<salesdesigner.ui.canvas.editor.CanvasEditor.interaction_types>` — earlier classes are
asked first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSceneMouseEvent

from salesdesigner.model.entities import Position
from salesdesigner.model.geometry import lane_at, snap
from salesdesigner.ui.canvas import style, ui_texts
from salesdesigner.ui.canvas.inplace_editor import InplaceEditor
from salesdesigner.ui.canvas.lane_item import MIN_HEIGHT, LaneItem
from salesdesigner.ui.canvas.stage_item import LIVE_REROUTE, StageItem
from salesdesigner.ui.canvas.transition_item import TransitionItem

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor

LEFT = Qt.MouseButton.LeftButton


class Interaction:
    """A gesture in progress.  Event methods return True when they used the event (the
    scene then does not pass it on to Qt's default handling)."""

    def __init__(self, editor: CanvasEditor) -> None:
        self.editor = editor
        self.scene = editor.scene

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        """The gesture a mouse press starts here, or None (the next class is asked)."""
        return None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def cancel(self) -> None:
        """Stop without changing the document."""
        self.finish()

    def finish(self) -> None:
        """Take down the gesture's feedback; the editor forgets it."""
        self.editor.interaction_ended(self)


# ---------------------------------------------------------------- arrows
class _ArrowInteraction(Interaction):
    """A dashed line from a fixed point to the mouse; the stage under the mouse lights up."""

    def __init__(self, editor: CanvasEditor, origin: QPointF) -> None:
        super().__init__(editor)
        self.origin = origin
        self.line = QGraphicsPathItem()
        pen = QPen(style.SELECTION, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.line.setPen(pen)
        self.line.setZValue(100)
        self.scene.addItem(self.line)
        self._draw(origin)

    def _draw(self, pos: QPointF) -> None:
        path = QPainterPath(self.origin)
        path.lineTo(pos)
        path.addEllipse(pos, 4, 4)
        self.line.setPath(path)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        self._draw(event.scenePos())
        self.scene.set_drop_target(self.scene.stage_item_at(event.scenePos()))
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != LEFT:
            return True
        target = self.scene.stage_item_at(event.scenePos())
        self.finish()
        if target is None:
            self.editor.status(ui_texts.text("no-target", self.editor.language))
        else:
            self.drop_on(target.stage_id)
        return True

    def drop_on(self, stage_id: str) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        self.scene.set_drop_target(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        super().finish()


class ConnectInteraction(_ArrowInteraction):
    """A new arrow, dragged from the round handle on a stage's right edge."""

    def __init__(self, editor: CanvasEditor, item: StageItem, pos: QPointF) -> None:
        super().__init__(editor, item.mapToScene(item.handle_center()))
        self.source = item
        item.set_connecting(True)
        self._draw(pos)

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        item = editor.scene.stage_item_at(event.scenePos())
        if event.button() == LEFT and item is not None and item.on_handle(
                item.mapFromScene(event.scenePos())):
            return cls(editor, item, event.scenePos())
        return None

    def drop_on(self, stage_id: str) -> None:
        self.editor.connect_stages(self.source.stage_id, stage_id)

    def finish(self) -> None:
        self.source.set_connecting(False)
        super().finish()


class ReconnectInteraction(_ArrowInteraction):
    """One end of a selected arrow dragged to another stage (reconnected there), or along
    its own stage (pinned to the side and spot it is dropped on)."""

    def __init__(self, editor: CanvasEditor, item: TransitionItem, end: str,
                 pos: QPointF) -> None:
        super().__init__(editor, item.end_point("target" if end == "source" else "source"))
        self.transition_id, self.end = item.transition_id, end
        self._draw(pos)

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        if event.button() != LEFT:
            return None
        for item in editor.scene.items(event.scenePos()):
            if isinstance(item, TransitionItem) and item.isSelected():
                end = item.end_at(item.mapFromScene(event.scenePos()))
                if end:
                    return cls(editor, item, end, event.scenePos())
        return None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.last = event.scenePos()
        return super().mouse_move(event)

    def drop_on(self, stage_id: str) -> None:
        """Another stage: reconnect; its own stage: pin the end where it was dropped."""
        t = self.editor.process.transition(self.transition_id)
        if stage_id != (t.source if self.end == "source" else t.target):
            self.editor.reconnect(self.transition_id, self.end, stage_id)
            return
        from salesdesigner.edits.arrows import anchor_at, pin_arrow_end
        from salesdesigner.ui.canvas.routes import item_rect

        item = self.scene.stage_item(stage_id)
        pos = getattr(self, "last", self.origin)
        anchor = anchor_at(item_rect(item), (pos.x(), pos.y()))
        self.editor.push(pin_arrow_end(self.transition_id, self.end, anchor))


# ---------------------------------------------------------------- stages
class DragInteraction(Interaction):
    """Selected stages follow the mouse on the grid; arrows and the lane under the dragged
    stage follow live; the release commits one "Move" step (lanes by band)."""

    def __init__(self, editor: CanvasEditor, grabbed: StageItem, pos: QPointF) -> None:
        super().__init__(editor)
        self.grabbed = grabbed
        items = [i for i in self.scene.selectedItems() if isinstance(i, StageItem)]
        if grabbed not in items:
            items.append(grabbed)
        self.items = items
        self.press = pos
        self.starts = [item.pos() for item in items]
        if len(items) <= LIVE_REROUTE:
            self.scene.routes.begin_drag(frozenset(item.stage_id for item in items))

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        """Started after Qt's own press handling (which selects), when a stage took the
        mouse."""
        grabber = editor.scene.mouseGrabberItem()
        if event.button() == LEFT and isinstance(grabber, StageItem):
            return cls(editor, grabber, event.scenePos())
        return None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if not event.buttons() & LEFT:
            return False
        delta = event.scenePos() - self.press
        edges: dict[int, TransitionItem] = {}
        moved = False
        for item, start in zip(self.items, self.starts, strict=False):
            snapped = QPointF(snap(start.x() + delta.x()), snap(start.y() + delta.y()))
            if snapped != item.pos():
                item.setPos(snapped)
                moved = True
                edges.update((id(edge), edge) for edge in item.edges)
        for edge in edges.values():
            edge.adjust()
        scene = self.scene
        scene.content_moved()
        if moved and len(self.items) <= LIVE_REROUTE:  # arrows the stages now block or free
            for item in self.items:
                scene.routes.rect(item)
            scene.routes.reroute(scene, live=True)
        if scene.lane_items():
            scene.set_hot_lane(lane_at(self.editor.process, self.grabbed.pos().y()))
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != LEFT:
            return False
        self.finish()
        moved = {item.stage_id: Position(item.pos().x(), item.pos().y()) for item in self.items
                 if (item.pos().x(), item.pos().y()) != (item.stage.position.x,
                                                         item.stage.position.y)}
        if moved:
            self.editor.move_stages(moved)
        return False  # Qt's own release handling (selection on click) still runs

    def finish(self) -> None:
        self.scene.set_hot_lane(None)
        self.scene.routes.end_drag()  # the far stages' ports re-spread on the next re-route
        super().finish()


# ---------------------------------------------------------------- lanes
class LaneResizeInteraction(Interaction):
    """A lane's bottom edge dragged: the band previews its height, the release commits it
    (with the stages below riding along)."""

    def __init__(self, editor: CanvasEditor, item: LaneItem, y: float) -> None:
        super().__init__(editor)
        self.item, self.start = item, y

    @classmethod
    def begin(cls, editor: CanvasEditor, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        if event.button() != LEFT:
            return None
        for item in editor.scene.items(event.scenePos()):
            if isinstance(item, LaneItem) and item.on_bottom_edge(event.scenePos()):
                return cls(editor, item, event.scenePos().y())
        return None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        height = max(MIN_HEIGHT, self.item.lane.height + event.scenePos().y() - self.start)
        self.item.set_preview_height(height)
        self.scene.content_moved()
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        height = self.item.preview_height()
        self.finish()
        if height is not None and height != self.item.lane.height:
            self.editor.resize_lane(self.item.lane_id, height)
        return True

    def finish(self) -> None:
        self.item.set_preview_height(None)
        self.scene.content_moved()
        super().finish()


# ---------------------------------------------------------------- rename in place
class RenameInteraction(Interaction):
    """A stage's name or an arrow's label edited where it is drawn: Enter (or a click
    elsewhere) commits, Escape cancels.  Not a mouse gesture: it lives beside one."""

    def __init__(self, editor: CanvasEditor, text: str, rect: QRectF,
                 done: Callable[[str], None], initial: str | None = None) -> None:
        super().__init__(editor)
        self._done = done
        self.text_item = InplaceEditor(text, rect, self._finished)
        self.scene.addItem(self.text_item)
        self.text_item.begin()
        if initial is not None:  # typing on a selected stage: the key starts the new name
            self.text_item.replace_with(initial)

    def _finished(self, value: str | None) -> None:
        self.editor.interaction_ended(self)
        if value is not None:
            self._done(value)

    def commit(self) -> None:
        self.text_item.commit()

    def cancel(self) -> None:
        self.text_item.cancel()

    def finish(self) -> None:
        self.commit()


__all__ = ["Interaction", "ConnectInteraction", "ReconnectInteraction", "DragInteraction",
           "LaneResizeInteraction", "RenameInteraction"]
