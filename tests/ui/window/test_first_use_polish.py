"""What a first-time user notices: fields that hide the start of their text, clipped
list entries, awkward plurals.  Each test pins one fix found by driving the real window."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from salesdesigner.model import Material, Script


def select(window, stage_id):
    window.scene.select_ids(stage_ids=[stage_id])
    window.inspector.show_selection([stage_id], [])
    return window.inspector


def activate(window, qtbot) -> None:
    """Keys reach shortcuts only in the active window."""
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_long_texts_in_record_fields_are_shown_from_their_start(window, qtbot):
    situation = "You have been put through to the decision-maker after three weeks of calls " * 3
    link = "https://example.com/sales-kit/en/" + "deep/" * 30 + "case-studies.pdf"
    window.process.update_stage("hearing", scripts=(Script("Opener", situation=situation),),
                                materials=(Material("Case studies", uri=link),),
                                exit_criteria=(situation,))
    window.show()
    inspector = select(window, "hearing")
    fields: list[QLineEdit] = [inspector.scripts.editors["situation"],
                               inspector.materials.editors["uri"],
                               inspector.overview.exit_criteria.editors[None]]
    for field in fields:
        assert field.text(), field
        assert field.cursorPosition() == 0, field.text()


def test_a_field_being_typed_in_keeps_its_cursor(window, qtbot):
    window.show()
    inspector = select(window, "hearing")
    name = inspector.overview.name
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    name.end(False)
    qtbot.keyClicks(name, " plus")
    assert name.cursorPosition() == len(name.text())
    assert window.process.stage("hearing").name.endswith(" plus")


def test_template_entries_have_room_for_both_lines_in_the_japanese_font(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from salesdesigner.ui.app import JAPANESE_FONTS
    from salesdesigner.ui.dialogs.new_document import NewDocumentDialog

    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    cjk = QFont(dialog.list.font())
    cjk.setFamilies([f for f in dialog.list.font().families() if f in JAPANESE_FONTS][:1])
    line = max(QFontMetrics(cjk).lineSpacing(), QFontMetrics(dialog.list.font()).lineSpacing())
    two_line = [dialog.list.item(r) for r in range(dialog.list.count())
                if "\n" in dialog.list.item(r).text()]
    assert two_line, "the bundled templates are listed with their language"
    for item in two_line:
        assert dialog.list.visualItemRect(item).height() >= 2 * line + 4, item.text()


def test_kpi_names_clipped_by_the_narrow_table_show_in_full_as_a_tooltip(window):
    from PySide6.QtGui import QTextDocument

    from salesdesigner.model import Kpi
    from salesdesigner.ui.inspector.kpi_table import NAME
    from tests.ui.edit_commands import stage_command

    stage = window.process.stage("hearing")
    window.undo_stack.push(stage_command(window.process, "hearing", {
        "kpis": stage.kpis + (Kpi("<b>Rate</b> & more"),)}))
    inspector = select(window, "hearing")
    kpis = window.process.stage("hearing").kpis
    for row, kpi in enumerate(kpis):
        shown = QTextDocument()  # the tooltip as Qt renders it: the name, markup and all
        shown.setHtml(inspector.kpis.table.item(row, NAME).toolTip())
        assert shown.toPlainText() == kpi.name


def test_clicking_add_in_each_record_list_adds_a_real_record(window, qtbot):
    from PySide6.QtCore import Qt

    from salesdesigner.model import Action, Kpi

    window.show()
    inspector = select(window, "hearing")
    before = window.process.stage("hearing")
    for editor in (inspector.actions, inspector.scripts, inspector.materials, inspector.tips,
                   inspector.overview.exit_criteria):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.kpis.add_button, Qt.MouseButton.LeftButton)
    stage = window.process.stage("hearing")
    assert isinstance(stage.actions[-1], Action) and stage.actions[-1].title == "New action"
    assert isinstance(stage.scripts[-1], Script)
    assert isinstance(stage.materials[-1], Material)
    assert stage.tips[-1] == "New tip" and stage.exit_criteria[-1] == "New exit criterion"
    assert isinstance(stage.kpis[-1], Kpi) and len(stage.kpis) == len(before.kpis) + 1
    assert inspector.actions.list.item(inspector.actions.list.count() - 1).text() == "New action"


def test_no_two_actions_share_a_key_and_common_keys_exist_everywhere(window):
    from PySide6.QtGui import QAction, QKeySequence

    owners: dict[str, list[str]] = {}
    actions = window.findChildren(QAction)
    for action in set(actions):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert not clashes  # an ambiguous key triggers neither action
    a = window.actions_
    assert a.quit.shortcut() == QKeySequence("Ctrl+Q")
    assert not a.preferences.shortcut().isEmpty() and not a.full_screen.shortcut().isEmpty()


def test_x11s_ctrl_d_for_delete_is_left_to_duplicate():
    from PySide6.QtGui import QKeySequence

    from salesdesigner.ui.actions import shortcut_keys

    x11_delete = [QKeySequence("Del"), QKeySequence("Ctrl+D")]
    assert shortcut_keys(QKeySequence.StandardKey.Delete, x11_delete) == [QKeySequence("Del")]
    assert shortcut_keys(QKeySequence.StandardKey.FullScreen, []) == [QKeySequence("F11")]
    assert shortcut_keys(QKeySequence.StandardKey.Copy, [QKeySequence("Ctrl+C")]) == [
        QKeySequence("Ctrl+C")]


def test_ctrl_z_in_a_field_with_nothing_to_undo_undoes_the_document(window, qtbot):
    from PySide6.QtCore import Qt

    activate(window, qtbot)
    inspector = select(window, "hearing")
    inspector.tabs.setCurrentWidget(inspector.tips)
    tips = window.process.stage("hearing").tips
    qtbot.mouseClick(inspector.tips.add_button, Qt.MouseButton.LeftButton)
    field = inspector.tips.editors[None]
    assert window.process.stage("hearing").tips == (*tips, "New tip")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.process.stage("hearing").tips == tips  # "Add Tip" was undone
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.process.stage("hearing").tips == (*tips, "New tip")


def test_ctrl_z_after_typing_still_undoes_the_typing_in_the_field(window, qtbot):
    from PySide6.QtCore import Qt

    activate(window, qtbot)
    name = select(window, "hearing").overview.name
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, "X")
    assert name.text().endswith("X")
    stack_before = window.undo_stack.count()
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "Discovery & needs analysis"
    assert window.process.stage("hearing").name == "Discovery & needs analysis"
    assert window.undo_stack.count() >= stack_before  # the field's own undo, not a jump back


def test_the_inspector_keeps_the_full_height_beside_the_bottom_panels(window, qtbot):
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    inspector = window.docks["inspector"].geometry()
    validation = window.docks["validation"].geometry()
    assert validation.right() < inspector.left()  # the bottom panels sit under the canvas
    assert window.docks["minimap"].geometry().bottom() > validation.top()


def test_an_empty_canvas_says_how_to_start_until_the_first_stage(make_window, qtbot):
    from salesdesigner.model import Process, StageKind

    window = make_window(Process(name="Blank", language="en"))
    window.show()
    qtbot.waitExposed(window)
    hint = window.empty_hint
    assert hint.isVisible() and "Double-click" in hint.text()
    assert window.view.viewport().rect().contains(hint.geometry().center())
    stage_id = window.insert_stage(StageKind.STAGE)
    assert not hint.isVisible()
    window.undo_stack.undo()
    assert not window.process.has_stage(stage_id) and hint.isVisible()


def test_the_sample_process_shows_no_empty_canvas_hint(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert not window.empty_hint.isVisible()


def test_the_manual_is_offered_under_the_process_name_like_other_exports(window, monkeypatch,
                                                                         tmp_path):
    from pathlib import Path

    from salesdesigner.ui import manual_dialog

    offered = []

    class Recorder:
        def __init__(self, process, parent, suggested_name, **options):
            offered.append(suggested_name)

        def exec(self):
            return 0

    monkeypatch.setattr(manual_dialog, "ManualDialog", Recorder)
    window.export_manual()
    assert Path(offered[0]).name == "B2B Sales Process The Eight Steps.pdf"
    assert Path(offered[0]).is_absolute()
    assert offered[0] == window.document.suggested_export_path(".pdf")
    window.document.path = str(tmp_path / "q3 plan.salesdesign")
    window.export_manual()
    assert offered[1] == str(tmp_path / "q3 plan.pdf")


def test_whole_days_show_without_a_decimal_and_half_days_keep_it(window, qtbot):
    inspector = select(window, "approach")
    duration = inspector.overview.duration
    assert window.process.stage("approach").duration_days == 14
    assert duration.text() == "14 days"
    duration.lineEdit().selectAll()
    qtbot.keyClicks(duration.lineEdit(), "2.5")
    duration.interpretText()
    assert window.process.stage("approach").duration_days == 2.5
    assert duration.text() == "2.5 days"
    duration.lineEdit().selectAll()
    qtbot.keyClicks(duration.lineEdit(), "3")
    duration.interpretText()
    assert window.process.stage("approach").duration_days == 3


def test_new_records_are_named_in_the_documents_language_not_the_menus(window, qtbot):
    """A Japanese document edited with English menus gets 新しいアクション, not "New
    action": the name ends up in the manual and the playbook reps read."""
    from PySide6.QtCore import Qt

    from salesdesigner.model.presentation import TABLES

    window.process.update_process(language="ja")
    window.show()
    inspector = select(window, "hearing")
    for editor in (inspector.actions, inspector.scripts, inspector.materials, inspector.tips,
                   inspector.overview.exit_criteria):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.kpis.add_button, Qt.MouseButton.LeftButton)
    stage, words = window.process.stage("hearing"), TABLES["ja"]
    assert stage.actions[-1].title == words["new_action"] == "新しいアクション"
    assert stage.scripts[-1].title == words["new_script"]
    assert stage.materials[-1].title == words["new_link"]
    assert (stage.tips[-1], stage.exit_criteria[-1]) == (words["new_tip"],
                                                         words["new_exit_criterion"])
    assert stage.kpis[-1].name == words["new_kpi"]
    assert window.undo_stack.undoText() in ("Add KPI", "KPI を追加")  # the menus' language
