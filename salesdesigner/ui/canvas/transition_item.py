"""An arrow between two stages, with its label; back edges are drawn as loops underneath.

The route comes from :mod:`salesdesigner.model.routing` (shared with the PDF and HTML
diagrams): a curve between neighbours, an orthogonal detour around stages in the way.
The path is recomputed in :meth:`TransitionItem.adjust` (after ``prepareGeometryChange``)
whenever an end stage moves; ``paint`` only draws it.  When selected, the arrow shows round
handles at both ends: dragging one onto another stage reconnects the arrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from salesdesigner.model.entities import ArrowStyle, Transition
from salesdesigner.model.labels_layout import SIDE_GAP
from salesdesigner.model.ports import Port
from salesdesigner.model.routing import Point, Route
from salesdesigner.model.routing import route as model_route
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.routes import ArrowRouter, is_diamond, item_rect

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.stage_item import StageItem

LABEL_FONT = style.font(8)
ARROW_SIZE = 9.0
END_HANDLE = 6.0
BEND_HANDLE = 4.5  # half the side of a bend point's square handle
LONG_PATH = 2500.0  # longer arrows are stroked without antialiasing (see paint)


def route(source: StageItem, target: StageItem, back: bool, lane: int = 0,
          router: ArrowRouter | None = None) -> QPainterPath:
    """The path of a lone arrow between two stages (middles of the sides facing the
    flow): a smooth curve between neighbours, an orthogonal detour around stages in the
    way (with ``router``), a rounded loop below for back edges."""
    if router is None:
        r = model_route(item_rect(source), item_rect(target), back=back, lane=lane)
    else:
        r = model_route(router.rect(source), router.rect(target), back=back, lane=lane,
                        obstacles=router.index, ignore=(source.stage.id, target.stage.id))
    return painter_path(r)


def painter_path(r: Route) -> QPainterPath:
    """The route's drawing commands as a Qt path (corners rounded as in PDF and HTML)."""
    path = QPainterPath()
    if r.curved and len(r.points) == 4:  # most arrows: no need to build the command list
        (ax, ay), (b1, b2), (c1, c2), (dx, dy) = r.points
        path.moveTo(ax, ay)
        path.cubicTo(b1, b2, c1, c2, dx, dy)
        return path
    for op, args in r.commands():
        if op == "M":
            path.moveTo(*args)
        elif op == "L":
            path.lineTo(*args)
        else:
            path.cubicTo(*args)
    return path


def short_of_head(path: QPainterPath, head: float, steps: int = 48) -> QPainterPath:
    """``path`` as a polyline that stops ``head`` before its end (a wide pen would show
    its flat end beside the arrowhead's tip)."""
    length = path.length()
    if length <= head * 1.5:
        return QPainterPath(path)
    end = path.percentAtLength(length - head * 0.8)
    out = QPainterPath(path.pointAtPercent(0.0))
    for i in range(1, steps + 1):
        out.lineTo(path.pointAtPercent(end * i / steps))
    return out


_HAIRLINES: dict[int, QPen] = {}
_NO_RECT = QRectF()  # the label rectangle of an arrow without a label (never changed)
_METRICS: list[QFontMetricsF] = []
_HEIGHT: list[float] = []


def _label_metrics() -> QFontMetricsF:
    """Metrics of the label font, made once (after the application exists)."""
    if not _METRICS:
        _METRICS.append(QFontMetricsF(LABEL_FONT))
        _HEIGHT.append(_METRICS[0].height() + 4)
    return _METRICS[0]


def _label_height() -> float:
    """Height of a label's pill (text height and padding)."""
    _label_metrics()
    return _HEIGHT[0]


def _beside(r: Route, c: Point, width: float) -> Point:
    """The default centre of a ``width`` wide label: beside an upright arrow, away from
    its neighbour's (as :func:`~salesdesigner.model.labels_layout.place_labels` with
    ``beside``), else on the line."""
    side = r.label_side
    return (c[0] + side * (width / 2 + SIDE_GAP), c[1]) if side else c


class TransitionItem(QGraphicsItem):
    """Draws one :class:`Transition` between two :class:`StageItem` s."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, transition: Transition, source: StageItem, target: StageItem,
                 back: bool = False, loop_lane: int = 0,
                 router: ArrowRouter | None = None) -> None:
        super().__init__()
        self.router = router  # the scene's obstacle index; None routes straight
        self.transition = transition
        self.source = source
        self.target = target
        self.back = back
        self.loop_lane = loop_lane  # loops into the same stage are drawn at different depths
        # _path, _ends, _arrow, _label, _label_rect, _bounds, _shape, _long: set by adjust()
        self._shape_selected = False  # whether _shape has the end handles
        # the performance overlay: pen width for the deals that took the arrow (None: the
        # plain arrow) and what its tooltip says about them; a view state, not the document
        self.flow_width: float | None = None
        self.flow_deals = 0
        self._flow_tip = ""
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        source.edges.append(self)
        target.edges.append(self)
        self.drawn_ports: tuple[Port, Port] | None = None  # the ports it was last routed with
        self._label_basis: tuple | None = None  # route and pill size the label was set for
        self._label_center: Point | None = None
        if router is not None:
            router.arrow_added(self)
        self._layout_label()
        self.adjust()

    def type(self) -> int:
        return self.Type

    @property
    def transition_id(self) -> str:
        return self.transition.id

    # ------------------------------------------------------------------ model sync
    def set_transition(self, transition: Transition, source: StageItem, target: StageItem) -> None:
        self.transition = transition
        if self.router is not None:
            self.router.arrow_removed(self)  # its old ends (and pinned sides) change ports
        if source is not self.source or target is not self.target:
            self.detach()
            self.source, self.target = source, target
            source.edges.append(self)
            target.edges.append(self)
        if self.router is not None:
            self.router.arrow_added(self)
        self._layout_label()
        self.adjust()

    def set_back(self, back: bool, loop_lane: int = 0) -> None:
        if (back, loop_lane) != (self.back, self.loop_lane):
            changed_sides = back != self.back
            self.back, self.loop_lane = back, loop_lane
            if changed_sides and self.router is not None:
                self.router.arrow_added(self)  # loops leave and enter by the bottom
            self.adjust()

    def detach(self) -> None:
        for end in (self.source, self.target):
            if self in end.edges:
                end.edges.remove(self)

    def _layout_label(self) -> None:
        self._full_label = style.display_text(self.transition.label, 120)
        self._full_width: float | None = None  # measured when first needed
        self._tooltip_stale = True  # built on first hover: a big document opens faster

    def set_flow(self, width: float | None, deals: int = 0, tip: str = "") -> None:
        """Draw the arrow ``width`` wide for the ``deals`` that took it (the overlay), or
        plain again for None."""
        if (width, deals, tip) != (self.flow_width, self.flow_deals, self._flow_tip):
            self.flow_width, self.flow_deals, self._flow_tip = width, deals, tip
            self._tooltip_stale = True
            self.adjust()  # the bounds grow with the pen and the arrowhead
            self.update()

    def toolTip(self) -> str:
        self._ensure_tooltip()
        return super().toolTip()

    def _ensure_tooltip(self) -> None:
        if self._tooltip_stale:
            self._tooltip_stale = False
            self.setToolTip(style.tooltip(self._flow_tip, self.transition.label,
                                          self.transition.condition))

    def hoverEnterEvent(self, event) -> None:
        self._ensure_tooltip()
        super().hoverEnterEvent(event)

    # ------------------------------------------------------------------ geometry
    def adjust(self) -> None:
        """Recompute the route from the end stages' current positions.  Bounds are worked
        out on plain numbers (a curve lies within its control points): a big process has
        thousands of arrows, and each Qt call costs a Python call."""
        self.prepareGeometryChange()
        r = self.routed = self._route()
        self._path = painter_path(r)
        pts = r.points
        (sx, sy), (ex, ey) = pts[0], pts[-1]
        self._ends = ((sx, sy), (ex, ey))
        ux, uy = r.end_dir
        bx, by, nx, ny = ex - ux * ARROW_SIZE, ey - uy * ARROW_SIZE, -uy * ARROW_SIZE / 2, \
            ux * ARROW_SIZE / 2
        # plain numbers; the Qt polygon is made when first drawn (most arrows of a big
        # process are never on screen at a size that shows an arrowhead)
        self._head = (ex, ey, bx + nx, by + ny, bx - nx, by - ny)
        self._arrow: QPolygonF | None = None
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, x1 = min(*xs, bx - abs(nx)), max(*xs, bx + abs(nx))
        y0, y1 = min(*ys, by - abs(ny)), max(*ys, by + abs(ny))
        self._line_box = (x0, y0, x1, y1)  # the line and its head, without the label
        self._flow_path: QPainterPath | None = None  # the overlay's line, short of its head
        self._label = ""
        size: tuple[float, float] | None = None
        if self._full_label:
            room = 140.0 if self.back else max(36.0, min(140.0, r.label_span - 24))
            fm = _label_metrics()
            if self._full_width is None:
                self._full_width = fm.horizontalAdvance(self._full_label)
            if self._full_width <= room - 1:  # fits with room to spare: nothing to elide
                self._label, width = self._full_label, self._full_width
            else:
                self._label = fm.elidedText(self._full_label, Qt.TextElideMode.ElideRight,
                                            room)
                width = fm.horizontalAdvance(self._label)
            if self._label:
                size = (width + 12, _label_height())
        self.label_size = size
        basis = None if size is None else (r.points, r.label, size)
        if basis != self._label_basis:  # the pill or its arrow changed: back to its
            self._label_basis = basis  # default spot until the scene places them again
            self._label_center = None if size is None else _beside(r, r.label, size[0])
            if self.router is not None:
                self.router.labels_stale()
        self._apply_label()

    def _apply_label(self) -> None:
        """The label's rectangle at its centre, and the bounds with it."""
        x0, y0, x1, y1 = self._line_box
        center, size = self._label_center, self.label_size
        if center is None or size is None:
            self._label_rect = _NO_RECT
        else:
            w, h = size
            lx, ly = center[0] - w / 2, center[1] - h / 2
            self._label_rect = QRectF(lx, ly, w, h)
            x0, y0, x1, y1 = min(x0, lx), min(y0, ly), max(x1, lx + w), max(y1, ly + h)
        grow = END_HANDLE + 3 + (self.flow_width or 0.0) * 1.2
        self._bounds = QRectF(x0 - grow, y0 - grow, x1 - x0 + 2 * grow, y1 - y0 + 2 * grow)
        self._shape: QPainterPath | None = None
        self._long = max(x1 - x0, y1 - y0) > LONG_PATH

    def label_center(self) -> Point | None:
        """Where the label's pill is centred (None: no label)."""
        return self._label_center

    def set_label_center(self, center: Point) -> None:
        """Put the label's pill at ``center`` (the scene's placement of all labels)."""
        if center != self._label_center and self.label_size is not None:
            self.prepareGeometryChange()
            self._label_center = center
            self._apply_label()
            self.update()

    def _route(self) -> Route:
        """The shared :func:`salesdesigner.model.routing.route`, from this arrow's ports,
        in its style, through its bend points."""
        t, router = self.transition, self.router
        waypoints = [(p.x, p.y) for p in t.waypoints]
        if router is None:
            return model_route(item_rect(self.source), item_rect(self.target), back=self.back,
                               lane=self.loop_lane, style=t.style or ArrowStyle.CURVED,
                               waypoints=waypoints)
        src, dst = router.rect(self.source), router.rect(self.target)  # before the ports:
        ports = self.drawn_ports = router.ports(self)  # a moved end re-spreads them
        r = model_route(src, dst, back=self.back,
                           lane=self.loop_lane, obstacles=router.index,
                           ignore=(self.source.stage.id, self.target.stage.id), ports=ports,
                           style=t.style or router.style, waypoints=waypoints,
                           segments=router.segments, key=t.id,
                           diamonds=(is_diamond(self.source), is_diamond(self.target)),
                           taken=lambda: router.taken(self))
        if r.curved or waypoints or self.back:
            router.detours.pop(t.id, None)
        else:
            router.detours[t.id] = self
        return r

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    def end_point(self, which: str) -> QPointF:
        return QPointF(*self._ends[0 if which == "source" else 1])

    def arrowhead(self) -> QPolygonF:
        if self._arrow is None:
            ex, ey, lx, ly, rx, ry = self._head
            # a wide flow gets a head wider than its pen (scaled about the tip)
            f = max(1.0, (self.flow_width or 0.0) / 5.0)
            lx, ly, rx, ry = (ex + (lx - ex) * f, ey + (ly - ey) * f,
                              ex + (rx - ex) * f, ey + (ry - ey) * f)
            self._arrow = QPolygonF([QPointF(ex, ey), QPointF(lx, ly), QPointF(rx, ry)])
        return self._arrow

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        selected = self.isSelected()
        if self._shape is None or self._shape_selected != selected:
            self._shape_selected = selected
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            shape = stroker.createStroke(self._path)
            shape.addPolygon(self.arrowhead())
            if self._label:
                shape.addRect(self._label_rect)
            if selected:
                for which in ("source", "target"):
                    shape.addEllipse(self.end_point(which), END_HANDLE + 3, END_HANDLE + 3)
            self._shape = shape
        return self._shape

    def set_raised(self, raised: bool) -> None:
        """Lift a selected arrow above the stages, so its end handles can be grabbed.

        The scene calls this when the selection changes (an ``itemChange`` override would
        cost a Python call for every flag, z-value and scene change of every arrow).
        """
        self.setZValue(15 if raised else 5)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        color = style.SELECTION if selected else (style.LOOP_ARROW if self.back else style.ARROW)
        if self.flow_width is not None:
            self._paint_flow(painter, lod, selected)
            return
        if lod < 0.3:
            key = color.rgba()
            pen = _HAIRLINES.get(key)
            if pen is None:  # one cosmetic pen per colour, not one per arrow and paint
                pen = _HAIRLINES[key] = QPen(color, 0)
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(color, 2.2 if selected else 1.6)
        if self.back:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # antialiased stroking costs ~0.5 ms per long arrow whatever is on screen, and a
        # big process has dozens crossing the view (every decision to one "Lost")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self._long)
        painter.drawPath(self._path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self.arrowhead())
        if self._label and lod >= 0.5:
            painter.setBrush(QColor("#FFFFFF"))
            painter.setPen(QPen(style.SELECTION if selected else style.BORDER, 1))
            painter.drawRoundedRect(self._label_rect, self._label_rect.height() / 2,
                                    self._label_rect.height() / 2)
            painter.setFont(LABEL_FONT)
            painter.setPen(style.MUTED)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._label)
        if selected:
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(style.SELECTION)
            for which in ("source", "target"):
                painter.drawEllipse(self.end_point(which), END_HANDLE, END_HANDLE)
            for p in self.transition.waypoints:  # squares: drag to move, double-click to drop
                painter.drawRect(QRectF(p.x - BEND_HANDLE, p.y - BEND_HANDLE,
                                        2 * BEND_HANDLE, 2 * BEND_HANDLE))

    def _paint_flow(self, painter: QPainter, lod: float, selected: bool) -> None:
        """The overlay's arrow: as wide as its deals, faint when none took it."""
        width = self.flow_width or 1.0
        color = style.SELECTION if selected else (style.FLOW if self.flow_deals
                                                  else style.IDLE_FLOW)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self._long)
        pen = QPen(color, max(width, 1 / max(lod, 0.01)))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._flow_path is None:
            self._flow_path = short_of_head(self._path, ARROW_SIZE * max(1.0, width / 5.0))
        painter.drawPath(self._flow_path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self.arrowhead())
        if selected:
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(style.SELECTION)
            for which in ("source", "target"):
                painter.drawEllipse(self.end_point(which), END_HANDLE, END_HANDLE)

    # ------------------------------------------------------------------ reconnecting
    def end_at(self, pos: QPointF) -> str | None:
        """The end ("source"/"target") whose handle is at ``pos`` (item coordinates)."""
        for which in ("target", "source"):
            d = pos - self.end_point(which)
            if d.x() * d.x() + d.y() * d.y() <= (END_HANDLE + 3) ** 2:
                return which
        return None
