"""Where a new stage goes when the spot asked for is taken.

Inserting several stages from the menu used to pile them exactly on top of each other at
the view's centre; a new stage now takes the nearest free grid spot instead, preferring
the row it was asked for, then below, then above.  Stages read from a file without a
position are placed together in one pass (:func:`place_unpositioned`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from salesdesigner.model.entities import Position, StageKind
from salesdesigner.model.geometry import GRID, snap, stage_rect, stage_size
from salesdesigner.model.process import Process
from salesdesigner.model.routing import ObstacleIndex

GAP = 2 * GRID      # free room kept around the new stage
MAX_RINGS = 40      # how far out the search goes before giving up (the spot asked for)


def free_spot(process: Process, wanted: Position, kind: StageKind) -> Position:
    """The free grid position nearest ``wanted`` (snapped) for a stage of ``kind``."""
    w, h = stage_size(kind)
    x0, y0 = snap(wanted.x), snap(wanted.y)
    index = ObstacleIndex((s.id, stage_rect(s)) for s in process.stages)
    step_x, step_y = snap(w / 2 + GAP) or GRID, snap(h / 2 + GAP) or GRID

    def free(x: float, y: float) -> bool:
        return index.clear(x - w / 2 - GAP, y - h / 2 - GAP, x + w / 2 + GAP, y + h / 2 + GAP)

    if free(x0, y0):
        return Position(x0, y0)
    for ring in range(1, MAX_RINGS + 1):
        candidates = [(dx, dy) for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                      if max(abs(dx), abs(dy)) == ring]
        # nearest first, a step between rows counting double (a process reads left to
        # right); on a tie the same row, then to the right, then below
        candidates.sort(key=lambda d: ((d[0] * step_x) ** 2 + (2 * d[1] * step_y) ** 2,
                                       abs(d[1]), -d[0], -d[1]))
        for dx, dy in candidates:
            x, y = x0 + dx * step_x, y0 + dy * step_y
            if free(x, y):
                return Position(x, y)
    return Position(x0, y0)


def place_unpositioned(process: Process, stage_ids: Iterable[str]) -> None:
    """Give the stages ``stage_ids`` (read without a position) free spots in a grid below
    the stages that have one, in document order, no two overlapping.

    One spatial index of the placed stages, updated as each new one lands, answers
    "is this cell free" in a few bisections, so placing n stages takes about n log n
    (10,000 in well under a second) where a scan of all the others per stage was
    quadratic.  Without any placed stage the grid starts at the origin.
    """
    ids = [sid for sid in stage_ids if process.has_stage(sid)]
    if not ids:
        return
    pending = set(ids)
    placed = [s for s in process.stages if s.id not in pending]
    index = ObstacleIndex((s.id, stage_rect(s)) for s in placed)
    widest = max(stage_size(kind)[0] for kind in StageKind)
    tallest = max(stage_size(kind)[1] for kind in StageKind)
    step_x, step_y = snap(widest + 2 * GAP), snap(tallest + 2 * GAP)
    if placed:
        rects = [stage_rect(s) for s in placed]
        left = snap(min(r.x for r in rects) + widest / 2)
        top = snap(max(r.bottom for r in rects) + GAP + step_y / 2)
    else:
        left = top = 0.0
    columns = max(1, math.isqrt(len(ids) - 1) + 1)  # a square-ish block, not one long row
    cell = 0
    for sid in ids:
        w, h = stage_size(process.stage(sid).kind)
        while True:
            x = left + (cell % columns) * step_x
            y = top + (cell // columns) * step_y
            cell += 1
            if index.clear(x - w / 2 - GAP, y - h / 2 - GAP, x + w / 2 + GAP, y + h / 2 + GAP):
                break
        process.move_stage(sid, Position(x, y))
        index.set(sid, stage_rect(process.stage(sid)))
