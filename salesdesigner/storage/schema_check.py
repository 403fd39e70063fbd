"""Before a single row is read: is the database made only of our tables, as we made them?

A crafted file can put a ``VIEW`` with an unbounded recursive query where the ``tips``
table belongs, a generated column that computes 900 MB per row, or a trigger; reading
"the tips" would then run forever.  :func:`schema_problem` compares ``sqlite_master``
and each table's columns with :mod:`.schema_snapshot`, the plain-data copy of
:mod:`.schema` (regenerated when a column is added there; a test fails until it is, so
no SQLAlchemy is imported to open a file), and names the first object that is not ours.
Only the schema is read, never a row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from salesdesigner.storage import schema_snapshot

#: Tables SQLite itself may add (AUTOINCREMENT bookkeeping, ANALYZE statistics).
_SQLITE_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3",
                  "sqlite_stat4"}


def _q(name: object) -> str:
    text = str(name)
    return repr(text if len(text) <= 40 else text[:40] + "…")


def expected_columns(
        layout: Mapping[str, Iterable[tuple[str, str]]] = schema_snapshot.TABLES,
) -> dict[str, set[str]]:
    """Table name → its column names, as the current schema declares them."""
    return {table: {name for name, _type in columns} for table, columns in layout.items()}


def schema_problem(db: sqlite3.Connection,
                   layout: Mapping[str, Iterable[tuple[str, str]]] = schema_snapshot.TABLES,
                   indexes: Iterable[str] = schema_snapshot.INDEXES) -> str | None:
    """What in the database's schema is not ours, in a few words; None when all is ours."""
    tables = expected_columns(layout)
    indexes = set(indexes)
    found: set[str] = set()
    foreign: list[str] = []  # reported after what replaces or computes our own tables
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table" and name in tables:
            if isinstance(sql, str) and sql.lstrip()[:20].upper().startswith("CREATE VIRTUAL"):
                return f"{_q(name)} is a virtual table, not a plain table"
            found.add(name)
        elif kind == "view" and name in tables:
            return f"{_q(name)} is a view, not a table"
        elif kind == "trigger":
            return f"it holds a trigger {_q(name)}"
        elif kind == "table" and name in _SQLITE_TABLES or kind == "index" and table in tables and (
                sql is None or name in indexes):
            continue
        else:
            what = {"view": "a view", "index": "an index", "table": "a table"}.get(
                kind, "a schema object")
            foreign.append(f"it holds {what} {_q(name)} that is not part of a "
                           "SalesDesigner document")
    missing = sorted(set(tables) - found)
    if missing:
        return f"the table {_q(missing[0])} is missing"
    for name in sorted(found):
        columns = db.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
        seen = set()
        for column in columns:  # cid, name, type, notnull, default, pk, hidden
            if column[6] != 0:
                return f"column {_q(column[1])} of table {_q(name)} is computed (generated)"
            seen.add(column[1])
        if seen != tables[name]:
            extra = sorted(seen - tables[name])
            if extra:
                return f"table {_q(name)} has a column {_q(extra[0])} that is not ours"
            return (f"table {_q(name)} lacks its column "
                    f"{_q(sorted(tables[name] - seen)[0])}")
    return foreign[0] if foreign else None


__all__ = ["expected_columns", "schema_problem"]
