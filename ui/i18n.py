"""Installing the app's and Qt's own translations for the chosen language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app import i18n, paths

_installed: list[QTranslator] = []
_MNEMONIC = re.compile(r"&(\w)")


class MnemonicFallback(QTranslator):
    """Qt's own strings that gained a mnemonic after its catalogue was made ("&Look in:", "Files of &type:" in
    QFileDialog): translated as the string without it, the key added in the Chinese way (查找范围(&L)：).

    Installed before the other translators, so Qt asks it only for what they do not know."""

    def __init__(self, base: QTranslator, parent=None):
        super().__init__(parent)
        self._base = base

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's name
        if not source or "&" not in source or not str(context).startswith("Q"):
            return None
        key = _MNEMONIC.search(source)
        if key is None:
            return None
        plain = self._base.translate(context, source.replace("&", "", 1), disambiguation, n)
        if not plain:
            return None
        mark = f"(&{key.group(1).upper()})"
        stripped = plain.rstrip("：:…. ")
        return stripped + mark + plain[len(stripped):]


def install_translators(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators with those of ``language`` (zh_CN or en): the app's catalogue, then
    Qt's own (qtbase, for its file dialogs and standard buttons)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates) if i18n.language() == "en"
                       else QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # calendars' names
    if i18n.language() == "en":
        return
    qt_base = QTranslator(app)
    qt_found = qt_base.load(f"qtbase_{i18n.language()}",
                            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    ours = QTranslator(app)
    ours_found = ours.load(str(paths.resource("i18n", f"{i18n.language()}.qm")))
    if ours_found:  # the core's messages from the same compiled catalogue (the .ts is not parsed again)
        i18n.set_language(language, lookup=lambda source: ours.translate(i18n.CORE_CONTEXT, source))
    # Qt asks the last installed first: qtbase, then ours, and the fallback only for what neither knows.
    for translator, wanted in ((MnemonicFallback(qt_base, app), qt_found), (ours, ours_found),
                               (qt_base, qt_found)):
        if wanted:
            app.installTranslator(translator)
            _installed.append(translator)


def core_text(source: str, **params) -> str:
    """A core message (marked in desktop_app) in the GUI's language."""
    return i18n.text(source, **params)
