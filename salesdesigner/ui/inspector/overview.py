"""The overview form of a stage: name, kind, lane, goal, description, exit criteria, duration."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from salesdesigner.edits import name
from salesdesigner.edits.stages import rename_stage
from salesdesigner.model.entities import Stage, StageKind
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.inspector.context import (
    EditContext,
    add_labelled_row,
    set_line_text,
    set_plain_text,
)
from salesdesigner.ui.inspector.elided import fit_combo
from salesdesigner.ui.inspector.records import FieldSpec, RecordListEditor

NO_DURATION = -1.0


def kind_names() -> dict[StageKind, str]:
    """Display names of the stage kinds, in the UI language (model.presentation)."""
    words = words_for(current_language())
    return {kind: words.kind(kind) for kind in StageKind}


class DaysSpinBox(QDoubleSpinBox):
    """Days with one decimal when needed: "14 days", "0.5 days", never "14.0 days"."""

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(value)
        if round(value, self.decimals()) == int(round(value, self.decimals())):
            point = self.locale().decimalPoint()
            head, _, tail = text.rpartition(point)
            if head and set(tail) <= {"0"}:
                return head
        return text


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class OverviewForm(QWidget):
    """Edits the stage's own fields; each text field merges typing into one undo step."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit()
        self.name.textChanged.connect(self._rename)

        self.kind = QComboBox()
        for kind in kind_names():
            self.kind.addItem("", kind.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.lane = fit_combo(QComboBox())  # lane names are the user's: any length
        self.lane.currentIndexChanged.connect(self._lane_changed)

        self.goal = _text_box(2)
        self.goal.textChanged.connect(lambda: ctx.edit_stage(
            {"goal": self.goal.toPlainText()}, name("Edit Goal", "OverviewForm"), key="goal"))

        self.description = _text_box(4)
        self.description.textChanged.connect(lambda: ctx.edit_stage(
            {"description": self.description.toPlainText()},
            name("Edit Description", "OverviewForm"),
            key="description"))

        self.duration = DaysSpinBox()
        self.duration.setRange(NO_DURATION, 3650)
        self.duration.setDecimals(1)
        self.duration.valueChanged.connect(self._duration_changed)

        self.exit_criteria = RecordListEditor(
            ctx, "exit_criteria", self._exit_fields(),
            make_new=lambda: ctx.new_name("new_exit_criterion"), title_of=str,
            item_name=self.tr("Exit Criterion"))
        self.exit_criteria.list.setMaximumHeight(110)

        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.name, self.kind, self.lane, self.goal, self.description,
                      self.exit_criteria, self.duration):
            add_labelled_row(form, field)
        self.retranslate()

    def _rename(self, text: str) -> None:
        """The one rename rule the canvas uses too; typing merges into one step."""
        ctx = self.ctx
        if not ctx.updating and ctx.stage() is not None:
            ctx.push(rename_stage(ctx.process, ctx.stage().id, text, ctx.key("name")))

    def _exit_fields(self) -> list[FieldSpec]:
        return [FieldSpec(None, "", placeholder=self.tr("Exit criterion"))]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Labels, placeholders and choices in the current UI language."""
        for field, label in ((self.name, self.tr("&Name:")), (self.kind, self.tr("&Kind:")),
                             (self.lane, self.tr("&Lane:")), (self.goal, self.tr("&Goal:")),
                             (self.description, self.tr("&Description:")),
                             (self.exit_criteria, self.tr("E&xit criteria:")),
                             (self.duration, self.tr("D&uration:"))):
            self.form.labelForField(field).setText(label)
        self.name.setPlaceholderText(self.tr("Stage name"))
        self.goal.setPlaceholderText(self.tr("What this stage must achieve"))
        self.description.setPlaceholderText(self.tr("What happens in this stage"))
        for i, label in enumerate(kind_names().values()):
            self.kind.setItemText(i, label)
        with self.ctx.filling():  # the suffix changes the shown value: no edit
            self.duration.setSpecialValueText(self.tr("Not set"))
            self.duration.setSuffix(words_for(current_language()).days_suffix())
            self._fill_lanes()
        self.exit_criteria.retitle(self._exit_fields(), name("Exit Criterion", "OverviewForm"))

    def refresh(self, stage: Stage | None) -> None:
        with self.ctx.filling():
            self._fill_lanes()
            if stage is None:
                return
            set_line_text(self.name, stage.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(StageKind(stage.kind).value)))
            self.lane.setCurrentIndex(max(0, self.lane.findData(stage.lane or "")))
            set_plain_text(self.goal, stage.goal)
            set_plain_text(self.description, stage.description)
            value = NO_DURATION if stage.duration_days is None else stage.duration_days
            if self.duration.value() != value:
                self.duration.setValue(value)
        self.exit_criteria.refresh(stage)

    def _fill_lanes(self) -> None:
        wanted = [("", self.tr("(No lane)"))] + [(lane.id, lane.name or lane.id)
                                                 for lane in self.ctx.process.lanes]
        current = [(self.lane.itemData(i), self.lane.itemText(i)) for i in range(self.lane.count())]
        if [w[0] for w in wanted] == [c[0] for c in current]:
            for i, (_lane_id, name) in enumerate(wanted):  # renamed: keep the choice
                if self.lane.itemText(i) != name:
                    self.lane.setItemText(i, name)
        elif wanted != current:
            self.lane.clear()
            for lane_id, name in wanted:
                self.lane.addItem(name, lane_id)

    def _kind_changed(self, _index: int) -> None:
        self.ctx.edit_stage({"kind": StageKind(self.kind.currentData())},
                            name("Change Kind", "OverviewForm"))

    def _lane_changed(self, _index: int) -> None:
        if self.lane.currentIndex() < 0:
            return
        self.ctx.edit_stage({"lane": self.lane.currentData() or None},
                            name("Change Lane", "OverviewForm"))

    def _duration_changed(self, value: float) -> None:
        days = None if value <= NO_DURATION else value
        self.ctx.edit_stage({"duration_days": days}, name("Edit Duration", "OverviewForm"),
                            key="duration")
