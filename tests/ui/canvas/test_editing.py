"""Scene-level editing: add, connect, delete, clipboard, align, layout, rename, findings."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from salesdesigner.model import Position, Process, Stage, StageKind
from salesdesigner.model.presentation import words_for
from salesdesigner.model.validation import validate
from salesdesigner.ui.canvas import clipboard
from salesdesigner.ui.canvas.scene import ProcessScene
from tests.ui.canvas.conftest import assert_scene_matches, sample_process


def test_scene_draws_every_stage_arrow_and_lane_of_the_process(canvas):
    c = canvas()
    assert_scene_matches(c.scene)
    assert c.scene.transition_item("t4").back  # propose → prospect closes a loop
    assert not c.scene.transition_item("t2").back


def test_add_stage_at_snaps_picks_the_lane_and_undo_removes_it(canvas):
    c = canvas()
    sid = c.editor.add_stage_at(QPointF(1251, 289), StageKind.DECISION, name="Budget?")
    stage = c.process.stage(sid)
    assert (stage.position, stage.lane, stage.kind) == (Position(1260, 280), "fs",
                                                        StageKind.DECISION)
    assert c.scene.stage_item(sid).stage == stage
    c.stack.undo()
    assert not c.process.has_stage(sid) and c.scene.stage_item(sid) is None


def test_adding_on_top_of_a_stage_takes_the_nearest_free_spot_in_the_document_language(canvas):
    c = canvas()
    c.editor.set_language("ja")  # the menus speak Japanese; the document is English
    first = c.process.stage(c.editor.add_stage_at(QPointF(720, 300)))
    second = c.process.stage(c.editor.add_stage_at(QPointF(720, 300)))
    items = [c.scene.stage_item(s).sceneBoundingRect() for s in c.process.stage_ids]
    assert not any(a.intersects(b) for i, a in enumerate(items) for b in items[i + 1:])
    assert first.name == second.name == "New stage"
    assert first.position != second.position


def test_connect_adds_an_arrow_and_rejects_self_loops_and_duplicates(canvas):
    c = canvas()
    tid = c.editor.connect_stages("start", "won")
    assert tid and c.process.transition(tid).target == "won"
    assert c.scene.transition_item(tid).source is c.scene.stage_item("start")
    assert c.editor.connect_stages("won", "won") is None
    assert c.editor.connect_stages("start", "won") is None
    assert c.messages == ["An arrow cannot lead from a stage back to itself.",
                          "These stages are already connected by an arrow."]
    assert c.stack.count() == 1


def test_a_refused_arrow_is_explained_in_the_menus_language_from_the_catalogue(canvas):
    """The model's refusals are worded in the presentation catalogue, not in a table of
    the canvas: with Japanese menus the status bar says them in Japanese."""
    c = canvas()
    c.editor.set_language("ja")
    tid = c.editor.connect_stages("start", "won")
    assert c.editor.connect_stages("won", "won") is None
    assert not c.editor.reconnect(tid, "target", "start")
    assert c.editor.connect_stages("start", "won") is None
    ja = words_for("ja", "refuse")
    assert c.messages == [ja("self-loop"), ja("self-loop"), ja("duplicate-arrow")]
    assert c.messages[0] == "矢印を同じステージに戻すことはできません。"


def test_deleting_a_stage_removes_its_arrows_and_undo_restores_them_in_order(canvas):
    c = canvas()
    before = c.process.snapshot()
    c.scene.select_ids(["propose"])
    QTest.keyClick(c.view, Qt.Key.Key_Delete)
    assert not c.process.has_stage("propose")
    assert {t.id for t in c.process.transitions} == {"t1"}
    assert c.scene.transition_item("t2") is None
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.snapshot() == before
    assert_scene_matches(c.scene)


def test_delete_of_a_selected_arrow_only(canvas):
    c = canvas()
    c.scene.select_ids(transition_ids=["t3"])
    c.editor.delete_selection()
    assert not c.process.has_transition("t3") and len(c.process.stages) == 4
    assert_scene_matches(c.scene)


def test_copy_paste_between_two_scenes_remaps_ids_and_brings_the_lane(canvas, qtbot):
    a = canvas()
    target = Process(id="other", name="Other")
    b = canvas(target)
    a.scene.select_ids(["prospect", "propose"])
    a.editor.copy_selection()
    assert QApplication.clipboard().mimeData().hasFormat(clipboard.MIME_TYPE)
    b.editor.paste(QPointF(400, 400))
    assert len(target.stages) == 2 and len(target.transitions) == 2  # t2 and t4, not t1/t3
    assert not set(target.stage_ids) & set(a.process.stage_ids)
    names = sorted(s.name for s in target.stages)
    assert names == ["Proposal <b>&amp;</b>", "Prospecting"]
    assert {lane.id for lane in target.lanes} == {"is", "fs"}
    assert sorted(b.scene.selected_stage_ids()) == sorted(target.stage_ids)
    assert_scene_matches(b.scene)
    b.stack.undo()
    assert not target.stages and not target.lanes
    assert_scene_matches(b.scene)


def test_paste_twice_offsets_each_copy_and_cut_removes_the_originals(canvas):
    c = canvas()
    c.scene.select_ids(["won"])
    c.editor.cut_selection()
    assert not c.process.has_stage("won")
    c.editor.paste()
    c.editor.paste()
    pasted = [s for s in c.process.stages if s.name.startswith("Won")]
    # beside where it was, by its width and a gap; the second copy numbered
    assert [(s.name, s.position) for s in pasted] == [("Won", Position(1160, 300)),
                                                      ("Won (2)", Position(1340, 300))]
    assert_scene_matches(c.scene)


def test_paste_with_foreign_clipboard_content_says_so(canvas):
    c = canvas()
    QApplication.clipboard().setText("hello")
    c.editor.paste()
    assert c.messages == ["The clipboard does not hold stages SalesDesigner can paste."]


def test_duplicate_copies_the_selection_beside_it_as_one_step(canvas):
    c = canvas()
    c.scene.select_ids(["propose", "won"])
    c.editor.duplicate_selection()
    assert len(c.process.stages) == 6 and len(c.process.transitions) == 5
    copies = c.scene.selected_stage_ids()
    assert len(copies) == 2 and not {"propose", "won"} & set(copies)
    # right of the pair by its width (620…1050) and a gap, in the same lanes
    assert c.process.stage(copies[0]).position == Position(1200, 300)
    assert c.process.stage(copies[1]).name == "Won (2)"
    c.stack.undo()
    assert len(c.process.stages) == 4
    assert_scene_matches(c.scene)


def test_align_and_distribute_move_the_selection_as_one_step(canvas):
    c = canvas()
    c.scene.select_ids(["start", "prospect", "propose"])
    c.editor.align_selection("top")
    tops = {sid: c.process.stage(sid).position.y - c.scene.stage_item(sid).body_rect().height() / 2
            for sid in ("start", "prospect", "propose")}
    assert len(set(tops.values())) == 1
    c.editor.distribute_selection("horizontal")  # already evenly spaced: no step
    assert c.stack.count() == 1
    c.scene.select_ids(["start", "won"])
    c.editor.distribute_selection("vertical")
    assert c.messages == ["Select at least three stages to distribute."]
    assert_scene_matches(c.scene)


def test_auto_layout_is_one_step_and_undo_restores_positions(canvas):
    c = canvas()
    before = c.process.snapshot()
    c.editor.auto_layout()
    assert c.process.snapshot() != before
    assert_scene_matches(c.scene)
    c.stack.undo()
    assert c.process.snapshot() == before
    assert_scene_matches(c.scene)


def test_rename_in_place_commits_on_enter_and_cancels_on_escape(canvas):
    c = canvas()
    c.scene.select_ids(["prospect"])
    c.view.setFocus()
    c.editor.rename_selected()
    editor = c.editor.text_editor()
    assert editor is not None and editor.toPlainText() == "Prospecting"
    editor.setPlainText("アポ獲得 <i>")
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Return)
    assert c.process.stage("prospect").name == "アポ獲得 <i>"
    assert c.editor.text_editor() is None
    c.editor.rename_selected()
    c.editor.text_editor().setPlainText("ignored")
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Escape)
    assert c.process.stage("prospect").name == "アポ獲得 <i>"
    assert c.stack.count() == 1
    assert c.stack.undoText() == "Rename Stage"  # what Edit ▸ Undo and History say


def test_double_click_on_an_arrow_edits_its_label(canvas):
    c = canvas()
    c.scene.select_ids(transition_ids=["t1"])
    c.editor.rename_selected()
    c.editor.text_editor().setPlainText("booked")
    c.editor.text_editor().commit()
    assert c.process.transition("t1").label == "booked"
    assert c.stack.undoText() == "Relabel Arrow"


def test_findings_mark_stages_and_model_changes_from_elsewhere_show_up(canvas):
    c = canvas()
    c.scene.set_findings(validate(c.process))
    assert c.scene.stage_item("start").severity is None
    c.process.add_stage(Stage("orphan", "Orphan", position=Position(300, 500)))  # unreachable
    c.process.update_stage("won", kind=StageKind.LOST)
    c.scene.set_findings(validate(c.process))
    assert c.scene.stage_item("won").stage.kind is StageKind.LOST
    assert c.scene.stage_item("orphan").severity == "error"
    assert c.scene.stage_item("start").severity is None
    assert_scene_matches(c.scene)


def test_process_reset_rebuilds_and_detach_stops_following(qtbot):
    p = sample_process()
    scene = ProcessScene(p)
    other = Process(id="x", name="x")
    p.reset(other)
    assert_scene_matches(scene)
    p.reset(sample_process())
    assert_scene_matches(scene)
    scene.detach()
    p.remove_stage("won")
    assert scene.stage_item("won") is not None


def test_a_deleted_scene_stops_listening_to_the_model(qtbot):
    import shiboken6

    from salesdesigner.model.entities import Stage as _Stage
    p = sample_process()
    scene = ProcessScene(p)
    assert len(p.events._listeners) == 1
    shiboken6.delete(scene)
    assert p.events._listeners == []
    p.add_stage(_Stage("late", "Late", position=Position(0, 0)))  # must not reach the dead scene
    assert p.has_stage("late")


def test_tooltips_show_user_markup_literally(canvas):
    c = canvas()
    tip = c.scene.stage_item("propose").toolTip()
    assert "Proposal &lt;b&gt;&amp;amp;&lt;/b&gt;" in tip and "<b>" not in tip
    assert "Appointment rate ≥ 10%" in c.scene.stage_item("prospect").toolTip()


def test_canvas_context_menu_adds_any_kind_of_stage_and_edits_the_selection(canvas):
    c = canvas()
    menu = c.editor.context_menu(QPointF(600, 500))
    add = next(a.menu() for a in menu.actions() if a.menu())
    kinds = {a.text(): a for a in add.actions()}
    assert set(kinds) == {"Stage", "Start", "Decision", "Won", "Lost", "End"}
    kinds["Decision"].trigger()
    added = [s for s in c.process.stages if s.kind is StageKind.DECISION]
    assert len(added) == 1 and added[0].position == Position(600, 500) and added[0].lane is None
    c.scene.select_ids(["won"])
    menu = c.editor.context_menu(QPointF(980, 300))
    actions = {a.text(): a for a in menu.actions() if a.text()}
    actions["Delete"].trigger()
    assert not c.process.has_stage("won")
    assert_scene_matches(c.scene)


def test_japanese_ui_language_names_new_stages_undo_steps_and_messages_in_japanese(canvas):
    c = canvas()
    c.process.update_process(language="ja")  # names follow the document
    c.editor.set_language("ja")  # messages in the menus' language
    sid = c.editor.add_stage_at(QPointF(600, 500))
    assert c.process.stage(sid).name == "新しいステージ"
    from salesdesigner.ui.i18n import install_translators
    try:
        install_translators("ja")  # undo steps are named in the UI's language when shown
        assert c.stack.undoText() == "Add Stage"  # named when it was pushed
        c.scene.select_ids(["won"])
        c.editor.delete_selection()
        assert c.stack.undoText() == "削除"
    finally:
        install_translators("en")
    c.editor.connect_stages("won", "won")
    assert c.messages == ["矢印を同じステージに戻すことはできません。"]
    lane = c.editor.add_lane()
    assert c.process.lane(lane).name == "レーン 3"


def test_escape_during_a_connect_drag_cancels_it(canvas):
    c = canvas()
    item = c.scene.stage_item("start")
    handle = item.mapToScene(item.handle_center())
    c.move(200, 100)
    c.move(handle.x(), handle.y())
    c.press(handle.x(), handle.y())
    c.move(600, 300)
    assert c.editor.gesture is not None
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Escape)
    assert c.editor.gesture is None
    c.release(720, 300)
    assert c.stack.count() == 0 and len(c.process.transitions) == 4


def test_a_legitimate_loop_is_not_flagged_on_its_stages(canvas):
    c = canvas()
    findings = validate(c.process)
    looped = {sid for f in findings if f.code == "cycle" for sid in f.stage_ids}
    assert looped  # the sample has a nurture loop (propose → prospect)
    c.scene.set_findings(findings)
    assert all(c.scene.stage_item(sid).severity != "warning" for sid in looped)
