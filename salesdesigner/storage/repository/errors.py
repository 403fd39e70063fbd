"""What can go wrong with a repository, each a :class:`RepositoryError` of one line.

The driver's exceptions are turned into these by :func:`translate`: the SQL, the
parameters and the password never reach a message (the password is also cut out of any
server text quoted, in case a server echoed it).
"""

from __future__ import annotations

from datetime import datetime

from salesdesigner.model.errors import UserError


class RepositoryError(UserError):
    """A repository operation failed; the message says why in one line."""


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
        when = f" at {saved_at:%Y-%m-%d %H:%M}" if saved_at else ""
        if yours is None:
            text = (f"version conflict: the repository already holds process "
                    f"{_shown(process_id)} (version {theirs}, saved by {saved_by}{when}); "
                    "pull it first, or replace it on purpose")
        else:
            text = (f"version conflict: {saved_by} saved process {_shown(process_id)}{when} "
                    f"(version {theirs}) after your version {yours}; nothing was saved — "
                    "reload it, or save yours as a copy")
        super().__init__(text)


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
        who = f" for {user}" if user else ""
        return AuthenticationFailed(f"authentication failed{who} at {where}: check the user "
                                    "name and password")
    if state == "42501" or "permission denied" in lowered:
        return PermissionDenied(f"permission denied at {where}: {_reason(text, secret)} "
                                "(ask the administrator for the salesdesigner_editor role)")
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return RepositoryError(f"{where}: {_reason(text, secret)}")
    if state in ("3F000", "42P01"):
        return NotARepository(f"{where} is not a SalesDesigner repository (an administrator "
                              "creates one with: salesdesigner repo init URL)")
    if state.startswith(("08", "57")) or type(orig).__name__ == "OperationalError":
        if connected:
            return ConnectionLost(f"the connection to {where} was lost "
                                  f"({_reason(text, secret)}); nothing of this operation "
                                  "was saved, the repository keeps its last saved version")
        return Unreachable(f"cannot reach the repository server at {where} "
                           f"({_reason(text, secret)})")
    return RepositoryError(f"{where}: {_reason(text, secret)}")


__all__ = ["AuthenticationFailed", "ConnectionLost", "NoSuchProcess", "NotARepository",
           "NotPublished", "PermissionDenied", "RepositoryError", "Unreachable",
           "VersionConflict", "shown", "translate"]
