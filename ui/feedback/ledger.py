"""意见建议台账: every suggestion with its department, deadline, status, reply and adoption. Overdue and due-soon
rows stand out; filters by status, department and overdue; counts per status and department; the form beside
the table edits the selected suggestion and refuses a status whose requirements are missing, keeping the input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.domain import feedback as fb
from desktop_app.errors import UserError
from desktop_app.services import events, feedback

from .. import ops
from ..dialogs import MultiLineTextDialog
from ..i18n import core_text
from ..widgets.fields import OptionalDateEdit
from ..widgets.list_model import Col, ListTableModel
from ..widgets.row_table import fit_rows_to_columns

STATE_COLOURS = {"overdue": "#ffcdd2", "due_soon": "#fff3c4"}


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


class LedgerFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status: str | None = None
        self.department: str | None = None
        self.overdue_only = False
        self.text = ""
        self.today = dt.date.today()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt's name
        row = self.sourceModel().row_at(source_row)
        if row is None:
            return False
        if self.status and row.status != self.status:
            return False
        if self.department is not None and row.department != self.department:
            return False
        if self.overdue_only and row.due_state(self.today) != "overdue":
            return False
        if self.text:
            hay = " ".join((row.topic, row.content, row.person, row.assignee, row.reply))
            if self.text not in hay:
                return False
        return True


class LedgerPage(QWidget):
    sig_changed = Signal()
    """A suggestion was added, changed or deleted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._current: feedback.SuggestionRow | None = None
        self._loading = False
        self._deleted: list[int] = []
        self.today = dt.date.today

        self.model = ListTableModel([
            Col(self.tr("Source"), lambda r: core_text(fb.SOURCES.get(r.source, r.source)), align_centre=True),
            Col(self.tr("Topic"), lambda r: r.topic or r.content[:20]),
            Col(self.tr("Department"), lambda r: r.department),
            Col(self.tr("Assigned"), lambda r: _date(r.assigned_at), align_centre=True),
            Col(self.tr("Due"), lambda r: _date(r.due_date), align_centre=True),
            Col(self.tr("Status"), lambda r: core_text(fb.STATUS_LABELS.get(r.status, r.status)), align_centre=True),
            Col(self.tr("Deadline"), self._state_text, align_centre=True),
            Col(self.tr("Adoption"), lambda r: core_text(fb.ADOPTIONS[r.adoption]) if r.adoption in fb.ADOPTIONS
                else "", align_centre=True),
        ], self, colour=lambda r: STATE_COLOURS.get(r.due_state(self.today())),
            tooltip=lambda r: r.content)
        self.proxy = LedgerFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("ledger_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A long topic wraps onto a second line between characters instead of being cut mid-word with “…”.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setMinimumSectionSize(28)  # rows of one line stay as tall as before
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        fit_rows_to_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search topic, content, person, reply"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in fb.STATUSES:
            self.status_filter.addItem(core_text(fb.STATUS_LABELS[code]), code)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.department_filter = QComboBox(self)
        self.department_filter.currentIndexChanged.connect(self._apply_filters)
        self.overdue_filter = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_filter.toggled.connect(self._apply_filters)
        self.counts = QLabel(self)
        self.counts.setObjectName("ledger_counts")
        self.counts.setWordWrap(True)

        self.new_button = QPushButton(self.tr("&New suggestion"), self)
        self.new_button.clicked.connect(self.new_suggestion)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(self.tr("&Undo delete"), self)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setEnabled(False)
        self.departments_button = QPushButton(self.tr("Departments…"), self)
        self.departments_button.clicked.connect(self.edit_departments)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_suggestion).setWhatsThis(
            self.tr("New suggestion"))
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut).setWhatsThis(self.tr("Delete the chosen suggestion"))

        # -- the form --
        self.source = QComboBox(self)
        for code, label in fb.SOURCES.items():
            self.source.addItem(core_text(label), code)
        self.person = QLabel(self)
        self.topic = QLineEdit(self)
        self.content = QPlainTextEdit(self)
        self.content.setObjectName("ledger_content")
        self.content.setFixedHeight(80)
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.setObjectName("ledger_department")
        self.assignee = QLineEdit(self)
        self.assigned_at = OptionalDateEdit(self)
        self.due_date = OptionalDateEdit(self)
        self.due_hint = QLabel(self)
        self.due_hint.setWordWrap(True)
        self.status = QComboBox(self)
        self.status.setObjectName("ledger_status")
        for code in fb.STATUSES:
            self.status.addItem(core_text(fb.STATUS_LABELS[code]), code)
        self.reply = QPlainTextEdit(self)
        self.reply.setObjectName("ledger_reply")
        self.reply.setFixedHeight(80)
        self.replied_at = OptionalDateEdit(self)
        self._derived_due = None  # the deadline the form worked out last (replaced when the assignment day moves)
        self.assigned_at.dateChanged.connect(lambda _d: self._on_assignment_changed())
        self.department.currentTextChanged.connect(lambda _t: self._on_assignment_changed())
        self.reply_channel = QComboBox(self)
        self.reply_channel.addItem("", "")
        for code, label in fb.REPLY_CHANNELS.items():
            self.reply_channel.addItem(core_text(label), code)
        self.adoption = QComboBox(self)
        self.adoption.setObjectName("ledger_adoption")
        self.adoption.addItem("", "")
        for code, label in fb.ADOPTIONS.items():
            self.adoption.addItem(core_text(label), code)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("ledger_reason")
        self.reason.setPlaceholderText(self.tr("Required when not adopted: published with the reply"))
        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        self.save_button.setObjectName("ledger_save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.clicked.connect(lambda: self._show(self._current))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save).setWhatsThis(self.tr("Save the suggestion"))

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Raised by"), self.person)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Assignee"), self.assignee)
        form.addRow(self.tr("Assigned on"), self.assigned_at)
        form.addRow(self.tr("Reply due"), self.due_date)
        form.addRow("", self.due_hint)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Reply"), self.reply)
        form.addRow(self.tr("Replied on"), self.replied_at)
        form.addRow(self.tr("Reply by"), self.reply_channel)
        form.addRow(self.tr("Adoption"), self.adoption)
        form.addRow(self.tr("Reason"), self.reason)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        scroll.setMinimumWidth(340)
        self.form_widget = form_widget
        save_row = QHBoxLayout()  # outside the scrolling form: always in reach
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(save_row)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.department_filter)
        filters.addWidget(self.overdue_filter)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.delete_button, self.undo_button, self.departments_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.counts)
        left_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show(None)

    def _state_text(self, row) -> str:
        state = row.due_state(self.today())
        if state == "overdue":
            return self.tr("Overdue by %n day(s)", "", (self.today() - row.due_date).days)
        if state == "due_soon":
            return self.tr("%n day(s) left", "", (row.due_date - self.today()).days)
        return {"answered": self.tr("Answered"), "open": self.tr("In time"), "undated": "—"}[state]

    # -- Ctrl+N: a new suggestion here, a new event elsewhere -------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._claim_new_key(True)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self._claim_new_key(False)

    def _claim_new_key(self, claimed: bool) -> None:
        """While the ledger shows, Ctrl+N is its own: the window's “New event…” gives the key up, or Qt would
        find two owners and do nothing (“Ambiguous shortcut overload”)."""
        action = getattr(self.window(), "new_action", None)
        if action is not None:
            action.setShortcut(QKeySequence() if claimed else QKeySequence(QKeySequence.StandardKey.New))

    # -- loading -----------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        day = events.live_date(event_id) if event_id else None
        for edit in (self.assigned_at, self.due_date, self.replied_at):
            edit.set_reference(day)  # the calendar of an unset date opens at the event's month
        self._deleted.clear()
        self.undo_button.setEnabled(False)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self._current.id if self._current else None)
        rows = feedback.suggestions(self._event_id) if self._event_id else []
        self.proxy.today = self.today()
        self.model.set_rows(rows)
        self._fill_departments()
        self._update_counts(rows)
        self._apply_filters()
        self.select(keep)

    def _fill_departments(self) -> None:
        names = feedback.departments(self._event_id) if self._event_id else []
        chosen = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        self.department_filter.addItem(self.tr("All departments"), None)
        for name in names:
            self.department_filter.addItem(name, name)
        self.department_filter.addItem(self.tr("(not assigned)"), "")
        at = self.department_filter.findData(chosen)
        self.department_filter.setCurrentIndex(max(at, 0))
        self.department_filter.blockSignals(False)
        text = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems(["", *names])
        self.department.setCurrentText(text)
        self.department.blockSignals(False)

    def _update_counts(self, rows) -> None:
        c = feedback.counts(rows, self.today())
        gap = "　" if i18n.language() == "zh_CN" else "  "  # a full-width space in Chinese, two plain in English
        statuses = gap.join(f"{core_text(fb.STATUS_LABELS[k])} {n}" for k, n in c.reported().items())
        departments = i18n.punct("、").join(f"{name or self.tr('(not assigned)')} {n}" for name, n in c.by_department.items())
        text = self.tr("%n suggestion(s): ", "", c.total) + statuses
        if c.overdue:
            text += gap + self.tr("<b style='color:#c62828'>overdue %n</b>", "", c.overdue)
        if c.due_soon:
            text += gap + self.tr("due soon %n", "", c.due_soon)
        if departments:
            text += "<br>" + self.tr("By department: ") + departments
        self.counts.setText(text)

    def _apply_filters(self) -> None:
        self.proxy.status = self.status_filter.currentData()
        self.proxy.department = self.department_filter.currentData()
        self.proxy.overdue_only = self.overdue_filter.isChecked()
        self.proxy.text = self.search.text().strip()
        self.proxy.invalidate()

    def select(self, suggestion_id: int | None) -> None:
        source_row = self.model.row_of(suggestion_id) if suggestion_id is not None else -1
        index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else None
        if index is not None and index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self._show(self.model.row_at(source_row))
        elif self.proxy.rowCount() and suggestion_id is None:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self._show(None)

    def _on_current(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        if row is not None and (self._current is None or row.id != self._current.id):
            self._show(row)

    # -- the form ----------------------------------------------------------------------------------------------------

    def _show(self, row) -> None:
        self._current = row
        self._loading = True
        self.form_widget.setEnabled(row is not None)
        self.save_button.setEnabled(row is not None)
        self.revert_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.source.setCurrentIndex(max(self.source.findData(row.source if row else "onsite"), 0))
        self.person.setText(row.person if row and row.person else "—")
        self.topic.setText(row.topic if row else "")
        self.content.setPlainText(row.content if row else "")
        self.department.setCurrentText(row.department if row else "")
        self.assignee.setText(row.assignee if row else "")
        self.assigned_at.set_value(row.assigned_at if row else None)
        self.due_date.set_value(row.due_date if row else None)
        self.status.setCurrentIndex(max(self.status.findData(row.status if row else "pending"), 0))
        self.reply.setPlainText(row.reply if row else "")
        self.replied_at.set_value(row.replied_at if row else None)
        self.reply_channel.setCurrentIndex(max(self.reply_channel.findData(row.reply_channel if row else ""), 0))
        self.adoption.setCurrentIndex(max(self.adoption.findData(row.adoption if row else ""), 0))
        self.reason.setText(row.adoption_reason if row else "")
        self._update_due_hint()
        self._derived_due = None
        self._loading = False

    def _on_assignment_changed(self) -> None:
        """As typed, before saving: the reply deadline follows the assignment day, and a suggestion with its
        department and assignment day is 办理中 (not 待交办) — the form shows what saving will store."""
        if self._loading or not self._event_id:
            return
        assigned = self.assigned_at.value()
        if assigned is not None and self.due_date.value() in (None, self._derived_due):
            self._derived_due = feedback.due_for(self._event_id, assigned).date
            self.due_date.set_value(self._derived_due)
        if (assigned is not None and self.department.currentText().strip()
                and self.status.currentData() == "pending"):
            self.status.setCurrentIndex(self.status.findData("in_progress"))

    def _update_due_hint(self) -> None:
        if not self._event_id:
            self.due_hint.clear()
            return
        days, working = feedback.reply_days(self._event_id)
        rule = (self.tr("%n working day(s) after it is assigned", "", days) if working
                else self.tr("%n day(s) after it is assigned", "", days))
        self.due_hint.setText(self.tr("Reply due: %1 (change the rule in Plan › Registration and details › Rule thresholds)").replace("%1", rule))

    def form_values(self) -> dict:
        return {
            "source": self.source.currentData(), "topic": self.topic.text(), "content": self.content.toPlainText(),
            "department": self.department.currentText(), "assignee": self.assignee.text(),
            "assigned_at": self.assigned_at.value(), "due_date": self.due_date.value(),
            "status": self.status.currentData(), "reply": self.reply.toPlainText(),
            "replied_at": self.replied_at.value(), "reply_channel": self.reply_channel.currentData(),
            "adoption": self.adoption.currentData(), "adoption_reason": self.reason.text(),
        }

    def save(self) -> bool:
        """Save the form into the selected suggestion; a refusal is shown and the typed values stay."""
        if self._current is None:
            return False
        values = self.form_values()
        if values["due_date"] is None or values["due_date"] == self._derived_due or (
                values["assigned_at"] != self._current.assigned_at and values["due_date"] == self._current.due_date):
            values.pop("due_date")  # worked out from the assignment day (a new one moves the deadline with it)
        try:
            row = feedback.update_suggestion(self._current.id, **values)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Suggestion not saved"), str(exc))
            return False
        if row.department and row.department not in feedback.departments(self._event_id):
            feedback.set_departments(self._event_id, [*feedback.departments(self._event_id), row.department])
        self._current = None
        self.reload(row.id)
        self.sig_changed.emit()
        return True

    # -- rows ----------------------------------------------------------------------------------------------------------

    def new_suggestion(self) -> None:
        if not self._event_id:
            return
        text, ok = MultiLineTextDialog.get_text(self, self.tr("New suggestion"),
                                                 self.tr("What was suggested:"))
        if not ok or not text.strip():
            return

        def added(row) -> None:
            self._current = None
            self.reload(row.id)
            self.topic.setFocus()

        event_id = self._event_id
        ops.run_op(self, lambda: feedback.add_suggestion(event_id, content=text), added, event_id=event_id,
                   areas={"feedback"}, title=self.tr("Suggestion not saved"))

    def delete_current(self) -> None:
        if self._current is None:
            return
        current = self._current.id

        def deleted(_result) -> None:
            self._deleted.append(current)
            self.undo_button.setEnabled(True)
            self._current = None
            self.reload()

        ops.run_op(self, lambda: feedback.set_suggestion_deleted(current, True), deleted,
                   event_id=self._event_id, areas={"feedback"}, on_refused=self._refused_reload)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        restored = self._deleted[-1]

        def undone(_result) -> None:
            self._deleted.pop()
            self.undo_button.setEnabled(bool(self._deleted))
            self._current = None
            self.reload(restored)

        ops.run_op(self, lambda: feedback.set_suggestion_deleted(restored, False), undone,
                   event_id=self._event_id, areas={"feedback"}, on_refused=self._refused_reload)

    def _refused_reload(self, exc: UserError) -> None:
        """A row gone meanwhile (merged from a bundle, deleted elsewhere): say so and show what is there."""
        ops.show_refusal(self, exc, self.tr("Suggestions"))
        self._current = None
        self.reload()

    def edit_departments(self) -> None:
        if not self._event_id:
            return
        current = "\n".join(feedback.departments(self._event_id))
        text, ok = MultiLineTextDialog.get_text(self, self.tr("Departments"),
                                                 self.tr("One department or window (科室/窗口) per line:"), current)
        if ok:
            feedback.set_departments(self._event_id, text.splitlines())
            self.reload()
