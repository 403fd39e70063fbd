"""The leak check of tests/ui/conftest.py fails a test that leaves a window alive or a
timer running, and passes one that cleans up (run on throw-away tests in a fresh pytest,
with the conftest loaded as a plugin)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBES = '''
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

def test_leaves_a_window(qapp):
    global kept
    kept = QWidget()
    kept.setWindowTitle("left open")
    kept.show()

def test_leaves_a_timer(qapp):
    global timer
    timer = QTimer()
    timer.start(60_000)

def test_cleans_up(qapp):
    w = QWidget()
    w.show()
    w.close()
    w.deleteLater()
'''


def test_a_leaked_window_or_timer_fails_the_test_and_a_clean_one_passes(tmp_path):
    (tmp_path / "test_probes.py").write_text(PROBES, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ui.conftest", "-q", "-p", "no:randomly",
         "-p", "no:cacheprovider", "-rA", str(tmp_path / "test_probes.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    summary = [line for line in result.stdout.splitlines()
               if line.startswith(("PASSED", "ERROR", "FAILED"))]
    outcome = {line.split("::")[1].split()[0]: line.split()[0] for line in summary}
    assert outcome == {"test_leaves_a_window": "ERROR", "test_leaves_a_timer": "ERROR",
                       "test_cleans_up": "PASSED"}, result.stdout[-3000:]
    assert "top-level widgets left alive: QWidget 'left open'" in result.stdout
    assert "timers left running: QTimer" in result.stdout
    assert result.returncode == 1
