"""The rep's playbook reader: a read-only window onto a sales process.

``salesdesigner --playbook FILE`` calls :func:`run_playbook`; the editor's View ▸ Playbook
shows a :class:`PlaybookWindow` on its in-memory process.  ``salesdesigner --playbook
postgresql://USER@HOST:PORT/DB/PROCESS_ID`` follows a process in a team repository
(:mod:`.follow`): its latest published revision, kept for offline use.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.ui.playbook.window import PlaybookWindow

__all__ = ["PlaybookWindow", "is_repository_address", "run_playbook"]


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
    from salesdesigner.ui.playbook.follow import follow_source, install_file_menu

    if is_repository_address(path):
        window = PlaybookWindow(Process(language=_ui_language()), "")
        install_file_menu(window)
        if follow_source(window, path) is None:
            window.deleteLater()
            return 1
        return _run(app, window)
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
    install_file_menu(window)
    return _run(app, window)


def is_repository_address(text: str) -> bool:
    """Whether the reader was given a team repository process rather than a file."""
    return text.lower().startswith(("postgresql://", "postgresql+", "postgres://"))


def _ui_language() -> str:
    from salesdesigner.ui.i18n import current_language
    return current_language()


def _run(app: QApplication, window: PlaybookWindow) -> int:
    window.show()
    app.exec()
    window.close()
    window.deleteLater()  # a caller that goes on (a test, a script) does not keep it
    return 0
