"""File ▸ Export Manual: options, an in-app preview (QtPdf), saving and printing.

The manual is typeset in a worker thread from a snapshot of the process, so the window
stays responsive, progress shows, and Cancel stops it; the preview shows exactly the bytes
that Save writes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, QThread, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from salesdesigner.model.process import Process


class _Worker(QObject):
    """Runs ``render_pdf`` off the GUI thread; reports progress, result or error."""

    progress = Signal(int, int)
    finished = Signal(object)  # PdfResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, process: Process, paper: str, lanes: list[str] | None) -> None:
        super().__init__()
        self.process, self.paper, self.lanes = process, paper, lanes
        self.stop = threading.Event()

    def run(self) -> None:
        from salesdesigner.export.pdf import PdfExportCancelled, render_pdf
        try:
            result = render_pdf(self.process, paper=self.paper, lanes=self.lanes,
                                progress=self.progress.emit, cancelled=self.stop.is_set)
        except PdfExportCancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug, but the dialog must survive it
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)


class ManualDialog(QDialog):
    """Preview, save and print the onboarding manual of a process."""

    previewReady = Signal()

    def __init__(self, process: Process, parent: QWidget | None = None,
                 suggested_name: str = "manual.pdf") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Manual"))
        self.resize(1100, 800)
        self.process = process
        self.suggested_name = suggested_name
        self.data: bytes | None = None
        self.page_count = 0
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
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

    def is_rendering(self) -> bool:
        return self._thread is not None

    def render(self) -> None:
        """Typeset the manual in the background with the current options."""
        if self._thread is not None:
            return
        lanes = self.selected_lanes()
        if lanes == []:
            self.status.setText(self.tr("Tick at least one lane."))
            return
        self._worker = _Worker(self.process.copy(), self.paper.currentData(), lanes)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.update_button.setEnabled(False)
        self.status.setText(self.tr("Typesetting the manual…"))
        self._thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop.set()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_worker(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.update_button.setEnabled(True)

    def _on_finished(self, result) -> None:
        self._end_worker()
        self.data = result.data
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.page_count = self.document.pageCount()
        text = self.tr("%n page(s).", "", self.page_count)
        if result.warnings:
            text += "\n" + "\n".join(result.warnings[:5])
        self.status.setText(text)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.previewReady.emit()

    def _on_failed(self, message: str) -> None:
        self._end_worker()
        self.status.setText(message)
        QMessageBox.critical(self, self.tr("Export Manual"), message)

    def _on_cancelled(self) -> None:
        self._end_worker()
        self.status.setText(self.tr("Cancelled."))

    # ------------------------------------------------------------------ output
    def save_to(self, path: str | Path) -> None:
        from salesdesigner.storage.json_format import atomic_write
        assert self.data is not None
        atomic_write(Path(path), self.data)

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

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.data is None and self._thread is None:
            self.render()

    def done(self, result: int) -> None:
        self.cancel()
        self._end_worker()
        super().done(result)
