"""Arrow routes that go around stages: one routing rule for the canvas, the PDF and the HTML.

A forward arrow whose simple curve is clear keeps today's look (one cubic Bézier between
facing sides).  When the curve would cross another stage, the arrow becomes an orthogonal
polyline kept :data:`MARGIN` clear of every stage: cheap templates first (an L, a Z through
a free gap, a run along a free channel between rows), then a shortest path with a bend
penalty over a sparse orthogonal visibility graph (networkx) of the stages near the arrow.
Back edges loop below both stages, deeper when something is in the way.

Obstacles live in an :class:`ObstacleIndex` (horizontal strips of sorted intervals), built
once per drawing and updated as stages move, so a clear-path check costs a few bisections.
``Route.label`` is each label's default spot; the PDF and HTML diagrams move crowded labels apart
along their routes with :func:`salesdesigner.model.labels_layout.place_labels`.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Collection, Hashable, Iterable, Iterator
from typing import NamedTuple

import networkx as nx

from salesdesigner.model.entities import Transition
from salesdesigner.model.geometry import Rect, stage_rect
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.process import Process

Point = tuple[float, float]
MARGIN = 16.0       # clearance between a routed arrow and any stage
BEND = 80.0         # a bend costs as much as this much length
LOOP_GAP = 34.0     # how far below the lower stage a loop runs
LOOP_STEP = 14.0    # loops into the same stage nest this far apart
CORNER = 12.0       # radius the drawers round corners with
_STRIP = 50.0       # height of one index strip
_WINDOW = 220.0     # the general search looks this far around the two stages
_MAX_NEAR = 70      # at most this many obstacles in the general search
_SIDES = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "top": (0.0, -1.0), "bottom": (0.0, 1.0)}


class Route(NamedTuple):
    """Where an arrow runs.  ``points`` is an orthogonal polyline, or, when ``curved``,
    the four control points of one cubic Bézier.  ``end_dir`` is the unit direction in
    which the arrow arrives (for the arrowhead); ``label`` the centre of its label and
    ``label_span`` the length of the stretch it sits on (labels wider than that elide)."""

    points: tuple[Point, ...]
    curved: bool
    end_dir: Point
    label: Point
    label_span: float

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    def flattened(self, steps: int = 16) -> list[Point]:
        """The route as a polyline (a curve sampled at ``steps`` segments)."""
        if not self.curved:
            return list(self.points)
        return [_bezier(self.points, i / steps) for i in range(steps + 1)]

    def commands(self, radius: float = CORNER) -> list[tuple[str, tuple[float, ...]]]:
        """Drawing commands ``("M", (x, y))``, ``("L", (x, y))``, ``("C", (x1, y1, x2, y2,
        x, y))``: corners rounded by ``radius``, so every drawer draws the same shape."""
        p = self.points
        if self.curved:
            return [("M", p[0]), ("C", (*p[1], *p[2], *p[3]))]
        out: list[tuple[str, tuple[float, ...]]] = [("M", p[0])]
        for i in range(1, len(p) - 1):
            a, b, c = p[i - 1], p[i], p[i + 1]
            la, lc = math.dist(a, b), math.dist(b, c)
            r = min(radius, la / 2, lc / 2)
            if r < 0.5:
                out.append(("L", b))
                continue
            pa = (b[0] + (a[0] - b[0]) * r / la, b[1] + (a[1] - b[1]) * r / la)
            pc = (b[0] + (c[0] - b[0]) * r / lc, b[1] + (c[1] - b[1]) * r / lc)
            k = 0.5523  # a quarter circle as a cubic
            out.append(("L", pa))
            out.append(("C", (pa[0] + (b[0] - pa[0]) * k, pa[1] + (b[1] - pa[1]) * k,
                              pc[0] + (b[0] - pc[0]) * k, pc[1] + (b[1] - pc[1]) * k, *pc)))
        out.append(("L", p[-1]))
        return out


class ObstacleIndex:
    """Stage rectangles by key, in horizontal strips of intervals sorted by left edge, so
    "does anything lie in this box" is a few bisections even for an arrow crossing the
    whole process.  Keys are whatever the caller names stages by (stage ids)."""

    def __init__(self, rects: Iterable[tuple[Hashable, Rect]] = ()) -> None:
        self._rects: dict[Hashable, Rect] = {}
        self._boxes: dict[Hashable, tuple[float, float, float, float]] = {}
        self._strips: dict[int, tuple[list[float], list[Hashable]]] = {}
        self._widest = 0.0
        pending: dict[int, list[tuple[float, Hashable]]] = {}
        for key, rect in rects:  # filled in bulk: one sort per strip, not one insert per rect
            if key in self._rects:
                self._unlink_pending(pending, key, self._rects[key])
            self._rects[key] = rect
            self._boxes[key] = (rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
            self._widest = max(self._widest, rect.width)
            for s in range(int(rect.y // _STRIP), int(rect.bottom // _STRIP) + 1):
                pending.setdefault(s, []).append((rect.x, key))
        for s, entries in pending.items():
            entries.sort(key=lambda e: e[0])
            self._strips[s] = ([e[0] for e in entries], [e[1] for e in entries])

    @staticmethod
    def _unlink_pending(pending: dict[int, list[tuple[float, Hashable]]], key: Hashable,
                        rect: Rect) -> None:
        for s in range(int(rect.y // _STRIP), int(rect.bottom // _STRIP) + 1):
            pending[s] = [e for e in pending.get(s, []) if e[1] != key]

    def __len__(self) -> int:
        return len(self._rects)

    def rect(self, key: Hashable) -> Rect | None:
        return self._rects.get(key)

    def items(self) -> Iterator[tuple[Hashable, Rect]]:
        return iter(self._rects.items())

    def set(self, key: Hashable, rect: Rect) -> bool:
        """Add or move one obstacle; False when it was already there."""
        old = self._rects.get(key)
        if old == rect:
            return False
        if old is not None:
            self._unlink(key, old)
        self._rects[key] = rect
        self._boxes[key] = (rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
        self._widest = max(self._widest, rect.width)
        for s in range(int(rect.y // _STRIP), int(rect.bottom // _STRIP) + 1):
            lefts, keys = self._strips.setdefault(s, ([], []))
            i = bisect.bisect_right(lefts, rect.x)
            lefts.insert(i, rect.x)
            keys.insert(i, key)
        return True

    def remove(self, key: Hashable) -> None:
        old = self._rects.pop(key, None)
        if old is not None:
            del self._boxes[key]
            self._unlink(key, old)

    def _unlink(self, key: Hashable, rect: Rect) -> None:
        for s in range(int(rect.y // _STRIP), int(rect.bottom // _STRIP) + 1):
            lefts, keys = self._strips.get(s, ([], []))
            i = bisect.bisect_left(lefts, rect.x)
            while i < len(lefts) and lefts[i] == rect.x:
                if keys[i] == key:
                    del lefts[i], keys[i]
                    break
                i += 1

    def hits(self, x0: float, y0: float, x1: float, y1: float,
             ignore: Iterable[Hashable] = (), first: bool = False) -> list[tuple[Hashable, Rect]]:
        """Obstacles whose interior meets the box (x0, y0)-(x1, y1) (any corner order);
        only the first one found with ``first``."""
        found = []
        for hit in self.iter_hits(x0, y0, x1, y1, ignore):
            found.append(hit)
            if first:
                break
        return found

    def iter_hits(self, x0: float, y0: float, x1: float, y1: float,
                  ignore: Iterable[Hashable] = ()) -> Iterator[tuple[Hashable, Rect]]:
        """:meth:`hits`, found lazily (a caller may stop at the first that matters)."""
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        seen: set[Hashable] = set()
        boxes, lo = self._boxes, x0 - self._widest
        for s in self._strip_keys(y0, y1):
            strip = self._strips.get(s)
            if not strip:
                continue
            lefts, keys = strip
            i = bisect.bisect_right(lefts, lo)
            j = bisect.bisect_left(lefts, x1, i)
            for key in keys[i:j]:
                _, top, right, bottom = boxes[key]
                if right > x0 and top < y1 and bottom > y0 and key not in ignore \
                        and key not in seen:
                    seen.add(key)
                    yield key, self._rects[key]

    def _strip_keys(self, y0: float, y1: float) -> Iterable[int]:
        """The strips a box from ``y0`` to ``y1`` spans: by number, or, for a box taller
        than the index holds strips (a stage far away), only the strips that exist, so a
        query never costs more than the index's size."""
        first, last = int(y0 // _STRIP), int(y1 // _STRIP)
        if last - first <= 2 * len(self._strips) + 8:
            return range(first, last + 1)
        return sorted(s for s in self._strips if first <= s <= last)

    def clear(self, x0: float, y0: float, x1: float, y1: float,
              ignore: Iterable[Hashable] = ()) -> bool:
        """Whether no obstacle's interior meets the box (the hot path: no generator)."""
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        boxes, strips, lo = self._boxes, self._strips, x0 - self._widest
        for s in self._strip_keys(y0, y1):
            strip = strips.get(s)
            if strip:
                lefts, keys = strip
                i = bisect.bisect_right(lefts, lo)
                for key in keys[i:bisect.bisect_left(lefts, x1, i)]:
                    _, top, right, bottom = boxes[key]
                    if right > x0 and top < y1 and bottom > y0 and key not in ignore:
                        return False
        return True


def rect_center(r: Rect) -> Point:
    return r.x + r.width / 2, r.y + r.height / 2


def port(r: Rect, side: str) -> Point:
    """Middle of one side of ``r`` (where arrows attach)."""
    if side == "bottom":
        return r.x + r.width / 2, r.y + r.height
    if side == "top":
        return r.x + r.width / 2, r.y
    return (r.x if side == "left" else r.x + r.width), r.y + r.height / 2


# ---------------------------------------------------------------------- the plain look
def simple_route(src: Rect, dst: Rect) -> Route:
    """Today's look: a curve between the facing sides (left/right unless mostly vertical)."""
    sx, sy = rect_center(src)
    tx, ty = rect_center(dst)
    dx, dy = tx - sx, ty - sy
    if abs(dx) >= (src.width + dst.width) / 2 * 0.6 or abs(dx) > abs(dy):
        sign = 1.0 if dx >= 0 else -1.0
        ax, bx = sx + sign * src.width / 2, tx - sign * dst.width / 2
        bend = max(30.0, abs(bx - ax) / 2) * sign
        pts = ((ax, sy), (ax + bend, sy), (bx - bend, ty), (bx, ty))
        return Route(pts, True, (sign, 0.0), ((ax + bx) / 2, (sy + ty) / 2),
                     math.dist(pts[0], pts[3]))
    sign = 1.0 if dy >= 0 else -1.0
    ay, by = sy + sign * src.height / 2, ty - sign * dst.height / 2
    bend = max(24.0, abs(by - ay) / 2) * sign
    pts = ((sx, ay), (sx, ay + bend), (tx, by - bend), (tx, by))
    return Route(pts, True, (0.0, sign), ((sx + tx) / 2, (ay + by) / 2),
                 math.dist(pts[0], pts[3]))


def _bezier(p: tuple[Point, ...], t: float) -> Point:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0],
            a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1])


def _segment_meets(a: Point, b: Point, r: Rect, pad: float) -> bool:
    """Whether segment a-b enters the interior of ``r`` grown by ``pad`` (Liang-Barsky)."""
    x0, y0, x1, y1 = r.x - pad, r.y - pad, r.right + pad, r.bottom + pad
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return t1 - t0 > 1e-9


def curve_clear(route: Route, index: ObstacleIndex, ignore: Iterable[Hashable] = (),
                pad: float = 3.0) -> bool:
    """Whether the curve of ``route`` keeps out of every stage but its ends (checked piece
    by piece, so a long blocked curve is found out at its first obstacle)."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = route.points
    x0, x1 = min(ax, bx, cx, dx), max(ax, bx, cx, dx)
    y0, y1 = min(ay, by, cy, dy), max(ay, by, cy, dy)
    if x1 - x0 + y1 - y0 < 1500 and index.clear(x0 - pad, y0 - pad, x1 + pad, y1 + pad,
                                                ignore):
        return True
    a = route.points[0]
    for i in range(1, 17):  # sampled as it goes: a blocked curve stops at its first hit
        b = _bezier(route.points, i / 16)
        for _, r in index.iter_hits(a[0] - pad, a[1] - pad, b[0] + pad, b[1] + pad, ignore):
            if _segment_meets(a, b, r, pad):
                return False
        a = b
    return True


# ---------------------------------------------------------------------- routing
def route(src: Rect, dst: Rect, *, back: bool = False, obstacles: ObstacleIndex | None = None,
          ignore: Iterable[Hashable] = (), lane: int = 0) -> Route:
    """The route of one arrow from ``src`` to ``dst``.  ``ignore`` names the two end
    stages in ``obstacles``; ``lane`` nests loops that end at the same stage."""
    if not isinstance(ignore, (tuple, frozenset, set)):
        ignore = tuple(ignore)
    if back:
        return _loop(src, dst, obstacles, ignore, lane)
    plain = simple_route(src, dst)
    if obstacles is None or curve_clear(plain, obstacles, ignore):
        return plain
    return _detour(src, dst, obstacles, ignore) or plain


def _loop(src: Rect, dst: Rect, index: ObstacleIndex | None, ignore: Collection[Hashable],
          lane: int) -> Route:
    (ax, ay), (bx, by) = port(src, "bottom"), port(dst, "bottom")
    y = max(ay, by) + LOOP_GAP + LOOP_STEP * lane
    if index is not None:
        for _ in range(12):  # sink below whatever lies on the loop's floor
            hits = index.hits(ax, y - MARGIN + 1, bx, y + MARGIN - 1, ignore)
            if not hits:
                break
            y = max(r.bottom for _, r in hits) + LOOP_GAP + LOOP_STEP * lane
    pts = _simplify([(ax, ay), (ax, y), (bx, y), (bx, by)])
    if index is not None and not _path_clear(pts, src, dst, index, ignore):
        found = _search(src, dst, index, ignore, ("bottom",), ("bottom",))
        if found is not None:
            pts = found
    return _orthogonal(pts)


def _detour(src: Rect, dst: Rect, index: ObstacleIndex, ignore: Collection[Hashable]) -> Route | None:
    best: tuple[float, list[Point]] | None = None
    for group in _templates(src, dst, index, ignore):  # fewest bends first
        for pts in group:
            cost = _cost(pts)
            if (best is None or cost < best[0]) and _path_clear(pts, src, dst, index, ignore):
                best = (cost, pts)
        if best is not None:
            break
    if best is None or len(best[1]) > 4:  # no template with two bends or fewer: search
        found = _search(src, dst, index, ignore, tuple(_SIDES), tuple(_SIDES))
        if found is not None and (best is None or _cost(found) < best[0]):
            best = (_cost(found), found)
    return _orthogonal(best[1]) if best else None


def _cost(pts: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts)) + BEND * (len(pts) - 2)


def _templates(src: Rect, dst: Rect, index: ObstacleIndex,
               ignore: Collection[Hashable]) -> Iterator[list[list[Point]]]:
    """Groups of candidate orthogonal paths: one bend, then two, then three (each group
    is only worked out when the one before had no clear path)."""
    (sx, sy), (tx, ty) = rect_center(src), rect_center(dst)
    h_out = "right" if tx >= sx else "left"
    h_in = "left" if tx >= sx else "right"
    v_out = "bottom" if ty >= sy else "top"
    v_in = "top" if ty >= sy else "bottom"
    # L: out sideways, in from above/below; or out above/below, in sideways
    yield [_simplify([port(src, h_out), (tx, sy), port(dst, v_in)]),
           _simplify([port(src, v_out), (sx, ty), port(dst, h_in)])]
    # Z through a free vertical gap between the two; U along a free channel above/below
    two: list[list[Point]] = []
    a, b = port(src, h_out), port(dst, h_in)
    gap = _free_line(index, (a[0] + b[0]) / 2, sy, ty, vertical=True, ignore=ignore,
                     bounds=(min(a[0], b[0]) + MARGIN, max(a[0], b[0]) - MARGIN))
    if gap is not None:
        two.append(_simplify([a, (gap, sy), (gap, ty), b]))
    channels = []
    for out in ("bottom", "top"):
        a = port(src, out)
        down = out == "bottom"
        start = (a[1] + MARGIN) if down else (a[1] - MARGIN)
        c = _free_line(index, start, sx, tx, vertical=False, ignore=ignore, step_down=down)
        if c is None:
            continue
        channels.append((a, c))
        enter = "top" if c < dst.y else "bottom" if c > dst.bottom else None
        if enter is not None:
            two.append(_simplify([a, (sx, c), (tx, c), port(dst, enter)]))
    yield two
    # along the channel, then down or up beside the target and into its facing side
    side = port(dst, h_in)
    col = side[0] - MARGIN * 2 if h_in == "left" else side[0] + MARGIN * 2
    yield [_simplify([a, (sx, c), (col, c), (col, side[1]), side]) for a, c in channels]


def _free_line(index: ObstacleIndex, at: float, lo: float, hi: float, *, vertical: bool,
               ignore: Collection[Hashable], step_down: bool = True,
               bounds: tuple[float, float] | None = None) -> float | None:
    """The nearest coordinate from ``at`` (moving down/right, or up when not ``step_down``)
    where a line from ``lo`` to ``hi`` across it keeps :data:`MARGIN` clear of stages."""
    lo, hi = min(lo, hi), max(lo, hi)
    for _ in range(16):
        if bounds is not None and not bounds[0] <= at <= bounds[1]:
            return None
        m = MARGIN - 1
        if vertical:
            hits = index.hits(at - m, lo, at + m, hi, ignore)
        else:
            hits = index.hits(lo, at - m, hi, at + m, ignore)
        if not hits:
            return at
        if vertical:
            at = max(r.right for _, r in hits) + MARGIN
        elif step_down:
            at = max(r.bottom for _, r in hits) + MARGIN
        else:
            at = min(r.y for _, r in hits) - MARGIN
    return None


def _path_clear(pts: list[Point], src: Rect, dst: Rect, index: ObstacleIndex,
                ignore: Collection[Hashable]) -> bool:
    """Every segment clear of other stages by the margin, and out of its own end stages
    except where it leaves the source and enters the target."""
    if len(pts) < 2:
        return False
    m = MARGIN - 1
    last = len(pts) - 2
    for i, (a, b) in enumerate(itertools.pairwise(pts)):
        if a[0] != b[0] and a[1] != b[1]:
            return False
        if not index.clear(a[0] - m, a[1] - m, b[0] + m, b[1] + m, ignore):
            return False
        if i > 0 and _segment_meets(a, b, src, m if i > 1 else 0.0):
            return False
        if i < last and _segment_meets(a, b, dst, m if i < last - 1 else 0.0):
            return False
    return _leaves(pts[0], pts[1], src) and _leaves(pts[-1], pts[-2], dst)


def _leaves(p: Point, q: Point, r: Rect) -> bool:
    """Whether the first stretch p-q goes outward from the side of ``r`` that p is on."""
    cx, cy = rect_center(r)
    if q[0] == p[0]:
        return (q[1] - p[1]) * (p[1] - cy) > 0 and abs(p[0] - cx) < 1e-6
    return (q[0] - p[0]) * (p[0] - cx) > 0 and abs(p[1] - cy) < 1e-6


def _simplify(pts: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight stretch."""
    out: list[Point] = []
    for p in pts:
        if out and math.dist(out[-1], p) < 1e-6:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if ((a[0] == b[0] == p[0] and min(a[1], p[1]) <= b[1] <= max(a[1], p[1]))
                    or (a[1] == b[1] == p[1] and min(a[0], p[0]) <= b[0] <= max(a[0], p[0]))):
                out[-1] = p  # b was in the middle of a straight stretch
                continue
        out.append(p)
    return out


def _orthogonal(pts: list[Point]) -> Route:
    if len(pts) < 2:  # both ends at one point (stages on top of each other)
        pts = [pts[0], pts[0]]
    a, b = pts[-2], pts[-1]
    d = math.dist(a, b) or 1.0
    (lx, ly), span = _label_at(pts)
    return Route(tuple(pts), False, ((b[0] - a[0]) / d, (b[1] - a[1]) / d), (lx, ly), span)


def _label_at(pts: list[Point]) -> tuple[Point, float]:
    """Where the label goes and how wide it may be: halfway along the drawn (rounded) path
    when that is on a horizontal stretch with room, as for curves; else the middle of the
    longest horizontal stretch (labels sit in the channels, clear of stages)."""
    radii = [0.0] + [min(CORNER, math.dist(pts[i - 1], pts[i]) / 2,
                         math.dist(pts[i], pts[i + 1]) / 2) for i in range(1, len(pts) - 1)]
    radii.append(0.0)
    pieces = []  # (length, straight stretch or None for a corner)
    for i, (a, b) in enumerate(itertools.pairwise(pts)):
        pieces.append((math.dist(a, b) - radii[i] - radii[i + 1], (a, b, radii[i], radii[i + 1])))
        if i + 1 < len(pts) - 1:
            pieces.append((math.pi / 2 * radii[i + 1], None))
    half = sum(length for length, _ in pieces) / 2
    for length, stretch in pieces:
        if half <= length:
            if stretch is not None and stretch[0][1] == stretch[1][1]:
                (ax, ay), (bx, _by), ra, _ = stretch
                d = math.dist(stretch[0], stretch[1]) or 1.0
                t = (ra + half) / d
                room = 2 * min(ra + half, d - ra - half)
                if room >= 100:
                    return (ax + (bx - ax) * t, ay), room
            break
        half -= length
    segs = list(itertools.pairwise(pts))
    flat = [s for s in segs if s[0][1] == s[1][1] and abs(s[0][0] - s[1][0]) >= 60]
    a, b = max(flat or segs, key=lambda s: math.dist(*s))
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), math.dist(a, b)


# ---------------------------------------------------------------------- general search
def _search(src: Rect, dst: Rect, index: ObstacleIndex, ignore: Collection[Hashable],
            out_sides: tuple[str, ...], in_sides: tuple[str, ...]) -> list[Point] | None:
    """Shortest orthogonal path with a bend penalty over the visibility grid of the
    stages around the two ends (networkx Dijkstra); None when they are walled in.  A
    wider look when the path found strays past the stages it was found among."""
    box = src.united(dst)
    for window in (_WINDOW, 3 * _WINDOW):
        near = index.hits(box.x - window, box.y - window, box.right + window,
                          box.bottom + window, ignore)
        if len(near) > _MAX_NEAR:  # a long arrow across a crowd: the templates must do
            return None
        found = _grid_path(src, dst, [r for _, r in near], out_sides, in_sides)
        if found is None or _path_clear(found, src, dst, index, ignore):
            return found
    return None


def _grid_path(src: Rect, dst: Rect, near: list[Rect], out_sides: tuple[str, ...],
               in_sides: tuple[str, ...]) -> list[Point] | None:
    """The search of :func:`_search` among the obstacles ``near``."""
    walls = [(r.x - MARGIN, r.y - MARGIN, r.right + MARGIN, r.bottom + MARGIN)
             for r in [src, dst, *near]]
    starts = {s: _stub(src, s) for s in out_sides}
    ends = {s: _stub(dst, s) for s in in_sides}
    xs_set = {w[0] for w in walls} | {w[2] for w in walls}
    ys_set = {w[1] for w in walls} | {w[3] for w in walls}
    for p in (*starts.values(), *ends.values()):
        xs_set.add(p[0])
        ys_set.add(p[1])
    frame = (min(xs_set) - MARGIN, min(ys_set) - MARGIN, max(xs_set) + MARGIN,
             max(ys_set) + MARGIN)
    xs = sorted(xs_set | {frame[0], frame[2]})
    ys = sorted(ys_set | {frame[1], frame[3]})
    nx_, ny_ = len(xs), len(ys)
    blocked_pt: set[tuple[int, int]] = set()
    blocked_h: set[tuple[int, int]] = set()  # segment xs[i]-xs[i+1] at ys[j]
    blocked_v: set[tuple[int, int]] = set()  # segment ys[j]-ys[j+1] at xs[i]
    for x0, y0, x1, y1 in walls:
        i0, i1 = bisect.bisect_left(xs, x0), bisect.bisect_left(xs, x1)
        j0, j1 = bisect.bisect_left(ys, y0), bisect.bisect_left(ys, y1)
        inner_i = range(i0 + 1, i1)   # strictly inside in x
        inner_j = range(j0 + 1, j1)
        for j in inner_j:
            for i in range(i0, i1):
                blocked_h.add((i, j))
        for i in inner_i:
            for j in range(j0, j1):
                blocked_v.add((i, j))
            for j in inner_j:
                blocked_pt.add((i, j))
    edges = []
    for j in range(ny_):
        for i in range(nx_):
            if (i, j) in blocked_pt:
                continue
            edges.append(((i, j, 0), (i, j, 1), BEND))
            if i + 1 < nx_ and (i, j) not in blocked_h and (i + 1, j) not in blocked_pt:
                edges.append(((i, j, 0), (i + 1, j, 0), xs[i + 1] - xs[i]))
            if j + 1 < ny_ and (i, j) not in blocked_v and (i, j + 1) not in blocked_pt:
                edges.append(((i, j, 1), (i, j + 1, 1), ys[j + 1] - ys[j]))
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    for tag, stubs in (("S", starts), ("T", ends)):
        for side, p in stubs.items():
            node = (bisect.bisect_left(xs, p[0]), bisect.bisect_left(ys, p[1]),
                    0 if side in ("left", "right") else 1)
            if node in graph:
                graph.add_edge(tag, node, weight=0.0)
    if "S" not in graph or "T" not in graph:
        return None
    try:
        nodes = nx.dijkstra_path(graph, "S", "T", weight="weight")
    except nx.NetworkXNoPath:
        return None
    grid = [(xs[n[0]], ys[n[1]]) for n in nodes[1:-1]]
    first = next(s for s, p in starts.items() if p == grid[0])
    last = next(s for s, p in ends.items() if p == grid[-1])
    return _simplify([port(src, first), *grid, port(dst, last)])


def _stub(r: Rect, side: str) -> Point:
    """Just outside the middle of a side, where a routed arrow turns away from it."""
    (px, py), (dx, dy) = port(r, side), _SIDES[side]
    return px + dx * MARGIN, py + dy * MARGIN


# ---------------------------------------------------------------------- whole drawings
def loop_lanes(transitions: Iterable[Transition], back: set[tuple[str, str]]) -> dict[str, int]:
    """Nesting depth of each back edge (by transition id): loops into the same stage are
    drawn at different depths, as on the canvas."""
    depth: dict[str, int] = {}
    lanes: dict[str, int] = {}
    for t in transitions:
        if (t.source, t.target) in back:
            depth[t.target] = depth.get(t.target, -1) + 1
            lanes[t.id] = depth[t.target] % 4
    return lanes


def process_routes(process: Process) -> dict[str, Route]:
    """The route of every transition of ``process`` (by id): what the PDF and the HTML
    draw, the same routes the canvas finds."""
    rects = {s.id: stage_rect(s) for s in process.stages}
    index = ObstacleIndex(rects.items())
    back = back_edges(process)
    lanes = loop_lanes(process.transitions, back)
    return {t.id: route(rects[t.source], rects[t.target], back=t.id in lanes,
                        obstacles=index, ignore=(t.source, t.target), lane=lanes.get(t.id, 0))
            for t in process.transitions}
