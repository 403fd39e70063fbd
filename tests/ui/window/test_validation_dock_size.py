"""The validation dock takes one line while there is nothing to report and opens to about
six rows when there is (the canvas gets the room back when the findings are fixed)."""

from __future__ import annotations

import pytest

from salesdesigner.model import Stage
from salesdesigner.storage.templates import load_template
from tests.ui.edit_commands import add_items_command


def _shown(make_window, qtbot, process):
    window = make_window(process)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the dock's first fit after the tab settles
    return window


def _line(window) -> int:
    return window.validation.summary.fontMetrics().height()


@pytest.mark.parametrize(("name", "lang"), [("the-model", "ja"), ("eight-step", "ja"),
                                            ("the-model", "en"), ("eight-step", "en")])
def test_a_clean_template_opens_with_a_one_line_validation_panel(make_window, qtbot, name,
                                                                 lang):
    window = _shown(make_window, qtbot, load_template(name, lang))
    panel = window.validation
    assert panel.findings == []
    assert panel.summary.text() == "No problems found."
    assert not panel.tree.isVisible()  # no empty list taking room
    assert panel.summary.height() >= _line(window)  # the line itself is whole
    assert window.docks["validation"].widget().height() < 2.5 * _line(window)


def test_findings_open_the_panel_to_six_rows_and_fixing_them_shrinks_it(make_window, qtbot):
    window = _shown(make_window, qtbot, load_template("eight-step", "ja"))
    panel = window.validation
    canvas_before = window.view.height()
    compact = panel.height()
    window.undo_stack.push(add_items_command(window.process, [Stage("orphan", "Orphan")]))
    panel.revalidate()
    qtbot.waitUntil(lambda: panel.tree.isVisible())
    qtbot.wait(20)
    assert panel.rows()
    row = panel.tree.visualItemRect(panel.tree.topLevelItem(0)).height()
    assert panel.tree.viewport().height() >= 5.5 * row  # about six one-line findings
    assert panel.height() > compact + 4 * row
    assert window.view.height() < canvas_before  # the room came from the canvas
    window.undo_stack.undo()
    panel.revalidate()
    qtbot.waitUntil(lambda: not panel.tree.isVisible())
    qtbot.wait(20)
    assert panel.height() == compact
    assert window.view.height() == canvas_before


def test_the_history_tab_beside_it_gets_a_useful_height(make_window, qtbot):
    window = _shown(make_window, qtbot, load_template("eight-step", "en"))
    assert window.validation.findings == []
    window.docks["history"].raise_()
    qtbot.waitUntil(lambda: window.history.height() >= window.validation.useful_height() - 40)
    window.docks["validation"].raise_()
    qtbot.waitUntil(lambda: window.validation.height() < 2.5 * _line(window))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_template_opened_into_the_shown_window_leaves_no_blank_under_the_line(
        make_window, qtbot, lang):
    """As the app starts: the window shows (empty list, the dock fitted to it), then the
    sample opens clean.  The fit ran while the dock's minimum was still the list's, so the
    dock kept ~100 px: a blank under 「問題は見つかりませんでした。」 above the History tab."""
    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_sample("eight-step", lang)
    qtbot.waitUntil(lambda: window.validation.findings == [] and not
                    window.validation.tree.isVisible())
    qtbot.wait(50)
    panel = window.validation
    assert panel.summary.height() >= _line(window)
    assert panel.height() < 2.5 * _line(window), panel.height()
