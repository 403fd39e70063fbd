"""The user's preferences, stored with QSettings: every key the application keeps between
runs is named here once, so the window, the document controller and the translator agree
on them.  Settings are always kept in an INI file in the user scope: tests redirect it
with ``QSettings.setPath``.

Plain Qt Core, no widgets: the translator reads the language before any window exists
(this class used to live in the Preferences dialog's module, an import cycle with
:mod:`salesdesigner.ui.i18n`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "SalesDesigner"
APPLICATION = "SalesDesigner"
MAX_RECENT = 10
DEFAULT_AUTOSAVE_SECONDS = 60
LANGUAGES = ("", "en", "ja")  # "" follows the system locale


class Settings:
    """Typed access to the persistent preferences."""

    def __init__(self) -> None:
        self._s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                            ORGANIZATION, APPLICATION)

    # language ---------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "")

    # autosave ---------------------------------------------------------
    @property
    def autosave_seconds(self) -> int:
        try:
            value = int(self._s.value("document/autosaveSeconds", DEFAULT_AUTOSAVE_SECONDS))
        except (TypeError, ValueError):
            value = DEFAULT_AUTOSAVE_SECONDS
        return max(0, value)

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._s.setValue("document/autosaveSeconds", max(0, int(value)))

    # who publishes revisions (the last name typed in Publish Revision) --------
    @property
    def revision_author(self) -> str:
        return str(self._s.value("revisions/author", "") or "")[:200]

    @revision_author.setter
    def revision_author(self, value: str) -> None:
        self._s.setValue("revisions/author", value[:200])

    # the team repository (no password here: the credential store keeps it) ----
    @property
    def repository_connection(self) -> dict[str, str]:
        return {key: str(self._s.value(f"repository/{key}", "") or "")[:300]
                for key in ("host", "port", "database", "user")}

    @repository_connection.setter
    def repository_connection(self, value: dict[str, str]) -> None:
        for key in ("host", "port", "database", "user"):
            self._s.setValue(f"repository/{key}", str(value.get(key, ""))[:300])

    @property
    def followed_process(self) -> str:
        """The repository process the reader followed last (its address, no password)."""
        return str(self._s.value("playbook/followed", "") or "")[:2000]

    @followed_process.setter
    def followed_process(self, value: str) -> None:
        self._s.setValue("playbook/followed", value[:2000])

    # first start ------------------------------------------------------
    @property
    def sample_shown(self) -> bool:
        return str(self._s.value("ui/sampleShown", "false")).lower() == "true"

    @sample_shown.setter
    def sample_shown(self, value: bool) -> None:
        self._s.setValue("ui/sampleShown", "true" if value else "false")

    # recent files -----------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self._s.value("document/recentFiles", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        self._s.setValue("document/recentFiles", list(dict.fromkeys(paths))[:MAX_RECENT])

    def add_recent_file(self, path: str) -> list[str]:
        paths = [path] + [p for p in self.recent_files if p != path]
        self.recent_files = paths
        return self.recent_files

    # window -----------------------------------------------------------
    def window_state(self) -> tuple[bytes | None, bytes | None]:
        return self._s.value("window/geometry"), self._s.value("window/state")

    def set_window_state(self, geometry: bytes, state: bytes) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
