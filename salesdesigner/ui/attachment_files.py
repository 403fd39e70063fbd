"""Embedded files copied out for the desktop to open, for the inspector and the reader.

A copy never runs as a live page: an attachment a browser would execute (HTML, SVG,
XHTML — :func:`~salesdesigner.model.attachment_files.is_active`) is written as
``NAME.txt``, so the desktop opens its source in a text viewer, as the HTML playbook does
with its folder of attachments.  A document received by mail can carry such a file.
"""

from __future__ import annotations

from pathlib import Path

from salesdesigner.model.attachment_files import openable_name
from salesdesigner.model.entities import Attachment


def copy_out(attachment: Attachment, folder: Path) -> Path:
    """Write ``attachment`` into ``folder`` under its openable name; the path written."""
    path = folder / openable_name(attachment.filename, attachment.mime_type)
    path.write_bytes(attachment.data)
    return path
