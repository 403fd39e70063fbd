"""The change list: every change of the comparison in words, grouped under the stage,
arrow or lane it belongs to, with the overlay's colours.  A text edit shows its deleted
characters struck through in red and its inserted ones underlined in green (by character
in Japanese).  Clicking a change shows its stage or arrow on the canvas; "Take Old Value
Back" asks the window to undo that one change as an edit."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.compare import Change, ChangeText, Op, change_texts
from salesdesigner.model.compare.report import PART_SUBJECTS
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.compare.marks import Mark, mark_of
from salesdesigner.ui.compare.overlay import COLORS
from salesdesigner.ui.compare.session import CompareSession
from salesdesigner.ui.i18n import current_language

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # a change (not a heading)
RICH_ROLE = Qt.ItemDataRole.UserRole + 4  # the row as rich text
DELETED = "color:#b3261e;background:#fde4e4;text-decoration:line-through"
INSERTED = "color:#14612b;background:#ddf3e3;text-decoration:underline"


def rich_line(text: ChangeText, language: str) -> str:
    """The change as rich text: user text escaped, a text edit's runs coloured."""
    if not text.runs:
        return html.escape(text.line)
    parts = []
    for run in text.runs:
        chunk = html.escape(run.text)
        if run.op is Op.DELETE:
            chunk = f'<span style="{DELETED}">{chunk}</span>'
        elif run.op is Op.INSERT:
            chunk = f'<span style="{INSERTED}">{chunk}</span>'
        parts.append(chunk)
    return words_for(language, "diff")("edited", what=html.escape(text.what),
                                       text="".join(parts))


class _RichDelegate(QStyledItemDelegate):
    """Draws a row's rich text (coloured runs), wrapped at the list's width.  One text
    document is laid out per row shown, so a long list costs only what is on screen."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex,
                  width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(index.data(RICH_ROLE) or "")
        document.setTextWidth(max(60.0, width))
        return document

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex) -> float:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = 20 if index.data(ROW_ROLE) else 0
        return self.tree.viewport().width() - (depth + 1) * self.tree.indentation() - icon - 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self._text_width(option, index)
        height = self._document(option, index, width).size().height()
        return QSize(int(width), int(height) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt,
                                             opt.widget)
        else:
            text_rect = opt.rect
        document = self._document(option, index, text_rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()


def _dot(mark: Mark) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLORS[mark]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ChangeList(QWidget):
    """The dock's contents for one :class:`CompareSession`."""

    changeActivated = Signal(object)  # a Change: show it on the canvas
    takeBackRequested = Signal(object)  # a Change: put the old value back
    sideBySideRequested = Signal()
    closeRequested = Signal()

    def __init__(self, session: CompareSession, can_take_back,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChangeList")
        self.session = session
        self._can_take_back = can_take_back  # Change -> bool
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_RichDelegate(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)  # Enter on a row
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.viewport().installEventFilter(self)
        self.layout_box = QCheckBox()
        self.layout_box.toggled.connect(session.set_include_layout)
        self.take_back_button = QPushButton()
        self.take_back_button.clicked.connect(self._take_back_current)
        self.side_button = QPushButton()
        self.side_button.clicked.connect(self.sideBySideRequested)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.closeRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.side_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.layout_box)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._icons = {mark: _dot(mark) for mark in Mark}
        session.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.take_back_button.setText(self.tr("Take Old Value Back"))
        self.take_back_button.setToolTip(self.tr(
            "Put the selected change's value from the compared version back into the "
            "document (one undo step)"))
        self.side_button.setText(self.tr("Side by Side"))
        self.close_button.setText(self.tr("Close Comparison"))
        self._update_summary()

    def _update_summary(self) -> None:
        comparison = self.session.comparison
        content, layout = len(comparison.content), len(comparison.layout)
        self.summary.setText(self.tr("Compared with {label}: {n} change(s) in content")
                             .format(label=self.session.label, n=content))
        self.layout_box.setText(self.tr("Show layout moves ({n})").format(n=layout))
        self.layout_box.blockSignals(True)
        self.layout_box.setChecked(self.session.include_layout)
        self.layout_box.blockSignals(False)

    # ------------------------------------------------------------------ rows
    def refresh(self) -> None:
        """Fill the list from the session's comparison, keeping the selected change."""
        current = self.current_change()
        session = self.session
        language = current_language()
        texts = change_texts(session.comparison, session.other, session.draft,
                             include_layout=session.include_layout, language=language)
        self.tree.clear()
        heading_item: QTreeWidgetItem | None = None
        heading = None
        keep = None
        for text in texts:
            whole = text.change.field == "" and text.change.subject not in PART_SUBJECTS
            if whole:  # a stage or arrow added or removed: one line, no heading
                heading, heading_item = None, None
                row = QTreeWidgetItem(self.tree)
            else:
                if text.heading != heading or heading_item is None:
                    heading = text.heading
                    heading_item = QTreeWidgetItem(self.tree)
                    heading_item.setData(0, CHANGE_ROLE, text.change)
                    heading_item.setData(0, TEXT_ROLE, heading)
                    self._label(heading_item, f"<b>{html.escape(heading)}</b>")
                    heading_item.setExpanded(True)
                row = QTreeWidgetItem(heading_item)
            row.setData(0, CHANGE_ROLE, text.change)
            row.setData(0, TEXT_ROLE, text.line)
            row.setData(0, ROW_ROLE, True)
            row.setIcon(0, self._icons[mark_of(text.change)])
            row.setToolTip(0, text.line)
            self._label(row, rich_line(text, language))
            if current is not None and text.change == current:
                keep = row
        if keep is not None:
            self.tree.setCurrentItem(keep)
        self._update_summary()
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.tree.doItemsLayout()  # rows wrap anew at the new width
        return super().eventFilter(watched, event)

    def _label(self, item: QTreeWidgetItem, rich: str) -> None:
        item.setData(0, RICH_ROLE, rich)
        # the plain words too: screen readers and type-to-find read them (not drawn)
        item.setText(0, item.data(0, TEXT_ROLE) or "")

    def rows(self) -> list[QTreeWidgetItem]:
        """The change rows (not the headings), in order."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, ROW_ROLE):
                out.append(top)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def row_texts(self) -> list[str]:
        return [row.data(0, TEXT_ROLE) for row in self.rows()]

    def current_change(self) -> Change | None:
        item = self.tree.currentItem()
        return item.data(0, CHANGE_ROLE) if item is not None else None

    def select_change(self, index: int) -> None:
        """Make the ``index``-th change current and show it, as a click would."""
        row = self.rows()[index]
        self.tree.setCurrentItem(row)
        self._clicked(row)

    # ------------------------------------------------------------------ actions
    def _current_changed(self, *_: object) -> None:
        self._update_buttons()

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        change = item.data(0, CHANGE_ROLE)
        if change is not None:
            self.changeActivated.emit(change)

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        change = self.current_change()
        row = item is not None and bool(item.data(0, ROW_ROLE))
        self.take_back_button.setEnabled(row and change is not None
                                         and self._can_take_back(change))

    def _take_back_current(self) -> None:
        change = self.current_change()
        if change is not None and self.take_back_button.isEnabled():
            self.takeBackRequested.emit(change)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, ROW_ROLE):
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        action = menu.addAction(self.tr("Take Old Value Back"))
        action.setEnabled(self.take_back_button.isEnabled())
        action.triggered.connect(self._take_back_current)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


__all__ = ["ChangeList", "rich_line"]
