"""How honest a drawing's arrows are: shared stretches, arrows through stages, crossings.

The check behind the routing tests and ``benchmarks/bench_routing.py``.  Every route is
flattened to a polyline (curves sampled finely) and compared with every other nearby:

* **overlaps** — two different arrows running along the same line (parallel, less than
  :data:`SHARED` apart, side by side for more than :data:`MIN_RUN`): the picture then
  reads as one arrow, often with two heads;
* **close parallels** — the same, closer than :data:`CLOSE` (hard to tell apart);
* **shared ends** — an arrow's end on another arrow (a common port, or an arrowhead on
  another arrow's line);
* **through stages** — an arrow entering a stage's shape (a decision's diamond, every
  other stage's box), its own end stages included, other than at its ports;
* **crossings** — points where two arrows cross (reported, not an error).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from salesdesigner.model.entities import StageKind
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.process import Process
from salesdesigner.model.route_paths import enters_shape, side_by_side_gap
from salesdesigner.model.routing import Route

SHARED = 1.0    # closer than this, two parallel stretches are one line on paper
CLOSE = 4.0     # closer than this, two parallel stretches are hard to tell apart
MIN_RUN = 2.0   # side by side for longer than this
_CELL = 64.0

Segment = tuple[Point, Point, str]


@dataclass
class RoutingQuality:
    """The findings for one drawing (pairs of transition ids, sorted)."""

    arrows: int = 0
    overlaps: set[tuple[str, str]] = field(default_factory=set)
    close_parallels: set[tuple[str, str]] = field(default_factory=set)
    shared_ends: set[tuple[str, str]] = field(default_factory=set)
    through_stages: set[tuple[str, str]] = field(default_factory=set)  # (transition, stage)
    crossings: int = 0

    @property
    def honest(self) -> bool:
        """No overlaps, no shared ends, no arrow through a stage."""
        return not (self.overlaps or self.shared_ends or self.through_stages)


def check_routes(process: Process, routes: Mapping[str, Route]) -> RoutingQuality:
    """The findings for ``routes`` (by transition id) drawn over ``process``'s stages."""
    q = RoutingQuality(arrows=len(routes))
    segs: list[Segment] = []
    for tid, r in routes.items():
        line = r.flattened(24)
        segs.extend((a, b, tid) for a, b in itertools.pairwise(line) if a != b)
    grid: dict[tuple[int, int], list[int]] = {}
    for n, (a, b, _) in enumerate(segs):
        for cell in _cells(a, b, CLOSE):
            grid.setdefault(cell, []).append(n)
    seen: set[tuple[int, int]] = set()
    for bucket in grid.values():
        for i, j in itertools.combinations(bucket, 2):
            (a, b, ta), (c, d, tb) = segs[i], segs[j]
            if ta == tb or (i, j) in seen:
                continue
            seen.add((i, j))
            pair = (min(ta, tb), max(ta, tb))
            gap = _parallel_gap(a, b, c, d)
            if gap is not None:
                if gap < SHARED:
                    q.overlaps.add(pair)
                elif gap < CLOSE:
                    q.close_parallels.add(pair)
            elif _cross(a, b, c, d):
                q.crossings += 1
    _ends(routes, segs, grid, q)
    _through(process, routes, q)
    return q


def _cells(a: Point, b: Point, pad: float):
    x0, x1 = min(a[0], b[0]) - pad, max(a[0], b[0]) + pad
    y0, y1 = min(a[1], b[1]) - pad, max(a[1], b[1]) + pad
    for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
        for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
            yield cx, cy


def _parallel_gap(a: Point, b: Point, c: Point, d: Point) -> float | None:
    """The distance within which two near-parallel segments run side by side for more
    than :data:`MIN_RUN`; None otherwise."""
    return side_by_side_gap(a, b, c, d, MIN_RUN)


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether the two segments cross at a point inside both (not where one ends)."""
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    eps = 1e-6
    return ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and \
        ((d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps))


def _ends(routes: Mapping[str, Route], segs: list[Segment],
          grid: dict[tuple[int, int], list[int]], q: RoutingQuality) -> None:
    for tid, r in routes.items():
        for p in (r.start, r.end):
            cell = (int(p[0] // _CELL), int(p[1] // _CELL))
            for n in grid.get(cell, ()):
                a, b, other = segs[n]
                if other != tid and _distance(p, a, b) < SHARED:
                    q.shared_ends.add((min(tid, other), max(tid, other)))


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    seg = dx * dx + dy * dy
    t = 0.0 if seg == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / seg))
    return math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1])


def _through(process: Process, routes: Mapping[str, Route], q: RoutingQuality) -> None:
    shapes = {s.id: (stage_rect(s), s.kind is StageKind.DECISION) for s in process.stages}
    index = ObstacleIndex((sid, r) for sid, (r, _) in shapes.items())
    for tid, r in routes.items():
        for a, b in itertools.pairwise(r.flattened(24)):
            for sid, rect in index.iter_hits(a[0], a[1], b[0], b[1]):
                if _enters(a, b, rect, shapes[sid][1]):
                    q.through_stages.add((tid, sid))


_enters = enters_shape  # the one test, shared with the router


def piled(process: Process, through: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs of ``through`` (transition, stage) where the stage is one of the arrow's
    own end stages overlapping the other, or overlaps one of them: stages dropped onto
    each other, where no route can avoid the pile.  The rest are the router's fault."""
    rects = {s.id: stage_rect(s) for s in process.stages}
    ends = {t.id: (t.source, t.target) for t in process.transitions}

    def overlap(a: str, b: str) -> bool:
        r, o = rects[a], rects[b]
        return r.x < o.right and o.x < r.right and r.y < o.bottom and o.y < r.bottom

    out = set()
    for tid, sid in through:
        src, dst = ends[tid]
        if (sid in (src, dst) and overlap(src, dst)) or any(
                sid != e and overlap(sid, e) for e in (src, dst)):
            out.add((tid, sid))
    return out
