"""A Qt-free undo history of edits: what the command line, a test or a server uses where
the GUI uses ``QUndoStack`` (through :mod:`salesdesigner.ui.commands`, with the same
merge rule)."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.edits.base import Edit, undo_both
from salesdesigner.model.process import Process


@dataclass
class Step:
    """An applied edit and the inverse that takes it back."""

    edit: Edit
    inverse: Edit

    def absorb(self, later: Step) -> bool:
        """Merge ``later`` (already applied) into this step when their edits merge."""
        if self.edit.merge_key is None or later.edit.merge_key != self.edit.merge_key:
            return False
        merged = self.edit.merge(later.edit)
        if merged is None:
            return False
        self.edit, self.inverse = merged, undo_both(later.inverse, self.inverse)
        return True


class History:
    """Apply edits to one process with undo and redo."""

    def __init__(self, process: Process) -> None:
        self.process = process
        self.steps: list[Step] = []
        self.index = 0  # steps[:index] are applied

    def push(self, edit: Edit | None) -> None:
        """Apply ``edit`` (nothing for None); a refused edit leaves no step behind."""
        if edit is None:
            return
        step = Step(edit, edit.apply(self.process))
        del self.steps[self.index:]
        if not (self.steps and self.steps[-1].absorb(step)):
            self.steps.append(step)
        self.index = len(self.steps)

    def can_undo(self) -> bool:
        return self.index > 0

    def can_redo(self) -> bool:
        return self.index < len(self.steps)

    def undo(self) -> None:
        self.index -= 1
        self.steps[self.index].inverse.apply(self.process)

    def redo(self) -> None:
        step = self.steps[self.index]
        step.inverse = step.edit.apply(self.process)
        self.index += 1


__all__ = ["History", "Step"]
