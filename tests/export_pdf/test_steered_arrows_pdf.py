"""The PDF overview draws arrows the manager steered through their bend points, in their
style, exactly where the canvas and the HTML map draw them."""

from __future__ import annotations

import re

from salesdesigner.export.pdf.diagram import DiagramFlowable, Scene, scene_area
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model import ArrowStyle, Position
from salesdesigner.model.presentation import Words as Labels
from salesdesigner.model.routing import process_routes
from tests.export_pdf.test_routing_pdf import _Recording
from tests.samples import blocked_process


def _stroke_points(process) -> list[tuple[float, float]]:
    ts = Typesetter(Labels("en").japanese)
    scene = Scene(process, scene_area(process), {s.id: n for n, s in
                                                 enumerate(process.stages, 1)}, {}, ts)
    assert scene.routes == process_routes(process)
    flow = DiagramFlowable(scene, scene.area, 1.0)
    canv = _Recording()
    flow.canv = canv
    flow._arrows()
    (code,) = canv.strokes
    assert " c" not in code or process.arrow_style is not ArrowStyle.STRAIGHT
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", code)]
    return [(round(x + flow.view.x, 6), round(flow.height - y + flow.view.y, 6))
            for x, y in zip(numbers[0::2], numbers[1::2], strict=False)]


def test_a_steered_straight_arrow_runs_through_its_bend_points_on_the_page():
    p = blocked_process()
    p.set_waypoints("ab", [Position(300, 40), Position(620, 40)])
    p.update_process(arrow_style=ArrowStyle.STRAIGHT)
    pts = _stroke_points(p)
    assert (300, 40) in pts and (620, 40) in pts
    assert len(pts) == 4  # port, two bend points, port: straight lines only
