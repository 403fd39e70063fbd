"""The Qt-free helpers: history, labels and snippets."""

from __future__ import annotations

from salesdesigner.model import Direction, Kpi
from salesdesigner.ui.playbook.history import History
from salesdesigner.ui.playbook.labels import (
    breakable,
    format_number,
    format_target,
    labels_for,
    snippet,
)


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


def test_labels_follow_the_document_language():
    assert labels_for("ja").goal == "目標"
    assert labels_for("ja-JP").next_steps == "次のステップ"
    assert labels_for("en").goal == "Goal"
    assert labels_for("de").goal == "Goal"


def test_kpi_targets_read_like_a_rep_expects():
    en, ja = labels_for("en"), labels_for("ja")
    assert format_target(Kpi("x", 10.0, "%"), en) == "≥ 10%"
    assert format_target(Kpi("x", 2.5, "days", Direction.LOWER), en) == "≤ 2.5 days"
    assert format_target(Kpi("x", 1200000.0, "円"), ja) == "≥ 1,200,000円"
    assert format_target(Kpi("x", None, "%"), en) == ""
    assert format_number(-0.0) in ("0", "-0")


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
