"""Word-level diffs for English, character-level for Japanese (no spaces between words)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.compare.textdiff import (
    Op,
    jaccard,
    marked,
    ratio,
    text_runs,
    token_set,
    tokens,
)


def changed(runs) -> list[tuple[str, str]]:
    return [(r.op.value, r.text) for r in runs if r.op is not Op.EQUAL]


def test_japanese_diff_marks_exactly_the_changed_character():
    runs = text_runs("「初回訪問で課題を3つ聞く」", "「初回訪問で課題を5つ聞く」")
    assert [(r.op, r.text) for r in runs] == [
        (Op.EQUAL, "「初回訪問で課題を"), (Op.DELETE, "3"), (Op.INSERT, "5"),
        (Op.EQUAL, "つ聞く」")]
    assert marked(runs) == "「初回訪問で課題を[-3-]{+5+}つ聞く」"


def test_japanese_insertion_marks_only_the_inserted_characters():
    runs = text_runs("価格の切り返しを準備する", "価格の切り返しトークを準備する")
    assert changed(runs) == [("insert", "トーク")]


def test_full_width_digits_change_one_character():
    assert changed(text_runs("課題を３つ聞く", "課題を５つ聞く")) == [("delete", "３"),
                                                              ("insert", "５")]


def test_english_diff_marks_whole_words_not_letters():
    runs = text_runs("Ask three open questions on the first visit",
                     "Ask five open questions in the first visit")
    assert changed(runs) == [("delete", "three"), ("insert", "five"),
                             ("delete", "on"), ("insert", "in")]


def test_mixed_text_is_cut_by_script():
    assert tokens("提案書v2を送る, then call") == [
        "提", "案", "書", "v2", "を", "送", "る", ",", " ", "then", " ", "call"]


def test_equal_texts_are_one_equal_run_and_empty_texts_none():
    assert text_runs("same", "same") == (text_runs("same", "same")[0],)
    assert text_runs("", "") == ()
    assert changed(text_runs("", "新規")) == [("insert", "新規")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_runs_rebuild_both_texts_and_never_repeat_a_kind(old, new):
    runs = text_runs(old, new)
    assert "".join(r.text for r in runs if r.op is not Op.INSERT) == old
    assert "".join(r.text for r in runs if r.op is not Op.DELETE) == new
    assert all(a.op is not b.op for a, b in zip(runs, runs[1:], strict=False))
    assert all(r.text for r in runs)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_similarity_is_symmetric(a, b):
    assert ratio(a, b) == ratio(b, a)
    assert jaccard(token_set(a), token_set(b)) == jaccard(token_set(b), token_set(a))


def test_japanese_content_words_are_character_pairs():
    assert token_set("課題を聞く") == {"課題", "題を", "を聞", "聞く"}
