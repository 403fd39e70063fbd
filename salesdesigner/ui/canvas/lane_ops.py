"""Lane editing on the canvas: the header menu, its dialogs, and which lane (if any) is
selected.  The rules (stages riding along, membership) are edits:
:mod:`salesdesigner.edits.lanes`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu

from salesdesigner.edits import lanes as lane_rules
from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT, Lane
from salesdesigner.model.ids import new_id
from salesdesigner.ui.canvas import labels, style
from salesdesigner.ui.commands import push

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene


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

    @property
    def process(self):
        return self.scene.process

    def _push(self, edit) -> None:
        push(self.scene.undo_stack, self.process, edit)

    def add(self, name: str | None = None, color: str | None = None) -> str:
        process = self.process
        lane = Lane(new_id("lane"),
                    name if name is not None else
                    f"{labels.text('new-lane', self.scene.content_language)} "
                    f"{len(process.lanes) + 1}",
                    color or style.LANE_PALETTE[len(process.lanes) % len(style.LANE_PALETTE)],
                    DEFAULT_LANE_HEIGHT)
        self._push(lane_rules.add_lane(process, lane))
        return lane.id

    def rename(self, lane_id: str, name: str, key: tuple | None = None) -> None:
        """Rename; with ``key`` (the inspector's field and edit session) typing merges."""
        self._push(lane_rules.rename_lane(self.process, lane_id, name, key))

    def recolour(self, lane_id: str, color: str) -> None:
        if QColor(color).isValid():
            self._push(lane_rules.recolour_lane(self.process, lane_id, color))

    def resize(self, lane_id: str, height: float) -> None:
        """New band height; the stages of the bands below move down (or up) with them."""
        self._push(lane_rules.resize_lane(self.process, lane_id, height))

    def move(self, lane_id: str, index: int) -> None:
        """Put the lane at ``index`` (top = 0); the stages of shifted bands move with them."""
        self._push(lane_rules.move_lane(self.process, lane_id, index))

    def delete(self, lane_id: str) -> None:
        """Delete the lane; its stages stay (without a lane) below the remaining lanes."""
        if self.selected_id() == lane_id:
            self.scene.select_ids()  # the page of a lane that is gone
        self._push(lane_rules.delete_lane(self.process, lane_id))

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
