"""The one date field of the app, driven by the keyboard: an unset date takes typed digits with or without
separators, Ctrl+A selects, Tab leaves, Up/Down step, Alt+Down and F4 open the calendar at the event's month in the
interface language, and text that is not a date is put back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.dates import parse_typed
from ui.widgets.fields import DateField, OptionalDateEdit


@pytest.mark.parametrize("typed, day", [
    ("20261218", dt.date(2026, 12, 18)), ("2026-12-18", dt.date(2026, 12, 18)), ("2026/1/5", dt.date(2026, 1, 5)),
    ("2026.01.05", dt.date(2026, 1, 5)), ("2026 12 18", dt.date(2026, 12, 18)),
    ("2026年12月18日", dt.date(2026, 12, 18)), ("２０２６－１２－１８", dt.date(2026, 12, 18)),
    ("2026-13-01", None), ("20260230", None), ("202612", None), ("2026-12-", None), ("", None), ("abc", None),
])
def test_typed_dates(typed, day):
    assert parse_typed(typed) == day


def _form(qtbot, field: QWidget) -> tuple[QWidget, QLineEdit]:
    """The field between two lines, shown and active, the field focused."""
    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    before = QLineEdit(top)
    field.setParent(top)
    after = QLineEdit(top)  # made after the field: next in the Tab order
    for widget in (before, field, after):
        layout.addWidget(widget)
    top.show()
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return top, after


@pytest.mark.parametrize("typed", ["20261218", "2026-12-18", "2026/12/18"])
def test_an_unset_date_takes_typed_digits_and_tab_moves_on(qtbot, typed):
    field = OptionalDateEdit()
    _top, after = _form(qtbot, field)
    assert field.value() is None and field.text() == ""
    qtbot.keyClicks(field, typed)
    assert field.value() == dt.date(2026, 12, 18)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert field.text() == "2026-12-18" and after.text() == ""


def test_ctrl_a_selects_and_typing_replaces_a_set_date(qtbot):
    field = OptionalDateEdit()
    field.set_value(dt.date(2030, 1, 1))
    _top, after = _form(qtbot, field)
    with qtbot.waitSignal(field.dateChanged):
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert field.selectedText() == "2030-01-01"
        qtbot.keyClicks(field, "2031.10.15")
    assert field.value() == dt.date(2031, 10, 15)
    # emptied, the optional date is unset again
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after and field.value() is None


def test_text_that_is_not_a_date_is_put_back_on_leaving(qtbot):
    field = DateField(None, dt.date(2026, 12, 18))
    _top, after = _form(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2026-02-30")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2026, 12, 18) and field.text() == "2026-12-18"
    assert QApplication.focusWidget() is after
    # a required date cannot be emptied
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2026, 12, 18)


def test_up_and_down_step_a_day_and_an_unset_date_starts_at_the_event(qtbot):
    field = OptionalDateEdit()
    field.set_reference(dt.date(2026, 12, 20))
    _top, _after = _form(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == dt.date(2026, 12, 20)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.value() == dt.date(2026, 12, 19)


@pytest.mark.parametrize("key, modifier", [(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
                                           (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)])
def test_the_calendar_opens_at_the_events_month_and_enter_takes_the_day(qtbot, key, modifier):
    field = OptionalDateEdit()
    field.set_reference(dt.date(2026, 12, 20))
    _top, _after = _form(qtbot, field)
    qtbot.keyClick(field, key, modifier)
    popup = field.popup()
    assert popup is not None and popup.isVisible()
    assert (popup.yearShown(), popup.monthShown()) == (2026, 12)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # the 21st
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.value() == dt.date(2026, 12, 21)
    assert field.hasFocus()
    # Escape leaves it unchanged
    qtbot.keyClick(field, Qt.Key.Key_F4)
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible() and field.value() == dt.date(2026, 12, 21)


@pytest.mark.parametrize("language, month", [("zh_CN", "十二月"), ("en", "December")])
def test_the_calendar_speaks_the_interface_language(qtbot, language, month):
    from desktop_app import i18n

    before = i18n.language()
    i18n.set_language(language)
    try:
        field = OptionalDateEdit()
        field.set_reference(dt.date(2026, 12, 20))
        _top, _after = _form(qtbot, field)
        qtbot.keyClick(field, Qt.Key.Key_F4)
        popup = field.popup()
        assert popup.locale().monthName(12, QLocale.FormatType.LongFormat) == month
        assert popup.firstDayOfWeek() == Qt.DayOfWeek.Monday
    finally:
        i18n.set_language(before)


def test_new_event_dialog_tab_leaves_the_date_for_the_title(workspace, qtbot):
    from ui.dialogs import NewEventDialog

    dialog = NewEventDialog(None, "某县政务服务中心", dt.date(2030, 9, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.date.setFocus()
    qtbot.waitUntil(dialog.date.hasFocus)
    qtbot.keyClick(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.date, "20311015")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.title
    assert dialog.draft().date == dt.date(2031, 10, 15)
    assert "2031" in dialog.title.text()  # the title follows the date until it is edited
    qtbot.keyClick(dialog.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    dialog.title.insert("我们的开放日")
    assert dialog.draft().title == "我们的开放日" and dialog.draft().date == dt.date(2031, 10, 15)
    assert dialog.date.date() == QDate(2031, 10, 15)


def test_every_date_of_the_app_is_the_one_field():
    """No QDateEdit is left in ui/ (the registration time, a date and time, keeps Qt's sections)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "ui"
    offenders = [str(p) for p in root.rglob("*.py") if "QDateEdit(" in p.read_text(encoding="utf-8")
                 or "QDateEdit," in p.read_text(encoding="utf-8")]
    assert offenders == []
