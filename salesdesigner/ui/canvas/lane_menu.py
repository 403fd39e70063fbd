"""A lane header's context menu and its small dialogs (rename, colour).  The actions call
the editor, whose lane edits carry the rules (:mod:`salesdesigner.edits.lanes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QWidget

from salesdesigner.ui.canvas import style, ui_texts

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor


def menu(editor: CanvasEditor, lane_id: str, scene_pos: QPointF) -> QMenu:
    """The lane header's context menu (its actions open dialogs, then push edits)."""
    lang = editor.language
    result = QMenu()
    lanes = [lane.id for lane in editor.process.lanes]
    index = lanes.index(lane_id)
    result.addAction(ui_texts.text("add-stage-here", lang),
                     lambda: editor.add_stage_at(scene_pos))
    result.addSeparator()
    result.addAction(ui_texts.text("rename-lane", lang),
                     lambda: editor.prompt_rename_lane(lane_id))
    result.addAction(ui_texts.text("recolour-lane", lang), lambda: prompt_recolour(editor, lane_id))
    up = result.addAction(ui_texts.text("lane-up", lang),
                          lambda: editor.move_lane(lane_id, index - 1))
    up.setEnabled(index > 0)
    down = result.addAction(ui_texts.text("lane-down", lang),
                            lambda: editor.move_lane(lane_id, index + 1))
    down.setEnabled(index < len(lanes) - 1)
    result.addSeparator()
    result.addAction(ui_texts.text("add-lane", lang), lambda: editor.add_lane())
    result.addAction(ui_texts.text("delete-lane", lang), lambda: editor.delete_lane(lane_id))
    return result


def _parent_widget(editor: CanvasEditor) -> QWidget | None:
    views = editor.scene.views()
    return views[0] if views else None


def prompt_rename(editor: CanvasEditor, lane_id: str) -> None:
    """Rename in a small dialog (when no inspector offers its name field)."""
    lang = editor.language
    title = ui_texts.text("rename-lane", lang).rstrip("…")  # a dialog title has no ellipsis
    name, ok = QInputDialog.getText(_parent_widget(editor), title,
                                    ui_texts.text("lane-name", lang),
                                    text=editor.process.lane(lane_id).name)
    if ok:
        editor.rename_lane(lane_id, name.strip())


def prompt_recolour(editor: CanvasEditor, lane_id: str) -> None:
    color = QColorDialog.getColor(style.lane_color(editor.process.lane(lane_id).color),
                                  _parent_widget(editor))
    if color.isValid():
        editor.recolour_lane(lane_id, color.name().upper())
