"""The rep's playbook reader: a read-only window onto a sales process.

``salesdesigner --playbook FILE`` calls :func:`run_playbook`; the editor's View ▸ Playbook
shows a :class:`PlaybookWindow` on its in-memory process.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesigner.model.errors import UserError
from salesdesigner.ui.playbook.window import PlaybookWindow

__all__ = ["PlaybookWindow", "run_playbook"]


def run_playbook(path: str, language: str | None = None) -> int:
    """Open ``path`` read-only in the reader and run until it closes; 1 if it cannot open.

    ``language`` picks the UI language (ja/en; default: the saved choice or the system's);
    the stage pages always speak the document's language.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("SalesDesigner")
    if app.property("salesdesignerLanguage") is None or language:
        from salesdesigner.ui.i18n import install_translators
        install_translators(language)
    from salesdesigner.storage.document import open_document  # only when reading a file

    try:
        process = open_document(path)
    except (UserError, OSError) as exc:
        detail = str(exc) if isinstance(exc, UserError) else f"{path}: {exc.strerror or exc}"
        heading = QApplication.translate("PlaybookWindow", "Cannot open the playbook.")
        box = QMessageBox(QMessageBox.Icon.Critical, "SalesDesigner", f"{heading}\n\n{detail}")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote the file's text
        box.exec()
        return 1
    window = PlaybookWindow(process, os.path.basename(path))
    window.show()
    app.exec()
    window.close()
    window.deleteLater()  # a caller that goes on (a test, a script) does not keep it
    return 0
