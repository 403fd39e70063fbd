"""Lanes and the stages they visibly hold agree: adding, resizing or moving a lane makes
the stages its band covers its members, in the same single undo step."""

from __future__ import annotations

from salesdesigner.edits import History, lanes
from salesdesigner.edits.stages import move_stages
from salesdesigner.model import Lane, Position, Process, Stage


def test_a_lane_added_over_a_stage_drawn_first_holds_it_and_undo_takes_both_back():
    p = Process()
    p.add_stage(Stage("a", "A", position=Position(300, 100)))  # centre inside 0..200
    p.add_stage(Stage("b", "B", position=Position(300, 260)))  # below the new band
    history = History(p)
    history.push(lanes.add_lane(p, Lane("sales", "Sales", height=200)))
    assert p.stage("a").lane == "sales" and p.stage("b").lane is None
    assert len(history.steps) == 1
    history.undo()
    assert not p.lanes and p.stage("a").lane is None


def test_growing_a_lane_takes_in_the_lane_less_stage_inside_its_new_band():
    p = Process()
    p.add_lane(Lane("l", "L", height=100))
    p.add_stage(Stage("inside", "In", position=Position(300, 50), lane="l"))
    p.add_stage(Stage("loose", "Loose", position=Position(300, 150)))  # drawn under the band
    history = History(p)
    # a bottom lane grown: the stages below it ride down, the loose one rides too
    history.push(lanes.resize_lane(p, "l", 300))
    assert p.stage("loose").position == Position(300, 350) and p.stage("loose").lane is None
    history.undo()
    # a lane-less stage *inside* the lane's band (a file drawn that way) joins it on resize
    p.add_stage(Stage("drawn", "Drawn", position=Position(600, 80)))
    history.push(lanes.resize_lane(p, "l", 120))
    assert p.stage("drawn").lane == "l"
    history.undo()
    assert p.stage("drawn").lane is None and p.lane("l").height == 100


def test_moving_a_lane_moves_its_stages_and_gives_the_covered_loose_stage_a_lane():
    p = Process()
    p.add_lane(Lane("top", "Top", height=100))
    p.add_lane(Lane("bottom", "Bottom", height=200))
    p.add_stage(Stage("t", "T", position=Position(300, 50), lane="top"))
    p.add_stage(Stage("b", "B", position=Position(300, 150), lane="bottom"))
    p.add_stage(Stage("loose", "Loose", position=Position(600, 250)))  # in bottom's band
    history = History(p)
    history.push(lanes.move_lane(p, "bottom", 0))
    # bottom now 0..200, top 200..300: each band's stages moved with it
    assert p.stage("b").position.y == 50 and p.stage("t").position.y == 250
    assert p.stage("loose").lane == "top"  # y 250 is now inside top's band
    assert len(history.steps) == 1
    history.undo()
    assert p.stage("loose").lane is None and p.stage("t").position.y == 50


def test_a_moved_stage_lands_in_the_lane_whose_band_holds_its_centre():
    p = Process()
    p.add_lane(Lane("a", "A", height=100))
    p.add_lane(Lane("b", "B", height=100))
    p.add_stage(Stage("s", "S", position=Position(300, 50), lane="a"))
    edit = move_stages(p, {"s": Position(300, 150)})
    assert edit is not None
    edit.apply(p)
    assert p.stage("s").lane == "b"
    move_stages(p, {"s": Position(300, 250)}).apply(p)  # type: ignore[union-attr]
    assert p.stage("s").lane is None  # below every band
    assert move_stages(p, {"s": Position(300, 250)}) is None  # nothing moves


def test_deleting_a_lane_puts_its_stages_below_the_remaining_lanes():
    p = Process()
    p.add_lane(Lane("a", "A", height=100))
    p.add_lane(Lane("b", "B", height=150))
    p.add_stage(Stage("s", "S", position=Position(300, 40), lane="a"))
    p.add_stage(Stage("u", "U", position=Position(300, 140), lane="b"))
    before = p.snapshot()
    history = History(p)
    history.push(lanes.delete_lane(p, "a"))
    assert p.stage("u").position.y == 40  # b's band moved up by a's height
    assert p.stage("s").position == Position(300, 190) and p.stage("s").lane is None
    history.undo()
    assert p.snapshot() == before
