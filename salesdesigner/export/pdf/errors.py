"""The one-line errors a PDF export can end with."""

from __future__ import annotations

from salesdesigner.model.errors import UserError


class PdfExportError(UserError):
    """The manual could not be made as asked (unknown lane or stage, unwritable file…)."""


class PdfExportCancelled(PdfExportError):
    """The user cancelled the export; nothing was written."""
