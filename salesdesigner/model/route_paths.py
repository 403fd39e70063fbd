"""Orthogonal detours between two ports, kept :data:`MARGIN` clear of every other stage.

Cheap templates first (an L, a Z through a free gap, a run along a free channel), then a
shortest path with a bend penalty over a sparse orthogonal visibility graph (Dijkstra) of
the stages near the arrow.  Both ends are fixed ports (:mod:`salesdesigner.model.ports`):
the path leaves its source port straight out of its side and enters its target port
straight into its side.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Collection, Hashable, Iterable, Iterator

from salesdesigner.model.geometry import Rect, clip_span
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.ports import SIDES, Port, horizontal, stub
from salesdesigner.model.shortest_path import add_edge, dijkstra_path, undirected

MARGIN = 16.0       # clearance between a routed arrow and any stage
BEND = 80.0         # a bend costs as much as this much length
_WINDOW = 220.0     # the general search looks this far around the two stages
_MAX_NEAR = 70      # at most this many obstacles in the general search


def bezier(p: tuple[Point, ...] | list[Point], t: float) -> Point:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0],
            a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1])


def segment_meets(a: Point, b: Point, r: Rect, pad: float) -> bool:
    """Whether segment a-b enters the interior of ``r`` grown by ``pad``."""
    return clip_span(a, b, r.x - pad, r.y - pad, r.right + pad, r.bottom + pad) > 1e-9


def enters_shape(a: Point, b: Point, r: Rect, diamond: bool, inset: float = 1.0) -> bool:
    """Whether segment a-b passes through the shape (box or diamond) shrunk by ``inset``."""
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    hw, hh = r.width / 2 - inset, r.height / 2 - inset
    if hw <= 0 or hh <= 0:
        return False
    # half-planes n.(p - c) < h: a convex shape, clipped Cyrus-Beck style
    if diamond:
        planes = [((sx / hw, sy / hh), 1.0) for sx in (1, -1) for sy in (1, -1)]
    else:
        planes = [((1 / hw, 0.0), 1.0), ((-1 / hw, 0.0), 1.0), ((0.0, 1 / hh), 1.0),
                  ((0.0, -1 / hh), 1.0)]
    t0, t1 = 0.0, 1.0
    ax, ay = a[0] - cx, a[1] - cy
    dx, dy = b[0] - a[0], b[1] - a[1]
    for (nx_, ny_), h in planes:
        num = h - (nx_ * ax + ny_ * ay)
        den = nx_ * dx + ny_ * dy
        if abs(den) < 1e-12:
            if num <= 0:
                return False
            continue
        t = num / den
        if den > 0:
            t1 = min(t1, t)
        else:
            t0 = max(t0, t)
        if t1 - t0 <= 1e-9:
            return False
    return True


def side_by_side_gap(a: Point, b: Point, c: Point, d: Point, run: float) -> float | None:
    """How close segments a-b and c-d run alongside each other: the smallest distance
    within which they stay together for a stretch of ``run`` (None when they are not near
    parallel, within 0.03 radians, or not side by side for that long).  Measured along
    the stretch, not from one segment's middle: a short piece of a curve near a long line
    is as close as it is, and two lines crossing at a glancing angle are together for as
    long as they are."""
    ux, uy = b[0] - a[0], b[1] - a[1]
    vx, vy = d[0] - c[0], d[1] - c[1]
    lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
    if lu < 1e-9 or lv < 1e-9 or abs(ux * vy - uy * vx) > 0.03 * lu * lv:
        return None
    ex, ey = ux / lu, uy / lu
    s0 = (c[0] - a[0]) * ex + (c[1] - a[1]) * ey
    s1 = (d[0] - a[0]) * ex + (d[1] - a[1]) * ey
    o0 = (c[0] - a[0]) * ey - (c[1] - a[1]) * ex  # c-d's offset from a-b's line
    o1 = (d[0] - a[0]) * ey - (d[1] - a[1]) * ex
    lo, hi = max(0.0, min(s0, s1)), min(lu, max(s0, s1))
    if hi - lo <= run or s0 == s1:
        return None
    k = (o1 - o0) / (s1 - s0)

    def offset(s: float) -> float:
        return abs(o0 + k * (s - s0))

    starts = [lo, hi - run]
    if k:
        starts.append(min(hi - run, max(lo, s0 - o0 / k - run / 2)))  # around the crossing
    return min(max(offset(x), offset(x + run)) for x in starts)


def curve_clear(points: tuple[Point, ...], index: ObstacleIndex,
                ignore: Iterable[Hashable] = (), pad: float = 3.0) -> bool:
    """Whether the poly-Bézier ``points`` keeps out of every stage but its ends (checked
    piece by piece, so a long blocked curve is found out at its first obstacle)."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if x1 - x0 + y1 - y0 < 1500 and index.clear(x0 - pad, y0 - pad, x1 + pad, y1 + pad,
                                                ignore):
        return True
    for k in range(0, len(points) - 1, 3):
        piece = points[k:k + 4]
        a = piece[0]
        for i in range(1, 25):  # sampled as it goes (as finely as the quality check
            b = bezier(piece, i / 24)  # samples): a blocked curve stops at its first hit
            for _, r in index.iter_hits(min(a[0], b[0]) - pad, min(a[1], b[1]) - pad,
                                        max(a[0], b[0]) + pad, max(a[1], b[1]) + pad,
                                        ignore):  # (padded on every side)
                if segment_meets(a, b, r, pad):
                    return False
            a = b
    return True


def polyline_clear(pts: list[Point], index: ObstacleIndex, ignore: Collection[Hashable],
                   pad: float = 3.0) -> bool:
    """Whether straight segments through ``pts`` keep out of every stage but its ends."""
    for a, b in itertools.pairwise(pts):
        for _, r in index.iter_hits(min(a[0], b[0]) - pad, min(a[1], b[1]) - pad,
                                    max(a[0], b[0]) + pad, max(a[1], b[1]) + pad, ignore):
            if segment_meets(a, b, r, pad):
                return False
    return True


def simplify(pts: list[Point]) -> list[Point]:
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


def cost(pts: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts)) + BEND * (len(pts) - 2)


def leaves(p: Point, q: Point, side: str) -> bool:
    """Whether the stretch p-q goes straight out of ``side`` (p is the port)."""
    nx_, ny_ = SIDES[side]
    dx, dy = q[0] - p[0], q[1] - p[1]
    if nx_:
        return dy == 0 and dx * nx_ > 0
    return dx == 0 and dy * ny_ > 0


def path_clear(pts: list[Point], src: Rect, dst: Rect, sp: Port, tp: Port,
               index: ObstacleIndex, ignore: Collection[Hashable]) -> bool:
    """Every segment orthogonal and clear of other stages by the margin, out of its own end
    stages except where it leaves the source port and enters the target port."""
    if len(pts) < 2 or pts[0] != sp.point or pts[-1] != tp.point:
        return False
    m = MARGIN - 1
    last = len(pts) - 2
    for i, (a, b) in enumerate(itertools.pairwise(pts)):
        if a[0] != b[0] and a[1] != b[1]:
            return False
        if not segment_clear(index, a, b, m, ignore, src, dst, i, last):
            return False
    return leaves(pts[0], pts[1], sp.side) and leaves(pts[-1], pts[-2], tp.side)


def segment_clear(index: ObstacleIndex, a: Point, b: Point, m: float,
                  ignore: Collection[Hashable], src: Rect, dst: Rect, k: int, last: int) -> bool:
    """Segment ``k`` (of ``last + 1``) of a route: clear of other stages by ``m``, and out of
    its own end stages except where it leaves the source and enters the target."""
    return (index.clear(a[0] - m, a[1] - m, b[0] + m, b[1] + m, ignore)
            and not (k > 0 and segment_meets(a, b, src, m if k > 1 else 0.0))
            and not (k < last and segment_meets(a, b, dst, m if k < last - 1 else 0.0)))


def free_line(index: ObstacleIndex, at: float, lo: float, hi: float, *, vertical: bool,
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


def detour(src: Rect, dst: Rect, sp: Port, tp: Port, index: ObstacleIndex,
           ignore: Collection[Hashable]) -> list[Point] | None:
    """The cheapest clear orthogonal path from port ``sp`` of ``src`` to port ``tp`` of
    ``dst``, or None when neither the templates nor the search find one."""
    best: tuple[float, list[Point]] | None = None
    for group in _templates(src, dst, sp, tp, index, ignore):  # fewest bends first
        for pts in group:
            c = cost(pts)
            if (best is None or c < best[0]) and path_clear(pts, src, dst, sp, tp, index,
                                                            ignore):
                best = (c, pts)
        if best is not None:
            break
    if best is None or len(best[1]) > 4:  # no template with two bends or fewer: search
        # (for a path with fewer bends only among a few stages: a big grid costs ~50 ms)
        found = search(src, dst, [sp], [tp], index, ignore,
                       _MAX_NEAR if best is None else _MAX_NEAR // 5)
        if found is not None and (best is None or cost(found) < best[0]):
            best = (cost(found), found)
    return best[1] if best else None


def _templates(src: Rect, dst: Rect, sp: Port, tp: Port, index: ObstacleIndex,
               ignore: Collection[Hashable]) -> Iterator[list[list[Point]]]:
    """Groups of candidate paths: one bend, then two, then along a channel (each group is
    only worked out when the one before had no clear path)."""
    (ax, ay), (bx, by) = sp.point, tp.point
    s_out, t_out = stub(src, sp, MARGIN), stub(dst, tp, MARGIN)
    hs, ht = horizontal(sp.side), horizontal(tp.side)
    if hs != ht:  # L
        yield [simplify([(ax, ay), (bx, ay) if hs else (ax, by), (bx, by)])]
    two: list[list[Point]] = []
    if hs and ht and sp.side != tp.side:  # Z through a free vertical gap between the two
        lo, hi = sorted((s_out[0], t_out[0]))
        for at in {(lo + hi) / 2, lo}:  # halfway, or as soon as there is a way down
            gap = free_line(index, at, ay, by, vertical=True, ignore=ignore, bounds=(lo, hi))
            if gap is not None:
                two.append(simplify([(ax, ay), (gap, ay), (gap, by), (bx, by)]))
    if not hs and not ht:  # through a free horizontal line between or beyond the two
        if sp.side != tp.side:
            lo, hi = sorted((s_out[1], t_out[1]))
            line = free_line(index, (lo + hi) / 2, ax, bx, vertical=False, ignore=ignore,
                             bounds=(lo, hi))
        else:
            down = sp.side == "bottom"
            start = max(s_out[1], t_out[1]) if down else min(s_out[1], t_out[1])
            line = free_line(index, start, ax, bx, vertical=False, ignore=ignore,
                             step_down=down)
        if line is not None:
            two.append(simplify([(ax, ay), (ax, line), (bx, line), (bx, by)]))
    yield two
    # out of the stub, along a free channel above or below, back in through the other stub
    more: list[list[Point]] = []
    for down in (True, False):
        y0 = max(s_out[1], t_out[1]) + MARGIN if down else min(s_out[1], t_out[1]) - MARGIN
        c = free_line(index, y0, s_out[0], t_out[0], vertical=False, ignore=ignore,
                      step_down=down)
        if c is not None:
            more.append(simplify([(ax, ay), s_out, (s_out[0], c), (t_out[0], c), t_out,
                                  (bx, by)]))
    yield more


def search(src: Rect, dst: Rect, starts: list[Port], ends: list[Port], index: ObstacleIndex,
           ignore: Collection[Hashable], max_near: int = _MAX_NEAR) -> list[Point] | None:
    """Shortest orthogonal path with a bend penalty over the visibility grid of the
    stages around the two ends (Dijkstra, :mod:`~salesdesigner.model.shortest_path`), from
    one of ``starts`` to one of ``ends``; None when they are walled in.  A wider look when
    the path found strays past the stages it was found among."""
    box = src.united(dst)
    for window in (_WINDOW, 3 * _WINDOW):
        near = []
        for hit in index.iter_hits(box.x - window, box.y - window, box.right + window,
                                   box.bottom + window, ignore):
            near.append(hit)
            if len(near) > max_near:  # a long arrow across a crowd: the templates must do
                return None
        found = _grid_path(src, dst, [r for _, r in near], starts, ends)
        if found is None:
            return None
        sp = next(p for p in starts if p.point == found[0])
        tp = next(p for p in ends if p.point == found[-1])
        if path_clear(found, src, dst, sp, tp, index, ignore):
            return found
    return None


def _grid_path(src: Rect, dst: Rect, near: list[Rect], starts: list[Port],
               ends: list[Port]) -> list[Point] | None:
    """The search of :func:`search` among the obstacles ``near``."""
    walls = [(r.x - MARGIN, r.y - MARGIN, r.right + MARGIN, r.bottom + MARGIN)
             for r in [src, dst, *near]]
    s_stubs = [(p, stub(src, p, MARGIN)) for p in starts]
    t_stubs = [(p, stub(dst, p, MARGIN)) for p in ends]
    xs_set = {w[0] for w in walls} | {w[2] for w in walls}
    ys_set = {w[1] for w in walls} | {w[3] for w in walls}
    for _, q in (*s_stubs, *t_stubs):
        xs_set.add(q[0])
        ys_set.add(q[1])
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
    graph = undirected(edges)
    for tag, stubs in (("S", s_stubs), ("T", t_stubs)):
        for p, q in stubs:
            node = (bisect.bisect_left(xs, q[0]), bisect.bisect_left(ys, q[1]),
                    0 if horizontal(p.side) else 1)
            if node in graph:
                add_edge(graph, tag, node, 0.0)
    nodes = dijkstra_path(graph, "S", "T")
    if nodes is None:
        return None
    grid = [(xs[n[0]], ys[n[1]]) for n in nodes[1:-1]]
    first = next(p for p, q in s_stubs if q == grid[0])
    last = next(p for p, q in t_stubs if q == grid[-1])
    return simplify([first.point, *grid, last.point])
