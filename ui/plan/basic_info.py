"""The event's basic information form; every edit is saved as it is made (no Save button)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import event_info
from desktop_app.services import events
from desktop_app.services.events import EventInfo

from ..i18n import core_text
from ..widgets.fields import DateField, date_edit, from_qdate, to_qdate

# Typing pauses this long before the pending edits are written.
SAVE_DELAY_MS = 400


class BasicInfoForm(QWidget):
    """Unit, title, theme, date and times, venue, gathering, contact and reminders of one event."""

    sig_saved = Signal(list)
    """Fields were written to the database (their names)."""
    sig_summary_changed = Signal()
    """The unit, title or date changed, so lists that name the event need refreshing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._pending: dict[str, object] = {}
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._issues_timer = QTimer(self)
        self._issues_timer.setSingleShot(True)
        self._issues_timer.setInterval(0)
        self._issues_timer.timeout.connect(self._show_issues)

        self.editors: dict[str, QWidget] = {}
        self.issue_labels: dict[str, QLabel] = {}
        labels = {
            "unit": self.tr("Organising unit (承办单位)"),
            "title": self.tr("Title"),
            "theme": self.tr("Theme"),
            "date": self.tr("Date"),
            "start_time": self.tr("Starts at"),
            "end_time": self.tr("Ends at"),
            "venue": self.tr("Venue"),
            "gathering_place": self.tr("Gathering place"),
            "gathering_time": self.tr("Gathering time"),
            "contact_person": self.tr("Contact person"),
            "contact_phone": self.tr("Contact phone"),
            "contact_email": self.tr("Contact e-mail"),
            "reminders": self.tr("Reminders (温馨提示)"),
        }
        placeholders = {
            "unit": self.tr("e.g. 西吉县审批服务管理局"),
            "theme": self.tr("e.g. 深入推进审批服务便民化"),
            "venue": self.tr("e.g. 西吉县政务服务大厅"),
            "gathering_place": self.tr("e.g. 政务服务大厅一楼正门"),
            "contact_phone": self.tr("e.g. 0954-3018118 or 13812345678"),
            "contact_email": self.tr("e.g. name@example.com"),
            "reminders": self.tr("What invitees should bring and know, one point per line"),
        }
        # The issues' red comes from a palette, not a style sheet: thirteen style sheets cost the window's first
        # showing a few milliseconds.
        red = QPalette(self.palette())
        red.setColor(QPalette.ColorRole.WindowText, QColor("#b3261e"))
        for field, kind in event_info.BASIC_FIELDS.items():
            editor = self._make_editor(field, kind)
            editor.setObjectName(field)
            editor.setAccessibleName(labels[field])
            if field in placeholders and hasattr(editor, "setPlaceholderText"):
                editor.setPlaceholderText(placeholders[field])
            self.editors[field] = editor
            issue = QLabel(self)
            issue.setObjectName(f"{field}_issue")
            issue.setPalette(red)
            issue.setWordWrap(True)
            issue.hide()
            self.issue_labels[field] = issue

        self.date_hint = QLabel(self)
        self.date_hint.setObjectName("date_hint")
        self.editors["date"].dateChanged.connect(self._update_date_hint)

        groups = (
            (self.tr("Event"), ("unit", "title", "theme")),
            (self.tr("Time and place"), ("date", "start_time", "end_time", "venue", "gathering_place",
                                          "gathering_time")),
            (self.tr("Contact"), ("contact_person", "contact_phone", "contact_email")),
            (self.tr("Reminders for invitees"), ("reminders",)),
        )
        boxes = []
        for title, fields in groups:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in fields:
                column = QVBoxLayout()
                column.setSpacing(2)
                if field == "date":
                    row = QHBoxLayout()
                    row.addWidget(self.editors[field])
                    row.addWidget(self.date_hint)
                    row.addStretch(1)
                    column.addLayout(row)
                else:
                    column.addWidget(self.editors[field])
                column.addWidget(self.issue_labels[field])
                if len(fields) == 1:
                    form.addRow(column)  # the group's title already names the only field
                else:
                    form.addRow(labels[field] + self.tr(":"), column)
            boxes.append(box)

        self.status = QLabel(self)
        self.status.setObjectName("form_status")
        heading = QLabel(self.tr("Basic information"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        grid = QGridLayout(self)
        grid.addWidget(heading, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(boxes[0], 1, 0)
        grid.addWidget(boxes[1], 2, 0)
        grid.addWidget(boxes[2], 1, 1)
        grid.addWidget(boxes[3], 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

    # -- editors ---------------------------------------------------------------------------------------------------

    def _make_editor(self, field: str, kind: str) -> QWidget:
        if kind == "date":
            editor = date_edit(self, dt.date.today())
            editor.setMaximumWidth(220)
            editor.dateChanged.connect(lambda _v, f=field: self._changed(f))
        elif kind == "time":
            editor = QTimeEdit(self)
            editor.setDisplayFormat("HH:mm")
            editor.setMaximumWidth(120)
            editor.timeChanged.connect(lambda _v, f=field: self._changed(f))
        elif field == "reminders":
            editor = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(90)
            editor.textChanged.connect(lambda f=field: self._changed(f))
        else:
            editor = QLineEdit(self)
            editor.textChanged.connect(lambda _t, f=field: self._changed(f))
            editor.editingFinished.connect(self.flush)
        return editor

    def value(self, field: str):
        editor = self.editors[field]
        if isinstance(editor, DateField):
            return from_qdate(editor.date())
        if isinstance(editor, QTimeEdit):
            t = editor.time()
            return dt.time(t.hour(), t.minute())
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def values(self) -> dict:
        return {field: self.value(field) for field in self.editors}

    def _set_value(self, field: str, value) -> None:
        editor = self.editors[field]
        if isinstance(editor, DateField):
            editor.setDate(to_qdate(value or dt.date.today()))
        elif isinstance(editor, QTimeEdit):
            editor.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
        else:
            editor.setText(value or "")
            if not editor.hasFocus():
                editor.setCursorPosition(0)  # a text longer than its field shows its start, not its end

    # -- loading and saving ----------------------------------------------------------------------------------------

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def set_event(self, info: EventInfo | None) -> None:
        """Show ``info`` (saving what is pending for the previous event first)."""
        self.flush()
        self._event_id = info.id if info else None
        self._loading = True
        try:
            for field in self.editors:
                self._set_value(field, getattr(info, field) if info else None)
        finally:
            self._loading = False
        self.setEnabled(info is not None)
        self._update_date_hint()
        self.status.clear()
        # The fields' own hints right after the window has drawn and the plan's check has run (queued before
        # this one): checking a landline loads the phone library, 30 ms the first time.
        self._issues_timer.start()

    def _changed(self, field: str) -> None:
        if self._loading or self._event_id is None:
            return
        self._pending[field] = self.value(field)
        self._timer.start()
        self._show_issues()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Write the pending edits now (also called on focus loss, event switch and close)."""
        self._timer.stop()
        if not self._pending or self._event_id is None:
            return
        pending, self._pending = self._pending, {}
        try:
            events.update_event(self._event_id, **pending)
        except Exception:
            self._pending = {**pending, **self._pending}  # keep the edits for the next try
            raise
        self.status.setText(self.tr("Saved at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S")))
        self.sig_saved.emit(sorted(pending))
        if {"unit", "title", "date"} & pending.keys():
            self.sig_summary_changed.emit()

    def _update_date_hint(self) -> None:
        day = self.value("date")
        weekdays = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                    self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        days = (day - dt.date.today()).days
        if days > 1:
            when = self.tr("in {days} days").format(days=days)
        elif days == 1:
            when = self.tr("tomorrow")
        elif days == 0:
            when = self.tr("today")
        elif days == -1:
            when = self.tr("yesterday")
        else:
            when = self.tr("{days} days ago").format(days=-days)
        self.date_hint.setText(f"{weekdays[day.weekday()]} · {when}")

    def _show_issues(self) -> None:
        self._issues_timer.stop()
        found = {issue.field: issue.message for issue in event_info.check(self.values())} if self._event_id else {}
        for field, label in self.issue_labels.items():
            message = found.get(field)
            label.setVisible(message is not None)
            if message is not None:
                label.setText(core_text(message))
