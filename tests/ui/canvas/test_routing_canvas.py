"""Arrows on the canvas go around stages in their way, and straighten again once the
blocker moves away (by the undo command or by dragging it); handles, labels and
hit-testing follow the routed path."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from salesdesigner.model import Position, Transition
from tests.samples import blocked_process
from tests.ui.edit_commands import move_command

from .conftest import assert_scene_matches


def _crosses(path: QPainterPath, rect: QRectF) -> bool:
    """Whether the drawn line enters ``rect`` (``QPainterPath.intersects`` would treat
    the open path as a filled area)."""
    return any(rect.contains(path.pointAtPercent(i / 400)) for i in range(401))


def test_an_arrow_goes_around_the_stage_between_its_ends(canvas):
    process = blocked_process()
    process.add_transition(Transition("ac", "a", "c"))
    c = canvas(process)
    arrow = c.scene.transition_item("ab")
    blocker = c.scene.stage_item("c").sceneBoundingRect()
    assert not arrow.routed.curved
    assert not _crosses(arrow.path(), blocker)
    assert not arrow.label_rect().intersects(blocker)
    assert c.scene.transition_item("ac").routed.curved  # its neighbour stays a curve


def test_moving_the_blocker_by_the_undo_command_straightens_the_arrow_and_undo_reroutes(canvas):
    c = canvas(blocked_process())
    arrow = c.scene.transition_item("ab")
    c.stack.push(move_command(c.process, {"c": Position(460, 360)}))
    c.scene.flush_pending()
    assert arrow.routed.curved
    assert not _crosses(arrow.path(), c.scene.stage_item("c").sceneBoundingRect())
    c.stack.undo()
    c.scene.flush_pending()
    assert not arrow.routed.curved
    assert not _crosses(arrow.path(), c.scene.stage_item("c").sceneBoundingRect())
    assert_scene_matches(c.scene)


def test_dragging_a_stage_into_the_way_reroutes_the_arrow_when_the_drag_ends(canvas):
    p = blocked_process()
    p.update_stage("c", position=Position(460, 360))
    c = canvas(p)
    arrow = c.scene.transition_item("ab")
    assert arrow.routed.curved
    c.drag((460, 360), (460, 200))
    c.scene.flush_pending()
    assert c.process.stage("c").position == Position(460, 200)
    assert not arrow.routed.curved
    assert not _crosses(arrow.path(), c.scene.stage_item("c").sceneBoundingRect())
    c.drag((460, 200), (460, 380))  # and out of the way again
    c.scene.flush_pending()
    assert arrow.routed.curved


def test_an_arrow_a_dragged_stage_moves_into_goes_around_it_during_the_drag(canvas):
    p = blocked_process()
    p.update_stage("c", position=Position(460, 360))
    c = canvas(p)
    arrow = c.scene.transition_item("ab")
    c.move(460, 360)
    c.press(460, 360)
    for step in range(1, 5):
        c.move(460, 360 - 40 * step)  # C rises into the row between A and B
    blocker = c.scene.stage_item("c").sceneBoundingRect()
    assert c.process.stage("c").position == Position(460, 360)  # not released yet
    assert not arrow.routed.curved and not _crosses(arrow.path(), blocker)
    c.release(460, 200)


def test_an_arrow_attached_to_a_dragged_stage_reroutes_while_the_drag_goes_on(canvas):
    c = canvas(blocked_process())
    arrow = c.scene.transition_item("ab")
    c.move(720, 200)
    c.press(720, 200)
    for step in range(1, 5):
        c.move(720, 200 + 50 * step)  # Won moves down, out of C's row
    blocker = c.scene.stage_item("c").sceneBoundingRect()
    assert not _crosses(arrow.path(), blocker)
    target = c.scene.stage_item("b")
    end = arrow.end_point("target")
    assert target.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(end)
    c.release(720, 400)


def test_a_routed_arrow_is_selected_by_a_click_on_its_detour_and_reconnects_by_its_end(canvas):
    c = canvas(blocked_process())
    arrow = c.scene.transition_item("ab")
    pts = arrow.routed.points
    (x0, y0), (x1, y1) = max(itertools.pairwise(pts), key=lambda s: abs(s[0][0] - s[1][0]))
    mid = QPointF((x0 + x1) / 2 + 30, (y0 + y1) / 2)  # on the long stretch, off the label
    assert arrow.shape().contains(mid)
    c.scene.select_ids(transition_ids=["ab"])
    assert arrow.shape().contains(arrow.end_point("source"))
    end = arrow.end_point("source")
    c.drag((end.x(), end.y()), (460, 200))  # drop its tail onto C
    assert c.process.transition("ab").source == "c"
    c.scene.flush_pending()
    assert arrow.routed.curved  # C → B are neighbours
    assert_scene_matches(c.scene)


def test_adding_a_stage_in_the_way_and_deleting_it_reroute_the_arrow(canvas):
    c = canvas(blocked_process())
    c.scene.select_ids(["c"])
    c.editor.delete_selection()
    c.scene.flush_pending()
    arrow = c.scene.transition_item("ab")
    assert arrow.routed.curved
    c.stack.undo()
    c.scene.flush_pending()
    assert not arrow.routed.curved
    assert not _crosses(arrow.path(), c.scene.stage_item("c").sceneBoundingRect())


def test_after_auto_layout_and_its_undo_no_arrow_crosses_a_stage(canvas):
    from benchmarks.synthetic import synthetic_process
    from salesdesigner.model.geometry import stage_rect
    from salesdesigner.model.routing import _segment_meets

    c = canvas(synthetic_process(90, seed=5))
    for step in ("layout", "undo"):
        if step == "layout":
            c.editor.auto_layout()
        else:
            c.stack.undo()
        c.scene.flush_pending()
        rects = {s.id: stage_rect(s) for s in c.process.stages}
        for t in c.process.transitions:
            line = c.scene.transition_item(t.id).routed.flattened(32)
            for sid, rect in rects.items():
                if sid not in (t.source, t.target):
                    assert not any(_segment_meets(a, b, rect, 0.0)
                                   for a, b in itertools.pairwise(line)), (step, t.id, sid)


def _hub_process():
    """Five stages and one more, "m", each with an arrow into one lost stage (a crowded
    side of ports), as the generated processes' "Lost" stage with its 140 arrows."""
    from salesdesigner.model import Process, Stage, StageKind

    p = Process(name="hub")
    p.add_stage(Stage("hub", "失注", StageKind.LOST, position=Position(900, 340)))
    for k in range(5):
        p.add_stage(Stage(f"s{k}", f"s{k}", position=Position(200, 80 + 130 * k)))
        p.add_transition(Transition(f"t{k}", f"s{k}", "hub"))
    p.add_stage(Stage("m", "m", position=Position(-250, 640)))  # left of the others
    p.add_transition(Transition("tm", "m", "hub"))
    return p


def test_dragging_a_stage_redraws_only_its_own_arrows_and_the_far_ports_respread_on_release(
        canvas):
    """While "m" is dragged past the others, the arrows into the shared stage stay as they
    are (re-spreading its ports would redraw every arrow there on every mouse move); on
    release they take the ports a fresh drawing gives them."""
    from salesdesigner.model.routing import process_routes

    c = canvas(_hub_process())
    others = {f"t{k}": c.scene.transition_item(f"t{k}") for k in range(5)}
    before = {tid: item.routed for tid, item in others.items()}
    c.move(-250, 640)
    c.press(-250, 640)
    for step in range(1, 9):
        c.move(-250, 640 - 70 * step)  # m rises past s4, s3, s2 …
        assert all(item.routed is before[tid] for tid, item in others.items())
    dragged = c.scene.transition_item("tm")
    assert dragged.routed.start[1] < 300  # its own arrow followed
    c.release(-250, 80)
    c.scene.flush_pending()
    fresh = process_routes(c.process)
    for tid, item in c.scene.transition_items().items():
        assert (item.routed.start, item.routed.end) == (fresh[tid].start, fresh[tid].end)
    assert any(others[tid].routed.end != before[tid].end for tid in others)


def test_labels_of_opposite_arrows_across_one_gap_sit_apart_beside_them(canvas):
    """見積依頼 down and 再調整 back up between two stacked stages: two arrows side by
    side, each label beside its own arrow, not one label over the other."""
    from salesdesigner.model import Process, Stage

    p = Process(name="pair", language="ja")
    p.add_stage(Stage("a", "商談", position=Position(300, 200)))
    p.add_stage(Stage("b", "見積", position=Position(316, 460)))
    p.add_transition(Transition("ab", "a", "b", label="見積依頼"))
    p.add_transition(Transition("ba", "b", "a", label="再調整"))
    c = canvas(p)
    down, up = c.scene.transition_item("ab"), c.scene.transition_item("ba")
    assert not down.label_rect().isEmpty() and not up.label_rect().isEmpty()
    assert not down.label_rect().intersects(up.label_rect())
    for item in (down, up):  # beside its own arrow: the line does not run through it
        rect = item.label_rect()
        assert not any(rect.contains(item.path().pointAtPercent(i / 100)) for i in range(101))
