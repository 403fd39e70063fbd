"""The plan in the app: Process ▸ Plan… opens :class:`~.dialog.PlanDialog` (made on first
use, one per window, non-modal so the canvas stays at hand); its goal is the window's plan
for the session (the overlay draws it, the manual's plan page starts from it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow
    from salesdesigner.ui.plan.dialog import PlanDialog


def show_plan(window: MainWindow) -> PlanDialog:
    """Open (or raise) the window's plan dialog on its current process."""
    from salesdesigner.ui.plan.dialog import PlanDialog
    dialog = getattr(window, "_plan_dialog", None)
    if dialog is None or dialog.process is not window.process:
        dialog = PlanDialog(window.process, window)
        window._plan_dialog = dialog  # type: ignore[attr-defined]
        views = window.performance_views
        dialog.on_canvas.setChecked(views.performance.plan_shown)
        dialog.planned.connect(views.set_plan_goal)
        dialog.on_canvas.toggled.connect(views.show_plan)
        if dialog.plan is not None:
            views.set_plan_goal(dialog.goal_now())
    else:
        dialog.recompute()  # the document may have changed since
        dialog.on_canvas.setChecked(window.performance_views.performance.plan_shown)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
