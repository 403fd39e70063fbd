"""Align and distribute: new stage centres for a selection (pure geometry, no Qt)."""

from __future__ import annotations

from salesdesigner.model.entities import Position, Stage
from salesdesigner.model.geometry import stage_rect

ALIGNMENTS = ("left", "hcenter", "right", "top", "vcenter", "bottom")
AXES = ("horizontal", "vertical")


def align(stages: list[Stage], how: str) -> dict[str, Position]:
    """Line the stages up on the first/last edge or the middle of their bounding box."""
    if how not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {how!r}")
    rects = {s.id: stage_rect(s) for s in stages}
    left = min(r.x for r in rects.values())
    right = max(r.right for r in rects.values())
    top = min(r.y for r in rects.values())
    bottom = max(r.bottom for r in rects.values())
    result: dict[str, Position] = {}
    for s in stages:
        r, x, y = rects[s.id], s.position.x, s.position.y
        if how == "left":
            x = left + r.width / 2
        elif how == "right":
            x = right - r.width / 2
        elif how == "hcenter":
            x = (left + right) / 2
        elif how == "top":
            y = top + r.height / 2
        elif how == "bottom":
            y = bottom - r.height / 2
        else:
            y = (top + bottom) / 2
        if (x, y) != (s.position.x, s.position.y):
            result[s.id] = Position(x, y)
    return result


def distribute(stages: list[Stage], axis: str) -> dict[str, Position]:
    """Equal gaps between centres, keeping the outermost two where they are."""
    if axis not in AXES:
        raise ValueError(f"unknown axis {axis!r}")
    horizontal = axis == "horizontal"
    ordered = sorted(stages, key=lambda s: (s.position.x if horizontal else s.position.y, s.id))
    if len(ordered) < 3:
        return {}
    first = ordered[0].position.x if horizontal else ordered[0].position.y
    last = ordered[-1].position.x if horizontal else ordered[-1].position.y
    step = (last - first) / (len(ordered) - 1)
    result: dict[str, Position] = {}
    for i, s in enumerate(ordered[1:-1], 1):
        value = first + i * step
        pos = Position(value, s.position.y) if horizontal else Position(s.position.x, value)
        if pos != s.position:
            result[s.id] = pos
    return result
