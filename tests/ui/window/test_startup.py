"""Starting the designer: run_gui opens the given document; start-up imports stay light
and the first paint does only what it shows."""

from __future__ import annotations

import gc
import subprocess
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import salesdesigner.ui.app as app_module
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


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``code``."""
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n" + code +
        f"\nprint([m for m in {modules!r} if m in sys.modules])\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # a list of module names we printed


_OPEN_WINDOW = (
    "from salesdesigner.ui.app import application\n"
    "app = application('en')\n"
    "from salesdesigner.ui.main_window import MainWindow\n"
    "w = MainWindow(); w.show(); app.processEvents()\n")


def test_opening_the_window_does_not_load_storage_or_exporters():
    heavy = ("sqlalchemy", "reportlab", "salesdesigner.export.pdf", "salesdesigner.export.html",
             "salesdesigner.storage.document", "numpy", "pandas", "polars",
             "salesdesigner.model.actuals.analysis", "pyqtgraph",
             "salesdesigner.ui.performance.dashboard", "salesdesigner.ui.canvas.performance")
    assert _loaded_after(_OPEN_WINDOW, heavy) == []


def test_the_dashboards_charts_load_when_it_first_opens():
    code = _OPEN_WINDOW + (
        "from datetime import datetime\n"
        "from salesdesigner.model.actuals import DealEvent\n"
        "from salesdesigner.model.actuals.record import actuals_of\n"
        "w.open_sample('eight-step', 'en')\n"
        "w.process.set_actuals(actuals_of([DealEvent('d', 'lead', datetime(2026, 1, 1))]))\n"
        "w.actions_.dashboard.setChecked(True); app.processEvents()\n"
        "assert w.docks['dashboard'].isVisible()\n")
    assert _loaded_after(code, ("pyqtgraph", "salesdesigner.ui.performance.dashboard")) == [
        "pyqtgraph", "salesdesigner.ui.performance.dashboard"]


# the inspector's pages for a stage (six tabs) and for a lane, Find's reveal in them, and
# the find bar above the canvas
STAGE_AND_LANE_PAGES = (
    "salesdesigner.ui.inspector.overview", "salesdesigner.ui.inspector.kpi_table",
    "salesdesigner.ui.inspector.records", "salesdesigner.ui.inspector.materials",
    "salesdesigner.ui.inspector.lane_form", "salesdesigner.ui.inspector.reveal",
    "salesdesigner.ui.canvas.find")


def test_the_first_window_does_not_load_the_pages_it_does_not_show():
    assert _loaded_after(_OPEN_WINDOW, STAGE_AND_LANE_PAGES) == []


def test_the_pages_load_when_a_stage_and_a_lane_are_first_shown():
    code = _OPEN_WINDOW + (
        "w.open_sample('eight-step', 'en')\n"
        "w.scene.select_ids(['hearing']); app.processEvents()\n"
        "w.inspector.show_selection((), (), w.process.lanes[0].id)\n"
        "w.inspector.reveal('hearing', 'name', 'Discovery')\n"
        "w.show_find(); assert w.find_bar.isVisible()\n")
    assert _loaded_after(code, STAGE_AND_LANE_PAGES) == list(STAGE_AND_LANE_PAGES)


EDIT_RULES = ("salesdesigner.edits.fields", "salesdesigner.edits.structure",
              "salesdesigner.edits.stages", "salesdesigner.edits.lanes")


def test_the_edit_rules_load_with_the_first_edit_not_with_the_window():
    opened = _OPEN_WINDOW + "w.open_sample('eight-step', 'en'); app.processEvents()\n"
    assert _loaded_after(opened, EDIT_RULES) == []
    edited = opened + "w.editor.add_lane('Partners')\nassert len(w.process.lanes) == 3\n"
    assert _loaded_after(edited, EDIT_RULES) == [  # what adding a lane needs, no more
        "salesdesigner.edits.fields", "salesdesigner.edits.structure", "salesdesigner.edits.lanes"]


_PAINT_PROBE = (
    "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from salesdesigner.ui.app import application\n"
    "app = application('en')\n"
    "from PySide6.QtCore import QEvent, QObject\n"
    "from salesdesigner.ui.main_window import MainWindow\n"
    "class Probe(QObject):\n"
    "    seen = None\n"
    "    def eventFilter(self, obj, event):\n"
    "        if event.type() == QEvent.Type.Paint and Probe.seen is None:\n"
    "            Probe.seen = sorted(m for m in MODULES if m in sys.modules)\n"
    "        return False\n"
    "w = MainWindow(); probe = Probe(); w.view.viewport().installEventFilter(probe)\n"
    "w.show(); OPEN\n"  # as run_gui does
    "while Probe.seen is None: app.processEvents()\n"
    "print(Probe.seen)\n")


def _loaded_at_first_paint(open_code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` were loaded when the canvas first painted a document."""
    script = _PAINT_PROBE.replace("MODULES", repr(modules)).replace("OPEN", open_code)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # a list of module names we printed


def test_the_first_paint_of_a_document_comes_before_networkx(tmp_path):
    """Drawing asks no graph algorithm (see model/process.py; routing's detours run their
    own Dijkstra): networkx loads after the first paint, when validation runs."""
    from benchmarks.synthetic import synthetic_process

    path = tmp_path / "big.salesdesign"
    save_document(synthetic_process(1000), path)  # crowded enough for routing's detours
    assert _loaded_at_first_paint("w.open_sample('eight-step', 'en')", ("networkx",)) == []
    assert _loaded_at_first_paint(f"w.start({str(path)!r})", ("networkx",)) == []


def test_a_document_opened_at_start_up_is_painted_without_sqlalchemy(tmp_path, sample):
    """Opening reads the file with plain sqlite3 (storage/table_reader.py); SQLAlchemy's
    half second of imports waits for the first save."""
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    assert _loaded_at_first_paint(f"w.start({str(path)!r})", ("sqlalchemy",)) == []


def test_the_command_line_alone_loads_neither_qt_nor_networkx():
    """``salesdesigner --version``, ``check`` or ``export`` must not pay for the GUI, and
    the GUI's start pauses the cycle collector before the big imports (see gc_pause)."""
    code = "import salesdesigner.cli\n"
    assert _loaded_after(code, ("PySide6", "networkx", "salesdesigner.model.process")) == []


def test_the_cycle_collector_rests_until_the_first_paint_and_runs_after_it(
        tmp_path, sample, monkeypatch):
    path = tmp_path / "plan.salesdesign"
    save_document(sample, path)
    enabled_while_starting, enabled_after_paint = [], []
    real_application = app_module.application

    def application(language=None):
        enabled_while_starting.append(gc.isenabled())
        return real_application(language)

    monkeypatch.setattr(app_module, "application", application)

    def windows() -> list:
        return [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "MainWindow" and w.isVisible()]

    def look_and_close() -> None:
        # a loaded machine may take longer than the first look to paint: look again later
        # (the pause ends just after the paint, so a look before it would see it on)
        if not any(getattr(w, "painted_once", False) for w in windows()):
            QTimer.singleShot(100, look_and_close)
            return
        enabled_after_paint.append(gc.isenabled())
        for w in windows():
            w.close()

    class PaintSeen(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                window = obj.window()
                if window.objectName() == "MainWindow":
                    window.painted_once = True
            return False

    seen = PaintSeen()
    QApplication.instance().installEventFilter(seen)
    assert gc.isenabled()
    QTimer.singleShot(300, look_and_close)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.quit)
    watchdog.start(5000)
    try:
        assert run_gui(str(path)) == 0
    finally:
        watchdog.stop()
        QApplication.instance().removeEventFilter(seen)
        gc.unfreeze()  # the rest of the suite: no objects kept out of the collector
    assert enabled_while_starting == [False]
    assert enabled_after_paint == [True]
    assert gc.isenabled()
