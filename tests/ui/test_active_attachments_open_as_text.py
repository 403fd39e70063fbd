"""An attachment a browser would run (HTML, SVG, XHTML) never opens as a live page from
the reader or the inspector: its copy is named ``NAME.txt``; other files keep their name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from salesdesigner.model import Material, Process, Stage, StageKind
from salesdesigner.model.entities import Attachment
from salesdesigner.ui.inspector.materials import write_attachment_to_temp
from salesdesigner.ui.playbook import PlaybookWindow

SCRIPT = b"<html><script>document.title='RAN'</script></html>"


def _process(filename: str, mime: str) -> Process:
    p = Process(name="Active", language="en")
    p.add_attachment(Attachment("att", filename, SCRIPT, mime))
    p.add_stage(Stage("s", "Call", StageKind.START,
                      materials=(Material("Price list", "attachment:att"),)))
    return p


@pytest.mark.parametrize(("filename", "mime", "opened_as"), [
    ("price.html", "text/html", "price.html.txt"),
    ("chart.svg", "image/svg+xml", "chart.svg.txt"),
    ("innocent.pdf", "text/html", "innocent.pdf.txt"),  # the type decides as well
    ("page.XHTML", "application/octet-stream", "page.XHTML.txt"),
    ("price.pdf", "application/pdf", "price.pdf"),
])
def test_the_reader_opens_an_active_attachment_as_text(qtbot, filename, mime, opened_as):
    window = PlaybookWindow(_process(filename, mime), "active.salesdesign")
    qtbot.addWidget(window)
    window.show()
    window.go_to("s")
    opened = []
    window.open_url = lambda url: opened.append(url) or True
    qtbot.mouseClick(window.page.open_buttons()[0], Qt.MouseButton.LeftButton)
    path = Path(opened[0].toLocalFile())
    assert path.name == opened_as
    assert path.read_bytes() == SCRIPT
    window.close()


@pytest.mark.parametrize(("filename", "mime", "opened_as"), [
    ("price.htm", "text/html", "price.htm.txt"),
    ("../../evil.svg", "image/svg+xml", "evil.svg.txt"),
    ("price.pdf", "application/pdf", "price.pdf"),
])
def test_the_inspector_opens_an_active_attachment_as_text(filename, mime, opened_as):
    path = write_attachment_to_temp(Attachment("att", filename, SCRIPT, mime))
    try:
        assert path.name == opened_as
        assert path.read_bytes() == SCRIPT
    finally:
        path.unlink()
        path.parent.rmdir()
