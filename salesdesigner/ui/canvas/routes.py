"""Routing glue for the canvas: the stages as obstacles, and re-routing arrows they block.

The scene owns one :class:`ArrowRouter`.  Arrows ask it for their end stages' rectangles
(which also keeps the :class:`~salesdesigner.model.routing.ObstacleIndex` in step while a
stage is dragged) and route with its index.  A stage that moved is remembered with where it
was; :meth:`ArrowRouter.reroute` (run by the scene's deferred flush, so once a drag or an
undo step ends) redraws the arrows near its old and new place: those it now blocks or
no longer blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from salesdesigner.model.geometry import Rect
from salesdesigner.model.routing import MARGIN, ObstacleIndex, curve_clear

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene
    from salesdesigner.ui.canvas.stage_item import StageItem


_MANY = 64  # more stages moved at once than this: re-route all arrows, not by region


def item_rect(item: StageItem) -> Rect:
    """The stage's shape rectangle where the item is now (perhaps mid-drag)."""
    pos = item.pos()
    w, h = item.size()
    return Rect(pos.x() - w / 2, pos.y() - h / 2, w, h)


class ArrowRouter:
    """The canvas's obstacle index and the list of stages moved since the last re-route."""

    def __init__(self) -> None:
        self.index = ObstacleIndex()
        self._moved: dict[str, Rect | None] = {}  # stage id -> where it was (None: new)
        self._seen: dict[str, tuple[QPointF, tuple[float, float], Rect]] = {}

    def reset(self, stages: dict[str, StageItem]) -> None:
        """Index every stage afresh (the scene was rebuilt)."""
        self._seen = {sid: (item.pos(), item.size(), item_rect(item))
                      for sid, item in stages.items()}
        self.index = ObstacleIndex((sid, seen[2]) for sid, seen in self._seen.items())
        self._moved.clear()

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
        return rect

    def stage_removed(self, stage_id: str) -> None:
        self._seen.pop(stage_id, None)
        old = self.index.rect(stage_id)
        if old is not None:
            self._moved.setdefault(stage_id, old)
            self.index.remove(stage_id)

    def reroute(self, scene: ProcessScene) -> int:
        """Redraw the arrows near where moved stages were and are (curves only if a moved
        stage is now in their way); returns how many were looked at."""
        if not self._moved:
            return 0
        from salesdesigner.ui.canvas.transition_item import TransitionItem

        if len(self._moved) > _MANY:  # a layout or a big paste: every arrow, once
            self._moved.clear()
            arrows = list(scene.transition_items().values())
            for item in arrows:
                item.adjust()
            return len(arrows)
        moved = ObstacleIndex((key, r) for key in self._moved
                              if (r := self.index.rect(key)) is not None)
        regions = [r for r in self._moved.values() if r is not None]
        regions += [r for _, r in moved.items()]
        self._moved.clear()
        pad = MARGIN + 2
        seen: set[int] = set()
        for r in regions:
            area = QRectF(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
            for item in scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
                if not isinstance(item, TransitionItem) or id(item) in seen:
                    continue
                seen.add(id(item))
                # a curve is as simple as it gets: only a stage now in its way changes it
                ends = (item.source.stage.id, item.target.stage.id)
                if not item.routed.curved or not curve_clear(item.routed, moved, ends):
                    item.adjust()
        return len(seen)
