"""Every export shape of the same history imports to the same events: long CSV in UTF-8
(±BOM), UTF-16 and CP932 with mixed date and amount styles and sniffed delimiters, wide
(HubSpot-style) CSV, and .xlsx; broken rows are listed with their reason; a file that is
not a table is one clear error."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.storage.actuals_import import ActualsImportError, read_actuals
from salesdesigner.storage.templates import load_template
from tests.actuals.exports import histories, long_csv, wide_csv, write_xlsx

SETTINGS = settings(max_examples=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


def _imported(path: Path, **kwargs):
    process = load_template("eight-step", "ja")
    plan = read_actuals(path, process, **kwargs)
    plan.edit(when=datetime(2026, 7, 1)).apply(process)
    return plan, process.actuals.events


@SETTINGS
@given(history=histories(), data=st.data())
def test_the_same_history_imports_to_the_same_events_from_every_shape(
        tmp_path_factory, history, data):
    folder = tmp_path_factory.mktemp("shapes")
    styles = data.draw(st.lists(st.integers(0, 19), min_size=len(history),
                                max_size=len(history)))
    delimiter = data.draw(st.sampled_from([",", "\t", ";"]))
    text = long_csv(history, styles, delimiter)
    files = {
        "utf8.csv": text.encode("utf-8"),
        "bom.csv": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.csv": text.encode("utf-16"),
        # Shift_JIS's yen sign is the byte of "\\"; Excel may also write a full-width one
        "cp932.csv": text.replace("¥", "\\").encode("cp932"),
        "cp932-fullwidth.csv": text.replace("¥", "￥").encode("cp932"),
        "wide.csv": wide_csv(history).encode("utf-8"),
    }
    expected = None
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    write_xlsx(folder / "book.xlsx", history)
    for name in [*files, "book.xlsx"]:
        plan, events = _imported(folder / name)
        assert plan.rejected == [], (name, plan.rejected[:3])
        assert plan.shape == ("wide" if name == "wide.csv" else "long")
        if expected is None:
            expected = events
            assert sorted(e.key for e in events) == sorted(e.key for e in history)
            assert {(e.key, e.amount, e.owner, e.deal_name) for e in events} == {
                (e.key, e.amount, e.owner, e.deal_name) for e in history}
        assert events == expected, name


def test_broken_rows_are_each_listed_with_their_reason_and_the_good_rows_imported(tmp_path):
    rows = [
        "商談ID,商談名,フェーズ,変更日,金額,担当者",
        "OPP-1,A社,リード発生,2026/04/01,\"¥1,200,000\",山田",  # 2: good
        ",B社,リード発生,2026/04/01,1,佐藤",  # 3: no id
        "OPP-3,C社,交渉,2026/04/01,1,佐藤",  # 4: unknown stage
        "OPP-4,D社,リード発生,2026/14/01,1,佐藤",  # 5: bad date
        "OPP-5,E社,リード発生,,1,佐藤",  # 6: no date
        "OPP-6,F社,受注,2026年5月1日,abc,佐藤",  # 7: bad amount
        "OPP-7,G社,,2026-05-01,1,佐藤",  # 8: no stage
    ]
    good_tail = "OPP-8,H社,受注,4/1/2026,880000円,佐藤"  # 10: good
    raw = ("\r\n".join(rows) + "\r\n").encode("utf-8")
    raw += "OPP-9,I社,受注,2026-05-01,1,佐藤\r\n".encode("cp932")  # 9: mis-encoded
    raw += (good_tail + "\r\n").encode("utf-8")
    path = tmp_path / "broken.csv"
    path.write_bytes(raw)
    plan, events = _imported(path)
    assert [(r.line, r.reason) for r in plan.rejected] == [
        (3, "missing_id"), (4, "unknown_stage"), (5, "bad_date"), (6, "missing_date"),
        (7, "bad_amount"), (8, "missing_stage"), (9, "mis_encoded")]
    assert plan.rejected[1].value == "交渉" and plan.rejected[2].value == "2026/14/01"
    assert [(e.deal_id, e.stage_id, e.entered, e.amount) for e in events] == [
        ("OPP-1", "lead", datetime(2026, 4, 1), 1_200_000.0),
        ("OPP-8", "won", datetime(2026, 4, 1), 880_000.0)]
    assert plan.rows == 9


def test_a_wide_export_lists_a_bad_date_under_its_stage_column(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text('Record ID,Deal Name,Date entered "リード発生",Date entered "謎の段階"\n'
                    "D1,A,2026-04-01,2026-04-02\n"
                    "D2,B,someday,\n", encoding="utf-8")
    plan, events = _imported(path)
    assert [(r.line, r.reason, r.stage) for r in plan.rejected] == [
        (2, "unknown_stage", "謎の段階"), (3, "bad_date", "リード発生")]
    assert [(e.deal_id, e.stage_id) for e in events] == [("D1", "lead")]
    assert plan.stages.unmapped == {"謎の段階": []}


def test_unmapped_stages_get_near_suggestions_and_a_given_mapping_is_remembered(tmp_path):
    path = tmp_path / "en.csv"
    path.write_text("Opportunity ID,Stage,Date,Amount,Owner\n"
                    "O1,提案,2026-04-01,100,Jane\n"
                    "O1,Negotiation/Review,2026-04-09,100,Jane\n", encoding="utf-8")
    process = load_template("eight-step", "ja")
    plan = read_actuals(path, process)
    assert "proposal" in plan.stages.unmapped["提案"]
    assert [r.reason for r in plan.rejected] == ["unknown_stage", "unknown_stage"]
    plan = read_actuals(path, process, stage_map={"提案": "proposal",
                                                  "Negotiation/Review": "クロージング"})
    assert plan.stages.how == {"提案": "given", "Negotiation/Review": "given"}
    plan.edit().apply(process)
    again = read_actuals(path, process)
    assert again.rejected == [] and again.stages.how == {
        "提案": "remembered", "Negotiation/Review": "remembered"}
    assert [e.stage_id for e in again.events] == ["proposal", "closing"]


def test_a_map_naming_no_stage_is_refused(tmp_path):
    path = tmp_path / "en.csv"
    path.write_text("Opportunity ID,Stage,Date\nO1,A,2026-04-01\n", encoding="utf-8")
    with pytest.raises(ActualsImportError, match="no stage"):
        read_actuals(path, load_template("eight-step", "ja"), stage_map={"A": "nowhere"})


@pytest.mark.parametrize("content, words", [
    (b"", "not a table"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a table"),
    (b"just one line of prose without any separators\nand another\n", "not a table"),
    (b"SQLite format 3\x00" + bytes(200), "not a CRM export"),
    (b"PK\x03\x04garbage that is no zip", "not a readable Excel workbook"),
    ("名前,メモ\nA,B\n".encode(), "no column for deal_id"),
])
def test_a_file_that_is_not_a_usable_table_is_one_clear_error(tmp_path, content, words):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(ActualsImportError) as caught:
        read_actuals(path, load_template("eight-step", "ja"))
    assert words in str(caught.value) and "\n" not in str(caught.value)
