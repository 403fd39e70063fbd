"""``salesdesigner plan``: the back-calculation from the command line — the JSON's shape
and hand-worked numbers, the CSV plan table, and one-line errors that leave the file
alone."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from salesdesigner.cli import main
from salesdesigner.storage.document import save_document
from tests.cli.test_cli import assert_one_line_error, fingerprint, run
from tests.export_pdf.conftest import page_texts
from tests.model.plan.test_backcalc import linear


@pytest.fixture()
def document(tmp_path: Path) -> Path:
    """start → call (10 %) → meeting (50 %) → proposal (30 % win); "call" in the lane
    "Inside sales"; the proposal stage's name looks like a spreadsheet formula."""
    process = linear()
    process.replace_stage(replace(process.stage("proposal"), name="=HYPERLINK(\"x\")"))
    path = tmp_path / "plan.salesdesign"
    save_document(process, path)
    return path


def test_plan_json_holds_the_entries_of_every_stage_and_arrow(document: Path) -> None:
    result = run("plan", document.name, "--won", "10", "--json", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["entries"] == pytest.approx(10 / 0.015)     # 10 ÷ (0.1 × 0.5 × 0.3)
    assert data["goal"]["won"] == 10 and data["rates"] == "targets"
    assert data["entry_stages"] == ["start"]
    stages = {s["id"]: s for s in data["stages"]}
    assert set(stages) == {"start", "call", "meeting", "proposal", "won", "lost"}
    assert stages["meeting"]["entries"] == pytest.approx(66.666667)
    assert set(stages["call"]) == {"id", "name", "kind", "lane", "entries", "dropped",
                                   "win_chance", "per_person_day"}
    arrows = {(t["source"], t["target"]): t for t in data["transitions"]}
    assert len(arrows) == 5
    assert arrows[("call", "meeting")]["rate"] == pytest.approx(0.1)
    assert arrows[("call", "meeting")]["how"] == "target"
    assert arrows[("proposal", "lost")]["deals"] == pytest.approx(23.333333)


def test_plan_from_revenue_with_an_override_and_heads_by_lane_name(
        document: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", str(document), "--goal", "3,000,000", "--deal-size", "300000",
                 "--rate", "call:meeting=0.2", "--heads", "Inside sales=2", "--days", "10",
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["goal"] == {"won": 10, "amount": 3000000, "deal_size": 300000,
                            "deal_size_from": "typed", "currency": "JPY"}
    # 10 ÷ (0.2 × 0.5 × 0.3) = 333.3 calls; 333.3 ÷ (2 people × 10 days) = 16.7 a day
    call = next(s for s in data["stages"] if s["id"] == "call")
    assert call["entries"] == pytest.approx(1000 / 3)
    assert call["per_person_day"] == pytest.approx(1000 / 3 / 20)
    assert next(t for t in data["transitions"] if t["source"] == "call")["how"] == "override"


def test_plan_text_in_japanese_and_the_csv_plan_table(
        document: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = document.parent / "plan.csv"
    assert main(["plan", str(document), "--won", "10", "--lang", "ja", "--csv",
                 str(out)]) == 0
    text = capsys.readouterr().out
    assert "プロセスに入るべき案件：666.7件" in text
    assert "Call → Meeting：10%（目標「appointment」）→ 66.7件" in text
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                  # Excel reads it as UTF-8
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("行,ID,名前,レーン,件数")
    assert len(rows) == 1 + 6 + 5
    # a name that starts like a formula is text in the spreadsheet
    assert any(r.startswith("ステージ,proposal,\"'=HYPERLINK(\"\"x\"\")\"") for r in rows)
    assert main(["plan", str(document), "--won", "10", "--csv", str(out)]) == 0  # overwrite


def test_what_the_plan_assumes_is_in_the_json_the_text_and_the_csv(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.model.plan.test_backcalc import branching
    path = tmp_path / "branch.salesdesign"
    save_document(branching(), path)
    # "fit?" has a target only for fast: slow and lost share the other 80 % evenly
    assert main(["plan", str(path), "--won", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1                               # a new key, readers unchanged
    assert data["assumptions"] == [
        {"kind": "even", "stage": "fit", "transition": "fit-slow", "target": "slow",
         "rate": 0.4, "basis": None},
        {"kind": "even", "stage": "fit", "transition": "fit-lost", "target": "lost",
         "rate": 0.4, "basis": None}]
    out = tmp_path / "plan.csv"
    assert main(["plan", str(path), "--won", "10", "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Assumptions the plan makes" in text
    assert ("  Fit? → Lost: 40% assumed (no target, no deal history: Fit?'s ways share the "
            "rest evenly)") in text
    import csv
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assumed = [r for r in rows if r[0] == "Assumption"]
    # rows of their own kind, as wide as the others, naming the arrow and its rate
    assert len(assumed) == 2 and len(rows) == 1 + 7 + 7 + 2
    assert {len(r) for r in rows} == {12}
    assert assumed[0][:2] == ["Assumption", "fit-slow"]
    assert assumed[0][2].startswith("Fit? → Slow: 40% assumed")
    assert assumed[0][8:] == ["fit", "slow", "0.4", ""]
    assert main(["plan", str(path), "--won", "10", "--rate", "fit:slow=0.5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["assumptions"] == []   # set: nothing assumed


@pytest.mark.parametrize(("args", "words"), [
    (["--goal", "1000000"], "deal size"),
    (["--won", "10", "--rate", "call:nowhere=0.3"], "no stage with id 'nowhere'"),
    (["--won", "10", "--rate", "call:meeting=1.5"], "between 0 and 1"),
    (["--won", "10", "--rate", "call:meeting"], "SOURCE:TARGET=P"),
    (["--won", "10", "--rate", "call:proposal=0.5"], "no arrow"),
    (["--won", "10", "--rates", "actual"], "deal history"),
    (["--won", "ten"], "not a number"),
    (["--won", "0"], "positive"),
    (["--won", "10", "--heads", "Nobody=3"], "no lane"),
    (["--won", "10", "--goal", "5"], "not allowed with"),
    (["--won", "10", "--deal-size", "5"], "goes with --goal"),
    (["--won", "10", "--rate", "proposal:won=0"], "no deal is ever won"),
    (["--won", "10", "--rates-at", "call=guess"], "targets or actual"),
    (["--won", "10", "--lang", "fr"], "unknown language"),
])
def test_bad_plan_input_is_one_line_error_and_leaves_the_file_alone(
        document: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        words: str) -> None:
    before = fingerprint(document)
    code = main(["plan", str(document), *args])
    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert words in lines[0]
    assert fingerprint(document) == before


def test_a_process_without_a_way_to_won_is_refused_by_the_command(tmp_path: Path) -> None:
    assert run("new", "d.salesdesign", "--template", "eight-step", cwd=tmp_path).returncode == 0
    result = run("plan", "d.salesdesign", "--won", "5", "--rate", "agreement:won=0",
                 "--rate", "agreement:proposal=0", cwd=tmp_path)
    assert "no deal is ever won" in assert_one_line_error(result)


def test_export_pdf_adds_the_plan_chapter_only_when_asked(document: Path) -> None:
    before = fingerprint(document)
    done = run("export", "pdf", document.name, "-o", "m.pdf", "--plan-goal", "3,000,000",
               "--plan-deal-size", "300000", "--plan-heads", "is=2", "--plan-days", "10",
               cwd=document.parent)
    assert done.returncode == 0, done.stderr
    text = " ".join(" ".join(page_texts((document.parent / "m.pdf").read_bytes())).split())
    assert "Plan: what the goal needs" in text
    assert "Deals that must enter the process: 666.7 (1.5% of them are won)" in text
    assert fingerprint(document) == before


@pytest.mark.parametrize(("args", "words"), [
    (["pdf", "--plan-deal-size", "5"], "needs its goal"),
    (["pdf", "--plan-won", "5", "--plan-goal", "5"], "needs its goal"),
    (["json", "--plan-won", "5"], "pdf exports only"),
    (["pdf", "--plan-goal", "5"], "deal size"),
    (["pdf", "--plan-won", "5", "--plan-heads", "nobody=2"], "--plan-heads: there is no lane"),
])
def test_bad_plan_chapter_options_are_one_line_errors(
        document: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        words: str) -> None:
    out = document.parent / "out.bin"
    code = main(["export", args[0], str(document), "-o", str(out), *args[1:]])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(lines) == 1 and words in lines[0], lines
    assert not out.exists()
