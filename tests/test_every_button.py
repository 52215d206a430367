"""Every button of every tab and every menu action, pressed the way a new user would, on the held demo and on a
fresh event. Modal dialogs open and are cancelled (or answered by the ``dialogs`` fixture); a folder asked for
is a temporary one, so exports really run. Any exception that reaches Qt's event loop fails the test (pytest-qt
reports it), so a crash like the walk-in button's would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from ui import early, folders
from ui.main_window import MainWindow

from .walk import TABS, alive, fresh_event, held_demo, settle, walk_pages

LAST_ACTIONS = ("delete_action",)  # pressed after everything else: the event is gone afterwards


@pytest.fixture
def patched(monkeypatch, tmp_path):
    """Every way the app asks the user, answered at once: dialogs cancelled, a folder given, no file chosen."""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Close)
    monkeypatch.setattr(QMenu, "exec", lambda self, *a, **k: None)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    monkeypatch.setattr(folders.FolderDialog, "ask", classmethod(lambda cls, *a, **k: out))  # the package's
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    for name in ("getText", "getMultiLineText", "getItem"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (0, False)))
    monkeypatch.setattr(QInputDialog, "getDate", staticmethod(lambda *a, **k: (None, False)), raising=False)
    # Before a document that reports on the day: a draft while the day has not come, else written anyway.
    monkeypatch.setattr(early.EarlyQuestion, "ask", staticmethod(
        lambda parent, *, refusal, errors: early.DRAFT if refusal else early.FINAL))
    # A menu a button opens in C++ (QPushButton.setMenu) blocks in its own loop: close any popup or modal
    # window that is still up a moment later.
    closer = QTimer()
    closer.setInterval(50)

    def close_popups() -> None:
        for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if widget is not None:
                widget.close()

    closer.timeout.connect(close_popups)
    closer.start()
    yield out
    closer.stop()


def _press_visible(root: QWidget, window, qtbot, pressed: set[str]) -> int:
    """Press each visible, enabled button under ``root`` not pressed yet (a checkable one twice: on, then off)."""
    count = 0
    for button in root.findChildren(QAbstractButton):
        if not alive(button) or not button.isVisible() or not button.isEnabled():
            continue
        key = f"{id(button)}:{button.text()}"
        if key in pressed:
            continue
        pressed.add(key)
        if isinstance(button.parent(), QTabWidget) or button.metaObject().className() == "QToolBarExtension":
            continue
        clicks = 2 if button.isCheckable() and not button.autoExclusive() else 1
        for _ in range(clicks):
            if alive(button) and button.isVisible() and button.isEnabled():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                settle(window, qtbot)
        count += 1
    return count


def _with_a_row_chosen(root: QWidget, window, qtbot, pressed: set[str]) -> int:
    """In each visible list or table with rows: click the first row, press what that enabled, double-click it."""
    count = 0
    for view in root.findChildren(QAbstractItemView):
        if not alive(view) or not view.isVisible() or view.model() is None or view.model().rowCount() == 0:
            continue
        index = view.model().index(0, 0)
        rect = view.visualRect(index)
        if rect.isEmpty():
            continue
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        count += _press_visible(root, window, qtbot, pressed)
        if alive(view) and view.isVisible():
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            settle(window, qtbot)
            count += 1
    return count


def _press_tab(window, qtbot, name: str) -> int:
    tab = window.tab(name)
    window.tabs.setCurrentWidget(tab)
    settle(window, qtbot)
    pressed: set[str] = set()
    count = 0

    def press(_where: str) -> None:
        nonlocal count
        count += _press_visible(tab, window, qtbot, pressed)
        count += _with_a_row_chosen(tab, window, qtbot, set())

    walk_pages(window, qtbot, tab, press)
    return count


def _actions(menu: QMenu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from _actions(action.menu())
        elif not action.isSeparator():
            yield action


def _trigger_menus(window, qtbot) -> int:
    last = [getattr(window, name) for name in LAST_ACTIONS]
    actions = [a for m in window.menuBar().actions() if m.menu() for a in _actions(m.menu())]
    actions = [a for a in actions if a not in last and a is not window.quit_action] + last
    count = 0
    for action in actions:
        if not action.isEnabled():
            continue
        for _ in range(2 if action.isCheckable() else 1):
            action.trigger()
            settle(window, qtbot)
        count += 1
    return count


def _press_everything(window, qtbot) -> dict[str, int]:
    counts = {name: _press_tab(window, qtbot, name) for name in TABS}
    counts["menus"] = _trigger_menus(window, qtbot)
    return counts


@pytest.mark.parametrize("make_event, at_least", [(held_demo, 200), (fresh_event, 150)],
                         ids=["held_demo", "fresh_event"])
def test_every_button(make_event, at_least, workspace, qtbot, patched, dialogs):
    make_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    counts = _press_everything(window, qtbot)
    assert all(counts[name] > 0 for name in (*TABS, "menus")), counts
    assert sum(counts.values()) >= at_least, counts
    assert any(p.is_dir() for p in patched.iterdir()), "the exports asked for a folder and wrote into it"
