"""Fuzzing a real document's rows and schema (issue 16): whatever a crafted file holds,
``check`` and the exports finish within a deadline, end in success or one ``error:`` line,
and leave the input byte-identical with nothing new beside it.

Mutations are drawn from a fixed seed (reproducible in CI; set SALESDESIGNER_FUZZ_SEED and
SALESDESIGNER_FUZZ_RUNS for a longer session) and aimed by the schema's own metadata, so
columns other changes add are fuzzed too.  All files of a round are checked by one
subprocess (one interpreter start instead of one per file); a hang fails the round by its
timeout and the per-file times name the slow one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesigner.storage.document import save_document
from salesdesigner.storage.schema import Base
from salesdesigner.storage.templates import load_template

SEED = int(os.environ.get("SALESDESIGNER_FUZZ_SEED", "16"))
RUNS = int(os.environ.get("SALESDESIGNER_FUZZ_RUNS", "48"))
PER_FILE = 30.0  # seconds: the issue asks under 10 s; room for a loaded CI machine
DRIVER = Path(__file__).with_name("fuzz_driver.py")

VALUES = ["NULL", "0", "-1", "1.5", "1e12", "-1e308", "9e999", "-9e999", "'NaN'", "''",
          "x'00ff'", "'text'", "'" + "9" * 4000 + "'", "'" + "x" * 20000 + "'", "'{}'",
          "'[]'", "'null'", "'{\"a\": 1e999}'", "'{\"a\": " + "9" * 5000 + "}'",
          "'\ufeff\ufeff{}'", "'a' || char(0) || 'b'", "'start'", "'won'", "'higher'", "'#zzz'",
          "zeroblob(100000)"]
SCHEMA = [
    "ALTER TABLE {t} RENAME TO {t}_real; CREATE VIEW {t} AS WITH RECURSIVE r(n) AS "
    "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM {t}_real, r;",
    "CREATE TRIGGER trg AFTER UPDATE ON {t} BEGIN SELECT 1; END;",
    "CREATE TABLE extra_{t} (x); INSERT INTO extra_{t} VALUES (1);",
    "CREATE INDEX idx_{t} ON {t} (length({c}));",
    "CREATE VIEW v_{t} AS SELECT * FROM {t};",
    "ALTER TABLE {t} ADD COLUMN g BLOB GENERATED ALWAYS AS (zeroblob(1000)) VIRTUAL;",
    "ALTER TABLE {t} ADD COLUMN plain TEXT;",
    "ALTER TABLE {t} RENAME COLUMN {c} TO {c}_x;",
    "DROP TABLE IF EXISTS {t};",
    "DELETE FROM {t};",
    "INSERT INTO {t} SELECT * FROM {t} LIMIT 1;",
    "PRAGMA user_version = 1;",
    "PRAGMA journal_mode = WAL;",
]


def _deep(rng: random.Random) -> str:
    depth = rng.choice([50, 99, 101, 150, 1500, 100_000])
    return "'" + '{"a":' * depth + "1" + "}" * depth + "'"


def mutations(rng: random.Random) -> list[str]:
    """A few SQL statements that damage a document in the ways issue 16 lists."""
    tables = {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}
    statements = []
    for _ in range(rng.randint(1, 3)):
        table = rng.choice(sorted(tables))
        column = rng.choice(tables[table])
        kind = rng.random()
        if kind < 0.55:  # a cell of the wrong type or out of range
            value = rng.choice(VALUES)
            statements.append(f"UPDATE {table} SET {column} = {value} WHERE rowid IN "
                              f"(SELECT rowid FROM {table} ORDER BY random() LIMIT "
                              f"{rng.choice([1, 1, 3])});")
        elif kind < 0.7:  # nested JSON where extensions live
            if "extensions" in tables[table]:
                statements.append(f"UPDATE {table} SET extensions = {_deep(rng)};")
        else:  # schema objects that are not ours
            statements.append(rng.choice(SCHEMA).format(t=table, c=column))
    return statements


def crafted(template: Path, folder: Path, statements: list[str]) -> Path | None:
    path = folder / "d.salesdesign"
    shutil.copyfile(template, path)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = OFF")
        for sql in statements:
            with contextlib.suppress(sqlite3.Error):
                # e.g. a rename of a table an earlier statement dropped
                db.executescript(sql)
        db.commit()
    finally:
        db.close()
    for leftover in ("-journal", "-wal", "-shm"):
        Path(f"{path}{leftover}").unlink(missing_ok=True)
    return path


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "t.salesdesign"
    process = load_template("eight-step", "ja")
    save_document(process, path)
    return path


def test_mutated_documents_finish_in_time_with_success_or_one_error_line(template, tmp_path):
    rng = random.Random(SEED)
    commands = [["check"], ["export", "json"], ["export", "html"], ["export", "graphml"]]
    jobs, cases = [], []
    for n in range(RUNS):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        statements = mutations(rng)
        path = crafted(template, folder, statements)
        command = ["export", "pdf"] if n % 12 == 11 else commands[n % len(commands)]
        argv = [*command, str(path)]
        if command[0] == "export":
            argv += ["-o", str(folder / f"out.{command[1]}")]
        jobs.append(argv)
        cases.append((folder, statements, _digest(folder)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(DRIVER)], input=json.dumps(jobs),
                            capture_output=True, text=True, env=env,
                            timeout=PER_FILE * len(jobs) + 30, cwd=tmp_path)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == len(jobs), result.stderr[-2000:]
    outcomes = {"ok": 0, "error": 0}
    for (folder, statements, before), line in zip(cases, lines, strict=True):
        where = f"{line['argv']} after {[sql[:200] for sql in statements]}"
        assert line["seconds"] < PER_FILE, where
        stderr = line["stderr"].strip().splitlines()
        findings = line["argv"][0] == "check" and line["code"] == 1 and not stderr
        if line["code"] == 0 or findings:  # check exits 1 for a process with errors
            outcomes["ok"] += 1
        else:
            assert len(stderr) == 1 and stderr[0].startswith("error: "), where + repr(stderr)
            assert "internal error" not in stderr[0], where + stderr[0]
            assert len(stderr[0]) < 600, where
            outcomes["error"] += 1
        after = _digest(folder)
        assert after["d.salesdesign"] == before["d.salesdesign"], where
        allowed = {"d.salesdesign", "out.json", "out.html", "out.graphml", "out.pdf"}
        assert set(after) <= allowed, where + str(sorted(after))
        leftovers = {p.name for p in folder.iterdir()} - allowed - {"out.files", "out_files"}
        assert not leftovers, where + str(sorted(leftovers))
    assert outcomes["error"] > RUNS // 4  # the mutations do reach the reader
