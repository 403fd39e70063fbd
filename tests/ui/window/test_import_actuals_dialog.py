"""File ▸ Import Actuals… as a manager uses it: a Japanese Excel CSV (CP932) with broken
rows is read off the GUI thread, what was detected is shown, a CRM stage is mapped, every
rejected row is listed with its line, reason and text, and nothing changes until Import —
which is one undo step that remembers the mapping.  Cancel, a file that is not a table,
columns that cannot be detected and stopping a long read change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from salesdesigner.storage.actuals_import import IGNORE
from salesdesigner.storage.templates import load_template

HEADER = "商談ID,商談名,フェーズ,変更日,金額,担当者\r\n"
GOOD = [
    "OPP-1,A社,リード発生,2026/04/01,\"￥1,200,000\",山田",     # line 2
    "OPP-1,A社,交渉,2026/04/20,\"￥1,200,000\",山田",           # 3: needs a mapping
    ",B社,リード発生,2026/04/02,1,佐藤",                         # 4: no deal id
    "OPP-2,C社,リード発生,2026/13/40,1,佐藤",                    # 5: not a date
    "OPP-3,D社,交渉,2026/04/22,500000,佐藤",                     # 6: needs a mapping
    "OPP-4,E社,旧パイプライン,2026/04/05,1,佐藤",                # 7: a stage to ignore
]


def write_export(folder: Path) -> Path:
    """CP932 as Japanese Excel saves it, with one line in UTF-8 (mis-encoded: line 8)."""
    raw = (HEADER + "\r\n".join(GOOD) + "\r\n").encode("cp932")
    raw += "OPP-5,Ｆ社,受注,2026/04/30,1,鈴木\r\n".encode()  # line 8
    raw += "OPP-6,G社,受注,2026/04/30,300000,鈴木\r\n".encode("cp932")  # line 9
    raw += "OPP-7,H社,提案,2026/04/25,1,佐藤\r\n".encode("cp932")  # 10: a near match
    path = folder / "sfa-export.csv"
    path.write_bytes(raw)
    return path


def open_dialog(window, dialogs, qtbot, path: Path):
    dialogs.answer("open-file", str(path))
    window.actions_.import_actuals.trigger()
    dialog = window.document.import_dialog
    assert dialog is not None and dialog.isVisible()
    wait_read(qtbot, dialog)
    return dialog


def wait_read(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.reading and not dialog._reread.isActive(),
                    timeout=20000)


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


@pytest.fixture
def ja_window(make_window):
    return make_window(load_template("eight-step", "ja"))


def test_a_cp932_export_is_previewed_mapped_and_imported_as_one_undo_step(
        ja_window, dialogs, qtbot, tmp_path):
    window = ja_window
    dialog = open_dialog(window, dialogs, qtbot, write_export(tmp_path))
    detected = dialog.detected_label.text()
    assert "Shift_JIS (CP932)" in detected and "comma" in detected
    assert "long (one row per deal per stage)" in detected and "9 rows" in detected
    assert dialog.column_combos["stage"].currentText() == "フェーズ"
    assert dialog.column_combos["entered"].currentText() == "変更日"
    table = dialog.stage_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"リード発生": "2", "交渉": "2", "旧パイプライン": "1", "受注": "1",
                    "提案": "1"}
    assert table.combos["提案"].currentData() == "proposal"  # near: pre-selected, marked
    assert table.item(4, 3).text() == "similar name: check"
    assert table.combos["交渉"].currentData() is None  # no near match: rows rejected
    assert table.combos["リード発生"].currentData() == "lead"
    rejected = dialog.rejected_model.rows
    assert [(line, reason) for line, reason, _v, _raw in rejected] == [
        (3, "unknown stage"), (4, "no deal id"), (5, "not a date"), (6, "unknown stage"),
        (7, "unknown stage"), (8, "the line is not in the file's encoding (mis-encoded)")]
    assert rejected[2][2] == "2026/13/40" and rejected[2][3].startswith("OPP-2,C社,")
    assert "\ufffd" in rejected[5][3]
    assert "6 rows are rejected" in dialog.summary.text()
    assert not window.process.actuals  # nothing changes before Import

    choose(table.combos["交渉"], "closing")
    choose(table.combos["旧パイプライン"], IGNORE)
    wait_read(qtbot, dialog)
    assert [line for line, *_ in dialog.rejected_model.rows] == [4, 5, 8]
    assert dialog.stage_table.item(1, 3).text() == "given"
    assert "1 rows of stages set to be ignored" in dialog.summary.text()
    assert "Rows: 5 used, 1 ignored (stage mapping), 3 rejected." in dialog.summary.text()
    assert "Import will add 5 deal events of 4 deals" in dialog.summary.text()
    assert not window.process.actuals and window.undo_stack.count() == 0

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    events = window.process.actuals.events
    assert sorted((e.deal_id, e.stage_id) for e in events) == [
        ("OPP-1", "closing"), ("OPP-1", "lead"), ("OPP-3", "closing"), ("OPP-6", "won"),
        ("OPP-7", "proposal")]
    assert window.process.actuals.stage_mapping["交渉"] == "closing"
    assert window.process.actuals.stage_mapping["旧パイプライン"] == IGNORE
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    record = window.process.actuals.imports[0]
    assert (record.source, record.rows_used, record.rows_ignored, record.rows_rejected) == (
        "sfa-export.csv", 5, 1, 3)
    window.undo_stack.undo()
    assert not window.process.actuals
    window.undo_stack.redo()
    assert len(window.process.actuals.events) == 5

    again = open_dialog(window, dialogs, qtbot, tmp_path / "sfa-export.csv")
    how = {again.stage_table.item(r, 0).text(): again.stage_table.item(r, 3).text()
           for r in range(again.stage_table.rowCount())}
    assert how["交渉"] == "remembered" and how["旧パイプライン"] == "ignored"
    assert "5 of them replace events imported before" in again.summary.text()
    again.reject()


def test_cancel_after_mapping_changes_nothing(ja_window, dialogs, qtbot, tmp_path):
    window = ja_window
    dialog = open_dialog(window, dialogs, qtbot, write_export(tmp_path))
    choose(dialog.stage_table.combos["交渉"], "closing")
    wait_read(qtbot, dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert not window.process.actuals and window.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_choosing_no_file_opens_no_dialog(ja_window, dialogs):
    dialogs.answer("open-file", "")
    ja_window.actions_.import_actuals.trigger()
    assert ja_window.document.import_dialog is None


def test_a_file_that_is_not_a_table_is_one_clear_sentence(ja_window, dialogs, qtbot, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("just one line of prose\n", encoding="utf-8")
    dialogs.answer("open-file", str(path))
    dialogs.answer("critical", None)
    ja_window.actions_.import_actuals.trigger()
    dialog = ja_window.document.import_dialog
    qtbot.waitUntil(lambda: bool(dialogs.of("critical")), timeout=20000)
    _kind, title, text = dialogs.of("critical")[0]
    assert title == "Cannot Import Actuals"
    assert text.startswith("“notes.csv” cannot be imported: it is not a table")
    assert not dialog.import_button.isEnabled() and not ja_window.process.actuals
    dialog.reject()


def test_columns_it_cannot_detect_are_chosen_by_the_manager(ja_window, dialogs, qtbot,
                                                             tmp_path):
    path = tmp_path / "hand-kept.csv"
    path.write_bytes("番号\t段階\tいつ\nK-1\tリード発生\t2026年4月1日\n".encode("cp932"))
    dialog = open_dialog(ja_window, dialogs, qtbot, path)
    assert dialog.notice.isVisible() and "date entered" in dialog.notice.text()
    assert dialog.tabs.currentWidget() is dialog.columns_page
    assert "tab" in dialog.detected_label.text()
    assert not dialog.import_button.isEnabled()
    choose(dialog.column_combos["stage"], "段階")
    choose(dialog.column_combos["entered"], "いつ")
    choose(dialog.column_combos["deal_id"], "番号")
    wait_read(qtbot, dialog)
    assert not dialog.notice.isVisible() and dialog.import_button.isEnabled()
    dialog.accept()
    assert [(e.deal_id, e.stage_id) for e in ja_window.process.actuals.events] == [
        ("K-1", "lead")]


def test_a_long_read_can_be_stopped_and_then_nothing_can_be_imported(
        ja_window, dialogs, qtbot, tmp_path):
    path = tmp_path / "big.csv"
    lines = [f"D{n},リード発生,2026-04-01" for n in range(60_000)]
    path.write_text("Deal ID,Stage,Date\n" + "\n".join(lines) + "\n", encoding="utf-8")
    dialogs.answer("open-file", str(path))
    ja_window.actions_.import_actuals.trigger()
    dialog = ja_window.document.import_dialog
    assert dialog.reading and dialog.progress_row.isVisibleTo(dialog)
    dialog.stop_button.click()
    wait_read(qtbot, dialog)
    assert dialog.result is None and not dialog.import_button.isEnabled()
    assert "Reading stopped" in dialog.summary.text()
    dialog.reject()
    assert not ja_window.process.actuals


def test_the_dialog_speaks_japanese(ja_window, dialogs, qtbot, tmp_path):
    from salesdesigner.ui.app import application
    application("ja")
    dialog = open_dialog(ja_window, dialogs, qtbot, write_export(tmp_path))
    assert dialog.windowTitle() == "CRMから実績を取り込む"
    assert "文字コード" in dialog.detected_label.text()
    assert dialog.tabs.tabText(3) == "除外した行（6）"
    assert dialog.rejected_model.rows[1][1] == "案件IDがない"
    assert dialog.import_button.text() == "取り込む"
    dialog.reject()


def test_replace_earlier_actuals_drops_what_was_held_and_undo_brings_it_back(
        ja_window, dialogs, qtbot, tmp_path):
    from tests.actuals.strategies import sample_actuals
    window = ja_window
    window.process.set_actuals(sample_actuals())
    held = len(sample_actuals().events)
    dialog = open_dialog(window, dialogs, qtbot, write_export(tmp_path))
    assert dialog.replace_box.isEnabled() and f"remove the {held} deal events" in \
        dialog.replace_box.text()
    dialog.replace_box.setChecked(True)
    assert f"All {held} deal events imported before will be removed" in dialog.summary.text()
    dialog.accept()
    assert {e.deal_id for e in window.process.actuals.events} == {"OPP-1", "OPP-6", "OPP-7"}
    window.undo_stack.undo()
    assert window.process.actuals == sample_actuals()
