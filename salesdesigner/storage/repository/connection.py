"""Connecting to a repository named by its SQLAlchemy URL, ``postgresql://user@host:port/db``.

The password comes from the URL, else ``PGPASSWORD`` (libpq reads it itself), else the
platform's credential store through ``keyring`` (service ``salesdesigner``, user name
``user@host:port/db``), imported only then and only if installed.  It is never put in a
message: places are named ``host:port/db``.  Each operation is one transaction on its own
connection (no pool: a server restarted between two operations is just reconnected).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from salesdesigner.storage.repository.errors import RepositoryError, translate

KEYRING_SERVICE = "salesdesigner"
#: Seconds to wait for the server to answer a connection (an unplugged network would
#: otherwise hang the command for minutes).
CONNECT_TIMEOUT = 10


@dataclass
class Target:
    """Where a repository is: the engine, a printable place, the user, the password."""

    engine: Any
    where: str
    user: str
    secret: str | None


def split_process_url(text: str) -> tuple[str, str]:
    """``postgresql://…/DB/PROCESS_ID`` → (the repository's URL, the process id); the id
    may be percent-encoded (``%2F`` for a slash in it)."""
    from urllib.parse import unquote
    head, _, query = text.partition("?")
    base, slash, pid = head.rstrip("/").rpartition("/")
    if not slash or "://" not in base or base.endswith("/") or base.count("/") < 3 \
            or not pid:
        raise RepositoryError.said("name_the_process")
    return base + (f"?{query}" if query else ""), unquote(pid)


def keyring_name(user: str, host: str, port: int | None, database: str) -> str:
    return f"{user}@{host}:{port or 5432}/{database}"


def _keyring_password(name: str) -> str | None:
    try:
        import keyring  # optional: the platform's credential store
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, name)
    except Exception:  # noqa: BLE001 - no backend, locked store, no session bus
        return None


def open_target(url: str) -> Target:
    """The engine for ``url`` (nothing is connected yet); a bad URL is a RepositoryError."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    from sqlalchemy.pool import NullPool
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise RepositoryError.said("bad_url") from None
    if parsed.get_backend_name() != "postgresql":
        raise RepositoryError.said("not_postgresql", scheme=parsed.drivername)
    if not parsed.database:
        raise RepositoryError.said("no_database")
    host = parsed.host or "localhost"
    user = parsed.username or os.environ.get("PGUSER", "")
    where = f"{host}:{parsed.port or 5432}/{parsed.database}"
    if parsed.password is None and not os.environ.get("PGPASSWORD") and user:
        found = _keyring_password(keyring_name(user, host, parsed.port, parsed.database))
        if found:
            parsed = parsed.set(password=found)
    secret = None if parsed.password is None else str(parsed.password)
    query = dict(parsed.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    query.setdefault("application_name", "salesdesigner")
    parsed = parsed.set(drivername="postgresql+psycopg", query=query)
    try:
        engine = create_engine(parsed, poolclass=NullPool)
    except ImportError:
        raise RepositoryError.said("no_driver") from None
    return Target(engine, where, user, secret)


@contextmanager
def transaction(target: Target) -> Iterator[Any]:
    """One transaction on a new connection; commits at the end, rolls back on an error.

    Yields the SQLAlchemy connection; driver and SQLAlchemy errors come out as
    :class:`RepositoryError` (unreachable before connecting, lost after)."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError
    connected = False
    try:
        with target.engine.connect() as conn:
            connected = True
            with conn.begin():
                yield conn
    except RepositoryError:
        raise
    except (DBAPIError, SQLAlchemyError, OSError) as exc:
        raise translate(exc, target.where, connected=connected, secret=target.secret,
                        user=target.user) from None
    except Exception as exc:
        if type(exc).__module__.startswith("psycopg"):
            raise translate(exc, target.where, connected=connected, secret=target.secret,
                            user=target.user) from None
        raise


def driver(conn: Any) -> Any:
    """The psycopg connection under a SQLAlchemy one (for COPY)."""
    return conn.connection.driver_connection


__all__ = ["KEYRING_SERVICE", "Target", "driver", "keyring_name", "open_target",
           "split_process_url", "transaction"]
