"""The overview diagram draws the shared routes: an arrow past a stage goes around it on
the page too, exactly where the canvas draws it."""

from __future__ import annotations

import io
import re

from reportlab.pdfgen.canvas import Canvas

from salesdesigner.export.pdf.diagram import DiagramFlowable, Scene, scene_area
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.presentation import Words as Labels
from salesdesigner.model.routing import process_routes
from tests.samples import blocked_process


class _Recording(Canvas):
    """A reportlab canvas that keeps the operators of every stroked path."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.strokes: list[str] = []

    def drawPath(self, aPath, stroke=1, fill=0, *args, **kw):
        if stroke and not fill:
            self.strokes.append(aPath.getCode())
        return super().drawPath(aPath, stroke, fill, *args, **kw)


def test_the_overview_arrow_goes_around_the_stage_in_its_way():
    process = blocked_process()
    ts = Typesetter(Labels("en").japanese)
    scene = Scene(process, scene_area(process), {s.id: n for n, s in
                                                 enumerate(process.stages, 1)}, {}, ts)
    assert scene.routes == process_routes(process)  # the canvas's routes
    flow = DiagramFlowable(scene, scene.area, 1.0)
    canv = _Recording()
    flow.canv = canv
    flow._arrows()
    assert len(canv.strokes) == 1
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", canv.strokes[0])]
    page = list(zip(numbers[0::2], numbers[1::2], strict=False))
    scene_pts = [(x + flow.view.x, flow.height - y + flow.view.y) for x, y in page]
    blocker = stage_rect(process.stage("c"))
    assert len(scene_pts) > 4  # an orthogonal path with rounded corners, not one curve
    for x, y in scene_pts:
        assert not (blocker.x <= x <= blocker.right and blocker.y <= y <= blocker.bottom)
    a, b = stage_rect(process.stage("a")), stage_rect(process.stage("b"))
    assert scene_pts[0] == (a.x + a.width / 2, a.bottom) or scene_pts[0][0] == a.right
    assert abs(scene_pts[-1][0] - (b.x + b.width / 2)) < 1e-6 or scene_pts[-1][0] == b.x
