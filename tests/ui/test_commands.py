"""The one undo command, around an edit: refused edits are dropped, not left on the stack
half-done; typing merges; names are translated when shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from salesdesigner.edits import Compound, SetLane, SetStage, name
from salesdesigner.model import Lane, Position, Process, ProcessError, Stage
from salesdesigner.ui.commands import EditCommand, push


def test_a_refused_edit_leaves_nothing_to_undo(qapp):
    process = Process()
    process.add_stage(Stage("a", "A"))
    stack = QUndoStack()
    with pytest.raises(ProcessError):
        push(stack, process, SetStage("a", {"lane": "no-such-lane"}))
    assert stack.count() == 0 and not stack.canUndo()
    assert process.stage("a").lane is None


def test_a_compound_whose_later_step_fails_takes_back_its_earlier_steps(qapp):
    process = Process()
    process.add_lane(Lane("l", "L"))
    process.add_stage(Stage("a", "A", lane="l"))
    before = process.snapshot()
    both = Compound((SetStage("a", {"position": Position(5, 5)}),
                     SetLane("l", {"height": -1.0})), name=name("Both"))
    stack = QUndoStack()
    with pytest.raises(ProcessError):
        push(stack, process, both)
    assert stack.count() == 0
    assert process.snapshot() == before


def test_typing_in_one_field_is_one_undo_step_and_another_field_is_another(qapp):
    process = Process()
    process.add_stage(Stage("a", "A"))
    stack = QUndoStack()
    for text in ("H", "He", "Hey"):
        push(stack, process, SetStage("a", {"name": text}, ("name", 1)))
    push(stack, process, SetStage("a", {"goal": "g"}, ("goal", 1)))
    push(stack, process, SetStage("a", {"name": "Hey!"}, ("name", 2)))  # a new session
    assert stack.count() == 3
    assert stack.text(0) == "Edit Stage"
    stack.undo()
    stack.undo()
    assert process.stage("a").name == "Hey"
    stack.undo()
    assert process.stage("a").name == "A"
    stack.redo()
    assert process.stage("a").name == "Hey"


def test_no_module_but_the_adapter_subclasses_qundocommand():
    from pathlib import Path

    import salesdesigner
    root = Path(salesdesigner.__file__).parent
    subclassing = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                         if "(QUndoCommand)" in p.read_text(encoding="utf-8"))
    assert subclassing == ["ui/commands.py"]
    assert [c.__name__ for c in QUndoCommand.__subclasses__()
            if c.__module__.startswith("salesdesigner")] == ["EditCommand"]
    assert EditCommand.__module__ == "salesdesigner.ui.commands"
