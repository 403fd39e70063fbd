"""Process ▸ Revisions…: every published revision (number, title, date, author, note), what
the draft is, and per revision Open Read-Only and Restore as Draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from salesdesigner.model.revision import RevisionInfo

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow

COLUMNS = 5


def one_line(text: str, limit: int = 300) -> str:
    """A user's text in one table cell: line breaks as spaces, cut short."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class RevisionListDialog(QDialog):
    """Non-modal: the designer stays usable while the list is open; it follows the
    document (:meth:`refresh` after a publish, an undo, a restore)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("revisionListDialog")
        self.window_ = window
        self.infos: list[RevisionInfo] = []
        self.state = QLabel()
        self.state.setObjectName("draftState")
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("revisionNote")
        self.note.setReadOnly(True)
        self.note.setMaximumHeight(110)
        self.open_button = QPushButton()
        self.restore_button = QPushButton()
        self.compare_button = QPushButton()
        self.publish_button = QPushButton()
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.open_button, self.compare_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.publish_button.clicked.connect(self._publish)
        self.close_button.clicked.connect(self.close)
        # "has the draft changed?" serialises the whole process (about a second for 1,000
        # stages on a busy machine): once typing pauses, and only while the list is shown
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(400)
        self._state_timer.timeout.connect(self._show_state)
        window.undo_stack.indexChanged.connect(self._draft_changed)
        window.document.documentReplaced.connect(self.refresh)  # another file opened
        self.read_only_windows: list[QDialog] = []
        self.retranslate()
        self.resize(820, 440)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Revisions of {name}").format(
            name=self.window_.document.display_name))
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Title"),
                                              self.tr("Published"), self.tr("Author"),
                                              self.tr("Note")])
        self.open_button.setText(self.tr("&Open Read-Only"))
        self.restore_button.setText(self.tr("&Restore as Draft"))
        self.compare_button.setText(self.tr("&Compare With Draft"))
        self.publish_button.setText(self.tr("&Publish Revision…"))
        self.close_button.setText(self.tr("Close"))
        self._show_state()

    def _draft_changed(self, _index: int) -> None:
        if self.isVisible():
            self._state_timer.start()

    def _show_state(self) -> None:
        from salesdesigner.storage.revisions import revision_state
        state = revision_state(self.window_.process)
        if state.latest is None:
            text = self.tr("This document has never been published. Publish a revision to "
                           "keep the process as it is now.")
        elif state.shown is not None:
            text = self.tr("The draft is revision {number}, unchanged.").format(
                number=state.shown.number)
        else:
            text = self.tr("The draft has changed since revision {number}.").format(
                number=state.latest.number)
        self.state.setText(text)

    # ------------------------------------------------------------------ content
    def refresh(self) -> None:
        """Fill the table from the document, newest first."""
        self.infos = [r.info for r in reversed(self.window_.process.revisions)]
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            cells = (str(info.number), one_line(info.title),
                     f"{info.published_at:%Y-%m-%d %H:%M}", one_line(info.author, 80),
                     one_line(info.note))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 260))
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 140))
        if self.infos:
            self.table.selectRow(0)
        self._selection_changed()
        self._show_state()

    def selected(self) -> RevisionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        info = self.selected()
        self.open_button.setEnabled(info is not None)
        self.restore_button.setEnabled(info is not None)
        self.compare_button.setEnabled(info is not None)
        self.note.setPlainText("" if info is None else info.note)

    # ------------------------------------------------------------------ commands
    def open_selected(self):
        from salesdesigner.ui.revisions import open_read_only
        info = self.selected()
        if info is None:
            return None
        view = open_read_only(self.window_, info.number)
        if view is not None:
            self.read_only_windows.append(view)
        return view

    def compare_selected(self):
        """The draft against the selected revision in the window's compare mode."""
        info = self.selected()
        return None if info is None else self.window_.compare_with_revision(info.number)

    def restore_selected(self) -> bool:
        from salesdesigner.ui.revisions import restore
        info = self.selected()
        return info is not None and restore(self.window_, info.number)

    def _publish(self) -> None:
        from salesdesigner.ui.revisions import publish
        publish(self.window_)  # refreshes this list
