"""What can go wrong with a repository, each a :class:`RepositoryError` of one line.

The driver's exceptions are turned into these by :func:`translate`: the SQL, the
parameters and the password never reach a message (the password is also cut out of any
server text quoted, in case a server echoed it).
"""

from __future__ import annotations

from datetime import datetime

from salesdesigner.model.errors import UserError


class RepositoryError(UserError):
    """A repository operation failed; the message says why in one line.

    Made with :meth:`said`, it also knows its catalogue key and values, so the command
    line and the reader can say it in Japanese (:meth:`localized`); ``str()`` is English."""

    key: str | None = None
    values: dict[str, object] = {}  # noqa: RUF012 - replaced per instance, never mutated

    @classmethod
    def said(cls, key: str, **values: object) -> RepositoryError:
        """The error whose message is the catalogue's ``repo.<key>`` entry."""
        error = cls(_words("en")(key, **values))
        error.key, error.values = key, values
        return error

    def localized(self, language: str | None) -> str:
        """The message in ``language`` (English when it has no catalogue entry)."""
        if self.key is None:
            return str(self)
        values = {k: (v.localized(language) if isinstance(v, _Part) else v)
                  for k, v in self.values.items()}
        return _words(language)(self.key, **values)


class _Part:
    """A catalogue phrase inside a message (" for alice", " at 12:00"), said in the
    message's language."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def localized(self, language: str | None) -> str:
        return _words(language)(self.key, **self.values)

    def __format__(self, spec: str) -> str:
        return format(self.localized("en"), spec)


def _words(language: str | None):  # type: ignore[no-untyped-def]
    from salesdesigner.model.presentation import words_for
    return words_for(language, "repo")


class Unreachable(RepositoryError):
    """No connection to the server (down, wrong host or port, firewall, timeout)."""


class AuthenticationFailed(RepositoryError):
    """The server refused the user name or password."""


class PermissionDenied(RepositoryError):
    """The database role may not do this (a reader writing, a reader opening a draft)."""


class NotARepository(RepositoryError):
    """The database holds no SalesDesigner repository (``repo init`` was never run)."""


class NoSuchProcess(RepositoryError):
    """The repository holds no process of that id."""


class NotPublished(RepositoryError):
    """The process exists but has no published revision yet."""


class ConnectionLost(RepositoryError):
    """The connection broke during an operation; the transaction did not commit."""


class VersionConflict(RepositoryError):
    """Someone saved the process after the version this save started from.

    Nothing was written; ``theirs`` is the repository's version, ``saved_by`` and
    ``saved_at`` say who and when, so the designer can offer reload, save as a copy or
    compare."""

    def __init__(self, process_id: str, yours: int | None, theirs: int, saved_by: str,
                 saved_at: datetime | None) -> None:
        self.process_id, self.yours, self.theirs = process_id, yours, theirs
        self.saved_by, self.saved_at = saved_by, saved_at
        when = _Part("conflict_when", when=f"{saved_at:%Y-%m-%d %H:%M}") if saved_at else ""
        self.key = "conflict_exists" if yours is None else "conflict"
        self.values = {"process": _shown(process_id), "theirs": theirs, "yours": yours,
                       "saved_by": saved_by, "when": when}
        super().__init__(_words("en")(self.key, **self.values))


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= limit else text[:limit] + "…")


def shown(text: str) -> str:
    """A user's id or name for a message: quoted, on one line, cut short."""
    return _shown(text)


def _reason(text: str, secret: str | None) -> str:
    """The server's or libpq's own words, one line, without the password."""
    if secret:
        text = text.replace(secret, "***")
    for line in text.splitlines():
        line = line.strip()
        if line:
            line = line.split(" failed: ")[-1].removeprefix("FATAL:").strip()
            return line[:200].rstrip(".")
    return "no reason given"


def translate(exc: BaseException, where: str, *, connected: bool,
              secret: str | None = None, user: str = "") -> RepositoryError:
    """The :class:`RepositoryError` for a driver or SQLAlchemy exception.

    ``connected``: whether the connection had been made (a broken one then means the
    operation was cut off, not that the server is unreachable)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig)
    lowered = text.lower()
    if state in ("28P01", "28000") or "password authentication failed" in lowered \
            or "no password supplied" in lowered:
        who = _Part("auth_who", user=user) if user else ""
        return AuthenticationFailed.said("auth_failed", who=who, where=where)
    if state == "42501" or "permission denied" in lowered:
        return PermissionDenied.said("permission_denied", where=where,
                                     reason=_reason(text, secret))
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return RepositoryError.said("server_said", where=where, reason=_reason(text, secret))
    if state in ("3F000", "42P01"):
        return NotARepository.said("not_a_repository", where=where)
    # psycopg's OperationalError or a subclass of it (ConnectionTimeout: a server that
    # accepts the connection and never answers)
    operational = any(c.__name__ == "OperationalError" for c in type(orig).__mro__)
    if state.startswith(("08", "57")) or operational:
        if connected:
            return ConnectionLost.said("connection_lost", where=where,
                                       reason=_reason(text, secret))
        return Unreachable.said("unreachable", where=where, reason=_reason(text, secret))
    return RepositoryError.said("server_said", where=where, reason=_reason(text, secret))


__all__ = ["AuthenticationFailed", "ConnectionLost", "NoSuchProcess", "NotARepository",
           "NotPublished", "PermissionDenied", "RepositoryError", "Unreachable",
           "VersionConflict", "shown", "translate"]
