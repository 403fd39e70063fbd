"""A document someone else crafted never hangs a reader, crashes it, or makes it write:
every case of issue 16 ends quickly in one ``error:`` line naming what is wrong, and the
file and its folder are left exactly as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.hostile.helpers import craft, new_document, one_error_line, run, tree

DEEP = '{"a":' * 1500 + "1" + "}" * 1500
DIGITS = "9" * 4000

# name: (SQL recipe, words the one error line must hold)
CASES = {
    "tips is a view with an unbounded recursive query": (
        "ALTER TABLE tips RENAME TO tips_real; CREATE VIEW tips AS WITH RECURSIVE r(n) AS "
        "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'x' AS stage_id, n AS ordinal, "
        "'t' AS text FROM r;", "'tips' is a view"),
    "tips has a 900 MB virtual generated column": (
        "ALTER TABLE tips RENAME TO tips_real; CREATE TABLE tips (stage_id TEXT, ordinal "
        "INTEGER, text TEXT, big BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL); "
        "INSERT INTO tips (stage_id, ordinal, text) SELECT stage_id, ordinal, text FROM "
        "tips_real; DROP TABLE tips_real;", "is computed (generated)"),
    "a trigger": ("CREATE TRIGGER t AFTER INSERT ON tips BEGIN SELECT 1; END;",
                  "a trigger 't'"),
    "a table that is not ours": ("CREATE TABLE notes (x); INSERT INTO notes VALUES (1);",
                                 "a table 'notes'"),
    "an index on an expression": ("CREATE INDEX slow ON stages (length(name || goal));",
                                  "an index 'slow'"),
    "extensions nested 1,500 deep": (
        f"UPDATE stages SET extensions = '{DEEP}' WHERE ordinal = 2;", "nested too deeply"),
    "a stage at y = 1e12": ("UPDATE stages SET y = 1e12 WHERE ordinal = 3;",
                            "is outside ±100,000,000"),
    "a stage at y = 1e308": ("UPDATE stages SET y = 1e308 WHERE ordinal = 3;",
                             "is outside ±100,000,000"),
    "a stage at x = +infinity": ("UPDATE stages SET x = 9e999 WHERE ordinal = 1;",
                                 "not a finite number"),
    "a stage at y = -infinity": ("UPDATE stages SET y = -9e999 WHERE ordinal = 1;",
                                 "not a finite number"),
    "a stage at NaN": ("UPDATE stages SET x = 'NaN' WHERE ordinal = 1;",
                       "not a finite number"),
    "a lane 1e12 high": ("UPDATE lanes SET height = 1e12 WHERE ordinal = 0;",
                         "height of lane"),
    "lanes taller than the limit together": ("UPDATE lanes SET height = 60000000;",
                                             "taller than 100,000,000 together"),
    "a duration of 1e300 days": ("UPDATE stages SET duration_days = 1e300 WHERE ordinal = 2;",
                                 "duration of stage"),
    "a 4,000-digit number as text": (f"UPDATE stages SET x = '{DIGITS}' WHERE ordinal = 1;",
                                     "not a finite number"),
    "4,000 letters where a number belongs": (
        f"UPDATE stages SET x = '{'x' * 4000}' WHERE ordinal = 1;",
        "str of 4,000 characters where a number belongs"),
}


@pytest.fixture(scope="module")
def template_document(tmp_path_factory) -> Path:
    return new_document(tmp_path_factory.mktemp("template") / "t.salesdesign")


def _crafted(template: Path, folder: Path, sql: str) -> Path:
    path = folder / "x.salesdesign"
    shutil.copyfile(template, path)
    craft(path, sql)
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_check_refuses_a_crafted_document_in_one_line_and_leaves_it(template_document,
                                                                     tmp_path, case):
    sql, words = CASES[case]
    path = _crafted(template_document, tmp_path, sql)
    before = tree(tmp_path)
    line = one_error_line(run("check", path.name, cwd=tmp_path))
    assert words in line
    assert len(line) < 400  # never a 4,000-digit value or a megabyte of JSON echoed
    assert tree(tmp_path) == before  # no -shm, no -journal, no byte changed


@pytest.mark.parametrize("case", ["a stage at y = 1e12", "a stage at x = +infinity",
                                  "tips is a view with an unbounded recursive query"])
@pytest.mark.parametrize("command", [("export", "pdf"), ("export", "html"), ("export", "json"),
                                     ("screenshot",)])
def test_exports_and_screenshot_refuse_huge_coordinates_and_views_quickly(
        template_document, tmp_path, case, command):
    path = _crafted(template_document, tmp_path, CASES[case][0])
    before = tree(tmp_path)
    args = [*command, path.name] if len(command) == 2 else [command[0], path.name]
    line = one_error_line(run(*args, "-o", "out.bin", cwd=tmp_path))
    assert CASES[case][1] in line
    assert tree(tmp_path) == before  # and no output, no temporary, no attachments folder


def test_a_fifo_named_as_the_document_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.salesdesign")
    for args in (["check", "pipe.salesdesign"],
                 ["export", "pdf", "pipe.salesdesign", "-o", "x.pdf"],
                 ["screenshot", "pipe.salesdesign", "-o", "x.png"]):
        line = one_error_line(run(*args, cwd=tmp_path, timeout=30))
        assert "not a regular file (a named pipe)" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.salesdesign"]


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null", "."])
def test_a_device_or_folder_named_as_the_document_is_one_line(tmp_path, target):
    line = one_error_line(run("check", target, cwd=tmp_path, timeout=30))
    assert "not a regular file (a device)" in line or "is a folder" in line


def test_a_stray_wal_beside_a_rollback_document_is_refused_and_no_shm_appears(
        template_document, tmp_path):
    path = tmp_path / "x.salesdesign"
    shutil.copyfile(template_document, path)
    # a write-ahead log another program left beside it (the WAL magic and a frame header)
    Path(f"{path}-wal").write_bytes(bytes.fromhex("377f0682002de218") + b"\x00" * 4088)
    before = tree(tmp_path)
    line = one_error_line(run("check", path.name, cwd=tmp_path))
    assert "another program has this file open" in line
    assert tree(tmp_path) == before
    assert not Path(f"{path}-shm").exists()


def test_reading_a_clean_document_creates_nothing_beside_it(template_document, tmp_path):
    path = tmp_path / "x.salesdesign"
    shutil.copyfile(template_document, path)
    before = tree(tmp_path)
    result = run("check", path.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path) == before
