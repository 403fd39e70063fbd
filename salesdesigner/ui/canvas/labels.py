"""Arrow labels on the canvas, placed apart as the PDF and the HTML map place them.

One rule for every view: :func:`~salesdesigner.model.labels_layout.place_labels` keeps
each label's pill off other pills, off stages (those not its arrow's ends by
:data:`~salesdesigner.model.labels_layout.STRANGER_GAP`) and off other arrows, sliding a
crowded one along its own arrow.  Each :class:`~salesdesigner.ui.canvas.transition_item.
TransitionItem` works out its pill and puts it at the default spot when its route or
text changes, and says so; this object then places every label again.

It does so lazily, because the canvas draws labels only from :data:`LABEL_LOD` up: soon
after a change (a zero-time timer, so a burst of changes is one pass) when a view shows
the scene that close, or when a view zooms in that far.  Opening a 1,000-stage process
fitted in the window pays nothing for its 1,300 labels; a drag places them on release.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from salesdesigner.model.labels_layout import STRANGER_GAP, place_labels

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.scene import ProcessScene

LABEL_LOD = 0.5  # labels are drawn from this scale up (TransitionItem.paint)


class CanvasLabels(QObject):
    """Whether the labels need placing, and the pass that places them."""

    def __init__(self, scene: ProcessScene) -> None:
        super().__init__(scene)
        self._scene = weakref.ref(scene)
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._due)

    @property
    def pending(self) -> bool:
        """Whether labels changed since they were last placed."""
        return self._stale

    def stale(self) -> None:
        """A label, its arrow or its neighbours changed: place them again soon."""
        self._stale = True
        if not self._timer.isActive():
            self._timer.start()

    def view_zoomed(self) -> None:
        """A view's scale changed: labels it now shows are placed (soon) if stale."""
        if self._stale and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """The scene is closing: no pass is due."""
        self._timer.stop()

    def shown(self) -> bool:
        """Whether a view draws the scene close enough to show arrow labels."""
        scene = self._scene()
        return scene is not None and any(v.transform().m11() >= LABEL_LOD - 1e-9
                                         for v in scene.views())

    def _due(self) -> None:
        scene = self._scene()
        if scene is None or not self._stale or scene.routes.dragging or not self.shown():
            return  # a drag places them on release (the scene's flush); afar, never
        self.place()

    def place(self) -> None:
        """Place every label now (also before an image export, whatever the zoom)."""
        scene = self._scene()
        if scene is None:
            return
        self._stale = False
        self._timer.stop()
        items = scene.transition_items()
        routes, sizes, ends = {}, {}, {}
        for t in scene.process.transitions:  # in document order, as the PDF places them
            item = items.get(t.id)
            if item is not None and item.label_size is not None:
                routes[t.id] = item.routed
                sizes[t.id] = item.label_size
                ends[t.id] = (item.source.stage.id, item.target.stage.id)
        spots = place_labels(routes, sizes, scene.routes.index, ends=ends, near=STRANGER_GAP,
                             beside=True)
        for tid, center in spots.items():
            items[tid].set_label_center(center)
        scene.content_moved()  # a label may reach past the content's rectangle

    def settle(self) -> None:
        """Place the labels now if they are stale (before a picture is taken)."""
        if self._stale:
            self.place()
