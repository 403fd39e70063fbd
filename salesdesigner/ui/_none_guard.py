"""Work around a PySide6 bug on Python 3.11: wrappers of void C++ methods return ``None``
without a new reference, so every such call lowers ``None``'s reference count and, after
a few thousand calls, CPython aborts with "deallocating None".  ``Signal.emit()`` returns
``True``/``False`` with the same missing reference (a thousand emits abort).

Python 3.12+ makes these singletons immortal, which hides the bug there.  On older
Pythons the guard first *probes* the installed PySide6: a few void calls and emits, and a
look at the reference counts.  Only when they drop (PySide6 6.12.0 on Python 3.11, tested;
PyPI offered no other version to test) does it give the singletons a count so large that
it can never reach zero — what 3.12 does.  A fixed PySide6 is left alone.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

_PAD = 1 << 40
PROBE_CALLS = 16


def _void_call_and_emit() -> Callable[[], None]:
    """One void Qt call and one signal emit, repeatable (what the bug mishandles)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        pinged = Signal()

    probe = _Probe()

    def call() -> None:
        probe.setObjectName("probe")
        probe.pinged.emit()

    call.keep = probe  # type: ignore[attr-defined]
    return call


def loses_references(call: Callable[[], None], times: int = PROBE_CALLS) -> bool:
    """Whether ``call`` lowers the reference count of None, True or False each time."""
    before = [sys.getrefcount(s) for s in (None, True, False)]
    for _ in range(times):
        call()
    after = [sys.getrefcount(s) for s in (None, True, False)]
    lost = sum(b - a for b, a in zip(before, after, strict=True))
    return lost >= times * 3 // 4  # a stray reference elsewhere is not the bug


def needs_guard(call: Callable[[], None] | None = None) -> bool:
    """True on a CPython before 3.12 whose PySide6 loses references (see above)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    return loses_references(call or _void_call_and_emit())


def pad_singletons() -> None:
    """Pad ``None``, ``True`` and ``False`` so that no missing reference can free them."""
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        if refcnt.value < _PAD // 2:
            refcnt.value += _PAD


def ensure_none_survives() -> bool:
    """Pad the singletons when the installed PySide6 needs it; returns whether it did."""
    if needs_guard():
        pad_singletons()
        return True
    return False
