"""The inspector's KPI table in the default 440 px dock: short columns that fit without
horizontal scrolling in both languages, the definition in an editor of its own, the
direction as an arrow with its meaning in the tooltip — and every edit an undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox

from salesdesigner.model.entities import Direction
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.inspector.kpi_table import DIRECTION, NAME, TARGET, UNIT


@pytest.fixture(params=["en", "ja"])
def language(request):
    install_translators(request.param)
    yield request.param
    install_translators("en")


def kpi_tab(window, stage_id: str = "hearing"):
    window.show()
    window.scene.select_ids([stage_id])
    inspector = window.inspector
    inspector.tabs.setCurrentWidget(inspector.kpis)
    QApplication.processEvents()
    return inspector.kpis


def test_kpi_columns_fit_the_default_dock_without_clipping_the_short_fields(
        make_window, language, qtbot):
    window = make_window(load_template("eight-step", language))
    table = kpi_tab(window).table
    window.resizeDocks([window.docks["inspector"]], [440], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert window.docks["inspector"].width() == pytest.approx(440, abs=10)
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width()  # no horizontal scrolling
    assert not table.horizontalScrollBar().isVisible()
    assert widths[NAME] >= 150  # the name keeps most of the room
    head_metrics = QFontMetrics(header.font())
    for column in (TARGET, UNIT):
        text = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= head_metrics.horizontalAdvance(text) + 8, text
        for row in range(table.rowCount()):
            value = table.item(row, column).text()
            assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(value)
    combo = table.cellWidget(0, DIRECTION)
    assert combo.width() <= header.sectionSize(DIRECTION)


def test_kpi_rows_are_tall_enough_for_japanese_text(make_window, language):
    window = make_window(load_template("eight-step", "ja"))
    table = kpi_tab(window).table
    cjk_height = table.fontMetrics().boundingRect("受注率目標値").height()
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= cjk_height + 8
        assert table.rowHeight(row) >= table.cellWidget(row, DIRECTION).sizeHint().height()


def test_direction_is_an_arrow_whose_tooltip_says_what_it_means(window, language):
    kpis = kpi_tab(window)
    combo: QComboBox = kpis.table.cellWidget(0, DIRECTION)
    assert [combo.itemText(i) for i in range(combo.count())] == ["↑", "↓"]
    tips = [combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())]
    expected = (["higher is better", "lower is better"] if language == "en"
                else ["高いほど良い", "低いほど良い"])
    assert tips == expected
    assert combo.toolTip() in expected
    depth = window.undo_stack.count()
    before = window.process.stage("hearing").kpis[0].direction
    combo.setCurrentIndex(1 - combo.currentIndex())
    assert window.process.stage("hearing").kpis[0].direction != before
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()
    assert window.process.stage("hearing").kpis[0].direction == before
    assert Direction(combo.currentData()) == before


def test_definition_of_the_selected_kpi_is_edited_below_and_typing_is_one_undo_step(
        window, qtbot):
    kpis = kpi_tab(window)
    stage_kpis = window.process.stage("hearing").kpis
    kpis.table.setCurrentCell(1, NAME)
    assert kpis.definition.toPlainText() == stage_kpis[1].definition
    assert stage_kpis[1].name in kpis.definition_label.text()
    kpis.definition.setFocus()
    kpis.definition.selectAll()
    depth = window.undo_stack.count()
    qtbot.keyClicks(kpis.definition, "Meetings with all four BANT items")
    assert window.process.stage("hearing").kpis[1].definition == \
        "Meetings with all four BANT items"
    assert window.process.stage("hearing").kpis[0] == stage_kpis[0]
    assert window.undo_stack.count() == depth + 1  # the typing merged
    assert kpis.table.currentRow() == 1  # the selection stayed on the edited KPI
    window.undo_stack.undo()
    assert window.process.stage("hearing").kpis[1].definition == stage_kpis[1].definition
    assert kpis.definition.toPlainText() == stage_kpis[1].definition

    kpis.table.setCurrentCell(0, NAME)  # another KPI shows its own definition
    assert kpis.definition.toPlainText() == stage_kpis[0].definition


def test_without_kpis_the_definition_editor_is_disabled(make_window):
    from salesdesigner.model import Process
    from salesdesigner.model.entities import Position, Stage
    process = Process(name="p")
    process.add_stage(Stage("s1", "Only", position=Position(0, 0)))
    window = make_window(process)
    kpis = kpi_tab(window, "s1")
    assert kpis.table.rowCount() == 0 and not kpis.detail.isEnabled()
    kpis.add_kpi()
    assert kpis.detail.isEnabled()
    assert kpis.definition.toPlainText() == ""
