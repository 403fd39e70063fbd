"""How a KPI target or a duration reads to people: one rule for the canvas, the reader,
the PDF manual and the HTML playbook, so the same target never reads two ways."""

from __future__ import annotations

import math


def display_number(value: float) -> str:
    """12 → "12", 12.5 → "12.5", 1200000 → "1,200,000", 1/3 → "0.333333"."""
    if not math.isfinite(value):
        return f"{value:g}"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1e15 or abs(value) < 1e-6:
        return f"{value:.6g}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else f"{value:g}"
