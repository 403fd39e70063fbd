"""Lane editing as undo steps: add, rename, recolour, reorder, delete, the header menu, and
which lane (if any) is selected.

Stages ride along with their lane: reordering moves the stages of every band that shifts,
deleting moves the lane's stages below the remaining lanes, adding a lane at the bottom
moves lane-less stages below it.  Each of these is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QUndoCommand
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu

from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT, Lane, Position
from salesdesigner.model.geometry import lane_bands
from salesdesigner.model.ids import new_id
from salesdesigner.ui.canvas import labels, style
from salesdesigner.ui.commands import (
    AddLaneCommand,
    MacroCommand,
    MoveLaneCommand,
    RemoveLaneCommand,
    UpdateLaneCommand,
    UpdateStagesCommand,
)

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene


class LaneFieldEditCommand(UpdateLaneCommand):
    """Typing a lane's name: merges only with typing in the same field and edit session."""

    def __init__(self, process, lane_id: str, changes: dict, key: tuple, text: str) -> None:
        super().__init__(process, lane_id, changes, merge=True, text=text)
        self.key = key

    def mergeWith(self, other: QUndoCommand) -> bool:
        return (isinstance(other, LaneFieldEditCommand) and other.key == self.key
                and super().mergeWith(other))


class LaneOps:
    def __init__(self, scene: ProcessScene) -> None:
        self.scene = scene
        self._selected: str | None = None
        # set by the window: "Rename…" then focuses the inspector's name field (no dialog)
        self.rename_hook: Callable[[str], None] | None = None

    # ------------------------------------------------------------------ selection
    def selected_id(self) -> str | None:
        """The selected lane (its header is highlighted), or None; a lane that was
        deleted meanwhile is no longer selected."""
        if self._selected is not None and self.scene.lane_item(self._selected) is None:
            self._selected = None
        return self._selected

    def set_selected(self, lane_id: str | None) -> None:
        """Highlight ``lane_id``'s header (None: no lane); the scene emits the signal."""
        if lane_id is not None and self.scene.lane_item(lane_id) is None:
            lane_id = None
        old = self.scene.lane_item(self._selected) if self._selected else None
        if old is not None:
            old.set_selected_header(False)
        self._selected = lane_id
        if lane_id is not None:
            self.scene.lane_item(lane_id).set_selected_header(True)  # type: ignore[union-attr]

    def pressed(self) -> None:
        """After a mouse press: anywhere but the selected lane's header leaves the lane."""
        if self._selected is None:
            return
        if self.scene.mouseGrabberItem() is not self.scene.lane_item(self._selected):
            self.set_selected(None)
            self.scene.selectionChangedIds.emit()

    def stage_count(self, lane_id: str) -> int:
        return sum(1 for s in self.process.stages if s.lane == lane_id)

    @property
    def process(self):
        return self.scene.process

    def _t(self, name: str) -> str:
        return labels.undo_text(name, self.scene.language)

    def add(self, name: str | None = None, color: str | None = None) -> str:
        process = self.process
        lane = Lane(new_id("lane"),
                    name if name is not None else
                    f"{labels.text('new-lane', self.scene.content_language)} "
                    f"{len(process.lanes) + 1}",
                    color or style.LANE_PALETTE[len(process.lanes) % len(style.LANE_PALETTE)],
                    DEFAULT_LANE_HEIGHT)
        bands = lane_bands(process)
        bottom = bands[-1].bottom if bands else 0.0
        macro = MacroCommand(self._t("Add Lane"))
        macro.add(AddLaneCommand(process, lane))
        if bands:
            moves = {s.id: {"position": Position(s.position.x, s.position.y + lane.height)}
                     for s in process.stages if s.lane is None and s.position.y >= bottom}
            if moves:
                macro.add(UpdateStagesCommand(process, moves))
        self.scene.undo_stack.push(macro)
        return lane.id

    def rename(self, lane_id: str, name: str, key: tuple | None = None) -> None:
        """Rename; with ``key`` (the inspector's field and edit session) typing merges."""
        if self.process.lane(lane_id).name == name:
            return
        if key is None:
            command = UpdateLaneCommand(self.process, lane_id, {"name": name},
                                        text=self._t("Rename Lane"))
        else:
            command = LaneFieldEditCommand(self.process, lane_id, {"name": name},
                                           (lane_id, *key), self._t("Rename Lane"))
        self.scene.undo_stack.push(command)

    def recolour(self, lane_id: str, color: str) -> None:
        if QColor(color).isValid() and self.process.lane(lane_id).color != color:
            self.scene.undo_stack.push(UpdateLaneCommand(
                self.process, lane_id, {"color": color}, text=self._t("Change Lane Colour")))

    def resize(self, lane_id: str, height: float) -> None:
        """New band height; the stages of the bands below move down (or up) with them."""
        process = self.process
        bands = {b.lane_id: b for b in lane_bands(process)}
        band = bands[lane_id]
        delta = height - (band.bottom - band.top)
        if not delta or height <= 0:
            return
        moves = {s.id: {"position": Position(s.position.x, s.position.y + delta)}
                 for s in process.stages
                 if (s.lane in bands and bands[s.lane].top >= band.bottom)
                 or (s.lane is None and s.position.y >= band.bottom)}
        macro = MacroCommand(self._t("Resize Lane"))
        macro.add(UpdateLaneCommand(process, lane_id, {"height": height}))
        if moves:
            macro.add(UpdateStagesCommand(process, moves))
        self.scene.undo_stack.push(macro)

    def move(self, lane_id: str, index: int) -> None:
        """Put the lane at ``index`` (top = 0); the stages of shifted bands move with them."""
        process = self.process
        order = [lane.id for lane in process.lanes]
        old_index = order.index(lane_id)
        index = max(0, min(index, len(order) - 1))
        if index == old_index:
            return
        old_tops = {b.lane_id: b.top for b in lane_bands(process)}
        order.insert(index, order.pop(old_index))
        heights = {lane.id: lane.height for lane in process.lanes}
        new_tops, top = {}, 0.0
        for lid in order:
            new_tops[lid] = top
            top += heights[lid]
        moves = {s.id: {"position": Position(s.position.x,
                                             s.position.y + new_tops[s.lane] - old_tops[s.lane])}
                 for s in process.stages
                 if s.lane in new_tops and new_tops[s.lane] != old_tops[s.lane]}
        macro = MacroCommand(self._t("Move Lane"))
        macro.add(MoveLaneCommand(process, lane_id, index))
        if moves:
            macro.add(UpdateStagesCommand(process, moves))
        self.scene.undo_stack.push(macro)

    def delete(self, lane_id: str) -> None:
        """Delete the lane; its stages stay (without a lane) below the remaining lanes."""
        process = self.process
        bands = {b.lane_id: b for b in lane_bands(process)}
        gone = bands[lane_id]
        height = gone.bottom - gone.top
        new_bottom = (max(b.bottom for b in bands.values()) if bands else 0.0) - height
        moves: dict[str, dict] = {}
        for s in process.stages:
            if s.lane == lane_id:
                y = new_bottom + (s.position.y - gone.top)
            elif s.lane in bands and bands[s.lane].top >= gone.bottom or s.lane is None and s.position.y >= gone.bottom:
                y = s.position.y - height
            else:
                continue
            if y != s.position.y:
                moves[s.id] = {"position": Position(s.position.x, y)}
        if self.selected_id() == lane_id:
            self.scene.select_ids()  # the page of a lane that is gone
        macro = MacroCommand(self._t("Delete Lane"))
        macro.add(RemoveLaneCommand(process, lane_id))
        if moves:
            macro.add(UpdateStagesCommand(process, moves))
        self.scene.undo_stack.push(macro)

    # ------------------------------------------------------------------ header menu
    def menu(self, lane_id: str, scene_pos: QPointF) -> QMenu:
        """The lane header's context menu (its actions open dialogs, then push commands)."""
        lang = self.scene.language
        menu = QMenu()
        lanes = [lane.id for lane in self.process.lanes]
        index = lanes.index(lane_id)
        menu.addAction(labels.text("add-stage-here", lang),
                       lambda: self.scene.add_stage_at(scene_pos))
        menu.addSeparator()
        menu.addAction(labels.text("rename-lane", lang), lambda: self.prompt_rename(lane_id))
        menu.addAction(labels.text("recolour-lane", lang), lambda: self.prompt_recolour(lane_id))
        up = menu.addAction(labels.text("lane-up", lang), lambda: self.move(lane_id, index - 1))
        up.setEnabled(index > 0)
        down = menu.addAction(labels.text("lane-down", lang),
                              lambda: self.move(lane_id, index + 1))
        down.setEnabled(index < len(lanes) - 1)
        menu.addSeparator()
        menu.addAction(labels.text("add-lane", lang), lambda: self.add())
        menu.addAction(labels.text("delete-lane", lang), lambda: self.delete(lane_id))
        return menu

    def _parent_widget(self):
        views = self.scene.views()
        return views[0] if views else None

    def prompt_rename(self, lane_id: str) -> None:
        """Rename in the inspector when the window offers it, else in a small dialog."""
        if self.rename_hook is not None:
            self.scene.select_lane(lane_id)
            self.rename_hook(lane_id)
            return
        lang = self.scene.language
        title = labels.text("rename-lane", lang).rstrip("…")  # a dialog title has no ellipsis
        name, ok = QInputDialog.getText(self._parent_widget(), title,
                                        labels.text("lane-name", lang),
                                        text=self.process.lane(lane_id).name)
        if ok:
            self.rename(lane_id, name.strip())

    def prompt_recolour(self, lane_id: str) -> None:
        color = QColorDialog.getColor(style.lane_color(self.process.lane(lane_id).color),
                                      self._parent_widget())
        if color.isValid():
            self.recolour(lane_id, color.name().upper())
