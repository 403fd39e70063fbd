"""File ▸ Export: the diagram as PNG or SVG, the interchange JSON and GraphML, the manual
and the playbook.  Exports handed to reps never carry the deal data; when the document
holds actuals the file dialog and the status bar say so.  Words stay in the window's
translation context."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def export(window: MainWindow, kind: str) -> str | None:
    """Run one File ▸ Export entry; returns the written path (None if cancelled/failed)."""
    doc, process, scene = window.document, window.process, window.scene

    def png(path: str) -> None:
        from salesdesigner.ui.canvas.image_export import export_png
        export_png(scene, path)

    def svg(path: str) -> None:
        from salesdesigner.ui.canvas.image_export import export_svg
        export_svg(scene, path)

    def json_(path: str) -> None:
        from salesdesigner.storage.json_format import export_json
        export_json(process, path)

    def graphml(path: str) -> None:
        from salesdesigner.storage.graphml import export_graphml
        export_graphml(process, path)

    def pdf(path: str) -> None:
        from salesdesigner.export.pdf import export_pdf  # type: ignore[attr-defined]
        export_pdf(process, path)

    def html(path: str) -> None:
        from salesdesigner.export.html import export_html  # type: ignore[import-not-found]
        export_html(process, path)

    table = {
        "png": (_tr("Export Diagram as PNG"), _tr("PNG images (*.png)"), ".png", png),
        "svg": (_tr("Export Diagram as SVG"), _tr("SVG images (*.svg)"), ".svg", svg),
        "json": (_tr("Export JSON"), _tr("JSON files (*.json)"), ".json", json_),
        "graphml": (_tr("Export GraphML"), _tr("GraphML files (*.graphml)"),
                    ".graphml", graphml),
        "pdf": (_tr("Export Manual (PDF)"), _tr("PDF documents (*.pdf)"), ".pdf", pdf),
        "html": (_tr("Export Playbook (HTML)"), _tr("HTML pages (*.html)"), ".html",
                 html),
    }
    title, file_filter, suffix, write = table[kind]
    private = kind in ("json", "graphml", "pdf", "html") and bool(process.actuals)
    if private:  # handed to reps: say that the deal data stays behind
        title = _tr("{title} — without the deal data").format(title=title)
    path = doc.export(title, file_filter, suffix, write)
    if path and private:
        window.show_status(_tr(
            "Exported {name}. The deal history from the CRM is not in it: exports never "
            "carry deal data.").format(name=Path(path).name))
    return path
