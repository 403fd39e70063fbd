"""One KPI target, one duration and one empty stage name read the same in every view — the
canvas, the inspector, the reader, the PDF manual and the HTML playbook — in Japanese and
in English (issue 17: the same target used to read "≤ 10 日", "10 日 以下", "10日 以下" and
"≤ 10日", an empty name "(untitled)", "(unnamed)" and "—").

The expected words are written out by hand below, so a change of wording in the catalogue
shows here as well as a view that stops using it.
"""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from salesdesigner.export.html.builder import render_page
from salesdesigner.export.pdf.builder import render_pdf
from salesdesigner.model import Direction, Kpi, Lane, Process, Stage, StageKind, Transition
from salesdesigner.model.layout import apply_layout
from salesdesigner.model.presentation import words_for
from salesdesigner.ui.canvas.editor import CanvasEditor
from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.inspector import Inspector
from salesdesigner.ui.inspector.kpi_table import DIRECTION, TARGET
from salesdesigner.ui.playbook import PlaybookWindow
from tests.export_html.helpers import payload
from tests.export_pdf.conftest import page_texts

EXPECTED = {
    "en": {"kpi": Kpi("Lead time", 10.0, "days", Direction.LOWER), "target": "≤ 10 days",
           "direction": "lower is better", "days": "10 days", "duration": "Typically 10 days",
           "untitled": "(untitled)"},
    "ja": {"kpi": Kpi("リードタイム", 10.0, "日", Direction.LOWER), "target": "≤ 10日",
           "direction": "低いほど良い", "days": "10日", "duration": "目安 10日",
           "untitled": "（無題）"},
}


def _process(language: str) -> Process:
    kpi = EXPECTED[language]["kpi"]
    p = Process(id="words", name="Words", language=language)
    p.add_lane(Lane("sales", "Sales", "#4C78A8"))
    p.add_stage(Stage("start", "Start", StageKind.START, "sales"))
    p.add_stage(Stage("hearing", "Hearing", lane="sales", kpis=(kpi,), duration_days=10.0))
    p.add_stage(Stage("blank", "", lane="sales"))
    p.add_stage(Stage("won", "Won", StageKind.WON, "sales"))
    for n, (a, b) in enumerate([("start", "hearing"), ("hearing", "blank"), ("blank", "won")]):
        p.add_transition(Transition(f"t{n}", a, b))
    apply_layout(p)
    return p


def _plain(text: str) -> str:
    """What a reader sees: no-break spaces read as spaces, invisible joiners dropped."""
    return re.sub("[\u2060\u200b]", "", text.replace("\u00a0", " "))


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    install_translators(request.param)  # the inspector speaks the UI language
    yield request.param
    install_translators("en")


def test_the_expected_words_are_the_catalogues(language):
    words, want = words_for(language), EXPECTED[language]
    assert words.kpi_target(want["kpi"]) == want["target"]
    assert words.direction(want["kpi"]) == want["direction"]
    assert (words.days(10), words.duration(10)) == (want["days"], want["duration"])
    assert words.name("") == want["untitled"]


def test_canvas_shows_the_catalogues_words(qtbot, language):
    want = EXPECTED[language]
    scene = ProcessScene(_process(language))
    hearing, blank = scene.stage_item("hearing"), scene.stage_item("blank")
    names, kpi_lines = hearing.text_lines()
    assert kpi_lines == [f"{want['kpi'].name} {want['target']}"]
    tooltip = hearing.toolTip()
    assert want["target"] in tooltip and want["duration"] in tooltip
    assert blank.text_lines()[0] == [want["untitled"]]


def test_inspector_shows_the_catalogues_words(qtbot, language):
    want = EXPECTED[language]
    inspector = Inspector(CanvasEditor(_process(language), QUndoStack()))
    qtbot.addWidget(inspector)
    inspector.show_selection(("hearing",), ())
    table = inspector.kpis.table
    assert table.item(0, TARGET).text() == "10"  # the number as it is typed
    assert f"{want['target']}" in table.item(0, TARGET).toolTip()
    assert want["direction"] in table.item(0, TARGET).toolTip()
    assert table.cellWidget(0, DIRECTION).toolTip() == want["direction"]
    assert inspector.overview.duration.text() == want["days"]
    inspector.show_selection(("blank",), ())
    assert inspector.header.text().startswith(want["untitled"] + "  ·  ")


def test_direction_column_has_a_word_for_a_header(qtbot, language):
    inspector = Inspector(CanvasEditor(_process(language), QUndoStack()))
    qtbot.addWidget(inspector)
    head = inspector.kpis.table.horizontalHeaderItem(DIRECTION)
    assert head.text() == {"en": "Better", "ja": "良い方向"}[language]
    words = words_for(language)
    assert words.higher_is_better in head.toolTip() and words.lower_is_better in head.toolTip()


def test_reader_shows_the_catalogues_words(qtbot, language):
    want = EXPECTED[language]
    window = PlaybookWindow(_process(language), "words.salesdesign")
    qtbot.addWidget(window)
    window.go_to("hearing")
    labels = window.page.findChildren(QLabel)
    texts = [_plain(label.text()) for label in labels]
    assert want["target"] in texts
    assert any(want["duration"] in text for text in texts)
    assert any(want["direction"] in text for text in texts)
    window.go_to("blank")
    assert want["untitled"] in [label.text() for label in window.page.findChildren(QLabel)]
    shown = [window.navigator.item(i).text() for i in range(window.navigator.count())]
    assert want["untitled"] in shown


def test_pdf_manual_shows_the_catalogues_words(language):
    want = EXPECTED[language]
    data = render_pdf(_process(language), today=datetime.date(2026, 12, 3)).data
    text = " ".join(page_texts(data))
    assert want["target"] in text  # the stage chapter and the KPI summary
    assert want["duration"] in text
    assert want["untitled"] in text


def test_html_playbook_shows_the_catalogues_words(language):
    want = EXPECTED[language]
    page, _plan = render_page(_process(language), folder_name="words_files")
    data = payload(page)
    hearing = next(s for s in data["stages"] if s["id"] == "hearing")
    assert hearing["kpis"][0]["target"] == want["target"]
    assert hearing["duration"] == want["duration"]
    assert data["labels"]["lower_is_better"] == want["direction"]  # shown beside the target
    assert data["labels"]["untitled"] == want["untitled"]  # what the page shows for ""
    assert f">{want['untitled']}</tspan>" in page or f">{want['untitled']}</text>" in page


def test_canvas_follows_a_change_of_the_documents_language(qtbot, qapp):
    process = _process("en")
    scene = ProcessScene(process)
    assert scene.stage_item("blank").text_lines()[0] == ["(untitled)"]
    process.update_process(language="ja")
    assert scene.stage_item("blank").text_lines()[0] == ["（無題）"]
    assert "目安 10日" in scene.stage_item("hearing").toolTip()


def test_inspector_tabs_name_the_parts_of_a_stage_as_the_manual_and_playbook_do(qtbot, language):
    inspector = Inspector(CanvasEditor(_process(language), QUndoStack()))
    qtbot.addWidget(inspector)
    words = words_for(language)
    tabs = [inspector.tabs.tabText(i) for i in range(1, inspector.tabs.count())]
    assert tabs == [words.kpis, words.actions, words.scripts, words.materials, words.tips]
    assert tabs == {"en": ["KPIs", "Actions", "Talk scripts", "Materials", "Tips"],
                    "ja": ["KPI", "アクション", "トークスクリプト", "資料", "コツ"]}[language]


@settings(max_examples=200, deadline=None)
@given(target=st.one_of(st.none(), st.floats(-1e9, 1e9, allow_nan=False)),
       unit=st.sampled_from(["", "%", "％", "日", "days", "万円/月", " 件 ", "calls/week"]),
       direction=st.sampled_from(list(Direction)), language=st.sampled_from(["en", "ja"]))
def test_any_kpi_target_reads_alike_on_canvas_paper_and_page(target, unit, direction, language):
    """The text helpers each view calls, for generated KPIs: one string, never two."""
    from salesdesigner.export.html.data import playbook_data
    from salesdesigner.export.pdf.sections import target_text
    from salesdesigner.model.presentation import Words
    from salesdesigner.ui.canvas.style import kpi_headline

    kpi = Kpi("K", target, unit, direction)
    words = words_for(language)
    want = words.kpi_target(kpi)
    assert kpi_headline(kpi, language) == (f"K {want}" if want else "K")
    assert target_text(kpi, Words(language, "manual")) == (want or "—")
    process = Process(id="p", name="p", language=language)
    process.add_stage(Stage("s", "S", kpis=(kpi,)))
    data, _plan = playbook_data(process, words_for(language, "playbook").flat(),
                                folder_name="f")
    assert data["stages"][0]["kpis"][0]["target"] == want
    if target is not None:
        assert want.startswith("≤ " if direction is Direction.LOWER else "≥ ")
