"""Which language the UI speaks, and loading the Qt Linguist translations for it.

The user's choice in Preferences wins; otherwise the system locale decides (Japanese for
``ja*``, English for everything else).  Our own strings come from
``resources/i18n/salesdesigner_<lang>.qm``; Qt's standard dialog buttons from Qt's own
``qtbase_<lang>.qm``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from salesdesigner.paths import resource

SUPPORTED = ("en", "ja")
_installed: list[QTranslator] = []


def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    for name in QLocale.system().uiLanguages():
        lang = name.replace("_", "-").split("-", 1)[0].lower()
        if lang in SUPPORTED:
            return lang
    return "en"


def resolve_language(preferred: str | None = None) -> str:
    """The language to use: ``preferred`` if supported, else the saved choice, else the system's."""
    if preferred:
        lang = preferred.replace("_", "-").split("-", 1)[0].lower()
        if lang in SUPPORTED:
            return lang
    from salesdesigner.ui.dialogs.preferences import Settings
    return Settings().language or system_language()


def current_language() -> str:
    """The language the installed translators speak (``en`` when none are installed)."""
    app = QCoreApplication.instance()
    return str(app.property("salesdesignerLanguage") or "en") if app is not None else "en"


def install_translators(language: str | None = None) -> str:
    """Replace the application's translators by those for ``language``; returns the language.

    Widgets built afterwards speak the new language; existing ones keep their texts.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    lang = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", f"salesdesigner_{lang}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja"
                               else QLocale.Language.English))
    app.setProperty("salesdesignerLanguage", lang)
    return lang


def translate(context: str, text: str) -> str:
    """Translate outside a QObject (``QCoreApplication.translate`` by another name)."""
    return QCoreApplication.translate(context, text)
