"""``salesdesigner import actuals`` and ``strip-actuals`` as a user runs them: what was used
and rejected is printed in the document's language, errors are one line and never touch
the document, and the import is remembered for the next month."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, fingerprint, run

EXPORT = ("商談ID,商談名,フェーズ,変更日,金額,担当者\n"
          "OPP-1,A社,リード発生,2026/04/01,\"￥1,200,000\",山田\n"
          "OPP-1,A社,交渉,2026/04/09,\"￥1,200,000\",山田\n"
          ",B社,リード発生,2026/04/01,1,佐藤\n")


def _events(path: Path) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT deal_id, stage_id, entered FROM deal_events "
                          "ORDER BY ordinal").fetchall()
    finally:
        db.close()


@pytest.fixture()
def document(tmp_path: Path) -> Path:
    assert run("new", "doc.salesdesign", "--lang", "ja", cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_bytes(EXPORT.encode("cp932"))
    return tmp_path / "doc.salesdesign"


def test_import_prints_used_and_rejected_rows_in_japanese_and_saves(document):
    result = run("import", "actuals", document.name, "export.csv", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "取り込む記録 1件、無視 0件（ステージの対応づけ）、除外 2件" in out and "cp932" in out
    assert "「交渉」（1行）はどのステージにも対応していない" in out
    assert "3行目: 不明なステージ: '交渉'" in out and "4行目: 案件IDがない" in out
    assert _events(document) == [("OPP-1", "lead", "2026-04-01T00:00:00")]


def test_a_map_is_remembered_and_re_importing_does_not_duplicate(document):
    first = run("import", "actuals", document.name, "export.csv", "--map", "交渉=closing",
                "--lang", "en", cwd=document.parent)
    assert first.returncode == 0, first.stderr
    assert "'交渉' → closing (given)" in first.stdout
    assert "line 4: no deal id" in first.stdout
    again = run("import", "actuals", document.name, "export.csv", "--lang", "en",
                cwd=document.parent)
    assert "'交渉' → closing (remembered)" in again.stdout
    assert "saved doc.salesdesign: 2 events from 2 imports" in again.stdout
    assert [e[1] for e in _events(document)] == ["lead", "closing"]


@pytest.mark.parametrize("export, args, words", [
    ("missing.csv", (), "does not exist"),
    ("doc.salesdesign", (), "not a CRM export"),
    ("prose.csv", (), "not a table"),
    ("export.csv", ("--map", "nonsense"), "must look like"),
    ("export.csv", ("--map", "交渉=nowhere"), "no stage"),
    ("only-bad.csv", (), "nothing imported"),
])
def test_errors_are_one_line_and_leave_the_document_untouched(document, export, args, words):
    (document.parent / "prose.csv").write_text("hello\nworld\n", encoding="utf-8")
    (document.parent / "only-bad.csv").write_text("Deal ID,Stage,Date\n,lead,2026-01-01\n",
                                                  encoding="utf-8")
    before = fingerprint(document)
    result = run("import", "actuals", document.name, export, *args, "--lang", "en",
                 cwd=document.parent)
    assert words in assert_one_line_error(result)
    assert fingerprint(document) == before


def test_dry_run_prints_but_changes_nothing_and_strip_removes_the_actuals(document):
    before = fingerprint(document)
    dry = run("import", "actuals", document.name, "export.csv", "--dry-run",
              cwd=document.parent)
    assert dry.returncode == 0 and "取り込む記録 1件" in dry.stdout
    assert fingerprint(document) == before
    assert run("import", "actuals", document.name, "export.csv",
               cwd=document.parent).returncode == 0
    strip = run("strip-actuals", document.name, "--lang", "en", cwd=document.parent)
    assert strip.returncode == 0
    assert "removed 1 events and 1 import records" in strip.stdout
    assert _events(document) == []
    db = sqlite3.connect(document)
    assert db.execute("SELECT count(*) FROM actuals_imports").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM stage_mapping").fetchone() == (0,)


def test_a_document_with_a_crafted_deal_event_is_one_error_line_for_every_command(document):
    assert run("import", "actuals", document.name, "export.csv",
               cwd=document.parent).returncode == 0
    db = sqlite3.connect(document)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE deal_events SET amount = 1e300")
    db.commit()
    db.close()
    before = fingerprint(document)
    for args in (("check", document.name), ("strip-actuals", document.name),
                 ("import", "actuals", document.name, "export.csv")):
        line = assert_one_line_error(run(*args, cwd=document.parent))
        assert "amount" in line
    assert fingerprint(document) == before


def test_unmapped_crm_stages_are_named_with_their_rows_and_the_map_hint_and_the_rest_is_saved(
        tmp_path):
    """Issue 10: good rows import and each bad one is listed.  A CRM stage that maps to no
    process stage is printed once with its row count, the --map line to fix it and the
    valid stage ids; the mapped rows are saved, and running again with --map adds the
    rest without duplicating what is already in."""
    assert run("new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_bytes((
        "商談ID,フェーズ,変更日\n"
        "OPP-1,リード発生,2026/04/01\n"
        "OPP-1,交渉中,2026/04/09\n"
        "OPP-2,交渉中,2026/04/10\n"
        "OPP-3,提案,2026/04/02\n").encode("cp932"))
    result = run("import", "actuals", "doc.salesdesign", "export.csv", "--lang", "en",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ('“交渉中” (2 rows) is not mapped to a stage, so its rows were not imported; '
            'map it with --map "交渉中=STAGE ID"') in out
    assert '“提案” (1 rows)' in out and "(near: proposal)" in out
    assert "Stage ids: lead (リード発生), prospecting (プロスペクティング)" in out
    assert "closing (クロージング)" in out
    assert out.count("unknown stage") == 3 and "Run again with --map" in out
    assert _events(tmp_path / "doc.salesdesign") == [("OPP-1", "lead", "2026-04-01T00:00:00")]
    again = run("import", "actuals", "doc.salesdesign", "export.csv", "--map", "交渉中=closing",
                "--map", "提案=proposal", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "ステージID" not in again.stdout and "除外" in again.stdout
    assert sorted(_events(tmp_path / "doc.salesdesign")) == [
        ("OPP-1", "closing", "2026-04-09T00:00:00"), ("OPP-1", "lead", "2026-04-01T00:00:00"),
        ("OPP-2", "closing", "2026-04-10T00:00:00"), ("OPP-3", "proposal", "2026-04-02T00:00:00")]


@pytest.mark.parametrize("word", ["ignore", "IGNORE", "-"])
def test_map_to_ignore_leaves_the_stages_rows_out_counts_them_apart_and_is_remembered(
        document, word):
    result = run("import", "actuals", document.name, "export.csv", "--map", f"交渉={word}",
                 "--lang", "en", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 events to import, 1 ignored (stage mapping), 1 rejected" in out
    assert "'交渉' → - (ignored)" in out and "unknown stage" not in out
    assert "1 rows left out (stages set to be ignored: '交渉')" in out
    db = sqlite3.connect(document)
    assert db.execute("SELECT stage_id FROM stage_mapping WHERE crm_stage = '交渉'"
                      ).fetchone() == ("",)
    assert db.execute("SELECT rows_used, rows_ignored, rows_rejected FROM actuals_imports"
                      ).fetchall() == [(1, 1, 1)]
    db.close()
    again = run("import", "actuals", document.name, "export.csv", "--lang", "en",
                cwd=document.parent)
    assert "'交渉' → - (ignored)" in again.stdout and "unknown stage" not in again.stdout
    assert "1 ignored (stage mapping)" in again.stdout


def test_a_stage_really_named_ignore_is_mapped_to_not_ignored(tmp_path):
    assert run("new", "doc.salesdesign", "--lang", "en", cwd=tmp_path).returncode == 0
    from salesdesigner.model import Stage
    from salesdesigner.storage.document import open_document, save_document
    process = open_document(tmp_path / "doc.salesdesign")
    process.add_stage(Stage("ignore", "Ignore"))
    save_document(process, tmp_path / "doc.salesdesign")
    (tmp_path / "export.csv").write_text("Deal ID,Stage,Date\nD1,Parked,2026-04-01\n",
                                         encoding="utf-8")
    result = run("import", "actuals", "doc.salesdesign", "export.csv", "--map",
                 "Parked=ignore", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _events(tmp_path / "doc.salesdesign") == [("D1", "ignore", "2026-04-01T00:00:00")]
