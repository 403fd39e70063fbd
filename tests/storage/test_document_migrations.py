"""Documents of an older layout open (migrated in memory, the file untouched) and re-save
in the current layout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salesdesigner.model import Kpi, Lane, Position, Process, Stage, StageKind, Transition
from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT
from salesdesigner.storage.document import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from salesdesigner.storage.migrations import MIGRATIONS, OLDEST_READABLE_VERSION, migrate
from tests.storage.conftest import fingerprint

# Layout version 1, written out by hand: no company/revision/logo, no lane height.
V1_SCHEMA = """
CREATE TABLE process (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL,
    description TEXT NOT NULL, language TEXT NOT NULL, currency TEXT NOT NULL,
    extensions TEXT NOT NULL);
CREATE TABLE lanes (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    color TEXT NOT NULL, extensions TEXT NOT NULL);
CREATE TABLE stages (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, kind TEXT NOT NULL, lane TEXT REFERENCES lanes(id), x REAL NOT NULL,
    y REAL NOT NULL, goal TEXT NOT NULL, description TEXT NOT NULL, duration_days REAL,
    extensions TEXT NOT NULL);
CREATE TABLE exit_criteria (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (stage_id, ordinal));
CREATE TABLE tips (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (stage_id, ordinal));
CREATE TABLE kpis (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, target REAL, unit TEXT NOT NULL, direction TEXT NOT NULL,
    definition TEXT NOT NULL, extensions TEXT NOT NULL, PRIMARY KEY (stage_id, ordinal));
CREATE TABLE actions (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL,
    owner TEXT NOT NULL, timing TEXT NOT NULL, detail TEXT NOT NULL,
    extensions TEXT NOT NULL, PRIMARY KEY (stage_id, ordinal));
CREATE TABLE scripts (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL,
    situation TEXT NOT NULL, body TEXT NOT NULL, extensions TEXT NOT NULL,
    PRIMARY KEY (stage_id, ordinal));
CREATE TABLE materials (stage_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    title TEXT NOT NULL, uri TEXT NOT NULL, note TEXT NOT NULL, extensions TEXT NOT NULL,
    PRIMARY KEY (stage_id, ordinal));
CREATE TABLE transitions (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL, target TEXT NOT NULL, label TEXT NOT NULL, condition TEXT NOT NULL,
    extensions TEXT NOT NULL);
CREATE TABLE attachments (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL, mime_type TEXT NOT NULL, data BLOB NOT NULL);
"""

V1_DATA = """
INSERT INTO process VALUES ('p-old', '旧プロセス', 'from v1', 'ja', 'JPY', '{"x-a": 1}');
INSERT INTO lanes VALUES (0, 'is', 'Inside', '#F58518', '{}');
INSERT INTO lanes VALUES (1, 'fs', 'Field', '#54A24B', '{}');
INSERT INTO stages VALUES (0, 'start', 'Start', 'start', 'is', 10.0, 20.0, '', '', NULL, '{}');
INSERT INTO stages VALUES (1, 'call', 'Call', 'stage', 'fs', 200.0, 20.0, 'Meet', '', 3.0, '{}');
INSERT INTO kpis VALUES ('call', 0, 'rate', 'Rate', 12.5, '%', 'higher', '', '{}');
INSERT INTO transitions VALUES (0, 't1', 'start', 'call', 'go', '', '{}');
"""


def write_v1(path: Path, *, schema: str = V1_SCHEMA) -> None:
    db = sqlite3.connect(path)
    db.executescript(schema + V1_DATA)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def expected_v1_process() -> Process:
    p = Process(id="p-old", name="旧プロセス", description="from v1", language="ja",
                currency="JPY", extensions={"x-a": 1})
    p.add_lane(Lane("is", "Inside", "#F58518", DEFAULT_LANE_HEIGHT))
    p.add_lane(Lane("fs", "Field", "#54A24B", DEFAULT_LANE_HEIGHT))
    p.add_stage(Stage("start", "Start", StageKind.START, "is", Position(10.0, 20.0)))
    p.add_stage(Stage("call", "Call", lane="fs", position=Position(200.0, 20.0), goal="Meet",
                      duration_days=3.0, kpis=(Kpi("Rate", 12.5, "%", id="rate"),)))
    p.add_transition(Transition("t1", "start", "call", "go"))
    return p


def test_every_older_readable_version_has_a_migration_step():
    assert SCHEMA_VERSION == 6
    assert sorted(MIGRATIONS) == list(range(OLDEST_READABLE_VERSION, SCHEMA_VERSION))


def test_version_1_file_opens_with_defaults_for_new_fields_and_is_not_modified(tmp_path):
    path = tmp_path / "old.salesdesign"
    write_v1(path)
    before = fingerprint(path)
    process = open_document(path)
    assert process == expected_v1_process()
    assert (process.company, process.revision, process.logo) == ("", "", "")
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.salesdesign"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()


def test_resaving_a_version_1_document_writes_the_current_layout(tmp_path):
    path = tmp_path / "old.salesdesign"
    write_v1(path)
    process = open_document(path)
    process.update_process(company="ACME")
    process.update_lane("fs", height=320.0)
    save_document(process, path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT height FROM lanes ORDER BY ordinal").fetchall() == [
        (DEFAULT_LANE_HEIGHT,), (320.0,)]
    db.close()
    assert open_document(path) == process


def test_migrate_adds_the_version_2_columns_in_place():
    db = sqlite3.connect(":memory:")
    db.executescript(V1_SCHEMA + V1_DATA)
    migrate(db, 1)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT company, revision, logo FROM process").fetchall() == [("", "", "")]
    assert db.execute("SELECT id, height FROM lanes").fetchall() == [
        ("is", DEFAULT_LANE_HEIGHT), ("fs", DEFAULT_LANE_HEIGHT)]
    with pytest.raises(ValueError):
        migrate(db, 0)


def test_version_1_file_that_cannot_be_migrated_is_a_clear_error_and_untouched(tmp_path):
    path = tmp_path / "old.salesdesign"
    broken = V1_SCHEMA.replace("CREATE TABLE lanes", "CREATE TABLE lanes_renamed")
    db = sqlite3.connect(path)
    db.executescript(broken)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.close()
    before = fingerprint(path)
    with pytest.raises(DocumentError, match="damaged"):
        open_document(path)
    assert fingerprint(path) == before
