"""Find shows why a stage matched: the inspector opens the tab of the matching field and
selects the KPI, record or phrase, while the find field keeps the keyboard focus.

The window connects ``FindBar.matchShown`` to ``Inspector.reveal``; ``connected`` below
makes that connection itself (once) so these tests hold whether or not the window does.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from salesdesigner.model import Script
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.inspector.reveal import KPIS, OVERVIEW, SCRIPTS, TIPS, find_span
from tests.ui.edit_commands import stage_command

PHRASE = "ご決裁のスケジュール感"


@pytest.fixture
def japanese_window(make_window, qtbot):
    window = make_window(load_template("eight-step", "ja"))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_find()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.find_bar.edit)
    return window


def connected(window):
    """The window's find bar wired to its inspector, as main_window does it."""
    bar, inspector = window.find_bar, window.inspector
    if bar.receivers("2matchShown(QString,QString,QString)") == 0:
        bar.matchShown.connect(inspector.reveal)
    return bar, inspector


def type_japanese(widget, text: str) -> None:
    """What a Japanese input method sends when the user commits ``text``."""
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))  # composing: no search yet
    done = QInputMethodEvent("", [])
    done.setCommitString(text)
    QApplication.sendEvent(widget, done)


def selected_text(editor) -> str:
    return editor.selectedText() if hasattr(editor, "selectedText") else \
        editor.textCursor().selectedText()


def test_finding_a_kpi_name_opens_the_kpi_tab_with_that_kpi_selected(japanese_window, qtbot):
    bar, inspector = connected(japanese_window)
    type_japanese(bar.edit, "値引率")
    assert bar.matches == ["closing"] and bar.where["closing"] == "kpi"
    assert japanese_window.scene.selected_stage_ids() == ["closing"]
    assert inspector.tabs.currentIndex() == KPIS
    kpi = inspector.kpis.current_kpi()
    assert kpi is not None and "値引率" in kpi.name
    assert inspector.kpis.table.currentRow() == [k.name for k in
                                                 japanese_window.process.stage("closing").kpis
                                                 ].index(kpi.name)


def test_stepping_with_enter_keeps_the_focus_in_the_find_field(japanese_window, qtbot):
    bar, inspector = connected(japanese_window)
    type_japanese(bar.edit, "率")  # KPI names in several stages
    assert len(bar.matches) > 1
    seen = set()
    for _ in range(len(bar.matches)):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        seen.add(japanese_window.scene.selected_stage_ids()[0])
        assert QApplication.focusWidget() is bar.edit
        assert inspector.ctx.stage_id == japanese_window.scene.selected_stage_ids()[0]
    assert seen == set(bar.matches)


def test_a_phrase_deep_in_a_long_talk_script_is_selected_in_the_script_editor(
        japanese_window, qtbot):
    window = japanese_window
    stage = window.process.stage("proposal")
    body = ("前置きの説明です。" * 400 + f"最後に、{PHRASE}を伺ってもよろしいでしょうか。"
            + "締めの言葉。" * 100)
    window.undo_stack.push(stage_command(window.process, "proposal", {
        "scripts": stage.scripts + (Script("長いスクリプト", "決裁確認", body),)}))
    window.resize(1200, 800)
    bar, inspector = connected(window)
    type_japanese(bar.edit, PHRASE)
    assert window.scene.selected_stage_ids() == ["proposal"]
    assert inspector.tabs.currentIndex() == SCRIPTS
    scripts = inspector.scripts
    assert scripts.current_record().title == "長いスクリプト"
    editor = scripts.editors["body"]
    assert selected_text(editor) == PHRASE
    QApplication.processEvents()
    QApplication.processEvents()
    cursor_rect = editor.cursorRect()
    assert editor.viewport().rect().contains(cursor_rect)  # scrolled to the phrase
    assert editor.verticalScrollBar().value() > 0
    assert QApplication.focusWidget() is bar.edit


def test_reveal_selects_matches_in_overview_fields_and_tips(make_window, sample):
    window = make_window(sample)
    inspector = window.inspector
    stage = window.process.stage("hearing")
    window.undo_stack.push(stage_command(window.process, "hearing", {
        "goal": "Agree the next step with the ＢＵＤＧＥＴ owner",
        "tips": ("first tip", "Listen 80 % of the time 🙂 then summarise")}))
    window.scene.select_ids(["proposal"])  # reveal moves to the stage it is told
    inspector.tabs.setCurrentIndex(KPIS)
    assert inspector.reveal("hearing", "goal", "budget")  # width- and case-insensitive
    assert inspector.ctx.stage_id == "hearing" and inspector.tabs.currentIndex() == OVERVIEW
    assert selected_text(inspector.overview.goal) == "ＢＵＤＧＥＴ"
    assert inspector.reveal("hearing", "tip", "SUMMARISE")
    assert inspector.tabs.currentIndex() == TIPS
    assert inspector.tips.list.currentRow() == 1
    assert selected_text(inspector.tips.editors[None]) == "summarise"
    assert inspector.reveal("hearing", "name", stage.name[:5])
    assert inspector.tabs.currentIndex() == OVERVIEW
    assert inspector.overview.name.selectedText() == stage.name[:5]
    second = window.process.stage("hearing").exit_criteria[1]
    assert inspector.reveal("hearing", "exit_criteria", second[-12:].upper())
    assert inspector.tabs.currentIndex() == OVERVIEW
    assert inspector.overview.exit_criteria.list.currentRow() == 1
    assert selected_text(inspector.overview.exit_criteria.editors[None]) == second[-12:]
    assert not inspector.reveal("hearing", "kpi", "no such text anywhere")
    assert not inspector.reveal("missing-stage", "kpi", "x")


def test_reveal_selects_a_kpi_found_by_its_definition(make_window, sample):
    window = make_window(sample)
    stage = window.process.stage("hearing")
    kpis = list(stage.kpis)
    kpis[-1] = dataclasses.replace(kpis[-1], definition="Counted from the CRM weekly report")
    window.undo_stack.push(stage_command(window.process, "hearing", {"kpis": tuple(kpis)}))
    inspector = window.inspector
    assert inspector.reveal("hearing", "kpi", "crm weekly")
    assert inspector.kpis.table.currentRow() == len(kpis) - 1
    assert selected_text(inspector.kpis.definition) == "CRM weekly"


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("アポ獲得率", "ｱﾎﾟ", "アポ"),  # half-width kana with its voicing mark
    ("Win RATE 😀 here", "rate 😀", "RATE 😀"),
    ("ﬁnal offer", "FI", "ﬁ"),  # a ligature that normalizes to two letters
    ("nothing", "else", None),
])
def test_find_span_maps_a_normalized_match_back_to_the_original_text(text, query, expected):
    span = find_span(text, query)
    assert (text[span[0]:span[1]] if span else None) == expected
