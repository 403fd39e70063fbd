"""The canvas driven with real mouse events on the view's viewport."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from salesdesigner.model import Position, StageKind
from salesdesigner.ui.canvas.stage_item import StageItem
from tests.ui.canvas.conftest import assert_scene_matches


def test_double_click_on_empty_canvas_adds_a_snapped_stage_in_that_lane(canvas):
    c = canvas()
    before = set(c.process.stage_ids)
    QTest.mouseDClick(c.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, c.vp(403, 317))
    added = set(c.process.stage_ids) - before
    assert len(added) == 1
    stage = c.process.stage(added.pop())
    assert stage.position == Position(400, 320)
    assert stage.lane == "fs" and stage.kind is StageKind.STAGE
    assert c.scene.selected_stage_ids() == [stage.id]
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert set(c.process.stage_ids) == before
    assert_scene_matches(c.scene)


def test_dragging_two_selected_stages_is_one_snapped_undo_step(canvas):
    c = canvas()
    c.scene.select_ids(["start", "prospect"])
    c.drag((200, 100), (287, 133))
    assert c.stack.count() == 1
    assert c.process.stage("start").position == Position(280, 140)
    assert c.process.stage("prospect").position == Position(540, 140)
    item = c.scene.stage_item("prospect")
    assert (item.pos().x(), item.pos().y()) == (540, 140)
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.stage("start").position == Position(200, 100)
    assert c.process.stage("prospect").position == Position(460, 100)
    assert_scene_matches(c.scene)


def test_arrows_follow_a_dragged_stage(canvas):
    c = canvas()
    arrow = c.scene.transition_item("t1")
    before = arrow.path().pointAtPercent(1.0)
    c.drag((460, 110), (460, 170))
    after = arrow.path().pointAtPercent(1.0)
    assert after.y() - before.y() == 60
    assert arrow.sceneBoundingRect().contains(after)


def test_dragging_a_stage_into_another_lane_band_changes_its_lane_in_the_same_step(canvas):
    c = canvas()
    c.drag((460, 100), (460, 300))
    assert c.stack.count() == 1
    stage = c.process.stage("prospect")
    assert stage.lane == "fs" and stage.position == Position(460, 300)
    c.stack.undo()
    stage = c.process.stage("prospect")
    assert stage.lane == "is" and stage.position == Position(460, 100)
    assert_scene_matches(c.scene)


def test_dragging_from_the_handle_onto_another_stage_connects_them(canvas):
    c = canvas()
    start = c.scene.stage_item("start")
    handle = start.mapToScene(start.handle_center())
    c.move(200, 100)  # hover shows the handle
    c.drag((handle.x(), handle.y()), (980, 300), steps=8)
    added = [t for t in c.process.transitions if (t.source, t.target) == ("start", "won")]
    assert len(added) == 1 and added[0].id.startswith("t-")
    assert c.scene.transition_item(added[0].id).target is c.scene.stage_item("won")
    assert c.process.stage("start").position == Position(200, 100)  # the stage did not move
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.process.transition_between("start", "won") is None
    assert_scene_matches(c.scene)


def test_handle_drag_back_onto_the_same_stage_is_refused_with_a_message(canvas):
    c = canvas()
    item = c.scene.stage_item("prospect")
    handle = item.mapToScene(item.handle_center())
    c.move(460, 100)
    c.drag((handle.x(), handle.y()), (440, 100))
    assert c.messages == ["An arrow cannot lead from a stage back to itself."]
    assert len(c.process.transitions) == 4 and c.stack.count() == 0


def test_handle_drag_onto_an_already_connected_stage_is_refused_with_a_message(canvas):
    c = canvas()
    item = c.scene.stage_item("start")
    handle = item.mapToScene(item.handle_center())
    c.move(200, 100)
    c.drag((handle.x(), handle.y()), (460, 100))
    assert c.messages == ["These stages are already connected by an arrow."]
    assert c.stack.count() == 0


def test_dragging_a_selected_arrows_end_onto_another_stage_reconnects_it(canvas):
    c = canvas()
    c.scene.select_ids(transition_ids=["t3"])
    arrow = c.scene.transition_item("t3")
    end = arrow.end_point("target")
    c.drag((end.x(), end.y()), (460, 100))
    t = c.process.transition("t3")
    assert (t.source, t.target) == ("propose", "prospect") or c.messages
    # propose → prospect already exists (t4): refused; now move t3's end onto "start"
    assert c.messages == ["These stages are already connected by an arrow."]
    c.scene.select_ids(transition_ids=["t3"])
    end = arrow.end_point("target")
    c.drag((end.x(), end.y()), (200, 100))
    t = c.process.transition("t3")
    assert (t.source, t.target) == ("propose", "start")
    assert arrow.target is c.scene.stage_item("start")
    c.stack.undo()
    assert c.process.transition("t3").target == "won"
    assert_scene_matches(c.scene)


def test_rubber_band_selects_the_stages_it_touches(canvas):
    c = canvas()
    c.drag((100, 20), (560, 180))
    assert c.scene.selected_stage_ids() == ["start", "prospect"]
    assert "t3" not in c.scene.selected_transition_ids()
    assert all(isinstance(i, StageItem) for i in c.scene.selectedItems()
               if i.sceneBoundingRect().top() > 200)


def test_space_drag_pans_instead_of_moving_a_stage(canvas):
    c = canvas()
    before = c.view.horizontalScrollBar().value()
    start = c.vp(460, 100)
    QTest.keyPress(c.view, Qt.Key.Key_Space)
    QTest.mousePress(c.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for dx in (-50, -100, -150, -200):
        QTest.mouseMove(c.view.viewport(), start + QPoint(dx, 0))
    QTest.mouseRelease(c.view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(-200, 0))
    QTest.keyRelease(c.view, Qt.Key.Key_Space)
    assert c.process.stage("prospect").position == Position(460, 100)
    assert c.view.horizontalScrollBar().value() == before + 200


def test_ctrl_wheel_zooms_keeping_the_point_under_the_mouse(canvas, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    c = canvas()
    spot = c.vp(460, 100)
    zooms = []
    c.view.zoomChanged.connect(zooms.append)
    event = QWheelEvent(QPointF(spot), QPointF(c.view.viewport().mapToGlobal(spot)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(c.view.viewport(), event)
    assert c.view.zoom_level() > 1.2 and zooms
    under = c.view.mapToScene(spot)
    assert abs(under.x() - 460) < 3 and abs(under.y() - 100) < 3
