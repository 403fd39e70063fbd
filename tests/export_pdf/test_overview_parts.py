"""The overview of a real-size process (the-model: 18 stages, four lanes, a staircase)
is cut into few, full, legible parts that keep the canvas geometry and link to chapters."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader
from reportlab.lib.units import mm

from salesdesigner.export.pdf import render_pdf
from salesdesigner.export.pdf.diagram import NAME_SIZE, PART_SCALE, plan_tiles, scene_area
from salesdesigner.export.pdf.document import LANDSCAPE_MARGIN, PAPERS
from salesdesigner.model.geometry import lane_bands, stage_rect
from salesdesigner.storage.templates import load_template
from tests.export_pdf.conftest import page_texts
from tests.strategies import processes


def _box(paper: str) -> tuple[float, float]:
    """The landscape frame of the manual less the overview's title (as ManualTemplate and
    sections.overview compute it)."""
    height, width = PAPERS[paper]  # turned to landscape
    return (width - 2 * LANDSCAPE_MARGIN - 12,
            height - 2 * LANDSCAPE_MARGIN - 14 * mm - 12 - 40)


BOX = {paper: _box(paper) for paper in ("a4", "letter")}


def _plan(template: str, paper: str):
    process = load_template(template, "en")
    area = scene_area(process)
    rects = [stage_rect(s) for s in process.stages]
    borders = [band.bottom for band in lane_bands(process)]
    scale, tiles = plan_tiles(area, *BOX[paper], rects, borders)
    return process, area, rects, borders, scale, tiles


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(("template", "most"), [("the-model", 4), ("eight-step", 3)])
def test_template_overview_needs_few_parts_each_holding_stages(template: str, most: int,
                                                               paper: str) -> None:
    _, area, rects, borders, scale, tiles = _plan(template, paper)
    assert 1 < len(tiles) <= most
    assert scale >= PART_SCALE and NAME_SIZE * scale >= 6.5  # names print at 6.5 pt or more
    width, height = BOX[paper]
    for tile in tiles:
        assert tile.width * scale <= width + 0.5 and tile.height * scale <= height + 0.5
        assert any(r.right > tile.x and r.x < tile.right and r.bottom > tile.y and r.y < tile.bottom
                   for r in rects), "a part with nothing in it"
        # parts keep whole lanes: they start and end at a lane border or the diagram's edge
        assert tile.y in (area.y, *borders) and tile.bottom in (area.bottom, *borders)
    for r in rects:  # every stage is shown whole on some part
        assert any(t.x <= r.x and r.right <= t.right and t.y <= r.y and r.bottom <= t.bottom
                   for t in tiles), r


def test_the_model_staircase_parts_leave_out_lanes_without_stages() -> None:
    _, area, _, _, _, tiles = _plan("the-model", "a4")
    assert all(t.height < area.height * 0.7 for t in tiles)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_model_manual_prints_four_linked_overview_parts(language: str) -> None:
    process = load_template("the-model", language)
    result = render_pdf(process)
    reader = PdfReader(io.BytesIO(result.data))
    landscape = [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]
    assert len(landscape) <= 5  # the map and at most four parts
    texts = page_texts(result.data)
    part_pages = landscape[1:]
    joined = "".join(texts[i] for i in part_pages).replace("\n", "").replace(" ", "")
    for stage in process.stages:
        assert stage.name.replace(" ", "") in joined, stage.name
    chapter_links = 0
    for i in part_pages:
        annotations = [a.get_object() for a in reader.pages[i].get("/Annots") or []]
        links = [a for a in annotations if a.get("/Subtype") == "/Link"]
        assert links, f"part on page {i + 1} links to no chapter"
        chapter_links += len(links)
    assert chapter_links >= len(process.stages)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(processes())
def test_every_part_of_any_process_fits_the_page_and_shows_every_stage(process) -> None:
    area = scene_area(process)
    rects = [stage_rect(s) for s in process.stages]
    width, height = BOX["a4"]
    scale, tiles = plan_tiles(area, width, height, rects,
                              [band.bottom for band in lane_bands(process)])
    if len(tiles) == 1:
        return  # one page (possibly the giant-process overall view)
    assert scale >= PART_SCALE
    for tile in tiles:
        assert tile.width * scale <= width + 0.01 and tile.height * scale <= height + 0.01
    for r in rects:
        assert any(t.x < r.right and r.x < t.right and t.y < r.bottom and r.y < t.bottom
                   for t in tiles)
