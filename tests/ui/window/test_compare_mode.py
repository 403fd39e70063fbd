"""Compare mode in the designer window, driven through the real scene, docks and views:
the overlay's colours per kind of change and its ghosts, the change list (clicking selects
the stage, taking a change back is one undo step), the side-by-side view's synchronised
zoom and scroll, and ending with Esc."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from salesdesigner.edits import SetStage
from salesdesigner.model import Position, Script
from salesdesigner.model.entities import Stage, Transition
from salesdesigner.storage.document import save_document
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.compare.marks import Mark
from salesdesigner.ui.compare.overlay import COLORS


def revised(lang: str = "en"):
    """Version 3 (the template) and a draft with a handful of changes: a KPI target, a
    script added, a stage renamed, one moved to another lane, one added with an arrow,
    one removed (its two arrows with it), an arrow relabelled."""
    other = load_template("eight-step", lang)
    draft = other.copy()
    proposal = draft.stage("proposal")
    draft.update_stage("proposal", kpis=(dataclasses.replace(proposal.kpis[0], target=35.0),
                                         *proposal.kpis[1:]),
                       scripts=(*proposal.scripts, Script("Price objection", body="…")))
    draft.update_stage("closing", name="Closing & contract")
    draft.update_stage("after-sales", lane="back-office", position=Position(2888, 450))
    draft.add_stage(Stage("webinar", "Online meeting", lane="sales",
                          position=Position(1238, 330)))
    draft.add_transition(Transition("t-new", "hearing", "webinar", "remote"))
    draft.remove_stage("referral")
    draft.update_transition("t8", label="revise and re-propose")
    return other, draft


@pytest.fixture
def comparing(make_window):
    other, draft = revised()
    window = make_window(draft)
    window.show()
    mode = window.compare_with(other, "v3.salesdesign")
    yield window, mode, other
    window.end_compare()


def pen_color(item) -> str:
    return item.pen().color().name()


def pixels_of(scene, rect: QRectF, colour: str) -> int:
    """How many pixels of ``rect`` the scene paints in (nearly) ``colour``."""
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    want = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + \
                    abs(c.blue() - want.blue()) < 60:
                count += 1
    return count


def test_overlay_colours_each_kind_of_change_and_leaves_moves_out(comparing):
    window, mode, _other = comparing
    overlay = mode.overlay
    assert overlay.stage_marks == {"proposal": Mark.CHANGED, "closing": Mark.CHANGED,
                                   "after-sales": Mark.CHANGED, "webinar": Mark.ADDED}
    assert overlay.arrow_marks == {"t-new": Mark.ADDED, "t8": Mark.CHANGED}
    assert pen_color(overlay.outlines["proposal"]) == COLORS[Mark.CHANGED]
    assert pen_color(overlay.outlines["webinar"]) == COLORS[Mark.ADDED]
    # the outline sits on the stage itself
    assert overlay.outlines["webinar"].sceneBoundingRect().contains(
        window.scene.stage_item("webinar").scene_body_rect().center())


def test_a_removed_stage_is_a_ghost_where_it_stood_and_goes_with_the_comparison(comparing):
    window, mode, other = comparing
    ghost = mode.overlay.ghosts["referral"]
    old = other.stage("referral").position
    box = mode.overlay.ghost_boxes["referral"]
    assert box.center().x() == pytest.approx(old.x) and box.center().y() == pytest.approx(old.y)
    assert pen_color(ghost) == COLORS[Mark.REMOVED]
    assert ghost.pen().style() == Qt.PenStyle.DashLine
    assert ghost.acceptedMouseButtons() == Qt.MouseButton.NoButton
    assert window.scene.stage_item("referral") is None  # not a stage of the draft
    assert set(mode.overlay.ghost_arrows) == {"t13", "t14"}
    assert window.scene.sceneRect().contains(box)  # the view can scroll to it
    area = box.adjusted(-20, -20, 20, 20)
    assert pixels_of(window.scene, area, COLORS[Mark.REMOVED]) > 20  # drawn in red
    window.scene.exporting = True  # an image exported while comparing shows the document
    try:
        assert pixels_of(window.scene, area, COLORS[Mark.REMOVED]) == 0
    finally:
        window.scene.exporting = False
    window.end_compare()
    assert window.compare is None
    assert pixels_of(window.scene, area, COLORS[Mark.REMOVED]) == 0
    assert not window.findChildren(type(mode.dock), "compareDock") or \
        not mode.dock.isVisible()


def test_overlay_follows_edits_and_shows_moves_only_when_asked(comparing):
    window, mode, _other = comparing
    window.editor.push(SetStage("prospecting", {"goal": "New goal"}))
    mode.session.flush()
    assert mode.overlay.stage_marks["prospecting"] is Mark.CHANGED
    window.editor.move_stages({"lead": Position(150, 175)})
    mode.session.flush()
    assert "lead" not in mode.overlay.stage_marks
    mode.legend.layout_box.click()
    assert mode.overlay.stage_marks["lead"] is Mark.MOVED
    assert mode.changes.layout_box.isChecked()  # both toggles say the same
    assert any("Position" in line for line in mode.changes.row_texts())
    window.undo_stack.undo()
    window.undo_stack.undo()
    mode.session.flush()
    assert "lead" not in mode.overlay.stage_marks
    assert "prospecting" not in mode.overlay.stage_marks


def test_clicking_a_change_selects_its_stage_and_brings_it_into_view(comparing, qtbot):
    window, mode, _other = comparing
    changes = mode.changes
    changes.parentWidget().show()
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(0, 0)

    def shown() -> QRectF:
        return view.mapToScene(view.viewport().rect()).boundingRect()

    stage = window.scene.stage_item("closing").scene_body_rect()
    assert not shown().contains(stage)
    rows = changes.row_texts()
    index = rows.index("Name: “Closing” → “Closing & contract”")
    row = changes.rows()[index]
    changes.tree.scrollToItem(row)
    rect = changes.tree.visualItemRect(row)
    qtbot.mouseClick(changes.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.center().x(), rect.center().y()))
    assert window.scene.selected_stage_ids() == ["closing"]
    assert shown().contains(stage)
    assert changes.take_back_button.isEnabled()


def test_a_change_to_a_talk_script_opens_its_tab_and_record_in_the_inspector(comparing):
    from salesdesigner.ui.inspector.reveal import SCRIPTS
    window, mode, _other = comparing
    changes = mode.changes
    changes.select_change(changes.row_texts().index("Talk script “Price objection”: added"))
    inspector = window.inspector
    assert window.scene.selected_stage_ids() == ["proposal"]
    assert inspector.tabs.currentIndex() == SCRIPTS
    scripts = inspector.scripts
    assert scripts.records[scripts.list.currentRow()].title == "Price objection"


def take_back_row(mode, line: str) -> None:
    changes = mode.changes
    changes.select_change(changes.row_texts().index(line))
    assert changes.take_back_button.isEnabled()
    changes.take_back_button.click()


def test_taking_a_kpi_target_back_is_one_undo_step_both_ways(comparing):
    window, mode, other = comparing
    line = "KPI “Proposal win rate”, Target: ≥ 30% → ≥ 35%"
    steps = window.undo_stack.count()
    take_back_row(mode, line)
    assert window.process.stage("proposal").kpis[0].target == 30.0
    assert window.undo_stack.count() == steps + 1
    assert line not in mode.changes.row_texts()
    window.undo_stack.undo()
    mode.session.flush()
    assert window.process.stage("proposal").kpis[0].target == 35.0
    assert line in mode.changes.row_texts()
    window.undo_stack.redo()
    mode.session.flush()
    assert window.process.stage("proposal").kpis == other.stage("proposal").kpis
    assert line not in mode.changes.row_texts()


def test_taking_a_removed_stage_back_restores_it_with_its_arrows_and_undo_removes_them(
        comparing):
    window, mode, other = comparing
    take_back_row(mode, "Stage “Referral request”: removed")
    assert window.process.stage("referral") == other.stage("referral")
    assert window.process.has_transition("t13") and window.process.has_transition("t14")
    assert window.scene.stage_item("referral") is not None
    assert "referral" not in mode.overlay.ghosts
    assert window.scene.selected_stage_ids() == ["referral"]
    window.undo_stack.undo()
    mode.session.flush()
    assert not window.process.has_stage("referral")
    assert not window.process.has_transition("t13")
    assert "referral" in mode.overlay.ghosts


def test_japanese_text_edits_mark_the_changed_characters_in_the_list(make_window):
    other = load_template("eight-step", "ja")
    draft = other.copy()
    other.update_stage("proposal", goal="初回訪問で課題を3つ聞く")
    draft.update_stage("proposal", goal="初回訪問で課題を5つ聞く")
    window = make_window(draft)
    mode = window.compare_with(other, "v3")
    from salesdesigner.ui.compare.change_list import RICH_ROLE
    rich = mode.changes.rows()[0].data(0, RICH_ROLE)
    assert "初回訪問で課題を" in rich
    assert 'line-through">3</span>' in rich
    assert 'underline">5</span>' in rich
    # drawn: the row is as tall as its text, and the deleted 3 is painted in red
    tree = mode.changes.tree
    window.show()
    rect = tree.visualItemRect(mode.changes.rows()[0])
    assert rect.height() >= tree.fontMetrics().height()
    image = tree.viewport().grab(rect).toImage()
    reds = sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 90)
    assert reds > 5
    assert mode.changes.row_texts()[0].endswith("初回訪問で課題を[-3-]{+5+}つ聞く")
    window.end_compare()


def test_side_by_side_keeps_zoom_and_place_in_step_and_never_edits(comparing, qtbot):
    window, mode, other = comparing
    side = mode.show_side_by_side()
    qtbot.waitExposed(side)
    side.fit()
    assert side.overlays[0].stage_marks["closing"] is Mark.CHANGED  # the old side
    assert side.overlays[0].stage_marks["referral"] is Mark.REMOVED
    assert side.overlays[1].stage_marks["webinar"] is Mark.ADDED
    side.left.set_zoom(0.8)
    assert side.right.zoom_level() == pytest.approx(0.8)
    side.right.zoom_in()
    assert side.left.zoom_level() == pytest.approx(side.right.zoom_level())
    bar = side.left.horizontalScrollBar()
    bar.setValue(bar.value() + 150)
    left, right = side.centre(side.left), side.centre(side.right)
    assert abs(left.x() - right.x()) < 2 and abs(left.y() - right.y()) < 2
    # a drag on a stage of the current side pans; the document does not change
    before = window.process.copy()
    item = side.right.process_scene().stage_item("proposal")
    start = side.right.mapFromScene(item.scene_body_rect().center())
    qtbot.mousePress(side.right.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(side.right.viewport(), start + QPoint(80, 40))
    qtbot.mouseRelease(side.right.viewport(), Qt.MouseButton.LeftButton,
                       pos=start + QPoint(80, 40))
    assert window.process == before
    assert item.pos().x() == window.process.stage("proposal").position.x
    window.end_compare()
    assert mode.side_by_side is None


def test_escape_on_the_canvas_ends_the_comparison(comparing, qtbot):
    window, mode, _other = comparing
    items = len(mode.overlay.items)
    assert items and all(i.scene() is window.scene for i in mode.overlay.items)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.compare is None
    assert mode.overlay.items == []
    assert not mode.legend.isVisible()


def test_compare_with_file_reads_any_document_and_a_bad_file_is_a_dialog(
        make_window, dialogs, tmp_path):
    other, draft = revised()
    path = tmp_path / "v3.salesdesign"
    save_document(other, path)
    window = make_window(draft)
    dialogs.answer("open-file", str(path))
    window.actions_.compare_file.trigger()
    assert window.compare is not None and window.compare.session.label == "v3.salesdesign"
    assert len(window.compare.changes.row_texts()) == len(window.compare.session
                                                          .comparison.content)
    window.end_compare()
    broken = tmp_path / "broken.salesdesign"
    broken.write_bytes(b"not a process")
    dialogs.answer("open-file", str(broken))
    dialogs.answer("critical", None)
    window.actions_.compare_file.trigger()
    assert window.compare is None
    assert dialogs.of("critical")[0][1] == "Cannot Compare"


def test_compare_mode_speaks_japanese_and_switches_language_in_place(make_window):
    from salesdesigner.ui.app import application
    application("ja")
    other = load_template("eight-step", "ja")
    draft = other.copy()
    draft.update_stage("closing", name="クロージングと契約")
    window = make_window(draft)
    mode = window.compare_with(other, "v3")
    assert window.actions_.compare_file.text() == "ファイルと比較(&F)…"
    assert mode.dock.windowTitle() == "変更点"
    assert "追加" in mode.legend.keys[Mark.ADDED].text()
    assert mode.changes.take_back_button.text() == "元の値に戻す"
    assert mode.changes.row_texts() == ["名前：「クロージング」 → 「クロージングと契約」"]
    application("en")
    assert "Added" in mode.legend.keys[Mark.ADDED].text()
    assert mode.changes.row_texts() == ["Name: “クロージング” → “クロージングと契約”"]
    window.end_compare()


def test_every_compare_mode_word_has_a_japanese_translation():
    """Each tr() text of the compare views is in the .ts file under its class."""
    import re
    from pathlib import Path
    from xml.etree import ElementTree

    root = Path(__file__).resolve().parents[3]
    tree = ElementTree.parse(root / "resources/i18n/salesdesigner_ja.ts")
    known = {(c.findtext("name"), m.findtext("source"))
             for c in tree.getroot() for m in c.iter("message")
             if (m.findtext("translation") or "").strip()}
    missing = []
    for path in sorted((root / "salesdesigner/ui/compare").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for block in re.split(r"\nclass ", source)[1:]:
            name = block.split("(")[0]
            for text in re.findall(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"(?:\s*"((?:[^"\\]|\\.)*)")?',
                                   block):
                words = text[0] + text[1]
                if (name, words) not in known:
                    missing.append((name, words))
    assert missing == []
    assert ("EditNames", "Take Back Old Value") in known


def test_opening_another_document_or_closing_the_window_ends_the_comparison(
        make_window, tmp_path):
    other, draft = revised()
    path = tmp_path / "other.salesdesign"
    save_document(other, path)
    window = make_window(draft)
    mode = window.compare_with(other, "v3")
    window.undo_stack.setClean()
    assert window.document.open_path(str(path), ask=False)
    assert window.compare is None and mode.overlay.items == []
    mode = window.compare_with(draft, "v4")
    mode.show_side_by_side()
    window.close()
    assert window.compare is None and mode.side_by_side is None
