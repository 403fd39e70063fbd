"""The one undo command: a thin ``QUndoCommand`` around an edit of :mod:`salesdesigner.edits`.

The edit layer holds every rule for changing a document; this adapter only puts an edit
on Qt's undo stack: ``redo`` applies the edit and keeps its inverse, ``undo`` applies the
inverse, ``mergeWith`` asks the edit whether the next one merges (typing in a field), and
the step's name is translated whenever it is shown (:meth:`EditCommand.retranslate` after
a language switch) from the edit's untranslated :class:`~salesdesigner.edits.Name`.
No other module subclasses ``QUndoCommand``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from salesdesigner.edits import Edit, Name, Step
from salesdesigner.model.process import Process

# The edit layer's own step names, for Qt's catalogue tools (translations: context
# EditNames of resources/i18n/salesdesigner_ja.ts).
EDIT_NAMES = (
    QT_TRANSLATE_NOOP("EditNames", "Add Stage"),
    QT_TRANSLATE_NOOP("EditNames", "Connect"),
    QT_TRANSLATE_NOOP("EditNames", "Move"),
    QT_TRANSLATE_NOOP("EditNames", "Delete"),
    QT_TRANSLATE_NOOP("EditNames", "Paste"),
    QT_TRANSLATE_NOOP("EditNames", "Duplicate"),
    QT_TRANSLATE_NOOP("EditNames", "Cut"),
    QT_TRANSLATE_NOOP("EditNames", "Rename"),
    QT_TRANSLATE_NOOP("EditNames", "Rename Stage"),
    QT_TRANSLATE_NOOP("EditNames", "Relabel Arrow"),
    QT_TRANSLATE_NOOP("EditNames", "Reconnect Arrow"),
    QT_TRANSLATE_NOOP("EditNames", "Align"),
    QT_TRANSLATE_NOOP("EditNames", "Distribute"),
    QT_TRANSLATE_NOOP("EditNames", "Auto Layout"),
    QT_TRANSLATE_NOOP("EditNames", "Add Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Rename Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Change Lane Colour"),
    QT_TRANSLATE_NOOP("EditNames", "Move Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Delete Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Resize Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Edit"),
    QT_TRANSLATE_NOOP("EditNames", "Edit Stage"),
    QT_TRANSLATE_NOOP("EditNames", "Edit Arrow"),
    QT_TRANSLATE_NOOP("EditNames", "Edit Lane"),
    QT_TRANSLATE_NOOP("EditNames", "Edit Process"),
    QT_TRANSLATE_NOOP("EditNames", "Attach File"),
    QT_TRANSLATE_NOOP("EditNames", "Remove File"),
    QT_TRANSLATE_NOOP("EditNames", "Restore Revision {number}"),
    QT_TRANSLATE_NOOP("EditNames", "Adopt Observed Move"),
    QT_TRANSLATE_NOOP("EditNames", "Make It a Tip"),
    QT_TRANSLATE_NOOP("EditNames", "Add Note"),
    QT_TRANSLATE_NOOP("EditNames", "Add Script Draft"),
)

MERGE_ID = 1  # every mergeable edit shares it; the edits' own merge keys decide


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def step_text(name: Name) -> str:
    """An edit's name in the language the UI speaks now."""
    return name.render(translate)


class EditCommand(QUndoCommand):
    """Puts one edit on a ``QUndoStack``.  When the model refuses the edit, the command
    marks itself obsolete so ``QUndoStack.push`` drops it, and the error reaches the
    caller; the edit itself has left the document as it was."""

    def __init__(self, process: Process, edit: Edit) -> None:
        super().__init__(step_text(edit.name))
        self.process = process
        self.edit = edit
        self.step: Step | None = None

    def retranslate(self) -> None:
        self.setText(step_text(self.edit.name))

    def id(self) -> int:
        return MERGE_ID if self.edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditCommand) and self.step is not None
                and other.step is not None and self.step.absorb(other.step)):
            return False
        self.edit = self.step.edit
        return True

    def redo(self) -> None:
        try:
            self.step = Step(self.edit, self.edit.apply(self.process))
        except Exception:
            self.setObsolete(True)
            raise

    def undo(self) -> None:
        assert self.step is not None
        self.step.inverse.apply(self.process)


def push(stack: QUndoStack, process: Process, edit: Edit | None) -> bool:
    """Put ``edit`` on ``stack`` (nothing for None); True when something was pushed.
    The model's refusal (a :class:`~salesdesigner.model.errors.ProcessError`) goes on to
    the caller, with nothing left on the stack."""
    if edit is None:
        return False
    stack.push(EditCommand(process, edit))
    return True


def retranslate_stack(stack: QUndoStack) -> None:
    """Rename every step in the language the UI speaks now (after a language switch)."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, EditCommand):
            command.retranslate()


__all__ = ["EditCommand", "push", "retranslate_stack", "step_text", "MERGE_ID"]
