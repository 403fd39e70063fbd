"""Render the designer window with a document to a PNG, without a display (docs, bug
reports, CI).  Uses Qt's offscreen platform unless a QApplication already exists."""

from __future__ import annotations

import os
from pathlib import Path

from salesdesigner.model.errors import UserError


class ScreenshotError(UserError):
    """The screenshot could not be written."""


def render_screenshot(path: str | None, out: str, *, size: tuple[int, int] = (1400, 900),
                      language: str | None = None) -> None:
    """Open ``path`` (or the bundled sample when None) in a window of ``size`` and save it
    as the PNG ``out``.  Bad files raise their one-line :class:`UserError`."""
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
            if not image.save(out, "PNG"):
                raise ScreenshotError(f"Cannot write the screenshot {out}.")
        finally:
            window.undo_stack.setClean()
            window.close()
            window.deleteLater()
            app.processEvents()

