"""Work around a PySide6 6.12 bug on Python 3.11: wrappers of void C++ methods return
``None`` without a new reference, so every such call lowers ``None``'s reference count
and, after a few thousand calls, CPython aborts with "deallocating None".

Python 3.12+ makes ``None`` immortal, which hides the bug there.  On older Pythons we give
``None`` a reference count so large that it can never reach zero — the same thing 3.12
does.  ``Signal.emit()`` returns ``True``/``False`` with the same missing reference, so
the two bools get the same padding.  Harmless when the bug is absent; remove once PySide6 is fixed or pinned.
"""

from __future__ import annotations

import ctypes
import sys

_PAD = 1 << 40


def ensure_none_survives() -> None:
    """Pad ``None``, ``True`` and ``False`` (``Signal.emit`` returns a bool the same way)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        if refcnt.value < _PAD // 2:
            refcnt.value += _PAD
