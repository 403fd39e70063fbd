"""Process ▸ Plan…: the back-calculation (逆算) as a live table.

The manager types the goal (revenue or won deals), the deal size, where the rates come from,
the working days and the people per lane; edits any arrow's rate in the table; and the
plan — deals that must come in, each stage's entries, the daily work per person — follows
at once.  Nothing here changes the document (a plan is a question asked of it).  Input the
plan cannot work with is said in the dialog, in one line, instead of the numbers.

The goal, deal size, rates source and edited rates of the last plan that worked are the
window's plan for this session (:attr:`planned`): "Show on the canvas" draws it on the
performance overlay, where the what-if slider moves it, and the manual's plan page starts
from it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.entities import StageKind
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language


def _spin(maximum: float, decimals: int = 0, value: float = 0.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(decimals)
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    box.setKeyboardTracking(False)   # recompute when a number is complete, not per digit
    return box


class PlanDialog(QDialog):
    """The plan of one process; recomputed whenever an input changes."""

    planned = Signal(object)  # the PlanGoal of a plan that worked (the window's plan)

    def __init__(self, process: Process, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.process = process
        self.overrides: dict[tuple[str, str], float] = {}
        self.plan = None
        self._filling = False
        self.goal_kind = QComboBox()
        self.goal = _spin(1e13, 0, 10.0)
        self.deal_size = _spin(1e12, 0)
        self.rates = QComboBox()
        self.days = _spin(366, 1, 20.0)
        self.heads = QTableWidget(len(process.lanes), 2)
        for row, lane in enumerate(process.lanes):
            name = QTableWidgetItem(lane.name or lane.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, lane.id)
            self.heads.setItem(row, 0, name)
            self.heads.setItem(row, 1, QTableWidgetItem(""))
        self.heads.verticalHeader().hide()
        self.heads.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.heads.setMaximumHeight(34 + 30 * max(1, min(6, len(process.lanes))))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setObjectName("planError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #B3261E; font-weight: bold;")
        self.assumptions = QLabel()
        self.assumptions.setObjectName("planAssumptions")
        self.assumptions.setWordWrap(True)
        self.assumptions.setTextFormat(Qt.TextFormat.PlainText)
        self.assumptions.setStyleSheet("color: #7A4F01; background: #FFF4D6; padding: 4px;")
        self.assumptions.hide()
        self.stages = self._table(5)
        self.arrows = self._table(4)
        self.arrows.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.reset_rates = QPushButton()
        self.on_canvas = QCheckBox()
        self.on_canvas.setObjectName("planOnCanvas")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, (self.goal_kind, self.goal, self.deal_size,
                                              self.rates, self.days, self.heads), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addLayout(self.form)
        left_box.addStretch(1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.summary)
        right_box.addWidget(self.error)
        right_box.addWidget(self.assumptions)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.stages)
        split.addWidget(self.arrows)
        right_box.addWidget(split, 1)
        row = QHBoxLayout()
        row.addWidget(self.reset_rates)
        row.addStretch(1)
        row.addWidget(self.on_canvas)
        right_box.addLayout(row)
        body = QHBoxLayout()
        body.addWidget(left)
        body.addWidget(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)
        self.resize(1100, 640)
        self.retranslate()
        self.deal_size.setEnabled(False)

        for box in (self.goal, self.deal_size, self.days):
            box.valueChanged.connect(self.recompute)
        self.goal_kind.currentIndexChanged.connect(self._goal_kind_changed)
        self.rates.currentIndexChanged.connect(self.recompute)
        self.heads.itemChanged.connect(self.recompute)
        self.arrows.itemChanged.connect(self._rate_edited)
        self.reset_rates.clicked.connect(self._reset_rates)
        self.recompute()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setAlternatingRowColors(True)
        return table

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.recompute()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan: the activity the goal needs"))
        index = self.goal_kind.currentIndex()
        self.goal_kind.blockSignals(True)
        self.goal_kind.clear()
        self.goal_kind.addItems([self.tr("Won deals"), self.tr("Revenue")])
        self.goal_kind.setCurrentIndex(max(0, index))
        self.goal_kind.blockSignals(False)
        index = self.rates.currentIndex()
        self.rates.blockSignals(True)
        self.rates.clear()
        self.rates.addItems([self.tr("KPI targets"), self.tr("Actual rates")])
        self.rates.setCurrentIndex(max(0, index))
        self.rates.blockSignals(False)
        self.deal_size.setSpecialValueText(self.tr("From the actuals"))
        labels = [self.tr("Goal as"), self.tr("Goal"), self.tr("Deal size"),
                  self.tr("Rates from"), self.tr("Working days"), self.tr("People per lane")]
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.heads.setHorizontalHeaderLabels([self.tr("Lane"), self.tr("People")])
        self.stages.setHorizontalHeaderLabels([
            self.tr("Stage"), self.tr("Entries"), self.tr("Closed here"),
            self.tr("A day per person"), self.tr("Chance to win")])
        self.arrows.setHorizontalHeaderLabels([
            self.tr("Arrow"), self.tr("Rate (%)"), self.tr("Rate from"), self.tr("Deals")])
        self.reset_rates.setText(self.tr("Reset Edited Rates"))
        self.on_canvas.setText(self.tr("Show on the canvas"))
        self.on_canvas.setToolTip(self.tr(
            "Write the deals each stage and arrow needs on the performance overlay; the "
            "what-if slider in the dashboard moves them"))

    # ------------------------------------------------------------------ inputs
    def _goal_kind_changed(self) -> None:
        revenue = self.goal_kind.currentIndex() == 1
        self.deal_size.setEnabled(revenue)
        self.recompute()

    def _heads(self) -> dict[str, float]:
        out = {}
        for row in range(self.heads.rowCount()):
            text = (self.heads.item(row, 1).text() or "").strip()
            if not text:
                continue
            try:
                n = float(text.replace(",", ""))
            except ValueError:
                raise UserError(self.tr("People per lane must be numbers: {0!r}.")
                                .format(text[:20])) from None
            out[self.heads.item(row, 0).data(Qt.ItemDataRole.UserRole)] = n
        return out

    def _rate_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        arrow = item.data(Qt.ItemDataRole.UserRole)
        try:
            value = float(item.text().strip().rstrip("%").replace(",", "")) / 100.0
        except ValueError:
            self.error.setText(self.tr("A rate is a number of percent, 0 to 100."))
            return
        self.overrides[tuple(arrow)] = value
        self.recompute()

    def _reset_rates(self) -> None:
        self.overrides.clear()
        self.recompute()

    # ------------------------------------------------------------------ the plan
    def recompute(self) -> None:
        """Back-calculate with the current inputs and show it (or why it cannot be)."""
        from salesdesigner.model.plan import back_calculate
        revenue = self.goal_kind.currentIndex() == 1
        try:
            heads = self._heads()
            actuals = self.process.actuals
            self.plan = back_calculate(
                self.process,
                won=None if revenue else self.goal.value(),
                goal=self.goal.value() if revenue else None,
                deal_size=(self.deal_size.value() or None) if revenue else None,
                source="actual" if self.rates.currentIndex() == 1 else "targets",
                overrides=self.overrides, events=actuals.events if actuals else None,
                heads=heads, working_days=self.days.value() if heads else None)
        except UserError as exc:
            self.plan = None
            self.error.setText(str(exc))
            self.error.show()
            self.summary.clear()
            self._fill_tables()
            return
        self.error.clear()
        self.error.hide()
        self._fill_tables()
        self.planned.emit(self.goal_now())

    def goal_now(self):  # type: ignore[no-untyped-def]
        """The inputs as a :class:`~salesdesigner.model.plan.onscreen.PlanGoal`."""
        from salesdesigner.model.plan.onscreen import PlanGoal
        revenue = self.goal_kind.currentIndex() == 1
        return PlanGoal(won=None if revenue else self.goal.value(),
                        goal=self.goal.value() if revenue else None,
                        deal_size=(self.deal_size.value() or None) if revenue else None,
                        source="actual" if self.rates.currentIndex() == 1 else "targets",
                        overrides=tuple(sorted(self.overrides.items())))

    def _fill_tables(self) -> None:
        from salesdesigner.model.plan.report import (
            assumption_lines,
            count,
            goal_line,
            percent,
            rate_how,
        )
        from salesdesigner.model.presentation import words_for
        plan = self.plan
        w = words_for(current_language(), "plan")
        self._filling = True
        try:
            if plan is None:
                self.stages.setRowCount(0)
                self.arrows.setRowCount(0)
                self.assumptions.clear()
                self.assumptions.hide()
                return
            said = assumption_lines(plan, w)
            self.assumptions.setText("\n".join(["⚠ " + w("assumptions"),
                                                 *("• " + line for line in said)]))
            self.assumptions.setVisible(bool(said))
            self.summary.setText("\n".join([
                w("entries", n=count(plan.entries), chance=percent(plan.win_chance)),
                goal_line(plan, w), w(f"rates_{plan.source}")]))
            shown = [s for s in plan.stages if s.entries > 0
                     and StageKind(s.kind) is not StageKind.DECISION]
            self.stages.setRowCount(len(shown))
            for row, s in enumerate(shown):
                terminal = StageKind(s.kind).is_terminal
                cells = [w.name(s.name), count(s.entries),
                         "" if terminal or s.dropped <= 1e-9 else count(s.dropped),
                         "" if s.per_person_day is None else count(s.per_person_day),
                         "" if terminal else percent(s.win_chance)]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    self.stages.setItem(row, col, item)
            names = {s.stage_id: w.name(s.name) for s in plan.stages}
            entered = {s.stage_id: s.entries for s in plan.stages}
            arrows = [a for a in plan.arrows
                      if a.rate.how != "closed" and entered[a.rate.source] > 0]
            self.arrows.setRowCount(len(arrows))
            for row, a in enumerate(arrows):
                r = a.rate
                cells = [w("arrow_name", source=names[r.source], target=names[r.target]),
                         f"{round(r.rate * 100, 2):g}", rate_how(r, w), count(a.deals)]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col != 1:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    else:
                        item.setData(Qt.ItemDataRole.UserRole, [r.source, r.target])
                    if col in (1, 3):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    self.arrows.setItem(row, col, item)
            for table in (self.stages, self.arrows):
                for col in range(1, table.columnCount()):
                    table.resizeColumnToContents(col)
        finally:
            self._filling = False
