"""New stages take the nearest free spot instead of piling up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Position, Process, Stage, StageKind
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.placement import GAP, free_spot


def _overlaps(a, b, pad: float = 0.0) -> bool:
    return (a.x < b.right + pad and b.x < a.right + pad
            and a.y < b.bottom + pad and b.y < a.bottom + pad)


def test_a_free_spot_is_kept_as_asked_only_snapped():
    assert free_spot(Process(), Position(203, 98), StageKind.STAGE) == Position(200, 100)


def test_inserting_six_times_at_one_point_puts_six_stages_side_by_side():
    process = Process()
    for n, kind in enumerate(StageKind):
        spot = free_spot(process, Position(500, 300), kind)
        process.add_stage(Stage(f"s{n}", kind.value, kind, None, spot))
    rects = [stage_rect(s) for s in process.stages]
    assert not any(_overlaps(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert process.stages[0].position == Position(500, 300)
    assert process.stages[1].position.y == 300  # the same row is preferred


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-20, 20), st.integers(-20, 20)), max_size=30),
       st.integers(-20, 20), st.integers(-20, 20))
def test_the_spot_found_never_overlaps_a_stage(cells, wx, wy):
    process = Process()
    for n, (cx, cy) in enumerate(dict.fromkeys(cells)):
        process.add_stage(Stage(f"s{n}", "x", StageKind.STAGE, None, Position(cx * 240, cy * 140)))
    spot = free_spot(process, Position(wx * 100, wy * 100), StageKind.DECISION)
    new = stage_rect(Stage("new", "", StageKind.DECISION, None, spot))
    assert not any(_overlaps(new, stage_rect(s), GAP - 1) for s in process.stages)
