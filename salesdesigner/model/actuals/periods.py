"""The spans of time an analysis looks at: a calendar month, an ISO week, a date range.

A period is half-open, ``[start, end)`` in naive local time, so an event at 23:59 on the
31st belongs to that month and one at 00:00 on the 1st to the next: months split exactly
at midnight of their last day, whatever their length (28 … 31 days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from salesdesigner.model.errors import UserError

#: The average month (365.25 / 12 days): what "per month" scales weeks and ranges by.
DAYS_PER_MONTH = 30.4375

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-[Ww](\d{1,2})$")
_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s*(?:\.\.|/|~|〜)\s*(\d{4}-\d{1,2}-\d{1,2})$")


@dataclass(frozen=True)
class Period:
    """``[start, end)``; ``kind`` is "month", "week" or "range"; ``label`` as typed back
    ("2026-10", "2026-W44", "2026-10-01..2026-10-15")."""

    kind: str
    start: datetime
    end: datetime
    label: str

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    @property
    def months(self) -> float:
        """How many months the period is worth, for "per month" figures (a month: 1)."""
        if self.kind == "month":
            return 1.0
        return (self.end - self.start).total_seconds() / 86400 / DAYS_PER_MONTH

    # ------------------------------------------------------------------ builders
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = datetime(year, month, 1)
        end = datetime(year + month // 12, month % 12 + 1, 1)
        return cls("month", start, end, f"{year:04d}-{month:02d}")

    @classmethod
    def iso_week(cls, year: int, week: int) -> Period:
        monday = date.fromisocalendar(year, week, 1)
        start = datetime(monday.year, monday.month, monday.day)
        return cls("week", start, start + timedelta(days=7), f"{year:04d}-W{week:02d}")

    @classmethod
    def dates(cls, first: date, last: date) -> Period:
        """From the start of ``first`` to the end of ``last`` (both days included)."""
        if last < first:
            raise UserError(f"The period ends ({last}) before it starts ({first}).")
        start = datetime(first.year, first.month, first.day)
        return cls("range", start, start + timedelta(days=(last - first).days + 1),
                   f"{first.isoformat()}..{last.isoformat()}")


def parse_period(text: str) -> Period:
    """``2026-10`` (a month), ``2026-W44`` (an ISO week) or ``2026-10-01..2026-10-15``
    (days, both included); UserError with a readable message otherwise."""
    cleaned = text.strip()
    try:
        if m := _MONTH.match(cleaned):
            return Period.month(int(m[1]), int(m[2]))
        if m := _WEEK.match(cleaned):
            return Period.iso_week(int(m[1]), int(m[2]))
        if m := _RANGE.match(cleaned):
            return Period.dates(_day(m[1]), _day(m[2]))
    except ValueError:
        pass
    raise UserError(f"{text!r} is not a period: write a month (2026-10), an ISO week "
                    "(2026-W44) or a range of days (2026-10-01..2026-10-15).")


def _day(text: str) -> date:
    y, m, d = (int(part) for part in text.split("-"))
    return date(y, m, d)


def months_between(first: datetime, last: datetime) -> list[Period]:
    """Every calendar month from the one holding ``first`` to the one holding ``last``."""
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(Period.month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def overlapping(periods: list[Period] | tuple[Period, ...], period: Period | None,
                ) -> tuple[int, int] | None:
    """The first and last index of ``periods`` (in time order) that share time with
    ``period``: the months a date range spans, shaded on the monthly trend; None when none
    does (or no period is on show)."""
    if period is None:
        return None
    hit = [i for i, p in enumerate(periods) if p.start < period.end and period.start < p.end]
    return (hit[0], hit[-1]) if hit else None


def latest_full_month(first: datetime, last: datetime) -> Period:
    """The last calendar month the data covers to its end: the month before the one
    holding ``last`` (the latest event), unless ``last`` falls on its month's last day
    (an export taken on 1 November whose last event is on 31 October covers October).
    When the data starts after that month (it has not yet seen a month's end), the month
    holding ``last``, partial as it is."""
    following = datetime(last.year, last.month, last.day) + timedelta(days=1)
    if following.day == 1:
        return Period.month(last.year, last.month)
    year, month = (last.year - 1, 12) if last.month == 1 else (last.year, last.month - 1)
    before = Period.month(year, month)
    return before if first < before.end else Period.month(last.year, last.month)
