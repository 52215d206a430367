"""The invitee form: every field checked live by the one check (``domain.roster.check``), the ID number's birth
date, sex and age shown as it is typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import idcard, roster
from desktop_app.domain.roster import InviteeDraft, RosterContext

from ..dialogs import submit_on_ctrl_enter
from ..i18n import core_text
from ..widgets.fields import DateTimeEdit


def _fill(combo: QComboBox, values, names: dict[str, str], current: str) -> None:
    """The stored values as items (shown in the interface's language), an empty one first; a value not in the
    list (an imported one) is kept as it is."""
    combo.addItem("", "")
    for value in values:
        combo.addItem(roster.value_name(value, names), value)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)
    combo.setCurrentIndex(max(combo.findData(current), 0))


class InviteeDialog(QDialog):
    def __init__(self, parent: QWidget | None, draft: InviteeDraft, ctx: RosterContext, categories: list[str],
                 show_categories: Callable[[], None] | None = None):
        super().__init__(parent)
        self.wants_categories = False  # the user asked to go to where the categories are set
        self.setWindowTitle(self.tr("Person") if draft.name else self.tr("New person"))
        self._ctx = ctx
        self.name = QLineEdit(draft.name, self)
        self.gender = QComboBox(self)
        _fill(self.gender, roster.GENDERS, roster.GENDER_NAMES, draft.gender)
        self.id_number = QLineEdit(draft.id_number, self)
        self.id_number.setPlaceholderText(self.tr("18 characters; the birth date and sex are read from it"))
        self.id_info = QLabel(self)
        self.id_info.setEnabled(False)
        self.phone = QLineEdit(draft.phone, self)
        self.phone.setPlaceholderText(self.tr("mobile, or landline with area code"))
        self.organisation = QLineEdit(draft.organisation, self)
        self.position_title = QLineEdit(draft.position_title, self)
        self.category = QComboBox(self)
        self.category.addItems(["", *categories])
        self.category.setCurrentText(draft.category)
        self.source = QComboBox(self)
        _fill(self.source, roster.SOURCES, roster.SOURCE_NAMES, draft.source)
        self.channel = QComboBox(self)
        _fill(self.channel, roster.CHANNELS, roster.CHANNEL_NAMES, draft.channel)
        self.registered_at = DateTimeEdit(self)
        self.registered_at.setCalendarPopup(True)
        self.registered_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        when = draft.registered_at or dt.datetime.now().replace(second=0, microsecond=0)
        self.registered_at.setDateTime(QDateTime(when))
        self.pledge = QCheckBox(self.tr("Signed the integrity pledge (诚信承诺)"), self)
        self.pledge.setChecked(draft.pledge_signed)
        self.notes = QPlainTextEdit(draft.notes, self)
        self.notes.setMaximumHeight(60)

        self.issues: dict[str, QLabel] = {}
        form = QFormLayout()
        for field, label, widget in (
            ("name", self.tr("Name:"), self.name),
            ("gender", self.tr("Sex:"), self.gender),
            ("id_number", self.tr("ID number:"), self.id_number),
            ("phone", self.tr("Phone:"), self.phone),
            ("organisation", self.tr("Organisation:"), self.organisation),
            ("position_title", self.tr("Position:"), self.position_title),
            ("category", self.tr("Category:"), self.category),
            ("source", self.tr("Source:"), self.source),
            ("channel", self.tr("Channel:"), self.channel),
            ("registered_at", self.tr("Registered at:"), self.registered_at),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            if field == "id_number":
                column.addWidget(self.id_info)
            issue = QLabel(self)
            issue.setStyleSheet("color: #b3261e;")
            issue.setWordWrap(True)
            issue.hide()
            self.issues[field] = issue
            column.addWidget(issue)
            form.addRow(label, column)
        if not categories:
            form.addRow("", self._no_categories_hint(show_categories))
        form.addRow(self.pledge)
        form.addRow(self.tr("Notes:"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self)  # also from the notes, where Return makes a new line
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.validate)
        # A new person's form shows a field's problem once that field has been typed in, not before; a person
        # opened again shows them all at once.
        self._touched: set[str] = set()
        self._show_all = bool(draft.name or draft.id_number or draft.phone)
        self._sex_chosen = bool(draft.gender)  # chosen by hand (or stored): never overwritten
        self.gender.activated.connect(self._on_sex_chosen)
        for field, edit in (("name", self.name), ("id_number", self.id_number), ("phone", self.phone),
                            ("organisation", self.organisation), ("position_title", self.position_title)):
            edit.textChanged.connect(self._timer.start)
            edit.textEdited.connect(lambda _text, f=field: self._touched.add(f))
        for field, combo in (("gender", self.gender), ("category", self.category)):
            combo.currentIndexChanged.connect(self._timer.start)
            combo.activated.connect(lambda _index, f=field: self._touched.add(f))
        self.validate()

    def draft(self) -> InviteeDraft:
        when = self.registered_at.dateTime().toPython()
        return InviteeDraft(
            name=self.name.text(), gender=self.gender.currentData() or "", id_number=self.id_number.text(),
            phone=self.phone.text(), organisation=self.organisation.text(),
            position_title=self.position_title.text(), category=self.category.currentText(),
            source=self.source.currentData() or "", channel=self.channel.currentData() or "",
            registered_at=when.replace(second=0, microsecond=0), pledge_signed=self.pledge.isChecked(),
            notes=self.notes.toPlainText())

    def validate(self) -> bool:
        """Show every problem beside its field; OK is enabled only when none refuses the person."""
        checked = roster.check(self.draft(), self._ctx)
        by_field: dict[str, list[str]] = {}
        for problem in checked.problems:
            by_field.setdefault(problem.field, []).append(core_text(problem.message, **problem.params))
        for field, label in self.issues.items():
            texts = by_field.get(field, []) if self._show_all or field in self._touched else []
            label.setVisible(bool(texts))
            label.setText("\n".join(texts))
        parsed = idcard.parse(self.id_number.text()) if self.id_number.text().strip() else None
        if isinstance(parsed, idcard.IdInfo):
            self._fill_sex(parsed.sex)
            age = parsed.age_on(self._ctx.event_date) if self._ctx.event_date else None
            sex = roster.value_name(parsed.sex, roster.GENDER_NAMES)
            text = self.tr("Born {birth}, {sex}").format(birth=parsed.birth_date.isoformat(), sex=sex)
            if age is not None:
                text += self.tr(", {age} on the day of the event").format(age=age)
            self.id_info.setText(text)
        else:
            self.id_info.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(checked.ok)
        return checked.ok

    def _on_sex_chosen(self, _index: int) -> None:
        self._sex_chosen = True

    def _fill_sex(self, sex: str) -> None:
        """性别 from a valid ID number, unless the user has chosen one (a mismatch is then the check's to say)."""
        if self._sex_chosen or self.gender.currentData() == sex:
            return
        index = self.gender.findData(sex)
        if index >= 0:
            self.gender.setCurrentIndex(index)  # follows the number while it is not chosen by hand

    def _no_categories_hint(self, show_categories: Callable[[], None] | None) -> QWidget:
        """Where the categories are set (方案 › 邀请对象), with a button that goes there when the caller can."""
        place = "{} › {}".format(QCoreApplication.translate("MainWindow", "Plan"),
                                 QCoreApplication.translate("PlanTab", "Invitees"))
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.categories_hint = QLabel(self.tr("This event has no invitee categories yet; they are set in {place}.")
                                      .format(place=place), box)
        self.categories_hint.setObjectName("no_categories_hint")
        self.categories_hint.setWordWrap(True)
        row.addWidget(self.categories_hint, 1)
        if show_categories is not None:
            self.categories_button = QPushButton(self.tr("Set the categories…"), box)
            self.categories_button.setAutoDefault(False)
            self.categories_button.clicked.connect(self._go_to_categories)
            row.addWidget(self.categories_button)
        return box

    def _go_to_categories(self) -> None:
        self.wants_categories = True
        self.reject()

    @classmethod
    def ask(cls, parent, draft: InviteeDraft, ctx: RosterContext, categories: list[str],
            show_categories: Callable[[], None] | None = None) -> InviteeDraft | None:
        """The person as typed, or None; without categories the form says where they are set and, given
        ``show_categories``, offers to go there (the form then closes)."""
        dialog = cls(parent, draft, ctx, categories, show_categories)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.draft()
        if dialog.wants_categories and show_categories is not None:
            show_categories()  # once the form is closed, so the focus stays where it goes
        return None
