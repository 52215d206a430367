"""The plan's structured details: basis document, registration, activity forms, the 报备/公告 dates, the rule
thresholds, the 印发通知 and the attachments. Saved as they are edited."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.plan import CHANNELS, FORM_NAMES, FORMS, Notice, Thresholds
from desktop_app.domain.roster import CHANNEL_NAMES, value_name
from desktop_app.services import events, plan

from ..widgets.fields import OptionalDateEdit

SAVE_DELAY_MS = 400
class DetailsPage(QWidget):
    sig_changed = Signal()
    """The plan's details were saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._loading = False
        self._dirty: set[str] = set()
        self._loaded: dict = {}  # the values as loaded (or last saved): flush writes only what differs
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        self.basis_title = QLineEdit(self)
        self.basis_title.setPlaceholderText(self.tr("e.g. 西吉县“政府开放日”工作方案 (without 《》)"))
        self.basis_number = QLineEdit(self)
        self.basis_number.setPlaceholderText(self.tr("e.g. 西政办发〔2024〕12号"))
        self.channels = {name: QCheckBox(value_name(name, CHANNEL_NAMES), self) for name in CHANNELS}
        self.registration_phone = QLineEdit(self)
        self.registration_email = QLineEdit(self)
        self.registration_deadline = OptionalDateEdit(self)
        self.selection_rule = QComboBox(self)
        self.selection_rule.addItem(self.tr("First come, first served"), "first_come")
        self.selection_rule.addItem(self.tr("The office selects"), "office_selects")
        self.undersubscribed_rule = QLineEdit(self)
        self.undersubscribed_rule.setPlaceholderText(self.tr("What happens when too few register"))
        self.forms = {name: QCheckBox(value_name(name, FORM_NAMES), self) for name in FORMS}
        self.experiences = QLineEdit(self)
        self.experiences.setPlaceholderText(self.tr("体验 items separated by 、 e.g. 公文盖章、窗口服务"))
        self.filing_date = OptionalDateEdit(self)
        self.announcement_date = OptionalDateEdit(self)

        self.min_invitees = QSpinBox(self)
        self.min_invitees.setRange(0, 1000)
        self.public_share = QDoubleSpinBox(self)
        self.public_share.setRange(0, 100)
        self.public_share.setDecimals(1)
        self.public_share.setSuffix(" %")
        self.day_spins = {}
        for key in ("announce_days", "filing_days", "publish_days", "summary_days", "feedback_days", "report_days"):
            spin = QSpinBox(self)
            spin.setRange(0, 365)
            self.day_spins[key] = spin
        self.working_days = QCheckBox(self.tr("Count the deadlines after the event in working days"), self)

        self.notice_enabled = QCheckBox(self.tr("Print the 印发通知 before the plan"), self)
        self.notice_number = QLineEdit(self)
        self.notice_number.setPlaceholderText(self.tr("e.g. 西审管函字〔2024〕61号"))
        self.notice_recipients = QLineEdit(self)
        self.notice_masthead = QLineEdit(self)  # the 版头's 发文机关标志, printed in red above the 发文字号
        self.notice_masthead.setObjectName("notice_masthead")
        self.notice_masthead.setPlaceholderText(self.tr("Issuer's mark in red, optional"))
        self.notice_body = QPlainTextEdit(self)
        self.notice_body.setPlaceholderText(self.tr("Empty: 现将《…》印发给你们，请认真遵照执行。"))
        self.notice_body.setMaximumHeight(70)
        self.notice_date = OptionalDateEdit(self)
        self.attach_group = QCheckBox(self.tr("Attachment: leading group list"), self)
        self.attach_form = QCheckBox(self.tr("Attachment: registration form"), self)

        basis = QGroupBox(self.tr("Basis document"), self)
        form = QFormLayout(basis)
        form.addRow(self.tr("Title:"), self.basis_title)
        form.addRow(self.tr("Number (文号):"), self.basis_number)

        registration = QGroupBox(self.tr("Registration"), self)
        form = QFormLayout(registration)
        row = QHBoxLayout()
        for box in self.channels.values():
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(self.tr("Channels:"), row)
        form.addRow(self.tr("Phone:"), self.registration_phone)
        form.addRow(self.tr("E-mail:"), self.registration_email)
        form.addRow(self.tr("Deadline:"), self.registration_deadline)
        form.addRow(self.tr("When oversubscribed:"), self.selection_rule)
        form.addRow(self.tr("When undersubscribed:"), self.undersubscribed_rule)

        forms = QGroupBox(self.tr("Activity forms and dates"), self)
        form = QFormLayout(forms)
        column = QVBoxLayout()  # one under the other: side by side they made the page too wide in English
        for box in self.forms.values():
            column.addWidget(box)
        form.addRow(self.tr("Forms:"), column)
        form.addRow(self.tr("Hands-on (体验):"), self.experiences)
        form.addRow(self.tr("Filed with the 政务公开办 (报备):"), self.filing_date)
        form.addRow(self.tr("Announcement published (公告):"), self.announcement_date)

        rules = QGroupBox(self.tr("Rule thresholds"), self)
        form = QFormLayout(rules)
        form.addRow(self.tr("Invitees at least:"), self.min_invitees)
        form.addRow(self.tr("群众代表 share at least:"), self.public_share)
        labels = {
            "announce_days": self.tr("Announce days before:"),
            "filing_days": self.tr("File days before the announcement:"),
            "publish_days": self.tr("实施情况 within days:"),
            "summary_days": self.tr("总结评估 within days:"),
            "feedback_days": self.tr("意见反馈 within days:"),
            "report_days": self.tr("Report within days:"),
        }
        for key, spin in self.day_spins.items():
            form.addRow(labels[key], spin)
        form.addRow(self.working_days)

        notice = QGroupBox(self.tr("印发通知 and attachments"), self)
        form = QFormLayout(notice)
        form.addRow(self.notice_enabled)
        form.addRow(self.tr("版头:"), self.notice_masthead)
        form.addRow(self.tr("Document number:"), self.notice_number)
        form.addRow(self.tr("Addressed to (主送):"), self.notice_recipients)
        form.addRow(self.tr("Text:"), self.notice_body)
        form.addRow(self.tr("Date:"), self.notice_date)
        form.addRow(self.attach_group)
        form.addRow(self.attach_form)

        for group in (basis, registration, forms, rules, notice):
            # A field goes under its label when both do not fit side by side (English labels are long): the
            # page then fits a 1366-pixel screen without scrolling sideways.
            group.layout().setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        grid = QGridLayout(self)
        grid.addWidget(basis, 0, 0)
        grid.addWidget(registration, 1, 0)
        grid.addWidget(forms, 2, 0)
        grid.addWidget(rules, 0, 1, 2, 1)
        grid.addWidget(notice, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(3, 1)

        for widget, group in (
            (self.basis_title, "plan"), (self.basis_number, "plan"), (self.registration_phone, "plan"),
            (self.registration_email, "plan"), (self.undersubscribed_rule, "plan"), (self.experiences, "plan"),
            (self.notice_number, "notice"), (self.notice_recipients, "notice"), (self.notice_masthead, "notice"),
        ):
            widget.textChanged.connect(lambda _t, g=group: self._changed(g))
        self.notice_body.textChanged.connect(lambda: self._changed("notice"))
        for box in (*self.channels.values(), *self.forms.values()):
            box.toggled.connect(lambda _c: self._changed("plan"))
        for edit in (self.registration_deadline, self.filing_date, self.announcement_date):
            edit.dateChanged.connect(lambda _d: self._changed("plan"))
        self.notice_date.dateChanged.connect(lambda _d: self._changed("notice"))
        self.notice_enabled.toggled.connect(lambda _c: self._changed("notice"))
        self.selection_rule.currentIndexChanged.connect(lambda _i: self._changed("plan"))
        for spin in (self.min_invitees, *self.day_spins.values()):
            spin.valueChanged.connect(lambda _v: self._changed("thresholds"))
        self.public_share.valueChanged.connect(lambda _v: self._changed("thresholds"))
        self.working_days.toggled.connect(lambda _c: self._changed("thresholds"))
        for box in (self.attach_group, self.attach_form):
            box.toggled.connect(lambda _c: self._changed("attachments"))

    # -- loading ---------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self.flush()
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        if event_id is None:
            return
        fields = plan.get_plan(event_id)
        day = events.live_date(event_id)
        for edit in (self.registration_deadline, self.filing_date, self.announcement_date, self.notice_date):
            edit.set_reference(day)  # the calendar of an unset date opens at the event's month
        self._loading = True
        try:
            self.basis_title.setText(fields.basis_title)
            self.basis_number.setText(fields.basis_number)
            for name, box in self.channels.items():
                box.setChecked(name in fields.registration_channels)
            self.registration_phone.setText(fields.registration_phone)
            self.registration_email.setText(fields.registration_email)
            self.registration_deadline.set_value(fields.registration_deadline)
            self.selection_rule.setCurrentIndex(max(self.selection_rule.findData(fields.selection_rule), 0))
            self.undersubscribed_rule.setText(fields.undersubscribed_rule)
            for name, box in self.forms.items():
                box.setChecked(name in fields.forms)
            self.experiences.setText("、".join(fields.experiences))
            self.filing_date.set_value(fields.filing_date)
            self.announcement_date.set_value(fields.announcement_date)
            t = fields.thresholds
            self.min_invitees.setValue(t.min_invitees)
            self.public_share.setValue(round(t.public_share * 100, 1))
            for key, spin in self.day_spins.items():
                spin.setValue(getattr(t, key))
            self.working_days.setChecked(t.working_days)
            n = fields.notice
            self.notice_enabled.setChecked(n.enabled)
            self.notice_number.setText(n.doc_number)
            self.notice_masthead.setText(n.masthead)
            self.notice_recipients.setText(n.recipients)
            self.notice_body.setPlainText(n.body)
            self.notice_date.set_value(n.date)
            self.attach_group.setChecked(fields.attach_leading_group)
            self.attach_form.setChecked(fields.attach_signup_form)
            for edit in (self.basis_title, self.basis_number, self.registration_phone, self.registration_email,
                         self.undersubscribed_rule, self.experiences, self.notice_number, self.notice_recipients,
                         self.notice_masthead):
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # a text longer than its field shows its start, not its end
        finally:
            self._loading = False
        self._loaded = self._values()

    # -- saving ----------------------------------------------------------------------------------------------------

    def _changed(self, group: str) -> None:
        if self._loading or self._event_id is None:
            return
        self._dirty.add(group)
        self._timer.start()

    def _values(self) -> dict:
        """What the page shows, field by field (the plan's own fields one by one; the thresholds, the notice and
        the attachments each as one value), in the form ``flush`` compares and saves."""
        return {
            "basis_title": self.basis_title.text().strip(), "basis_number": self.basis_number.text().strip(),
            "registration_channels": tuple(n for n, b in self.channels.items() if b.isChecked()),
            "registration_phone": self.registration_phone.text().strip(),
            "registration_email": self.registration_email.text().strip(),
            "registration_deadline": self.registration_deadline.value(),
            "selection_rule": self.selection_rule.currentData(),
            "undersubscribed_rule": self.undersubscribed_rule.text().strip(),
            "forms": tuple(n for n, b in self.forms.items() if b.isChecked()),
            "experiences": tuple(p for p in re.split(r"[、，,;；\s]+", self.experiences.text()) if p),
            "filing_date": self.filing_date.value(), "announcement_date": self.announcement_date.value(),
            "thresholds": Thresholds(min_invitees=self.min_invitees.value(),
                                     public_share=round(self.public_share.value() / 100, 4),
                                     working_days=self.working_days.isChecked(),
                                     **{key: spin.value() for key, spin in self.day_spins.items()}),
            "notice": Notice(enabled=self.notice_enabled.isChecked(), doc_number=self.notice_number.text().strip(),
                             recipients=self.notice_recipients.text().strip(),
                             body=self.notice_body.toPlainText().strip(), date=self.notice_date.value(),
                             masthead=self.notice_masthead.text().strip()),
            "attachments": (self.attach_group.isChecked(), self.attach_form.isChecked()),
        }

    def flush(self) -> None:
        """Save the fields the user changed since they were loaded, and only those: a value another device or
        command wrote meanwhile into a field left alone here is not written back over."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        if not dirty or self._event_id is None:
            return
        shown = self._values()
        changed = {field: value for field, value in shown.items() if value != self._loaded.get(field)}
        if not changed:
            return
        own = {field: value for field, value in changed.items()
               if field not in ("thresholds", "notice", "attachments")}
        if own:
            plan.update_plan(self._event_id, **own)
        if "thresholds" in changed:
            plan.update_plan(self._event_id, thresholds=changed["thresholds"].to_dict())
        if "notice" in changed:
            plan.set_notice(self._event_id, changed["notice"])
        if "attachments" in changed:
            group, form = changed["attachments"]
            plan.set_attachments(self._event_id, leading_group=group, signup_form=form)
        self._loaded.update(changed)
        self.sig_changed.emit()

    def reload(self) -> None:
        """Show what is stored now (another device's merge changed it), after saving what was typed here."""
        self.set_event(self._event_id)
