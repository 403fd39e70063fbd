"""Every file SalesDesigner writes goes through here: whole or not at all, and only where
the user pointed.

A document save, an import's new document, every export (JSON, GraphML, the PDF manual,
the HTML playbook, a screenshot) and the files of an attachments folder are written to a
short hidden temporary beside the target, flushed, and renamed over it.  Before anything is
created the target is checked (:func:`check_output`):

* a missing parent folder is an error (never created);
* a dangling symbolic link, a folder, a device, a FIFO or a socket is refused (a symlink to
  a regular file is written through, to the file it names);
* a read-only file (by its mode bits, so this holds for root too) is replaced only with
  ``force``; a replaced file keeps its permission bits, a new one gets the umask's.

Temporaries are named ``.<name, cut to 120 bytes>.<pid>.<token>.saving`` so a legal
250-byte name still has a legal temporary; those of writers that no longer run (killed
mid-write) are removed by the next write into the folder.  Attachment folders
(:func:`write_beside`) are created only once the main output is known writable, and what
was created is removed again when the export fails.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from salesdesigner.model.errors import UserError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".saving"  # ".<name>.<pid>.<token>.saving"
_NAME_BYTES = 120
_LEGACY = re.compile(r"[A-Za-z0-9_]{8}\.tmp")  # mkstemp temporaries of older versions
_LEGACY_AGE = 600.0
_active: set[str] = set()  # temporaries this process is writing right now
_active_lock = threading.Lock()


class OutputError(UserError):
    """The named output cannot (or may not) be written; the message says why, in one line."""


# ====================================================================== the target
def check_output(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """The file to write for ``path`` (through a symlink to a regular file), or OutputError.

    Never creates or changes anything; cheap enough to call before a long export.
    """
    label = os.fspath(path)
    target = Path(os.path.abspath(path))
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"Cannot write {label}: {reason(exc)}.") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(target)
        except FileNotFoundError:
            raise OutputError(f"Cannot write {label}: it is a symbolic link to a file that "
                              "does not exist (remove the link or name another file).") from None
        except OSError as exc:
            raise OutputError(f"Cannot write {label}: {reason(exc)}.") from None
        target = Path(os.path.realpath(target))
    if info is None:
        folder = target.parent
        if not folder.is_dir():
            raise OutputError(f"Cannot write {label}: the folder {folder} does not exist.")
        return target
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"Cannot write {label}: it is a folder.")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"Cannot write {label}: it is not a regular file "
                          f"(a {_kind(info.st_mode)}).")
    if not force and not info.st_mode & 0o222:
        raise OutputError(f"Cannot write {label}: the file is read-only (use --force to "
                          "replace it).")
    return target


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def regular_file_error(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be read as a plain file (missing, folder, FIFO, device), or None.

    Only ``stat`` is used, so a FIFO is never opened (opening one blocks until a writer comes).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "it does not exist"
    except OSError as exc:
        return reason(exc)
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder"
    if not stat.S_ISREG(info.st_mode):
        return f"it is not a regular file (a {_kind(info.st_mode)})"
    return None


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file, or :class:`ReadError` with one line saying why not.

    Opens without blocking (``O_NONBLOCK``) and checks the opened file again, so a file
    swapped for a FIFO between the check and the open cannot hang the reader.
    """
    problem = regular_file_error(path)
    if problem is not None:
        raise ReadError(f"Cannot read {os.fspath(path)}: {problem}.")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(f"Cannot read {os.fspath(path)}: {reason(exc)}.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(f"Cannot read {os.fspath(path)}: it is not a regular file.")
        if hasattr(os, "O_NONBLOCK") and fcntl is not None:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:
                raise ReadError(f"Cannot read {os.fspath(path)}: it is larger than "
                                f"{limit // (1 << 20)} MB.")
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"Cannot read {os.fspath(path)}: {reason(exc)}.") from None
    finally:
        os.close(fd)


class ReadError(UserError):
    """An input file could not be read as a plain file."""


# ====================================================================== writing
class AtomicOutput:
    """One atomic write: ``temp`` is a fresh hidden file beside the target; :meth:`commit`
    renames it over the target.  Leaving the ``with`` block without committing removes it."""

    def __init__(self, path: str | os.PathLike[str], *, force: bool = False) -> None:
        self.label = os.fspath(path)
        self.target = check_output(path, force=force)
        self.temp: Path | None = None
        try:
            self._mode: int | None = stat.S_IMODE(os.stat(self.target).st_mode)
        except OSError:
            self._mode = None

    def __enter__(self) -> AtomicOutput:
        folder = self.target.parent
        remove_stale_temporaries(folder, self.target.name)
        for _ in range(100):
            temp = folder / temp_name(self.target.name, os.getpid())
            try:
                fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
            except FileExistsError:
                continue
            except OSError as exc:
                raise OutputError(f"Cannot write {self.label}: {reason(exc)}.") from None
            os.close(fd)
            with _active_lock:
                _active.add(str(temp))
            self.temp = temp
            return self
        raise OutputError(f"Cannot write {self.label}: could not create a temporary file.")

    def write(self, data: bytes) -> None:
        assert self.temp is not None
        with open(self.temp, "wb") as out:
            out.write(data)

    def commit(self) -> None:
        """Give the temporary the old file's permissions, flush it, rename it into place."""
        assert self.temp is not None
        if self._mode is not None:
            os.chmod(self.temp, self._mode)
        fsync_file(self.temp)
        os.replace(self.temp, self.target)
        self._forget()
        fsync_directory(self.target.parent)

    def _forget(self) -> None:
        with _active_lock:
            _active.discard(str(self.temp))
        self.temp = None

    def __exit__(self, *exc: object) -> None:
        if self.temp is not None:
            unlink_quietly(self.temp)
            self._forget()


def write_atomically(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module docstring).

    Raises :class:`OutputError` for a refused target and ``OSError`` for a failed write;
    callers turn the latter into their own one-line error.
    """
    with AtomicOutput(path, force=force) as out:
        out.write(data)
        out.commit()


@contextmanager
def write_beside(folder: Path, files: dict[str, bytes], *, force: bool = False) -> Iterator[None]:
    """Write ``files`` into ``folder`` (created if missing, its parent never), then run the
    block (which writes the main output); if the block fails, remove what was created.

    Call it inside the main output's :class:`AtomicOutput`, so the folder appears only once
    the main file's own folder has taken a temporary.
    """
    if not files:
        yield
        return
    created_folder = False
    created: list[Path] = []
    try:
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISDIR(info.st_mode):
            raise OutputError(f"Cannot write the attachments: {folder} exists and is not "
                              "a folder.")
        if info is None:
            os.mkdir(folder)
            created_folder = True
        for name, data in files.items():
            path = folder / name
            existed = os.path.lexists(path)
            write_atomically(path, data, force=force)
            if not existed:
                created.append(path)
        yield
    except BaseException:
        for path in created:
            unlink_quietly(path)
        if created_folder:
            with suppress(OSError):
                os.rmdir(folder)
        raise


# ====================================================================== temporaries
def temp_prefix(target_name: str) -> str:
    """Leaves room for the rest of the name within the usual 255-byte limit."""
    return f".{os.fsdecode(os.fsencode(target_name)[:_NAME_BYTES])}."


def temp_name(target_name: str, pid: int) -> str:
    return f"{temp_prefix(target_name)}{pid}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def remove_stale_temporaries(folder: Path, target_name: str) -> None:
    """Delete temporaries of earlier writes of this target whose writer no longer runs
    (and, after ten minutes, the ``.<name>.XXXXXXXX.tmp`` ones older versions left)."""
    prefix = temp_prefix(target_name)
    legacy = f".{target_name}."
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = folder / name
        if name.startswith(legacy) and _LEGACY.fullmatch(name[len(legacy):]):
            try:
                if time.time() - os.lstat(path).st_mtime > _LEGACY_AGE:
                    unlink_quietly(path)
            except OSError:
                pass
            continue
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        middle = name[len(prefix):-len(TEMP_SUFFIX)].split(".")
        if len(middle) != 2 or not middle[0].isdigit():
            continue
        with _active_lock:
            if str(path) in _active:
                continue
        pid = int(middle[0])
        if pid == os.getpid() or not _writer_alive(pid, path):
            unlink_quietly(path)


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
    except (OSError, OverflowError):  # e.g. another user's process
        return True
    return True


# ====================================================================== helpers
def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
        full_sync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_sync is not None:  # macOS: fsync alone does not reach the platters
            fcntl.fcntl(fd, full_sync)
    finally:
        os.close(fd)


def fsync_directory(folder: Path) -> None:
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


def unlink_quietly(path: Path) -> None:
    with suppress(OSError):
        os.unlink(path)


def reason(exc: BaseException) -> str:
    """The human part of an OS error, without Python decoration."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).rstrip(".") or type(exc).__name__


__all__ = ["TEMP_SUFFIX", "AtomicOutput", "OutputError", "ReadError", "check_output",
           "read_regular", "regular_file_error", "remove_stale_temporaries",
           "write_atomically", "write_beside"]
