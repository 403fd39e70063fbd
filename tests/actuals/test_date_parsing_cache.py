"""The import's split date parse (day and time of day cached apart) reads every text
exactly as the full parse does: valid or not, in range or not, any separator."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.storage.actuals_import.values import (
    parse_date,
    parse_date_split,
    parse_dates_at_once,
)

two = st.integers(0, 99).map(lambda n: f"{n:02d}")
# mostly valid parts, with the edges (month 13, 30 February, hour 24, minute 60) often
month = st.one_of(st.integers(1, 12).map(lambda n: f"{n:02d}"), st.sampled_from(["13", "00",
                                                                                 "4"]))
day = st.one_of(st.integers(1, 28).map(lambda n: f"{n:02d}"), st.sampled_from(["30", "31",
                                                                               "32", "7"]))
hour = st.one_of(st.integers(0, 23).map(lambda n: f"{n:02d}"), st.sampled_from(["24", "7"]))
minute = st.one_of(st.integers(0, 59).map(lambda n: f"{n:02d}"), st.sampled_from(["60", "99"]))
stamps = st.builds(
    lambda y, s1, m, s2, d, gap, h, mi, sec: f"{y}{s1}{m}{s2}{d}{gap}{h}:{mi}{sec}",
    st.sampled_from(["2026", "2024", "1800", "2199", "１２３４"]),
    st.sampled_from(["-", "/", "/", ".", "x"]), month, st.sampled_from(["-", "/", "."]),
    day, st.sampled_from([" ", " ", "T", "  "]), hour, minute,
    st.one_of(st.just(""), minute.map(lambda s: ":" + s), st.just(":5"), st.just(" PM")))
texts = st.one_of(stamps, st.text(max_size=20),
                  st.builds(lambda m, d, y: f"{m}/{d}/{y} 10:30", month, day,
                            st.sampled_from(["2026", "1999"])))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=20))
def test_the_split_parse_reads_every_text_as_the_full_parse(values):
    days: dict = {}
    clocks: dict = {}
    for text in values + values:  # the second time round from the caches
        assert parse_date_split(text, days, clocks) == parse_date(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=30))
def test_the_parse_of_many_texts_at_once_reads_each_as_the_full_parse(values):
    assert parse_dates_at_once(values) == [parse_date(text) for text in values]


def test_the_parse_at_once_takes_the_common_forms_and_leaves_no_invalid_day_through():
    got = parse_dates_at_once(["2026/04/01 10:30", "2024-02-29 23:59:59", "2026-02-29",
                               "2026-04-31 10:00", "2026/04/01 24:00", "2026-04/01",
                               "2026-04-01T10:30", "1899-12-31", "4/1/2026"])
    assert got == [datetime(2026, 4, 1, 10, 30), datetime(2024, 2, 29, 23, 59, 59), None,
                   None, None, datetime(2026, 4, 1), datetime(2026, 4, 1, 10, 30), None,
                   datetime(2026, 4, 1)]


def test_day_and_time_are_cached_apart():
    days: dict = {}
    clocks: dict = {}
    assert parse_date_split("2026/04/01 10:30", days, clocks) == datetime(2026, 4, 1, 10, 30)
    assert parse_date_split("2026/04/02 10:30:15", days, clocks) == \
        datetime(2026, 4, 2, 10, 30, 15)
    assert parse_date_split("4/1/2026 23:59", days, clocks) == datetime(2026, 4, 1, 23, 59)
    assert parse_date_split("2026/02/30 10:30", days, clocks) is None
    assert parse_date_split("2026/04/01 24:00", days, clocks) is None
    assert set(days) == {"2026/04/01", "2026/04/02", "2026/02/30"}
