"""Carrying an event to the venue laptop and back: the passphrase dialog, the side-by-side conflict dialog, and
the two menu actions (导出到现场电脑… / 从文件导入/合并…).

Reading the event, encrypting, decrypting, comparing and merging run on the window's worker (``ui/worker.py``);
the GUI thread only asks the questions and shows the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import bundle, settings
from desktop_app.bundle import Bundle, MergeReport
from desktop_app.errors import UserError
from desktop_app.services import events

from . import ops

log = logging.getLogger(__name__)

LAST_DIR_KEY = "last_bundle_dir"
CELL_TEXT = 60  # characters of a value shown in a cell; the whole value is in its tooltip

TABLE_LABELS = {
    "event": QT_TRANSLATE_NOOP("ConflictDialog", "Event"),
    "plan_section": QT_TRANSLATE_NOOP("ConflictDialog", "Plan section"),
    "staff": QT_TRANSLATE_NOOP("ConflictDialog", "Staff"),
    "leading_group_member": QT_TRANSLATE_NOOP("ConflictDialog", "Leading group"),
    "duty": QT_TRANSLATE_NOOP("ConflictDialog", "Duty"),
    "invitee_category": QT_TRANSLATE_NOOP("ConflictDialog", "Invitee category"),
    "invitee": QT_TRANSLATE_NOOP("ConflictDialog", "Invitee"),
    "check_in": QT_TRANSLATE_NOOP("ConflictDialog", "Check-in"),
    "agenda_item": QT_TRANSLATE_NOOP("ConflictDialog", "Route"),
    "meeting_note": QT_TRANSLATE_NOOP("ConflictDialog", "Meeting note"),
    "suggestion": QT_TRANSLATE_NOOP("ConflictDialog", "Suggestion"),
    "survey_question": QT_TRANSLATE_NOOP("ConflictDialog", "Survey question"),
    "survey_response": QT_TRANSLATE_NOOP("ConflictDialog", "Survey form"),
    "survey_answer": QT_TRANSLATE_NOOP("ConflictDialog", "Survey answer"),
    "photo": QT_TRANSLATE_NOOP("ConflictDialog", "Photo"),
    "setting": QT_TRANSLATE_NOOP("ConflictDialog", "Setting"),
}

FIELD_LABELS = {
    "deleted": QT_TRANSLATE_NOOP("ConflictDialog", "Deleted"),
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "Name"),
    "gender": QT_TRANSLATE_NOOP("ConflictDialog", "Sex"),
    "id_number": QT_TRANSLATE_NOOP("ConflictDialog", "ID number"),
    "phone": QT_TRANSLATE_NOOP("ConflictDialog", "Phone number"),
    "organisation": QT_TRANSLATE_NOOP("ConflictDialog", "Work unit"),
    "position_title": QT_TRANSLATE_NOOP("ConflictDialog", "Position"),
    "category": QT_TRANSLATE_NOOP("ConflictDialog", "Category"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    "pass_code": QT_TRANSLATE_NOOP("ConflictDialog", "Pass code"),
    "pledge_signed": QT_TRANSLATE_NOOP("ConflictDialog", "Pledge signed"),
    "group_no": QT_TRANSLATE_NOOP("ConflictDialog", "Group"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "Notes"),
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "theme": QT_TRANSLATE_NOOP("ConflictDialog", "Theme"),
    "unit": QT_TRANSLATE_NOOP("ConflictDialog", "Organising unit"),
    "date": QT_TRANSLATE_NOOP("ConflictDialog", "Date"),
    "venue": QT_TRANSLATE_NOOP("ConflictDialog", "Venue"),
    "department": QT_TRANSLATE_NOOP("ConflictDialog", "Department"),
    "topic": QT_TRANSLATE_NOOP("ConflictDialog", "Topic"),
    "content": QT_TRANSLATE_NOOP("ConflictDialog", "Content"),
    "assignee": QT_TRANSLATE_NOOP("ConflictDialog", "Assignee"),
    "due_date": QT_TRANSLATE_NOOP("ConflictDialog", "Reply due"),
    "adoption": QT_TRANSLATE_NOOP("ConflictDialog", "Adoption"),
    "reply": QT_TRANSLATE_NOOP("ConflictDialog", "Reply"),
    "replied_at": QT_TRANSLATE_NOOP("ConflictDialog", "Replied on"),
    "remark": QT_TRANSLATE_NOOP("ConflictDialog", "Remark"),
    "caption": QT_TRANSLATE_NOOP("ConflictDialog", "Caption"),
    "heading": QT_TRANSLATE_NOOP("ConflictDialog", "Heading"),
    "body": QT_TRANSLATE_NOOP("ConflictDialog", "Text"),
    "position": QT_TRANSLATE_NOOP("ConflictDialog", "Order"),
    "undone_at": QT_TRANSLATE_NOOP("ConflictDialog", "Undone at"),
    "undo_reason": QT_TRANSLATE_NOOP("ConflictDialog", "Undo reason"),
    "value": QT_TRANSLATE_NOOP("ConflictDialog", "Value"),
    # a field whose meaning depends on the table
    "staff.title": QT_TRANSLATE_NOOP("ConflictDialog", "Position"),
    "leading_group_member.title": QT_TRANSLATE_NOOP("ConflictDialog", "Position"),
}


def _ctx(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def _field_label(table: str, name: str) -> str:
    label = FIELD_LABELS.get(f"{table}.{name}") or FIELD_LABELS.get(name)
    return _ctx(label) if label else name


def _value_text(value) -> str:
    if value is None:
        return QCoreApplication.translate("ConflictDialog", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictDialog", "yes") if value else \
            QCoreApplication.translate("ConflictDialog", "no")
    if isinstance(value, str) and value.startswith(bundle.HASH_PREFIX):
        return QCoreApplication.translate("ConflictDialog", "(an image)")
    return str(value)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= CELL_TEXT else flat[:CELL_TEXT - 1] + "…"


class PassphraseDialog(QDialog):
    """The bundle's passphrase: typed twice for a new bundle, once to open one. Refuses a short one and two
    different ones in the dialog itself."""

    def __init__(self, parent: QWidget | None, *, confirm: bool, file_name: str = ""):
        super().__init__(parent)
        self._confirm = confirm
        self.setWindowTitle(self.tr("Passphrase of the bundle"))
        if confirm:
            text = self.tr("The bundle carries people's personal data, so it is encrypted. Choose a passphrase of "
                           "at least {count} characters and type it twice. It is not stored anywhere: tell it to "
                           "the colleague at the venue in person, never on the USB stick.").format(
                count=bundle.MIN_PASSPHRASE)
        else:
            text = self.tr("Type the passphrase chosen when {file} was exported.").format(
                file=file_name or self.tr("the bundle"))
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(self.tr("&Show the passphrase"), self)
        self.show_text.toggled.connect(self._on_show)
        self.message = QLabel(self)
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Again:"), self.repeat)
        else:
            self.repeat.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.show_text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _on_show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _try_accept(self) -> None:
        try:
            bundle.check_passphrase(self.passphrase.text(), self.repeat.text() if self._confirm else None)
        except UserError as exc:
            self.message.setText(str(exc))
            (self.repeat if self._confirm and len(self.passphrase.text()) >= bundle.MIN_PASSPHRASE
             else self.passphrase).setFocus()
            return
        self.accept()

    def value(self) -> str:
        return self.passphrase.text()

    @classmethod
    def ask(cls, parent: QWidget | None, *, confirm: bool, file_name: str = "") -> str | None:
        dialog = cls(parent, confirm=confirm, file_name=file_name)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConflictDialog(QDialog):
    """Fields changed both here and in the bundle since the two last exchanged, side by side, with a choice of
    which value to keep for each (by default this computer's, as the command line does)."""

    COLUMNS = 6
    KEEP_COLUMN = 5

    def __init__(self, parent: QWidget | None, report: MergeReport):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed on both computers"))
        self._keys: list[tuple[str, str, str]] = []
        intro = QLabel(self.tr("These fields of “{title}” were changed both on this computer and in the bundle "
                               "since the two last exchanged. Choose for each which value to keep. Everything "
                               "else is merged without asking.").format(title=report.title), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Row"), self.tr("Field"),
                                              self.tr("Mine (this computer)"), self.tr("Theirs (the bundle)"),
                                              self.tr("Keep")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.keep: list[QComboBox] = []
        for conflict in report.conflicts:
            for name in conflict.fields:
                self._add_row(conflict, name)
        self.all_mine = QPushButton(self.tr("All m&ine"), self)
        self.all_mine.clicked.connect(lambda: self.choose_all("mine"))
        self.all_theirs = QPushButton(self.tr("All &theirs"), self)
        self.all_theirs.clicked.connect(lambda: self.choose_all("theirs"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(960, 480)

    def _add_row(self, conflict, name: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        mine, theirs = _value_text(conflict.mine.get(name)), _value_text(conflict.theirs.get(name))
        texts = (_ctx(TABLE_LABELS.get(conflict.table, conflict.table)), conflict.label or conflict.uuid[:8],
                 _field_label(conflict.table, name), _short(mine), _short(theirs))
        tips = ("", conflict.label, name, mine, theirs)
        for column, (text, tip) in enumerate(zip(texts, tips, strict=True)):
            item = QTableWidgetItem(text)
            if tip:
                item.setToolTip(tip)
            self.table.setItem(r, column, item)
        keep = QComboBox(self.table)
        keep.addItem(self.tr("Mine"), "mine")
        keep.addItem(self.tr("Theirs"), "theirs")
        self.table.setCellWidget(r, self.KEEP_COLUMN, keep)
        self.keep.append(keep)
        self._keys.append((conflict.table, conflict.uuid, name))

    def choose_all(self, side: str) -> None:
        for keep in self.keep:
            keep.setCurrentIndex(keep.findData(side))

    def choose(self, row: int, side: str) -> None:
        self.keep[row].setCurrentIndex(self.keep[row].findData(side))

    def choices(self) -> dict[tuple[str, str, str], str]:
        return {key: keep.currentData() for key, keep in zip(self._keys, self.keep, strict=True)}

    @classmethod
    def ask(cls, parent: QWidget | None, report: MergeReport) -> dict[tuple[str, str, str], str] | None:
        dialog = cls(parent, report)
        return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- the two menu actions ------------------------------------------------------------------------------------------


def _flush(window) -> None:
    """Save what is being typed, so the bundle carries it."""
    plan_tab = getattr(window, "plan_tab", None)
    if plan_tab is not None and hasattr(plan_tab, "flush"):
        plan_tab.flush()


def _start_dir() -> Path:
    remembered = settings.get(LAST_DIR_KEY)
    return Path(remembered) if remembered and Path(remembered).is_dir() else Path.home()


def _file_filter() -> str:
    return QCoreApplication.translate("BundleTransfer", "Open Day bundles (*{suffix});;All files (*)").format(
        suffix=bundle.SUFFIX)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def _failed(window, error: BaseException, title: str) -> None:
    if not isinstance(error, UserError):
        raise error  # not the user's: the error hook logs it and names the log file
    QMessageBox.warning(window, title, str(error))


def export_to_laptop(window, event_id: int | None) -> None:
    """File ▸ 导出到现场电脑…: ask for the file and a passphrase (twice), then encrypt and write on the worker."""
    if event_id is None or window.worker.busy:
        return
    _flush(window)
    title = QCoreApplication.translate("BundleTransfer", "Export to the venue laptop")
    try:
        summary = events.get_summary(event_id)
        on_the_laptop = bundle.received(event_id)  # this device got the event from the office
    except UserError as exc:
        _failed(window, exc, title)
        return
    if on_the_laptop:
        title = QCoreApplication.translate("BundleTransfer", "Export for the office computer")
    chosen, _ = QFileDialog.getSaveFileName(window, title, str(_start_dir() / bundle.default_file_name(
        summary.title, summary.date)), _file_filter())
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != bundle.SUFFIX:
        path = path.with_name(path.name + bundle.SUFFIX)
    passphrase = PassphraseDialog.ask(window, confirm=True, file_name=path.name)
    if passphrase is None:
        return
    def read_and_write() -> tuple[dict, int]:  # on the worker: the event is read and sealed off the GUI thread
        payload = bundle.event_payload(event_id)
        return payload, bundle.write_bundle(payload, path, passphrase)

    def written(result: tuple[dict, int]) -> None:
        payload, size = result
        try:
            info = bundle.record_export(event_id, payload, path, size)
        except UserError as exc:  # the event was deleted meanwhile: the file is fine, only not remembered
            _failed(window, exc, title)
            return
        settings.set(LAST_DIR_KEY, str(path.parent))
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(QCoreApplication.translate("BundleTransfer", "Bundle written: {path}").format(
                path=path), 8000)
        # The laptop sends the day back to the office: telling it to open the file “on the venue laptop” is wrong.
        what_next = (QCoreApplication.translate(
            "BundleTransfer", "On the office computer choose File ▸ Import or merge from file… and type the "
            "passphrase: the day's check-ins, notes and photos are merged into its copy of the event.")
            if on_the_laptop else QCoreApplication.translate(
            "BundleTransfer", "On the venue laptop choose File ▸ Import or merge from file… and type the passphrase. "
            "Bring a bundle back the same way to merge the day into this computer."))
        QMessageBox.information(window, title, QCoreApplication.translate(
            "BundleTransfer",
            "“{title}” was written to {path} ({size}: {people} people, {checkins} check-ins, {photos} photos), "
            "encrypted with the passphrase.").format(
            title=summary.title, path=path, size=_size(info.bytes), people=len(payload["tables"].get("invitee", [])),
            checkins=info.checkins, photos=info.photos) + "\n\n" + what_next)

    window.worker.run(read_and_write, written,
                      lambda error: _failed(window, error, title), parent=window,
                      label=QCoreApplication.translate("BundleTransfer", "Encrypting and writing the bundle…"))


def import_or_merge(window, on_merged: Callable[[int], None] | None = None) -> None:
    """File ▸ 从文件导入/合并…: ask for the file and its passphrase, decrypt on the worker, then (here, on the GUI
    thread) show what would change and the conflicts, and merge. ``on_merged(event_id)`` shows the event (by
    default the window's event list is reloaded on it)."""
    if window.worker.busy:
        return
    _flush(window)
    title = QCoreApplication.translate("BundleTransfer", "Import or merge from file")
    chosen, _ = QFileDialog.getOpenFileName(window, title, str(_start_dir()), _file_filter())
    if not chosen:
        return
    path = Path(chosen)
    passphrase = PassphraseDialog.ask(window, confirm=False, file_name=path.name)
    if passphrase is None:
        return
    def read_and_compare() -> tuple[Bundle, MergeReport]:  # on the worker: decrypt, check, compare
        opened = bundle.read_bundle(path, passphrase)
        return opened, bundle.preview_merge(opened)

    window.worker.run(read_and_compare,
                      lambda result: _previewed(window, *result, title, on_merged),
                      lambda error: _failed(window, error, title), parent=window,
                      label=QCoreApplication.translate("BundleTransfer", "Decrypting the bundle…"))


def _previewed(window, opened: Bundle, preview: MergeReport, title: str, on_merged) -> None:
    """The bundle was decrypted and compared with this database (on the worker): ask, then merge (on the worker)."""
    name = opened.path.name if opened.path else ""
    choices = None
    if preview.conflicts:
        choices = ConflictDialog.ask(window, preview)
        if choices is None:
            return
    elif preview.created or preview.changed:
        if preview.created:
            question = QCoreApplication.translate(
                "BundleTransfer", "Add the event “{title}” ({date}) from {file} to this database?").format(
                title=preview.title, date=opened.date.isoformat() if opened.date else "-", file=name)
        else:
            question = QCoreApplication.translate(
                "BundleTransfer", "Merge {file} into “{title}”?\n\n{added} new, {updated} changed, {checkins} "
                                  "check-ins to add.").format(
                file=name, title=preview.title, added=preview.added, updated=preview.updated,
                checkins=preview.checkins_added)
        answer = QMessageBox.question(window, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
    window.worker.run(lambda: bundle.merge_bundle(opened, choices=choices),
                      lambda report: _merged(window, opened, report, title, on_merged),
                      lambda error: _failed(window, error, title), parent=window,
                      label=QCoreApplication.translate("BundleTransfer", "Merging the bundle…"))


def _merged(window, opened: Bundle, report: MergeReport, title: str, on_merged) -> None:
    if opened.path is not None:
        settings.set(LAST_DIR_KEY, str(opened.path.parent))
    ops.bus().announce(report.event_id, ops.AREAS, window)
    refresh = on_merged or getattr(window, "_reload_switcher", None)
    if refresh is not None:
        refresh(report.event_id)
    QMessageBox.information(window, title, result_text(report, opened.path.name if opened.path else ""))


def result_text(report: MergeReport, file_name: str = "") -> str:
    if report.created:
        lines = [QCoreApplication.translate("BundleTransfer", "“{title}” was added from {file}.").format(
            title=report.title, file=file_name)]
    elif not report.changed:
        lines = [QCoreApplication.translate(
            "BundleTransfer", "Nothing to change: this database already has everything in {file}.").format(
            file=file_name)]
    else:
        lines = [QCoreApplication.translate(
            "BundleTransfer", "{file} was merged into “{title}”: {added} new, {updated} changed, {unchanged} "
                              "unchanged, {checkins} check-ins added.").format(
            file=file_name, title=report.title, added=report.added, updated=report.updated,
            unchanged=report.unchanged, checkins=report.checkins_added)]
    if report.conflicts:
        lines.append(QCoreApplication.translate(
            "BundleTransfer", "{count} row(s) had fields changed on both computers; the values you chose were "
                              "kept.").format(count=len(report.conflicts)))
    if report.duplicate_admissions:
        lines.append(QCoreApplication.translate(
            "BundleTransfer", "{count} person(s) were admitted on both computers: both check-ins are kept and "
                              "they are counted once.").format(count=report.duplicate_admissions))
    others = [f.message for f in report.findings if f.kind != "duplicate_admission"]
    if others:  # the duplicate admissions are counted just above
        lines.append(QCoreApplication.translate("BundleTransfer", "Check these:") + "\n"
                     + "\n".join(f"• {message}" for message in others))
    return "\n\n".join(lines)
