"""The sane ranges a document's numbers and nesting must keep, checked wherever one is read.

A file someone else crafted may hold finite but absurd numbers (a stage at y = 1e12, a
lane 1e300 high) that every drawing of the process would have to span, or extension JSON
nested so deep that walking it overflows the stack.  The document reader, the JSON and
CSV importers and the saver all hold values to these limits, so such a file ends in one
clear error instead of a hang or a crash in the PDF, the playbook or the canvas.
"""

from __future__ import annotations

import math
from typing import Any

#: Stage positions, in canvas pixels either way from the origin (a process of 200,000
#: stages laid out in a row spans 6e7).
MAX_COORDINATE = 100_000_000.0
#: A lane's height, and all lanes' heights together, in canvas pixels.
MAX_LANE_HEIGHT = 100_000_000.0
#: A stage's duration, in days (about 270 years).
MAX_DURATION_DAYS = 100_000.0
#: A deal's amount, either way from zero (a quadrillion in any currency).
MAX_AMOUNT = 1e15
#: The years a deal may enter a stage in (a date outside is a typo or a crafted file).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
#: Levels of JSON nesting in a whole interchange file, and inside one ``extensions`` value.
MAX_NESTING = 100


def number_problem(value: float, kind: str) -> str | None:
    """What is wrong with ``value`` as a ``"coordinate"``, ``"height"``, ``"duration"`` or
    ``"amount"``."""
    if not math.isfinite(value):
        return "is not a finite number"
    if kind == "coordinate" and abs(value) > MAX_COORDINATE:
        return f"is outside ±{MAX_COORDINATE:,.0f}"
    if kind == "height" and not 0 < value <= MAX_LANE_HEIGHT:
        return f"must be positive and at most {MAX_LANE_HEIGHT:,.0f}"
    if kind == "duration" and not 0 <= value <= MAX_DURATION_DAYS:
        return f"must be between 0 and {MAX_DURATION_DAYS:,.0f} days"
    if kind == "amount" and abs(value) > MAX_AMOUNT:
        return f"is outside ±{MAX_AMOUNT:,.0f}"
    return None


def shown(value: object, limit: int = 40) -> str:
    """A value for an error message: its repr, cut short (a 4,000-digit number stays short)."""
    try:
        text = repr(value)
    except ValueError:  # an int too long for repr
        return f"a number with more than {limit} digits"
    return text if len(text) <= limit else text[:limit] + "…"


def too_deep(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether lists/objects in ``value`` nest more than ``limit`` levels (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))
    return False


__all__ = ["EARLIEST_YEAR", "LATEST_YEAR", "MAX_AMOUNT", "MAX_COORDINATE", "MAX_DURATION_DAYS",
           "MAX_LANE_HEIGHT", "MAX_NESTING",
           "number_problem", "shown", "too_deep"]
