"""Keep different arrows off each other's segments: a channel two arrows would share is
split into parallel tracks :data:`SEPARATION` apart.

Routes are found one arrow at a time, so two detours through the same gap or along the
same channel would lie on the same line and read as one arrow with two heads.  Each
arrow's segments go into a :class:`SegmentIndex`; :func:`nudge` moves a segment of the
next arrow that would run along one already there sideways, onto the nearest free track
that keeps clear of the stages (its neighbouring segments stretch or shrink to follow).
Segments at a port (leaving or entering a stage) stay: ports are distinct already.
"""

from __future__ import annotations

import bisect
import contextlib
import math
from collections.abc import Collection, Hashable

from salesdesigner.model.geometry import Rect
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.route_paths import (
    MARGIN,
    leaves,
    segment_clear,
    side_by_side_gap,
)

SEPARATION = 8.0   # parallel segments of different arrows keep this far apart
_TRACKS = 160      # tracks looked at on each side of a crowded line
_NEAR_TRACKS = 12  # looked at first (most crowded lines have a free track close by)
_TRIES = 6         # free ones tried against the stages each way, nearest first
_BUCKET = 16.0
SLACK = 0.03      # a segment sloping less than this runs along an upright or flat one


class SegmentIndex:
    """Horizontal and vertical segments of routed arrows, by key, bucketed by their line."""

    def __init__(self) -> None:
        self._lines: tuple[dict[int, list], dict[int, list]] = ({}, {})  # horizontal, vertical
        self._curve_lines: tuple[dict[int, list], dict[int, list]] = ({}, {})  # curves' flat
        self._owned: dict[Hashable, list[tuple[int, int, tuple]]] = {}
        # sampled curves: their pieces and box by key, keys by the cells their box covers
        self._curves: dict[Hashable, tuple[tuple[float, float, float, float], list[Point]]] = {}
        self._boxes: dict[tuple[int, int], list[Hashable]] = {}
        self._in_cells: dict[Hashable, list[tuple[tuple[int, int], tuple]]] = {}
        self._ends: dict[tuple[int, int], list[tuple[Point, None, Hashable]]] = {}
        self.tangles: set[Hashable] = set()  # arrows a later one was routed onto

    def add_line(self, key: Hashable, pts: list[Point] | tuple[Point, ...]) -> None:
        """Note every segment of the sampled curve ``pts`` as ``key``'s, for
        :meth:`runs_along`, and its two ends (:meth:`add_ends`).  A detour's segments go
        in by :meth:`add` only: a long one would fill a row of cells."""
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        box = (min(xs), min(ys), max(xs), max(ys))
        self._curves[key] = (box, list(pts))
        owned = self._in_cells.setdefault(key, [])
        for cell in _box_cells(*box):
            self._boxes.setdefault(cell, []).append(key)
            owned.append((cell, (None, key, key)))
        self.add_ends(key, pts)

    def _curves_near(self, x0: float, y0: float, x1: float, y1: float,
                     key: Hashable) -> list[list[Point]]:
        """The sampled lines of other curves whose box meets the box (x0, y0)-(x1, y1)."""
        found: dict[Hashable, list[Point]] = {}
        for cell in _box_cells(x0, y0, x1, y1):
            for other in self._boxes.get(cell, ()):
                if other != key and other not in found:
                    (bx0, by0, bx1, by1), line = self._curves[other]
                    if bx0 < x1 and bx1 > x0 and by0 < y1 and by1 > y0:
                        found[other] = line
        return list(found.items())

    def add_ends(self, key: Hashable, pts: list[Point] | tuple[Point, ...]) -> None:
        """Note the two ends of ``key``'s line, for :meth:`meets_ends`."""
        owned = self._in_cells.setdefault(key, [])
        for p in (pts[0], pts[-1]) if pts else ():
            entry = (p, None, key)
            cell = (int(p[0] // _CELL), int(p[1] // _CELL))
            self._ends.setdefault(cell, []).append(entry)
            owned.append((cell, entry))

    def meets_ends(self, pts: list[Point], key: Hashable, gap: float = 2.0) -> Hashable | None:
        """Another arrow (its key) whose end the line ``pts`` passes within ``gap`` of, or
        on whose line one of its own ends lies that near (an arrowhead that reads as
        another arrow's, or a line out of another arrow's port); None when none."""
        ends = self._ends
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        cols = range(int((min(xs) - gap) // _CELL), int((max(xs) + gap) // _CELL) + 1)
        rows = range(int((min(ys) - gap) // _CELL), int((max(ys) + gap) // _CELL) + 1)
        near = [(p, other) for cx in cols
                for cy in rows
                for p, _, other in ends.get((cx, cy), ()) if other != key]
        for p, other in near:  # (few: the other ends around the line)
            px, py = p
            for a, b in zip(pts, pts[1:], strict=False):
                if min(a[0], b[0]) - gap < px < max(a[0], b[0]) + gap and min(
                        a[1], b[1]) - gap < py < max(a[1], b[1]) + gap and _distance(p, a, b) < gap:
                    return other
        for p in (pts[0], pts[-1]) if pts else ():
            for other, line in self._curves_near(p[0] - gap, p[1] - gap, p[0] + gap,
                                                 p[1] + gap, key):
                if any(_distance(p, c, d) < gap for c, d in zip(line, line[1:], strict=False)):
                    return other
            for kind, at, along in ((0, p[1], p[0]), (1, p[0], p[1])):  # detours' segments
                for bucket in range(int((at - gap) // _BUCKET), int((at + gap) // _BUCKET) + 1):
                    for at2, lo2, hi2, key2 in self._lines[kind].get(bucket, ()):
                        if key2 != key and abs(at2 - at) < gap and lo2 - gap < along < hi2 + gap:
                            return key2  # (a curve's line was looked at above)
        return None

    def runs_along(self, pts: list[Point], key: Hashable, gap: float = 4.0,
                   curve: bool = True) -> Hashable | None:
        """Another arrow (its key) alongside whose line some stretch of ``pts`` runs,
        closer than ``gap``, or None (two curves crossing at a glancing angle do, over a
        stretch; a curve leaving a port in line with a detour's segment does).  A detour's line (not
        ``curve``) is only looked up among the upright and flat stretches: a curve can
        run along it only there."""
        if curve and pts:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            near = self._curves_near(min(xs) - gap, min(ys) - gap, max(xs) + gap,
                                     max(ys) + gap, key)
            for a, b in zip(pts, pts[1:], strict=False) if near else ():
                x0, x1 = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
                y0, y1 = (a[1], b[1]) if a[1] < b[1] else (b[1], a[1])
                x0, y0, x1, y1 = x0 - gap, y0 - gap, x1 + gap, y1 + gap
                for other, line in near:
                    for c, d in zip(line, line[1:], strict=False):
                        # side by side only where their boxes meet: most pieces do not
                        if ((c[0] > x0 or d[0] > x0) and (c[0] < x1 or d[0] < x1)
                                and (c[1] > y0 or d[1] > y0) and (c[1] < y1 or d[1] < y1)
                                and _alongside(a, b, c, d, gap)):
                            return other
        for kind, at, lo, hi in axis_runs(pts, SLACK):  # near upright or flat stretches:
            a, b = ((lo, at), (hi, at)) if kind == 0 else ((at, lo), (at, hi))  # against
            for _, lo2, hi2, other in self.near_entries(a, b, key, gap):  # the detours'
                if min(hi, hi2) - max(lo, lo2) > 2:
                    return other
        return None

    def add(self, key: Hashable, pts: list[Point] | tuple[Point, ...],
            slack: float = 0.0) -> None:
        """Note the axis-parallel segments of the polyline ``pts`` as ``key``'s; with
        ``slack``, segments that slope less than that (a sampled curve's upright or flat
        stretches) too, a run of them as one segment at its middle line."""
        owned = self._owned.setdefault(key, [])
        index = self._curve_lines if slack else self._lines
        for kind, at, lo, hi in axis_runs(pts, slack):
            entry = (at, lo, hi, key)
            bucket = int(at // _BUCKET)
            index[kind].setdefault(bucket, []).append(entry)
            owned.append((kind, bucket, entry))

    def remove(self, key: Hashable) -> None:
        self._curves.pop(key, None)
        for cell, entry in self._in_cells.pop(key, ()):
            if entry[0] is None:  # the curve's box
                keys = self._boxes.get(cell)
                if keys is not None and key in keys:
                    keys.remove(key)
                continue
            entries = self._ends.get(cell)
            if entries is not None and entry in entries:
                entries.remove(entry)
        for kind, bucket, entry in self._owned.pop(key, ()):
            entries = self._lines[kind].get(bucket)
            if entries is None or entry not in entries:
                entries = self._curve_lines[kind].get(bucket)
            if entries is not None:
                with contextlib.suppress(ValueError):
                    entries.remove(entry)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._owned

    def near(self, a: Point, b: Point, key: Hashable, gap: float = SEPARATION) -> list[Hashable]:
        """Keys of other arrows with a segment parallel to a-b, closer than ``gap`` to its
        line and overlapping it by more than a point."""
        return [e[3] for e in self.near_entries(a, b, key, gap)]

    def near_entries(self, a: Point, b: Point, key: Hashable, gap: float = SEPARATION,
                     curves: bool = True) -> list[tuple[float, float, float, Hashable]]:
        """:meth:`near`, as ``(line, low end, high end, key)`` of each segment; without
        ``curves``, detours' segments only (the wide look for free tracks: a track on a
        curve's stretch is found out by :func:`~salesdesigner.model.routing.tangled`)."""
        if a[1] == b[1]:
            kind, at, lo, hi = 0, a[1], min(a[0], b[0]), max(a[0], b[0])
        elif a[0] == b[0]:
            kind, at, lo, hi = 1, a[0], min(a[1], b[1]), max(a[1], b[1])
        else:
            return []
        found = []
        for lines in (self._lines[kind], self._curve_lines[kind]) if curves else (
                self._lines[kind],):
            for bucket in range(int((at - gap) // _BUCKET), int((at + gap) // _BUCKET) + 1):
                for at2, lo2, hi2, key2 in lines.get(bucket, ()):
                    if key2 != key and abs(at2 - at) < gap - 1e-6 and min(hi, hi2) - max(
                            lo, lo2) > 1:
                        found.append((at2, lo2, hi2, key2))
        return found


_CELL = 256.0      # cells of arrow ends and of curves' boxes


def axis_runs(pts: list[Point] | tuple[Point, ...],
              slack: float = 0.0) -> list[tuple[int, float, float, float]]:
    """The horizontal (kind 0) and vertical (kind 1) stretches of the line ``pts`` as
    ``(kind, line, low end, high end)``: segments sloping less than ``slack`` count, and
    consecutive ones of a kind within a unit of each other across make one (a sampled
    curve's flat end is one stretch, not a dozen)."""
    out: list[tuple[int, float, float, float]] = []
    kind = -1
    lo = hi = amin = amax = 0.0
    for a, b in zip(pts, pts[1:], strict=False):
        dx, dy = abs(b[0] - a[0]), abs(b[1] - a[1])
        k = 0 if dx and dy <= slack * dx else 1 if dy and dx <= slack * dy else -1
        if k >= 0 and k == kind:
            across = b[1 - k]
            if max(amax, across) - min(amin, across) <= 1.0:
                amin, amax = min(amin, across), max(amax, across)
                lo, hi = min(lo, b[k]), max(hi, b[k])
                continue
        if kind >= 0:
            out.append((kind, (amin + amax) / 2, lo, hi))
        kind = k
        if k >= 0:
            amin, amax = min(a[1 - k], b[1 - k]), max(a[1 - k], b[1 - k])
            lo, hi = min(a[k], b[k]), max(a[k], b[k])
    if kind >= 0:
        out.append((kind, (amin + amax) / 2, lo, hi))
    return out


def _box_cells(x0: float, y0: float, x1: float, y1: float):
    return [(cx, cy) for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1)
            for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1)]


def _distance(p: Point, a: Point, b: Point) -> float:
    """From ``p`` to the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    seg = dx * dx + dy * dy
    t = 0.0 if seg == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / seg))
    return math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1])


def _alongside(a: Point, b: Point, c: Point, d: Point, gap: float) -> bool:
    """Whether segments a-b and c-d are near parallel and stay closer than ``gap`` for
    more than two units (as the quality check measures)."""
    found = side_by_side_gap(a, b, c, d, 2.0)
    return found is not None and found < gap


def nudge(pts: list[Point], key: Hashable, segments: SegmentIndex, src: Rect, dst: Rect,
          src_side: str, dst_side: str, index: ObstacleIndex,
          ignore: Collection[Hashable]) -> list[Point]:
    """``pts`` with each inner segment that runs along another arrow's moved to the
    nearest free parallel track (stage clearance at least half the margin kept)."""
    pts = list(pts)
    n = len(pts)
    if n >= 4:  # a stretch out of (into) a port along another arrow's: turn off it sooner
        for end, turn in ((0, 1), (n - 2, n - 3)):
            stage = src if end == 0 else dst
            others = segments.near_entries(pts[end], pts[end + 1], key)
            # beside the stubs of the ports next to it at the same side: spread already
            if not others or not 0 < turn < n - 2 or _at_stage(others, pts[end], stage):
                continue
            pts = _shorten(pts, end, turn, key, segments, src, dst, src_side, dst_side,
                           index, ignore)
            if segments.near(pts[end], pts[end + 1], key):
                pts = _slide(pts, end, turn, key, segments, stage)
    for i in [*range(1, n - 2), *range(1, n - 2)]:  # twice: a move stretches the
        a, b = pts[i], pts[i + 1]  # segments beside it onto other arrows' lines at times
        if not segments.near(a, b, key):  # (segment i joins pts[i] and pts[i + 1])
            continue
        flat = a[1] == b[1]
        misses = {True: 0, False: 0}  # by direction: a side walled by stages is given up
        tried: set[float] = set()
        for reach in (_NEAR_TRACKS, _TRACKS):  # the few tracks nearby first: one cheap look
            moved = None
            for d in _free_tracks(segments, a, b, key, flat, reach):
                if misses[d > 0] >= _TRIES or d in tried:
                    continue
                misses[d > 0] += 1
                tried.add(d)
                trial = list(pts)
                if flat:
                    trial[i], trial[i + 1] = (a[0], a[1] + d), (b[0], b[1] + d)
                else:
                    trial[i], trial[i + 1] = (a[0] + d, a[1]), (b[0] + d, b[1])
                if _fits(trial, i, key, segments, src, dst, src_side, dst_side, index, ignore,
                         free=True):
                    moved = trial
                    break
            if moved is not None:
                pts = moved
                break
    return pts


def _free_tracks(segments: SegmentIndex, a: Point, b: Point, key: Hashable,
                 flat: bool, reach: int = 0) -> list[float]:
    """Offsets (nearest first, :data:`SEPARATION` steps) of the parallel tracks near a-b
    that no other arrow's segment alongside it takes: one look-up for the whole range."""
    at = a[1] if flat else a[0]
    reach = reach or _TRACKS
    taken = sorted(e[0] for e in segments.near_entries(a, b, key, (reach + 1) * SEPARATION,
                                                       curves=reach <= _NEAR_TRACKS))
    out = []
    for step in range(1, reach + 1):
        for d in (step * SEPARATION, -step * SEPARATION):
            k = bisect.bisect_left(taken, at + d - SEPARATION + 1e-6)
            if k == len(taken) or taken[k] > at + d + SEPARATION - 1e-6:
                out.append(d)
    return out


def _shorten(pts: list[Point], end: int, turn: int, key: Hashable, segments: SegmentIndex,
             src: Rect, dst: Rect, src_side: str, dst_side: str, index: ObstacleIndex,
             ignore: Collection[Hashable]) -> list[Point]:
    """``pts`` with segment ``turn`` (next to the port segment ``end``) moved towards the
    port, :data:`SEPARATION` at a time, until the port segment runs along no other arrow."""
    port = pts[0] if end == 0 else pts[-1]
    a, b = pts[turn], pts[turn + 1]
    flat = a[1] == b[1]  # the turn segment is horizontal: it moves up or down
    far = a[1] if flat else a[0]
    near = port[1] if flat else port[0]
    sign = 1.0 if far > near else -1.0
    at = near + sign * MARGIN
    for _ in range(_TRACKS // 4):  # a long stretch: its first few places only
        if (far - at) * sign <= 0:
            break
        trial = list(pts)
        if flat:
            trial[turn], trial[turn + 1] = (a[0], at), (b[0], at)
        else:
            trial[turn], trial[turn + 1] = (at, a[1]), (at, b[1])
        if not segments.near(trial[end], trial[end + 1], key) and _fits(
                trial, turn, key, segments, src, dst, src_side, dst_side, index, ignore):
            return trial
        at += sign * SEPARATION
    return pts


def _at_stage(others: list[tuple[float, float, float, Hashable]], port: Point,
              stage: Rect) -> bool:
    """Whether one of the segments ``others`` (along a port segment) ends at the same
    stage's side: then the ports there are spread already, and sliding one would crowd
    its neighbours."""
    edges = (stage.y, stage.bottom) if port[1] in (stage.y, stage.bottom) else (
        stage.x, stage.right)
    return any(abs(lo - e) < 1 or abs(hi - e) < 1 for _, lo, hi, _ in others for e in edges)


def _slide(pts: list[Point], end: int, turn: int, key: Hashable, segments: SegmentIndex,
           stage: Rect) -> list[Point]:
    """``pts`` with its port segment ``end`` slid along the stage's side (a few units at a
    time, keeping off the rounded corners) until it runs along no other arrow."""
    a, b = pts[end], pts[end + 1]
    port = pts[0] if end == 0 else pts[-1]
    if port[0] not in (stage.x, stage.right) and port[1] not in (stage.y, stage.bottom):
        return pts  # a port on a diamond's edge: sliding it would leave the diamond
    upright = a[0] == b[0]  # the port segment is vertical: it slides left or right
    lo, hi = (stage.x, stage.right) if upright else (stage.y, stage.bottom)
    at = a[0] if upright else a[1]
    for step in range(1, 7):
        for d in (step * SEPARATION / 2, -step * SEPARATION / 2):
            if not lo + 12 <= at + d <= hi - 12:
                continue
            trial = list(pts)
            for k in (end, end + 1):
                p = trial[k]
                trial[k] = (p[0] + d, p[1]) if upright else (p[0], p[1] + d)
            if all(not segments.near(trial[k], trial[k + 1], key)
                   for k in (end, turn) if trial[k] != trial[k + 1]):
                return trial
    return pts


def _fits(pts: list[Point], i: int, key: Hashable, segments: SegmentIndex, src: Rect,
          dst: Rect, src_side: str, dst_side: str, index: ObstacleIndex,
          ignore: Collection[Hashable], free: bool = False) -> bool:
    """Whether segments i-1, i and i+1 of ``pts`` (those a nudge of segment i changed)
    keep clear of stages, the ends leave and enter straight, and segment i is off other
    arrows' segments (its neighbours get their own turn)."""
    m = MARGIN / 2
    last = len(pts) - 2
    if not free and segments.near(pts[i], pts[i + 1], key):  # cheap first: most are taken
        return False
    for k in (i - 1, i, i + 1):
        a, b = pts[k], pts[k + 1]
        if a == b:
            return False
        if not segment_clear(index, a, b, m, ignore, src, dst, k, last):
            return False
    old_dirs = True
    if i - 1 == 0:
        old_dirs = leaves(pts[0], pts[1], src_side)
    if i + 1 == last:
        old_dirs = old_dirs and leaves(pts[-1], pts[-2], dst_side)
    return old_dirs
