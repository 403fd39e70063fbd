"""File ▸ Export Manual: options, an in-app preview (QtPdf), saving and printing.

The manual is typeset by a child process (:mod:`salesdesigner.export.pdf.worker`) from a
snapshot of the process, so the window stays responsive, progress shows, Cancel is
immediate, and reportlab never runs beside the GUI's Qt objects; the preview shows exactly
the bytes that Save writes.

The optional plan page is the one ``export pdf --plan-goal``/``--plan-won`` adds (the same
chapter builder, :func:`~salesdesigner.export.pdf.plan_page.plan_chapter`, from the same
:func:`~salesdesigner.model.plan.back_calculate`); its goal starts as the plan last set
in Process ▸ Plan… for this document.
"""

from __future__ import annotations

import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QProcess, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.errors import UserError
from salesdesigner.model.plan.onscreen import PlanGoal
from salesdesigner.model.process import Process


class ManualDialog(QDialog):
    """Preview, save and print the onboarding manual of a process."""

    previewReady = Signal()

    def __init__(self, process: Process, parent: QWidget | None = None,
                 suggested_name: str = "manual.pdf", plan_goal: PlanGoal | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Manual"))
        self.resize(1100, 800)
        self.process = process
        self.suggested_name = suggested_name
        self.data: bytes | None = None
        self.page_count = 0
        self._job: QProcess | None = None
        self._job_dir: Path | None = None
        self._job_output = b""
        self._job_messages: list[tuple[str, str]] = []
        self._cancelled = False
        self._buffer: QBuffer | None = None

        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.lanes = QListWidget()
        for lane in process.lanes:
            item = QListWidgetItem(lane.name or lane.id)
            item.setData(Qt.ItemDataRole.UserRole, lane.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.lanes.addItem(item)
        self.lanes.setEnabled(bool(process.lanes))
        self.lanes.setMaximumHeight(160)
        self._build_sections()
        self._build_plan(plan_goal or PlanGoal())
        self.update_button = QPushButton(self.tr("Update Preview"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Lanes:"), self.lanes)
        form.addRow(self.performance)
        form.addRow(self.tr("Period:"), self.period)
        form.addRow(self.changes)
        form.addRow(self.changes_source)
        form.addRow(self.mark_changes)
        form.addRow(self.plan_page)
        for label, field in zip(self.plan_labels, self.plan_fields, strict=True):
            form.addRow(label, field)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.update_button)
        side.addWidget(self.progress)
        side.addWidget(self.cancel_button)
        side.addWidget(self.status)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(260)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save PDF…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = self.buttons.addButton(self.tr("Print…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(side_widget)
        top.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.buttons)

        self._rendered_options: tuple | None = None
        self._rendering_options = self._rendered_options
        self.paper.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.performance.toggled.connect(lambda _on: self._sections_changed())
        self.period.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.changes.toggled.connect(lambda _on: self._sections_changed())
        self.mark_changes.toggled.connect(lambda _on: self._options_changed())
        self.choose_previous.clicked.connect(self._ask_previous)
        self.revision_choice.activated.connect(lambda _i: self.choose_revision(
            self.revision_choice.currentData()))
        self.lanes.itemChanged.connect(lambda _item: self._options_changed())
        self.plan_page.toggled.connect(lambda _on: self._sections_changed())
        self.plan_kind.currentIndexChanged.connect(lambda _i: self._sections_changed())
        for box in (self.plan_goal, self.plan_size):
            box.valueChanged.connect(lambda _v: self._options_changed())
        self.plan_rates.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.update_button.clicked.connect(self.render)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self._ask_save)
        self.print_button.clicked.connect(self._ask_print)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------------ rendering
    def selected_lanes(self) -> list[str] | None:
        """The lanes ticked, or None when all are (the whole manual)."""
        items = [self.lanes.item(i) for i in range(self.lanes.count())]
        ticked = [i.data(Qt.ItemDataRole.UserRole) for i in items
                  if i.checkState() == Qt.CheckState.Checked]
        return None if len(ticked) == len(items) else ticked

    def options(self) -> tuple:
        """The paper, lanes and optional sections the next render would use."""
        return (self.paper.currentData(), self.selected_lanes(), self.section_options())

    # ------------------------------------------------------------------ optional sections
    def _build_sections(self) -> None:
        """Current performance (only with actuals, off by default) and the change log."""
        self.performance = QCheckBox(self.tr("Current performance"))
        self.performance.setToolTip(self.tr(
            "Add a chapter with the funnel, KPI actuals against targets, the bottleneck and "
            "a trend per KPI, from the document's actuals. Aggregates only: no deal, owner "
            "or amount is printed."))
        self.period = QComboBox()
        months = _months_of(self.process)
        for label in reversed(months[1]):
            self.period.addItem(label, label)
        if months[0] is not None:
            self.period.setCurrentIndex(max(0, self.period.findData(months[0])))
        has_actuals = bool(months[1])
        self.performance.setEnabled(has_actuals)
        if not has_actuals:
            self.performance.setToolTip(self.tr(
                "The document holds no actuals: import a CRM export first."))
        self.period.setEnabled(False)
        self.previous: tuple[Process, str, object] | None = None
        self.changes = QCheckBox(self.tr("Changes since the previous revision"))
        self.changes.setEnabled(False)
        self.changes_source = QWidget()
        row = QHBoxLayout(self.changes_source)
        row.setContentsMargins(18, 0, 0, 0)
        self.previous_name = QLabel(self.tr("(none chosen)"))
        self.previous_name.setWordWrap(True)
        self.revision_choice = QComboBox()  # the document's own published revisions
        self.revision_choice.addItem(self.tr("Published revision…"), None)
        for info in reversed([r.info for r in self.process.revisions]):
            self.revision_choice.addItem(
                self.tr("Revision {number}: {title}").format(
                    number=info.number, title=info.title[:60]), info.number)
        self.revision_choice.setVisible(self.revision_choice.count() > 1)
        self.choose_previous = QPushButton(self.tr("Choose File…"))
        row.addWidget(self.previous_name, 1)
        row.addWidget(self.revision_choice)
        row.addWidget(self.choose_previous)
        self.mark_changes = QCheckBox(self.tr("Mark changed chapters"))
        self.mark_changes.setEnabled(False)

    def choose_revision(self, number: int | None) -> None:
        """The change log compares with the document's published revision ``number``,
        labelled and dated as ``export pdf --changes-since FILE@N`` labels it."""
        if number is None:
            return
        from salesdesigner.model.presentation import words_for
        from salesdesigner.storage.revisions import revision_process
        info = next(r.info for r in self.process.revisions if r.info.number == number)
        label = words_for(self.process.language)("revision_number", number=number)
        self.set_previous(revision_process(self.process, number), label,
                          info.published_at.date())

    def set_previous(self, process: Process | None, label: str = "",
                     published: object = None) -> None:
        """The revision the change log compares with (None: no change log): one of the
        document's revisions (:meth:`choose_revision`) or any file ("Choose File…")."""
        self.previous = None if process is None else (process.copy(), label, published)
        self.previous_name.setText(label or self.tr("(none chosen)"))
        self.changes.setEnabled(process is not None)
        self.changes.setChecked(process is not None)
        self._sections_changed()

    def _ask_previous(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Previous Revision"), "",
            self.tr("SalesDesigner documents (*.salesdesign *.json)"))
        if not path:
            return
        from salesdesigner.storage.any_format import read_process
        try:
            previous = read_process(path)
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Previous Revision"), str(exc))
            return
        self.set_previous(previous, "" if previous.revision.strip() else Path(path).name)
        self.previous_name.setText(Path(path).name)

    def _build_plan(self, goal: PlanGoal) -> None:
        """The plan page: off by default, its goal the window's last plan (Process ▸
        Plan…), the rates the Plan dialog's edited ones kept as they were."""
        self.plan_page = QCheckBox(self.tr("Plan page"))
        self.plan_page.setToolTip(self.tr(
            "Add the plan chapter: the deals each stage needs for the goal, the rates used "
            "and where each came from (as export pdf --plan-goal adds it)."))
        self.plan_kind = QComboBox()
        self.plan_kind.addItem(self.tr("Won deals"), "won")
        self.plan_kind.addItem(self.tr("Revenue"), "revenue")
        self.plan_goal = QDoubleSpinBox()
        self.plan_goal.setRange(0.0, 1e13)
        self.plan_goal.setGroupSeparatorShown(True)
        self.plan_size = QDoubleSpinBox()
        self.plan_size.setRange(0.0, 1e12)
        self.plan_size.setGroupSeparatorShown(True)
        self.plan_size.setSpecialValueText(self.tr("From the actuals"))
        self.plan_rates = QComboBox()
        self.plan_rates.addItem(self.tr("KPI targets"), "targets")
        self.plan_rates.addItem(self.tr("Actual rates"), "actual")
        for box in (self.plan_goal, self.plan_size):
            box.setDecimals(0)
            box.setKeyboardTracking(False)
        self.plan_kind.setCurrentIndex(1 if goal.revenue else 0)
        self.plan_goal.setValue((goal.goal if goal.revenue else goal.won) or 0.0)
        self.plan_size.setValue(goal.deal_size or 0.0)
        self.plan_rates.setCurrentIndex(max(0, self.plan_rates.findData(goal.source)))
        self._plan_overrides = goal.overrides  # rates edited in the Plan dialog
        self.plan_labels = [QLabel(self.tr("Goal as:")), QLabel(self.tr("Goal:")),
                            QLabel(self.tr("Deal size:")), QLabel(self.tr("Rates from:"))]
        self.plan_fields = [self.plan_kind, self.plan_goal, self.plan_size, self.plan_rates]
        self._plan_enabled()

    def _plan_enabled(self) -> None:
        on = self.plan_page.isChecked()
        for widget in self.plan_fields:
            widget.setEnabled(on)
        self.plan_size.setEnabled(on and self.plan_kind.currentData() == "revenue")

    def plan_goal_now(self) -> PlanGoal:
        """The plan page's goal as the boxes say it."""
        revenue = self.plan_kind.currentData() == "revenue"
        value = self.plan_goal.value()
        return PlanGoal(won=None if revenue else value, goal=value if revenue else None,
                        deal_size=(self.plan_size.value() or None) if revenue else None,
                        source=self.plan_rates.currentData(),
                        overrides=self._plan_overrides)

    def _sections_changed(self) -> None:
        self.period.setEnabled(self.performance.isChecked())
        self.mark_changes.setEnabled(self.changes.isChecked())
        self._plan_enabled()
        self._options_changed()

    def section_options(self) -> dict:
        """``render_pdf``'s optional-section arguments from the ticked boxes."""
        out: dict = {}
        if self.performance.isChecked() and self.performance.isEnabled():
            out.update(performance=True, period=self.period.currentData())
        if self.changes.isChecked() and self.previous is not None:
            process, label, published = self.previous
            out.update(previous=process, previous_label=label, previous_date=published,
                       mark_changes=self.mark_changes.isChecked())
        if self.plan_page.isChecked():
            out.update(plan_goal=self.plan_goal_now())
        return out

    def is_stale(self) -> bool:
        """Whether the preview (and so what Save would write) no longer matches the options."""
        return self.data is not None and self._rendered_options != self.options()

    def _options_changed(self) -> None:
        """Save and Print write the previewed bytes: never let them write an out-of-date
        manual (a lane the user just unticked would still be in it)."""
        stale = self.is_stale()
        self.save_button.setEnabled(self.data is not None and not stale)
        self.print_button.setEnabled(self.data is not None and not stale)
        if stale and not self.is_rendering():
            self.status.setText(self.tr("The options changed: click Update Preview."))
        self.update_button.setDefault(stale)

    def is_rendering(self) -> bool:
        return self._job is not None

    def render(self) -> None:
        """Typeset the manual in the background with the current options."""
        if self._job is not None:
            return
        lanes = self.selected_lanes()
        if lanes == []:
            self.status.setText(self.tr("Tick at least one lane."))
            return
        extras = self.section_options()
        goal = extras.pop("plan_goal", None)
        if goal is not None:  # planned here: a goal it cannot plan is said at once
            try:
                extras["plan"] = goal.plan(self.process, self.process.actuals.events)
            except UserError as exc:
                self.status.setText(self.tr("Plan page: {reason}").format(reason=exc))
                return
        self._rendering_options = self.options()
        self._job_dir = Path(tempfile.mkdtemp(prefix="salesdesigner-manual-"))
        job = self._job_dir / "job.pickle"
        job.write_bytes(pickle.dumps({"process": self.process.copy(),
                                      "paper": self.paper.currentData(), "lanes": lanes,
                                      "extras": extras}))
        self._job_output, self._cancelled = b"", False
        self._job = QProcess(self)
        self._job.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self._job.readyReadStandardOutput.connect(self._read_job)
        self._job.finished.connect(self._job_finished)
        self._job.errorOccurred.connect(self._job_error)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.update_button.setEnabled(False)
        self.status.setText(self.tr("Typesetting the manual…"))
        self._job.start(sys.executable, ["-m", "salesdesigner.export.pdf.worker", str(job),
                                         str(self._job_dir / "manual.pdf")])

    def cancel(self) -> None:
        if self._job is not None:
            self._cancelled = True
            self._job.kill()

    def _read_job(self) -> None:
        assert self._job is not None
        self._job_output += bytes(self._job.readAllStandardOutput().data())
        *lines, rest = self._job_output.split(b"\n")
        self._job_output = rest
        for line in lines:
            kind, _, text = line.decode("utf-8", "replace").partition(" ")
            if kind == "progress":
                done, total = (int(n) for n in text.split())
                self._on_progress(done, total)
            else:
                self._job_messages.append((kind, text))

    def _job_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if self._job is None:
            return
        self._read_job()
        messages = [(k, t) for k, t in self._job_messages if k in ("error", "warning")]
        pdf = self._job_dir / "manual.pdf" if self._job_dir else None
        data = pdf.read_bytes() if pdf and pdf.is_file() else None
        if self._cancelled:
            self._end_worker()
            self._on_cancelled()
        elif status == QProcess.ExitStatus.NormalExit and exit_code == 0 and data:
            self._end_worker()
            self._on_finished(data, [t for k, t in messages if k == "warning"])
        else:
            errors = [t for k, t in messages if k == "error"]
            noise = [t for k, t in self._job_messages if k not in ("error", "warning")]
            self._end_worker()
            self._on_failed(errors[0] if errors else self.tr(
                "The manual could not be typeset ({detail}).").format(
                    detail=(noise[-1] if noise else f"exit code {exit_code}")[:300]))

    def _job_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._job is not None:
            self._end_worker()
            self._on_failed(self.tr("The typesetting process could not be started."))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_worker(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.blockSignals(True)
            if job.state() != QProcess.ProcessState.NotRunning:
                job.kill()
                job.waitForFinished(3000)
            job.deleteLater()
        if self._job_dir is not None:
            shutil.rmtree(self._job_dir, ignore_errors=True)
            self._job_dir = None
        self._job_messages = []
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.update_button.setEnabled(True)

    def _on_finished(self, data: bytes, warnings: list[str]) -> None:
        self.data = data
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.page_count = self.document.pageCount()
        self._rendered_options = self._rendering_options
        text = (self.tr("1 page.") if self.page_count == 1
                else self.tr("{n} pages.").format(n=self.page_count))
        if warnings:
            text += "\n" + "\n".join(warnings[:5])
        self.status.setText(text)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self._options_changed()  # ticked or unticked while it was typesetting
        self.previewReady.emit()

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.critical(self, self.tr("Export Manual"), message)

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled."))

    # ------------------------------------------------------------------ output
    def save_to(self, path: str | Path) -> None:
        from salesdesigner.storage.files import write_atomically
        assert self.data is not None
        write_atomically(path, self.data)

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page onto ``printer`` at its resolution, scaled to the page."""
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(self.tr("The printer could not be started."))
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = self.document.render(page, QSize(int(size.width() * scale),
                                                         int(size.height() * scale)))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Manual"), self.suggested_name,
                                              self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        try:
            self.save_to(path)
        except (OSError, UserError) as exc:
            QMessageBox.critical(self, self.tr("Save Manual"), str(exc))
            return
        self.accept()

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.print_to(printer)
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Print"), str(exc))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data is None and self._job is None:
            self.render()

    def done(self, result: int) -> None:
        self.cancel()
        self._end_worker()
        super().done(result)


def _months_of(process: Process) -> tuple[str | None, list[str]]:
    """(the latest full month, every month) of the document's actuals, as "2026-10"."""
    events = process.actuals.events
    if not events:
        return None, []
    from salesdesigner.model.actuals.periods import latest_full_month, months_between
    first = min(e.entered for e in events)
    last = max(e.entered for e in events)
    return (latest_full_month(first, last).label,
            [p.label for p in months_between(first, last)])
