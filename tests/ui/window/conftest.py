"""Fixtures for the main window tests: private settings, autosave folder and dialog answers.

No test may block on a modal dialog: ``dialogs`` replaces QMessageBox's static functions
and QFileDialog's file pickers with recorders that answer what the test says (and fail
the test if a dialog it did not expect shows up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from salesdesigner.model import Process
from salesdesigner.storage.templates import load_template


@dataclass
class Dialogs:
    """Recorded dialog calls, and queued answers for them."""

    answers: dict[str, list] = field(default_factory=dict)
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    files: list[str] = field(default_factory=list)

    def answer(self, kind: str, *values) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _take(self, kind: str, title: str, text: str):
        self.shown.append((kind, title, text))
        queue = self.answers.get(kind)
        if not queue:
            raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")
        return queue.pop(0)

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [d for d in self.shown if d[0] == kind]


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    yield folder


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    rec = Dialogs()
    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: rec._take(_k, title, text)))

    def open_name(*args, **kwargs):
        return (rec._take("open-file", "", ""), "")

    def save_name(*args, **kwargs):
        return (rec._take("save-file", "", ""), "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return rec


@pytest.fixture(autouse=True)
def english_ui(private_settings, qapp):
    """Every test starts with the English UI (a test may switch to Japanese after this)."""
    from salesdesigner.ui.app import application
    application("en")


@pytest.fixture
def autosave_dir(tmp_path) -> Path:
    return tmp_path / "autosave"


@pytest.fixture
def make_window(qtbot, autosave_dir):
    """Build windows on a process; they are closed without prompts at the end."""
    from salesdesigner.ui.main_window import MainWindow

    windows = []

    def make(process: Process | None = None) -> MainWindow:
        window = MainWindow(process, autosave_dir=autosave_dir)
        window.document.set_autosave_interval(0)
        window.resize(1200, 800)
        windows.append(window)
        return window

    yield make
    from salesdesigner.ui import main_window

    for window in [*windows, *main_window._extra_windows]:  # and those they opened
        if shiboken6.isValid(window):
            window.undo_stack.setClean()
            window.close()
            window.deleteLater()
    main_window._extra_windows.clear()


@pytest.fixture
def sample() -> Process:
    return load_template("eight-step", "en")


@pytest.fixture
def window(make_window, sample):
    return make_window(sample)
