"""What every inspector editor shares: the document, the canvas editor every change goes
through, the edited stage or arrow, and the flag that stops model → widget → model feedback.

The inspector never pushes onto the undo stack itself: like the window's actions and menus
it hands each edit to the canvas editor (:class:`~salesdesigner.ui.canvas.editor.CanvasEditor`),
the one place that applies changes to the drawing and reports the model's refusals.

Typing pushes one edit per committed change; consecutive edits of one field of one
stage merge into a single undo step (the edits' merge keys).  The merge key includes an
edit *session* that advances when keyboard focus moves or the selection changes, so going
back to a field later starts a new undo step.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from salesdesigner.edits import Edit, Name
from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.entities import Stage, Transition
from salesdesigner.model.errors import UserError
from salesdesigner.model.presentation import words_for

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor

fields = lazy_module("salesdesigner.edits.fields")  # the field edits load with the first edit


class EditContext(QObject):
    """The inspector's link to the document; editors push through it, never directly."""

    statusMessage = Signal(str)

    def __init__(self, editor: CanvasEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.process = editor.process
        self.stage_id: str | None = None
        self.transition_id: str | None = None
        self.updating = False
        self.session = 0
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self.new_session)  # bound slot: dropped with self

    def new_name(self, key: str) -> str:
        """What a new KPI, action, script… is called: in the document's language (it is
        printed in the manual and the playbook), whatever language the menus speak."""
        return words_for(self.process.language)(key)

    def new_session(self, *_: object) -> None:
        self.session += 1

    @contextmanager
    def filling(self) -> Iterator[None]:
        """Widgets are being set from the model: their change signals must not push."""
        previous, self.updating = self.updating, True
        try:
            yield
        finally:
            self.updating = previous

    def stage(self) -> Stage | None:
        if self.stage_id and self.process.has_stage(self.stage_id):
            return self.process.stage(self.stage_id)
        return None

    def transition(self) -> Transition | None:
        if self.transition_id and self.process.has_transition(self.transition_id):
            return self.process.transition(self.transition_id)
        return None

    def push(self, edit: Edit | None) -> bool:
        """Hand an edit to the canvas editor (one undo step); False (and the editor's status
        message, in the UI language) when the model refuses it, or for None."""
        try:
            return self.editor.push(edit)
        except UserError as exc:  # the model refused: nothing was changed
            self.editor.refused(exc)
            return False

    def key(self, field: str | None) -> tuple | None:
        """The merge key of typing in ``field`` now (None: a step of its own)."""
        return None if field is None else (field, self.session)

    def edit_stage(self, changes: Mapping[str, Any], text: Name, *,
                   key: str | None = None) -> bool:
        """Change the current stage; with ``key``, typing in that field merges."""
        stage = self.stage()
        if self.updating or stage is None:
            return False
        if all(getattr(stage, k) == v for k, v in changes.items()):
            return False
        return self.push(fields.SetStage(stage.id, changes, self.key(key), name=text))

    def edit_transition(self, changes: Mapping[str, Any], text: Name, *,
                        key: str | None = None) -> bool:
        transition = self.transition()
        if self.updating or transition is None:
            return False
        if all(getattr(transition, k) == v for k, v in changes.items()):
            return False
        return self.push(fields.SetTransition(transition.id, changes, self.key(key), name=text))

    def edit_process(self, changes: Mapping[str, Any], text: Name, *,
                     key: str | None = None) -> bool:
        if self.updating or all(getattr(self.process, k) == v for k, v in changes.items()):
            return False
        return self.push(fields.SetProcess(changes, self.key(key), name=text))


def set_line_text(widget: Any, text: str) -> None:
    """Set a QLineEdit's text only if it differs (keeps the cursor and IME state).

    A field the user is not typing in shows the start of its text: ``setText`` leaves the
    cursor at the end, which scrolls a long title or link so that its beginning is hidden.
    """
    if widget.text() != text:
        widget.setText(text)
        if not widget.hasFocus():
            widget.setCursorPosition(0)


def set_plain_text(widget: Any, text: str) -> None:
    """Set a QPlainTextEdit's text only if it differs."""
    if widget.toPlainText() != text:
        widget.setPlainText(text)


def add_labelled_row(form: QFormLayout, field: QWidget) -> QLabel:
    """A form row whose label (its text set later, by a ``retranslate``) is the field's buddy."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)
    return label
