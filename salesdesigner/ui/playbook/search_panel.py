"""Search results: which stage, which field, and the words around the match.

Each row is drawn from HTML that this module builds, so every piece of user text goes
through :func:`html.escape` first; a stage called ``<img src=x>`` shows as those characters.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from salesdesigner.ui.playbook.theme import MUTED, TEXT, lane_color, tint

STAGE_ID = Qt.ItemDataRole.UserRole
ROW_HTML = Qt.ItemDataRole.UserRole + 1
LANE_COLOR = Qt.ItemDataRole.UserRole + 2
FIELD_TEXT = Qt.ItemDataRole.UserRole + 3  # the whole text that matched (the page finds it)


@dataclass(frozen=True)
class ResultRow:
    stage_id: str
    stage_name: str
    lane_color: str
    field_label: str
    before: str
    match: str
    after: str
    text: str = ""  # the field's whole text

    def to_html(self) -> str:
        """The row as rich text; user text is escaped, only our own tags remain."""
        e = html.escape
        name = e(" ".join(self.stage_name.split()))
        head = (f"<b>{name}</b> <span style='color:{MUTED}'>· {e(self.field_label)}</span>")
        body = (f"{e(self.before)}<span style='background:#FFE8A3'><b>{e(self.match)}</b></span>"
                f"{e(self.after)}")
        return (f"<div style='color:{TEXT}'>{head}</div>"
                f"<div style='color:{TEXT}'>{body}</div>")

    def plain(self) -> str:
        return f"{self.stage_name} · {self.field_label}: {self.before}{self.match}{self.after}"


class ResultDelegate(QStyledItemDelegate):
    """Draws a row's HTML, wrapped to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(str(index.data(ROW_HTML) or ""))
        doc.setTextWidth(max(80, option.rect.width() - 26))
        return doc

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 260
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 0)
        doc = self._document(opt, index)
        return QSize(width, min(int(doc.size().height()) + 16, 160))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect = option.rect
        color = lane_color(index.data(LANE_COLOR))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(tint(color, 0.8)))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor(tint(color, 0.93)))
        painter.fillRect(QRect(rect.left() + 6, rect.top() + 8, 4, rect.height() - 16), color)
        painter.setClipRect(rect.adjusted(0, 0, 0, -4))
        painter.translate(rect.left() + 18, rect.top() + 8)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class SearchResults(QListWidget):
    """The result list; ``stageActivated`` (stage id) and ``matchActivated`` (stage id, the
    text that matched) fire on click or Enter."""

    stageActivated = Signal(str)
    matchActivated = Signal(str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("playbookResults")
        self.setItemDelegate(ResultDelegate(self))
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.clear()
        for row in rows:
            item = QListWidgetItem(row.plain())
            item.setData(STAGE_ID, row.stage_id)
            item.setData(ROW_HTML, row.to_html())
            item.setData(LANE_COLOR, row.lane_color)
            item.setData(FIELD_TEXT, row.text)
            self.addItem(item)
        if rows:
            self.setCurrentRow(0)

    def rows_stage_ids(self) -> list[str]:
        return [self.item(i).data(STAGE_ID) for i in range(self.count())]

    def activate_current(self) -> bool:
        item = self.currentItem() or (self.item(0) if self.count() else None)
        if item is None:
            return False
        self._activate(item)
        return True

    def _activate(self, item: QListWidgetItem) -> None:
        self.stageActivated.emit(item.data(STAGE_ID))
        self.matchActivated.emit(item.data(STAGE_ID), item.data(FIELD_TEXT) or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_current()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # row heights depend on the width (wrapped snippets)

