"""Arrow labels that do not sit on top of each other, in the printed and HTML diagrams.

:func:`salesdesigner.model.routing.route` puts each label at a default spot (the middle of
a curve, the middle of a channel stretch).  Arrows that share a channel then get their
label pills on the same spot.  :func:`place_labels` keeps every label whose pill is clear
of other pills and of stages where it is, and slides each other one along its *own* route
to the nearest spot where its pill is clear; with no such spot it keeps the default.

Pill sizes come from the caller, as each drawer measures text its own way (Qt font
metrics, reportlab string widths, an estimate in the HTML).  Pills are found through a
uniform grid and stages through the :class:`~salesdesigner.model.routing.ObstacleIndex`,
so the cost grows with the number of labels, not its square.

A label is also moved off *other arrows*: a pill drawn where another arrow runs (a
crossing, or a neighbour in the same channel) hides that arrow and reads as its label
(up to :data:`_MAX_LINE_CELLS` of arrows: every printed piece and template map).
A moved label avoids the placed pills, the stages, the other arrows and the *default*
spots of labels not placed yet (which may have to stay there); where no spot along its
arrow is clear of other arrows, the least bad one clear of pills and stages will do
(fewest arrows through the pill, then none through its middle, where it would hide a
crossing; the nearest of equals).  So no
pair of pills overlaps more than it did at the defaults, and the result depends only on
the input (and its order).

The PDF overview, the HTML map and the canvas use it (the canvas once its labels are
drawn, zoomed in: see :mod:`salesdesigner.ui.canvas.labels`).  With ``beside`` a label of
an upright arrow (``Route.label_side``) sits beside its line, not on it, as the canvas
draws it; its pill keeps farther from other arrows than from its own.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import TypeVar

from salesdesigner.model.geometry import Rect, clip_span
from salesdesigner.model.routing import ObstacleIndex, Point, Route

K = TypeVar("K", bound=Hashable)
Box = tuple[float, float, float, float]  # x0, y0, x1, y1

GAP = 3.0          # pills keep this far apart, and from stages
STEP = 6.0         # candidate spots along a route are this far apart
_CELL = 128.0      # grid cell size (about one pill)
_MAX_TRIES = 400   # candidate spots per label at most (a very long route)
# Other arrows are avoided while they are short enough (cells of arrow length: a printed
# piece, the map of a template or of 60 stages, at most ~700); on the map of 100 stages
# (~1,800) it costs 0.3 s, of 1,000 seconds: there pills keep clear of pills and stages.
_MAX_LINE_CELLS = 800
SIDE_GAP = 4.0     # a pill beside its upright arrow keeps this far from the line
STRANGER_GAP = 10.0  # a pill keeps this far from stages that are not its arrow's ends


class _Grid:
    """Boxes in a uniform grid of cells: which of them meet a query box."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Hashable, Box]]] = {}

    def add(self, key: Hashable, b: Box) -> None:
        cells = self.cells
        for cx in range(int(b[0] // _CELL), int(b[2] // _CELL) + 1):
            for cy in range(int(b[1] // _CELL), int(b[3] // _CELL) + 1):
                bucket = cells.get((cx, cy))
                if bucket is None:
                    cells[(cx, cy)] = [(key, b)]
                else:
                    bucket.append((key, b))

    def meets(self, b: Box, skip: Hashable = None, alive: Collection | None = None) -> bool:
        """Whether a box other than ``skip`` (and, with ``alive``, one still in it) meets
        ``b`` (closed boxes grown by :data:`GAP`)."""
        x0, y0, x1, y1 = b[0] - GAP, b[1] - GAP, b[2] + GAP, b[3] + GAP
        cells = self.cells
        for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                bucket = cells.get((cx, cy))
                if bucket:
                    for key, o in bucket:
                        if o[0] < x1 and o[2] > x0 and o[1] < y1 and o[3] > y0 \
                                and key != skip and (alive is None or key in alive):
                            return True
        return False


class _Lines:
    """The arrows' segments in a uniform grid: does another arrow run through a box?"""

    def __init__(self, routes: Mapping[Hashable, Route]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Hashable, Box]]] = {}
        # the control polygon is at least as long as the curve: a cheap upper bound
        length, limit = 0.0, _MAX_LINE_CELLS * _CELL
        for r in routes.values():
            length += sum(math.dist(a, b) for a, b in itertools.pairwise(r.points))
            if length > limit:
                break
        self.enabled = length <= limit
        if not self.enabled:  # a map of a hundred stages or more: pills and stages only
            return
        for key, r in routes.items():
            pts = r.flattened(8) if r.curved else list(r.points)
            for a, b in itertools.pairwise(pts):
                n = max(1, math.ceil(math.dist(a, b) / _CELL))  # short pieces: few cells each
                for i in range(n):
                    t0, t1 = i / n, (i + 1) / n
                    self._add(key, (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0,
                                    a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1))

    def _add(self, key: Hashable, seg: Box) -> None:
        x0, x1 = min(seg[0], seg[2]), max(seg[0], seg[2])
        y0, y1 = min(seg[1], seg[3]), max(seg[1], seg[3])
        for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                self.cells.setdefault((cx, cy), []).append((key, seg))

    def crosses(self, b: Box, skip: Hashable, grow: float = GAP) -> bool:
        """Whether an arrow other than ``skip`` runs through box ``b`` grown by ``grow``."""
        if not self.enabled:
            return False
        x0, y0, x1, y1 = b[0] - grow, b[1] - grow, b[2] + grow, b[3] + grow
        if x0 >= x1 or y0 >= y1:
            return False
        seen: set[int] = set()
        for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                for key, seg in self.cells.get((cx, cy), ()):
                    if key != skip and id(seg) not in seen:
                        seen.add(id(seg))
                        if _segment_meets(seg, x0, y0, x1, y1):
                            return True
        return False


    def cost(self, b: Box, skip: Hashable, grow: float = GAP) -> tuple[int, float]:
        """How badly a pill at ``b`` sits on other arrows: how many of them run through it
        (grown by ``grow``), then how close the nearest of those comes to its centre
        (negated: a line through the middle hides a crossing, one near an end does not)."""
        x0, y0, x1, y1 = b[0] - grow, b[1] - grow, b[2] + grow, b[3] + grow
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        met: set[Hashable] = set()
        nearest = math.inf
        for gx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for gy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                for key, seg in self.cells.get((gx, gy), ()):
                    if key != skip and _segment_meets(seg, x0, y0, x1, y1):
                        met.add(key)
                        nearest = min(nearest, _distance((cx, cy), seg))
        return len(met), -round(min(nearest, (b[2] - b[0]) / 2))


def _distance(p: Point, seg: Box) -> float:
    ax, ay, bx, by = seg
    dx, dy = bx - ax, by - ay
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / n))
    return math.hypot(ax + dx * t - p[0], ay + dy * t - p[1])


def _segment_meets(seg: Box, x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether the segment ``seg`` (ax, ay, bx, by) meets the box."""
    return clip_span((seg[0], seg[1]), (seg[2], seg[3]), x0, y0, x1, y1) >= 0


def _beside(r: Route, c: Point, width: float) -> Point:
    """The centre of a pill of ``width`` for spot ``c`` on ``r``: beside an upright
    arrow's line on the route's ``label_side``, else on the line."""
    side = r.label_side
    return (c[0] + side * (width / 2 + SIDE_GAP), c[1]) if side else c


def _box(c: Point, size: tuple[float, float]) -> Box:
    w, h = size
    return c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2


def _on_stage(b: Box, stages: ObstacleIndex | None) -> bool:
    return stages is not None and not stages.clear(b[0] - GAP, b[1] - GAP, b[2] + GAP,
                                                   b[3] + GAP)


def _spots(r: Route) -> Iterable[Point]:
    """Points along the route, nearest (along it) to the default label spot first."""
    pts = r.flattened(32) if r.curved else list(r.points)
    cum = [0.0]
    for a, b in itertools.pairwise(pts):
        cum.append(cum[-1] + math.dist(a, b))
    total = cum[-1]
    if total <= 0:
        return
    # where along the route the default spot is (its nearest point on the polyline)
    lx, ly = r.label
    best, s0 = math.inf, total / 2
    for i, (a, b) in enumerate(itertools.pairwise(pts)):
        dx, dy = b[0] - a[0], b[1] - a[1]
        seg = dx * dx + dy * dy
        t = 0.0 if seg == 0 else max(0.0, min(1.0, ((lx - a[0]) * dx + (ly - a[1]) * dy) / seg))
        d = math.hypot(a[0] + dx * t - lx, a[1] + dy * t - ly)
        if d < best:
            best, s0 = d, cum[i] + t * math.sqrt(seg)
    for k in range(1, _MAX_TRIES // 2 + 1):
        inside = False
        for s in (s0 + k * STEP, s0 - k * STEP):
            if 0 < s < total:
                inside = True
                yield _point_at(pts, cum, s)
        if not inside:
            return
    # a long route (one of a crowd into a far "Lost"): the rest of it, more coarsely, so
    # a label with no clear spot near the middle may find one near an end
    reach = _MAX_TRIES // 2 * STEP
    far = max(STEP, (total - 2 * reach) / _MAX_TRIES)
    d = reach + far
    while d < total:
        for s in (s0 + d, s0 - d):
            if 0 < s < total:
                yield _point_at(pts, cum, s)
        d += far


def _point_at(pts: list[Point], cum: list[float], s: float) -> Point:
    lo, hi = 0, len(cum) - 1
    while hi - lo > 1:  # the segment holding arc length s
        mid = (lo + hi) // 2
        if cum[mid] <= s:
            lo = mid
        else:
            hi = mid
    a, b = pts[lo], pts[lo + 1]
    span = cum[lo + 1] - cum[lo] or 1.0
    t = (s - cum[lo]) / span
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def place_labels(routes: Mapping[K, Route], sizes: Mapping[K, tuple[float, float]],
                 stages: ObstacleIndex | None = None, *,
                 fixed: Iterable[Rect] = (), ends: Mapping[K, Collection[Hashable]] | None = None,
                 near: float = 0.0, beside: bool = False) -> dict[K, Point]:
    """Centre of each label of ``sizes`` (``(width, height)`` of its pill by route key).

    A label clear of other pills, of ``stages`` and of the ``fixed`` boxes (labels the
    caller does not want moved, a stage's number badge) stays at ``routes[key].label``;
    the others slide along their own route to the nearest clear spot, or stay put if
    there is none.  With ``ends`` (each key's two end stages) a pill also keeps ``near``
    from every *other* stage: a label beside a stranger's card reads as that card's
    arrow's.  With ``beside`` the labels of upright arrows sit beside their lines (see the
    module's text).  Keys are handled in the order of ``sizes``.
    """
    keys: list[K] = []
    default: dict[K, Box] = {}
    start: dict[K, Point] = {}  # each label's default centre
    on_stage: list[K] = []  # labels at a spot that meets a stage
    clear = stages.clear if stages is not None else None
    grid = _Grid()  # every default spot
    cells = grid.cells
    for k, (w, h) in sizes.items():  # the hot loop: inlined (thousands of labels)
        r = routes.get(k)
        if r is None:
            continue
        keys.append(k)
        cx, cy = r.label
        if beside and r.label_side:
            cx += r.label_side * (w / 2 + SIDE_GAP)
        start[k] = (cx, cy)
        x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
        entry = (k, (x0, y0, x1, y1))
        default[k] = entry[1]
        for gx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for gy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                bucket = cells.get((gx, gy))
                if bucket is None:
                    cells[(gx, gy)] = [entry]
                else:
                    bucket.append(entry)
        if clear is not None:
            if not clear(x0 - GAP, y0 - GAP, x1 + GAP, y1 + GAP):
                on_stage.append(k)
            elif ends is not None and not clear(x0 - near, y0 - near, x1 + near, y1 + near,
                                                ends.get(k, ())):
                on_stage.append(k)  # beside a stranger's card
    crowded_set: set[K] = set(on_stage)
    pad = GAP
    for bucket in cells.values():  # pills meeting another pill share a cell with it
        if len(bucket) > 1:
            for i, (ka, a) in enumerate(bucket):
                for kb, o in bucket[i + 1:]:
                    if o[0] < a[2] + pad and o[2] > a[0] - pad and o[1] < a[3] + pad \
                            and o[3] > a[1] - pad:
                        crowded_set.add(ka)
                        crowded_set.add(kb)
    walls = _Grid()
    for i, f in enumerate(fixed):
        walls.add(("fixed", i), (f.x, f.y, f.right, f.bottom))
    has_walls = bool(walls.cells)
    if has_walls:
        crowded_set.update(k for k in keys if walls.meets(default[k]))
    lines = _Lines(routes)
    # a pill beside its arrow keeps farther from the others than from its own line
    grow = {k: SIDE_GAP + 1 if beside and routes[k].label_side else GAP for k in keys}
    crowded_set.update(k for k in keys if lines.crosses(default[k], k, grow[k]))
    crowded = [k for k in keys if k in crowded_set]
    out = dict(start)
    if not crowded:
        return out
    at_default = set(keys).difference(crowded)  # placed at their default spot so far
    moved = _Grid()  # placed elsewhere
    pending = dict.fromkeys(crowded)  # crowded labels not placed yet: their defaults stay free

    def free(b: Box, k: K) -> bool:
        return not (grid.meets(b, k, at_default) or moved.meets(b)
                    or (has_walls and walls.meets(b)) or _on_stage(b, stages)
                    or (ends is not None and stages is not None and not stages.clear(
                        b[0] - near, b[1] - near, b[2] + near, b[3] + near, ends.get(k, ()))))

    for k in crowded:
        del pending[k]
        if free(default[k], k) and not lines.crosses(default[k], k, grow[k]):
            at_default.add(k)
            continue
        size = sizes[k]
        # clear of pills and stages but on other arrows: the least bad such spot (fewest
        # arrows through it, then none through its middle), the nearest of equals
        fallback: Point | None = None
        worst = (math.inf, 0.0)
        if free(default[k], k):
            fallback, worst = start[k], lines.cost(default[k], k, grow[k])
        r = routes[k]
        for spot in _spots(r):
            c = _beside(r, spot, size[0]) if beside else spot
            cb = _box(c, size)
            if free(cb, k) and not grid.meets(cb, k, pending):
                if not lines.crosses(cb, k, grow[k]):
                    out[k] = c
                    moved.add(k, cb)
                    break
                bad = lines.cost(cb, k, grow[k])
                if bad < worst:
                    fallback, worst = c, bad
        else:
            if fallback is None or fallback == start[k]:
                at_default.add(k)  # nowhere better: the default it is
            else:
                out[k] = fallback
                moved.add(k, _box(fallback, size))
    return out
