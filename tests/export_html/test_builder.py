"""The written page without a browser: escaping, CSP, attachments, options, errors."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from salesdesigner.export.html import HtmlExportError, export_html
from salesdesigner.export.html.builder import script_json
from salesdesigner.export.html.data import link_href, stage_fragment
from salesdesigner.model import UserError
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import words_for
from tests.export_html.helpers import (
    XSS_IMG,
    XSS_SCRIPT,
    hostile_process,
    payload,
    read,
    template,
    with_attachments,
)
from tests.strategies import processes

EN, JA = words_for("en", "playbook").flat(), words_for("ja", "playbook").flat()


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"a": "</script><!--<script>&\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text


def test_hostile_text_appears_only_escaped(tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    export_html(hostile_process(), out)
    html = read(out)
    assert html.lower().count("<script") == 2  # the data block and our own script
    assert html.lower().count("</script") == 2
    assert "<img" not in html.lower()
    assert "<b>ACME" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # escaped in the SVG and title
    assert "red;}" not in html  # a lane colour that is not a hex colour is replaced
    data = payload(html)
    assert data["process"]["name"] == XSS_SCRIPT
    names = [s["name"] for s in data["stages"]]
    assert names == [XSS_IMG, XSS_SCRIPT, "Won"]


def test_csp_allows_exactly_the_inline_script_and_style(tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    export_html(template("eight-step", "en"), out)
    html = read(out)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.DOTALL).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src 'sha256-{sha(script)}'" in csp
    assert f"style-src 'sha256-{sha(style)}'" in csp
    for rule in ("default-src 'none'", "connect-src 'none'", "base-uri 'none'",
                 "form-action 'none'"):
        assert rule in csp
    assert "unsafe" not in csp and "http" not in csp


def test_page_language_and_labels_follow_the_process(tmp_path: Path) -> None:
    for lang, labels in (("ja", JA), ("en", EN)):
        out = tmp_path / f"{lang}.html"
        export_html(template("eight-step", lang), out)
        html = read(out)
        assert f'<html lang="{lang}">' in html
        assert payload(html)["labels"] == labels
        assert labels["search"] in html


def test_stages_are_in_process_order_and_branches_point_by_index(tmp_path: Path) -> None:
    process = template("the-model", "ja")
    out = tmp_path / "p.html"
    export_html(process, out)
    data = payload(read(out))
    order = process_order(process)
    assert [s["id"] for s in data["stages"]] == order
    for stage, sid in zip(data["stages"], order, strict=False):
        assert [data["stages"][b["to"]]["id"] for b in stage["out"]] == \
            [t.target for t in process.outgoing(sid)]
        assert [b["label"] for b in stage["out"]] == [t.label for t in process.outgoing(sid)]
        assert stage["hash"] == stage_fragment(sid)
    assert any(b["back"] for s in data["stages"] for b in s["out"])  # nurture loops


def test_attachments_go_to_a_sibling_folder_with_relative_links(tmp_path: Path) -> None:
    process = with_attachments()
    out = tmp_path / "play book.html"
    export_html(process, out)
    folder = tmp_path / "play book_files"
    assert sorted(p.name for p in folder.iterdir()) == ["brochure.pdf", "price list.pdf"]
    assert (folder / "price list.pdf").read_bytes() == process.attachment("small").data
    mats = payload(read(out))["stages"][0]["materials"]
    assert mats[0]["href"] == "play%20book_files/price%20list.pdf"
    assert mats[1]["href"] == "play%20book_files/brochure.pdf"
    assert mats[2]["href"] == "https://example.com/a?b=1&c=<2>"
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # like any file the user saves


def test_inline_mode_embeds_small_attachments_and_keeps_large_ones_beside(tmp_path: Path) -> None:
    process = with_attachments(small=100, large=5000)
    out = tmp_path / "p.html"
    export_html(process, out, attachments="inline", inline_limit=1000)
    mats = payload(read(out))["stages"][0]["materials"]
    assert mats[0]["href"].startswith("data:application/pdf;base64,")
    assert base64.b64decode(mats[0]["href"].split(",", 1)[1]) == process.attachment("small").data
    assert mats[0]["download"] == "price list.pdf"
    assert mats[1]["href"] == "p_files/brochure.pdf"
    assert [p.name for p in (tmp_path / "p_files").iterdir()] == ["brochure.pdf"]


def test_no_folder_is_made_when_nothing_needs_it(tmp_path: Path) -> None:
    export_html(template("eight-step", "en"), tmp_path / "p.html")
    assert [p.name for p in tmp_path.iterdir()] == ["p.html"]


def test_unsafe_material_addresses_are_not_links() -> None:
    assert link_href("javascript:alert(1)") is None
    assert link_href(" JavaScript:alert(1)") is None
    assert link_href("data:text/html,<script>") is None
    assert link_href("file:///etc/passwd") is None
    assert link_href("https://ok.example/x") == "https://ok.example/x"
    assert link_href("mailto:a@b.c") == "mailto:a@b.c"


@pytest.mark.parametrize("kwargs, message", [
    ({"attachments": "zip"}, "attachments option"),
    ({"inline_limit": -1}, "inline limit"),
])
def test_bad_options_are_user_errors(tmp_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(HtmlExportError, match=message):
        export_html(template("eight-step", "en"), tmp_path / "p.html", **kwargs)


def test_unwritable_places_are_one_line_user_errors(tmp_path: Path) -> None:
    with pytest.raises(HtmlExportError, match="does not exist"):
        export_html(template("eight-step", "en"), tmp_path / "missing" / "p.html")
    with pytest.raises(HtmlExportError, match="is a folder"):
        export_html(template("eight-step", "en"), tmp_path)
    (tmp_path / "p_files").write_text("in the way")
    with pytest.raises(HtmlExportError, match="not a folder"):
        export_html(with_attachments(), tmp_path / "p.html")
    assert not (tmp_path / "p.html").exists()
    assert issubclass(HtmlExportError, UserError)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(process=processes(max_stages=8))
def test_any_process_exports_and_its_text_survives_verbatim(tmp_path: Path, process) -> None:
    out = tmp_path / "p.html"
    export_html(process, out, attachments="inline")
    html = out.read_bytes().decode("utf-8")
    data = payload(html)
    order = process_order(process)
    assert [s["id"] for s in data["stages"]] == order
    for stage, sid in zip(data["stages"], order, strict=False):
        src = process.stage(sid)
        assert stage["name"] == src.name
        assert [s["body"] for s in stage["scripts"]] == [s.body for s in src.scripts]
    assert html.lower().count("</script") == 2


def test_page_script_never_parses_or_evaluates_text() -> None:
    from salesdesigner.export.html.builder import page_script
    script = page_script()
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                   "new Function", "fetch(", "XMLHttpRequest", "import("):
        assert banned not in script, banned
    assert "textContent" in script


def test_diagram_draws_stages_where_the_shared_geometry_puts_them() -> None:
    from xml.etree import ElementTree as ET

    labels = EN
    from salesdesigner.export.html.svg import diagram_svg
    from salesdesigner.model import StageKind
    from salesdesigner.model.geometry import stage_rect
    process = template("eight-step", "en")
    root = ET.fromstring(diagram_svg(process, labels))
    ns = {"s": "http://www.w3.org/2000/svg"}
    links = root.findall(".//s:a", ns)
    assert len(links) == len(process.stages)
    order = process_order(process)
    for link in links:
        stage = process.stage(order[int(link.get("data-i"))])
        assert link.get("href") == "#" + stage_fragment(stage.id)
        r = stage_rect(stage)
        if stage.kind is StageKind.DECISION:
            points = link.find("s:polygon", ns).get("points").split()
            xs = [float(p.split(",")[0]) for p in points]
            ys = [float(p.split(",")[1]) for p in points]
            assert (min(xs), max(xs), min(ys), max(ys)) == pytest.approx(
                (r.x, r.right, r.y, r.bottom), abs=0.05)
        else:
            rect = link.find("s:rect", ns)
            got = [float(rect.get(k)) for k in ("x", "y", "width", "height")]
            assert got == pytest.approx([r.x, r.y, r.width, r.height], abs=0.05)
    assert len(root.findall(".//s:path[@class='edge']", ns)) + len(
        root.findall(".//s:path[@class='edge back']", ns)) == len(process.transitions)


def _needs_a_symbol_font(c: str) -> bool:
    """Emoji and technical symbols (⏱ ⧉ ⤢ 📎 💡 …) that machines without an emoji or
    symbol font draw as empty boxes; arrows, CJK and ordinary punctuation are everywhere."""
    n = ord(c)
    return n >= 0x2300 and not (0x3000 <= n <= 0x9FFF or 0xFF00 <= n <= 0xFFEF)


def test_the_playbooks_own_icons_are_drawn_not_emoji(tmp_path: Path) -> None:
    # a document in plain ASCII: whatever symbol is left in the page is the playbook's own
    from salesdesigner.model import Material, Process, Script, Stage, StageKind

    process = Process(id="p", name="Plain", language="en")
    process.add_stage(Stage("s", "Call", StageKind.STAGE, duration_days=3.0,
                            scripts=(Script("Open", "", "Hello"),),
                            materials=(Material("Deck", "https://example.com/deck"),),
                            tips=("Smile",)))
    for language in ("en", "ja"):
        process.update_process(language=language)
        page = tmp_path / f"{language}.html"
        export_html(process, page)
        text = page.read_text(encoding="utf-8")
        assert not [c for c in set(text) if _needs_a_symbol_font(c)], language
        for name in ("duration", "copy-button", "material-link", "tip"):
            # each icon is an SVG mask in the text colour
            assert re.search(r"\." + name + r" \{ --icon: url\(\"data:image/svg\+xml,", text), name
