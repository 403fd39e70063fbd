"""A saved document opens as exactly the process that was saved, and is plain SQLite."""

from __future__ import annotations

import math
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Kpi, Position, Process, Stage
from salesdesigner.storage.document import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from salesdesigner.storage.limits import MAX_COORDINATE, MAX_DURATION_DAYS
from tests.storage.conftest import fingerprint, sample_process
from tests.strategies import processes

ROUND_TRIP = settings(max_examples=80, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@ROUND_TRIP
@given(processes())
def test_any_process_round_trips_exactly_with_order_kept(process):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.salesdesign"
        save_document(process, path)
        back = open_document(path)
    assert back == process
    assert back.stage_ids == process.stage_ids
    assert [t.id for t in back.transitions] == [t.id for t in process.transitions]
    assert [lane.id for lane in back.lanes] == [lane.id for lane in process.lanes]
    assert list(back.attachments) == list(process.attachments)


def test_sample_round_trips_with_exact_types(tmp_path):
    process = sample_process()
    save_document(process, tmp_path / "s.salesdesign")
    back = open_document(tmp_path / "s.salesdesign")
    assert back == process
    assert back.description.endswith("\x00末尾")
    approach = back.stage("approach")
    assert type(approach.duration_days) is float and approach.duration_days == 7.0
    assert type(back.stage("won").position.x) is float
    assert back.stage("won").duration_days is None
    assert [k.target for k in approach.kpis] == [10.0, 2.25, None]
    assert back.attachment("empty").data == b""
    assert back.extensions == {"x-owner": {"team": ["営業", 1, None, True]}}


def test_extreme_kpi_targets_and_edge_positions_survive(tmp_path):
    process = Process(id="p", name="n")
    values = [5e-324, 1.7976931348623157e308, -2.5e-300, 2.0**53 + 2, 123456789.125]
    edges = [5e-324, MAX_COORDINATE, -MAX_COORDINATE, 2.0**26 + 0.5, 12345678.125]
    for i, (value, edge) in enumerate(zip(values, edges, strict=True)):
        process.add_stage(Stage(f"s{i}", "s", position=Position(edge, -edge),
                                duration_days=abs(edge) % MAX_DURATION_DAYS,
                                kpis=(Kpi("k", value),)))
    save_document(process, tmp_path / "n.salesdesign")
    back = open_document(tmp_path / "n.salesdesign")
    for i, (value, edge) in enumerate(zip(values, edges, strict=True)):
        stage = back.stage(f"s{i}")
        assert (stage.position, stage.duration_days, stage.kpis[0].target) == (
            Position(edge, -edge), abs(edge) % MAX_DURATION_DAYS, value)


@pytest.mark.parametrize(("position", "duration", "expected"), [
    (Position(math.nan, 0), None, "coordinate of stage 'odd' is not a finite number"),
    (Position(0, math.inf), None, "coordinate of stage 'odd' is not a finite number"),
    (Position(0, 1e12), None, "coordinate of stage 'odd' is outside ±100,000,000"),
    (Position(0, 0), -1.0, "duration of stage 'odd' must be between 0 and 100,000 days"),
])
def test_a_position_or_duration_no_reader_accepts_is_refused_on_save(tmp_path, position,
                                                                     duration, expected):
    process = Process(id="p", name="n")
    process.add_stage(Stage("odd", "s", position=position, duration_days=duration))
    with pytest.raises(DocumentError, match=re.escape(expected)):
        save_document(process, tmp_path / "n.salesdesign")
    assert list(tmp_path.iterdir()) == []


def test_saving_again_over_an_existing_document_replaces_it(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    smaller = Process(id="other", name="Other")
    save_document(smaller, path)
    assert open_document(path) == smaller
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.salesdesign"]


def test_file_is_plain_sqlite_marked_as_ours_and_consistent(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("SELECT id, name, kind, lane FROM stages ORDER BY ordinal").fetchall() \
            == [("start", "開始", "start", "is"), ("approach", "アプローチ", "stage", "fs"),
                ("won", "受注", "won", None), ("lost", "失注", "lost", None)]
        assert db.execute("SELECT text FROM exit_criteria WHERE stage_id = 'approach' "
                          "ORDER BY ordinal").fetchall() == [("日程確定",), ("決裁者判明",)]
        kpis = db.execute("SELECT name, target, direction FROM kpis ORDER BY ordinal")
        assert kpis.fetchall() == [("アポ率", 10.0, "higher"), ("リードタイム", 2.25, "lower"),
                                   ("未設定", None, "higher")]
        assert db.execute("SELECT id, source, target FROM transitions ORDER BY ordinal"
                          ).fetchall() == [("t1", "start", "approach"),
                                           ("t2", "approach", "won"), ("t3", "approach", "lost")]
        assert db.execute("SELECT extensions FROM lanes WHERE id = 'is'").fetchone()[0] \
            == '{"x-note": [1, "a"]}'
        assert db.execute("SELECT data FROM attachments WHERE id = 'logo'").fetchone()[0] \
            == b"%PDF-1.4\x00\xff"
    finally:
        db.close()


def test_large_document_round_trips(tmp_path):
    process = synthetic_process(1500)
    save_document(process, tmp_path / "big.salesdesign")
    assert open_document(tmp_path / "big.salesdesign") == process


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    path.chmod(0o640)
    save_document(Process(id="p"), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_saving_through_a_symlink_replaces_the_linked_file(tmp_path):
    real = tmp_path / "real.salesdesign"
    link = tmp_path / "link.salesdesign"
    save_document(Process(id="old"), real)
    link.symlink_to(real)
    save_document(Process(id="new"), link)
    assert link.is_symlink()
    assert open_document(real).id == "new"


def test_long_and_unusual_file_names_work(tmp_path):
    names = ("a" * 240 + ".salesdesign", "営" * 80 + ".salesdesign",
             "営業 #1 ?%&.salesdesign", ".hidden")
    for name in names:
        path = tmp_path / name
        save_document(sample_process(), path)
        assert open_document(path) == sample_process()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_saving_over_a_read_only_file_is_refused_and_keeps_it(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    path.chmod(0o444)
    before = fingerprint(path)
    with pytest.raises(DocumentError, match="read-only"):
        save_document(Process(id="other"), path)
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.salesdesign"]
