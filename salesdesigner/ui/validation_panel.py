"""The validation dock: what is wrong or missing in the process, updated as you edit.

Validation runs on a short single-shot timer after the last model event, so a burst of
edits (typing, a drag, an auto-layout) costs one run.  Each finding is one row naming its
cause; the stages it affects in turn are folded under it.  Clicking a row asks the window
to select and centre its stages.
"""

from __future__ import annotations

import contextlib
import html
import re
import unicodedata

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model import events as ev
from salesdesigner.model.process import Process
from salesdesigner.model.validation import Finding, Severity, validate

DEBOUNCE_MS = 300
STAGE_IDS_ROLE = Qt.ItemDataRole.UserRole
ROWS_SHOWN = 6  # the panel opens tall enough for this many one-line findings
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


class _FindingTree(QTreeWidget):
    """A one-column tree whose rows wrap to its width (QTreeView alone elides them)."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # row heights follow the new width


class _WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = option.decorationSize.width() + 8 if index.data(
            Qt.ItemDataRole.DecorationRole) is not None else 0
        width = self.tree.viewport().width() - self.tree.indentation() * depth - icon - 8
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(40, width), 100_000),
                                               Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


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
        self.tree = _FindingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # without findings (list hidden) the summary stays at the top

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.revalidate)
        process.events.connect(self._on_event)
        self.destroyed.connect(lambda *_: self._detach(process))
        self.revalidate()

    def _detach(self, process: Process) -> None:
        with contextlib.suppress(ValueError):
            process.events.disconnect(self._on_event)

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

    def sizeHint(self) -> QSize:
        """Tall enough for the summary and :data:`ROWS_SHOWN` findings; with nothing to
        list, the one line that says so."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.useful_height() if self.findings
                     else self.compact_height())

    def useful_height(self) -> int:
        """The summary and :data:`ROWS_SHOWN` one-line findings."""
        row = max(self.tree.fontMetrics().height() + 8, self.style().pixelMetric(
            QStyle.PixelMetric.PM_SmallIconSize) + 6)
        return max(super().sizeHint().height(),
                   self.summary.sizeHint().height() + ROWS_SHOWN * row + 24)

    def compact_height(self) -> int:
        """The summary line alone (no findings: the empty list is not shown)."""
        margins = self.layout().contentsMargins()
        return self.summary.sizeHint().height() + margins.top() + margins.bottom()

    def revalidate(self) -> None:
        self.timer.stop()
        self.findings = validate(self.process)
        self.tree.clear()
        items = []
        for finding in self.findings:
            item = QTreeWidgetItem([display_message(finding.message)])
            item.setIcon(0, self._icon(finding.severity))
            item.setData(0, STAGE_IDS_ROLE, list(finding.stage_ids))
            item.setToolTip(0, tooltip(finding.message))
            for sid in finding.consequences:  # folded: the stages it affects in turn
                if self.process.has_stage(sid):
                    name = self.process.stage(sid).name or sid
                    child = QTreeWidgetItem(item, [display_message(name)])
                    child.setData(0, STAGE_IDS_ROLE, [sid])
                    child.setToolTip(0, tooltip(name))
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setVisible(bool(items))  # an empty list would only take room
        self._show_summary()
        self.findingsChanged.emit(self.findings)

    def rows(self) -> list[str]:
        """The findings as listed (top-level rows, without what is folded under them)."""
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

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

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = tuple(item.data(0, STAGE_IDS_ROLE) or ())
        ids = tuple(i for i in ids if self.process.has_stage(i))
        if ids:
            self.findingActivated.emit(ids)
