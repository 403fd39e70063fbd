"""The canvas context menu (the lane header has its own, in :mod:`lane_menu`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from salesdesigner.model.entities import StageKind
from salesdesigner.ui.canvas import ui_texts
from salesdesigner.ui.canvas.arrow_gestures import add_arrow_actions

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor


def canvas_menu(scene: CanvasEditor, pos: QPointF) -> QMenu:
    """Rename/copy/duplicate/delete the selection; add a stage of any kind or a lane at ``pos``."""
    lang = scene.language
    menu = QMenu()
    stages, arrows = scene.selected_stage_ids(), scene.selected_transition_ids()
    if stages or arrows:
        rename = menu.addAction(ui_texts.text("rename", lang), scene.rename_selected)
        rename.setEnabled(len(stages) + len(arrows) == 1)
        if stages:
            menu.addAction(ui_texts.text("copy", lang), scene.copy_selection)
            menu.addAction(ui_texts.text("duplicate", lang), scene.duplicate_selection)
        menu.addAction(ui_texts.text("delete", lang), scene.delete_selection)
        menu.addSeparator()
    add = menu.addMenu(ui_texts.text("add-kind", lang))
    for kind in StageKind:
        add.addAction(ui_texts.text(f"kind-{kind.value}", lang),
                      lambda k=kind: scene.add_stage_at(pos, k))
    menu.addAction(ui_texts.text("add-lane", lang), lambda: scene.add_lane())
    menu.addSeparator()
    add_arrow_actions(menu, scene)  # the selected arrow's style and the document's
    return menu
