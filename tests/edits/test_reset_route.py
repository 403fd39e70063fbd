"""Resetting an arrow's route is one edit: bend points and both chosen ends go, the
label, condition and style stay, and the inverse brings back exactly what was there."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.edits import arrows
from salesdesigner.model import Position, Process, Stage, Transition
from salesdesigner.model.entities import ANCHOR_SIDES, Anchor, ArrowStyle

anchors = st.none() | st.builds(Anchor, st.sampled_from(ANCHOR_SIDES),
                                st.floats(0, 1).map(lambda v: round(v, 3)))
points = st.lists(st.builds(Position, st.floats(-1e4, 1e4), st.floats(-1e4, 1e4)), max_size=5)


@settings(max_examples=40)
@given(points, anchors, anchors, st.none() | st.sampled_from(list(ArrowStyle)))
def test_reset_route_forgets_the_steering_and_undo_restores_it(bends, source, target, style):
    p = Process(language="ja")
    p.add_stage(Stage("a", "テレアポ", position=Position(0, 0)))
    p.add_stage(Stage("b", "ヒアリング", position=Position(300, 200)))
    steered = Transition("t", "a", "b", "アポ獲得", "日程確定", waypoints=tuple(bends),
                         source_anchor=source, target_anchor=target, style=style)
    p.add_transition(steered)
    inverse = arrows.reset_route("t").apply(p)
    t = p.transition("t")
    assert not t.steered and t.waypoints == ()
    assert (t.label, t.condition, t.style) == ("アポ獲得", "日程確定", style)
    inverse.apply(p)
    assert p.transition("t") == steered
