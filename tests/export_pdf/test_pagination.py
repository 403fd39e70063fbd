"""Pages a trainer can hand out: headings stay with their content, start/won/lost/end
points do not get near-empty pages of their own, and no KPI table row is left alone."""

from __future__ import annotations

import io
import math
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from salesdesigner.export.pdf import render_pdf
from salesdesigner.export.pdf.rowtable import WindowedTable
from salesdesigner.export.pdf.sections import is_short
from salesdesigner.model import Script
from salesdesigner.model.presentation import Words
from salesdesigner.storage.templates import load_template
from tests.export_pdf.conftest import build_process

H2_SIZE = 11.5  # styles.py: the section headings


def _runs(page) -> list[tuple[str, float, float]]:
    """(text, printed size, baseline y) of every text run on ``page``."""
    out: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append((text.strip(), size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]),
                        tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    return out


def headings_last_on_a_page(data: bytes) -> list[tuple[int, str]]:
    """(page, heading) where a section heading is the lowest text of a portrait page's
    body, i.e. its content begins overleaf."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for n, page in enumerate(reader.pages, 1):
        height = float(page.mediabox.height)
        if float(page.mediabox.width) > height:
            continue
        body = [r for r in _runs(page) if 50 < r[2] < height - 60]  # no header, no footer
        if body:
            text, size, _ = min(body, key=lambda r: r[2])
            if abs(size - H2_SIZE) < 0.05:
                found.append((n, text))
    return found


TEMPLATES = [(t, lang) for t in ("the-model", "eight-step") for lang in ("ja", "en")]


@pytest.fixture(scope="module", params=TEMPLATES, ids=lambda p: f"{p[0]}-{p[1]}")
def template_manual(request):
    process = load_template(*request.param)
    return process, render_pdf(process)


def test_no_heading_is_left_alone_at_a_page_foot_in_the_templates(template_manual) -> None:
    _, result = template_manual
    assert headings_last_on_a_page(result.data) == []


@pytest.mark.parametrize("lines", range(0, 44, 4))
def test_no_heading_is_left_alone_wherever_the_page_breaks(lines: int) -> None:
    """Description lengths move every later heading through every spot on the page."""
    process = build_process("ja")
    process.update_stage("call", description="\n".join(["説明の行です。"] * (lines + 1)),
                         scripts=(Script("オープニング", "初回",
                                         "お電話ありがとうございます。" * 30),
                                  Script("切り返し", "", "承知しました。" * 20)))
    assert headings_last_on_a_page(render_pdf(process).data) == []


def test_terminal_points_share_pages_with_other_chapters(template_manual) -> None:
    """Every page on which a start, won, lost or end section begins also holds another
    chapter's text (above it, or the next chapter beginning below it)."""
    process, result = template_manual
    labels = Words(process.language, "manual")
    reader = PdfReader(io.BytesIO(result.data))
    texts = [re.sub(r"\s+", "", p.extract_text()) for p in reader.pages]
    marker = {sid: re.sub(r"\s+", "", labels("chapter", n=n))
              for n, sid in enumerate(result.stage_ids, 1)}
    short = [sid for sid in result.stage_ids if is_short(process.stage(sid))]
    assert short  # the templates have start, won, lost and end points
    for sid in short:
        pages = [i for i, t in enumerate(texts) if marker[sid] + "·" in t or
                 re.search(re.escape(marker[sid]) + r"(?!\d)", t)]
        assert pages, sid
        text = texts[pages[0]]
        others = [m for s, m in marker.items()
                  if s != sid and re.search(re.escape(m) + r"(?!\d)", text)]
        before = text[:text.index(marker[sid])]
        assert others or before, f"{process.stage(sid).name} has a page of its own"


def _rows(n: int) -> list[list[Paragraph]]:
    style = getSampleStyleSheet()["BodyText"]
    return [[Paragraph(f"row {i}", style), Paragraph("x " * (i % 5 * 8 + 1), style)]
            for i in range(n)]


@pytest.mark.parametrize("n", [2, 3, 4, 7, 12])
def test_kpi_table_never_leaves_one_row_alone_on_either_page(n: int) -> None:
    style = getSampleStyleSheet()["BodyText"]
    header = [[Paragraph("Stage", style), Paragraph("KPI", style)]]
    table = WindowedTable(header, _rows(n), [[] for _ in range(n)], col_widths=[100, 300])
    _, total = table.wrap(400, 10_000)
    for avail in range(20, int(total) + 20, 3):
        parts = WindowedTable(header, _rows(n), [[] for _ in range(n)],
                              col_widths=[100, 300]).split(400, avail)
        if len(parts) != 2:
            continue
        first = len(parts[0]._cellvalues) - 1
        rest = len(parts[1].rows)
        assert first + rest == n
        if n >= 3:
            assert rest != 1, (n, avail)
            assert first != 1, (n, avail)
