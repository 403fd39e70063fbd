"""A saved layout cannot trap the user (View ▸ Reset Layout, and restore_layout refusing a
tiny canvas or an oversized window), and Open Recent tells same-named files apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from salesdesigner.storage.document import save_document
from salesdesigner.ui.main_window import MainWindow
from salesdesigner.ui.recent_menu import recent_labels
from salesdesigner.ui.settings import Settings

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def shown(make_window, qtbot) -> MainWindow:
    window = make_window()
    window.resize(760, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def save_layout(window: MainWindow) -> None:
    Settings().set_window_state(window.saveGeometry(), window.saveState())


def canvas_width(window: MainWindow) -> int:
    window._lay_out_now()
    return window.centralWidget().width()


def test_a_saved_layout_with_a_tiny_canvas_is_not_restored(make_window, qtbot):
    trap = shown(make_window, qtbot)
    trap.resizeDocks([trap.docks["inspector"]], [int(trap.width() * 0.9)],
                     Qt.Orientation.Horizontal)
    qtbot.wait(10)
    assert not trap.canvas_is_usable()  # the state the user was stuck with
    save_layout(trap)

    fresh = make_window()
    fresh.restore_layout()
    assert fresh.canvas_is_usable()
    assert canvas_width(fresh) >= 0.4 * fresh.width()


def test_a_reasonable_saved_layout_is_kept(make_window, qtbot):
    window = shown(make_window, qtbot)
    window.docks["minimap"].hide()  # a choice of the user's, not a trap
    save_layout(window)
    fresh = make_window()
    fresh.restore_layout()
    assert fresh.docks["minimap"].isHidden()
    assert fresh.canvas_is_usable()


def test_a_saved_window_larger_than_the_screen_is_shrunk_onto_it(make_window):
    huge = make_window()
    available = huge.screen().availableGeometry()
    huge.resize(available.width() * 3, available.height() * 3)
    save_layout(huge)
    fresh = make_window()
    fresh.restore_layout()
    assert fresh.width() <= available.width() and fresh.height() <= available.height()


def test_reset_layout_puts_every_panel_back_without_touching_the_document(
        make_window, qtbot, sample):
    window = shown(make_window, qtbot)
    window.process.reset(sample)
    depth = window.undo_stack.count()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.docks["inspector"])
    window.docks["history"].setFloating(True)
    window.docks["minimap"].hide()
    window.actions_.toolbar.hide()
    window.resizeDocks([window.docks["inspector"]], [700], Qt.Orientation.Horizontal)

    window.actions_.reset_layout.trigger()
    qtbot.wait(10)
    assert window.dockWidgetArea(window.docks["inspector"]) == RIGHT
    assert window.dockWidgetArea(window.docks["minimap"]) == RIGHT
    assert not window.docks["history"].isFloating()
    assert all(dock.isVisible() for name, dock in window.docks.items() if name != "history")
    assert window.tabifiedDockWidgets(window.docks["validation"]) == [window.docks["history"]]
    assert window.actions_.toolbar.isVisible()
    assert window.canvas_is_usable()
    assert window.undo_stack.count() == depth and not window.isWindowModified()


def test_reset_layout_is_in_the_view_menu_in_both_languages(make_window):
    from salesdesigner.ui.app import application
    window = make_window()
    view = window.actions_.menus["view"]
    assert window.actions_.reset_layout in view.actions()
    assert window.actions_.reset_layout.text() == "&Reset Layout"
    application("ja")
    assert window.actions_.reset_layout.text() == "レイアウトをリセット(&R)"


def test_recent_labels_show_the_folder_only_when_names_clash():
    home = str(Path.home())
    paths = [f"{home}/a/plan.salesdesign", "/srv/b/Plan.salesdesign",
             "/srv/b/Q&A.salesdesign"]
    assert recent_labels(paths) == ["plan.salesdesign — ~/a", "Plan.salesdesign — /srv/b",
                                    "Q&&A.salesdesign"]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_open_recent_menu_tells_same_named_files_apart_and_opens_them(
        make_window, sample, tmp_path, language):
    from salesdesigner.ui.app import application
    application(language)
    paths = []
    for folder, stage in (("team-a", "A"), ("team-b", "B")):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "plan.salesdesign"
        copy = sample.copy()
        copy.update_stage("hearing", name=stage)
        save_document(copy, path)
        paths.append(str(path))
    Settings().recent_files = list(reversed(paths))
    window = make_window()
    window.fill_recent_menu()
    menu = window.actions_.recent_menu
    entries = [a for a in menu.actions() if a.toolTip() in paths]
    assert [a.text() for a in entries] == [f"&1 plan.salesdesign — {tmp_path}/team-b",
                                           f"&2 plan.salesdesign — {tmp_path}/team-a"]
    assert menu.toolTipsVisible()
    entries[1].trigger()
    assert window.document.path == paths[0]
    assert window.process.stage("hearing").name == "A"


def test_the_status_bar_shows_small_zoom_levels_with_a_decimal():
    from salesdesigner.ui.main_window import zoom_text

    assert [zoom_text(z) for z in (1.0, 0.6, 0.1, 0.099, 0.004, 0.0001)] == [
        "100 %", "60 %", "10 %", "9.9 %", "0.4 %", "0.1 %"]
