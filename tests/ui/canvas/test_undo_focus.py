"""Undo and Redo select what they touched, and bring it into view."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from salesdesigner.model import Position
from tests.ui.edit_commands import stage_command


def test_delete_then_undo_selects_the_restored_stages_and_redo_deletes_them_again(canvas):
    c = canvas()
    c.scene.select_ids(["prospect", "propose"])
    c.editor.delete_selection()
    assert c.scene.selected_stage_ids() == []
    c.stack.undo()
    assert c.scene.selected_stage_ids() == ["prospect", "propose"]
    assert c.scene.selected_transition_ids() == []
    c.stack.redo()
    assert "prospect" not in c.process.stage_ids
    assert c.scene.selectedItems() == []


def test_undoing_a_move_selects_the_moved_stages_and_scrolls_them_into_view(canvas):
    c = canvas()
    c.scene.select_ids(["won"])
    c.editor.move_stages({"prospect": Position(5000, 100)})
    c.scene.select_ids(["won"])
    c.view.centerOn(5000, 100)
    c.stack.undo()
    assert c.scene.selected_stage_ids() == ["prospect"]
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert visible.intersects(c.scene.stage_item("prospect").sceneBoundingRect())
    c.stack.redo()
    assert c.process.stage("prospect").position == Position(5000, 100)
    assert c.scene.selected_stage_ids() == ["prospect"]


def test_undoing_an_inspector_edit_of_another_stage_selects_that_stage(canvas):
    c = canvas()
    c.stack.push(stage_command(c.process, "won", {"name": "Closed"}))
    c.scene.select_ids(["start"])
    c.stack.undo()
    assert c.process.stage("won").name == "Won"
    assert c.scene.selected_stage_ids() == ["won"]


def test_a_new_edit_after_undo_is_not_taken_for_a_redo(canvas):
    c = canvas()
    c.editor.add_stage_at(QPointF(1300, 100))
    c.stack.undo()
    c.scene.select_ids(["start"])
    # pushing replaces the undone step: the stack's count is unchanged and its index grows
    c.stack.push(stage_command(c.process, "won", {"name": "Closed"}))
    assert c.scene.selected_stage_ids() == ["start"]


def test_undo_of_an_arrow_deletion_selects_the_arrow(canvas):
    c = canvas()
    c.scene.select_ids(transition_ids=["t3"])
    c.editor.delete_selection()
    c.scene.select_ids(["start"])
    c.stack.undo()
    assert c.scene.selected_transition_ids() == ["t3"]
    assert c.scene.selected_stage_ids() == []


def test_history_jumps_select_everything_the_skipped_steps_touched(canvas):
    c = canvas()
    c.editor.add_stage_at(QPointF(1300, 100))
    c.editor.add_stage_at(QPointF(1600, 100))
    added = c.process.stage_ids[4:]
    c.stack.setIndex(0)
    assert c.scene.selectedItems() == []
    c.stack.setIndex(2)
    assert c.scene.selected_stage_ids() == added


def test_undo_of_a_lane_rename_keeps_the_selection(canvas):
    c = canvas()
    c.editor.rename_lane("is", "Inside Sales Team")
    c.scene.select_ids(["won"])
    c.stack.undo()
    assert c.process.lane("is").name == "Inside Sales"
    assert c.scene.selected_stage_ids() == ["won"]


def test_a_stack_destroyed_before_its_scene_is_not_read_while_it_dies(qtbot):
    """pytest-qt fails the test if a slot raises (reading a half-destroyed stack did)."""
    import shiboken6
    from PySide6.QtGui import QUndoStack

    from salesdesigner.ui.canvas.editor import CanvasEditor
    from tests.ui.canvas.conftest import sample_process

    stack = QUndoStack()
    editor = CanvasEditor(sample_process(), stack)
    editor.scene.select_ids(["won"])
    editor.delete_selection()
    shiboken6.delete(stack)  # its destructor announces the index once more
    editor.scene.select_ids(["start"])
    assert editor.scene.selected_stage_ids() == ["start"]
