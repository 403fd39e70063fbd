"""The playbook in a real headless Chromium, offline: navigate, search, filter, copy, stay safe."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlparse

import networkx as nx
import pytest
from playwright.sync_api import expect

from salesdesigner.export.html import export_html
from salesdesigner.model import StageKind
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import words_for
from tests.export_html.conftest import Offline, open_offline
from tests.export_html.helpers import (
    XSS_IMG,
    XSS_SCRIPT,
    hostile_process,
    template,
    with_attachments,
)

EN, JA = words_for("en", "playbook").flat(), words_for("ja", "playbook").flat()

pytestmark = pytest.mark.slow

CURRENT_TITLE = ".page.is-current h1"


@pytest.fixture(scope="module")
def model_ja(tmp_path_factory) -> tuple[Path, object]:
    process = template("the-model", "ja")
    path = tmp_path_factory.mktemp("ja") / "playbook.html"
    export_html(process, path)
    return path, process


def clean(off: Offline) -> None:
    """Nothing reached for the network, no dialog, no script error."""
    assert off.requests == []
    assert off.dialogs == []
    assert off.errors == []


def title(off: Offline) -> str:
    return off.page.inner_text(CURRENT_TITLE)


def expect_title(off: Offline, name: str) -> None:
    """The shown stage's title becomes ``name`` (routing follows hashchange, a moment later)."""
    expect(off.page.locator(CURRENT_TITLE)).to_have_text(name, timeout=3000)


def test_rep_walks_from_first_stage_to_won_by_following_branches(offline, model_ja) -> None:
    path, process = model_ja
    off = offline
    off.open(path)
    won = next(s.id for s in process.stages if s.kind is StageKind.WON)
    order = process_order(process)
    route = nx.shortest_path(process.graph, order[0], won)
    off.page.click(".start-button")
    expect_title(off, process.stage(route[0]).name)
    for sid in route[1:]:
        name = process.stage(sid).name
        off.page.locator(".page.is-current .route-out a.branch").filter(
            has=off.page.locator(".branch-name", has_text=name)).first.click()
        expect_title(off, name)
        assert off.page.evaluate("location.hash") == f"#stage-{sid}"
    assert off.page.inner_text(".page.is-current .kind-badge") == JA["kind_won"]
    off.page.go_back()
    expect_title(off, process.stage(route[-2]).name)
    clean(off)


def test_clicking_a_stage_on_the_map_opens_it_and_the_map_marks_it(offline, model_ja) -> None:
    path, process = model_ja
    off = offline
    off.open(path)
    target = process_order(process)[5]
    index = process_order(process).index(target)
    off.page.click(f'#map a.st[data-i="{index}"]')
    expect_title(off, process.stage(target).name)
    off.page.click(".page.is-current .map-link")
    expect(off.page.locator("#overview")).to_be_visible()
    expect(off.page.locator("#map a.st.current")).to_have_attribute("data-i", str(index))
    clean(off)


def test_search_for_a_script_phrase_lands_on_its_stage(offline, model_ja) -> None:
    path, process = model_ja
    off = offline
    off.open(path)
    stage = [process.stage(s) for s in process_order(process) if process.stage(s).scripts][-1]
    phrase = stage.scripts[0].body[8:22]
    off.page.keyboard.press("/")
    assert off.page.evaluate("document.activeElement.id") == "search"
    off.page.keyboard.type(phrase)
    # the results follow each key typed: wait for those of the whole phrase, not a prefix's
    expect(off.page.locator(".search-results .hit mark").first).to_have_text(phrase)
    first = off.page.locator(".search-results .hit").first
    assert stage.name in first.inner_text()
    off.page.keyboard.press("Enter")
    expect_title(off, stage.name)
    flashed = off.page.locator(".page.is-current .script.flash")
    assert phrase in flashed.inner_text()
    assert off.page.is_hidden(".search-results")
    clean(off)


def test_search_is_width_and_case_insensitive(offline, model_ja) -> None:
    path, _ = model_ja
    off = offline
    off.open(path)
    off.page.fill("#search", "ｓｑｌ")  # full-width letters find "SQL"
    off.page.wait_for_selector(".search-results .hit")
    assert "SQL" in off.page.locator(".search-results .hit mark").first.inner_text()
    off.page.fill("#search", "zzzz-nothing")
    expect(off.page.locator(".search-results .hit-count")).to_have_text(
        JA["no_results"].format(q="zzzz-nothing"))
    off.page.keyboard.press("Escape")
    assert off.page.is_hidden(".search-results")
    clean(off)


def test_lane_filter_shows_only_that_lane_and_keys_step_within_it(offline, model_ja) -> None:
    path, process = model_ja
    off = offline
    off.open(path)
    lane = process.lanes[1]
    in_lane = [s for s in process_order(process) if process.stage(s).lane == lane.id]
    off.page.select_option("#lane-filter", label=lane.name)
    visible = off.page.locator(".stage-list .nav-li:not([hidden]) .nav-name").all_inner_texts()
    assert visible == [process.stage(s).name for s in in_lane]
    off.page.locator("#lane-filter").evaluate("select => select.blur()")
    off.page.keyboard.press("j")
    expect_title(off, process.stage(in_lane[0]).name)
    off.page.keyboard.press("ArrowRight")
    expect_title(off, process.stage(in_lane[1]).name)
    off.page.keyboard.press("k")
    expect_title(off, process.stage(in_lane[0]).name)
    dimmed = off.page.locator("#map a.st.dim").count()
    assert dimmed == len(process.stages) - len(in_lane)
    off.page.reload()  # the choice is remembered
    off.page.wait_for_selector("html.ready", state="attached")
    assert off.page.input_value("#lane-filter") == "1"
    off.page.select_option("#lane-filter", "all")
    assert off.page.locator(".stage-list .nav-li:not([hidden])").count() == len(process.stages)
    clean(off)


def test_keyboard_steps_through_the_whole_process_in_order(offline) -> None:
    process = template("eight-step", "en")
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "p.html"
        export_html(process, page_path)
        off = offline
        off.open(page_path)
        seen = []
        for sid in process_order(process):
            off.page.keyboard.press("ArrowRight")
            expect_title(off, process.stage(sid).name)
            seen.append(title(off))
        off.page.keyboard.press("ArrowRight")  # past the end: stays
        off.page.wait_for_timeout(100)
        assert title(off) == seen[-1]
        assert seen == [process.stage(s).name for s in process_order(process)]
        off.page.keyboard.press("m")
        expect(off.page.locator("#overview")).to_be_visible()
        clean(off)


def _copy_and_read(off: Offline, path: Path, process, reader: str) -> str:
    stage = next(s for s in process_order(process) if process.stage(s).scripts)
    off.open(path, f"#stage-{stage}")
    button = off.page.locator(".page.is-current .copy-button").first
    button.click()
    off.page.wait_for_selector(".page.is-current .copy-button.done")
    assert button.inner_text() == JA["copied"]
    return off.page.evaluate(reader)


def test_copy_button_puts_the_script_on_the_clipboard(browser, model_ja) -> None:
    path, process = model_ja
    off = open_offline(browser, permissions=("clipboard-read", "clipboard-write"))
    try:
        text = _copy_and_read(off, path, process, "navigator.clipboard.readText()")
        stage = next(s for s in process_order(process) if process.stage(s).scripts)
        assert text == process.stage(stage).scripts[0].body
        clean(off)
    finally:
        off.context.close()


def test_copy_falls_back_to_a_hidden_textarea_without_the_clipboard_api(browser, model_ja) -> None:
    path, process = model_ja
    hide_api = """
      window.__clip = navigator.clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard',
                            {get: () => undefined, configurable: true});
    """
    off = open_offline(browser, permissions=("clipboard-read", "clipboard-write"),
                       init_script=hide_api)
    try:
        assert off.page.evaluate("navigator.clipboard") is None or True
        text = _copy_and_read(off, path, process, "window.__clip.readText()")
        stage = next(s for s in process_order(process) if process.stage(s).scripts)
        assert text == process.stage(stage).scripts[0].body
        assert off.page.locator("textarea").count() == 0  # the buffer is removed again
        clean(off)
    finally:
        off.context.close()


def test_hostile_names_show_as_text_and_run_nothing(offline, tmp_path: Path) -> None:
    process = hostile_process()
    path = tmp_path / "evil.html"
    export_html(process, path)
    off = offline
    off.open(path)
    assert off.page.inner_text("#overview h1") == XSS_SCRIPT
    assert off.page.locator(".stage-list .nav-name").all_inner_texts() == [XSS_IMG, XSS_SCRIPT,
                                                                           "Won"]
    for sid in process_order(process):
        off.page.click(f'#map a.st[data-i="{process_order(process).index(sid)}"]')
        expect_title(off, process.stage(sid).name)
        off.page.keyboard.press("m")
    off.page.keyboard.press("j")
    off.page.keyboard.press("j")
    page = ".page.is-current"
    assert off.page.inner_text(f"{page} .goal-text") == XSS_IMG
    assert off.page.inner_text(f"{page} .script-body") == "Say <script>window.__pwned=3</script> hi"
    assert off.page.locator(f"{page} .material-link").count() == 0  # javascript:, data:, missing
    assert off.page.inner_text(f"{page} .material-missing") == EN["missing_file"]
    off.page.fill("#search", "onerror")
    off.page.wait_for_selector(".search-results .hit")
    for item in off.page.locator(".search-results .hit").all():
        item.hover()
    off.page.locator(f"{page} .material-title").first.click()
    assert off.page.locator("img").count() == 0
    assert off.page.locator("script").count() == 2
    assert off.page.evaluate("typeof window.__pwned") == "undefined"
    assert off.page.locator("#map g.lane title").first.text_content() == XSS_IMG
    assert XSS_IMG.startswith(off.page.locator("#map text.lane-name").first.text_content()[:-1])
    clean(off)


def test_csp_blocks_injected_scripts_and_network_access(offline, model_ja) -> None:
    path, _ = model_ja
    off = offline
    off.open(path)
    result = off.page.evaluate("""async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation',
                                  e => violations.push(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1';
        document.body.appendChild(s);
        let fetched = 'no';
        try { await fetch('https://example.com/x'); fetched = 'yes'; }
        catch (e) { fetched = 'blocked'; }
        await new Promise(r => setTimeout(r, 50));
        return {injected: typeof window.__injected, fetched, violations};
    }""")
    assert result["injected"] == "undefined"
    assert result["fetched"] == "blocked"
    assert "script-src-elem" in result["violations"] and "connect-src" in result["violations"]
    off.errors.clear()  # the violations themselves are logged as console errors
    assert off.requests == []


def test_print_shows_every_stage_and_no_navigation(offline, model_ja) -> None:
    path, process = model_ja
    off = offline
    off.open(path, "#stage-qualification")
    off.page.emulate_media(media="print")
    shown = off.page.evaluate("""() => Array.from(document.querySelectorAll('article.stage'))
        .filter(a => getComputedStyle(a).display !== 'none').length""")
    assert shown == len(process.stages)
    for chrome in (".topbar", "#nav", ".pager"):
        assert off.page.evaluate(
            f"getComputedStyle(document.querySelector('{chrome}')).display") == "none"
    clean(off)


def test_phone_layout_hides_the_navigator_in_a_drawer(browser, model_ja) -> None:
    path, process = model_ja
    off = open_offline(browser, viewport=(390, 844))
    try:
        off.open(path)
        box = off.page.locator("#nav").bounding_box()
        assert box["x"] + box["width"] <= 0
        off.page.click("#menu-button")
        off.page.wait_for_timeout(300)
        assert off.page.locator("#nav").bounding_box()["x"] == 0
        off.page.keyboard.press("Escape")  # Esc closes the drawer too
        off.page.wait_for_timeout(300)
        box = off.page.locator("#nav").bounding_box()
        assert box["x"] + box["width"] <= 0
        off.page.click("#menu-button")
        off.page.wait_for_timeout(300)
        second = process.stage(process_order(process)[1]).name
        off.page.locator(".stage-list .nav-item", has_text=second).first.click()
        expect_title(off, second)
        off.page.wait_for_timeout(300)
        box = off.page.locator("#nav").bounding_box()
        assert box["x"] + box["width"] <= 0
        off.page.click("#bottom-next")  # the thumb bar steps on in process order
        expect_title(off, process.stage(process_order(process)[2]).name)
        expect(off.page.locator("#bottom-where")).to_have_text(
            JA["step_of"].format(n=3, m=len(process.stages)))
        width = off.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing overflows sideways
        clean(off)
    finally:
        off.context.close()


def test_attachment_links_point_at_the_files_beside_the_page(offline, tmp_path: Path) -> None:
    process = with_attachments()
    path = tmp_path / "deal room.html"
    export_html(process, path)
    off = offline
    off.open(path, "#stage-s")
    hrefs = off.page.eval_on_selector_all(".page.is-current .material-link",
                                          "as => as.map(a => a.href)")
    files = [Path(unquote(urlparse(h).path)) for h in hrefs if h.startswith("file:")]
    assert [f.read_bytes() for f in files] == [process.attachment("small").data,
                                               process.attachment("large").data]
    clean(off)


def test_ticked_checklist_items_survive_a_reload_and_can_be_cleared(offline, model_ja) -> None:
    path, _ = model_ja
    off = offline
    off.open(path, "#stage-qualification")
    boxes = off.page.locator(".page.is-current input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    off.page.reload()
    off.page.wait_for_selector("html.ready", state="attached")
    boxes = off.page.locator(".page.is-current input[type=checkbox]")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    off.page.click(".page.is-current .reset-checks")
    off.page.reload()
    off.page.wait_for_selector("html.ready", state="attached")
    boxes = off.page.locator(".page.is-current input[type=checkbox]")
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    clean(off)


def _png() -> bytes:
    """A valid 2×1 PNG, built by hand so the test needs no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"\x00\xff\x00\x00\x00\x00\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_logo_and_inline_attachments_work_under_the_csp(offline, tmp_path: Path) -> None:
    from salesdesigner.model import Attachment
    process = with_attachments()
    process.add_attachment(Attachment("logo", "logo.png", _png(), "image/png"))
    process.update_process(logo="logo")
    path = tmp_path / "p.html"
    export_html(process, path, attachments="inline", inline_limit=1000)
    off = offline
    off.open(path)
    assert off.page.evaluate("document.querySelector('img.logo').naturalWidth") == 2
    off.page.keyboard.press("j")
    link = off.page.locator(".page.is-current .material-link").first
    assert link.get_attribute("download") == "price list.pdf"
    assert link.get_attribute("href").startswith("data:application/pdf;base64,")
    clean(off)


def test_any_stage_id_routes_through_the_url_and_back(offline, tmp_path: Path) -> None:
    from salesdesigner.model import Position, Process, Stage, Transition
    ids = ["a b", "100%", "x#y", "q?v=1&w", "日本語", "😀", "it's", "%E3%81%82", "a/b\\c", "<x>"]
    process = Process(id="ids", name="Ids", language="en")
    for n, sid in enumerate(ids):
        process.add_stage(Stage(sid, f"Stage {n}", position=Position(200 + 240 * n, 100)))
    for a, b in pairwise(ids):
        process.add_transition(Transition(f"{a}->{b}", a, b))
    path = tmp_path / "ids.html"
    export_html(process, path)
    off = offline
    off.open(path)
    for n in range(len(ids)):
        off.page.locator(".stage-list .nav-item").nth(n).click()
        expect_title(off, f"Stage {n}")
    for n in reversed(range(len(ids) - 1)):
        off.page.go_back()
        expect_title(off, f"Stage {n}")
    off.page.reload()  # a bookmarked stage URL opens that stage
    off.page.wait_for_selector("html.ready", state="attached")
    expect_title(off, "Stage 0")
    clean(off)


def test_when_copying_is_impossible_the_script_is_selected_for_the_rep(browser, model_ja) -> None:
    path, process = model_ja
    no_copy = """
      Object.defineProperty(Navigator.prototype, 'clipboard',
                            {get: () => undefined, configurable: true});
      Document.prototype.execCommand = function () { return false; };
    """
    off = open_offline(browser, init_script=no_copy)
    try:
        stage = next(s for s in process_order(process) if process.stage(s).scripts)
        off.open(path, f"#stage-{stage}")
        off.page.locator(".page.is-current .copy-button").first.click()
        status = off.page.locator(".page.is-current .copy-status.failed").first
        expect(status).to_have_text(JA["copy_failed"])
        assert (off.page.evaluate("getSelection().toString()")
                == process.stage(stage).scripts[0].body)
        clean(off)
    finally:
        off.context.close()


def test_the_duration_and_copy_icons_are_drawn_without_an_emoji_font(offline, model_ja) -> None:
    """This machine has no emoji font: ⏱ and ⧉ were drawn as empty boxes.  The icons are
    SVG masks now: no character to look up in a font, and ink where the icon is."""
    import io

    from PIL import Image

    path, process = model_ja
    stage = next(s for s in process_order(process)
                 if process.stage(s).scripts and process.stage(s).duration_days)
    offline.open(path, f"#stage-{stage}")
    page = offline.page
    for selector in (".duration", ".copy-button"):
        element = page.locator(f".page.is-current {selector}").first
        element.scroll_into_view_if_needed()
        shot = Image.open(io.BytesIO(element.screenshot())).convert("L")
        box = element.bounding_box()
        # the icon is the ::before at the start of the element: some of it is ink
        left = 8 if selector == ".copy-button" else 0
        icon = shot.crop((left, 0, min(shot.width, left + 24), shot.height))
        background = shot.getpixel((shot.width - 2, shot.height // 2))
        assert box and any(abs(p - background) > 80 for p in icon.tobytes()), selector
        before = element.evaluate("e => { const s = getComputedStyle(e, '::before');"
                                  " return [s.content, s.webkitMaskImage || s.maskImage]; }")
        assert before[0] == '""' and before[1].startswith('url("data:image/svg+xml'), before
    clean(offline)
