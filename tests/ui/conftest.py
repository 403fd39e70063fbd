"""GUI tests run on Qt's offscreen platform: the real widgets and scene, no display needed.

Every GUI test must leave the application as it found it (napari's habit): a top-level
widget still alive or a timer still running after the test fails it, since it would
show up in, fire in, or slow down the tests after it.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import weakref  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import salesdesigner.ui  # noqa: E402,F401  - installs the PySide6 6.12 None guard first

# Qt's own shared windows, made once and reused (the tooltip label, a menu's tear-off).
QT_SHARED_WINDOWS = frozenset({"QTipLabel"})


class TimerWatch:
    """Records every QTimer started from Python and every single-shot call without a
    context object, so a test's leftovers can be found when it ends."""

    def __init__(self) -> None:
        self.started: list[weakref.ref] = []
        self.pending: dict[int, str] = {}  # single shots not fired yet: id -> what

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        start, single_shot = QTimer.start, QTimer.singleShot
        watch = self

        def recording_start(timer: QTimer, *args):
            watch.started.append(weakref.ref(timer))
            return start(timer, *args)

        def recording_single_shot(msec, *args):
            if len(args) == 1 and callable(args[0]) and not _bound_to_qobject(args[0]):
                call, key = args[0], object()
                watch.pending[id(key)] = _describe(call)

                def fire() -> None:
                    watch.pending.pop(id(key), None)
                    call()

                return single_shot(msec, fire)
            return single_shot(msec, *args)

        monkeypatch.setattr(QTimer, "start", recording_start)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(recording_single_shot))

    def running(self) -> list[str]:
        found = []
        for ref in self.started:
            timer = ref()
            try:
                if timer is not None and timer.isActive():
                    found.append(_describe_timer(timer))
                    timer.stop()  # spare the next tests
            except RuntimeError:  # deleted with its owner: not running
                pass
        return found


def _bound_to_qobject(call) -> bool:
    """A bound method of a QObject: Qt drops the call if the object is deleted first."""
    owner = getattr(call, "__self__", None)
    return owner is not None and hasattr(owner, "destroyed")


def _describe(call) -> str:
    return getattr(call, "__qualname__", repr(call))


def _describe_timer(timer: QTimer) -> str:
    parent = timer.parent()
    owner = type(parent).__name__ if parent is not None else "no parent"
    return f"QTimer {timer.objectName() or ''}(interval {timer.interval()} ms, in {owner})"


def _settle(app: QApplication) -> None:
    """Let deleteLater() and zero-delay timers run, as the event loop would."""
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_leaked_widgets_or_timers(qapp, monkeypatch):
    """Fail a test that leaves top-level widgets alive or timers running."""
    before = set(QApplication.topLevelWidgets())
    watch = TimerWatch()
    watch.install(monkeypatch)
    yield
    _settle(qapp)
    leaked = [w for w in QApplication.topLevelWidgets()  # a window's menus go with it
              if w not in before and w.parentWidget() is None
              and type(w).__name__ not in QT_SHARED_WINDOWS]
    names = [f"{type(w).__name__} {w.objectName() or w.windowTitle()!r}" for w in leaked]
    for widget in leaked:  # spare the next tests
        widget.close()
        widget.deleteLater()
    timers = watch.running()
    late = list(watch.pending.values())
    _settle(qapp)
    problems = []
    if names:
        problems.append(f"top-level widgets left alive: {', '.join(names)}")
    if timers:
        problems.append(f"timers left running: {', '.join(timers)}")
    if late:
        problems.append(f"single-shot calls still to come: {', '.join(late)}")
    if problems:
        pytest.fail("; ".join(problems) + " (close and delete them in the test or fixture)")
