"""Keyboard alone, every page of every tab: Tab reaches every enabled input the page shows, and every shortcut of
the shortcut list (F1), pressed on every page, finds one owner — Qt never says “Ambiguous shortcut overload”."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.main_window import MainWindow
from ui.shortcuts import ShortcutsDialog

from .test_every_button import patched  # noqa: F401 - the fixture answering every dialog at once
from .walk import TABS, alive, fresh_event, held_demo, settle, walk_pages

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def _inputs(tab: QWidget) -> list[QWidget]:
    """The enabled inputs the page shows that take focus from Tab (not the parts Qt builds inside one)."""
    found = []
    for widget in tab.findChildren(QWidget):
        if not alive(widget) or not isinstance(widget, INPUTS) or not widget.isVisible() or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own line edit
        if isinstance(widget.parent(), QTabBar) or widget.metaObject().className() == "QToolBarExtension":
            continue
        found.append(widget)
    return found


def _radio_group(button: QRadioButton) -> list[QAbstractButton]:
    if button.group() is not None:
        return button.group().buttons()
    if button.autoExclusive() and button.parent() is not None:
        return [b for b in button.parent().findChildren(QRadioButton) if b.autoExclusive()]
    return [button]


def _walk_with_tab(window, qtbot, inputs: list[QWidget]) -> set[int]:
    """Tab pressed from the first input until focus comes back round: the widgets it reached."""
    start = inputs[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    reached = {id(start)}
    for _ in range(4 * len(window.findChildren(QWidget)) + 10):
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now is start:
            break
        reached.add(id(now))
        if isinstance(now, QRadioButton):  # Tab stops at the chosen one of a group; arrows move inside it
            reached.update(id(other) for other in _radio_group(now))
        if isinstance(now.parent(), (QAbstractSpinBox, QComboBox)):
            reached.add(id(now.parent()))
    return reached


@pytest.mark.parametrize("make_event", [held_demo, fresh_event], ids=["held_demo", "fresh_event"])
def test_tab_alone_reaches_every_input_of_every_page(make_event, workspace, qtbot):
    make_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    missed: list[str] = []
    for name in TABS:
        tab = window.tab(name)
        window.tabs.setCurrentWidget(tab)
        settle(window, qtbot)

        def visit(where: str, name=name, tab=tab) -> None:
            inputs = _inputs(tab)
            if not inputs:
                return
            reached = _walk_with_tab(window, qtbot, inputs)
            for widget in inputs:
                if alive(widget) and widget.isVisible() and id(widget) not in reached:
                    label = widget.objectName() or getattr(widget, "text", lambda: "")() or ""
                    missed.append(f"{name}{where}: {type(widget).__name__} {label!r}")

        walk_pages(window, qtbot, tab, visit)
    assert missed == [], "\n".join(missed)


def _shortcut_list(window) -> list[str]:
    dialog = ShortcutsDialog(window)
    keys: list[str] = []
    rows = dialog.listed()
    assert not [w for w, _k in rows if w == dialog.tr("(a shortcut of this page)")], "every shortcut says what it does"
    assert not [k for _w, k in rows if len(set(k.split(", "))) < len(k.split(", "))], "no key named twice"
    for _what, shown in rows:
        for text in shown.split(", "):
            if text and text not in keys:
                keys.append(text)
    dialog.deleteLater()
    return keys


def _back_to(window, qtbot) -> None:
    """Close what the key opened (the shortcut list, the venue screen…): the window is active again, so the next
    key meets the window's shortcuts."""
    for top in QApplication.topLevelWidgets():
        if top is not window and alive(top) and top.isVisible():
            top.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


@pytest.fixture
def qt_warnings():
    """Qt's messages while the test runs, read by our own handler (the window installs one of its own)."""
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    yield messages
    qInstallMessageHandler(previous)


def test_every_listed_shortcut_on_every_page_has_one_owner(workspace, qtbot, qt_warnings, patched,  # noqa: F811
                                                           dialogs):
    held_demo()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = _shortcut_list(window)
    assert len(keys) > 15, keys
    spared = {s.toString(QKeySequence.SequenceFormat.NativeText)
              for a in (window.quit_action, window.delete_action) for s in a.shortcuts()}
    pressed = 0
    for name in TABS:
        tab = window.tab(name)
        window.tabs.setCurrentWidget(tab)
        settle(window, qtbot)

        def visit(_where: str, tab=tab) -> None:
            nonlocal pressed
            for text in keys:
                if text in spared or not alive(tab) or not tab.isVisible():
                    continue
                inputs = _inputs(tab)
                target = inputs[0] if inputs else tab
                target.setFocus()
                QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(
                    text, QKeySequence.SequenceFormat.NativeText))
                settle(window, qtbot)
                pressed += 1
                _back_to(window, qtbot)
                window.tabs.setCurrentWidget(tab)

        walk_pages(window, qtbot, tab, visit)
    ambiguous = sorted({m for m in qt_warnings if "Ambiguous shortcut" in m})
    assert pressed > 100
    assert ambiguous == []
