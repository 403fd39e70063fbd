"""The validation dock takes little room while there is nothing to report.

With no findings the panel is one line ("No problems found.") and the canvas gets the rest;
when findings appear the dock opens to a useful height (about six rows), and it shrinks
again once they are fixed.  Only these changes of state resize the dock, so a height the
user dragged is kept while the findings change.  The History panel, tabbed with it, gets
the useful height when it is brought forward.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from salesdesigner.model.validation import Finding
from salesdesigner.ui.validation_panel import ValidationPanel


class ValidationDockFit(QObject):
    """Keeps ``dock`` (holding ``panel``) compact while empty, useful when not."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, panel: ValidationPanel,
                 tabbed: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window, self.dock, self.panel, self.tabbed = window, dock, panel, tabbed
        self._empty = not panel.findings
        panel.findingsChanged.connect(self._findings_changed)
        for other in tabbed:  # History brought forward: a list needs room
            other.visibilityChanged.connect(self._tab_changed)
            # a list's own minimum (a scroll area's, ~70 px) would hold the tabs open
            other.widget().setMinimumHeight(1)
        dock.visibilityChanged.connect(self._tab_changed)

    def _findings_changed(self, findings: list[Finding]) -> None:
        if (not findings) != self._empty:
            self._empty = not findings
            self.fit()
            # the list was just hidden or shown: the dock's minimum follows when the
            # layouts next run, and a fit against the old minimum (the list's) stays that
            # tall (a blank under "No problems found." above the History tab)
            QTimer.singleShot(0, self, self.fit)

    def _tab_changed(self, visible: bool) -> None:
        if visible:  # after the tab switch has settled
            QTimer.singleShot(0, self, self.fit)

    def _in_front(self, dock: QDockWidget) -> bool:
        """Shown, and not a tab behind another (Qt moves those out of sight)."""
        if not dock.isVisible() or dock.isFloating():
            return False
        return not self.window.isVisible() or not dock.visibleRegion().isEmpty()

    def compact(self) -> bool:
        """Whether the dock is showing the one "no problems" line now."""
        return self._empty and self._in_front(self.dock)

    def fit(self) -> None:
        """Compact while empty and in front, the useful height otherwise."""
        area = self.window.dockWidgetArea(self.dock)
        if self.dock.isFloating() or area not in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                                  Qt.DockWidgetArea.TopDockWidgetArea):
            return  # beside the canvas: its height is the whole side, not ours to set
        shown = [d for d in (self.dock, *self.tabbed) if self._in_front(d)]
        if not shown:
            return
        for widget in (self.panel, self.dock):  # minimums as they are now, not as they were
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        height = (self.panel.compact_height() if self.compact()
                  else self.panel.useful_height())
        title = self.dock.titleBarWidget()
        extra = (title.sizeHint().height() if title is not None
                 else self.dock.style().pixelMetric(self.dock.style().PixelMetric.PM_TitleBarHeight,
                                                    None, self.dock))
        self.window.resizeDocks([shown[0]], [height + extra], Qt.Orientation.Vertical)
