"""The inspector's Arrow page: label, condition, style and route of the selected arrow,
each change one undo step through the edit layer and the canvas editor, the canvas
redrawing the arrow at once."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from salesdesigner.edits import arrows
from salesdesigner.model.entities import Anchor, ArrowStyle, Position
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.settings import Settings


def _arrow_page(window, qtbot, transition_id: str):
    window.show()
    qtbot.waitExposed(window)
    window.scene.select_ids(transition_ids=[transition_id])  # as a click on the arrow does
    form = window.inspector.transition_form
    qtbot.waitUntil(lambda: window.inspector.ctx.transition_id == transition_id)
    assert window.inspector.pages.currentWidget().widget() is form
    return form


def _has_curve(path: QPainterPath) -> bool:
    return any(path.elementAt(i).type == QPainterPath.ElementType.CurveToElement
               for i in range(path.elementCount()))


def _bent_arrow(window) -> str:
    """An arrow drawn curved between stages that are not level (it has a bend to lose)."""
    for tid, item in window.scene.transition_items().items():
        if _has_curve(item.path()) and window.process.transition(tid).style is None:
            return tid
    raise AssertionError("the sample has no curved arrow")


def test_choosing_a_style_redraws_the_arrow_and_is_one_undo_step(window, qtbot):
    tid = _bent_arrow(window)
    form = _arrow_page(window, qtbot, tid)
    assert form.style_box.currentData() is None  # as the document
    assert form.style_box.currentText() == "As the document (Curved)"
    count = window.undo_stack.count()
    form.style_box.setCurrentIndex(form.style_box.findData(ArrowStyle.STRAIGHT))
    assert window.process.transition(tid).style is ArrowStyle.STRAIGHT
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Arrow Style"
    qtbot.waitUntil(lambda: not _has_curve(window.scene.transition_items()[tid].path()))
    form.style_box.setCurrentIndex(form.style_box.findData(ArrowStyle.ORTHOGONAL))
    path = window.scene.transition_items()[tid].path()
    assert not _has_curve(path)
    segments = [(path.elementAt(i - 1), path.elementAt(i)) for i in range(1, path.elementCount())]
    assert all(abs(a.x - b.x) < 0.5 or abs(a.y - b.y) < 0.5 for a, b in segments)  # right angles
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.process.transition(tid).style is None
    assert form.style_box.currentData() is None  # the page follows undo
    qtbot.waitUntil(lambda: _has_curve(window.scene.transition_items()[tid].path()))


def test_reset_route_clears_bend_points_and_chosen_ends_in_one_step(window, qtbot):
    tid = _bent_arrow(window)
    t = window.process.transition(tid)
    src = window.process.stage(t.source).position
    far = Position(src.x + 40, src.y + 700)  # a bend point well away from the flow
    window.editor.push(arrows.bend_arrow(tid, [far]))
    window.editor.push(arrows.pin_arrow_end(tid, "source", Anchor("bottom", 0.3)))
    form = _arrow_page(window, qtbot, tid)
    assert form.reset.isEnabled()
    assert form.shape.text() == "Bend points: 1 · ends you placed: 1"

    def reaches_far() -> bool:
        path = window.scene.transition_items()[tid].path()
        return any(math.dist((path.elementAt(i).x, path.elementAt(i).y), (far.x, far.y)) < 2
                   for i in range(path.elementCount()))

    assert reaches_far()
    count = window.undo_stack.count()
    qtbot.mouseClick(form.reset, Qt.MouseButton.LeftButton)
    t = window.process.transition(tid)
    assert t.waypoints == () and t.source_anchor is None and t.target_anchor is None
    assert not t.steered
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Reset Arrow Route"
    assert not reaches_far()  # routed automatically again, at once
    assert not form.reset.isEnabled() and form.shape.text() == "Automatic"
    window.undo_stack.undo()
    t = window.process.transition(tid)
    assert t.waypoints == (far,) and t.source_anchor == Anchor("bottom", 0.3)
    assert form.reset.isEnabled() and reaches_far()


def test_label_and_condition_typed_on_the_arrow_page_reach_the_canvas(window, qtbot):
    tid = _bent_arrow(window)
    form = _arrow_page(window, qtbot, tid)
    form.label.setText("予算 <OK> & ")  # (QTest types Latin keys only)
    qtbot.keyClicks(form.label, "\"go\"")
    assert window.process.transition(tid).label == "予算 <OK> & \"go\""
    item = window.scene.transition_items()[tid]
    assert item._full_label == "予算 <OK> & \"go\""
    window.undo_stack.undo()
    assert form.label.text() == window.process.transition(tid).label != "予算 <OK> & \"go\""


def test_nothing_changes_when_the_chosen_style_is_the_current_one(window, qtbot):
    tid = _bent_arrow(window)
    form = _arrow_page(window, qtbot, tid)
    count = window.undo_stack.count()
    form.style_box.setCurrentIndex(form.style_box.findData(None))
    qtbot.mouseClick(form.reset, Qt.MouseButton.LeftButton)  # disabled: not steered
    assert window.undo_stack.count() == count


@pytest.fixture
def japanese():
    install_translators("ja")
    yield
    Settings().language = "en"
    install_translators("en")


def test_the_arrow_page_speaks_japanese(window, qtbot, japanese):
    tid = _bent_arrow(window)
    form = _arrow_page(window, qtbot, tid)
    form.retranslate()
    assert form.reset.text() == "経路をリセット(&R)"
    assert form.form.labelForField(form.style_box).text() == "スタイル(&S)："
    assert [form.style_box.itemText(i) for i in range(form.style_box.count())] == [
        "文書と同じ（曲線）", "曲線", "直角", "直線"]
    assert form.shape.text() == "自動"
    form.style_box.setCurrentIndex(3)
    assert window.undo_stack.undoText() == "矢印のスタイル"
