"""The JSON interchange format round-trips every process exactly and writes stable bytes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from salesdesigner.model import (
    Attachment,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.storage.json_format import (
    attachment_files,
    export_json,
    import_json,
    process_from_json,
    process_to_json,
)
from salesdesigner.storage.limits import MAX_COORDINATE, MAX_DURATION_DAYS
from tests.strategies import processes

ROUND_TRIP = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def sample() -> Process:
    p = Process(id="p-1", name="法人営業プロセス", description="説明 <b>&amp;</b>", language="ja",
                currency="JPY", company="株式会社サンプル", revision="v2", logo="logo")
    p.add_lane(Lane("is", "インサイドセールス", "#F58518", 240.0, {"x-note": [1, "a"]}))
    p.add_stage(Stage("start", "開始", StageKind.START, "is", Position(100.0, 80.0)))
    p.add_stage(Stage("approach", "アプローチ", lane="is", position=Position(360.5, -0.0),
                      goal="アポ獲得", exit_criteria=("日程確定", "決裁者判明"), duration_days=7.0,
                      kpis=(Kpi("アポ率", 10.0, "%", id="appointment-rate"),
                            Kpi("リードタイム", 2.25, "日", "lower")),
                      materials=(Material("会社案内", "attachment:logo"),),
                      tips=("朝に電話",)))
    p.add_stage(Stage("won", "受注", StageKind.WON))
    p.add_transition(Transition("t1", "start", "approach"))
    p.add_transition(Transition("t2", "approach", "won", "アポ獲得", "日程確定"))
    p.add_attachment(Attachment("logo", "../会社 案内?.pdf", b"%PDF-1.4\x00\xff",
                                "application/pdf"))
    return p


def test_sample_round_trips_with_attachments_written_beside(tmp_path: Path) -> None:
    p = sample()
    path = tmp_path / "process.json"
    export_json(p, path)
    assert import_json(path) == p
    files = list((tmp_path / "process.files").iterdir())
    assert [f.read_bytes() for f in files] == [b"%PDF-1.4\x00\xff"]
    assert files[0].name == "会社 案内_.pdf"  # no folders, no '?' in the written name


def test_numbers_are_written_as_integers_when_whole_and_exact_otherwise() -> None:
    doc = json.loads(process_to_json(sample()))
    approach = doc["stages"][1]
    assert approach["position"] == {"x": 360.5, "y": 0}
    assert approach["duration_days"] == 7 and isinstance(approach["duration_days"], int)
    assert [k["target"] for k in approach["kpis"]] == [10, 2.25]
    assert doc["lanes"][0]["height"] == 240


def test_keys_follow_the_spec_order_and_text_is_not_ascii_escaped() -> None:
    text = process_to_json(sample())
    doc = json.loads(text)
    assert list(doc) == ["format", "version", "process", "lanes", "stages", "transitions",
                         "attachments"]
    assert list(doc["stages"][1])[:5] == ["id", "name", "kind", "lane", "position"]
    assert list(doc["stages"][1]["kpis"][0]) == ["id", "name", "target", "unit", "direction",
                                                 "definition"]
    assert "法人営業プロセス" in text and text.endswith("}\n")
    assert doc["format"] == "salesdesigner.process" and doc["version"] == 1


def test_omitting_attachments_lists_them_without_bytes_and_import_creates_none(
        tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    export_json(sample(), path, attachments="omit")
    assert not (tmp_path / "p.files").exists()
    doc = json.loads(path.read_text("utf-8"))
    assert doc["attachments"] == [{"id": "logo", "filename": "../会社 案内?.pdf",
                                   "mime_type": "application/pdf"}]
    back = import_json(path)
    assert back.attachments == {}
    assert back.stage("approach").materials[0].uri == "attachment:logo"  # reference kept


def test_large_and_tiny_floats_round_trip_exactly() -> None:
    p = Process(id="p")
    values = [1e300, -1.7976931348623157e308, 5e-324, 2.0 ** 53, 0.1 + 0.2]
    edges = [MAX_COORDINATE, -MAX_COORDINATE, 5e-324, 2.0 ** 26 + 0.5, 0.1 + 0.2]
    for n, (value, edge) in enumerate(zip(values, edges, strict=True)):
        p.add_stage(Stage(f"s{n}", "x", duration_days=abs(edge) % MAX_DURATION_DAYS,
                          position=Position(edge, -edge), kpis=(Kpi("k", value),)))
    assert process_from_json(process_to_json(p)) == p


@ROUND_TRIP
@given(processes())
def test_any_process_round_trips_exactly_including_attachments(p: Process) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        folder = base / "doc.files"
        text = process_to_json(p, attachments_dir=folder)
        if p.attachments:
            folder.mkdir()
            for name, data in attachment_files(p).items():
                (folder / name).write_bytes(data)
        back = process_from_json(text, base_dir=base)
        assert back == p
        assert back.attachments == p.attachments


@ROUND_TRIP
@given(processes())
def test_export_import_export_is_byte_identical(p: Process) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a").mkdir()
        (Path(tmp) / "b").mkdir()
        first, second = Path(tmp) / "a" / "doc.json", Path(tmp) / "b" / "doc.json"
        export_json(p, first)
        export_json(import_json(first), second)
        assert first.read_bytes() == second.read_bytes()
        files = [{f.name: f.read_bytes() for f in (Path(tmp) / d / "doc.files").glob("*")}
                 for d in ("a", "b")]
        assert files[0] == files[1] and len(files[0]) == len(p.attachments)


def test_unknown_fields_are_kept_under_extensions_and_written_back() -> None:
    doc = json.loads(process_to_json(sample()))
    doc["glossary"] = {"KPI": "重要業績評価指標"}
    doc["process"]["owner"] = "営業部"
    doc["lanes"][0]["icon"] = "phone"
    doc["stages"][1]["probability"] = 0.25
    doc["stages"][1]["kpis"][0]["source"] = "SFA"
    doc["stages"][1]["materials"][0]["pages"] = 12
    doc["transitions"][0]["weight"] = 3
    p = process_from_json(json.dumps(doc))
    assert p.extensions == {"glossary": {"KPI": "重要業績評価指標"}, "owner": "営業部"}
    assert p.lane("is").extensions == {"x-note": [1, "a"], "icon": "phone"}
    assert p.stage("approach").extensions == {"probability": 0.25}
    assert p.stage("approach").kpis[0].extensions == {"source": "SFA"}
    assert p.stage("approach").materials[0].extensions == {"pages": 12}
    assert p.transition("t1").extensions == {"weight": 3}
    again = json.loads(process_to_json(p))
    assert again["stages"][1]["extensions"] == {"probability": 0.25}
    assert again["stages"][1]["kpis"][0]["extensions"] == {"source": "SFA"}
    assert process_from_json(process_to_json(p)) == p


def test_minimal_document_uses_empty_values_and_lays_out_stages_without_positions() -> None:
    p = process_from_json(json.dumps({
        "format": "salesdesigner.process", "version": 1,
        "stages": [{"id": "a", "kind": "start"}, {"id": "b"}, {"id": "c", "kind": "won"}],
        "transitions": [{"id": "1", "source": "a", "target": "b"},
                        {"id": "2", "source": "b", "target": "c"}]}))
    assert [s.name for s in p.stages] == ["", "", ""]
    assert p.language == "en" and p.lanes == ()
    xs = [s.position.x for s in p.stages]
    assert xs == sorted(xs) and len(set(xs)) == 3  # laid out left to right


def test_nulls_for_optional_fields_read_as_empty_values() -> None:
    p = process_from_json(json.dumps({
        "format": "salesdesigner.process", "version": 1, "process": {"name": None},
        "lanes": None, "stages": [{"id": "a", "name": None, "goal": None, "kpis": None,
                                   "position": {"x": 1, "y": 2}, "extensions": None}]}))
    assert p.name == "" and p.stage("a").goal == "" and p.stage("a").kpis == ()
    assert p.stage("a").position == Position(1.0, 2.0)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + process_to_json(sample()).encode("utf-8"))
    assert import_json(path).name == "法人営業プロセス"


def test_hostile_attachment_names_are_written_as_safe_unique_files_inside_the_folder(
        tmp_path: Path) -> None:
    p = Process(id="p")
    names = ["", ".", "..", "CON.txt", "a/b\\c.pdf", "A.pdf", "a.pdf", "x" * 400 + ".png",
             "\x00\n.pdf", "報告書😀.pdf"]
    for n, name in enumerate(names):
        p.add_attachment(Attachment(f"a{n}", name, bytes([n])))
    path = tmp_path / "out" / "plan.json"
    path.parent.mkdir()
    export_json(p, path)
    folder = tmp_path / "out" / "plan.files"
    written = sorted(f.name for f in folder.iterdir())
    assert len(written) == len(names)  # nothing overwritten
    assert len({w.casefold() for w in written}) == len(names)  # unique on any file system
    assert all(len(w.encode()) <= 120 and "/" not in w and "\\" not in w for w in written)
    assert "_CON.txt" in written and "c.pdf" in written and "報告書😀.pdf" in written
    assert sorted(f.name for f in (tmp_path / "out").iterdir()) == ["plan.files", "plan.json"]
    back = import_json(path)
    assert back == p


def test_a_file_name_with_colons_and_backslashes_still_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "a:b\\c.json"
    export_json(sample(), path)
    assert import_json(path) == sample()


def test_an_unknown_field_wins_over_the_same_key_inside_extensions() -> None:
    doc = json.loads(process_to_json(sample()))
    doc["stages"][0]["extensions"] = {"color": "old", "keep": 1}
    doc["stages"][0]["color"] = "new"
    p = process_from_json(json.dumps(doc))
    assert p.stage("start").extensions == {"color": "new", "keep": 1}


def test_unknown_position_fields_are_kept_under_extensions():
    from salesdesigner.storage.json_format import process_from_json, process_to_json

    doc = {"format": "salesdesigner.process", "version": 1,
           "process": {"id": "p", "name": "P"},
           "stages": [{"id": "a", "name": "A", "kind": "start",
                       "position": {"x": 1, "y": 2, "z": 3, "anchor": "centre"}}],
           "transitions": []}
    process = process_from_json(json.dumps(doc))
    assert process.stage("a").extensions["position"] == {"z": 3, "anchor": "centre"}
    again = process_from_json(process_to_json(process))
    assert again == process
