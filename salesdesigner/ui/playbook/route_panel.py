"""Where am I, where did I come from, where can I go: the stage's place in the flow.

Outgoing transitions are listed in branch order with their label and condition, because
"which branch do I take, and when" is the question a rep has at a decision.  Every entry
is a button that goes there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.ordering import back_edges
from salesdesigner.model.presentation import Words as PageLabels
from salesdesigner.model.process import Process
from salesdesigner.ui.playbook.widgets import RouteButton, branch_button, text_label


class RoutePanel(QScrollArea):
    """Incoming and outgoing stages of the current stage, and previous/next in order."""

    stageRequested = Signal(str)
    previousRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("playbookRoute")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.branch_buttons: list[RouteButton] = []
        self.from_buttons: list[RouteButton] = []
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.clear()

    def _fresh(self) -> QVBoxLayout:
        content = QWidget()
        content.setObjectName("playbookRouteContent")
        content.setStyleSheet("QWidget#playbookRouteContent { background: #FFFFFF; }")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 18, 16, 18)
        layout.setSpacing(8)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(content)
        self.branch_buttons, self.from_buttons = [], []
        return layout

    def clear(self) -> None:
        layout = self._fresh()
        layout.addStretch(1)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()

    def show_stage(self, process: Process, stage_id: str, labels: PageLabels,
                   previous_id: str | None, next_id: str | None) -> None:
        layout = self._fresh()
        stage = process.stage(stage_id)
        loops = back_edges(process)

        layout.addWidget(text_label(labels.next_steps, "routeHeading", selectable=False))
        outgoing = process.outgoing(stage_id)
        if not outgoing:
            text = labels.outcome if stage.kind.is_terminal else labels.no_next
            layout.addWidget(text_label(text, "mutedText"))
        for n, transition in enumerate(outgoing, start=1):
            button = branch_button(process, transition, labels, loops)
            if n <= 9:
                button.setToolTip(f"Alt+{n}")
            button.clicked.connect(lambda _=False, t=transition.target: self.stageRequested.emit(t))
            layout.addWidget(button)
            self.branch_buttons.append(button)

        layout.addSpacing(14)
        layout.addWidget(text_label(labels.comes_from, "routeHeading", selectable=False))
        incoming = process.incoming(stage_id)
        if not incoming:
            layout.addWidget(text_label(labels.process_start, "mutedText"))
        for transition in incoming:
            source = process.stage(transition.source)
            lines = [("← " + labels.name(" ".join(source.name.split())), "bodyText")]
            if transition.label.strip():
                lines.append((transition.label, "mutedText"))
            button = RouteButton("fromButton", transition.source, lines)
            button.clicked.connect(lambda _=False, s=transition.source: self.stageRequested.emit(s))
            layout.addWidget(button)
            self.from_buttons.append(button)

        layout.addStretch(1)
        steps = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        for button, target, signal, key in (
                (self.previous_button, previous_id, self.previousRequested, "Ctrl+["),
                (self.next_button, next_id, self.nextRequested, "Ctrl+]")):
            button.setObjectName("stepButton")
            button.setEnabled(target is not None)
            button.setToolTip(self.tr("Stage before/after this one in process order (%1)")
                              .replace("%1", key))
            button.clicked.connect(signal.emit)
            steps.addWidget(button)
        layout.addLayout(steps)
