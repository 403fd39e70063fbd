"""CSV stage lists become linear processes; Excel's encodings and bad rows are handled."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import StageKind
from salesdesigner.model.validation import Severity, validate
from salesdesigner.storage.csv_import import import_csv, process_from_csv
from salesdesigner.storage.json_format import InterchangeError

JAPANESE = (
    "ステージ,目標,説明,完了条件,日数,部門,KPI,目標値,単位,KPI2,目標値2,単位2,備考\r\n"
    "アプローチ,アポ獲得,電話とメール,日程確定;決裁者判明,7,インサイドセールス,アポ率,10%,,"
    "接触数,200,件,メモ\r\n"
    "ヒアリング,課題把握,\"BANTを確認\n(予算・決裁)\",\"予算確認\n課題合意\",14日,フィールドセールス,"
    "ヒアリング実施率,８０,%,,,,\r\n"
    ",,,,,,,,,,,,\r\n"
    "クロージング,受注,,,,フィールドセールス,受注率,30,%,,,,\r\n"
)


def write(tmp_path: Path, text: str, encoding: str, name: str = "営業プロセス.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp932", "utf-8", "utf-8-sig", "utf-16"])
def test_japanese_excel_export_in_any_encoding_becomes_a_linear_process(
        tmp_path: Path, encoding: str) -> None:
    p = import_csv(write(tmp_path, JAPANESE, encoding))
    assert p.name == "営業プロセス" and p.language == "ja"
    assert [(s.name, s.kind) for s in p.stages] == [
        ("開始", StageKind.START), ("アプローチ", StageKind.STAGE),
        ("ヒアリング", StageKind.STAGE), ("クロージング", StageKind.STAGE),
        ("受注", StageKind.WON), ("失注", StageKind.LOST)]
    names = {s.id: s.name for s in p.stages}
    assert [(names[t.source], names[t.target]) for t in p.transitions] == [
        ("開始", "アプローチ"), ("アプローチ", "ヒアリング"), ("ヒアリング", "クロージング"),
        ("クロージング", "受注"), ("クロージング", "失注")]
    assert [t.label for t in p.outgoing(p.stage_ids[3])] == ["受注", "失注"]
    assert [lane.name for lane in p.lanes] == ["インサイドセールス", "フィールドセールス"]
    assert p.stage_ids == ["start", "stage-1", "stage-2", "stage-3", "won", "lost"]
    assert [lane.id for lane in p.lanes] == ["lane-1", "lane-2"]
    approach, hearing = p.stages[1], p.stages[2]
    assert approach.exit_criteria == ("日程確定", "決裁者判明")
    assert hearing.exit_criteria == ("予算確認", "課題合意")
    assert hearing.description == "BANTを確認\n(予算・決裁)"
    assert (approach.duration_days, hearing.duration_days) == (7.0, 14.0)
    assert [(k.name, k.target, k.unit) for k in approach.kpis] == [
        ("アポ率", 10.0, "%"), ("接触数", 200.0, "件")]
    assert [(k.name, k.target, k.unit) for k in hearing.kpis] == [("ヒアリング実施率", 80.0, "%")]
    assert approach.lane == p.lanes[0].id and hearing.lane == p.lanes[1].id
    assert not [f for f in validate(p) if f.severity is Severity.ERROR]
    xs = [s.position.x for s in p.stages[:5]]
    assert xs == sorted(xs) and len(set(xs)) == 5  # laid out left to right


def test_english_headers_any_case_and_tab_separated(tmp_path: Path) -> None:
    text = ("Stage\tGoal\tExit Criteria\tDuration_Days\tKPI\tKPI_Target\tKPI_Unit\n"
            "Prospecting\tList\tList ready\t3 days\tLeads\t1,000\t\n"
            "Proposal\tDeal\tSent; Accepted\t\tWin rate\t30 %\t\n")
    p = import_csv(write(tmp_path, text, "utf-8", "plan.csv"), name="Plan")
    assert p.name == "Plan" and p.language == "en"
    assert [s.name for s in p.stages] == ["Start", "Prospecting", "Proposal", "Won", "Lost"]
    assert p.stage_ids == ["start", "prospecting", "proposal", "won", "lost"]
    assert p.stages[2].exit_criteria == ("Sent", "Accepted")
    assert p.stages[1].duration_days == 3.0 and p.stages[2].duration_days is None
    assert [(k.target, k.unit) for s in p.stages for k in s.kpis] == [(1000.0, ""), (30.0, "%")]
    assert p.lanes == () and all(s.lane is None for s in p.stages)


def test_language_can_be_forced() -> None:
    p = process_from_csv("name\nアプローチ\n", language="en")
    assert p.language == "en" and p.stages[0].name == "Start"


@pytest.mark.parametrize("text,message", [
    ("goal,説明\nx,y\n", "CSV has no 'name' column (found: 'goal', '説明')."),
    ("name,goal\nA,x\n,y\n", "Line 3: the stage has no name."),
    ("name,kpi,kpi_target\nA,rate,high\n", "Line 2: KPI target for 'rate' 'high' is not a number."),
    ("name,kpi,kpi_target\n\"A\nB\",r,1\nC,r,1-2\n", "Line 4: KPI target"),
    ("name,日数\nA,一週間\n", "Line 2: duration '一週間' is not a number."),
    ("name,日数\nA,7 weeks\n", "Line 2: duration '7 weeks' is not a number of days."),
    ("name,kpi_target\nA,10\n", "Line 2: a KPI target or unit is given without a KPI name."),
    ("name,ステージ\nA,B\n", "The CSV has two columns for 'name'."),
    ("name\n", "header row but no stages"),
    ("\n\n", "The CSV file is empty"),
    ("name,日数\nA," + "9" * 400 + "\n", "Line 2: duration '99999"),
    ("\n,,\nname,kpi,kpi_target\nA,r,x\n", "Line 4: KPI target"),  # blank lines before header
])
def test_bad_csv_gives_one_line_error_with_line_number(text: str, message: str) -> None:
    with pytest.raises(InterchangeError) as info:
        process_from_csv(text)
    assert message in str(info.value)


def test_empty_file_and_binary_garbage_are_user_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(InterchangeError, match="empty"):
        import_csv(tmp_path / "empty.csv")
    (tmp_path / "bin.csv").write_bytes(b"name\n\x80\xff\xfe\xfd")
    with pytest.raises(InterchangeError, match="neither UTF-8 nor Shift_JIS"):
        import_csv(tmp_path / "bin.csv")
    (tmp_path / "bin.csv").write_bytes(b"name\n\x81\x20\x82")
    with pytest.raises(InterchangeError, match="neither UTF-8 nor Shift_JIS"):
        import_csv(tmp_path / "bin.csv")
    with pytest.raises(InterchangeError, match="Cannot read"):
        import_csv(tmp_path / "missing.csv")


def test_hostile_cells_are_kept_as_plain_text() -> None:
    p = process_from_csv('name,goal\n"<script>alert(1)</script>","a\x00b 😀"\n')
    assert p.stages[1].name == "<script>alert(1)</script>"
    assert p.stages[1].goal == "a\x00b 😀"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_arbitrary_bytes_never_crash_the_importer(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        path.write_bytes(b"name,kpi,kpi_target,days\n" + raw)
        try:
            p = import_csv(path)
        except InterchangeError as exc:
            assert "\n" not in str(exc)
        else:
            assert p.stages[0].kind is StageKind.START
