"""Menu actions reach the canvas and the panels."""

from __future__ import annotations

import subprocess
import sys

from salesdesigner.model import StageKind


def test_insert_menu_adds_a_stage_of_that_kind_in_view_and_selects_it(window):
    before = set(window.process.stage_ids)
    window.actions_.insert[StageKind.DECISION].trigger()
    (new,) = set(window.process.stage_ids) - before
    assert window.process.stage(new).kind is StageKind.DECISION
    assert window.scene.selected_stage_ids() == [new]
    window.actions_.undo.trigger()
    assert set(window.process.stage_ids) == before


AUTO_LAYOUT_THEN_OPEN = """
import os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from salesdesigner.ui.app import application
app = application("en")
from salesdesigner.model import Position
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.main_window import MainWindow
window = MainWindow(load_template("eight-step", "en"), autosave_dir=Path(tempfile.mkdtemp()))
window.process.move_stage("hearing", Position(5000, 5000))
window.actions_.auto_layout.trigger()
assert window.process.stage("hearing").position.x < 5000
assert window.undo_stack.count() == 1
window.document.replace_content(load_template("the-model", "en"), None)  # Open: clears history
window.undo_stack.setClean()
window.close()
window.deleteLater()
app.processEvents()
print("ok")
"""


def test_auto_layout_is_one_undo_step_and_opening_a_file_afterwards_is_safe():
    # in a subprocess: the crash is a segfault that would take the whole suite down
    result = subprocess.run([sys.executable, "-c", AUTO_LAYOUT_THEN_OPEN],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_view_actions_zoom_and_the_status_bar_shows_the_level(window):
    window.actions_.zoom_reset.trigger()
    window.actions_.zoom_in.trigger()
    assert window.view.zoom_level() > 1.0
    assert window.zoom_label.text() == f"{round(window.view.zoom_level() * 100)} %"


def test_find_opens_the_find_bar(window):
    window.show()
    window.actions_.find.trigger()
    assert window.find_bar.isVisible()


def test_check_process_shows_the_validation_panel(window):
    window.show()
    window.docks["validation"].hide()
    window.actions_.validate.trigger()
    assert window.docks["validation"].isVisible()


def test_every_panel_can_be_toggled_from_the_view_menu(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    panels = [window.docks[name] for name in ("inspector", "minimap", "validation",
                                              "history")]
    panels.append(window.actions_.toolbar)
    actions = window.actions_.panels_menu.actions()
    assert [a.text() for a in actions] == ["Inspector", "Overview Map", "Validation",
                                           "History", "Main Toolbar"]
    for action, panel in zip(actions, panels, strict=True):
        assert action.isCheckable() and action.isChecked()
        action.trigger()  # what choosing the menu item does
        assert panel.isHidden(), action.text()
        assert not action.isChecked()
        action.trigger()
        assert not panel.isHidden(), action.text()
        assert action.isChecked()


def test_canvas_messages_reach_the_status_bar(window):
    window.editor.statusMessage.emit("Select at least two stages to align.")
    assert window.statusBar().currentMessage() == "Select at least two stages to align."
