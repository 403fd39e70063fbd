"""What every inspector editor shares: the document, the undo stack, the edited stage or
arrow, and the flag that stops model → widget → model feedback.

Typing pushes one command per committed change; consecutive edits of one field of one
stage merge into a single undo step.  The merge key includes an edit *session* that
advances when keyboard focus moves or the selection changes, so going back to a field
later starts a new undo step.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from salesdesigner.model.entities import Stage, Transition
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.model.vocabulary import vocabulary
from salesdesigner.ui.commands import (
    UpdateProcessCommand,
    UpdateStageCommand,
    UpdateTransitionCommand,
)


class FieldEditCommand(UpdateStageCommand):
    """Typing in one inspector field: merges only with typing in the same field and session."""

    def __init__(self, process: Process, stage_id: str, changes: Mapping[str, Any],
                 key: tuple, text: str) -> None:
        super().__init__(process, stage_id, changes, merge=True, text=text)
        self.key = key

    def mergeWith(self, other: QUndoCommand) -> bool:
        return (isinstance(other, FieldEditCommand) and other.key == self.key
                and super().mergeWith(other))


class TransitionFieldEditCommand(UpdateTransitionCommand):
    def __init__(self, process: Process, transition_id: str, changes: Mapping[str, Any],
                 key: tuple, text: str) -> None:
        super().__init__(process, transition_id, changes, merge=True, text=text)
        self.key = key

    def mergeWith(self, other: QUndoCommand) -> bool:
        return (isinstance(other, TransitionFieldEditCommand) and other.key == self.key
                and super().mergeWith(other))


class ProcessFieldEditCommand(UpdateProcessCommand):
    def __init__(self, process: Process, changes: Mapping[str, Any], key: tuple,
                 text: str) -> None:
        super().__init__(process, changes, merge=True, text=text)
        self.key = key

    def mergeWith(self, other: QUndoCommand) -> bool:
        return (isinstance(other, ProcessFieldEditCommand) and other.key == self.key
                and super().mergeWith(other))


class EditContext(QObject):
    """The inspector's link to the document; editors push through it, never directly."""

    statusMessage = Signal(str)

    def __init__(self, process: Process, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.undo_stack = undo_stack
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
        return vocabulary(self.process.language)[key]

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

    def _push(self, command: QUndoCommand) -> bool:
        try:
            self.undo_stack.push(command)
        except UserError as exc:  # the model refused: nothing was changed
            self.statusMessage.emit(str(exc))
            return False
        return True

    def edit_stage(self, changes: Mapping[str, Any], text: str, *,
                   key: str | None = None) -> bool:
        """Change the current stage; with ``key``, typing in that field merges."""
        stage = self.stage()
        if self.updating or stage is None:
            return False
        if all(getattr(stage, k) == v for k, v in changes.items()):
            return False
        if key is None:
            command: QUndoCommand = UpdateStageCommand(self.process, stage.id, changes, text=text)
        else:
            command = FieldEditCommand(self.process, stage.id, changes,
                                       (stage.id, key, self.session), text)
        return self._push(command)

    def edit_transition(self, changes: Mapping[str, Any], text: str, *,
                        key: str | None = None) -> bool:
        transition = self.transition()
        if self.updating or transition is None:
            return False
        if all(getattr(transition, k) == v for k, v in changes.items()):
            return False
        if key is None:
            command: QUndoCommand = UpdateTransitionCommand(self.process, transition.id,
                                                            changes, text=text)
        else:
            command = TransitionFieldEditCommand(self.process, transition.id, changes,
                                                 (transition.id, key, self.session), text)
        return self._push(command)

    def edit_process(self, changes: Mapping[str, Any], text: str, *,
                     key: str | None = None) -> bool:
        if self.updating or all(getattr(self.process, k) == v for k, v in changes.items()):
            return False
        if key is None:
            command: QUndoCommand = UpdateProcessCommand(self.process, changes, text=text)
        else:
            command = ProcessFieldEditCommand(self.process, changes, (key, self.session), text)
        return self._push(command)


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
