"""Opening a stage's materials: web links in the browser, embedded files via a temp copy.

The document is never written: an embedded attachment is copied out to a private
temporary folder (kept for the window's lifetime) and opened from there, active types
as text (:mod:`salesdesigner.ui.attachment_files`).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl

from salesdesigner.model.attachment_files import safe_filename
from salesdesigner.model.entities import Material
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.ui.attachment_files import copy_out

SAFE_SCHEMES = ("http", "https", "mailto", "tel", "file")


class MaterialError(UserError):
    """A material that cannot be opened; ``reason`` is "missing" or "unsupported"."""

    def __init__(self, message: str, reason: str, subject: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.subject = subject


class MaterialOpener:
    """Turns a material into a URL to open; owns the temp folder for attachments."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def url_for(self, process: Process, material: Material) -> QUrl:
        attachment_id = material.attachment_id
        if attachment_id is not None:
            if attachment_id not in process.attachments:
                raise MaterialError(f"The embedded file for “{material.title}” is missing.",
                                    "missing", material.title)
            attachment = process.attachment(attachment_id)
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="salesdesigner-playbook-"))
            folder = self._folder / safe_filename(attachment_id, "file")
            folder.mkdir(exist_ok=True)
            return QUrl.fromLocalFile(str(copy_out(attachment, folder)))
        uri = material.uri.strip()
        url = QUrl(uri, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES:
            raise MaterialError(f"Cannot open “{uri[:80]}”: only web, mail and file links "
                                "can be opened.", "unsupported", uri[:80])
        return url

    def cleanup(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
