"""The Qt application: canvas, panels, undo commands, dialogs.

Importing this package first protects the interpreter from a PySide6 6.12 reference-count
bug on Python 3.11 (see :mod:`salesdesigner.ui._none_guard`); every GUI entry point and
GUI test imports through here.
"""

from salesdesigner.ui._none_guard import ensure_none_survives

ensure_none_survives()
