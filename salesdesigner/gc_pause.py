"""Pausing Python's cycle collector while thousands of objects are built at once.

Reading a big document and drawing it each make tens of thousands of small objects; the
collector would walk all of them again and again while they are made (half the time of
opening a 5,000-stage document), though none of them form cycles.  Starting the designer
is the same: importing networkx, Qt's enums and the window's modules, then building the
window, sets the collector off about 130 times, each walk longer than the last (80 ms of
a 700 ms start).  Shared by the document reader (storage), the canvas and the start-up
(ui), hence outside the layers.

The collector is one switch for the whole process: a pause taken in a worker thread (the
import dialog's read, the dashboard's analysis) would hold for the UI thread's objects too,
for as long as the worker runs, and two threads' pauses ending out of order could leave it
off.  So only the main thread pauses for a whole task; in any other thread such a pause is
a no-op, and a worker pauses only ``briefly`` (one chunk of its work, tens of
milliseconds), so the collector runs between its chunks for the UI thread as well.  Each
pause turns the collector back on only if it was on when it began: pauses of two threads
ending in any order leave it on.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_start_up = {"paused": False}  # a start-up pause under way (set by pause_start_up)


@contextmanager
def collector_paused(*, briefly: bool = False) -> Iterator[None]:
    """The collector off for the block, back as it was afterwards, also when the block
    raises; in a worker thread only a ``briefly`` pause (see the module doc)."""
    if not briefly and threading.current_thread() is not threading.main_thread():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def start_up_paused() -> Iterator[None]:
    """The collector off from here until :func:`end_start_up_pause` (called at the first
    paint), or until the block ends, whichever comes first.  Only a collector that is on
    is paused, so one the caller turned off stays off."""
    if gc.isenabled():
        gc.disable()
        _start_up["paused"] = True
    try:
        yield
    finally:
        end_start_up_pause()


def end_start_up_pause() -> None:
    """The collector back on after :func:`start_up_paused`; what start-up made and still
    holds (modules, classes, the window) is frozen out of later walks, as it lives as long
    as the process.  Safe to call more than once, and without a pause."""
    if _start_up["paused"]:
        _start_up["paused"] = False
        gc.freeze()
        gc.enable()
