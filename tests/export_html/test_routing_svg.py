"""The HTML map draws the shared routes: an arrow past a stage goes around it, and the
picture is tall enough for loops that sink below the stages."""

from __future__ import annotations

import re

from salesdesigner.export.html.svg import diagram_svg
from salesdesigner.model import Position, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.routing import process_routes
from tests.samples import blocked_process

LABELS = {"diagram_label": "Flow", "untitled": "(untitled)"}


def _blocked() -> Process:
    """The shared blocked row, plus a stage below and a loop back to the first."""
    p = blocked_process("signed <b>")
    p.add_stage(Stage("n", "Nurture", StageKind.STAGE, "l", Position(460, 340)))
    p.add_transition(Transition("ac", "a", "c"))
    p.add_transition(Transition("cn", "c", "n"))
    p.add_transition(Transition("na", "n", "a", "retry"))
    return p


def _paths(svg: str) -> list[list[tuple[float, float]]]:
    out = []
    for d in re.findall(r'<path class="edge[^"]*" d="([^"]+)"', svg):
        nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
        out.append(list(zip(nums[0::2], nums[1::2], strict=False)))
    return out


def test_svg_arrows_follow_the_shared_routes_and_avoid_the_stage_in_between():
    process = _blocked()
    svg = diagram_svg(process, LABELS)
    paths = _paths(svg)
    routes = process_routes(process)
    assert len(paths) == len(process.transitions)
    blocker = stage_rect(process.stage("c"))
    for t, pts in zip(process.transitions, paths, strict=False):
        r = routes[t.id]
        assert pts[0] == r.start and pts[-1] == r.end  # the same route as canvas and PDF
        if t.id == "ab":
            assert not r.curved
            for x, y in pts:
                assert not (blocker.x <= x <= blocker.right and blocker.y <= y <= blocker.bottom)
    assert "signed &lt;b&gt;" in svg  # labels still escaped


def test_the_svg_view_box_holds_every_route():
    process = _blocked()
    svg = diagram_svg(process, LABELS)
    vx, vy, vw, vh = (float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    for pts in _paths(svg):
        for x, y in pts:
            assert vx <= x <= vx + vw and vy <= y <= vy + vh
