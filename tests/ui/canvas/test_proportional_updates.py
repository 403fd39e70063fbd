"""A field edit redraws the one stage it changed; the whole-document passes (loop arrows,
routes, lane widths, scene size) run only after changes of structure or geometry, and
still run then."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from salesdesigner.model import Kpi, Position, StageKind
from salesdesigner.ui.canvas import scene as scene_module
from tests.ui.edit_commands import stage_command


def _count_whole_document_passes(monkeypatch) -> list[str]:
    """Record every loop search and lane placement the scene starts."""
    calls: list[str] = []
    back_edges, lane_bands = scene_module.back_edges, scene_module.lane_bands
    monkeypatch.setattr(scene_module, "back_edges",
                        lambda p: calls.append("loops") or back_edges(p))
    monkeypatch.setattr(scene_module, "lane_bands",
                        lambda p: calls.append("lanes") or lane_bands(p))
    return calls


def test_renaming_a_stage_redraws_its_item_without_a_whole_document_pass(canvas, monkeypatch):
    c = canvas()
    calls = _count_whole_document_passes(monkeypatch)
    before = c.scene.content_rect()
    for name in ("Prospecting!", "Prospecting!!"):
        c.stack.push(stage_command(c.process, "prospect", {"name": name}))
    c.stack.push(stage_command(c.process, "prospect",
                                    {"goal": "a goal", "kpis": (Kpi("Calls", 5, "/day"),)}))
    QApplication.processEvents()
    assert c.scene.stage_item("prospect").stage == c.process.stage("prospect")
    assert c.scene.stage_item("prospect").stage.name == "Prospecting!!"
    assert calls == []
    assert c.scene.content_rect() == before
    c.stack.undo()
    c.stack.undo()
    QApplication.processEvents()
    assert c.scene.stage_item("prospect").stage.name == "Prospecting!"
    assert calls == []


def test_moving_a_stage_places_lanes_and_resizes_the_scene_but_does_not_search_loops(
        canvas, monkeypatch):
    c = canvas()
    calls = _count_whole_document_passes(monkeypatch)
    c.editor.move_stages({"won": Position(2400, 300)})
    QApplication.processEvents()
    assert calls == ["lanes"]
    assert c.scene.content_rect().right() > 2400
    assert c.scene.lane_item("is").band_rect().right() >= 2400 + 160


def test_a_new_start_stage_changes_which_arrow_loops_back(canvas):
    c = canvas()
    items = c.scene.transition_items()
    assert items["t4"].back and not items["t2"].back  # walked from "start": t4 loops back
    c.stack.beginMacro("kinds")
    c.stack.push(stage_command(c.process, "start", {"kind": StageKind.STAGE}))
    c.stack.push(stage_command(c.process, "propose", {"kind": StageKind.START}))
    c.stack.endMacro()
    QApplication.processEvents()
    # walked from "propose" now: propose → prospect → propose closes the loop at t2
    assert items["t2"].back and not items["t4"].back
    c.stack.undo()
    QApplication.processEvents()
    assert items["t4"].back and not items["t2"].back


def test_reconnecting_an_arrow_finds_the_loops_again(canvas):
    c = canvas()
    items = c.scene.transition_items()
    assert items["t4"].back
    c.editor.reconnect("t4", "target", "won")  # propose → won twice is refused …
    c.editor.reconnect("t1", "target", "propose")  # … start → propose is fine
    QApplication.processEvents()
    # start → propose → prospect: t4 is a forward arrow now, prospect → propose loops back
    assert not items["t4"].back and items["t2"].back
