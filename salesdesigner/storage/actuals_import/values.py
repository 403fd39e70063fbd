"""Dates and amounts as CRMs and people write them, read into datetimes and floats.

Dates: ``2026-04-01``, ``2026/04/01``, ``2026.4.1``, ``2026-04-01 10:30(:00)``,
``2026-04-01T10:30:00(Z|+09:00)`` (the wall-clock time is kept, the offset dropped: the
analysis counts days), ``4/1/2026`` (month first, as US CRMs export it; day first only
when the first number cannot be a month), ``2026年4月1日`` (with ``10:30`` or ``10時30分``),
Excel's own date cells.  Amounts: ``1,200,000``, ``¥1,200,000``, ``1200000円``, ``$1,200.50``,
full-width digits.  Each reader caches what it has seen: an export of a million rows
holds a few thousand distinct dates, so each is parsed once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from salesdesigner.storage.limits import EARLIEST_YEAR, LATEST_YEAR, MAX_AMOUNT

_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})\s*[:時]\s*(\d{1,2})\s*分?(?::(\d{1,2})(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|JST)?")
_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
                  r"\s*([AaPp][Mm])?)?")
_EXCEL_EPOCH = datetime(1899, 12, 30)


_fromiso = datetime.fromisoformat


def parse_date(text: str) -> datetime | None:
    """The naive local datetime a cell names, or None when it is not a date we read."""
    # fast path, most CRM exports: 2026-04-01 / 2026/04/01 (10:30(:00)), read in C
    if 10 <= len(text) <= 19 and text[4:5] in ("-", "/") and text[7:8] == text[4] \
            and text.isascii():
        try:
            fast = _fromiso(text.replace("/", "-") if text[4] == "/" else text)
        except ValueError:
            pass
        else:
            return fast if EARLIEST_YEAR <= fast.year <= LATEST_YEAR else None
    text = text.strip()
    if not text or len(text) > 40:
        return None
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _YMD.fullmatch(text)
    if match:
        y, mo, d, h, mi, s = match.groups()
    else:
        match = _MDY.fullmatch(text)
        if not match:
            return None
        mo, d, y, h, mi, s, half = match.groups()
        if int(mo) > 12 >= int(d):
            mo, d = d, mo
        if half and h is not None:
            hour = int(h) % 12 + (12 if half.lower() == "pm" else 0)
            h = str(hour)
    try:
        result = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    return result if EARLIEST_YEAR <= result.year <= LATEST_YEAR else None


_UNSEEN = object()


def parse_date_split(text: str, days: dict[str, datetime | None],
                     clocks: dict[str, timedelta | None]) -> datetime | None:
    """:func:`parse_date`, with the day and the time of day of ``2026/04/01 10:30(:00)``
    parsed apart and each cached (an export of a million rows holds a few hundred days and
    at most 1,440 minutes, where nearly every full timestamp is new)."""
    if len(text) in (16, 19) and text[10] == " " and text[13] == ":":
        day = days.get(text[:10], _UNSEEN)
        if day is _UNSEEN:
            day = days[text[:10]] = parse_date(text[:10])
        clock = clocks.get(text[11:], _UNSEEN)
        if clock is _UNSEEN:
            clock = clocks[text[11:]] = _clock(text[11:])
        if day is not None and clock is not None:
            return day + clock  # type: ignore[operator]
    return parse_date(text)


def parse_dates_at_once(texts: Sequence[str],
                        one: Callable[[str], datetime | None] = parse_date,
                        ) -> list[datetime | None]:
    """Many texts read as :func:`parse_date` reads each: those of the commonest form,
    ``2026-04-01`` / ``2026/04/01`` with `` 10:30`` or `` 10:30:00``, all together in numpy
    (a million-row export holds hundreds of thousands of distinct timestamps); the others
    one by one through ``one`` (:func:`parse_date`, or a cached form of it)."""
    return parse_dates_and_micros(texts, one)[0]


def parse_dates_and_micros(texts: Sequence[str],
                           one: Callable[[str], datetime | None] = parse_date,
                           ) -> tuple[list[datetime | None], Any]:
    """:func:`parse_dates_at_once`, and when every text is of the common form, the
    moments as int64 microseconds since 1970 too (None otherwise): what the analysis
    counts on, found here without a second pass over the datetimes."""
    import numpy as np  # with an import only

    n = len(texts)
    out: list[datetime | None] = [None] * n
    if not n:
        return out, None
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    form = (lengths == 10) | (lengths == 16) | (lengths == 19)
    codes = np.array(texts, dtype="U19").view(np.uint32).reshape(n, 19).astype(np.int64)
    digit = (codes >= 48) & (codes <= 57)
    value = codes - 48
    form &= digit[:, [0, 1, 2, 3, 5, 6, 8, 9]].all(axis=1)
    form &= ((codes[:, 4] == 45) | (codes[:, 4] == 47)) & (codes[:, 7] == codes[:, 4])
    timed = lengths >= 16
    form &= ~timed | ((codes[:, 10] == 32) & (codes[:, 13] == 58)
                      & digit[:, [11, 12, 14, 15]].all(axis=1))
    seconds = lengths == 19
    form &= ~seconds | ((codes[:, 16] == 58) & digit[:, [17, 18]].all(axis=1))

    def number(*positions: int) -> Any:
        result = np.zeros(n, dtype=np.int64)
        for p in positions:
            result = result * 10 + value[:, p]
        return result

    year, month, day = number(0, 1, 2, 3), number(5, 6), number(8, 9)
    hour = np.where(timed, number(11, 12), 0)
    minute = np.where(timed, number(14, 15), 0)
    second = np.where(seconds, number(17, 18), 0)
    form &= (year >= EARLIEST_YEAR) & (year <= LATEST_YEAR) & (month >= 1) & (month <= 12) \
        & (day >= 1) & (hour <= 23) & (minute <= 59) & (second <= 59)
    months = np.where(form, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + np.where(form, day - 1, 0).astype("timedelta64[D]")
    form &= days.astype("datetime64[M]") == months  # no 31 April
    moments = days.astype("datetime64[us]") + \
        ((hour * 60 + minute) * 60 + second).astype("timedelta64[s]").astype("timedelta64[us]")
    if form.all():  # (the usual export: one C-level conversion)
        return moments.astype(object).tolist(), moments.view(np.int64)
    fast = np.flatnonzero(form)
    for i, moment in zip(fast.tolist(), moments[fast].astype(object).tolist(), strict=True):
        out[i] = moment
    for i in np.flatnonzero(~form).tolist():
        out[i] = one(texts[i])
    return out, None


def _clock(text: str) -> timedelta | None:
    """``10:30`` or ``10:30:00`` as the time since midnight; None for anything else."""
    if not (text.isascii() and text[:2].isdigit() and text[2] == ":" and text[3:5].isdigit()
            and (len(text) == 5 or (text[5] == ":" and text[6:].isdigit()))):
        return None
    hours, minutes, seconds = int(text[:2]), int(text[3:5]), int(text[6:] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def date_of_cell(value: object) -> datetime | None:
    """A date from a spreadsheet cell: Excel's datetime, a date, an Excel serial, or text."""
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None, microsecond=0)
        return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value <= 200_000:  # serial day numbers 1900 … 2447
            return None
        stamp = _EXCEL_EPOCH + timedelta(days=float(value))
        return stamp.replace(microsecond=0)
    return parse_date(str(value)) if value is not None else None


_CURRENCY = str.maketrans("", "", "¥$€£,円 \u00a0\u3000'\\")  # "\\": ¥ in Shift_JIS


def parse_amount(text: str) -> float | None:
    """A finite amount within :data:`~..limits.MAX_AMOUNT`; ValueError when not a number."""
    text = text.strip()
    if not text:
        return None
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    negative = text.startswith("(") and text.endswith(")")
    cleaned = text.strip("()").translate(_CURRENCY)
    for suffix in ("jpy", "usd", "eur"):
        if cleaned.lower().endswith(suffix):
            cleaned = cleaned[:-3]
    if not cleaned or len(cleaned) > 30 or not cleaned.lstrip("+-").replace(".", "", 1).isdigit():
        raise ValueError(text)
    value = float(cleaned)
    if not math.isfinite(value) or abs(value) > MAX_AMOUNT:
        raise ValueError(text)
    return -value if negative else value


def amount_of_cell(value: object) -> float | None:
    """An amount from a spreadsheet cell (a number, or text as :func:`parse_amount`)."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
            raise ValueError(str(value))
        return number
    return parse_amount(str(value))


__all__ = ["amount_of_cell", "date_of_cell", "parse_amount", "parse_date", "parse_date_split",
           "parse_dates_and_micros", "parse_dates_at_once"]
