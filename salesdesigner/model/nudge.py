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

from collections.abc import Collection, Hashable

from salesdesigner.model.geometry import Rect
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.route_paths import MARGIN, leaves, segment_meets

SEPARATION = 8.0   # parallel segments of different arrows keep this far apart
_TRACKS = 96       # tracks tried on each side of a crowded line
_BUCKET = 16.0


class SegmentIndex:
    """Horizontal and vertical segments of routed arrows, by key, bucketed by their line."""

    def __init__(self) -> None:
        self._lines: tuple[dict[int, list], dict[int, list]] = ({}, {})  # horizontal, vertical
        self._owned: dict[Hashable, list[tuple[int, int, tuple]]] = {}

    def add(self, key: Hashable, pts: list[Point] | tuple[Point, ...]) -> None:
        """Note the axis-parallel segments of the polyline ``pts`` as ``key``'s."""
        owned = self._owned.setdefault(key, [])
        for a, b in zip(pts, pts[1:]):
            if a[1] == b[1] and a[0] != b[0]:
                kind, at, lo, hi = 0, a[1], min(a[0], b[0]), max(a[0], b[0])
            elif a[0] == b[0] and a[1] != b[1]:
                kind, at, lo, hi = 1, a[0], min(a[1], b[1]), max(a[1], b[1])
            else:
                continue
            entry = (at, lo, hi, key)
            bucket = int(at // _BUCKET)
            self._lines[kind].setdefault(bucket, []).append(entry)
            owned.append((kind, bucket, entry))

    def remove(self, key: Hashable) -> None:
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
                    found.append(key2)
        return found


def nudge(pts: list[Point], key: Hashable, segments: SegmentIndex, src: Rect, dst: Rect,
          src_side: str, dst_side: str, index: ObstacleIndex,
          ignore: Collection[Hashable]) -> list[Point]:
    """``pts`` with each inner segment that runs along another arrow's moved to the
    nearest free parallel track (stage clearance at least half the margin kept)."""
    pts = list(pts)
    n = len(pts)
    for i in range(1, n - 2):  # segment i joins pts[i] and pts[i + 1], neither a port
        a, b = pts[i], pts[i + 1]
        if not segments.near(a, b, key):
            continue
        flat = a[1] == b[1]
        for step in range(1, _TRACKS + 1):
            moved = None
            for d in (step * SEPARATION, -step * SEPARATION):
                trial = list(pts)
                if flat:
                    trial[i], trial[i + 1] = (a[0], a[1] + d), (b[0], b[1] + d)
                else:
                    trial[i], trial[i + 1] = (a[0] + d, a[1]), (b[0] + d, b[1])
                if _fits(trial, i, key, segments, src, dst, src_side, dst_side, index, ignore):
                    moved = trial
                    break
            if moved is not None:
                pts = moved
                break
    return pts


def _fits(pts: list[Point], i: int, key: Hashable, segments: SegmentIndex, src: Rect,
          dst: Rect, src_side: str, dst_side: str, index: ObstacleIndex,
          ignore: Collection[Hashable]) -> bool:
    """Whether segments i-1, i and i+1 of ``pts`` (those a nudge of segment i changed)
    keep clear of stages, the ends leave and enter straight, and segment i is off other
    arrows' segments (its neighbours get their own turn)."""
    m = MARGIN / 2
    last = len(pts) - 2
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
        if k == i and segments.near(a, b, key):
            return False
    old_dirs = True
    if i - 1 == 0:
        old_dirs = leaves(pts[0], pts[1], src_side)
    if i + 1 == last:
        old_dirs = old_dirs and leaves(pts[-1], pts[-2], dst_side)
    return old_dirs
