"""Small pieces shared by the forms and lists: dates typed into a form, and how an event is named in a list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QLineEdit, QStyle, QToolTip, QWidget

from desktop_app import i18n
from desktop_app.domain import dates
from desktop_app.services.events import EventSummary


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateTimeEdit(QDateTimeEdit):
    """A date and time (the registration time of a person): Qt's sections, the calendar in the interface's
    language."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setLocale(interface_locale())

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, forward)  # Tab leaves the field; it does not walk its sections


def interface_locale() -> QLocale:
    """The locale of the interface language: month and day names of the calendars follow it."""
    if i18n.language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)


class _CalendarPopup(QCalendarWidget):
    """The calendar under a date field: arrows move, Enter takes the day, Escape leaves it unchanged."""

    sig_chosen = Signal(QDate)
    """A day was taken (Enter, or a click)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setLocale(interface_locale())
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.activated.connect(self._choose)
        self.clicked.connect(self._choose)

    def _choose(self, day: QDate) -> None:
        self.close()
        self.sig_chosen.emit(day)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


_UNTOUCHED = object()


class DateField(QLineEdit):
    """The one date field of the app, a line of text: a date is typed as digits with or without separators
    (20261218, 2026-12-18, 2026/12/18, 2026年12月18日), Ctrl+A and Tab work as in any line, Up/Down move a day,
    Alt+Down or F4 open a calendar (at the date, or else at the event's month) in the interface language.
    An optional field may be left empty (“not set”); text that is not a date is put back on leaving, and said so."""

    dateChanged = Signal(QDate)  # noqa: N815 - QDateEdit's name, so the forms read the same
    """The date changed (typed, chosen or stepped); an invalid QDate when an optional field was emptied."""

    def __init__(self, parent: QWidget | None = None, day: dt.date | None = None, *, optional: bool = False):
        super().__init__(parent)
        self._optional = optional
        self._value: dt.date | None = day if (day or optional) else dt.date.today()
        self._reference: dt.date | None = None
        self._popup: _CalendarPopup | None = None
        self._before_edit = _UNTOUCHED  # the value when typing began, put back if the typing ends in no date
        self.setPlaceholderText(self.tr("not set") if optional else self.tr("e.g. 2026-12-18"))
        self.setToolTip(self.tr("Type the date as 2026-12-18 or 20261218; Alt+Down or F4 opens a calendar"))
        self._pick = self.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                    QLineEdit.ActionPosition.TrailingPosition)
        self._pick.setToolTip(self.tr("Calendar (Alt+Down)"))
        self._pick.triggered.connect(self.show_popup)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-12-18") + 48)
        self.setMaximumWidth(220)
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._settle)
        self._show()

    # -- the value -----------------------------------------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, day: dt.date | None) -> None:
        self._before_edit = _UNTOUCHED
        if day is None and not self._optional:
            day = dt.date.today()
        changed = day != self._value
        self._value = day
        self._show()
        if changed:
            self.dateChanged.emit(to_qdate(day) if day else QDate())

    def date(self) -> QDate:
        return to_qdate(self._value) if self._value else QDate()

    def setDate(self, value: QDate) -> None:  # noqa: N802 - QDateEdit's name
        self.set_value(from_qdate(value) if value.isValid() else None)

    def set_reference(self, day: dt.date | None) -> None:
        """The day the calendar opens at while the field is empty (the event's date)."""
        self._reference = day

    def _show(self) -> None:
        self.setText(self._value.isoformat() if self._value else "")

    def _on_edited(self, text: str) -> None:
        if self._before_edit is _UNTOUCHED:
            self._before_edit = self._value
        day = dates.parse_typed(text)
        if day is None and not (self._optional and not text.strip()):
            return  # not (yet) a whole date: the value stays until it is one
        if day != self._value:
            self._value = day
            self.dateChanged.emit(to_qdate(day) if day else QDate())

    def _settle(self) -> None:
        text, before = self.text(), self._before_edit
        self._before_edit = _UNTOUCHED
        if dates.parse_typed(text) is None and not (self._optional and not text.strip()):
            if before is not _UNTOUCHED:
                self.set_value(before)  # a whole date passed on the way (2026-02-3 of 2026-02-30) is not kept
            shown = self._value.isoformat() if self._value else self.tr("not set")
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()),
                              self.tr("“{text}” is not a date (type it as 2026-12-18 or 20261218): "
                                      "the field is back to {value}.").format(text=text, value=shown), self)
        self._show()

    # -- keys and the calendar -----------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
            self.show_popup()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            start = dates.parse_typed(self.text()) or self._value
            if start is None:
                self.set_value(self._reference or dt.date.today())
            else:
                self.set_value(start + dt.timedelta(days=1 if key == Qt.Key.Key_Up else -1))
            self.selectAll()
            return
        super().keyPressEvent(event)

    def show_popup(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.sig_chosen.connect(self._on_chosen)
        start = dates.parse_typed(self.text()) or self._value or self._reference or dt.date.today()
        self._popup.setSelectedDate(to_qdate(start))
        self._popup.setCurrentPage(start.year, start.month)
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._popup.show()
        self._popup.setFocus()

    def popup(self) -> QCalendarWidget | None:
        return self._popup

    def _on_chosen(self, day: QDate) -> None:
        self.set_value(from_qdate(day))
        self.setFocus()
        self.selectAll()


class OptionalDateEdit(DateField):
    """A date that may be unset (empty shows “not set”)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, None, optional=True)


def date_edit(parent: QWidget, day: dt.date) -> DateField:
    return DateField(parent, day)


def shown_date(day: dt.date) -> str:
    """A date in a list, in the interface's language: 2026年11月7日, or 2026-11-07 in English."""
    return dates.shown_day(day)


def event_label(summary: EventSummary) -> str:
    """How an event is named in lists: date, title and unit."""
    when = dates.cn_date(summary.date) if summary.date else "—"
    return f"{when}  {summary.title}（{summary.unit}）"

