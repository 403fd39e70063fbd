"""Embedded files copied out for the desktop to open, for the inspector and the reader.

A copy never runs as a live page: an attachment a browser would execute (HTML, SVG,
XHTML — :func:`~salesdesigner.export.html.data.is_active`) is written as ``NAME.txt``, so
the desktop opens its source in a text viewer, as the HTML playbook does with its folder
of attachments.  A document received by mail can carry such a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from salesdesigner.export.html.data import is_active
from salesdesigner.model.entities import Attachment


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A file name with no folders, control or reserved characters, never empty or hidden."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r'[\x00-\x1f\x7f<>:"|?*]', "_", base).strip().strip(".")
    return base[:120] or fallback


def openable_name(attachment: Attachment) -> str:
    """The name the copy gets: the attachment's own, with ``.txt`` added to active types."""
    name = safe_filename(attachment.filename)
    return name + ".txt" if is_active(attachment.filename, attachment.mime_type) else name


def copy_out(attachment: Attachment, folder: Path) -> Path:
    """Write ``attachment`` into ``folder`` under :func:`openable_name`; the path written."""
    path = folder / openable_name(attachment)
    path.write_bytes(attachment.data)
    return path
