"""Shared drawing geometry, so the canvas, the PDF diagram and the HTML diagram agree.

Positions are stage centres in scene units.  Lanes are horizontal bands stacked from
``y = 0`` in lane order, each ``lane.height`` tall, with a title column at the left.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.model.entities import Stage, StageKind
from salesdesigner.model.process import Process

LANE_TITLE_WIDTH = 48.0
GRID = 20.0

_SIZES: dict[StageKind, tuple[float, float]] = {
    StageKind.START: (140.0, 56.0),
    StageKind.END: (140.0, 56.0),
    StageKind.WON: (140.0, 64.0),
    StageKind.LOST: (140.0, 64.0),
    StageKind.DECISION: (160.0, 110.0),
    StageKind.STAGE: (200.0, 100.0),
}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


@dataclass(frozen=True)
class LaneBand:
    lane_id: str
    top: float
    bottom: float


def stage_size(kind: StageKind) -> tuple[float, float]:
    return _SIZES[StageKind(kind)]


def stage_rect(stage: Stage) -> Rect:
    w, h = stage_size(stage.kind)
    return Rect(stage.position.x - w / 2, stage.position.y - h / 2, w, h)


def lane_bands(process: Process) -> list[LaneBand]:
    bands, top = [], 0.0
    for lane in process.lanes:
        bands.append(LaneBand(lane.id, top, top + lane.height))
        top += lane.height
    return bands


def lane_at(process: Process, y: float) -> str | None:
    """The lane whose band contains ``y`` (None above or below every band)."""
    for band in lane_bands(process):
        if band.top <= y < band.bottom:
            return band.lane_id
    return None


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid


def bounding_rect(process: Process) -> Rect | None:
    """What a drawing of the whole process must show: stages and lane bands."""
    rect: Rect | None = None
    for stage in process.stages:
        r = stage_rect(stage)
        rect = r if rect is None else rect.united(r)
    bands = lane_bands(process)
    if bands:
        right = rect.right if rect else 400.0
        lanes = Rect(0.0, bands[0].top, right, bands[-1].bottom - bands[0].top)
        rect = lanes if rect is None else rect.united(lanes)
    return rect


def clip_span(a: tuple[float, float], b: tuple[float, float],
              x0: float, y0: float, x1: float, y1: float) -> float:
    """How much of segment a-b (as a fraction of it) lies in the box x0..x1, y0..y1, or a
    negative number when none does (Liang–Barsky).  Routing asks for a positive length
    inside a stage; label placement for any contact with an arrow."""
    lo, hi = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return -1.0
        else:
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
            if lo > hi:
                return -1.0
    return hi - lo
