"""Rename in place: a plain-text editor laid over a stage or an arrow's label.

Enter commits, Escape cancels, clicking elsewhere commits.  Text stays plain (never
interpreted as markup); line breaks are turned into spaces.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from salesdesigner.ui.canvas import style


class InplaceEditor(QGraphicsTextItem):
    def __init__(self, text: str, rect: QRectF, on_done: Callable[[str | None], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._finished = False
        self.setFont(style.font(10, bold=True))
        self.setDefaultTextColor(style.INK)
        self.setPlainText(text)
        self.setTextWidth(max(80.0, rect.width() - 12))
        self.setPos(rect.left() + 6, rect.center().y() - super().boundingRect().height() / 2)
        self._cover = rect.translated(-self.pos())  # hide what is being renamed
        self.setZValue(200)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)

    def begin(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def replace_with(self, text: str) -> None:
        """Start over with ``text`` (the key that opened the editor), cursor after it."""
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._cover).adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(style.CARD)
        painter.setPen(QPen(style.SELECTION, 2))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 8, 8)
        super().paint(painter, option, widget)

    def commit(self) -> None:
        self._finish(" ".join(self.toPlainText().splitlines()))

    def cancel(self) -> None:
        self._finish(None)

    def _finish(self, text: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self._on_done(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()
