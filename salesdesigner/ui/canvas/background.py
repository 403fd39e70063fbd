"""The canvas background: a light surface with a dot grid that fades out when zoomed out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPen, QPolygonF

from salesdesigner.model.geometry import GRID
from salesdesigner.ui.canvas import style

DOT_STEP = 2 * GRID


def draw_background(painter: QPainter, rect: QRectF, exporting: bool) -> None:
    """Plain white for exported images; the tinted, dotted editing surface otherwise."""
    if exporting:
        painter.fillRect(rect, style.CARD)
        return
    painter.fillRect(rect, style.CANVAS)
    scale = painter.worldTransform().m11()
    if scale * DOT_STEP < 14:
        return
    left = int(rect.left() // DOT_STEP) * DOT_STEP
    top = int(rect.top() // DOT_STEP) * DOT_STEP
    points = QPolygonF()
    y = top
    while y < rect.bottom():
        x = left
        while x < rect.right():
            points.append(QPointF(x, y))
            x += DOT_STEP
        y += DOT_STEP
    painter.setPen(QPen(style.GRID_DOT, 2.0 / scale))
    painter.drawPoints(points)
