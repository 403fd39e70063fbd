"""Moving around the playbook: the flow's branches, history, the keyboard and the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from salesdesigner.model.ordering import process_order


def shown_name(window) -> str:
    return window.page.widget().findChild(QLabel, "stageName").text().replace("\u200b", "")


def test_navigator_lists_every_stage_in_process_order(window, process):
    assert window.navigator.stage_ids() == process_order(process)
    assert window.current_stage_id == "start"
    assert window.navigator.current_stage_id() == "start"


def test_branch_buttons_follow_branch_order_with_label_and_condition(window):
    window.go_to("fit")
    faces = [b.face_text() for b in window.route.branch_buttons]
    assert [b.target for b in window.route.branch_buttons] == ["visit", "lost", "call"]
    assert "Yes" in faces[0] and "Budget and need confirmed" in faces[0]
    assert "No budget this year" in faces[1]
    assert "↺" in faces[2]  # the nurture loop is marked as going back


def test_clicking_an_outgoing_branch_goes_to_its_stage(qtbot, window):
    window.go_to("fit")
    lost = window.route.branch_buttons[1]
    qtbot.mouseClick(lost, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == "lost"
    assert shown_name(window) == "Lost"
    assert window.navigator.current_stage_id() == "lost"


def test_incoming_buttons_go_back_to_where_a_deal_came_from(qtbot, window):
    window.go_to("call")
    assert sorted(b.target for b in window.route.from_buttons) == ["fit", "start"]
    qtbot.mouseClick(window.route.from_buttons[0], Qt.MouseButton.LeftButton)
    assert window.current_stage_id in ("start", "fit")


def test_back_and_forward_buttons_walk_the_history(qtbot, window):
    window.go_to("call")
    window.go_to("fit")
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == "call"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == "start"
    assert not window.back_button.isEnabled()
    qtbot.mouseClick(window.forward_button, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == "call"
    window.go_to("won")  # a new visit drops the forward part
    assert not window.forward_button.isEnabled()


def test_alt_left_and_alt_right_move_through_history(qtbot, window):
    window.go_to("call")
    window.go_to("visit")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_stage_id == "call"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_stage_id == "visit"


def test_mouse_back_and_forward_buttons_move_through_history(qtbot, window):
    window.go_to("call")
    viewport = window.page.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.BackButton, pos=QPoint(20, 20))
    assert window.current_stage_id == "start"
    qtbot.mouseClick(viewport, Qt.MouseButton.ForwardButton, pos=QPoint(20, 20))
    assert window.current_stage_id == "call"


def test_arrow_keys_and_j_k_move_in_the_navigator(qtbot, window, process):
    order = process_order(process)
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
    assert window.current_stage_id == order[1]
    qtbot.keyClick(window.navigator, Qt.Key.Key_J)
    assert window.current_stage_id == order[2]
    qtbot.keyClick(window.navigator, Qt.Key.Key_K)
    assert window.current_stage_id == order[1]
    qtbot.keyClick(window.navigator, Qt.Key.Key_Up)
    assert window.current_stage_id == order[0]


def test_ctrl_brackets_step_through_process_order(qtbot, window, process):
    order = process_order(process)
    qtbot.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.current_stage_id == order[2]
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.current_stage_id == order[1]
    window.go_to(order[-1])
    qtbot.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.current_stage_id == order[-1]  # nothing after the last stage


def test_previous_and_next_buttons_match_process_order(qtbot, window, process):
    order = process_order(process)
    qtbot.mouseClick(window.route.next_button, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == order[1]
    qtbot.mouseClick(window.route.previous_button, Qt.MouseButton.LeftButton)
    assert window.current_stage_id == order[0]
    assert not window.route.previous_button.isEnabled()


def test_alt_number_takes_that_branch(qtbot, window):
    window.go_to("fit")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_stage_id == "lost"


def test_terminal_stage_says_the_path_ends_here(window):
    window.go_to("won")
    assert window.route.branch_buttons == []
    texts = [label.text() for label in window.route.widget().findChildren(QLabel)]
    assert "Outcome: the deal's path ends here." in texts  # the HTML playbook's words


def test_long_process_names_are_elided_in_the_title_bar(qtbot, window, process):
    process.update_process(name="A very long process name " * 20)
    qtbot.waitUntil(lambda: window.title_label.full_text().startswith("A very long"),
                    timeout=2000)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.title_label.text().endswith("…"), timeout=2000)
    assert window.width() <= 800


def test_with_the_route_panel_closed_the_page_ends_with_next_steps(qtbot, window):
    window.go_to("fit")
    assert window.page.next_buttons == []  # the route panel shows them
    window.splitter.setSizes([250, 1000, 0])
    window.splitter.splitterMoved.emit(1250, 2)  # what dragging the handle emits
    faces = [b.face_text() for b in window.page.next_buttons]
    assert len(faces) == 3 and "Budget and need confirmed" in faces[0]
    assert "Next steps" in window.page.texts()
    qtbot.mouseClick(window.page.next_buttons[2], Qt.MouseButton.LeftButton)
    assert window.current_stage_id == "call"
    window.splitter.setSizes([250, 700, 300])
    window.splitter.splitterMoved.emit(950, 2)
    assert window.page.next_buttons == []  # back in the route panel, not twice on screen
