"""Small pieces shared by the forms and lists: dates typed into a form, and how an event is named in a list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from desktop_app.domain import dates
from desktop_app.services.events import EventSummary


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class _TypedDate:
    """A date typed digit by digit: after the four digits of the year the cursor moves to the month by itself,
    so a Tab typed right then (to get to the month, as the user thinks) is taken as that move and not as “next
    field” — otherwise the next Tab leaves early and the rest of the date lands in the next field (the title)."""

    _moved_on = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = event.text().isdigit() and self.currentSectionIndex() != before

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        if forward and self._moved_on and self.hasFocus():
            self._moved_on = False
            return True  # already in the next part of the date
        self._moved_on = False
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._moved_on = False
        super().focusInEvent(event)


class DateEdit(_TypedDate, QDateEdit):
    pass


class DateTimeEdit(_TypedDate, QDateTimeEdit):
    pass


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = DateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QCoreApplication.translate("DateEdit", "yyyy-MM-dd"))
    return edit


def event_label(summary: EventSummary) -> str:
    """How an event is named in lists: date, title and unit."""
    when = dates.cn_date(summary.date) if summary.date else "—"
    return f"{when}  {summary.title}（{summary.unit}）"

