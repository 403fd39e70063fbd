"""The import dialog's tables: the CRM-stage → process-stage mapping (one combo box per CRM
stage, with its row count and how the match was found) and the rejected rows (a model, so
a hundred thousand rejected rows list without a widget each)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process

NOT_MAPPED = None  # combo data: rows rejected as "unknown stage"
IGNORE = ""        # combo data: rows left out (storage.actuals_import.IGNORE)
_WARN = QColor("#b45309")
_ROOT = QModelIndex()


class StageMappingTable(QTableWidget):
    """CRM stage | rows | process stage (combo) | match.  ``chosen(name, stage_id)`` when
    the manager picks (``None``: not mapped, ``""``: ignore these rows)."""

    chosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("stageMapping")
        self.verticalHeader().hide()
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("CRM stage"), self.tr("Rows"),
                                        self.tr("Process stage"), self.tr("Match")])

    def fill(self, process: Process, names: list[str], rows: dict[str, int],
             mapping: dict[str, str], how: dict[str, str], lang: str,
             near: dict[str, list[str]] | None = None) -> None:
        """One row per CRM stage name; ``how`` says given/remembered/exact/near/unmapped;
        ``near`` lists similar stage names for the unmapped ones (shown, not chosen)."""
        words = words_for(lang, "import")
        self.setRowCount(0)
        self.combos = {}
        self.setRowCount(len(names))
        for row, name in enumerate(names):
            self.setItem(row, 0, QTableWidgetItem(name))
            count = QTableWidgetItem(f"{rows.get(name, 0):,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 1, count)
            combo = QComboBox()
            combo.setObjectName(f"stage-for:{name}")
            combo.addItem(self.tr("— not mapped (rows rejected) —"), NOT_MAPPED)
            combo.addItem(self.tr("Ignore these rows"), IGNORE)
            for stage in process.stages:
                combo.addItem(words.name(stage.name), stage.id)
            sid = mapping.get(name, NOT_MAPPED)
            index = combo.findData(sid) if sid is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self.chosen.emit(n, c.currentData()))
            self.setCellWidget(row, 2, combo)
            self.combos[name] = combo
            kind = how.get(name, "unmapped")
            similar = (near or {}).get(name) if kind == "unmapped" else None
            match = QTableWidgetItem(words(f"how_{kind}") + (
                words("near", ids=words.join(similar)) if similar else ""))
            if kind in ("near", "unmapped"):
                match.setForeground(QBrush(_WARN))
            self.setItem(row, 3, match)
        self.resizeRowsToContents()


class RejectedRowsModel(QAbstractTableModel):
    """Line | reason | value | the row as written in the file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, str, str, str]] = []
        self.headers = ["", "", "", ""]

    def set_rows(self, rows: list[tuple[int, str, str, str]], headers: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.headers = rows, headers
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{value:,}" if isinstance(value, int) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


__all__ = ["IGNORE", "NOT_MAPPED", "RejectedRowsModel", "StageMappingTable"]
