"""The repository's tables are the document's, derived, not a second copy (no server)."""

from __future__ import annotations

from salesdesigner.storage.repository.tables import (
    DERIVED,
    DOCUMENT_LAYOUT,
    DRAFT_TABLES,
    LAYOUT_OF_DRAFT_TABLES,
    PUBLISHED_TABLES,
)
from salesdesigner.storage.schema import TABLES


def test_every_document_table_has_its_repository_table_with_process_id_in_front_of_its_key():
    assert set(DERIVED) == set(TABLES) == set(DRAFT_TABLES) | set(PUBLISHED_TABLES)
    for orm, table in DERIVED.items():
        doc = orm.__table__
        assert [c.name for c in table.columns] == ["process_id", *(c.name for c in doc.columns)]
        assert [c.name for c in table.primary_key.columns] == [
            "process_id", *(c.name for c in doc.primary_key.columns)]
        for column in doc.columns:
            assert table.c[column.name].nullable == column.nullable


def test_a_new_document_layout_needs_a_repository_migration():
    # When storage/schema.py's SCHEMA_VERSION grows, the derived tables change with it,
    # but a repository created before does not: add a step to repository/admin.py's
    # MIGRATIONS (the new columns on the draft tables), raise REPOSITORY_VERSION and
    # LAYOUT_OF_DRAFT_TABLES, and this passes again.
    assert LAYOUT_OF_DRAFT_TABLES == DOCUMENT_LAYOUT


def test_readers_tables_hold_no_draft_and_no_deal_data():
    names = {DERIVED[orm].name for orm in PUBLISHED_TABLES}
    assert names == {"revisions", "revision_files"}
