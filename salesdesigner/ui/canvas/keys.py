"""Keyboard commands of the canvas (used when no window action took the key first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from salesdesigner.model.entities import Position
from salesdesigner.model.geometry import GRID

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene

_NUDGE = {Qt.Key.Key_Left: (-GRID, 0), Qt.Key.Key_Right: (GRID, 0),
          Qt.Key.Key_Up: (0, -GRID), Qt.Key.Key_Down: (0, GRID)}


def handle_key(scene: ProcessScene, event: QKeyEvent) -> bool:
    """Do what the key means on the canvas; False if it means nothing here."""
    key = event.key()
    if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        scene.delete_selection()
    elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        scene.rename_selected()
    elif key == Qt.Key.Key_Escape:
        scene.cancel_gesture()
        scene.select_ids()
    elif key in _NUDGE and scene.selected_stage_ids():
        dx, dy = _NUDGE[Qt.Key(key)]
        p = scene.process
        scene.move_stages({sid: Position(p.stage(sid).position.x + dx,
                                         p.stage(sid).position.y + dy)
                           for sid in scene.selected_stage_ids()}, nudge=True)
    elif event.matches(QKeySequence.StandardKey.SelectAll):
        scene.select_all()
    elif event.matches(QKeySequence.StandardKey.Copy):
        scene.copy_selection()
    elif event.matches(QKeySequence.StandardKey.Cut):
        scene.cut_selection()
    elif event.matches(QKeySequence.StandardKey.Paste):
        scene.paste()
    elif key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        scene.duplicate_selection()
    else:
        return False
    event.accept()
    return True
