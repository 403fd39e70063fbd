"""Property: any sequence of canvas edits undoes back to the start and redoes to the end,
with the scene's items matching the model at both ends."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoStack

from salesdesigner.model import Direction, Kpi, Position, StageKind
from salesdesigner.ui.canvas.editor import CanvasEditor
from tests.strategies import text
from tests.ui.canvas.conftest import assert_scene_matches, sample_process
from tests.ui.edit_commands import stage_command

OPS = ("add", "delete", "connect", "reconnect", "move", "rename", "kpis", "lane_add",
       "lane_delete", "lane_move", "lane_rename", "lane_resize", "layout", "paste", "duplicate")

operations = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6),
                                st.integers(0, 10**6), st.integers(-600, 1600),
                                st.integers(-200, 1000), text),
                      min_size=200, max_size=200)


def _apply(editor: CanvasEditor, op: str, a: int, b: int, x: int, y: int, words: str) -> None:
    p = editor.process
    stages, transitions, lanes = (p.stage_ids, [t.id for t in p.transitions],
                                  [lane.id for lane in p.lanes])
    if op == "add" or (not stages and op not in ("lane_add", "layout")):
        editor.add_stage_at(QPointF(x, y), list(StageKind)[a % len(StageKind)])
    elif op == "delete":
        editor.scene.select_ids(stages[a % len(stages)::3],
                                transitions[b % max(1, len(transitions))::4])
        editor.delete_selection()
    elif op == "connect":
        editor.connect_stages(stages[a % len(stages)], stages[b % len(stages)], words)
    elif op == "reconnect" and transitions:
        editor.reconnect(transitions[a % len(transitions)], ("source", "target")[b % 2],
                        stages[b % len(stages)])
    elif op == "move":
        chosen = stages[a % len(stages)::max(1, b % 5)]
        editor.move_stages({sid: Position(p.stage(sid).position.x + x % 300 - 150,
                                         p.stage(sid).position.y + y % 300 - 150)
                           for sid in chosen})
    elif op == "rename":
        editor.scene.select_ids([stages[a % len(stages)]])
        editor.rename_selected()
        editor.text_editor().setPlainText(words)
        editor.text_editor().commit()
    elif op == "kpis":
        kpis = tuple(Kpi(words or "KPI", float(x), "%", list(Direction)[b % 2])
                     for _ in range(a % 3))
        editor.undo_stack.push(stage_command(p, stages[a % len(stages)], {"kpis": kpis}))
    elif op == "lane_add":
        editor.add_lane(words)
    elif op == "lane_delete" and lanes:
        editor.delete_lane(lanes[a % len(lanes)])
    elif op == "lane_move" and lanes:
        editor.move_lane(lanes[a % len(lanes)], b % len(lanes))
    elif op == "lane_rename" and lanes:
        editor.rename_lane(lanes[a % len(lanes)], words)
    elif op == "lane_resize" and lanes:
        editor.resize_lane(lanes[a % len(lanes)], 60 + b % 400)
    elif op == "layout":
        editor.auto_layout()
    elif op == "paste":
        editor.scene.select_ids(stages[a % len(stages)::max(2, b % 7)])
        editor.copy_selection()
        editor.paste(QPointF(x, y) if b % 2 else None)
    elif op == "duplicate":
        editor.scene.select_ids(stages[a % len(stages)::max(2, b % 7)])
        editor.duplicate_selection()


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(ops=operations)
def test_any_edit_sequence_undoes_to_the_start_and_redoes_to_the_end(qtbot, ops):
    process = sample_process()
    stack = QUndoStack()
    editor = CanvasEditor(process, stack)
    scene = editor.scene
    try:
        initial = process.snapshot()
        for op in ops:
            _apply(editor, *op)
        final = process.snapshot()
        assert stack.count() > 50  # the sequence really edited the document
        assert_scene_matches(scene)
        while stack.canUndo():
            stack.undo()
        assert process.snapshot() == initial
        assert_scene_matches(scene)
        while stack.canRedo():
            stack.redo()
        assert process.snapshot() == final
        assert_scene_matches(scene)
    finally:
        editor.detach()
