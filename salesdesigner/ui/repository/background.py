"""Repository calls off the GUI thread: a server that does not answer (a dead host waits
for the connection timeout) must never freeze the window.

:func:`run` is for what the user waits for (the list, open, save, publish, upload): the
work runs in a :class:`~salesdesigner.ui.performance.work_job.WorkJob` while a local event
loop keeps the window painting, and a window-modal busy dialog (after a moment, so quick
calls do not flash it) offers Cancel.  Cancel stops the waiting, not the server: a job
already sent finishes in the background, and ``late`` is told what it returned (a
cancelled save that did reach the server still counts).

:func:`later` is for what nobody waits for (the "being edited by …" notice: set, renew,
withdraw): one daemon thread runs them in order, so a withdrawal never overtakes the
notice it withdraws, and a hanging server cannot delay quitting.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from salesdesigner.ui.performance.work_job import WorkJob

T = TypeVar("T")

#: Milliseconds before the busy dialog appears (a quick answer shows nothing).
BUSY_DELAY_MS = 400
#: Seconds quitting waits for the notices still to be withdrawn.
QUIT_NOTICE_SECONDS = 5.0

_running: set[WorkJob] = set()  # jobs still working, cancelled ones included
_quit_hooked = False
_waiting: set[int] = set()  # the windows waiting for a job (by id)


class Cancelled(Exception):
    """The user pressed Cancel while waiting for the server."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamRepository", text)


def _hook_quit() -> None:
    """At quit, let cancelled jobs end (each is bounded by the connection timeout): a
    QThread destroyed while running would abort the program; and give the notices queued
    by the closing windows a few seconds to be withdrawn (the daemon thread dies with the
    program; a notice it could not withdraw runs out by itself)."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        app.aboutToQuit.connect(lambda: (wait_for_jobs(), drain(QUIT_NOTICE_SECONDS)))
        _quit_hooked = True


def wait_for_jobs(msecs: int = 30_000) -> None:
    """Block until every job has ended and its result was delivered (tests; quitting)."""
    for job in list(_running):
        job.wait(msecs)
    QCoreApplication.sendPostedEvents()


def running_jobs() -> int:
    return len(_running)


def run(parent: QWidget | None, text: str, work: Callable[[], T], *,
        late: Callable[[object], None] | None = None) -> T:
    """``work()`` in a worker thread; its result, or its exception raised here.

    Meanwhile the event loop runs and, after :data:`BUSY_DELAY_MS`, a busy dialog saying
    ``text`` offers Cancel, which raises :class:`Cancelled` at once; what the job returns
    after that goes to ``late`` (result or exception), if given."""
    _hook_quit()
    if parent is not None and id(parent) in _waiting:
        raise Cancelled  # one request per window at a time (a second Ctrl+S is dropped)
    outcome: list[object] = []
    loop = QEventLoop()
    job = WorkJob(0, work, QCoreApplication.instance())
    busy = QProgressDialog(text, _tr("Cancel"), 0, 0, parent)
    busy.setObjectName("RepositoryBusyDialog")
    busy.setWindowTitle(_tr("Team Repository"))
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.reset()  # (stops its own show timer: ours below shows it, or nothing does)
    cancelled = [False]

    def done(_generation: int, result: object) -> None:
        if cancelled[0]:
            if late is not None:
                late(result)
            return
        outcome.append(result)
        loop.quit()

    def cancel() -> None:
        cancelled[0] = True
        loop.quit()

    def finished() -> None:
        _running.discard(job)
        job.deleteLater()

    job.done.connect(done)
    job.finished.connect(finished)
    busy.canceled.connect(cancel)
    shower = QTimer(busy)
    shower.setSingleShot(True)
    shower.timeout.connect(busy.show)
    _running.add(job)
    job.start()
    shower.start(BUSY_DELAY_MS)
    if parent is not None:
        _waiting.add(id(parent))
    try:
        loop.exec()
    finally:
        _waiting.discard(id(parent))
        shower.stop()
        busy.canceled.disconnect(cancel)
        busy.close()
        busy.deleteLater()
    if cancelled[0] or not outcome:
        cancelled[0] = True
        raise Cancelled
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result  # type: ignore[return-value]


# ---------------------------------------------------------------------- fire and forget
_queue: queue.Queue[Callable[[], Any]] = queue.Queue()
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()


def _serve() -> None:
    while True:
        task = _queue.get()
        try:
            task()
        except Exception:  # noqa: BLE001,S110 - a notice that fails simply runs out
            pass
        finally:
            _queue.task_done()


def later(task: Callable[[], Any]) -> None:
    """Run ``task`` on the notice thread after the tasks queued before it (errors are
    dropped: the notice is advice with an expiry, never a lock)."""
    global _worker
    if threading.current_thread() is threading.main_thread():
        _hook_quit()
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_serve, name="repository-notices", daemon=True)
            _worker.start()
    _queue.put(task)


def drain(timeout: float = 30.0) -> bool:
    """Wait until the queued tasks are done (tests); False if ``timeout`` ran out."""
    done = threading.Event()
    later(done.set)
    return done.wait(timeout)


__all__ = ["BUSY_DELAY_MS", "Cancelled", "drain", "later", "run", "running_jobs",
           "wait_for_jobs"]
