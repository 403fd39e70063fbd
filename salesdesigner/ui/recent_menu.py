"""File ▸ Open Recent: the menu of recently opened documents, filled each time it opens.

Its texts belong to the window's translation context ("MainWindow" in the .ts file).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from salesdesigner.ui.document_controller import DocumentController


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def fill_recent_menu(menu: QMenu, document: DocumentController) -> None:
    """The recent documents, numbered (``&1`` …), each opening in ``document``'s window,
    then Clear Menu."""
    menu.clear()
    menu.setToolTipsVisible(True)
    paths = document.recent_files()
    for n, (path, text) in enumerate(zip(paths, recent_labels(paths), strict=False), 1):
        label = f"&{n} {text}" if n < 10 else text
        action = menu.addAction(label)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _c=False, p=path: document.open_path(p))
    if not paths:
        menu.addAction(_tr("No Recent Documents")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(_tr("&Clear Menu"))
    clear.setEnabled(bool(paths))
    clear.triggered.connect(document.clear_recent)


def recent_labels(paths: list[str]) -> list[str]:
    """Menu texts for recent files: the file name, plus its folder when another entry
    has the same name (as editors do); ``&`` is doubled so it is not a shortcut key."""
    names = [Path(p).name for p in paths]
    folded = [n.casefold() for n in names]
    home = str(Path.home())
    labels = []
    for path, name, key in zip(paths, names, folded, strict=False):
        text = name
        if folded.count(key) > 1:
            folder = str(Path(path).parent)
            if home and (folder == home or folder.startswith(home + os.sep)):
                folder = "~" + folder[len(home):]
            text = f"{name} — {folder}"
        labels.append(text.replace("&", "&&"))
    return labels
