"""Escaping, font fallback, chunking and kinsoku line breaking of user text."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from salesdesigner.export.pdf.fonts import GOTHIC, SANS, SYMBOLS, chains
from salesdesigner.export.pdf.text import (
    NO_END,
    NO_START,
    KinsokuParagraph,
    break_lines,
    chunks,
    clean,
    markup,
)


def lines_of(text: str, width: float, japanese: bool = True) -> list[str]:
    ch = chains(japanese)
    style = ParagraphStyle("t", fontName=ch.body[0], fontSize=10, leading=14, wordWrap="CJK")
    para = KinsokuParagraph(markup(text, ch.body), style)
    para.wrap(width, 10_000)
    return ["".join(f.text for f in line.words) for line in para.blPara.lines]


def test_markup_escapes_tags_and_entities_instead_of_interpreting_them() -> None:
    out = markup("<b>bold</b> & <para>", chains(False).body)
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out


def test_clean_drops_control_characters_but_keeps_newlines_and_tabs() -> None:
    assert clean("a\x00b\x1bc\r\nd\te\x7f\x85") == "a" + "bc\nd\te"


def test_emoji_falls_back_to_a_font_that_has_the_glyph() -> None:
    out = markup("ok 👍 日本", chains(False).body)  # DejaVu Sans has no 👍, Symbola does
    assert f'<font name="{SYMBOLS}">👍</font>' in out
    assert SANS not in out  # the body font needs no tag
    assert f'<font name="{GOTHIC}">日本</font>' in out


def test_korean_falls_back_to_the_hangul_font() -> None:
    from salesdesigner.export.pdf.fonts import HANGUL
    assert f'<font name="{HANGUL}">한국어</font>' in markup("한국어", chains(True).body)


def test_characters_no_font_has_become_a_reported_placeholder() -> None:
    missing: set[str] = set()
    out = markup("x\U000F0000y", chains(False).body, missing)  # private use: no glyph anywhere
    assert "\ufffd" in out and missing == {"U+F0000"}


def test_kinsoku_no_line_starts_with_closing_punctuation_or_ends_with_opening() -> None:
    text = ("「受注」。、）" * 15 + "あいうえおかきくけこ、さしすせそ。「たちつてと」。" * 8
            + "（注）ナーチャリング、ーーっ。")
    for width in range(40, 420, 9):
        lines = lines_of(text, width)
        assert "".join(lines) == text.replace("\n", "")
        for line in lines[1:]:
            assert line[0] not in NO_START, (width, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_END, (width, line)


def test_latin_words_stay_whole_and_overlong_words_still_wrap() -> None:
    lines = lines_of("Call the customer back tomorrow morning", 90, japanese=False)
    words = ["Call", "the", "customer", "back", "tomorrow", "morning"]
    assert len(lines) > 1
    assert [w for line in lines for w in line.split()] == words  # no word cut in two
    url = "https://example.com/" + "x" * 400
    lines = lines_of(url, 120, japanese=False)
    assert len(lines) > 3 and "".join(lines) == url


def test_newlines_are_kept_as_line_breaks() -> None:
    assert lines_of("first\nsecond", 400, japanese=False) == ["first", "second"]


def test_break_lines_always_progresses_even_with_only_no_start_characters() -> None:
    chars = "。" * 50
    spans = break_lines(chars, [10.0] * 50, [25.0])
    assert spans[0][0] == 0 and spans[-1][1] == 50
    assert all(end > start for start, end in spans)


def test_chunks_split_huge_text_into_bounded_pieces_without_losing_any() -> None:
    text = "長文<&>。" * 20_000 + "\n" + "word " * 3000
    pieces = chunks(text, 700)
    assert all(len(p) <= 700 for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")
