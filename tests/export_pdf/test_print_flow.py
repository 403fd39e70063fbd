"""The printed flow: laid out for the page (wrapped into strips), every word legible, no
arrow cut at a page edge without a connector naming the stage and the page it goes on."""

from __future__ import annotations

import io
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from benchmarks.synthetic import synthetic_process
from salesdesigner.export.pdf import render_pdf
from salesdesigner.export.pdf.flowplan import MIN_PT, plan_flow
from salesdesigner.export.pdf.page_templates import LANDSCAPE_MARGIN, PAPERS
from salesdesigner.model import Lane, Position, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import stage_rect
from salesdesigner.storage.templates import load_template
from tests.strategies import processes

# the landscape frame less the overview's title, as document.py and sections.overview say
_W = PAPERS["a4"][1] - 2 * LANDSCAPE_MARGIN - 12
_H = PAPERS["a4"][0] - 2 * LANDSCAPE_MARGIN - 14 * 72 / 25.4 - 12 - 54


def hand_drawn_nine() -> Process:
    """Nine stages drawn by hand in one lane, spaced as a user drags them (issue 9)."""
    p = Process(name="Hand drawn", language="ja")
    p.add_lane(Lane("sales", "営業"))
    names = ["リスト作成", "テレアポ", "ヒアリング", "提案", "見積", "稟議", "交渉", "契約", "導入"]
    for n, name in enumerate(names):
        p.add_stage(Stage(f"s{n}", name, StageKind.STAGE, "sales",
                          Position(240 + 330 * n, 120 + 40 * (n % 2))))
        if n:
            p.add_transition(Transition(f"t{n}", f"s{n - 1}", f"s{n}",
                                        "会話成立" if n == 2 else ""))
    p.add_transition(Transition("back", "s6", "s3", "時期尚早"))
    return p


def _flow_pages(data: bytes) -> tuple[PdfReader, list[int]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]


def _text_sizes(page) -> list[tuple[str, float]]:
    """Every run of text on ``page`` with the size it prints at (points)."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            runs.append((text.strip(), size * scale))

    page.extract_text(visitor_text=visit)
    return runs


CASES = {
    "the-model ja": lambda: load_template("the-model", "ja"),
    "the-model en": lambda: load_template("the-model", "en"),
    "eight-step ja": lambda: load_template("eight-step", "ja"),
    "eight-step en": lambda: load_template("eight-step", "en"),
    "40 generated": lambda: synthetic_process(40),
    "hand-drawn 9": hand_drawn_nine,
}


@pytest.fixture(scope="module", params=list(CASES))
def manual(request):
    process = CASES[request.param]()
    return process, render_pdf(process)


def test_flow_pages_print_every_word_at_7_pt_or_more(manual) -> None:
    _, result = manual
    reader, pages = _flow_pages(result.data)
    assert pages
    sizes = [(text, size) for i in pages for text, size in _text_sizes(reader.pages[i])]
    small = [(text, round(size, 2)) for text, size in sizes if size < MIN_PT - 0.01]
    assert not small, small[:10]


def test_every_stage_name_is_on_a_flow_page(manual) -> None:
    process, result = manual
    reader, pages = _flow_pages(result.data)
    joined = "".join(reader.pages[i].extract_text() for i in pages)
    joined = re.sub(r"\s+", "", joined)
    for stage in process.stages:
        assert re.sub(r"\s+", "", stage.name) in joined, stage.name


def test_connectors_name_a_stage_and_the_page_it_is_drawn_on(manual) -> None:
    """Each "→ p. N" / "from p. N" tag (or its Japanese words) names a chapter number
    whose stage is printed on flow page N."""
    process, result = manual
    reader, pages = _flow_pages(result.data)
    texts = {i + 1: re.sub(r"\s+", "", reader.pages[i].extract_text()) for i in pages}
    names = {n: re.sub(r"\s+", "", process.stage(sid).name)
             for n, sid in enumerate(result.stage_ids, 1)}
    pattern = re.compile(r"(?ms)^(\d+)\.[^\n]{1,40}?(?:\n(?!\d+\.)[^\n]{1,40}?){0,2}?\n"
                         r"(?:→p\.(\d+)|fromp\.(\d+)|→(\d+)ページ|(\d+)ページから)$")
    found = 0
    for i in pages:
        raw = re.sub(r"[ \t]+", "", reader.pages[i].extract_text())
        for number, *page in pattern.findall(raw):
            n, p = int(number), int(next(x for x in page if x))
            assert p in texts, f"connector on page {i + 1} names page {p}, not a flow page"
            assert names[n][:6] in texts[p], (n, names[n], p)
            found += 1
    if len(pages) > 1:  # (rows on one page are joined by tags without a page)
        assert found, "a flow over several rows needs connectors"


_TAG = re.compile(r"→p\.(\d+)|fromp\.(\d+)|→(\d+)ページ|(\d+)ページから")


def test_no_connector_names_the_page_it_is_printed_on(manual) -> None:
    """A row continued further down the same page is joined by tags naming the stage
    alone: "4ページから" printed on page 4 sent the reader looking for another page."""
    process, result = manual
    reader, pages = _flow_pages(result.data)
    for i in pages:
        raw = re.sub(r"\s+", "", reader.pages[i].extract_text())
        named = [int(next(x for x in m if x)) for m in _TAG.findall(raw)]
        assert i + 1 not in named, (process.name, i + 1, named)


def test_rows_on_one_page_are_joined_by_tags_naming_the_stage_alone() -> None:
    """the-model (ja): its first flow page holds two rows joined both ways; the tags
    between them name 4. MQLへの初回コンタクト / 6. SQL判定 without a page, those to the
    next page name page 5."""
    reader, pages = _flow_pages(render_pdf(load_template("the-model", "ja")).data)
    first = re.sub(r"\s+", "", reader.pages[pages[0]].extract_text())
    assert re.search(r"6\.SQL判定(?!\d+ページ)", first), first
    assert "5ページ" in first and "4ページ" not in first


def test_flow_fills_its_pages_for_the_templates() -> None:
    """the-model (18 stages, four lanes) on two landscape pages, eight-step on one:
    picked for the page rather than a thumbnail plus four thin bands."""
    for template, most in (("the-model", 2), ("eight-step", 1)):
        for language in ("ja", "en"):
            _, pages = _flow_pages(render_pdf(load_template(template, language)).data)
            assert len(pages) == most, (template, language, len(pages))


def _check_plan(process: Process, width: float = _W, height: float = _H) -> None:
    plan = plan_flow(process, width, height)
    shown = [sid for piece in plan.pieces for sid in piece.stage_ids()]
    assert sorted(shown) == sorted(process.stage_ids)  # every stage exactly once
    for piece in plan.pieces:
        a = piece.area
        assert a.width * plan.scale <= width + 0.5 and a.height * plan.scale <= height + 0.5
        for r in piece.routes.values():  # no arrow leaves its piece's frame
            for x, y in r.flattened(8):
                assert a.x - 0.01 <= x <= a.right + 0.01 and a.y - 0.01 <= y <= a.bottom + 0.01
        for stage in piece.process.stages:
            r = stage_rect(stage)
            assert a.x <= r.x and r.right <= a.right + 30.01 and a.y <= r.y and r.bottom <= a.bottom
    # each arrow is drawn whole in one piece, or from its source to a connector naming its
    # target and the target's piece, and from a connector naming its source into its target
    for t in process.transitions:
        a, b = plan.piece_of[t.source], plan.piece_of[t.target]
        if a == b:
            assert plan.pieces[a].process.transition(t.id).target == t.target
            continue
        outs = [(pt.target, plan.pieces[a].connectors.get(pt.target))
                for pt in plan.pieces[a].process.outgoing(t.source)]
        assert any(c is not None and c.outgoing and c.stage_id == t.target and c.piece == b
                   for _, c in outs), t
        ins = [plan.pieces[b].connectors.get(pt.source)
               for pt in plan.pieces[b].process.incoming(t.target)]
        assert any(c is not None and not c.outgoing and c.stage_id == t.source and c.piece == a
                   for c in ins), t


@pytest.mark.parametrize("name", list(CASES))
def test_plan_keeps_every_arrow_whole_or_joined_by_named_connectors(name: str) -> None:
    _check_plan(CASES[name]())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(processes())
def test_plan_of_any_process_fits_the_page_and_joins_every_arrow(process) -> None:
    _check_plan(process)


def test_hand_drawn_nine_stages_have_no_arrow_running_off_the_page() -> None:
    process = hand_drawn_nine()
    plan = plan_flow(process, _W, _H)
    crossing = [t for t in process.transitions
                if plan.piece_of[t.source] != plan.piece_of[t.target]]
    assert crossing  # nine stages do not fit one row legibly: wrapped
    assert plan.scale * 16.5 >= 7.5  # names at 7.5 pt or more, not shrunk to fit


def test_a_column_taller_than_a_page_is_cut_between_its_stages_not_shrunk() -> None:
    p = Process(name="Tall", language="en")
    for n in range(8):
        p.add_stage(Stage(f"s{n}", f"Step {n}", StageKind.STAGE, None, Position(300, 400 * n)))
        if n:
            p.add_transition(Transition(f"t{n}", f"s{n - 1}", f"s{n}"))
    plan = plan_flow(p, _W, _H)
    assert len(plan.pieces) > 1 and plan.scale >= 0.46


def test_flow_links_every_stage_to_its_chapter_and_every_connector_to_its_page() -> None:
    process = load_template("the-model", "ja")
    result = render_pdf(process)
    reader, pages = _flow_pages(result.data)
    page_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    targets = [page_of[a.get_object()["/Dest"][0].idnum] for i in pages
               for a in reader.pages[i].get("/Annots") or []
               if a.get_object().get("/Subtype") == "/Link" and "/Dest" in a.get_object()]
    plan = plan_flow(process, _W, _H)
    connectors = sum(len(p.connectors) for p in plan.pieces)
    assert len(targets) == len(process.stages) + connectors
    assert sum(t in pages for t in targets) == connectors      # tags lead to flow pages
    assert sum(t not in pages for t in targets) == len(process.stages)  # badges to chapters
