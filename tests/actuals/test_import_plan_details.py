"""What the import dialog reads from a plan besides the events: rows per CRM stage, CRM
stages set to be ignored (and remembered so), a column chosen as "none", progress with
cancel, the missing-columns error that carries the header, and rejected rows' raw text."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.storage.actuals_import import (
    IGNORE,
    ImportCancelled,
    MissingColumns,
    raw_lines,
    read_actuals,
)
from salesdesigner.storage.templates import load_template

LONG = ("Opportunity ID,Stage,Date,Amount\n"
        "O1,リード発生,2026-04-01,100\n"
        "O1,Old pipeline,2026-04-02,100\n"
        "O2,Old pipeline,2026-04-03,abc\n"
        "O3,リード発生,2026-04-05,7\n"
        "O4,謎,2026-04-06,7\n")


def test_rows_per_crm_stage_are_counted_and_an_ignored_stage_is_left_out_not_rejected(
        tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(LONG, encoding="utf-8")
    process = load_template("eight-step", "ja")
    plan = read_actuals(path, process, stage_map={"Old pipeline": IGNORE})
    assert plan.stage_rows == {"リード発生": 2, "Old pipeline": 2, "謎": 1}
    assert plan.stages.ignored == ["Old pipeline"]
    assert plan.ignored_rows == 2
    assert [(r.line, r.reason) for r in plan.problems] == [(6, "unknown_stage")]
    assert plan.unmapped_rows() == {"謎": 1}
    assert [(e.deal_id, e.stage_id) for e in plan.events] == [("O1", "lead"), ("O3", "lead")]
    plan.edit(when=datetime(2026, 7, 1)).apply(process)
    assert process.actuals.stage_mapping["Old pipeline"] == IGNORE
    again = read_actuals(path, process)  # remembered: ignored again without asking
    assert again.stages.how["Old pipeline"] == "remembered" and again.ignored_rows == 2


def test_a_wide_export_counts_deals_per_stage_column_and_ignores_a_column(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text('Record ID,Date entered "リード発生",Date entered "Legacy"\n'
                    "D1,2026-04-01,2026-04-02\nD2,2026-04-03,\n", encoding="utf-8")
    plan = read_actuals(path, load_template("eight-step", "ja"),
                        stage_map={"Legacy": IGNORE})
    assert plan.stage_rows == {"リード発生": 2, "Legacy": 1}
    assert plan.problems == [] and plan.ignored_rows == 1 and len(plan.events) == 2


def test_a_column_given_as_none_is_not_read_even_if_its_header_matches(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(LONG, encoding="utf-8")
    process = load_template("eight-step", "ja")
    old = {"Old pipeline": "lead"}
    assert any(r.reason == "bad_amount"
               for r in read_actuals(path, process, stage_map=old).rejected)
    plan = read_actuals(path, process, stage_map=old, columns={"amount": ""})
    assert "amount" not in plan.columns
    assert not any(r.reason == "bad_amount" for r in plan.rejected)
    assert all(e.amount is None for e in plan.events)


def test_a_missing_column_error_carries_the_header_to_choose_from(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes("番号;段階;いつ\nO1;リード発生;2026/04/01\n".encode("cp932"))
    process = load_template("eight-step", "ja")
    with pytest.raises(MissingColumns) as caught:
        read_actuals(path, process)
    error = caught.value
    assert error.header == ["番号", "段階", "いつ"] and error.encoding == "cp932"
    assert error.delimiter == ";" and "entered" in error.missing
    plan = read_actuals(path, process, columns={"deal_id": "番号", "stage": "段階",
                                                "entered": "いつ"})
    assert [(e.deal_id, e.stage_id) for e in plan.events] == [("O1", "lead")]
    assert plan.header == ["番号", "段階", "いつ"] and plan.delimiter == ";"


def test_progress_is_reported_and_returning_false_cancels_the_read(tmp_path):
    path = tmp_path / "big.csv"
    rows = [f"D{n},リード発生,2026-04-01" for n in range(5000)]
    path.write_text("Deal ID,Stage,Date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    process = load_template("eight-step", "ja")
    seen: list[tuple[int, int]] = []
    plan = read_actuals(path, process, progress=lambda line, total: seen.append(
        (line, total)) or True)
    assert len(plan.events) == 5000
    assert seen[0] == (0, 5001) and len(seen) == 3 and seen[-1][0] < 5001
    calls = []
    with pytest.raises(ImportCancelled):
        read_actuals(path, process, progress=lambda line, total: calls.append(line) or
                     len(calls) < 2)
    assert process.actuals.events == ()


def test_raw_lines_show_the_rejected_rows_as_written_even_a_mis_encoded_one(tmp_path):
    path = tmp_path / "mixed.csv"
    raw = "Deal ID,Stage,Date\nO1,リード発生,2026-04-01\n".encode()
    raw += "O2,受注,2026-04-02\n".encode("cp932") + b"O3,x,y\n"
    path.write_bytes(raw)
    plan = read_actuals(path, load_template("eight-step", "ja"))
    lines = raw_lines(path, {r.line for r in plan.rejected})
    assert lines[3].startswith("O2,") and "\ufffd" in lines[3]
    assert lines[4] == "O3,x,y"
    import openpyxl
    book = openpyxl.Workbook()
    for row in (["Deal ID", "Stage", "Date"], ["O1", "謎", "2026-04-01"],
                ["O2", "リード発生", "2026-04-02"]):
        book.active.append(row)
    xlsx = tmp_path / "book.xlsx"
    book.save(xlsx)
    assert raw_lines(xlsx, {2}) == {2: "O1\t謎\t2026-04-01"}


def test_only_a_name_containing_one_stage_is_likely_a_similar_spelling_is_only_near(tmp_path):
    path = tmp_path / "sf.csv"
    path.write_text("Opportunity ID,Stage,Date\n"
                    "O1,Closed Won,2026-04-01\nO2,Closed Lost,2026-04-01\n"
                    "O3,Outreach,2026-04-01\nO4,Legacy,2026-04-01\n"
                    "O5,Proposal/Price Quote,2026-04-01\n", encoding="utf-8")
    stages = read_actuals(path, load_template("eight-step", "en")).stages
    assert stages.likely == {"Closed Won": "won", "Closed Lost": "lost",
                             "Outreach": "approach", "Proposal/Price Quote": "proposal"}
    assert "closing" in stages.unmapped["Closed Won"]  # similar, never pre-selected
    assert "Legacy" in stages.unmapped and "Legacy" not in stages.likely
