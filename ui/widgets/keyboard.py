"""Tab moves from field to field on every page: a text box takes Tab as “next field” (Ctrl+Enter adds, Enter is
a new line), and a list or table is one stop (arrows move inside it), so nothing traps the Tab key."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit, QWidget


def tab_moves_on(root: QWidget) -> None:
    """Make Tab leave every text box, list and table under ``root`` (called once a page is built)."""
    for edit in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
