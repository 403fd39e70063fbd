"""Work that can wait until a widget has painted: what the user waits for comes first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    """Runs ``work`` once, just after the first paint of ``widget`` it sees."""

    def __init__(self, widget: QWidget, work: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._work = widget, work
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._work()
        self.deleteLater()


def after_next_paint(widget: QWidget, work: Callable[[], object]) -> None:
    """Run ``work`` after ``widget``'s next paint, or now when it is not on screen (a
    hidden widget may never paint)."""
    if widget.isVisible():
        _AfterPaint(widget, work)
    else:
        work()
