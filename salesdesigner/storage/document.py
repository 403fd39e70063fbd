"""Saving and opening ``*.salesdesign`` documents: one SQLite file per process.

Saving is atomic: the whole document is written to a hidden temporary file in the target's
folder, flushed to disk, then renamed over the target, so a crash or ``kill -9`` at any
moment leaves either the old file or the new one.  Temporaries left by a killed save are
removed by the next save into that folder.

Opening never writes: the file is checked by its header (SQLite magic, our
``application_id``, a ``user_version`` we can read, no truncation) and then read through a
read-only connection.  A file of an older layout is copied into memory and migrated there
(:mod:`.migrations`).  Every problem becomes a :class:`DocumentError` with one line of
explanation; the file on disk is left exactly as it was.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import struct
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, StaticPool

from salesdesigner.collector import collector_paused
from salesdesigner.model import Process, ProcessError, UserError
from salesdesigner.storage.migrations import OLDEST_READABLE_VERSION, migrate
from salesdesigner.storage.rows import BadRow, process_from_rows, process_rows
from salesdesigner.storage.schema import APPLICATION_ID, SCHEMA_VERSION, Base

SUFFIX = ".salesdesign"
_TEMP_SUFFIX = ".saving"  # hidden temporaries: ".<name>.<pid>.<token>.saving"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal still to be played
_active_temps: set[str] = set()  # temporaries this process is writing right now
_active_lock = threading.Lock()


class DocumentError(UserError):
    """A ``*.salesdesign`` file could not be opened or saved; the message says why."""


# ====================================================================== saving
def save_document(process: Process, path: str | Path) -> None:
    """Write ``process`` to ``path`` atomically (old file or new file, never a broken one)."""
    target = Path(os.path.realpath(path))  # through a symlink: replace what it points to
    label = str(path)
    if target.is_dir():
        raise DocumentError(f"Cannot save {label}: it is a folder.")
    folder = target.parent
    if not folder.is_dir():
        raise DocumentError(f"Cannot save {label}: the folder {folder} does not exist.")
    try:
        if not os.stat(target).st_mode & 0o222:
            raise DocumentError(f"Cannot save {label}: the file is read-only.")
    except FileNotFoundError:
        pass
    with collector_paused():
        tables = _rows(process, label)  # fail on unsavable content before touching the disk
    _remove_stale_temporaries(folder, target.name)
    temp = _create_temporary(folder, target.name, label)
    try:
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
        _write_database(temp, tables)
        if mode is not None:
            os.chmod(temp, mode)
        _fsync_file(temp)
        os.replace(temp, target)
    except BaseException as exc:
        _unlink_quietly(temp)
        if isinstance(exc, UnicodeEncodeError):
            raise DocumentError(f"Cannot save {label}: the process holds text with an "
                                "invalid character (an unpaired surrogate).") from None
        if isinstance(exc, (OSError, sqlite3.Error, SQLAlchemyError)):
            raise DocumentError(f"Cannot save {label}: {_reason(exc)}.") from None
        raise
    finally:
        with _active_lock:
            _active_temps.discard(str(temp))
    _fsync_directory(folder)


def _write_database(temp: Path, tables: dict[type, list[dict[str, Any]]]) -> None:
    """Create the schema in the (empty) temporary file and bulk-insert every table."""

    def connect() -> sqlite3.Connection:
        db = sqlite3.connect(temp)
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
                if rows:  # Core executemany on the mapped table: no per-row ORM bookkeeping
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


# ---------------------------------------------------------------------- the file dance
def _temp_prefix(target_name: str) -> str:
    """Leaves room for the rest of the name within the usual 255-byte limit."""
    return f".{os.fsdecode(os.fsencode(target_name)[:120])}."


def _temp_name(target_name: str, pid: int) -> str:
    return f"{_temp_prefix(target_name)}{pid}.{secrets.token_hex(4)}{_TEMP_SUFFIX}"


def _create_temporary(folder: Path, target_name: str, label: str) -> Path:
    """A new, empty, hidden file beside the target (umask applies, like any new file)."""
    for _ in range(100):
        temp = folder / _temp_name(target_name, os.getpid())
        try:
            fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise DocumentError(f"Cannot save {label}: {_reason(exc)}.") from None
        os.close(fd)
        with _active_lock:
            _active_temps.add(str(temp))
        return temp
    raise DocumentError(f"Cannot save {label}: could not create a temporary file.")


def _remove_stale_temporaries(folder: Path, target_name: str) -> None:
    """Delete temporaries of earlier saves of this target whose writer no longer runs."""
    prefix = _temp_prefix(target_name)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        middle = name[len(prefix):-len(_TEMP_SUFFIX)].split(".")
        if len(middle) != 2 or not middle[0].isdigit():
            continue
        path = folder / name
        with _active_lock:
            if str(path) in _active_temps:
                continue
        if int(middle[0]) == os.getpid() or not _writer_alive(int(middle[0]), path):
            _unlink_quietly(path)


def _writer_alive(pid: int, path: Path) -> bool:
    if os.name == "nt":  # no harmless liveness probe there: trust age instead
        try:
            return time.time() - path.stat().st_mtime < 24 * 3600
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
        full_sync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_sync is not None:  # macOS: fsync alone does not reach the platters
            fcntl.fcntl(fd, full_sync)
    finally:
        os.close(fd)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort elsewhere."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _reason(exc: BaseException) -> str:
    """The human part of an OS or SQLite error, without Python decoration."""
    if isinstance(exc, SQLAlchemyError) and getattr(exc, "orig", None) is not None:
        exc = exc.orig  # type: ignore[assignment]
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).rstrip(".") or type(exc).__name__


# ====================================================================== opening
def open_document(path: str | Path) -> Process:
    """Read a ``*.salesdesign`` file; never writes to it.  Raises :class:`DocumentError`."""
    label = str(path)
    file = Path(os.path.abspath(path))
    version, wal = _check_header(file, label)
    query = "?mode=ro"
    log = Path(f"{file}-wal" if wal else f"{file}-journal")
    if _pending(log, wal):  # another tool is (or was, until it crashed) changing the file
        raise DocumentError(f"{label} has changes another program has not finished "
                            f"writing ({log.name}); close that program first.")
    if wal:  # switched to write-ahead logging by another tool
        # Nothing is pending, so read the file as it stands: this keeps SQLite from
        # creating -wal/-shm files beside it, which a read-only reader could not remove.
        query += "&immutable=1"
    try:
        db = sqlite3.connect(file.as_uri() + query, uri=True)
    except sqlite3.Error as exc:
        raise DocumentError(f"Cannot open {label}: {_reason(exc)}.") from None
    try:
        try:
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DocumentError(f"{label} is damaged ({problems[0]}).")
            if version < SCHEMA_VERSION:  # upgrade a copy in memory, never the file
                memory = sqlite3.connect(":memory:")
                db.backup(memory)
                db.close()
                db = memory
                migrate(db, version)
        except (sqlite3.Error, UnicodeDecodeError) as exc:  # a garbled name in an error text
            raise DocumentError(f"{label} is damaged or unreadable ({_reason(exc)}).") from None
        return _read_database(db, label)
    finally:
        db.close()


def _pending(log: Path, wal: bool) -> bool:
    """Whether a -wal / -journal file beside the document holds changes not yet in it."""
    try:
        with open(log, "rb") as handle:
            start = handle.read(8)
    except OSError:
        return False
    return bool(start) if wal else start == _JOURNAL_MAGIC


def _check_header(file: Path, label: str) -> tuple[int, bool]:
    """Reject what is not a complete SalesDesigner database we can read.

    Returns its layout version and whether it is in write-ahead-log mode.
    """
    try:
        with open(file, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        raise DocumentError(f"{label} does not exist.") from None
    except IsADirectoryError:
        raise DocumentError(f"{label} is a folder, not a SalesDesigner document.") from None
    except OSError as exc:
        raise DocumentError(f"Cannot open {label}: {_reason(exc)}.") from None
    if file.is_dir():
        raise DocumentError(f"{label} is a folder, not a SalesDesigner document.")
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
    """Rows to model, through the ORM classes; bad content becomes a DocumentError."""
    engine = create_engine("sqlite://", creator=lambda: db, poolclass=StaticPool)
    try:
        with Session(engine) as session, collector_paused():
            return process_from_rows(session)
    except (sqlite3.Error, SQLAlchemyError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{label} is damaged or unreadable ({_reason(exc)}).") from None
    except ProcessError as exc:
        raise DocumentError(f"{label} holds an invalid process: {exc}") from None
    except BadRow as exc:
        raise DocumentError(f"{label} is damaged: {exc}.") from None
    finally:
        engine.dispose()


__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SUFFIX", "DocumentError", "open_document",
           "save_document"]
