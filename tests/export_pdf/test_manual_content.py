"""What the printed manual contains: chapters in process order, outline, TOC, fonts."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from salesdesigner.export.pdf import PdfExportError, export_pdf, render_pdf
from salesdesigner.model.ordering import process_order
from tests.export_pdf.conftest import build_process, outline_entries, page_texts


def chapter_pages(texts: list[str], count: int, japanese: bool) -> dict[int, int]:
    """Chapter number -> 1-based page where its chapter line (Chapter n / 第n章) is."""
    found: dict[int, int] = {}
    for n in range(1, count + 1):
        mark = f"第{n}章" if japanese else f"Chapter {n} "
        pages = [i + 1 for i, t in enumerate(texts) if mark in t.replace("\n", " ")]
        assert pages, f"no page holds {mark!r}"
        found[n] = pages[0]
    return found


@pytest.mark.parametrize("language", ["en", "ja"])
def test_chapters_follow_process_order_with_names_kpis_and_scripts(language: str) -> None:
    process = build_process(language)
    result = render_pdf(process)
    order = process_order(process)
    assert result.stage_ids == order
    texts = page_texts(result.data)
    starts = chapter_pages(texts, len(order), language == "ja")
    assert [starts[n] for n in sorted(starts)] == sorted(starts.values())
    body = "\n".join(texts[starts[1] - 1:])
    position = 0
    for sid in order:
        stage = process.stage(sid)
        found = body.find(stage.name, position)
        assert found >= 0, f"{stage.name!r} missing or out of order"
        position = found
        for item in [k.name for k in stage.kpis] + [s.body for s in stage.scripts]:
            assert body.find(item, position) >= 0, f"{item!r} not after {stage.name!r}"


def test_outline_has_one_entry_per_stage_pointing_at_its_chapter(sample_en) -> None:
    result = render_pdf(sample_en)
    entries = outline_entries(result.data)
    texts = page_texts(result.data)
    starts = chapter_pages(texts, len(result.stage_ids), False)
    for n, sid in enumerate(result.stage_ids, 1):
        title = f"{n}. {sample_en.stage(sid).name}"
        assert (title, starts[n]) in entries
    titles = [t for t, _ in entries]
    assert {"How to read this manual", "Process overview", "KPI summary"} <= set(titles)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_table_of_contents_page_numbers_match_chapter_pages(language: str) -> None:
    process = build_process(language)
    result = render_pdf(process)
    texts = page_texts(result.data)
    toc = texts[1]
    assert ("目次" if language == "ja" else "Contents") in toc
    starts = chapter_pages(texts, len(result.stage_ids), language == "ja")
    for n, sid in enumerate(result.stage_ids, 1):
        name = re.escape(process.stage(sid).name)
        match = re.search(rf"(?m)^{n}\.\s*{name}\s*(\d+)\s*$", toc)
        assert match, f"TOC line for chapter {n} not found in {toc!r}"
        assert int(match.group(1)) == starts[n]


def test_toc_entries_are_links_to_the_chapters(sample_en) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(sample_en).data))
    annots = reader.pages[1].get("/Annots") or []
    links = [a.get_object() for a in annots if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= 2 * len(sample_en.stages)  # title and page number of each chapter


def test_every_font_is_embedded_truetype(sample_ja) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(sample_ja).data))
    fonts = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for base, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base} is not embedded"


def test_running_footer_says_page_x_of_y_in_the_document_language(sample_ja, sample_en) -> None:
    ja = page_texts(render_pdf(sample_ja).data)
    assert f"3 / {len(ja)} ページ" in ja[2]
    en = page_texts(render_pdf(sample_en).data)
    assert f"Page 3 of {len(en)}" in en[2]


def test_letter_paper_and_a_landscape_overview_page(sample_en) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(sample_en, paper="letter").data))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(612, 792), (792, 612)}


def test_unknown_paper_is_a_user_error(sample_en) -> None:
    with pytest.raises(PdfExportError, match="paper"):
        render_pdf(sample_en, paper="a3")


def test_lane_filter_prints_only_the_stages_of_those_lanes(sample_en) -> None:
    result = render_pdf(sample_en, lanes=["fs"])
    expected = [s for s in process_order(sample_en) if sample_en.stage(s).lane == "fs"]
    assert result.stage_ids == expected
    titles = [t for t, _ in outline_entries(result.data)]
    for n, sid in enumerate(expected, 1):
        assert f"{n}. {sample_en.stage(sid).name}" in titles
    stage_titles = [t for t in titles if re.match(r"^\d+\. ", t)]
    assert len(stage_titles) == len(expected)


def test_stage_filter_adds_to_lane_filter_in_process_order(sample_en) -> None:
    result = render_pdf(sample_en, lanes=["cs"], stages=["call", "start"])
    assert result.stage_ids == ["start", "call", "onb"]


@pytest.mark.parametrize("kwargs", [{"lanes": ["nope"]}, {"stages": ["call", "ghost"]}])
def test_unknown_filter_ids_are_user_errors(sample_en, kwargs) -> None:
    with pytest.raises(PdfExportError, match="Unknown"):
        render_pdf(sample_en, **kwargs)


def test_export_writes_the_file_and_reports_progress_to_the_end(sample_en, tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    target = tmp_path / "manual.pdf"
    export_pdf(sample_en, target, progress=lambda d, t: calls.append((d, t)))
    assert target.read_bytes().startswith(b"%PDF")
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancelling_raises_and_writes_nothing(sample_en, tmp_path) -> None:
    from salesdesigner.export.pdf import PdfExportCancelled
    target = tmp_path / "manual.pdf"
    with pytest.raises(PdfExportCancelled):
        export_pdf(sample_en, target, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_user_error(sample_en, tmp_path) -> None:
    with pytest.raises(PdfExportError, match="Cannot write"):
        export_pdf(sample_en, tmp_path / "missing-dir" / "m.pdf")


def test_introduction_prints_the_process_description(sample_en) -> None:
    texts = page_texts(render_pdf(sample_en).data)
    intro = next(t for t in texts if "How to read this manual" in t and "About this process" in t)
    assert "PROCESS-DESCRIPTION: how we sell." in intro
