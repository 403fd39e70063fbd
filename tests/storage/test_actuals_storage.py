"""Actuals (deal events, import records, the stage mapping) and what each KPI measures live
in the document (layout 4); files of the previous release (layout 3) open untouched with no
actuals; a crafted actuals cell ends in one clear error."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from salesdesigner.model import Anchor, ArrowStyle, Position
from salesdesigner.model.actuals.record import EMPTY_ACTUALS, Actuals
from salesdesigner.model.entities import Measure
from salesdesigner.storage.document import (
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from salesdesigner.storage.templates import load_template
from tests.actuals.strategies import actuals, sample_actuals
from tests.storage.conftest import eight_step_as_released, fingerprint

V3_FILE = Path(__file__).parent / "data" / "eight-step-ja-v3.salesdesign"


def _v3_content():
    """What the v3 file was written from (its KPIs measured nothing then)."""
    p = eight_step_as_released("ja")
    p.update_process(id="release-v3", company="株式会社サンプル", revision="2026年11月版")
    t0, t1 = p.transitions[0].id, p.transitions[1].id
    p.set_waypoints(t0, [Position(120.5, -40), Position(310, -40)])
    p.set_anchor(t1, "source", Anchor("bottom", 0.75))
    p.set_arrow_style(t1, ArrowStyle.ORTHOGONAL)
    s = p.stages[2]
    p.update_stage(s.id, goal=s.goal + "（v3で編集）", duration_days=12.5)
    p.update_process(arrow_style=ArrowStyle.STRAIGHT)
    return p


def test_a_layout_3_file_of_the_previous_release_opens_unchanged_with_no_actuals(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(V3_FILE, path)
    before = fingerprint(path)
    process = open_document(path)
    assert fingerprint(path) == before
    assert process == _v3_content()
    assert process.actuals == EMPTY_ACTUALS and not process.actuals
    assert all(k.measure is None and k.measure_to == "" for s in process.stages
               for k in s.kpis)


def test_saving_a_layout_3_file_with_actuals_writes_layout_4_that_reopens_equal(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(V3_FILE, path)
    process = open_document(path)
    process.set_actuals(sample_actuals())
    stage = process.stage("proposal")
    process.replace_stage(dataclasses.replace(stage, kpis=(
        dataclasses.replace(stage.kpis[0], measure=Measure.CONVERSION, measure_to="closing"),
        *stage.kpis[1:])))
    save_document(process, path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
    assert db.execute("SELECT deal_id, stage_id, entered, amount, outcome FROM deal_events "
                      "ORDER BY ordinal").fetchall() == [
        ("OPP-0001", "lead", "2026-04-01T00:00:00", 1200000.0, None),
        ("OPP-0001", "proposal", "2026-04-20T10:30:00", 1200000.0, "won"),
        ("OPP-0002", "lead", "2026-05-02T00:00:00", 880000.0, "lost")]
    assert db.execute("SELECT crm_stage, stage_id FROM stage_mapping ORDER BY crm_stage"
                      ).fetchall() == [("リード", "lead"), ("提案", "proposal")]
    assert db.execute("SELECT source, rows_used, rows_rejected, shape FROM actuals_imports"
                      ).fetchall() == [("export 4月.csv", 3, 1, "long")]
    assert db.execute("SELECT measure, measure_to FROM kpis WHERE stage_id = 'proposal' "
                      "AND ordinal = 0").fetchone() == ("conversion", "closing")
    db.close()
    again = open_document(path)
    assert again == process
    assert again.actuals == sample_actuals()
    assert again.stage("proposal").kpis[0].measure is Measure.CONVERSION


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=actuals)
def test_any_actuals_survive_save_and_open(tmp_path_factory, value: Actuals):
    path = tmp_path_factory.mktemp("a") / "doc.salesdesign"
    process = load_template("the-model", "en")
    process.set_actuals(value)
    save_document(process, path)
    assert open_document(path).actuals == value


def _saved_with_actuals(tmp_path: Path) -> Path:
    path = tmp_path / "doc.salesdesign"
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    save_document(process, path)
    return path


@pytest.mark.parametrize("sql, words", [
    ("UPDATE deal_events SET entered = '2026-13-45' WHERE ordinal = 0", "not ISO 8601"),
    ("UPDATE deal_events SET entered = '0001-01-01T00:00:00' WHERE ordinal = 0", "outside"),
    ("UPDATE deal_events SET entered = '2026-04-01T00:00:00+09:00' WHERE ordinal = 0",
     "not local time"),
    ("UPDATE deal_events SET entered = printf('%.100000c', '9') WHERE ordinal = 0",
     "100,000 characters"),
    ("UPDATE deal_events SET amount = 1e300 WHERE ordinal = 1", "amount"),
    ("UPDATE deal_events SET amount = 'NaN' WHERE ordinal = 1", "amount"),
    ("UPDATE deal_events SET amount = 'lots' WHERE ordinal = 1", "amount"),
    ("UPDATE deal_events SET deal_id = x'00ff' WHERE ordinal = 2", "where text belongs"),
    ("UPDATE actuals_imports SET rows_used = -1", "row count"),
    ("UPDATE actuals_imports SET shape = 'round'", "unknown shape"),
    ("UPDATE actuals_imports SET columns = printf('%.50000c', '[')", "not valid JSON"),
    ("UPDATE actuals_imports SET stages = '[[1, 2]]'", "name pairs"),
    ("UPDATE actuals_imports SET imported_at = 'yesterday'", "time"),
    ("UPDATE stage_mapping SET stage_id = x'00ff'", "where text belongs"),
    ("ALTER TABLE deal_events ADD COLUMN secret TEXT", "not ours"),
    ("DROP TABLE stage_mapping", "missing"),
])
def test_a_crafted_actuals_cell_is_one_clear_error_and_the_file_is_untouched(
        tmp_path, sql, words):
    path = _saved_with_actuals(tmp_path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute(sql)
    db.commit()
    db.close()
    before = fingerprint(path)
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    message = str(caught.value)
    assert words in message and "\n" not in message
    assert fingerprint(path) == before


def test_a_crafted_outcome_or_measure_is_refused(tmp_path):
    path = _saved_with_actuals(tmp_path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE deal_events SET outcome = 'maybe' WHERE ordinal = 0")
    db.commit()
    db.close()
    with pytest.raises(DocumentError, match="unknown outcome 'maybe'"):
        open_document(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE deal_events SET outcome = NULL")
    db.execute("UPDATE kpis SET measure = 'vibes' WHERE ordinal = 0")
    db.commit()
    db.close()
    with pytest.raises(DocumentError, match="unknown measure 'vibes'"):
        open_document(path)


@pytest.mark.parametrize("amount", [float("nan"), 1e300, True])
def test_actuals_that_cannot_be_stored_refuse_the_save_and_leave_the_old_file(tmp_path, amount):
    path = _saved_with_actuals(tmp_path)
    before = fingerprint(path)
    process = open_document(path)
    bad = dataclasses.replace(process.actuals.events[0], amount=amount)
    process.set_actuals(dataclasses.replace(process.actuals,
                                            events=(bad, *process.actuals.events[1:])))
    with pytest.raises(DocumentError, match="Cannot save .*amount"):
        save_document(process, path)
    assert fingerprint(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


V5_FILE = Path(__file__).parent / "data" / "eight-step-ja-v5-actuals.salesdesign"


def test_a_layout_5_file_opens_with_its_import_counts_and_saves_ignored_rows_apart(tmp_path):
    """Layout 5 (the release before) counted a stage mapped to "ignore" as rejected: its
    record opens as written (2 rejected: one ignored, one without id; 0 ignored), the file
    untouched; saving writes layout 6, where a new import counts its ignored rows apart."""
    from salesdesigner.storage.actuals_import import read_actuals

    path = tmp_path / "release.salesdesign"
    shutil.copy(V5_FILE, path)
    before = fingerprint(path)
    process = open_document(path)
    assert fingerprint(path) == before
    (record,) = process.actuals.imports
    assert (record.source, record.rows_used, record.rows_rejected, record.rows_ignored) == (
        "v5-export.csv", 3, 2, 0)
    assert process.actuals.stage_mapping["社内確認"] == ""
    export = tmp_path / "may.csv"
    export.write_text("商談ID,フェーズ,変更日\nOPP-3,リード発生,2026/05/01\n"
                      "OPP-3,社内確認,2026/05/02\nOPP-3,社内確認,2026/05/03\n,受注,2026/05/04\n",
                      encoding="utf-8")
    read_actuals(export, process).edit().apply(process)
    save_document(process, path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 6
    assert db.execute("SELECT source, rows_used, rows_ignored, rows_rejected FROM "
                      "actuals_imports ORDER BY ordinal").fetchall() == [
        ("v5-export.csv", 3, 0, 2), ("may.csv", 1, 2, 1)]
    db.close()
    assert open_document(path).actuals == process.actuals
