"""The drawing gestures of the canvas: a new arrow from a stage's handle, or an arrow's
end dragged to another stage.  One object per gesture, alive while the mouse is down."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from salesdesigner.ui.canvas import style


@dataclass
class ConnectGesture:
    """``transition_id``/``end`` are set when reconnecting an existing arrow's end."""

    stage_id: str            # the fixed end (source when connecting)
    origin: QPointF
    line: QGraphicsPathItem
    transition_id: str | None = None
    end: str | None = None   # "source" or "target" being moved

    @classmethod
    def start(cls, scene: QGraphicsScene, stage_id: str, origin: QPointF,
              transition_id: str | None = None, end: str | None = None) -> ConnectGesture:
        line = QGraphicsPathItem()
        pen = QPen(style.SELECTION, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(100)
        scene.addItem(line)
        gesture = cls(stage_id, origin, line, transition_id, end)
        gesture.update(origin)
        return gesture

    def update(self, pos: QPointF) -> None:
        path = QPainterPath(self.origin)
        path.lineTo(pos)
        path.addEllipse(pos, 4, 4)
        self.line.setPath(path)

    def finish(self, scene: QGraphicsScene) -> None:
        scene.removeItem(self.line)
