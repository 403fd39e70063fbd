"""Find bar, zoom/fit/minimap navigation, and PNG/SVG export."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from salesdesigner.model import Position, Stage
from salesdesigner.ui.canvas.find import FindBar
from salesdesigner.ui.canvas.image_export import export_png, export_rect, export_svg
from salesdesigner.ui.canvas.minimap import Minimap


def _far_apart(c):
    for i, sid in enumerate(["start", "prospect", "propose", "won"]):
        c.process.update_stage(sid, position=Position(200 + 1500 * i, 100 if i < 2 else 300))
    c.scene.flush()  # what the event loop does right after the change
    return c


def test_find_steps_through_matches_in_process_order_and_centres_each(canvas, qtbot):
    c = _far_apart(canvas())
    bar = FindBar(c.editor, c.view)
    qtbot.addWidget(bar)
    bar.show()
    bar.set_query("PRO")  # Prospecting, Proposal (case-insensitive)
    assert bar.matches == ["prospect", "propose"]
    assert c.scene.selected_stage_ids() == ["prospect"]
    assert bar.count_label.text() == "1 of 2"
    centre = c.view.mapToScene(c.view.viewport().rect().center())
    assert abs(centre.x() - 1700) < 5
    bar.find_next()
    assert c.scene.selected_stage_ids() == ["propose"] and bar.count_label.text() == "2 of 2"
    assert abs(c.view.mapToScene(c.view.viewport().rect().center()).x() - 3200) < 5
    bar.find_next()
    assert c.scene.selected_stage_ids() == ["prospect"]
    bar.find_previous()
    assert c.scene.selected_stage_ids() == ["propose"]
    bar.set_query("nothing like this")
    assert bar.count_label.text() == "No matches"
    bar.edit.setFocus()
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_matches_kpis_and_width_insensitively(canvas, qtbot):
    c = canvas()
    c.process.update_stage("won", name="ｱﾎﾟ")
    bar = FindBar(c.editor, c.view)
    qtbot.addWidget(bar)
    bar.set_query("アポ")
    assert bar.matches == ["won"]
    bar.set_query("appointment")
    assert bar.matches == ["prospect"]


def test_zoom_in_out_reset_fit_and_center(canvas):
    c = _far_apart(canvas())
    levels = []
    c.view.zoomChanged.connect(levels.append)
    c.view.zoom_in()
    assert c.view.zoom_level() == 1.25
    c.view.zoom_out()
    c.view.zoom_out()
    assert abs(c.view.zoom_level() - 0.8) < 1e-9
    c.view.zoom_reset()
    assert c.view.zoom_level() == 1.0 and len(levels) == 4
    c.view.zoom_fit()
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    for item in c.scene.stage_items().values():
        assert visible.contains(item.sceneBoundingRect())
    assert c.view.zoom_level() < 0.5
    c.view.zoom_reset()
    c.view.center_on_stage("won")
    assert abs(c.view.mapToScene(c.view.viewport().rect().center()).x() - 4700) < 5


def test_minimap_click_moves_the_main_view_there(canvas, qtbot):
    c = _far_apart(canvas())
    minimap = Minimap(c.view)
    qtbot.addWidget(minimap)
    minimap.resize(300, 120)
    minimap.show()
    qtbot.waitExposed(minimap)
    target = minimap.map_from_scene(QPointF(3200, 300)).toPoint()
    QTest.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=target)
    centre = c.view.mapToScene(c.view.viewport().rect().center())
    assert abs(centre.x() - 3200) < 40
    assert minimap.visible_rect().contains(QPointF(3200, 300))
    QTest.mousePress(minimap, Qt.MouseButton.LeftButton, pos=target)
    QTest.mouseMove(minimap, target - QPoint(40, 0))
    QTest.mouseRelease(minimap, Qt.MouseButton.LeftButton, pos=target - QPoint(40, 0))
    assert c.view.mapToScene(c.view.viewport().rect().center()).x() < centre.x() - 100


def test_minimap_redraws_after_the_document_changes(canvas, qtbot):
    c = canvas()
    minimap = Minimap(c.view)
    qtbot.addWidget(minimap)
    before = minimap._source
    c.editor.add_stage_at(QPointF(3000, 900))
    c.scene.flush()
    qtbot.waitUntil(lambda: minimap._source != before, timeout=2000)
    assert minimap._source.contains(QPointF(3000, 900))


def test_png_export_has_the_drawings_size_at_the_scale_and_is_not_blank(canvas, tmp_path):
    c = canvas()
    c.scene.select_ids(["start"])
    path = tmp_path / "process.png"
    export_png(c.scene, path, scale=2.0)
    image = QImage(str(path))
    rect = export_rect(c.scene)
    assert (image.width(), image.height()) == (int(-(-rect.width() * 2 // 1)),
                                               int(-(-rect.height() * 2 // 1)))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10
    assert c.scene.selected_stage_ids() == ["start"]  # selection restored


def test_svg_export_holds_stage_names_as_escaped_text(canvas, tmp_path):
    c = canvas()
    c.process.add_stage(Stage("x", "見積 & <script>", position=Position(300, 500)))
    path = tmp_path / "process.svg"
    export_svg(c.scene, path)
    svg = path.read_text("utf-8")
    assert "Prospecting" in svg and "<svg" in svg
    # Qt splits text into runs per font (CJK vs Latin); each run is escaped
    assert "見積" in svg and "&amp; &lt;" in svg and "script&gt;" in svg
    assert "<script>" not in svg and "<b>" not in svg
    assert "Proposal &lt;b&gt;&amp;amp;" in svg


def test_find_says_where_a_stage_matched_when_it_is_not_the_name(canvas, qtbot):
    c = canvas()
    c.process.update_stage("won", exit_criteria=("Contract countersigned",))
    bar = FindBar(c.editor, c.view)
    qtbot.addWidget(bar)
    bar.show()
    bar.set_query("countersigned")
    assert bar.matches == ["won"]
    assert bar.count_label.text() == "1 of 1 · in the exit criteria"
    bar.set_query(c.process.stage("propose").name)
    assert bar.matches[0] == "propose"
    assert "·" not in bar.count_label.text()  # a match on the name needs no explanation


def test_exported_pictures_leave_out_validation_marks_and_the_canvas_keeps_them(canvas, tmp_path):
    from salesdesigner.model.validation import Finding, Severity

    c = canvas()
    export_png(c.scene, tmp_path / "clean.png")
    c.scene.set_findings([Finding("dead-end", Severity.ERROR, ("propose",), "x"),
                          Finding("unnamed", Severity.WARNING, ("won",), "y")])
    export_png(c.scene, tmp_path / "marked.png")
    assert QImage(str(tmp_path / "marked.png")) == QImage(str(tmp_path / "clean.png"))
    assert c.scene.stage_item("propose").severity == "error"
    assert c.scene.stage_item("won").severity == "warning"
