"""Big documents: 1,000 stages open, paint and drag; 5,000 still work (speed: benchmarks)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Position
from salesdesigner.model.geometry import snap
from tests.ui.canvas.conftest import assert_scene_matches


def _render(scene, view) -> None:
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render(painter)
    painter.end()


def test_a_1000_stage_process_opens_paints_and_drags(canvas):
    """How fast is benchmarks/bench_gui's business; here: it all works at this size."""
    process = synthetic_process(1000)
    c = canvas(process)
    c.view.zoom_fit()
    _render(c.scene, c.view)
    assert len(c.scene.stage_items()) == 1000
    c.view.zoom_reset()
    c.view.center_on_stage("s500")
    item = c.scene.stage_item("s500")
    x, y = item.pos().x(), item.pos().y()
    c.drag((x, y), (x + 40, y + 40), steps=20)
    assert process.stage("s500").position == Position(snap(x + 40), snap(y + 40))
    assert_scene_matches(c.scene)


def test_a_5000_stage_process_builds_fits_and_renders_without_crashing(canvas):
    c = canvas(synthetic_process(5000))
    c.view.zoom_fit()
    _render(c.scene, c.view)
    assert len(c.scene.stage_items()) == 5000
    assert c.scene.content_rect().contains(QRectF(c.scene.stage_item("won").sceneBoundingRect()))
