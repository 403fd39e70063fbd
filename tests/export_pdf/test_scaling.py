"""Manual generation grows linearly with the number of stages: the long KPI summary is
split page by page without re-processing the whole table.  Counted work, never
wall-clock time (the printed flow's planning is measured in benchmarks/bench_pdf.py)."""

from __future__ import annotations

import io

import pytest
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import tables as rl_tables

from benchmarks.synthetic import synthetic_process
from salesdesigner.export.pdf.page_templates import make_anchor
from salesdesigner.export.pdf.rowtable import WindowedTable, _shift
from salesdesigner.export.pdf.sections import Manual, kpi_summary
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import Words as Labels
from tests.export_pdf.conftest import page_texts


def _summary(n_stages: int) -> tuple[list, float]:
    """The KPI summary section of a generated process, and the body width."""
    process = synthetic_process(n_stages)
    ids = process_order(process)
    labels = Labels(process.language, "manual")
    ts = Typesetter(labels.japanese)
    m = Manual(process, labels, ts, [process.stage(s) for s in ids])
    m.numbers = {sid: k for k, sid in enumerate(ids, 1)}
    m.keys = {sid: f"stage-{k}" for k, sid in enumerate(ids, 1)}
    width = SimpleDocTemplate(io.BytesIO()).width
    return kpi_summary(m, make_anchor(ts, labels, m.numbers), width), width


def _build(story: list) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)
    doc.build(story)
    return buffer.getvalue(), doc.page


def _style_commands_processed(monkeypatch: pytest.MonkeyPatch, n_stages: int) -> tuple[int, int]:
    """(table style commands ReportLab processed, pages) laying out the KPI summary."""
    count = 0
    original = rl_tables.Table._addCommand

    def counting(self, cmd):
        nonlocal count
        count += 1
        return original(self, cmd)

    monkeypatch.setattr(rl_tables.Table, "_addCommand", counting)
    story, _ = _summary(n_stages)
    _, pages = _build(story)
    monkeypatch.setattr(rl_tables.Table, "_addCommand", original)
    return count, pages


def test_kpi_summary_split_work_doubles_when_the_stages_double(monkeypatch) -> None:
    small, small_pages = _style_commands_processed(monkeypatch, 120)
    large, large_pages = _style_commands_processed(monkeypatch, 240)
    assert small_pages >= 8 and large_pages >= 2 * small_pages - 2
    # one big table re-processes every remaining command at each page break: x4 here
    assert large / small < 2.4, (small, large)


def test_windowed_summary_breaks_pages_exactly_like_one_big_table() -> None:
    story, _ = _summary(90)
    table = story[-1]
    assert isinstance(table, WindowedTable)
    head = len(table.header)
    commands = list(table.style)
    for i, row in enumerate(table.row_styles):
        commands += [_shift(cmd, head + i) for cmd in row]
    whole = Table(table.header + table.rows, colWidths=table.col_widths, repeatRows=head,
                  splitByRow=1, splitInRow=0)
    whole.setStyle(TableStyle(commands))
    windowed, pages = _build(list(story))
    reference, reference_pages = _build(story[:-1] + [whole])
    assert pages == reference_pages > 5
    assert page_texts(windowed) == page_texts(reference)
    header = page_texts(windowed)[0].split("\n")[1]  # line 0 is the section title
    for text in page_texts(windowed)[1:]:
        assert text.startswith(header)  # the header row repeats on every page


def test_windowed_table_with_few_rows_is_drawn_whole() -> None:
    story, _ = _summary(6)
    data, pages = _build(story)
    assert pages == 1
    text = page_texts(data)[0]
    assert text.count("Conversion rate") == 3 and text.count("Lead time") == 3
