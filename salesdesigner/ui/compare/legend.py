"""The key to the overlay's colours, floating at the canvas's top right: what each colour
means, what the draft is compared with, the layout-moves toggle and a close button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.ui.compare.marks import Mark
from salesdesigner.ui.compare.overlay import BADGES, COLORS
from salesdesigner.ui.compare.session import CompareSession

MARGIN = 10


class CompareLegend(QFrame):
    """The legend over ``host`` (a view's viewport); ``closable`` adds the × and the
    layout toggle (the side-by-side window has its own)."""

    closeRequested = Signal()

    def __init__(self, session: CompareSession, host: QWidget, *,
                 closable: bool = True) -> None:
        super().__init__(host)
        self.setObjectName("compareLegend")
        self.session = session
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#compareLegend { background: palette(base); "
                           "border: 1px solid palette(mid); border-radius: 6px; }")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setMaximumWidth(260)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.closeRequested)
        self.close_button.setVisible(closable)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(3)
        layout.addLayout(top)
        self.keys: dict[Mark, QLabel] = {}
        for mark in Mark:
            self.keys[mark] = key = QLabel()
            key.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(key)
        self.layout_box = QCheckBox()
        self.layout_box.setVisible(closable)
        self.layout_box.toggled.connect(session.set_include_layout)
        layout.addWidget(self.layout_box)
        session.changed.connect(self._sync)
        host.installEventFilter(self)
        self.retranslate()
        self._sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {Mark.ADDED: self.tr("Added"), Mark.REMOVED: self.tr("Removed (ghost)"),
                 Mark.CHANGED: self.tr("Changed"), Mark.MOVED: self.tr("Moved only")}
        for mark, key in self.keys.items():
            key.setText(f'<span style="color:{COLORS[mark]};font-weight:bold">'
                        f'■ {BADGES[mark]}</span> {names[mark]}')
        self.close_button.setToolTip(self.tr("End the comparison (Esc)"))
        self._sync()

    def _sync(self) -> None:
        session = self.session
        self.title.setText(self.tr("Compared with {label}").format(label=session.label))
        self.layout_box.blockSignals(True)
        self.layout_box.setChecked(session.include_layout)
        self.layout_box.blockSignals(False)
        self.layout_box.setText(self.tr("Show layout moves ({n})").format(
            n=len(session.comparison.layout)))
        self.keys[Mark.MOVED].setVisible(session.include_layout)
        self.adjustSize()
        self._place()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.move(host.width() - self.width() - MARGIN, MARGIN)
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)


__all__ = ["CompareLegend"]
