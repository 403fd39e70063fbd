"""Columns of a document's tables, by name, as plain tuples: what the row readers consume.

Opening a file reads it through the standard ``sqlite3`` module with the layout of
:mod:`.schema_snapshot`, so it never imports SQLAlchemy (about half a second of CPU at
start-up, with asyncio and ssl); a SQLAlchemy ``Session`` or ``Connection`` (another
database holding the same tables) is read with the same SQL through its driver.  Either
way a ``REAL`` cell comes back as :class:`~.schema.Real` gives it: the text ``'NaN'`` as
NaN, a whole number stored as an integer as a float.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from salesdesigner.storage.schema_snapshot import NAN_TEXT, TABLES

_Execute = Callable[[str], list[tuple[Any, ...]]]


class TableReader:
    """Selects named columns of a table of the current layout, in a given order."""

    def __init__(self, execute: _Execute) -> None:
        self._execute = execute

    def rows(self, table: str, columns: Sequence[str], order_by: Sequence[str] = ()
             ) -> list[tuple[Any, ...]]:
        """``SELECT columns FROM table ORDER BY order_by``; REAL cells as numbers."""
        types = dict(TABLES[table])
        unknown = [c for c in (*columns, *order_by) if c not in types]
        if unknown:  # a programming error, not a bad file: the snapshot names every column
            raise KeyError(f"{table} has no column {unknown[0]!r}")
        sql = f"SELECT {', '.join(map(_quoted, columns))} FROM {_quoted(table)}"
        if order_by:
            sql += f" ORDER BY {', '.join(map(_quoted, order_by))}"
        rows = self._execute(sql)
        reals = [i for i, c in enumerate(columns) if types[c] == "REAL"]
        return _numbers(rows, reals) if reals and rows else rows

    def raw(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` exactly as the driver returns them (a million deal events are
        checked column by column by their reader, not converted cell by cell here)."""
        return self._execute(sql)


def table_reader(source: Any) -> TableReader:
    """A reader over an ``sqlite3.Connection``, or a SQLAlchemy ``Session``/``Connection``
    (a reader given is returned as it is)."""
    if isinstance(source, TableReader):
        return source
    if isinstance(source, sqlite3.Connection):
        return TableReader(lambda sql: source.execute(sql).fetchall())
    from sqlalchemy.orm import Session  # only a caller that already uses SQLAlchemy gets here

    conn = source.connection() if isinstance(source, Session) else source
    return TableReader(lambda sql: [tuple(row) for row in conn.exec_driver_sql(sql).all()])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _numbers(rows: list[tuple[Any, ...]], reals: list[int]) -> list[tuple[Any, ...]]:
    """``rows`` with each REAL cell that is not already a float or NULL turned into one
    where it stands for one (an integer, the text 'NaN'); anything else stays for the
    reader to reject, naming it."""
    result = rows
    for n, row in enumerate(rows):
        for i in reals:
            value = row[i]
            if value is not None and type(value) is not float:
                if result is rows:
                    result = list(rows)
                result[n] = tuple(_number(v) if j in reals else v for j, v in enumerate(row))
                break
    return result


def _number(value: Any) -> Any:
    if value == NAN_TEXT:
        return math.nan
    if type(value) is int:
        return float(value)
    return value


__all__ = ["TableReader", "table_reader"]
