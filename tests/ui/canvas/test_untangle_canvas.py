"""The canvas runs the whole-document router's last pass too: once a move has ended, an
arrow routed before another came to lie along it (or on its end) looks again, so the
screen never shows a tangle the PDF draws clean.  Drags stay cheap: the pass waits for
the release."""

from __future__ import annotations

import pytest

from salesdesigner.model import Position, Process, Stage, StageKind, Transition
from salesdesigner.model.route_quality import check_routes
from salesdesigner.model.routing import process_routes, tangled

K = StageKind


def _layout(stages, transitions) -> Process:
    p = Process(name="hand placed")
    for sid, kind, x, y in stages:
        p.add_stage(Stage(sid, sid, kind, position=Position(x, y)))
    for src, dst in transitions:
        p.add_transition(Transition(f"t{src[1:]}-{dst[1:]}", src, dst))
    return p


def _nine_a() -> Process:
    """Nine stages placed by hand (a random layout the routing benchmark draws)."""
    return _layout(
        [("s0", K.DECISION, 747, 299), ("s1", K.STAGE, 144, 504), ("s2", K.LOST, 131, 88),
         ("s3", K.STAGE, 1361, 698), ("s4", K.STAGE, 1262, 305), ("s5", K.LOST, 452, 509),
         ("s6", K.STAGE, 743, 110), ("s7", K.STAGE, 467, 296), ("s8", K.DECISION, 1369, 491)],
        [("s2", "s8"), ("s3", "s1"), ("s5", "s4"), ("s5", "s1"), ("s5", "s8"), ("s6", "s0"),
         ("s7", "s2")])


def _nine_b() -> Process:
    return _layout(
        [("s0", K.LOST, 735, 511), ("s1", K.START, 1051, 94), ("s2", K.LOST, 355, 486),
         ("s3", K.DECISION, 538, 700), ("s4", K.START, 735, 306), ("s5", K.START, 1560, 376),
         ("s6", K.DECISION, 1330, 86), ("s7", K.STAGE, 139, 503), ("s8", K.DECISION, 1047, 507)],
        [("s0", "s4"), ("s0", "s8"), ("s2", "s4"), ("s3", "s0"), ("s3", "s8"), ("s4", "s7"),
         ("s4", "s1"), ("s4", "s2"), ("s7", "s8"), ("s7", "s2"), ("s7", "s6"), ("s8", "s0"),
         ("s8", "s4")])


def _canvas_routes(c) -> dict:
    c.scene.flush_pending()
    return {tid: item.routed for tid, item in c.scene.transition_items().items()}


@pytest.mark.parametrize(("make", "stage", "to"), [(_nine_a, "s8", (1469, 371)),
                                                   (_nine_b, "s1", (1151, 94))])
def test_after_a_move_no_arrow_stays_tangled_that_the_pdf_draws_clean(canvas, make, stage,
                                                                       to):
    """The move a drag's release pushes: before this pass, one arrow kept its end on
    another's line (a shared end) on screen, while the PDF's routes were honest."""
    c = canvas(make())
    c.editor.move_stages({stage: Position(*to)})
    routes = _canvas_routes(c)
    assert check_routes(c.process, process_routes(c.process)).honest  # what the PDF draws
    q = check_routes(c.process, routes)
    assert q.honest, (q.overlaps, q.shared_ends)
    segments = c.scene.routes.segments
    assert [tid for tid, r in routes.items() if tangled(r, tid, segments)] == []


def test_the_tangle_pass_waits_for_the_end_of_a_drag(canvas):
    """While the mouse moves, tangles are only noted; the release's re-route resolves
    them (and forgets them)."""
    c = canvas(_nine_b())
    item = c.scene.stage_item("s4")
    c.view.centerOn(item)
    c.move(735, 306)
    c.press(735, 306)
    for k in range(1, 6):
        c.move(735 + 12 * k, 306 + 20 * k)
    c.release(795, 406)
    routes = _canvas_routes(c)
    assert c.scene.routes.segments.tangles == set()
    segments = c.scene.routes.segments
    assert [tid for tid, r in routes.items() if tangled(r, tid, segments)] == []


def _editor(process):
    from PySide6.QtGui import QUndoStack

    from salesdesigner.ui.canvas.editor import CanvasEditor

    return CanvasEditor(process, QUndoStack())


def _drawn(editor) -> dict:
    return {tid: item.routed.points for tid, item in editor.scene.transition_items().items()}


def _opened() -> Process:
    """Six stages placed by hand (the benchmark's random layout 320): opening it, one
    arrow lies along another until the tangle pass looks again."""
    return _layout(
        [("s0", K.START, 1335, 108), ("s1", K.START, 169, 504), ("s2", K.DECISION, 1065, 509),
         ("s3", K.LOST, 740, 500), ("s4", K.LOST, 145, 700), ("s5", K.DECISION, 431, 500)],
        [("s2", "s4"), ("s3", "s0"), ("s4", "s3"), ("s5", "s1"), ("s5", "s2")])


def test_an_opened_document_untangles_after_it_paints_and_ends_as_the_eager_pass(qtbot):
    """Opening 1,000 stages paid the tangle pass (143 arrows, ~0.9 s) before the first
    paint.  It runs after it now, a slice at a time, and leaves every arrow where the pass
    run at once leaves it."""
    from salesdesigner.ui.canvas.view import ProcessView

    later = _editor(_opened())
    untangled = _drawn(later)
    assert later.scene.routes.untangling  # listed, not yet looked at
    qtbot.wait(20)
    assert later.scene.routes.untangling  # no view has painted it yet
    at_once = _editor(_opened())
    at_once.scene.flush_pending()  # finishes the pass now
    assert not at_once.scene.routes.untangling
    view = ProcessView(later.scene)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not later.scene.routes.untangling, timeout=10_000)
    assert _drawn(later) == _drawn(at_once) != untangled  # the pass moved an arrow
    q = check_routes(later.process, {tid: i.routed for tid, i in
                                     later.scene.transition_items().items()})
    assert q.honest, (q.overlaps, q.shared_ends)
    for e in (later, at_once):
        e.detach()


def test_an_edit_before_the_deferred_pass_ends_finishes_it_first():
    moved = {"s5": Position(1560, 560)}
    early = _editor(_opened())
    early.move_stages(moved)  # the pass is still listed: the edit's re-route finishes it
    early.scene.flush_pending()
    settled = _editor(_opened())
    settled.scene.flush_pending()
    settled.move_stages(moved)
    settled.scene.flush_pending()
    assert _drawn(early) == _drawn(settled)
    for e in (early, settled):
        e.detach()


@pytest.mark.parametrize("seed", [349, 380, 96])
def test_stages_moved_close_on_the_canvas_leave_no_arrow_on_another_or_through_a_stage(
        qapp, seed):
    """The benchmark's random layouts, four stages then moved close to others (each move
    one undo step, re-routed as a release re-routes): walled-in arrows took the middle of
    another side, another arrow's port there (349, 380), a loop ran through the stage
    below its port (96).  The screen draws them honestly, as the paper does."""
    from benchmarks.bench_routing import canvas_routes

    p, routes = canvas_routes(seed)
    q = check_routes(p, routes)
    assert q.overlaps == set() and q.shared_ends == set(), (q.overlaps, q.shared_ends)
    assert q.through_stages == set(), q.through_stages
