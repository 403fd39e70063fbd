"""The shortcuts that make a big canvas open fast keep the drawing exactly as before: arrow
geometry computed without measuring paths, arrows following a drag without ``itemChange``,
selected arrows lifted by the scene, the measured content rectangle kept between changes,
and a dropped scene actually freed."""

from __future__ import annotations

import gc
import math
import weakref

from PySide6.QtCore import QPointF

from benchmarks.synthetic import synthetic_process
from salesdesigner.edits.stages import relabel
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.transition_item import ARROW_SIZE

from .conftest import assert_scene_matches


def _close(a: QPointF, b: QPointF, tolerance: float) -> bool:
    return math.hypot(a.x() - b.x(), a.y() - b.y()) <= tolerance


def test_arrow_ends_heads_and_labels_agree_with_the_drawn_path(qtbot):
    process = synthetic_process(120, seed=3)
    scene = ProcessScene(process)
    try:
        arrows = scene.transition_items().values()
        assert any(a.back for a in arrows) and any(not a.back for a in arrows)
        for arrow in arrows:
            path = arrow.path()
            start, end = arrow.end_point("source"), arrow.end_point("target")
            assert _close(start, path.pointAtPercent(0.0), 1e-6)
            assert _close(end, path.pointAtPercent(1.0), 1e-6)
            head = arrow.arrowhead()
            assert _close(head.at(0), end, 1e-9)
            angle = math.radians(path.angleAtPercent(1.0))
            base = QPointF((head.at(1).x() + head.at(2).x()) / 2,
                           (head.at(1).y() + head.at(2).y()) / 2)
            assert _close(base, end - QPointF(math.cos(angle), -math.sin(angle)) * ARROW_SIZE,
                          1e-6)
            label = arrow.label_rect()
            if not label.isNull():
                assert _close(label.center(), path.pointAtPercent(0.5), 0.5)
                assert arrow.boundingRect().contains(label)
            drawn = path.boundingRect()  # may be flat: QRectF.contains says no to those
            assert arrow.boundingRect().contains(drawn.topLeft())
            assert arrow.boundingRect().contains(drawn.bottomRight())
    finally:
        scene.detach()


def test_a_label_that_fits_is_drawn_whole_and_a_long_one_is_elided(canvas):
    c = canvas()
    assert c.scene.transition_item("t1")._label == "qualified"
    c.editor.push(relabel(c.process, "t1", "a very long arrow label " * 10))
    c.scene.flush()
    label = c.scene.transition_item("t1")._label
    assert label.endswith("…") and len(label) < 60
    assert c.scene.transition_item("t1").label_rect().width() <= 140 + 12 + 1


def test_arrows_and_content_follow_a_stage_while_it_is_still_being_dragged(canvas):
    c = canvas()
    arrow = c.scene.transition_item("t1")  # start → prospect
    before = c.scene.content_rect()
    c.move(460, 110)
    c.press(460, 110)
    for step in range(1, 6):
        c.move(460, 110 + 80 * step)
    item = c.scene.stage_item("prospect")
    assert item.pos().y() == 500  # snapped to the grid on the way
    # now below its source: the arrow comes down into its top
    assert _close(arrow.end_point("target"), item.anchor("top"), 1e-9)
    assert c.scene.content_rect().bottom() > before.bottom()
    assert c.stack.count() == 0  # nothing committed before the release
    c.release(460, 510)
    assert c.stack.count() == 1
    assert_scene_matches(c.scene)


def test_a_selected_arrow_is_lifted_above_the_stages_and_lowered_again(canvas):
    c = canvas()
    arrow = c.scene.transition_item("t3")
    assert arrow.zValue() < c.scene.stage_item("won").zValue()
    c.scene.select_ids(transition_ids=["t3"])
    assert arrow.zValue() > c.scene.stage_item("won").zValue()
    c.scene.select_ids(["won"])
    assert arrow.zValue() < c.scene.stage_item("won").zValue()
    arrow.setSelected(True)  # selection made by Qt itself (a click) takes the same path
    assert arrow.zValue() > c.scene.stage_item("won").zValue()
    c.scene.clearSelection()
    assert arrow.zValue() < c.scene.stage_item("won").zValue()


def test_the_selected_arrows_shape_grows_end_handles_and_loses_them(canvas):
    c = canvas()
    arrow = c.scene.transition_item("t3")
    end = arrow.end_point("target") + QPointF(0, 7)  # inside the handle, outside the stroke
    assert not arrow.shape().contains(end)
    c.scene.select_ids(transition_ids=["t3"])
    assert arrow.shape().contains(end)
    c.scene.clearSelection()
    assert not arrow.shape().contains(end)


def test_a_dropped_scene_is_freed_with_its_items(qtbot):
    process = synthetic_process(30, seed=1)
    scene = ProcessScene(process)
    ref = weakref.ref(scene)
    scene.detach()
    del scene
    gc.collect()
    assert ref() is None


def test_fitting_after_a_model_change_measures_the_new_content(canvas):
    c = canvas()
    c.view.zoom_fit()
    c.editor.move_stages({"won": c.process.stage("won").position.__class__(3000, 300)})
    c.view.zoom_fit()  # the flush is still pending: fitting must not use the old size
    assert c.scene.content_rect().right() > 3000
    shown = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert shown.contains(c.scene.stage_item("won").sceneBoundingRect())
