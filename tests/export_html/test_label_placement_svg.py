"""The HTML map draws arrow labels where the shared placement puts them (text widths
estimated as the map estimates them): labels of arrows sharing a channel apart."""

from __future__ import annotations

import html
import itertools
import re

from salesdesigner.export.html.svg import (
    EDGE_FONT,
    EDGE_HALO,
    _char_width,
    diagram_svg,
    edge_labels,
)
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.labels_layout import STRANGER_GAP, place_labels
from salesdesigner.model.routing import ObstacleIndex, process_routes
from tests.samples import shared_channel_process

LABELS = {"diagram_label": "Flow", "untitled": "(untitled)"}


def _texts(svg: str) -> list[tuple[float, float, str]]:
    return [(float(x), float(y), html.unescape(t)) for x, y, t in re.findall(
        r'<text class="edge-label" x="([-\d.]+)" y="([-\d.]+)"[^>]*>(?:<title>.*?</title>)?'
        r'([^<]*)</text>', svg)]


def test_svg_labels_are_drawn_at_the_model_placement_and_apart():
    for language, text in (("en", "disqualified — no budget"), ("ja", "見送り（予算なし）")):
        process = shared_channel_process(text, language)
        routes = process_routes(process)
        placed = edge_labels(process, routes)
        shown = placed["x0"][0]  # the one line the map has room for (maybe cut with …)
        assert shown == text or shown.endswith("…")
        width = sum(_char_width(c) for c in shown) * EDGE_FONT + EDGE_HALO
        size = (width, EDGE_FONT * 1.3 + EDGE_HALO)
        index = ObstacleIndex((s.id, stage_rect(s)) for s in process.stages)
        ends = {t.id: (t.source, t.target) for t in process.transitions}  # as the map asks
        expected = place_labels(routes, dict.fromkeys(("x0", "x1", "x2"), size), index,
                                ends=ends, near=STRANGER_GAP)
        assert {k: at for k, (_t, at) in placed.items()} == expected
        drawn = _texts(diagram_svg(process, LABELS))
        assert len(drawn) == 3
        for k, (x, y) in expected.items():
            assert any(abs(dx - x) < 0.06 and abs(dy - y) < 0.06 and t == shown
                       for dx, dy, t in drawn), k
        boxes = [(x - size[0] / 2, y - size[1] / 2, x + size[0] / 2, y + size[1] / 2)
                 for x, y, _t in drawn]
        for a, b in itertools.combinations(boxes, 2):
            assert not (min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1]))


def test_svg_label_text_stays_escaped_when_placed():
    process = shared_channel_process("<b>no</b> & budget")
    svg = diagram_svg(process, LABELS)
    assert "<b>no</b>" not in svg and "&lt;b&gt;no&lt;/b&gt; &amp; budget" in svg


def _cases():
    from benchmarks.synthetic import synthetic_process
    from salesdesigner.storage.templates import load_template
    yield from (load_template(n, lang) for n in ("the-model", "eight-step")
                for lang in ("ja", "en"))
    yield synthetic_process(40)


def test_map_labels_keep_off_stages_that_are_not_their_arrows_ends():
    """The PDF's rule on the HTML map too: 「CSへ引き継ぎ」 (受注 → オンボーディング) sat
    against the 失注 card, reading as its arrow's.  Every pill keeps
    STRANGER_GAP from other stages where its arrow has such a spot."""
    import math

    from salesdesigner.model.labels_layout import STRANGER_GAP

    checked = 0
    for process in _cases():
        routes = process_routes(process)
        for tid, (text, (cx, cy)) in edge_labels(process, routes).items():
            t = process.transition(tid)
            w = sum(_char_width(c) for c in text) * EDGE_FONT + EDGE_HALO
            h = EDGE_FONT * 1.3 + EDGE_HALO
            pts = routes[tid].flattened(16)
            if sum(math.dist(a, b) for a, b in itertools.pairwise(pts)) < w + 60:
                continue  # too short an arrow to have a choice
            near = STRANGER_GAP - 0.5
            strangers = [s.name for s in process.stages if s.id not in (t.source, t.target)
                         and (r := stage_rect(s)).x - near < cx + w / 2
                         and r.right + near > cx - w / 2 and r.y - near < cy + h / 2
                         and r.bottom + near > cy - h / 2]
            assert not strangers, (process.name, text, strangers)
            checked += 1
    assert checked > 40
