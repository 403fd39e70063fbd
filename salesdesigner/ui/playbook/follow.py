"""The reader following a process in a team repository: what the rep sees of it.

A :class:`ProcessFollower` attaches to a :class:`PlaybookWindow`.  It shows the copy this
computer saved at once (if any), then asks the repository in a worker thread — a dead host
times out there, never in the window — and shows the latest published revision, or the
saved copy saying how old it is, or why there is nothing to show.  A line above the page
(:class:`FollowBanner`) says which, in the UI's language, from the presentation catalogue.

The password comes from the URL, ``PGPASSWORD`` or the credential store (the connection
looks there); otherwise the rep is asked, and it is kept in memory for this window only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from salesdesigner.model.process import Process
from salesdesigner.ui.playbook.window import PlaybookWindow

CONTEXT = "PlaybookFollow"
#: How often an open reader asks again for a newer revision.
CHECK_MINUTES = 15
POLL_MS = 50
#: Passwords asked for in a row before the reader gives up (and shows the copy).
PASSWORD_TRIES = 3

_STYLES = {
    "info": "color: #1F3A5F; background: #E8F0FA; border-bottom: 1px solid #C9D8EC;",
    "offline": "color: #5A4300; background: #FFF4D6; border-bottom: 1px solid #F0DC9C;",
    "error": "color: #7A1E1E; background: #FDE8E8; border-bottom: 1px solid #F2C4C4;",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def cache_folder() -> str:
    """Where followed processes are kept for offline use: the platform's cache folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return f"{base}/followed"


class FollowBanner(QLabel):
    """One line above the page: where the followed process stands (plain text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("playbookFollowBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def say(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ {_STYLES[kind]} padding: 6px 14px; }}")
        self.setVisible(bool(text))


class ProcessFollower(QObject):
    """Keeps ``window`` on the latest published revision of ``source`` (a
    :class:`~salesdesigner.storage.repository.following.Source`), offline-capable."""

    def __init__(self, window: PlaybookWindow, source: Any, cache_dir: str) -> None:
        super().__init__(window)
        from salesdesigner.storage.repository.following import PlaybookCache
        self.window = window
        self.source = source
        self.cache = PlaybookCache(cache_dir)
        self.last: Any = None  # the last check's Followed
        self.ask_password: Callable[[Any], str | None] = self._ask_password
        self._tries = 0
        self._waiting: list[Any] | None = None  # the worker's result box while it runs
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._again = QTimer(self)
        self._again.setInterval(CHECK_MINUTES * 60_000)
        self._again.timeout.connect(self.check)
        self.banner = _banner_of(window)
        window.installEventFilter(self)

    # ------------------------------------------------------------------ checking
    def start(self) -> None:
        """Show the saved copy now (if there is one), then check the repository."""
        cached = self.cache.load(self.source)
        if cached is not None:
            self._show_process(cached.process)
            self._say(_line("checking", where=self.source.where), "info")
        else:
            self._say(_line("connecting", where=self.source.where), "info")
        self.check()
        self._again.start()

    @property
    def busy(self) -> bool:
        return self._waiting is not None

    def check(self) -> None:
        """Ask the repository for the latest revision, off the UI thread."""
        if self._waiting is not None:
            return
        from salesdesigner.storage.repository.following import follow
        box: list[Any] = []
        self._waiting = box
        source, cache = self.source, self.cache

        def work() -> None:
            try:
                box.append(follow(source, cache))
            except BaseException as exc:  # noqa: BLE001 - reported in the window
                box.append(exc)

        threading.Thread(target=work, name="salesdesigner-follow", daemon=True).start()
        self._poll.start()

    def _collect(self) -> None:
        box = self._waiting
        if not box:
            return
        self._poll.stop()
        self._waiting = None
        result = box[0]
        if isinstance(result, BaseException):
            from salesdesigner.storage.repository.errors import RepositoryError
            if not isinstance(result, Exception):
                raise result
            result = _unexpected(self.source, RepositoryError(
                f"{type(result).__name__}: {' '.join(str(result).split())[:200]}"))
        self._apply(result)

    def _apply(self, followed: Any) -> None:
        from salesdesigner.storage.repository.errors import AuthenticationFailed
        from salesdesigner.storage.repository.following import OFFLINE, STALE, UNAVAILABLE
        if (isinstance(followed.error, AuthenticationFailed) and self._tries < PASSWORD_TRIES
                and (not self.source.has_password or self._tries)):
            self._tries += 1
            password = self.ask_password(self.source)
            if password:
                self.source = self.source.with_password(password)
                self.check()
                return
        if followed.error is None or followed.state not in (STALE, UNAVAILABLE):
            self._tries = 0
        self.last = followed
        if followed.process is not None:
            self._show_process(followed.process)
        kind = {OFFLINE: "offline", STALE: "offline", UNAVAILABLE: "error"}.get(
            followed.state, "info")
        self._say(self._text(), kind)

    def _text(self) -> str:
        from salesdesigner.storage.repository.following import follow_line
        from salesdesigner.ui.i18n import current_language
        return follow_line(self.last, current_language()) if self.last is not None else ""

    def _show_process(self, process: Process) -> None:
        self.window.empty_message = None
        self.window.set_process(process, self.source.process_id)

    def _say(self, text: str, kind: str) -> None:
        """The line above the page; with nothing to read yet, the page says it instead."""
        self.banner.kind = kind
        if self.window.process.stage_ids:
            self.banner.say(text, kind)
            return
        self.banner.say("", kind)
        self.window.empty_message = text
        self.window.refresh()

    # ------------------------------------------------------------------ password
    def _ask_password(self, source: Any) -> str | None:
        label = (_tr("Password of %1 for the team repository at %2:")
                 .replace("%1", source.user or "?").replace("%2", source.where))
        if self._tries > 1:
            label = _tr("The password was refused.") + "\n" + label
        text, ok = QInputDialog.getText(self.window, _tr("Team Repository Password"), label,
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    # ------------------------------------------------------------------ life
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.LanguageChange:
            if self.last is not None:
                self._say(self._text(), self.banner.kind)
        elif watched is self.window and kind == QEvent.Type.Close:
            self.stop()
        return False

    def stop(self) -> None:
        """Stop checking (the window closes); a check still running is left to end alone."""
        self._again.stop()
        self._poll.stop()
        self._waiting = None


def _line(key: str, **values: object) -> str:
    from salesdesigner.model.presentation import words_for
    from salesdesigner.ui.i18n import current_language
    return words_for(current_language(), "follow")(key, **values)


def _unexpected(source: Any, error: Any) -> Any:
    from salesdesigner.storage.repository.following import UNAVAILABLE, Followed
    return Followed(UNAVAILABLE, source, None, error=error)


def _banner_of(window: PlaybookWindow) -> FollowBanner:
    """The window's banner, added under its top bar the first time."""
    found = window.findChild(FollowBanner)
    if found is not None:
        return found
    banner = FollowBanner()
    layout = window.centralWidget().layout()
    layout.insertWidget(1, banner)
    return banner


# ---------------------------------------------------------------------- the File menu
def follow_source(window: PlaybookWindow, text: str, cache_dir: str | None = None
                  ) -> ProcessFollower | None:
    """Make ``window`` follow ``text`` (``postgresql://…/DB/PROCESS_ID``); a bad address
    is said in a dialog and changes nothing."""
    from salesdesigner.model.errors import UserError
    from salesdesigner.storage.repository.following import Source
    try:
        source = Source.parse(text)
    except UserError as exc:
        _error(window, _tr("This is not a team repository process."), str(exc))
        return None
    old = window.findChild(ProcessFollower)
    if old is not None:
        old.stop()
        old.deleteLater()
    follower = ProcessFollower(window, source, cache_dir or cache_folder())
    from salesdesigner.ui.settings import Settings
    Settings().followed_process = source.shown()  # no password, ever
    follower.start()
    menu = window.findChild(ReaderFileMenu)
    if menu is not None:
        menu.retranslate()  # "Check for a Newer Revision" applies now
    return follower


def _error(parent: QWidget, heading: str, detail: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "SalesDesigner", f"{heading}\n\n{detail}",
                      parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class ReaderFileMenu(QObject):
    """The stand-alone reader's File menu: follow a repository process, check now, close."""

    def __init__(self, window: PlaybookWindow, cache_dir: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu("")
        self.follow = QAction(window)
        self.follow.triggered.connect(lambda: _ask_and_follow(window, cache_dir))
        self.check = QAction(window)
        self.check.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.check.triggered.connect(lambda: _check_now(window))
        self.close = QAction(window)
        self.close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close.triggered.connect(window.close)
        self.menu.addAction(self.follow)
        self.menu.addAction(self.check)
        self.menu.addSeparator()
        self.menu.addAction(self.close)
        window.addAction(self.check)  # F5 works with the menu closed
        self.menu.aboutToShow.connect(self.retranslate)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(_tr("&File"))
        self.follow.setText(_tr("&Follow a Team Repository Process…"))
        self.check.setText(_tr("&Check for a Newer Revision"))
        self.close.setText(_tr("&Close"))
        self.check.setEnabled(self.window.findChild(ProcessFollower) is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install_file_menu(window: PlaybookWindow, cache_dir: str | None = None) -> ReaderFileMenu:
    """Give the stand-alone reader its File menu (the editor's View ▸ Playbook has none)."""
    menu = ReaderFileMenu(window, cache_dir)
    window.follow_actions = (menu.follow, menu.check, menu.close)  # type: ignore[attr-defined]
    return menu


def _check_now(window: PlaybookWindow) -> None:
    follower = window.findChild(ProcessFollower)
    if follower is not None:
        follower._say(_line("checking", where=follower.source.where), "info")
        follower.check()


def _ask_and_follow(window: PlaybookWindow, cache_dir: str | None) -> None:
    from salesdesigner.ui.settings import Settings
    settings = Settings()
    last = settings.followed_process
    if not last and settings.repository_connection.get("host"):
        c = settings.repository_connection  # the designer's connection (Preferences)
        last = (f"postgresql://{c['user']}@{c['host']}:{c['port'] or 5432}/"
                f"{c['database']}/")
    text, ok = QInputDialog.getText(
        window, _tr("Follow a Team Repository Process"),
        _tr("The process's address in the team repository, "
            "postgresql://USER@HOST:PORT/DATABASE/PROCESS_ID\n"
            "(the reader shows its latest published revision and keeps a copy for "
            "offline use):"), QLineEdit.EchoMode.Normal, last)
    if ok and text.strip():
        follow_source(window, text.strip(), cache_dir)


__all__ = ["CHECK_MINUTES", "FollowBanner", "ProcessFollower", "ReaderFileMenu",
           "cache_folder", "follow_source", "install_file_menu"]
