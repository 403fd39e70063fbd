"""Arrow routes that never lie: one routing rule for the canvas, the PDF and the HTML.

Every arrow end gets its own port on a side that follows the flow
(:mod:`salesdesigner.model.ports`).  A forward arrow whose curve between its ports is
clear keeps the familiar look (one cubic Bézier); when the curve would cross another
stage, the arrow becomes an orthogonal polyline kept :data:`MARGIN` clear of every stage
(:mod:`salesdesigner.model.route_paths`), moved off the segments of arrows routed before
it (:mod:`salesdesigner.model.nudge`).  Back edges loop below both stages, deeper when
something is in the way.

An arrow the manager steered follows the bend points and pinned ends it carries, in its
own style or the document's (straight, orthogonal, curved).  ``Route.label`` is each
label's default spot; the PDF and HTML diagrams move crowded labels apart along their
routes with :func:`salesdesigner.model.labels_layout.place_labels`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from typing import NamedTuple

from salesdesigner.model.entities import ArrowStyle, StageKind, Transition
from salesdesigner.model.geometry import Rect, stage_rect
from salesdesigner.model.nudge import SLACK, SegmentIndex, nudge
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.ports import (
    MIN_GAP,
    PORT_SPACING,
    SIDES,
    End,
    Port,
    anchor_point,
    facing,
    flow_sides,
    horizontal,
    port_point,
    spread_ports,
    stub,
    usable_length,
)
from salesdesigner.model.process import Process
from salesdesigner.model.route_paths import (
    MARGIN,
    bezier,
    curve_clear,
    detour,
    enters_shape,
    path_clear,
    polyline_clear,
    search,
    segment_meets,
    simplify,
)

LOOP_GAP = 34.0     # how far below the lower stage a loop runs
LOOP_STEP = 14.0    # loops into the same stage nest this far apart
CORNER = 12.0       # radius the drawers round corners with
TANGLED = 1.5       # two arrows' lines closer than this read as one
CURVE_STEPS = 24    # a curve is checked against other arrows sampled this finely

# other arrows' ports at an arrow's stages, or how to find them (see route)
Taken = Collection[Point] | Callable[[], Collection[Point]]
Walled = tuple[tuple[bool, bool], Taken]  # (diamonds, taken): see route
_NOT_WALLED: Walled = ((False, False), ())


__all__ = ["CORNER", "LOOP_GAP", "LOOP_STEP", "MARGIN", "ArrowEnds", "ObstacleIndex",
           "Point", "Port", "Route", "SegmentIndex", "arrow_ends", "curve_clear",
           "loop_lanes", "loops_below", "port", "process_routes", "rect_center", "route",
           "segment_meets", "simple_route", "tangled"]

_segment_meets = segment_meets  # the name older tests import


class Route(NamedTuple):
    """Where an arrow runs.  ``points`` is a polyline, or, when ``curved``, the control
    points of a chain of cubic Béziers (4, 7, 10 … points).  ``end_dir`` is the unit
    direction in which the arrow arrives (for the arrowhead); ``label`` the centre of its
    label and ``label_span`` the length of the stretch it sits on (labels wider than that
    elide); ``corner`` the radius a polyline's corners are rounded by (0: sharp)."""

    points: tuple[Point, ...]
    curved: bool
    end_dir: Point
    label: Point
    label_span: float
    corner: float = CORNER
    label_side: int = 0  # -1 / 1: the label sits left / right of an upright stretch

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    def flattened(self, steps: int = 16) -> list[Point]:
        """The route as a polyline (each curve piece sampled at ``steps`` segments)."""
        if not self.curved:
            return list(self.points)
        out = [self.points[0]]
        for k in range(0, len(self.points) - 1, 3):
            piece = self.points[k:k + 4]
            out.extend(bezier(piece, i / steps) for i in range(1, steps + 1))
        return out

    def commands(self, radius: float | None = None) -> list[tuple[str, tuple[float, ...]]]:
        """Drawing commands ``("M", (x, y))``, ``("L", (x, y))``, ``("C", (x1, y1, x2, y2,
        x, y))``: corners rounded by ``radius`` (by default the route's own), so every
        drawer draws the same shape."""
        p = self.points
        if self.curved:
            return [("M", p[0])] + [("C", (*p[k + 1], *p[k + 2], *p[k + 3]))
                                    for k in range(0, len(p) - 1, 3)]
        radius = self.corner if radius is None else radius
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


_LAST_FLAT: list = [None, None]  # the last curve sampled: a curve is looked at 2-3 times


def _flat(r: Route) -> list[Point]:
    """``r`` sampled as the quality check samples it (:data:`CURVE_STEPS`), once."""
    if _LAST_FLAT[0] is not r.points:
        _LAST_FLAT[0], _LAST_FLAT[1] = r.points, r.flattened(CURVE_STEPS)
    return _LAST_FLAT[1]


def rect_center(r: Rect) -> Point:
    return r.x + r.width / 2, r.y + r.height / 2


def port(r: Rect, side: str) -> Point:
    """Middle of one side of ``r`` (where a lone arrow attaches)."""
    return port_point(r, side)


# ---------------------------------------------------------------------- curves
def _curve(sp: Port, tp: Port) -> Route:
    """One cubic from port to port, leaving and entering straight out of their sides."""
    (ax, ay), (bx, by) = sp.point, tp.point
    (n0x, n0y), (n3x, n3y) = sp.normal, tp.normal
    dx, dy = bx - ax, by - ay
    k0 = max(30.0 if n0x else 24.0, abs(dx * n0x + dy * n0y) / 2)
    k3 = max(30.0 if n3x else 24.0, abs(dx * n3x + dy * n3y) / 2)
    pts = ((ax, ay), (ax + n0x * k0, ay + n0y * k0), (bx + n3x * k3, by + n3y * k3), (bx, by))
    return Route(pts, True, (-n3x, -n3y), ((ax + bx) / 2, (ay + by) / 2),
                 math.dist(pts[0], pts[3]))


def simple_route(src: Rect, dst: Rect) -> Route:
    """The familiar look: a curve between the middles of the sides facing the flow."""
    s_side, t_side = flow_sides(src, dst)
    return _curve(Port(s_side, port_point(src, s_side)), Port(t_side, port_point(dst, t_side)))


def _smooth(pts: list[Point], sp: Port, tp: Port) -> Route:
    """A smooth chain of cubics through ``pts`` (Catmull-Rom), leaving and entering
    straight out of the ports' sides."""
    n = len(pts)
    tangents = []
    for i, p in enumerate(pts):
        if i == 0:
            length = math.dist(p, pts[1])
            tangents.append((sp.normal[0] * length, sp.normal[1] * length))
        elif i == n - 1:
            length = math.dist(pts[-2], p)
            tangents.append((-tp.normal[0] * length, -tp.normal[1] * length))
        else:
            tangents.append(((pts[i + 1][0] - pts[i - 1][0]) / 2,
                             (pts[i + 1][1] - pts[i - 1][1]) / 2))
    out = [pts[0]]
    for i in range(n - 1):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        (tax, tay), (tbx, tby) = tangents[i], tangents[i + 1]
        out += [(ax + tax / 3, ay + tay / 3), (bx - tbx / 3, by - tby / 3), (bx, by)]
    mid = pts[n // 2] if n % 2 else ((pts[n // 2 - 1][0] + pts[n // 2][0]) / 2,
                                     (pts[n // 2 - 1][1] + pts[n // 2][1]) / 2)
    span = max(math.dist(a, b) for a, b in itertools.pairwise(pts))
    return Route(tuple(out), True, (-tp.normal[0], -tp.normal[1]), mid, span)


def _polyline(pts: list[Point], corner: float = CORNER) -> Route:
    if len(pts) < 2:  # both ends at one point (stages on top of each other)
        pts = [pts[0], pts[0]]
    a, b = pts[-2], pts[-1]
    d = math.dist(a, b) or 1.0
    (lx, ly), span = _label_at(pts)
    return Route(tuple(pts), False, ((b[0] - a[0]) / d, (b[1] - a[1]) / d), (lx, ly), span,
                 corner)


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


# ---------------------------------------------------------------------- one arrow
def route(src: Rect, dst: Rect, *, back: bool = False, obstacles: ObstacleIndex | None = None,
          ignore: Iterable[Hashable] = (), lane: int = 0, ports: tuple[Port, Port] | None = None,
          style: ArrowStyle = ArrowStyle.CURVED, waypoints: Sequence[Point] = (),
          segments: SegmentIndex | None = None, key: Hashable = None,
          diamonds: tuple[bool, bool] = (False, False), taken: Taken = ()) -> Route:
    """The route of one arrow from ``src`` to ``dst``.  ``ignore`` names the two end
    stages in ``obstacles``; ``lane`` nests loops that end at the same stage; ``ports``
    are its two ends (by default the middles of the sides facing the flow); with
    ``segments`` (and the arrow's ``key``) a detour keeps off other arrows' segments and
    is noted there.  ``diamonds`` says which end stages are decisions and ``taken`` holds
    the ports of the other arrows at its two stages, or says how to find them (asked only
    when a walled-in arrow leaves or enters by another side: on a diamond's edge, not on
    another arrow's port)."""
    if not isinstance(ignore, (tuple, frozenset, set)):
        ignore = tuple(ignore)
    back = back and loops_below(src, dst)
    if ports is None:
        sides = ("bottom", "bottom") if back else flow_sides(src, dst)
        ports = (Port(sides[0], port_point(src, sides[0])),
                 Port(sides[1], port_point(dst, sides[1])))
    sp, tp = ports
    corner = 0.0 if style is ArrowStyle.STRAIGHT else CORNER
    if waypoints:
        r = _through(sp, tp, src, dst, list(waypoints), style)
    elif back:
        r = _loop(src, dst, sp, tp, obstacles, ignore, lane, segments, key, corner,
                  (diamonds, taken))
    else:
        r = _forward(src, dst, sp, tp, obstacles, ignore, style, segments, key, corner,
                     (diamonds, taken))
    if not back and not waypoints and _upright(sp, tp):
        r = r._replace(label_side=_label_side(src, sp))
    if segments is not None and key is not None:
        segments.remove(key)
        if r.curved:  # sampled as the quality check samples it; its near-upright or
            line = _flat(r)  # flat stretches keep detours off it too
            segments.add(key, line, slack=SLACK)
            segments.add_line(key, line)
        else:
            segments.add(key, r.points)
            segments.add_ends(key, r.points)
            other = tangled(r, key, segments)  # a detour nudging could not keep off
            if other is not None:  # another arrow: whichever was routed first looks again
                segments.tangles.update((key, other))
    return r


def _upright(sp: Port, tp: Port) -> bool:
    """Whether an arrow runs up or down between its ports, steeply."""
    (ax, ay), (bx, by) = sp.point, tp.point
    return not horizontal(sp.side) and not horizontal(tp.side) and 2 * abs(bx - ax) < abs(
        by - ay)


def _label_side(src: Rect, sp: Port) -> int:
    """Which side of an upright arrow its label goes: away from the middle of the side
    it leaves by, so two arrows across one gap (one each way, side by side on their own
    ports) keep their labels apart; a lone arrow from the middle keeps it on the line."""
    offset = sp.point[0] - (src.x + src.width / 2)
    return 0 if abs(offset) < 1 else (1 if offset > 0 else -1)


def _forward(src: Rect, dst: Rect, sp: Port, tp: Port, index: ObstacleIndex | None,
             ignore: Collection[Hashable], style: ArrowStyle, segments: SegmentIndex | None,
             key: Hashable, corner: float, walled: Walled = _NOT_WALLED) -> Route:
    if style is ArrowStyle.CURVED:
        plain = _curve(sp, tp)
        if (index is None or curve_clear(plain.points, index, ignore)) and _off_own_ends(
                plain, src, dst, sp, tp):
            # a curve alongside another arrow's line for a stretch: the detour keeps apart
            line = _flat(plain)  # (or through another's end)
            if segments is None or (segments.runs_along(line, key) is None
                                    and segments.meets_ends(line, key) is None):
                return plain
    elif style is ArrowStyle.STRAIGHT:
        line = [sp.point, tp.point]
        if index is None or polyline_clear(line, index, ignore):
            return _polyline(line, 0.0)
        plain = _polyline(line, 0.0)
    if index is None:
        index = ObstacleIndex()
    pts = detour(src, dst, sp, tp, index, ignore)
    if pts is None:  # walled in on the chosen sides: any side, on a point of its own
        pts = _any_side(src, dst, sp, tp, walled, index, ignore, segments, key)
        if pts is None:
            return plain if style is not ArrowStyle.ORTHOGONAL else _polyline(
                simplify([sp.point, stub(src, sp, MARGIN), stub(dst, tp, MARGIN), tp.point]),
                corner)
    if segments is not None:
        pts = nudge(pts, key, segments, src, dst, _side_of(pts, 0), _side_of(pts, -1), index,
                    ignore)
    return _polyline(pts, corner)


def _any_side(src: Rect, dst: Rect, sp: Port, tp: Port, walled: Walled,
              index: ObstacleIndex, ignore: Collection[Hashable], segments: SegmentIndex | None,
              key: Hashable) -> list[Point] | None:
    """A path for an arrow walled in on its own ports: from any side of its source to any
    side of its target, on ports of its own (:func:`_free_ports`); None when none.  An end
    stage lying under another (dropped onto it) is one obstacle with it: the path goes
    around the pile rather than through stages elsewhere."""
    (d_src, d_dst), taken = walled
    if callable(taken):
        taken = taken()
    found = search(src, dst, _free_ports(src, sp, d_src, taken, index, ignore, segments, key),
                   _free_ports(dst, tp, d_dst, taken, index, ignore, segments, key), index,
                   ignore)
    if found is not None:
        return found
    # an end stage under another: a path around the pile (through nothing else)
    pile = {k for r in (src, dst) for k, _ in index.hits(r.x, r.y, r.right, r.bottom, ignore)}
    if not pile:
        return None
    ignore = (*ignore, *pile)
    return search(src, dst, _free_ports(src, sp, d_src, taken, index, ignore, segments, key),
                  _free_ports(dst, tp, d_dst, taken, index, ignore, segments, key), index,
                  ignore)


def _free_ports(r: Rect, own: Port, diamond: bool, taken: Collection[Point],
                index: ObstacleIndex, ignore: Collection[Hashable],
                segments: SegmentIndex | None, key: Hashable) -> list[Port]:
    """One port on each side of ``r`` for a walled-in arrow whose own port is ``own``:
    that one on its side, elsewhere (or when a stage close by walls it in) the point
    nearest the middle (in :data:`PORT_SPACING` steps, or four to a short side's half)
    that is not another arrow's port (``taken``), that no arrow routed so far ends on or
    runs through, with room to leave the stage.  The middle of a side is often another
    arrow's port: two arrows out of one point read as one, forking."""
    out = []
    for side in SIDES:
        if side == own.side and _room(r, own, index, ignore):
            out.append(own)
            continue
        reach = usable_length(r, side, diamond) / 2  # a short side: closer steps
        step = min(PORT_SPACING, reach / 2) or 1.0
        for off in [0.0] + [k * sign * step for k in range(1, int(reach / step + 1e-9) + 1)
                            for sign in (1, -1)]:
            p = Port(side, port_point(r, side, off, diamond))
            if p.point != own.point and not _near_any(p.point, taken) and _room(
                    r, p, index, ignore) and (segments is None or segments.meets_ends(
                        [p.point, p.point], key) is None):
                out.append(p)
                break
    return out


def _near_any(p: Point, points: Collection[Point], gap: float = 2.0) -> bool:
    return any(abs(p[0] - q[0]) < gap and abs(p[1] - q[1]) < gap for q in points)


def _room(r: Rect, p: Port, index: ObstacleIndex, ignore: Collection[Hashable]) -> bool:
    """Whether the stretch out of port ``p`` to where an arrow may turn keeps clear of
    other stages (a port beside a stage that overlaps or nearly touches its own is not
    one a path can use)."""
    (ax, ay), (bx, by) = p.point, stub(r, p, MARGIN)
    m = MARGIN - 1
    return index.clear(min(ax, bx) - m, min(ay, by) - m, max(ax, bx) + m, max(ay, by) + m,
                       ignore)


def _off_own_ends(r: Route, src: Rect, dst: Rect, sp: Port, tp: Port) -> bool:
    """Whether a curve stays out of its own end stages' shapes but at its ports, sampled
    as the quality check samples it.  A port inside its stage's box is on a diamond's
    edge: that stage's shape is the diamond (a curve may pass the box's corners)."""
    xs = [p[0] for p in r.points]
    ys = [p[1] for p in r.points]
    near = [(rect, end) for rect, end in ((src, sp.point), (dst, tp.point))
            if not (min(xs) >= rect.right or max(xs) <= rect.x or min(ys) >= rect.bottom
                    or max(ys) <= rect.y)]  # the curve lies in the hull of its points
    if not near:
        return True
    line = _flat(r)
    for rect, end in near:
        diamond = end[0] not in (rect.x, rect.right) and end[1] not in (rect.y, rect.bottom)
        if any(enters_shape(a, b, rect, diamond) for a, b in itertools.pairwise(line)):
            return False
    return True


def _side_of(pts: list[Point], end: int) -> str:
    """The side a polyline leaves (``end`` 0) or enters (-1) its stage by."""
    p, q = (pts[0], pts[1]) if end == 0 else (pts[-1], pts[-2])
    if p[1] == q[1]:
        return "right" if q[0] > p[0] else "left"
    return "bottom" if q[1] > p[1] else "top"


def _loop(src: Rect, dst: Rect, sp: Port, tp: Port, index: ObstacleIndex | None,
          ignore: Collection[Hashable], lane: int, segments: SegmentIndex | None,
          key: Hashable, corner: float, walled: Walled = _NOT_WALLED) -> Route:
    (ax, ay), (bx, by) = sp.point, tp.point
    s_out, t_out = stub(src, sp, MARGIN), stub(dst, tp, MARGIN)
    y = max(src.bottom, dst.bottom) + LOOP_GAP + LOOP_STEP * lane
    if index is not None:
        for _ in range(12):  # sink below whatever lies on the loop's floor
            hits = index.hits(ax, y - MARGIN + 1, bx, y + MARGIN - 1, ignore)
            if not hits:
                break
            y = max(r.bottom for _, r in hits) + LOOP_GAP + LOOP_STEP * lane
    if sp.side == tp.side == "bottom":
        pts = simplify([(ax, ay), (ax, y), (bx, y), (bx, by)])
    else:  # pinned ends: out of the stub, along the floor, in through the other stub
        pts = simplify([(ax, ay), s_out, (s_out[0], y), (t_out[0], y), t_out, (bx, by)])
    if index is not None and not path_clear(pts, src, dst, sp, tp, index, ignore):
        found = search(src, dst, [sp], [tp], index, ignore)
        if found is None:  # a port walled in by a stage close by: other sides too
            found = _any_side(src, dst, sp, tp, walled, index, ignore, segments, key)
        if found is not None:
            pts = found
    if segments is not None and index is not None and len(pts) > 3:
        pts = nudge(pts, key, segments, src, dst, sp.side, tp.side, index, ignore)
    return _polyline(pts, corner)


def _through(sp: Port, tp: Port, src: Rect, dst: Rect, waypoints: list[Point],
             style: ArrowStyle) -> Route:
    """The manager's bend points, joined in the arrow's style."""
    if style is ArrowStyle.CURVED:
        return _smooth([sp.point, *waypoints, tp.point], sp, tp)
    if style is ArrowStyle.STRAIGHT:
        return _polyline(simplify([sp.point, *waypoints, tp.point]), 0.0)
    pts = [sp.point, stub(src, sp, MARGIN)]
    flat = horizontal(sp.side)  # the direction of the stretch so far
    for b in [*waypoints, stub(dst, tp, MARGIN)]:
        a = pts[-1]
        if a[0] != b[0] and a[1] != b[1]:
            pts.append((b[0], a[1]) if flat else (a[0], b[1]))
            flat = not flat
        elif a != b:
            flat = a[1] == b[1]
        pts.append(b)
    a, b = pts[-1], tp.point
    if a[0] != b[0] and a[1] != b[1]:
        pts.append((b[0], a[1]) if not horizontal(tp.side) else (a[0], b[1]))
    pts.append(b)
    return _polyline(simplify(pts))


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


class ArrowEnds(NamedTuple):
    """What choosing an arrow's ports needs to know of it."""

    transition: Transition
    src: Rect
    dst: Rect
    back: bool


def loops_below(src: Rect, dst: Rect) -> bool:
    """Whether a back edge from ``src`` to ``dst`` loops below both stages.  Not when one
    stage sits right above the other across a gap: a loop would wind around the lower
    stage and through the gap beside the forward arrow of the pair; the arrow crosses the
    gap on ports of its own instead (two arrows side by side, one each way)."""
    stacked = dst.bottom + MIN_GAP <= src.y or src.bottom + MIN_GAP <= dst.y
    return not (stacked and dst.x < src.right and dst.right > src.x)


def end_sides(a: ArrowEnds) -> tuple[str, str]:
    """The sides an arrow leaves and enters by: pinned by the manager, else facing its
    bend points, else bottom for loops, else following the flow."""
    t = a.transition
    if t.waypoints:  # towards the first and from the last bend point
        first, last = t.waypoints[0], t.waypoints[-1]
        auto = (facing(a.src, (first.x, first.y)), facing(a.dst, (last.x, last.y)))
    else:
        auto = ("bottom", "bottom") if a.back and loops_below(a.src, a.dst) else flow_sides(
            a.src, a.dst)
    return (t.source_anchor.side if t.source_anchor else auto[0],
            t.target_anchor.side if t.target_anchor else auto[1])


def arrow_ends(stage_id: str, rect: Rect, diamond: bool, arrows: Iterable[ArrowEnds],
               index: ObstacleIndex | None = None) -> dict[tuple[str, str], Port]:
    """The port of every arrow end at one stage, by ``(transition id, "source" or
    "target")``: pinned ends where the manager put them, the others spread along their
    sides (:func:`~salesdesigner.model.ports.spread_ports`)."""
    ends: list[End] = []
    out: dict[tuple[str, str], Port] = {}
    for a in arrows:
        t = a.transition
        sides = end_sides(a)
        for role, side, anchor, other in (("source", sides[0], t.source_anchor, a.dst),
                                          ("target", sides[1], t.target_anchor, a.src)):
            if (t.source if role == "source" else t.target) != stage_id:
                continue
            if anchor is not None:
                out[(t.id, role)] = Port(side, anchor_point(rect, side, anchor.position,
                                                            diamond))
            else:
                ends.append(End((t.id, role), side, rect_center(other)))
    shadowed = () if index is None or len(ends) < 8 else _shadowed(stage_id, rect, index)
    out.update(spread_ports(rect, ends, diamond, shadowed))
    return out


def _shadowed(stage_id: str, r: Rect, index: ObstacleIndex, reach: float = 400.0) -> list[str]:
    """Sides of ``r`` with another stage straight beyond them (within ``reach``): a crowd
    of arrow ends does not spill onto those."""
    boxes = {"top": (r.x, r.y - reach, r.right, r.y - 1),
             "bottom": (r.x, r.bottom + 1, r.right, r.bottom + reach),
             "left": (r.x - reach, r.y, r.x - 1, r.bottom),
             "right": (r.right + 1, r.y, r.right + reach, r.bottom)}
    return [side for side, box in boxes.items() if not index.clear(*box, ignore=(stage_id,))]


def process_routes(process: Process) -> dict[str, Route]:
    """The route of every transition of ``process`` (by id): what the PDF and the HTML
    draw, the same routes the canvas finds."""
    stages = {s.id: s for s in process.stages}
    rects = {sid: stage_rect(s) for sid, s in stages.items()}
    index = ObstacleIndex(rects.items())
    back = back_edges(process)
    lanes = loop_lanes(process.transitions, back)
    arrows: dict[str, list[ArrowEnds]] = {sid: [] for sid in rects}
    for t in process.transitions:
        a = ArrowEnds(t, rects[t.source], rects[t.target], t.id in lanes)
        arrows[t.source].append(a)
        arrows[t.target].append(a)
    ports: dict[tuple[str, str], Port] = {}
    for sid, group in arrows.items():
        if group:
            ports.update(arrow_ends(sid, rects[sid], stages[sid].kind is StageKind.DECISION,
                                    group, index))
    segments = SegmentIndex()
    at_stage: dict[str, list[Point]] = {sid: [] for sid in rects}  # every arrow end's port
    for t in process.transitions:
        at_stage[t.source].append(ports[(t.id, "source")].point)
        at_stage[t.target].append(ports[(t.id, "target")].point)

    def one(t: Transition) -> Route:
        return route(rects[t.source], rects[t.target], back=t.id in lanes, obstacles=index,
                     ignore=(t.source, t.target), lane=lanes.get(t.id, 0),
                     ports=(ports[(t.id, "source")], ports[(t.id, "target")]),
                     style=t.style or process.arrow_style,
                     waypoints=[(p.x, p.y) for p in t.waypoints], segments=segments, key=t.id,
                     diamonds=(stages[t.source].kind is StageKind.DECISION,
                               stages[t.target].kind is StageKind.DECISION),
                     taken=lambda: at_stage[t.source] + at_stage[t.target])

    out = {t.id: one(t) for t in process.transitions}
    for t in process.transitions:  # an arrow routed before one that came to lie on it
        if t.id in segments.tangles and tangled(out[t.id], t.id, segments) is not None:
            out[t.id] = one(t)  # sees that one only now: once more
    return out


def tangled(r: Route, key: Hashable, segments: SegmentIndex) -> Hashable | None:
    """Another arrow (its key) whose line route ``r`` (arrow ``key``) runs along in
    ``segments``, or whose end it meets, so close that the two read as one (a port's
    stretch in line with another stage's port, found once the later one is routed)."""
    line = _flat(r) if r.curved else list(r.points)
    other = segments.runs_along(line, key, gap=TANGLED, curve=r.curved)
    return other if other is not None else segments.meets_ends(line, key, gap=TANGLED)
