"""Small building blocks shared by the stage page and the route panel.

All user text goes into plain-text labels (never rich text), so markup in a name is shown
as typed; very long unbroken runs get invisible break hints so they cannot widen the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from salesdesigner.model.entities import Transition
from salesdesigner.model.presentation import Words as PageLabels
from salesdesigner.model.process import Process
from salesdesigner.ui.playbook.snippets import breakable
from salesdesigner.ui.playbook.theme import lane_color, tint


def text_label(text: str, name: str = "bodyText", *, selectable: bool = True) -> QLabel:
    """A wrapped, plain-text label: user text is never interpreted as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(breakable(text))
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setMinimumWidth(0)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def card(name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 18)
    layout.setSpacing(8)
    return frame, layout


class RouteButton(QPushButton):
    """A button whose face is wrapped plain-text labels (QPushButton text cannot wrap)."""

    def __init__(self, name: str, target: str, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self.setObjectName(name)
        self.target = target
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 9)
        layout.setSpacing(3)
        self.face: list[QLabel] = []
        for text, role in lines:
            label = text_label(text, role, selectable=False)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            if role == "branchLabel":  # a chip as wide as its text
                label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
                layout.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                layout.addWidget(label)
            self.face.append(label)

    def face_text(self) -> str:
        return "\n".join(label.text().replace("\u200b", "") for label in self.face)


def branch_button(process: Process, transition: Transition, labels: PageLabels,
                  loops: set[tuple[str, str]], name: str = "branchButton") -> RouteButton:
    """A button for one outgoing transition: its label, where it goes, and on what condition."""
    target = process.stage(transition.target)
    loop = (transition.source, transition.target) in loops
    lines: list[tuple[str, str]] = []
    if transition.label.strip():
        lines.append((transition.label, "branchLabel"))
    name = labels.name(" ".join(target.name.split()))
    lines.append((("↺ " if loop else "→ ") + name, "itemTitle"))
    if transition.condition.strip():
        lines.append((transition.condition, "mutedText"))
    if loop:
        lines.append((labels.loops_back, "mutedText"))
    button = RouteButton(name, transition.target, lines)
    color = lane_color(process.lane(target.lane).color
                       if target.lane and process.has_lane(target.lane) else None)
    button.setStyleSheet(
        f"QPushButton#{name} {{ border-left: 4px solid {color.name()}; }}"
        f"QLabel#branchLabel {{ color: {color.darker(140).name()};"
        f" background: {tint(color, 0.85)}; border-radius: 4px; padding: 1px 6px;"
        " font-size: 9.5pt; font-weight: 600; }")
    return button
