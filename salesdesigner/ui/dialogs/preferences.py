"""The user's preferences (stored with QSettings) and the dialog that edits them.

Every key the application keeps between runs is named here once, so the window, the
document controller and the translator agree on them.  Settings are always kept in an
INI file in the user scope: tests redirect it with ``QSettings.setPath``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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


class PreferencesDialog(QDialog):
    """Language and autosave interval.  A new language applies at once to every open
    window (see :func:`salesdesigner.ui.i18n.install_translators`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = Settings()

        self.language = QComboBox()
        self.language.addItem("", "")
        self.language.addItem("English", "en")
        self.language.addItem("日本語 (Japanese)", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))

        self.autosave = QSpinBox()
        self.autosave.setRange(0, 3600)
        self.autosave.setSingleStep(15)
        self.autosave.setValue(self.settings.autosave_seconds)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.autosave_label = QLabel()
        self.autosave_label.setBuddy(self.autosave)

        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow("", self.note)
        form.addRow(self.autosave_label, self.autosave)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language.setItemText(0, self.tr("System default"))
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setSpecialValueText(self.tr("Off"))
        self.note.setText(self.tr("The whole window switches language as soon as you click OK; "
                                  "your document and its undo history stay as they are."))
        self.language_label.setText(self.tr("&Language:"))
        self.autosave_label.setText(self.tr("&Autosave unsaved work every:"))

    def accept(self) -> None:
        changed = self.language.currentData() != self.settings.language
        self.settings.language = self.language.currentData()
        self.settings.autosave_seconds = self.autosave.value()
        self.settings.sync()
        super().accept()
        if changed:
            from salesdesigner.ui.i18n import install_translators
            install_translators()  # every open window retranslates itself now
