"""The KPI table of a stage: name, target, unit, direction, definition per row.

A finished cell edit is one undo step (the whole KPI tuple is replaced); add, remove and
move up/down are one step each.  A target that is not a number is refused with a status
message and the cell goes back to the stored value.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.entities import Direction, Kpi, Stage
from salesdesigner.model.ids import new_id
from salesdesigner.ui.inspector.context import EditContext

NAME, TARGET, UNIT, DIRECTION, DEFINITION = range(5)


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_number(text: str) -> float | None:
    """A target typed by the user: empty → no target; ``1,5`` or ``１０`` are accepted."""
    import unicodedata
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", ".").rstrip("%").strip()
    if not cleaned:
        return None
    value = float(cleaned)  # ValueError for junk
    if not math.isfinite(value):
        raise ValueError(text)
    return value


class KpiTable(QWidget):
    """Edits ``stage.kpis`` through undo commands."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._kpis: tuple[Kpi, ...] = ()
        self._pending_row: int | None = None
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Target"), self.tr("Unit"), self.tr("Direction"),
            self.tr("Definition")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DEFINITION, QHeaderView.ResizeMode.Stretch)
        for column in (TARGET, UNIT, DIRECTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._update_enabled())

        self.add_button = self._tool(self.tr("Add KPI"), self.add_kpi)
        self.remove_button = self._tool(self.tr("Remove"), self.remove_kpi)
        self.up_button = self._tool(self.tr("Move Up"), lambda: self.move_kpi(-1))
        self.down_button = self._tool(self.tr("Move Down"), lambda: self.move_kpi(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_enabled()

    @staticmethod
    def _tool(text: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton()
        button.setText(text)
        button.clicked.connect(lambda _checked=False: slot())  # never pass "checked" on
        return button

    def _direction_texts(self) -> dict[Direction, str]:
        return {Direction.HIGHER: self.tr("Higher is better"),
                Direction.LOWER: self.tr("Lower is better")}

    # ------------------------------------------------------------------ model → table
    def refresh(self, stage: Stage | None) -> None:
        kpis = stage.kpis if stage is not None else ()
        if kpis == self._kpis and self.table.rowCount() == len(kpis):
            self._update_enabled()
            return
        row = self.table.currentRow()
        if self._pending_row is not None:
            row, self._pending_row = self._pending_row, None
        with self.ctx.filling():
            self._kpis = tuple(kpis)
            self.table.setRowCount(len(kpis))
            for r, kpi in enumerate(kpis):
                for column, text in ((NAME, kpi.name), (TARGET, format_number(kpi.target)),
                                     (UNIT, kpi.unit), (DEFINITION, kpi.definition)):
                    item = self.table.item(r, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(r, column, item)
                    if item.text() != text:
                        item.setText(text)
                    item.setToolTip(text if column in (NAME, DEFINITION) else "")  # clipped
                    if column == TARGET:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                combo = self.table.cellWidget(r, DIRECTION)
                if not isinstance(combo, QComboBox):
                    combo = QComboBox()
                    for direction, label in self._direction_texts().items():
                        combo.addItem(label, direction.value)
                    combo.currentIndexChanged.connect(
                        lambda _i, c=combo: self._direction_changed(c))
                    self.table.setCellWidget(r, DIRECTION, combo)
                combo.setCurrentIndex(max(0, combo.findData(Direction(kpi.direction).value)))
            if kpis:
                self.table.setCurrentCell(min(max(row, 0), len(kpis) - 1),
                                          max(self.table.currentColumn(), 0))
        self._update_enabled()

    def _update_enabled(self) -> None:
        row, n = self.table.currentRow(), len(self._kpis)
        self.add_button.setEnabled(self.ctx.stage() is not None)
        self.remove_button.setEnabled(0 <= row < n)
        self.up_button.setEnabled(0 < row < n)
        self.down_button.setEnabled(0 <= row < n - 1)

    # ------------------------------------------------------------------ table → model
    def _push(self, kpis: tuple[Kpi, ...], text: str) -> bool:
        return self.ctx.edit_stage({"kpis": kpis}, text)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self.ctx.updating or not 0 <= item.row() < len(self._kpis):
            return
        row, column = item.row(), item.column()
        kpi = self._kpis[row]
        text = item.text()
        if column == TARGET:
            try:
                new = dataclasses.replace(kpi, target=parse_number(text))
            except ValueError:
                self.ctx.statusMessage.emit(
                    self.tr("“{text}” is not a number; the target was not changed.").format(
                        text=text))
                with self.ctx.filling():
                    item.setText(format_number(kpi.target))
                return
        else:
            attr = {NAME: "name", UNIT: "unit", DEFINITION: "definition"}[column]
            new = dataclasses.replace(kpi, **{attr: text})
        self._pending_row = row
        self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:], self.tr("Edit KPI"))

    def _direction_changed(self, combo: QComboBox) -> None:
        if self.ctx.updating:
            return
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, DIRECTION) is combo and row < len(self._kpis):
                new = dataclasses.replace(self._kpis[row],
                                          direction=Direction(combo.currentData()))
                self._pending_row = row
                self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:], self.tr("Edit KPI"))
                return

    def add_kpi(self) -> None:
        if self.ctx.stage() is None:
            return
        kpi = Kpi(name=self.tr("New KPI"), id=new_id("kpi"))
        self._pending_row = len(self._kpis)
        if self._push(self._kpis + (kpi,), self.tr("Add KPI")):
            self.table.setFocus()
            self.table.editItem(self.table.item(len(self._kpis) - 1, NAME))

    def remove_kpi(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._kpis):
            self._pending_row = min(row, len(self._kpis) - 2)
            self._push(self._kpis[:row] + self._kpis[row + 1:], self.tr("Remove KPI"))

    def move_kpi(self, delta: int) -> None:
        row = self.table.currentRow()
        other = row + delta
        if 0 <= row < len(self._kpis) and 0 <= other < len(self._kpis):
            kpis = list(self._kpis)
            kpis[row], kpis[other] = kpis[other], kpis[row]
            self._pending_row = other
            self._push(tuple(kpis), self.tr("Reorder KPIs"))

