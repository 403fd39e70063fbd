"""Process ▸ Publish Revision…: number (the next one proposed), title, date, author, note."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.process import Process
from salesdesigner.model.revision import MAX_TEXT, next_number
from salesdesigner.storage.revision_rows import MAX_NUMBER
from salesdesigner.ui.settings import Settings


class PublishDialog(QDialog):
    """Asks what the revision is and why; OK stays disabled until it has a title.

    The author defaults to the name typed last time, else the account's full name.
    ``repository``: publishing to the team repository, which numbers and dates the
    revision itself (those fields are hidden)."""

    def __init__(self, process: Process, parent: QWidget | None = None, *,
                 repository: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("publishRevisionDialog")
        self.setWindowTitle(self.tr("Publish to Team Repository") if repository
                            else self.tr("Publish Revision"))
        lowest = next_number(process.revisions)
        self.number = QSpinBox()
        self.number.setRange(lowest, MAX_NUMBER)
        self.number.setValue(lowest)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(1000)
        self.title_edit.setPlaceholderText(self.tr("e.g. New proposal scripts, Q2 targets"))
        self.date = QDateTimeEdit(QDateTime.currentDateTime())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        from salesdesigner.storage.revisions import default_author
        self.author = QLineEdit(Settings().revision_author or default_author())
        self.author.setMaxLength(200)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why this revision: what the numbers showed, "
                                             "what changed for the team"))
        self.note.setTabChangesFocus(True)
        intro = QLabel(self.tr(
            "Publishing saves your changes to the team repository, then makes this version "
            "the one trainers and reps see, unchangeable. The team's deal data is not part "
            "of a revision.") if repository else self.tr(
            "Publishing saves the document and keeps this version of the process in it, "
            "unchangeable. The team's deal data is not part of a revision."))
        intro.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Revision number:"), self.number)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Published:"), self.date)
        form.addRow(self.tr("Author:"), self.author)
        form.addRow(self.tr("Note:"), self.note)
        if repository:
            form.setRowVisible(self.number, False)
            form.setRowVisible(self.date, False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._update_ok)
        self.note.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(560, 420)

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.title_edit.text().strip())
                           and len(self.note.toPlainText()) <= MAX_TEXT)

    def values(self) -> dict[str, Any]:
        """The arguments of :func:`~salesdesigner.storage.revisions.make_revision`."""
        when: datetime = self.date.dateTime().toPython()
        return {"title": self.title_edit.text().strip(), "author": self.author.text().strip(),
                "note": self.note.toPlainText().strip(), "number": self.number.value(),
                "published_at": when.replace(microsecond=0)}

    def remember_author(self) -> None:
        Settings().revision_author = self.author.text().strip()
