"""An export file as a header and rows of cells, whatever its encoding, separator or format.

CSV text is detected, never asked: a byte-order mark (UTF-8, UTF-16), else UTF-8 if the
whole file is, else Shift_JIS/CP932 (Japanese Excel's "CSV") if that reads more lines
cleanly.  A file mostly in one encoding with a few lines that are not (a line pasted from
another tool) keeps its good lines; the others are reported per line.  The separator is
sniffed from the first lines (comma, tab, semicolon, pipe).  ``.xlsx`` is read with
openpyxl (imported only then), first sheet, values only.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import attrgetter, itemgetter
from pathlib import Path

from salesdesigner.model.errors import UserError
from salesdesigner.storage.files import ReadError, read_regular

#: The largest export read (bytes on disk): far above a year of a big team's history.
MAX_EXPORT_BYTES = 2 * 1024**3
_DELIMITERS = ",\t;|"
# Python's cp932 decodes a few unassigned bytes to C1 controls / private use: real
# Shift_JIS text never holds them.
_NOT_SJIS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\uf8f0-\uf8f3]")


class ActualsImportError(UserError):
    """The export cannot be read at all (not a table, no id/stage/date columns …)."""


Cell = object  # str from CSV; str, int, float, datetime or None from Excel


@dataclass
class Table:
    """A header and its rows: ``rows`` yields each row's cells, or None for a row on a line
    that is not in the file's encoding; ``line()`` is the line number of the row last
    yielded (its last line, for a CSV record spanning several)."""

    name: str
    header: list[str]
    rows: Iterator[list[Cell] | None]
    line: Callable[[], int]
    encoding: str = ""
    delimiter: str = ""
    bad_lines: set[int] = field(default_factory=set)
    total: int = 0  # lines (or sheet rows) in all, for progress; 0 when unknown
    #: the rows, with each one's line number appended to ``lines`` as it is read, all
    #: in C (a CSV without mis-encoded lines); None: :meth:`take` asks ``line()`` per row
    lined: Iterator[list[Cell]] | None = None
    lines: list[int] = field(default_factory=list)
    #: what a ``csv.Error`` met while reading ``lined`` becomes
    failed: Callable[[Exception], ActualsImportError] | None = None

    def take(self, count: int) -> tuple[list[list[Cell] | None], list[int]]:
        """Up to ``count`` more rows and each one's line number (what ``line()`` says
        after it): the import reads a long export in such pieces, so a million rows cost
        no Python call each.  Reading on from ``rows`` afterwards is not supported."""
        if self.lined is None:
            rows, numbers, line = [], [], self.line
            for cells in islice(self.rows, count):
                rows.append(cells)
                numbers.append(line())
            return rows, numbers
        self.lines.clear()
        try:
            rows = list(islice(self.lined, count))
        except csv.Error as exc:
            assert self.failed is not None
            raise self.failed(exc) from None
        return rows, self.lines[:]


def read_table(path: str | os.PathLike[str]) -> Table:
    """The export at ``path`` as a :class:`Table`; :class:`ActualsImportError` when it is
    not one (binary, empty, one column, a SalesDesigner document …)."""
    label = os.fspath(path)
    name = Path(label).name
    try:
        raw = read_regular(path, MAX_EXPORT_BYTES)
    except ReadError as exc:
        raise ActualsImportError(str(exc)) from None
    if raw.startswith(b"PK\x03\x04"):
        return _xlsx_table(raw, label, name)
    if raw.startswith(b"SQLite format 3\x00"):
        raise ActualsImportError(f"{label} is a database (perhaps a SalesDesigner document), "
                                 "not a CRM export; give the CSV or Excel file.")
    if raw.startswith((b"\xd0\xcf\x11\xe0", b"%PDF")):
        raise ActualsImportError(f"{label} is not a table (an old .xls or a PDF?); save it "
                                 "as CSV or .xlsx.")
    return _csv_table(raw, label, name)


# ---------------------------------------------------------------- CSV
def _decode(raw: bytes, label: str) -> tuple[str, str, set[int]]:
    """Text, encoding name and the 1-based numbers of lines that did not decode cleanly."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, encodings = raw[3:], ("utf-8",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16", set()
        except UnicodeDecodeError:
            raise ActualsImportError(f"{label} claims to be UTF-16 text but is not.") from None
    elif len(raw) >= 4 and (raw[1:4:2] == b"\x00\x00" or raw[0:3:2] == b"\x00\x00"):
        encoding = "utf-16-le" if raw[1] == 0 else "utf-16-be"
        try:
            return raw.decode(encoding), "utf-16", set()
        except UnicodeDecodeError:
            raise ActualsImportError(f"{label} is not a table (it holds binary data).") \
                from None
    else:
        encodings = ("utf-8", "cp932")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or not _NOT_SJIS.search(text):
            return text, encoding, set()
    # Mostly one encoding, some lines not: keep the encoding more lines agree with.
    lines = raw.split(b"\n")
    best: tuple[int, str, list[int]] | None = None
    for encoding in encodings:
        bad = []
        for n, line in enumerate(lines, 1):
            try:
                decoded = line.decode(encoding)
            except UnicodeDecodeError:
                bad.append(n)
                continue
            if encoding == "cp932" and _NOT_SJIS.search(decoded.rstrip("\r")):
                bad.append(n)
        if best is None or len(bad) < len(best[2]):
            best = (len(bad), encoding, bad)
    assert best is not None
    _, encoding, bad_lines = best
    if len(bad_lines) * 2 > len(lines):
        raise ActualsImportError(f"{label} is not a table: it is neither UTF-8, UTF-16 nor "
                                 "Shift_JIS text (binary data?).")
    return raw.decode(encoding, errors="replace"), encoding, set(bad_lines)


def _csv_table(raw: bytes, label: str, name: str) -> Table:
    text, encoding, bad_lines = _decode(raw, label)
    if "\x00" in text:
        raise ActualsImportError(f"{label} is not a table (it holds binary data).")
    sample = "\n".join(text[:65536].split("\n", 20)[:20])  # the Sniffer is slow on more
    try:
        delimiter = csv.Sniffer().sniff(sample[:sample.rfind("\n") + 1] or sample,
                                        _DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        delimiter = max(_DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ActualsImportError(f"{label} is not a table ({exc}).") from None
    if not header or len([h for h in header if h.strip()]) < 2:
        raise ActualsImportError(f"{label} is not a table: its first line is not a header "
                                 "row of at least two columns.")

    def checked() -> Iterator[list[Cell] | None]:
        """Rows, with those on a mis-encoded line replaced by None."""
        start = reader.line_num + 1
        for cells in reader:
            end = reader.line_num
            if cells:
                yield None if any(n in bad_lines for n in range(start, end + 1)) else cells
            start = end + 1

    def failed(exc: Exception) -> ActualsImportError:
        return ActualsImportError(f"{label}, line {reader.line_num}: {exc}.")

    def guarded() -> Iterator[list[Cell] | None]:
        try:
            yield from (checked() if bad_lines else filter(None, reader))
        except csv.Error as exc:  # e.g. a field larger than the csv module's limit
            raise failed(exc) from None

    # each row, and right after it the reader's line number appended to ``lines``: zip
    # pulls a row, then the line number, and map keeps the row (C-level maps only)
    lines: list[int] = []
    lined = None if bad_lines else map(itemgetter(0), zip(
        filter(None, reader),
        map(lines.append, map(attrgetter("line_num"), repeat(reader))), strict=False))
    return Table(name, header, guarded(), lambda: reader.line_num, encoding, delimiter,
                 bad_lines, text.count("\n") + (not text.endswith("\n")), lined, lines,
                 failed)


# ---------------------------------------------------------------- Excel
def _xlsx_table(raw: bytes, label: str, name: str) -> Table:
    try:
        import openpyxl  # lazily: only an Excel import pays for it
    except ImportError:  # pragma: no cover - a dependency
        raise ActualsImportError("reading .xlsx needs the openpyxl package.") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header_row = next(values, None)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError, TypeError) as exc:
        raise ActualsImportError(f"{label} is not a readable Excel workbook "
                                 f"({type(exc).__name__}).") from None
    header = ["" if v is None else str(v) for v in header_row or ()]
    while header and not header[-1].strip():
        header.pop()
    if len([h for h in header if h.strip()]) < 2:
        raise ActualsImportError(f"{label} is not a table: its first sheet's first row is not "
                                 "a header row of at least two columns.")

    line = [1]

    def rows() -> Iterator[list[Cell] | None]:
        try:
            for row in values:
                line[0] += 1
                if any(v is not None and v != "" for v in row):
                    yield list(row)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
            raise ActualsImportError(f"{label} is a damaged Excel workbook "
                                     f"({type(exc).__name__}).") from None
        finally:
            book.close()

    total = getattr(sheet, "max_row", None)
    return Table(name, header, rows(), lambda: line[0], "xlsx", "",
                 total=total if isinstance(total, int) else 0)


# ---------------------------------------------------------------- rows as written
def raw_lines(path: str | os.PathLike[str], wanted: set[int], *,
              limit: int = 400) -> dict[int, str]:
    """The text of lines ``wanted`` of an export as the file has them (CSV: the line
    decoded as the reader decoded it, undecodable bytes shown as U+FFFD; Excel: the row's
    cells joined by tabs), each cut to ``limit`` characters: what the import dialog shows
    beside a rejected row.  A second read, off the import's hot path."""
    label = os.fspath(path)
    try:
        raw = read_regular(path, MAX_EXPORT_BYTES)
    except ReadError as exc:
        raise ActualsImportError(str(exc)) from None
    found: dict[int, str] = {}
    if not wanted:
        return found
    if raw.startswith(b"PK\x03\x04"):
        table = _xlsx_table(raw, label, Path(label).name)
        last = max(wanted)
        for cells in table.rows:
            n = table.line()
            if n in wanted and cells is not None:
                found[n] = "\t".join("" if c is None else str(c) for c in cells)[:limit]
            if n >= last:
                table.rows.close()  # type: ignore[attr-defined]
                break
        return found
    text, _encoding, _bad = _decode(raw, label)
    for n, line in enumerate(text.split("\n"), 1):
        if n in wanted:
            found[n] = line.rstrip("\r")[:limit]
    return found


__all__ = ["ActualsImportError", "MAX_EXPORT_BYTES", "Table", "raw_lines", "read_table"]
