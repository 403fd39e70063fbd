"""Which language the UI speaks, and loading the Qt Linguist translations for it.

The user's choice in Preferences wins; otherwise the system locale decides (Japanese for
``ja*``, English for everything else).  Our own strings come from
``resources/i18n/salesdesigner_<lang>.qm``; Qt's standard dialogs from Qt's own
``qtbase_<lang>.qm``.  Switching languages while windows are open is supported: every
widget that shows translated text retranslates itself on ``QEvent.LanguageChange``, and
:func:`install_translators` delivers that event before it returns.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from salesdesigner.model.presentation import LANGUAGES, primary_language
from salesdesigner.paths import resource
from salesdesigner.ui.settings import Settings

SUPPORTED = LANGUAGES
_installed: list[QTranslator] = []

# Qt's own labels that its Japanese catalogue lacks: Qt 6 added mnemonics to these texts
# of the widget-based file dialog, and qtbase_ja.qm still has only the old forms
# ("Look in:").  Listing them here puts them into our catalogue under Qt's context; our
# translator is installed last, so it is asked first.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    for name in QLocale.system().uiLanguages():
        lang = primary_language(name)
        if lang in SUPPORTED:
            return lang
    return "en"


def resolve_language(preferred: str | None = None) -> str:
    """The language to use: ``preferred`` if supported, else the saved choice, else the system's."""
    if preferred:
        lang = primary_language(preferred)
        if lang in SUPPORTED:
            return lang
    return Settings().language or system_language()


def current_language() -> str:
    """The language the installed translators speak (``en`` when none are installed)."""
    app = QCoreApplication.instance()
    return str(app.property("salesdesignerLanguage") or "en") if app is not None else "en"


def install_translators(language: str | None = None) -> str:
    """Make the UI speak ``language`` (resolved as :func:`resolve_language` does); returns it.

    Open windows switch at once: the ``LanguageChange`` events Qt posts are delivered
    before this returns, so every widget has retranslated itself by then.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    lang = resolve_language(language)
    if app.property("salesdesignerLanguage") == lang:
        return lang  # already speaking it: do not make every widget retranslate
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        # the most recently installed translator is asked first: ours after Qt's, so our
        # catalogue can fill the gaps of Qt's (QT_CATALOGUE_GAPS)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", f"salesdesigner_{lang}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja"
                               else QLocale.Language.English))
    app.setProperty("salesdesignerLanguage", lang)
    deliver_language_change()
    return lang


def deliver_language_change() -> None:
    """Deliver the posted ``LanguageChange`` events now (application → windows → widgets)."""
    for _ in range(3):  # the application re-posts the event to each top-level window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def translate(context: str, text: str) -> str:
    """Translate outside a QObject (``QCoreApplication.translate`` by another name)."""
    return QCoreApplication.translate(context, text)
