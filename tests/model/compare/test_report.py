"""The change report in words: the document's language, values as every view writes
them, texts with their changed words (or characters) marked, user text printed inert."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Position, Process, Script
from salesdesigner.model.compare import compare, comparison_to_json, report_text
from salesdesigner.storage.templates import load_template
from tests.model.compare.test_compare_properties import edit_randomly
from tests.strategies import processes


def revised(lang: str) -> tuple[Process, Process]:
    """Version 4 of the eight-step process: the proposal stage's KPI target, goal and
    scripts changed, the stage moved on the canvas."""
    old = load_template("eight-step", lang)
    new = old.copy()
    stage = new.stage("proposal")
    kpi = stage.kpis[0]
    title = "価格の切り返し" if lang == "ja" else "Price objection"
    new.update_stage("proposal", kpis=(dataclasses.replace(kpi, target=35.0), *stage.kpis[1:]),
                     goal="初回訪問で課題を5つ聞く" if lang == "ja" else "Ask 5 questions",
                     scripts=(*stage.scripts, Script(title, body="…")),
                     position=Position(10, 20))
    old.update_stage("proposal",
                     goal="初回訪問で課題を3つ聞く" if lang == "ja" else "Ask 3 questions")
    return old, new


def test_japanese_report_reads_like_the_manual():
    old, new = revised("ja")
    text = report_text(compare(old, new), old, new, old_label="v3.salesdesign",
                       new_label="v4.salesdesign")
    assert text.splitlines() == [
        "v3.salesdesign → v4.salesdesign の変更",
        "内容の変更 3件",
        "レイアウトの変更 1件は省略しました（--include-layout で表示）。",
        "",
        "ステージ「提案とプレゼンテーション」",
        "  目標：初回訪問で課題を[-3-]{+5+}つ聞く",
        "  KPI「提案からの受注率」の目標値：≥ 30% → ≥ 35%",
        "  トークスクリプト「価格の切り返し」を追加",
    ]


def test_english_report_marks_words_and_shows_layout_when_asked():
    old, new = revised("en")
    text = report_text(compare(old, new), old, new, include_layout=True)
    assert text.splitlines() == [
        "3 change(s) in content",
        "",
        "Stage “Proposal & presentation”",
        "  Goal: Ask [-3-]{+5+} questions",
        "  KPI “Proposal win rate”, Target: ≥ 30% → ≥ 35%",
        "  Talk script “Price objection”: added",
        "",
        "Layout",
        "  Stage “Proposal & presentation”",
        f"    Position: ({old.stage('proposal').position.x:g}, "
        f"{old.stage('proposal').position.y:g}) → (10, 20)",
    ]


def test_report_language_follows_the_document_unless_asked():
    old, new = revised("ja")
    assert "3 change(s) in content" in report_text(compare(old, new), old, new, language="en")
    assert report_text(compare(old, old), old, old).startswith("内容の変更はありません。")


def test_user_text_cannot_drive_the_terminal_and_long_texts_are_shortened():
    old = load_template("eight-step", "en")
    new = old.copy()
    new.update_stage("proposal", name="Evil\x1b]0;owned\x07\x1b[31m red",
                     description="A" * 500 + " changed " + "B" * 500)
    old.update_stage("proposal", description="A" * 500 + " kept " + "B" * 500)
    text = report_text(compare(old, new), old, new)
    assert "\x1b" not in text and "\x07" not in text
    assert "[-kept-]{+changed+}" in text
    assert "…" in text and "A" * 31 not in text


def test_a_stage_removed_is_one_line_and_its_arrows_follow():
    old = load_template("eight-step", "ja")
    new = old.copy()
    new.remove_stage("referral")
    lines = report_text(compare(old, new), old, new).splitlines()
    assert lines[2:] == ["ステージ「紹介依頼」を削除",
                         "矢印「アフターフォロー」→「紹介依頼」（効果を実感）を削除",
                         "矢印「紹介依頼」→「完了」（依頼済み）を削除"]


def test_json_report_is_stable_and_carries_the_changed_characters():
    old, new = revised("ja")
    first = json.dumps(comparison_to_json(compare(old, new)), ensure_ascii=False)
    assert first == json.dumps(comparison_to_json(compare(old, new)), ensure_ascii=False)
    data = json.loads(first)
    assert (data["content_changes"], data["layout_changes"]) == (3, 1)
    assert "layout" not in data
    goal = data["changes"][0]
    assert (goal["field"], goal["runs"]) == ("goal", [
        ["equal", "初回訪問で課題を"], ["delete", "3"], ["insert", "5"], ["equal", "つ聞く"]])
    assert data["changes"][1]["old"] == 30 and data["changes"][1]["new"] == 35


@settings(max_examples=15, deadline=None)
@given(processes(max_stages=5), st.data())
def test_any_comparison_reads_as_text_and_json(old, data):
    new = old.copy()
    edit_randomly(data, new)
    comparison = compare(old, new)
    for lang in ("ja", "en"):
        report_text(comparison, old, new, include_layout=True, language=lang)
    json.dumps(comparison_to_json(comparison, include_layout=True), allow_nan=False)


def test_kpi_measures_are_named_in_the_catalogues_words_not_as_keys():
    """A KPI's "measured by" reads as the inspector and the analysis say it ("受注率",
    "Conversion"), and "measured up to" names the stage, or "Won" for any won stage."""
    from salesdesigner.model.entities import Measure
    for lang, expected in (
            ("ja", ["ステージ「ヒアリングとニーズ把握」",
                    "  KPI「提案移行率」の測定方法：移行率 → 受注率",
                    "  KPI「提案移行率」の測定の到達先：「提案とプレゼンテーション」 → 受注",
                    "  KPI「BANT確認率」の測定方法：測定しない → 滞在日数"]),
            ("en", ["Stage “Discovery & needs analysis”",
                    "  KPI “Discovery-to-proposal rate”, Measured by: Conversion → Win rate",
                    "  KPI “Discovery-to-proposal rate”, Measured up to: "
                    "“Proposal & presentation” → Won",
                    "  KPI “BANT completion rate”, Measured by: Not measured → Days in stage"])):
        old = load_template("eight-step", lang)
        new = old.copy()
        first, second, *rest = new.stage("hearing").kpis
        new.update_stage("hearing", kpis=(
            dataclasses.replace(first, measure=Measure.WIN_RATE, measure_to=""),
            dataclasses.replace(second, measure=Measure.DAYS_IN_STAGE), *rest))
        lines = report_text(compare(old, new), old, new).splitlines()
        assert lines[2:] == expected, lang
