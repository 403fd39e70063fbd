"""A stage on the canvas: its shape by kind, name, lane accent, headline KPIs, findings.

The item's position is the stage's centre (as in the model).  Text is laid out when the
stage changes, never in ``paint``; when zoomed out the item paints a plain shape only.
Dragging from the round handle at the right edge draws a new arrow (the editor's connect
interaction does the rest).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from salesdesigner.model.entities import Stage, StageKind
from salesdesigner.model.geometry import stage_size
from salesdesigner.ui.canvas import style

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.transition_item import TransitionItem

HANDLE_RADIUS = 7.0
NAME_FONT = style.font(10, bold=True)
KPI_FONT = style.font(8)
TERMINAL_FONT = style.font(10, bold=True)
ACCENT_WIDTH = 6.0
LOD_SHAPE_ONLY = 0.3
LOD_NAME_ONLY = 0.55
# Below this scale the KPI lines (8 pt) are too small to read: the card shows its name
# alone, enlarged so it stays readable on screen, then shortened, then (when not even a
# shortened name fits) the plain shape.
LOD_FAR = 0.7
FAR_PAD = 4.0
# A name that does not fit its card whole at a legible size from afar (the-model fitted
# in the window, ~16 %: "リー…", "SQ…") is written on the card drawn this much larger
# (width, height by kind; about its spacing in a laid-out lane), on its own colours.
FAR_GAP = 32.0  # larger cards keep this far apart (scene units): the arrow shows
FAR_GROW = {StageKind.STAGE: (1.4, 2.0), StageKind.DECISION: (1.6, 2.0),
            StageKind.START: (1.5, 2.4), StageKind.END: (1.5, 2.4),
            StageKind.WON: (1.4, 2.0), StageKind.LOST: (1.4, 2.0)}


LIVE_REROUTE = 8  # dragging more stages than this re-routes the arrows around them on release
_OUTLINES: dict[tuple[StageKind, tuple[float, float]], QPainterPath] = {}

def _shown(far: tuple[QFont, list[str]]) -> int:
    """How many characters of a name a zoomed-out layout shows (not the ellipsis)."""
    return len("".join("".join(far[1]).split()).replace("…", ""))


class StageItem(QGraphicsItem):
    """Draws one :class:`Stage`; the scene keeps it in sync with the model."""

    Type = QGraphicsItem.UserType + 1

    def __init__(self, stage: Stage, lane_color: QColor | None = None) -> None:
        super().__init__()
        self.stage = stage
        self.edges: list[TransitionItem] = []
        self.severity: str | None = None  # "error" / "warning" from validation
        self._lane_color = lane_color
        self._hover = False
        self._connecting = False
        self.drop_target = False  # an arrow being drawn would end here
        self._name_lines: list[str] = []
        self._kpi_lines: list[str] = []
        self._far: dict[int, tuple[QFont, list[str]] | None] = {}  # by zoom step
        self._far_grown: dict[int, bool] = {}  # whether that step draws the card larger
        self._far_version = -1  # the scene's stage index version the two were made for
        self._text_stale = True  # laid out on first paint: a big document opens faster
        self._tooltip_stale = True  # built on first hover, for the same reason
        # the performance overlay's look (status and KPI lines with actuals), or None: a
        # view state set by canvas/performance.py, never part of the document
        self.performance: tuple[str, tuple[tuple[str, str], ...]] | None = None
        self._set_size(stage_size(stage.kind))
        # the card drawn larger from afar: a child with bounds of its own, so the stage's
        # bounds stay what it covers close up (hits, overlaps, the scene's size)
        self._far_card = _FarCard(self)
        self.setPos(stage.position.x, stage.position.y)
        # No itemChange override: PySide would call into Python for every flag, z-value
        # and scene change of every item (a third of building a big canvas).  Arrows follow
        # their stages where positions change: set_model_pos and the drag (_follow_drag).
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(10)

    def type(self) -> int:
        return self.Type

    @property
    def stage_id(self) -> str:
        return self.stage.id

    # ------------------------------------------------------------------ model sync
    def set_stage(self, stage: Stage) -> None:
        """Show a new value of the stage (the scene calls this on StageChanged)."""
        old = self.stage
        self.stage = stage
        if stage.kind != old.kind:
            self.prepareGeometryChange()
            self._set_size(stage_size(stage.kind))
            for edge in self.edges:
                edge.adjust()
        if (stage.name, stage.kind, stage.kpis) != (old.name, old.kind, old.kpis):
            self._text_stale = self._tooltip_stale = True
        elif (stage.goal, stage.duration_days) != (old.goal, old.duration_days):
            self._tooltip_stale = True
        if stage.position != old.position:
            self.set_model_pos(stage.position.x, stage.position.y)
        if (stage.name, stage.kind, stage.kpis) != (old.name, old.kind, old.kpis):
            self.repaint_everywhere()  # what it shows changed: not only the view's copy
        else:
            self.update()

    def words_changed(self) -> None:
        """The document's language changed: lay the card's words out again."""
        self._text_stale = self._tooltip_stale = True
        self.update()

    def set_performance(self, look: tuple[str, tuple[tuple[str, str], ...]] | None) -> None:
        """Show the overlay's standing (``status``, and ``(text, status)`` per KPI line,
        the actual beside the target), or the plain card for None."""
        if look != self.performance:
            self.performance = look
            self._text_stale = True
            self.repaint_everywhere()

    def set_lane_color(self, color: QColor | None) -> None:
        if color != self._lane_color:
            self._lane_color = color
            self.repaint_everywhere()

    def set_severity(self, severity: str | None) -> None:
        if severity != self.severity:
            self.severity = severity
            self.repaint_everywhere()

    def repaint_everywhere(self) -> None:
        """Repaint, dropping the cached pixmaps of every device that drew the stage.

        ``update()`` alone marks the cache dirty once: the first view to repaint clears
        the mark and the overview map, which renders the scene into its own pixmap later,
        would keep showing the old name and colour.  Setting the cache mode again purges
        the pixmaps of all devices (the view and the map)."""
        mode = self.cacheMode()
        if mode != QGraphicsItem.CacheMode.NoCache:  # (picture export draws uncached)
            self.setCacheMode(mode)
        self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def set_model_pos(self, x: float, y: float) -> None:
        """Place the item exactly where the model says (no snapping); its arrows follow."""
        pos = QPointF(x, y)
        if pos != self.pos():
            self.setPos(pos)
            for edge in self.edges:
                edge.adjust()

    def toolTip(self) -> str:
        self._ensure_tooltip()
        return super().toolTip()

    def _ensure_tooltip(self) -> None:
        if self._tooltip_stale:
            self._tooltip_stale = False
            self.setToolTip(style.stage_tooltip(self.stage, self._language()))

    def _language(self) -> str:
        """The document's language (a card's words are the document's, like the manual's)."""
        process = getattr(self.scene(), "process", None)
        return (process.language if process is not None else "") or "en"

    def text_lines(self) -> tuple[list[str], list[str]]:
        """The name and KPI lines as drawn (laid out now if they are stale)."""
        if self._text_stale:
            self._layout_text()
        return self._name_lines, self._kpi_lines

    def far_text(self, lod: float) -> tuple[QFont, list[str]] | None:
        """The name as drawn when zoomed out to ``lod`` (laid out once per zoom step of
        about 8 %, then kept until the name changes); None: too small, shape only."""
        if self._text_stale:
            self._layout_text()
        step = self._far_step(lod)
        version = self._index_version()
        if version != self._far_version:  # a stage moved: the room to grow may differ
            self._far_version = version
            old, self._room = self._room, None
            if old is not None and self._room_rect() != old:
                self._far.clear()
                self._far_grown.clear()
                self._room_path = None
        if step not in self._far:
            name = style.stage_name(self.stage, self._language())
            w, h = self._far_box().size().toTuple()
            found = style.far_layout(name, w, h, 1.08 ** step)
            grown = False
            whole = "".join(style.display_text(name).split())
            if found is None or "".join("".join(found[1]).split()) != whole:
                w, h = self._far_box(True).size().toTuple()
                larger = style.far_layout(name, w, h, 1.08 ** step)
                if larger is not None and _shown(larger) > (_shown(found) if found else 0):
                    found, grown = larger, True
            self._far[step], self._far_grown[step] = found, grown
        return self._far[step]

    @staticmethod
    def _far_step(lod: float) -> int:
        return round(math.log(max(lod, 1e-4)) / math.log(1.08))

    def far_grown(self, lod: float) -> bool:
        """Whether the card is drawn larger at ``lod`` (its name needs the room)."""
        self.far_text(lod)
        return self._far_grown.get(self._far_step(lod), False)

    def _grown_rect(self) -> QRectF:
        """The card's rectangle drawn larger from afar (:data:`FAR_GROW`): the most it
        may take (the item's bounds hold it)."""
        r = self._body
        fx, fy = FAR_GROW.get(self.stage.kind, (1.4, 2.0))
        return QRectF(-r.width() * fx / 2, -r.height() * fy / 2, r.width() * fx, r.height() * fy)

    def _index_version(self) -> int:
        routes = getattr(self.scene(), "routes", None)
        return -1 if routes is None else routes.version

    def _room_rect(self) -> QRectF:
        """:meth:`_grown_rect` cut back to half the gap to each neighbouring stage, so
        two larger cards keep apart (and the arrow between them shows)."""
        if self._room is not None:
            return self._room
        grown = self._grown_rect()
        routes = getattr(self.scene(), "routes", None)
        if routes is not None:
            w, h = self._size
            x, y = self.pos().x(), self.pos().y()
            hx, hy = grown.width() / 2, grown.height() / 2
            # a neighbour grows too: any stage within twice the growth may meet this one
            rx, ry = 2 * hx - w / 2 + FAR_GAP, 2 * hy - h / 2 + FAR_GAP
            for _key, n in routes.index.hits(x - rx, y - ry, x + rx, y + ry, (self.stage.id,)):
                dx = max(n.x - (x + w / 2), (x - w / 2) - n.right)
                dy = max(n.y - (y + h / 2), (y - h / 2) - n.bottom)
                if dx >= dy:  # beside it: grow less wide
                    hx = min(hx, w / 2 + max(0.0, dx / 2 - FAR_GAP / 2))
                else:  # above or below: arrows rarely run straight between the two
                    hy = min(hy, h / 2 + max(0.0, dy / 2 - FAR_GAP / 4))
            grown = QRectF(-hx, -hy, 2 * hx, 2 * hy)
        self._room = grown
        return grown

    def _far_box(self, grown: bool = False) -> QRectF:
        """Where the zoomed-out name goes: inside the shape (or the larger one drawn
        from afar), clear of the lane accent."""
        r = self._room_rect() if grown else self.body_rect()
        kind = self.stage.kind
        if kind is StageKind.DECISION:  # across the middle: the tips may carry a character
            return QRectF(-r.width() * 0.45, -r.height() * 0.3, r.width() * 0.9,
                          r.height() * 0.6)
        if kind is StageKind.STAGE:
            return r.adjusted(ACCENT_WIDTH + FAR_PAD, FAR_PAD, -FAR_PAD, -FAR_PAD)
        return r.adjusted(r.height() / 8, FAR_PAD / 2, -r.height() / 8, -FAR_PAD / 2)

    def _layout_text(self) -> None:
        self._text_stale = False
        self._far.clear()
        self._far_grown.clear()
        w = self._size[0]
        kind = self.stage.kind
        name_metrics = QFontMetricsF(NAME_FONT)
        language = self._language()
        name = style.stage_name(self.stage, language)
        if kind is StageKind.STAGE:
            every = ([text for text, _ in self.performance[1]] if self.performance
                     else [style.kpi_headline(k, language) for k in self.stage.kpis])
            kpis = every[:2]
            name_lines = 2 if len(kpis) < 2 else 1 if len(name) > 40 else 2
            self._name_lines = style.wrap(name, name_metrics,
                                          w - ACCENT_WIDTH - 20, name_lines)
            km = QFontMetricsF(KPI_FONT)
            self._kpi_lines = [km.elidedText(k, Qt.TextElideMode.ElideRight,
                                             w - ACCENT_WIDTH - 34) for k in kpis]
            if len(every) > 2:
                self._kpi_lines[-1] = km.elidedText(
                    self._kpi_lines[-1] + f"  +{len(every) - 2}",
                    Qt.TextElideMode.ElideRight, w - ACCENT_WIDTH - 34)
        elif kind is StageKind.DECISION:
            self._name_lines = style.wrap(name, name_metrics, w * 0.58, 2)
            self._kpi_lines = []
        else:
            prefix = {StageKind.WON: "✓ ", StageKind.LOST: "✕ "}.get(kind, "")
            self._name_lines = style.wrap(prefix + name, name_metrics, w - 28, 2)
            self._kpi_lines = []

    # ------------------------------------------------------------------ geometry
    def size(self) -> tuple[float, float]:
        """Width and height of the stage's shape."""
        return self._size

    def _set_size(self, size: tuple[float, float]) -> None:
        """Keep the size and the rectangles made from it (Qt asks for the bounds often)."""
        self._size = w, h = size
        self._body = QRectF(-w / 2, -h / 2, w, h)
        self._bounds = self._body.adjusted(-6, -10, HANDLE_RADIUS + 6, 6)
        far_card = getattr(self, "_far_card", None)
        if far_card is not None:
            far_card.resized()
        self._room: QRectF | None = None  # the larger card, within its neighbours' room
        self._room_path: QPainterPath | None = None

    def body_rect(self) -> QRectF:
        return QRectF(self._body)

    def scene_body_rect(self) -> QRectF:
        return self.body_rect().translated(self.pos())

    def handle_center(self) -> QPointF:
        return QPointF(self._size[0] / 2, 0.0)

    def boundingRect(self) -> QRectF:
        return self._bounds


    def body_path(self) -> QPainterPath:
        """The outline in item coordinates (a copy: callers may add to it)."""
        return QPainterPath(self._outline())

    def _outline(self) -> QPainterPath:
        """The outline, made once per kind and size (every paint of every stage needs it)."""
        key = (self.stage.kind, self._size)
        path = _OUTLINES.get(key)
        if path is None:
            path = _OUTLINES[key] = self._make_outline()
        return path

    def _grown_outline(self) -> QPainterPath:
        """The outline drawn larger from afar, within its room (made once per layout)."""
        if self._room_path is None:
            self._room_path = self._make_outline(self._room_rect())
        return self._room_path

    def _make_outline(self, r: QRectF | None = None) -> QPainterPath:
        path = QPainterPath()
        r = self.body_rect() if r is None else r
        kind = self.stage.kind
        if kind is StageKind.DECISION:
            path.addPolygon(QPolygonF([QPointF(0, r.top()), QPointF(r.right(), 0),
                                       QPointF(0, r.bottom()), QPointF(r.left(), 0),
                                       QPointF(0, r.top())]))
        elif kind in (StageKind.START, StageKind.END):
            path.addRoundedRect(r, r.height() / 2, r.height() / 2)
        elif kind in (StageKind.WON, StageKind.LOST):
            path.addRoundedRect(r, 14, 14)
        else:
            path.addRoundedRect(r, 10, 10)
        return path

    def shape(self) -> QPainterPath:
        path = self.body_path()
        c = self.handle_center()
        path.addEllipse(c, HANDLE_RADIUS + 3, HANDLE_RADIUS + 3)
        return path

    def anchor(self, side: str) -> QPointF:
        """Scene point where arrows attach: middle of the "left", "right", "top", "bottom" side."""
        w, h = self._size
        offsets = {"left": (-w / 2, 0), "right": (w / 2, 0), "top": (0, -h / 2),
                   "bottom": (0, h / 2)}
        dx, dy = offsets[side]
        return self.pos() + QPointF(dx, dy)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        far = self.far_text(lod) if lod < LOD_FAR else None
        if far is not None and self._far_grown.get(self._far_step(lod), False):
            return  # the name needs a larger card from afar: the child _FarCard draws it
        self._paint_card(painter, lod, far, False)

    def _paint_card(self, painter: QPainter, lod: float,
                    far: tuple[QFont, list[str]] | None, grown: bool) -> None:
        """The card at ``lod``: its own size, or (``grown``) the larger one from afar."""
        kind = self.stage.kind
        fill, border, ink = style.KIND_COLORS[kind]
        selected = self.isSelected()
        body = self._grown_outline() if grown else self._outline()
        if lod < LOD_SHAPE_ONLY and far is None:
            far_fill = (style.STATUS_COLORS[self.performance[0]][1] if self.performance
                        else self._lane_color if kind is StageKind.STAGE and self._lane_color
                        else border)
            painter.fillPath(body, QBrush(far_fill))
            if selected:
                painter.setPen(QPen(style.SELECTION, 3 / max(lod, 0.01)))
                painter.drawPath(body)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if lod >= LOD_NAME_ONLY:  # a soft shadow under the shape
            painter.fillPath(body.translated(0, 2), QColor(16, 24, 40, 22))
        pixel = 1 / max(lod, 0.01)  # one screen pixel: outlines stay visible from afar
        pen = QPen(border, max(1.2, pixel))
        if self.performance is not None:  # the overlay: coloured by actual vs target
            fill, border = style.STATUS_COLORS[self.performance[0]]
            pen = QPen(border, max(3.0, 3 * pixel))
        painter.setBrush(fill)
        if self.severity == "error":
            pen = QPen(style.ERROR, max(2.0, 2 * pixel))
        if selected or self.drop_target:
            pen = QPen(style.SELECTION, max(2.4 if selected else 3.2, 2.5 * pixel))
        painter.setPen(pen)
        painter.drawPath(body)
        if kind is StageKind.STAGE:
            self._paint_accent(painter, body, max(ACCENT_WIDTH, 3 * pixel),
                               self._room_rect() if grown else None)
        if lod >= LOD_FAR:
            self._paint_text(painter, ink, lod)
        elif far is not None:
            self._paint_far_text(painter, ink, *far, grown)
        if self.severity and lod >= LOD_NAME_ONLY:
            self._paint_badge(painter)
        if (self._hover or self._connecting) and lod >= LOD_NAME_ONLY:
            painter.setPen(QPen(QColor("#FFFFFF"), 2))
            painter.setBrush(style.SELECTION)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)

    def _paint_far_text(self, painter: QPainter, ink: QColor, font: QFont,
                        lines: list[str], grown: bool = False) -> None:
        """The zoomed-out name, centred in its box, one line under the other."""
        box = self._far_box(grown)
        metrics = QFontMetricsF(font)
        pitch = font.pixelSize() * style.FAR_LINE
        painter.setFont(font)
        painter.setPen(ink)
        # baselines so the block's ink (ascent of the first line to descent of the last)
        # is centred in the box
        ink_height = pitch * (len(lines) - 1) + metrics.ascent() + metrics.descent()
        y = box.center().y() - ink_height / 2 + metrics.ascent()
        for line in lines:
            painter.drawText(QPointF(box.center().x() - metrics.horizontalAdvance(line) / 2, y),
                             line)
            y += pitch

    def _paint_accent(self, painter: QPainter, body: QPainterPath,
                      width: float = ACCENT_WIDTH, r: QRectF | None = None) -> None:
        color = self._lane_color or style.FAINT
        r = self.body_rect() if r is None else r
        painter.save()
        painter.setClipPath(body)
        painter.fillRect(QRectF(r.left(), r.top(), width, r.height()), color)
        painter.restore()

    def _paint_text(self, painter: QPainter, ink: QColor, lod: float) -> None:
        r = self.body_rect()
        names, kpi_lines = self.text_lines()
        painter.setPen(ink)
        painter.setFont(NAME_FONT)
        nm = QFontMetricsF(NAME_FONT)
        line_h = nm.height()
        if self.stage.kind is StageKind.STAGE:
            left = r.left() + ACCENT_WIDTH + 10
            kpis = kpi_lines if lod >= LOD_NAME_ONLY else []
            dots = ([style.STATUS_COLORS[s][1] for _, s in self.performance[1]]
                    if self.performance else [])
            km = QFontMetricsF(KPI_FONT)
            total = line_h * len(names) + (6 + km.height() * len(kpis) if kpis else 0)
            y = -total / 2 + nm.ascent()
            for line in names:
                painter.drawText(QPointF(left, y), line)
                y += line_h
            if kpis:
                y += 6 - line_h + km.height()
                painter.setFont(KPI_FONT)
                for i, line in enumerate(kpis):
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(dots[i] if i < len(dots) else QColor("#2563EB"))
                    painter.drawEllipse(QPointF(left + 3, y - km.ascent() / 2 + 1), 2.5, 2.5)
                    painter.setPen(style.MUTED)
                    painter.drawText(QPointF(left + 11, y), line)
                    y += km.height()
            return
        total = line_h * len(names)
        y = -total / 2 + nm.ascent()
        for line in names:
            painter.drawText(QPointF(-nm.horizontalAdvance(line) / 2, y), line)
            y += line_h

    def _paint_badge(self, painter: QPainter) -> None:
        r = self.body_rect()
        color = style.ERROR if self.severity == "error" else style.WARNING
        center = QPointF(r.right() - 4, r.top() - 2)
        if self.stage.kind is StageKind.DECISION:
            center = QPointF(r.width() / 4 + 4, r.top() + r.height() / 4 - 6)
        painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
        painter.setBrush(color)
        painter.drawEllipse(center, 8, 8)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(style.font(8, bold=True))
        painter.drawText(QRectF(center.x() - 8, center.y() - 8, 16, 16),
                         Qt.AlignmentFlag.AlignCenter, "!")

    # ------------------------------------------------------------------ interaction
    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._ensure_tooltip()
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def on_handle(self, pos: QPointF) -> bool:
        """Whether ``pos`` (item coordinates) is on the connect handle."""
        d = pos - self.handle_center()
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_RADIUS + 3) ** 2

    def set_connecting(self, on: bool) -> None:
        """Show the handle while an arrow is being drawn from this stage."""
        self._connecting = on
        self.update()


class _FarCard(QGraphicsItem):
    """A stage's card drawn larger from afar, when its name needs the room
    (:data:`FAR_GROW`).  Never hit by the mouse (an empty shape): clicks, hovers and
    rubber bands reach the stage as close up."""

    def __init__(self, stage: StageItem) -> None:
        super().__init__(stage)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._bounds = QRectF()
        self.resized()

    def resized(self) -> None:
        self.prepareGeometryChange()
        self._bounds = self.parentItem()._grown_rect().adjusted(-2, -2, 2, 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        stage = self.parentItem()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= LOD_FAR:
            return
        far = stage.far_text(lod)
        if far is not None and stage.far_grown(lod):
            stage._paint_card(painter, lod, far, True)
