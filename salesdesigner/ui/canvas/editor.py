"""The canvas editor: owns the process, the undo stack and the scene, and is the one
thing the window's actions, menus and the inspector call to change the drawing.

Every change is an edit of :mod:`salesdesigner.edits` pushed through the one undo
command; the scene follows the model's events.  Mouse input reaches the editor from the
scene and goes to the gesture under way (one object per gesture, see
:mod:`~salesdesigner.ui.canvas.interactions`); keys are looked up in the one binding table
(:mod:`~salesdesigner.ui.canvas.keys`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent, QMenu

from salesdesigner.edits import Edit, Name
from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.entities import (
    DEFAULT_LANE_HEIGHT,
    ArrowStyle,
    Lane,
    Position,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.errors import ProcessError, UserError
from salesdesigner.model.geometry import lane_at
from salesdesigner.model.ids import new_id
from salesdesigner.model.layout import compute_layout
from salesdesigner.model.placement import free_spot
from salesdesigner.model.process import Process
from salesdesigner.ui.canvas import keys, lane_menu, style, ui_texts
from salesdesigner.ui.canvas.arrow_gestures import BendInteraction, remove_bend_point
from salesdesigner.ui.canvas.clipboard_ops import ClipboardOps
from salesdesigner.ui.canvas.inplace_editor import InplaceEditor
from salesdesigner.ui.canvas.interactions import (
    ConnectInteraction,
    DragInteraction,
    Interaction,
    LaneResizeInteraction,
    ReconnectInteraction,
    RenameInteraction,
)
from salesdesigner.ui.canvas.lane_item import LaneItem
from salesdesigner.ui.canvas.menus import canvas_menu
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.stage_item import StageItem
from salesdesigner.ui.canvas.transition_item import TransitionItem
from salesdesigner.ui.canvas.undo_focus import UndoFocus
from salesdesigner.ui.commands import push

# the edit rules load with the first edit, not with the window (see lazy_import)
lane_rules = lazy_module("salesdesigner.edits.lanes")
stage_rules = lazy_module("salesdesigner.edits.stages")
structure = lazy_module("salesdesigner.edits.structure")
arrows = lazy_module("salesdesigner.edits.arrows")


class CanvasEditor(QObject):
    """Edits one process on its scene; one editor per window."""

    statusMessage = Signal(str)
    # "Rename…" on a lane: a window with an inspector puts the cursor in its name field
    # (connected: no dialog); the editor knows nothing of the inspector.
    laneRenameRequested = Signal(str)

    # Gestures a mouse press may start, asked in this order (see interactions.py): a
    # selected arrow's end handle lies above the connect handle of the stage it leaves.
    interaction_types: list[type[Interaction]] = [
        ReconnectInteraction, ConnectInteraction, BendInteraction, LaneResizeInteraction]
    # Gestures that start after Qt's own press handling has selected what was clicked.
    after_press_types: list[type[Interaction]] = [DragInteraction]

    def __init__(self, process: Process, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.undo_stack = undo_stack
        self.language = process.language or "en"
        self.scene = ProcessScene(process, self)
        self.scene.input = self
        self.gesture: Interaction | None = None
        self.rename: RenameInteraction | None = None
        self.clipboard = ClipboardOps(self)
        self.undo_focus = UndoFocus(self)

    def detach(self) -> None:
        """Stop following the model and the undo stack (the window is closing)."""
        self.scene.detach()
        self.undo_focus.detach()

    # ------------------------------------------------------------------ language, status
    def set_language(self, lang: str) -> None:
        """The menus' language (messages, menu texts)."""
        self.language = lang or "en"

    @property
    def content_language(self) -> str:
        """The document's language: new stages and lanes are named in it (they end up in
        the manual and the playbook), whatever language the menus speak."""
        return self.process.language or self.language

    def status(self, message: str) -> None:
        self.statusMessage.emit(message)

    def refused(self, error: UserError) -> None:
        """Say why the model refused a change, in the language the menus speak (the
        model's refusals are worded in the presentation catalogue)."""
        self.status(error.in_language(self.language))

    def push(self, edit: Edit | None) -> bool:
        """Apply an edit as one undo step (nothing for None)."""
        return push(self.undo_stack, self.process, edit)

    # ------------------------------------------------------------------ selection (the scene's)
    def selected_stage_ids(self) -> list[str]:
        return self.scene.selected_stage_ids()

    def selected_transition_ids(self) -> list[str]:
        return self.scene.selected_transition_ids()

    def select_all(self) -> None:
        self.scene.select_all()

    def cancel(self) -> None:
        """Escape: drop the gesture under way and the selection."""
        if self.gesture is not None:
            self.gesture.cancel()
        self.scene.select_ids()

    # ------------------------------------------------------------------ stages and arrows
    def add_stage_at(self, pos: QPointF, kind: StageKind = StageKind.STAGE,
                     name: str | None = None) -> str:
        """Add a stage at the free grid spot nearest ``pos`` (never on top of another),
        named in the document's language, in the lane drawn there; it ends up selected."""
        kind = StageKind(kind)
        spot = free_spot(self.process, Position(pos.x(), pos.y()), kind)
        stage = Stage(new_id("stage"),
                      name if name is not None else
                      ui_texts.text(ui_texts.DEFAULT_NAMES[kind], self.content_language),
                      kind, lane_at(self.process, spot.y), spot)
        self.push(structure.AddStage(stage))
        self.scene.select_ids([stage.id])
        return stage.id

    def connect_stages(self, source: str, target: str, label: str = "") -> str | None:
        """Add an arrow, or say why not (self-loop, duplicate) on :attr:`statusMessage`."""
        transition = Transition(new_id("t"), source, target, label)
        try:
            self.push(stage_rules.connect(self.process, transition))
        except ProcessError as exc:
            self.refused(exc)
            return None
        return transition.id

    def reconnect(self, transition_id: str, end: str, stage_id: str) -> bool:
        """Move one end ("source"/"target") of an arrow to another stage."""
        try:
            return self.push(stage_rules.reconnect(self.process, transition_id, end, stage_id))
        except ProcessError as exc:
            self.refused(exc)
            return False

    def delete_selection(self, text: str = "Delete") -> None:
        """Delete the selected stages and arrows, or the lane selected by its header."""
        stages, transitions = self.selected_stage_ids(), self.selected_transition_ids()
        if stages or transitions:
            self.push(structure.remove_items(stages, transitions, Name(text)))
        elif self.scene.selected_lane_id() is not None and text == "Delete":
            self.delete_lane(self.scene.selected_lane_id())  # type: ignore[arg-type]

    def move_stages(self, positions: dict[str, Position], text: str = "Move", *,
                    nudge: bool = False) -> None:
        """One undo step moving stages (each lands in the lane of its band); nudges of the
        same stages in a row make one step together."""
        self.push(stage_rules.move_stages(self.process, positions, text,
                                          key="nudge" if nudge else None))

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: the selected stages one grid step that way."""
        p = self.process
        self.move_stages({sid: Position(p.stage(sid).position.x + dx,
                                        p.stage(sid).position.y + dy)
                          for sid in self.selected_stage_ids()}, nudge=True)

    def align_selection(self, how: str) -> None:
        stages = self.selected_stage_ids()
        if len(stages) < 2:
            self.status(ui_texts.text("need-two", self.language))
            return
        self.push(stage_rules.align(self.process, stages, how))

    def distribute_selection(self, axis: str) -> None:
        stages = self.selected_stage_ids()
        if len(stages) < 3:
            self.status(ui_texts.text("need-three", self.language))
            return
        self.push(stage_rules.distribute(self.process, stages, axis))

    def auto_layout(self) -> None:
        if self.process.stages:
            self.push(stage_rules.apply_layout(compute_layout(self.process)))

    # ------------------------------------------------------------------ clipboard
    def copy_selection(self) -> None:
        self.clipboard.copy()

    def cut_selection(self) -> None:
        self.clipboard.cut()

    def paste(self, at: QPointF | None = None) -> None:
        self.clipboard.paste(at)

    def duplicate_selection(self) -> None:
        self.clipboard.duplicate()

    # ------------------------------------------------------------------ rename in place
    def rename_selected(self, initial: str | None = None) -> None:
        """Edit the selected stage's name (or arrow's label) where it is drawn;
        ``initial`` replaces the text (a key typed on the selected stage)."""
        stages, transitions = self.selected_stage_ids(), self.selected_transition_ids()
        if len(stages) == 1 and not transitions:
            item = self.scene.stage_item(stages[0])
            assert item is not None
            self._open_rename(item.stage.name, item.scene_body_rect(),
                              lambda text, sid=item.stage_id: self.push(
                                  stage_rules.rename_stage(self.process, sid, text)), initial)
        elif len(transitions) == 1 and not stages:
            arrow = self.scene.transition_item(transitions[0])
            assert arrow is not None
            rect = arrow.label_rect()
            if rect.isNull():
                mid = arrow.path().pointAtPercent(0.5)
                rect = QRectF(mid.x() - 70, mid.y() - 12, 140, 24)
            self._open_rename(arrow.transition.label, rect.adjusted(-30, 0, 30, 0),
                              lambda text, tid=arrow.transition_id: self.push(
                                  stage_rules.relabel(self.process, tid, text)), initial)

    def _open_rename(self, text: str, rect: QRectF, done: Callable[[str], object],
                     initial: str | None) -> None:
        if self.rename is not None:
            self.rename.commit()
        self.rename = RenameInteraction(self, text, rect, done, initial)

    def text_editor(self) -> InplaceEditor | None:
        """The open in-place text editor, if any."""
        return self.rename.text_item if self.rename is not None else None

    # ------------------------------------------------------------------ lanes
    def add_lane(self, name: str | None = None, color: str | None = None) -> str:
        """A lane at the bottom; the stages its band covers join it (one step)."""
        count = len(self.process.lanes)
        lane = Lane(new_id("lane"),
                    name if name is not None else
                    f"{ui_texts.text('new-lane', self.content_language)} {count + 1}",
                    color or style.LANE_PALETTE[count % len(style.LANE_PALETTE)],
                    DEFAULT_LANE_HEIGHT)
        self.push(lane_rules.add_lane(self.process, lane))
        return lane.id

    def rename_lane(self, lane_id: str, name: str, key: tuple | None = None) -> None:
        """Rename; with ``key`` (the inspector's field and edit session) typing merges."""
        self.push(lane_rules.rename_lane(self.process, lane_id, name, key))

    def recolour_lane(self, lane_id: str, color: str) -> None:
        if QColor(color).isValid():
            self.push(lane_rules.recolour_lane(self.process, lane_id, color))

    def resize_lane(self, lane_id: str, height: float) -> None:
        """New band height; the stages of the bands below move with them."""
        self.push(lane_rules.resize_lane(self.process, lane_id, height))

    def move_lane(self, lane_id: str, index: int) -> None:
        """Put the lane at ``index`` (top = 0); the stages of shifted bands move with them."""
        self.push(lane_rules.move_lane(self.process, lane_id, index))

    def delete_lane(self, lane_id: str) -> None:
        """Delete the lane; its stages stay (without a lane) below the remaining lanes."""
        if self.scene.selected_lane_id() == lane_id:
            self.scene.select_ids()  # the page of a lane that is gone
        self.push(lane_rules.delete_lane(self.process, lane_id))

    def prompt_rename_lane(self, lane_id: str) -> None:
        """Rename in the inspector when the window offers it, else in a small dialog."""
        if self.isSignalConnected(self.metaObject().method(
                self.metaObject().indexOfSignal("laneRenameRequested(QString)"))):
            self.scene.select_lane(lane_id)
            self.laneRenameRequested.emit(lane_id)
        else:
            lane_menu.prompt_rename(self, lane_id)

    def lane_menu(self, lane_id: str, scene_pos: QPointF) -> QMenu:
        return lane_menu.menu(self, lane_id, scene_pos)

    def context_menu(self, pos: QPointF) -> QMenu:
        """Canvas menu: edit the selection, or add a stage of any kind / a lane here."""
        return canvas_menu(self, pos)

    # ------------------------------------------------------------------ input from the scene
    def interaction_ended(self, interaction: Interaction) -> None:
        if self.gesture is interaction:
            self.gesture = None
        if self.rename is interaction:
            self.rename = None

    def rebuilt(self) -> None:
        """The scene dropped its items: a gesture on them ends without an edit."""
        if self.gesture is not None:
            self.gesture.cancel()
        if self.rename is not None:
            self.rename.cancel()

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.gesture is not None:
            self.gesture.cancel()
        for kind in self.interaction_types:
            gesture = kind.begin(self, event)
            if gesture is not None:
                self.gesture = gesture
                event.accept()
                return True
        if event.button() == Qt.MouseButton.LeftButton:
            lane = self._lane_title_at(event.scenePos())
            if lane is not None:  # the header: select the lane
                self.scene.select_lane(lane.lane_id)
                event.accept()
                return True
        return False

    def after_press(self, event: QGraphicsSceneMouseEvent) -> None:
        for kind in self.after_press_types:
            gesture = kind.begin(self, event)
            if gesture is not None:
                self.gesture = gesture
                return

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return self.gesture is not None and self.gesture.mouse_move(event)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return self.gesture is not None and self.gesture.mouse_release(event)

    def _lane_title_at(self, pos: QPointF) -> LaneItem | None:
        for item in self.scene.items(pos):
            if isinstance(item, LaneItem):
                return item if item.title_rect().contains(pos) else None
            if isinstance(item, (StageItem, TransitionItem, InplaceEditor)):
                return None
        return None

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A stage or arrow: rename it; a lane's header: rename the lane; empty canvas:
        a new stage there, its name editor open."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        if remove_bend_point(self, pos):
            return True
        for item in self.scene.items(pos):
            if isinstance(item, InplaceEditor):
                return False
            if isinstance(item, StageItem):
                self.scene.select_ids([item.stage_id])
                self.rename_selected()
                return True
            if isinstance(item, TransitionItem):
                self.scene.select_ids(transition_ids=[item.transition_id])
                self.rename_selected()
                return True
            if isinstance(item, LaneItem) and item.title_rect().contains(pos):
                self.prompt_rename_lane(item.lane_id)
                return True
        self.add_stage_at(pos)
        self.rename_selected()  # the new stage's name, ready to type over
        event.accept()
        return True

    def context_menu_event(self, event: QGraphicsSceneContextMenuEvent) -> bool:
        pos = event.scenePos()
        item = self.scene.stage_item_at(pos)
        if item is None:
            for other in self.scene.items(pos):
                if isinstance(other, TransitionItem):
                    self.scene.select_ids(transition_ids=[other.transition_id])
                    break
                if isinstance(other, LaneItem) and other.title_rect().contains(pos):
                    self.lane_menu(other.lane_id, pos).exec(event.screenPos())
                    return True
        elif item.stage_id not in self.selected_stage_ids():
            self.scene.select_ids([item.stage_id])
        self.context_menu(pos).exec(event.screenPos())
        return True

    def _type_to_rename(self, event: QKeyEvent) -> bool:
        """A printable key on one selected stage starts renaming it with that character
        (as in draw.io); the space bar stays the view's pan key."""
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        if not (plain and text and text.isprintable() and not text.isspace()):
            return False
        if len(self.selected_stage_ids()) != 1 or self.selected_transition_ids():
            return False
        self.rename_selected(initial=text)
        event.accept()
        return True

    # ------------------------------------------------------------------ arrows (inspector)
    def set_arrow_style(self, transition_id: str, arrow_style: ArrowStyle | None) -> bool:
        """Draw one arrow straight, orthogonal or curved (None: as the document)."""
        t = self.process.transition(transition_id)
        return t.style != arrow_style and self.push(arrows.arrow_style(transition_id,
                                                                       arrow_style))

    def reset_arrow_route(self, transition_id: str) -> bool:
        """Forget the arrow's bend points and chosen ends: routed automatically again."""
        return (self.process.transition(transition_id).steered
                and self.push(arrows.reset_route(transition_id)))

    def key_press(self, event: QKeyEvent) -> bool:
        """Do what the key means on the canvas (the binding table); False if nothing."""
        if self.gesture is not None and self.gesture.key_press(event):
            return True
        binding = keys.binding_for(event)
        if binding is None:
            return self._type_to_rename(event)
        if binding.command == "nudge" and not self.selected_stage_ids():
            return False
        getattr(self, binding.command)(*binding.args)
        event.accept()
        return True


__all__ = ["CanvasEditor"]
