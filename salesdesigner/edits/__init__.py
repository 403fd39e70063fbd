"""Every change to a document as a value, without Qt.

An edit is applied to a :class:`~salesdesigner.model.process.Process` and returns its
inverse; it may merge with the next edit of the same key (typing), says which ids it
touched and carries an untranslated name.  The rules for changing a document live here —
field edits, add/remove with exact-order restore, moving stages into the lane they land
in, lanes with the stages riding along, align and distribute, paste, the attachment
clean-up — so the GUI, the command line, a diff or a server share them.  The GUI wraps an
edit in one ``QUndoCommand`` (:mod:`salesdesigner.ui.commands`).
"""

from salesdesigner.edits.actuals import ImportActuals, SetActuals, strip_actuals
from salesdesigner.edits.base import Compound, Edit, Name, Touched, compound, name, undo_both
from salesdesigner.edits.fields import (
    AddAttachment,
    RemoveAttachments,
    ReplaceLane,
    ReplaceStage,
    ReplaceStages,
    ReplaceTransition,
    RestoreAttachments,
    SetLane,
    SetProcess,
    SetStage,
    SetStages,
    SetTransition,
    drop_unreferenced,
)
from salesdesigner.edits.history import History, Step
from salesdesigner.edits.structure import (
    AddLane,
    AddStage,
    AddTransition,
    MoveLane,
    RemoveItems,
    RemoveLane,
    RemoveStage,
    RemoveTransition,
    RestoreLane,
    RestoreStage,
    RestoreTransition,
    remove_items,
)

__all__ = [
    "ImportActuals", "SetActuals", "strip_actuals",
    "Compound", "Edit", "Name", "Touched", "compound", "name", "undo_both",
    "AddAttachment", "RemoveAttachments", "RestoreAttachments", "ReplaceLane", "ReplaceStage",
    "ReplaceStages", "ReplaceTransition", "SetLane", "SetProcess", "SetStage", "SetStages",
    "SetTransition", "drop_unreferenced", "History", "Step", "AddLane", "AddStage",
    "AddTransition", "MoveLane", "RemoveItems", "RemoveLane", "RemoveStage",
    "RemoveTransition", "RestoreLane", "RestoreStage", "RestoreTransition", "remove_items",
]
