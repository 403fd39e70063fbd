"""The ``salesdesigner`` command end to end, as a user runs it (real subprocesses)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "salesdesigner.cli"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*EXE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


def fingerprint(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


def assert_one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_check_export_import_round_trip_is_byte_identical(tmp_path, lang):
    assert run("new", "x.salesdesign", "--template", "eight-step", "--lang", lang,
               cwd=tmp_path).returncode == 0
    check = run("check", "x.salesdesign", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors" in check.stdout
    assert run("export", "json", "x.salesdesign", "-o", "x.json", cwd=tmp_path).returncode == 0
    assert run("import", "json", "x.json", "-o", "y.salesdesign", cwd=tmp_path).returncode == 0
    assert run("export", "json", "y.salesdesign", "-o", "y.json", cwd=tmp_path).returncode == 0
    assert (tmp_path / "x.json").read_bytes() == (tmp_path / "y.json").read_bytes()
    data = json.loads((tmp_path / "x.json").read_text("utf-8"))
    assert data["format"] == "salesdesigner.process" and data["process"]["language"] == lang


def test_document_is_plain_sqlite_that_passes_integrity_check(tmp_path):
    run("new", "x.salesdesign", "--template", "the-model", "--lang", "en", cwd=tmp_path)
    with sqlite3.connect(tmp_path / "x.salesdesign") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in db.execute("select name from stages")]
    assert len(names) >= 12


def test_check_exits_1_and_names_the_problem_when_the_process_has_errors(tmp_path):
    doc = {"format": "salesdesigner.process", "version": 1,
           "process": {"id": "p", "name": "Broken", "language": "en"},
           "lanes": [], "stages": [{"id": "a", "name": "Orphan", "kind": "stage"}],
           "transitions": []}
    (tmp_path / "b.json").write_text(json.dumps(doc), "utf-8")
    assert run("import", "json", "b.json", "-o", "b.salesdesign", cwd=tmp_path).returncode == 0
    result = run("check", "b.salesdesign", cwd=tmp_path)
    assert result.returncode == 1
    assert "error: The process has no start stage" in result.stdout


def test_csv_import_builds_a_linear_process(tmp_path):
    (tmp_path / "s.csv").write_text("name,kpi,kpi_target\nCall,Connect rate,20\nMeet,,\n",
                                    "utf-8")
    assert run("import", "csv", "s.csv", "-o", "s.salesdesign", cwd=tmp_path).returncode == 0
    assert run("check", "s.salesdesign", cwd=tmp_path).returncode == 0


def _sqlite_of_another_app(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("create table notes(id integer primary key, body text)")
        db.execute("insert into notes(body) values ('hello')")


def _newer_schema(path: Path, tmp: Path) -> None:
    run("new", str(path), "--template", "eight-step", cwd=tmp)
    with sqlite3.connect(path) as db:
        db.execute("pragma user_version = 9999")


def _truncated(path: Path, tmp: Path) -> None:
    run("new", str(path), "--template", "eight-step", cwd=tmp)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


BAD_DOCUMENTS = {
    "empty": lambda p, t: p.write_bytes(b""),
    "random bytes": lambda p, t: p.write_bytes(os.urandom(5000)),
    "truncated": _truncated,
    "another app's database": lambda p, t: _sqlite_of_another_app(p),
    "newer schema version": _newer_schema,
    "text file": lambda p, t: p.write_text("just some notes\n"),
}


@pytest.mark.parametrize("kind", list(BAD_DOCUMENTS))
def test_bad_documents_give_one_line_error_and_stay_untouched(tmp_path, kind):
    path = tmp_path / "bad.salesdesign"
    BAD_DOCUMENTS[kind](path, tmp_path)
    before = fingerprint(path)
    for args in (["check", "bad.salesdesign"],
                 ["export", "json", "bad.salesdesign", "-o", "out.json"]):
        assert_one_line_error(run(*args, cwd=tmp_path))
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.salesdesign"]


BAD_JSON = {
    "not json": "{ nope",
    "wrong format": json.dumps({"format": "other", "version": 1}),
    "newer version": json.dumps({"format": "salesdesigner.process", "version": 99}),
    "self loop": json.dumps({
        "format": "salesdesigner.process", "version": 1, "process": {"id": "p", "name": "x"},
        "stages": [{"id": "a", "name": "A", "kind": "start"}],
        "transitions": [{"id": "t1", "source": "a", "target": "a"}]}),
    "unknown stage": json.dumps({
        "format": "salesdesigner.process", "version": 1, "process": {"id": "p", "name": "x"},
        "stages": [{"id": "a", "name": "A", "kind": "start"}],
        "transitions": [{"id": "t1", "source": "a", "target": "ghost"}]}),
    "bad kind": json.dumps({
        "format": "salesdesigner.process", "version": 1, "process": {"id": "p", "name": "x"},
        "stages": [{"id": "a", "name": "A", "kind": "maybe"}], "transitions": []}),
}


@pytest.mark.parametrize("kind", list(BAD_JSON))
def test_bad_json_gives_one_line_error_and_writes_nothing(tmp_path, kind):
    path = tmp_path / "in.json"
    path.write_text(BAD_JSON[kind], "utf-8")
    before = fingerprint(path)
    assert_one_line_error(run("import", "json", "in.json", "-o", "out.salesdesign",
                              cwd=tmp_path))
    assert fingerprint(path) == before
    assert not (tmp_path / "out.salesdesign").exists()


def test_csv_without_a_name_column_is_refused(tmp_path):
    (tmp_path / "s.csv").write_text("stage title,kpi\nCall,rate\n", "utf-8")
    line = assert_one_line_error(run("import", "csv", "s.csv", "-o", "s.salesdesign",
                                     cwd=tmp_path))
    assert "name" in line
    assert not (tmp_path / "s.salesdesign").exists()


def test_missing_file_and_bad_usage_are_one_line_errors(tmp_path):
    assert_one_line_error(run("check", "nowhere.salesdesign", cwd=tmp_path))
    assert_one_line_error(run("export", "yaml", "x", "-o", "y", cwd=tmp_path))
    assert_one_line_error(run("new", "x.salesdesign", "--template", "nope", cwd=tmp_path))


def test_new_refuses_to_overwrite_without_force(tmp_path):
    assert run("new", "x.salesdesign", cwd=tmp_path).returncode == 0
    before = fingerprint(tmp_path / "x.salesdesign")
    assert_one_line_error(run("new", "x.salesdesign", cwd=tmp_path))
    assert fingerprint(tmp_path / "x.salesdesign") == before


def test_export_refuses_to_overwrite_its_own_input(tmp_path):
    run("new", "x.salesdesign", cwd=tmp_path)
    before = fingerprint(tmp_path / "x.salesdesign")
    assert_one_line_error(run("export", "json", "x.salesdesign", "-o", "x.salesdesign",
                              cwd=tmp_path))
    assert fingerprint(tmp_path / "x.salesdesign") == before


def test_version_is_printed():
    result = run("--version", cwd=Path.cwd())
    assert result.returncode == 0 and "SalesDesigner" in result.stdout


def test_gui_options_are_checked_before_any_window_opens(tmp_path):
    line = assert_one_line_error(run("--template", "nope", cwd=tmp_path))
    assert "eight-step" in line
    assert_one_line_error(run("--lang", "fr", cwd=tmp_path))
    assert_one_line_error(run("--playbook", cwd=tmp_path))


def test_without_a_display_the_gui_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([*EXE, "--template", "eight-step"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    line = assert_one_line_error(result)
    assert "display" in line


def test_export_does_not_replace_another_document_without_force(tmp_path):
    run("new", "x.salesdesign", cwd=tmp_path)
    run("new", "other.salesdesign", "--template", "the-model", cwd=tmp_path)
    before = fingerprint(tmp_path / "other.salesdesign")
    line = assert_one_line_error(run("export", "json", "x.salesdesign", "-o",
                                     "other.salesdesign", cwd=tmp_path))
    assert "--force" in line
    assert fingerprint(tmp_path / "other.salesdesign") == before
    assert run("export", "json", "x.salesdesign", "-o", "x.json", cwd=tmp_path).returncode == 0
    assert run("export", "json", "x.salesdesign", "-o", "x.json", cwd=tmp_path).returncode == 0
    assert run("export", "json", "x.salesdesign", "-o", "other.salesdesign", "--force",
               cwd=tmp_path).returncode == 0


def test_export_pdf_lane_takes_the_lane_name_and_lists_the_lanes_when_unknown(tmp_path):
    run("new", "x.salesdesign", "--template", "the-model", "--lang", "ja", cwd=tmp_path)
    by_name = run("export", "pdf", "x.salesdesign", "-o", "is.pdf", "--lane", "インサイドセールス",
                  cwd=tmp_path)
    assert by_name.returncode == 0, by_name.stderr
    by_id = run("export", "pdf", "x.salesdesign", "-o", "id.pdf", "--lane", "inside-sales",
                cwd=tmp_path)
    assert by_id.returncode == 0, by_id.stderr
    from pypdf import PdfReader
    assert len(PdfReader(tmp_path / "is.pdf").pages) == len(PdfReader(tmp_path / "id.pdf").pages)
    wrong = run("export", "pdf", "x.salesdesign", "-o", "no.pdf", "--lane", "営業部", cwd=tmp_path)
    line = assert_one_line_error(wrong)
    assert "営業部" in line
    for name in ("マーケティング", "インサイドセールス", "フィールドセールス",
                 "カスタマーサクセス"):
        assert name in line
    assert not (tmp_path / "no.pdf").exists()
