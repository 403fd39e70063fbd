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
import math
from collections.abc import Collection, Hashable

from salesdesigner.model.geometry import Rect
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.route_paths import MARGIN, leaves, segment_meets, side_by_side_gap

SEPARATION = 8.0   # parallel segments of different arrows keep this far apart
_TRACKS = 160      # tracks looked at on each side of a crowded line
_NEAR_TRACKS = 12  # looked at first (most crowded lines have a free track close by)
_TRIES = 6         # free ones tried against the stages each way, nearest first
_BUCKET = 16.0
_SLACK = 0.03      # a segment sloping less than this runs along an upright or flat one


class SegmentIndex:
    """Horizontal and vertical segments of routed arrows, by key, bucketed by their line."""

    def __init__(self) -> None:
        self._lines: tuple[dict[int, list], dict[int, list]] = ({}, {})  # horizontal, vertical
        self._owned: dict[Hashable, list[tuple[int, int, tuple]]] = {}
        self._cells: dict[tuple[int, int], list[tuple[Point, Point, Hashable]]] = {}
        self._in_cells: dict[Hashable, list[tuple[tuple[int, int], tuple]]] = {}
        self._ends: dict[tuple[int, int], list[tuple[Point, None, Hashable]]] = {}

    def add_line(self, key: Hashable, pts: list[Point] | tuple[Point, ...]) -> None:
        """Note every segment of the sampled curve ``pts`` as ``key``'s, for
        :meth:`runs_along`, and its two ends (:meth:`add_ends`).  A detour's segments go
        in by :meth:`add` only: a long one would fill a row of cells."""
        owned = self._in_cells.setdefault(key, [])
        for a, b in zip(pts, pts[1:]):
            entry = (a, b, key)
            for cell in _cells_of(a, b):
                self._cells.setdefault(cell, []).append(entry)
                owned.append((cell, entry))
        self.add_ends(key, pts)

    def add_ends(self, key: Hashable, pts: list[Point] | tuple[Point, ...]) -> None:
        """Note the two ends of ``key``'s line, for :meth:`meets_ends`."""
        owned = self._in_cells.setdefault(key, [])
        for p in (pts[0], pts[-1]) if pts else ():
            entry = (p, None, key)
            cell = (int(p[0] // _CELL), int(p[1] // _CELL))
            self._ends.setdefault(cell, []).append(entry)
            owned.append((cell, entry))

    def meets_ends(self, pts: list[Point], key: Hashable, gap: float = 2.0) -> bool:
        """Whether the line ``pts`` passes within ``gap`` of another arrow's end, or one of
        its own ends lies that near another arrow's line (an arrowhead that reads as
        another arrow's, or a line out of another arrow's port)."""
        ends = self._ends
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        near = [p for cx in range(int((min(xs) - gap) // _CELL), int((max(xs) + gap) // _CELL) + 1)
                for cy in range(int((min(ys) - gap) // _CELL), int((max(ys) + gap) // _CELL) + 1)
                for p, _, other in ends.get((cx, cy), ()) if other != key]
        for p in near:  # (few: the other ends around the line)
            px, py = p
            for a, b in zip(pts, pts[1:]):
                if min(a[0], b[0]) - gap < px < max(a[0], b[0]) + gap and min(
                        a[1], b[1]) - gap < py < max(a[1], b[1]) + gap and _distance(p, a, b) < gap:
                    return True
        for p in (pts[0], pts[-1]) if pts else ():
            for c, d, other in self._cells.get((int(p[0] // _CELL), int(p[1] // _CELL)), ()):
                if other != key and _distance(p, c, d) < gap:
                    return True
            for kind, at, along in ((0, p[1], p[0]), (1, p[0], p[1])):  # detours' segments
                for bucket in range(int((at - gap) // _BUCKET), int((at + gap) // _BUCKET) + 1):
                    for at2, lo2, hi2, key2 in self._lines[kind].get(bucket, ()):
                        if key2 != key and abs(at2 - at) < gap and lo2 - gap < along < hi2 + gap:
                            return True
        return False

    def runs_along(self, pts: list[Point], key: Hashable, gap: float = 4.0) -> bool:
        """Whether some stretch of ``pts`` runs alongside another arrow's line, closer
        than ``gap`` (two curves crossing at a glancing angle do, over a stretch; a curve
        leaving a port in line with a detour's segment does)."""
        for a, b in zip(pts, pts[1:]):
            for cell in _cells_of(a, b):
                for c, d, other in self._cells.get(cell, ()):
                    if other != key and _alongside(a, b, c, d, gap):
                        return True
            dx, dy = abs(b[0] - a[0]), abs(b[1] - a[1])
            if dy <= _SLACK * dx and dx:  # near flat: against the detours' flat segments
                mid = (a[1] + b[1]) / 2
                if any(min(hi, max(a[0], b[0])) - max(lo, min(a[0], b[0])) > 2
                       for _, lo, hi, _ in self.near_entries((a[0], mid), (b[0], mid), key, gap)):
                    return True
            elif dx <= _SLACK * dy and dy:
                mid = (a[0] + b[0]) / 2
                if any(min(hi, max(a[1], b[1])) - max(lo, min(a[1], b[1])) > 2
                       for _, lo, hi, _ in self.near_entries((mid, a[1]), (mid, b[1]), key, gap)):
                    return True
        return False

    def add(self, key: Hashable, pts: list[Point] | tuple[Point, ...],
            slack: float = 0.0) -> None:
        """Note the axis-parallel segments of the polyline ``pts`` as ``key``'s; with
        ``slack``, segments that slope less than that (a sampled curve's upright or flat
        stretches) too, at their middle line."""
        owned = self._owned.setdefault(key, [])
        for a, b in zip(pts, pts[1:]):
            dx, dy = abs(b[0] - a[0]), abs(b[1] - a[1])
            if dy <= slack * dx and dx:
                kind, at, lo, hi = 0, (a[1] + b[1]) / 2, min(a[0], b[0]), max(a[0], b[0])
            elif dx <= slack * dy and dy:
                kind, at, lo, hi = 1, (a[0] + b[0]) / 2, min(a[1], b[1]), max(a[1], b[1])
            else:
                continue
            entry = (at, lo, hi, key)
            bucket = int(at // _BUCKET)
            self._lines[kind].setdefault(bucket, []).append(entry)
            owned.append((kind, bucket, entry))

    def remove(self, key: Hashable) -> None:
        for cell, entry in self._in_cells.pop(key, ()):
            entries = (self._ends if entry[1] is None else self._cells).get(cell)
            if entries is not None and entry in entries:
                entries.remove(entry)
        for kind, bucket, entry in self._owned.pop(key, ()):
            entries = self._lines[kind].get(bucket)
            if entries is not None:
                try:
                    entries.remove(entry)
                except ValueError:
                    pass

    def __contains__(self, key: Hashable) -> bool:
        return key in self._owned

    def near(self, a: Point, b: Point, key: Hashable, gap: float = SEPARATION) -> list[Hashable]:
        """Keys of other arrows with a segment parallel to a-b, closer than ``gap`` to its
        line and overlapping it by more than a point."""
        return [e[3] for e in self.near_entries(a, b, key, gap)]

    def near_entries(self, a: Point, b: Point, key: Hashable,
                     gap: float = SEPARATION) -> list[tuple[float, float, float, Hashable]]:
        """:meth:`near`, as ``(line, low end, high end, key)`` of each segment."""
        if a[1] == b[1]:
            kind, at, lo, hi = 0, a[1], min(a[0], b[0]), max(a[0], b[0])
        elif a[0] == b[0]:
            kind, at, lo, hi = 1, a[0], min(a[1], b[1]), max(a[1], b[1])
        else:
            return []
        found = []
        lines = self._lines[kind]
        for bucket in range(int((at - gap) // _BUCKET), int((at + gap) // _BUCKET) + 1):
            for at2, lo2, hi2, key2 in lines.get(bucket, ()):
                if key2 != key and abs(at2 - at) < gap - 1e-6 and min(hi, hi2) - max(lo, lo2) > 1:
                    found.append((at2, lo2, hi2, key2))
        return found


_CELL = 256.0


def _cells_of(a: Point, b: Point):
    ca, cb = (int(a[0] // _CELL), int(a[1] // _CELL)), (int(b[0] // _CELL), int(b[1] // _CELL))
    if ca == cb:  # most: a short stretch of a sampled curve
        return (ca,)
    return _cells_between(a, b)


def _cells_between(a: Point, b: Point):
    for cx in range(int(min(a[0], b[0]) // _CELL), int(max(a[0], b[0]) // _CELL) + 1):
        for cy in range(int(min(a[1], b[1]) // _CELL), int(max(a[1], b[1]) // _CELL) + 1):
            yield cx, cy


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
    taken = sorted(e[0] for e in segments.near_entries(a, b, key, (reach + 1) * SEPARATION))
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
        if not index.clear(a[0] - m, a[1] - m, b[0] + m, b[1] + m, ignore):
            return False
        if k > 0 and segment_meets(a, b, src, m if k > 1 else 0.0):
            return False
        if k < last and segment_meets(a, b, dst, m if k < last - 1 else 0.0):
            return False
    old_dirs = True
    if i - 1 == 0:
        old_dirs = leaves(pts[0], pts[1], src_side)
    if i + 1 == last:
        old_dirs = old_dirs and leaves(pts[-1], pts[-2], dst_side)
    return old_dirs
