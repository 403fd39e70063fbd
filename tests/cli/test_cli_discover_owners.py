"""``salesdesigner analyze FILE --discover``: the per-owner findings (top performers) as a
manager prints them, named or anonymised, as text or JSON, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, fingerprint, run


def _export() -> str:
    """Proposal → closing: 田中 16 of 20, 鈴木 12 of 25, 佐藤 11 of 25 (the rest of the team
    for 田中: 23 of 50; Fisher p = 0.0155, q = 0.047 in a family of three)."""
    rows = ["案件ID,案件名,フェーズ,日付,金額,担当者"]
    deal = 0
    for owner, count, onward in (("田中", 20, 16), ("鈴木", 25, 12), ("佐藤", 25, 11)):
        for i in range(count):
            deal += 1
            day = 1 + i % 20
            rows.append(f"D-{deal},極秘{deal},提案とプレゼンテーション,2026/10/{day:02d},"
                        f"1000,{owner}")
            last = "クロージング" if i < onward else "失注"
            rows.append(f"D-{deal},極秘{deal},{last},2026/11/{day:02d},1000,{owner}")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("owners")
    assert run("new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_text(_export(), encoding="utf-8")
    imported = run("import", "actuals", "doc.salesdesign", "export.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    return tmp_path / "doc.salesdesign"


def test_discover_prints_the_finding_in_the_documents_language(document):
    result = run("analyze", document.name, "--discover", "--owner-names",
                 cwd=document.parent)
    assert result.returncode == 0, result.stderr
    assert ("田中さんは提案とプレゼンテーション→クロージングの移行率が80%"
            "（チーム平均46%、偶然では説明しにくい差）") in result.stdout
    assert "極秘" not in result.stdout and "D-1" not in result.stdout  # no deal data
    english = run("analyze", document.name, "--discover", "--lang", "en", "--owner-names",
                  cwd=document.parent).stdout
    assert "田中 moves 80% of deals from 提案とプレゼンテーション to クロージング" in english


def test_discover_json_carries_the_counts_and_p(document):
    result = run("analyze", document.name, "--discover", "--json", "--owner-names",
                 cwd=document.parent)
    assert result.returncode == 0, result.stderr
    (finding,) = json.loads(result.stdout)["owners"]["findings"]
    assert (finding["owner"], finding["stage"], finding["to"]) == ("田中", "proposal",
                                                                   "closing")
    assert (finding["hits"], finding["reached"], finding["team_hits"],
            finding["team_reached"]) == (16, 20, 23, 50)
    assert finding["p"] == pytest.approx(0.0155212887703066)


def test_owners_are_anonymous_unless_named_explicitly(document):
    text = run("analyze", document.name, "--discover", cwd=document.parent).stdout
    data = run("analyze", document.name, "--discover", "--json", "--anonymize",
               cwd=document.parent).stdout
    for name in ("田中", "鈴木", "佐藤"):
        assert name not in text and name not in data
    assert "担当Cは提案とプレゼンテーション→クロージングの移行率が80%" in text  # third by deals
    assert json.loads(data)["owners"]["anonymised"] is True


def test_owner_flags_without_discover_or_together_are_usage_errors(document):
    before = fingerprint(document)
    line = assert_one_line_error(run("analyze", document.name, "--owner-names",
                                     cwd=document.parent))
    assert "--discover" in line
    line = assert_one_line_error(run("analyze", document.name, "--discover", "--anonymise",
                                     "--owner-names", cwd=document.parent))
    assert "not both" in line
    assert fingerprint(document) == before
