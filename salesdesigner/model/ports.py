"""Where arrows leave and enter stages: sides that follow the flow, one port per arrow end.

An arrow to a stage on the right leaves by the right side and enters by the left; one to a
stage below or above (with room between them) leaves by the bottom or top, so an arrow
to a stage below-left does not leave sideways and run along the next arrow out of it.
Loops (back edges) leave and enter by the bottom.  The manager may pin either end to a
side and a spot along it (:class:`~salesdesigner.model.entities.Anchor`).

When several arrow ends meet one side, :func:`spread_ports` gives each its own point,
ordered by where the arrow's other end lies so that arrows leaving a side do not cross
at the stage.  On a decision the ports lie on the diamond's edges, not on its box.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
from typing import NamedTuple

from salesdesigner.model.geometry import Rect
from salesdesigner.model.obstacles import Point

SIDES: dict[str, Point] = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "top": (0.0, -1.0),
                           "bottom": (0.0, 1.0)}
MIN_GAP = 20.0        # a gap this wide between two stages is room for an arrow to turn
PORT_SPACING = 24.0   # ends on one side sit this far apart when there is room
MIN_PORT_GAP = 1.1    # closer than this, ends move on to the next side
_USABLE = 0.8         # of a box side (rounded corners stay free)
_USABLE_DIAMOND = 0.5  # of a diamond's side box (ends near its point, not its tips)


class Port(NamedTuple):
    """One arrow end: the side of the stage and the point on its outline."""

    side: str
    point: Point

    @property
    def normal(self) -> Point:
        return SIDES[self.side]


def horizontal(side: str) -> bool:
    return side in ("left", "right")


def side_length(r: Rect, side: str) -> float:
    return r.height if horizontal(side) else r.width


def port_point(r: Rect, side: str, offset: float = 0.0, diamond: bool = False) -> Point:
    """The point ``offset`` from the middle of ``side`` (down or right is positive), on
    the box, or on the diamond's edge for a decision."""
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    if horizontal(side):
        x = r.x if side == "left" else r.right
        if diamond:
            inset = (r.width / 2) * min(1.0, abs(offset) / (r.height / 2))
            x += inset if side == "left" else -inset
        return x, cy + offset
    y = r.y if side == "top" else r.bottom
    if diamond:
        inset = (r.height / 2) * min(1.0, abs(offset) / (r.width / 2))
        y += inset if side == "top" else -inset
    return cx + offset, y


def anchor_point(r: Rect, side: str, fraction: float, diamond: bool = False) -> Point:
    """The point at ``fraction`` (0 … 1, top to bottom or left to right) along ``side``."""
    fraction = min(1.0, max(0.0, fraction))
    usable = _USABLE_DIAMOND if diamond else 1.0
    return port_point(r, side, (fraction - 0.5) * side_length(r, side) * usable, diamond)


def stub(r: Rect, port: Port, margin: float) -> Point:
    """Just outside the stage's box straight out from ``port``, where a routed arrow may turn."""
    (px, py), side = port.point, port.side
    if side == "left":
        return r.x - margin, py
    if side == "right":
        return r.right + margin, py
    if side == "top":
        return px, r.y - margin
    return px, r.bottom + margin


def flow_sides(src: Rect, dst: Rect) -> tuple[str, str]:
    """The sides an arrow from ``src`` to ``dst`` leaves and enters by, following the flow:
    rightwards left to right, else downwards or upwards through a gap between them, else
    leftwards; stages overlapping both ways fall back to the larger offset."""
    right = dst.x - src.right
    left = src.x - dst.right
    down = dst.y - src.bottom
    up = src.y - dst.bottom
    if right >= MIN_GAP and right >= 0.4 * max(down, up):
        return "right", "left"
    if down >= MIN_GAP:
        return "bottom", "top"
    if up >= MIN_GAP:
        return "top", "bottom"
    if left >= MIN_GAP:
        return "left", "right"
    if right >= MIN_GAP:
        return "right", "left"
    dx = (dst.x + dst.width / 2) - (src.x + src.width / 2)
    dy = (dst.y + dst.height / 2) - (src.y + src.height / 2)
    if abs(dx) >= abs(dy):
        return ("right", "left") if dx >= 0 else ("left", "right")
    return ("bottom", "top") if dy >= 0 else ("top", "bottom")


def facing(r: Rect, p: Point) -> str:
    """The side of ``r`` that faces the point ``p`` (relative to the box's proportions)."""
    dx = (p[0] - (r.x + r.width / 2)) / (r.width / 2 or 1.0)
    dy = (p[1] - (r.y + r.height / 2)) / (r.height / 2 or 1.0)
    if abs(dx) >= abs(dy):
        return "right" if dx >= 0 else "left"
    return "bottom" if dy >= 0 else "top"


class End(NamedTuple):
    """One arrow end on a stage, as :func:`spread_ports` needs it: a key (the caller's,
    e.g. ``(transition id, "source")``), the side, and where the arrow's other end is."""

    key: Hashable
    side: str
    toward: Point


def spread_ports(r: Rect, ends: Iterable[End], diamond: bool = False,
                 shadowed: Collection[str] = ()) -> dict[Hashable, Port]:
    """A distinct port for every end: the ends on each side spread evenly around its
    middle (:data:`PORT_SPACING` apart when they fit), ordered along the side by where
    their other ends lie, so they leave and enter without crossing at the stage.  A side
    with more ends than fit :data:`MIN_PORT_GAP` apart hands the rest to the sides next to
    it, except ``shadowed`` ones (a stage right beyond them)."""
    by_side: dict[str, list[End]] = {}
    for end in ends:
        by_side.setdefault(end.side, []).append(end)
    _overflow(r, by_side, diamond, shadowed)
    out: dict[Hashable, Port] = {}
    for side, group in by_side.items():
        along = 1 if horizontal(side) else 0
        group.sort(key=lambda e: (e.toward[along], e.toward[1 - along], str(e.key)))
        n = len(group)
        length = _usable(r, side, diamond)
        step = min(PORT_SPACING, length / n) if n > 1 else 0.0
        for i, end in enumerate(group):
            offset = (i - (n - 1) / 2) * step
            out[end.key] = Port(side, port_point(r, side, offset, diamond))
    return out


def usable_length(r: Rect, side: str, diamond: bool = False) -> float:
    """How much of ``side`` arrow ends may use (rounded corners and a diamond's tips
    stay free)."""
    return side_length(r, side) * (_USABLE_DIAMOND if diamond else _USABLE)


_usable = usable_length


_NEXT = {"left": ("top", "bottom"), "right": ("top", "bottom"), "top": ("left", "right"),
         "bottom": ("left", "right")}


def _overflow(r: Rect, by_side: dict[str, list[End]], diamond: bool,
              shadowed: Collection[str]) -> None:
    """Move ends from a side holding more than fit :data:`MIN_PORT_GAP` apart to the
    sides next to it (those nearest each neighbour first), while those have room."""
    for side in list(by_side):
        group = by_side[side]
        room = int(_usable(r, side, diamond) / MIN_PORT_GAP)
        if len(group) <= room:
            continue
        along = 1 if horizontal(side) else 0
        group.sort(key=lambda e: (e.toward[along], str(e.key)))
        low, high = _NEXT[side]
        while len(group) > room:
            moved = False
            for other, pick in ((low, 0), (high, -1)):
                other_room = int(_usable(r, other, diamond) / MIN_PORT_GAP)
                if (len(group) > room and other not in shadowed
                        and len(by_side.get(other, ())) < other_room):
                    end = group.pop(pick)
                    by_side.setdefault(other, []).append(End(end.key, other, end.toward))
                    moved = True
            if not moved:
                break
