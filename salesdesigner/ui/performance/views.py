"""The window's two views of the deal history — the canvas overlay and the dashboard dock —
and the View menu's toggles for them (off by default; disabled, saying why, while the
document holds no actuals).  Both are made on first use: the first paint loads neither
the analysis nor pyqtgraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.performance.state import Performance

if TYPE_CHECKING:
    from salesdesigner.model.plan.onscreen import PlanGoal, PlanMarks
    from salesdesigner.ui.canvas.performance import PerformanceOverlay
    from salesdesigner.ui.main_window import MainWindow
    from salesdesigner.ui.performance.dashboard import Dashboard
    from salesdesigner.ui.performance.owners import OwnersView


class PerformanceViews(QObject):
    """Owns one window's :class:`Performance`, overlay and dashboard dock."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.performance = Performance(window.process, self)
        self.performance.changed.connect(self._changed)
        self.performance.moved.connect(self._changed)
        self.performance.failed.connect(window.show_status)  # never a traceback
        self.overlay: PerformanceOverlay | None = None
        self.dashboard: Dashboard | None = None
        self.dock: QDockWidget | None = None
        self.overlay_action: QAction | None = None
        self.dashboard_action: QAction | None = None
        self.owners: OwnersView | None = None   # the Top performers dock, made on use
        self.owners_dock: QDockWidget | None = None
        self.owners_action: QAction | None = None

    def bind(self, overlay_action: QAction, dashboard_action: QAction) -> None:
        """The View menu's toggles (made by the window's actions)."""
        self.overlay_action, self.dashboard_action = overlay_action, dashboard_action
        for action in (overlay_action, dashboard_action):
            action.setCheckable(True)
        overlay_action.toggled.connect(self.set_overlay)
        dashboard_action.toggled.connect(self.set_dashboard)
        self.update_enabled()

    # ------------------------------------------------------------------ overlay
    def set_overlay(self, on: bool) -> None:
        """Show or hide the performance overlay on the canvas."""
        on = on and self.performance.has_actuals
        if on and self.overlay is None:
            from salesdesigner.ui.canvas.performance import PerformanceOverlay
            self.overlay = PerformanceOverlay(self.window.scene, current_language)
        if self.overlay_action is not None and self.overlay_action.isChecked() != on:
            self.overlay_action.setChecked(on)
        self.performance.use("overlay", on)
        if self.overlay is not None:
            result = self.performance.result
            self.overlay.show(result.overlay if on and result is not None else None,
                              _chances(result), _plan(result))

    def _changed(self) -> None:
        if self.overlay is not None and self.performance.used_by("overlay"):
            result = self.performance.result
            self.overlay.show(result.overlay if result is not None else None,
                              _chances(result), _plan(result))

    # ------------------------------------------------------------------ dashboard
    def set_dashboard(self, on: bool) -> None:
        """Open (made on first use, beside the inspector) or close the dashboard dock."""
        if on and self.dock is None:
            from salesdesigner.ui.performance.dashboard import Dashboard
            w = self.window
            self.dashboard = Dashboard(self.performance)
            self.dashboard.stageRequested.connect(lambda sid: w.reveal_stages((sid,)))
            self.dashboard.forecast.planRequested.connect(self.open_plan)
            self.dashboard.forecast.planShown.connect(self.show_plan)
            dock = self.dock = QDockWidget(w)
            dock.setObjectName("dashboardDock")
            dock.setWidget(self.dashboard)
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            w.tabifyDockWidget(w.docks["inspector"], dock)
            w.docks["dashboard"] = dock
            dock.toggleViewAction().toggled.connect(self._dock_toggled)
            self.retranslate()
        if self.dock is None:
            return
        if on:
            self.dock.show()
            self.dock.raise_()
        else:
            self.dock.hide()

    def _dock_toggled(self, on: bool) -> None:
        if self.dashboard_action is not None and self.dashboard_action.isChecked() != on:
            self.dashboard_action.setChecked(on)

    # ------------------------------------------------------------------ the plan
    def set_plan_goal(self, goal: PlanGoal) -> None:
        """The Plan dialog's goal: remembered for this document's session (the manual's
        plan page starts from it) and shown on the overlay when the plan is on show."""
        self.performance.set_plan(goal)

    def show_plan(self, on: bool) -> None:
        """Show the plan on the canvas overlay (turning the overlay on), or hide it."""
        self.performance.set_plan(shown=on)
        if on and self.overlay_action is not None and self.performance.has_actuals:
            self.overlay_action.setChecked(True)

    def open_plan(self) -> None:
        """Process ▸ Plan… from the what-if panel."""
        from salesdesigner.ui.plan import show_plan
        show_plan(self.window)

    # ------------------------------------------------------------------ top performers
    def bind_owners(self, action: QAction) -> None:
        """View ▸ Top Performers (made by the window's actions)."""
        self.owners_action = action
        action.setCheckable(True)
        action.toggled.connect(self.set_owners)
        self.update_enabled()

    def set_owners(self, on: bool) -> None:
        """Open (made on first use, beside the dashboard or the inspector) or close the
        per-owner comparison."""
        if on and self.owners_dock is None:
            from salesdesigner.ui.performance.owners import OwnersView
            w = self.window
            self.owners = OwnersView(w.process, w.editor.push)
            self.owners.failed.connect(w.show_status)
            dock = self.owners_dock = QDockWidget(w)
            dock.setObjectName("topPerformersDock")
            dock.setWidget(self.owners)
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            w.tabifyDockWidget(w.docks.get("dashboard") or w.docks["inspector"], dock)
            w.docks["top_performers"] = dock
            dock.toggleViewAction().toggled.connect(self._owners_toggled)
            self.retranslate()
        if self.owners_dock is None:
            return
        if on:
            self.owners_dock.show()
            self.owners_dock.raise_()
        else:
            self.owners_dock.hide()

    def _owners_toggled(self, on: bool) -> None:
        if self.owners_action is not None and self.owners_action.isChecked() != on:
            self.owners_action.setChecked(on)

    # ------------------------------------------------------------------ window events
    def update_enabled(self) -> None:
        """Enabled only with actuals to show; the overlay goes off when they go."""
        has = self.performance.has_actuals
        tip = "" if has else self.tr(
            "The document holds no deal history: import the CRM's export first")
        for action in (self.overlay_action, self.dashboard_action, self.owners_action):
            if action is not None:
                action.setEnabled(has)
                action.setToolTip(tip or action.text().replace("&", ""))
                action.setStatusTip(tip)
        if not has and self.overlay_action is not None and self.overlay_action.isChecked():
            self.overlay_action.setChecked(False)

    def retranslate(self) -> None:
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Dashboard"))
        if self.owners_dock is not None:
            self.owners_dock.setWindowTitle(self.tr("Top Performers"))
        if self.overlay is not None:
            self.overlay.words_changed()
        self.update_enabled()

    def detach(self) -> None:
        self.performance.detach()
        if self.owners is not None:
            self.owners.detach()


def _chances(result) -> dict[str, float] | None:  # type: ignore[no-untyped-def]
    """The overlay's chance pills: the forecast's odds (with the what-if rate)."""
    outlook = getattr(result, "outlook", None)
    return outlook.chances() if outlook is not None else None


def _plan(result) -> PlanMarks | None:  # type: ignore[no-untyped-def]
    """The overlay's plan: the deals the plan on show needs (with the what-if rate)."""
    plan = getattr(result, "plan", None)
    return plan.now if plan is not None else None


__all__ = ["PerformanceViews"]
