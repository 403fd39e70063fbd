"""A module imported when first used rather than when its importer is.

The designer's first paint edits nothing, yet the canvas editor, its gestures and the
inspector name the edit rules they will apply; :func:`lazy_module` lets them say so at the
top of the module while the rules (dozens of dataclasses) load with the first edit.  The
model asks networkx its graph questions the same way: importing networkx imports every
algorithm it has (150 ms), and drawing a document asks none.  Used by the model and the
ui layer, hence outside the layers.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module ``name``; the first attribute asked for imports it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        module: ModuleType = import_module(self._name)  # after the first time: a dict look-up
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_module(name: str) -> Any:
    """The module ``name``, imported on first attribute use (typed ``Any`` for callers)."""
    return LazyModule(name)
