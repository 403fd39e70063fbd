"""Cut, copy, paste and duplicate on the canvas, through the system clipboard.

Each paste or duplicate is one undo step (files, lanes, stages and arrows together) and
leaves the new stages selected.  A copy pasted in place lands beside its original, each
further paste of the same clipboard further along, so copies never hide each other.
"""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtWidgets import QApplication

from salesdesigner.lazy_import import lazy_module
from salesdesigner.ui.canvas import clipboard, ui_texts

paste = lazy_module("salesdesigner.edits.paste")  # loaded with the first paste

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor

_exit_hook: list[bool] = []


def _hand_over_at_exit() -> None:
    """At exit, leave the clipboard holding plain text made by Qt instead of our data.

    A ``QMimeData`` built in Python stays tied to its Python wrapper; on platforms whose
    clipboard lives in a static of QtGui (offscreen, minimal) it is deleted after the
    interpreter has gone, which crashes the process on its way out.  The stage names stay
    on the clipboard for other programs; the fragment was only useful to this one.
    """
    if _exit_hook:
        return
    _exit_hook.append(True)

    def release() -> None:
        if QApplication.instance() is None:
            return
        board = QApplication.clipboard()
        mime = board.mimeData()
        if mime is not None and mime.hasFormat(clipboard.MIME_TYPE):
            board.setText(mime.text())

    atexit.register(release)


class ClipboardOps:
    def __init__(self, editor: CanvasEditor) -> None:
        self.editor = editor
        self._last: tuple[str, int] = ("", 0)  # clipboard text, times pasted in place

    def copy(self) -> None:
        editor = self.editor
        ids = editor.selected_stage_ids()
        text = clipboard.encode(editor.process, ids)
        if text is None:
            return
        mime = QMimeData()
        mime.setData(clipboard.MIME_TYPE, text.encode("utf-8"))
        mime.setText("\n".join(editor.process.stage(s).name for s in ids))
        QApplication.clipboard().setMimeData(mime)
        _hand_over_at_exit()

    def cut(self) -> None:
        if self.editor.selected_stage_ids():
            self.copy()
        self.editor.delete_selection("Cut")

    def paste(self, at: QPointF | None = None) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME_TYPE):
            self._refuse()
            return
        text = bytes(mime.data(clipboard.MIME_TYPE).data()).decode("utf-8", "replace")
        serial = 1
        if at is None:
            serial = self._last[1] + 1 if self._last[0] == text else 1
            self._last = (text, serial)
        self.insert(text, at, serial, "Paste")

    def duplicate(self) -> None:
        text = clipboard.encode(self.editor.process, self.editor.selected_stage_ids())
        if text is not None:
            self.insert(text, None, 1, "Duplicate")

    def insert(self, text: str, at: QPointF | None, serial: int, name: str) -> None:
        editor = self.editor
        try:
            fragment = clipboard.decode(text)
        except clipboard.FragmentError:
            self._refuse()
            return
        if at is None:
            dx, dy = paste.beside(fragment.process, serial)
        else:
            center = paste.fragment_center(fragment.process)
            dx, dy = at.x() - center.x, at.y() - center.y
        add = paste.insertion(editor.process, fragment, dx, dy)
        editor.push(add.edit(name))
        editor.scene.select_ids([s.id for s in add.stages], [t.id for t in add.transitions])

    def _refuse(self) -> None:
        self.editor.status(ui_texts.text("bad-clipboard", self.editor.language))
