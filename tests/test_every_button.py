"""Every button of every tab and every menu action, pressed the way a new user would, on the held demo and on a
fresh event. Modal dialogs open and are cancelled (or answered by the ``dialogs`` fixture); a folder asked for
is a temporary one, so exports really run. Any exception that reaches Qt's event loop fails the test (pytest-qt
reports it), so a crash like the walk-in button's would."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop_app.services import events
from desktop_app.services.events import EventDraft
from ui import early, folders
from ui.main_window import MainWindow

TABS = ("plan", "roster", "route", "checkin", "feedback", "summary")
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


def _alive(widget) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def _settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)
    qtbot.wait(5)


def _press_visible(root: QWidget, window, qtbot, pressed: set[str]) -> int:
    """Press each visible, enabled button under ``root`` not pressed yet (a checkable one twice: on, then off)."""
    count = 0
    for button in root.findChildren(QAbstractButton):
        if not _alive(button) or not button.isVisible() or not button.isEnabled():
            continue
        key = f"{id(button)}:{button.text()}"
        if key in pressed:
            continue
        pressed.add(key)
        if isinstance(button.parent(), QTabWidget) or button.metaObject().className() == "QToolBarExtension":
            continue
        clicks = 2 if button.isCheckable() and not button.autoExclusive() else 1
        for _ in range(clicks):
            if _alive(button) and button.isVisible() and button.isEnabled():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                _settle(window, qtbot)
        count += 1
    return count


def _with_a_row_chosen(root: QWidget, window, qtbot, pressed: set[str]) -> int:
    """In each visible list or table with rows: click the first row, press what that enabled, double-click it."""
    count = 0
    for view in root.findChildren(QAbstractItemView):
        if not _alive(view) or not view.isVisible() or view.model() is None or view.model().rowCount() == 0:
            continue
        index = view.model().index(0, 0)
        rect = view.visualRect(index)
        if rect.isEmpty():
            continue
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        count += _press_visible(root, window, qtbot, pressed)
        if _alive(view) and view.isVisible():
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            _settle(window, qtbot)
            count += 1
    return count


def _selectors(root: QWidget) -> list[QWidget]:
    """What switches pages inside a tab: inner tab widgets and the plan's page list."""
    found = [w for w in root.findChildren(QTabWidget) if _alive(w)]
    found += [w for w in root.findChildren(QListWidget) if _alive(w) and w.objectName() == "plan_pages"]
    return found


def _press_tab(window, qtbot, name: str) -> int:
    tab = window.tab(name)
    window.tabs.setCurrentWidget(tab)
    _settle(window, qtbot)
    pressed: set[str] = set()
    count = _press_visible(tab, window, qtbot, pressed)
    count += _with_a_row_chosen(tab, window, qtbot, set())
    seen: set[int] = set()
    while True:
        todo = [s for s in _selectors(tab) if id(s) not in seen]
        if not todo:
            break
        for selector in todo:
            seen.add(id(selector))
            pages = selector.count()
            for index in range(pages):
                if not _alive(selector):
                    break
                window.tabs.setCurrentWidget(tab)
                if isinstance(selector, QTabWidget):
                    selector.setCurrentIndex(index)
                else:
                    selector.setCurrentRow(index)
                qtbot.wait(5)
                count += _press_visible(tab, window, qtbot, pressed)
                count += _with_a_row_chosen(tab, window, qtbot, set())
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
            _settle(window, qtbot)
        count += 1
    return count


def _press_everything(window, qtbot) -> dict[str, int]:
    counts = {name: _press_tab(window, qtbot, name) for name in TABS}
    counts["menus"] = _trigger_menus(window, qtbot)
    return counts


def _held_demo() -> None:
    from desktop_app.demo import create_demo_event

    create_demo_event(held=True)


def _fresh_event() -> None:
    events.create_event(EventDraft(unit="某县政务服务中心", title="新的开放日",
                                   date=dt.date.today() + dt.timedelta(days=40)))


@pytest.mark.parametrize("make_event, at_least", [(_held_demo, 200), (_fresh_event, 150)],
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
