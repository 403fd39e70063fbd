"""A rep's reader following a process in a team repository, offline-capable (no Qt).

:func:`follow` asks the repository for the process's latest published revision and keeps
it in a local cache — an ordinary ``*.salesdesign`` file written by the document writer,
one per followed process — so that when the server cannot be reached the reader opens the
copy saved the last time it could, and says how old it is.  The cache file holds the
process and its published revisions only: never the repository's URL or a password (the
file name is a digest of the place and the process id).  The file's modification time is
when this computer last fetched or confirmed it ("saved here 3 days ago").

:func:`follow_line` says where the reader stands in one line of the presentation
catalogue ("Offline — showing the version published on …, saved here 3 days ago").
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from salesdesigner.model.process import Process
from salesdesigner.model.revision import RevisionInfo
from salesdesigner.storage.repository.connection import split_process_url
from salesdesigner.storage.repository.errors import (
    ConnectionLost,
    RepositoryError,
    Unreachable,
)

#: The states a followed process can be in after a check (see :class:`Followed`).
ONLINE, UPDATED, OFFLINE, STALE, UNAVAILABLE = ("online", "updated", "offline", "stale",
                                                "unavailable")


@dataclass(frozen=True)
class Source:
    """A followed process: the repository's URL (as given: it may hold a password, kept in
    memory only) and the process id."""

    url: str
    process_id: str

    @classmethod
    def parse(cls, text: str) -> Source:
        """``postgresql://USER@HOST:PORT/DB/PROCESS_ID`` (RepositoryError if it is not)."""
        url, process_id = split_process_url(text.strip())
        return cls(url, process_id)

    @property
    def where(self) -> str:
        """``host:port/db``: how messages name the place (never the password)."""
        return _parts(self.url)[0]

    @property
    def user(self) -> str:
        return _parts(self.url)[1]

    @property
    def has_password(self) -> bool:
        return _parts(self.url)[2]

    def shown(self) -> str:
        """The source as the user may see and the settings may keep: no password."""
        from urllib.parse import quote

        from sqlalchemy.engine import make_url
        try:
            bare = make_url(self.url)._replace(password=None).render_as_string()
        except Exception:  # noqa: BLE001 - parse() already checked it; never leak the URL
            return self.where
        base, _, query = bare.partition("?")
        return f"{base}/{quote(self.process_id, safe='')}" + (f"?{query}" if query else "")

    def with_password(self, password: str) -> Source:
        """The same source with ``password`` (asked for; kept in memory only)."""
        from sqlalchemy.engine import make_url
        url = make_url(self.url).set(password=password).render_as_string(hide_password=False)
        return Source(url, self.process_id)

    @property
    def key(self) -> str:
        """The cache's name for it: the same for every password, user-independent."""
        text = f"{self.where}\x00{self.user}\x00{self.process_id}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _parts(url: str) -> tuple[str, str, bool]:
    from sqlalchemy.engine import make_url
    parsed = make_url(url)
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
    user = parsed.username or os.environ.get("PGUSER", "")
    return where, user, parsed.password is not None


@dataclass(frozen=True)
class Cached:
    """A process as the cache holds it, and when this computer saved it."""

    process: Process
    saved_at: datetime

    @property
    def revision(self) -> RevisionInfo | None:
        return self.process.revisions[-1].info if self.process.revisions else None


class PlaybookCache:
    """The followed processes' copies in ``directory`` (the reader passes the platform's
    cache folder; tests a temporary one)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def path(self, source: Source) -> Path:
        return self.directory / f"{source.key}.salesdesign"

    def load(self, source: Source) -> Cached | None:
        """The saved copy, or None (never saved, or unreadable: then it is as if never)."""
        from salesdesigner.storage.document import DocumentError, open_document
        path = self.path(source)
        try:
            saved_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            return Cached(open_document(path), saved_at)
        except (OSError, DocumentError):
            return None

    def store(self, source: Source, process: Process) -> None:
        """Save ``process`` as the copy (atomically: the old copy or the new, never half)."""
        from salesdesigner.storage.document import save_document
        self.directory.mkdir(parents=True, exist_ok=True)
        save_document(process, self.path(source), force=True)

    def touch(self, source: Source) -> None:
        """The copy was confirmed current just now."""
        with contextlib.suppress(OSError):
            os.utime(self.path(source))


@dataclass(frozen=True)
class Changes:
    """What a newer revision changed for a reader, counted in stages."""

    changed: int
    added: int
    removed: int


@dataclass(frozen=True)
class Followed:
    """The outcome of one check.

    ``state``: ONLINE (the repository's latest revision, the copy already had it), UPDATED
    (a newer revision than the copy's, now saved; ``previous`` and ``changes`` say what it
    replaced), OFFLINE (the server could not be reached: the copy), STALE (the server
    answered with an error, ``error``: the copy), UNAVAILABLE (an error and no copy:
    ``process`` is None)."""

    state: str
    source: Source
    process: Process | None
    revision: RevisionInfo | None = None
    saved_at: datetime | None = None
    previous: RevisionInfo | None = None
    changes: Changes | None = None
    error: RepositoryError | None = None


def follow(source: Source, cache: PlaybookCache) -> Followed:
    """Check the repository for the latest published revision; fall back on the copy.

    Slow when the server is down (the connection's timeout): run it off the UI thread."""
    from salesdesigner.storage.repository.store import Repository
    try:
        repo = Repository(source.url)
        try:
            pulled = repo.pull(source.process_id, published=True)
        finally:
            repo.close()
    except RepositoryError as exc:
        cached = cache.load(source)
        if cached is None:
            return Followed(UNAVAILABLE, source, None, error=exc)
        state = OFFLINE if isinstance(exc, (Unreachable, ConnectionLost)) else STALE
        return Followed(state, source, cached.process, cached.revision, cached.saved_at,
                        error=exc)
    latest = pulled.process.revisions[-1].info
    old = cache.load(source)
    now = datetime.now(UTC)
    if old is not None and old.revision is not None and old.revision.number == latest.number:
        cache.touch(source)
        return Followed(ONLINE, source, pulled.process, latest, now)
    try:
        cache.store(source, pulled.process)
    except Exception as exc:  # noqa: BLE001 - a full disk must not hide the playbook
        return Followed(ONLINE, source, pulled.process, latest, None,
                        error=RepositoryError(f"the copy for offline use was not saved "
                                              f"({' '.join(str(exc).split())[:200]})"))
    if old is None or old.revision is None:
        return Followed(ONLINE, source, pulled.process, latest, now)
    return Followed(UPDATED, source, pulled.process, latest, now, old.revision,
                    _changes(old.process, pulled.process))


def _changes(old: Process, new: Process) -> Changes:
    from salesdesigner.model.compare import compare
    from salesdesigner.model.compare.changelog import change_log
    groups = change_log(compare(old, new), old, new)
    stages = [g for g in groups if g.kind == "stage"]
    removed = sum(len(g.lines) for g in groups if g.kind == "removed")
    return Changes(sum(not g.added for g in stages), sum(g.added for g in stages), removed)


# ---------------------------------------------------------------------- in words
def age_text(saved_at: datetime, now: datetime, language: str | None) -> str:
    """"just now", "5 minutes ago", "3 days ago" / "たった今", "5分前", "3日前"."""
    from salesdesigner.model.presentation import words_for
    w = words_for(language, "follow")
    seconds = max(0.0, (now - saved_at).total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        n = int(seconds // size)
        if n >= 1:
            return w(f"age_{unit}" if n == 1 else f"age_{unit}s", n=n)
    return w("age_now")


def changes_text(changes: Changes, language: str | None) -> str:
    from salesdesigner.model.presentation import words_for
    w = words_for(language, "follow")
    parts = [w(f"{what}_one" if n == 1 else f"{what}_many", n=n)
             for what, n in (("changed", changes.changed), ("added", changes.added),
                             ("removed", changes.removed)) if n]
    return w.join(parts) if parts else w("no_stage_changes")


def follow_line(followed: Followed, language: str | None,
                now: datetime | None = None) -> str:
    """Where the reader stands, in one line of ``language`` (the UI's)."""
    from salesdesigner.model.presentation import words_for
    w = words_for(language, "follow")
    now = now or datetime.now(UTC)
    where = followed.source.where
    reason = error_text(followed.error, language) if followed.error else ""
    if followed.state == UNAVAILABLE:
        return w("unavailable", reason=reason)
    info = followed.revision
    assert info is not None
    title = " ".join(info.title.split())[:80]
    date = w.date(info.published_at.date())
    if followed.state in (OFFLINE, STALE):
        age = age_text(followed.saved_at or now, now, language)
        key = "offline" if followed.state == OFFLINE else "stale"
        return w(key, date=date, age=age, reason=reason, number=info.number)
    if followed.state == UPDATED:
        assert followed.changes is not None and followed.previous is not None
        return w("updated", number=info.number, title=title, date=date,
                 previous=followed.previous.number,
                 changes=changes_text(followed.changes, language))
    line = w("online", number=info.number, title=title, date=date, where=where)
    if followed.error is not None:
        line += w("not_saved", reason=reason)
    return line


def error_text(error: RepositoryError, language: str | None) -> str:
    """A repository error in ``language`` when the catalogue has it, else as raised."""
    localized = getattr(error, "localized", None)
    text = localized(language) if callable(localized) else str(error)
    return " ".join(text.split())[:300]


__all__ = ["OFFLINE", "ONLINE", "STALE", "UNAVAILABLE", "UPDATED", "Cached", "Changes",
           "Followed", "PlaybookCache", "Source", "age_text", "changes_text", "error_text",
           "follow", "follow_line"]
