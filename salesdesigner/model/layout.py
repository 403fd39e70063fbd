"""Automatic layered layout, left to right in process order, respecting lanes.

Columns come from :func:`~salesdesigner.model.ordering.layers` (longest path on the process
with its loops cut); inside a lane, stages sharing a column are stacked, and a lane grows
to hold its tallest stack.  The result is a plain value: the GUI applies it as one undo
step, importers apply it directly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT, Position
from salesdesigner.model.geometry import LANE_TITLE_WIDTH
from salesdesigner.model.ordering import layers, process_order
from salesdesigner.model.process import Process

COLUMN_SPACING = 300.0  # 100 px between cards: room for an arrow label of ~12 characters
ROW_SPACING = 150.0
LANE_PADDING = 25.0
LEFT_MARGIN = LANE_TITLE_WIDTH + 140.0


@dataclass(frozen=True)
class Layout:
    positions: dict[str, Position]
    lane_heights: dict[str, float]


def compute_layout(process: Process) -> Layout:
    column = layers(process)
    order = {sid: i for i, sid in enumerate(process_order(process))}
    lane_ids = [lane.id for lane in process.lanes]
    band_of = {s.id: (s.lane if s.lane in lane_ids else None) for s in process.stages}
    bands: list[str | None] = list(lane_ids)
    if not lane_ids or any(b is None for b in band_of.values()):
        bands.append(None)  # stages without a lane live below the lanes

    stacks: dict[tuple[str | None, int], list[str]] = defaultdict(list)
    for sid in sorted(band_of, key=order.__getitem__):
        stacks[(band_of[sid], column[sid])].append(sid)
    # grouped by band once: a loop over every stack per band was quadratic in many lanes
    by_band: dict[str | None, list[tuple[int, list[str]]]] = defaultdict(list)
    for (b, col), members in stacks.items():
        by_band[b].append((col, members))
    depth = {b: max((len(v) for _, v in by_band[b]), default=1) for b in bands}

    positions: dict[str, Position] = {}
    heights: dict[str, float] = {}
    top = 0.0
    for band in bands:
        if band is None:
            height = depth[band] * ROW_SPACING + 2 * LANE_PADDING
        else:
            height = max(DEFAULT_LANE_HEIGHT, depth[band] * ROW_SPACING + 2 * LANE_PADDING)
            heights[band] = height
        for col, members in by_band[band]:
            span = len(members) * ROW_SPACING
            first = top + (height - span) / 2 + ROW_SPACING / 2
            for row, sid in enumerate(members):
                positions[sid] = Position(LEFT_MARGIN + col * COLUMN_SPACING,
                                          first + row * ROW_SPACING)
        top += height
    return Layout(positions, heights)


def apply_layout(process: Process, layout: Layout | None = None) -> None:
    """Move every stage and size every lane as the layout says (no undo: for importers)."""
    layout = layout or compute_layout(process)
    for lane_id, height in layout.lane_heights.items():
        process.update_lane(lane_id, height=height)
    for sid, pos in layout.positions.items():
        process.move_stage(sid, pos)
