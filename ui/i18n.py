"""Installing the app's and Qt's own translations for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop_app import i18n, paths

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators with those of ``language`` (zh_CN or en)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    if i18n.language() == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(paths.resource("i18n", f"{i18n.language()}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{i18n.language()}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)


def core_text(source: str, **params) -> str:
    """A core message (marked in desktop_app) in the GUI's language."""
    return i18n.text(source, **params)
