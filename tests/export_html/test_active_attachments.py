"""An HTML, SVG or XHTML attachment opened from the playbook (``--attachments folder``)
never runs its own script: it is stored as text and opens as its source (issue 16)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from salesdesigner.export.html import export_html
from salesdesigner.model import Attachment, Material, Process, Stage
from salesdesigner.model.attachment_files import is_active
from tests.export_html.helpers import payload, read

PAGE = b"<html><body><script>document.title='RAN';</script>live</body></html>"
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="RAN"</script>'
       b"</svg>")


def active_process() -> Process:
    p = Process(id="act", name="Active", language="en")
    p.add_attachment(Attachment("page", "offer.html", PAGE, "text/html"))
    p.add_attachment(Attachment("svg", "chart.svg", SVG, "image/svg+xml"))
    p.add_attachment(Attachment("disguised", "notes.bin", PAGE, "application/xhtml+xml"))
    p.add_attachment(Attachment("pdf", "prices.pdf", b"%PDF-1.4", "application/pdf"))
    p.add_stage(Stage("s", "Propose", materials=tuple(
        Material(a, f"attachment:{a}") for a in ("page", "svg", "disguised", "pdf"))))
    return p


@pytest.mark.parametrize(("name", "mime", "active"), [
    ("offer.html", "application/octet-stream", True), ("a.HTM", "", True),
    ("x.xhtml", "", True), ("c.svg", "", True), ("c.svgz", "", True),
    ("n.bin", "text/html", True), ("n.bin", "image/svg+xml", True),
    ("p.pdf", "application/pdf", False), ("i.png", "image/png", False),
    ("t.txt", "text/plain", False), ("offer.html. ", "", True),
])
def test_active_types_are_recognised_by_name_or_type(name, mime, active):
    assert is_active(name, mime) is active


def test_active_attachments_are_written_as_text_and_keep_their_download_name(tmp_path):
    export_html(active_process(), tmp_path / "p.html")
    mats = payload(read(tmp_path / "p.html"))["stages"][0]["materials"]
    assert [m["href"] for m in mats] == ["p_files/offer.html.txt", "p_files/chart.svg.txt",
                                        "p_files/notes.bin.txt", "p_files/prices.pdf"]
    assert [m["download"] for m in mats] == ["offer.html", "chart.svg", "notes.bin",
                                            "prices.pdf"]
    folder = tmp_path / "p_files"
    assert sorted(p.name for p in folder.iterdir()) == [
        "chart.svg.txt", "notes.bin.txt", "offer.html.txt", "prices.pdf"]
    assert (folder / "offer.html.txt").read_bytes() == PAGE  # the bytes are kept


@pytest.mark.slow
def test_opening_an_html_attachment_from_the_playbook_runs_no_script(offline, tmp_path):
    path = tmp_path / "p.html"
    export_html(active_process(), path)
    off = offline
    off.open(path, "#stage-s")
    hrefs = off.page.eval_on_selector_all(".page.is-current .material-link",
                                          "as => as.map(a => a.href)")
    for href in hrefs[:3]:
        off.page.goto(href)
        assert off.page.title() != "RAN"
        assert off.page.evaluate("document.contentType") == "text/plain"
        assert Path(unquote(urlparse(href).path)).suffix == ".txt"
