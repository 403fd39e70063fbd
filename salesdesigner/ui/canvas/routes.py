"""Routing glue for the canvas: stages as obstacles, arrow ends as ports, and re-routing.

The scene owns one :class:`ArrowRouter`.  Arrows ask it for their end stages' rectangles
(which also keeps the :class:`~salesdesigner.model.obstacles.ObstacleIndex` in step while
a stage is dragged), for their two ports (worked out per stage with
:func:`~salesdesigner.model.routing.arrow_ends`, as the PDF and HTML do) and route with
its index and its :class:`~salesdesigner.model.nudge.SegmentIndex`.

A stage that moved, appeared or disappeared is remembered with where it was;
:meth:`ArrowRouter.reroute` (run by the scene's deferred flush, so once a drag or an undo
step ends, and live during a drag) redraws the arrows near its old and new place (those
it now blocks or no longer blocks) and every arrow whose port moved because the arrows
at its stage changed.
"""

from __future__ import annotations

import time
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer

from salesdesigner.model.entities import ArrowStyle, StageKind, Transition
from salesdesigner.model.geometry import Rect
from salesdesigner.model.nudge import SegmentIndex
from salesdesigner.model.obstacles import ObstacleIndex, Point
from salesdesigner.model.ports import Port, port_point
from salesdesigner.model.route_paths import MARGIN, curve_clear, segment_meets
from salesdesigner.model.routing import ArrowEnds, arrow_ends, tangled

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.labels import CanvasLabels
    from salesdesigner.ui.canvas.scene import ProcessScene
    from salesdesigner.ui.canvas.stage_item import StageItem
    from salesdesigner.ui.canvas.transition_item import TransitionItem


_MANY = 64  # more stages moved at once than this: re-route all arrows, not by region
_SLICE = 0.1  # seconds of the deferred tangle pass per turn of the event loop


def item_rect(item: StageItem) -> Rect:
    """The stage's shape rectangle where the item is now (perhaps mid-drag)."""
    pos = item.pos()
    w, h = item.size()
    return Rect(pos.x() - w / 2, pos.y() - h / 2, w, h)


class ArrowRouter:
    """The canvas's obstacle index, arrow segments, ports by stage, and the list of
    stages moved since the last re-route."""

    def __init__(self) -> None:
        self.index = ObstacleIndex()
        self.version = 0  # counts changes to the index (stages placed, moved, removed)
        self.segments = SegmentIndex()
        self.style = ArrowStyle.CURVED  # the document's arrow style
        self._moved: dict[str, Rect | None] = {}  # stage id -> where it was (None: new)
        self._seen: dict[str, tuple[QPointF, tuple[float, float], Rect]] = {}
        self._items: dict[str, StageItem] = {}
        self._ports: dict[str, dict[tuple[str, str], Port]] = {}  # by stage id
        self._stale: set[str] = set()  # stages whose ports were worked out afresh
        self.priming = False  # while the scene builds arrows whose ports prime() found
        self.detours: dict[str, TransitionItem] = {}  # arrows routed around stages
        # while stages are dragged: their ids, and the stages at their arrows' far ends
        # whose other ports are held where they were until the drag ends
        self.dragging: frozenset[str] = frozenset()
        self._held: set[str] = set()
        self._fresh: dict[str, dict[tuple[str, str], Port]] = {}  # held stages, spread anew
        self._drag_start: dict[str, Rect] = {}
        # arrows whose last look in the tangle pass changed nothing (a crowd of arrows into
        # one stage that cannot all keep apart), by the points they were drawn with: the
        # pass leaves them be while they are drawn so (a crowded "Lost" costs no release)
        self._futile: dict[str, tuple[Point, ...]] = {}
        self._pending: list[str] = []  # arrows the deferred tangle pass has yet to look at
        self._scene: weakref.ref[ProcessScene] | None = None
        self._slices: QTimer | None = None  # runs the deferred pass a slice at a time
        self.labels: CanvasLabels | None = None  # the scene's label placement

    def labels_stale(self) -> None:
        """An arrow's label or route changed: the labels are placed again (soon)."""
        if self.labels is not None:
            self.labels.stale()

    def reset(self, stages: dict[str, StageItem]) -> None:
        """Index every stage afresh (the scene was rebuilt)."""
        self._items = stages
        self._seen = {sid: (item.pos(), item.size(), item_rect(item))
                      for sid, item in stages.items()}
        self.index = ObstacleIndex((sid, seen[2]) for sid, seen in self._seen.items())
        self.version += 1
        self.segments = SegmentIndex()
        self.detours.clear()
        self._moved.clear()
        self._ports.clear()
        self._stale.clear()
        self._futile.clear()
        self._pending = []

    def prime(self, arrows: list[tuple[Transition, bool]]) -> None:
        """Work out every stage's ports at once from the whole list of arrows (with
        whether each is a loop), before the arrow items exist (opening a document)."""
        by_stage: dict[str, list[ArrowEnds]] = {}
        for t, back in arrows:
            a = ArrowEnds(t, self.rect(self._items[t.source]), self.rect(self._items[t.target]),
                          back)
            by_stage.setdefault(t.source, []).append(a)
            by_stage.setdefault(t.target, []).append(a)
        for sid, group in by_stage.items():
            item = self._items[sid]
            self._ports[sid] = arrow_ends(sid, self.rect(item), is_diamond(item), group,
                                          self.index)

    def rect(self, item: StageItem) -> Rect:
        """``item``'s rectangle, noted in the index if the stage has moved or resized."""
        pos, size, key = item.pos(), item.size(), item.stage.id
        seen = self._seen.get(key)
        if seen is not None and seen[1] is size and seen[0] == pos:
            return seen[2]  # where it was last time (most calls, opening a big process)
        rect = item_rect(item)
        self._seen[key] = (pos, size, rect)
        old = self.index.rect(key)
        if old != rect:
            self._moved.setdefault(key, old)
            self.index.set(key, rect)
            self.version += 1
            self.forget_ports(item)
        return rect

    def forget_ports(self, item: StageItem) -> None:
        """The ports at ``item`` and at the stages it connects to are out of date (it
        moved, or an arrow came or went).  While ``item`` is dragged, a stage at the far
        end of its arrows keeps its other arrows' ports (re-spreading a crowded stage
        would redraw every arrow at it on every mouse move): only the dragged arrows'
        ends there follow; :meth:`end_drag` re-spreads them all once."""
        sid = item.stage.id
        self._ports.pop(sid, None)
        for edge in item.edges:
            for end in (edge.source.stage.id, edge.target.stage.id):
                if end == sid:
                    continue
                if sid in self.dragging and end not in self.dragging and end in self._ports:
                    self._held.add(end)
                    self._fresh.pop(end, None)
                else:
                    self._ports.pop(end, None)

    def begin_drag(self, stage_ids: frozenset[str]) -> None:
        self.dragging = stage_ids
        self._drag_start = {sid: r for sid in stage_ids if (r := self.index.rect(sid))}

    def end_drag(self) -> None:
        """The drag is over: the stages whose ports were held re-spread them, and the
        next :meth:`reroute` looks at every arrow near where the dragged stages started
        and are (the live ones looked at fewer)."""
        self.dragging = frozenset()
        for sid, r in self._drag_start.items():
            if self.index.rect(sid) != r:
                self._moved.setdefault(sid, r)
        self._drag_start = {}
        for sid in self._held:
            if self._ports.pop(sid, None) is not None:
                self._stale.add(sid)
        self._held.clear()
        self._fresh.clear()
        if self.labels is not None and self.labels.pending:
            self.labels.stale()  # held back while the mouse moved

    def ports(self, arrow: TransitionItem) -> tuple[Port, Port]:
        """The two ports ``arrow`` leaves and enters by."""
        t = arrow.transition
        s = self._held_port(arrow, arrow.source, "source") or self._stage_ports(
            arrow.source).get((t.id, "source"))
        e = self._held_port(arrow, arrow.target, "target") or self._stage_ports(
            arrow.target).get((t.id, "target"))
        if s is None or e is None:  # not among its stages' edges yet: a side's middle
            src, dst = self.rect(arrow.source), self.rect(arrow.target)
            s = s or Port("bottom" if arrow.back else "right", port_point(src, "right"))
            e = e or Port("bottom" if arrow.back else "left", port_point(dst, "left"))
        return s, e

    def taken(self, arrow: TransitionItem) -> list[Point]:
        """The ports of the arrow ends at ``arrow``'s two stages (as worked out so far):
        where a walled-in arrow may not leave or enter."""
        out: list[Point] = []
        for item in (arrow.source, arrow.target):
            sid = item.stage.id
            for found in (self._ports.get(sid), self._fresh.get(sid)):
                if found:
                    out.extend(p.point for p in found.values())
        return out

    def _held_port(self, arrow: TransitionItem, item: StageItem, role: str) -> Port | None:
        """A dragged arrow's end at a stage whose other ports are held: where a fresh
        spread would put it (the others stay)."""
        sid = item.stage.id
        if sid not in self._held or not ({arrow.source.stage.id, arrow.target.stage.id}
                                         & self.dragging):
            return None
        fresh = self._fresh.get(sid)
        if fresh is None:  # once per move of the dragged stage, not once per arrow
            arrows = [ArrowEnds(e.transition, self.rect(e.source), self.rect(e.target),
                                e.back) for e in item.edges]
            fresh = self._fresh[sid] = arrow_ends(sid, self.rect(item), is_diamond(item),
                                                  arrows, self.index)
        return fresh.get((arrow.transition.id, role))

    def _stage_ports(self, item: StageItem) -> dict[tuple[str, str], Port]:
        sid = item.stage.id
        found = self._ports.get(sid)
        if found is None:
            arrows = [ArrowEnds(e.transition, self.rect(e.source), self.rect(e.target), e.back)
                      for e in item.edges]
            found = arrow_ends(sid, self.rect(item), is_diamond(item), arrows, self.index)
            self._ports[sid] = found
            self._stale.add(sid)
        return found

    def stage_removed(self, stage_id: str) -> None:
        self._seen.pop(stage_id, None)
        self._ports.pop(stage_id, None)
        old = self.index.rect(stage_id)
        if old is not None:
            # where it was is what matters now, even if it was new since the last re-route
            self._moved[stage_id] = old
            self.index.remove(stage_id)
            self.version += 1

    def arrow_added(self, arrow: TransitionItem) -> None:
        """``arrow`` is new at its two stages (or became a loop): their ports change."""
        if self.priming:
            return
        for end in (arrow.source, arrow.target):
            self._ports.pop(end.stage.id, None)
            self._stale.add(end.stage.id)

    def arrow_removed(self, arrow: TransitionItem) -> None:
        """``arrow`` is gone: its segments, and the ports at its two stages."""
        self.segments.remove(arrow.transition.id)
        self.labels_stale()  # its label's place is free
        self.detours.pop(arrow.transition.id, None)
        self._futile.pop(arrow.transition.id, None)
        for end in (arrow.source, arrow.target):
            self._ports.pop(end.stage.id, None)
            self._stale.add(end.stage.id)

    def reroute(self, scene: ProcessScene, live: bool = False, defer: bool = False) -> int:
        """Redraw the arrows near where moved stages were and are (curves only if a moved
        stage is now in their way), detours spanning a place a stage left, and arrows
        whose ports moved; returns how many were redrawn.  They are redrawn in
        transition order with their old segments gone first, as a fresh drawing would.

        ``live`` (a mouse move of a drag): only the arrows whose lines meet a moved
        stage's old or new place; the drag's end looks again from where it started."""
        from salesdesigner.ui.canvas.transition_item import TransitionItem

        if self._pending:  # an opened document's pass first, as if it had run at once
            self._untangle_pending(scene.transition_items(), {})
        todo: dict[str, TransitionItem] = {}
        self._reports(scene, todo)
        if len(self._moved) > _MANY:  # a layout or a big paste: every arrow, once
            self._moved.clear()
            todo = scene.transition_items()
            self.segments = SegmentIndex()
        elif self._moved:
            moved = ObstacleIndex((key, r) for key in self._moved
                                  if (r := self.index.rect(key)) is not None)
            gone = [r for r in self._moved.values() if r is not None]
            regions = gone + [r for _, r in moved.items()]
            self._moved.clear()
            pad = MARGIN + 2
            # a detour may run far from a stage it went around (around a neighbour of it
            # too): when a stage leaves a place, every detour spanning that place looks again
            for tid, item in () if live else self.detours.items():
                box = self.rect(item.source).united(self.rect(item.target))
                if any(r.x < box.right + pad and r.right > box.x - pad
                       and r.y < box.bottom + pad and r.bottom > box.y - pad for r in gone):
                    todo[tid] = item
            for r in regions:
                area = QRectF(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
                for item in scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
                    if not isinstance(item, TransitionItem) or item.transition.id in todo:
                        continue
                    # a curve is as simple as it gets: only a stage now in its way changes it
                    ends = (item.source.stage.id, item.target.stage.id)
                    if item.routed.curved:
                        if not curve_clear(item.routed.points, moved, ends):
                            todo[item.transition.id] = item
                    elif not live or _meets(item.routed.points, r, pad):
                        todo[item.transition.id] = item
        if todo:
            for tid in todo:
                self.segments.remove(tid)
            order = {t.id: n for n, t in enumerate(scene.process.transitions)} \
                if len(todo) > 1 else {}
            for tid in sorted(todo, key=lambda k: order.get(k, 0)):
                todo[tid].adjust()
            self._reports(scene, todo)  # ports those moves re-spread
        if not live:
            self._untangle(scene, todo, defer)
        return len(todo)

    @property
    def untangling(self) -> bool:
        """Whether the deferred tangle pass of an opened document is still under way."""
        return bool(self._pending)

    def _untangle(self, scene: ProcessScene, todo: dict[str, TransitionItem],
                  defer: bool = False) -> None:
        """The whole-document router's last pass (:func:`~salesdesigner.model.routing.
        process_routes`): an arrow drawn before another came to lie along it or on its end
        looks once more, now that it can see that one.  Run when a gesture or an edit has
        ended, not on every mouse move of a drag (the tangles wait for the release).

        With ``defer`` (a document just opened: 143 arrows of 1,000 stages, ~0.9 s) the
        arrows to look at are only listed; :meth:`_untangle_some` looks at them in
        document order 0.1 s at a time once a view has painted (:meth:`painted`), and any
        re-route first finishes the list, so every arrow ends as the eager pass leaves it."""
        tangles, self.segments.tangles = self.segments.tangles, set()
        items = scene.transition_items()
        found = [tid for tid in tangles  # not those looked at in vain while drawn the same
                 if tid in items and self._futile.get(tid) != items[tid].routed.points]
        if len(found) > 1:
            order = {t.id: n for n, t in enumerate(scene.process.transitions)}
            found.sort(key=order.__getitem__)
        self._pending = found
        if defer and found:
            self._scene = weakref.ref(scene)
            if self._slices is None:  # owned by the scene: gone with it
                self._slices = QTimer(scene)
                self._slices.setSingleShot(True)
                self._slices.setInterval(0)
                self._slices.timeout.connect(self._untangle_some)
            return  # started by the first paint of a view (painted)
        self._untangle_pending(items, todo)

    def _untangle_pending(self, items: dict[str, TransitionItem],
                          todo: dict[str, TransitionItem], budget: float | None = None) -> None:
        """Look at the listed arrows in order (for ``budget`` seconds at most)."""
        start = time.perf_counter()
        while self._pending:
            tid = self._pending.pop(0)
            item = items.get(tid)
            if item is None:
                continue
            before = item.routed.points
            if tangled(item.routed, tid, self.segments) is not None:
                item.adjust()
                todo[tid] = item
                if item.routed.points == before:
                    self._futile[tid] = before
            if budget is not None and time.perf_counter() - start > budget:
                return
        self.segments.tangles.clear()  # what this pass left stays as the router left it

    def _untangle_some(self) -> None:
        """A slice of the deferred pass, then the rest later (the window stays live)."""
        scene = self._scene() if self._scene is not None else None
        if scene is None or not self._pending:
            return
        self._untangle_pending(scene.transition_items(), {}, _SLICE)
        if self._pending and self._slices is not None:
            self._slices.start()
        else:
            scene.untangled()  # arrows may reach further: the scene's size, the minimap

    def painted(self) -> None:
        """A view has painted the scene: the deferred pass may begin (what the user
        waits for, the first picture, came first)."""
        if self._pending and self._slices is not None and not self._slices.isActive():
            self._slices.start()

    def stop(self) -> None:
        """The scene is closing: the deferred pass has nothing left to draw."""
        self._pending = []
        if self._slices is not None:
            self._slices.stop()

    def finish_untangling(self, scene: ProcessScene) -> None:
        """Finish a deferred pass now (before any other re-route, an export, a test)."""
        if self._pending:
            self._untangle_pending(scene.transition_items(), {})
            scene.untangled()

    def _reports(self, scene: ProcessScene, todo: dict[str, TransitionItem]) -> None:
        """Adjust the arrows at stages whose ports were worked out afresh, when the ports
        they were drawn with are no longer theirs."""
        while self._stale:
            sid = self._stale.pop()
            item = scene.stage_item(sid)
            if item is None:
                continue
            for edge in list(item.edges):
                if edge.drawn_ports != self.ports(edge):
                    todo[edge.transition.id] = edge
                    edge.adjust()


def _meets(points: tuple[Point, ...], r: Rect, pad: float) -> bool:
    """Whether a polyline comes within ``pad`` of the rectangle ``r``."""
    return any(segment_meets(a, b, r, pad) for a, b in zip(points, points[1:], strict=False))


def is_diamond(item: StageItem) -> bool:
    return item.stage.kind is StageKind.DECISION
