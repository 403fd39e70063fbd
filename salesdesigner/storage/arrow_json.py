"""Steered arrows in the interchange JSON: compatible additions to version 1.

A transition may carry ``"waypoints": [{"x": …, "y": …}, …]``, ``"source_anchor"`` and
``"target_anchor"`` (``{"side": "left|right|top|bottom", "position": 0…1}``) and
``"style": "curved|orthogonal|straight"``; the process an ``"arrow_style"``.  Each is
written only when set, so files of automatic arrows are unchanged.  Older readers keep
the fields as extensions (the spec's "later versions add fields").  This reader takes a
value it does not know (a style or side a newer version adds) the same way: kept under
its key in ``extensions``, so it is written back, and the arrow stays automatic.  Values
of the wrong kind (text where numbers belong) are errors naming the arrow.
"""

from __future__ import annotations

import math
from typing import Any

from salesdesigner.model.entities import ANCHOR_SIDES, Anchor, ArrowStyle, Position, Transition

STEERING_KEYS = ("waypoints", "source_anchor", "target_anchor", "style")
_STYLES = {s.value for s in ArrowStyle}


class SteeringError(ValueError):
    """A steering field of the wrong kind (the caller adds where it is)."""


def steering_to_json(t: Transition) -> dict[str, Any]:
    """The steering fields of ``t`` that are set."""
    out: dict[str, Any] = {}
    if t.waypoints:
        out["waypoints"] = [{"x": p.x, "y": p.y} for p in t.waypoints]
    for key, anchor in (("source_anchor", t.source_anchor), ("target_anchor", t.target_anchor)):
        if anchor is not None:
            out[key] = {"side": anchor.side, "position": anchor.position}
    if t.style is not None:
        out["style"] = t.style.value
    return out


def steering_from_json(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Transition fields of ``data``'s steering keys, and those to keep as
    extensions (values this version does not know)."""
    fields: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    points = data.get("waypoints")
    if points is not None:
        if not isinstance(points, list):
            raise SteeringError("'waypoints' must be a list of {\"x\", \"y\"} points")
        fields["waypoints"] = tuple(_point(p) for p in points)
    for key in ("source_anchor", "target_anchor"):
        raw = data.get(key)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            raise SteeringError(f"'{key}' must be an object with a 'side' and a 'position'")
        side, position = raw.get("side"), raw.get("position", 0.5)
        if not isinstance(side, str) or side not in ANCHOR_SIDES or isinstance(position, bool) \
                or not isinstance(position, (int, float)) or not 0 <= position <= 1:
            kept[key] = raw  # a side or spot this version does not know: keep it as it is
            continue
        fields[key] = Anchor(side, float(position))
    style = data.get("style")
    if style is not None:
        if style in _STYLES:
            fields["style"] = ArrowStyle(style)
        else:
            kept["style"] = style
    return fields, kept


def _point(p: Any) -> Position:
    if isinstance(p, dict):
        x, y = p.get("x"), p.get("y")
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
               for v in (x, y)):
            return Position(float(x), float(y))
    raise SteeringError(f"a bend point must be {{\"x\": number, \"y\": number}}, not {p!r}"[:160])


def arrow_style_from_json(value: Any) -> tuple[ArrowStyle, dict[str, Any]]:
    """The document's arrow style, and what to keep as an extension if it is unknown."""
    if value is None:
        return ArrowStyle.CURVED, {}
    if value in _STYLES:
        return ArrowStyle(value), {}
    return ArrowStyle.CURVED, {"arrow_style": value}


__all__ = ["STEERING_KEYS", "SteeringError", "arrow_style_from_json", "steering_from_json",
           "steering_to_json"]
