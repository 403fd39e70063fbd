"""A long export is read in pieces of rows turned into columns: where the pieces and chunks
fall changes nothing (events, rejected rows with their line numbers, counts per CRM stage),
and a rejected row's line is the file's, past blank lines and cells spanning lines."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals.events import EventColumns
from salesdesigner.storage.actuals_import import read_actuals, reader
from salesdesigner.storage.templates import load_template
from tests.actuals.exports import NAME


def test_rejected_rows_keep_their_file_lines_past_blank_lines_and_multi_line_cells(tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text(
        "商談ID,商談名,フェーズ,変更日\n"                      # 1
        "OPP-1,A社,リード発生,2026/04/01\n"                     # 2: good
        "\n"                                                    # 3: blank
        'OPP-2,"B社\n（本社）",リード発生,2026/04/02\n'         # 4-5: good, name on two lines
        "OPP-3,C社,謎,2026/04/03\n"                             # 6: unknown stage
        "\n\n"                                                  # 7, 8: blank
        'OPP-4,"D\n社\n",リード発生,2026/13/01\n'               # 9-11: bad date
        "OPP-5,E社,受注,2026-04-05 10:30\n",                    # 12: good
        encoding="utf-8")
    plan = read_actuals(path, load_template("eight-step", "ja"))
    assert [(r.line, r.reason) for r in plan.rejected] == [(6, "unknown_stage"),
                                                           (11, "bad_date")]
    assert isinstance(plan.events, EventColumns)
    assert [(e.deal_id, e.deal_name, e.stage_id, e.entered) for e in plan.events] == [
        ("OPP-1", "A社", "lead", datetime(2026, 4, 1)),
        ("OPP-2", "B社\n（本社）", "lead", datetime(2026, 4, 2)),
        ("OPP-5", "E社", "won", datetime(2026, 4, 5, 10, 30))]
    assert plan.rows == 5 and plan.stage_rows == {"リード発生": 3, "謎": 1, "受注": 1}


STAGE_NAMES = [*NAME.values(), "謎", ""]
cell = st.sampled_from(["OPP-1", " OPP-2 ", "OPP-3", "", "ＯＰＰ-4"])
dates = st.sampled_from(["2026/04/01", "2026-04-02 10:30", "2026-04-03 10:30:15", "4/1/2026",
                         "2026年4月1日", "2026/02/30", "", "soon", " 2026-04-04"])
amounts = st.sampled_from(["1,000", "¥2,000", "3000円", "", "abc", "1.5"])
rows = st.lists(st.tuples(cell, st.sampled_from(STAGE_NAMES), dates, amounts,
                          st.sampled_from(["", "Lee", " 佐藤 "]), st.booleans()),
                min_size=1, max_size=40)


def _plan(path):  # type: ignore[no-untyped-def]
    plan = read_actuals(path, load_template("eight-step", "ja"))
    return (list(plan.events), plan.rejected, plan.stage_rows, plan.rows,
            dict(plan.stages.mapping))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows, st.integers(1, 4), st.integers(1, 3))
def test_where_the_pieces_and_chunks_fall_changes_nothing(tmp_path, monkeypatch, table,
                                                          every, pieces):
    path = tmp_path / "export.csv"
    lines = ["Deal ID,Stage,Date,Amount,Owner"]
    for deal, stage, date, amount, owner, blank_after in table:
        lines.append(f'{deal},{stage},{date},"{amount}",{owner}')
        if blank_after:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = _plan(path)
    with monkeypatch.context() as m:
        m.setattr(reader, "PROGRESS_EVERY", every)
        m.setattr(reader, "CHUNK_ROWS", every * pieces)
        assert _plan(path) == whole


def test_a_progress_callback_sees_the_line_of_each_pieces_last_row(tmp_path, monkeypatch):
    path = tmp_path / "export.csv"
    path.write_text("Deal ID,Stage,Date\n" + "".join(
        f"D{n},リード発生,2026-04-01\n\n" for n in range(10)), encoding="utf-8")
    monkeypatch.setattr(reader, "PROGRESS_EVERY", 4)
    monkeypatch.setattr(reader, "CHUNK_ROWS", 8)
    seen: list[int] = []
    plan = read_actuals(path, load_template("eight-step", "ja"),
                        progress=lambda line, total: seen.append(line) or True)
    assert len(plan.events) == 10 and seen == [0, 8, 16]  # rows 4 and 8: lines 8 and 16


@pytest.mark.parametrize("blank", ["", "\n"])
def test_an_export_with_a_header_only_imports_nothing(tmp_path, blank):
    path = tmp_path / "empty.csv"
    path.write_text("Deal ID,Stage,Date\n" + blank, encoding="utf-8")
    plan = read_actuals(path, load_template("eight-step", "ja"))
    assert len(plan.events) == 0 and plan.rows == 0 and not plan.rejected
