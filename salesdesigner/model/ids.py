"""Stable identifiers for new stages, transitions, lanes and attachments."""

from __future__ import annotations

import re
import uuid
from collections.abc import Container


def new_id(prefix: str) -> str:
    """A fresh id such as ``stage-3f9a1c2b``; random, so two windows never collide."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def slug_id(text: str, taken: Container[str], fallback: str = "stage") -> str:
    """A readable id derived from ``text`` (ASCII words), made unique against ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
