"""Small dialogs of the main window; each ``ask`` classmethod returns data, or None when cancelled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import dates, event_info, workdays
from desktop_app.services.events import EventDraft, EventSummary

from .widgets.fields import date_edit, event_label, from_qdate

# -- Ctrl+Enter submits a form that has a text of several lines (Return makes a new line there) ------------------

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def submit_description() -> str:
    return QCoreApplication.translate("Dialogs", "Submit a form, also from a text of several lines (OK)")


def submit_on_ctrl_enter(dialog: QDialog, button: QAbstractButton | None = None) -> list[QShortcut]:
    """Ctrl+Enter (either Enter key) anywhere in ``dialog`` presses ``button`` (its OK button by default) when
    that is enabled, so the form's own checks still decide."""

    def submit() -> None:
        target = button
        if target is None:
            box = dialog.findChild(QDialogButtonBox)
            target = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
        if target is None:
            dialog.accept()
        elif target.isEnabled() and target.isVisible():
            target.click()

    shortcuts = []
    for keys in SUBMIT_KEYS:
        shortcut = QShortcut(QKeySequence(keys), dialog, submit)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setWhatsThis(submit_description())
        shortcuts.append(shortcut)
    return shortcuts


class MultiLineTextDialog(QDialog):
    """A text of several lines (a suggestion, a list one per line) that wraps at the dialog's width instead of
    scrolling sideways as QInputDialog's does; Ctrl+Enter submits it."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "", ok_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.text_edit = QPlainTextEdit(text, self)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("Ctrl+Enter saves"))
        self.label.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or self.tr("&OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    @classmethod
    def get_text(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
        """As ``QInputDialog.getMultiLineText``: (the text, whether OK was pressed)."""
        dialog = cls(parent, title, label, text)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.text(), accepted


class NewEventDialog(QDialog):
    """Unit, date, title and theme of a new event; the title follows the date until it is edited."""

    def __init__(self, parent: QWidget | None, unit: str, day: dt.date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        self.unit = QLineEdit(unit, self)
        self.unit.setPlaceholderText(self.tr("e.g. 西吉县审批服务管理局"))
        self.date = date_edit(self, day)
        self.title = QLineEdit(event_info.default_title(day), self)
        self.theme = QLineEdit(self)
        self.theme.setPlaceholderText(self.tr("e.g. 深入推进审批服务便民化"))
        self._title_touched = False
        self.title.textEdited.connect(self._on_title_edited)
        self.date.dateChanged.connect(self._on_date_changed)
        form = QFormLayout()
        form.addRow(self.tr("Organising &unit:"), self.unit)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("T&heme:"), self.theme)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.unit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(self.tr("Everything can be changed later in the Plan tab."), self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update_ok()

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True

    def _on_date_changed(self, value: QDate) -> None:
        if not self._title_touched:
            self.title.setText(event_info.default_title(from_qdate(value)))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.unit.text().strip()))

    def draft(self) -> EventDraft:
        return EventDraft(unit=self.unit.text().strip(), date=from_qdate(self.date.date()),
                          title=self.title.text().strip(), theme=self.theme.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, unit: str = "", day: dt.date | None = None) -> EventDraft | None:
        dialog = cls(parent, unit, day or workdays.next_workday(dt.date.today() + dt.timedelta(days=30)))
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DuplicateEventDialog(QDialog):
    """The new date (and title) for a copy of an event."""

    def __init__(self, parent: QWidget | None, source: EventSummary):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate event"))
        self._source = source
        start = dates.shift_year(source.date) if source.date else dt.date.today() + dt.timedelta(days=30)
        self.date = date_edit(self, start)
        self.title = QLineEdit(self._retitled(start), self)
        self._title_touched = False
        self.title.textEdited.connect(self._on_title_edited)
        self.date.dateChanged.connect(self._on_date_changed)
        explanation = QLabel(self.tr("The copy keeps the plan, invitee categories, staff, leading group, duties, "
                                     "route and questionnaire of “{title}”. People, check-ins, notes and "
                                     "suggestions are not copied.").format(title=source.title), self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New &date:"), self.date)
        form.addRow(self.tr("New &title:"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _retitled(self, day: dt.date) -> str:
        old = self._source.date
        return self._source.title.replace(str(old.year), str(day.year)) if old else self._source.title

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True

    def _on_date_changed(self, value: QDate) -> None:
        if not self._title_touched:
            self.title.setText(self._retitled(from_qdate(value)))

    @classmethod
    def ask(cls, parent: QWidget | None, source: EventSummary) -> tuple[dt.date, str] | None:
        dialog = cls(parent, source)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return from_qdate(dialog.date.date()), dialog.title.text().strip()


class RestoreEventDialog(QDialog):
    """Pick one of the deleted events to bring back."""

    def __init__(self, parent: QWidget | None, deleted: list[EventSummary]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a deleted event"))
        self.choice = QComboBox(self)
        for summary in deleted:
            self.choice.addItem(event_label(summary), summary.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Deleted events:"), self))
        layout.addWidget(self.choice)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @classmethod
    def ask(cls, parent: QWidget | None, deleted: list[EventSummary]) -> int | None:
        dialog = cls(parent, deleted)
        return dialog.choice.currentData() if dialog.exec() == QDialog.DialogCode.Accepted else None
