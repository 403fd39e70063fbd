"""The Top performers dock in a real window, on the hand-made team history of
tests/model/discovery/owner_samples.py (田中 16 of 20 from proposal to negotiation against
the rest's 23 of 50): the table, the highlighted cell, the sentence, "make it a tip for
everyone" with undo, and exports that anonymise owners unless the manager declines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.performance.owners import HIGHER
from tests.model.discovery.owner_samples import sales_process, team_history

SENTENCE_EN = ("田中 moves 80% of deals from Proposal to Negotiation (team average 46%, a "
               "difference chance hardly explains)")


@pytest.fixture
def team_window(make_window):
    process = sales_process("en")
    process.set_actuals(actuals_of(team_history()))
    window = make_window(process)
    window.show()
    yield window
    if window.performance_views.owners is not None:
        window.performance_views.owners.wait()


def _open(window):
    window.actions_.top_performers.setChecked(True)
    view = window.performance_views.owners
    view.wait()
    return view


def test_without_owners_data_the_toggle_is_disabled(window):
    action = window.actions_.top_performers
    assert not action.isEnabled() and "no deal history" in action.toolTip()
    assert action in window.actions_.menus["view"].actions()


def test_the_table_highlights_the_owner_ahead_and_says_it_in_a_sentence(team_window):
    view = _open(team_window)
    assert team_window.docks["top_performers"].isVisible()
    table = view.table
    owners = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert owners == ["佐藤: 25 deals", "鈴木: 25 deals", "田中: 20 deals", "Team"]
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == \
        ["Lead", "Proposal", "Negotiation"]  # open stages only
    cell = table.item(2, 1)  # 田中 × Proposal
    assert cell.text() == "20 deals\n→ Negotiati… 80%\n6 days"
    assert cell.background().color() == HIGHER and cell.font().bold()
    assert "p = 0.016" in cell.toolTip() and "(team 46%)" in cell.toolTip()
    assert not table.item(0, 1).font().bold()  # 佐藤: 11 of 25, chance
    assert table.item(3, 1).text() == "70 deals\n→ Negotiati… 55.7%"  # everyone: 39 of 70
    assert [view.findings.item(i).text() for i in range(view.findings.count())] == \
        [SENTENCE_EN]
    # only the designer shows names; the document is untouched by looking
    assert team_window.undo_stack.count() == 0


def test_make_it_a_tip_adds_the_draft_to_the_stage_and_undo_takes_it_back(team_window,
                                                                          monkeypatch):
    view = _open(team_window)
    assert not view.share.isEnabled()  # nothing selected yet
    view.findings.setCurrentRow(0)
    assert view.share.isEnabled()
    offered = []
    monkeypatch.setattr(view, "edit_draft",
                        lambda kind, title, text: offered.append((kind, title, text))
                        or (title, text))
    before = team_window.process.stage("prop")
    view.share_actions["tip"].trigger()
    (kind, title, text), = offered
    assert kind == "tip" and "田中" not in text and "80%" in text and "46%" in text
    assert team_window.process.stage("prop").tips == (text,)
    assert team_window.undo_stack.undoText() == "Make It a Tip"
    team_window.undo_stack.undo()
    assert team_window.process.stage("prop") == before
    team_window.undo_stack.redo()
    view.share_actions["script"].trigger()
    assert team_window.process.stage("prop").scripts[-1].body == offered[-1][2]
    assert team_window.undo_stack.count() == 2


def test_a_cancelled_draft_changes_nothing(team_window, monkeypatch):
    view = _open(team_window)
    view.findings.setCurrentRow(0)
    monkeypatch.setattr(view, "edit_draft", lambda *a: None)
    view.share_actions["note"].trigger()
    assert team_window.undo_stack.count() == 0


def test_exporting_asks_and_anonymises_unless_declined(team_window, dialogs, tmp_path):
    view = _open(team_window)
    out = tmp_path / "owners.txt"
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    dialogs.answer("save-file", str(out))
    assert view.export()
    text = out.read_text(encoding="utf-8")
    assert not any(name in text for name in ("田中", "鈴木", "佐藤"))
    assert "Rep C moves 80% of deals from Proposal to Negotiation" in text
    named = tmp_path / "owners.json"
    dialogs.answer("question", QMessageBox.StandardButton.No)
    dialogs.answer("save-file", str(named))
    assert view.export()
    data = json.loads(named.read_text(encoding="utf-8"))
    assert data["findings"][0]["owner"] == "田中" and data["anonymised"] is False
    dialogs.answer("question", QMessageBox.StandardButton.Cancel,
                   QMessageBox.StandardButton.Cancel)
    assert not view.export() and not view.print_comparison()
    assert "Rep A" in dialogs.of("question")[0][2]


def test_the_view_follows_the_language_switch_and_new_actuals(team_window):
    view = _open(team_window)
    try:
        install_translators("ja")
        assert team_window.docks["top_performers"].windowTitle() == "担当者別の成績"
        assert view.share.text() == "全員のコツにする"
        assert view.findings.item(0).text() == \
            "田中さんはProposal→Negotiationの移行率が80%（チーム平均46%、偶然では説明しにくい差）"
    finally:
        install_translators("en")
    assert view.findings.item(0).text() == SENTENCE_EN
    team_window.process.set_actuals(actuals_of(team_history()[:40]))  # 田中 only: no team
    view.wait()
    assert view.findings.item(0).text() == \
        "No owner differs from the team by more than chance explains."


def test_every_text_of_the_view_has_a_japanese_translation():
    from xml.etree import ElementTree

    root = Path(__file__).resolve().parents[3]
    tree = ElementTree.parse(root / "resources/i18n/salesdesigner_ja.ts")
    known = {(c.findtext("name"), m.findtext("source")) for c in tree.getroot()
             for m in c.iter("message") if (m.findtext("translation") or "").strip()}
    source = (root / "salesdesigner/ui/performance/owners.py").read_text(encoding="utf-8")
    found = [a + b for a, b in re.findall(
        r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"(?:\s*"((?:[^"\\]|\\.)*)")?', source)]
    assert len(found) >= 10
    assert [t for t in found if ("OwnersView", t) not in known] == []
    for context, text in (("EditNames", "Make It a Tip"), ("Actions", "&Top Performers"),
                          ("PerformanceViews", "Top Performers")):
        assert (context, text) in known
