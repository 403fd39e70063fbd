"""One comparison kept up to date while the user edits: the other version stays fixed, the
draft changes, and the comparison is computed again shortly after the last change (one
pass per burst of typing, not per keystroke)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer, Signal

from salesdesigner.model.compare import Comparison, compare
from salesdesigner.model.process import Process

#: Milliseconds of quiet after an edit before the comparison is made again.
RECOMPUTE_DELAY = 150


class CompareSession(QObject):
    """The draft compared with ``other`` (``label`` names it: a file, "Revision 3")."""

    changed = Signal()  # the comparison or the layout toggle changed: views redraw

    def __init__(self, draft: Process, other: Process, label: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft, self.other, self.label = draft, other, label
        self.include_layout = False
        self.comparison: Comparison = compare(other, draft)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY)
        self._timer.timeout.connect(self.recompute)
        self._listener = lambda _event: self._timer.start()
        draft.events.connect(self._listener)

    def recompute(self) -> None:
        """Compare again now (also what a test calls instead of waiting)."""
        self._timer.stop()
        self.comparison = compare(self.other, self.draft)
        self.changed.emit()

    @property
    def pending(self) -> bool:
        """An edit has been made and the comparison is about to be made again."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Run a pending recomputation now."""
        if self._timer.isActive():
            self.recompute()

    def set_include_layout(self, on: bool) -> None:
        if on != self.include_layout:
            self.include_layout = on
            self.changed.emit()

    def close(self) -> None:
        """Stop following the draft."""
        self._timer.stop()
        with contextlib.suppress(ValueError):
            self.draft.events.disconnect(self._listener)


__all__ = ["CompareSession", "RECOMPUTE_DELAY"]
