"""The crash-recovery dialog: every kept document in one list, a choice for each.

Each row names the document (its process name), its file (or "unsaved new document") and
when it was autosaved, with Recover / Discard / Decide Later.  Recover is preselected:
keeping work is the safe default, and nothing is deleted without an explicit Discard and
a confirmation (:meth:`RecoveryDialog.confirm_discard`).  Closing the dialog decides later.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.storage.autosave import Autosave
from salesdesigner.ui.recovery import DISCARD, LATER, RECOVER

CHOICES = (RECOVER, DISCARD, LATER)
_MAX_SHOWN = 200  # characters of a name shown in a cell (the tooltip has more)


def _plain(text: str, limit: int = _MAX_SHOWN) -> str:
    """User text for a cell: one line, control characters dropped, long text cut."""
    line = "".join(c if c.isprintable() else " " for c in text).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _short_folder(path: str) -> str:
    folder = os.path.dirname(path)
    home = os.path.expanduser("~")
    if home and (folder == home or folder.startswith(home + os.sep)):
        folder = "~" + folder[len(home):]
    return folder


class RecoveryDialog(QDialog):
    """Lists ``entries`` (newest first) and lets the user choose what happens to each."""

    def __init__(self, entries: Sequence[Autosave], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.entries = list(entries)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "SalesDesigner did not close properly. Unsaved work on the documents below was "
            "kept. Choose what to do with each one:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = table = QTableWidget(len(self.entries), 4, self)
        table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("File"),
                                         self.tr("Autosaved"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        for row, entry in enumerate(self.entries):
            name = _plain(entry.name) or self.tr("Untitled")
            item = QTableWidgetItem(name)
            item.setToolTip(_plain(entry.name, 2000))
            table.setItem(row, 0, item)
            if entry.original_path:
                where = QTableWidgetItem(
                    f"{os.path.basename(entry.original_path)} — "
                    f"{_short_folder(entry.original_path)}")
                where.setToolTip(entry.original_path)
            else:
                where = QTableWidgetItem(self.tr("unsaved new document"))
            table.setItem(row, 1, where)
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
            table.setItem(row, 2, QTableWidgetItem(when))
            combo = QComboBox()
            for choice, text in ((RECOVER, self.tr("Recover")), (DISCARD, self.tr("Discard")),
                                 (LATER, self.tr("Decide Later"))):
                combo.addItem(text, choice)
            combo.setAccessibleName(self.tr("Action for {name}").format(name=name))
            table.setCellWidget(row, 3, combo)
            self.combos.append(combo)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the choices take the focus
        table.resizeColumnsToContents()
        shown_rows = min(len(self.entries), 8)  # no tall empty table for one or two
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + table.verticalHeader().defaultSectionSize() * shown_rows
                             + 2 * table.frameWidth() + 2)
        layout.addWidget(table)

        note = QLabel(self.tr(
            "Recovered documents open in their own windows. Discarded work is deleted "
            "permanently; work you decide on later is kept and offered again at the next "
            "start."))
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(self.tr("&Continue"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(self.tr("&Decide All Later"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    def choices(self) -> list[str]:
        """The choice for each entry, in order: ``"recover"``, ``"discard"`` or ``"later"``."""
        return [combo.currentData() for combo in self.combos]

    def set_choice(self, row: int, choice: str) -> None:
        self.combos[row].setCurrentIndex(CHOICES.index(choice))

    def confirm_discard(self, count: int) -> bool:
        """The last word before deleting: True only on an explicit Discard."""
        answer = QMessageBox.warning(
            self, self.tr("Discard Unsaved Work"),
            self.tr("The unsaved work of this document will be deleted permanently. "
                    "This cannot be undone.") if count == 1 else
            self.tr("The unsaved work of {count} documents will be deleted permanently. "
                    "This cannot be undone.").format(count=count),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
