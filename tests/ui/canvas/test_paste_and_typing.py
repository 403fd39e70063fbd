"""Issue 9's canvas gestures, driven by real mouse and key events: a pasted copy lands
beside its original with a numbered name in the document's language; double-click on
empty canvas adds a stage with its name editor open; typing on a selected stage starts
renaming it with that character (as draw.io does)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from salesdesigner.model.geometry import stage_rect
from tests.ui.canvas.conftest import assert_scene_matches

CTRL = Qt.KeyboardModifier.ControlModifier


def _key(c, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(c.view.viewport(), key, modifier)


def _overlap(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_ctrl_v_puts_the_copy_beside_the_original_with_a_numbered_name(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["propose"])
    _key(c, Qt.Key.Key_C, CTRL)
    _key(c, Qt.Key.Key_V, CTRL)
    _key(c, Qt.Key.Key_V, CTRL)
    copies = [s for s in c.process.stages if s.id != "propose" and s.name.startswith("Proposal")]
    assert [s.name for s in copies] == ["Proposal <b>&amp;</b> (2)", "Proposal <b>&amp;</b> (3)"]
    original = stage_rect(c.process.stage("propose"))
    assert not any(_overlap(original, stage_rect(s)) for s in copies)
    assert all(s.lane == "fs" and s.position.y == 300 for s in copies)  # same row and lane
    assert c.scene.selected_stage_ids() == [copies[-1].id]
    assert_scene_matches(c.scene)


def test_a_japanese_document_numbers_a_pasted_name_with_full_width_brackets(canvas):
    c = canvas()
    c.process.update_process(language="ja")
    c.process.update_stage("won", name="受注")
    c.view.setFocus()
    c.scene.select_ids(["won"])
    _key(c, Qt.Key.Key_D, CTRL)  # duplicate: the same rule
    _key(c, Qt.Key.Key_D, CTRL)  # the copy of 「受注（2）」 is 「受注（3）」
    names = sorted(s.name for s in c.process.stages if s.name.startswith("受注"))
    assert names == ["受注", "受注（2）", "受注（3）"]


def test_double_click_on_empty_canvas_adds_a_stage_and_always_opens_its_name_editor(canvas):
    c = canvas()
    for n, (x, y) in enumerate([(600, 560), (620, 180), (1200, 60)], start=1):
        QTest.mouseDClick(c.view.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, c.vp(x, y))
        editor = c.editor.text_editor()
        assert editor is not None, f"double-click {n} left the name editor closed"
        assert len(c.process.stages) == 4 + n
        QTest.keyClicks(c.view.viewport(), f"Step {n}")
        _key(c, Qt.Key.Key_Return)
        assert c.editor.text_editor() is None
        assert f"Step {n}" in [s.name for s in c.process.stages]
    assert c.stack.count() == 6  # add, then rename, per double-click
    assert_scene_matches(c.scene)


def test_typing_on_a_selected_stage_starts_renaming_it_with_that_character(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["won"])
    QTest.keyClicks(c.view.viewport(), "Closed")
    editor = c.editor.text_editor()
    assert editor is not None and editor.toPlainText() == "Closed"
    _key(c, Qt.Key.Key_Return)
    assert c.process.stage("won").name == "Closed"
    assert c.stack.count() == 1


def test_typing_renames_only_one_selected_stage_and_escape_keeps_the_old_name(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["won", "propose"])
    QTest.keyClicks(c.view.viewport(), "x")
    assert c.editor.text_editor() is None  # two stages: no rename
    c.scene.select_ids(["won"])
    _key(c, Qt.Key.Key_Z)
    assert c.editor.text_editor().toPlainText() == "z"
    _key(c, Qt.Key.Key_Escape)
    assert c.process.stage("won").name == "Won" and c.stack.count() == 0
    _key(c, Qt.Key.Key_Space)  # the pan key, not a name
    assert c.editor.text_editor() is None
