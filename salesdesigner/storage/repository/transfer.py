"""Moving a process's rows between the repository and the document's own row mapping.

Writing takes the rows :func:`..rows.process_rows` makes for a ``*.salesdesign`` file and
copies them into the repository tables with ``process_id`` in front (PostgreSQL's COPY:
a hundred thousand deal events in one stream).  Reading copies a process's rows out of
the repository into an in-memory document and reads that with the document's own reader
(:func:`..rows.process_from_rows`), so a pulled process passes every check an opened file
does, and there is one mapping between rows and the model, not two.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import REAL, Float, LargeBinary, Text

from salesdesigner.storage.actuals_rows import StreamedRows
from salesdesigner.storage.repository.tables import DERIVED, SCHEMA, from_pg, to_pg
from salesdesigner.storage.repository.tables import ESCAPE_MARK as _MARK
from salesdesigner.storage.schema import NAN_TEXT, Base


def _ident(name: str) -> str:
    """A quoted identifier (our own table and column names: fixed, never user input)."""
    return '"' + name.replace('"', '""') + '"'


def _table(orm: type) -> str:
    return f"{_ident(SCHEMA)}.{_ident(DERIVED[orm].name)}"


def _columns(orm: type) -> list[str]:
    return [c.name for c in orm.__table__.columns]


def _text_positions(orm: type, names: list[str]) -> list[int]:
    types = {c.name: c.type for c in orm.__table__.columns}
    return [i for i, n in enumerate(names) if isinstance(types[n], Text)]


#: Rows checked at a time: each check is a C-level pass over a column, not a loop per cell.
_CHUNK = 50_000


def _suspect_text(column: tuple[Any, ...]) -> bool:
    """Whether a text column may hold U+0000 or the escape's marker (then cell by cell)."""
    joined = "".join(filter(None, column))
    return "\x00" in joined or _MARK in joined


def _escaped(rows: Iterable[tuple[Any, ...]], texts: list[int]) -> Iterator[tuple[Any, ...]]:
    """Rows with their text cells made storable (U+0000 escaped; usually untouched)."""
    places = set(texts)
    it = iter(rows)
    while chunk := list(islice(it, _CHUNK)):
        if places:
            columns = list(zip(*chunk, strict=True))
            if any(_suspect_text(columns[i]) for i in places):
                chunk = [tuple(to_pg(v) if i in places and type(v) is str else v
                               for i, v in enumerate(row)) for row in chunk]
        yield from chunk


# ====================================================================== writing
def delete_rows(cur: Any, process_id: str, tables: Iterable[type]) -> None:
    """Remove a process's rows from ``tables`` (children first)."""
    for orm in reversed(tuple(tables)):
        cur.execute(f"DELETE FROM {_table(orm)} WHERE process_id = %s", (to_pg(process_id),))


def copy_rows(cur: Any, process_id: str, tables: dict[type, Any],
              which: Iterable[type]) -> None:
    """COPY the document rows of ``which`` (parents first) in, under ``process_id``."""
    pid = to_pg(process_id)
    for orm in which:
        rows = tables.get(orm)
        if not rows:
            continue
        if isinstance(rows, StreamedRows):  # deal events: tuples in the INSERT's order
            names = [n.strip() for n in rows.sql.split("(", 1)[1].split(")", 1)[0].split(",")]
            tuples: Iterable[tuple[Any, ...]] = rows.tuples
        else:
            names = _columns(orm)
            tuples = (tuple(row[n] for n in names) for row in rows)
        if set(names) != set(_columns(orm)):
            raise ValueError(f"rows for {orm.__tablename__} do not match its columns")
        copy_table(cur, orm, pid, names, _escaped(tuples, _text_positions(orm, names)))


def copy_table(cur: Any, orm: type, pid: str, names: list[str],
               tuples: Iterable[tuple[Any, ...]]) -> None:
    """One table's COPY (a separate function: the mid-save failure test stops the server
    between two of them)."""
    columns = ", ".join(_ident(n) for n in ["process_id", *names])
    with cur.copy(f"COPY {_table(orm)} ({columns}) FROM STDIN") as copy:
        for row in tuples:
            copy.write_row((pid, *row))


def insert_missing_files(cur: Any, process_id: str, rows: list[dict[str, Any]],
                         orm: type) -> None:
    """Add attachment bytes by SHA-256 unless the process already has them."""
    names = _columns(orm)
    placeholders = ", ".join(["%s"] * (len(names) + 1))
    cur.executemany(
        f"INSERT INTO {_table(orm)} (process_id, {', '.join(map(_ident, names))}) "
        f"VALUES ({placeholders}) ON CONFLICT DO NOTHING",
        [(to_pg(process_id), *(row[n] for n in names)) for row in rows])


# ====================================================================== reading
def read_document(cur: Any, process_id: str, which: Iterable[type]) -> sqlite3.Connection:
    """A process's rows of ``which`` in a new in-memory document (every other table empty),
    ready for the document's reader."""
    memory = sqlite3.connect(":memory:")
    memory.execute("PRAGMA journal_mode = OFF")
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
    pid = to_pg(process_id)
    for orm in which:
        names = _columns(orm)
        keys = ", ".join(_ident(c.name) for c in orm.__table__.primary_key.columns)
        cur.execute(f"SELECT {', '.join(map(_ident, names))} FROM {_table(orm)} "
                    f"WHERE process_id = %s ORDER BY {keys}", (pid,))
        rows = cur.fetchall()
        if not rows:
            continue
        fix = _readers(orm, names)
        if fix and _needs(rows, fix):
            rows = [tuple(f(v) if f and v is not None else v
                          for f, v in zip(fix, row, strict=True)) for row in rows]
        memory.executemany(f"INSERT INTO {_ident(orm.__tablename__)} "
                           f"({', '.join(map(_ident, names))}) "
                           f"VALUES ({', '.join('?' * len(names))})", rows)
    memory.commit()
    return memory  # (not engine.dispose(): that would close it)


def _nan_text(value: Any) -> Any:
    return NAN_TEXT if isinstance(value, float) and math.isnan(value) else value


def _readers(orm: type, names: list[str]) -> list[Any]:
    """Per column: how a repository value becomes a document cell (None: as it is)."""
    types = {c.name: c.type for c in orm.__table__.columns}
    result: list[Any] = []
    for n in names:
        kind = types[n]
        if isinstance(kind, (REAL, Float)):
            result.append(_nan_text)  # SQLite would store NaN as NULL: the document's text
        elif isinstance(kind, Text):
            result.append(from_pg)
        elif isinstance(kind, LargeBinary):
            result.append(bytes)  # bytea may come back as memoryview
        else:
            result.append(None)
    return [] if not any(result) else result


def _needs(rows: list[tuple[Any, ...]], fix: list[Any]) -> bool:
    """Whether any cell needs its reader (column by column, each a C-level pass)."""
    for f, column in zip(fix, zip(*rows, strict=True), strict=True):
        if f is from_pg and _MARK in "".join(filter(None, column)):
            return True
        if f is _nan_text and any(map(math.isnan, filter(None, column))):
            return True
        if f is bytes and not set(map(type, column)) <= {bytes, type(None)}:
            return True
    return False


__all__ = ["copy_rows", "copy_table", "delete_rows", "insert_missing_files", "read_document"]
