"""The document's actuals (deal events, import records, stage mapping) as table rows and back.

Reading checks every cell as :mod:`.rows` does (text where text belongs, dates and amounts
in the ranges of :mod:`.limits`, JSON mappings flat and small), since a file may come from
someone else; a bad cell is a :class:`~.rows.BadRow` naming it, never a crash.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from operator import attrgetter, is_not
from typing import Any

from salesdesigner.model.actuals.events import DealEvent, EventColumns, Outcome
from salesdesigner.model.actuals.record import Actuals, ImportRecord
from salesdesigner.storage.limits import EARLIEST_YEAR, LATEST_YEAR, MAX_AMOUNT, shown
from salesdesigner.storage.table_reader import table_reader

SHAPES = ("long", "wide")
_OUTCOMES: dict[Any, Outcome | None] = {o.value: o for o in Outcome} | {None: None}
_MAX_DATE_TEXT = 32


class BadActuals(Exception):
    """A cell of the actuals tables holds something the model cannot take."""


# ====================================================================== model -> rows
@dataclass(frozen=True)
class StreamedRows:
    """Rows inserted as plain tuples straight from the model (a million deal events would
    cost a gigabyte as column dicts); checked before, so inserting cannot fail on a value."""

    sql: str
    tuples: Iterator[tuple[Any, ...]]
    count: int = 0  # how many (the writer picks its page size by it)

    def __bool__(self) -> bool:
        return True


_EVENT_COLUMNS = ("ordinal", "deal_id", "stage_id", "entered", "amount", "owner",
                  "deal_name", "outcome", "lost_reason")


def actuals_rows(actuals: Actuals) -> dict[type, Any]:
    """The three actuals tables (deal events as :class:`StreamedRows`); ``ValueError`` for
    an unstorable value, raised here, before anything is written."""
    # saving only: opening needs no SQLAlchemy
    from salesdesigner.storage.schema import ActualsImportRow, DealEventRow, StageMappingRow

    events = EventColumns.of(actuals.events)  # an import's columns as they are
    # column by column, each check one C-level pass; a problem found is then named by
    # the event-by-event check
    deal, stage, entered, amount, owner, name, outcome, reason = (
        events.column(f) for f in _EVENT_COLUMNS[1:])
    if not _storable(deal, stage, entered, amount, owner, name, outcome, reason):
        for e in events:
            _check_event(e)
    if not set(map(type, amount)) <= _FLOAT_OR_NONE:
        amount = [None if a is None else float(a) for a in amount]
    tuples = zip(range(len(events)), deal, stage, map(datetime.isoformat, entered), amount,
                 owner, name, map(_OUTCOME_TEXT.__getitem__, outcome), reason, strict=True)
    sql = (f"INSERT INTO {DealEventRow.__tablename__} ({', '.join(_EVENT_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})")
    imports = [{"ordinal": n, "source": r.source, "imported_at": r.imported_at.isoformat(),
                "rows_used": int(r.rows_used), "rows_rejected": int(r.rows_rejected),
                "rows_ignored": int(r.rows_ignored),
                "shape": r.shape, "columns": json.dumps(list(r.columns), ensure_ascii=False),
                "stages": json.dumps(list(r.stages), ensure_ascii=False)}
               for n, r in enumerate(actuals.imports)]
    mapping = [{"crm_stage": name, "stage_id": sid} for name, sid in actuals.stage_map]
    return {DealEventRow: StreamedRows(sql, tuples, len(events)) if events else [],
            ActualsImportRow: imports, StageMappingRow: mapping}


_FLOAT_OR_NONE = {float, type(None)}
_OUTCOME_TEXT: dict[Any, str | None] = {o: o.value for o in Outcome} | {None: None}


def _storable(deal: list, stage: list, entered: list, amount: list, owner: list,
              name: list, outcome: list, reason: list) -> bool:
    """Whether every event's values can be stored (what :func:`_check_event` checks)."""
    if not all(set(map(type, col)) <= {str} for col in (deal, stage, owner, name, reason)):
        return False
    if not set(map(type, outcome)) <= {Outcome, type(None)}:
        return False
    if entered and (set(map(type, entered)) != {datetime}
                    or any(map(is_not, map(attrgetter("tzinfo"), entered), repeat(None)))
                    or not EARLIEST_YEAR <= min(entered).year <= max(entered).year
                    <= LATEST_YEAR):
        return False
    numbers = [a for a in amount if a is not None]
    return set(map(type, numbers)) <= {float, int} and all(map(math.isfinite, numbers)) \
        and (not numbers or max(map(abs, numbers)) <= MAX_AMOUNT)


def _check_event(e: DealEvent) -> None:
    amount = e.amount
    if amount is not None and (isinstance(amount, bool) or not isinstance(
            amount, (int, float)) or not math.isfinite(amount) or abs(amount) > MAX_AMOUNT):
        raise ValueError(f"deal {e.deal_id!r} has an amount {shown(amount)} outside "
                         f"±{MAX_AMOUNT:,.0f}")
    if not EARLIEST_YEAR <= e.entered.year <= LATEST_YEAR or e.entered.tzinfo is not None:
        raise ValueError(f"deal {e.deal_id!r} entered a stage at {e.entered}, not a "
                         f"local time in {EARLIEST_YEAR}–{LATEST_YEAR}")
    if not (str is type(e.deal_id) is type(e.stage_id) is type(e.owner)
            is type(e.deal_name) is type(e.lost_reason)):
        raise TypeError(f"deal {shown(e.deal_id)} has a value where text belongs")
    if e.outcome is not None and not isinstance(e.outcome, Outcome):
        raise ValueError(f"deal {e.deal_id!r} has an unknown outcome {shown(e.outcome)}")


# ====================================================================== rows -> model
def actuals_from_rows(source: Any) -> Actuals:
    """The actuals of an open document (a :func:`.table_reader` source), every cell
    checked; raises :class:`BadActuals`."""
    reader = table_reader(source)
    # the driver's rows as they come: a million of them through a per-cell conversion
    # would cost more than the column-wise checks below.  All of SQLite's work at once,
    # under the reader's deadline; the checks and the events below are Python time, which
    # must not count against it (a million events on a slow machine would otherwise read
    # as "made to hang a reader").
    rows = reader.raw(f"SELECT {', '.join(_EVENT_COLUMNS[1:])} FROM deal_events "
                      "ORDER BY ordinal")
    events = _events(rows) if rows else ()
    imports = []
    for n, row in enumerate(reader.rows(
            "actuals_imports", ("source", "imported_at", "rows_used", "rows_rejected",
                                "shape", "columns", "stages", "rows_ignored"), ("ordinal",))):
        imports.append(_import_record(n + 1, *row))
    mapping = []
    for crm, sid in reader.rows("stage_mapping", ("crm_stage", "stage_id"), ("crm_stage",)):
        if type(crm) is not str or type(sid) is not str:
            raise BadActuals("the stage mapping has a value where text belongs")
        mapping.append((crm, sid))
    return Actuals(events, tuple(imports), tuple(mapping))


#: Rows turned into events at a time: the fetched rows are let go chunk by chunk.
_CHUNK = 50_000


def _events(rows: list[Any]) -> EventColumns:
    """Deal events from ``rows`` (emptied on the way), every cell checked, as columns (the
    analysis counts on columns: no object per event is made here)."""
    columns: tuple[list, ...] = tuple([] for _ in _EVENT_COLUMNS[1:])
    for start in range(0, len(rows), _CHUNK):
        end = min(start + _CHUNK, len(rows))
        part = rows[start:end]
        rows[start:end] = [None] * (end - start)  # the row tuples go with the chunk
        for held, column in zip(columns, _chunk(part, start), strict=True):
            held += column
    rows.clear()
    return EventColumns(*columns)


def _chunk(rows: list[tuple[Any, ...]], offset: int) -> tuple[list, ...]:
    """The columns of the events of one chunk of rows (``offset``: the first one's place).
    Column by column, each check one C-level pass; a problem found is then named by the
    row-by-row check.  Repeated texts (a deal's id on each of its events, owners, stages)
    are kept as one string each."""
    cols = list(zip(*rows, strict=True))
    rows.clear()
    deal, stage, entered, amount, owner, name, outcome, reason = cols
    try:
        if not all(set(map(type, col)) <= {str}
                   for col in (deal, stage, entered, owner, name, reason)):
            raise ValueError
        if max(map(len, entered)) > _MAX_DATE_TEXT:
            raise ValueError
        when = list(map(datetime.fromisoformat, entered))
        if any(map(is_not, map(attrgetter("tzinfo"), when), repeat(None))) or not \
                EARLIEST_YEAR <= min(when).year <= max(when).year <= LATEST_YEAR:
            raise ValueError
        numbers = [a for a in amount if a is not None]
        if numbers and (set(map(type, numbers)) != {float} or not all(
                map(math.isfinite, numbers)) or max(map(abs, numbers)) > MAX_AMOUNT):
            raise ValueError
        outcomes = list(map(_OUTCOMES.__getitem__, outcome))
    except (ValueError, KeyError, TypeError):
        for n, row in enumerate(zip(*cols, strict=True)):
            _check_row(offset + n, *row)
        raise BadActuals("the deal events hold a value that cannot be read") from None
    intern = sys.intern
    return (list(map(intern, deal)), list(map(intern, stage)), when, list(amount),
            list(map(intern, owner)), list(map(intern, name)), outcomes, list(reason))


def _check_row(n: int, deal: Any, stage: Any, entered: Any, amount: Any, owner: Any,
               name: Any, outcome: Any, reason: Any) -> None:
    """Raise :class:`BadActuals` naming what is wrong with deal event ``n`` (0-based)."""
    if not (str is type(deal) is type(stage) is type(entered) is type(owner)
            is type(name) is type(reason)):
        raise BadActuals(f"deal event {n + 1} has a value where text belongs")
    if len(entered) > _MAX_DATE_TEXT:
        raise BadActuals(f"deal event {n + 1} has a date of {len(entered):,} characters")
    try:
        when = datetime.fromisoformat(entered)
    except ValueError:
        raise BadActuals(f"deal event {n + 1} has a date {shown(entered)} that is not "
                         "ISO 8601") from None
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR or when.tzinfo is not None:
        raise BadActuals(f"deal event {n + 1} has the date {shown(entered)}, outside "
                         f"{EARLIEST_YEAR}–{LATEST_YEAR} or not local time")
    if amount is not None and (type(amount) is not float or not math.isfinite(amount)
                               or abs(amount) > MAX_AMOUNT):
        raise BadActuals(f"deal event {n + 1} has the amount {shown(amount)}, not a "
                         f"number within ±{MAX_AMOUNT:,.0f}")
    try:
        _OUTCOMES[outcome]
    except (KeyError, TypeError):
        raise BadActuals(f"deal event {n + 1} has unknown outcome {shown(outcome)}") \
            from None


def _import_record(n: int, source: Any, when: Any, used: Any, rejected: Any, shape: Any,
                   columns: Any, stages: Any, ignored: Any) -> ImportRecord:
    where = f"import record {n}"
    if not all(type(v) is str for v in (source, when, shape, columns, stages)):
        raise BadActuals(f"{where} has a value where text belongs")
    for count in (used, rejected, ignored):
        if type(count) is not int or not 0 <= count <= 2**53:
            raise BadActuals(f"{where} has the row count {shown(count)}")
    if shape not in SHAPES:
        raise BadActuals(f"{where} has unknown shape {shown(shape)}")
    try:
        stamp = datetime.fromisoformat(when) if len(when) <= _MAX_DATE_TEXT else None
    except ValueError:
        stamp = None
    if stamp is None or not EARLIEST_YEAR <= stamp.year <= LATEST_YEAR:
        raise BadActuals(f"{where} has the time {shown(when)}")
    return ImportRecord(source, stamp, used, rejected, shape, _pairs(columns, where),
                        _pairs(stages, where), ignored)


def _pairs(text: str, where: str) -> tuple[tuple[str, str], ...]:
    """A JSON list of [text, text] pairs (nothing nested deeper: no deep-nesting bomb)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadActuals(f"{where} has a mapping that is not valid JSON") from None
    if not isinstance(data, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(v, str) for v in p)
            for p in data):
        raise BadActuals(f"{where} has a mapping that is not a list of name pairs")
    return tuple((a, b) for a, b in data)


__all__ = ["BadActuals", "StreamedRows", "actuals_from_rows", "actuals_rows"]
