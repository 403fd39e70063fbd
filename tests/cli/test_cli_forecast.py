"""``salesdesigner analyze FILE --forecast`` / ``--levers``: the win probability per stage,
the open deals' forecast and the ranked levers, in both languages, as JSON, aggregates only,
and one-line errors for the options that do not go with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, fingerprint, run
from tests.cli.test_cli_analyze import EXPORT

SECRETS = ("D-1", "D-2", "D-3", "D-4", "秘密商事", "内緒物産", "極秘工業", "機密建設", "山田",
           "佐藤", "1,000,000", "1000000", "500000", "500,000", "300000", "300,000")


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("forecast")
    assert run("new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=folder).returncode == 0
    (folder / "export.csv").write_text(EXPORT, encoding="utf-8")
    assert run("import", "actuals", "doc.salesdesign", "export.csv", cwd=folder).returncode == 0
    return folder / "doc.salesdesign"


def test_forecast_json_holds_odds_intervals_and_the_open_deal(document):
    result = run("analyze", document.name, "--forecast", "--json", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    for secret in SECRETS:
        assert secret not in result.stdout, secret
    data = json.loads(result.stdout)
    odds = {s["id"]: s for s in data["odds"]["stages"]}
    # prospecting: 3 deals left it (2 to approach, 1 lost); the targets add 2 pseudo-deals
    assert odds["prospecting"]["observed"] == 3
    for s in odds.values():
        assert s["low"] <= s["win"] <= s["high"]
    assert odds["won"]["win"] == 1 and odds["lost"]["win"] == 0
    # D-4 is the one open deal (in prospecting): the forecast is its chance
    fc = data["forecast"]
    assert fc["open_deals"] == 1
    assert fc["by_stage"] == [{"stage": "prospecting", "open": 1,
                               "won": pytest.approx(odds["prospecting"]["win"], abs=1e-4)}]
    assert fc["total"]["won"] == pytest.approx(odds["prospecting"]["win"], abs=1e-4)
    assert [p["label"] for p in fc["periods"]] == ["2026-10", "2026-11", "2026-12", "later"]
    # one won deal and one open deal have amounts: revenue would show them, so none is given
    assert fc["deal_size"] is None and fc["total"]["revenue"] is None
    assert "levers" not in data


@pytest.mark.parametrize(("lang", "words"), [
    ("ja", ("ステージ別の受注確率", "着地予測", "改善レバー", "信用区間")),
    ("en", ("Win probability per stage", "Forecast of the open deals", "Levers",
            "credible intervals")),
])
def test_forecast_and_levers_read_in_each_language_and_name_no_deal(document, lang, words):
    result = run("analyze", document.name, "--forecast", "--levers", "--lang", lang,
                 cwd=document.parent)
    assert result.returncode == 0, result.stderr
    for word in words:
        assert word in result.stdout
    for secret in SECRETS:
        assert secret not in result.stdout, secret


def test_levers_json_is_ranked_and_confidential(document):
    result = run("analyze", document.name, "--levers", "--json", cwd=document.parent)
    assert result.returncode == 0, result.stderr
    for secret in SECRETS:
        assert secret not in result.stdout, secret
    data = json.loads(result.stdout)
    gains = [lv["won_per_month"] for lv in data["levers"]]
    assert gains == sorted(gains, reverse=True) and gains[0] > 0
    assert {lv["kind"] for lv in data["levers"]} == {"rate", "days"}
    assert "forecast" not in data


def test_months_sets_how_many_months_are_forecast(document):
    result = run("analyze", document.name, "--forecast", "--json", "--months", "1",
                 cwd=document.parent)
    assert [p["label"] for p in json.loads(result.stdout)["forecast"]["periods"]] == \
        ["2026-10", "later"]


@pytest.mark.parametrize(("extra", "says"), [
    (("--forecast", "--period", "2026-10"), "--period"),
    (("--levers", "--by", "revenue"), "--by"),
    (("--months", "2"), "--months applies to --forecast"),
    (("--forecast", "--months", "0"), "between 1 and 24"),
    (("--forecast", "--months", "x"), "invalid int"),
    (("--forecast", "--lang", "fr"), "unknown language"),
    (("--forecast", "--discover"), "not both"),
])
def test_options_that_do_not_go_with_the_forecast_are_one_line_errors(document, extra, says):
    before = fingerprint(document)
    line = assert_one_line_error(run("analyze", document.name, *extra, cwd=document.parent))
    assert says in line
    assert fingerprint(document) == before


def test_a_document_without_actuals_cannot_be_forecast(tmp_path):
    assert run("new", "empty.salesdesign", cwd=tmp_path).returncode == 0
    line = assert_one_line_error(run("analyze", "empty.salesdesign", "--forecast",
                                     cwd=tmp_path))
    assert "no actuals" in line
