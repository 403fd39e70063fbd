"""GUI benchmark: each figure against a bare PySide6 script measured in the same run.

1. Whole process, fresh interpreters both (compiled byte code as installed), from exec to
   the first paint: the main window on the bundled sample, started the way a user does
   (``salesdesigner --template eight-step``), vs a bare script that shows one empty window
   (goal: within 3x); and ``salesdesigner FILE`` of 1,000 stages until the canvas first
   paints it, vs a bare script building and painting a scene of 1,000 plain rectangles
   with text and lines (goal: within 5x).
2. In process: opening a 1,000-stage document and first painting the whole process, vs
   the same bare scene built in the same process; the same for 5,000.
3. Handling one mouse-move event while dragging a stage in the 1,000-stage document,
   repaint included (goal: under 16 ms, i.e. 60 fps).
4. One keystroke in the selected stage's name field of the inspector, in the main window
   on 1,000 and 5,000 stages, until the events it queued (canvas, panels) are handled
   (goals: under 5 ms and under 16 ms).

    .venv/bin/python -m benchmarks.bench_gui [--runs 5] [--only startup|open|drag|keys]

Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import print_table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_FIRST_PAINT = """
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget
class _FirstPaint(QObject):
    '''Print the time of the first paint of a window (``scene=False``) or of a graphics
    view showing a scene with items in it (``scene=True``), then quit.'''
    def __init__(self, scene=False):
        super().__init__()
        self.scene = scene
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and (
                self._drawn_scene(obj) if self.scene else obj.isWindow()):
            print(time.time(), time.process_time(), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            QApplication.instance().removeEventFilter(self)
        return False
    @staticmethod
    def _drawn_scene(obj):
        view = obj.parent()
        return (isinstance(view, QGraphicsView) and obj is view.viewport()
                and view.scene() is not None and bool(view.scene().items()))
"""

BARE_START = "import time, sys\n" + _FIRST_PAINT + """
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1400, 900)
hook = _FirstPaint()
app.installEventFilter(hook)
window.show()
app.exec()
"""

# The way a user starts it: ``salesdesigner --template eight-step`` or ``salesdesigner
# FILE`` (cli.main, which imports what the GUI path needs in its own order), with a hook
# on the application.
_OURS = "import time, sys\n" + """
import salesdesigner.cli
import salesdesigner.ui.app as app_module
""" + _FIRST_PAINT + """
_application = app_module.application
hook = _FirstPaint(scene=SCENE)
def application(language=None):
    app = _application(language)
    app.installEventFilter(hook)
    return app
app_module.application = application
salesdesigner.cli.main(ARGS)
"""
OURS_START = _OURS.replace("SCENE", "False").replace(
    "ARGS", repr(["--template", "eight-step", "--lang", "en"]))


def ours_open_script(path: Path) -> str:
    """``salesdesigner FILE`` until the canvas first paints the document."""
    return _OURS.replace("SCENE", "True").replace("ARGS", repr([str(path), "--lang", "en"]))


def build_bare_scene(n: int) -> tuple[Any, Any]:
    """The yardstick: a bare QGraphicsScene with n rectangles, their texts and n-1 lines,
    shown whole in a view; returns (scene, view).  Written once: :func:`bare_scene_seconds`
    calls it in process and :func:`bare_scene_script` hands its source to a fresh
    interpreter, so both figures measure the same code."""
    from PySide6.QtCore import QLineF, QRectF
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView

    scene = QGraphicsScene()
    for i in range(n):
        x, y = (i % 50) * 260.0, (i // 50) * 150.0
        scene.addRect(QRectF(x, y, 200, 100))
        text = QGraphicsSimpleTextItem(f"Stage {i}")
        text.setPos(x + 10, y + 10)
        scene.addItem(text)
        if i:
            scene.addLine(QLineF(x - 60, y + 50, x, y + 50))
    view = QGraphicsView(scene)
    view.resize(1400, 900)
    view.show()
    view.fitInView(scene.itemsBoundingRect())
    return scene, view


def bare_scene_script(n: int) -> str:
    """A fresh interpreter running :func:`build_bare_scene` (its source, so the yardstick
    imports nothing of ours) until the scene's first paint."""
    return ("import time, sys\n" + "from typing import Any\n" + _FIRST_PAINT
            + inspect.getsource(build_bare_scene) + f"""
app = QApplication(sys.argv[:1])
hook = _FirstPaint(scene=True)
app.installEventFilter(hook)
scene, view = build_bare_scene({n})
app.exec()
""")


def startup_seconds(script: str, home: str) -> tuple[float, float]:
    """Wall time from launching a fresh interpreter to its first paint, and the CPU time
    the process had used by then (steadier than wall time on a busy machine).

    Both run with an empty home folder (no saved window layout, no recovery files), the
    way SalesDesigner first starts after installation.
    """
    start = time.time()
    env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"),
           "XDG_DATA_HOME": os.path.join(home, ".local", "share")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=env)
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(out.stderr[-2000:] or "no window was painted")
    painted, cpu = (float(x) for x in out.stdout.split()[:2])
    return painted - start, cpu


def _compile_byte_code() -> None:
    """Installed packages carry compiled byte code (pip compiles wheels; install.sh
    compiles the editable tree), so time a start with it, not a first-ever start."""
    import compileall

    import salesdesigner

    compileall.compile_dir(Path(salesdesigner.__file__).parent, quiet=1)


def _paint_now(view) -> None:
    """Paint the view's viewport once it is really on screen (what the user waits for).

    A repaint straight after ``show()`` paints nothing: the window is not exposed until
    the event loop has run.  A counter checks that a paint really happened.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class _Count(QObject):
        paints = 0

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    counter = _Count()
    view.viewport().installEventFilter(counter)
    handle = view.windowHandle()
    while handle is None or not handle.isExposed():
        QApplication.processEvents()
        handle = view.windowHandle()
    view.viewport().repaint()
    view.viewport().removeEventFilter(counter)
    if not counter.paints:
        raise RuntimeError("the view was never painted: the benchmark measured nothing")


def bare_scene_seconds(n: int) -> float:
    """:func:`build_bare_scene` in this process, until its view has painted."""
    start = time.perf_counter()
    scene, view = build_bare_scene(n)
    _paint_now(view)
    elapsed = time.perf_counter() - start
    view.close()
    return elapsed


def ours_document_seconds(path: Path) -> float:
    """Open a .salesdesign file, build the canvas, show the whole process, paint it."""
    from PySide6.QtGui import QUndoStack

    from salesdesigner.storage.document import open_document
    from salesdesigner.ui.canvas.editor import CanvasEditor
    from salesdesigner.ui.canvas.view import ProcessView

    start = time.perf_counter()
    process = open_document(path)
    stack = QUndoStack()
    editor = CanvasEditor(process, stack)
    scene = editor.scene
    view = ProcessView(scene)
    view.resize(1400, 900)
    view.show()
    view.zoom_fit()
    _paint_now(view)
    elapsed = time.perf_counter() - start
    view.close()
    editor.detach()
    return elapsed


def drag_move_ms(path: Path, moves: int = 60, releases: list[float] | None = None
                 ) -> list[float]:
    """Per-move times (ms) of dragging one stage of the 1,000-stage canvas at 100 %: the
    mouse-move event's handling plus the repaint it causes.  ``releases`` gets the time of
    the release: the move's undo step, the re-route that follows (tangles resolved) and
    the repaint."""
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent, QUndoStack
    from PySide6.QtWidgets import QApplication

    from salesdesigner.storage.document import open_document
    from salesdesigner.ui.canvas.editor import CanvasEditor
    from salesdesigner.ui.canvas.view import ProcessView

    process = open_document(path)
    editor = CanvasEditor(process, QUndoStack())
    scene = editor.scene
    view = ProcessView(scene)
    view.resize(1400, 900)
    view.show()
    view.zoom_reset()
    stage = process.stage(process.stage_ids[len(process.stage_ids) // 2])
    view.center_on_stage(stage.id)
    QApplication.processEvents()
    viewport = view.viewport()
    origin = view.mapFromScene(QPointF(stage.position.x, stage.position.y))

    def send(kind: QEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, QPointF(point), QPointF(viewport.mapToGlobal(point)),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, origin, Qt.MouseButton.LeftButton)
    times = []
    for i in range(1, moves + 1):
        point = origin + QPoint(4 * i, 2 * i)
        start = time.perf_counter()
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        viewport.repaint()
        times.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    send(QEvent.Type.MouseButtonRelease, origin + QPoint(4 * moves, 2 * moves),
         Qt.MouseButton.NoButton)
    scene.flush_pending()
    viewport.repaint()
    if releases is not None:
        releases.append((time.perf_counter() - start) * 1000)
    if process.stage(stage.id).position == stage.position:
        raise RuntimeError("the drag did not move the stage: the benchmark measured nothing")
    view.close()
    editor.detach()
    return times


def keystroke_ms(process, keys: int = 40) -> list[float]:
    """Per-key times (ms) of typing in a stage's name in the inspector of a main window,
    until the event loop is idle again (the undo step, the canvas item, the panels)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from salesdesigner.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as autosave:
        window = MainWindow(process, autosave_dir=Path(autosave))
        window.document.set_autosave_interval(0)
        window.show()
        QApplication.processEvents()
        stage_id = process.stage_ids[len(process.stage_ids) // 2]
        window.scene.select_ids([stage_id])
        field = window.inspector.overview.name
        field.setFocus()
        field.end(False)
        QApplication.processEvents()
        name = process.stage(stage_id).name
        times = []
        for i in range(keys):
            start = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_A if i % 2 else Qt.Key.Key_B)
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        if process.stage(stage_id).name != name + "ba" * (keys // 2):
            raise RuntimeError("typing did not rename the stage: the benchmark measured nothing")
        window.validation.detach()
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return times


PARTS = ("startup", "open", "drag", "keys")


def _median_pair(ours: str, bare: str, runs: int, home: str) -> list[float]:
    """Median wall and CPU seconds of both scripts, run alternately (a load spike hits
    both alike): ``[ours wall, bare wall, ours cpu, bare cpu]``."""
    times: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        for side, script in enumerate((ours, bare)):
            wall, cpu = startup_seconds(script, home)
            times[side].append(wall)
            times[side + 2].append(cpu)
    return [statistics.median(t) for t in times]


def _startup_row(label: str, figures: list[float], goal: str) -> list[str]:
    ours, bare, ours_cpu, bare_cpu = figures
    return [label, f"{ours * 1000:.0f} (cpu {ours_cpu * 1000:.0f})",
            f"{bare * 1000:.0f} (cpu {bare_cpu * 1000:.0f})",
            f"{ours / bare:.1f}x (cpu {ours_cpu / bare_cpu:.1f}x)", goal]


def run(runs: int, parts: tuple[str, ...] = PARTS) -> None:
    from PySide6.QtWidgets import QApplication

    import salesdesigner.ui  # noqa: F401 - the PySide6 guard, before any Qt call
    from benchmarks.synthetic import synthetic_process
    from salesdesigner.storage.document import save_document

    _compile_byte_code()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n in (1000, 5000):
            paths[n] = Path(tmp) / f"{n}.salesdesign"
            save_document(synthetic_process(n), paths[n])
        if "startup" in parts:
            with tempfile.TemporaryDirectory() as home:
                rows.append(_startup_row(
                    "start-up to first paint (sample), whole process",
                    _median_pair(OURS_START, BARE_START, runs, home), "3x"))
                rows.append(_startup_row(
                    "open + first paint, 1,000 stages, whole process",
                    _median_pair(ours_open_script(paths[1000]), bare_scene_script(1000), runs,
                                 home), "5x"))
        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        if "open" in parts:
            for n, goal in ((1000, "5x"), (5000, "-")):
                bare_s = statistics.median(bare_scene_seconds(n) for _ in range(runs))
                ours_s = statistics.median(ours_document_seconds(paths[n]) for _ in range(runs))
                rows.append([f"open + first paint, {n:,} stages, in process",
                             f"{ours_s * 1000:.0f}", f"{bare_s * 1000:.0f}",
                             f"{ours_s / bare_s:.1f}x", goal])
        if "drag" in parts:
            releases: list[float] = []
            moves = sorted(m for _ in range(runs)
                           for m in drag_move_ms(paths[1000], releases=releases))
            p95 = moves[int(len(moves) * 0.95) - 1]
            rows.append(["drag: one mouse move + repaint, 1,000 stages (median / p95)",
                         f"{statistics.median(moves):.1f} / {p95:.1f}", "-", "-", "< 16 ms"])
            rows.append(["drag: the release (undo step, re-route, repaint), 1,000 stages",
                         f"{statistics.median(releases):.1f}", "-", "-", "< 100 ms"])
    if "keys" in parts:
        for n, goal in ((1000, "< 5 ms"), (5000, "< 16 ms")):
            keys = sorted(keystroke_ms(synthetic_process(n)))
            p95 = keys[int(len(keys) * 0.95) - 1]
            rows.append([f"keystroke in a stage name, {n:,} stages (median / p95)",
                         f"{statistics.median(keys):.1f} / {p95:.1f}", "-", "-", goal])
    print_table(["figure", "SalesDesigner ms", "bare PySide6 ms", "ratio", "goal"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="median of this many runs")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="run only this part (repeatable): " + ", ".join(PARTS))
    args = parser.parse_args()
    run(args.runs, tuple(args.only or PARTS))


if __name__ == "__main__":
    main()
