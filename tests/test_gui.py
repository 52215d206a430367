"""The main window, driven through its widgets offscreen."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from desktop_app.services import events
from desktop_app.services.events import EventDraft
from desktop_app.workspace import open_workspace
from ui.dialogs import DuplicateEventDialog, NewEventDialog
from ui.i18n import install_translators
from ui.main_window import MainWindow


@pytest.fixture
def window(qapp, qtbot, db_path):
    install_translators(qapp, "zh_CN")  # the default language, as ui.app installs it
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws, open_workspace=lambda p: open_workspace(p, lock=True))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.workspace.close()


def reopen(qtbot, win) -> MainWindow:
    """Close the window and its database, then open both again, as a restart would."""
    path = win.workspace.path
    win.close()
    win.workspace.close()
    ws = open_workspace(path, lock=True)
    again = MainWindow(ws)
    qtbot.addWidget(again)
    again.show()
    return again


def test_empty_database_offers_new_or_demo(window):
    assert window.windowTitle() == "政府开放日工作台"
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.new_button.text().startswith("新建活动")
    assert window.welcome.demo_button.text().startswith("打开示例活动")
    assert not window.delete_action.isEnabled()
    assert str(window.workspace.path) in window.db_label.text()


def test_demo_button_opens_the_demo_event(window, qtbot):
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    form = window.plan_tab.basic_info
    assert form.value("unit") == "西吉县审批服务管理局"
    assert form.value("theme") == "深入推进审批服务便民化"
    assert "西吉县审批服务管理局" in window.switcher.currentText()


def test_an_opened_event_shows_its_field_hints_right_after_the_plan_check(qapp, qtbot, db_path):
    """Opening the window, the plan's check runs first and the form's own hints (a landline's check loads the
    phone library) right after it, not before the window is usable; both are there once it has drawn."""
    install_translators(qapp, "zh_CN")
    ws = open_workspace(db_path, lock=True)
    info = events.create_event(EventDraft(unit="西吉县科技局", date=dt.date(2026, 9, 28)))
    events.update_event(info.id, contact_phone="0954-301811")  # a digit short
    win = MainWindow(ws)
    qtbot.addWidget(win)
    label = win.plan_tab.basic_info.issue_labels["contact_phone"]
    hint_at_check = []
    win.plan_tab.review.sig_checked.connect(lambda _errors: hint_at_check.append(label.isHidden()))
    try:
        win.show()
        assert hint_at_check == [] and label.isHidden()  # both after the window is shown
        qtbot.waitUntil(lambda: not label.isHidden(), timeout=3000)
        assert "区号" in label.text() and hint_at_check[:1] == [True]  # the check came first
    finally:
        win.close()
        ws.close()


def test_create_edit_switch_and_find_the_edit_after_reopening(window, qtbot, monkeypatch):
    monkeypatch.setattr(NewEventDialog, "ask", classmethod(
        lambda cls, parent, unit="", day=None: EventDraft(unit="西吉县科技局", date=dt.date(2026, 9, 28))))
    window.new_event()
    first = window.current_event_id
    monkeypatch.setattr(NewEventDialog, "ask", classmethod(
        lambda cls, parent, unit="", day=None: EventDraft(unit="西吉县物价局", date=dt.date(2026, 10, 12))))
    window.new_event()
    second = window.current_event_id
    assert first != second and window.switcher.count() == 2

    form = window.plan_tab.basic_info
    with qtbot.waitSignal(form.sig_saved, timeout=3000):
        form.editors["theme"].setText("优化营商环境")
    form.editors["contact_phone"].setText("0954-301811")  # a digit short: warned, still saved
    assert form.issue_labels["contact_phone"].isVisible()
    assert "区号" in form.issue_labels["contact_phone"].text()
    form.editors["start_time"].setTime(QTime(9, 30))
    form.editors["date"].setDate(QDate(2026, 10, 13))

    window.select_event(first)  # switching saves what is pending at once
    assert window.current_event_id == first
    assert form.value("unit") == "西吉县科技局"
    assert events.get_event(second).contact_phone == "0954-301811"
    assert "2026年10月13日" in window.switcher.itemText(window.switcher.findData(second))

    window.select_event(second)
    form.editors["venue"].setText("政务服务大厅")  # closing right after typing loses nothing
    again = reopen(qtbot, window)
    try:
        assert again.current_event_id == second  # the last event shown comes back
        form = again.plan_tab.basic_info
        assert form.value("theme") == "优化营商环境"
        assert form.value("venue") == "政务服务大厅"
        assert form.value("start_time") == dt.time(9, 30)
        assert form.value("date") == dt.date(2026, 10, 13)
    finally:
        again.close()
        again.workspace.close()


def test_autosave_waits_for_a_pause_in_typing(window, qtbot, monkeypatch):
    events.create_event(EventDraft(unit="u", date=dt.date(2026, 9, 28)))
    window._reload_switcher()
    form = window.plan_tab.basic_info
    calls = []
    monkeypatch.setattr(events, "update_event", lambda event_id, **kw: calls.append(kw))
    for text in ("优", "优化", "优化营商环境"):
        form.editors["theme"].setText(text)
    assert calls == []
    qtbot.waitUntil(lambda: calls == [{"theme": "优化营商环境"}], timeout=3000)
    assert form.status.text().startswith("已于")


def test_duplicate_and_delete(window, qtbot, monkeypatch):
    window.open_demo_event()
    source = window.current_event_id
    monkeypatch.setattr(DuplicateEventDialog, "ask",
                        classmethod(lambda cls, parent, summary: (dt.date(2027, 9, 28), "")))
    window.duplicate_event()
    copy = window.current_event_id
    assert copy != source and window.switcher.count() == 2
    assert window.plan_tab.basic_info.value("date") == dt.date(2027, 9, 28)
    assert window.plan_tab.basic_info.value("title") == "2027年“政府开放日”活动"

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window.delete_event()
    assert window.switcher.count() == 2 and asked
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_event()
    assert window.switcher.count() == 1 and window.current_event_id == source
    assert [e.id for e in events.list_deleted_events()] == [copy]


def test_switching_to_a_refused_database_keeps_the_current_one(window, tmp_path):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_text("hello")
    shown = []
    import ui.main_window as mw

    original = mw.QMessageBox.warning
    mw.QMessageBox.warning = staticmethod(lambda parent, title, text: shown.append(text))
    try:
        assert window.switch_database(bad) is False
    finally:
        mw.QMessageBox.warning = original
    assert shown and str(bad) in shown[0]
    assert not window.workspace.closed
    good = tmp_path / "other.sqlite3"
    assert window.switch_database(good) is True
    assert window.workspace.path == good and str(good) in window.db_label.text()


def test_uncaught_exception_is_reported_not_fatal(qapp, monkeypatch, data_dir, capsys):
    import sys

    from desktop_app import logs
    from ui import errors

    log_file = logs.setup_logging()
    shown = []
    monkeypatch.setattr(errors.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    errors.install_excepthook(log_file)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert shown and str(log_file) in shown[0]
    assert "RuntimeError" in log_file.read_text(encoding="utf-8")


def test_damaged_database_offers_the_newest_backup(qapp, tmp_path, monkeypatch):
    from ui import app as ui_app

    from .test_db import damaged_with_a_backup, digest

    path = damaged_with_a_backup(tmp_path)
    damaged = digest(path)
    asked = []
    monkeypatch.setattr(ui_app, "ask_restore", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    ws = ui_app.open_gui_workspace(path, interactive=True)
    try:
        assert asked and "20260101-080000" in asked[0]
        assert [e.unit for e in events.list_events()] == ["西吉县审批服务管理局"]
    finally:
        ws.close()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("broken-replaced-")]
    assert len(kept) == 1 and digest(kept[0]) == damaged  # the damaged file is kept as it was


def test_damaged_database_is_refused_when_the_restore_is_declined(qapp, tmp_path, monkeypatch):
    from desktop_app.errors import UserError
    from ui import app as ui_app

    from .test_db import corrupt_copy, digest

    path = corrupt_copy(tmp_path)
    before = digest(path)
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "broken-20260101-080000.sqlite3").write_bytes(b"")
    monkeypatch.setattr(ui_app, "ask_restore", lambda box: QMessageBox.StandardButton.No)
    with pytest.raises(UserError):
        ui_app.open_gui_workspace(path, interactive=True)
    assert digest(path) == before


def test_qt_calls_leave_none_alone(qapp):
    """A Qt binding that drops a reference to None on each call (PySide6 6.12.0 on Python 3.11) aborts the app
    after some tens of thousands of calls — a busy check-in morning. pyproject.toml keeps such a version out."""
    import gc
    import sys

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    widget = QListWidget()
    item = QListWidgetItem("x")
    calls = 4000
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(calls // 2):
        item.setData(Qt.ItemDataRole.UserRole, 5)
        widget.addItem(QListWidgetItem("y"))
    widget.clear()
    # A faulty binding loses one reference per call (4,000 here); other objects coming and going move the count
    # by a few dozen either way.
    assert before - sys.getrefcount(None) < calls // 4


def test_the_other_tabs_code_is_read_after_the_start_one_module_at_a_time(qapp, qtbot, db_path, monkeypatch):
    from ui import main_window

    monkeypatch.setattr(main_window, "PRELOAD_START_MS", 10)
    monkeypatch.setattr(main_window, "PRELOAD_GAP_MS", 10)
    read = []
    monkeypatch.setattr(main_window, "importlib", SimpleNamespace(import_module=read.append))
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    try:
        assert read == []  # nothing while the window is made
        win.show()
        qtbot.waitUntil(lambda: len(read) == len(main_window.PRELOADED_TABS), timeout=3000)
        assert read == list(main_window.PRELOADED_TABS)
        assert all(name.replace("ui.", "").replace(".tab", "") in win._tab_factories for name in read)
    finally:
        win.close()
        ws.close()
