"""Pausing Python's cycle collector while thousands of objects are built at once.

Reading a big document and drawing it each make tens of thousands of small objects; the
collector would walk all of them again and again while they are made (half the time of
opening a 5,000-stage document), though none of them form cycles.  Shared by the document
reader (storage) and the canvas (ui), hence outside the layers.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
