"""An export read into deal events, with every row it could not use and why.

:func:`read_actuals` changes nothing: it returns an :class:`ImportPlan` (what would be
imported, what was rejected, which columns and stage mapping were used) that the CLI prints
and the dialog previews; :meth:`ImportPlan.edit` is the one undoable edit that imports it.
A long export is read by the ``csv`` module and converted in chunks of rows turned into
columns: each column goes through a per-value cache by C-level maps (an export repeats the
same stage names, amounts and owners thousands of times), the common date forms are parsed
for the whole column in numpy, the checks are scans over the columns, and only a rejected
row is looked at on its own, for its message.  A dataframe library would not pay: merely
reading 1,000,000 rows with dates parsed took pandas 14.6 s and polars 6.1 s in the same run
where the csv module read them in 2.9 s (see ``benchmarks/bench_actuals_import.py
--dataframes``).  The rows are taken from the csv reader in pieces with their line numbers
by C-level maps (:meth:`Table.take`), and the events leave as columns
(:class:`EventColumns`): no Python call and no object per row on the way.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress, repeat
from operator import is_not
from typing import Any

from salesdesigner.edits.actuals import ImportActuals, import_record
from salesdesigner.gc_pause import collector_paused
from salesdesigner.model import Process
from salesdesigner.model.actuals.events import DealEvent, EventColumns, Outcome
from salesdesigner.storage.actuals_import.columns import (
    OUTCOME_WORDS,
    Columns,
    detect_columns,
    normal,
)
from salesdesigner.storage.actuals_import.source import ActualsImportError, Table, read_table
from salesdesigner.storage.actuals_import.stages import (
    IGNORE,
    StageMapError,
    StageMatch,
    match_stages,
    resolve_given,
)
from salesdesigner.storage.actuals_import.values import (
    amount_of_cell,
    date_of_cell,
    parse_dates_and_micros,
)

#: Why a row (or, in a wide export, one stage date of a row) was not imported.
REASONS = ("missing_id", "missing_stage", "unknown_stage", "missing_date", "bad_date",
           "bad_amount", "mis_encoded", "ignored_stage")
#: How many rows are read between two calls of a ``progress`` callback.
PROGRESS_EVERY = 2048
_MAX_SHOWN = 60
_MAX_TEXT = 10_000  # a cell longer than this is cut (a deal name is not a novel)


@dataclass(frozen=True)
class Rejection:
    """Line ``line`` of the export was not imported: ``reason`` (one of :data:`REASONS`),
    the offending ``value`` cut short, and for a wide export the ``stage`` column."""

    line: int
    reason: str
    value: str = ""
    stage: str = ""


class MissingColumns(ActualsImportError):
    """The export is a table, but no column was found (or chosen) for a required field;
    carries what the dialog needs to let the manager choose: the header, the fields found
    (field → header) and those missing."""

    def __init__(self, message: str, header: list[str], found: dict[str, str],
                 missing: tuple[str, ...], encoding: str, delimiter: str) -> None:
        super().__init__(message)
        self.header, self.found, self.missing = header, found, missing
        self.encoding, self.delimiter = encoding, delimiter


class ImportCancelled(Exception):
    """The ``progress`` callback asked to stop reading (the user cancelled)."""


@dataclass
class ImportPlan:
    """What importing an export would do; nothing is changed until :meth:`edit` is applied."""

    source: str
    shape: str
    encoding: str
    columns: dict[str, str]  # event field → the export's header it is read from
    stages: StageMatch
    #: a long export's events as columns (:class:`EventColumns`), a wide one's a list
    events: Sequence[DealEvent] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    rows: int = 0
    delimiter: str = ""  # "" for Excel
    header: list[str] = field(default_factory=list)
    #: CRM stage name → rows naming it (long) or deals with a date under it (wide)
    stage_rows: dict[str, int] = field(default_factory=dict)

    @property
    def problems(self) -> list[Rejection]:
        """Rejected rows the manager has to look at (ignored stages left out)."""
        return [r for r in self.rejected if r.reason != "ignored_stage"]

    @property
    def ignored_rows(self) -> int:
        """Rows left out because their CRM stage is mapped to "ignore"."""
        return sum(1 for r in self.rejected if r.reason == "ignored_stage")

    def unmapped_rows(self) -> dict[str, int]:
        """CRM stage names no stage is mapped to → the rows rejected for it."""
        counts: dict[str, int] = {}
        for r in self.rejected:
            if r.reason == "unknown_stage":
                counts[r.stage] = counts.get(r.stage, 0) + 1
        return counts

    def edit(self, *, replace: bool = False, when: datetime | None = None) -> ImportActuals:
        """The one undoable edit that merges these events into a document."""
        ignored = self.ignored_rows
        record = import_record(self.source, len(self.events), len(self.rejected) - ignored,
                               shape=self.shape, columns=self.columns,
                               stages=self.stages.mapping, when=when, rows_ignored=ignored)
        events = self.events if isinstance(self.events, EventColumns) else tuple(self.events)
        return ImportActuals(events, record,  # type: ignore[arg-type]
                             tuple(sorted(self.stages.mapping.items())), replace)


def read_actuals(path: str | os.PathLike[str], process: Process, *,
                 stage_map: Mapping[str, str] | None = None,
                 columns: Mapping[str, str] | None = None,
                 progress: Callable[[int, int], bool] | None = None) -> ImportPlan:
    """Read a CRM export for ``process``.  ``stage_map`` (CRM stage → stage id or name,
    "" to ignore its rows) adds to what the document remembers; ``columns`` (field →
    header, "" for none) overrides detection.  ``progress(line, lines)`` is called every
    :data:`PROGRESS_EVERY` rows (``lines`` 0 when unknown); returning False stops the
    read with :class:`ImportCancelled`.  Raises :class:`ActualsImportError` when the file
    is not a usable table (:class:`MissingColumns` when a required column is missing)."""
    with collector_paused():  # a million events are made here, none of them in a cycle
        return _read(path, process, stage_map, columns, progress)


def _watched(rows: Iterator, line: Callable[[], int], total: int,
             progress: Callable[[int, int], bool]) -> Iterator:
    """``rows``, with ``progress`` told every :data:`PROGRESS_EVERY` rows."""
    for n, cells in enumerate(rows, 1):
        if n % PROGRESS_EVERY == 0 and not progress(line(), total):
            raise ImportCancelled()
        yield cells


def _read(path: str | os.PathLike[str], process: Process, stage_map: Mapping[str, str] | None,
          columns: Mapping[str, str] | None,
          progress: Callable[[int, int], bool] | None = None) -> ImportPlan:
    try:
        given = resolve_given(process, stage_map or {})
    except StageMapError as exc:
        raise ActualsImportError(f"--map {exc}.") from None
    table = read_table(path)
    if progress is not None and not progress(0, table.total):
        raise ImportCancelled()
    found = detect_columns(table.header, dict(columns or {}))
    missing = found.missing()
    if missing:
        raise MissingColumns(
            f"{os.fspath(path)}: no column for {', '.join(missing)} (headers: "
            f"{', '.join(repr(h[:30]) for h in table.header[:12])}); a long export needs a "
            "deal id, a stage and a date per row, a wide one a deal id and "
            "'Date entered <stage>' columns.",
            table.header, {name: table.header[i] for name, i in found.fields.items()},
            missing, table.encoding, table.delimiter)
    used = {name: table.header[i] for name, i in found.fields.items()}
    remembered = process.actuals.stage_mapping
    if found.shape == "wide":
        match = match_stages(found.stage_dates, process, remembered, given)
        plan = ImportPlan(table.name, "wide", table.encoding, used, match)
        _describe(plan, table)
        if progress is not None:
            table.rows = _watched(table.rows, table.line, table.total, progress)
        _read_wide(table, found, plan)
    else:
        plan = ImportPlan(table.name, "long", table.encoding, used, StageMatch())
        _describe(plan, table)
        _read_long(table, found, plan, process, remembered, given, progress)
    return plan


def _describe(plan: ImportPlan, table: Table) -> None:
    plan.delimiter, plan.header = table.delimiter, list(table.header)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an Excel id cell 1234.0 is the id "1234"
    text = value.strip() if isinstance(value, str) else str(value).strip()
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT]


def _shown(value: object) -> str:
    text = _text(value)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


BAD_AMOUNT = "bad"  # what _Cells.amount gives for a cell that is not an amount


class _Cells:
    """Per-value caches shared by both shapes: each distinct date, amount, outcome and text
    is converted once (and deal ids, owners, names are kept as one string object each)."""

    def __init__(self) -> None:
        self.dates: dict[object, datetime | None] = {}
        self.amounts: dict[object, float | None | str] = {}
        self.texts: dict[object, str] = {}
        self.outcomes: dict[object, Outcome | None] = {}

    def text(self, value: object) -> str:
        try:
            return self.texts[value]
        except KeyError:
            result = self.texts[value] = _text(value)
            return result

    def date(self, value: object) -> datetime | None:
        try:
            return self.dates[value]
        except KeyError:
            result = self.dates[value] = date_of_cell(value)
            return result

    def amount(self, value: object) -> float | None | str:
        """The amount, or the string "bad" when the cell is not one."""
        try:
            return self.amounts[value]
        except KeyError:
            try:
                result: float | None | str = amount_of_cell(value)
            except ValueError:
                result = BAD_AMOUNT
            self.amounts[value] = result
            return result

    def outcome(self, value: object) -> Outcome | None:
        try:
            return self.outcomes[value]
        except KeyError:
            word = OUTCOME_WORDS.get(normal(_text(value)))
            result = self.outcomes[value] = None if word is None else Outcome(word)
            return result


def _getter(fields: dict[str, int], name: str):
    index = fields.get(name)
    if index is None:
        return lambda cells: None
    return lambda cells: cells[index] if index < len(cells) else None


def _read_long(table: Table, found: Columns, plan: ImportPlan, process: Process,
               remembered: Mapping[str, str], given: Mapping[str, str],
               progress: Callable[[int, int], bool] | None = None) -> None:
    """Rows read :data:`CHUNK_ROWS` at a time (in pieces of :data:`PROGRESS_EVERY`, with
    ``progress`` told after each) and turned into columns: each column is converted by
    C-level maps (through a per-value cache where values repeat), the checks are masks
    over the columns, and only a rejected row is looked at on its own (for its message);
    the events are made from the good rows' columns at once."""
    width = len(table.header)
    state = _LongState(found, plan, process, remembered, given)
    state.csv = table.encoding != "xlsx"
    while True:
        chunk: list = []
        lines: list[int] = []
        for _ in range(CHUNK_ROWS // PROGRESS_EVERY):
            rows, numbers = table.take(PROGRESS_EVERY)
            chunk += rows
            lines += numbers
            if len(rows) < PROGRESS_EVERY:
                break
            if progress is not None and not progress(numbers[-1], table.total):
                raise ImportCancelled()
        if not chunk:
            break
        with collector_paused(briefly=True):  # in the dialog's worker too: one chunk long
            state.chunk(chunk, lines, width)
    plan.rows = state.rows
    plan.events = state.events()
    for raw, count in state.stage_rows.items():
        name = _text(raw)
        if name:
            plan.stage_rows[name] = plan.stage_rows.get(name, 0) + count


_CACHE_LIMIT = 50_000
#: Rows of a long export converted together (bounded memory, C-level maps per column).
CHUNK_ROWS = 16384
_FIELDS = ("deal_id", "stage", "entered", "amount", "owner", "deal_name", "outcome",
           "lost_reason")


class _LongState:
    """The caches and counts of one long read, carried from chunk to chunk."""

    def __init__(self, found: Columns, plan: ImportPlan, process: Process,
                 remembered: Mapping[str, str], given: Mapping[str, str]) -> None:
        self.indices = [found.fields.get(name) for name in _FIELDS]
        self.plan, self.process, self.remembered, self.given = plan, process, remembered, given
        self.cells = _Cells()
        self.reasons: dict[object, str] = {}
        self.stage_of: dict[object, str | None] = {}
        self.stage_rows: Counter = Counter()
        self.rows = 0
        self.columns: tuple[list, ...] = tuple([] for _ in _FIELDS)
        self.micros: list | None = []  # per chunk; None once a chunk had none
        self.csv = False  # the rows are the csv module's (lists of strings)

    def events(self) -> EventColumns:
        """The events read, as columns (no object per event is made here)."""
        import numpy as np
        micros = None if self.micros is None else \
            np.concatenate(self.micros) if self.micros else np.zeros(0, dtype=np.int64)
        return EventColumns(*self.columns, micros=micros)

    def chunk(self, chunk: list, lines: list[int], width: int) -> None:
        import numpy as np  # with the import only

        n = len(chunk)
        self.rows += n
        broken = {i for i, cells in enumerate(chunk) if cells is None} \
            if None in chunk else set()
        if broken:
            blank = [None] * width
            chunk = [blank if cells is None else cells for cells in chunk]
        # every cell a string (CSV rows of the header's width): no type checks below
        text = self.csv and not broken
        if min(map(len, chunk)) != width or max(map(len, chunk)) != width:
            chunk = [cells if len(cells) == width else (cells + [None] * width)[:width]
                     for cells in chunk]
            text = False
        table = list(zip(*chunk, strict=True))  # one tuple per column, in C
        raw = [table[i] if i is not None else None for i in self.indices]
        nothing = (None,) * n
        c = self.cells
        deal = _strings(raw[0], text)
        stage_names = raw[1] if raw[1] is not None else nothing
        stage_of = self.stage_of
        counts = Counter(stage_names)  # (keys in order of first appearance: the dialog's)
        for value in counts:
            if value not in stage_of:
                stage_of[value] = _stage(c.text(value), self.process, self.remembered,
                                         self.given, self.plan.stages)
        sid = list(map(stage_of.__getitem__, stage_names))
        when, micros = _dates(raw[2] if raw[2] is not None else nothing, c.date, text)
        amount = [None] * n if raw[3] is None else \
            _converted(c.amounts, raw[3], _each(c.amount))
        owner = [""] * n if raw[4] is None else _strings(raw[4], text)
        name = [""] * n if raw[5] is None else _strings(raw[5], text)
        outcome = [None] * n if raw[6] is None else \
            _converted(c.outcomes, raw[6], _each(c.outcome))
        reason = [""] * n if raw[7] is None else \
            _converted(self.reasons, raw[7], _each(lambda v: c.text(v) if v else ""))
        columns = (deal, sid, when, amount, owner, name, outcome, reason)
        if "" in deal or None in sid or IGNORE in sid or None in when \
                or BAD_AMOUNT in amount or broken:  # (C-level scans; usually all pass)
            raw = [column if column is not None else nothing for column in raw]
            has_id = np.fromiter(map(bool, deal), dtype=bool, count=n)
            good = has_id & np.fromiter(map(bool, sid), dtype=bool, count=n) \
                & np.fromiter(map(is_not, when, repeat(None)), dtype=bool, count=n) \
                & np.fromiter(map(is_not, amount, repeat(BAD_AMOUNT)), dtype=bool, count=n)
            self.stage_rows.update(compress(raw[1], has_id.tolist()))
            reject = self.plan.rejected.append
            for i in np.flatnonzero(~good).tolist():
                reject(_rejection(i, lines[i], broken, deal, sid, when, raw))
            keep = good.tolist()
            columns = tuple(list(compress(column, keep)) for column in columns)
            micros = None if micros is None else micros[good]
        else:
            self.stage_rows.update(counts)
        for held, column in zip(self.columns, columns, strict=True):
            held += column
        if micros is None:
            self.micros = None
        elif self.micros is not None:
            self.micros.append(micros)


def _converted(cache: dict, values: list, convert: Callable[[list], Iterable]) -> list:
    """``values`` converted through ``cache``: the distinct values not seen before are
    converted together (``convert`` takes their list), then every value is looked up."""
    try:  # after the first chunks, every value is usually known: lookups only
        return list(map(cache.__getitem__, values))
    except KeyError:
        pass
    missing = list(set(values).difference(cache))  # walks the chunk's values, not the cache
    if len(cache) + len(missing) > _CACHE_LIMIT:  # ids, names: mostly distinct, no gain
        cache.clear()
        missing = list(set(values))
    if missing:
        cache.update(zip(missing, convert(missing), strict=True))
    return list(map(cache.__getitem__, values))


def _each(convert: Callable[[object], object]) -> Callable[[list], Iterable]:
    return lambda values: map(convert, values)


def _strings(values: Sequence, text: bool = False) -> list[str]:
    """:func:`_text` of each value, each distinct value converted once and kept as one
    string object (an export repeats ids, owners and names on row after row): C-level
    maps through a dictionary of the chunk's distinct values.  ``text``: every value is
    known to be a string."""
    if not text and set(map(type, values)) != {str}:  # Excel: True and 1 are one key
        return _texts(values)
    distinct = dict(zip(values, values, strict=True))
    keys = list(distinct)
    texts = _texts(keys)
    if texts != keys:
        distinct = dict(zip(keys, texts, strict=True))
    return list(map(distinct.__getitem__, values))


def _texts(values: Sequence) -> list[str]:
    """:func:`_text` of each value: CSV's strings stripped by one C-level map."""
    try:
        texts = list(map(str.strip, values))
    except TypeError:  # an Excel cell: a number, a date, None
        return list(map(_text, values))
    if max(map(len, texts)) > _MAX_TEXT:
        texts = [t[:_MAX_TEXT] for t in texts]
    return texts


def _dates(values: Sequence, one: Callable[[object], datetime | None], text: bool = False,
           ) -> tuple[list[datetime | None], Any]:
    """The dates of ``values``: CSV's strings of the common forms parsed together, the
    rest (and Excel cells) one by one through ``one`` (cached); and the moments as int64
    microseconds when all were of a common form (else None).  ``text``: every value is
    known to be a string."""
    if text or set(map(type, values)) == {str}:  # (a C-level scan)
        return parse_dates_and_micros(values, one)
    return list(map(one, values)), None


def _rejection(i: int, line: int, broken: set[int], deal: list, sid: list, when: list,
               raw: list[list]) -> Rejection:
    """Why row ``i`` of a chunk is not imported: its first failing check."""
    if i in broken:
        return Rejection(line, "mis_encoded")
    if not deal[i]:
        return Rejection(line, "missing_id")
    if not sid[i]:  # None: not mapped; IGNORE: left out on purpose
        name = _text(raw[1][i])
        return Rejection(line, "ignored_stage" if sid[i] == IGNORE and name else
                         "unknown_stage" if name else "missing_stage", _shown(name), name)
    if when[i] is None:
        return Rejection(line, "bad_date" if _text(raw[2][i]) else "missing_date",
                         _shown(raw[2][i]))
    return Rejection(line, "bad_amount", _shown(raw[3][i]))




def _stage(name: str, process: Process, remembered: Mapping[str, str],
           given: Mapping[str, str], match: StageMatch) -> str | None:
    if not name:
        return None
    one = match_stages([name], process, remembered, given)
    match.mapping.update(one.mapping)
    match.how.update(one.how)
    match.unmapped.update(one.unmapped)
    match.likely.update(one.likely)
    return one.mapping.get(name)


def _read_wide(table: Table, found: Columns, plan: ImportPlan) -> None:
    f = found.fields
    get_id = _getter(f, "deal_id")
    get_amount, get_owner, get_name = (_getter(f, n) for n in ("amount", "owner", "deal_name"))
    get_outcome, get_reason = _getter(f, "outcome"), _getter(f, "lost_reason")
    cells_ = _Cells()
    columns = [(name, index, plan.stages.mapping.get(name))
               for name, index in found.stage_dates.items()]
    events: list[DealEvent] = []
    plan.events, rejected = events, plan.rejected
    stage_rows = plan.stage_rows
    rows = 0
    for cells in table.rows:
        rows += 1
        if cells is None:
            rejected.append(Rejection(table.line(), "mis_encoded"))
            continue
        line = table.line()
        deal = cells_.text(get_id(cells))
        if not deal:
            rejected.append(Rejection(line, "missing_id"))
            continue
        amount = cells_.amount(get_amount(cells))
        if amount == "bad":
            rejected.append(Rejection(line, "bad_amount", _shown(get_amount(cells))))
            continue
        owner, name = cells_.text(get_owner(cells)), cells_.text(get_name(cells))
        outcome, reason = cells_.outcome(get_outcome(cells)), cells_.text(get_reason(cells))
        for stage_name, index, sid in columns:
            raw = cells[index] if index < len(cells) else None
            if raw is None or raw == "" or (isinstance(raw, str) and not raw.strip()):
                continue  # the deal never entered this stage
            stage_rows[stage_name] = stage_rows.get(stage_name, 0) + 1
            if not sid:  # None: not mapped; IGNORE: left out on purpose
                rejected.append(Rejection(line, "unknown_stage" if sid is None else
                                          "ignored_stage", _shown(stage_name), stage_name))
                continue
            when = cells_.date(raw)
            if when is None:
                rejected.append(Rejection(line, "bad_date", _shown(raw), stage_name))
                continue
            events.append(DealEvent(deal, sid, when, amount, owner, name,  # type: ignore[arg-type]
                                    outcome, reason))
    plan.rows = rows


__all__ = ["REASONS", "ActualsImportError", "ImportCancelled", "ImportPlan", "MissingColumns",
           "Rejection", "read_actuals"]
