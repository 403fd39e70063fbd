"""The Qt-free helpers: history and snippets (the words are tested with the catalogue,
tests/model/test_presentation.py)."""

from __future__ import annotations

from salesdesigner.ui.playbook.history import History
from salesdesigner.ui.playbook.snippets import breakable, snippet


def test_history_drops_the_forward_part_on_a_new_visit():
    h = History()
    for s in "abc":
        h.visit(s)
    assert h.back() == "b" and h.back() == "a" and not h.can_back()
    h.visit("x")
    assert not h.can_forward() and h.current == "x" and h.back() == "a"


def test_history_ignores_revisiting_the_current_stage():
    h = History()
    h.visit("a")
    h.visit("a")
    assert not h.can_back()


def test_history_prune_forgets_removed_stages():
    h = History()
    for s in "abab":
        h.visit(s)
    h.prune({"a"})
    assert h.current == "a" and not h.can_back()


def test_snippet_finds_the_match_despite_width_and_case():
    before, hit, after = snippet("予算は ｱﾎﾟｲﾝﾄ の後で確認", "アポ")
    assert hit == "ｱﾎﾟ" and before.endswith("予算は ") and after.startswith("ｲﾝﾄ")


def test_snippet_shortens_long_text_around_the_match():
    text = "a " * 200 + "needle" + " b" * 200
    before, hit, after = snippet(text, "NEEDLE", width=40)
    assert hit == "needle" and before.startswith("…") and after.endswith("…")
    assert len(before) + len(after) < 60


def test_breakable_only_adds_invisible_break_hints_to_long_runs():
    long = "x" * 100
    assert breakable("short words stay") == "short words stay"
    assert breakable(long).replace("\u200b", "") == long
    assert "\u200b" in breakable(long)
