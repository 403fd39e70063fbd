"""Keyboard shortcuts on the canvas, in-place rename by double-click, and files that
travel with pasted stages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from salesdesigner.model import Attachment, Material, Position, Process
from salesdesigner.ui.canvas import clipboard
from tests.ui.canvas.conftest import assert_scene_matches


def _key(c, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(c.view.viewport(), key, modifier)


def test_ctrl_a_selects_everything_and_delete_removes_it_in_one_step(canvas):
    c = canvas()
    c.view.setFocus()
    _key(c, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert c.scene.selected_stage_ids() == c.process.stage_ids
    assert len(c.scene.selected_transition_ids()) == 4
    _key(c, Qt.Key.Key_Delete)
    assert not c.process.stages and not c.process.transitions
    assert c.stack.count() == 1
    c.stack.undo()
    assert len(c.process.stages) == 4 and len(c.process.transitions) == 4
    assert_scene_matches(c.scene)


def test_ctrl_c_ctrl_v_and_ctrl_d_and_arrow_nudge(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["won"])
    _key(c, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    _key(c, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(c.process.stages) == 5
    _key(c, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(c.process.stages) == 6
    copy = c.scene.selected_stage_ids()[0]
    before = c.process.stage(copy).position
    _key(c, Qt.Key.Key_Right)
    assert c.process.stage(copy).position == Position(before.x + 20, before.y)
    assert c.stack.count() == 3
    assert_scene_matches(c.scene)


def test_a_burst_of_arrow_key_nudges_is_one_undo_step(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["won", "propose"])
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Right):
        _key(c, key)
    assert c.process.stage("won").position == Position(1040, 320)
    assert c.stack.count() == 1
    c.scene.select_ids(["won"])
    _key(c, Qt.Key.Key_Left)  # another selection: a step of its own
    assert c.stack.count() == 2
    c.stack.undo()
    c.stack.undo()
    assert c.process.stage("won").position == Position(980, 300)
    assert c.process.stage("propose").position == Position(720, 300)
    assert_scene_matches(c.scene)


def test_enter_on_a_selected_stage_renames_it_in_place(canvas):
    c = canvas()
    c.view.setFocus()
    c.scene.select_ids(["won"])
    _key(c, Qt.Key.Key_Return)
    editor = c.editor.text_editor()
    assert editor is not None and editor.toPlainText() == "Won"
    editor.setPlainText("Closed won")
    _key(c, Qt.Key.Key_Return)
    assert c.process.stage("won").name == "Closed won"
    assert c.editor.text_editor() is None


def test_double_click_on_a_stage_opens_the_in_place_editor_and_enter_renames(canvas):
    c = canvas()
    QTest.mouseDClick(c.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, c.vp(460, 100))
    editor = c.editor.text_editor()
    assert editor is not None and editor.toPlainText() == "Prospecting"
    assert len(c.process.stages) == 4  # no stage added
    editor.setPlainText("Discovery\ncall")
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Return)
    assert c.process.stage("prospect").name == "Discovery call"


def test_pasting_into_another_document_brings_the_embedded_files_along(canvas):
    a = canvas()
    a.process.add_attachment(Attachment("att-1", "brochure.pdf", b"%PDF-1.4 data",
                                        "application/pdf"))
    a.process.update_stage("propose", materials=(Material("Brochure", "attachment:att-1"),))
    target = Process(id="other", name="Other")
    b = canvas(target)
    a.scene.select_ids(["propose"])
    a.editor.copy_selection()
    b.editor.paste()
    assert target.attachments["att-1"].data == b"%PDF-1.4 data"
    pasted = target.stages[0]
    assert pasted.materials[0].uri == "attachment:att-1"
    b.stack.undo()
    assert not target.attachments and not target.stages
    # pasting back into the source does not duplicate the file
    a.editor.paste()
    assert list(a.process.attachments) == ["att-1"]
    assert len(a.process.stages) == 5


def test_a_fragment_in_the_wrong_shape_is_refused_politely(canvas):
    c = canvas()
    from PySide6.QtCore import QMimeData
    mime = QMimeData()
    mime.setData(clipboard.MIME_TYPE, b'{"format": "salesdesigner.fragment", "process": 3}')
    QApplication.clipboard().setMimeData(mime)
    c.editor.paste()
    assert c.messages == ["The clipboard does not hold stages SalesDesigner can paste."]
    assert c.stack.count() == 0
