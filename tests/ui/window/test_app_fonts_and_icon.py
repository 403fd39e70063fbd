"""The application's own icon and, on a system without Japanese fonts, its own Japanese
font: the downloaded bundle must not show empty boxes on a bare Linux desktop."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from salesdesigner.ui import app as app_module


def test_windows_carry_the_salesdesigner_icon(qapp):
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    # the mark's blue tile, drawn from resources/icons/salesdesigner.svg
    colour = image.pixelColor(32, 10)
    assert colour.blue() > 150 and colour.red() < 120


def test_without_a_japanese_system_font_the_bundled_ipaex_gothic_is_used(qapp, monkeypatch):
    added: list[str] = []
    real_add = QFontDatabase.addApplicationFont
    monkeypatch.setattr(app_module.QFontDatabase, "families", staticmethod(lambda: ["DejaVu Sans"]))
    ids: list[int] = []
    monkeypatch.setattr(app_module.QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: added.append(path) or ids.append(
                            real_add(path)) or ids[-1]))
    before = qapp.font()
    try:
        app_module._prefer_japanese_glyphs(qapp)
        assert len(added) == 1 and added[0].endswith("IPAexGothic.ttf")
        monkeypatch.undo()
        assert "IPAexGothic" in QFontDatabase.families()
    finally:
        qapp.setFont(before)
        for font_id in ids:  # leave the application as found: later tests lay out text
            QFontDatabase.removeApplicationFont(font_id)


def test_with_a_japanese_system_font_nothing_is_added(qapp, monkeypatch):
    added: list[str] = []
    monkeypatch.setattr(app_module.QFontDatabase, "families",
                        staticmethod(lambda: ["DejaVu Sans", "Noto Sans CJK JP"]))
    monkeypatch.setattr(app_module.QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: added.append(path) or 0))
    before = qapp.font()
    try:
        app_module._prefer_japanese_glyphs(qapp)
    finally:
        qapp.setFont(before)
    assert added == []
