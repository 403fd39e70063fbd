"""Small inspector forms: an arrow's label and condition, and the document's own fields
(shown when nothing is selected)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from salesdesigner.edits import name
from salesdesigner.model.entities import Transition
from salesdesigner.model.presentation import language_code
from salesdesigner.model.process import Process
from salesdesigner.ui.inspector.context import (
    EditContext,
    add_labelled_row,
    set_line_text,
    set_plain_text,
)
from salesdesigner.ui.inspector.elided import ElidedLabel, fit_combo


class _Translated(QWidget):
    """A form that renames itself when the UI language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class TransitionForm(_Translated):
    """Label and condition of the selected arrow."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.route = ElidedLabel(max_lines=2)  # two stage names of any length
        self.label = QLineEdit()
        self.label.textChanged.connect(
            lambda t: ctx.edit_transition({"label": t}, name("Edit Arrow Label", "TransitionForm"), key="label"))
        self.condition = QPlainTextEdit()
        self.condition.setTabChangesFocus(True)
        self.condition.textChanged.connect(lambda: ctx.edit_transition(
            {"condition": self.condition.toPlainText()}, name("Edit Arrow Condition", "TransitionForm"),
            key="condition"))
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.route, self.label, self.condition):
            add_labelled_row(form, field)
        self.retranslate()

    def retranslate(self) -> None:
        for field, text in ((self.route, self.tr("From → to:")), (self.label, self.tr("&Label:")),
                            (self.condition, self.tr("&Condition:"))):
            self.form.labelForField(field).setText(text)
        self.label.setPlaceholderText(self.tr("e.g. Yes, Budget confirmed"))
        self.condition.setPlaceholderText(self.tr("When does a deal take this path?"))

    def refresh(self, transition: Transition | None) -> None:
        if transition is None:
            return
        process = self.ctx.process

        def name(stage_id: str) -> str:
            return process.stage(stage_id).name if process.has_stage(stage_id) else stage_id

        with self.ctx.filling():
            self.route.set_template("{source} → {target}", source=name(transition.source),
                                    target=name(transition.target))
            set_line_text(self.label, transition.label)
            set_plain_text(self.condition, transition.condition)


class DocumentForm(_Translated):
    """The process's name, company, revision, language, currency and description."""

    LINE_FIELDS = ("name", "company", "revision", "currency")

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: dict[str, QLineEdit] = {}
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        form.addRow(hint)
        for field in self.LINE_FIELDS:
            edit = QLineEdit()
            edit.textChanged.connect(lambda t, f=field: ctx.edit_process(
                {f: t}, name("Edit Document Details", "DocumentForm"), key=f))
            self.lines[field] = edit
            add_labelled_row(form, edit)
        self.language = fit_combo(QComboBox())  # a file may name any language
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.currentIndexChanged.connect(self._language_changed)
        add_labelled_row(form, self.language)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.textChanged.connect(lambda: ctx.edit_process(
            {"description": self.description.toPlainText()}, name("Edit Document Details", "DocumentForm"),
            key="description"))
        add_labelled_row(form, self.description)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Select a stage or an arrow on the canvas to edit it. "
                                  "These are the document's own details."))
        labels = {"name": self.tr("Process &name:"), "company": self.tr("&Company:"),
                  "revision": self.tr("&Revision:"), "currency": self.tr("C&urrency:")}
        for field, edit in self.lines.items():
            self.form.labelForField(edit).setText(labels[field])
        self.form.labelForField(self.language).setText(self.tr("Content &language:"))
        self.form.labelForField(self.description).setText(self.tr("&Description:"))

    def refresh(self, process: Process) -> None:
        with self.ctx.filling():
            for field, edit in self.lines.items():
                set_line_text(edit, str(getattr(process, field) or ""))
            lang = language_code(process.language)
            if self.language.findData(process.language) < 0 and process.language not in ("", lang):
                self.language.addItem(process.language, process.language)
            self.language.setCurrentIndex(max(0, self.language.findData(
                process.language if self.language.findData(process.language) >= 0 else lang)))
            set_plain_text(self.description, process.description)

    def _language_changed(self, _index: int) -> None:
        self.ctx.edit_process({"language": self.language.currentData()},
                              name("Change Content Language", "DocumentForm"))
