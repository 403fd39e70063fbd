"""Lane selection is the scene's: one lane at a time, instead of stages and arrows, and it
never outlives the lane or a press elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_select_lane_lights_its_header_and_clears_stages_and_arrows(canvas, qtbot):
    c = canvas()
    c.scene.select_ids(["start"])
    with qtbot.waitSignal(c.scene.selectionChangedIds):
        c.scene.select_lane("fs")
    assert c.scene.selected_lane_id() == "fs" and c.scene.selected_stage_ids() == []
    assert c.scene.lane_item("fs").header_selected
    c.scene.select_lane("is")
    assert not c.scene.lane_item("fs").header_selected and c.scene.lane_item("is").header_selected


def test_select_all_escape_and_picking_a_stage_leave_the_lane(canvas):
    c = canvas()
    c.scene.select_lane("is")
    c.scene.select_all()
    assert c.scene.selected_lane_id() is None and not c.scene.lane_item("is").header_selected
    c.scene.select_lane("is")
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Escape)
    assert c.scene.selected_lane_id() is None
    c.scene.select_lane("is")
    c.scene.stage_item("start").setSelected(True)  # a click or rubber band does this
    assert c.scene.selected_lane_id() is None and not c.scene.lane_item("is").header_selected


def test_a_press_on_the_header_selects_and_a_press_elsewhere_deselects(canvas):
    c = canvas()
    title = c.scene.lane_item("fs").title_rect()
    c.press(title.center().x(), title.center().y())
    c.release(title.center().x(), title.center().y())
    assert c.scene.selected_lane_id() == "fs" and c.scene.selected_stage_ids() == []
    c.press(600, title.center().y())  # the band, away from any stage
    c.release(600, title.center().y())
    assert c.scene.selected_lane_id() is None


def test_deleting_or_undoing_the_selected_lane_ends_its_selection(canvas):
    c = canvas()
    c.scene.select_lane("is")
    c.editor.delete_lane("is")  # the header menu's Delete Lane
    assert c.scene.selected_lane_id() is None
    lane_id = c.editor.add_lane("New")
    c.scene.select_lane(lane_id)
    c.stack.undo()
    assert c.scene.selected_lane_id() is None
    c.scene.select_lane("no-such-lane")
    assert c.scene.selected_lane_id() is None
