"""The manual's cover and the playbook's overview say which revision they show and when it
was published — or that they show a draft — with the user's title printed, never obeyed."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from salesdesigner.export.html.builder import render_page
from salesdesigner.export.pdf import render_pdf
from salesdesigner.storage.revisions import add_revision, make_revision
from tests.export_html.helpers import payload
from tests.export_pdf.conftest import build_process, page_texts

WHEN = datetime(2026, 12, 1, 9, 30)
HOSTILE_TITLE = ("<b>提案</b> & <para>\"改訂\" '😀👍🏽' </script><script>alert(1)</script>"
                 "]]>&amp;\u200b")


def _published(language: str, title: str = "Q1 scripts", author: str = "Hanako"):
    process = build_process(language)
    add_revision(process, make_revision(process, title=title, author=author,
                                        note="<i>why</i>", published_at=WHEN))
    return process


def _cover_text(process) -> str:
    return " ".join(page_texts(render_pdf(process).data)[0].split())


def _playbook_line(process) -> str:
    html, _ = render_page(process, folder_name="x.files")
    return payload(html)["process"]["published"]


@pytest.mark.parametrize(("language", "shown", "after", "never"), [
    ("en", "Revision 1 “Q1 scripts”, published 1 December 2026 by Hanako",
     "Draft after revision 1 (published 1 December 2026)", "Draft, never published"),
    ("ja", "第1版「Q1 scripts」（2026年12月1日発行、Hanako）",
     "第1版（2026年12月1日発行）以降の下書き", "下書き（未発行）"),
])
def test_the_cover_and_the_playbook_name_the_revision_or_the_draft(language, shown, after,
                                                                   never):
    process = _published(language)
    assert shown in _cover_text(process)
    assert _playbook_line(process) == shown
    process.update_stage("call", goal="changed after publishing")
    assert after in _cover_text(process) and _playbook_line(process) == after
    fresh = build_process(language)
    assert never in _cover_text(fresh) and _playbook_line(fresh) == never


def test_a_hostile_revision_title_prints_literally_in_the_manual_and_the_playbook():
    process = _published("ja", title=HOSTILE_TITLE, author="<script>alert(1)</script>")
    cover = _cover_text(process)
    assert "<b>提案</b> & <para>" in cover and "<script>alert(1)</script>" in cover
    html, _ = render_page(process, folder_name="x.files")
    line = payload(html)["process"]["published"]
    assert HOSTILE_TITLE in line
    # the data block is JSON inside a script element: nothing in it can close the element
    block = re.search(r'<script type="application/json" id="playbook-data">(.*?)</script>',
                      html, re.DOTALL).group(1)
    assert "</script" not in block.lower() and "<b>" not in block


def test_a_huge_revision_title_is_cut_so_the_date_still_shows():
    process = _published("en", title="長" * 50_000)
    cover = _cover_text(process).replace(" ", "")
    assert "長" * 119 + "…”,published1December2026byHanako" in cover
    assert "長" * 120 not in cover
    assert _playbook_line(process) == (f"Revision 1 “{'長' * 119}…”, published 1 December "
                                       "2026 by Hanako")


def test_the_free_text_edition_gives_way_to_the_published_revision():
    """"改訂 1.0" beside "第1版以降の下書き" read as a contradiction on the cover."""
    process = build_process("ja")
    process.revision = "1.0"
    assert "改訂 1.0" in _cover_text(process)
    html, _ = render_page(process, folder_name="x.files")
    assert payload(html)["process"]["revision"] == "1.0"
    add_revision(process, make_revision(process, title="初版", published_at=WHEN))
    after = _cover_text(process)
    assert "改訂 1.0" not in after and "第1版" in after
    html, _ = render_page(process, folder_name="x.files")
    assert payload(html)["process"]["revision"] == ""
