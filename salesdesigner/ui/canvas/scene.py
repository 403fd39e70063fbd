"""The process drawing: one item per stage, arrow and lane, kept in step with the model.

The scene only renders: it follows the model's events (undo, redo, the inspector and other
windows all take the same path) and keeps the selection.  Mouse and key input goes to an
input handler — the :class:`~salesdesigner.ui.canvas.editor.CanvasEditor`, which runs one
interaction object per gesture and turns gestures into edits.  Work that needs the whole
process (back edges, lane widths, scene size) is batched into one deferred :meth:`flush`.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from salesdesigner.gc_pause import collector_paused
from salesdesigner.model import events as ev
from salesdesigner.model.entities import Stage, Transition
from salesdesigner.model.geometry import lane_bands
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.process import Process
from salesdesigner.model.validation import Finding, Severity
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.background import draw_background
from salesdesigner.ui.canvas.labels import CanvasLabels
from salesdesigner.ui.canvas.lane_item import LaneItem
from salesdesigner.ui.canvas.routes import ArrowRouter
from salesdesigner.ui.canvas.stage_item import StageItem
from salesdesigner.ui.canvas.transition_item import TransitionItem

SCENE_MARGIN = 600.0


class InputHandler(Protocol):
    """Who the scene forwards input to (the editor).  Each method returns True when it
    used the event, so the scene leaves it out of Qt's default handling."""

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def after_press(self, event: QGraphicsSceneMouseEvent) -> None: ...
    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def context_menu_event(self, event: QGraphicsSceneContextMenuEvent) -> bool: ...
    def key_press(self, event: QKeyEvent) -> bool: ...
    def rebuilt(self) -> None: ...


_ARROW_GEOMETRY = {"label", "waypoints", "source_anchor", "target_anchor", "style"}

class ProcessScene(QGraphicsScene):
    """The editable drawing of one :class:`Process`."""

    selectionChangedIds = Signal()
    contentChanged = Signal()  # after model changes were drawn (the minimap redraws then)
    lanesPlaced = Signal()  # lane bands were (re)placed: names, colours or places may differ

    def __init__(self, process: Process, parent=None) -> None:
        super().__init__(parent)
        self.process = process
        self.input: InputHandler | None = None  # the editor, once it takes the scene
        self.exporting = False
        self._stages: dict[str, StageItem] = {}
        self._transitions: dict[str, TransitionItem] = {}
        self._lanes: dict[str, LaneItem] = {}
        self._severity: dict[str, str] = {}
        self._batch_selection = False
        self._selected_lane: str | None = None  # the lane whose header is selected
        self._hot_lane: LaneItem | None = None
        self._drop_target: StageItem | None = None
        self._raised: set[TransitionItem] = set()  # selected arrows, lifted above stages
        self._content: QRectF | None = None  # content_rect, measured once per change
        self._loops_stale = False  # arrows changed since loop arrows were last found
        self.routes = ArrowRouter()  # stages as obstacles for the arrows' routes
        self.labels = self.routes.labels = CanvasLabels(self)  # arrow labels, placed apart
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)
        self.selectionChanged.connect(self._relay_selection)
        # The listener holds the scene weakly: the ``destroyed`` hook below keeps it for as
        # long as the C++ scene lives, and a bound method there would keep the whole canvas
        # (thousands of items) alive after the scene is dropped.
        scene_ref = weakref.ref(self)

        def listener(event: ev.Event) -> None:
            scene = scene_ref()
            if scene is not None:
                scene._on_event(event)

        self._listener = listener
        process.events.connect(self._listener)
        self.destroyed.connect(lambda *_a, p=process, f=self._listener: _safe_disconnect(p, f))
        self.rebuild()

    def detach(self) -> None:
        """Stop following the model (the window calls this when it closes the document)."""
        _safe_disconnect(self.process, self._listener)
        self.routes.stop()  # the deferred passes: nothing left to draw
        self.labels.stop()

    # ------------------------------------------------------------------ lookup
    def stage_item(self, stage_id: str) -> StageItem | None:
        return self._stages.get(stage_id)

    def transition_item(self, transition_id: str) -> TransitionItem | None:
        return self._transitions.get(transition_id)

    def lane_item(self, lane_id: str) -> LaneItem | None:
        return self._lanes.get(lane_id)

    def stage_items(self) -> dict[str, StageItem]:
        return dict(self._stages)

    def transition_items(self) -> dict[str, TransitionItem]:
        return dict(self._transitions)

    def lane_items(self) -> dict[str, LaneItem]:
        return dict(self._lanes)

    def stage_item_at(self, pos: QPointF) -> StageItem | None:
        for item in self.items(pos):
            if isinstance(item, StageItem):
                return item
        return None

    def content_rect(self) -> QRectF:
        """Stages, arrows and lane bands (what export and "fit" show)."""
        if self._content is None:
            rect = QRectF()
            for group in (self._lanes, self._stages, self._transitions):
                for item in group.values():
                    rect = rect.united(item.sceneBoundingRect())
            self._content = rect
        return QRectF(self._content)

    def content_moved(self) -> None:
        """Forget the measured :meth:`content_rect` (items moved outside a model change)."""
        self._content = None

    # ------------------------------------------------------------------ model events
    def _on_event(self, event: ev.Event) -> None:
        """Update the items the event names; only changes of structure (stages, arrows,
        kinds) or geometry (positions, lanes) schedule the whole-document :meth:`flush`.
        Typing in a stage's name or goal repaints that one stage."""
        structure = geometry = True  # what the flush has to redo
        if isinstance(event, ev.StageAdded):
            self._add_stage_item(event.stage)
            self.routes.rect(self._stages[event.stage.id])
        elif isinstance(event, ev.StageRemoved):
            self.routes.stage_removed(event.stage.id)
            item = self._stages.pop(event.stage.id, None)
            if item is not None:
                for edge in list(item.edges):  # the model removed them first; be safe
                    self._remove_transition_item(edge.transition_id)
                self.removeItem(item)
        elif isinstance(event, ev.StageChanged):
            item = self._stages[event.new.id]
            item.set_stage(event.new)
            if "lane" in event.fields:
                item.set_lane_color(self._lane_color(event.new.lane))
            structure = "kind" in event.fields  # start stages root the loop walk
            geometry = structure or "position" in event.fields  # kind sets the size
            if geometry:
                self.routes.rect(item)
        elif isinstance(event, ev.TransitionAdded):
            self._add_transition_item(event.transition)
        elif isinstance(event, ev.TransitionRemoved):
            self._remove_transition_item(event.transition.id)
        elif isinstance(event, ev.TransitionChanged):
            t = event.new
            self._transitions[t.id].set_transition(t, self._stages[t.source],
                                                   self._stages[t.target])
            structure = bool({"source", "target"} & set(event.fields))
            # the label's box, and the user's bend points, ends and style
            geometry = structure or bool(_ARROW_GEOMETRY & set(event.fields))
        elif isinstance(event, ev.LaneAdded):
            self._lanes[event.lane.id] = item = LaneItem(event.lane)
            self.addItem(item)
            self._place_lanes()
        elif isinstance(event, ev.LaneRemoved):
            self.removeItem(self._lanes.pop(event.lane.id))
            self._place_lanes()
        elif isinstance(event, ev.LaneChanged):
            self._lanes[event.new.id].set_lane(event.new)
            if "color" in event.fields:
                color = self._lane_color(event.new.id)
                for item in self._stages.values():
                    if item.stage.lane == event.new.id:
                        item.set_lane_color(color)
            self._place_lanes()
            structure = False
        elif isinstance(event, ev.LanesReordered):
            self._place_lanes()
            structure = False
        elif isinstance(event, ev.ProcessReset):
            self.rebuild()
            return
        elif isinstance(event, ev.ProcessChanged):
            if "language" in event.fields:  # "(untitled)" and durations read in it
                for item in self._stages.values():
                    item.words_changed()
            if "arrow_style" not in event.fields:
                return
            self.routes.style = self.process.arrow_style  # every arrow without its own style
            for item in self._transitions.values():
                item.adjust()
            structure = False
        else:  # attachments: nothing drawn
            return
        if structure:
            self._loops_stale = True
        if geometry:
            self._content = None
            self._schedule_flush()
        else:
            self.contentChanged.emit()  # the minimap redraws (debounced)

    def rebuild(self) -> None:
        """Drop every item and draw the process afresh (after a reset or reorder)."""
        if self.input is not None:
            self.input.rebuilt()  # a gesture on items about to go ends here
        for group in (self._transitions, self._stages, self._lanes):
            for item in group.values():
                self.removeItem(item)
            group.clear()
        self._raised.clear()
        self._content = None
        with collector_paused():
            for lane in self.process.lanes:
                self._lanes[lane.id] = item = LaneItem(lane)
                self.addItem(item)
            for stage in self.process.stages:
                self._add_stage_item(stage)
            self.routes.reset(self._stages)
            self.routes.style = self.process.arrow_style
            loops = self._loop_lanes()
            self.routes.prime([(t, lane is not None) for t, lane in loops])
            self.routes.priming = True
            try:
                for transition, lane in loops:
                    self._add_transition_item(transition, lane)
            finally:
                self.routes.priming = False
        self.flush(loops, defer=True)  # the tangle pass once the window has painted

    def untangled(self) -> None:
        """The deferred tangle pass has ended: arrows it moved may change the size."""
        self._content = None
        self._schedule_flush()

    def _add_stage_item(self, stage: Stage) -> None:
        item = StageItem(stage, self._lane_color(stage.lane))
        item.set_severity(self._severity.get(stage.id))
        self._stages[stage.id] = item
        self.addItem(item)

    def _loop_lanes(self) -> list[tuple[Transition, int | None]]:
        """Each transition with its loop depth if it closes a loop (drawn below), else None."""
        loops = back_edges(self.process)
        depth: dict[str, int] = {}
        result: list[tuple[Transition, int | None]] = []
        for t in self.process.transitions:
            if (t.source, t.target) in loops:
                depth[t.target] = depth.get(t.target, -1) + 1
                result.append((t, depth[t.target] % 4))
            else:
                result.append((t, None))
        return result

    def _add_transition_item(self, t: Transition, loop_lane: int | None = None) -> None:
        item = TransitionItem(t, self._stages[t.source], self._stages[t.target],
                              loop_lane is not None, loop_lane or 0, self.routes)
        self._transitions[t.id] = item
        self.addItem(item)

    def _remove_transition_item(self, transition_id: str) -> None:
        item = self._transitions.pop(transition_id, None)
        if item is not None:
            self._raised.discard(item)
            self.routes.arrow_removed(item)
            item.detach()
            self.removeItem(item)

    def _lane_color(self, lane_id: str | None):
        if lane_id is None or not self.process.has_lane(lane_id):
            return None
        return style.lane_color(self.process.lane(lane_id).color)

    def _place_lanes(self) -> None:
        width = self._lane_width()
        for band in lane_bands(self.process):
            self._lanes[band.lane_id].set_band(band.top, width)
        self.lanesPlaced.emit()

    def _lane_width(self) -> float:
        right = max((i.scene_body_rect().right() for i in self._stages.values()), default=0.0)
        return max(1200.0, right + 160.0)

    def _schedule_flush(self) -> None:
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_pending(self) -> None:
        """Run a scheduled :meth:`flush` now (before centring or fitting the view), and
        the rest of an opened document's tangle pass."""
        if self._flush_timer.isActive():
            self.flush()
        self.routes.finish_untangling(self)

    def settled_content_rect(self) -> QRectF:
        """:meth:`content_rect` after a :meth:`flush`, which is skipped when nothing has
        changed since the last one (fitting a just-opened big process measures it once)."""
        if self._flush_timer.isActive() or self._content is None:
            return self.flush()
        return self.content_rect()

    def flush(self, loops: list[tuple[Transition, int | None]] | None = None,
              defer: bool = False) -> QRectF:
        """Recompute what depends on the whole process: loop arrows (when arrows or stage
        kinds changed since the last flush), routes, lane widths, scene size.

        Returns the :meth:`content_rect` it found (fitting the view needs it next).
        ``loops`` is :meth:`_loop_lanes` when the caller has just computed it; ``defer``
        leaves the tangle pass for later (:meth:`ArrowRouter.reroute`).
        """
        self._flush_timer.stop()
        if loops is not None or self._loops_stale:
            for t, lane in self._loop_lanes() if loops is None else loops:
                self._transitions[t.id].set_back(lane is not None, lane or 0)
            self._loops_stale = False
        self.routes.reroute(self, defer=defer)  # arrows moved stages now block or free
        self._place_lanes()
        self._content = None
        rect = content = self.content_rect()
        if rect.isNull():
            rect = QRectF(0, 0, 1200, 800)
        self.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        self.contentChanged.emit()
        return content

    # ------------------------------------------------------------------ selection
    def _relay_selection(self) -> None:
        if not self._batch_selection:
            if self.selectedItems():  # a stage or arrow was picked: no lane any more
                self._set_selected_lane(None)
            self._raise_selected_arrows()
            self.selectionChangedIds.emit()

    def _raise_selected_arrows(self) -> None:
        """Selected arrows above the stages, the others back beneath them."""
        selected = {i for i in self.selectedItems() if isinstance(i, TransitionItem)}
        for item in self._raised - selected:
            item.set_raised(False)
        for item in selected - self._raised:
            item.set_raised(True)
        self._raised = selected

    def _in_order(self, ids: Iterable[str], order: list[str]) -> list[str]:
        chosen = set(ids)
        return [i for i in order if i in chosen]

    def selected_stage_ids(self) -> list[str]:
        ids = [i.stage_id for i in self.selectedItems() if isinstance(i, StageItem)]
        return self._in_order(ids, self.process.stage_ids)

    def selected_transition_ids(self) -> list[str]:
        ids = [i.transition_id for i in self.selectedItems() if isinstance(i, TransitionItem)]
        return self._in_order(ids, [t.id for t in self.process.transitions])

    def select_ids(self, stage_ids: Iterable[str] = (), transition_ids: Iterable[str] = (),
                   lane_id: str | None = None) -> None:
        """Select these stages and arrows, or (alone) one lane, whose header lights up."""
        self._batch_selection = True
        try:
            self.clearSelection()
            self._set_selected_lane(lane_id)
            for sid in stage_ids:
                if sid in self._stages:
                    self._stages[sid].setSelected(True)
            for tid in transition_ids:
                if tid in self._transitions:
                    self._transitions[tid].setSelected(True)
        finally:
            self._batch_selection = False
        self._raise_selected_arrows()
        self.selectionChangedIds.emit()

    def select_lane(self, lane_id: str | None) -> None:
        self.select_ids(lane_id=lane_id)

    def selected_lane_id(self) -> str | None:
        """The selected lane (its header is highlighted), or None; a lane that was
        deleted meanwhile is no longer selected."""
        if self._selected_lane is not None and self._selected_lane not in self._lanes:
            self._selected_lane = None
        return self._selected_lane

    def _set_selected_lane(self, lane_id: str | None) -> None:
        if lane_id is not None and lane_id not in self._lanes:
            lane_id = None
        old = self._lanes.get(self._selected_lane) if self._selected_lane else None
        if old is not None:
            old.set_selected_header(False)
        self._selected_lane = lane_id
        if lane_id is not None:
            self._lanes[lane_id].set_selected_header(True)

    def leave_lane(self) -> None:
        """After a mouse press anywhere but the selected lane's header: no lane selected."""
        if self._selected_lane is not None and (
                self.mouseGrabberItem() is not self._lanes.get(self._selected_lane)):
            self._set_selected_lane(None)
            self.selectionChangedIds.emit()

    def select_all(self) -> None:
        self.select_ids(self._stages, self._transitions)

    def set_findings(self, findings: list[Finding]) -> None:
        """Mark stages with errors (red) or warnings (amber).  Hints are not drawn, nor are
        loops: a nurture loop is legitimate and its dashed arrow already shows it."""
        severity: dict[str, str] = {}
        for finding in findings:
            if finding.severity is Severity.HINT or finding.code == "cycle":
                continue
            for sid in finding.stage_ids:
                if severity.get(sid) != "error":
                    severity[sid] = Severity(finding.severity).value
        self._severity = severity
        for sid, item in self._stages.items():
            item.set_severity(severity.get(sid))

    # ------------------------------------------------------------------ gesture feedback
    def set_drop_target(self, item: StageItem | None) -> None:
        """Light up the stage an arrow being drawn would connect to."""
        if item is not self._drop_target:
            if self._drop_target is not None:
                self._drop_target.set_drop_target(False)
            self._drop_target = item
            if item is not None:
                item.set_drop_target(True)

    def set_hot_lane(self, lane_id: str | None) -> None:
        """Light up the lane a dragged stage would land in."""
        item = self._lanes.get(lane_id) if lane_id else None
        if item is not self._hot_lane:
            if self._hot_lane is not None:
                self._hot_lane.set_highlighted(False)
            self._hot_lane = item
            if item is not None:
                item.set_highlighted(True)

    # ------------------------------------------------------------------ input, forwarded
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.input is not None and self.input.mouse_press(event):
            return
        super().mousePressEvent(event)
        self.leave_lane()
        if self.input is not None:
            self.input.after_press(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.input is None or not self.input.mouse_move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.input is None or not self.input.mouse_release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.input is None or not self.input.mouse_double_click(event):
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        if self.input is None or not self.input.context_menu_event(event):
            super().contextMenuEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None or self.input is None or not self.input.key_press(event):
            super().keyPressEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        draw_background(painter, rect, self.exporting)


def _safe_disconnect(process: Process, listener) -> None:
    with contextlib.suppress(ValueError):
        process.events.disconnect(listener)


__all__ = ["ProcessScene"]
