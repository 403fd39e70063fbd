"""Every change to a document as a value, without Qt.

An edit is applied to a :class:`~salesdesigner.model.process.Process` and returns its
inverse; it may merge with the next edit of the same key (typing), says which ids it
touched and carries an untranslated name.  The rules for changing a document live here —
field edits, add/remove with exact-order restore, moving stages into the lane they land
in, lanes with the stages riding along, align and distribute, paste, the attachment
clean-up — so the GUI, the command line, a diff or a server share them.  The GUI wraps an
edit in one ``QUndoCommand`` (:mod:`salesdesigner.ui.commands`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from salesdesigner.edits.base import Compound, Edit, Name, Touched, compound, name, undo_both

if TYPE_CHECKING:
    from salesdesigner.edits.actuals import ImportActuals, SetActuals, strip_actuals
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
    from salesdesigner.edits.revisions import ReplaceContent, restore_revision
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

# The edits themselves load when first asked for (some forty dataclasses, ~30 ms): a window
# that has not been edited yet, or a command that only reads, does not pay for them.
_HOME = {
    **dict.fromkeys(("AddAttachment", "RemoveAttachments", "ReplaceLane", "ReplaceStage",
                     "ReplaceStages", "ReplaceTransition", "RestoreAttachments", "SetLane",
                     "SetProcess", "SetStage", "SetStages", "SetTransition",
                     "drop_unreferenced"), "salesdesigner.edits.fields"),
    **dict.fromkeys(("History", "Step"), "salesdesigner.edits.history"),
    **dict.fromkeys(("ReplaceContent", "restore_revision"), "salesdesigner.edits.revisions"),
    **dict.fromkeys(("ImportActuals", "SetActuals", "strip_actuals"),
                    "salesdesigner.edits.actuals"),
    **dict.fromkeys(("AddLane", "AddStage", "AddTransition", "MoveLane", "RemoveItems",
                     "RemoveLane", "RemoveStage", "RemoveTransition", "RestoreLane",
                     "RestoreStage", "RestoreTransition", "remove_items"),
                    "salesdesigner.edits.structure"),
}

__all__ = [
    "ImportActuals", "SetActuals", "strip_actuals", "ReplaceContent", "restore_revision",
    "Compound", "Edit", "Name", "Touched", "compound", "name", "undo_both",
    "AddAttachment", "RemoveAttachments", "RestoreAttachments", "ReplaceLane", "ReplaceStage",
    "ReplaceStages", "ReplaceTransition", "SetLane", "SetProcess", "SetStage", "SetStages",
    "SetTransition", "drop_unreferenced", "History", "Step", "AddLane", "AddStage",
    "AddTransition", "MoveLane", "RemoveItems", "RemoveLane", "RemoveStage",
    "RemoveTransition", "RestoreLane", "RestoreStage", "RestoreTransition", "remove_items",
]


def __getattr__(attr: str) -> Any:
    """``from salesdesigner.edits import SetStage`` loads the module that holds it."""
    home = _HOME.get(attr)
    if home is None:  # a submodule (``from salesdesigner.edits import lanes``) or a typo
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    value = getattr(import_module(home), attr)
    globals()[attr] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
