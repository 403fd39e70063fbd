"""The performance overlay on the canvas (View ▸ Performance Overlay): stages coloured by
actual against target with the actuals on their cards, arrows as wide as the deals that
took them, flows nobody drew as dashed ghost arrows, the bottleneck marked.

It only renders: the stage and arrow items get a look to draw (``set_performance``,
``set_flow``) and the overlay adds its own items (badges above the cards, ghost arrows);
the plan on show (Process ▸ Plan…, the what-if panel) adds a "plan" pill with the deals
each card needs entering it and a small tag on every arrow with its planned deals; the
document is never touched.  After every redraw of the scene (edits, undo, a reset)
it puts its look on the items again, so it stays right on new items; new figures come
from :class:`~salesdesigner.ui.performance.state.Performance` via :meth:`show`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from salesdesigner.model.entities import Direction, Kpi, StageKind
from salesdesigner.model.presentation import Words, display_number, with_unit, words_for
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.stage_item import StageItem

if TYPE_CHECKING:
    from salesdesigner.model.actuals.kpis import KpiActual
    from salesdesigner.model.actuals.onscreen import GhostFlow, Overlay, StageMark
    from salesdesigner.model.plan.onscreen import PlanMarks
    from salesdesigner.ui.canvas.scene import ProcessScene
    from salesdesigner.ui.canvas.transition_item import TransitionItem

BADGE_FONT = style.font(8, bold=True)
CHANCE_FILL = QColor("#E8F1FB")  # the chance-to-win pill (the forecast)
PLAN_FILL = QColor("#FFF0CC")    # the plan's pills and arrow tags
PLAN_BORDER = QColor("#C98A00")
#: kinds whose cards are coloured (decisions, outcomes and ends have no targets of their own)
COLOURED = (StageKind.STAGE, StageKind.START)


def kpi_line(words: Words, k: KpiActual) -> str:
    """"8.2% / ≥ 10% Meeting booked rate": the actual beside the target, numbers first so
    a narrow card cuts the name, as the catalogue writes them; a KPI the data cannot
    measure reads as on the plain card ("Connect rate ≥ 25%")."""
    kpi = Kpi(name=k.name, target=k.target, unit=k.unit, direction=Direction(k.direction))
    if k.actual is None:
        return style.kpi_headline(kpi, words.code)
    actual = with_unit(round(k.actual, 1), k.unit)
    target = words.kpi_target(kpi) or words.no_target
    return words("card_kpi", name=style.display_text(words.name(k.name), 80),
                 actual=actual, target=target)


def card_look(words: Words, mark: StageMark) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The card's look: its status and one (text, status) line per KPI, the measured
    ones first (a card shows two)."""
    from salesdesigner.model.actuals.onscreen import UNMEASURED, kpi_status

    lines = [(kpi_line(words, k), kpi_status(k)) for k in mark.kpis]
    lines.sort(key=lambda line: line[1] == UNMEASURED)  # stable: the stage's order
    return mark.status, tuple(lines)


class StageBadge(QGraphicsItem):
    """A pill above a card: how many deals reached the stage, and "Bottleneck"."""

    def __init__(self, parent: StageItem) -> None:
        super().__init__(parent)
        self.setZValue(1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.reached = ""
        self.bottleneck = ""
        self.chance = ""  # the chance to end won (the forecast), when known
        self.plan = ""    # the deals the plan needs entering the stage, when one is shown
        self._bounds = QRectF()
        self._pills: list[tuple[QRectF, str, QColor, QColor]] = []

    def set_texts(self, reached: str, bottleneck: str, tip: str = "", chance: str = "",
                  plan: str = "") -> None:
        if (reached, bottleneck, tip, chance, plan) == (
                self.reached, self.bottleneck, self.toolTip(), self.chance, self.plan) \
                and self._pills:
            return
        self.setToolTip(tip)
        self.prepareGeometryChange()
        self.reached, self.bottleneck, self.chance, self.plan = reached, bottleneck, chance, plan
        fm = QFontMetricsF(BADGE_FONT)
        body = self.parentItem().body_rect()  # type: ignore[union-attr]
        h = fm.height() + 4
        x, y = body.left() + 4, body.top() - h - 3
        self._pills = []
        for text, fill, ink in ((reached, QColor("#FFFFFF"), style.INK),
                                (plan, PLAN_FILL, style.INK),
                                (chance, CHANCE_FILL, style.INK),
                                (bottleneck, style.BOTTLENECK, QColor("#FFFFFF"))):
            if text:
                w = fm.horizontalAdvance(text) * 1.12 + 14  # hinting at small zooms runs wider
                self._pills.append((QRectF(x, y, w, h), text, fill, ink))
                x += w + 4
        self._bounds = QRectF(body.left(), y - 1, x - body.left() + 2, h + 2)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.45:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(BADGE_FONT)
        for rect, text, fill, ink in self._pills:
            painter.setPen(QPen(PLAN_BORDER if fill == PLAN_FILL else style.BORDER
                                if fill in (QColor("#FFFFFF"), CHANCE_FILL) else fill, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class PlanTag(QGraphicsItem):
    """A small tag on an arrow: the deals the plan needs to take it in the period."""

    def __init__(self, arrow: TransitionItem) -> None:
        super().__init__()
        self.arrow = arrow
        self.text = ""
        self.setZValue(7)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._rect = QRectF()
        self.route: object = None  # the arrow's route the tag was placed on
        self.key: tuple[str, ...] = ()  # what the text and tip were written from

    def current(self, text: str) -> bool:
        """Whether the tag already says ``text`` where the arrow runs now."""
        return text == self.text and self.route is self.arrow.routed

    def set_text(self, text: str, tip: str) -> None:
        """Write ``text`` and sit on the arrow (a third of the way along when the arrow
        has a label in the middle); work done here, never in paint."""
        self.prepareGeometryChange()
        self.setToolTip(style.tooltip(tip))
        if text != self.text:
            self.text = text
            fm = QFontMetricsF(BADGE_FONT)
            w, h = fm.horizontalAdvance(text) * 1.12 + 10, fm.height() + 2
            self._rect = QRectF(-w / 2, -h / 2, w, h)
        if self.route is not self.arrow.routed:
            self.route = self.arrow.routed
            path = self.arrow.path()
            at = path.pointAtPercent(0.3 if self.arrow.transition.label else 0.5)
            self.setPos(self.arrow.mapToScene(at))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.45:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(BADGE_FONT)
        painter.setPen(QPen(PLAN_BORDER, 1))
        painter.setBrush(PLAN_FILL)
        r = self._rect
        painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        painter.setPen(style.INK)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)


def _percent(fraction: float) -> str:
    return f"{display_number(round(fraction * 100))}%"


def _count(deals: float) -> str:
    """Planned deals as the plan table writes them ("666.7", "1,000")."""
    return display_number(round(deals, 1))


def _edge_point(item: StageItem, toward: QPointF) -> QPointF:
    """Where the line from the card's centre toward ``toward`` leaves its body."""
    r = item.scene_body_rect()
    c = r.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = (r.width() / 2) / abs(dx) if dx else math.inf
    sy = (r.height() / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return QPointF(c.x() + dx * s, c.y() + dy * s)


class GhostFlowItem(QGraphicsItem):
    """A dashed arrow for deals that moved where no arrow is drawn, bowed to one side so
    it never hides a drawn arrow, as wide as its deals."""

    def __init__(self, source: StageItem, target: StageItem, width: float, tip: str) -> None:
        super().__init__()
        self.source, self.target = source, target
        self.width = width
        self.setZValue(6)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(style.tooltip(tip))
        self.path = QPainterPath()
        self.head = QPolygonF()
        self._bounds = QRectF()
        self.adjust()

    def adjust(self) -> None:
        """Follow the end stages (after they moved)."""
        self.prepareGeometryChange()
        a, b = self.source.pos(), self.target.pos()
        mid = (a + b) / 2
        d = b - a
        length = math.hypot(d.x(), d.y()) or 1.0
        bow = min(120.0, 0.25 * length)
        control = mid + QPointF(d.y() / length * bow, -d.x() / length * bow)
        start, end = _edge_point(self.source, control), _edge_point(self.target, control)
        head = 9.0 * max(1.0, self.width / 5.0)
        ux, uy = end.x() - control.x(), end.y() - control.y()
        n = math.hypot(ux, uy) or 1.0
        ux, uy = ux / n, uy / n
        base = QPointF(end.x() - ux * head, end.y() - uy * head)
        side = QPointF(-uy * head / 2, ux * head / 2)
        self.path = QPainterPath(start)
        self.path.quadTo(control, base)
        self.head = QPolygonF([end, base + side, base - side])
        grow = self.width + head
        self._bounds = self.path.boundingRect().united(self.head.boundingRect()).adjusted(
            -grow, -grow, grow, grow)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        out = QPainterPath()
        out.addPolygon(self.head)
        from PySide6.QtGui import QPainterPathStroker
        stroker = QPainterPathStroker()
        stroker.setWidth(max(8.0, self.width))
        return stroker.createStroke(self.path).united(out)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(style.GHOST_FLOW, max(self.width, 1 / max(lod, 0.01)))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.GHOST_FLOW)
        painter.drawPolygon(self.head)


class PerformanceOverlay(QObject):
    """Puts an :class:`~salesdesigner.model.actuals.onscreen.Overlay` on a scene."""

    def __init__(self, scene: ProcessScene, language: Callable[[], str]) -> None:
        super().__init__(scene)
        self.scene = scene
        self.language = language
        self.overlay: Overlay | None = None
        self.chances: dict[str, float] = {}  # stage → chance to end won (the forecast)
        self.plan: PlanMarks | None = None     # the plan on show (with the what-if rate)
        self.plan_tags: dict[str, PlanTag] = {}
        self.badges: dict[str, StageBadge] = {}
        self.ghosts: dict[tuple[str, str], GhostFlowItem] = {}
        self._announcing = False
        self._texts_for: Overlay | None = None  # what _texts were written for
        self._texts_language = ""
        self._texts: dict = {}
        scene.contentChanged.connect(self._redrawn)

    @property
    def shown(self) -> bool:
        return self.overlay is not None

    def show(self, overlay: Overlay | None, chances: dict[str, float] | None = None,
             plan: PlanMarks | None = None) -> None:
        """Draw ``overlay`` (None: the plain canvas again), each working stage's chance
        to end won beside its count when ``chances`` are given, and the deals ``plan``
        needs on the cards and arrows (the what-if moves both)."""
        self.overlay = overlay
        self.chances = dict(chances or {})
        self.plan = plan
        self._sync()
        self._announcing = True  # the overview map redraws on this; our own sync is done
        try:
            self.scene.contentChanged.emit()
        finally:
            self._announcing = False

    def _redrawn(self) -> None:
        if not self._announcing:
            self._sync()

    def words_changed(self) -> None:
        """The UI language changed: write the cards and badges again."""
        self._sync()

    def _sync(self) -> None:
        overlay = self.overlay
        stages = self.scene.stage_items()
        transitions = self.scene.transition_items()
        if overlay is None:
            for item in stages.values():
                item.set_performance(None)
            for item in transitions.values():
                item.set_flow(None)
            self._drop_badges(set())
            self._drop_ghosts(set())
            self._drop_tags(set())
            return
        words = words_for(self.language(), "analysis")
        # the texts are worked out once per overlay and language; a redraw (typing, a
        # drag's end) only hands the items what they already had
        if self._texts_for is not overlay or self._texts_language != words.code:
            self._texts_for, self._texts_language, self._texts = overlay, words.code, {}
        texts = self._texts
        names = {sid: words.name(item.stage.name) for sid, item in stages.items()}
        plan = self.plan
        planned = plan.stages if plan is not None else {}
        kept: set[str] = set()
        for sid, item in stages.items():
            mark = overlay.stages.get(sid)
            kind = StageKind(item.stage.kind)
            if mark is None:
                item.set_performance(None)
                continue
            if sid not in texts:
                texts[sid] = (card_look(words, mark) if kind in COLOURED else None,
                              words("card_reached", n=display_number(mark.reached)),
                              words("card_bottleneck") if mark.bottleneck else "",
                              style.tooltip(words(f"status_{mark.status}")))
            look, reached, bottleneck, tip = texts[sid]
            item.set_performance(look if kind in COLOURED else None)
            if kind is not StageKind.DECISION:
                kept.add(sid)
                chance = self.chances.get(sid) if kind in COLOURED else None
                need = planned.get(sid)
                self._badge(item).set_texts(
                    reached, bottleneck, tip,
                    "" if chance is None else words("card_win", rate=_percent(chance)),
                    "" if need is None else words("card_plan", n=_count(need)))
        self._drop_badges(kept)
        self._tags(plan, transitions, words, names)
        for tid, item in transitions.items():
            if tid not in texts:
                deals = overlay.arrows.get(tid, 0)
                t = item.transition
                texts[tid] = (overlay.width(deals), deals, words(
                    "arrow_tip", source=names.get(t.source, ""),
                    target=names.get(t.target, ""), deals=display_number(deals)))
            item.set_flow(*texts[tid])
        shown: set[tuple[str, str]] = set()
        for ghost in overlay.ghosts:
            if ghost.source in stages and ghost.target in stages:
                shown.add((ghost.source, ghost.target))
                self._ghost(ghost, stages, overlay, words, names)
        self._drop_ghosts(shown)

    def _tags(self, plan: PlanMarks | None, transitions: dict[str, TransitionItem],
              words: Words, names: dict[str, str]) -> None:
        """A tag on every arrow the plan sends deals along."""
        shown: set[str] = set()
        for tid, deals in (plan.arrows.items() if plan is not None else ()):
            item = transitions.get(tid)
            if item is None:
                continue
            shown.add(tid)
            tag = self.plan_tags.get(tid)
            if tag is None or tag.arrow is not item or tag.scene() is not self.scene:
                if tag is not None and tag.scene() is not None:
                    tag.scene().removeItem(tag)
                tag = self.plan_tags[tid] = PlanTag(item)
                self.scene.addItem(tag)
            t = item.transition
            n = _count(deals)
            text = words("arrow_plan", n=n)
            key = (text, words.code, names.get(t.source, ""), names.get(t.target, ""))
            if tag.current(text) and tag.key == key:
                continue  # a drag rewrites only the tags whose numbers moved
            tag.key = key
            tag.set_text(text, words(
                "arrow_plan_tip", source=names.get(t.source, ""),
                target=names.get(t.target, ""), n=n))
        self._drop_tags(shown)

    def _drop_tags(self, kept: set[str]) -> None:
        for tid in [t for t in self.plan_tags if t not in kept]:
            tag = self.plan_tags.pop(tid)
            if tag.scene() is not None:
                tag.scene().removeItem(tag)

    def _badge(self, item: StageItem) -> StageBadge:
        badge = self.badges.get(item.stage_id)
        if badge is None or badge.parentItem() is not item:  # the scene made a new card
            badge = self.badges[item.stage_id] = StageBadge(item)
        return badge

    def _drop_badges(self, kept: set[str]) -> None:
        for sid in [s for s in self.badges if s not in kept]:
            badge = self.badges.pop(sid)
            if badge.scene() is not None:
                badge.scene().removeItem(badge)

    def _ghost(self, ghost: GhostFlow, stages: dict[str, StageItem], overlay: Overlay,
               words: Words, names: dict[str, str]) -> None:
        key = (ghost.source, ghost.target)
        tip = words("ghost_tip", source=names[ghost.source], target=names[ghost.target],
                    deals=display_number(ghost.deals), moves=display_number(ghost.moves))
        width = overlay.width(ghost.deals)
        item = self.ghosts.get(key)
        source, target = stages[ghost.source], stages[ghost.target]
        if (item is None or item.scene() is not self.scene or item.source is not source
                or item.target is not target or item.width != width):
            if item is not None and item.scene() is not None:
                item.scene().removeItem(item)
            item = self.ghosts[key] = GhostFlowItem(source, target, width, tip)
            self.scene.addItem(item)
        else:
            item.setToolTip(style.tooltip(tip))
            item.adjust()

    def _drop_ghosts(self, kept: set[tuple[str, str]]) -> None:
        for key in [k for k in self.ghosts if k not in kept]:
            item = self.ghosts.pop(key)
            if item.scene() is not None:
                item.scene().removeItem(item)


__all__ = ["GhostFlowItem", "PerformanceOverlay", "PlanTag", "StageBadge", "card_look",
           "kpi_line"]
