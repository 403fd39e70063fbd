"""Small inspector forms: an arrow's label, condition, style and route, and the document's
own fields (shown when nothing is selected)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.edits import name
from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.entities import ArrowStyle, Transition
from salesdesigner.model.presentation import language_code
from salesdesigner.model.process import Process
from salesdesigner.ui.inspector.context import (
    EditContext,
    add_labelled_row,
    set_line_text,
    set_plain_text,
)
from salesdesigner.ui.inspector.elided import ElidedLabel, fit_combo

# the arrow edits load with the first arrow-style change, not with the window
arrows = lazy_module("salesdesigner.edits.arrows")

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor


class _Translated(QWidget):
    """A form that renames itself when the UI language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class TransitionForm(_Translated):
    """The selected arrow: label, condition, style, and how it is routed.

    The style and the route go through the canvas editor (the same edits as the arrow's
    context menu, one undo step each); without one, through the inspector's context."""

    STYLES: tuple[ArrowStyle | None, ...] = (None, *ArrowStyle)

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: CanvasEditor | None = None  # the window hands over its canvas editor
        self.route = ElidedLabel(max_lines=2)  # two stage names of any length
        self.label = QLineEdit()
        self.label.textChanged.connect(
            lambda t: ctx.edit_transition({"label": t}, name("Edit Arrow Label", "TransitionForm"),
                                          key="label"))
        self.condition = QPlainTextEdit()
        self.condition.setTabChangesFocus(True)
        # a few lines' room: the style and the route stay in sight below it
        self.condition.setMaximumHeight(round(self.condition.fontMetrics().lineSpacing() * 8 + 12))
        self.condition.textChanged.connect(lambda: ctx.edit_transition(
            {"condition": self.condition.toPlainText()},
            name("Edit Arrow Condition", "TransitionForm"),
            key="condition"))
        self.style_box = fit_combo(QComboBox())
        for value in self.STYLES:
            self.style_box.addItem("", value)
        self.style_box.currentIndexChanged.connect(self._style_chosen)
        self.shape = QLabel()  # automatic, or how the manager steered it
        self.shape.setWordWrap(True)
        self.reset = QPushButton()
        self.reset.clicked.connect(self._reset_route)
        routing = QWidget()
        column = QVBoxLayout(routing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.shape)
        column.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignLeft)
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.route, self.label, self.condition, self.style_box, routing):
            add_labelled_row(form, field)
        self.routing = routing
        self.retranslate()

    def retranslate(self) -> None:
        for field, text in ((self.route, self.tr("From → to:")), (self.label, self.tr("&Label:")),
                            (self.condition, self.tr("&Condition:")),
                            (self.style_box, self.tr("&Style:")),
                            (self.routing, self.tr("Route:"))):
            self.form.labelForField(field).setText(text)
        self.label.setPlaceholderText(self.tr("e.g. Yes, Budget confirmed"))
        self.condition.setPlaceholderText(self.tr("When does a deal take this path?"))
        names = {None: self.tr("As the document ({style})"),
                 ArrowStyle.CURVED: self.tr("Curved"),
                 ArrowStyle.ORTHOGONAL: self.tr("Orthogonal"),
                 ArrowStyle.STRAIGHT: self.tr("Straight")}
        document = names[self.ctx.process.arrow_style]
        for i, value in enumerate(self.STYLES):
            text = names[value]
            self.style_box.setItemText(i, text.format(style=document) if value is None else text)
        self.reset.setText(self.tr("&Reset Route"))
        self.reset.setToolTip(self.tr("Remove the bend points and let the arrow's ends be "
                                      "chosen automatically again"))
        self._show_shape(self.ctx.transition())

    def _show_shape(self, transition: Transition | None) -> None:
        bends = len(transition.waypoints) if transition is not None else 0
        ends = sum(a is not None for a in (transition.source_anchor, transition.target_anchor)
                   ) if transition is not None else 0
        if not bends and not ends:
            self.shape.setText(self.tr("Automatic"))
        else:
            self.shape.setText(self.tr("Bend points: {bends} · ends you placed: {ends}")
                               .format(bends=bends, ends=ends))
        self.reset.setEnabled(bool(bends or ends))

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
            self.retranslate()  # the document's style may have changed: "As the document (…)"
            self.style_box.setCurrentIndex(self.STYLES.index(transition.style))

    def _style_chosen(self, index: int) -> None:
        transition = self.ctx.transition()
        if self.ctx.updating or transition is None or index < 0:
            return
        value = self.STYLES[index]
        if transition.style == value:
            return
        if self.editor is not None:
            self.editor.set_arrow_style(transition.id, value)
        else:
            self.ctx.push(arrows.arrow_style(transition.id, value))

    def _reset_route(self) -> None:
        transition = self.ctx.transition()
        if transition is None or not transition.steered:
            return
        if self.editor is not None:
            self.editor.reset_arrow_route(transition.id)
        else:
            self.ctx.push(arrows.reset_route(transition.id))


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
            {"description": self.description.toPlainText()},
            name("Edit Document Details", "DocumentForm"),
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
