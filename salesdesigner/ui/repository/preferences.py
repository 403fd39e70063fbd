"""The Preferences dialog's "Team Repository" group: host, port, database, user and a
password field that goes to the credential store (or only to this session without one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from salesdesigner.ui.repository.connection import (
    DEFAULT_PORT,
    ConnectionSettings,
    keyring_available,
    remember_password,
)


class ConnectionFields(QGroupBox):
    """Edits :class:`ConnectionSettings`; :meth:`store` keeps them (OK in Preferences)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        conn = ConnectionSettings.load()
        self.host = QLineEdit(conn.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(conn.port or DEFAULT_PORT)
        self.database = QLineEdit(conn.database)
        self.user = QLineEdit(conn.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.user,
                                              self.password), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.note)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Team Repository (PostgreSQL)"))
        for label, text in zip(self.labels, (self.tr("&Server:"), self.tr("P&ort:"),
                                             self.tr("&Database:"), self.tr("&User:"),
                                             self.tr("Pass&word:")), strict=True):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("db.example.com"))
        self.password.setPlaceholderText(self.tr("unchanged"))
        self.note.setText(self.tr(
            "The password is kept in the system's credential store.") if keyring_available()
            else self.tr("No credential store is installed: the password is asked once per "
                         "session and never written to disk."))

    def connection(self) -> ConnectionSettings:
        return ConnectionSettings(self.host.text().strip(), self.port.value(),
                                  self.database.text().strip(), self.user.text().strip())

    def store(self) -> None:
        conn = self.connection()
        conn.store()
        if self.password.text() and conn.complete:
            remember_password(conn, self.password.text())
        self.password.clear()
