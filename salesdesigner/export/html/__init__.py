"""The rep's offline HTML playbook: one self-contained page that works on a train."""

from salesdesigner.export.html.builder import HtmlExportError, export_html, render_page

__all__ = ["HtmlExportError", "export_html", "render_page"]
