"""Fixtures for canvas tests: a real scene and view on the offscreen platform, a small
sample process, and a check that the scene's items match the model exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from salesdesigner.model import Kpi, Lane, Position, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import lane_bands
from salesdesigner.ui.canvas.editor import CanvasEditor
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.view import ProcessView


def sample_process() -> Process:
    """Start → Prospect → Propose → (Won | back to Prospect), in two lanes."""
    p = Process(id="sample", name="Sample", language="en")
    p.add_lane(Lane("is", "Inside Sales", "#4C78A8", 200))
    p.add_lane(Lane("fs", "Field Sales", "#F58518", 200))
    p.add_stage(Stage("start", "Lead", StageKind.START, "is", Position(200, 100)))
    p.add_stage(Stage("prospect", "Prospecting", StageKind.STAGE, "is", Position(460, 100),
                      kpis=(Kpi("Appointment rate", 10, "%"),)))
    p.add_stage(Stage("propose", "Proposal <b>&amp;</b>", StageKind.STAGE, "fs",
                      Position(720, 300)))
    p.add_stage(Stage("won", "Won", StageKind.WON, "fs", Position(980, 300)))
    p.add_transition(Transition("t1", "start", "prospect", "qualified"))
    p.add_transition(Transition("t2", "prospect", "propose"))
    p.add_transition(Transition("t3", "propose", "won", "signed"))
    p.add_transition(Transition("t4", "propose", "prospect", "not yet"))
    return p


class Canvas:
    """An editor and its scene in a shown view (800×600, 100 %, scene origin near the top left)."""

    def __init__(self, qtbot, process: Process) -> None:
        self.process = process
        self.stack = QUndoStack()
        self.editor = CanvasEditor(process, self.stack)
        self.scene = self.editor.scene
        self.view = ProcessView(self.scene)
        qtbot.addWidget(self.view)
        self.view.resize(1000, 700)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.ensureVisible(0, 0, 1, 1, 0, 0)
        self.messages: list[str] = []
        self.editor.statusMessage.connect(self.messages.append)

    def vp(self, x: float, y: float) -> QPoint:
        """Viewport point of a scene point."""
        return self.view.mapFromScene(QPointF(x, y))

    def press(self, x: float, y: float, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mousePress(self.view.viewport(), Qt.MouseButton.LeftButton, modifier, self.vp(x, y))

    def move(self, x: float, y: float) -> None:
        QTest.mouseMove(self.view.viewport(), self.vp(x, y))

    def release(self, x: float, y: float, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseRelease(self.view.viewport(), Qt.MouseButton.LeftButton, modifier,
                           self.vp(x, y))

    def drag(self, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
        self.move(*start)
        self.press(*start)
        sx, sy = start
        ex, ey = end
        for i in range(1, steps + 1):
            self.move(sx + (ex - sx) * i / steps, sy + (ey - sy) * i / steps)
        self.release(*end)


@pytest.fixture
def canvas(qtbot) -> Callable[[Process], Canvas]:
    made: list[Canvas] = []

    def make(process: Process | None = None) -> Canvas:
        c = Canvas(qtbot, process if process is not None else sample_process())
        made.append(c)
        return c

    yield make
    for c in made:
        c.editor.detach()


def assert_scene_matches(scene: ProcessScene) -> None:
    """Every stage, arrow and lane of the model has exactly one item, where the model says."""
    scene.flush()
    p = scene.process
    stages = scene.stage_items()
    assert set(stages) == set(p.stage_ids)
    for stage in p.stages:
        item = stages[stage.id]
        assert item.stage == stage
        assert (item.pos().x(), item.pos().y()) == (stage.position.x, stage.position.y)
        assert item.scene() is scene
    transitions = scene.transition_items()
    assert set(transitions) == {t.id for t in p.transitions}
    for t in p.transitions:
        item = transitions[t.id]
        assert item.transition == t
        assert item.source is stages[t.source] and item.target is stages[t.target]
        assert item in stages[t.source].edges and item in stages[t.target].edges
    for item in stages.values():
        for edge in item.edges:
            assert edge.transition_id in transitions
    for t, lane in scene._loop_lanes():  # found afresh: the items must show the same loops
        assert (transitions[t.id].back, transitions[t.id].loop_lane) == (lane is not None,
                                                                         lane or 0)
    lanes = scene.lane_items()
    assert set(lanes) == {lane.id for lane in p.lanes}
    for band in lane_bands(p):
        rect = lanes[band.lane_id].band_rect()
        assert (rect.top(), rect.bottom()) == (band.top, band.bottom)
        assert lanes[band.lane_id].lane == p.lane(band.lane_id)
