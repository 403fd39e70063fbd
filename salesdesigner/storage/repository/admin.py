"""Creating and upgrading a repository (``salesdesigner repo init URL``).

``init`` makes the schema ``salesdesigner`` (the tables of :mod:`.tables`, the readers'
``catalogue`` view), records its layout version, and sets up the two group roles an
administrator hands out with ``GRANT salesdesigner_reader TO alice``:

* ``salesdesigner_editor`` (managers): read and write drafts and actuals, add published
  revisions, never rewrite or delete one (no UPDATE or DELETE on ``revisions``), never
  delete a process;
* ``salesdesigner_reader`` (trainers, reps): the ``catalogue`` view and the published
  revisions, nothing else — a draft or the deal history is refused by the server itself.

Running it again is harmless (grants are re-applied); on a repository of an older layout
it runs the migrations in :data:`MIGRATIONS`, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from salesdesigner.storage.repository.connection import driver, open_target, transaction
from salesdesigner.storage.repository.errors import PermissionDenied, RepositoryError
from salesdesigner.storage.repository.tables import (
    CATALOGUE_VIEW,
    DERIVED,
    DRAFT_TABLES,
    EDITOR_ROLE,
    LAYOUT_OF_DRAFT_TABLES,
    PUBLISHED_TABLES,
    READER_ROLE,
    REPOSITORY_VERSION,
    SCHEMA,
    metadata,
)


def _r1_to_r2(cur: Any) -> None:
    """Layout 2 follows document layout 6: an import record counts its ignored rows (stages
    mapped to "ignore") apart from its rejected ones; older records say 0 ignored."""
    cur.execute(f"ALTER TABLE {SCHEMA}.actuals_imports ADD COLUMN rows_ignored INTEGER "
                "NOT NULL DEFAULT 0")


#: ``MIGRATIONS[n]`` turns a layout-``n`` repository into ``n + 1`` (a new document layout
#: adds its columns to the draft tables).
MIGRATIONS: dict[int, Callable[[Any], None]] = {1: _r1_to_r2}


def init_repository(url: str, language: str | None = None) -> str:
    """Create (or upgrade, or re-grant) the repository at ``url``; says which it did (in
    ``language``: ja or en)."""
    from salesdesigner.model.presentation import words_for
    words = words_for(language, "repo")
    target = open_target(url)
    with transaction(target) as conn:
        cur = driver(conn).cursor()
        cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.repository",))
        if cur.fetchone()[0] is None:
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            metadata.create_all(conn)
            cur.execute(CATALOGUE_VIEW)
            cur.execute(f"INSERT INTO {SCHEMA}.repository VALUES (%s, %s, now())",
                        (REPOSITORY_VERSION, LAYOUT_OF_DRAFT_TABLES))
            done = words("created", where=target.where)
        else:
            cur.execute(f"SELECT schema_version FROM {SCHEMA}.repository")
            (version,) = cur.fetchone()
            if version > REPOSITORY_VERSION:
                raise RepositoryError.said("newer_layout", where=target.where, version=version)
            for step in range(version, REPOSITORY_VERSION):
                MIGRATIONS[step](cur)
            cur.execute(f"UPDATE {SCHEMA}.repository SET schema_version = %s",
                        (REPOSITORY_VERSION,))
            done = (words("upgraded", where=target.where, version=version)
                    if version < REPOSITORY_VERSION
                    else words("up_to_date", where=target.where))
        _roles(cur, target.where)
        _grants(cur)
    return done


def _roles(cur: Any, where: str) -> None:
    for role in (EDITOR_ROLE, READER_ROLE):
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cur.fetchone() is None:
            cur.execute("SELECT rolcreaterole OR rolsuper FROM pg_roles "
                        "WHERE rolname = current_user")
            row = cur.fetchone()
            if not (row and row[0]):
                raise PermissionDenied.said("createrole", where=where, role=role)
            cur.execute(f"CREATE ROLE {role} NOLOGIN")


def _grants(cur: Any) -> None:
    """Who may do what, table by table (run on every init: idempotent)."""
    def names(orms: tuple[type, ...]) -> str:
        return ", ".join(f"{SCHEMA}.{DERIVED[o].name}" for o in orms)

    drafts, published = names(DRAFT_TABLES), names(PUBLISHED_TABLES)
    for statement in (
            f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA {SCHEMA} TO {EDITOR_ROLE}, {READER_ROLE}",
            f"GRANT SELECT ON {SCHEMA}.repository, {SCHEMA}.catalogue, {published} "
            f"TO {READER_ROLE}, {EDITOR_ROLE}",
            f"GRANT INSERT ON {published} TO {EDITOR_ROLE}",
            f"GRANT SELECT, INSERT, UPDATE ON {SCHEMA}.processes TO {EDITOR_ROLE}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {drafts} TO {EDITOR_ROLE}"):
        cur.execute(statement)


__all__ = ["MIGRATIONS", "init_repository"]
