"""Render the designer window with a document to a PNG, without a display (docs, bug
reports, CI).  Uses Qt's offscreen platform unless a QApplication already exists."""

from __future__ import annotations

import os
from pathlib import Path

from salesdesigner.model.errors import UserError


class ScreenshotError(UserError):
    """The screenshot could not be written."""


def render_screenshot(path: str | None, out: str, *, size: tuple[int, int] = (1400, 900),
                      language: str | None = None, force: bool = False) -> None:
    """Open ``path`` (or the bundled sample when None) in a window of ``size`` and save it
    as the PNG ``out`` (through the one atomic writer, :mod:`salesdesigner.storage.files`).
    Bad files raise their one-line :class:`UserError`."""
    from salesdesigner.storage.files import check_output, write_atomically
    check_output(out, force=force)  # refused targets fail before a window is built
    from PySide6.QtWidgets import QApplication
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from salesdesigner.ui.app import application
    app = application(language)
    import tempfile

    from salesdesigner.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="salesdesigner-shot-") as scratch:
        window = MainWindow(autosave_dir=Path(scratch))
        try:
            window.document.set_autosave_interval(0)
            if path:
                from salesdesigner.storage.document import open_document
                process = open_document(path)
                window.document.replace_content(process, os.path.abspath(path))
            else:
                window.open_sample()
            window.resize(*size)
            window.show()
            for _ in range(3):
                app.processEvents()
            window.show_whole_process()
            app.processEvents()
            image = window.grab().toImage()
            if (image.width(), image.height()) != tuple(size):
                image = image.scaled(*size)
            from PySide6.QtCore import QBuffer, QByteArray, QIODevice
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not image.save(buffer, "PNG"):
                raise ScreenshotError(f"Cannot write the screenshot {out}.")
            buffer.close()
            try:
                write_atomically(out, bytes(data), force=force)
            except OSError as exc:
                raise ScreenshotError(f"Cannot write the screenshot {out}: "
                                      f"{exc.strerror or exc}.") from None
        finally:
            window.undo_stack.setClean()
            window.close()
            window.deleteLater()
            app.processEvents()

