"""The Preferences dialog: language and autosave interval (stored by
:class:`~salesdesigner.ui.settings.Settings`) and the team repository's connection."""

from __future__ import annotations

from PySide6.QtCore import QEvent
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

from salesdesigner.ui.settings import Settings


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
        from salesdesigner.ui.repository.preferences import ConnectionFields
        self.repository = ConnectionFields()
        layout.addWidget(self.repository)
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
        self.repository.store()
        self.settings.sync()
        super().accept()
        if changed:
            from salesdesigner.ui.i18n import install_translators
            install_translators()  # every open window retranslates itself now
