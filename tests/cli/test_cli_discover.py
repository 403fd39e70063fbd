"""``salesdesigner analyze FILE --discover`` on a small export, every number worked out by
hand, aggregates only unless ``--deal-ids`` asks for the example deals.

Four deals on the eight-step template (October 2026):
  D-1 prospecting 1 → approach 5 → hearing 7 → proposal 10     (as designed)
  D-2 prospecting 2 → approach 4 → proposal 8 → closing 12     (skips hearing)
  D-3 prospecting 3 → approach 6 → hearing 9 → approach 11     (goes back)
  D-4 prospecting 10                                           (never moved)
prospecting → approach: 3 moves by 3 deals, days 4, 2, 3 → median 3.  Conformance 2 of 4.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, fingerprint, run

EXPORT = """案件ID,案件名,フェーズ,日付,金額,担当者
D-1,秘密商事,プロスペクティング,2026/10/01,"1,000,000円",山田
D-1,秘密商事,アプローチとアポイント獲得,2026/10/05,"1,000,000円",山田
D-1,秘密商事,ヒアリングとニーズ把握,2026/10/07,"1,000,000円",山田
D-1,秘密商事,提案とプレゼンテーション,2026/10/10,"1,000,000円",山田
D-2,内緒物産,プロスペクティング,2026/10/02,500000,佐藤
D-2,内緒物産,アプローチとアポイント獲得,2026/10/04,500000,佐藤
D-2,内緒物産,提案とプレゼンテーション,2026/10/08,500000,佐藤
D-2,内緒物産,クロージング,2026/10/12,500000,佐藤
D-3,極秘工業,プロスペクティング,2026/10/03,200000,佐藤
D-3,極秘工業,アプローチとアポイント獲得,2026/10/06,200000,佐藤
D-3,極秘工業,ヒアリングとニーズ把握,2026/10/09,200000,佐藤
D-3,極秘工業,アプローチとアポイント獲得,2026/10/11,200000,佐藤
D-4,機密建設,プロスペクティング,2026/10/10,300000,山田
"""
SECRETS = ("D-1", "D-2", "秘密商事", "内緒物産", "山田", "佐藤", "1,000,000", "500000")


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("discover")
    assert run("new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    imported = run("import", "actuals", "doc.salesdesign", "export.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    return tmp_path / "doc.salesdesign"


def test_discover_json_gives_the_hand_worked_moves_and_conformance(document):
    result = run("analyze", document.name, "--discover", "--json", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    flow = json.loads(result.stdout)["flow"]
    moves = {(m["source"], m["target"]): (m["moves"], m["deals"], m["kind"])
             for m in flow["moves"]}
    assert moves == {
        ("prospecting", "approach"): (3, 3, "designed"),
        ("approach", "hearing"): (2, 2, "designed"),
        ("hearing", "proposal"): (1, 1, "designed"),
        ("approach", "proposal"): (1, 1, "skip"),
        ("proposal", "closing"): (1, 1, "designed"),
        ("hearing", "approach"): (1, 1, "backward"),
    }
    first = flow["moves"][0]
    assert (first["source"], first["median_days"]) == ("prospecting", 3)
    conf = flow["conformance"]
    assert (conf["deals"], conf["conforming"], conf["share"]) == (4, 2, 0.5)
    assert conf["skipped_stages"] == {"hearing": 1}
    arrows = {a["transition_id"]: a["moves"] for a in flow["arrows"]}
    assert arrows["t1"] == 0 and "t1" in flow["unused_arrows"]     # lead → prospecting
    assert arrows["t2"] == 3 and "t2" not in flow["unused_arrows"]  # prospecting → approach
    for secret in SECRETS:
        assert secret not in result.stdout


def test_discover_text_reads_in_the_document_language_without_deals(document):
    ja = run("analyze", document.name, "--discover", cwd=document.parent)
    assert ja.returncode == 0, ja.stderr
    assert "商談の50%（4件中2件）が図のとおりに進みました" in ja.stdout
    assert "アプローチとアポイント獲得 → 提案とプレゼンテーション（飛ばし）：1件、1回" in ja.stdout
    assert "ヒアリングとニーズ把握：1件が飛ばしました" in ja.stdout
    en = run("analyze", document.name, "--discover", "--lang", "en", cwd=document.parent)
    assert "50% of deals (2 of 4) followed the diagram" in en.stdout
    for text in (ja.stdout, en.stdout):
        for secret in SECRETS:
            assert secret not in text


def test_deal_ids_are_shown_only_when_asked(document):
    text = run("analyze", document.name, "--discover", "--deal-ids", cwd=document.parent)
    assert "例：D-2" in text.stdout and "例：D-3" in text.stdout
    data = json.loads(run("analyze", document.name, "--discover", "--json", "--deal-ids",
                          cwd=document.parent).stdout)
    assert [d["examples"] for d in data["flow"]["conformance"]["deviations"]] == [
        ["D-2"], ["D-3"]]
    for secret in ("秘密商事", "山田", "500000"):  # names, owners, amounts: never
        assert secret not in text.stdout


def test_discover_refuses_a_period_in_one_line_and_keeps_the_file(document):
    before = fingerprint(document)
    result = run("analyze", document.name, "--discover", "--period", "2026-10",
                 cwd=document.parent)
    assert "whole history" in assert_one_line_error(result)
    assert fingerprint(document) == before
