"""The manual's optional plan chapter: off unless asked, the back-calculated numbers as the
plan gives them, words in the document's language, and no deal's data on the page."""

from __future__ import annotations

import dataclasses

import pytest

from salesdesigner.export.pdf import render_pdf
from salesdesigner.model.plan import back_calculate
from tests.export_pdf.actuals_sample import DEAL_IDS, NAMES, OWNERS, amount_texts, sample_process
from tests.export_pdf.conftest import page_texts


def _text(data: bytes) -> str:
    return " ".join(" ".join(page_texts(data)).split())


def _actual_plan(language: str):  # type: ignore[no-untyped-def]
    p = sample_process(language)
    # actual rates (worked by hand in tests/export_pdf/actuals_sample.py's history):
    # lead → meet 5/5, meet → prop 3/4, prop → won 2/3, so 10 won need 10 / 0.5 = 20 in
    plan = back_calculate(p, won=10, source="actual", events=p.actuals.events,
                          heads={}, working_days=None)
    return p, plan


@pytest.fixture(scope="module")
def manual_en() -> str:
    p, plan = _actual_plan("en")
    return _text(render_pdf(p, stages=["lead"], plan=plan).data)


def test_the_chapter_is_off_by_default(manual_en: str) -> None:
    plain = _text(render_pdf(sample_process("en"), stages=["lead"]).data)
    assert "Plan: what the goal needs" not in plain
    assert "Plan: what the goal needs" in manual_en


def test_the_chapter_prints_the_plan_numbers_and_where_each_rate_came_from(
        manual_en: str) -> None:
    assert "Deals that must enter the process: 20 (50% of them are won)" in manual_en
    assert "Goal: 10 won deals in the period" in manual_en
    assert "Meeting → Proposal 75% actual, n = 4 15" in manual_en
    assert "Proposal → Won 66.7% actual, n = 3 10" in manual_en


def test_no_deal_id_owner_name_or_amount_reaches_the_plan_page(manual_en: str) -> None:
    for secret in [*DEAL_IDS, *OWNERS, *NAMES, *amount_texts()]:
        assert secret not in manual_en


def test_the_japanese_chapter_uses_the_catalogue_words() -> None:
    p, plan = _actual_plan("ja")
    text = _text(render_pdf(p, stages=["lead"], plan=plan).data)
    assert "計画：目標に必要な活動量" in text
    assert "プロセスに入るべき案件：20件（うち受注 50%）" in text


def test_markup_in_names_prints_as_typed() -> None:
    p = sample_process("en")
    p.replace_stage(dataclasses.replace(p.stage("meet"), name="<b>Meet & greet</b>"))
    plan = back_calculate(p, won=4, source="actual", events=p.actuals.events)
    text = _text(render_pdf(p, stages=["lead"], plan=plan).data)
    assert "<b>Meet & greet</b> → Proposal" in text


def test_rates_from_few_deals_are_said_as_assumptions_in_both_languages(
        manual_en: str) -> None:
    # the sample history has 5 finished visits at lead, 4 at meeting, 3 at proposal
    assert "Assumptions the plan makes" in manual_en
    assert ("Meeting: actual rates from only 4 finished visits (fewer than 10), so they "
            "are rough") in manual_en
    p, plan = _actual_plan("ja")
    text = _text(render_pdf(p, stages=["lead"], plan=plan).data)
    assert "計画の仮定" in text
    assert "提案：実績の率は完了した3件のみから（10件未満）のため目安" in text
