"""The current document layout as plain data, GENERATED from :mod:`.schema`: do not edit.

Regenerate after changing ``schema.py``::

    .venv/bin/python -m salesdesigner.storage.schema_snapshot_gen

Opening a document checks and reads it with this (``sqlite3`` only, no SQLAlchemy).
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of every SalesDesigner document (``b"SlsD"``).
APPLICATION_ID = 0x536c7344
#: ``PRAGMA user_version`` of the current layout.
SCHEMA_VERSION = 6
#: The ``extensions`` of a thing that has none.
EMPTY_JSON = '{}'
#: How a REAL column holds NaN (SQLite would store NULL).
NAN_TEXT = 'NaN'
#: The CHECK constraints the layout-4 migration adds, as ``schema.py`` words them.
MEASURE_CHECK = ("measure IS NULL OR measure IN ('conversion', 'win_rate', 'entries', "
    "'days_in_stage', 'won_amount', 'won_count')")
OUTCOME_CHECK = "outcome IS NULL OR outcome IN ('open', 'won', 'lost')"

#: Table → its columns as (name, SQL type), in the order ``schema.py`` declares them.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    'actuals_imports': (
        ('ordinal', 'INTEGER'),
        ('source', 'TEXT'),
        ('imported_at', 'TEXT'),
        ('rows_used', 'INTEGER'),
        ('rows_rejected', 'INTEGER'),
        ('shape', 'TEXT'),
        ('columns', 'TEXT'),
        ('stages', 'TEXT'),
        ('rows_ignored', 'INTEGER'),
    ),
    'attachments': (
        ('ordinal', 'INTEGER'),
        ('id', 'TEXT'),
        ('filename', 'TEXT'),
        ('mime_type', 'TEXT'),
        ('data', 'BLOB'),
    ),
    'deal_events': (
        ('ordinal', 'INTEGER'),
        ('deal_id', 'TEXT'),
        ('stage_id', 'TEXT'),
        ('entered', 'TEXT'),
        ('amount', 'REAL'),
        ('owner', 'TEXT'),
        ('deal_name', 'TEXT'),
        ('outcome', 'TEXT'),
        ('lost_reason', 'TEXT'),
    ),
    'lanes': (
        ('ordinal', 'INTEGER'),
        ('id', 'TEXT'),
        ('name', 'TEXT'),
        ('color', 'TEXT'),
        ('height', 'REAL'),
        ('extensions', 'TEXT'),
    ),
    'process': (
        ('id', 'TEXT'),
        ('name', 'TEXT'),
        ('description', 'TEXT'),
        ('language', 'TEXT'),
        ('currency', 'TEXT'),
        ('company', 'TEXT'),
        ('revision', 'TEXT'),
        ('logo', 'TEXT'),
        ('extensions', 'TEXT'),
        ('arrow_style', 'TEXT'),
    ),
    'revision_files': (
        ('sha256', 'TEXT'),
        ('data', 'BLOB'),
    ),
    'revisions': (
        ('number', 'INTEGER'),
        ('title', 'TEXT'),
        ('published_at', 'TEXT'),
        ('author', 'TEXT'),
        ('note', 'TEXT'),
        ('content', 'TEXT'),
    ),
    'stage_mapping': (
        ('crm_stage', 'TEXT'),
        ('stage_id', 'TEXT'),
    ),
    'stages': (
        ('ordinal', 'INTEGER'),
        ('id', 'TEXT'),
        ('name', 'TEXT'),
        ('kind', 'TEXT'),
        ('lane', 'TEXT'),
        ('x', 'REAL'),
        ('y', 'REAL'),
        ('goal', 'TEXT'),
        ('description', 'TEXT'),
        ('duration_days', 'REAL'),
        ('extensions', 'TEXT'),
    ),
    'actions': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('title', 'TEXT'),
        ('owner', 'TEXT'),
        ('timing', 'TEXT'),
        ('detail', 'TEXT'),
        ('extensions', 'TEXT'),
    ),
    'exit_criteria': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('text', 'TEXT'),
    ),
    'kpis': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('id', 'TEXT'),
        ('name', 'TEXT'),
        ('target', 'REAL'),
        ('unit', 'TEXT'),
        ('direction', 'TEXT'),
        ('definition', 'TEXT'),
        ('extensions', 'TEXT'),
        ('measure', 'TEXT'),
        ('measure_to', 'TEXT'),
    ),
    'materials': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('title', 'TEXT'),
        ('uri', 'TEXT'),
        ('note', 'TEXT'),
        ('extensions', 'TEXT'),
    ),
    'scripts': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('title', 'TEXT'),
        ('situation', 'TEXT'),
        ('body', 'TEXT'),
        ('extensions', 'TEXT'),
    ),
    'tips': (
        ('stage_id', 'TEXT'),
        ('ordinal', 'INTEGER'),
        ('text', 'TEXT'),
    ),
    'transitions': (
        ('ordinal', 'INTEGER'),
        ('id', 'TEXT'),
        ('source', 'TEXT'),
        ('target', 'TEXT'),
        ('label', 'TEXT'),
        ('condition', 'TEXT'),
        ('extensions', 'TEXT'),
        ('style', 'TEXT'),
        ('source_side', 'TEXT'),
        ('source_position', 'REAL'),
        ('target_side', 'TEXT'),
        ('target_position', 'REAL'),
        ('waypoints', 'TEXT'),
    ),
}

#: Names of the indexes ``schema.py`` declares (SQLite's own for UNIQUE and primary keys
#: have no SQL and are not listed).
INDEXES: frozenset[str] = frozenset()
