"""The HTML map draws arrows the manager steered: through their bend points, from their
pinned ends, in their style."""

from __future__ import annotations

import re

from salesdesigner.export.html.svg import diagram_svg
from salesdesigner.model import Anchor, ArrowStyle, Position
from salesdesigner.model.geometry import stage_rect
from tests.samples import blocked_process

LABELS = {"diagram_label": "Flow", "untitled": "(untitled)"}


def _edge(svg: str) -> str:
    return re.findall(r'<path class="edge[^"]*" d="([^"]+)"', svg)[0]


def _points(d: str) -> list[tuple[float, float]]:
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(nums[0::2], nums[1::2], strict=False))


def test_a_straight_arrow_through_bend_points_from_a_pinned_end_is_drawn_so():
    p = blocked_process()
    p.set_waypoints("ab", [Position(460, 60), Position(720, 60)])
    p.set_anchor("ab", "source", Anchor("top", 0.5))
    p.set_arrow_style("ab", ArrowStyle.STRAIGHT)
    d = _edge(diagram_svg(p, LABELS))
    a, b = stage_rect(p.stage("a")), stage_rect(p.stage("b"))
    assert "C" not in d  # straight: sharp corners
    assert _points(d) == [(200, a.y), (460, 60), (720, 60), (720, b.y)]


def test_the_document_style_curves_an_arrow_through_its_bend_point():
    p = blocked_process()
    p.set_waypoints("ab", [Position(460, 60)])
    p.update_process(arrow_style=ArrowStyle.CURVED)
    d = _edge(diagram_svg(p, LABELS))
    assert d.count("C") == 2 and (460, 60) in _points(d)  # two smooth pieces meeting there
