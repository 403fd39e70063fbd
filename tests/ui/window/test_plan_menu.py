"""Process ▸ Plan… opens the plan of the window's process (one dialog per window)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_process_menu_opens_one_plan_dialog_per_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions_.plan.trigger()
    first = window._plan_dialog
    assert first.isVisible() and first.stages.rowCount() > 0
    window.actions_.plan.trigger()
    assert window._plan_dialog is first
    assert first.windowFlags() & Qt.WindowType.Dialog
    first.close()
