"""Steering an arrow on the canvas: bend points added by dragging its line, moved by
dragging them, removed by a double-click; an end pinned by dropping it along its own
stage; styles from the context menu.  Each is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from salesdesigner.edits.arrows import anchor_at, insert_bend_point
from salesdesigner.model import Anchor, ArrowStyle, Position
from salesdesigner.model.geometry import Rect
from salesdesigner.ui.canvas.menus import canvas_menu
from tests.samples import blocked_process

from .conftest import assert_scene_matches


def _open(canvas):
    p = blocked_process(label="")
    p.update_stage("c", position=Position(460, 420))  # A → B straight along y = 200
    c = canvas(p)
    c.scene.select_ids(transition_ids=["ab"])
    return c


def _on_route(c, x: float, y: float) -> bool:
    pts = c.scene.transition_item("ab").routed.flattened(32)
    return any(abs(px - x) < 1 and abs(py - y) < 1 for px, py in pts)


def test_dragging_a_selected_arrows_line_adds_a_bend_point_there_in_one_undo_step(canvas):
    c = _open(canvas)
    c.drag((400, 200), (400, 100))
    assert c.process.transition("ab").waypoints == (Position(400, 100),)
    assert c.stack.count() == 1
    c.scene.flush_pending()
    assert _on_route(c, 400, 100)  # the arrow runs through it (a smooth curve: curved style)
    c.stack.undo()
    assert c.process.transition("ab").waypoints == ()
    assert_scene_matches(c.scene)


def test_the_arrow_follows_its_bend_point_during_the_drag_and_the_release_commits_it(canvas):
    c = _open(canvas)
    c.move(400, 200)
    c.press(400, 200)
    for y in (180, 150, 120, 100):
        c.move(400, y)
        assert _on_route(c, 400, y)  # the arrow itself runs through it, mid-drag
    assert c.process.transition("ab").waypoints == ()  # nothing committed yet
    assert c.stack.count() == 0
    c.release(400, 100)
    assert c.process.transition("ab").waypoints == (Position(400, 100),)
    assert c.stack.count() == 1
    c.scene.flush_pending()
    assert _on_route(c, 400, 100)
    c.stack.undo()
    c.scene.flush_pending()
    assert not _on_route(c, 400, 100)
    assert_scene_matches(c.scene)


def test_a_bend_point_is_dragged_to_a_new_place_and_removed_by_a_double_click(canvas):
    c = _open(canvas)
    c.process.set_waypoints("ab", [(400, 100), (560, 100)])
    c.scene.select_ids(transition_ids=["ab"])
    c.drag((560, 100), (560, 300))
    assert c.process.transition("ab").waypoints == (Position(400, 100), Position(560, 300))
    c.scene.select_ids(transition_ids=["ab"])
    QTest.mouseDClick(c.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, c.vp(400, 100))
    assert c.process.transition("ab").waypoints == (Position(560, 300),)
    assert c.stack.count() == 2
    c.stack.undo()
    assert len(c.process.transition("ab").waypoints) == 2


def test_dropping_an_arrows_end_along_its_own_stage_pins_it_there(canvas):
    c = _open(canvas)
    end = c.scene.transition_item("ab").end_point("target")  # B's left side, middle
    b = c.scene.stage_item("b").scene_body_rect()
    c.drag((end.x(), end.y()), (b.center().x() + 35, b.top() + 3))  # onto B's top edge
    t = c.process.transition("ab")
    assert t.target == "b" and t.target_anchor == Anchor("top", 0.75)
    c.scene.flush_pending()
    arrow = c.scene.transition_item("ab")
    assert arrow.end_point("target") == QPointF(b.center().x() + 35, b.top())
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.process.transition("ab").target_anchor is None


def test_the_context_menu_sets_the_arrows_style_and_the_documents(canvas):
    c = _open(canvas)
    menu = canvas_menu(c.editor, QPointF(0, 0))
    subs = {a.text(): a.menu() for a in menu.actions() if a.menu() is not None}
    own, doc = subs["Arrow Style"], subs["Arrow Style of the Document"]
    next(a for a in own.actions() if a.text() == "Orthogonal").trigger()
    assert c.process.transition("ab").style is ArrowStyle.ORTHOGONAL
    next(a for a in doc.actions() if a.text() == "Straight").trigger()
    assert c.process.arrow_style is ArrowStyle.STRAIGHT
    assert c.stack.count() == 2
    c.scene.flush_pending()
    assert not c.scene.transition_item("ab").routed.curved
    c.stack.undo()
    c.stack.undo()
    assert c.process.arrow_style is ArrowStyle.CURVED and c.process.transition("ab").style is None


def test_where_a_dropped_end_is_pinned_and_where_a_new_bend_point_goes():
    r = Rect(100, 100, 200, 100)
    assert anchor_at(r, (150, 102)) == Anchor("top", 0.25)
    assert anchor_at(r, (299, 175)) == Anchor("right", 0.75)
    path = [(0, 0), (100, 0), (100, 100), (200, 100)]
    assert insert_bend_point(path, [(100, 0), (100, 100)], (50, 1)) == 0
    assert insert_bend_point(path, [(100, 0), (100, 100)], (101, 50)) == 1
    assert insert_bend_point(path, [(100, 0), (100, 100)], (150, 99)) == 2
