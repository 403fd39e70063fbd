"""Saving and opening ``*.salesdesign`` documents: one SQLite file per process.

Saving is atomic: the whole document is written to a hidden temporary file in the target's
folder, flushed to disk, then renamed over the target, so a crash or ``kill -9`` at any
moment leaves either the old file or the new one.  Temporaries left by a killed save are
removed by the next save into that folder.

Opening never writes: the file is checked by its header (SQLite magic, our
``application_id``, a ``user_version`` we can read, no truncation) and then read through a
read-only, immutable connection (no -wal/-shm ever appears beside it; a journal another
program left is refused, not replayed), bounded in time and checked against our schema
before any row is read (see :func:`open_document`).  A file of an older layout is copied
into memory and migrated there (:mod:`.migrations`).  Every problem becomes a
:class:`DocumentError` with one line of explanation; the file on disk is left exactly as it was.

Opening uses the standard ``sqlite3`` module only (:mod:`.table_reader`, checked against
:mod:`.schema_snapshot`); SQLAlchemy and the ORM classes of :mod:`.schema` are imported
when a document is first saved, so opening a file in a fresh process costs no half second
of SQLAlchemy imports.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import time
from pathlib import Path
from typing import Any

from salesdesigner.gc_pause import collector_paused
from salesdesigner.model import Process, ProcessError, UserError
from salesdesigner.storage.actuals_rows import StreamedRows
from salesdesigner.storage.files import AtomicOutput, OutputError, regular_file_error
from salesdesigner.storage.migrations import OLDEST_READABLE_VERSION, migrate
from salesdesigner.storage.rows import BadRow, process_from_rows, process_rows
from salesdesigner.storage.schema_check import schema_problem
from salesdesigner.storage.schema_snapshot import APPLICATION_ID, SCHEMA_VERSION

SUFFIX = ".salesdesign"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal still to be played


class DocumentError(UserError):
    """A ``*.salesdesign`` file could not be opened or saved; the message says why."""


# ====================================================================== saving
def save_document(process: Process, path: str | Path, *, force: bool = False) -> None:
    """Write ``process`` to ``path`` atomically (old file or new file, never a broken one).

    The target rules are :func:`.files.check_output`'s: no missing folder, dangling link,
    folder or device; a read-only file only with ``force``.
    """
    from sqlalchemy.exc import SQLAlchemyError

    label = str(path)
    try:
        output = AtomicOutput(path, force=force)
    except OutputError as exc:
        raise DocumentError(str(exc).replace("Cannot write", "Cannot save", 1)) from None
    with collector_paused():
        tables = _rows(process, label)  # fail on unsavable content before touching the disk
    try:
        with output, collector_paused():
            assert output.temp is not None
            _write_database(output.temp, tables)
            output.commit()
    except OutputError as exc:
        raise DocumentError(str(exc).replace("Cannot write", "Cannot save", 1)) from None
    except UnicodeEncodeError:
        raise DocumentError(f"Cannot save {label}: the process holds text with an "
                            "invalid character (an unpaired surrogate).") from None
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        raise DocumentError(f"Cannot save {label}: {_reason(exc)}.") from None


#: Deal events from which a document is written in pages of :data:`LARGE_PAGE_SIZE` bytes
#: (SQLite's largest): a million events then save in about a quarter less time and open a
#: little faster; a smaller document keeps the default 4 KiB pages, since every table
#: takes at least one page.
LARGE_PAGES_FROM = 100_000
LARGE_PAGE_SIZE = 65536


def _write_database(temp: Path, tables: dict[type, list[dict[str, Any]]]) -> None:
    """Create the schema in the (empty) temporary file and bulk-insert every table."""
    from sqlalchemy import create_engine, insert
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from salesdesigner.storage.schema import Base

    streamed = sum(rows.count for rows in tables.values() if isinstance(rows, StreamedRows))

    def connect() -> sqlite3.Connection:
        db = sqlite3.connect(temp)
        if streamed >= LARGE_PAGES_FROM:  # set before the first table is made
            db.execute(f"PRAGMA page_size = {LARGE_PAGE_SIZE}")
        # The temporary is invisible until renamed, so a journal is pointless; durability
        # comes from the explicit fsync before the rename.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return db

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    try:
        with Session(engine) as session:
            Base.metadata.create_all(session.connection())
            connection = session.connection()
            for table, rows in tables.items():
                if isinstance(rows, StreamedRows):  # a million deal events: no dict per row
                    raw = connection.connection.driver_connection
                    raw.executemany(rows.sql, rows.tuples)
                elif rows:  # Core executemany on the mapped table: no per-row ORM bookkeeping
                    connection.execute(insert(table.__table__), rows)
            session.commit()
    finally:
        engine.dispose()


def _rows(process: Process, label: str) -> dict[type, list[dict[str, Any]]]:
    """The document as table rows (lists of column dicts), ready for bulk inserts."""
    try:
        return process_rows(process)
    except (TypeError, ValueError) as exc:
        raise DocumentError(f"Cannot save {label}: the process holds a value that cannot be "
                            f"stored ({exc}).") from None


def _reason(exc: BaseException) -> str:
    """The human part of an OS or SQLite error, without Python decoration."""
    orig = getattr(exc, "orig", None)  # a SQLAlchemy error wrapping the driver's
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).rstrip(".") or type(exc).__name__


# ====================================================================== opening
#: Seconds SQLite may spend on one document before the read is given up (a backstop: the
#: schema check already refuses the crafted objects that could run long).
READ_DEADLINE = 30.0
#: The longest text or BLOB a cell may hold (an attachment), in bytes.
MAX_CELL_BYTES = 512 * 1024 * 1024


def open_document(path: str | Path) -> Process:
    """Read a ``*.salesdesign`` file; never writes to it.  Raises :class:`DocumentError`.

    The read is bounded: only a regular file is opened (a FIFO would block), a journal
    beside the file is refused rather than replayed, the schema must be ours
    (:mod:`.schema_check`), SQLite runs under a deadline and a cell-size limit, and every
    number and nesting depth is held to :mod:`.limits`.
    """
    label = str(path)
    file = Path(os.path.abspath(path))
    problem = regular_file_error(file)
    if problem == "it does not exist":
        raise DocumentError(f"{label} does not exist.")
    if problem == "it is a folder":
        raise DocumentError(f"{label} is a folder, not a SalesDesigner document.")
    if problem is not None:
        raise DocumentError(f"Cannot open {label}: {problem}.")
    version, _wal = _check_header(file, label)
    for log in (Path(f"{file}-wal"), Path(f"{file}-journal")):
        if _pending(log):  # another tool is (or was, until it crashed) changing the file
            raise DocumentError(f"{label}: another program has this file open (its "
                                f"{log.name} holds changes not yet written); close that "
                                "program first.")
    # immutable: SQLite takes no locks and creates no -wal/-shm/-journal beside the file
    # (nothing is pending, checked above), so reading never writes into the folder.
    query = "?mode=ro&immutable=1"
    deadline = time.monotonic() + READ_DEADLINE
    try:
        db = sqlite3.connect(file.as_uri() + query, uri=True)
    except sqlite3.Error as exc:
        raise DocumentError(f"Cannot open {label}: {_reason(exc)}.") from None
    try:
        try:
            _bound(db, deadline)
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DocumentError(f"{label} is damaged ({_cut(problems[0])}).")
            if version < SCHEMA_VERSION:  # upgrade a copy in memory, never the file
                memory = sqlite3.connect(":memory:")
                db.backup(memory)
                db.close()
                db = memory
                _bound(db, deadline)
                migrate(db, version)
            problem = schema_problem(db)
            if problem is not None:
                raise DocumentError(f"{label} is damaged or was altered by another tool: "
                                    f"{problem}.")
            return _read_database(db, label)
        except (sqlite3.Error, UnicodeDecodeError) as exc:  # a garbled name in an error text
            raise _read_error(label, exc) from None
    finally:
        db.close()


def _bound(db: sqlite3.Connection, deadline: float) -> None:
    """Limits on what SQLite may do while reading: time, cell size, schema trust."""
    db.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_CELL_BYTES)
    db.execute("PRAGMA trusted_schema = OFF")


def _read_error(label: str, exc: BaseException) -> DocumentError:
    text = _reason(exc)
    if text == "interrupted":
        return DocumentError(f"{label} takes too long to read (over {READ_DEADLINE:.0f} s); "
                             "it is damaged or was made to hang a reader.")
    return DocumentError(f"{label} is damaged or unreadable ({_cut(text)}).")


def _cut(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _pending(log: Path) -> bool:
    """Whether a -wal / -journal file beside the document holds changes not yet in it.

    A write-ahead log counts when it holds anything; a rollback journal when it starts
    with the magic of one still to be played back (a zeroed, spent journal does not).
    """
    if not os.path.lexists(log):
        return False
    if regular_file_error(log) is not None:
        return True  # a FIFO or folder in the journal's place: not ours to open
    try:
        fd = os.open(log, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True
    try:
        start = os.read(fd, 8)
    finally:
        os.close(fd)
    return bool(start) if log.name.endswith("-wal") else start == _JOURNAL_MAGIC


def _check_header(file: Path, label: str) -> tuple[int, bool]:
    """Reject what is not a complete SalesDesigner database we can read.

    Returns its layout version and whether it is in write-ahead-log mode.
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DocumentError(f"{label} does not exist.") from None
    except IsADirectoryError:
        raise DocumentError(f"{label} is a folder, not a SalesDesigner document.") from None
    except OSError as exc:
        raise DocumentError(f"Cannot open {label}: {_reason(exc)}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(f"{label} is a folder, not a SalesDesigner document.")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"Cannot open {label}: it is not a regular file.")
        header = os.read(fd, 100)
        size = info.st_size
    except OSError as exc:
        raise DocumentError(f"Cannot open {label}: {_reason(exc)}.") from None
    finally:
        os.close(fd)
    if not header:
        raise DocumentError(f"{label} is empty, not a SalesDesigner document.")
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DocumentError(f"{label} is not a SalesDesigner document "
                            "(it is not an SQLite database).")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    user_version, application_id = struct.unpack(">i4xi", header[60:72])
    if application_id != APPLICATION_ID:
        raise DocumentError(f"{label} is not a SalesDesigner document "
                            "(it is an SQLite database of another program).")
    if user_version > SCHEMA_VERSION:
        raise DocumentError(
            f"{label} was saved by a newer version of SalesDesigner (document format "
            f"{user_version}; this version reads up to {SCHEMA_VERSION}). Please update.")
    if user_version < OLDEST_READABLE_VERSION:
        raise DocumentError(f"{label} is damaged (unknown document format {user_version}).")
    if pages and change_counter == valid_for and size < pages * page_size:
        raise DocumentError(f"{label} is damaged: the file is incomplete ({size} of "
                            f"{pages * page_size} bytes).")
    return user_version, 2 in header[18:20]


def _read_database(db: sqlite3.Connection, label: str) -> Process:
    """Rows to model (plain ``sqlite3``); bad content becomes a DocumentError."""
    try:
        with collector_paused():
            return process_from_rows(db)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise _read_error(label, exc) from None
    except ProcessError as exc:
        raise DocumentError(f"{label} holds an invalid process: {_cut(str(exc), 300)}") from None
    except BadRow as exc:
        raise DocumentError(f"{label} is damaged: {_cut(str(exc), 300)}.") from None


__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SUFFIX", "DocumentError", "open_document",
           "save_document"]
