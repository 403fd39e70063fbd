"""The inspector edits the selected stage or arrow through undo commands and follows undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from salesdesigner.model import Kpi, StageKind
from tests.ui.edit_commands import stage_command


def type_ime(widget, preedit: str, commit: str) -> None:
    """What a Japanese input method sends: composing text first, then the chosen text."""
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
    done = QInputMethodEvent("", [])
    done.setCommitString(commit)
    QApplication.sendEvent(widget, done)


def select(window, stage_ids=(), transition_ids=()):
    window.scene.select_ids(stage_ids=stage_ids, transition_ids=transition_ids)
    window.inspector.show_selection(stage_ids, transition_ids)  # the scene relays it too
    return window.inspector


def test_selecting_a_stage_on_the_canvas_shows_it_in_the_inspector(window, qtbot):
    window.scene.select_ids(stage_ids=["hearing"])
    qtbot.waitUntil(lambda: window.inspector.overview.name.text() == "Discovery & needs analysis")
    assert window.inspector.ctx.stage_id == "hearing"


def test_typing_a_name_changes_the_stage_and_is_one_undo_step(window, qtbot):
    inspector = select(window, ["hearing"])
    name = inspector.overview.name
    name.selectAll()
    qtbot.keyClicks(name, "Needs ")
    type_ime(name, "ぶんせき", "分析")
    assert window.process.stage("hearing").name == "Needs 分析"
    assert window.undo_stack.count() == 1
    assert window.scene.stage_item("hearing") is not None
    window.undo_stack.undo()
    assert window.process.stage("hearing").name == "Discovery & needs analysis"
    assert name.text() == "Discovery & needs analysis"  # the field follows undo


def test_composing_japanese_text_changes_nothing_until_it_is_committed(window):
    inspector = select(window, ["hearing"])
    name = inspector.overview.name
    name.clear()
    window.undo_stack.clear()
    QApplication.sendEvent(name, QInputMethodEvent("しょうだん", []))
    assert window.process.stage("hearing").name == ""
    done = QInputMethodEvent("", [])
    done.setCommitString("商談")
    QApplication.sendEvent(name, done)
    assert window.process.stage("hearing").name == "商談" and name.text() == "商談"


def test_typing_in_two_fields_makes_two_undo_steps(window, qtbot):
    inspector = select(window, ["hearing"])
    inspector.overview.name.end(False)  # an unfocused field shows its start; type at the end
    qtbot.keyClicks(inspector.overview.name, "!")
    inspector.overview.goal.setFocus()
    inspector.ctx.new_session()  # what moving the focus does in a real window
    inspector.overview.goal.moveCursor(inspector.overview.goal.textCursor().MoveOperation.End)
    qtbot.keyClicks(inspector.overview.goal, " Quickly.")
    assert window.process.stage("hearing").goal.endswith(" Quickly.")
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    assert not window.process.stage("hearing").goal.endswith(" Quickly.")
    assert window.process.stage("hearing").name.endswith("!")


def test_undo_of_a_canvas_edit_updates_the_open_inspector(window):
    inspector = select(window, ["proposal"])
    window.process.update_stage("proposal", kind=StageKind.DECISION)  # as another view would
    assert inspector.overview.kind.currentData() == "decision"
    inspector.overview.kind.setCurrentIndex(inspector.overview.kind.findData("stage"))
    assert window.process.stage("proposal").kind is StageKind.STAGE
    window.undo_stack.undo()
    assert inspector.overview.kind.currentData() == "decision"


def test_duration_and_lane_edits(window):
    inspector = select(window, ["hearing"])
    inspector.overview.duration.setValue(12.5)
    assert window.process.stage("hearing").duration_days == 12.5
    inspector.overview.duration.setValue(-1)
    assert window.process.stage("hearing").duration_days is None
    lane = inspector.overview.lane
    lane.setCurrentIndex(lane.findData("back-office"))
    assert window.process.stage("hearing").lane == "back-office"
    lane.setCurrentIndex(lane.findData(""))
    assert window.process.stage("hearing").lane is None


def test_kpi_table_adds_edits_reorders_and_removes(window, qtbot):
    inspector = select(window, ["hearing"])
    table = inspector.kpis
    before = window.process.stage("hearing").kpis
    table.add_kpi()
    kpis = window.process.stage("hearing").kpis
    assert len(kpis) == len(before) + 1 and table.table.rowCount() == len(kpis)
    row = len(kpis) - 1
    table.table.item(row, 0).setText("Win rate")
    table.table.item(row, 1).setText("２５")  # full-width digits are numbers too
    table.table.item(row, 2).setText("%")
    assert window.process.stage("hearing").kpis[row] == Kpi(
        "Win rate", 25.0, "%", kpis[row].direction, "", id=kpis[row].id)
    table.table.setCurrentCell(row, 0)
    table.move_kpi(-1)
    assert window.process.stage("hearing").kpis[row - 1].name == "Win rate"
    assert table.table.currentRow() == row - 1
    table.remove_kpi()
    assert [k.name for k in window.process.stage("hearing").kpis] == [k.name for k in before]
    window.undo_stack.undo()  # remove
    window.undo_stack.undo()  # reorder
    assert window.process.stage("hearing").kpis[row].name == "Win rate"
    assert table.table.item(row, 0).text() == "Win rate"


def test_kpi_target_that_is_not_a_number_is_refused(window):
    inspector = select(window, ["hearing"])
    table = inspector.kpis
    old = window.process.stage("hearing").kpis[0].target
    depth = window.undo_stack.count()
    table.table.item(0, 1).setText("lots")
    assert window.process.stage("hearing").kpis[0].target == old
    assert window.undo_stack.count() == depth
    assert table.table.item(0, 1).text() != "lots"


def test_kpi_direction_combo_changes_the_kpi(window):
    inspector = select(window, ["hearing"])
    combo = inspector.kpis.table.cellWidget(0, 3)
    other = 1 - combo.currentIndex()
    combo.setCurrentIndex(other)
    assert window.process.stage("hearing").kpis[0].direction.value == combo.itemData(other)


def test_script_editor_adds_a_script_and_edits_its_long_body(window, qtbot):
    inspector = select(window, ["hearing"])
    scripts = inspector.scripts
    count = len(window.process.stage("hearing").scripts)
    scripts.add_record()
    assert len(window.process.stage("hearing").scripts) == count + 1
    assert scripts.list.currentRow() == count
    body = scripts.editors["body"]
    type_ime(body, "ほんじつは", "本日はお時間をいただき、ありがとうございます。")
    assert (window.process.stage("hearing").scripts[count].body
            == "本日はお時間をいただき、ありがとうございます。")
    qtbot.keyClicks(scripts.editors["title"], "X")
    assert scripts.list.item(count).text().endswith("X")  # the list follows the title


def test_actions_and_tips_reorder_with_undo(window):
    inspector = select(window, ["hearing"])
    tips = inspector.tips
    inspector.tips.add_record("first")
    inspector.tips.add_record("second")
    assert window.process.stage("hearing").tips[-2:] == ("first", "second")
    tips.move_record(-1)
    assert window.process.stage("hearing").tips[-2:] == ("second", "first")
    window.undo_stack.undo()
    assert window.process.stage("hearing").tips[-2:] == ("first", "second")
    actions = inspector.actions
    n = len(window.process.stage("hearing").actions)
    actions.add_record()
    actions.remove_record()
    assert len(window.process.stage("hearing").actions) == n


def test_attaching_a_file_is_one_undo_step(window, tmp_path):
    inspector = select(window, ["proposal"])
    brochure = tmp_path / "パンフレット.pdf"
    brochure.write_bytes(b"%PDF-1.4 example")
    materials = inspector.materials
    before = window.process.stage("proposal").materials
    assert materials.attach_file(str(brochure))
    stage = window.process.stage("proposal")
    added = stage.materials[-1]
    assert len(stage.materials) == len(before) + 1 and added.attachment_id
    assert window.process.attachment(added.attachment_id).data == b"%PDF-1.4 example"
    assert window.process.attachment(added.attachment_id).mime_type == "application/pdf"
    window.undo_stack.undo()
    assert window.process.stage("proposal").materials == before
    assert added.attachment_id not in window.process.attachments


def test_an_attachment_opens_from_a_temporary_copy(window, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    inspector = select(window, ["proposal"])
    source = tmp_path / "price list.csv"
    source.write_bytes(b"a,b\n1,2\n")
    inspector.materials.attach_file(str(source))
    assert inspector.materials.open_current()
    copy = opened[-1].toLocalFile()
    assert copy.endswith("price list.csv")
    assert Path(copy).read_bytes() == b"a,b\n1,2\n"


def test_links_open_only_for_web_and_mail(window, dialogs, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    inspector = select(window, ["proposal"])
    materials = inspector.materials
    materials.add_record()
    uri = materials.editors["uri"]
    uri.setText("file:///etc/passwd")
    dialogs.answer("warning", None)
    assert not materials.open_current()
    uri.setText("https://example.com/deck")
    assert materials.open_current() and opened[-1].toString() == "https://example.com/deck"


def test_arrow_label_and_condition(window, qtbot):
    inspector = select(window, transition_ids=["t1"])
    assert inspector.pages.currentWidget() is not inspector.tabs
    inspector.transition_form.label.end(False)  # an unfocused field shows its start
    qtbot.keyClicks(inspector.transition_form.label, "qualified")
    qtbot.keyClicks(inspector.transition_form.condition, "BANT ok")
    t = window.process.transition("t1")
    assert t.label == "Lead loggedqualified"
    assert t.condition == "BANT okCompany details and lead source are in the CRM"
    assert window.undo_stack.count() == 2


def test_document_details_when_nothing_is_selected(window, qtbot):
    inspector = select(window)
    edit = inspector.document_form.lines["company"]
    type_ime(edit, "かぶしきがいしゃ", "株式会社サンプル")
    assert window.process.company == "株式会社サンプル"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert edit.text() == ""


def test_deleting_the_shown_stage_empties_the_inspector(window):
    inspector = select(window, ["hearing"])
    window.editor.delete_selection()
    assert inspector.ctx.stage_id is None
    assert inspector.header.text() == "Document"


def test_delete_key_in_a_field_edits_text_and_on_the_canvas_deletes_the_stage(window, qtbot):
    from PySide6.QtCore import Qt
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.scene.select_ids(stage_ids=["hearing"])
    name = window.inspector.overview.name
    qtbot.waitUntil(lambda: name.text() == "Discovery & needs analysis")
    name.setFocus()
    name.setCursorPosition(0)
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert window.process.has_stage("hearing")
    assert window.process.stage("hearing").name == "iscovery & needs analysis"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.process.has_stage("hearing")


def test_typing_a_name_refills_the_overview_and_header_but_not_the_other_tabs(
        window, qtbot, monkeypatch):
    inspector = select(window, ["hearing"])
    refilled: list[str] = []
    for tab in ("kpis", "actions", "scripts", "materials", "tips"):
        editor = getattr(inspector, tab)
        monkeypatch.setattr(editor, "refresh",
                            lambda stage, tab=tab, f=editor.refresh:
                            refilled.append(tab) or f(stage))
    qtbot.keyClicks(inspector.overview.name, "!")
    assert window.process.stage("hearing").name == "!Discovery & needs analysis"
    assert "!" in inspector.header.text()
    assert refilled == []
    kpis = (*window.process.stage("hearing").kpis, Kpi("Calls", 5, "/day"))
    window.undo_stack.push(stage_command(window.process, "hearing", {"kpis": kpis}))
    assert refilled == ["kpis"]
    assert inspector.kpis.table.rowCount() == len(kpis)
    window.undo_stack.undo()
    assert inspector.kpis.table.rowCount() == len(kpis) - 1


def test_every_inspector_edit_goes_through_the_canvas_editor(window, qtbot, monkeypatch):
    """The inspector hands each change to the editor (as actions and menus do); nothing
    reaches the undo stack past it: stage, arrow, lane and document pages alike."""
    through_editor, onto_stack = [], []
    real_push, real_stack_push = window.editor.push, window.undo_stack.push

    def spy(edit):
        through_editor.append(edit)
        return real_push(edit)

    def stack_spy(command):
        onto_stack.append(len(through_editor))  # how many edits the editor had passed on
        return real_stack_push(command)

    monkeypatch.setattr(window.editor, "push", spy)
    monkeypatch.setattr(window.undo_stack, "push", stack_spy)
    window.undo_stack.clear()
    inspector = select(window, ["hearing"])
    qtbot.keyClicks(inspector.overview.name, "!")
    inspector.overview.kind.setCurrentIndex(inspector.overview.kind.findData("decision"))
    arrow = next(iter(window.process.transitions)).id
    inspector = select(window, transition_ids=[arrow])
    qtbot.keyClicks(inspector.transition_form.label, "if yes")
    lane = window.process.lanes[0].id
    window.scene.select_lane(lane)
    inspector.show_selection((), (), lane)
    qtbot.keyClicks(inspector.lane_form.name, "+")
    select(window)
    qtbot.keyClicks(inspector.document_form.description, ".")
    assert "!" in window.process.stage("hearing").name
    assert "." in window.process.description
    assert onto_stack == list(range(1, len(through_editor) + 1))  # each push, its own edit
    assert window.undo_stack.count() == 5  # typing merged: name, kind, label, lane, document
