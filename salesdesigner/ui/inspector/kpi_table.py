"""The KPIs of a stage: a compact table (name, target, unit, direction) and, below it, the
definition of the selected KPI in a text editor of its own.

The inspector dock is narrow (about 440 px), so the table keeps only the short fields;
the direction is an arrow with its meaning in the tooltip, and the free-text definition,
which would be squeezed to a few characters as a column, gets the room below.

A finished cell edit is one undo step (the whole KPI tuple is replaced); typing in the
definition merges into one step per field visit; add, remove and move up/down are one
step each.  A target that is not a number is refused with a status message and the cell
goes back to the stored value.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.edits import name
from salesdesigner.model.entities import Direction, Kpi, Stage
from salesdesigner.model.ids import new_id
from salesdesigner.model.presentation import editable_number as format_number
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.inspector.context import EditContext, set_plain_text
from salesdesigner.ui.inspector.elided import ElidedLabel, plain_tooltip
from salesdesigner.ui.inspector.kpi_measure import KpiMeasureRow
from salesdesigner.ui.inspector.records import name_arrow_button

NAME, TARGET, UNIT, DIRECTION = range(4)
COLUMNS = 4
ARROWS = {Direction.HIGHER: "↑", Direction.LOWER: "↓"}
CJK_SAMPLE = "目標値受注率"


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


def _line_height(font: QFont) -> int:
    """A row height that fits Latin and Japanese glyphs of ``font`` (its CJK fallback is
    often taller than the Latin face) with some air."""
    latin = QFontMetrics(font)
    height = max(latin.height(), latin.boundingRect(CJK_SAMPLE).height())
    return height + max(10, height * 3 // 5)


class KpiTable(QWidget):
    """Edits ``stage.kpis`` through undo commands."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._kpis: tuple[Kpi, ...] = ()
        self._pending_row: int | None = None

        self.table = QTableWidget(0, COLUMNS)
        for column in range(COLUMNS):
            self.table.setHorizontalHeaderItem(column, QTableWidgetItem())
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setAlternatingRowColors(True)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(self._current_changed)

        self.add_button = self._tool(self.add_kpi)
        self.remove_button = self._tool(self.remove_kpi)
        self.up_button = self._tool(lambda: self.move_kpi(-1))
        self.down_button = self._tool(lambda: self.move_kpi(1))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)

        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        self.definition_label = ElidedLabel(max_lines=2)  # a long KPI name is shortened
        self.definition = QPlainTextEdit()
        self.definition.setTabChangesFocus(True)
        self.definition.textChanged.connect(self._definition_edited)
        self.definition_label.setBuddy(self.definition)
        self.measure = KpiMeasureRow(self._measure_edited)
        detail_layout.addWidget(self.measure)
        detail_layout.addWidget(self.definition_label)
        detail_layout.addWidget(self.definition, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.retranslate()
        self._update_enabled()

    @staticmethod
    def _tool(slot) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton()
        button.clicked.connect(lambda _checked=False: slot())  # never pass "checked" on
        return button

    # ------------------------------------------------------------------ look
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_columns()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Headers, buttons, tooltips and the direction choices in the UI language."""
        texts = self._direction_texts()
        heads = ((self.tr("Name"), ""), (self.tr("Target"), ""), (self.tr("Unit"), ""),
                 (self.tr("Better"), self.tr("Which way the KPI is good: {higher} (↑) or "
                                             "{lower} (↓)").format(
                     higher=texts[Direction.HIGHER], lower=texts[Direction.LOWER])))
        for column, (text, tip) in enumerate(heads):
            item = self.table.horizontalHeaderItem(column)
            item.setText(text)
            item.setToolTip(tip)
        self.add_button.setText(self.tr("Add KPI"))
        self.remove_button.setText(self.tr("Remove"))
        name_arrow_button(self.up_button, "▲", self.tr("Move Up"))
        name_arrow_button(self.down_button, "▼", self.tr("Move Down"))
        self.definition.setPlaceholderText(
            self.tr("How the KPI is measured: what is counted, over which period, from "
                    "which data"))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, DIRECTION)
            if isinstance(combo, QComboBox):
                self._name_direction_items(combo, texts)
        self._fit_columns()
        self._fill_detail()

    def _fit_columns(self) -> None:
        """Name takes the room left; target, unit and direction get what their content
        needs, so nothing needs horizontal scrolling in the narrow dock."""
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        metrics = self.table.fontMetrics()
        head_metrics = QFontMetrics(header.font())
        pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 12

        def width(column: int, samples: tuple[str, ...]) -> int:
            head = head_metrics.horizontalAdvance(self.table.horizontalHeaderItem(column).text())
            return max([head] + [metrics.horizontalAdvance(s) for s in samples]) + pad

        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, samples in ((TARGET, ("1,000,000",)), (UNIT, ("万円/月", "days"))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width(column, samples))
        header.setSectionResizeMode(DIRECTION, QHeaderView.ResizeMode.Fixed)
        probe = QComboBox()
        probe.setFont(self.table.font())
        probe.addItems(list(ARROWS.values()))
        header.resizeSection(DIRECTION, max(probe.sizeHint().width(), width(DIRECTION, ())))
        probe.deleteLater()
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(_line_height(self.table.font()))
        rows.setDefaultSectionSize(_line_height(self.table.font()))

    @staticmethod
    def _direction_texts() -> dict[Direction, str]:
        """"higher is better" / "lower is better", in the UI language (model.presentation)."""
        words = words_for(current_language())
        return {d: words.direction(d) for d in Direction}

    def _name_direction_items(self, combo: QComboBox, texts: dict[Direction, str]) -> None:
        for i in range(combo.count()):
            text = texts[Direction(combo.itemData(i))]
            combo.setItemData(i, text, Qt.ItemDataRole.ToolTipRole)
            combo.setItemData(i, text, Qt.ItemDataRole.AccessibleTextRole)
        combo.setToolTip(texts[Direction(combo.currentData())] if combo.count() else "")

    def _direction_combo(self) -> QComboBox:
        combo = QComboBox()
        for direction, arrow in ARROWS.items():
            combo.addItem(arrow, direction.value)
        self._name_direction_items(combo, self._direction_texts())
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._direction_changed(c))
        return combo

    # ------------------------------------------------------------------ model → table
    def refresh(self, stage: Stage | None) -> None:
        kpis = stage.kpis if stage is not None else ()
        if kpis == self._kpis and self.table.rowCount() == len(kpis):
            self._show_measure()  # arrows or stage names may have changed
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
                                     (UNIT, kpi.unit)):
                    item = self.table.item(r, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(r, column, item)
                    if item.text() != text:
                        item.setText(text)
                    tip = text
                    if column == TARGET and kpi.target is not None:  # as the other views say it
                        words = words_for(current_language())
                        tip = words.parens.format(words.kpi_target(kpi), words.direction(kpi))
                    item.setToolTip(plain_tooltip(tip))  # a clipped name, in full, literally
                    if column == TARGET:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                combo = self.table.cellWidget(r, DIRECTION)
                if not isinstance(combo, QComboBox):
                    combo = self._direction_combo()
                    self.table.setCellWidget(r, DIRECTION, combo)
                combo.setCurrentIndex(max(0, combo.findData(Direction(kpi.direction).value)))
                combo.setToolTip(self._direction_texts()[Direction(kpi.direction)])
            if kpis:
                self.table.setCurrentCell(min(max(row, 0), len(kpis) - 1),
                                          max(self.table.currentColumn(), 0))
        self._fill_detail()
        self._update_enabled()

    @property
    def shown_kpis(self) -> tuple[Kpi, ...]:
        """The KPIs in the table, in row order."""
        return self._kpis

    def current_kpi(self) -> Kpi | None:
        row = self.table.currentRow()
        return self._kpis[row] if 0 <= row < len(self._kpis) else None

    def _fill_detail(self) -> None:
        kpi = self.current_kpi()
        if kpi is not None:
            self.definition_label.set_template(self.tr("Definition of “{name}”:"),
                                               name=kpi.name)
        else:
            self.definition_label.setText(self.tr("Definition:"))
        with self.ctx.filling():
            set_plain_text(self.definition, kpi.definition if kpi is not None else "")
        self._show_measure()
        self.detail.setEnabled(kpi is not None)

    def _show_measure(self) -> None:
        self.measure.show_kpi(self.current_kpi(), self.ctx.process, self.ctx.stage_id)

    def _current_changed(self, row: int, _column: int, old_row: int, _old_column: int) -> None:
        if row != old_row:
            self.ctx.new_session()  # typing in another KPI's definition is a new undo step
            self._fill_detail()
        self._update_enabled()

    def _update_enabled(self) -> None:
        row, n = self.table.currentRow(), len(self._kpis)
        self.add_button.setEnabled(self.ctx.stage() is not None)
        self.remove_button.setEnabled(0 <= row < n)
        self.up_button.setEnabled(0 < row < n)
        self.down_button.setEnabled(0 <= row < n - 1)
        self.detail.setEnabled(0 <= row < n)

    # ------------------------------------------------------------------ table → model
    def _push(self, kpis: tuple[Kpi, ...], text: str, key: str | None = None) -> bool:
        return self.ctx.edit_stage({"kpis": kpis}, text, key=key)

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
            attr = {NAME: "name", UNIT: "unit"}[column]
            new = dataclasses.replace(kpi, **{attr: text})
        self._pending_row = row
        self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:], name("Edit KPI", "KpiTable"))

    def _definition_edited(self) -> None:
        row, kpi = self.table.currentRow(), self.current_kpi()
        if self.ctx.updating or kpi is None:
            return
        new = dataclasses.replace(kpi, definition=self.definition.toPlainText())
        self._pending_row = row
        self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:],
                   name("Edit KPI Definition", "KpiTable"), key=f"kpis[{kpi.id or row}].definition")

    def _measure_edited(self, new: Kpi) -> None:
        """What the current KPI measures changed (one undo step)."""
        row = self.table.currentRow()
        if self.ctx.updating or not 0 <= row < len(self._kpis):
            return
        self._pending_row = row
        self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:],
                   name("Edit KPI Measure", "KpiTable"))

    def _direction_changed(self, combo: QComboBox) -> None:
        if self.ctx.updating:
            return
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, DIRECTION) is combo and row < len(self._kpis):
                new = dataclasses.replace(self._kpis[row],
                                          direction=Direction(combo.currentData()))
                self._pending_row = row
                self._push(self._kpis[:row] + (new,) + self._kpis[row + 1:],
                           name("Edit KPI", "KpiTable"))
                return

    def add_kpi(self) -> None:
        if self.ctx.stage() is None:
            return
        kpi = Kpi(name=self.ctx.new_name("new_kpi"), id=new_id("kpi"))
        self._pending_row = len(self._kpis)
        if self._push(self._kpis + (kpi,), name("Add KPI", "KpiTable")):
            self.table.setFocus()
            self.table.editItem(self.table.item(len(self._kpis) - 1, NAME))

    def remove_kpi(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._kpis):
            self._pending_row = min(row, len(self._kpis) - 2)
            self._push(self._kpis[:row] + self._kpis[row + 1:], name("Remove KPI", "KpiTable"))

    def move_kpi(self, delta: int) -> None:
        row = self.table.currentRow()
        other = row + delta
        if 0 <= row < len(self._kpis) and 0 <= other < len(self._kpis):
            kpis = list(self._kpis)
            kpis[row], kpis[other] = kpis[other], kpis[row]
            self._pending_row = other
            self._push(tuple(kpis), name("Reorder KPIs", "KpiTable"))
