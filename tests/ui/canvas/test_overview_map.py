"""The overview map shows the document as it is now, after edits the main view has
already repainted (item caches are per device: the map must not keep the old picture)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage

from salesdesigner.edits import SetLane
from salesdesigner.ui.canvas import style
from salesdesigner.ui.canvas.minimap import Minimap
from salesdesigner.ui.commands import EditCommand
from tests.ui.edit_commands import stage_command


def _map(canvas, qtbot) -> Minimap:
    minimap = Minimap(canvas.view)
    qtbot.addWidget(minimap)
    minimap.resize(1400, 520)  # about 100 %: names and lane accents are drawn in full
    minimap.show()
    qtbot.waitExposed(minimap)
    qtbot.wait(50)
    return minimap


def _settle(minimap: Minimap, qtbot) -> QImage:
    """Let the main view repaint first (as it does on screen), then the map re-render."""
    qtbot.wait(400)
    assert not minimap._render_timer.isActive()
    return minimap._pixmap.toImage()


def _pixel(minimap: Minimap, image: QImage, x: float, y: float) -> QColor:
    scale, _ = minimap._scale_and_offset()
    p = (QPointF(x, y) - minimap._source.topLeft()) * scale * image.devicePixelRatio()
    return image.pixelColor(round(p.x()), round(p.y()))


def _stage_area(minimap: Minimap, image: QImage, canvas, stage_id: str) -> QImage:
    scale, _ = minimap._scale_and_offset()
    body = canvas.scene.stage_item(stage_id).scene_body_rect()
    top_left = (body.topLeft() - minimap._source.topLeft()) * scale
    return image.copy(QRect(round(top_left.x()), round(top_left.y()),
                            round(body.width() * scale), round(body.height() * scale)))


def test_overview_map_shows_a_renamed_stage_under_its_new_name(canvas, qtbot):
    c = canvas()
    minimap = _map(c, qtbot)
    before = _stage_area(minimap, _settle(minimap, qtbot), c, "prospect")
    c.stack.push(stage_command(c.process, "prospect", {"name": "Qualify ☎ 見込み客"}))
    after = _stage_area(minimap, _settle(minimap, qtbot), c, "prospect")
    assert after != before


def test_overview_map_follows_lane_colour_changes_and_lane_deletion(canvas, qtbot):
    c = canvas()
    minimap = _map(c, qtbot)
    body = c.scene.stage_item("prospect").scene_body_rect()
    accent = (body.left() + 3, body.center().y())  # the lane colour strip on the card
    assert _pixel(minimap, _settle(minimap, qtbot), *accent) == QColor("#4C78A8")
    c.stack.push(EditCommand(c.process, SetLane("is", {"color": "#00AA00"})))
    assert _pixel(minimap, _settle(minimap, qtbot), *accent) == QColor("#00AA00")
    c.editor.delete_lane("is")  # the stage keeps its place, without a lane: a grey strip
    body = c.scene.stage_item("prospect").scene_body_rect()
    accent = (body.left() + 3, body.center().y())
    assert _pixel(minimap, _settle(minimap, qtbot), *accent) == style.FAINT


def test_the_map_draws_the_process_when_it_paints_not_at_every_resize(canvas, qtbot,
                                                                      monkeypatch):
    """While a window starts, its layout resizes the map several times: each resize used
    to draw the whole process; now the map draws once, at the size it is shown at."""
    c = canvas()
    drawn = []
    real_render = c.scene.render
    monkeypatch.setattr(c.scene, "render", lambda *args: (drawn.append(1), real_render(*args)))
    minimap = Minimap(c.view)
    qtbot.addWidget(minimap)
    for width in (200, 260, 320):
        minimap.resize(width, 150)
    assert drawn == []
    minimap.show()
    qtbot.waitExposed(minimap)
    qtbot.waitUntil(lambda: bool(drawn))
    qtbot.wait(50)
    assert len(drawn) == 1
    scale, _ = minimap._scale_and_offset()
    assert minimap._pixmap.width() / minimap._pixmap.devicePixelRatio() == \
        max(1, round(minimap._source.width() * scale))  # the shown size, not an earlier one
