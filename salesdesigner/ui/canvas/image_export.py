"""Save the drawing as a PNG or SVG image: the whole process on white, no selection marks."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from salesdesigner.model.errors import UserError
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.stage_item import StageItem
from salesdesigner.ui.canvas.transition_item import TransitionItem

MARGIN = 24.0
MAX_SIDE = 32000        # QImage / QPainter limit per side
MAX_PIXELS = 200_000_000  # ~800 MB of ARGB: beyond this the scale is lowered


class ImageExportError(UserError):
    """The image could not be written."""


def export_rect(scene: ProcessScene) -> QRectF:
    scene.flush()
    scene.labels.settle()  # placed apart, as zoomed in (the picture shows every label)
    rect = scene.content_rect()
    if rect.isNull():
        rect = QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def fitted_scale(rect: QRectF, scale: float) -> float:
    """``scale``, lowered if needed so the image stays within what QImage can hold."""
    scale = min(scale, MAX_SIDE / rect.width(), MAX_SIDE / rect.height())
    pixels = rect.width() * rect.height() * scale * scale
    if pixels > MAX_PIXELS:
        scale *= math.sqrt(MAX_PIXELS / pixels)
    return scale


@contextmanager
def _clean(scene: ProcessScene) -> Iterator[None]:
    """Draw without selection, hover handles, validation marks or the canvas grid, and
    without item caches (so SVG gets vectors and text, not bitmaps): a picture for a
    slide or a wiki, not a view of the editor's state."""
    selected = list(scene.selectedItems())
    marks = {sid: item.severity for sid, item in scene.stage_items().items() if item.severity}
    cached = [(i, i.cacheMode()) for i in scene.items()
              if i.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    scene.clearSelection()
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for sid in marks:
        scene.stage_item(sid).set_severity(None)
    scene.exporting = True
    try:
        yield
    finally:
        scene.exporting = False
        for sid, severity in marks.items():
            scene.stage_item(sid).set_severity(severity)
        for item, mode in cached:
            item.setCacheMode(mode)
        # one batch, as select_ids does it (item by item re-sorts the arrows' layers each time)
        scene.select_ids([i.stage_id for i in selected if isinstance(i, StageItem)],
                         [i.transition_id for i in selected if isinstance(i, TransitionItem)])
        for item in selected:
            if not isinstance(item, (StageItem, TransitionItem)):
                item.setSelected(True)


def export_png(scene: ProcessScene, path: str | Path, scale: float = 2.0) -> None:
    """Write the whole drawing as a PNG, ``scale`` pixels per scene unit (lowered for huge
    processes so the image stays within QImage's limits)."""
    source = export_rect(scene)
    scale = fitted_scale(source, scale)
    size = QSize(max(1, math.ceil(source.width() * scale)),
                 max(1, math.ceil(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ImageExportError("The drawing is too large to export as an image.")
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    with _clean(scene):
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ImageExportError(f"Cannot write the image {path}.")
    buffer.close()
    _write(path, bytes(data))


def export_svg(scene: ProcessScene, path: str | Path) -> None:
    """Write the whole drawing as an SVG (vector shapes and real text)."""
    source = export_rect(scene)
    generator = QSvgGenerator()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(math.ceil(source.width()), math.ceil(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(scene.process.name or "SalesDesigner")
    generator.setDescription("Sales process diagram exported by SalesDesigner")
    painter = QPainter()
    if not painter.begin(generator):
        raise ImageExportError(f"Cannot write the image {path}.")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    with _clean(scene):
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    buffer.close()
    if data.isEmpty():
        raise ImageExportError(f"Cannot write the image {path}.")
    _write(path, bytes(data))


def _write(path: str | Path, data: bytes) -> None:
    """Through the one atomic writer: whole or not at all, only where the user pointed."""
    from salesdesigner.storage.files import write_atomically
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ImageExportError(f"Cannot write the image {path}: "
                               f"{exc.strerror or exc}.") from None
