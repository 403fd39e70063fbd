"""The manual's change-log page and the marks on changed chapters: what a trainer hands
out again after a new revision."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest

from salesdesigner.export.pdf import PdfExportError, render_pdf
from salesdesigner.model import Script
from salesdesigner.storage.templates import load_template
from tests.export_pdf.conftest import outline_entries, page_texts


def _revised(lang: str):
    old = load_template("eight-step", lang)
    new = old.copy()
    stage = new.stage("proposal")
    kpi = stage.kpis[0]
    title = "価格の切り返し" if lang == "ja" else "Price objection"
    new.update_stage("proposal", kpis=(dataclasses.replace(kpi, target=35.0), *stage.kpis[1:]),
                     scripts=(*stage.scripts, Script(title, "", "…")))
    return old, new


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def marked_ja() -> list[str]:
    old, new = _revised("ja")
    return page_texts(render_pdf(new, previous=old, previous_label="版 3",
                                 previous_date=datetime.date(2026, 9, 1),
                                 mark_changes=True).data)


def test_the_change_log_page_says_what_changed_in_the_chapters_words(marked_ja) -> None:
    page = next(p for p in marked_ja if "前回の版からの変更" in p and "前回の版：" in p)
    text = _flat(page).replace(" ", "")
    assert "前回の版：版3（2026年9月1日）" in text
    assert "第5章「提案とプレゼンテーション」" in text
    assert "KPI「提案からの受注率」の目標値：≥30%→≥35%" in text
    assert "トークスクリプト「価格の切り返し」を追加" in text
    # nothing else changed, so no other chapter is listed
    assert len(re.findall(r"第\d+章「", text)) == 1


def test_only_the_changed_chapter_is_marked_in_the_contents_and_at_its_title(marked_ja) -> None:
    contents = next(p for p in marked_ja if "目次" in p)
    marked = [line for line in contents.split("\n") if "変更あり" in line]
    assert len(marked) == 1 and "提案とプレゼンテーション" in marked[0]
    chapter_pages = [p for p in marked_ja if "第5章" in p and "変更あり" in p
                     and "前回の版：" not in p and "目次" not in p]
    assert chapter_pages, "the chapter's own title carries the mark"
    assert not [p for p in marked_ja if "第4章" in p and "変更あり" in p and "目次" not in p]


def test_without_marks_the_page_is_there_and_no_chapter_is_marked() -> None:
    old, new = _revised("en")
    data = render_pdf(new, previous=old).data
    text = _flat(" ".join(page_texts(data)))
    assert "What changed since the previous revision" in text
    assert "Talk script “Price objection”: added" in text
    assert "Changed" not in text.replace("What changed", "")
    assert ("What changed since the previous revision", 3) in outline_entries(data)


def test_no_previous_revision_no_page_and_marks_need_one() -> None:
    process = load_template("eight-step", "en")
    text = " ".join(page_texts(render_pdf(process, stages=["proposal"]).data))
    assert "What changed" not in text
    with pytest.raises(PdfExportError, match="previous revision"):
        render_pdf(process, mark_changes=True)


def test_an_unchanged_revision_says_so_and_names_it_by_its_revision_field() -> None:
    process = load_template("eight-step", "en")
    previous = process.copy()
    previous.update_process(revision="7")
    text = _flat(" ".join(page_texts(render_pdf(process, previous=previous,
                                                stages=["proposal"]).data)))
    assert "Previous revision: Revision 7" in text
    # the revision number itself changes every time: not news on this page
    assert "Nothing in the content changed since the previous revision." in text


def test_a_new_stage_is_marked_new_and_changes_outside_the_edition_are_counted() -> None:
    from salesdesigner.model import Stage, StageKind, Transition
    old = load_template("eight-step", "en")
    new = old.copy()
    new.add_stage(Stage("trial", "Free trial", StageKind.STAGE, lane=new.stage("hearing").lane))
    new.add_transition(Transition("to-trial", "hearing", "trial"))
    new.update_stage("order-processing", goal="Register the order the same day.")
    lane = new.stage("hearing").lane
    data = render_pdf(new, previous=old, mark_changes=True, lanes=[lane]).data
    text = _flat(" ".join(page_texts(data)))
    assert "Free trial New" in text
    assert "A new stage: read the whole chapter." in text
    assert new.stage("order-processing").lane != lane
    assert "Changes in chapters outside this edition, not listed: 1." in text
    assert "Register the order" not in text


def test_hostile_names_and_texts_print_literally_on_the_page() -> None:
    from tests.strategies import HOSTILE
    old = load_template("eight-step", "en")
    new = old.copy()
    joined = "".join(HOSTILE)
    new.update_stage("proposal", name="<b>Proposal</b> & <i>co" + joined,
                     scripts=(*new.stage("proposal").scripts,
                              Script('<font color="red">Price</font> 😀 価格', "",
                                     "x" * 50_000)),
                     goal=new.stage("proposal").goal + " <u>&amp;</u> \"quoted\" 💡")
    result = render_pdf(new, previous=old, mark_changes=True, stages=["proposal"])
    text = " ".join(page_texts(result.data))
    assert "<b>Proposal</b> & <i>co" in text
    assert '<font color="red">Price</font> 😀 価格' in text
    assert "<u>&amp;</u>" in text
