"""The inspector's "Lane" page: name, colour, height, position and deletion of the selected
swimlane.

Every change goes through the canvas editor (:mod:`salesdesigner.ui.canvas.editor`), so
the steps are those of the header's context menu; typing the name merges into one step
per edit session, like the other inspector fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from salesdesigner.model.entities import Lane
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.lane_item import MIN_HEIGHT
from salesdesigner.ui.inspector.context import EditContext, add_labelled_row, set_line_text

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor

MAX_HEIGHT = 20000  # a file may hold tall lanes; the spin box must show them as they are
SWATCH = 22


class LaneForm(QWidget):
    """Edits one lane; :meth:`refresh` fills it from the model (undo, redo, canvas edits)."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: CanvasEditor = ctx.editor  # lanes change as the header's menu does
        self.lane_id: str | None = None

        self.name = QLineEdit()
        self.name.textChanged.connect(self._name_changed)

        self.colors = QWidget()
        row = QHBoxLayout(self.colors)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.swatches: dict[str, QToolButton] = {}
        for color in style.LANE_PALETTE:
            button = QToolButton()
            button.setCheckable(True)
            button.setFixedSize(QSize(SWATCH, SWATCH))
            button.setStyleSheet(_swatch_css(color))
            button.clicked.connect(lambda _=False, c=color: self._recolour(c))
            self.swatches[color] = button
            row.addWidget(button)
        self.other = QPushButton()
        self.other.clicked.connect(self._pick_other)
        row.addWidget(self.other)
        row.addStretch(1)

        self.height_spin = QSpinBox()
        self.height_spin.setRange(int(MIN_HEIGHT), MAX_HEIGHT)
        self.height_spin.setSingleStep(10)
        self.height_spin.setKeyboardTracking(False)  # typing "240" is one change, not three
        self.height_spin.valueChanged.connect(self._height_changed)

        self.order = QWidget()
        order_row = QHBoxLayout(self.order)
        order_row.setContentsMargins(0, 0, 0, 0)
        self.position = QLabel()
        self.up = QPushButton()
        self.down = QPushButton()
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        order_row.addWidget(self.position)
        order_row.addWidget(self.up)
        order_row.addWidget(self.down)
        order_row.addStretch(1)

        self.stages = QLabel()
        self.delete = QPushButton()
        self.delete.clicked.connect(self._delete)

        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.name, self.colors, self.height_spin, self.order, self.stages):
            add_labelled_row(form, field)
        form.addRow(self.delete)
        self.retranslate()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for field, text in ((self.name, self.tr("&Name:")), (self.colors, self.tr("Colour:")),
                            (self.height_spin, self.tr("&Height:")),
                            (self.order, self.tr("Position:")),
                            (self.stages, self.tr("Stages:"))):
            self.form.labelForField(field).setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Inside Sales"))
        self.other.setText(self.tr("Other…"))
        self.other.setToolTip(self.tr("Choose any colour"))
        self.height_spin.setSuffix(self.tr(" px"))
        self.up.setText(self.tr("Move &Up"))
        self.down.setText(self.tr("Move &Down"))
        self.delete.setText(self.tr("Delete Lane"))
        self.delete.setToolTip(self.tr("Delete this lane; its stages stay, below the other "
                                       "lanes (Undo brings it back)"))
        for color, button in self.swatches.items():
            button.setToolTip(color)
        self.refresh()

    # ------------------------------------------------------------------ model → widgets
    def lane(self) -> Lane | None:
        process = self.ctx.process
        if self.lane_id and process.has_lane(self.lane_id):
            return process.lane(self.lane_id)
        return None

    def refresh(self) -> None:
        lane = self.lane()
        if lane is None:
            return
        lanes = [item.id for item in self.ctx.process.lanes]
        index = lanes.index(lane.id)
        count = sum(1 for s in self.ctx.process.stages if s.lane == lane.id)
        current = QColor(lane.color).name().upper() if QColor(lane.color).isValid() else ""
        with self.ctx.filling():
            set_line_text(self.name, lane.name)
            for color, button in self.swatches.items():
                button.setChecked(color.upper() == current)
            self.height_spin.setValue(round(lane.height))
            self.position.setText(self.tr("{i} of {n}").format(i=index + 1, n=len(lanes)))
            self.up.setEnabled(index > 0)
            self.down.setEnabled(index < len(lanes) - 1)
            self.stages.setText(self.tr("1 stage in this lane") if count == 1 else
                                self.tr("{n} stages in this lane").format(n=count))

    # ------------------------------------------------------------------ widgets → undo steps
    def _editable(self) -> Lane | None:
        if self.ctx.updating:
            return None
        return self.lane()

    def _name_changed(self, text: str) -> None:
        lane = self._editable()
        if lane is not None:
            self.editor.rename_lane(lane.id, text, key=("name", self.ctx.session))

    def _recolour(self, color: str) -> None:
        lane = self._editable()
        if lane is not None:
            self.editor.recolour_lane(lane.id, color)
        self.refresh()  # a click on the current colour must not leave it unchecked

    def _pick_other(self) -> None:
        lane = self._editable()
        if lane is None:
            return
        color = QColorDialog.getColor(style.lane_color(lane.color), self,
                                      self.tr("Lane Colour"))
        if color.isValid():
            self._recolour(color.name().upper())

    def _height_changed(self, value: int) -> None:
        lane = self._editable()
        if lane is not None and value != round(lane.height):
            self.editor.resize_lane(lane.id, float(value))

    def _move(self, step: int) -> None:
        lane = self._editable()
        if lane is not None:
            index = [item.id for item in self.ctx.process.lanes].index(lane.id)
            self.editor.move_lane(lane.id, index + step)

    def _delete(self) -> None:
        lane = self._editable()
        if lane is not None:
            self.editor.delete_lane(lane.id)
            self.ctx.statusMessage.emit(self.tr("Lane deleted. Undo brings it back."))


def _swatch_css(color: str) -> str:
    """A filled square; the checked one (the lane's colour) has a thick dark frame."""
    return (f"QToolButton {{ background: {color}; border: 1px solid #00000040;"
            " border-radius: 3px; }"
            f" QToolButton:checked {{ border: 3px solid #202020; }}"
            f" QToolButton:hover {{ border: 2px solid #505050; }}")
