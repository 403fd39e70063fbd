"""The canvas draws the routes the PDF and HTML draw (ports, detours, steering), and
re-routes at once when a stage in the way moves or disappears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from salesdesigner.model import Anchor, ArrowStyle, Position, Process, Stage, Transition
from salesdesigner.model.route_quality import check_routes
from salesdesigner.model.routing import process_routes
from salesdesigner.storage.templates import load_template
from tests.samples import blocked_process

from .conftest import assert_scene_matches


def _canvas_routes(c) -> dict:
    c.scene.flush_pending()
    return {tid: item.routed for tid, item in c.scene.transition_items().items()}


@pytest.mark.parametrize("name", ["eight-step", "the-model"])
def test_an_opened_template_shows_the_same_routes_as_the_pdf_and_html(canvas, name):
    c = canvas(load_template(name, "ja"))
    assert _canvas_routes(c) == process_routes(c.process)


def _hand_drawn() -> Process:
    p = Process(name="手書き", language="ja")
    for sid, name, x, y in (("list", "リスト作成", 160, 120), ("call", "テレアポ", 480, 120),
                            ("hear", "ヒアリング", 260, 340), ("prop", "提案", 600, 340)):
        p.add_stage(Stage(sid, name, position=Position(x, y)))
    for tid, a, b in (("t1", "list", "call"), ("t2", "call", "hear"), ("t3", "hear", "prop")):
        p.add_transition(Transition(tid, a, b))
    return p


def test_hand_drawn_arrows_keep_their_own_ends_while_a_stage_is_dragged_about(canvas):
    c = canvas(_hand_drawn())
    hear = c.scene.stage_item("hear")
    t2, t3 = c.scene.transition_item("t2"), c.scene.transition_item("t3")
    assert t2.end_point("target") == hear.anchor("top")  # down into ヒアリング, not beside
    assert t3.end_point("source") == hear.anchor("right")
    c.drag((260, 340), (260, 140))  # ヒアリング beside リスト作成, left of テレアポ: leftwards
    routes = _canvas_routes(c)
    assert routes == process_routes(c.process)
    q = check_routes(c.process, routes)
    assert q.honest, (q.overlaps, q.shared_ends, q.through_stages)
    assert_scene_matches(c.scene)


@pytest.mark.parametrize("flush_between", [True, False])
def test_deleting_a_pasted_copy_in_an_arrows_way_straightens_the_arrow_at_once(canvas,
                                                                              flush_between):
    p = blocked_process()
    p.update_stage("c", position=Position(460, 360))  # out of the way of A → B
    c = canvas(p)
    arrow = c.scene.transition_item("ab")
    assert arrow.routed.curved
    c.scene.select_ids(["c"])
    c.editor.copy_selection()
    c.editor.paste(QPointF(460, 200))  # the copy lands between A and B
    if flush_between:
        c.scene.flush_pending()
        assert not arrow.routed.curved  # around the copy
    copy_id = next(s for s in c.process.stage_ids if s not in ("a", "b", "c"))
    assert c.scene.selected_stage_ids() == [copy_id]
    c.editor.delete_selection()
    c.scene.flush_pending()
    assert arrow.routed == process_routes(c.process)["ab"]
    assert arrow.routed.curved  # no detour around the stage that is gone


@pytest.mark.parametrize("name", ["eight-step", "the-model"])
def test_after_pasting_a_copy_of_any_stage_and_deleting_it_the_arrows_are_as_before(canvas,
                                                                                   name):
    """The reported case: a pasted copy (offset from its original) pushes an arrow's
    detour far around both; once the copy is deleted the arrow straightens at once,
    though its detour never came near where the copy was."""
    c = canvas(load_template(name, "ja"))
    stale = []
    for sid in list(c.process.stage_ids):
        c.scene.select_ids([sid])
        c.editor.copy_selection()
        c.editor.paste()
        c.scene.flush_pending()
        c.editor.delete_selection()
        fresh = process_routes(c.process)
        stale += [(sid, tid) for tid, r in _canvas_routes(c).items() if r != fresh[tid]]
    assert stale == []


def test_moving_a_stage_away_straightens_the_arrow_and_ports_re_spread(canvas):
    p = blocked_process()
    p.add_transition(Transition("ac", "a", "c"))
    c = canvas(p)
    c.process.move_stage("c", Position(460, 600))
    assert _canvas_routes(c) == process_routes(c.process)
    assert c.scene.transition_item("ab").routed.curved


def test_steered_arrows_follow_their_bend_points_pinned_ends_and_styles(canvas):
    c = canvas(blocked_process())
    arrow = c.scene.transition_item("ab")
    c.process.set_waypoints("ab", [Position(460, 80)])  # over C, where the manager wants it
    c.process.set_anchor("ab", "source", Anchor("top", 0.5))
    c.scene.flush_pending()
    assert arrow.end_point("source") == c.scene.stage_item("a").anchor("top")
    assert arrow.routed.curved and len(arrow.routed.points) == 7  # smooth, through the point
    assert (460, 80) in arrow.routed.points
    c.process.set_arrow_style("ab", ArrowStyle.ORTHOGONAL)
    pts = arrow.routed.points
    assert not arrow.routed.curved and any(  # on one of its stretches
        min(a[0], b[0]) <= 460 <= max(a[0], b[0]) and min(a[1], b[1]) <= 80 <= max(a[1], b[1])
        for a, b in zip(pts, pts[1:], strict=False))
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(arrow.routed.points,
                                                             arrow.routed.points[1:], strict=False))
    c.process.set_waypoints("ab", [])
    c.process.set_anchor("ab", "source", None)
    c.process.set_arrow_style("ab", None)
    c.process.update_process(arrow_style=ArrowStyle.STRAIGHT)
    assert arrow.routed.corner == 0 and not arrow.routed.curved
    assert _canvas_routes(c) == process_routes(c.process)
    assert_scene_matches(c.scene)


def test_a_pasted_arrow_keeps_its_bend_points_beside_its_pasted_stages(canvas):
    p = blocked_process()
    p.set_waypoints("ab", [Position(460, 80)])
    c = canvas(p)
    c.scene.select_ids(["a", "b"])
    c.editor.copy_selection()
    c.editor.paste(QPointF(460, 600))  # the pair's centre lands 400 lower
    (pasted,) = [t for t in c.process.transitions if t.id != "ab"]
    assert pasted.waypoints == (Position(460, 480),)
    c.scene.flush_pending()
    assert (460, 480) in c.scene.transition_item(pasted.id).routed.points
