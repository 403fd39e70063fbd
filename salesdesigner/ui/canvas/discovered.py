"""The discovered-flow overlay on the canvas (View ▸ Discovered Flow): the designed arrows
as wide as the moves that took them (faded when none did, or fewer than the frequency
slider asks), and the moves the design lacks as dashed orange arrows with their counts,
which a click offers to add to the design or to list the deals that made them.

It only renders: the arrows get a look (``set_flow``), the overlay adds its own items for
observed-only moves, and the document is never touched here (adopting a move is an edit
pushed by :mod:`salesdesigner.ui.performance.discovery`).  After every redraw of the scene
it puts its look on the items again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from salesdesigner.model.presentation import Words, display_number, words_for
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.performance import BADGE_FONT, GhostFlowItem
from salesdesigner.ui.canvas.stage_item import StageItem

if TYPE_CHECKING:
    from salesdesigner.model.discovery.flow import DiscoveredFlow, Move
    from salesdesigner.ui.canvas.scene import ProcessScene


class ObservedMoveItem(GhostFlowItem):
    """A move the design lacks: dashed, as wide as its moves, its count in a pill at the
    middle; a click hands (source, target) to :attr:`clicked`."""

    def __init__(self, source: StageItem, target: StageItem, width: float, tip: str,
                 count: str, clicked: Callable[[str, str, QPoint], None]) -> None:
        self.count = count
        self._pill = QRectF()
        super().__init__(source, target, width, tip)
        self.clicked = clicked
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(7)

    def adjust(self) -> None:
        super().adjust()
        fm = QFontMetricsF(BADGE_FONT)
        w, h = fm.horizontalAdvance(self.count) * 1.12 + 12, fm.height() + 4
        mid = self.path.pointAtPercent(0.5)
        self._pill = QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h)
        self._bounds = self._bounds.united(self._pill.adjusted(-2, -2, 2, 2))

    def shape(self):  # type: ignore[override]
        pill = QPainterPath()
        pill.addRect(self._pill)
        return super().shape().united(pill)  # united: an added rect would cut a hole

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        super().paint(painter, option, widget)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.45:
            return
        painter.setPen(QPen(style.GHOST_FLOW, 1))
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawRoundedRect(self._pill, self._pill.height() / 2, self._pill.height() / 2)
        painter.setFont(BADGE_FONT)
        painter.setPen(style.INK)
        painter.drawText(self._pill, Qt.AlignmentFlag.AlignCenter, self.count)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.clicked(self.source.stage_id, self.target.stage_id, event.screenPos())
        else:
            super().mousePressEvent(event)


def arrow_width(moves: int, most: int) -> float:
    """The overlay's pen width for ``moves`` (the performance overlay's scale)."""
    from salesdesigner.model.actuals.onscreen import flow_width
    return flow_width(moves, most)


class DiscoveredOverlay(QObject):
    """Puts a :class:`~salesdesigner.model.discovery.flow.DiscoveredFlow` on a scene."""

    moveClicked = Signal(str, str, QPoint)  # source, target, where (screen)

    def __init__(self, scene: ProcessScene, language: Callable[[], str]) -> None:
        super().__init__(scene)
        self.scene = scene
        self.language = language
        self.flow: DiscoveredFlow | None = None
        self.threshold = 1  # moves made fewer times are hidden (observed) or faded (designed)
        self.observed: dict[tuple[str, str], ObservedMoveItem] = {}
        self._announcing = False
        self._connected = False

    @property
    def shown(self) -> bool:
        return self.flow is not None

    def show(self, flow: DiscoveredFlow | None) -> None:
        """Draw ``flow`` (None: the plain canvas again)."""
        self.flow = flow
        # be the last to hear of a redraw: another overlay resets the arrows first
        if self._connected:
            self.scene.contentChanged.disconnect(self._redrawn)
            self._connected = False
        if flow is not None:
            self.scene.contentChanged.connect(self._redrawn)
            self._connected = True
        self._sync()
        self._announcing = True  # the overview map redraws on this
        try:
            self.scene.contentChanged.emit()
        finally:
            self._announcing = False

    def set_threshold(self, moves: int) -> None:
        """Hide observed moves (fade designed arrows) made fewer than ``moves`` times."""
        moves = max(1, int(moves))
        if moves != self.threshold:
            self.threshold = moves
            self._sync()

    def _redrawn(self) -> None:
        if not self._announcing:
            self._sync()

    def words_changed(self) -> None:
        self._sync()

    def visible_moves(self) -> list[Move]:
        """The observed-only moves drawn at the current threshold."""
        if self.flow is None:
            return []
        return [m for m in self.flow.observed_only if m.moves >= self.threshold]

    def _sync(self) -> None:
        flow = self.flow
        stages = self.scene.stage_items()
        transitions = self.scene.transition_items()
        if flow is None:
            for item in transitions.values():
                item.set_flow(None)
            self._drop(set())
            return
        words = words_for(self.language(), "analysis")
        names = {sid: words.name(item.stage.name) for sid, item in stages.items()}
        most = flow.most
        for tid, item in transitions.items():
            moves = flow.arrows.get(tid, 0)
            t = item.transition
            source, target = names.get(t.source, ""), names.get(t.target, "")
            if not moves:
                item.set_flow(1.0, 0, words("unused_tip", source=source, target=target))
                continue
            tip = words("designed_tip", source=source, target=target,
                        moves=display_number(moves))
            if moves >= self.threshold:
                item.set_flow(arrow_width(moves, most), moves, tip)
            else:  # rarer than the slider asks: faded like an unused arrow
                item.set_flow(1.0, 0, tip)
        shown: set[tuple[str, str]] = set()
        for m in self.visible_moves():
            if m.source in stages and m.target in stages:
                shown.add((m.source, m.target))
                self._observed(m, stages, most, words, names)
        self._drop(shown)

    def _observed(self, m: Move, stages: dict[str, StageItem], most: int, words: Words,
                  names: dict[str, str]) -> None:
        key = (m.source, m.target)
        tip = words("observed_tip", kind=words("discover_kind_" + m.kind),
                    source=names[m.source], target=names[m.target],
                    moves=display_number(m.moves), deals=display_number(m.deals))
        width = arrow_width(m.moves, most)
        count = display_number(m.moves)
        item = self.observed.get(key)
        source, target = stages[m.source], stages[m.target]
        if (item is None or item.scene() is not self.scene or item.source is not source
                or item.target is not target or item.width != width or item.count != count):
            if item is not None and item.scene() is not None:
                item.scene().removeItem(item)
            item = self.observed[key] = ObservedMoveItem(source, target, width, tip, count,
                                                         self.moveClicked.emit)
            self.scene.addItem(item)
        else:
            item.setToolTip(style.tooltip(tip))
            item.adjust()

    def _drop(self, kept: set[tuple[str, str]]) -> None:
        for key in [k for k in self.observed if k not in kept]:
            item = self.observed.pop(key)
            if item.scene() is not None:
                item.scene().removeItem(item)


__all__ = ["DiscoveredOverlay", "ObservedMoveItem"]
