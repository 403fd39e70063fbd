"""Undo commands for tests that change a document the way the GUI does: an edit of
:mod:`salesdesigner.edits` wrapped in the one adapter, ready for ``QUndoStack.push``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from salesdesigner.edits import AddStage, AddTransition, Compound, SetStage
from salesdesigner.edits.stages import move_stages
from salesdesigner.model import Position, Process, Stage, Transition
from salesdesigner.ui.commands import EditCommand


def stage_command(process: Process, stage_id: str, changes: Mapping[str, Any]) -> EditCommand:
    return EditCommand(process, SetStage(stage_id, changes))


def add_items_command(process: Process, stages: Iterable[Stage],
                      transitions: Iterable[Transition] = ()) -> EditCommand:
    return EditCommand(process, Compound((*(AddStage(s) for s in stages),
                                          *(AddTransition(t) for t in transitions))))


def move_command(process: Process, positions: Mapping[str, Position]) -> EditCommand:
    edit = move_stages(process, positions)
    assert edit is not None
    return EditCommand(process, edit)
