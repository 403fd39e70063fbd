"""A team repository: many processes on one PostgreSQL database, each with its draft (and
actuals), its published revisions, a version for optimistic locking and a soft "being
edited by …" notice.

::

    repo = Repository("postgresql://alice@db.example.com/sales")
    repo.processes()                        -> [ProcessEntry]   # readers: published only
    pulled = repo.pull("p-1")               -> Pulled(process, version, revision)
    repo.save(process, base=pulled.version) -> new version, or VersionConflict
    repo.publish("p-1", title="Q3")         -> RevisionInfo
    repo.mark_editing("p-1") / repo.editing_notice("p-1") / repo.release_editing("p-1")

Every operation is one transaction: a save that fails half-way (a dropped connection, a
stopped server) leaves the last saved version.  Who may do what is the database's
business (grants, :mod:`.admin`): a reader's attempt to write is refused by the server
and comes out as :class:`~.errors.PermissionDenied`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salesdesigner.model.errors import ProcessError
from salesdesigner.model.process import Process
from salesdesigner.model.revision import RevisionError, RevisionInfo
from salesdesigner.storage.repository import transfer
from salesdesigner.storage.repository.connection import driver, open_target, transaction
from salesdesigner.storage.repository.errors import (
    NoSuchProcess,
    NotARepository,
    NotPublished,
    PermissionDenied,
    RepositoryError,
    VersionConflict,
    shown,
)
from salesdesigner.storage.repository.tables import (
    DRAFT_TABLES,
    PUBLISHED_TABLES,
    REPOSITORY_VERSION,
    SCHEMA,
    from_pg,
    to_pg,
)
from salesdesigner.storage.schema import TABLES, RevisionFileRow, RevisionRow

#: How long a "being edited by …" notice lasts unless renewed (a crashed laptop's notice
#: simply runs out; it never blocks anyone).
EDITING_MINUTES = 30


@dataclass(frozen=True)
class ProcessEntry:
    """One line of the repository's list.  Readers see no draft fields (None)."""

    process_id: str
    name: str
    version: int | None
    saved_by: str | None
    saved_at: datetime | None
    revision: int | None
    revision_title: str | None
    editing_by: str | None
    editing_until: datetime | None


@dataclass(frozen=True)
class Pulled:
    """A process taken from the repository: the draft (``version`` set) or a published
    revision (``version`` None, ``revision`` its number)."""

    process: Process
    version: int | None
    revision: int | None


@dataclass(frozen=True)
class EditingNotice:
    who: str
    until: datetime


class Repository:
    """The repository at a ``postgresql://`` URL (connections are made per operation)."""

    def __init__(self, url: str) -> None:
        self._target = open_target(url)
        self.where = self._target.where
        self._checked = False

    def close(self) -> None:
        self._target.engine.dispose()

    # ------------------------------------------------------------------ helpers
    def _begin(self):  # type: ignore[no-untyped-def]
        return transaction(self._target)

    def _cursor(self, conn: Any) -> Any:
        cur = driver(conn).cursor()
        if not self._checked:
            cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.repository",))
            if cur.fetchone()[0] is None:
                raise NotARepository.said("not_a_repository", where=self.where)
            cur.execute(f"SELECT schema_version FROM {SCHEMA}.repository")
            (version,) = cur.fetchone()
            if version > REPOSITORY_VERSION:
                raise RepositoryError.said("newer_layout", where=self.where, version=version)
            if version < REPOSITORY_VERSION:
                raise RepositoryError.said("older_layout", where=self.where, version=version)
            self._checked = True
        return cur

    @staticmethod
    def _can_edit(cur: Any) -> bool:
        cur.execute("SELECT has_table_privilege(%s, 'UPDATE')", (f"{SCHEMA}.processes",))
        return bool(cur.fetchone()[0])

    def can_edit(self) -> bool:
        """Whether this login may read and save drafts (an editor), or only read."""
        with self._begin() as conn:
            return self._can_edit(self._cursor(conn))

    # ------------------------------------------------------------------ listing
    def processes(self) -> list[ProcessEntry]:
        """Editors: every process with its draft's version; readers: published ones."""
        with self._begin() as conn:
            cur = self._cursor(conn)
            if self._can_edit(cur):
                cur.execute(
                    f"SELECT p.process_id, d.name, p.version, p.updated_by, p.updated_at, "
                    f"c.revision, c.title, "
                    f"CASE WHEN p.editing_until > now() THEN p.editing_by END, "
                    f"CASE WHEN p.editing_until > now() THEN p.editing_until END "
                    f"FROM {SCHEMA}.processes p "
                    f"LEFT JOIN {SCHEMA}.process d ON d.process_id = p.process_id "
                    f"JOIN {SCHEMA}.catalogue c ON c.process_id = p.process_id "
                    f"ORDER BY p.process_id")
                return [ProcessEntry(from_pg(r[0]), from_pg(r[1] or ""), *r[2:6],
                                     None if r[6] is None else from_pg(r[6]), *r[7:])
                        for r in cur.fetchall()]
            cur.execute(f"SELECT process_id, name, revision, title FROM {SCHEMA}.catalogue "
                        "WHERE revision IS NOT NULL ORDER BY process_id")
            return [ProcessEntry(from_pg(pid), from_pg(name or ""), None, None, None, number,
                                 from_pg(title), None, None)
                    for pid, name, number, title in cur.fetchall()]

    # ------------------------------------------------------------------ saving
    def save(self, process: Process, *, base: int | None, replace: bool = False) -> int:
        """Save ``process`` as the draft of its id; returns the new version.

        ``base``: the version it was pulled at (None: a process new to the repository).
        If the repository holds another version, nothing is written and
        :class:`VersionConflict` says who saved it when — unless ``replace``.  The first
        save of a process also uploads the revisions it was published with."""
        from salesdesigner.storage.rows import process_rows
        try:
            tables = process_rows(process)
        except (TypeError, ValueError) as exc:
            raise RepositoryError(f"cannot save process {shown(process.id)}: it holds a value "
                                  f"that cannot be stored ({exc})") from None
        with self._begin() as conn:
            cur = self._cursor(conn)
            if not self._can_edit(cur):
                raise PermissionDenied.said("saving_needs_editor", where=self.where)
            pid = to_pg(process.id)
            cur.execute(f"SELECT version, updated_by, updated_at FROM {SCHEMA}.processes "
                        "WHERE process_id = %s FOR UPDATE", (pid,))
            row = cur.fetchone()
            if row is None:
                cur.execute(f"INSERT INTO {SCHEMA}.processes (process_id, version, created_at, "
                            "created_by, updated_at, updated_by) VALUES (%s, 1, now(), "
                            "current_user, now(), current_user) ON CONFLICT DO NOTHING "
                            "RETURNING version", (pid,))
                if cur.fetchone() is None:  # created by someone else a moment ago
                    cur.execute(f"SELECT version, updated_by, updated_at FROM "
                                f"{SCHEMA}.processes WHERE process_id = %s", (pid,))
                    theirs = cur.fetchone()
                    raise VersionConflict(process.id, base, theirs[0], theirs[1], theirs[2])
                version, which = 1, TABLES
                if process.revisions:
                    published_name = _published_name(process)
                    cur.execute(f"UPDATE {SCHEMA}.processes SET published_name = %s "
                                "WHERE process_id = %s", (to_pg(published_name), pid))
            else:
                if base != row[0] and not replace:
                    raise VersionConflict(process.id, base, row[0], row[1], row[2])
                transfer.delete_rows(cur, process.id, DRAFT_TABLES)
                version, which = row[0] + 1, DRAFT_TABLES
                cur.execute(f"UPDATE {SCHEMA}.processes SET version = %s, updated_at = now(), "
                            "updated_by = current_user WHERE process_id = %s", (version, pid))
            transfer.copy_rows(cur, process.id, tables, which)
        return version

    # ------------------------------------------------------------------ reading
    def pull(self, process_id: str, *, published: bool | None = None) -> Pulled:
        """The draft (editors) or the latest published revision (readers, or
        ``published=True``)."""
        with self._begin() as conn:
            cur = self._cursor(conn)
            editor = self._can_edit(cur)
            if published is None:
                published = not editor
            if not published:
                if not editor:
                    raise PermissionDenied.said("drafts_need_editor", where=self.where)
                return self._draft(cur, process_id)
            return self._published(cur, process_id)

    def _draft(self, cur: Any, process_id: str, lock: bool = False) -> Pulled:
        cur.execute(f"SELECT version FROM {SCHEMA}.processes WHERE process_id = %s"
                    + (" FOR UPDATE" if lock else ""), (to_pg(process_id),))
        row = cur.fetchone()
        if row is None:
            raise NoSuchProcess.said("no_such_process", where=self.where,
                                     process=shown(process_id))
        process = self._read(cur, process_id, TABLES)
        return Pulled(process, row[0], process.revisions[-1].number if process.revisions
                      else None)

    def _published(self, cur: Any, process_id: str) -> Pulled:
        from salesdesigner.storage.revision_rows import BadRevision, revisions_from_rows
        from salesdesigner.storage.revisions import revision_content
        cur.execute(f"SELECT revision FROM {SCHEMA}.catalogue WHERE process_id = %s",
                    (to_pg(process_id),))
        row = cur.fetchone()
        if row is None:
            raise NoSuchProcess.said("no_such_process", where=self.where,
                                     process=shown(process_id))
        if row[0] is None:
            raise NotPublished.said("not_published", process=shown(process_id))
        memory = transfer.read_document(cur, process_id, PUBLISHED_TABLES)
        try:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import StaticPool
            engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
            with engine.connect() as sqlite:
                revisions = revisions_from_rows(sqlite)
            process = revision_content(revisions[-1], f"process {shown(process_id)}")
        except (BadRevision, RevisionError) as exc:
            raise RepositoryError(f"process {shown(process_id)} in {self.where}: {exc}") \
                from None
        finally:
            memory.close()
        process.revisions = revisions
        return Pulled(process, None, revisions[-1].number)

    def _read(self, cur: Any, process_id: str, which: tuple[type, ...]) -> Process:
        from sqlalchemy import create_engine
        from sqlalchemy.orm import Session
        from sqlalchemy.pool import StaticPool

        from salesdesigner.gc_pause import collector_paused
        from salesdesigner.storage.rows import BadRow, process_from_rows
        memory = transfer.read_document(cur, process_id, which)
        engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
        try:
            with Session(engine) as session, collector_paused():
                return process_from_rows(session)
        except (BadRow, ProcessError) as exc:
            raise RepositoryError(f"process {shown(process_id)} in {self.where} is damaged: "
                                  f"{' '.join(str(exc).split())[:300]}") from None
        finally:
            engine.dispose()
            memory.close()

    # ------------------------------------------------------------------ publishing
    def publish(self, process_id: str, *, title: str, note: str = "",
                author: str | None = None, base: int | None = None) -> RevisionInfo:
        """Publish the draft as the process's next revision (author: the database role).

        ``base``: the draft version the publisher looked at (the designer's); if someone
        saved since, nothing is published and :class:`VersionConflict` says who — the
        revision is what the publisher saw, never a draft they did not."""
        from salesdesigner.storage.revision_rows import revision_rows
        from salesdesigner.storage.revisions import make_revision
        if not title.strip():
            raise RevisionError("Cannot publish: a revision needs a title.")
        with self._begin() as conn:
            cur = self._cursor(conn)
            if not self._can_edit(cur):
                raise PermissionDenied.said("publishing_needs_editor", where=self.where)
            pulled = self._draft(cur, process_id, lock=True)
            if base is not None and pulled.version != base:
                cur.execute(f"SELECT updated_by, updated_at FROM {SCHEMA}.processes "
                            "WHERE process_id = %s", (to_pg(process_id),))
                by, at = cur.fetchone()
                raise VersionConflict(process_id, base, int(pulled.version or 0), by, at)
            if author is None:
                cur.execute("SELECT current_user")
                author = cur.fetchone()[0]
            revision = make_revision(pulled.process, title=title, note=note, author=author)
            rows = revision_rows((revision,))
            transfer.copy_rows(cur, process_id, {RevisionRow: rows[RevisionRow]},
                               (RevisionRow,))
            transfer.insert_missing_files(cur, process_id, rows[RevisionFileRow],
                                          RevisionFileRow)
            cur.execute(f"UPDATE {SCHEMA}.processes SET published_name = %s "
                        "WHERE process_id = %s", (to_pg(pulled.process.name),
                                                  to_pg(process_id)))
        return revision.info

    # ------------------------------------------------------------------ editing notice
    def mark_editing(self, process_id: str, minutes: int = EDITING_MINUTES
                     ) -> EditingNotice | None:
        """Say "I am editing this" for ``minutes``; returns someone else's notice still
        running (the caller shows it; nothing is locked), else None."""
        with self._begin() as conn:
            cur = self._cursor(conn)
            cur.execute(f"SELECT editing_by, editing_until FROM {SCHEMA}.processes "
                        "WHERE process_id = %s AND editing_until > now() "
                        "AND editing_by <> current_user", (to_pg(process_id),))
            other = cur.fetchone()
            cur.execute(f"UPDATE {SCHEMA}.processes SET editing_by = current_user, "
                        "editing_until = now() + make_interval(mins => %s) "
                        "WHERE process_id = %s", (minutes, to_pg(process_id)))
            if cur.rowcount == 0:
                raise NoSuchProcess.said("no_such_process", where=self.where,
                                         process=shown(process_id))
        return EditingNotice(*other) if other else None

    def editing_notice(self, process_id: str) -> EditingNotice | None:
        """Who else said they are editing the process, until when (expired ones: None)."""
        with self._begin() as conn:
            cur = self._cursor(conn)
            cur.execute(f"SELECT editing_by, editing_until FROM {SCHEMA}.processes "
                        "WHERE process_id = %s AND editing_until > now() "
                        "AND editing_by <> current_user", (to_pg(process_id),))
            row = cur.fetchone()
        return EditingNotice(*row) if row else None

    def release_editing(self, process_id: str) -> None:
        """Withdraw this login's notice (closing the process)."""
        with self._begin() as conn:
            self._cursor(conn).execute(
                f"UPDATE {SCHEMA}.processes SET editing_by = NULL, editing_until = NULL "
                "WHERE process_id = %s AND editing_by = current_user", (to_pg(process_id),))


def _published_name(process: Process) -> str:
    """The name in the process's latest revision (what readers see in the list)."""
    import json
    try:
        return str(json.loads(process.revisions[-1].content).get("name", process.name))
    except (ValueError, AttributeError):
        return process.name


__all__ = ["EDITING_MINUTES", "EditingNotice", "ProcessEntry", "Pulled", "Repository"]
