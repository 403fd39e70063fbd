"""Arrows the manager steers: bend points, pinned ends and styles are model fields set
through Process methods that emit change events and hand back what undo needs."""

from __future__ import annotations

import pytest

from salesdesigner.model import (
    Anchor,
    ArrowStyle,
    Position,
    ProcessError,
    Transition,
)
from salesdesigner.model import events as ev
from tests.samples import blocked_process


def _recorded(process) -> list:
    seen: list = []
    process.events.connect(seen.append)
    return seen


def test_setting_bend_points_emits_the_change_and_returns_the_old_arrow_for_undo():
    p = blocked_process()
    seen = _recorded(p)
    old = p.set_waypoints("ab", [(460, 60.5), Position(720, 60)])
    assert p.transition("ab").waypoints == (Position(460.0, 60.5), Position(720.0, 60.0))
    assert p.transition("ab").steered and not old.steered
    (event,) = seen
    assert isinstance(event, ev.TransitionChanged) and event.fields == ("waypoints",)
    p.replace_transition(old)  # what undo does
    assert p.transition("ab") == old


def test_pinning_an_end_and_choosing_styles_are_changes_too():
    p = blocked_process()
    seen = _recorded(p)
    p.set_anchor("ab", "target", Anchor("top", 0.25))
    p.set_arrow_style("ab", "orthogonal")
    p.update_process(arrow_style="straight")
    t = p.transition("ab")
    assert t.target_anchor == Anchor("top", 0.25) and t.style is ArrowStyle.ORTHOGONAL
    assert p.arrow_style is ArrowStyle.STRAIGHT
    assert [e.fields for e in seen] == [("target_anchor",), ("style",), ("arrow_style",)]
    p.set_arrow_style("ab", None)
    assert p.transition("ab").style is None  # back to the document's style


@pytest.mark.parametrize("call", [
    lambda p: p.set_anchor("ab", "middle", Anchor("top")),
    lambda p: p.set_anchor("ab", "source", Anchor("diagonal")),
    lambda p: p.set_anchor("ab", "source", Anchor("top", 1.5)),
    lambda p: p.set_waypoints("ab", [(float("nan"), 0)]),
    lambda p: p.set_arrow_style("ab", "wavy"),
    lambda p: p.update_process(arrow_style="wavy"),
    lambda p: p.add_transition(Transition("x", "c", "b", waypoints=(Position(float("inf"), 0),))),
])
def test_steering_that_makes_no_sense_is_refused_and_changes_nothing(call):
    p = blocked_process()
    before = p.copy()
    with pytest.raises(ProcessError):
        call(p)
    assert p == before
