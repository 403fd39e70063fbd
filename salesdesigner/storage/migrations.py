"""Upgrades of older ``*.salesdesign`` layouts to the current one, one version at a time.

``MIGRATIONS[n]`` turns a version-``n`` database into version ``n + 1`` with plain SQL
(the ORM classes in :mod:`.schema` only describe the newest layout; the constants come
from :mod:`.schema_snapshot`, so opening an old file imports no SQLAlchemy either).
Opening never writes to the user's file: :mod:`.document` copies an old file into memory,
migrates the copy and reads that; the next save writes the current layout.

Layout history:

* **1** — the interchange format's v1 fields only: no ``company``, ``revision`` and ``logo``
  on ``process``, no ``height`` on ``lanes``.
* **2** — adds those columns (the model's extensions of interchange v1).
* **3** — the document's ``arrow_style`` on ``process``; each transition's ``style``,
  pinned ends (``source_side``/``source_position``, ``target_side``/``target_position``)
  and bend points (``waypoints``, JSON): arrows the manager steers.
* **4** — actuals from the CRM: ``deal_events``, ``actuals_imports``, ``stage_mapping``;
  each KPI's ``measure`` (NULL: not measured) and ``measure_to``.
* **5** — published revisions: ``revisions`` (number, title, published_at, author, note,
  content) and ``revision_files`` (attachment bytes by SHA-256); an older file has none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT
from salesdesigner.storage.schema_snapshot import MEASURE_CHECK, OUTCOME_CHECK, SCHEMA_VERSION

#: The oldest layout this version can still read.
OLDEST_READABLE_VERSION = 1


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 2 adds the process's company, revision and logo, and each lane's height."""
    for column in ("company", "revision", "logo"):
        db.execute(f"ALTER TABLE process ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute(f"ALTER TABLE lanes ADD COLUMN height REAL NOT NULL "
               f"DEFAULT {float(DEFAULT_LANE_HEIGHT)!r}")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    """Version 3 adds arrow styles, pinned arrow ends and bend points (all automatic)."""
    db.execute("ALTER TABLE process ADD COLUMN arrow_style TEXT NOT NULL DEFAULT 'curved'")
    for column, kind in (("style", "TEXT NOT NULL DEFAULT ''"),
                         ("source_side", "TEXT NOT NULL DEFAULT ''"),
                         ("source_position", "REAL"),
                         ("target_side", "TEXT NOT NULL DEFAULT ''"),
                         ("target_position", "REAL"),
                         ("waypoints", "TEXT NOT NULL DEFAULT '[]'")):
        db.execute(f"ALTER TABLE transitions ADD COLUMN {column} {kind}")


def _v3_to_v4(db: sqlite3.Connection) -> None:
    """Version 4 adds the actuals tables (empty) and what each KPI measures (nothing yet)."""
    db.execute(f"ALTER TABLE kpis ADD COLUMN measure TEXT CHECK ({MEASURE_CHECK})")
    db.execute("ALTER TABLE kpis ADD COLUMN measure_to TEXT NOT NULL DEFAULT ''")
    db.execute(f"""CREATE TABLE deal_events (ordinal INTEGER NOT NULL PRIMARY KEY,
        deal_id TEXT NOT NULL, stage_id TEXT NOT NULL, entered TEXT NOT NULL, amount REAL,
        owner TEXT NOT NULL, deal_name TEXT NOT NULL, outcome TEXT, lost_reason TEXT NOT NULL,
        CONSTRAINT deal_outcome CHECK ({OUTCOME_CHECK}))""")
    db.execute("""CREATE TABLE actuals_imports (ordinal INTEGER NOT NULL PRIMARY KEY,
        source TEXT NOT NULL, imported_at TEXT NOT NULL, rows_used INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL, shape TEXT NOT NULL, columns TEXT NOT NULL,
        stages TEXT NOT NULL)""")
    db.execute("""CREATE TABLE stage_mapping (crm_stage TEXT NOT NULL PRIMARY KEY,
        stage_id TEXT NOT NULL)""")


def _v4_to_v5(db: sqlite3.Connection) -> None:
    """Version 5 adds the published revisions (none: the file was never published)."""
    db.execute("""CREATE TABLE revisions (number INTEGER NOT NULL PRIMARY KEY,
        title TEXT NOT NULL, published_at TEXT NOT NULL, author TEXT NOT NULL,
        note TEXT NOT NULL, content TEXT NOT NULL)""")
    db.execute("""CREATE TABLE revision_files (sha256 TEXT NOT NULL PRIMARY KEY,
        data BLOB NOT NULL)""")


def _v5_to_v6(db: sqlite3.Connection) -> None:
    """Version 6 counts an import's ignored rows (stages mapped to "ignore") apart from its
    rejected ones; older records counted both as rejected, and say 0 ignored."""
    db.execute("ALTER TABLE actuals_imports ADD COLUMN rows_ignored INTEGER NOT NULL "
               "DEFAULT 0")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6}


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring a database of layout ``version`` up to :data:`SCHEMA_VERSION`, in one transaction."""
    if not OLDEST_READABLE_VERSION <= version <= SCHEMA_VERSION:
        raise ValueError(f"cannot migrate from layout version {version}")
    with db:  # commits, or rolls back if a step fails
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
