"""The presentation catalogue: complete in both languages, and one way to write each value."""

from __future__ import annotations

import datetime
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesigner.model import Direction, Kpi, StageKind
from salesdesigner.model.presentation import (
    LANGUAGES,
    SCOPES,
    TABLES,
    Words,
    display_number,
    editable_number,
    kind_name,
    language_code,
    missing_keys,
    primary_language,
    words_for,
)


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_key_is_in_both_languages() -> None:
    assert missing_keys() == {code: set() for code in LANGUAGES}
    assert TABLES["en"].keys() == TABLES["ja"].keys()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_empty(language: str) -> None:
    empty = [key for key, value in TABLES[language].items() if not value.strip()]
    assert empty == []


def test_both_languages_fill_in_the_same_values() -> None:
    differ = {key: (_placeholders(text), _placeholders(TABLES["ja"][key]))
              for key, text in TABLES["en"].items()
              if _placeholders(text) != _placeholders(TABLES["ja"][key])}
    assert differ == {}


def test_keys_are_shared_or_belong_to_a_known_medium() -> None:
    scopes = {key.split(".", 1)[0] for key in TABLES["en"] if "." in key}
    assert scopes <= set(SCOPES)


def test_the_japanese_table_is_japanese_where_english_is_english() -> None:
    """A word copied into the wrong table would read English in a Japanese manual."""
    latin_only = re.compile(r"^[\x00-\x7f…“”’—–←→·≤≥]*$")
    same = [key for key, text in TABLES["en"].items()
            if TABLES["ja"][key] == text and re.search("[A-Za-z]{3}", re.sub(r"\{\w*\}", "", text))
            and key not in ("kpis", "field_kpi", "manual.col_kpi")]
    assert same == []
    assert all(latin_only.match(text) for text in TABLES["en"].values())


@pytest.mark.parametrize(("tag", "code"), [
    ("ja", "ja"), ("ja-JP", "ja"), ("ja_JP", "ja"), ("JA", "ja"), (" ja ", "ja"),
    ("en", "en"), ("en-US", "en"), ("de", "en"), ("", "en"), (None, "en"), ("jav", "en"),
])
def test_language_tags_are_normalised_in_one_place(tag: str | None, code: str) -> None:
    assert language_code(tag) == code
    assert Words(tag).code == code


def test_the_primary_language_of_a_tag_or_locale_name() -> None:
    assert [primary_language(t) for t in ("ja_JP", "en-US", "DE", "", None)] == [
        "ja", "en", "de", "", ""]


def test_kpi_targets_read_the_same_in_every_language() -> None:
    en, ja = words_for("en"), words_for("ja")
    lead_en = Kpi("Lead time", 10.0, "days", Direction.LOWER)
    lead_ja = Kpi("リードタイム", 10.0, "日", Direction.LOWER)
    assert en.kpi_target(lead_en) == "≤ 10 days"
    assert ja.kpi_target(lead_ja) == "≤ 10日"
    assert ja.kpi_target(lead_en) == "≤ 10 days"  # a unit decides its spacing, not the language
    assert en.kpi_target(Kpi("Win rate", 30.0, "%")) == "≥ 30%"
    assert en.kpi_target(Kpi("x", 2.5, " days ", Direction.LOWER)) == "≤ 2.5 days"
    assert ja.kpi_target(Kpi("商談数", 20.0, "件/月")) == "≥ 20件/月"
    assert ja.kpi_target(Kpi("売上", 1500000.0, "円")) == "≥ 1,500,000円"
    assert ja.kpi_target(Kpi("x", 3.0)) == "≥ 3"
    assert en.kpi_target(Kpi("No target")) == ""
    assert (en.direction(lead_en), ja.direction(lead_ja)) == ("lower is better", "低いほど良い")
    assert en.direction(Direction.HIGHER) == "higher is better"


def test_durations_and_days() -> None:
    en, ja = words_for("en"), words_for("ja")
    assert (en.days(1), en.days(10), en.days(0.5), en.days(1000)) == (
        "1 day", "10 days", "0.5 days", "1,000 days")
    assert (ja.days(1), ja.days(10)) == ("1日", "10日")
    assert (en.duration(10), ja.duration(10)) == ("Typically 10 days", "目安 10日")
    assert (en.days_suffix(), ja.days_suffix()) == (" days", "日")


def test_an_empty_name_reads_untitled() -> None:
    en, ja = words_for("en"), words_for("ja")
    assert (en.name(""), en.name("  \n"), ja.name("")) == ("(untitled)", "(untitled)", "（無題）")
    assert en.name("Hearing") == "Hearing" and ja.name(" 提案 ") == " 提案 "


def test_kinds_scopes_and_attributes() -> None:
    ja = words_for("ja", "playbook")
    assert kind_name(StageKind.DECISION, "ja-JP") == "分岐" and ja.kind("won") == "受注"
    assert set(ja.kinds) == {kind.value for kind in StageKind}
    assert ja.goal == "目標" and ja("step_of", n=2, m=5) == "ステップ 2 / 5"
    assert ja.loops_back == words_for("ja")("playbook.loops_back")
    assert words_for("en", "manual")("overview") == "Process overview"
    assert words_for("en", "playbook")("overview") == "Overview"
    assert ja.fields["script"] == "トークスクリプト"
    with pytest.raises(AttributeError):
        ja.no_such_word  # noqa: B018 - the lookup itself is what fails
    with pytest.raises(KeyError):
        words_for("en")("manual_typo")


def test_the_playbook_page_gets_shared_and_its_own_words_without_prefixes() -> None:
    flat = words_for("ja", "playbook").flat()
    assert flat["goal"] == "目標" and flat["loops_back"] == "前のステップに戻る"
    assert flat["kind_won"] == "受注" and flat["next"] == "次へ"
    assert not any("." in key for key in flat)
    assert "subtitle" not in flat  # the manual's words stay out of the page


def test_dates() -> None:
    day = datetime.date(2026, 12, 3)
    assert words_for("en").date(day) == "3 December 2026"
    assert words_for("ja").date(day) == "2026年12月3日"


def test_numbers() -> None:
    assert display_number(10.0) == "10"
    assert display_number(25000.0) == "25,000"
    assert display_number(12.5) == "12.5"
    assert display_number(0.1 + 0.2) == "0.3"
    assert display_number(-0.0) == "0"
    assert display_number(1e20) == "1e+20"
    assert (editable_number(1200000.0), editable_number(2.5), editable_number(None)) == (
        "1200000", "2.5", "")


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_shown_number_reads_back_close_to_its_value(value: float) -> None:
    shown = display_number(value)
    assert abs(float(shown.replace(",", "")) - value) <= max(1e-6, abs(value) * 1e-6)
    assert float(editable_number(value)) == pytest.approx(value, rel=1e-5, abs=1e-6)
