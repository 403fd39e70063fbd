"""Layout promises: vector overview with every stage, KPI rows kept whole, hand-offs,
cancellation in the middle of a build."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from salesdesigner.export.pdf import PdfExportCancelled, export_pdf, render_pdf
from salesdesigner.model import Kpi, Lane, Process, Stage, StageKind, Transition
from salesdesigner.model.layout import apply_layout
from tests.export_pdf.conftest import page_texts


def landscape_pages(data: bytes) -> list[int]:
    reader = PdfReader(io.BytesIO(data))
    return [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]


def test_overview_is_vector_text_on_landscape_pages_showing_every_stage(sample_en) -> None:
    data = render_pdf(sample_en).data
    reader = PdfReader(io.BytesIO(data))
    pages = landscape_pages(data)
    assert pages
    text = " ".join(reader.pages[i].extract_text() for i in pages)
    for stage in sample_en.stages:
        assert stage.name in text
    for i in pages:
        xobjects = reader.pages[i]["/Resources"].get("/XObject") or {}
        assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]


def test_wide_overview_wraps_into_rows_joined_by_connectors() -> None:
    process = Process(name="Wide", language="en")
    process.add_lane(Lane("a", "Sales"))
    for n in range(14):
        process.add_stage(Stage(f"s{n}", f"Step {n}", StageKind.STAGE, "a"))
        if n:
            process.add_transition(Transition(f"t{n}", f"s{n - 1}", f"s{n}", f"go {n}"))
    apply_layout(process)
    data = render_pdf(process).data
    texts = page_texts(data)
    flow = [texts[i] for i in landscape_pages(data)]
    joined = " ".join(flow)
    assert len(flow) == 1  # its rows on one page: tags name the stage alone, no page
    assert re.search(r"\d+\. Step \d+", joined) and "→ p." not in joined
    for n in range(14):
        assert f"Step {n}" in joined


def test_giant_process_prints_legible_rows_not_a_one_page_thumbnail() -> None:
    process = Process(name="Giant", language="en")
    process.add_lane(Lane("a", "Sales"))
    for n in range(150):
        process.add_stage(Stage(f"s{n}", f"S{n}", StageKind.STAGE, "a"))
        if n:
            process.add_transition(Transition(f"t{n}", f"s{n - 1}", f"s{n}"))
    apply_layout(process)
    data = render_pdf(process).data
    pages = landscape_pages(data)
    # 150 stages in one lane: four per row, several rows a page, a handful of pages
    assert 4 <= len(pages) <= 15
    joined = " ".join(page_texts(data)[i] for i in pages)
    assert all(f"S{n}" in joined for n in range(150))


def test_kpi_summary_rows_never_split_across_pages() -> None:
    process = Process(name="KPIs", language="en")
    process.add_lane(Lane("a", "Sales"))
    for n in range(12):
        kpis = tuple(Kpi(f"K{n}-{k}", k, "%", definition=f"BEGIN{n}-{k} " + "words " * 45
                         + f"END{n}-{k}") for k in range(4))
        process.add_stage(Stage(f"s{n}", f"Stage {n}", StageKind.STAGE, "a", kpis=kpis))
    texts = page_texts(render_pdf(process).data)
    summary = [t for t in texts if "KPI summary" in t and "Definition" in t]
    assert len(summary) >= 2  # the table runs over several pages, header repeated
    for n in range(12):
        for k in range(4):
            holding = [t for t in summary if f"BEGIN{n}-{k}" in t]
            assert len(holding) == 1 and f"END{n}-{k}" in holding[0]


def test_what_comes_next_names_following_stages_and_hand_offs(sample_en) -> None:
    result = render_pdf(sample_en)
    texts = page_texts(result.data)

    def chapter(sid: str) -> str:
        mark = f"Chapter {result.stage_ids.index(sid) + 1} "
        return next(t for t in texts if mark in t.replace("\n", " "))

    won = chapter("won")
    assert "Onboarding" in won and "Hand-off to Customer success" in won
    assert "This stage ends the process" in chapter("onb")
    decision = chapter("qual")
    assert "Demo" in decision and "Nurture" in decision and "after review" in decision
    assert "Hand-off to Field sales" in decision


def test_cancelling_midway_stops_the_build_and_writes_nothing(sample_en, tmp_path) -> None:
    calls = []
    target = tmp_path / "m.pdf"
    with pytest.raises(PdfExportCancelled):
        export_pdf(sample_en, target, progress=lambda d, t: calls.append(d),
                   cancelled=lambda: len(calls) >= 3)
    assert len(calls) == 3
    assert not target.exists()


def test_an_empty_process_still_prints_a_manual() -> None:
    texts = page_texts(render_pdf(Process(name="Empty", language="ja")).data)
    assert "Empty" in texts[0] and any("プロセス全体図" in t for t in texts)


def test_cover_shows_the_logo_attachment() -> None:
    from PIL import Image

    from salesdesigner.model import Attachment
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 30)).save(buffer, "PNG")
    process = Process(name="Logo", language="en", logo="logo")
    process.add_attachment(Attachment("logo", "logo.png", buffer.getvalue(), "image/png"))
    result = render_pdf(process)
    cover = PdfReader(io.BytesIO(result.data)).pages[0]
    images = [x for x in (cover["/Resources"].get("/XObject") or {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    assert len(images) == 1 and not result.warnings
