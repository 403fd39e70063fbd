"""How a steered arrow is kept in the ``transitions`` table (layout version 3).

``style`` is ``''`` (the document's style) or a :class:`~salesdesigner.model.ArrowStyle`
value; a pinned end is its side (``''``: automatic) and spot along it (0 … 1);
``waypoints`` a JSON array of ``[x, y]`` pairs.  Plain columns, so any SQLite tool can
read them; the values a hand-edited file may break are checked here, on reading.
"""

from __future__ import annotations

import json
import math
from typing import Any

from salesdesigner.model.entities import ANCHOR_SIDES, Anchor, ArrowStyle, Position, Transition

STEERING_COLUMNS = ("style", "source_side", "source_position", "target_side",
                    "target_position", "waypoints")


class BadSteering(ValueError):
    """A steering cell the model cannot take (a hand-edited or damaged file)."""


def steering_columns(t: Transition) -> dict[str, Any]:
    """The steering columns of one transition row."""
    return {"style": t.style.value if t.style is not None else "",
            "source_side": t.source_anchor.side if t.source_anchor else "",
            "source_position": float(t.source_anchor.position) if t.source_anchor else None,
            "target_side": t.target_anchor.side if t.target_anchor else "",
            "target_position": float(t.target_anchor.position) if t.target_anchor else None,
            "waypoints": json.dumps([[p.x, p.y] for p in t.waypoints]) if t.waypoints
            else "[]"}


def steering_fields(style: Any, source_side: Any, source_position: Any, target_side: Any,
                    target_position: Any, waypoints: Any) -> dict[str, Any]:
    """The :class:`Transition` fields of the steering columns; :class:`BadSteering`
    saying which cell is wrong."""
    if style not in ("", *(s.value for s in ArrowStyle)):
        raise BadSteering(f"has unknown arrow style {style!r}")
    return {"style": ArrowStyle(style) if style else None,
            "source_anchor": _anchor(source_side, source_position, "source"),
            "target_anchor": _anchor(target_side, target_position, "target"),
            "waypoints": _points(waypoints)}


def _anchor(side: Any, position: Any, end: str) -> Anchor | None:
    if side == "":
        return None
    if side not in ANCHOR_SIDES:
        raise BadSteering(f"has its {end} end on unknown side {side!r}")
    if isinstance(position, bool) or not isinstance(position, (int, float)) \
            or not 0.0 <= position <= 1.0:
        raise BadSteering(f"has its {end} end at {position!r}, not a spot from 0 to 1")
    return Anchor(side, float(position))


def _points(text: Any) -> tuple[Position, ...]:
    if text == "[]":
        return ()
    try:
        data = json.loads(text) if isinstance(text, str) else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                for v in p) for p in data):
        raise BadSteering("has bend points that are not a list of [x, y] numbers")
    return tuple(Position(float(x), float(y)) for x, y in data)


__all__ = ["BadSteering", "STEERING_COLUMNS", "steering_columns", "steering_fields"]
