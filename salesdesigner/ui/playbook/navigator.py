"""The stage navigator: every stage in process order, each marked with its lane's colour.

Process order (start to outcome, branches right after their parent) is how a rep walks a
deal, so the list follows it rather than the lanes; the lane shows as a colour bar and a
small caption.  The lane filter hides other lanes' stages without changing the order.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from salesdesigner.model.entities import StageKind
from salesdesigner.ui.playbook.theme import MUTED, TEXT, lane_color, tint

STAGE_ID = Qt.ItemDataRole.UserRole
LANE_NAME = Qt.ItemDataRole.UserRole + 1
LANE_COLOR = Qt.ItemDataRole.UserRole + 2
STEP = Qt.ItemDataRole.UserRole + 3
KIND = Qt.ItemDataRole.UserRole + 4

_KIND_MARK = {StageKind.START: "▶", StageKind.DECISION: "◆", StageKind.WON: "★",
              StageKind.LOST: "✕", StageKind.END: "■"}


class NavigatorDelegate(QStyledItemDelegate):
    """Two lines per stage: number and name, then the lane, with the lane colour at the left."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        color = lane_color(index.data(LANE_COLOR))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.fillRect(rect, QColor(tint(color, 0.8)))
        elif hovered:
            painter.fillRect(rect, QColor(tint(color, 0.93)))
        painter.fillRect(QRect(rect.left() + 6, rect.top() + 6, 4, rect.height() - 12), color)

        font = QFont(option.font)
        fm = QFontMetrics(font)
        left = rect.left() + 18
        width = rect.width() - 26
        step = index.data(STEP)
        kind = StageKind(index.data(KIND) or StageKind.STAGE)
        mark = _KIND_MARK.get(kind, "")
        number = f"{step}." if step else ""
        name_font = QFont(font)
        name_font.setWeight(QFont.Weight.DemiBold if selected else QFont.Weight.Medium)
        painter.setFont(name_font)
        painter.setPen(QPen(QColor(TEXT)))
        top = rect.top() + 8
        prefix = " ".join(p for p in (number, mark) if p)
        title = f"{prefix}  {index.data(Qt.ItemDataRole.DisplayRole)}" if prefix else \
            str(index.data(Qt.ItemDataRole.DisplayRole))
        name_fm = QFontMetrics(name_font)
        painter.drawText(QRect(left, top, width, fm.height()), Qt.AlignmentFlag.AlignVCenter,
                         name_fm.elidedText(title, Qt.TextElideMode.ElideRight, width))
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        lane = str(index.data(LANE_NAME) or "")
        painter.drawText(QRect(left, top + fm.height() + 2, width, fm.height()),
                         Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(lane, Qt.TextElideMode.ElideRight, width))
        painter.restore()


class StageNavigator(QListWidget):
    """The list of stages; ``stageActivated`` fires when the rep picks one (click, keys)."""

    stageActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("playbookNavigator")
        self.setItemDelegate(NavigatorDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._syncing = False
        self.currentItemChanged.connect(self._on_current_changed)

    def set_stages(self, rows: list[tuple[str, str, str, str, int, StageKind]]) -> None:
        """Rows of (stage id, name, lane name, lane colour, step number, kind), in order."""
        self._syncing = True
        try:
            self.clear()
            for stage_id, name, lane_name, color, step, kind in rows:
                item = QListWidgetItem(" ".join(name.split()))
                item.setData(STAGE_ID, stage_id)
                item.setData(LANE_NAME, lane_name)
                item.setData(LANE_COLOR, color)
                item.setData(STEP, step)
                item.setData(KIND, StageKind(kind).value)
                item.setToolTip("")
                self.addItem(item)
        finally:
            self._syncing = False

    def stage_ids(self) -> list[str]:
        return [self.item(i).data(STAGE_ID) for i in range(self.count())]

    def current_stage_id(self) -> str | None:
        item = self.currentItem()
        return item.data(STAGE_ID) if item is not None else None

    def select_stage(self, stage_id: str | None) -> None:
        """Show ``stage_id`` as current without announcing it (the window already knows)."""
        self._syncing = True
        try:
            for i in range(self.count()):
                if self.item(i).data(STAGE_ID) == stage_id:
                    self.setCurrentRow(i)
                    self.scrollToItem(self.item(i))
                    return
            self.setCurrentItem(None)
            self.clearSelection()
        finally:
            self._syncing = False

    def _on_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None and not self._syncing:
            self.stageActivated.emit(current.data(STAGE_ID))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """j/k move like ↓/↑ (the muscle memory of many readers)."""
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,) and event.text() in ("j", "k"):
            step = 1 if event.text() == "j" else -1
            row = self.currentRow()
            row = 0 if row < 0 else max(0, min(self.count() - 1, row + step))
            if self.count():
                self.setCurrentRow(row)
            return
        super().keyPressEvent(event)
