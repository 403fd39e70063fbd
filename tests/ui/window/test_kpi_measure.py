"""The inspector's KPI editor says what the KPI measures: a measure combo and, for a
conversion, the next stage; every change is one undo step through the edit layer."""

from __future__ import annotations

from salesdesigner.model.entities import Measure
from salesdesigner.ui.inspector.kpi_measure import next_stages
from tests.ui.window.test_inspector import select


def _choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_choosing_a_measure_sets_it_and_a_conversion_defaults_to_the_next_stage(window):
    inspector = select(window, ["hearing"])
    table = inspector.kpis
    table.table.setCurrentCell(1, 0)                 # BANT completion: not measured
    row = table.measure
    assert row.measure.currentData() == "" and row.to.isHidden()
    depth = window.undo_stack.count()
    _choose(row.measure, "conversion")
    kpi = window.process.stage("hearing").kpis[1]
    assert (kpi.measure, kpi.measure_to) == (Measure.CONVERSION, "proposal")
    assert window.undo_stack.count() == depth + 1
    assert not row.to.isHidden() and row.to.currentData() == "proposal"
    window.undo_stack.undo()
    assert window.process.stage("hearing").kpis[1].measure is None
    assert row.measure.currentData() == ""


def test_the_next_stage_choice_offers_won_and_the_successors_through_decisions(window):
    p = window.process
    # agreement is a decision: won, back to proposal, lost
    assert next_stages(p, "closing") == ["won", "proposal", "lost"]
    inspector = select(window, ["hearing"])
    row = inspector.kpis.measure
    inspector.kpis.table.setCurrentCell(0, 0)        # discovery-to-proposal: a conversion
    assert [row.to.itemData(i) for i in range(row.to.count())] == ["", "proposal"]
    assert row.to.itemText(0) == "Won"
    _choose(row.to, "")
    assert p.stage("hearing").kpis[0].measure_to == ""
    _choose(row.measure, "win_rate")
    kpi = p.stage("hearing").kpis[0]
    assert (kpi.measure, kpi.measure_to) == (Measure.WIN_RATE, "")
    assert row.to.isHidden()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert p.stage("hearing").kpis[0].measure_to == "proposal"


def test_the_measure_names_follow_the_ui_language(window):
    from salesdesigner.ui.app import application
    inspector = select(window, ["hearing"])
    inspector.kpis.table.setCurrentCell(0, 0)
    assert inspector.kpis.measure.measure.currentText() == "Conversion"
    application("ja")
    inspector.kpis.table.setCurrentCell(1, 0)
    inspector.kpis.table.setCurrentCell(0, 0)
    assert inspector.kpis.measure.measure.currentText() == "移行率"
    assert inspector.kpis.measure.label.text() == "測定内容："


def test_deleting_the_measured_stage_in_the_window_clears_the_kpi_and_undo_brings_it_back(
        window):
    inspector = select(window, ["proposal"])
    window.editor.delete_selection()
    assert not window.process.has_stage("proposal")
    inspector = select(window, ["hearing"])
    inspector.kpis.table.setCurrentCell(0, 0)
    row = inspector.kpis.measure
    assert row.measure.currentData() == "" and row.to.isHidden()
    window.undo_stack.undo()
    kpi = window.process.stage("hearing").kpis[0]
    assert (kpi.measure, kpi.measure_to) == (Measure.CONVERSION, "proposal")
    inspector = select(window, ["hearing"])
    inspector.kpis.table.setCurrentCell(0, 0)
    assert inspector.kpis.measure.to.currentData() == "proposal"


def test_a_dangling_measure_from_an_old_file_shows_and_is_flagged_without_a_crash(
        make_window, tmp_path):
    import dataclasses

    from salesdesigner.storage.document import save_document
    from salesdesigner.storage.templates import load_template
    process = load_template("eight-step", "en")
    stage = process.stage("hearing")
    process.update_stage("hearing", kpis=(
        dataclasses.replace(stage.kpis[0], measure_to="gone"), *stage.kpis[1:]))
    path = tmp_path / "old.salesdesign"
    save_document(process, path)
    window = make_window(None)
    assert window.document.open_path(str(path))
    inspector = select(window, ["hearing"])
    inspector.kpis.table.setCurrentCell(0, 0)
    row = inspector.kpis.measure
    assert row.to.currentData() == "gone"
    assert row.to.currentText() == "gone (no such stage)"
    window.validate_now()  # the validation panel lists it without a crash
    from salesdesigner.model.validation import validate
    assert any(f.code == "measure-missing-stage" for f in validate(window.process))
