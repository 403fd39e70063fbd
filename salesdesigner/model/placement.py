"""Where a new stage goes when the spot asked for is taken.

Inserting several stages from the menu used to pile them exactly on top of each other at
the view's centre; a new stage now takes the nearest free grid spot instead, preferring
the row it was asked for, then below, then above.
"""

from __future__ import annotations

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
