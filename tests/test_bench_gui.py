"""The GUI benchmark's yardstick is one piece of code: the bare scene a fresh interpreter
paints (whole-process figures) is the one painted in process, so the two ratios compare
SalesDesigner with the same thing."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys

from benchmarks import bench_gui


def test_the_fresh_interpreter_runs_the_in_process_yardstick_itself():
    script = bench_gui.bare_scene_script(7)
    assert inspect.getsource(bench_gui.build_bare_scene) in script
    assert "build_bare_scene(7)" in script
    # no second copy of the drawing code around it
    assert script.count("QGraphicsScene()") == 1 and script.count("addRect") == 1


def test_the_bare_scene_script_paints_and_reports_its_times():
    script = bench_gui.bare_scene_script(7)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    painted, cpu = (float(x) for x in out.stdout.split()[:2])
    assert painted > 0 and cpu > 0


def test_the_in_process_yardstick_builds_what_it_says(qapp):
    scene, view = bench_gui.build_bare_scene(7)
    try:
        kinds = sorted(type(item).__name__ for item in scene.items())
        assert kinds.count("QGraphicsRectItem") == 7
        assert kinds.count("QGraphicsSimpleTextItem") == 7
        assert kinds.count("QGraphicsLineItem") == 6
    finally:
        view.close()
        view.deleteLater()
