"""A lane is selected by a click on its header and edited on the inspector's Lane page;
every edit is an undo step that the page and the canvas follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog

from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.inspector.panel import DOCUMENT, LANE, STAGE

WIDTH = 1200


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def shown(make_window, sample):
    window = make_window(sample)
    window.resize(WIDTH, 800)
    window.show()
    window.view.zoom_reset()
    settle()
    return window


def click_scene(window, qtbot, point: QPointF, button=Qt.MouseButton.LeftButton) -> None:
    """A real mouse click on the canvas at a scene point (the view scrolls it into sight)."""
    window.view.centerOn(point)
    settle()
    pos = window.view.mapFromScene(point)
    qtbot.mouseClick(window.view.viewport(), button, pos=pos)
    settle()


def click_header(window, qtbot, lane_id: str) -> None:
    title = window.scene.lane_item(lane_id).title_rect()
    click_scene(window, qtbot, QPointF(title.center().x(), title.top() + 40))


def page(window) -> int:
    return window.inspector.pages.currentIndex()


def test_clicking_a_lane_header_selects_the_lane_and_shows_its_page(shown, qtbot):
    window = shown
    click_header(window, qtbot, "back-office")
    assert window.scene.selected_lane_id() == "back-office"
    assert window.scene.lane_item("back-office").header_selected
    assert not window.scene.lane_item("sales").header_selected
    assert page(window) == LANE
    form = window.inspector.lane_form
    assert form.name.text() == "Sales Ops & Billing"
    assert form.height_spin.value() == 200
    assert form.swatches["#72B7B2"].isChecked()
    assert not form.swatches["#4C78A8"].isChecked()
    assert form.position.text() == "2 of 2"
    assert not form.down.isEnabled() and form.up.isEnabled()
    count = sum(1 for s in window.process.stages if s.lane == "back-office")
    assert count == 1 and form.stages.text() == "1 stage in this lane"
    assert window.inspector.header.text() == "Sales Ops & Billing  ·  Lane"
    assert window.undo_stack.count() == 0  # selecting changes nothing


def test_typing_a_lane_name_is_one_undo_step_and_shows_on_the_canvas(shown, qtbot):
    window = shown
    click_header(window, qtbot, "sales")
    name = window.inspector.lane_form.name
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Field Sales")
    assert window.process.lane("sales").name == "Field Sales"
    assert window.scene.lane_item("sales")._title == "Field Sales"
    assert window.undo_stack.count() == 1
    assert window.inspector.header.text() == "Field Sales  ·  Lane"
    window.undo_stack.undo()
    assert window.process.lane("sales").name == "Sales"
    assert name.text() == "Sales"  # the page follows undo
    assert window.scene.lane_item("sales")._title == "Sales"
    assert page(window) == LANE


def test_a_swatch_recolours_the_lane_and_its_stages_as_one_step(shown, qtbot):
    window = shown
    click_header(window, qtbot, "sales")
    form = window.inspector.lane_form
    red = "#E45756"
    qtbot.mouseClick(form.swatches[red], Qt.MouseButton.LeftButton)
    assert window.process.lane("sales").color == red
    assert form.swatches[red].isChecked() and not form.swatches["#4C78A8"].isChecked()
    assert window.scene.stage_item("lead")._lane_color.name().upper() == red
    assert window.undo_stack.count() == 1
    qtbot.mouseClick(form.swatches[red], Qt.MouseButton.LeftButton)  # the same colour again
    assert window.undo_stack.count() == 1 and form.swatches[red].isChecked()
    window.undo_stack.undo()
    assert window.scene.stage_item("lead")._lane_color.name().upper() == "#4C78A8"
    assert form.swatches["#4C78A8"].isChecked() and not form.swatches[red].isChecked()


def test_other_colour_asks_a_colour_dialog(shown, qtbot, monkeypatch):
    window = shown
    click_header(window, qtbot, "sales")
    monkeypatch.setattr(QColorDialog, "getColor",
                        staticmethod(lambda *a, **k: QColor("#123456")))
    qtbot.mouseClick(window.inspector.lane_form.other, Qt.MouseButton.LeftButton)
    assert window.process.lane("sales").color == "#123456"
    assert not any(b.isChecked() for b in window.inspector.lane_form.swatches.values())


def test_height_spin_box_resizes_the_lane_and_moves_the_lanes_below(shown, qtbot):
    window = shown
    click_header(window, qtbot, "sales")
    spin = window.inspector.lane_form.height_spin
    below = next(s for s in window.process.stages if s.lane == "back-office")
    y = below.position.y
    spin.setValue(400)
    assert window.process.lane("sales").height == 400
    assert window.process.stage(below.id).position.y == y + 50
    assert window.scene.lane_item("back-office").band_rect().top() == 400
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert spin.value() == 350 and window.process.stage(below.id).position.y == y
    # the undone step moved stages, but the lane being edited stays on the page
    assert page(window) == LANE and window.scene.selected_lane_id() == "sales"


def test_move_down_and_up_reorder_the_lanes_and_follow_undo(shown, qtbot):
    window = shown
    click_header(window, qtbot, "sales")
    form = window.inspector.lane_form
    assert not form.up.isEnabled()
    qtbot.mouseClick(form.down, Qt.MouseButton.LeftButton)
    assert [lane.id for lane in window.process.lanes] == ["back-office", "sales"]
    assert form.position.text() == "2 of 2" and form.up.isEnabled() and not form.down.isEnabled()
    assert window.scene.selected_lane_id() == "sales"
    qtbot.mouseClick(form.up, Qt.MouseButton.LeftButton)
    assert [lane.id for lane in window.process.lanes] == ["sales", "back-office"]
    window.undo_stack.undo()
    assert form.position.text() == "2 of 2"
    assert window.undo_stack.count() == 2
    assert page(window) == LANE and window.scene.selected_lane_id() == "sales"


def test_the_delete_key_deletes_the_selected_lane_and_undo_restores_it(shown, qtbot):
    from PySide6.QtTest import QTest

    window = shown
    before = window.process.snapshot()
    click_header(window, qtbot, "back-office")
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert [lane.id for lane in window.process.lanes] == ["sales"]
    window.undo_stack.undo()
    assert window.process.snapshot() == before


def test_delete_lane_leaves_the_page_and_undo_brings_the_lane_back(shown, qtbot):
    window = shown
    before = window.process.snapshot()
    click_header(window, qtbot, "back-office")
    qtbot.mouseClick(window.inspector.lane_form.delete, Qt.MouseButton.LeftButton)
    assert [lane.id for lane in window.process.lanes] == ["sales"]
    assert page(window) == DOCUMENT and window.scene.selected_lane_id() is None
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.process.snapshot() == before


def test_selecting_a_stage_empty_canvas_or_escape_leaves_the_lane_page(shown, qtbot):
    window = shown
    click_header(window, qtbot, "sales")
    stage = window.scene.stage_item("lead")
    click_scene(window, qtbot, stage.sceneBoundingRect().center())
    assert page(window) == STAGE and window.scene.selected_lane_id() is None
    assert not window.scene.lane_item("sales").header_selected

    click_header(window, qtbot, "sales")
    assert page(window) == LANE
    bottom = window.scene.lane_item("back-office").band_rect().bottom()
    click_scene(window, qtbot, QPointF(600, bottom + 150))  # below every lane
    assert page(window) == DOCUMENT and window.scene.selected_lane_id() is None

    click_header(window, qtbot, "sales")
    click_scene(window, qtbot, QPointF(120, 20))  # the band, not its header
    assert page(window) == DOCUMENT

    click_header(window, qtbot, "sales")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    settle()
    assert page(window) == DOCUMENT and not window.scene.lane_item("sales").header_selected


def test_undo_of_a_lane_edit_while_the_page_is_shown_updates_it(shown, qtbot):
    window = shown
    window.editor.rename_lane("sales", "Outside")  # e.g. from the header menu
    window.editor.recolour_lane("sales", "#E45756")
    click_header(window, qtbot, "sales")
    form = window.inspector.lane_form
    assert form.name.text() == "Outside" and form.swatches["#E45756"].isChecked()
    window.undo_stack.undo()
    assert form.swatches["#4C78A8"].isChecked() and not form.swatches["#E45756"].isChecked()
    window.undo_stack.undo()
    assert form.name.text() == "Sales" and window.inspector.header.text() == "Sales  ·  Lane"
    window.undo_stack.redo()
    assert form.name.text() == "Outside" and page(window) == LANE
    count = sum(1 for s in window.process.stages if s.lane == "sales")
    assert form.stages.text() == f"{count} stages in this lane"
    window.process.update_stage("lead", lane="back-office")  # any edit that changes the count
    assert form.stages.text() == f"{count - 1} stages in this lane"


def test_rename_from_the_header_menu_focuses_the_name_field_instead_of_a_dialog(shown, qtbot):
    window = shown
    window.editor.prompt_rename_lane("back-office")  # the menu's and double-click's action
    settle()
    assert page(window) == LANE and window.scene.selected_lane_id() == "back-office"
    assert window.inspector.lane_form.name.hasFocus()


@pytest.mark.parametrize("name", ["x" * 2000, "<b>&amp; 営業</b>" * 100])
def test_a_hostile_lane_name_does_not_widen_the_window(shown, qtbot, name):
    window = shown
    click_header(window, qtbot, "sales")
    window.inspector.lane_form.name.setText(name)
    settle()
    assert window.process.lane("sales").name == name
    assert window.width() == WIDTH
    assert window.docks["inspector"].width() < 700
    assert window.inspector.minimumSizeHint().width() < 500
    header = window.inspector.header
    assert header.is_elided() and len(header.shown_lines()) <= 2
    assert header.text().startswith(name)  # shown literally, never as markup


def test_the_lane_page_speaks_japanese(make_window, sample, qtbot):
    install_translators("ja")
    try:
        window = make_window(sample)
        window.show()
        settle()
        window.scene.select_lane("sales")
        form = window.inspector.lane_form
        assert window.inspector.pages.currentIndex() == LANE
        texts = [form.form.labelForField(f).text() for f in
                 (form.name, form.colors, form.height_spin, form.order, form.stages)]
        texts += [form.up.text(), form.down.text(), form.delete.text(), form.other.text(),
                  form.position.text(), form.stages.text(), window.inspector.header.text()]
        assert not any(t.isascii() for t in texts if t.strip("&:")), texts
        assert window.inspector.header.text().endswith("レーン")
        assert form.position.text() == "上から 1 番目（全 2）"
        install_translators("en")  # a live switch renames the page that is shown
        settle()
        assert form.up.text() == "Move &Up" and form.position.text() == "1 of 2"
        assert window.inspector.header.text() == "Sales  ·  Lane"
    finally:
        install_translators("en")
