"""Where bundled resources live, whether installed, editable or run from a checkout."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder (``salesdesigner.resources`` once installed)."""
    try:
        import salesdesigner.resources as pkg
        return Path(pkg.__file__).parent
    except ImportError:  # running from a checkout without installing
        return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
