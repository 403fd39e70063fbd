"""What a stage or an arrow value must hold before a :class:`~salesdesigner.model.process.
Process` takes it: known kinds and directions, finite targets and bend points, pinned ends
on a real side.  A value that fails says why in a :class:`ProcessError`; one given with
enum fields as strings (a file, the command line) comes back normalised.
"""

from __future__ import annotations

import dataclasses
import math

from salesdesigner.model.entities import (
    ANCHOR_SIDES,
    Anchor,
    ArrowStyle,
    Direction,
    Position,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.errors import ProcessError


def arrow_style(value: object) -> ArrowStyle:
    try:
        return ArrowStyle(value)
    except ValueError:
        raise ProcessError(f"Unknown arrow style {value!r}: use one of "
                           f"{', '.join(s.value for s in ArrowStyle)}.") from None


def checked_steering(t: Transition) -> Transition:
    """``t`` if its bend points are finite numbers and its anchors name a side and a spot
    on it (0 … 1); a ProcessError saying which is wrong otherwise."""
    for p in t.waypoints:
        if not isinstance(p, Position) or not all(
                isinstance(v, (int, float)) and math.isfinite(v) for v in (p.x, p.y)):
            raise ProcessError(f"Transition {t.id!r} has a bend point that is not a "
                               f"finite position: {p!r}.")
    for anchor in (t.source_anchor, t.target_anchor):
        if anchor is None:
            continue
        if not isinstance(anchor, Anchor) or anchor.side not in ANCHOR_SIDES or not (
                isinstance(anchor.position, (int, float)) and 0.0 <= anchor.position <= 1.0):
            raise ProcessError(f"Transition {t.id!r} has an end pinned to {anchor!r}: a side "
                               f"({', '.join(ANCHOR_SIDES)}) and a spot from 0 to 1.")
    if t.style is not None and not isinstance(t.style, ArrowStyle):
        return dataclasses.replace(t, style=arrow_style(t.style))
    return t


def checked_stage(stage: Stage) -> Stage:
    """Normalise enum fields given as strings and reject values no stage may hold."""
    if not isinstance(stage.id, str) or not stage.id:
        raise ProcessError("A stage needs a non-empty id.")
    kind = stage.kind
    if type(kind) is not StageKind:  # an Enum call costs more than the rest of the checks
        try:
            kind = StageKind(stage.kind)
        except ValueError:
            raise ProcessError(f"Stage {stage.id!r} has unknown kind {stage.kind!r}.") from None
    kpis = []
    for kpi in stage.kpis:
        try:
            direction = kpi.direction if type(kpi.direction) is Direction \
                else Direction(kpi.direction)
        except ValueError:
            raise ProcessError(f"KPI {kpi.name!r} of stage {stage.id!r} has unknown "
                               f"direction {kpi.direction!r}.") from None
        if kpi.target is not None and not math.isfinite(kpi.target):
            raise ProcessError(f"KPI {kpi.name!r} of stage {stage.id!r} has a target that "
                               "is not a finite number.")
        kpis.append(kpi if direction is kpi.direction
                    else dataclasses.replace(kpi, direction=direction))
    if kind is not stage.kind or tuple(kpis) != stage.kpis or any(
            a is not b for a, b in zip(kpis, stage.kpis, strict=False)):
        stage = dataclasses.replace(stage, kind=kind, kpis=tuple(kpis))
    return stage


