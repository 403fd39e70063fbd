"""The printable onboarding manual (reportlab platypus).

``export_pdf(process, path, paper=..., lanes=..., stages=..., progress=..., cancelled=...)``
writes it; ``render_pdf`` returns the bytes and any warnings (for a preview).
"""

from salesdesigner.export.pdf.builder import PdfResult, export_pdf, render_pdf, select_stages
from salesdesigner.export.pdf.errors import PdfExportCancelled, PdfExportError

__all__ = [
           "PdfExportCancelled",
           "PdfExportError",
           "PdfResult",
           "export_pdf",
           "render_pdf",
           "select_stages",
]
