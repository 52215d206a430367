"""座谈会记录: remarks typed live during the meeting. The time is filled in, the speaker is picked by typing (an
invitee as at check-in, a staff member) or typed freely, Ctrl+Enter adds the remark and clears for the next."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserError
from desktop_app.services import checkin, events, feedback

from .. import ops
from ..widgets.list_model import Col, ListTableModel
from ..widgets.row_table import fit_rows_to_columns

MAX_SPEAKERS = 12


class NotesPage(QWidget):
    sig_suggestion_made = Signal(int)
    """A note became a suggestion (its id)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._index = None
        self._people: dict[int, checkin.Person] = {}
        self._staff: list[feedback.Speaker] = []
        self._choices: dict[str, tuple[str, int]] = {}  # completion text -> (kind, id)
        self._speaker: tuple[str, int] | None = None  # the person picked from the completer
        self._speaker_label = ""
        self._deleted: list[int] = []

        self.model = ListTableModel([
            Col(self.tr("Time"), lambda r: f"{r.noted_at:%H:%M}", align_centre=True),
            Col(self.tr("Speaker"), lambda r: r.speaker),
            Col(self.tr("Remark"), lambda r: r.remark),
            Col(self.tr("Suggestion"), lambda r: self.tr("Yes") if r.suggestion_id else "", align_centre=True),
        ], self, tooltip=lambda r: r.remark)
        self.table = QTableView(self)
        self.table.setObjectName("notes_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumSectionSize(28)
        fit_rows_to_columns(self.table)  # the first remark kept two lines' height for a text on one

        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("HH:mm")
        self._time_by_hand = False  # the time was typed: kept; else it is the time the remark is begun
        self._entry_begun = False
        self._setting_time = False
        self.time.timeChanged.connect(self._on_time_changed)
        self.speaker = QLineEdit(self)
        self.speaker.setObjectName("notes_speaker")
        self.speaker.setPlaceholderText(self.tr("Type a name, pinyin initials or a staff member; or any text"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._on_speaker_chosen)
        self.speaker.setCompleter(completer)
        self.speaker.textEdited.connect(self._on_speaker_typed)
        self.speaker.textEdited.connect(self._begin_entry)
        self.remark = QPlainTextEdit(self)
        self.remark.setObjectName("notes_remark")
        self.remark.setPlaceholderText(self.tr("The remark; Ctrl+Enter adds it and clears for the next"))
        self.remark.setFixedHeight(90)
        self.remark.textChanged.connect(self._begin_entry)
        self.add_button = QPushButton(self.tr("&Add (Ctrl+Enter)"), self)
        self.add_button.clicked.connect(self.add)
        self.remark.installEventFilter(self)  # Ctrl+Enter: a key filter, since the text edit takes Return itself
        self.speaker.installEventFilter(self)

        self.to_suggestion_button = QPushButton(self.tr("Make a &suggestion of it"), self)
        self.to_suggestion_button.clicked.connect(self.to_suggestion)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("&Undo delete"), self)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut, whatsThis=self.tr("Delete the remark"))
        QShortcut(QKeySequence.StandardKey.Undo, self.table, self.undo_delete,
                  context=Qt.ShortcutContext.WidgetShortcut, whatsThis=self.tr("Bring back the remark deleted last"))
        self.count = QLabel(self)
        # 记录人: who takes these notes, printed in the 座谈会记录's head.
        self.recorder = QLineEdit(self)
        self.recorder.setObjectName("notes_recorder")
        self.recorder.setPlaceholderText(self.tr("Who takes the notes (printed as 记录人)"))
        # As wide as its hint, so the hint is read whole (it was cut to “Who takes the no…”).
        self.recorder.setMinimumWidth(self.recorder.fontMetrics().horizontalAdvance(
            self.recorder.placeholderText()) + 24)
        self.recorder.editingFinished.connect(self._save_recorder)
        recorder_label = QLabel(self.tr("Notes ta&ken by"), self)
        recorder_label.setBuddy(self.recorder)

        form = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.time)
        when.addWidget(QLabel(self.tr("Speaker"), self))
        when.addWidget(self.speaker, 1)
        form.addRow(self.tr("Time"), when)
        form.addRow(self.tr("Remark"), self.remark)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addSpacing(12)
        buttons.addWidget(recorder_label)
        buttons.addWidget(self.recorder)
        buttons.addStretch(1)
        for b in (self.to_suggestion_button, self.delete_button, self.undo_button):
            buttons.addWidget(b)
        entry = QHBoxLayout()
        entry.addLayout(form, 1)
        entry.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(entry)
        # Tab in reading order: the list, its row's buttons and the 记录人, then the entry: time, speaker, remark.
        chain = (self.table, self.recorder, self.to_suggestion_button, self.delete_button, self.undo_button,
                 self.time, self.speaker, self.remark, self.add_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.add()
            return True
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self._index = None
        self._deleted.clear()
        self.undo_button.setEnabled(False)
        self.reload()
        self._clear_entry()

    def _save_recorder(self) -> None:
        if self._event_id:
            event_id, name = self._event_id, self.recorder.text()
            ops.run_op(self, lambda: feedback.set_recorder(event_id, name), event_id=event_id, areas={"feedback"})

    def reload(self) -> None:
        self.recorder.setText(feedback.recorder(self._event_id) if self._event_id else "")
        rows = feedback.notes(self._event_id) if self._event_id else []
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n remark(s)", "", len(rows)))
        if rows:
            self.table.scrollToBottom()

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def _set_time_now(self) -> None:
        now = self.now()
        self._setting_time = True
        try:
            self.time.setTime(QTime(now.hour, now.minute))
        finally:
            self._setting_time = False

    def _on_time_changed(self, _value) -> None:
        if not self._setting_time:
            self._time_by_hand = True

    def _begin_entry(self, *_args) -> None:
        """The first key of a new remark (its speaker or its text) stamps it, unless a time was typed."""
        if self._entry_begun or self._setting_time:
            return
        if not self.speaker.text() and not self.remark.toPlainText():
            return  # cleared, not begun
        self._entry_begun = True
        if not self._time_by_hand:
            self._set_time_now()

    def _clear_entry(self) -> None:
        self._setting_time = True
        try:
            self.speaker.clear()
            self.remark.clear()
        finally:
            self._setting_time = False
        self._set_time_now()
        self._time_by_hand = False
        self._entry_begun = False
        self._speaker = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._entry_begun and not self._time_by_hand:
            self._set_time_now()  # the page shown again later: the clock, not the time it was built

    # -- the speaker -------------------------------------------------------------------------------------------------

    def _ensure_index(self) -> None:
        if self._index is None and self._event_id:
            self._index = checkin.search_index(self._event_id)
            self._people = {p.id: p for p in checkin.people(self._event_id)}
            self._staff = feedback.staff_speakers(self._event_id)

    def _on_speaker_typed(self, text: str) -> None:
        if self._speaker is not None and text.strip() == self._speaker_label:
            return  # the completer wrote the chosen label into the field
        self._speaker = None
        self._ensure_index()
        query = text.strip()
        self._choices = {}
        if query and self._index is not None:
            for staff in self._staff:
                if query in staff.name or query in staff.detail:
                    self._choices[f"{staff.name}（{staff.detail}）" if staff.detail else staff.name] = ("staff", staff.id)
            ids, _more = self._index.find(query, limit=MAX_SPEAKERS)
            for pid in ids:
                p = self._people.get(pid)
                if p is not None:
                    label = f"{p.name}（{p.category}）" if p.category else p.name
                    if p.organisation:
                        label += f" {p.organisation}"
                    self._choices[label] = ("invitee", pid)
        self._completion.setStringList(list(self._choices)[:MAX_SPEAKERS * 2])

    def _on_speaker_chosen(self, text: str) -> None:
        self._speaker = self._choices.get(text)
        self._speaker_label = text.strip()
        if self._speaker is not None:
            self.remark.setFocus()

    # -- actions -----------------------------------------------------------------------------------------------------

    def add(self) -> None:
        if not self._event_id:
            return
        typed = self.speaker.text().strip()
        kind, ident = self._speaker if self._speaker and typed == self._speaker_label else ("", 0)
        if not kind and typed in self._choices:
            kind, ident = self._choices[typed]
        t = self.time.time()
        day = events.get_event(self._event_id).date or dt.date.today()  # typed from paper later: still that day
        noted = dt.datetime.combine(day, dt.time(t.hour(), t.minute()))
        try:
            feedback.add_note(self._event_id, self.remark.toPlainText(),
                              invitee_id=ident if kind == "invitee" else None,
                              staff_id=ident if kind == "staff" else None,
                              speaker_text="" if kind else self.speaker.text(), noted_at=noted)
        except UserError as exc:
            QMessageBox.information(self, self.tr("Meeting notes"), str(exc))
            self.remark.setFocus()
            return
        self.reload()
        self._clear_entry()
        self.speaker.setFocus()

    def _selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def to_suggestion(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            made = feedback.note_to_suggestion(row.id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Meeting notes"), str(exc))
            self.reload()
            return
        self.reload()
        self.sig_suggestion_made.emit(made.id)

    def delete_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        feedback.set_note_deleted(row.id, True)
        self._deleted.append(row.id)
        self.undo_button.setEnabled(True)
        self.reload()

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        feedback.set_note_deleted(self._deleted.pop(), False)
        self.undo_button.setEnabled(bool(self._deleted))
        self.reload()
