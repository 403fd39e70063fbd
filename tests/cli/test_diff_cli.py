"""``salesdesigner diff`` as users and Git run it (real subprocesses, a real Git repo)."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesigner.cli import main
from salesdesigner.storage.document import save_document
from salesdesigner.storage.json_format import process_to_json
from salesdesigner.storage.templates import load_template
from tests.cli.test_cli import fingerprint, run

CLI = f"{shlex.quote(sys.executable)} -m salesdesigner.cli"


def make_versions(tmp_path: Path, lang: str = "ja") -> tuple[Path, Path]:
    """v3.salesdesign from the template (and v3.json, its export) and v4.json with the
    proposal's first KPI target raised from 30 to 35 and the stage moved on the canvas."""
    process = load_template("eight-step", lang)
    process.update_process(id="process-0a1b2c3d")
    save_document(process, tmp_path / "v3.salesdesign")
    text = process_to_json(process)
    (tmp_path / "v3.json").write_text(text, encoding="utf-8")
    data = json.loads(text)
    stage = next(s for s in data["stages"] if s["id"] == "proposal")
    stage["kpis"][0]["target"] = 35
    stage["position"]["x"] += 40
    (tmp_path / "v4.json").write_text(json.dumps(data, ensure_ascii=False, indent=2),
                                      encoding="utf-8")
    return tmp_path / "v3.salesdesign", tmp_path / "v4.json"


def diff(tmp_path: Path, *args: str, capsys) -> tuple[int, str, str]:
    """``salesdesigner diff ARGS`` in this process (the subprocess tests below show the
    installed command does the same)."""
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = main(["diff", *args])
    finally:
        os.chdir(cwd)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_diff_prints_the_report_and_exits_1_when_the_content_differs(tmp_path):
    old, new = make_versions(tmp_path)
    before = fingerprint(old), fingerprint(new)
    result = run("diff", old.name, new.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "v3.salesdesign → v4.json の変更", "内容の変更 1件",
        "レイアウトの変更 1件は省略しました（--include-layout で表示）。", "",
        "ステージ「提案とプレゼンテーション」",
        "  KPI「提案からの受注率」の目標値：≥ 30% → ≥ 35%"]
    assert (fingerprint(old), fingerprint(new)) == before  # inputs never touched


def test_diff_exits_0_for_the_same_content_even_when_the_layout_moved(tmp_path, capsys):
    old, _ = make_versions(tmp_path)
    assert diff(tmp_path, old.name, "v3.json", capsys=capsys)[0] == 0
    data = json.loads((tmp_path / "v3.json").read_text(encoding="utf-8"))
    data["stages"][0]["position"]["y"] += 100
    (tmp_path / "moved.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = diff(tmp_path, old.name, "moved.json", "--include-layout", "--lang", "en",
                        capsys=capsys)
    assert code == 0
    assert "No changes in content." in out and "Position:" in out


def test_diff_json_lists_the_changes_for_tools(tmp_path, capsys):
    old, new = make_versions(tmp_path)
    code, out, _ = diff(tmp_path, old.name, new.name, "--json", capsys=capsys)
    assert code == 1
    data = json.loads(out)
    assert (data["content_changes"], data["layout_changes"]) == (1, 1)
    (change,) = data["changes"]
    assert (change["subject"], change["field"], change["old"], change["new"]) == \
        ("kpi", "target", 30, 35)


@pytest.mark.parametrize("args", [("v3.salesdesign", "missing.json"),
                                  ("v3.salesdesign", "folder"),
                                  ("v3.salesdesign", "bad.json"),
                                  ("v3.salesdesign", "empty.json"),
                                  ("v3.salesdesign",),
                                  ("v3.salesdesign", "v3.json", "--lang", "fr")])
def test_diff_errors_are_one_line_and_exit_2(tmp_path, args, capsys):
    make_versions(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty.json").write_bytes(b"")
    code, out, err = diff(tmp_path, *args, capsys=capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ")


def test_diff_against_the_null_device_lists_everything_as_added(tmp_path, capsys):
    old, _ = make_versions(tmp_path)
    code, out, _ = diff(tmp_path, os.devnull, old.name, "--json", capsys=capsys)
    assert code == 1
    ops = {(c["op"], c["subject"]) for c in json.loads(out)["changes"]}
    assert ("added", "stage") in ops and ("removed", "stage") not in ops


def test_export_json_to_stdout_is_the_file_export(tmp_path, capsys):
    old, _ = make_versions(tmp_path)
    assert main(["export", "json", "-o", "-", str(old)]) == 0
    assert capsys.readouterr().out == (tmp_path / "v3.json").read_text(encoding="utf-8")


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_shows_a_documents_change_through_textconv_and_difftool(tmp_path):
    """The README's set-up: ``.gitattributes`` marks ``*.salesdesign`` for the
    ``salesdesign`` diff driver, whose textconv is the JSON export; the difftool is
    ``salesdesigner diff``."""
    repo = tmp_path / "repo"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    (repo / ".gitattributes").write_text("*.salesdesign diff=salesdesign\n", encoding="utf-8")
    git(repo, "config", "diff.salesdesign.textconv", f"{CLI} export json -o -")
    git(repo, "config", "difftool.salesdesign.cmd", f'{CLI} diff "$LOCAL" "$REMOTE"')
    make_versions(tmp_path)
    shutil.copy(tmp_path / "v3.salesdesign", repo / "process.salesdesign")
    git(repo, "add", ".")
    assert git(repo, "commit", "-qm", "v3").returncode == 0
    assert run("import", "json", str(tmp_path / "v4.json"), "-o", "process.salesdesign",
               "--force", cwd=repo).returncode == 0

    shown = git(repo, "diff", "--", "process.salesdesign")
    assert shown.returncode == 0, shown.stderr
    changed = [line for line in shown.stdout.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    old_x, new_x = _proposal_x(tmp_path)
    assert changed == [f'-        "x": {old_x},', f'+        "x": {new_x},',
                       '-          "target": 30,', '+          "target": 35,']

    tool = git(repo, "difftool", "-y", "-t", "salesdesign", "--", "process.salesdesign")
    assert tool.returncode == 0, tool.stderr
    assert "KPI「提案からの受注率」の目標値：≥ 30% → ≥ 35%" in tool.stdout
    assert "内容の変更 1件" in tool.stdout


def _proposal_x(tmp_path: Path) -> list[int]:
    xs = []
    for name in ("v3.json", "v4.json"):
        data = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        xs.append(next(s for s in data["stages"] if s["id"] == "proposal")["position"]["x"])
    return xs
