"""The value objects a sales process is made of.

All of them are frozen: a change is made by building a new value (``dataclasses.replace``)
and handing it to :class:`~salesdesigner.model.process.Process`, which emits the event.
That makes undo trivial (keep the old value) and equality exact.  Lists are tuples for
the same reason.  ``extensions`` holds fields from newer interchange files that this
version does not know, so nothing is dropped on a round trip; treat it as read-only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class StageKind(str, enum.Enum):
    """What a node of the flowchart stands for; decides its shape and validation rules."""

    START = "start"
    STAGE = "stage"
    DECISION = "decision"
    WON = "won"
    LOST = "lost"
    END = "end"

    @property
    def is_terminal(self) -> bool:
        """Won, lost and end close a deal's path through the process."""
        return self in (StageKind.WON, StageKind.LOST, StageKind.END)


class Direction(str, enum.Enum):
    """Whether a KPI is good when above its target (win rate) or below it (lead time)."""

    HIGHER = "higher"
    LOWER = "lower"


class Measure(str, enum.Enum):
    """What a KPI's actual is computed from, so the deal history can be set against it.

    Rates are fractions of the deals that reached the KPI's stage (shown as %); ``to``
    names the next stage for :attr:`CONVERSION` (empty: reaching any won stage).
    """

    CONVERSION = "conversion"        # reached this stage → went on to Kpi.measure_to
    WIN_RATE = "win_rate"            # reached this stage → won in the end
    ENTRIES = "entries"              # deals entering this stage per period
    DAYS_IN_STAGE = "days_in_stage"  # median days from entering this stage to leaving it
    WON_AMOUNT = "won_amount"        # amount won per period by deals that reached it
    WON_COUNT = "won_count"          # deals won per period that reached it


@dataclass(frozen=True)
class Position:
    """Centre of a stage on the canvas, in scene units (1 unit = 1 px at 100 %)."""

    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class Kpi:
    """A measurable target for a stage, e.g. appointment rate 10 %."""

    name: str
    target: float | None = None
    unit: str = ""
    direction: Direction = Direction.HIGHER
    definition: str = ""
    id: str = ""
    extensions: dict[str, Any] = field(default_factory=dict)
    #: What the actual is computed from; ``None``: the data cannot measure it.
    measure: Measure | None = None
    #: The next stage's id for :attr:`Measure.CONVERSION` ("" = any won stage).
    measure_to: str = ""


@dataclass(frozen=True)
class Action:
    """Something a rep does in a stage: who, when, and how."""

    title: str
    owner: str = ""
    timing: str = ""
    detail: str = ""
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Script:
    """A talk script: what to say in a given situation."""

    title: str
    situation: str = ""
    body: str = ""
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Material:
    """A document a rep uses: a link (``https://…``) or an embedded file (``attachment:<id>``)."""

    title: str
    uri: str = ""
    note: str = ""
    extensions: dict[str, Any] = field(default_factory=dict)

    ATTACHMENT_PREFIX = "attachment:"

    @property
    def attachment_id(self) -> str | None:
        """The id of the embedded file this material points to, if it is one."""
        if self.uri.startswith(self.ATTACHMENT_PREFIX):
            return self.uri[len(self.ATTACHMENT_PREFIX):]
        return None


@dataclass(frozen=True)
class Stage:
    """One step of the process, with everything a rep needs while a deal is in it."""

    id: str
    name: str
    kind: StageKind = StageKind.STAGE
    lane: str | None = None
    position: Position = Position()
    goal: str = ""
    description: str = ""
    exit_criteria: tuple[str, ...] = ()
    duration_days: float | None = None
    kpis: tuple[Kpi, ...] = ()
    actions: tuple[Action, ...] = ()
    scripts: tuple[Script, ...] = ()
    materials: tuple[Material, ...] = ()
    tips: tuple[str, ...] = ()
    extensions: dict[str, Any] = field(default_factory=dict)


class ArrowStyle(str, enum.Enum):
    """How an arrow is drawn: a smooth curve (around stages in the way, orthogonally),
    right-angled segments, or straight lines."""

    CURVED = "curved"
    ORTHOGONAL = "orthogonal"
    STRAIGHT = "straight"


ANCHOR_SIDES = ("left", "right", "top", "bottom")


@dataclass(frozen=True)
class Anchor:
    """Where the manager pinned an arrow's end: a side of the stage and the spot along
    it (0 … 1, top to bottom or left to right; 0.5 is the middle)."""

    side: str
    position: float = 0.5


@dataclass(frozen=True)
class Transition:
    """An arrow from one stage to the next, with the condition under which a deal takes it.

    ``waypoints``, ``source_anchor``, ``target_anchor`` and ``style`` are how the manager
    steered the arrow (bend points in scene units, pinned ends, a style of its own; None
    follows the document's ``arrow_style``).  An arrow with none of them is routed
    automatically.
    """

    id: str
    source: str
    target: str
    label: str = ""
    condition: str = ""
    extensions: dict[str, Any] = field(default_factory=dict)
    waypoints: tuple[Position, ...] = ()
    source_anchor: Anchor | None = None
    target_anchor: Anchor | None = None
    style: ArrowStyle | None = None

    @property
    def steered(self) -> bool:
        """Whether the manager has shaped this arrow (bend points or a pinned end)."""
        return bool(self.waypoints) or self.source_anchor is not None \
            or self.target_anchor is not None


DEFAULT_LANE_HEIGHT = 200.0


@dataclass(frozen=True)
class Lane:
    """A department or role (a swimlane), e.g. Inside Sales.  Lanes are ordered top to bottom.

    ``height`` extends the v1 interchange format: the band's height on the canvas.
    """

    id: str
    name: str
    color: str = "#4C78A8"
    height: float = DEFAULT_LANE_HEIGHT
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Attachment:
    """A file embedded in the document (a brochure, a price list), referenced by materials."""

    id: str
    filename: str
    data: bytes
    mime_type: str = "application/octet-stream"
