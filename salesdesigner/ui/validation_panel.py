"""The validation dock: what is wrong or missing in the process, updated as you edit.

Validation runs on a short single-shot timer after the last model event, so a burst of
edits (typing, a drag, an auto-layout) costs one run.  Clicking a finding asks the window
to select and centre its stages.
"""

from __future__ import annotations

import html
import re
import unicodedata

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model import events as ev
from salesdesigner.model.process import Process
from salesdesigner.model.validation import Finding, Severity, validate

DEBOUNCE_MS = 300
STAGE_IDS_ROLE = Qt.ItemDataRole.UserRole
# a run without a break: no space, no CJK punctuation (Japanese wraps between characters,
# but a 2,000-character name, Latin or Japanese, would still fill the panel)
_RUN = re.compile(r"[^\s、。，．：；「」『』（）()・,;:]{41,}")
NARROW_RUN, WIDE_RUN = 40, 100


def _shorten_run(found: re.Match[str]) -> str:
    run = found.group()
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in run) * 2 > len(run)
    limit = WIDE_RUN if wide else NARROW_RUN
    if len(run) <= limit:
        return run
    tail = limit // 4
    return run[:limit - tail - 1] + "…" + run[-tail:]


def display_message(message: str) -> str:
    """A finding as the list shows it: names in it cut to a readable length, so a long
    unbreakable name neither needs sideways scrolling nor fills the panel (the tooltip
    has the whole message)."""
    return _RUN.sub(_shorten_run, message)


def tooltip(text: str) -> str:
    """User text in a tooltip, shown literally (Qt would guess that "<b>" is HTML)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class ValidationPanel(QWidget):
    """Lists :func:`validate`'s findings; emits :attr:`findingActivated` with stage ids."""

    findingActivated = Signal(tuple)
    findingsChanged = Signal(list)

    def __init__(self, process: Process, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.findings: list[Finding] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.revalidate)
        process.events.connect(self._on_event)
        self.destroyed.connect(lambda *_: self._detach(process))
        self.revalidate()

    def _detach(self, process: Process) -> None:
        try:
            process.events.disconnect(self._on_event)
        except ValueError:
            pass

    def detach(self) -> None:
        self.timer.stop()
        self._detach(self.process)

    def _on_event(self, _event: ev.Event) -> None:
        self.timer.start()  # restarts: one run after the edits stop

    def _icon(self, severity: Severity) -> QIcon:
        pixmap = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
                  Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                  Severity.HINT: QStyle.StandardPixmap.SP_MessageBoxInformation}[severity]
        return self.style().standardIcon(pixmap)

    def revalidate(self) -> None:
        self.timer.stop()
        self.findings = validate(self.process)
        self.list.clear()
        for finding in self.findings:
            item = QListWidgetItem(self._icon(finding.severity),
                                   display_message(finding.message))
            item.setData(STAGE_IDS_ROLE, list(finding.stage_ids))
            item.setToolTip(tooltip(finding.message))
            self.list.addItem(item)
        self._show_summary()
        self.findingsChanged.emit(self.findings)

    def _show_summary(self) -> None:
        counts = {s: sum(f.severity is s for f in self.findings) for s in Severity}
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(self.tr("Errors: {errors} · Warnings: {warnings} · Hints: {hints}")
                                 .format(errors=counts[Severity.ERROR],
                                         warnings=counts[Severity.WARNING],
                                         hints=counts[Severity.HINT]))

    def changeEvent(self, event: QEvent) -> None:
        # the findings speak the document's language; only the summary is UI text
        if event.type() == QEvent.Type.LanguageChange:
            self._show_summary()
        super().changeEvent(event)

    def _activate(self, item: QListWidgetItem) -> None:
        ids = tuple(item.data(STAGE_IDS_ROLE) or ())
        ids = tuple(i for i in ids if self.process.has_stage(i))
        if ids:
            self.findingActivated.emit(ids)
