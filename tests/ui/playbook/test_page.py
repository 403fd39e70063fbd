"""The stage page: what a rep reads, copies and opens, shown as typed in the document language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QLineEdit, QTextEdit

from salesdesigner.ui.playbook import PlaybookWindow
from tests.ui.playbook.conftest import HOSTILE, SCRIPT_BODY, build_process


def test_copy_puts_the_script_body_on_the_clipboard_exactly(qtbot, window, clipboard):
    window.go_to("call")
    buttons = window.page.copy_buttons()
    assert len(buttons) == 2
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert clipboard.text() == SCRIPT_BODY  # CJK, emoji with modifier, tab and newline intact
    assert "Opening" in window.statusBar().currentMessage()
    assert buttons[0].text() == "Copied ✓"
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert clipboard.text() == "Please call me back at 555-0100."


def test_copy_button_label_comes_back_after_the_confirmation(qtbot, window, clipboard):
    window.go_to("call")
    button = window.page.copy_buttons()[0]
    assert button.text() == "Copy"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Copied ✓"  # the confirmation shows at once …
    qtbot.wait(500)
    assert button.text() == "Copied ✓"  # … stays long enough to be read …
    qtbot.waitUntil(lambda: button.text() == "Copy", timeout=3000)  # … then goes


def test_hostile_text_is_shown_as_typed(qtbot, window, clipboard):
    window.go_to("visit")
    labels = window.page.widget().findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    texts = window.page.texts()
    assert HOSTILE in texts  # the stage name
    assert "Bring the <script>demo</script> laptop" in texts
    qtbot.mouseClick(window.page.copy_buttons()[0], Qt.MouseButton.LeftButton)
    assert clipboard.text() == HOSTILE
    assert HOSTILE in window.navigator.item(window.navigator.currentRow()).text()


def test_hostile_stage_name_is_literal_on_the_branch_button(window):
    window.go_to("fit")
    faces = [label for b in window.route.branch_buttons for label in b.face]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in faces)
    assert "→ " + HOSTILE in window.route.branch_buttons[0].face_text()


def test_page_shows_goal_exit_criteria_kpis_actions_and_tips(window):
    window.go_to("call")
    texts = window.page.texts()
    for expected in ("Goal", "Book a meeting", "Exit criteria", "Meeting booked",
                     "KPIs", "≥ 10%", "≤ 2 days", "Appointment rate",
                     "Actions", "Call the lead", "Who: SDR  ·  When: Day 1", "Talk scripts",
                     SCRIPT_BODY, "Materials", "Price list", "Tips", "Smile while you dial."):
        assert expected in texts, expected


def test_japanese_document_gets_japanese_page_labels(qtbot):
    window = PlaybookWindow(build_process("ja"))
    qtbot.addWidget(window)
    window.go_to("call")
    texts = window.page.texts()
    for heading in ("目標", "完了条件", "KPI", "アクション", "トークスクリプト", "資料",
                    "コツ"):
        assert heading in texts, heading
    assert "ステップ 2 / 6" in " ".join(texts).replace("\u00a0", " ")
    assert "担当：SDR  ·  タイミング：Day 1" in texts
    route = [label.text() for label in window.route.widget().findChildren(QLabel)]
    assert "次のステップ" in route and "前のステップ" in route


def test_nothing_on_the_page_can_be_edited(window):
    for stage_id in window.order:
        window.go_to(stage_id)
        assert not window.page.widget().findChildren(QLineEdit)
        assert not window.page.widget().findChildren(QTextEdit)
        for label in window.page.widget().findChildren(QLabel):
            assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable


def _capture(window) -> list[QUrl]:
    opened: list[QUrl] = []
    window.open_url = lambda url: opened.append(url) or True
    return opened


def test_a_link_material_opens_in_the_browser(qtbot, window):
    opened = _capture(window)
    window.go_to("call")
    qtbot.mouseClick(window.page.open_buttons()[1], Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == ["https://example.com/case"]


def test_an_embedded_material_opens_from_a_temp_copy(qtbot, window, process):
    opened = _capture(window)
    window.go_to("call")
    qtbot.mouseClick(window.page.open_buttons()[0], Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].isLocalFile()
    path = Path(opened[0].toLocalFile())
    assert path.name == "price list.pdf"
    assert path.read_bytes() == process.attachment("att1").data
    window.close()
    assert not path.exists()  # the temp copy goes with the window


def test_an_unsafe_link_is_refused_with_a_message(qtbot, window):
    opened = _capture(window)
    window.go_to("call")
    qtbot.mouseClick(window.page.open_buttons()[2], Qt.MouseButton.LeftButton)
    assert opened == []
    assert "Cannot open" in window.statusBar().currentMessage()


def test_materials_say_what_open_will_open(window, process):
    window.go_to("call")
    size = len(process.attachment("att1").data)
    texts = window.page.texts()
    assert f"price list.pdf  ·  {size} B" in texts
    assert "https://example.com/case" in texts


def test_a_live_edit_of_the_shown_stage_keeps_the_reading_position(qtbot, window, process):
    window.resize(900, 500)
    window.go_to("call")
    bar = window.page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=2000)
    bar.setValue(200)
    process.update_stage("call", goal="Book a meeting this week")
    qtbot.waitUntil(lambda: "Book a meeting this week" in window.page.texts(), timeout=2000)
    qtbot.waitUntil(lambda: bar.value() == 200, timeout=2000)


def test_a_material_whose_embedded_file_is_gone_says_so(qtbot, window, process):
    opened = _capture(window)
    process.remove_attachment("att1")
    window.refresh()
    window.go_to("call")
    qtbot.mouseClick(window.page.open_buttons()[0], Qt.MouseButton.LeftButton)
    assert opened == []
    assert "“Price list” is missing" in window.statusBar().currentMessage()


@pytest.fixture(params=["default font", "japanese fallbacks"])
def app_font(request, qapp):
    """The page is checked with the font the real app sets at start-up too: DejaVu Sans with
    the Japanese fallback families is wider, and 24-character pieces once overflowed it."""
    from PySide6.QtGui import QFontDatabase
    before, added = qapp.font(), set(QFontDatabase.families())
    if request.param == "japanese fallbacks":
        from salesdesigner.ui import app as app_module
        app_module._prefer_japanese_glyphs(qapp)
    yield request.param
    qapp.setFont(before)
    if "IPAexGothic" not in added:  # a machine without Japanese fonts gets the bundled one
        QFontDatabase.removeAllApplicationFonts()


def test_long_unbroken_text_wraps_instead_of_widening_the_page(qtbot, app_font, window, process):
    url = "https://example.com/" + "verylongpath" * 40
    process.update_stage("won", name=url, tips=("x" * 600,), goal="長" * 800)
    window.resize(900, 600)
    window.refresh()
    window.go_to("won")
    qtbot.waitUntil(lambda: window.page.widget().width() <= window.page.viewport().width(),
                    timeout=10000)
    assert window.page.widget().minimumSizeHint().width() < 500
    assert url in window.page.texts()  # the break hints are invisible, the text intact
