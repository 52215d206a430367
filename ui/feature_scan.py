"""Spare PySide6's source scan of every module imported after Qt.

PySide6 lets a module select Qt "features" (``from __feature__ import snake_case``). To know which modules could,
it reads the source of every module imported after Qt (``inspect.getsource``, PYSIDE-2029) and looks for the word
"PySide6": about a third of a millisecond a module, and the window imports some hundred modules between its first
paint and its first rule check, more when a tab or a document is first opened.

No module of this program selects a feature, and neither does the standard library or any of our other
dependencies. So the answer is given before PySide6 looks, in the table it keeps for the purpose:

* this program's own modules (``ui``, ``desktop_app``, ``db``, ``resources``): 0, "no feature selected", which is
  what the scan gives a module that uses Qt;
* the standard library and the dependencies without Qt: -1, "not a Qt module", which is what the scan finds.

Any other module (a package added later, a plug-in) is still scanned as before. A module that did select a feature
would still get it, since PySide6 adds the selection to the value found here. Should a PySide6 release keep its
table elsewhere, nothing is declared and every module is scanned, as before: slower, never wrong.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - PySide6 makes its table when Qt is first imported

OWN = frozenset({"ui", "desktop_app", "db", "resources"})
# The dependencies of pyproject.toml (and what they load) that never touch Qt.
LIBRARIES = frozenset({
    "peewee", "chinese_calendar", "pypinyin", "segno", "docx", "openpyxl", "et_xmlfile", "python_calamine",
    "phonenumbers", "platformdirs", "cryptography", "cffi", "_cffi_backend", "lxml", "typing_extensions",
})
NO_FEATURE = 0
NOT_QT = -1


def answer(name: str) -> int | None:
    """What PySide6's scan would record for the module ``name`` (None: not known here, let it scan)."""
    top = name.partition(".")[0]
    if top in OWN:
        return NO_FEATURE
    if top in LIBRARIES or top in sys.stdlib_module_names:
        return NOT_QT
    return None


def _table() -> dict | None:
    try:
        from shibokensupport import feature
    except ImportError:
        return None
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


class _Declare:
    """A finder that finds nothing: as each module is about to be imported, it enters the module's answer in
    PySide6's table and lets the usual finders load it."""

    def __init__(self, table: dict) -> None:
        self.table = table

    def find_spec(self, name: str, path=None, target=None):
        known = answer(name)
        if known is not None:
            self.table.setdefault(name, known)
        return None

    def invalidate_caches(self) -> None:
        pass


def install() -> bool:
    """Declare the modules loaded so far and each one imported from now on; False if PySide6 keeps no table
    where we look (then it scans, as before)."""
    table = _table()
    if table is None:
        return False
    if not any(isinstance(finder, _Declare) for finder in sys.meta_path):
        for name in list(sys.modules):
            known = answer(name)
            if known is not None:
                table.setdefault(name, known)
        sys.meta_path.insert(0, _Declare(table))
    return True
