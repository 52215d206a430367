"""满意度测评: the event's questionnaire (editable), fast keyboard entry of the paper forms (one digit per rating
question, Enter for the next form), the results as a chart with the satisfaction rate, and the open answers —
each of which can become a suggestion."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.documents.charts import legend_lines, paint_survey_chart, survey_chart_height
from desktop_app.domain import survey as survey_rules
from desktop_app.errors import UserError
from desktop_app.services import feedback

from ..i18n import core_text


class SurveyChart(QWidget):
    """The survey chart of ``documents.charts``, on screen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stats: survey_rules.SurveyStats | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def set_stats(self, stats: survey_rules.SurveyStats | None) -> None:
        self._stats = stats
        self._fit()
        self.update()

    def _height(self) -> int:
        lines = legend_lines(self.fontMetrics(), self._stats, max(self.width(), 200))
        return survey_chart_height(self._stats, headline=False, legend_lines=lines)

    def _fit(self) -> None:
        if self.height() != self._height():
            self.setFixedHeight(self._height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, self._height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_survey_chart(painter, self.width(), self.height(), self._stats,
                           text_colour=self.palette().text().color(), empty_text=self.tr("No forms entered yet"),
                           headline=False)


class QuestionDialog(QDialog):
    def __init__(self, parent, question: feedback.Question | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Rating (one option ticked)"), "scale")
        self.kind.addItem(self.tr("Open question (written answer)"), "open")
        self.text = QLineEdit(question.text if question else "", self)
        self.options = QLineEdit(
            "/".join(question.options if question and question.options else survey_rules.DEFAULT_SCALE), self)
        self.options.setToolTip(self.tr("The options from best to worst, separated by /"))
        if question is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(question.kind), 0))
        self.kind.currentIndexChanged.connect(lambda: self.options.setEnabled(self.kind.currentData() == "scale"))
        self.options.setEnabled(self.kind.currentData() == "scale")
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Options"), self.options)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict:
        return {"kind": self.kind.currentData(), "text": self.text.text(),
                "options": [o for o in self.options.text().replace("／", "/").split("/")]}


class SurveyPage(QWidget):
    sig_suggestion_made = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._questions: list[feedback.Question] = []
        self._deleted: list[int] = []

        # questionnaire
        self.questions = QListWidget(self)
        self.questions.setObjectName("survey_questions")
        self.questions.setWordWrap(True)
        self.questions.itemActivated.connect(lambda _item: self.edit_question())
        self.add_question_button = QPushButton(self.tr("Add…"), self)
        self.add_question_button.clicked.connect(lambda: self.edit_question(new=True))
        self.edit_question_button = QPushButton(self.tr("Edit…"), self)
        self.edit_question_button.clicked.connect(self.edit_question)
        self.delete_question_button = QPushButton(self.tr("Delete"), self)
        self.delete_question_button.clicked.connect(self.delete_question)
        self.up_button = QPushButton("↑", self)
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button = QPushButton("↓", self)
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_question(1))

        # keyed entry
        self.keys = QLineEdit(self)
        self.keys.setObjectName("survey_keys")
        self.keys.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9 ]*"), self))
        big = QFont(self.keys.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        self.keys.setFont(big)
        self.keys.returnPressed.connect(self.save_form)
        self.open_text = QLineEdit(self)
        self.open_text.setObjectName("survey_open")
        self.open_text.returnPressed.connect(self.save_form)
        self.entry_help = QLabel(self)
        self.entry_help.setWordWrap(True)
        self.entry_count = QLabel(self)
        self.entry_count.setObjectName("survey_count")
        self.entered = QListWidget(self)
        self.entered.setObjectName("survey_entered")
        self.delete_form_button = QPushButton(self.tr("Delete form"), self)
        self.delete_form_button.clicked.connect(self.delete_form)
        self.undo_form_button = QPushButton(self.tr("Undo delete"), self)
        self.undo_form_button.clicked.connect(self.undo_delete)
        self.undo_form_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Delete, self.entered, self.delete_form,
                  context=Qt.ShortcutContext.WidgetShortcut, whatsThis=self.tr("Delete the survey form"))

        # results
        self.rate = QLabel(self)
        self.rate.setObjectName("survey_rate")
        self.chart = SurveyChart(self)
        self.open_answers = QListWidget(self)
        self.open_answers.setObjectName("survey_open_answers")
        self.open_answers.setWordWrap(True)
        self.to_suggestion_button = QPushButton(self.tr("Make a &suggestion of it"), self)
        self.to_suggestion_button.clicked.connect(self.to_suggestion)

        q_box = QGroupBox(self.tr("Questionnaire"), self)
        q_layout = QVBoxLayout(q_box)
        q_layout.addWidget(self.questions, 1)
        q_buttons = QHBoxLayout()
        for b in (self.add_question_button, self.edit_question_button, self.delete_question_button,
                  self.up_button, self.down_button):
            q_buttons.addWidget(b)
        q_layout.addLayout(q_buttons)

        e_box = QGroupBox(self.tr("Enter paper forms"), self)
        e_layout = QFormLayout(e_box)
        e_layout.addRow(self.entry_help)
        e_layout.addRow(self.tr("Ratings"), self.keys)
        e_layout.addRow(self.tr("Written answer"), self.open_text)
        e_layout.addRow(self.entry_count)
        e_layout.addRow(self.entered)
        f_buttons = QHBoxLayout()
        f_buttons.addWidget(self.delete_form_button)
        f_buttons.addWidget(self.undo_form_button)
        f_buttons.addStretch(1)
        e_layout.addRow(f_buttons)

        r_box = QGroupBox(self.tr("Results"), self)
        r_layout = QVBoxLayout(r_box)
        r_layout.addWidget(self.rate)
        r_layout.addWidget(self.chart)
        r_layout.addWidget(QLabel(self.tr("Written answers"), self))
        r_layout.addWidget(self.open_answers, 1)
        r_layout.addWidget(self.to_suggestion_button, 0, Qt.AlignmentFlag.AlignRight)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(q_box)
        left.addWidget(e_box)
        left.setSizes([220, 420])
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(r_box)
        splitter.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- loading -----------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self._deleted.clear()
        self.undo_form_button.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        self._questions = feedback.ensure_questionnaire(self._event_id) if self._event_id else []
        self.questions.clear()
        for n, q in enumerate(self._questions, start=1):
            kind = self.tr("rating") if q.kind == "scale" else self.tr("written")
            item = QListWidgetItem(f"{n}. {q.text}{i18n.punct('（')}{kind}{i18n.punct('）')}")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            self.questions.addItem(item)
        scale = [q for q in self._questions if q.kind == "scale"]
        options = max((q.options for q in scale), key=len, default=survey_rules.DEFAULT_SCALE)
        legend = "　".join(f"{n}={name}" for n, name in enumerate(options, start=1))
        self.entry_help.setText(self.tr("Type one digit per rating question (%1 questions): %2, 0 = left blank. "
                                        "Enter saves the form and starts the next.")
                                .replace("%1", str(len(scale))).replace("%2", legend))
        self.keys.setMaxLength(max(len(scale), 1))
        self.open_text.setEnabled(any(q.kind == "open" for q in self._questions))
        self._reload_results()

    def _reload_results(self) -> None:
        rows = feedback.responses(self._event_id) if self._event_id else []
        self.entered.clear()
        for r in reversed(rows[-200:]):
            text = f"No.{r.form_no}　{r.keyed}" + (f"　{r.open_text}" if r.open_text else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.entered.addItem(item)
        self.entry_count.setText(self.tr("%n form(s) entered", "", len(rows)))
        stats = feedback.survey_stats(self._event_id) if self._event_id else None
        self.chart.set_stats(stats)
        self.rate.setText(self.tr("Satisfaction (satisfied + fairly satisfied): <b>%1</b> over %2 answer(s) on %3 "
                                  "form(s)")
                          .replace("%1", survey_rules.rate_text(stats.satisfaction if stats else None))
                          .replace("%2", str(stats.answers if stats else 0))
                          .replace("%3", str(stats.responses if stats else 0)))
        self.open_answers.clear()
        for answer_id, _question, text in (stats.open_answers if stats else ()):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, answer_id)
            self.open_answers.addItem(item)

    # -- entry -------------------------------------------------------------------------------------------------------

    def save_form(self) -> bool:
        if not self._event_id:
            return False
        scale = [q for q in self._questions if q.kind == "scale"]
        keyed = survey_rules.parse_keyed(self.keys.text(), [len(q.options) for q in scale])
        if keyed.error:
            QMessageBox.warning(self, self.tr("Form not saved"), core_text(keyed.error, **keyed.error_args))
            self.keys.setFocus()
            return False
        if all(c is None for c in keyed.choices) and not self.open_text.text().strip():
            self.keys.setFocus()
            return False  # an empty Enter: nothing to save
        open_question = next((q for q in self._questions if q.kind == "open"), None)
        texts = {open_question.id: self.open_text.text()} if open_question else {}
        try:
            feedback.add_response(self._event_id, list(keyed.choices), texts)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Form not saved"), str(exc))
            return False
        self.keys.clear()
        self.open_text.clear()
        self.keys.setFocus()
        self._reload_results()
        return True

    def delete_form(self) -> None:
        item = self.entered.currentItem()
        if item is None:
            return
        response_id = item.data(Qt.ItemDataRole.UserRole)
        feedback.set_response_deleted(response_id, True)
        self._deleted.append(response_id)
        self.undo_form_button.setEnabled(True)
        self._reload_results()

    def undo_delete(self) -> None:
        if self._deleted:
            feedback.set_response_deleted(self._deleted.pop(), False)
            self.undo_form_button.setEnabled(bool(self._deleted))
            self._reload_results()

    def to_suggestion(self) -> None:
        item = self.open_answers.currentItem()
        if item is None:
            return
        try:
            made = feedback.answer_to_suggestion(item.data(Qt.ItemDataRole.UserRole))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Survey"), str(exc))
            return
        self.sig_suggestion_made.emit(made.id)

    # -- the questionnaire -----------------------------------------------------------------------------------------------

    def _current_question(self) -> feedback.Question | None:
        item = self.questions.currentItem()
        if item is None:
            return None
        qid = item.data(Qt.ItemDataRole.UserRole)
        return next((q for q in self._questions if q.id == qid), None)

    def edit_question(self, *, new: bool = False) -> None:
        question = None if new else self._current_question()
        if not new and question is None:
            return
        dialog = QuestionDialog(self, question)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                feedback.save_question(self._event_id, question.id if question else None, **dialog.values())
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Question"), str(exc))
                continue
            self.reload()
            return

    def delete_question(self) -> None:
        question = self._current_question()
        if question is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete question"),
                                      self.tr("Delete “%1”? Its answers on the forms already entered are no longer "
                                              "counted.").replace("%1", question.text))
        if answer == QMessageBox.StandardButton.Yes:
            feedback.delete_question(question.id)
            self.reload()

    def move_question(self, step: int) -> None:
        question = self._current_question()
        if question is None:
            return
        row = self.questions.currentRow()
        feedback.move_question(question.id, row + step)
        self.reload()
        self.questions.setCurrentRow(max(0, min(row + step, self.questions.count() - 1)))

