"""The manual dialog's optional sections: the performance chapter (offered only with
actuals, off by default, the latest full month preselected) and the change log against a
previous revision, with the marks on changed chapters."""

from __future__ import annotations

import dataclasses

from salesdesigner.storage.templates import load_template
from salesdesigner.ui.manual_dialog import ManualDialog
from tests.export_pdf.actuals_sample import sample_process
from tests.export_pdf.conftest import page_texts


def _dialog(qtbot, process) -> ManualDialog:
    dialog = ManualDialog(process)
    qtbot.addWidget(dialog)
    return dialog


def _text(dialog: ManualDialog) -> str:
    return " ".join(" ".join(page_texts(dialog.data)).split())


def test_performance_is_offered_with_actuals_off_by_default_on_the_latest_full_month(qtbot):
    dialog = _dialog(qtbot, sample_process("en"))
    assert dialog.performance.isEnabled() and not dialog.performance.isChecked()
    assert dialog.period.currentData() == "2026-10"
    assert [dialog.period.itemData(i) for i in range(dialog.period.count())] == \
        ["2026-11", "2026-10", "2026-09"]
    assert not dialog.period.isEnabled()
    assert dialog.section_options() == {}
    dialog.performance.setChecked(True)
    assert dialog.period.isEnabled()
    dialog.period.setCurrentIndex(dialog.period.findData("2026-09"))
    assert dialog.section_options() == {"performance": True, "period": "2026-09"}


def test_a_document_without_actuals_cannot_ask_for_performance(qtbot):
    dialog = _dialog(qtbot, load_template("eight-step", "en"))
    assert not dialog.performance.isEnabled()
    dialog.performance.setChecked(True)
    assert "performance" not in dialog.section_options()


def test_ticking_a_section_makes_the_preview_stale_and_the_new_one_has_it(qtbot):
    dialog = _dialog(qtbot, sample_process("en"))
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.show()
    assert "Current performance" not in _text(dialog)
    dialog.performance.setChecked(True)
    assert dialog.is_stale() and not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.update_button.click()
    text = _text(dialog)
    assert "Current performance" in text and "Period: October 2026" in text


def test_a_previous_revision_adds_the_change_log_and_marks_on_request(qtbot):
    process = sample_process("en")
    old = process.copy()
    meet = process.stage("meet")
    process.update_stage("meet", kpis=(dataclasses.replace(meet.kpis[0], target=55.0),
                                       *meet.kpis[1:]))
    dialog = _dialog(qtbot, process)
    assert not dialog.changes.isEnabled() and not dialog.mark_changes.isEnabled()
    dialog.set_previous(old, "Revision 3")  # the hook the revision list will call
    assert dialog.changes.isChecked() and dialog.mark_changes.isEnabled()
    dialog.mark_changes.setChecked(True)
    options = dialog.section_options()
    assert options["previous_label"] == "Revision 3" and options["mark_changes"] is True
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.render()
    text = _text(dialog)
    assert "Previous revision: Revision 3" in text
    assert "KPI “Meeting to proposal”, Target: ≥ 60% → ≥ 55%" in text
    assert "Meeting Changed" in text


def test_the_change_log_compares_with_a_revision_picked_from_the_document(qtbot):
    from salesdesigner.storage.revisions import add_revision, make_revision
    process = sample_process("en")
    add_revision(process, make_revision(process, title="Spring <edition>"))
    meet = process.stage("meet")
    process.update_stage("meet", kpis=(dataclasses.replace(meet.kpis[0], target=55.0),
                                       *meet.kpis[1:]))
    dialog = _dialog(qtbot, process)
    choice = dialog.revision_choice
    assert not choice.isHidden()
    assert [choice.itemData(i) for i in range(choice.count())] == [None, 1]
    assert choice.itemText(1) == "Revision 1: Spring <edition>"
    choice.setCurrentIndex(1)
    choice.activated.emit(1)  # what a click on the entry sends
    options = dialog.section_options()
    assert options["previous_label"] == "Revision 1"
    assert options["previous"].stage("meet").kpis[0].target == 60.0
    assert options["previous_date"] == process.revisions[0].info.published_at.date()


def test_a_document_without_revisions_offers_only_a_file(qtbot):
    dialog = _dialog(qtbot, sample_process("en"))
    assert dialog.revision_choice.isHidden() and not dialog.choose_previous.isHidden()
