"""The process editor's scene: one item per stage, arrow and lane, kept in step with the model.

Edits made here (mouse gestures and the methods the main window calls) are pushed as undo
commands that change only the model; the scene follows the model's events, so undo, redo,
the inspector and other windows all take the same path.  Work that needs the whole process
(back edges, lane widths, scene size) is batched into one deferred :meth:`flush`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from salesdesigner.collector import collector_paused
from salesdesigner.edits import AddStage, Edit, Name, remove_items
from salesdesigner.edits import stages as stage_rules
from salesdesigner.model import events as ev
from salesdesigner.model.entities import Position, Stage, StageKind, Transition
from salesdesigner.model.errors import ProcessError
from salesdesigner.model.geometry import lane_at, lane_bands
from salesdesigner.model.ids import new_id
from salesdesigner.model.layout import compute_layout
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.placement import free_spot
from salesdesigner.model.process import Process
from salesdesigner.model.validation import Finding, Severity
from salesdesigner.ui.canvas import labels, style
from salesdesigner.ui.canvas.background import draw_background
from salesdesigner.ui.canvas.clipboard_ops import ClipboardOps
from salesdesigner.ui.canvas.gestures import ConnectGesture
from salesdesigner.ui.canvas.inplace_editor import InplaceEditor
from salesdesigner.ui.canvas.keys import handle_key
from salesdesigner.ui.canvas.lane_item import LaneItem
from salesdesigner.ui.canvas.lane_ops import LaneOps
from salesdesigner.ui.canvas.menus import canvas_menu
from salesdesigner.ui.canvas.routes import ArrowRouter
from salesdesigner.ui.canvas.stage_item import StageItem
from salesdesigner.ui.canvas.transition_item import TransitionItem
from salesdesigner.ui.canvas.undo_focus import UndoFocus
from salesdesigner.ui.commands import push

SCENE_MARGIN = 600.0


class ProcessScene(QGraphicsScene):
    """The editable drawing of one :class:`Process`."""

    statusMessage = Signal(str)
    selectionChangedIds = Signal()
    contentChanged = Signal()  # after model changes were drawn (the minimap redraws then)

    def __init__(self, process: Process, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.process = process
        self.undo_stack = undo_stack
        self.language = process.language or "en"
        self.exporting = False
        self._stages: dict[str, StageItem] = {}
        self._transitions: dict[str, TransitionItem] = {}
        self._lanes: dict[str, LaneItem] = {}
        self._severity: dict[str, str] = {}
        self._gesture: ConnectGesture | None = None
        self._editor: InplaceEditor | None = None
        self._batch_selection = False
        self._hot_lane: LaneItem | None = None
        self._drop_target: StageItem | None = None
        self._raised: set[TransitionItem] = set()  # selected arrows, lifted above stages
        self._content: QRectF | None = None  # content_rect, measured once per change
        self.routes = ArrowRouter()  # stages as obstacles for the arrows' routes
        self.lane_ops = LaneOps(self)
        self.clipboard_ops = ClipboardOps(self)
        self.undo_focus = UndoFocus(self)
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
        self.undo_focus.detach()

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
        self._content = None
        self.undo_focus.note(event)
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
            self.routes.rect(item)
            if "lane" in event.fields:
                item.set_lane_color(self._lane_color(event.new.lane))
        elif isinstance(event, ev.TransitionAdded):
            self._add_transition_item(event.transition)
        elif isinstance(event, ev.TransitionRemoved):
            self._remove_transition_item(event.transition.id)
        elif isinstance(event, ev.TransitionChanged):
            t = event.new
            self._transitions[t.id].set_transition(t, self._stages[t.source],
                                                   self._stages[t.target])
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
        elif isinstance(event, ev.LanesReordered):
            self._place_lanes()
        elif isinstance(event, ev.ProcessReset):
            self.rebuild()
            return
        elif isinstance(event, ev.ProcessChanged):
            return
        self._schedule_flush()

    def rebuild(self) -> None:
        """Drop every item and draw the process afresh (after a reset or reorder)."""
        self.cancel_gesture()
        if self._editor is not None:
            self._editor.cancel()
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
            loops = self._loop_lanes()
            for transition, lane in loops:
                self._add_transition_item(transition, lane)
        self.flush(loops)

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

    def _lane_width(self) -> float:
        right = max((i.scene_body_rect().right() for i in self._stages.values()), default=0.0)
        return max(1200.0, right + 160.0)

    def _schedule_flush(self) -> None:
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_pending(self) -> None:
        """Run a scheduled :meth:`flush` now (before centring or fitting the view)."""
        if self._flush_timer.isActive():
            self.flush()

    def settled_content_rect(self) -> QRectF:
        """:meth:`content_rect` after a :meth:`flush`, which is skipped when nothing has
        changed since the last one (fitting a just-opened big process measures it once)."""
        if self._flush_timer.isActive() or self._content is None:
            return self.flush()
        return self.content_rect()

    def flush(self, loops: list[tuple[Transition, int | None]] | None = None) -> QRectF:
        """Recompute what depends on the whole process: loop arrows, lane widths, scene size.

        Returns the :meth:`content_rect` it found (fitting the view needs it next).
        ``loops`` is :meth:`_loop_lanes` when the caller has just computed it.
        """
        self._flush_timer.stop()
        for t, lane in self._loop_lanes() if loops is None else loops:
            self._transitions[t.id].set_back(lane is not None, lane or 0)
        self.routes.reroute(self)  # arrows that moved stages now block or free
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
                self.lane_ops.set_selected(None)
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
            self.lane_ops.set_selected(lane_id)
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
        return self.lane_ops.selected_id()

    def select_all(self) -> None:
        self.select_ids(self._stages, self._transitions)

    # ------------------------------------------------------------------ editing
    def _push(self, edit: Edit | None) -> None:
        push(self.undo_stack, self.process, edit)

    def set_language(self, lang: str) -> None:
        self.language = lang or "en"

    @property
    def content_language(self) -> str:
        """The document's language: new stages and lanes are named in it (they end up in
        the manual and the playbook), whatever language the menus speak."""
        return self.process.language or self.language

    def add_stage_at(self, pos: QPointF, kind: StageKind = StageKind.STAGE,
                     name: str | None = None) -> str:
        """Add a stage at the free grid spot nearest ``pos`` (never on top of another),
        named in the document's language."""
        kind = StageKind(kind)
        spot = free_spot(self.process, Position(pos.x(), pos.y()), kind)
        stage = Stage(new_id("stage"),
                      name if name is not None else
                      labels.text(labels.DEFAULT_NAMES[kind], self.content_language),
                      kind, lane_at(self.process, spot.y), spot)
        self._push(AddStage(stage))
        self.select_ids([stage.id])
        return stage.id

    def connect_stages(self, source: str, target: str, label: str = "") -> str | None:
        """Add an arrow, or say why not (self-loop, duplicate) on :attr:`statusMessage`."""
        transition = Transition(new_id("t"), source, target, label)
        try:
            self._push(stage_rules.connect(self.process, transition))
        except ProcessError as exc:
            self._status(str(exc))
            return None
        return transition.id

    def reconnect(self, transition_id: str, end: str, stage_id: str) -> bool:
        """Move one end ("source"/"target") of an arrow to another stage."""
        try:
            edit = stage_rules.reconnect(self.process, transition_id, end, stage_id)
        except ProcessError as exc:
            self._status(str(exc))
            return False
        self._push(edit)
        return edit is not None

    def _status(self, message: str) -> None:
        if self.language.lower().startswith("ja"):
            message = labels.MODEL_MESSAGES_JA.get(message, message)
        self.statusMessage.emit(message)

    def delete_selection(self, text: str = "Delete") -> None:
        """Delete the selected stages and arrows, or the lane selected by its header."""
        stages, transitions = self.selected_stage_ids(), self.selected_transition_ids()
        if stages or transitions:
            self._push(remove_items(stages, transitions, Name(text)))
        elif self.selected_lane_id() is not None and text == "Delete":
            self.delete_lane(self.selected_lane_id())

    def move_stages(self, positions: dict[str, Position], text: str = "Move", *,
                    nudge: bool = False) -> None:
        """One undo step moving stages (lanes follow the band each one lands in); nudges
        of the same stages in a row make one step together."""
        self._push(stage_rules.move_stages(self.process, positions, text,
                                           key="nudge" if nudge else None))

    def align_selection(self, how: str) -> None:
        stages = self.selected_stage_ids()
        if len(stages) < 2:
            self._status(labels.text("need-two", self.language))
            return
        self._push(stage_rules.align(self.process, stages, how))

    def distribute_selection(self, axis: str) -> None:
        stages = self.selected_stage_ids()
        if len(stages) < 3:
            self._status(labels.text("need-three", self.language))
            return
        self._push(stage_rules.distribute(self.process, stages, axis))

    def auto_layout(self) -> None:
        if self.process.stages:
            self._push(stage_rules.apply_layout(compute_layout(self.process)))

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

    # ------------------------------------------------------------------ clipboard
    def copy_selection(self) -> None:
        self.clipboard_ops.copy()

    def cut_selection(self) -> None:
        self.clipboard_ops.cut()

    def paste(self, at: QPointF | None = None) -> None:
        self.clipboard_ops.paste(at)

    def duplicate_selection(self) -> None:
        self.clipboard_ops.duplicate()

    # ------------------------------------------------------------------ rename in place
    def rename_selected(self) -> None:
        stages, transitions = self.selected_stage_ids(), self.selected_transition_ids()
        if len(stages) == 1 and not transitions:
            item = self._stages[stages[0]]
            self._open_editor(item.stage.name, item.scene_body_rect(),
                              lambda text, sid=item.stage_id: self._rename_stage(sid, text))
        elif len(transitions) == 1 and not stages:
            item = self._transitions[transitions[0]]
            rect = item.label_rect()
            if rect.isNull():
                mid = item.path().pointAtPercent(0.5)
                rect = QRectF(mid.x() - 70, mid.y() - 12, 140, 24)
            self._open_editor(item.transition.label, rect.adjusted(-30, 0, 30, 0),
                              lambda text, tid=item.transition_id: self._relabel(tid, text))

    def _open_editor(self, text: str, rect: QRectF, done) -> None:
        if self._editor is not None:
            self._editor.commit()

        def finished(value: str | None) -> None:
            self._editor = None
            if value is not None:
                done(value)

        self._editor = InplaceEditor(text, rect, finished)
        self.addItem(self._editor)
        self._editor.begin()

    def editor(self) -> InplaceEditor | None:
        return self._editor

    def is_editing_text(self) -> bool:
        """True while the in-place editor is open: window shortcuts such as Delete or
        Ctrl+C should then go to the text, not to the selected stages."""
        return self._editor is not None

    def _rename_stage(self, stage_id: str, name: str) -> None:
        self._push(stage_rules.rename_stage(self.process, stage_id, name))

    def _relabel(self, transition_id: str, label: str) -> None:
        self._push(stage_rules.relabel(self.process, transition_id, label))

    # ------------------------------------------------------------------ lanes
    def add_lane(self, name: str | None = None) -> str:
        return self.lane_ops.add(name)

    def rename_lane(self, lane_id: str, name: str) -> None:
        self.lane_ops.rename(lane_id, name)

    def recolour_lane(self, lane_id: str, color: str) -> None:
        self.lane_ops.recolour(lane_id, color)

    def resize_lane(self, lane_id: str, height: float) -> None:
        self.lane_ops.resize(lane_id, height)

    def move_lane(self, lane_id: str, index: int) -> None:
        self.lane_ops.move(lane_id, index)

    def delete_lane(self, lane_id: str) -> None:
        self.lane_ops.delete(lane_id)

    def lane_menu(self, lane_id: str, scene_pos: QPointF) -> QMenu:
        return self.lane_ops.menu(lane_id, scene_pos)

    # ------------------------------------------------------------------ gestures
    def begin_connect(self, item: StageItem, pos: QPointF) -> None:
        self.cancel_gesture()
        origin = item.mapToScene(item.handle_center())
        self._gesture = ConnectGesture.start(self, item.stage_id, origin)
        self._gesture.update(pos)

    def begin_reconnect(self, item: TransitionItem, end: str, fixed: QPointF,
                        pos: QPointF) -> None:
        self.cancel_gesture()
        other = item.transition.target if end == "source" else item.transition.source
        self._gesture = ConnectGesture.start(self, other, fixed, item.transition_id, end)
        self._gesture.update(pos)

    def update_connect(self, pos: QPointF) -> None:
        if self._gesture is not None:
            self._gesture.update(pos)
            self._set_drop_target(self.stage_item_at(pos))

    def _set_drop_target(self, item: StageItem | None) -> None:
        if item is not self._drop_target:
            if self._drop_target is not None:
                self._drop_target.set_drop_target(False)
            self._drop_target = item
            if item is not None:
                item.set_drop_target(True)

    def _set_hot_lane(self, lane_id: str | None) -> None:
        item = self._lanes.get(lane_id) if lane_id else None
        if item is not self._hot_lane:
            if self._hot_lane is not None:
                self._hot_lane.set_highlighted(False)
            self._hot_lane = item
            if item is not None:
                item.set_highlighted(True)

    def finish_connect(self, pos: QPointF) -> None:
        gesture, self._gesture = self._gesture, None
        self._set_drop_target(None)
        if gesture is None:
            return
        gesture.finish(self)
        target = self.stage_item_at(pos)
        if target is None:
            self._status(labels.text("no-target", self.language))
        elif gesture.transition_id is None:
            self.connect_stages(gesture.stage_id, target.stage_id)
        else:
            self.reconnect(gesture.transition_id, gesture.end or "target", target.stage_id)

    def cancel_gesture(self) -> None:
        self._set_drop_target(None)
        if self._gesture is not None:
            self._gesture.finish(self)
            self._gesture = None

    # ------------------------------------------------------------------ mouse and keys
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self.lane_ops.pressed()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        grabber = self.mouseGrabberItem()
        if (isinstance(grabber, StageItem) and self._gesture is None and self._lanes
                and event.buttons() & Qt.MouseButton.LeftButton):
            self._set_hot_lane(lane_at(self.process, grabber.pos().y()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._set_hot_lane(None)
            self.commit_drag()

    def commit_drag(self) -> None:
        """Turn wherever dragged stages ended up into one undo step (lanes by band)."""
        moved = {}
        for item in self.selectedItems():
            if isinstance(item, StageItem):
                p = item.pos()
                if Position(p.x(), p.y()) != item.stage.position:
                    moved[item.stage_id] = Position(p.x(), p.y())
        if moved:
            self.move_stages(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        for item in self.items(event.scenePos()):
            if isinstance(item, (StageItem, TransitionItem, InplaceEditor)):
                return super().mouseDoubleClickEvent(event)
            if isinstance(item, LaneItem) and item.title_rect().contains(event.scenePos()):
                self.lane_ops.prompt_rename(item.lane_id)
                return None
        self.add_stage_at(event.scenePos())
        event.accept()
        return None

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        pos = event.scenePos()
        item = self.stage_item_at(pos)
        if item is None:
            for other in self.items(pos):
                if isinstance(other, TransitionItem):
                    self.select_ids(transition_ids=[other.transition_id])
                    break
                if isinstance(other, LaneItem) and other.title_rect().contains(pos):
                    other.contextMenuEvent(event)
                    return
        elif item.stage_id not in self.selected_stage_ids():
            self.select_ids([item.stage_id])
        self.context_menu(pos).exec(event.screenPos())

    def context_menu(self, pos: QPointF) -> QMenu:
        """Canvas menu: edit the selection, or add a stage of any kind / a lane here."""
        return canvas_menu(self, pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None or not handle_key(self, event):
            super().keyPressEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        draw_background(painter, rect, self.exporting)


def _safe_disconnect(process: Process, listener) -> None:
    try:
        process.events.disconnect(listener)
    except ValueError:
        pass


__all__ = ["ProcessScene"]
