"""Typing in a stage's name repaints that stage, not the pinned lane names: a keystroke
used to repaint a full-height strip of the view where the names are pinned, with every
arrow crossing it (58 ms a key at 5,000 stages zoomed out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_a_keystroke_in_a_stage_name_does_not_repaint_the_pinned_lane_names(
        window, qtbot, monkeypatch):
    window.show()
    qtbot.waitExposed(window)
    window.view.set_zoom(0.5)  # zoomed out, scrolled: lane names pinned at the left edge
    bar = window.view.horizontalScrollBar()
    bar.setValue((bar.minimum() + bar.maximum()) // 2)
    QApplication.processEvents()
    assert window.view.pinned_titles(), "the test needs pinned lane names"
    stage_id = next(s.id for s in window.process.stages if s.name.startswith("Proposal"))
    window.scene.select_ids([stage_id])
    field = window.inspector.overview.name
    field.setFocus()
    field.end(False)
    qtbot.wait(50)
    viewport = window.view.viewport()
    strips = []
    original = viewport.update

    def update(*args):
        if args and hasattr(args[0], "height") and args[0].height() >= viewport.height():
            strips.append(args[0])
        return original(*args)

    monkeypatch.setattr(viewport, "update", update)
    qtbot.keyClick(field, Qt.Key.Key_X)
    qtbot.wait(300)  # past the minimap's debounce
    assert window.process.stage(stage_id).name.endswith("x")
    assert strips == []
    window.process.update_lane(window.process.lanes[0].id, name="Renamed")  # but a lane
    qtbot.wait(300)                                                         # change does
    assert strips
