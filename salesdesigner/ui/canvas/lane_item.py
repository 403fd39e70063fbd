"""A swimlane: a lightly tinted horizontal band with its title in a column at the left.

Bands stack from ``y = 0`` as :func:`salesdesigner.model.geometry.lane_bands` says.  The
header's context menu renames, recolours, reorders and deletes the lane (the scene turns
each into an undo command).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from salesdesigner.model.entities import Lane
from salesdesigner.model.geometry import LANE_TITLE_WIDTH
from salesdesigner.ui.canvas import style

TITLE_FONT = style.font(10, bold=True)
VERTICAL_FONT = style.font(10, bold=True)
VERTICAL_FONT.setFeature(QFont.Tag("vert"), 1)  # ー 「 」 。 take their upright-text forms


def is_cjk(text: str) -> bool:
    """Japanese (or Chinese) titles are set upright, top to bottom, as on paper; others are
    turned on their side."""
    return any("\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"
               for c in text)


def title_layout(name: str, height: float) -> tuple[str, bool]:
    """A lane title as it fits a column ``height`` tall: upright characters for CJK
    ("⋮" for the rest when they do not fit), otherwise one elided line turned on its side."""
    name = style.display_text(name, 200)
    if is_cjk(name):  # one character a line
        rows = max(1, int((height - 16) // QFontMetricsF(VERTICAL_FONT).height()))
        chars = [c for c in name if not c.isspace()]
        return "".join(chars if len(chars) <= rows else chars[:rows - 1] + ["⋮"]), True
    return QFontMetricsF(TITLE_FONT).elidedText(
        name, Qt.TextElideMode.ElideRight, max(10.0, height - 16)), False


def paint_title(painter: QPainter, title: QRectF, text: str, vertical: bool) -> None:
    """Write a laid-out title (:func:`title_layout`) centred in the column ``title``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(style.INK)
    if vertical:
        painter.setFont(VERTICAL_FONT)
        line = QFontMetricsF(VERTICAL_FONT).height()
        top = title.center().y() - line * len(text) / 2
        for i, char in enumerate(text):
            painter.drawText(QRectF(title.left() + 2, top + i * line, title.width() - 2, line),
                             Qt.AlignmentFlag.AlignCenter, char)
    else:
        painter.translate(title.center())
        painter.rotate(-90)
        painter.setFont(TITLE_FONT)
        painter.drawText(QRectF(-title.height() / 2, -title.width() / 2, title.height(),
                                title.width()), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


TITLE_LOD = 0.75    # zoomed out further, a view pins the lane names at screen size instead
EDGE = 5.0          # how close to the band's bottom edge a press resizes the lane
MIN_HEIGHT = 60.0


class LaneItem(QGraphicsItem):
    """Draws one :class:`Lane` band; geometry is set by the scene."""

    Type = QGraphicsItem.UserType + 3

    def __init__(self, lane: Lane) -> None:
        super().__init__()
        self.lane = lane
        self._top = 0.0
        self._width = 800.0
        self._title = ""
        self._vertical = False
        self.highlighted = False  # a dragged stage would land in this lane
        self.header_selected = False  # the lane is selected (the inspector shows it)
        self.setZValue(-10)
        self._preview_height: float | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.RightButton | Qt.MouseButton.LeftButton)
        self.setAcceptHoverEvents(True)
        self._layout_title()

    def type(self) -> int:
        return self.Type

    @property
    def lane_id(self) -> str:
        return self.lane.id

    def set_lane(self, lane: Lane) -> None:
        if lane.height != self.lane.height:
            self.prepareGeometryChange()
        self.lane = lane
        self._layout_title()
        self.update()

    def set_band(self, top: float, width: float) -> None:
        if (top, width) != (self._top, self._width):
            self.prepareGeometryChange()
            self._top, self._width = top, width
            self._layout_title()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def set_selected_header(self, on: bool) -> None:
        if on != self.header_selected:
            self.header_selected = on
            self.update()

    def height(self) -> float:
        return self._preview_height if self._preview_height is not None else self.lane.height

    def band_rect(self) -> QRectF:
        return QRectF(0.0, self._top, self._width, self.height())

    def title_rect(self) -> QRectF:
        return QRectF(0.0, self._top, LANE_TITLE_WIDTH, self.height())

    def _layout_title(self) -> None:
        self._title, self._vertical = title_layout(self.lane.name, self.lane.height)

    def boundingRect(self) -> QRectF:
        return self.band_rect().adjusted(0, 0, 0, EDGE)  # the resize edge reaches below

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        color = style.lane_color(self.lane.color)
        band = self.band_rect()
        tint = QColor(color)
        tint.setAlpha(55 if self.highlighted else 20)
        painter.fillRect(band, tint)
        painter.setPen(QPen(QColor(color.red(), color.green(), color.blue(), 90), 0))
        painter.drawLine(QPointF(band.left(), band.bottom()), QPointF(band.right(), band.bottom()))
        # In a view, zoomed out, the view writes the names at screen size (pinned_titles)
        legible = lod >= (TITLE_LOD if widget is not None else 0.3)
        self.paint_header(painter, self.title_rect(), self._title if legible else "",
                          self._vertical)

    def paint_header(self, painter: QPainter, title: QRectF, text: str,
                     vertical: bool) -> None:
        """The title column: tinted, with the lane's colour bar and its name.  The view
        also calls this, in screen pixels, for the title it keeps at its left edge."""
        color = style.lane_color(self.lane.color)
        head = QColor(color)
        head.setAlpha(120 if self.header_selected else 48)
        painter.fillRect(title, head)
        painter.fillRect(QRectF(title.left(), title.top(), 4, title.height()), color)
        if self.header_selected:  # selected: a darker frame around the title column
            painter.setPen(QPen(color.darker(140), 2))
            painter.drawRect(title.adjusted(1, 1, -1, -1))
        if text:
            paint_title(painter, title, text, vertical)

    # ------------------------------------------------------------------ resizing
    def on_bottom_edge(self, scene_pos: QPointF) -> bool:
        return abs(self.mapFromScene(scene_pos).y() - (self._top + self.lane.height)) <= EDGE

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setCursor(Qt.CursorShape.SizeVerCursor if self.on_bottom_edge(event.scenePos())
                       else Qt.CursorShape.ArrowCursor)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.unsetCursor()

    def preview_height(self) -> float | None:
        return self._preview_height

    def set_preview_height(self, height: float | None) -> None:
        """Draw the band ``height`` tall while its edge is dragged (None: the lane's)."""
        if height != self._preview_height:
            self.prepareGeometryChange()
            self._preview_height = height

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.ignore()  # the editor handles presses; an empty band starts a rubber band
