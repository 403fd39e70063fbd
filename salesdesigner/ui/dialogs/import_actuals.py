"""File ▸ Import Actuals…: a CRM export into the document, after the manager has seen it.

The dialog reads the export off the GUI thread (:mod:`.import_job`, progress and cancel),
shows what was detected (encoding, delimiter, long or wide), lets the manager change the
column of each field and the process stage of each CRM stage (exact and remembered
matches pre-filled, near matches pre-selected and marked "check", "ignore these rows" a
choice) — every change re-reads — and previews what will be imported and every rejected
row with its line, reason and text as written.  Nothing changes until Import: then one
:class:`~salesdesigner.edits.actuals.ImportActuals` edit goes on the undo stack (it also
remembers the stage mapping).  Cancel changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.ui.commands import push
from salesdesigner.ui.dialogs.import_job import ReadJob, ReadResult, file_problem
from salesdesigner.ui.dialogs.import_tables import RejectedRowsModel, StageMappingTable
from salesdesigner.ui.i18n import current_language

FIELDS = ("deal_id", "stage", "entered", "amount", "owner", "deal_name", "outcome",
          "lost_reason")
_NO_COLUMN = ""  # a field's combo data: not read from any column
_REREAD_MS = 350  # a change of mapping re-reads after this pause (several clicks: once)


class ImportActualsDialog(QDialog):
    """Preview and confirm one CRM import; ``imported`` is True once it was pushed."""

    def __init__(self, process: Process, undo_stack: QUndoStack, path: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importActualsDialog")
        self.process, self.undo_stack = process, undo_stack
        self.path: str | None = None
        self.result: ReadResult | None = None
        self.job: ReadJob | None = None
        self.imported = False
        self.given: dict[str, str | None] = {}  # CRM stage → stage id / "" (ignore), chosen
        self.near: set[str] = set()  # CRM stages pre-selected from a near match
        self.columns: dict[str, str] = {}  # field → header ("" none), chosen
        self._header: list[str] = []
        self._filling = False
        self._opened_tab = False
        self._build()
        self.retranslate()
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(_REREAD_MS)
        self._reread.timeout.connect(self.read)
        self.resize(980, 680)
        if path:
            self.set_path(path)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.detected_label = QLabel()
        self.detected_label.setObjectName("detected")
        self.detected_label.setWordWrap(True)
        layout.addWidget(self.detected_label)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop_reading)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(row)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b45309;")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.tabs = QTabWidget()
        # columns
        self.columns_page = QWidget()
        form = QFormLayout(self.columns_page)
        self.column_combos: dict[str, QComboBox] = {}
        self.column_labels: dict[str, QLabel] = {}
        for name in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"column:{name}")
            combo.currentIndexChanged.connect(lambda _i, n=name: self._column_chosen(n))
            label = QLabel()
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.column_combos[name], self.column_labels[name] = combo, label
        self.wide_label = QLabel()
        self.wide_label.setWordWrap(True)
        form.addRow(self.wide_label)
        self.tabs.addTab(self.columns_page, "")
        # stages
        self.stage_table = StageMappingTable()
        self.stage_table.chosen.connect(self._stage_chosen)
        self.tabs.addTab(self.stage_table, "")
        # preview
        self.preview_page = QWidget()
        box = QVBoxLayout(self.preview_page)
        self.per_stage = QTableWidget(0, 3)
        self.per_stage.verticalHeader().hide()
        self.per_stage.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.per_stage.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.per_stage, 1)
        self.tabs.addTab(self.preview_page, "")
        # rejected rows
        self.rejected_model = RejectedRowsModel(self)
        self.rejected_view = QTableView()
        self.rejected_view.setObjectName("rejectedRows")
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.verticalHeader().hide()
        self.rejected_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.rejected_view, "")
        layout.addWidget(self.tabs, 1)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.replace_box = QCheckBox()
        self.replace_box.toggled.connect(lambda _on: self._show_summary())
        layout.addWidget(self.replace_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import Actuals from the CRM"))
        self.choose_button.setText(self.tr("Choose File…"))
        self.stop_button.setText(self.tr("Stop Reading"))
        self.import_button.setText(self.tr("Import"))
        words = self._words()
        for name in FIELDS:
            self.column_labels[name].setText(words(f"field_{name}") + words.colon)
        self.tabs.setTabText(0, self.tr("Columns"))
        self.tabs.setTabText(1, self.tr("Stages"))
        self.tabs.setTabText(2, self.tr("Preview"))
        self._name_rejected_tab()
        self.per_stage.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Events"), self.tr("Deals")])
        self.stage_table.retranslate()
        self._show_file()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # the UI language switched
            self.retranslate()
            if self.result is not None:
                self._show_result()
        super().changeEvent(event)

    def _words(self):
        return words_for(current_language(), "import")

    def _name_rejected_tab(self) -> None:
        count = len(self.result.plan.problems) if self.result else 0  # type: ignore[attr-defined]
        self.tabs.setTabText(3, self.tr("Rejected Rows ({count})").format(count=f"{count:,}"))

    # ------------------------------------------------------------------ choosing and reading
    def choose_file(self, start: str = "") -> bool:
        """Ask for the export; True when one was chosen (and is being read)."""
        start = str(Path(self.path).parent) if self.path else start
        parent = self if self.isVisible() else self.parentWidget()
        path, _ = QFileDialog.getOpenFileName(
            parent, self.tr("Import Actuals"), start,
            self.tr("CRM exports (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if path:
            self.set_path(path)
        return bool(path)

    def set_path(self, path: str) -> None:
        """Read a new export from scratch (its own columns and stages)."""
        self.path = os.path.abspath(path)
        self.given, self.near, self.columns = {}, set(), {}
        self.result = None
        self._opened_tab = False  # the first result picks the tab that needs a look
        self._show_file()
        self.read()

    def read(self) -> None:
        """(Re)read the export with the choices made so far, off the GUI thread."""
        self._reread.stop()
        if not self.path:
            return
        problem = file_problem(self.path)
        if problem is not None:
            self._fail(problem, None)
            return
        self.stop_reading(wait=True)
        given = {name: sid for name, sid in self.given.items() if sid is not None}
        job = self.job = ReadJob(self.path, self.process, given, self.columns, self)
        job.progressed.connect(self._progressed)
        job.finished.connect(lambda j=job: self._read_done(j))
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress_row.show()
        self.summary.setText(self.tr("Reading {name}…").format(name=Path(self.path).name))
        job.start()

    @property
    def reading(self) -> bool:
        """A read is under way or its result not taken in yet."""
        return self.job is not None

    def stop_reading(self, wait: bool = False) -> None:
        job = self.job
        if job is not None and job.isRunning():
            job.stop()
            if wait:
                job.wait()
        if wait or job is None:
            self.progress_row.hide()

    def _progressed(self, line: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(line, total))

    def _read_done(self, job: ReadJob) -> None:
        if job is not self.job:
            job.deleteLater()
            return  # an older read, replaced by a newer one
        self.progress_row.hide()
        outcome = job.result
        self.job = None
        job.deleteLater()
        if outcome is None:  # stopped by the manager
            self.summary.setText(self.tr("Reading stopped: nothing will be imported."))
            self.import_button.setEnabled(False)
            return
        if isinstance(outcome, BaseException):
            from salesdesigner.storage.actuals_import import MissingColumns
            if isinstance(outcome, MissingColumns):
                self._missing_columns(outcome)
            else:
                self._fail("not-a-table", outcome)
            return
        self.notice.hide()
        self.result = outcome
        if self._apply_near_matches(outcome):
            self.read()  # once more, with the suggested stages in place
            return
        self._show_result()

    def _apply_near_matches(self, result: ReadResult) -> bool:
        """Pre-select the one stage an unmapped CRM stage's name contains or is contained
        in (marked "check"); merely similar spellings are only suggested."""
        fresh = {name: sid for name, sid in result.plan.stages.likely.items()  # type: ignore[attr-defined]
                 if name not in self.given}
        for name, sid in fresh.items():
            self.given[name] = sid
            self.near.add(name)
        return bool(fresh)

    def _fail(self, problem: str, error: BaseException | None) -> None:
        name = Path(self.path or "").name
        sentences = {
            "missing": self.tr("“{name}” does not exist (any more)."),
            "folder": self.tr("“{name}” is a folder, not a CRM export."),
            "unreadable": self.tr("“{name}” cannot be read: you may not have permission to "
                                  "open it."),
            "not-a-table": self.tr("“{name}” cannot be imported: it is not a table "
                                   "SalesDesigner can read (a CSV or Excel export with a "
                                   "header row)."),
        }
        self.result = None
        self._clear()
        self.summary.setText("")
        box = QMessageBox.critical  # one clear sentence; the reader's detail below it
        detail = f"\n\n{error}" if error is not None and str(error) else ""
        box(self, self.tr("Cannot Import Actuals"), sentences[problem].format(name=name)
            + detail)

    def _missing_columns(self, error) -> None:
        self.result = None
        self._header = list(error.header)
        self._fill_columns(error.found)
        words = self._words()
        missing = words.join([words(f"field_{f}") for f in error.missing])
        self.notice.setText(self.tr(
            "SalesDesigner could not tell which column holds: {fields}. Choose them under "
            "Columns (a long export needs a deal id, a stage and a date on every row).").format(
                fields=missing))
        self.notice.show()
        self.tabs.setCurrentWidget(self.columns_page)
        self._show_detected(error.encoding, error.delimiter, None, None)
        self.stage_table.setRowCount(0)
        self.rejected_model.set_rows([], self._rejected_headers())
        self.summary.setText(self.tr("Nothing can be imported until those columns are "
                                     "chosen."))

    # ------------------------------------------------------------------ choices
    def _column_chosen(self, name: str) -> None:
        if self._filling:
            return
        self.columns = {n: (c.currentData() or _NO_COLUMN)
                        for n, c in self.column_combos.items()}
        self._reread.start()

    def _stage_chosen(self, name: str, sid: object) -> None:
        self.given[name] = sid  # type: ignore[assignment]
        self.near.discard(name)
        self._reread.start()

    # ------------------------------------------------------------------ showing
    def _show_file(self) -> None:
        if self.path:
            self.file_label.setText(self.tr("File: {path}").format(path=self.path))
        else:
            self.file_label.setText(self.tr("Choose the CRM export to import (CSV or .xlsx)."))

    def _show_detected(self, encoding: str, delimiter: str, shape: str | None,
                       rows: int | None) -> None:
        words = self._words()
        names = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp932": self.tr("Shift_JIS (CP932)"),
                 "xlsx": self.tr("Excel workbook")}
        parts = [self.tr("Encoding: {encoding}").format(encoding=names.get(encoding, encoding))]
        if delimiter:
            marks = {",": self.tr("comma"), "\t": self.tr("tab"), ";": self.tr("semicolon"),
                     "|": self.tr("vertical bar")}
            parts.append(self.tr("Delimiter: {delimiter}").format(
                delimiter=marks.get(delimiter, repr(delimiter))))
        if shape:
            parts.append(self.tr("Shape: {shape}").format(shape=words(f"shape_{shape}")))
        if rows is not None:
            parts.append(self.tr("{rows} rows").format(rows=f"{rows:,}"))
        self.detected_label.setText(" · ".join(parts))

    def _fill_columns(self, used: dict[str, str]) -> None:
        self._filling = True
        try:
            for name, combo in self.column_combos.items():
                combo.clear()
                combo.addItem(self.tr("(not in this file)"), _NO_COLUMN)
                for header in self._header:
                    if header.strip():
                        combo.addItem(header, header)
                combo.setCurrentIndex(max(0, combo.findData(used.get(name, _NO_COLUMN))))
        finally:
            self._filling = False

    def _clear(self) -> None:
        self.stage_table.setRowCount(0)
        self.per_stage.setRowCount(0)
        self.rejected_model.set_rows([], self._rejected_headers())
        self.import_button.setEnabled(False)
        self._name_rejected_tab()

    def _rejected_headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Reason"), self.tr("Value"),
                self.tr("Row as written in the file")]

    def _show_result(self) -> None:
        plan = self.result.plan  # type: ignore[union-attr]
        words = self._words()
        lang = current_language()
        self._header = list(plan.header)
        self._fill_columns(plan.columns)
        self._show_detected(plan.encoding, plan.delimiter, plan.shape, plan.rows)
        wide = plan.shape == "wide"
        for name in ("stage", "entered"):
            self.column_combos[name].setEnabled(not wide)
        self.wide_label.setText(self.tr(
            "One row per deal: the dates come from the “date entered” column of each stage "
            "({count} columns).").format(count=len(plan.stage_rows)) if wide else "")
        stages = plan.stages
        names = list(dict.fromkeys([*plan.stage_rows, *stages.mapping, *stages.unmapped]))
        how = {n: ("near" if n in self.near else
                   "ignored" if stages.mapping.get(n) == "" else stages.how.get(n, "unmapped"))
               for n in names}
        near = {n: [self.process.stage(sid).name or sid for sid in ids
                    if self.process.has_stage(sid)] for n, ids in stages.unmapped.items()}
        self.stage_table.fill(self.process, names, plan.stage_rows, stages.mapping, how, lang,
                              near)
        raw = self.result.raw  # type: ignore[union-attr]
        rows = [(r.line, words(f"reason_{r.reason}"),
                 (f"[{r.stage}] " if wide and r.stage else "") + r.value, raw.get(r.line, ""))
                for r in plan.problems]
        self.rejected_model.set_rows(rows, self._rejected_headers())
        self.rejected_view.resizeColumnsToContents()
        self._name_rejected_tab()
        self._show_preview()
        self._show_summary()
        self.import_button.setEnabled(bool(plan.events))
        if not self._opened_tab:  # CRM stages to check first, else what will be imported
            self._opened_tab = True
            check = stages.unmapped or self.near
            self.tabs.setCurrentWidget(self.stage_table if check else self.preview_page)

    def _show_preview(self) -> None:
        preview = self.result.preview  # type: ignore[union-attr]
        words = words_for(current_language())
        order = [s for s in self.process.stages if s.id in preview.per_stage]
        self.per_stage.setRowCount(len(order))
        for row, stage in enumerate(order):
            events, deals = preview.per_stage[stage.id]
            cells = [words.name(stage.name), f"{events:,}", f"{deals:,}"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.per_stage.setItem(row, col, item)
        self.per_stage.resizeColumnsToContents()
        self.per_stage.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)

    def _show_summary(self) -> None:
        """The sentence(s) under the tabs: what Import will do, with "replace" as set."""
        if not hasattr(self, "replace_box"):
            return
        held = len(self.process.actuals.events)
        self.replace_box.setText(self.tr(
            "Replace earlier actuals: remove the {held} deal events imported before").format(
                held=f"{held:,}"))
        self.replace_box.setEnabled(held > 0)
        if self.result is None:
            return
        plan, preview = self.result.plan, self.result.preview  # type: ignore[attr-defined]
        words = words_for(current_language())
        lines = []
        if preview.events:
            lines.append(self.tr(
                "Import will add {events} deal events of {deals} deals ({first} – {last}); "
                "{new} of these deals are new to this document.").format(
                    events=f"{preview.events:,}", deals=f"{preview.deals:,}",
                    first=words.date(preview.first.date()), last=words.date(preview.last.date()),
                    new=f"{preview.new_deals:,}"))
        else:
            lines.append(self.tr("No row can be imported: map the CRM stages under Stages or "
                                 "choose the columns under Columns."))
        if self.replace_box.isChecked() and held:
            lines.append(self.tr("All {held} deal events imported before will be removed.")
                         .format(held=f"{held:,}"))
        elif preview.replacing:
            lines.append(self.tr("{count} of them replace events imported before (same deal, "
                                 "stage and date): nothing is counted twice.").format(
                                     count=f"{preview.replacing:,}"))
        problems, ignored = len(plan.problems), plan.ignored_rows
        counts = {"used": f"{len(plan.events):,}", "ignored": f"{ignored:,}",
                  "rejected": f"{problems:,}"}
        lines.append(self.tr("Rows: {used} used, {ignored} ignored (stage mapping), {rejected} "
                             "rejected.").format(**counts) if plan.shape == "long" else
                     self.tr("Stage dates: {used} used, {ignored} ignored (stage mapping), "
                             "{rejected} rejected.").format(**counts))
        if problems:
            lines.append(self.tr("{count} rows are rejected and not imported: see Rejected "
                                 "Rows.").format(count=f"{problems:,}"))
        if ignored:
            lines.append(self.tr("{count} rows of stages set to be ignored are left out.")
                         .format(count=f"{ignored:,}"))
        text = "\n".join(lines)
        self.summary.setText(text)

    # ------------------------------------------------------------------ closing
    def accept(self) -> None:
        """Import: one undo step, which also remembers the stage mapping."""
        if self.result is None or self.reading or not self.result.plan.events:  # type: ignore[attr-defined]
            return
        edit = self.result.plan.edit(replace=self.replace_box.isChecked())  # type: ignore[attr-defined]
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            push(self.undo_stack, self.process, edit)
        finally:
            self.unsetCursor()
        self.imported = True
        super().accept()

    def reject(self) -> None:
        """Cancel: stop reading, change nothing."""
        self.stop_reading(wait=True)
        self._reread.stop()
        super().reject()

    def done(self, result: int) -> None:
        self.stop_reading(wait=True)
        self._reread.stop()
        super().done(result)


__all__ = ["ImportActualsDialog"]
