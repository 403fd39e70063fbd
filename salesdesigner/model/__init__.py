"""The sales process as plain Python and networkx: no Qt, no SQL.

Everything else (storage, exports, the GUI) builds on this package.
"""

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

__all__ = [
    "Action", "Anchor", "ArrowStyle", "Attachment", "Direction", "Kpi", "Lane", "Material", "Position", "Script",
    "Stage", "StageKind", "Transition", "ProcessError", "UserError", "Process",
    "StageRemoval", "TransitionRemoval", "LaneRemoval",
]
