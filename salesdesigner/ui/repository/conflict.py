"""The dialog for a save refused because someone else saved the process first: who, when,
and the three ways on (none of which loses either version)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.storage.repository.errors import VersionConflict


class ConflictDialog(QDialog):
    """``choice`` after exec: "reload", "copy", "compare" or "" (cancelled)."""

    def __init__(self, conflict: VersionConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RepositoryConflictDialog")
        self.conflict = conflict
        self.choice = ""
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.reload_button = QPushButton()
        self.copy_button = QPushButton()
        self.compare_button = QPushButton()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button, choice, role in (
                (self.compare_button, "compare", QDialogButtonBox.ButtonRole.ActionRole),
                (self.copy_button, "copy", QDialogButtonBox.ButtonRole.ActionRole),
                (self.reload_button, "reload", QDialogButtonBox.ButtonRole.AcceptRole)):
            self.buttons.addButton(button, role)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.buttons.rejected.connect(self.reject)
        self.compare_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.message)
        layout.addWidget(self.explain)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        c = self.conflict
        self.setWindowTitle(self.tr("Someone Else Saved First"))
        when = f"{c.saved_at.astimezone():%Y-%m-%d %H:%M}" if c.saved_at else "?"
        self.message.setText(self.tr(
            "{who} saved this process at {when} (version {theirs}) after you opened version "
            "{yours}. Nothing was saved.").format(who=c.saved_by, when=when, theirs=c.theirs,
                                                  yours=c.yours if c.yours is not None
                                                  else "—"))
        self.explain.setText(self.tr(
            "Compare: see their changes beside yours and take what you need across; your "
            "next save then replaces their version.\nSave as a Copy: your version becomes "
            "a new process in the repository.\nReload: their version opens here, yours "
            "stays open in a new window."))
        self.reload_button.setText(self.tr("&Reload"))
        self.copy_button.setText(self.tr("Save as a &Copy"))
        self.compare_button.setText(self.tr("Co&mpare"))
