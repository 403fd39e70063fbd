"""The repository's tables on PostgreSQL, derived from the document's (:mod:`..schema`).

A repository holds many processes, so each document table appears once in the schema
``salesdesigner`` with a ``process_id`` column in front of its key: the same columns,
checks, unique keys and foreign keys (widened by ``process_id``), built here from
``schema.Base.metadata`` — a column added to the document appears in the repository
without a second hand-written copy.  Beside them: ``processes`` (one row per process: the
version that optimistic locking checks, who saved last, the "being edited by" notice) and
``repository`` (the layout version, like ``PRAGMA user_version`` in a document).

Types: REAL becomes ``double precision`` (PostgreSQL's ``real`` has 24 bits), INTEGER
``bigint``, BLOB ``bytea``.  PostgreSQL text cannot hold the character U+0000, which a
document can, so text goes through :func:`to_pg` / :func:`from_pg`, a reversible escape
that leaves every text without U+0000 (and not starting with the marker) as it is.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    REAL,
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from salesdesigner.storage.schema import SCHEMA_VERSION as DOCUMENT_LAYOUT
from salesdesigner.storage.schema import TABLES, RevisionFileRow, RevisionRow

#: The PostgreSQL schema (namespace) every repository table and view lives in.
SCHEMA = "salesdesigner"
#: The repository's layout version (``repository.schema_version``); see :mod:`.admin`.
REPOSITORY_VERSION = 2
#: The document layout the draft tables follow; a new document layout needs a repository
#: migration (tests/repository/test_repository_schema.py fails until it has one).
LAYOUT_OF_DRAFT_TABLES = 6

EDITOR_ROLE = "salesdesigner_editor"
READER_ROLE = "salesdesigner_reader"

# ---------------------------------------------------------------------- U+0000 escape
#: The escape's marker: a Unicode noncharacter, which real text does not start with.
ESCAPE_MARK = _MARK = "\ufdd0"
_ESCAPED = re.compile(_MARK + "(.)", re.S)


def to_pg(text: str) -> str:
    """``text`` as PostgreSQL can store it (no U+0000); unchanged in the usual case."""
    if "\x00" not in text and not text.startswith(_MARK):
        return text
    return _MARK + text.replace(_MARK, _MARK + _MARK).replace("\x00", _MARK + "0")


def from_pg(text: str) -> str:
    """The text :func:`to_pg` was given."""
    if not text.startswith(_MARK):
        return text
    return _ESCAPED.sub(lambda m: "\x00" if m[1] == "0" else m[1], text[1:])


class PgText(TypeDecorator):
    """TEXT that keeps U+0000 (through :func:`to_pg`)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return value if value is None else to_pg(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return value if value is None else from_pg(value)


# ---------------------------------------------------------------------- the tables
metadata = MetaData(schema=SCHEMA)

repository = Table(
    "repository", metadata,
    Column("schema_version", Integer, nullable=False),
    Column("document_layout", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False))

processes = Table(
    "processes", metadata,
    Column("process_id", PgText(), primary_key=True),
    Column("version", BigInteger, nullable=False),  # +1 on every save: optimistic locking
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", Text, nullable=False),  # the database role that saved last
    Column("published_name", PgText()),  # the name as last published (readers see it)
    Column("editing_by", Text),  # the soft "being edited by …" notice, until editing_until
    Column("editing_until", DateTime(timezone=True)))


def _pg_type(kind: TypeEngine) -> TypeEngine:
    if isinstance(kind, (REAL, Float)):
        return DOUBLE_PRECISION()
    if isinstance(kind, LargeBinary):
        return LargeBinary()
    if isinstance(kind, Integer):
        return BigInteger()
    if isinstance(kind, Text):
        return PgText()
    raise TypeError(f"no repository type for the document's {kind!r}")


def _derived(doc: Table) -> Table:
    """The repository's copy of a document table: ``process_id`` first in every key."""
    columns = [Column("process_id", PgText(),
                      ForeignKey(processes.c.process_id, ondelete="CASCADE"),
                      primary_key=True)]
    constraints: list[Any] = []
    for c in doc.columns:
        columns.append(Column(c.name, _pg_type(c.type), nullable=c.nullable,
                              primary_key=c.primary_key, autoincrement=False))
        if c.unique:
            constraints.append(UniqueConstraint("process_id", c.name,
                                                name=f"{doc.name}_{c.name}_unique"))
        for fk in c.foreign_keys:
            parent = fk.column.table.name
            constraints.append(ForeignKeyConstraint(
                ["process_id", c.name],
                [f"{SCHEMA}.{parent}.process_id", f"{SCHEMA}.{parent}.{fk.column.name}"],
                name=f"{doc.name}_{c.name}_fk"))
    for constraint in doc.constraints:
        if isinstance(constraint, CheckConstraint):
            constraints.append(CheckConstraint(str(constraint.sqltext), name=constraint.name))
        elif isinstance(constraint, UniqueConstraint) and constraint.name:
            constraints.append(UniqueConstraint(
                "process_id", *(c.name for c in constraint.columns), name=constraint.name))
    return Table(doc.name, metadata, *columns, *constraints)


#: Document ORM class → its repository table, parents first (the order they are filled).
DERIVED: dict[type, Table] = {orm: _derived(orm.__table__) for orm in TABLES}
#: The published revisions: readers may see these (and only these) of a process.
PUBLISHED_TABLES = (RevisionRow, RevisionFileRow)
#: The draft: everything else of the document, editors only (actuals included).
DRAFT_TABLES = tuple(orm for orm in TABLES if orm not in PUBLISHED_TABLES)

#: What readers may list: every process id with its latest published revision (if any).
CATALOGUE_VIEW = f"""CREATE VIEW {SCHEMA}.catalogue AS
SELECT p.process_id, p.published_name AS name, r.number AS revision, r.title,
       r.published_at, r.author
FROM {SCHEMA}.processes p
LEFT JOIN LATERAL (SELECT number, title, published_at, author FROM {SCHEMA}.revisions v
                   WHERE v.process_id = p.process_id ORDER BY number DESC LIMIT 1) r ON true"""


def document_columns(orm: type) -> list[str]:
    """The document table's column names in order (the repository's, less process_id)."""
    return [c.name for c in orm.__table__.columns]


__all__ = ["CATALOGUE_VIEW", "DERIVED", "DOCUMENT_LAYOUT", "DRAFT_TABLES", "EDITOR_ROLE",
           "LAYOUT_OF_DRAFT_TABLES", "PUBLISHED_TABLES", "READER_ROLE", "REPOSITORY_VERSION",
           "SCHEMA", "PgText", "document_columns", "from_pg", "metadata", "processes",
           "repository", "to_pg"]
