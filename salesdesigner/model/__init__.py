"""The sales process as plain Python and networkx: no Qt, no SQL.

Everything else (storage, exports, the GUI) builds on this package.  Its names are loaded
when first asked for, so a light import (``salesdesigner.model.errors`` for the command
line's error type) does not load networkx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salesdesigner.model.entities import (
        Action,
        Anchor,
        ArrowStyle,
        Attachment,
        Direction,
        Kpi,
        Lane,
        Material,
        Position,
        Script,
        Stage,
        StageKind,
        Transition,
    )
    from salesdesigner.model.errors import ProcessError, UserError
    from salesdesigner.model.process import LaneRemoval, Process, StageRemoval, TransitionRemoval

_HOME = {
    **dict.fromkeys(("Action", "Anchor", "ArrowStyle", "Attachment", "Direction", "Kpi", "Lane",
                     "Material", "Position", "Script", "Stage", "StageKind", "Transition"),
                    "salesdesigner.model.entities"),
    **dict.fromkeys(("ProcessError", "UserError"), "salesdesigner.model.errors"),
    **dict.fromkeys(("LaneRemoval", "Process", "StageRemoval", "TransitionRemoval"),
                    "salesdesigner.model.process"),
}

__all__ = [
    "Action", "Anchor", "ArrowStyle", "Attachment", "Direction", "Kpi", "Lane", "Material",
    "Position", "Script",
    "Stage", "StageKind", "Transition", "ProcessError", "UserError", "Process",
    "StageRemoval", "TransitionRemoval", "LaneRemoval",
]


def __getattr__(name: str) -> Any:
    """``from salesdesigner.model import Process`` loads the module that holds it."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
