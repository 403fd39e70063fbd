"""After Undo or Redo, select what the step touched and bring it into view.

Undo commands change only the model, so the canvas cannot ask a command what it did; it
watches instead.  Between two moves of the undo stack's index the model's events say
which stages and arrows were added back or changed; when the move turns out to be an
Undo or a Redo (not a new edit), those become the selection — so Delete then Undo leaves
the restored stages selected, ready for the next gesture, and an undone move shows where
the stages went.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QRectF

from salesdesigner.model import events as ev

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor


class UndoFocus(QObject):
    """Follows one editor's undo stack and the model's events."""

    def __init__(self, editor: CanvasEditor) -> None:
        super().__init__(editor)
        self._scene = editor.scene
        self._stack = editor.undo_stack
        self._process = editor.process
        self._process.events.connect(self.note)  # a bound slot: dropped in detach
        self._stages: dict[str, None] = {}  # touched since the index last moved, in order
        self._transitions: dict[str, None] = {}
        self._lanes: set[str] = set()  # lanes the step changed (their page stays open)
        self._remember()
        self._stack.indexChanged.connect(self._index_changed)
        self._attached = True

    def _remember(self) -> None:
        index, count = self._stack.index(), self._stack.count()
        self._index, self._count = index, count
        # the command a Redo would run next: a new edit pushed after an Undo replaces it
        self._next = self._stack.command(index) if index < count else None

    def note(self, event: ev.Event) -> None:
        if isinstance(event, (ev.StageAdded, ev.StageChanged)):
            stage = event.stage if isinstance(event, ev.StageAdded) else event.new
            self._stages[stage.id] = None
        elif isinstance(event, ev.StageRemoved):
            self._stages.pop(event.stage.id, None)
        elif isinstance(event, (ev.TransitionAdded, ev.TransitionChanged)):
            t = event.transition if isinstance(event, ev.TransitionAdded) else event.new
            self._transitions[t.id] = None
        elif isinstance(event, ev.TransitionRemoved):
            self._transitions.pop(event.transition.id, None)
        elif isinstance(event, ev.LaneChanged):
            self._lanes.add(event.new.id)
        elif isinstance(event, (ev.LaneAdded, ev.LaneRemoved)):
            self._lanes.add(event.lane.id)
        elif isinstance(event, ev.LanesReordered):
            self._lanes.update(event.order)
        elif isinstance(event, ev.ProcessReset):
            self._stages.clear()
            self._transitions.clear()
            self._lanes.clear()

    def detach(self) -> None:
        """Stop following the stack (the scene is closing; the stack may outlive it)."""
        if self._attached and shiboken6.isValid(self._stack):
            self._stack.indexChanged.disconnect(self._index_changed)
        if self._attached:
            with contextlib.suppress(ValueError):
                self._process.events.disconnect(self.note)
        self._attached = False

    def _index_changed(self, index: int) -> None:
        if not (shiboken6.isValid(self._stack) and shiboken6.isValid(self._scene)):
            return  # a stack being destroyed announces its last index
        was_undo = index < self._index and self._stack.count() == self._count
        was_redo = (index > self._index and self._stack.count() == self._count
                    and self._next is not None and self._stack.command(self._index) is self._next)
        stages, transitions, lanes = list(self._stages), list(self._transitions), self._lanes
        self._stages.clear()
        self._transitions.clear()
        self._lanes = set()
        self._remember()
        if self._scene.selected_lane_id() in lanes:
            return  # undoing a lane's height or place moves its stages: stay on the lane
        if (was_undo or was_redo) and (stages or transitions):
            self._focus(stages, transitions)

    def _focus(self, stage_ids: list[str], transition_ids: list[str]) -> None:
        scene = self._scene
        stage_ids = [s for s in stage_ids if scene.stage_item(s) is not None]
        # an arrow is selected only when no stage was touched: a restored stage brings its
        # arrows back too, and selecting those would hide the stage's inspector
        transition_ids = [] if stage_ids else [
            t for t in transition_ids if scene.transition_item(t) is not None]
        if not stage_ids and not transition_ids:
            return
        if (set(stage_ids) != set(scene.selected_stage_ids())
                or set(transition_ids) != set(scene.selected_transition_ids())):
            scene.select_ids(stage_ids, transition_ids)
        rect = QRectF()
        for item in scene.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        for view in scene.views():
            visible = view.mapToScene(view.viewport().rect()).boundingRect()
            if not visible.intersects(rect):
                view.centerOn(rect.center())
