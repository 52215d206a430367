"""The 归档 (summary and filing) tab: what is done and what is owed (attendance, milestones, the rule check),
the 活动实施情况 and 总结评估报告 drafted from the data and edited here, the photos, and the filing package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n, settings
from desktop_app.domain import dates
from desktop_app.domain import feedback as fb
from desktop_app.domain.summary import REPORT_SECTIONS, SummaryFacts, percent
from desktop_app.domain.survey import rate_text
from desktop_app.errors import UserError
from desktop_app.services import checkin, feedback, roster, summary

from .. import early, ops
from ..feedback.survey import SurveyChart
from ..i18n import core_text
from ..plan.milestones import STATE_COLOURS, state_text
from ..plan.review import WrappedItems
from .charts import ArrivalsChart, AttendanceChart
from .photos import PhotoPanel

SAVE_DELAY_MS = 600
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


class SummaryTab(ops.Subscriber, QWidget):
    sig_changed = Signal()
    """The texts or photos changed (the window may refresh what depends on them)."""
    sig_packaged = Signal(object)
    """A filing package was written: its ``PackageResult``."""
    sig_package_failed = Signal(str)
    sig_verified = Signal(object)
    """A package was verified: its ``VerifyReport`` (None when the folder was refused)."""

    WATCHES = frozenset({"roster", "checkin", "route", "feedback", "plan", "settings", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._undo = None
        self.interactive = True  # tests turn the final dialogs off
        self.verify_dialog = None  # the last verification's result, in words

        # -- dashboard
        self.chart = AttendanceChart(self)
        self.survey_chart = SurveyChart(self)
        self.arrivals_chart = ArrivalsChart(self)
        self.numbers = QLabel(self)
        self.numbers.setObjectName("summary_numbers")
        self.numbers.setWordWrap(True)
        self.count_early = QCheckBox(self.tr("Count check-ins made &before the event day as arrivals"), self)
        self.count_early.setObjectName("count_early")
        self.count_early.setToolTip(self.tr("Only when those people really took part (the date was moved, they "
                                            "were admitted the evening before); not for a rehearsal or a test "
                                            "of the scanner."))
        self.count_early.hide()
        self.count_early.toggled.connect(self._on_count_early)
        self.milestones = QListWidget(self)
        self.milestones.setObjectName("summary_milestones")
        self.findings = QListWidget(self)
        self.findings.setObjectName("summary_findings")
        for box in (self.milestones, self.findings):
            box.setWordWrap(True)
            # Laid out again at the list's own width: items measured before it had one ended in “…” mid-word.
            box.setResizeMode(QListWidget.ResizeMode.Adjust)
            box.setTextElideMode(Qt.TextElideMode.ElideNone)
            box.setItemDelegate(WrappedItems(box))  # each item as tall as its wrapped text
        dash = QWidget(self)
        dash_layout = QVBoxLayout(dash)
        for title, widget in ((self.tr("Attendance by category"), self.chart), (self.tr("In numbers"), self.numbers),
                              (self.tr("Arrivals every 10 minutes"), self.arrivals_chart),
                              (self.tr("Satisfaction survey"), self.survey_chart),
                              (self.tr("Milestones"), self.milestones), (self.tr("Rule check"), self.findings)):
            group = QGroupBox(title, dash)
            inner = QVBoxLayout(group)
            inner.addWidget(widget)
            if widget is self.numbers:
                inner.addWidget(self.count_early)
            dash_layout.addWidget(group, 1 if isinstance(widget, QListWidget) else 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(dash)

        # -- texts
        self.implementation = QPlainTextEdit(self)
        self.implementation.setObjectName("implementation_text")
        self.implementation.textChanged.connect(lambda: self._schedule("implementation"))
        self.report_edits: dict[str, QPlainTextEdit] = {}
        report_page = QWidget(self)
        report_form = QFormLayout(report_page)
        report_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for part in REPORT_SECTIONS:
            edit = QPlainTextEdit(report_page)
            edit.setMinimumHeight(90)
            edit.textChanged.connect(lambda part=part: self._schedule(part))
            self.report_edits[part] = edit
            report_form.addRow(part, edit)
        report_scroll = QScrollArea(self)
        report_scroll.setWidgetResizable(True)
        report_scroll.setWidget(report_page)
        self.draft_note = QLabel(self)
        self.draft_note.setWordWrap(True)
        self.photos = PhotoPanel(self)
        self.photos.sig_changed.connect(self.sig_changed)
        self.photos.sig_changed.connect(lambda: ops.bus().announce(self._event_id, {"photos"}, self))
        self.subscribe()
        self.photos.sig_message.connect(self._message)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.implementation, self.tr("Implementation (within 3 days)"))
        self.pages.addTab(report_scroll, self.tr("Summary and evaluation (within 15 days)"))
        self.pages.addTab(self.photos, self.tr("Photos"))

        self.regenerate_button = QPushButton(self.tr("&Draft again from the data…"), self)
        self.regenerate_button.clicked.connect(self.regenerate)
        from desktop_app.documents import kinds

        self.export_buttons: dict[str, QPushButton] = {}  # the documents this tab writes, by kind
        for kind in (k for k in kinds.KINDS if "summary" in k.tabs):
            button = QPushButton(QCoreApplication.translate("SummaryTab", kind.tab_label), self)
            button.clicked.connect(lambda _checked=False, k=kind.key: self._export(k))
            self.export_buttons[kind.key] = button
        self.internal = QCheckBox(self.tr("Invitee list with full ID numbers (internal archive only)"), self)
        self.package_button = QPushButton(self.tr("Write the filing &package…"), self)
        self.package_button.setObjectName("package_button")
        self.package_button.setDefault(True)
        self.package_button.clicked.connect(lambda: self.write_package())
        self.verify_button = QPushButton(self.tr("&Verify a filing package…"), self)
        self.verify_button.setObjectName("verify_button")
        self.verify_button.clicked.connect(lambda: self.verify_package())

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.draft_note)
        right_layout.addWidget(self.pages, 1)
        row = QHBoxLayout()
        row.addWidget(self.regenerate_button)
        for button in self.export_buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        right_layout.addLayout(row)
        package_row = QHBoxLayout()
        package_row.addWidget(self.internal)
        package_row.addStretch(1)
        package_row.addWidget(self.verify_button)
        package_row.addWidget(self.package_button)
        right_layout.addLayout(package_row)

        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([440, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._loading = False
        self._typed = 0  # edits of the texts so far: a dashboard read before the last one keeps them on screen
        QShortcut(QKeySequence.StandardKey.Undo, self.photos, self._run_undo,
                  whatsThis=self.tr("Undo the last change of the photos"))

    # -- event and data ----------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self.flush()
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.photos.set_event(event_id)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.reload_if_stale()  # counts changed elsewhere since it was last drawn
        super().showEvent(event)

    def reload(self) -> None:
        """Texts and dashboard from the database (texts not yet edited are drafted from the data as it is now);
        for a large event read on the worker. Texts typed meanwhile are kept."""
        if self._event_id is None:
            self._loading = True
            try:
                self.implementation.clear()
                for edit in self.report_edits.values():
                    edit.clear()
            finally:
                self._loading = False
            return
        event_id, typed = self._event_id, self._typed
        self.load(lambda: summary.dashboard(event_id, today=dt.date.today()),
                  lambda board: self._show_dashboard(board, texts=typed == self._typed),
                  large=roster.people_count(event_id) >= ops.LOAD_ON_WORKER)

    def _show_dashboard(self, board: summary.Dashboard, *, texts: bool) -> None:
        if board.event_id != self._event_id:
            return
        if texts:
            self._loading = True
            try:
                self.implementation.setPlainText(board.texts.implementation)
                for part, edit in self.report_edits.items():
                    edit.setPlainText(board.texts.report.get(part, ""))
            finally:
                self._loading = False
            self.draft_note.setText(self.tr("Drafts are written from the data until you edit them; "
                                            "every edit is saved as you type."))
        facts, today = board.facts, dt.date.today()
        self.chart.set_facts(facts)
        self.survey_chart.set_stats(board.survey)
        self.arrivals_chart.set_slots(facts.arrivals_by_slot)
        self.numbers.setText(self._numbers_text(facts) + self._suggestions_text(board.suggestions, today))
        self.count_early.blockSignals(True)
        self.count_early.setChecked(board.early_counted)
        self.count_early.blockSignals(False)
        self.count_early.setVisible(board.early_counted or facts.early_not_counted > 0)
        self.milestones.clear()
        for m in board.milestones:
            due = dates.shown_day(m.due) if m.due else "—"
            gap = "　" if i18n.language() != "en" else "  "
            item = QListWidgetItem(f"{core_text(m.label)}{gap}{due}{gap}{state_text(m)}")
            item.setForeground(QColor(STATE_COLOURS.get(m.state, "#000000")))
            self.milestones.addItem(item)
        self.findings.clear()
        for f in board.findings:
            item = QListWidgetItem(f.text())
            item.setForeground(QColor(SEVERITY_COLOURS.get(f.severity, "#000000")))
            self.findings.addItem(item)
        if not board.findings:
            self.findings.addItem(self.tr("Nothing is missing."))

    def _suggestions_text(self, rows: list, today: dt.date) -> str:
        """Suggestions by status, and the ones past their reply deadline by name."""
        if not rows:
            return ""
        c = feedback.counts(rows, today)
        comma, semicolon, opening, closing = (i18n.punct(mark) for mark in "，；（）")
        text = "\n" + self.tr("By status: ") + comma.join(
            f"{core_text(fb.STATUS_LABELS[k])} {n}" for k, n in c.reported().items() if n)  # as the ledger counts
        overdue = [r for r in rows if r.due_state(today) == "overdue"]
        if overdue:
            text += "\n" + self.tr("Past the reply deadline: ") + semicolon.join(
                f"{r.topic or r.content[:16]}{opening}{r.department or '—'}{comma}{dates.shown_day(r.due_date)}{closing}"
                for r in overdue)
        return text

    def _on_count_early(self, on: bool) -> None:
        if self._event_id is not None:
            ops.run_op(self, lambda: checkin.set_early_counted(self._event_id, on), lambda _r: self.reload(),
                       event_id=self._event_id, areas={"checkin", "settings"})

    def _numbers_text(self, f: SummaryFacts) -> str:
        lines = [self.tr("Arrived {arrived} of {quota} planned ({rate}); walk-ins {walk_ins}").format(
            arrived=f.arrived, quota=f.quota, rate=percent(f.arrived, f.quota), walk_ins=f.walk_ins)]
        if f.early_not_counted:
            lines.append(self.tr("{count} person(s) were checked in only before the event day (a rehearsal, a "
                                 "test): not counted as arrivals.").format(count=f.early_not_counted))
        if f.arrived:
            lines.append(self.tr("Public representatives among arrivals: {share}").format(
                share=percent(f.public_arrived, f.arrived)))
        lines.append(self.tr("Suggestions {total}: replied {replied} ({on_time} on time), overdue {overdue}").format(
            total=f.suggestions, replied=f.suggestions_replied, on_time=f.suggestions_on_time,
            overdue=f.suggestions_overdue))
        if f.survey_responses:
            lines.append(self.tr("Survey forms {count}, satisfied {rate}").format(
                count=f.survey_responses, rate=rate_text(f.satisfaction)))
        return "\n".join(lines)

    # -- saving as one types ---------------------------------------------------------------------------------

    def _schedule(self, part: str) -> None:
        if self._loading or self._event_id is None:
            return
        self._pending.add(part)
        self._typed += 1
        self._timer.start()

    def flush(self) -> None:
        """Save what was typed since the last save (also called before switching events and on close)."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        if self._event_id is None:
            return
        if "implementation" in pending:
            summary.save_implementation(self._event_id, self.implementation.toPlainText())
        for part in REPORT_SECTIONS:
            if part in pending:
                summary.save_report_part(self._event_id, part, self.report_edits[part].toPlainText())
        if pending:
            self.sig_changed.emit()

    def regenerate(self, *, ask: bool = True) -> None:
        if self._event_id is None:
            return
        if ask and QMessageBox.question(
                self, self.tr("Draft again"),
                self.tr("Replace both texts with new drafts from the data as it is now? Your edits of them are "
                        "lost.")) != QMessageBox.StandardButton.Yes:
            return
        self._pending.clear()
        self._timer.stop()
        summary.regenerate(self._event_id)
        self.reload()

    # -- documents and the package ---------------------------------------------------------------------------

    def _message(self, text: str, undo) -> None:
        self._undo = undo
        if undo is not None:
            text += " " + self.tr("(Ctrl+Z undoes)")
        self.window().statusBar().showMessage(text, 10000)

    def _run_undo(self) -> None:
        undo, self._undo = self._undo, None
        if undo is not None:
            undo()

    def _export(self, kind: str) -> None:
        self.flush()
        self.window().export_documents(kind)

    def write_package(self, folder: Path | None = None) -> None:
        """Ask for the folder (the last one used, else a USB stick; a new one typed is made), then write and
        verify the package on the worker."""
        if self._event_id is None:
            return
        self.flush()
        worker = self.window().worker
        if worker.busy:
            return
        if folder is None:
            from ..folders import FolderDialog, start_folder

            start = start_folder(settings.get("last_package_dir"), settings.get("last_export_dir"))
            folder = FolderDialog.ask(self, self.tr("Write the filing package into"), start)
            if folder is None:
                return
        event_id, masked, today = self._event_id, not self.internal.isChecked(), dt.date.today()
        if not self._signing_key_ready(event_id):
            return
        # First the event's state (its day, the open rule errors) on the worker, then one question, then the
        # package, written by a child process (desktop_app.child): with 20,000 people, written in this process
        # even on the worker, it would freeze the window a quarter of a second at a time.
        early.then_write(self.window(), "package", event_id, today,
                         lambda draft: self._write_package(event_id, folder, masked, draft),
                         lambda error: self._package_failed(folder, error))

    def _signing_key_ready(self, event_id: int) -> bool:
        """The key that signs packages is there, or this installation never had one (the package makes it), or it
        is lost and the user agreed to a new one: asked here, once, never made behind their back."""
        from desktop_app.services import keys

        try:
            state = keys.key_state()
        except UserError as exc:
            self._package_failed(Path(), exc)
            return False
        if state.state != "missing":
            return True
        if not self.ask_new_key(state.path, state.lost_fingerprint):
            return False
        try:
            fingerprint = keys.replace_lost_key(event_id)
        except UserError as exc:
            self._package_failed(Path(), exc)
            return False
        self.window().statusBar().showMessage(self.tr("A new signing key was made: {fingerprint}. The package's "
                                                      "归档目录 will note the change.").format(
            fingerprint=fingerprint), 10000)
        return True

    def ask_new_key(self, path: str, lost: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Package signing key"), self.tr(
            "The key that signs this office's filing packages is missing:\n{path}\n(fingerprint {fingerprint}).\n\n"
            "If you have a backup of the data folder, cancel and put the file back. Otherwise a new key can be "
            "made: packages will then carry a new fingerprint, which the office that registered the old one must "
            "be told of. The change is recorded in the audit log and printed on the next package's 归档目录.\n\n"
            "Make a new key?").format(path=path, fingerprint=lost),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def verify_package(self, folder: Path | None = None) -> None:
        """Ask for a package's folder, verify it on the worker and show the result in words."""
        from desktop_app.services import keys

        worker = self.window().worker
        if worker.busy:
            return
        if folder is None:
            folder = self.ask_package_folder()
            if folder is None:
                return
        worker.run(lambda: keys.verify(folder), lambda report: self._verified(folder, report),
                   lambda error: self._verify_failed(folder, error), parent=self,
                   label=self.tr("Reading the filing package back…"))

    def ask_package_folder(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = settings.get("last_package_dir") or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of a filing package"), start)
        return Path(chosen) if chosen else None

    def _verified(self, folder: Path, report) -> None:
        from .verify import VerifyDialog

        self.verify_dialog = VerifyDialog(self, folder, report)
        self.sig_verified.emit(report)
        if self.interactive:
            self.verify_dialog.exec()

    def _verify_failed(self, folder: Path, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error  # a bug: the error hook logs it and names the log file
        self.sig_verified.emit(None)
        if self.interactive:
            QMessageBox.warning(self, self.tr("Verify a filing package"), str(error))

    def _write_package(self, event_id: int, folder: Path, masked: bool, draft: bool,
                       overwrite: bool = False) -> None:
        from desktop_app import package
        from desktop_app.documents import export

        db = self.window().workspace.path

        def failed(error: BaseException) -> None:  # a package of that name there: asked, then replaced
            if isinstance(error, UserError) and error.message == export.FILE_EXISTS \
                    and event_id == self._event_id and self.window().ask_replace([error.params["path"]]):
                self._write_package(event_id, folder, masked, draft, overwrite=True)
                return
            self._package_failed(folder, error)

        self.window().worker.run(
            lambda: package.write_package_in_child(db, event_id, folder, masked=masked, draft=draft,
                                                   overwrite=overwrite),
            lambda result: self._packaged(folder, result), failed, parent=self,
            label=self.tr("Writing and verifying the filing package…"))

    def _packaged(self, folder: Path, result) -> None:
        settings.set("last_package_dir", str(folder))
        self.sig_packaged.emit(result)
        removed = self.window().swept_text(result.swept)  # what an interrupted package had left (full IDs)
        self.window().statusBar().showMessage(self.tr("Filing package written and verified: {path}").format(
            path=result.folder) + (" " + removed if removed else ""), 10000)
        if self.interactive:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Filing package"),
                              self.tr("{files} files ({size:.1f} MB) were written to\n{path}\nand read back "
                                      "unchanged.").format(files=result.files, size=result.bytes / 1e6,
                                                           path=result.folder)
                              + ("\n\n" + removed if removed else ""),
                              QMessageBox.StandardButton.Close, self)
            open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if box.clickedButton() is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

    def _package_failed(self, folder: Path, error: BaseException) -> None:
        from desktop_app.documents.export import is_target_error

        if isinstance(error, UserError):
            text = str(error)
        elif isinstance(error, OSError) and is_target_error(error, folder):
            text = self.tr("The package could not be written to {folder}: {reason}. Nothing that looks complete "
                           "was left there; choose another folder or free some space.").format(
                folder=folder, reason=error.strerror or str(error))
        else:
            self.sig_package_failed.emit(str(error))
            raise error  # a bug: the error hook logs it and names the log file
        self.sig_package_failed.emit(text)
        if self.interactive:
            QMessageBox.warning(self, self.tr("Filing package"), text)
