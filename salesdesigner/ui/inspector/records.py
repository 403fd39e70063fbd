"""A list of a stage's records (actions, scripts, materials, tips, exit criteria) with a
form below it for the selected one: add, remove, move up and down, edit in place.

Records are frozen dataclasses or plain strings; an edit builds a new tuple and pushes it
as one stage change.  Long texts get a large plain-text editor that the list leaves room
for (the splitter between them can be dragged).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.edits import Name, name
from salesdesigner.model.entities import Stage
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.inspector.context import EditContext, set_line_text, set_plain_text
from salesdesigner.ui.inspector.elided import plain_tooltip

TITLE_COLUMNS = 110  # about two lines of the list in the default dock


def clip_columns(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns (a Japanese character takes two), with
    "…": a 2,000-character title would otherwise fill the list."""
    used = 0
    for i, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > columns:
            return text[:i].rstrip() + "…"
    return text


def name_arrow_button(button: QToolButton, arrow: str, name: str) -> None:
    """Move up/down as a compact arrow (the narrow dock has no room for six worded
    buttons); the words are its tooltip and accessible name."""
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly
                              if not button.icon().isNull()
                              else Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setText(arrow)
    button.setToolTip(name)
    button.setAccessibleName(name)


@dataclass(frozen=True)
class FieldSpec:
    """One field of the record form; ``attr`` None means the record is the string itself."""

    attr: str | None
    label: str
    multiline: bool = False
    placeholder: str = ""


class RecordListEditor(QWidget):
    """Edits ``stage.<stage_field>``, a tuple of records, through undo commands."""

    def __init__(self, ctx: EditContext, stage_field: str, fields: list[FieldSpec], *,
                 make_new: Callable[[], Any], title_of: Callable[[Any], str],
                 item_name: Name, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stage_field = stage_field
        self.fields = fields
        self.make_new = make_new
        self.title_of = title_of
        self.item_name = item_name
        self._records: tuple[Any, ...] = ()
        self._pending_row: int | None = None

        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        self.list.currentRowChanged.connect(self._row_changed)

        self.add_button = self._tool("list-add", self.add_record)
        self.remove_button = self._tool("list-remove", self.remove_record)
        self.up_button = self._tool("go-up", lambda: self.move_record(-1))
        self.down_button = self._tool("go-down", lambda: self.move_record(1))
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        top_layout.addLayout(self.buttons)

        self.form = QWidget()
        form_layout = QFormLayout(self.form)
        form_layout.setContentsMargins(0, 4, 0, 0)
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editors: dict[str | None, QLineEdit | QPlainTextEdit] = {}
        self.labels: dict[str | None, QLabel] = {}
        for spec in fields:
            editor: QLineEdit | QPlainTextEdit
            if spec.multiline:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setPlaceholderText(spec.placeholder)
                editor.textChanged.connect(lambda s=spec: self._field_edited(s))
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(spec.placeholder)
                editor.textChanged.connect(lambda _t, s=spec: self._field_edited(s))
            self.editors[spec.attr] = editor
            if spec.label:
                label = self.labels[spec.attr] = QLabel(spec.label)
                label.setBuddy(editor)
                form_layout.addRow(label, editor)
            else:
                form_layout.addRow(editor)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3 if any(s.multiline for s in fields) else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.retranslate()
        self._update_enabled()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The editor's own texts; the owner renames the fields with :meth:`retitle`."""
        for button, text in ((self.add_button, self.tr("Add")),
                             (self.remove_button, self.tr("Remove"))):
            button.setText(text)
            button.setToolTip(text)
        name_arrow_button(self.up_button, "▲", self.tr("Move Up"))
        name_arrow_button(self.down_button, "▼", self.tr("Move Down"))
        for i, record in enumerate(self._records[:self.list.count()]):
            self._show_title(i, record)  # "(untitled)" is UI text

    def retitle(self, fields: list[FieldSpec], item_name: Name) -> None:
        """New field labels, placeholders and record name (the UI language changed)."""
        self.item_name = item_name
        for spec in fields:
            if spec.attr in self.labels:
                self.labels[spec.attr].setText(spec.label)
            if spec.attr in self.editors:
                self.editors[spec.attr].setPlaceholderText(spec.placeholder)
        self.fields = [dataclasses.replace(old, label=new.label, placeholder=new.placeholder)
                       for old, new in zip(self.fields, fields, strict=False)]

    def _tool(self, icon: str, slot: Callable[[], None]) -> QToolButton:
        from PySide6.QtGui import QIcon
        button = QToolButton()
        button.setIcon(QIcon.fromTheme(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                                  if not QIcon.fromTheme(icon).isNull()
                                  else Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda _checked=False: slot())  # never pass "checked" on
        return button

    # ------------------------------------------------------------------ model → widgets
    def refresh(self, stage: Stage | None) -> None:
        records = tuple(getattr(stage, self.stage_field)) if stage is not None else ()
        with self.ctx.filling():
            row = self.list.currentRow()
            if self._pending_row is not None:
                row, self._pending_row = self._pending_row, None
            if len(records) != self.list.count():
                self.list.clear()
                self.list.addItems([self._title(r) for r in records])
            for i, record in enumerate(records):
                self._show_title(i, record)
            self._records = records
            row = min(max(row, 0), len(records) - 1)
            if self.list.currentRow() != row:
                self.list.setCurrentRow(row)
            self._fill_form()
        self._update_enabled()

    def _title(self, record: Any) -> str:
        text = " ".join(str(self.title_of(record)).split())
        return (clip_columns(text, TITLE_COLUMNS) if text
                else words_for(current_language()).untitled)

    def _show_title(self, row: int, record: Any) -> None:
        """The row's (shortened) title; a shortened one has the whole title as tooltip."""
        item = self.list.item(row)
        title = self._title(record)
        if item.text() != title:
            item.setText(title)
        full = " ".join(str(self.title_of(record)).split())
        item.setToolTip(plain_tooltip(full) if title != full else "")

    def _fill_form(self) -> None:
        record = self.current_record()
        for spec in self.fields:
            editor = self.editors[spec.attr]
            value = "" if record is None else str(
                record if spec.attr is None else getattr(record, spec.attr))
            if isinstance(editor, QPlainTextEdit):
                set_plain_text(editor, value)
            else:
                set_line_text(editor, value)

    def _update_enabled(self) -> None:
        row, n = self.list.currentRow(), len(self._records)
        has_stage = self.ctx.stage() is not None
        self.add_button.setEnabled(has_stage)
        self.remove_button.setEnabled(0 <= row < n)
        self.up_button.setEnabled(0 < row < n)
        self.down_button.setEnabled(0 <= row < n - 1)
        self.form.setEnabled(0 <= row < n)

    @property
    def records(self) -> tuple[Any, ...]:
        """The records shown, in list order."""
        return self._records

    def current_record(self) -> Any | None:
        row = self.list.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def _row_changed(self, _row: int) -> None:
        if self.ctx.updating:
            return
        with self.ctx.filling():
            self._fill_form()
        self.ctx.new_session()
        self._update_enabled()

    # ------------------------------------------------------------------ widgets → model
    def _push(self, records: tuple[Any, ...], text: Name, key: str | None = None) -> bool:
        return self.ctx.edit_stage({self.stage_field: records}, text, key=key)

    def _field_edited(self, spec: FieldSpec) -> None:
        if self.ctx.updating:
            return
        row = self.list.currentRow()
        record = self.current_record()
        if record is None:
            return
        editor = self.editors[spec.attr]
        value = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        new = value if spec.attr is None else dataclasses.replace(record, **{spec.attr: value})
        records = self._records[:row] + (new,) + self._records[row + 1:]
        self._push(records, name("Edit {item}", "RecordListEditor", item=self.item_name),
                   key=f"{self.stage_field}[{row}].{spec.attr}")

    def add_record(self, record: Any | None = None) -> None:
        if self.ctx.stage() is None:
            return
        record = self.make_new() if record is None else record
        self._pending_row = len(self._records)
        if self._push(self._records + (record,),
                      name("Add {item}", "RecordListEditor", item=self.item_name)):
            first = self.editors[self.fields[0].attr]
            first.setFocus()
            if isinstance(first, QLineEdit):
                first.selectAll()
        else:
            self._pending_row = None

    def remove_record(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._records):
            return
        self._pending_row = min(row, len(self._records) - 2)
        self._push(self._records[:row] + self._records[row + 1:],
                   name("Remove {item}", "RecordListEditor", item=self.item_name))

    def move_record(self, delta: int) -> None:
        row = self.list.currentRow()
        other = row + delta
        if not (0 <= row < len(self._records) and 0 <= other < len(self._records)):
            return
        records = list(self._records)
        records[row], records[other] = records[other], records[row]
        self._pending_row = other
        self._push(tuple(records), name("Reorder {item}", "RecordListEditor", item=self.item_name))
