"""Ctrl+Z in an inspector field undoes the document when the field has nothing to undo.

A text field takes Ctrl+Z for its own typing history.  Right after "Add" (focus lands in
the new record's empty field) or after picking another stage, that history is empty, so
the key did nothing at all although Edit ▸ Undo offered "Undo Add Tip".  This filter lets
the key through to the window's Undo/Redo actions exactly when the field cannot use it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget


def _field_can(widget: QObject, redo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return True


class UndoFallback(QObject):
    """Event filter for text fields: see the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            for key, redo in ((QKeySequence.StandardKey.Undo, False),
                              (QKeySequence.StandardKey.Redo, True)):
                if event.matches(key) and not _field_can(watched, redo):
                    event.ignore()
                    return True  # not overridden: the window's shortcut runs
        return super().eventFilter(watched, event)


def install_undo_fallback(root: QWidget) -> UndoFallback:
    """Filter each text field under ``root`` when it first takes keyboard focus (the only
    time it can get the key): walking every field at start-up cost 30 ms of the first paint,
    and fields made later (a page built on first use) are covered too."""
    fallback = UndoFallback(root)

    def focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, (QLineEdit, QPlainTextEdit)) and root.isAncestorOf(new):
            new.installEventFilter(fallback)  # again: Qt keeps one, moved to the front

    app = QApplication.instance()
    if app is not None:
        app.focusChanged.connect(focus_changed)
        fallback.destroyed.connect(lambda *_: _disconnect(app, focus_changed))
    return fallback


def _disconnect(app: QApplication, slot) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        app.focusChanged.disconnect(slot)
