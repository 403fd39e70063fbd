"""File ▸ Open from Team Repository…: the repository's processes with their last editor,
version and latest published revision; double-click or Open takes one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.storage.repository.store import ProcessEntry

ID_ROLE = Qt.ItemDataRole.UserRole


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment else ""


class RepositoryOpenDialog(QDialog):
    """The list of ``entries``; :meth:`selected_id` after Open."""

    def __init__(self, entries: Sequence[ProcessEntry], where: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RepositoryOpenDialog")
        self.entries = list(entries)
        self.where = where
        self.place = QLabel()
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setColumnCount(5)
        for entry in self.entries:
            revision = ("" if entry.revision is None else
                        f"{entry.revision}: {entry.revision_title or ''}".strip(": "))
            editor = entry.saved_by or ""
            if entry.saved_at:
                editor = f"{editor} ({_when(entry.saved_at)})"
            item = QTreeWidgetItem([entry.name or entry.process_id, editor,
                                    "" if entry.version is None else str(entry.version),
                                    revision, entry.editing_by or ""])
            item.setData(0, ID_ROLE, entry.process_id)
            item.setToolTip(0, entry.process_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if self.entries:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.empty.setVisible(not self.entries)
        self._selection_changed()
        self.resize(760, 420)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open from Team Repository"))
        self.place.setText(self.tr("Processes in {where}").format(where=self.where))
        self.empty.setText(self.tr("The repository holds no process you may open yet. An "
                                   "editor puts one there with File ▸ Save to Team "
                                   "Repository or salesdesigner repo push."))
        self.list.setHeaderLabels([self.tr("Process"), self.tr("Last saved by"),
                                   self.tr("Version"), self.tr("Latest revision"),
                                   self.tr("Being edited by")])

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(bool(self.selected_id()))

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or not item.isSelected() else str(item.data(0, ID_ROLE))

    def accept(self) -> None:
        if self.selected_id():
            super().accept()
