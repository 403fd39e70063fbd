"""Switching the UI language while a document is open: the window retranslates in place.

The document, its undo history, the modified flag, the selection and the zoom survive
an en → ja → en round trip, and undo still works afterwards.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from salesdesigner.ui.dialogs.preferences import PreferencesDialog
from salesdesigner.ui.i18n import current_language, install_translators
from salesdesigner.ui.settings import Settings

# the conftest's ``dialogs`` fixture replaces the static file pickers: keep the real one
REAL_GET_OPEN_FILE_NAME = QFileDialog.getOpenFileName


@pytest.fixture
def back_to_english():
    yield
    Settings().language = "en"
    install_translators("en")


def select(window, stage_id: str):
    window.scene.select_ids([stage_id])
    return window.inspector


def edited_window(make_window, sample):
    """A window with three undoable edits, a selection and a zoom."""
    window = make_window(sample)
    inspector = select(window, "hearing")
    inspector.overview.name.setText("Discovery call")
    inspector.kpis.add_kpi()
    window.scene.select_ids(["proposal"])
    window.view.set_zoom(1.3)
    return window


def texts(window) -> dict[str, str]:
    inspector = window.inspector
    return {
        "file menu": window.actions_.menus["file"].title(),
        "edit menu": window.actions_.menus["edit"].title(),
        "save": window.actions_.save.text(),
        "save button": window.actions_.save.iconText(),
        "undo": window.actions_.undo.text(),
        "inspector dock": window.docks["inspector"].windowTitle(),
        "history dock": window.docks["history"].windowTitle(),
        "kpi tab": inspector.tabs.tabText(1),
        "name label": inspector.overview.form.labelForField(inspector.overview.name).text(),
        "kpi header": inspector.kpis.table.horizontalHeaderItem(0).text(),
        "action field": inspector.actions.labels["title"].text(),
        "add kpi": inspector.kpis.add_button.text(),
        "validation": window.validation.summary.text(),
        "counts": window.counts_label.text(),
        "toolbar": window.actions_.toolbar.windowTitle(),
    }


def test_switching_language_retranslates_the_open_window_and_keeps_the_document(
        make_window, sample, back_to_english):
    window = edited_window(make_window, sample)
    stack = window.undo_stack
    count, index = stack.count(), stack.index()
    undo_text = stack.undoText()
    process_before = window.process.stage("hearing")
    english = texts(window)
    assert window.isWindowModified()
    layout = window.saveState()
    kind = window.inspector.overview.kind
    kind_value, kind_text = kind.currentData(), kind.currentText()
    tab = window.inspector.tabs.currentIndex()

    install_translators("ja")
    japanese = texts(window)
    assert japanese["file menu"] == "ファイル(&F)" and japanese["edit menu"] == "編集(&E)"
    assert japanese["save"] == "保存(&S)" and japanese["save button"] == "保存"
    assert japanese["inspector dock"] == "インスペクター"
    assert japanese["kpi tab"] == "KPI"
    assert japanese["undo"].startswith("元に戻す(&U) ")
    assert japanese["validation"] == "問題は見つかりませんでした。"  # the sample is clean
    changed = {k for k in english if english[k] != japanese[k]}
    assert changed >= set(english) - {"kpi tab"}, set(english) - changed

    # nothing of the document session was lost
    assert window.process.stage("hearing") == process_before
    assert (stack.count(), stack.index()) == (count, index)
    assert undo_text == "Add KPI" and stack.undoText() == "KPI を追加"  # renamed, not redone
    assert window.isWindowModified() and window.windowTitle().endswith("[*] — SalesDesigner")
    assert window.scene.selected_stage_ids() == ["proposal"]
    assert window.view.zoom_level() == pytest.approx(1.3)
    assert window.editor.language == "ja"
    assert window.saveState() == layout  # docks and toolbar stay where they were
    assert kind.currentData() == kind_value and kind.currentText() != kind_text
    assert window.inspector.tabs.currentIndex() == tab

    install_translators("en")
    assert texts(window) == english
    stack.undo()  # the added KPI
    assert len(window.process.stage("hearing").kpis) == len(process_before.kpis) - 1
    stack.undo()  # the rename
    assert window.process.stage("hearing").name != "Discovery call"
    assert window.actions_.undo.text().startswith("&Undo")


def test_undo_history_names_follow_the_language_and_come_back_unchanged(
        make_window, sample, back_to_english):
    window = edited_window(make_window, sample)
    window.inspector.actions.add_record()  # "Add {item}" with a translated item name
    window.scene.select_ids(["hearing"])
    window.editor.auto_layout()  # a step the canvas names from its own table
    stack = window.undo_stack
    names = [stack.text(i) for i in range(stack.count())]
    assert "Add Action" in names and "Auto Layout" in names and "Add KPI" in names

    install_translators("ja")
    japanese = [stack.text(i) for i in range(stack.count())]
    assert "アクションを追加" in japanese and "自動レイアウト" in japanese
    assert "KPI を追加" in japanese
    assert window.actions_.undo.text() == "元に戻す(&U) 自動レイアウト"
    assert window.history.emptyLabel() != "<original document>"
    window.inspector.kpis.add_kpi()  # a step taken after the switch is named in Japanese
    assert stack.undoText() == "KPI を追加"

    install_translators("en")
    assert [stack.text(i) for i in range(stack.count())] == names + ["Add KPI"]
    assert window.actions_.undo.text() == "&Undo Add KPI"


def test_a_step_name_is_translated_from_its_untranslated_value(back_to_english, qapp):
    from salesdesigner.edits import name
    from salesdesigner.ui.commands import step_text
    assert step_text(name("Frobnicate 42")) == "Frobnicate 42"
    item = name("Action", "Inspector")
    assert step_text(name("Edit {item}", "RecordListEditor", item=item)) == "Edit Action"
    install_translators("ja")
    assert step_text(name("Edit {item}", "RecordListEditor", item=item)) == "アクションを編集"
    assert step_text(name("Auto Layout")) == "自動レイアウト"
    assert step_text(name("Frobnicate 42")) == "Frobnicate 42"  # no catalogue knows it


def test_preferences_apply_the_language_at_once(make_window, sample, back_to_english):
    window = edited_window(make_window, sample)
    dialog = PreferencesDialog(window)
    assert "restart" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.accept()
    assert current_language() == "ja"
    assert window.actions_.menus["view"].title() == "表示(&V)"
    again = PreferencesDialog(window)  # dialogs opened afterwards speak the new language
    assert again.windowTitle() == "環境設定"


def test_the_playbook_reader_follows_the_language(make_window, sample, back_to_english, qtbot):
    window = edited_window(make_window, sample)
    window.show_playbook()
    reader = window._playbook
    stage = reader.current_stage_id
    english_placeholder = reader.search_field.placeholderText()
    install_translators("ja")
    assert reader.search_field.placeholderText() != english_placeholder
    assert reader.lane_filter.itemText(0) != "All lanes"
    assert reader.windowTitle().endswith("プレイブック")
    assert reader.current_stage_id == stage
    reader.close()


def test_the_inspector_pages_for_arrows_and_the_document_retranslate(make_window, sample,
                                                                      back_to_english):
    window = make_window(sample)
    document_label = window.inspector.document_form.form.labelForField(
        window.inspector.document_form.lines["name"]).text()
    install_translators("ja")
    assert window.inspector.header.text() == "ドキュメント"
    assert window.inspector.document_form.form.labelForField(
        window.inspector.document_form.lines["name"]).text() != document_label
    transition = window.process.transitions[0]
    window.scene.select_ids([], [transition.id])
    assert window.inspector.transition_form.label.placeholderText() != \
        "e.g. Yes, Budget confirmed"


def test_the_open_dialog_speaks_japanese(make_window, monkeypatch, back_to_english, qtbot):
    """Qt's own file dialog, as File ▸ Open builds it, with the Japanese translators."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", REAL_GET_OPEN_FILE_NAME)
    install_translators("ja")
    window = make_window()
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, inspect)
            return
        seen["labels"] = {label.objectName(): label.text()
                          for label in dialog.findChildren(QLabel) if label.objectName()}
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton) if b.text()]
        seen["filters"] = dialog.nameFilters()
        dialog.reject()

    QTimer.singleShot(0, inspect)
    watchdog = QTimer(window)  # never hang; stopped once the dialog has gone
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: [w.reject() for w in QApplication.topLevelWidgets()
                                      if isinstance(w, QFileDialog)])
    watchdog.start(5000)
    assert window.document.open_dialog() is False
    watchdog.stop()
    labels = seen["labels"]
    assert labels["lookInLabel"] == "場所(&L):"
    assert labels["fileNameLabel"] == "ファイル名(&N):"
    assert labels["fileTypeLabel"] == "ファイルの種類(&T):"
    assert "開く(&O)" in seen["buttons"] and "キャンセル" in seen["buttons"]
    assert seen["filters"] == ["SalesDesigner ドキュメント (*.salesdesign)"]
