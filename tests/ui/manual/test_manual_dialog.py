"""File ▸ Export Manual: the dialog renders a real preview, saves it, prints it, cancels."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

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


def test_changing_the_options_keeps_save_from_writing_the_old_preview(qtbot, dialog):
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.show()
    assert dialog.status.text().startswith(f"{dialog.page_count} pages.")
    dialog.lanes.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.is_stale()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "Update Preview" in dialog.status.text()
    dialog.lanes.item(1).setCheckState(Qt.CheckState.Checked)  # back as previewed
    assert not dialog.is_stale() and dialog.save_button.isEnabled()
    dialog.paper.setCurrentIndex(1)
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.update_button.click()
    assert not dialog.is_stale() and dialog.save_button.isEnabled()


def test_a_manual_that_cannot_be_made_shows_the_reason_and_the_dialog_survives(qtbot,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from salesdesigner.model import Lane, Process, Stage, StageKind

    process = Process(name="p", language="en")
    process.add_lane(Lane("busy", "Busy"))
    process.add_lane(Lane("empty", "Empty"))
    process.add_stage(Stage("s", "Start", StageKind.START, "busy"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, text: shown.append(text)))
    dlg = ManualDialog(process)
    qtbot.addWidget(dlg)
    dlg.lanes.item(0).setCheckState(Qt.CheckState.Unchecked)  # only the empty lane is left
    dlg.render()
    qtbot.waitUntil(lambda: not dlg.is_rendering(), timeout=60_000)
    assert shown and "empty" in shown[0].lower()
    assert dlg.status.text() == shown[0]
    assert dlg.data is None and dlg.update_button.isEnabled()
