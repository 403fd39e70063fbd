"""Search across the playbook: results name stage, field and context; picking one goes there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFrame

from salesdesigner.ui.playbook import PlaybookWindow
from salesdesigner.ui.playbook.search_panel import ROW_HTML


def test_typing_a_script_phrase_lists_the_stage_field_and_snippet(qtbot, window):
    qtbot.keyClicks(window.search_field, "call me back")
    assert window.side_stack.currentWidget() is window.results
    assert window.results.rows_stage_ids() == ["call"]
    row = window.results.item(0).text()
    assert "First call" in row and "Talk script" in row and "call me back" in row
    assert "1" in window.list_header.text()


def test_enter_in_the_search_field_shows_the_first_result(qtbot, window):
    qtbot.keyClicks(window.search_field, "discovery visit")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_stage_id == "visit"


def test_clicking_a_result_shows_its_stage(qtbot, window):
    window.search_field.setText("budget")
    ids = window.results.rows_stage_ids()
    assert ids == ["call", "fit"] or set(ids) >= {"call"}
    item = window.results.item(0)
    rect = window.results.visualItemRect(item)
    qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_stage_id == ids[0]


def test_search_ignores_width_and_case(window):
    window.search_field.setText("ＡＰＰＯＩＮＴＭＥＮＴ")  # full-width capitals
    assert window.results.rows_stage_ids() == ["call"]


def test_ctrl_f_focuses_search_and_escape_returns_to_the_list(qtbot, window):
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "smile")
    assert window.results.count() == 1
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.side_stack.currentWidget() is window.navigator


def test_down_arrow_moves_from_search_into_results(qtbot, window):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "call")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.hasFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.current_stage_id == window.results.rows_stage_ids()[0]


def test_nothing_found_says_so(window):
    window.search_field.setText("zzzz-no-such-text")
    assert window.results.count() == 0
    assert window.list_header.text() == "Nothing found"


def test_result_rows_escape_markup_in_user_text(window):
    window.search_field.setText("onerror")
    html_rows = [window.results.item(i).data(ROW_HTML) for i in range(window.results.count())]
    assert html_rows and all("<img" not in h for h in html_rows)
    assert all("&lt;img src=x onerror=alert(1)&gt;" in h for h in html_rows[:1])


def test_big_playbooks_search_after_a_pause_and_enter_does_not_wait(qtbot):
    from benchmarks.synthetic import synthetic_process
    from salesdesigner.ui.playbook import PlaybookWindow

    window = PlaybookWindow(synthetic_process(220))
    qtbot.addWidget(window)
    window.search_field.setText("Stage 17:")
    assert window.results.count() == 0  # not yet: the rep may still be typing
    qtbot.waitUntil(lambda: window.results.count() > 0, timeout=3000)
    window.search_field.setText("Stage 42:")
    window.search_field.returnPressed.emit()
    assert window.current_stage_id == "s42"


def _visible_in_page(window, label) -> bool:
    page = window.page
    top = label.mapTo(page.viewport(), label.rect().topLeft()).y()
    return top >= 0 and top + min(label.height(), 40) <= page.viewport().height()


def test_picking_a_script_result_scrolls_to_that_script_and_highlights_it(qtbot, window):
    window.resize(1000, 520)  # the page is taller than the window: the script is far down
    qtbot.keyClicks(window.search_field, "call me back")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_stage_id == "call"
    found = window.page.found
    assert found is not None and "Please call me back at 555-0100." in found.text()
    assert found.property("searchHit") is True and found.selectedText() == "call me back"
    assert window.page.verticalScrollBar().value() > 0  # not the page's top
    assert _visible_in_page(window, found)


def test_a_result_in_a_japanese_script_is_found_whatever_the_width_of_its_letters(qtbot,
                                                                                 window):
    window.resize(1000, 520)
    window.search_field.setText("１５分")  # full-width digits find 「15分」
    window.results.activate_current()
    found = window.page.found
    assert found is not None and "「15分」" in found.text() and _visible_in_page(window, found)
    assert found.objectName() == "scriptBody"


class _FirstPaint(QObject):
    """Records the page's card heights when the page is painted for the first time."""

    def __init__(self, reader) -> None:
        super().__init__()
        self.reader = reader
        self.heights: list[int] | None = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        page = self.reader.page.widget()
        if self.heights is None and event.type() == QEvent.Type.Paint and watched is page:
            self.heights = _card_heights(self.reader)
        return False


def _card_heights(reader) -> list[int]:
    return [frame.height() for frame in reader.page.widget().findChildren(QFrame)
            if frame.objectName() in ("card", "scriptCard")]


def test_the_first_stage_page_is_painted_with_its_cards_at_their_final_height(qtbot, process):
    reader = PlaybookWindow(process, "test")
    qtbot.addWidget(reader)
    reader.go_to("call")  # a page with many cards, built before the window shows
    spy = _FirstPaint(reader)
    QApplication.instance().installEventFilter(spy)
    try:
        reader.show()
        qtbot.waitUntil(lambda: spy.heights is not None)
        qtbot.wait(300)  # whatever Qt had left to lay out
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert len(spy.heights) >= 6
    assert spy.heights == _card_heights(reader)  # not squashed, then grown
