"""``salesdesigner analyze`` as a manager runs it after importing the month's export: the
funnel on the team's own process, in numbers worked out by hand, aggregates only, and
one-line errors for what it cannot do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, fingerprint, run

# Four deals on the eight-step template (CRM stage names equal the stage names):
#   D-1 prospecting 10/01 → approach 10/05 → won 10/15
#   D-2 prospecting 10/02 → approach 10/12 → lost 10/20
#   D-3 prospecting 10/03 → lost 10/04
#   D-4 prospecting 10/10, still open
# prospecting: reached 4; moved on 3 (approach 2, lost 1); won 1, lost 2, open 1;
# conversion to approach 2/4 = 0.5, to won 1/4 = 0.25; finished stays 4, 10 and 1 days:
# mean 5, median 4.  approach: reached 2, its KPI "アプローチからのアポ獲得率" measures the move
# to hearing, which neither deal made: 0 %.
EXPORT = """案件ID,案件名,フェーズ,日付,金額,担当者
D-1,秘密商事,プロスペクティング,2026/10/01,"1,000,000円",山田
D-1,秘密商事,アプローチとアポイント獲得,2026/10/05,"1,000,000円",山田
D-1,秘密商事,受注,2026/10/15,"1,000,000円",山田
D-2,内緒物産,プロスペクティング,2026/10/02,500000,佐藤
D-2,内緒物産,アプローチとアポイント獲得,2026/10/12,500000,佐藤
D-2,内緒物産,失注,2026/10/20,500000,佐藤
D-3,極秘工業,プロスペクティング,2026/10/03,200000,佐藤
D-3,極秘工業,失注,2026/10/04,200000,佐藤
D-4,機密建設,プロスペクティング,2026/10/10,300000,山田
"""


@pytest.fixture()
def document(tmp_path: Path) -> Path:
    assert run("new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    imported = run("import", "actuals", "doc.salesdesign", "export.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    return tmp_path / "doc.salesdesign"


def _stage(data: dict, stage_id: str) -> dict:
    return next(s for s in data["stages"] if s["id"] == stage_id)


def test_analyze_json_gives_the_hand_worked_funnel(document):
    result = run("analyze", document.name, "--json", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    p = _stage(data, "prospecting")
    assert (p["reached"], p["won"], p["lost"], p["open"]) == (4, 1, 2, 1)
    assert p["moved_on"] == {"approach": 2, "lost": 1}
    assert p["conversion"]["approach"] == pytest.approx(0.5)
    assert p["conversion_to_won"] == pytest.approx(0.25)
    assert (p["days_mean"], p["days_median"]) == (pytest.approx(5), pytest.approx(4))
    rate = next(k for k in data["kpis"] if k["id"] == "outreach-to-meeting-rate")
    assert (rate["actual"], rate["basis"], rate["met"]) == (pytest.approx(0), 2, False)


def test_analyze_text_is_in_the_document_language_and_names_no_deal(document):
    result = run("analyze", document.name, "--period", "2026-10", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    assert "ファネル" in result.stdout and "プロスペクティング：到達 4件" in result.stdout
    english = run("analyze", document.name, "--lang", "en", cwd=document.parent).stdout
    assert "Funnel" in english
    for text in (result.stdout, english):
        for secret in ("D-1", "秘密商事", "山田", "1,000,000", "1000000"):
            assert secret not in text


@pytest.mark.parametrize("args, words", [
    (("--period", "2026-13"), "is not a period"),
    (("--lang", "fr"), "unknown language"),
])
def test_analyze_refuses_bad_options_in_one_line_and_keeps_the_file(document, args, words):
    before = fingerprint(document)
    result = run("analyze", document.name, *args, cwd=document.parent)
    assert words in assert_one_line_error(result)
    assert fingerprint(document) == before


def test_analyze_without_actuals_says_to_import_first(tmp_path):
    assert run("new", "doc.salesdesign", cwd=tmp_path).returncode == 0
    assert "holds no actuals" in assert_one_line_error(run("analyze", "doc.salesdesign",
                                                             cwd=tmp_path))
