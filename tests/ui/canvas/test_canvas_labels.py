"""Arrow labels on the canvas are placed apart by the one rule the PDF and the HTML map use
(:func:`~salesdesigner.model.labels_layout.place_labels`): no two pills overlap and each
sits nearest its own arrow — on the templates, generated processes and random layouts."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.bench_routing import random_layout
from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Lane, Position, Process, Stage, StageKind, Transition
from salesdesigner.model.labels_layout import STRANGER_GAP, place_labels
from salesdesigner.storage.templates import load_template

TEMPLATES = [("eight-step", "ja"), ("eight-step", "en"), ("the-model", "ja"),
             ("the-model", "en")]


def three_exits() -> Process:
    """A decision with three exits (高 / 中 / 低, 低 looping back) and a stranger beside."""
    p = Process(name="分岐", language="ja")
    p.add_lane(Lane("is", "インサイドセールス", "#4C78A8", 400))
    for sid, name, kind, x, y in [
            ("a", "リスト作成", StageKind.START, 150, 150),
            ("b", "テレアポ", StageKind.STAGE, 400, 150),
            ("d", "温度感は？", StageKind.DECISION, 680, 150),
            ("h", "提案", StageKind.STAGE, 960, 60),
            ("m", "ナーチャリング", StageKind.STAGE, 960, 240),
            ("l", "失注", StageKind.LOST, 960, 360)]:
        p.add_stage(Stage(sid, name, kind, "is", Position(x, y)))
    for tid, a, b, label in [("t1", "a", "b", "開始"), ("t2", "b", "d", "会話"),
                             ("t3", "d", "h", "高"), ("t4", "d", "m", "中"),
                             ("t5", "d", "b", "低"), ("t6", "m", "b", "再アプローチ"),
                             ("t7", "d", "l", "見込みなし")]:
        p.add_transition(Transition(tid, a, b, label))
    return p


def _labels(c) -> dict:
    """Each labelled arrow item by id, once the scene has settled and placed its labels."""
    c.scene.flush_pending()
    c.scene.labels.settle()
    return {tid: item for tid, item in c.scene.transition_items().items()
            if not item.label_rect().isNull()}


def _distance(rect, line) -> float:
    """Least distance from a rectangle to a polyline (sampled every few units)."""
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        n = max(1, math.ceil(math.dist((ax, ay), (bx, by)) / 2))
        for i in range(n + 1):
            x, y = ax + (bx - ax) * i / n, ay + (by - ay) * i / n
            dx = max(rect.left() - x, 0.0, x - rect.right())
            dy = max(rect.top() - y, 0.0, y - rect.bottom())
            best = min(best, math.hypot(dx, dy))
    return best


def assert_labels_apart(c) -> dict:
    """No two label pills overlap; returns the pills by arrow id."""
    items = _labels(c)
    rects = {tid: item.label_rect() for tid, item in items.items()}
    for (ka, a), (kb, b) in itertools.combinations(rects.items(), 2):
        inter = a.intersected(b)
        assert inter.width() <= 0 or inter.height() <= 0, (ka, kb)
    return rects


def assert_labels_apart_and_on_their_own_arrows(c) -> None:
    rects = assert_labels_apart(c)
    lines = {tid: item.routed.flattened(24) for tid, item in
             c.scene.transition_items().items()}
    for tid, rect in rects.items():
        own = _distance(rect, lines[tid])
        near = rect.adjusted(-own - 1, -own - 1, own + 1, own + 1)
        for other, line in lines.items():
            xs, ys = [p[0] for p in line], [p[1] for p in line]
            if other == tid or max(xs) < near.left() or min(xs) > near.right() \
                    or max(ys) < near.top() or min(ys) > near.bottom():
                continue
            assert own < _distance(rect, line), (tid, other, c.process.transition(tid).label)


def assert_placed_by_the_shared_rule(c) -> None:
    """The canvas's spots are place_labels's for the canvas's own routes and pills."""
    items = _labels(c)
    order = [t.id for t in c.process.transitions if t.id in items]
    every = c.scene.transition_items()
    spots = place_labels({tid: every[tid].routed for tid in order},
                         {tid: every[tid].label_size for tid in order}, c.scene.routes.index,
                         ends={tid: (every[tid].source.stage.id, every[tid].target.stage.id)
                               for tid in order}, near=STRANGER_GAP, beside=True)
    assert {tid: items[tid].label_center() for tid in order} == spots


@pytest.mark.parametrize(("name", "lang"), TEMPLATES)
def test_template_labels_sit_apart_each_on_its_own_arrow(canvas, name, lang):
    c = canvas(load_template(name, lang))
    assert_labels_apart_and_on_their_own_arrows(c)
    assert_placed_by_the_shared_rule(c)


def test_a_decision_with_three_exits_keeps_its_labels_apart_on_their_arrows(canvas):
    c = canvas(three_exits())
    assert_labels_apart_and_on_their_own_arrows(c)
    assert_placed_by_the_shared_rule(c)


def test_generated_process_labels_sit_apart_each_on_its_own_arrow(canvas):
    c = canvas(synthetic_process(40))
    assert_labels_apart_and_on_their_own_arrows(c)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000))
def test_random_layout_labels_never_overlap(canvas, seed):
    """Every arrow labelled, some long.  (Nearest its own arrow is not pinned here: an
    arrow crossed along its whole length by others, as in seed 2005, keeps its label at
    the nearest spot clear of pills and stages, on the crossing.)"""
    p = random_layout(seed)
    for t in list(p.transitions):
        p.update_transition(t.id, label=f"{t.id} {'条件' * (seed % 4)}")
    c = canvas(p)
    assert_labels_apart(c)
    assert_placed_by_the_shared_rule(c)


def test_labels_follow_an_edit_and_wait_while_zoomed_out(canvas, qtbot):
    """Placed again after a move; not placed at all while the view is too far out to
    draw them (a big process fitted in the window), and placed once zoomed in."""
    c = canvas(three_exits())
    _labels(c)
    c.view.set_zoom(0.3)
    c.editor.move_stages({"m": Position(960, 150)})
    c.scene.flush_pending()
    qtbot.wait(20)
    assert c.scene.labels.pending  # nothing placed while labels are not drawn
    c.view.set_zoom(1.0)
    qtbot.waitUntil(lambda: not c.scene.labels.pending)
    assert_labels_apart_and_on_their_own_arrows(c)
    assert_placed_by_the_shared_rule(c)
