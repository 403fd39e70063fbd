"""Hostile user text and random processes: the manual prints them as typed, never breaks."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from salesdesigner.export.pdf import export_pdf, render_pdf
from salesdesigner.model import Attachment, Kpi, Material, Script, Stage, StageKind
from tests.export_pdf.conftest import build_process, page_texts
from tests.strategies import HOSTILE, processes


def hostile_process(language: str = "en"):
    p = build_process(language)
    joined = "".join(HOSTILE)
    p.update_process(name="<b>Manual</b> & <para>" + joined, company="A&B <i>Co",
                     logo="logo")
    p.add_attachment(Attachment("logo", "logo.png", b"not an image", "image/png"))
    huge = ("長文<&>。これは非常に長いトークスクリプトです。\n" * 2000
            + "https://example.com/" + "a" * 500)[:100_000]
    p.update_stage("call", name="<b>First call</b>" + joined,
                   scripts=(Script("<para>Opening", "\x00\x07ctl", huge),
                            Script("Short", "", "Literal <b>not bold</b> &amp; 😀\tTab")),
                   kpis=(Kpi("<KPI> & co", 1.5, "%", definition="x" * 5000),),
                   materials=(Material("Link", "javascript:alert(1)"),
                              Material("Very long", "https://example.com/" + "p" * 800),
                              Material("File", "attachment:logo")),
                   tips=("\u200b\u200d😀👍🏽", "]]>\"'"))
    return p


def test_hostile_text_exports_and_prints_literally(tmp_path) -> None:
    process = hostile_process()
    result = render_pdf(process)
    text = "\n".join(page_texts(result.data))
    assert "<b>First call</b>" in text
    assert "Literal <b>not bold</b> &amp; 😀" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "Situation: ctl" in text  # control characters dropped, the rest kept
    assert "javascript:alert(1)" in text  # shown as text, never made a link
    uris = [str(a.get_object()["/A"].get("/URI", "")) for page in
            PdfReader(io.BytesIO(result.data)).pages for a in (page.get("/Annots") or [])
            if "/A" in a.get_object()]
    assert any(u.startswith("https://example.com/ppp") for u in uris)
    assert not [u for u in uris if u.lower().startswith("javascript")]
    assert "The cover logo is not a readable image and was left out." in result.warnings
    reader = PdfReader(io.BytesIO(result.data))
    assert len(reader.pages) > 20  # the 100,000-character script runs over many pages


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_hostile_manual_passes_qpdf_check(tmp_path) -> None:
    target = tmp_path / "hostile.pdf"
    export_pdf(hostile_process("ja"), target)
    done = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_japanese_manual_has_no_line_starting_with_closing_punctuation() -> None:
    process = build_process("ja")
    text = "お客様の課題を伺い、「なぜ今なのか」を確認します。" * 30
    process.update_stage("call", description=text, goal="「受注」。、）" * 20,
                         scripts=(Script("オープニング", "",
                                         ("はい、承知しました。" * 40 + "\n") * 3),))
    lines = [line for page in page_texts(render_pdf(process).data) for line in page.split("\n")]
    offending = [line for line in lines if line[:1] in set("。、」）』】，．？！ー")]
    assert not offending, offending[:5]
    assert any("なぜ今なのか" in line for line in lines)


def test_many_stages_wrap_the_overview_and_keep_every_chapter() -> None:
    process = build_process("en")
    previous = "onb"
    for n in range(30):
        sid = f"extra{n}"
        process.add_stage(Stage(sid, f"Extra {n}", StageKind.STAGE, "cs",
                                position=dataclasses.replace(process.stage("onb").position,
                                                             x=1000 + 260 * n)))
        from salesdesigner.model import Transition
        process.add_transition(Transition(f"x{n}", previous, sid))
        previous = sid
    result = render_pdf(process)
    texts = page_texts(result.data)
    assert len(result.stage_ids) == len(process.stages)
    assert any("→ p." in t for t in texts)  # wrapped into rows joined by connectors


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(processes(max_stages=6))
def test_random_hostile_processes_always_export(process) -> None:
    result = render_pdf(process)
    assert result.data.startswith(b"%PDF")
    assert len(result.stage_ids) == len(process.stages)


MARKUP = """<x> & "z" 'v' </a>"""            # every character reportlab's parser reads
HOSTILE_URL = 'https://example.com/?q=<x>&y="z"'   # issue 9: it failed the whole export
QUOTE_URL = "https://example.com/?w='v'&x=1"


def every_field_hostile(language: str):
    """Markup characters in the URL and in every other text field a manual prints."""
    from salesdesigner.model import Action, Lane, Transition
    p = build_process(language)
    h = MARKUP
    p.update_process(name=f"Name {h}", company=f"Co {h}", revision=f"R {h}",
                     description=f"Desc {h}")
    p.replace_lane(Lane("is", f"Lane {h}", "#4C78A8"))
    p.update_stage("call", name=f"Call {h}", goal=f"Goal {h}", description=f"About {h}",
                   exit_criteria=(f"Exit {h}",),
                   kpis=(Kpi(f"KPI {h}", 3, f"u{h}", definition=f"Def {h}"),),
                   actions=(Action(f"Act {h}", f"Owner {h}", f"When {h}", f"Detail {h}"),),
                   scripts=(Script(f"Script {h}", f"Sit {h}", f"Body {h}"),),
                   materials=(Material(f"Mat {h}", HOSTILE_URL, f"Note {h}"),
                              Material("Single", QUOTE_URL),
                              Material(f"Plain {h}", f"not a link {h}")),
                   tips=(f"Tip {h}",))
    p.update_stage("start", name=f"Start {h}", description=f"Start desc {h}")
    t = p.transition("t1")
    p.replace_transition(Transition(t.id, t.source, t.target, f"Label {h}", f"Cond {h}"))
    return p


@pytest.mark.parametrize("language", ["en", "ja"])
def test_markup_characters_in_every_field_and_url_print_literally(language: str) -> None:
    result = render_pdf(every_field_hostile(language))
    reader = PdfReader(io.BytesIO(result.data))
    text = "".join(page_texts(result.data)).replace("\n", "")
    for field in ("Goal", "About", "Exit", "KPI", "Def", "Act", "Owner", "When", "Detail",
                  "Script", "Sit", "Body", "Mat", "Note", "Tip", "Cond", "Plain"):
        assert f"{field} {MARKUP}" in text or f"{field}{MARKUP}" in text.replace(" ", " "), field
    uris = [str(a.get_object()["/A"].get("/URI", "")) for page in reader.pages
            for a in (page.get("/Annots") or []) if "/A" in a.get_object()]
    assert HOSTILE_URL in uris and QUOTE_URL in uris  # links go exactly where the user said
    assert not [u for u in uris if "not a link" in u]
