"""The find bar: type to find stages (names, KPIs, scripts, …), step through the matches,
each one selected and centred; Escape closes.  Matching is the model's
:func:`~salesdesigner.model.search.matching_stages` (case- and width-insensitive)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from salesdesigner.model.search import search
from salesdesigner.ui.canvas import ui_texts
from salesdesigner.ui.canvas.editor import CanvasEditor
from salesdesigner.ui.canvas.view import ProcessView


class FindBar(QWidget):
    """The find bar; :attr:`matchShown` tells the inspector which field to show."""

    closed = Signal()
    matchShown = Signal(str, str, str)  # stage id, field that matched (search's name), query

    def __init__(self, editor: CanvasEditor, view: ProcessView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.scene, self.view = editor, editor.scene, view
        self.matches: list[str] = []
        self.where: dict[str, str] = {}  # stage id -> the first field that matched
        self.current = -1
        lang = editor.language
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(ui_texts.text("find-placeholder", lang))
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(70)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("▲")
        self.prev_button.setAutoRaise(True)
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setAutoRaise(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (self.edit, self.count_label, self.prev_button, self.next_button,
                       self.close_button):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()
        self.closed.emit()

    def set_query(self, text: str) -> None:
        self.edit.setText(text)

    def _match(self, text: str) -> None:
        """Stages that match, in process order, and where each first matched (a stage found
        by its exit criteria or a script line would otherwise look like a wrong hit)."""
        self.where = {}
        for match in search(self.scene.process, text):
            self.where.setdefault(match.stage_id, match.field)
        self.matches = list(self.where)

    def _search(self, text: str) -> None:
        self._match(text)
        self.current = -1
        if self.matches:
            self.find_next()
        else:
            self._show_count()

    def _refresh(self) -> None:
        """The document may have changed since the last search: match again, keep our place."""
        here = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self._match(self.edit.text())
        self.current = self.matches.index(here) if here in self.matches else -1

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        self._refresh()
        if not self.matches:
            self._show_count()
            return
        if self.current < 0:
            self.current = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + direction) % len(self.matches)
        stage_id = self.matches[self.current]
        self.scene.select_ids([stage_id])
        self.view.center_on_stage(stage_id)
        self._show_count()
        self.matchShown.emit(stage_id, self.where.get(stage_id, "name"), self.edit.text())

    def count_text(self) -> str:
        lang = self.editor.language
        if not self.edit.text().strip():
            return ""
        if not self.matches:
            return ui_texts.text("find-none", lang)
        count = ui_texts.text("find-count", lang, i=max(self.current, 0) + 1, n=len(self.matches))
        field = self.where.get(self.matches[max(self.current, 0)], "name")
        if field == "name":
            return count
        return f"{count} · {ui_texts.text('found-in-' + field, lang)}"

    def _show_count(self) -> None:
        self.count_label.setText(self.count_text())

    def eventFilter(self, obj, event) -> bool:
        if (obj is self.edit and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.find_previous()
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
