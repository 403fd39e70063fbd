"""Starting the designer: the QApplication, its translators, the first window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from salesdesigner import __version__
from salesdesigner.gc_pause import end_start_up_pause, start_up_paused
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.settings import APPLICATION, ORGANIZATION


def application(language: str | None = None) -> QApplication:
    """The running QApplication (created if needed), named, with translators installed."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APPLICATION)
    QGuiApplication.setDesktopFileName("salesdesigner")
    if QGuiApplication.windowIcon().isNull():
        from salesdesigner.paths import resource
        QGuiApplication.setWindowIcon(QIcon(str(resource("icons", "salesdesigner.svg"))))
    _prefer_japanese_glyphs(app)
    install_translators(language)
    return app  # type: ignore[return-value]


JAPANESE_FONTS = ("Noto Sans CJK JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic UI", "Meiryo")


def _prefer_japanese_glyphs(app: QApplication) -> None:
    """Kanji shared with Chinese must be drawn with Japanese glyph shapes (documents are
    Japanese or English), whatever the system's fallback font would pick.  A system with no
    Japanese font at all (a bare Linux desktop running the downloaded bundle) gets the
    IPAex Gothic the manual is set in, rather than empty boxes."""
    if not any(f in JAPANESE_FONTS for f in QFontDatabase.families()):
        from salesdesigner.paths import resource
        QFontDatabase.addApplicationFont(str(resource("fonts", "IPAexGothic.ttf")))
    font = app.font()
    families = list(font.families()) or [font.family()]
    if any(f in families for f in JAPANESE_FONTS):
        return
    resolved = QFontInfo(font).family()  # "Sans Serif" is an alias: keep what it resolves to
    font.setFamilies([resolved, *families, *JAPANESE_FONTS])
    app.setFont(font)


def run_gui(path: str | None = None, *, template: str | None = None,
            language: str | None = None) -> int:
    """Open the designer and run until the last window closes: on ``path``, or on a new
    document from ``template`` (in ``language``), or as a fresh start would.  When this
    user's designer is running already, ``path`` opens there instead and this returns 0;
    while this one runs, it takes such documents, and macOS's file-open events.

    The cycle collector rests until the window has first painted (see
    :mod:`salesdesigner.gc_pause`); the command line pauses it before its imports.
    """
    with start_up_paused():
        app = application(language)
        from salesdesigner.ui import desktop_open
        if path and not template and desktop_open.hand_over([path]):
            return 0  # the running instance shows it (a double-click while the app is open)
        from salesdesigner.ui.after_paint import after_next_paint
        from salesdesigner.ui.main_window import MainWindow
        window = MainWindow()
        window.restore_layout()
        window.show()
        after_next_paint(window, end_start_up_pause)
        server = desktop_open.DocumentServer(app)
        server.openRequested.connect(desktop_open.open_from_desktop)
        server.listen()
        file_open = desktop_open.FileOpenFilter(desktop_open.open_from_desktop, app)
        app.installEventFilter(file_open)
        if template:
            window.open_sample(template, language)
        else:
            window.start(path)
        try:
            status = app.exec()  # a start without a paint still ends the pause on the way out
        finally:
            app.removeEventFilter(file_open)
            server.close()
            server.deleteLater()
            file_open.deleteLater()
    window.deleteLater()  # a caller that goes on (a test, a script) does not keep it
    return status
