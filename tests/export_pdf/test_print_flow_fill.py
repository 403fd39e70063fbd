"""The printed flow fills its pages (fewest pages, widest drawing, no half-empty page
before the last) on A4 and Letter, and its arrow labels sit clear of other arrows.

Geometry of the plan (:mod:`salesdesigner.export.pdf.flowplan`), not pixels: the frame
is the landscape page's, the first page less the overview's heading, as
``sections.overview`` passes them."""

from __future__ import annotations

import itertools
import math

import pytest

from benchmarks.synthetic import synthetic_process
from salesdesigner.export.pdf.diagram import Scene, label_size
from salesdesigner.export.pdf.flowplan import (
    MIN_PT,
    PIECE_GAP,
    PRINT_LABEL,
    PRINT_NAME,
    FlowPlan,
    page_groups,
    plan_flow,
)
from salesdesigner.export.pdf.page_templates import LANDSCAPE_MARGIN, PAPERS
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.presentation import Words
from salesdesigner.storage.templates import load_template

HEADING = 40.0 + 14 + 16  # the overview's title, its space and the one-line note


def _frame(paper: str) -> tuple[float, float]:
    short, long = PAPERS[paper]  # portrait; the flow pages are landscape
    return (long - 2 * LANDSCAPE_MARGIN - 12,
            short - 2 * LANDSCAPE_MARGIN - 14 * 72 / 25.4 - 12)


def _fill(plan: FlowPlan, pages: list[list[int]], height: float) -> list[float]:
    """Share of each page's frame height its drawings (and the heading) take."""
    return [(sum(plan.pieces[i].area.height * plan.scale + PIECE_GAP for i in group)
             + (HEADING if n == 0 else 0.0)) / height for n, group in enumerate(pages)]


TEMPLATES = [(t, lang, paper) for t in ("the-model", "eight-step") for lang in ("ja", "en")
             for paper in ("a4", "letter")]


@pytest.mark.parametrize(("template", "lang", "paper"), TEMPLATES)
def test_a_template_flow_takes_its_fewest_pages_and_fills_them(template, lang, paper):
    """eight-step on one page and the-model on two, on Letter as on A4 (Letter's
    narrower page used to drop to three columns a row: eight-step took two pages each
    under half full, the-model three)."""
    width, height = _frame(paper)
    plan = plan_flow(load_template(template, lang), width, height, HEADING)
    pages = page_groups(plan, height, HEADING)
    assert len(pages) == {"eight-step": 1, "the-model": 2}[template]
    fill = _fill(plan, pages, height)
    assert fill[0] >= 0.85, fill  # the first page: drawn down to near its foot
    assert min(fill) >= 0.65, fill
    widest = max(p.area.width for p in plan.pieces) * plan.scale
    assert widest >= 0.97 * width  # as large as the page's width allows
    assert plan.scale * PRINT_NAME >= MIN_PT and plan.scale * PRINT_LABEL >= MIN_PT - 1e-9


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_forty_stage_flow_leaves_no_page_but_the_last_half_empty(paper):
    width, height = _frame(paper)
    plan = plan_flow(synthetic_process(40), width, height, HEADING)
    pages = page_groups(plan, height, HEADING)
    fill = _fill(plan, pages, height)
    # Letter kept the smallest scale's ten rows: its pages were 60, 71, 72 % full; rows
    # may be more and shorter when the pages stay as few
    assert len(pages) == 5 and min(fill[:-1]) >= 0.65 and min(fill[1:-1]) >= 0.75, fill
    for group in pages:  # and every page's drawings fit it
        assert sum(plan.pieces[i].area.height * plan.scale for i in group) <= height
    assert plan.scale * PRINT_NAME >= MIN_PT


def _crosses(box, points) -> bool:
    """Whether a polyline enters the open box (sampled finely: independent of the
    placement's own segment test)."""
    for a, b in itertools.pairwise(points):
        for i in range(65):
            x, y = a[0] + (b[0] - a[0]) * i / 64, a[1] + (b[1] - a[1]) * i / 64
            if box[0] < x < box[2] and box[1] < y < box[3]:
                return True
    return False


CASES = {f"{t} {lang}": (lambda t=t, lang=lang: load_template(t, lang))
         for t in ("the-model", "eight-step") for lang in ("ja", "en")}
CASES["40 generated"] = lambda: synthetic_process(40)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", list(CASES))
def test_no_arrow_label_is_crossed_by_another_arrow_on_the_flow_pages(name, paper):
    """The-model (ja) printed "CSへ引き継ぎ" where the dashed 失注 → ナーチャリング arrow
    ran through it."""
    process = CASES[name]()
    width, height = _frame(paper)
    plan = plan_flow(process, width, height, HEADING)
    ts = Typesetter(Words(process.language).japanese)
    chain = ts.chain_for(ts.styles["diagram_label"])
    checked = 0
    for piece in plan.pieces:
        scene = Scene(piece.process, piece.area, {}, {}, ts, routes=piece.routes,
                      name_size=PRINT_NAME, label_size=PRINT_LABEL, min_pt=MIN_PT,
                      back=piece.back)
        lines = {tid: (r.flattened(16) if r.curved else list(r.points))
                 for tid, r in piece.routes.items()}
        for tid, (text, (cx, cy)) in scene.labels().items():
            w, h = label_size(text, piece.routes[tid].label_span, chain, PRINT_LABEL)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            crossed = [piece.process.transition(o).label or o for o, pts in lines.items()
                       if o != tid and _crosses(box, pts)]
            assert not crossed, (text, crossed)
            checked += 1
    assert checked


@pytest.mark.parametrize("name", list(CASES))
def test_every_arrow_label_keeps_off_other_stages_and_the_chapter_badges(name):
    """A label reads as the arrow's it is nearest to: the-model (ja) printed
    「CSへ引き継ぎ」 (受注 → オンボーディング) against the 失注 card, over its badge.
    Every pill keeps clear of stages that are not its arrow's ends and of the badges,
    where its arrow has such a spot at all."""
    process = CASES[name]()
    width, height = _frame("a4")
    plan = plan_flow(process, width, height, HEADING)
    ts = Typesetter(Words(process.language).japanese)
    chain = ts.chain_for(ts.styles["diagram_label"])
    near = 10.0 * PRINT_LABEL / 11.0 - 0.5
    checked = 0
    for piece in plan.pieces:
        numbers = {sid: n for n, sid in enumerate(piece.stage_ids(), 1)}
        scene = Scene(piece.process, piece.area, numbers, {}, ts, routes=piece.routes,
                      name_size=PRINT_NAME, label_size=PRINT_LABEL, min_pt=MIN_PT,
                      back=piece.back)
        badges = scene._badges()
        for tid, (text, (cx, cy)) in scene.labels().items():
            t = piece.process.transition(tid)
            w, h = label_size(text, piece.routes[tid].label_span, chain, PRINT_LABEL)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            strangers = [s.name for s in piece.process.stages
                         if s.id not in (t.source, t.target)
                         and _overlap(box, stage_rect(s), near)]
            pts = piece.routes[tid].flattened(16)
            length = sum(math.dist(a, b) for a, b in itertools.pairwise(pts))
            on_badge = [b for b in badges if _overlap(box, b, 0.0)
                        and length > w + 2 * b.width]  # else no spot along it is clear
            assert not strangers and not on_badge, (text, strangers, on_badge)
            checked += 1
    assert checked


def _overlap(box, r, pad: float) -> bool:
    return box[0] < r.right + pad and box[2] > r.x - pad and box[1] < r.bottom + pad \
        and box[3] > r.y - pad


@pytest.mark.parametrize("name", list(CASES))
def test_the_gap_before_the_outgoing_tags_is_as_wide_as_between_columns(name):
    """eight-step printed its rows' columns spread apart but the last card 70 units
    from the tags, where 「ナーチャリング」 / "Nurture and retry" had to wrap."""
    plan = plan_flow(CASES[name](), *_frame("a4"), HEADING)
    checked = 0
    for piece in plan.pieces:
        outs = [stage_rect(s).x for s in piece.process.stages if s.id.startswith("\x00out:")]
        xs = sorted({piece.process.stage(sid).position.x for sid in piece.stage_ids()})
        if not outs or len(xs) < 2:
            continue
        pitch = min(b - a for a, b in itertools.pairwise(xs))
        assert min(outs) - (xs[-1] + 100) >= pitch - 200 - 0.5, (piece.index, pitch)
        checked += 1
    assert checked
