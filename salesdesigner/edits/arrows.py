"""Arrows the manager steers, as edits: bend points, a pinned end, a style (per arrow or
for the document).  Each is one undo step; the canvas gestures build them, and so could
a command line or a server.  The geometry helpers decide where a dropped end is pinned
and where a new bend point goes among the old ones."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from salesdesigner.edits.base import Edit, name
from salesdesigner.edits.fields import SetProcess, SetTransition
from salesdesigner.model.entities import Anchor, ArrowStyle, Position
from salesdesigner.model.geometry import Rect

Point = tuple[float, float]


def bend_arrow(transition_id: str, points: Iterable[Point | Position]) -> Edit:
    """Give the arrow these bend points (none: routed automatically again)."""
    pts = tuple(p if isinstance(p, Position) else Position(float(p[0]), float(p[1]))
                for p in points)
    text = "Bend Arrow" if pts else "Straighten Arrow"
    return SetTransition(transition_id, {"waypoints": pts}, name=name(text))


def pin_arrow_end(transition_id: str, end: str, anchor: Anchor | None) -> Edit:
    """Pin the ``"source"`` or ``"target"`` end to a side and spot (None: automatic)."""
    return SetTransition(transition_id, {f"{end}_anchor": anchor},
                         name=name("Move Arrow End"))


def arrow_style(transition_id: str, style: ArrowStyle | None) -> Edit:
    """Draw one arrow straight, orthogonal or curved (None: as the document does)."""
    return SetTransition(transition_id, {"style": style}, name=name("Arrow Style"))


def reset_route(transition_id: str) -> Edit:
    """Route the arrow automatically again: no bend points, both ends chosen by the
    router (its style, label and condition stay)."""
    return SetTransition(transition_id, {"waypoints": (), "source_anchor": None,
                                         "target_anchor": None},
                         name=name("Reset Arrow Route"))


def document_arrow_style(style: ArrowStyle) -> Edit:
    """How the document draws the arrows without a style of their own."""
    return SetProcess({"arrow_style": style}, name=name("Arrow Style"))


def anchor_at(r: Rect, p: Point) -> Anchor:
    """Where on ``r``'s outline a point dropped at ``p`` pins an arrow end: the nearest
    side, and the spot along it (0 … 1)."""
    distances = {"left": abs(p[0] - r.x), "right": abs(p[0] - r.right),
                 "top": abs(p[1] - r.y), "bottom": abs(p[1] - r.bottom)}
    side = min(distances, key=lambda s: (distances[s], s))
    if side in ("left", "right"):
        spot = (p[1] - r.y) / r.height if r.height else 0.5
    else:
        spot = (p[0] - r.x) / r.width if r.width else 0.5
    return Anchor(side, round(min(1.0, max(0.0, spot)), 3))


def insert_bend_point(path: Sequence[Point], waypoints: Sequence[Point], at: Point) -> int:
    """The index among ``waypoints`` a new bend point at ``at`` takes: after the bend
    points that come before the stretch of the drawn ``path`` nearest to ``at``."""
    where = _along(path, at)
    return sum(1 for w in waypoints if _along(path, w) < where)


def _along(path: Sequence[Point], p: Point) -> float:
    """How far along ``path`` the point of it nearest to ``p`` lies."""
    best, along, length = math.inf, 0.0, 0.0
    for a, b in zip(path, path[1:], strict=False):
        d, t = _distance(p, a, b)
        if d < best:
            best, along = d, length + t * math.dist(a, b)
        length += math.dist(a, b)
    return along


def _distance(p: Point, a: Point, b: Point) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    seg = dx * dx + dy * dy
    t = 0.0 if seg == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / seg))
    return math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1]), t


__all__ = ["anchor_at", "arrow_style", "bend_arrow", "document_arrow_style",
           "insert_bend_point", "pin_arrow_end"]
