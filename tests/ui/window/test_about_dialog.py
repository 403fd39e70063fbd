"""Help ▸ About names the version and every library and font shipped, with the licence
each one's own metadata states (nothing typed by hand)."""

from __future__ import annotations

from email.message import Message
from importlib import metadata

import pytest

from salesdesigner import __version__
from salesdesigner.ui.dialogs import about, licences
from salesdesigner.ui.dialogs.about import AboutDialog
from salesdesigner.ui.dialogs.licences import Component, licence_of


@pytest.fixture
def japanese():
    from salesdesigner.ui.app import application
    from salesdesigner.ui.i18n import install_translators
    application("ja")
    yield
    install_translators("en")


def _rows(dialog: AboutDialog) -> list[str]:
    return dialog.licences.toPlainText().splitlines()


def test_the_about_dialog_lists_the_libraries_and_fonts_with_their_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"SalesDesigner {__version__}" in dialog.summary.text()
    text = dialog.licences.toPlainText()
    # what the installed distributions say of themselves
    assert f"SQLAlchemy\n{metadata.version('SQLAlchemy')}\nMIT" in text
    assert f"networkx\n{metadata.version('networkx')}\nBSD-3-Clause" in text
    assert f"reportlab\n{metadata.version('reportlab')}\nBSD License" in text
    assert "PySide6_Essentials" in text and "LGPL-3.0-only" in text
    assert "typing_extensions" in text  # a requirement of a requirement
    # optional extras and test tools are not part of the application
    assert "numpy" in text  # a requirement since the actuals' bottleneck
    for absent in ("pytest", "hypothesis", "greenlet", "scipy"):
        assert f"\n{absent}\n" not in f"\n{text}\n"
    # fonts from their files: IPAex Gothic 004.01 under the IPA Font License
    assert "IPAexGothic\n004.01\nIPA-1 (LICENSE-IPAexGothic.txt)" in text
    assert "NanumGothic" in text and "OFL-1.1" in text


def test_the_about_dialog_speaks_japanese(japanese, qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "SalesDesigner について"
    assert "ライセンス" in dialog.licences.toPlainText()
    assert "同梱フォント" in dialog.licences.toPlainText()


def test_names_with_markup_are_shown_as_written(qtbot, monkeypatch):
    monkeypatch.setattr(about, "python_components",
                        lambda: [Component("<b>odd</b> & co", "1<2", "\"MIT\" <i>")])
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert "<b>odd</b> & co\n1<2\n\"MIT\" <i>" in dialog.licences.toPlainText()


def test_a_licence_is_read_from_expression_then_field_then_classifiers():
    def meta(**fields) -> Message:
        message = Message()
        for key, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                message[key.replace("_", "-")] = item
        return message

    assert licence_of(meta(License_Expression="MIT", License="BSD")) == "MIT"
    assert licence_of(meta(License="Apache 2.0")) == "Apache 2.0"
    long_text = "Copyright (c) 2001\n\nPermission is hereby granted ..." * 3
    assert licence_of(meta(License=long_text, Classifier=[
        "License :: OSI Approved :: BSD License", "Programming Language :: Python"])) \
        == "BSD License"
    assert licence_of(meta()) == "see the distribution's metadata"


def test_help_about_opens_the_dialog(window, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.windowTitle()))
    window.actions_.about.trigger()
    assert shown == ["About SalesDesigner"]


def test_the_font_name_table_gives_family_and_version():
    from salesdesigner.paths import resource
    names = licences.font_names(resource("fonts", "DejaVuSans-Bold.ttf"))
    assert names[1] == "DejaVu Sans" and names[2] == "Bold"
    assert names[5].startswith("Version 2.37")
