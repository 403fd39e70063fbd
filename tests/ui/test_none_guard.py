"""Thousands of Qt calls must not crash the interpreter (PySide6 6.12 on Python 3.11 drops a
reference to None on every void call; importing salesdesigner.ui guards against it)."""

import ctypes
import subprocess
import sys

from salesdesigner.ui import _none_guard


def _run(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` in a fresh interpreter; it must exit cleanly (no abort, no segfault)."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=False)  # the assert says why
    assert result.returncode == 0, result.stderr[-500:]
    return result


CALLS = """
import salesdesigner.ui
from PySide6.QtCore import QObject
o = QObject()
for _ in range(20000):
    o.setObjectName("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_deallocate_none():
    result = _run(CALLS)
    assert result.stdout.strip() == "survived"


EMITS = """
import salesdesigner.ui
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    changed = Signal()
s = Source()
for _ in range(200000):
    s.changed.emit()
print("survived")
"""


def test_many_signal_emits_do_not_deallocate_true():
    """``Signal.emit`` returns a bool without a reference in PySide6 6.12."""
    result = _run(EMITS)
    assert result.stdout.strip() == "survived"


COPY_AT_EXIT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import salesdesigner.ui
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.canvas.editor import CanvasEditor
app = QApplication([])
editor = CanvasEditor(load_template("eight-step", "en"), QUndoStack())
editor.select_all()
editor.copy_selection()
print(QApplication.clipboard().text().splitlines()[0])
"""


def test_copying_stages_then_exiting_does_not_crash_on_the_way_out():
    """A Python-made QMimeData left on the offscreen clipboard was deleted after the
    interpreter had gone (a segfault at exit); at exit the clipboard keeps plain text."""
    result = _run(COPY_AT_EXIT)
    assert result.stdout.strip()


def _lose_none_reference() -> None:
    """What the PySide6 bug does on each void call: one reference to None too few."""
    ctypes.c_ssize_t.from_address(id(None)).value -= 1


def test_the_probe_tells_a_reference_losing_call_from_a_sound_one():
    assert not _none_guard.loses_references(lambda: None)
    try:
        assert _none_guard.loses_references(_lose_none_reference)
    finally:
        ctypes.c_ssize_t.from_address(id(None)).value += _none_guard.PROBE_CALLS


PROBE = """
import sys

from salesdesigner.ui import _none_guard
from salesdesigner.ui import _none_guard
print(_none_guard.needs_guard())
"""

PADDED = """
import sys

from salesdesigner.ui import _none_guard
import salesdesigner.ui
print(sys.getrefcount(None) > 2**39)
"""


def test_the_guard_pads_none_exactly_when_the_installed_pyside6_loses_references():
    """PySide6 6.12.0 on Python 3.11 loses them (seen: a thousand emits abort); Python
    3.12+ makes None immortal, so no probe and no padding there."""
    import PySide6

    needed = _run(PROBE).stdout.strip() == "True"
    if sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0":
        assert needed
    if sys.version_info >= (3, 12):
        assert not needed
    assert (_run(PADDED).stdout.strip() == "True") == needed
