"""Starting the designer: run_gui opens the given document; start-up imports stay light."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from salesdesigner.storage.document import save_document
from salesdesigner.ui.app import run_gui


def test_run_gui_opens_the_document_and_returns_when_the_window_closes(tmp_path, sample):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    seen = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.objectName() == "MainWindow" and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for w in windows:
            w.close()

    QTimer.singleShot(300, look_and_close)
    watchdog = QTimer()  # never hang the suite; stopped once the window has closed
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.quit)
    watchdog.start(5000)
    assert run_gui(str(path)) == 0
    watchdog.stop()
    assert seen == ["plan.salesdesign[*] — SalesDesigner"]


def test_opening_the_window_does_not_load_storage_or_exporters():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from salesdesigner.ui.app import application\n"
        "app = application('en')\n"
        "from salesdesigner.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "heavy = [m for m in ('sqlalchemy', 'reportlab', 'salesdesigner.export.pdf',\n"
        "         'salesdesigner.export.html', 'salesdesigner.storage.document',\n"
        "         'numpy', 'pandas', 'polars', 'salesdesigner.model.actuals.analysis')\n"
        "         if m in sys.modules]\n"
        "print(heavy)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
