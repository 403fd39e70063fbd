"""The canvas's key bindings, declared once.

The window's Edit menu makes an action of each binding that has a menu entry (its
shortcut is the binding's first key); the editor answers the same keys itself when no
action took them first (a canvas without a window, keys the menu does not show such as
Backspace, Return or the arrow keys).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from salesdesigner.model.geometry import GRID

SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class Binding:
    """``command`` is a :class:`~salesdesigner.ui.canvas.editor.CanvasEditor` method
    (called with ``args``); ``keys[0]`` is the menu action's shortcut, the rest are
    answered by the canvas only."""

    command: str
    keys: tuple[SK | str, ...]
    args: tuple[object, ...] = ()


BINDINGS: dict[str, Binding] = {
    "cut": Binding("cut_selection", (SK.Cut,)),
    "copy": Binding("copy_selection", (SK.Copy,)),
    "paste": Binding("paste", (SK.Paste,)),
    "duplicate": Binding("duplicate_selection", ("Ctrl+D",)),
    "delete": Binding("delete_selection", (SK.Delete, "Backspace", "Del")),
    "select_all": Binding("select_all", (SK.SelectAll,)),
    "rename": Binding("rename_selected", ("F2", "Return", "Enter")),
    "cancel": Binding("cancel", ("Esc",)),
    "nudge_left": Binding("nudge", ("Left",), (-GRID, 0.0)),
    "nudge_right": Binding("nudge", ("Right",), (GRID, 0.0)),
    "nudge_up": Binding("nudge", ("Up",), (0.0, -GRID)),
    "nudge_down": Binding("nudge", ("Down",), (0.0, GRID)),
}


def matches(event: QKeyEvent, key: SK | str) -> bool:
    if isinstance(key, SK):
        return event.matches(key)
    pressed = QKeySequence(event.keyCombination())
    wanted = QKeySequence(key)
    if pressed == wanted:
        return True
    # the keypad's Enter and arrows carry KeypadModifier; they mean the same here
    plain = event.keyCombination().keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(event.key() | plain.value) == wanted


def binding_for(event: QKeyEvent) -> Binding | None:
    """The binding a key press means on the canvas, if any."""
    for binding in BINDINGS.values():
        if any(matches(event, key) for key in binding.keys):
            return binding
    return None


__all__ = ["Binding", "BINDINGS", "binding_for", "matches"]
