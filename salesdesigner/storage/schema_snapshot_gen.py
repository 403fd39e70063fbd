"""Writes :mod:`.schema_snapshot` from :mod:`.schema`: the layout as plain Python data.

Opening a document reads it with the standard ``sqlite3`` module and checks it against the
snapshot, so it never imports SQLAlchemy (half a second of start-up); saving and the ORM
classes stay in :mod:`.schema`, the one place the layout is declared.  After changing
``schema.py`` run::

    .venv/bin/python -m salesdesigner.storage.schema_snapshot_gen

(``tests/storage/test_schema_snapshot.py`` fails, naming this command, while the snapshot
is stale.)
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.dialects import sqlite

from salesdesigner.storage.schema import (
    APPLICATION_ID,
    EMPTY_JSON,
    MEASURE_CHECK,
    NAN_TEXT,
    OUTCOME_CHECK,
    SCHEMA_VERSION,
    Base,
)

SNAPSHOT = Path(__file__).with_name("schema_snapshot.py")
COMMAND = ".venv/bin/python -m salesdesigner.storage.schema_snapshot_gen"

_HEAD = '''"""The current document layout as plain data, GENERATED from :mod:`.schema`: do not edit.

Regenerate after changing ``schema.py``::

    {command}

Opening a document checks and reads it with this (``sqlite3`` only, no SQLAlchemy).
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of every SalesDesigner document (``b"SlsD"``).
APPLICATION_ID = {application_id:#x}
#: ``PRAGMA user_version`` of the current layout.
SCHEMA_VERSION = {schema_version}
#: The ``extensions`` of a thing that has none.
EMPTY_JSON = {empty_json!r}
#: How a REAL column holds NaN (SQLite would store NULL).
NAN_TEXT = {nan_text!r}
#: The CHECK constraints the layout-4 migration adds, as ``schema.py`` words them.
MEASURE_CHECK = {measure_check}
OUTCOME_CHECK = {outcome_check}

#: Table → its columns as (name, SQL type), in the order ``schema.py`` declares them.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {{
'''


def render() -> str:
    """The text :data:`SNAPSHOT` must hold for the current :mod:`.schema`."""
    dialect = sqlite.dialect()
    lines = [_HEAD.format(command=COMMAND, application_id=APPLICATION_ID,
                          schema_version=SCHEMA_VERSION, empty_json=EMPTY_JSON,
                          nan_text=NAN_TEXT, measure_check=_literal(MEASURE_CHECK),
                          outcome_check=_literal(OUTCOME_CHECK))]
    for table in Base.metadata.sorted_tables:
        lines.append(f"    {table.name!r}: (\n")
        for column in table.columns:
            kind = column.type.compile(dialect=dialect)
            lines.append(f"        ({column.name!r}, {kind!r}),\n")
        lines.append("    ),\n")
    lines.append("}\n")
    indexes = sorted(index.name for table in Base.metadata.sorted_tables
                     for index in table.indexes if index.name)
    lines.append("\n#: Names of the indexes ``schema.py`` declares (SQLite's own for UNIQUE and "
                 "primary keys\n#: have no SQL and are not listed).\n")
    lines.append(f"INDEXES: frozenset[str] = frozenset({{{', '.join(map(repr, indexes))}}})\n"
                 if indexes else "INDEXES: frozenset[str] = frozenset()\n")
    return "".join(lines)


def _literal(text: str, width: int = 76) -> str:
    """``text`` as a Python literal whose lines stay within the line length ruff allows."""
    if len(repr(text)) <= width:
        return repr(text)
    parts, line = [], ""
    for word in text.split(" "):
        if line and len(repr(line + word)) > width:
            parts.append(line)
            line = ""
        line += word + " "
    parts.append(line[:-1])
    return "(" + "\n    ".join(map(repr, parts)) + ")"


def main() -> None:
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")


if __name__ == "__main__":
    main()
