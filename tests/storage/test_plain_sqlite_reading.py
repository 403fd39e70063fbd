"""Opening a document reads it with plain ``sqlite3`` against a generated snapshot of the
schema: no SQLAlchemy import (half a second of start-up), the same process as before."""

from __future__ import annotations

import math
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from salesdesigner.model import Kpi, Process, Stage
from salesdesigner.storage import schema, schema_snapshot
from salesdesigner.storage.actuals_rows import actuals_from_rows
from salesdesigner.storage.document import DocumentError, open_document, save_document
from salesdesigner.storage.revision_rows import revisions_from_rows
from salesdesigner.storage.rows import process_from_rows
from salesdesigner.storage.schema_snapshot_gen import COMMAND, SNAPSHOT, render
from salesdesigner.storage.table_reader import table_reader
from tests.storage.conftest import sample_process

DATA = Path(__file__).parent / "data"


def test_the_schema_snapshot_matches_schema_py():
    assert SNAPSHOT.read_text(encoding="utf-8") == render(), (
        f"storage/schema.py changed but storage/schema_snapshot.py was not regenerated: "
        f"run  {COMMAND}")


def test_the_snapshot_names_every_table_and_column_of_the_orm_classes():
    """Not only the same text: the same tables, columns and types a save creates."""
    db = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: db, poolclass=StaticPool)
    schema.Base.metadata.create_all(engine)
    created = {name: tuple((c[1], c[2]) for c in db.execute(f'PRAGMA table_info("{name}")'))
               for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert created == schema_snapshot.TABLES
    assert (schema_snapshot.SCHEMA_VERSION, schema_snapshot.APPLICATION_ID) == (
        schema.SCHEMA_VERSION, schema.APPLICATION_ID)


def _modules_after_opening(path: Path) -> list[str]:
    script = ("import sys\n"
              "from salesdesigner.storage.document import open_document\n"
              f"process = open_document({str(path)!r})\n"
              "assert process.stages, 'nothing was read'\n"
              "print(sorted({m.split('.')[0] for m in sys.modules}\n"
              "             & {'sqlalchemy', 'greenlet'}))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.strip().splitlines()[-1])  # the list printed above


def test_opening_a_document_in_a_fresh_interpreter_does_not_import_sqlalchemy(tmp_path):
    path = tmp_path / "plan.salesdesign"
    save_document(sample_process(), path)  # every table of the design
    assert _modules_after_opening(path) == []


def test_opening_a_file_of_the_previous_release_does_not_import_sqlalchemy(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(DATA / "eight-step-ja-v4.salesdesign", path)  # migrated in memory, 4 → 5
    assert _modules_after_opening(path) == []


def test_a_sqlalchemy_session_reads_the_same_process_as_plain_sqlite(tmp_path):
    """Another database with the same tables (a repository) reuses the row readers."""
    path = tmp_path / "plan.salesdesign"
    process = open_document(DATA / "eight-step-ja-v4.salesdesign")  # with actuals
    assert process.actuals.events
    save_document(process, path)
    db = sqlite3.connect(path)
    engine = create_engine("sqlite://", creator=lambda: db, poolclass=StaticPool)
    with Session(engine) as session:
        through_sqlalchemy = process_from_rows(session)
    assert through_sqlalchemy == process_from_rows(db) == process
    with engine.connect() as connection:  # as the repository reads a published revision
        assert revisions_from_rows(connection) == process.revisions
        assert actuals_from_rows(connection) == process.actuals


def test_real_cells_come_back_as_floats_nan_included():
    """What schema.Real did on reading: 'NaN' text is NaN, a stored integer a float;
    other values stay as they are for the row reader to reject by name."""
    db = sqlite3.connect(":memory:")  # no column types: SQLite keeps what was inserted
    db.execute("CREATE TABLE lanes (ordinal, id, name, color, height, extensions)")
    db.executemany("INSERT INTO lanes VALUES (?, ?, ?, ?, ?, '{}')", [
        (0, "a", "A", "#fff", 120), (1, "b", "B", "#fff", "NaN"), (2, "c", 7, "#fff", 2.5),
        (3, "d", "D", "#fff", "tall"), (4, "e", "E", "#fff", None)])
    rows = table_reader(db).rows("lanes", ("id", "name", "height"), ("ordinal",))
    assert rows[0] == ("a", "A", 120.0) and type(rows[0][2]) is float
    assert rows[1][:2] == ("b", "B") and math.isnan(rows[1][2])
    assert rows[2:] == [("c", 7, 2.5), ("d", "D", "tall"), ("e", "E", None)]


def test_a_nan_kpi_target_written_into_a_file_is_read_as_nan_and_refused(tmp_path):
    """The text 'NaN' is how a REAL column holds NaN; the model refuses it as a target."""
    process = Process(id="p", name="n")
    process.add_stage(Stage("s", "s", kpis=(Kpi("k", 2.0), Kpi("j", 3.0))))
    path = tmp_path / "n.salesdesign"
    save_document(process, path)
    db = sqlite3.connect(path)
    db.execute("UPDATE kpis SET target = 'NaN' WHERE ordinal = 0")
    db.commit()
    db.close()
    with pytest.raises(DocumentError, match=r"holds an invalid process: KPI 'k' of stage 's' "
                                            r"has a target that is not a finite number\.$"):
        open_document(path)


def test_asking_for_a_column_the_layout_lacks_is_a_programming_error():
    with pytest.raises(KeyError, match="tips has no column 'body'"):
        table_reader(sqlite3.connect(":memory:")).rows("tips", ("stage_id", "body"))
