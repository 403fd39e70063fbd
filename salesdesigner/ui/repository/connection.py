"""The team repository's connection as the designer keeps it: host, port, database and
user in the settings file, the password only in the platform's credential store
(``keyring``, imported on first use) — or, without one, asked once per session and kept
in memory.  Never in QSettings, never in a message or a log.

The keyring entry is the one the CLI reads (:func:`~salesdesigner.storage.repository.
connection.keyring_name`), so a password saved here also serves ``salesdesigner repo``.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from salesdesigner.ui.settings import Settings

if TYPE_CHECKING:
    from salesdesigner.storage.repository.store import Repository

DEFAULT_PORT = 5432
#: Passwords typed this session when there is no credential store (key: keyring name).
_session_passwords: dict[str, str] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamRepository", text)


@dataclass(frozen=True)
class ConnectionSettings:
    """Where the team repository is (no password: see :func:`password_for`)."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    @property
    def complete(self) -> bool:
        return bool(self.host.strip() and self.database.strip() and self.user.strip())

    @property
    def where(self) -> str:
        """The place as titles and messages name it (``host:port/db``)."""
        return f"{self.host}:{self.port}/{self.database}"

    @property
    def keyring_name(self) -> str:
        from salesdesigner.storage.repository.connection import keyring_name
        return keyring_name(self.user, self.host, self.port, self.database)

    def url(self, password: str | None) -> str:
        """The SQLAlchemy URL, every part quoted (a password may hold ``@:/%``)."""
        secret = "" if password is None else ":" + quote(password, safe="")
        return (f"postgresql://{quote(self.user, safe='')}{secret}@{self.host}:{self.port}/"
                f"{quote(self.database, safe='')}")

    # ---------------------------------------------------------------- persistence
    @classmethod
    def load(cls) -> ConnectionSettings:
        raw = Settings().repository_connection
        try:
            port = int(raw.get("port") or DEFAULT_PORT)
        except ValueError:
            port = DEFAULT_PORT
        return cls(raw.get("host", ""), port if 0 < port < 65536 else DEFAULT_PORT,
                   raw.get("database", ""), raw.get("user", ""))

    def store(self) -> None:
        settings = Settings()
        settings.repository_connection = {"host": self.host.strip(), "port": str(self.port),
                                          "database": self.database.strip(),
                                          "user": self.user.strip()}
        settings.sync()


# -------------------------------------------------------------------- passwords
def _keyring():  # type: ignore[no-untyped-def]
    """The keyring module, or None when it is not installed."""
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def keyring_available() -> bool:
    """Whether passwords can go to a credential store: keyring is installed *and* found
    a backend (a Linux without a Secret Service, a container: it has none)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        from keyring.backends.fail import Keyring as NoBackend
        return not isinstance(keyring.get_keyring(), NoBackend)
    except Exception:  # noqa: BLE001 - a broken backend is no backend
        return False


def stored_password(conn: ConnectionSettings) -> str | None:
    """The password from this session or the credential store, if there is one."""
    if conn.keyring_name in _session_passwords:
        return _session_passwords[conn.keyring_name]
    keyring = _keyring()
    if keyring is None:
        return None
    from salesdesigner.storage.repository.connection import KEYRING_SERVICE
    try:
        return keyring.get_password(KEYRING_SERVICE, conn.keyring_name)
    except Exception:  # noqa: BLE001 - no backend, locked store: ask instead
        return None


def remember_password(conn: ConnectionSettings, password: str) -> None:
    """Keep the password for this session and, when there is one, in the credential store."""
    _session_passwords[conn.keyring_name] = password
    keyring = _keyring()
    if keyring is None:
        return
    from salesdesigner.storage.repository.connection import KEYRING_SERVICE
    with suppress(Exception):  # no backend, locked store: the session copy still serves
        keyring.set_password(KEYRING_SERVICE, conn.keyring_name, password)


def forget_password(conn: ConnectionSettings) -> None:
    """Drop a password the server refused (it is asked again next time)."""
    _session_passwords.pop(conn.keyring_name, None)
    keyring = _keyring()
    if keyring is None:
        return
    from salesdesigner.storage.repository.connection import KEYRING_SERVICE
    with suppress(Exception):  # nothing stored, or no backend
        keyring.delete_password(KEYRING_SERVICE, conn.keyring_name)


def ask_password(parent: QWidget | None, conn: ConnectionSettings) -> str | None:
    """Ask for the password (hidden while typed); None when the user cancels."""
    text, ok = QInputDialog.getText(
        parent, _tr("Team Repository Password"),
        _tr("Password for {user} at {where}:").format(user=conn.user, where=conn.where),
        QLineEdit.EchoMode.Password)
    return text if ok else None


# -------------------------------------------------------------------- connecting
def show_repository_error(parent: QWidget | None, error: BaseException) -> None:
    """One dialog per kind of failure, its title saying which; never a traceback."""
    from salesdesigner.storage.repository import errors
    titles = [(errors.Unreachable, _tr("Cannot Reach the Repository Server")),
              (errors.AuthenticationFailed, _tr("Authentication Failed")),
              (errors.PermissionDenied, _tr("Permission Denied")),
              (errors.ConnectionLost, _tr("Connection Lost"))]
    title = next((t for kind, t in titles if isinstance(error, kind)),
                 _tr("Team Repository Error"))
    from salesdesigner.ui.i18n import current_language
    # one line in the UI's language: the catalogue's message (the command line's too),
    # else the English one behind what happened, in the UI's words
    language = current_language()
    text = (error.localized(language) if isinstance(error, errors.RepositoryError)
            else str(error))
    if language != "en" and text == str(error):
        text = _tr("{title}: {detail}").format(title=title, detail=text)
    QMessageBox.critical(parent, title, text)


def connection_url(parent: QWidget | None, conn: ConnectionSettings | None = None
                   ) -> tuple[ConnectionSettings, str] | None:
    """The team repository (``conn``, else the preferences') and its URL with the password
    (asked if neither this session nor the credential store has it); None (after a
    dialog) when it is not set up or the user cancels.  Nothing is connected yet: that is
    the worker's job (:mod:`.background`)."""
    conn = conn or ConnectionSettings.load()
    if not conn.complete:
        QMessageBox.information(parent, _tr("No Team Repository"), _tr(
            "Set up the team repository's server, database and user first "
            "(File ▸ Preferences…)."))
        return None
    password = stored_password(conn)
    if password is None:
        password = ask_password(parent, conn)
        if password is None:
            return None
        remember_password(conn, password)
    return conn, conn.url(password)


def connect(parent: QWidget | None) -> Repository | None:
    """The team repository of the preferences (see :func:`connection_url`)."""
    from salesdesigner.storage.repository.errors import RepositoryError
    from salesdesigner.storage.repository.store import Repository
    found = connection_url(parent)
    if found is None:
        return None
    try:
        return Repository(found[1])
    except RepositoryError as exc:
        show_repository_error(parent, exc)
        return None


def report(parent: QWidget | None, error: BaseException,
           conn: ConnectionSettings | None = None) -> None:
    """Show a repository error; a refused password (for ``conn``, else the preferences'
    connection) is forgotten so it is asked again."""
    from salesdesigner.storage.repository.errors import AuthenticationFailed
    if isinstance(error, AuthenticationFailed):
        forget_password(conn or ConnectionSettings.load())
    show_repository_error(parent, error)


__all__ = ["ConnectionSettings", "ask_password", "connect", "connection_url", "forget_password",
           "keyring_available", "remember_password", "report", "show_repository_error",
           "stored_password"]
