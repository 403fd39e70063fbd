"""Thousands of Qt calls must not crash the interpreter (PySide6 6.12 on Python 3.11 drops a
reference to None on every void call; importing salesdesigner.ui guards against it)."""

import subprocess
import sys

CALLS = """
import salesdesigner.ui
from PySide6.QtCore import QObject
o = QObject()
for _ in range(20000):
    o.setObjectName("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_deallocate_none():
    result = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
