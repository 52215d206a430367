"""Walking the window as a new user would, shared by the tests that press every button and read every mnemonic:
the events they walk, waiting for the worker, and every page of a tab (inner tab widgets, the plan's page list)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import QListWidget, QTabWidget, QWidget

from desktop_app.services import events
from desktop_app.services.events import EventDraft

TABS = ("plan", "roster", "route", "checkin", "feedback", "summary")


def alive(obj) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)
    qtbot.wait(5)


def held_demo() -> None:
    from desktop_app.demo import create_demo_event

    create_demo_event(held=True)


def fresh_event() -> None:
    events.create_event(EventDraft(unit="某县政务服务中心", title="新的开放日",
                                   date=dt.date.today() + dt.timedelta(days=40)))


def selectors(root: QWidget) -> list[QWidget]:
    """What switches pages inside a tab: inner tab widgets and the plan's page list."""
    found = [w for w in root.findChildren(QTabWidget) if alive(w)]
    found += [w for w in root.findChildren(QListWidget) if alive(w) and w.objectName() == "plan_pages"]
    return found


def walk_pages(window, qtbot, tab: QWidget, visit: Callable[[str], None]) -> None:
    """``visit(where)`` on the tab as it opens (``where`` empty), then on each page of each page switcher it
    shows, the switchers that appear on a page included (``where`` names the switcher and the page)."""
    visit("")
    seen: set[int] = set()
    while True:
        todo = [s for s in selectors(tab) if id(s) not in seen]
        if not todo:
            return
        for selector in todo:
            seen.add(id(selector))
            for index in range(selector.count()):
                if not alive(selector):
                    break
                window.tabs.setCurrentWidget(tab)
                if isinstance(selector, QTabWidget):
                    selector.setCurrentIndex(index)
                else:
                    selector.setCurrentRow(index)
                qtbot.wait(5)
                visit(f" › {selector.objectName() or type(selector).__name__} {index}")
