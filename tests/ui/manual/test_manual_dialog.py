"""File ▸ Export Manual: the dialog renders a real preview, saves it, prints it, cancels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from salesdesigner.storage.templates import load_template
from salesdesigner.ui.manual_dialog import ManualDialog


@pytest.fixture
def dialog(qtbot):
    dlg = ManualDialog(load_template("the-model", "en"))
    qtbot.addWidget(dlg)
    return dlg


def test_showing_the_dialog_renders_a_preview_that_save_writes_byte_for_byte(qtbot, dialog,
                                                                              tmp_path):
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.show()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    path = tmp_path / "x.pdf"
    dialog.save_to(path)
    assert path.read_bytes() == dialog.data
    reader = PdfReader(path)
    assert dialog.document.pageCount() == len(reader.pages) > 5
    assert "Inside Sales" in "".join(page.extract_text() for page in reader.pages)


def test_unticking_lanes_makes_a_shorter_manual_for_the_rest(qtbot, dialog):
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.show()
    full = dialog.page_count
    for i in range(1, dialog.lanes.count()):
        dialog.lanes.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.selected_lanes() == [dialog.lanes.item(0).data(Qt.ItemDataRole.UserRole)]
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.update_button.click()
    assert 0 < dialog.page_count < full


def test_cancel_stops_typesetting_and_leaves_no_preview(qtbot, dialog):
    dialog.render()
    assert dialog.is_rendering()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.is_rendering(), timeout=60_000)
    assert dialog.data is None
    assert not dialog.save_button.isEnabled()
    assert dialog.status.text() == "Cancelled."


def test_printing_draws_every_page(qtbot, dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.show()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == dialog.page_count
