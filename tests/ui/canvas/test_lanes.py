"""Lanes: add, rename, recolour, reorder, delete (each one undo step), and the header menu."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from salesdesigner.model import Position, Process
from tests.ui.canvas.conftest import assert_scene_matches


def test_add_lane_appends_a_band_and_undo_removes_it(canvas):
    c = canvas()
    lane_id = c.editor.add_lane("Customer Success")
    assert [lane.name for lane in c.process.lanes][-1] == "Customer Success"
    band = c.scene.lane_item(lane_id).band_rect()
    assert (band.top(), band.bottom()) == (400, 600)
    sid = c.editor.add_stage_at(QPointF(400, 500))
    assert c.process.stage(sid).lane == lane_id
    c.stack.undo()
    c.stack.undo()
    assert len(c.process.lanes) == 2 and c.scene.lane_item(lane_id) is None
    assert_scene_matches(c.scene)


def test_rename_and_recolour_lane_update_band_and_stage_accents(canvas):
    c = canvas()
    c.editor.rename_lane("is", "インサイドセールス")
    c.editor.recolour_lane("is", "#E45756")
    assert c.process.lane("is").name == "インサイドセールス"
    assert c.scene.lane_item("is").lane.color == "#E45756"
    assert c.scene.stage_item("start")._lane_color.name().upper() == "#E45756"
    c.stack.undo()
    c.stack.undo()
    assert c.process.lane("is").name == "Inside Sales" and c.process.lane("is").color == "#4C78A8"
    assert_scene_matches(c.scene)


def test_moving_a_lane_down_moves_its_stages_with_it_as_one_step(canvas):
    c = canvas()
    before = c.process.snapshot()
    c.editor.move_lane("is", 1)
    assert [lane.id for lane in c.process.lanes] == ["fs", "is"]
    assert c.process.stage("start").position == Position(200, 300)
    assert c.process.stage("propose").position == Position(720, 100)
    assert c.scene.lane_item("fs").band_rect().top() == 0
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.snapshot() == before
    assert_scene_matches(c.scene)


def test_deleting_a_lane_keeps_its_stages_below_the_other_lanes(canvas):
    c = canvas()
    before = c.process.snapshot()
    c.editor.delete_lane("is")
    assert [lane.id for lane in c.process.lanes] == ["fs"]
    assert c.process.stage("start").lane is None
    assert c.process.stage("start").position == Position(200, 300)  # below the one lane left
    assert c.process.stage("propose").position == Position(720, 100)  # fs moved up
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.snapshot() == before
    assert_scene_matches(c.scene)


def test_lane_header_menu_offers_every_lane_operation(canvas):
    c = canvas()
    menu = c.editor.lane_menu("is", QPointF(300, 100))
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Rename Lane…", "Change Colour…", "Move Lane Up", "Move Lane Down", "Delete Lane",
            "Add Lane", "Add Stage Here"} <= set(actions)
    assert not actions["Move Lane Up"].isEnabled()
    actions["Move Lane Down"].trigger()
    assert [lane.id for lane in c.process.lanes] == ["fs", "is"]
    actions["Add Stage Here"].trigger()
    assert len(c.process.stages) == 5
    assert_scene_matches(c.scene)


def test_dragging_a_bands_bottom_edge_resizes_the_lane_and_moves_lower_stages(canvas):
    c = canvas()
    c.drag((600, 200), (600, 263))  # the edge between the two lanes (empty there)
    assert c.process.lane("is").height == 263
    assert c.process.stage("propose").position == Position(720, 363)
    assert c.process.stage("start").position == Position(200, 100)
    assert c.stack.count() == 1
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.lane("is").height == 200
    assert c.process.stage("propose").position == Position(720, 300)
    assert_scene_matches(c.scene)


def test_the_band_under_a_dragged_stage_lights_up_until_the_drop(canvas):
    c = canvas()
    c.move(460, 100)
    c.press(460, 100)
    c.move(460, 200)
    c.move(460, 300)
    assert c.scene.lane_item("fs").highlighted and not c.scene.lane_item("is").highlighted
    c.release(460, 300)
    assert not c.scene.lane_item("fs").highlighted


def test_an_empty_band_press_starts_a_rubber_band_not_a_lane_drag(canvas):
    c = canvas()
    c.drag((300, 250), (500, 390))
    assert c.scene.selected_stage_ids() == []
    c.drag((620, 250), (800, 390))
    assert c.scene.selected_stage_ids() == ["propose"]
    assert c.stack.count() == 0


def test_japanese_lane_titles_stand_upright_and_latin_ones_lie_on_their_side():
    from salesdesigner.model import Lane
    from salesdesigner.ui.canvas.lane_item import LaneItem

    upright = LaneItem(Lane("is", "インサイドセールス", height=400))
    assert upright._vertical and upright._title == "インサイドセールス"
    short = LaneItem(Lane("is", "インサイドセールス", height=60))
    assert short._title.endswith("⋮") and len(short._title) < len("インサイドセールス")
    sideways = LaneItem(Lane("fs", "Field Sales"))
    assert not sideways._vertical and sideways._title == "Field Sales"


def test_a_lane_added_after_a_stage_holds_the_stage_it_is_drawn_behind(canvas):
    c = canvas(Process(id="new", name="New", language="en"))
    sid = c.editor.add_stage_at(QPointF(400, 100))
    lane = c.editor.add_lane()
    band = c.scene.lane_item(lane).band_rect()
    assert band.contains(c.scene.stage_item(sid).pos())  # drawn inside the band…
    assert c.process.stage(sid).lane == lane  # …and a member of the lane
    assert c.stack.count() == 2  # the stage, then the lane with its member: one step
    c.stack.undo()
    assert not c.process.lanes and c.process.stage(sid).lane is None
    assert_scene_matches(c.scene)
