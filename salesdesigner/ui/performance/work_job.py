"""One analysis of a large history off the GUI thread (the discovered flow, the per-owner
comparison): whatever it returns or raises reaches the GUI thread through ``done``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal


class WorkJob(QThread):
    """Runs ``work`` on a copy the caller made; ``done(generation, result or error)`` lets
    the receiver drop results a newer request has overtaken."""

    done = Signal(int, object)

    def __init__(self, generation: int, work: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self.generation, self._work = generation, work

    def run(self) -> None:
        try:
            result: object = self._work()
        except Exception as error:  # reported in the GUI thread, never lost
            result = error
        self.done.emit(self.generation, result)
