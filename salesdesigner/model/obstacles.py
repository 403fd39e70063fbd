"""Stages as obstacles for arrow routes: rectangles by key in horizontal strips.

Built once per drawing and updated as stages move, so "is this box clear" costs a few
bisections even for an arrow crossing a whole 1,000-stage process.  Shared by the router,
the label placement and the canvas.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Iterator

from salesdesigner.model.geometry import Rect

Point = tuple[float, float]
_STRIP = 50.0       # height of one index strip


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
