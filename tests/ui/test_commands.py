"""Undo commands the model refuses are dropped, not left on the stack half-done."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from salesdesigner.model import Lane, Position, Process, ProcessError, Stage
from salesdesigner.ui.commands import MacroCommand, UpdateLaneCommand, UpdateStageCommand


def test_a_refused_edit_leaves_nothing_to_undo(qapp):
    process = Process()
    process.add_stage(Stage("a", "A"))
    stack = QUndoStack()
    with pytest.raises(ProcessError):
        stack.push(UpdateStageCommand(process, "a", {"lane": "no-such-lane"}))
    assert stack.count() == 0 and not stack.canUndo()
    assert process.stage("a").lane is None


def test_a_macro_whose_later_step_fails_takes_back_its_earlier_steps(qapp):
    process = Process()
    process.add_lane(Lane("l", "L"))
    process.add_stage(Stage("a", "A", lane="l"))
    before = process.snapshot()
    macro = MacroCommand("Both", [UpdateStageCommand(process, "a", {"position": Position(5, 5)}),
                                  UpdateLaneCommand(process, "l", {"height": -1.0})])
    stack = QUndoStack()
    with pytest.raises(ProcessError):
        stack.push(macro)
    assert stack.count() == 0
    assert process.snapshot() == before
