"""The overview draws arrow labels where the shared placement puts them: labels of arrows
sharing a channel apart, each on its own arrow, measured in the PDF's own fonts."""

from __future__ import annotations

import io
import itertools

from reportlab.pdfgen.canvas import Canvas

from salesdesigner.export.pdf.diagram import (
    LABEL_NEAR,
    LABEL_SIZE,
    DiagramFlowable,
    Scene,
    label_size,
    scene_area,
)
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.labels_layout import place_labels
from salesdesigner.model.presentation import Words as Labels
from salesdesigner.model.routing import ObstacleIndex
from tests.samples import shared_channel_process


def _scene(process, language: str) -> Scene:
    ts = Typesetter(Labels(language).japanese)
    return Scene(process, scene_area(process),
                 {s.id: n for n, s in enumerate(process.stages, 1)}, {}, ts)


def _box(c, size):
    return c[0] - size[0] / 2, c[1] - size[1] / 2, c[0] + size[0] / 2, c[1] + size[1] / 2


def _meet(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_overview_labels_are_the_model_placement_in_pdf_font_sizes():
    for language, text in (("en", "disqualified — no budget"), ("ja", "見送り（予算なし）")):
        process = shared_channel_process(text, language)
        scene = _scene(process, language)
        chain = scene.ts.chain_for(scene.ts.styles["diagram_label"])
        sizes = {k: label_size(text, scene.routes[k].label_span, chain)
                 for k in ("x0", "x1", "x2")}
        index = ObstacleIndex((s.id, stage_rect(s)) for s in process.stages)
        ends = {t.id: (t.source, t.target) for t in process.transitions}  # as the PDF asks
        expected = place_labels(scene.routes, sizes, index, fixed=scene._badges(), ends=ends,
                                near=LABEL_NEAR * scene.label_size / LABEL_SIZE)
        placed = scene.labels()
        for k in sizes:
            assert placed[k] == (text, expected[k])
        boxes = [_box(placed[k][1], sizes[k]) for k in sizes]
        assert not any(_meet(a, b) for a, b in itertools.combinations(boxes, 2))


def test_a_wide_label_measures_wider_than_a_short_one_and_wraps_past_its_room():
    scene = _scene(shared_channel_process(), "en")
    chain = scene.ts.chain_for(scene.ts.styles["diagram_label"])
    short, wide = label_size("ok", 300, chain), label_size("disqualified — no budget", 300, chain)
    assert short[0] < wide[0] and short[1] == wide[1]
    huge = label_size("x" * 40, 100, chain)
    assert huge[0] <= 92 + 4 and huge[1] > wide[1]


def test_the_flowable_draws_each_label_at_its_placed_spot():
    process = shared_channel_process()
    scene = _scene(process, "en")
    flow = DiagramFlowable(scene, scene.area, 1.0)
    flow.canv = Canvas(io.BytesIO())
    drawn = [(text, at) for text, at, _span in flow._arrows()]
    want = [(text, (flow._x(x), flow._y(y))) for text, (x, y) in scene.labels().values()]
    assert sorted(drawn) == sorted(want)
    assert len(drawn) == 3




def test_a_wrapped_label_or_tag_is_split_evenly_not_leaving_a_syllable_alone():
    """「ナーチャリング」 in a narrow gap printed as ナーチャリン / グ, a tag as
    「12. オンボーディン / グ」: the wrap width is narrowed until the lines are even."""
    from reportlab.lib import colors

    from salesdesigner.export.pdf.diagram import _balanced, _sized
    from salesdesigner.export.pdf.text import KinsokuParagraph

    for text, japanese in (("ナーチャリング", True), ("12. オンボーディング", True),
                           ("Nurture and retry", False)):
        ts = Typesetter(japanese)
        st = _sized(ts.styles["diagram_label"], 7.0, colors.black)

        def make(width, text=text, ts=ts, st=st):
            return KinsokuParagraph(ts.markup(text, st), st)

        full = make(0)
        full.wrap(10_000, 1000)
        one_line = full.blPara.lines[0]
        natural = getattr(one_line, "currentWidth", None) or one_line[0]
        narrow = natural * 0.92  # just too narrow: two lines
        width = _balanced(make, narrow)
        para = make(width)
        para.wrap(width, 1000)
        widths = [getattr(ln, "currentWidth", None) or (width - ln[0])
                  for ln in para.blPara.lines]
        assert len(widths) == 2, (text, widths)
        assert min(widths) >= 0.3 * max(widths), (text, widths)  # no lone syllable
