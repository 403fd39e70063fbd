"""Lane titles the view keeps in sight, drawn over the scene in viewport pixels.

* Scrolled sideways at a readable zoom, the lanes' title column stays at the view's left
  edge, as a spreadsheet freezes its first column.
* Zoomed out (the column's 10 pt text would be a few pixels tall), each lane's name is
  written left to right at screen size, in a gutter just left of the lanes — *Fit to
  Window* and a newly opened document leave room for it — or pinned to the view's left
  edge once that is scrolled away.
* A title never hides a stage: where a card lies under its place, the title moves to a free
  spot higher or lower in its band (a name tab across), or, with no free spot, is drawn
  faint so that the card reads through it.

The scene, the overview map and exported pictures are not involved.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from salesdesigner.model.geometry import LANE_TITLE_WIDTH
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.lane_item import TITLE_FONT, TITLE_LOD, LaneItem, title_layout
from salesdesigner.ui.canvas.stage_item import StageItem

LEGIBLE_ZOOM = TITLE_LOD  # below this the column's own 10 pt title is under 10 pixels tall
GUTTER_MAX = 180.0     # a zoomed-out lane name is cut to fit this many pixels
TAB_PAD = 8.0          # around a zoomed-out name, inside its tab (left of it: the colour bar)
TAB_INSET = 3.0        # a tab moved to the top or bottom of its band keeps off the band's edge
FAINT = 0.3            # opacity of a title with a stage under it wherever it goes


@dataclass(frozen=True)
class PinnedTitle:
    """One lane's title as the view draws it, in viewport pixels."""

    lane: LaneItem
    area: QRectF      # what it covers (a click there selects the lane)
    text: str
    vertical: bool    # upright characters in a column (CJK)
    column: bool      # the frozen title column; False: a name tab written across
    faint: bool = False  # a stage lies under it: drawn see-through


def gutter_width(lanes: list[LaneItem]) -> float:
    """Pixels the zoomed-out lane names need left of the lanes (0 without lanes)."""
    if not lanes:
        return 0.0
    metrics = QFontMetricsF(TITLE_FONT)
    widest = max(metrics.horizontalAdvance(style.display_text(lane.lane.name, 200))
                 for lane in lanes)
    return min(widest, GUTTER_MAX) + 2 * TAB_PAD + 4


def pinned_titles(view: QGraphicsView, lanes: list[LaneItem]) -> list[PinnedTitle]:
    """The titles to draw now; none while the lanes' own column is in view and legible."""
    if not lanes:
        return []
    zoom = view.transform().m11()
    left = float(view.mapFromScene(QPointF(0.0, 0.0)).x())
    if left >= 0 and zoom >= LEGIBLE_ZOOM:
        return []
    viewport = QRectF(view.viewport().rect())
    metrics = QFontMetricsF(TITLE_FONT)
    titles = []
    if zoom >= LEGIBLE_ZOOM:  # scrolled sideways: freeze the column at the left edge
        for lane in lanes:
            band = _screen_band(view, lane).intersected(viewport)
            strip = QRectF(0.0, band.top(), LANE_TITLE_WIDTH * zoom, band.height())
            if strip.height() < 6:
                continue
            if not _covers_stage(view, strip):
                text, vertical = title_layout(lane.lane.name, strip.height())
                titles.append(PinnedTitle(lane, strip, text, vertical, True))
            else:  # a card under the column: its name in a tab where the band is free
                titles.append(_tab(view, lane, band, 0.0, metrics))
        return titles
    gutter = gutter_width(lanes)
    x = max(left - gutter, 0.0)
    for lane in lanes:
        band = _screen_band(view, lane).intersected(viewport)
        if band.height() >= 4:
            titles.append(_tab(view, lane, band, x, metrics))
    return titles


def _tab(view: QGraphicsView, lane: LaneItem, band: QRectF, x: float,
         metrics: QFontMetricsF) -> PinnedTitle:
    """A name tab at ``x`` in the visible part ``band`` of the lane: centred, else at the
    band's top or bottom, whichever covers no stage; faint when each of them would."""
    text = metrics.elidedText(style.display_text(lane.lane.name, 200),
                              Qt.TextElideMode.ElideRight, GUTTER_MAX)
    height = min(metrics.height() + 6, band.height())
    width = metrics.horizontalAdvance(text) + 2 * TAB_PAD + 4
    inset = min(TAB_INSET, max(0.0, (band.height() - height) / 2))
    tops = (band.center().y() - height / 2, band.top() + inset, band.bottom() - height - inset)
    for top in tops:
        tab = QRectF(x, top, width, height)
        if not _covers_stage(view, tab):
            return PinnedTitle(lane, tab, text, False, False)
    return PinnedTitle(lane, QRectF(x, tops[0], width, height), text, False, False, True)


def _covers_stage(view: QGraphicsView, area: QRectF) -> bool:
    """Whether a stage card is drawn under viewport ``area`` (asks the scene's index)."""
    scene = view.scene()
    box = area.toAlignedRect()
    for item in scene.items(view.mapToScene(box).boundingRect(),
                            Qt.ItemSelectionMode.IntersectsItemBoundingRect):
        if (isinstance(item, StageItem) and item.isVisible()
                and view.mapFromScene(item.scene_body_rect()).boundingRect().intersects(box)):
            return True
    return False


def _screen_band(view: QGraphicsView, lane: LaneItem) -> QRectF:
    band = lane.band_rect()
    top = view.mapFromScene(QPointF(0.0, band.top())).y()
    bottom = view.mapFromScene(QPointF(0.0, band.bottom())).y()
    return QRectF(0.0, top, float(view.viewport().width()), bottom - top)


def paint_pinned_titles(painter: QPainter, titles: list[PinnedTitle]) -> None:
    """Draw the titles (``painter`` in viewport pixels)."""
    for t in titles:
        color = style.lane_color(t.lane.lane.color)
        painter.save()
        painter.setClipRect(t.area)
        if t.faint:
            painter.setOpacity(FAINT)
        else:
            painter.fillRect(t.area, style.CANVAS)  # hide what scrolled under it
        tint = QColor(color)
        tint.setAlpha(20)
        painter.fillRect(t.area, tint)
        if t.column:
            t.lane.paint_header(painter, t.area, t.text, t.vertical)
            painter.setPen(QPen(QColor(color.red(), color.green(), color.blue(), 110), 1))
            painter.drawLine(QPointF(t.area.right(), t.area.top()),
                             QPointF(t.area.right(), t.area.bottom()))
        else:
            t.lane.paint_header(painter, t.area, "", False)
            painter.setFont(TITLE_FONT)
            painter.setPen(style.INK)
            painter.drawText(t.area.adjusted(TAB_PAD + 4, 0, -TAB_PAD, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, t.text)
        painter.restore()


def pinned_lane_at(titles: list[PinnedTitle], pos: QPoint) -> str | None:
    """The lane whose title is drawn under viewport point ``pos``."""
    for t in titles:
        if t.area.contains(QPointF(pos)):
            return t.lane.lane_id
    return None


__all__ = ["PinnedTitle", "gutter_width", "paint_pinned_titles", "pinned_lane_at",
           "pinned_titles"]
