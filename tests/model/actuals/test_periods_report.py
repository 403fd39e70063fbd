"""Periods as typed on the command line, and the plain-text report in both languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model.actuals import analyze, parse_period, render_text
from salesdesigner.model.errors import UserError
from tests.model.actuals.history_samples import events, funnel_process


@pytest.mark.parametrize("text,start,end", [
    ("2026-10", datetime(2026, 10, 1), datetime(2026, 11, 1)),
    ("2026-02", datetime(2026, 2, 1), datetime(2026, 3, 1)),        # 28 days
    ("2024-02", datetime(2024, 2, 1), datetime(2024, 3, 1)),        # 29 days
    ("2026-12", datetime(2026, 12, 1), datetime(2027, 1, 1)),       # year end
    ("2026-W44", datetime(2026, 10, 26), datetime(2026, 11, 2)),
    ("2026-W01", datetime(2025, 12, 29), datetime(2026, 1, 5)),     # ISO week 1 starts in 2025
    ("2026-10-01..2026-10-15", datetime(2026, 10, 1), datetime(2026, 10, 16)),
])
def test_periods_are_half_open_spans(text, start, end):
    p = parse_period(text)
    assert (p.start, p.end) == (start, end)
    assert p.start in p and p.end not in p
    assert parse_period(p.label) == p


@pytest.mark.parametrize("bad", ["2026-13", "October", "2026-W60", "2026-10-15..2026-10-01", ""])
def test_a_period_that_is_not_one_is_a_user_error(bad):
    with pytest.raises(UserError):
        parse_period(bad)


def test_the_text_report_reads_in_japanese_from_the_catalogue():
    text = render_text(analyze(funnel_process("ja"), events(), "2026-10"))
    assert "期間：2026-10" in text
    assert "  提案：到達 4件、受注 3件、失注 1件、進行中 0件" in text
    assert "    交渉へ 2件（50%）" in text
    assert "  提案 → 受注：1回（1件） （図にない流れ）" in text
    assert "  リード・満足度：実績なし（このKPIは何を測るかが設定されていません）" in text
    assert "  提案・移行率：50%（目標 ≥ 90%、4件）未達" in text
    assert text.rstrip().endswith(
        "提案→交渉の移行率が目標90%に対し50%。目標どおりなら月に受注が1.5件多い")


def test_the_text_report_reads_in_english_and_names_no_deal():
    text = render_text(analyze(funnel_process("en"), events(), "2026-10"), "en")
    assert "  Proposal: reached by 4, won 3, lost 1, open 0" in text
    assert "    to Negotiation: 2 (50%)" in text
    assert "  Proposal → Won: moves 1, deals 1 (not on the diagram)" in text
    assert "    stalled: 1 (over 6 days, the median stay in the data)" in text
    assert text.rstrip().endswith("Proposal→Negotiation conversion is 50% against a target of "
                                  "90%. On target, 1.5 more deals would be won a month.")
    assert "D5" not in text and "Deal " not in text


def test_a_range_overlaps_the_months_it_touches_and_nothing_else():
    from salesdesigner.model.actuals.periods import months_between, overlapping

    months = months_between(datetime(2026, 1, 20), datetime(2026, 6, 3))  # Jan … Jun
    assert overlapping(months, parse_period("2026-03-15..2026-05-01")) == (2, 4)
    # a range ending on the last day of April stops before May (half-open at midnight)
    assert overlapping(months, parse_period("2026-03-01..2026-04-30")) == (2, 3)
    assert overlapping(months, parse_period("2026-02")) == (1, 1)
    assert overlapping(months, parse_period("2025-12-01..2026-01-01")) == (0, 0)
    assert overlapping(months, parse_period("2026-07-01..2026-07-31")) is None
    assert overlapping(months, None) is None
