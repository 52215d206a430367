"""Importing people from a spreadsheet: the file is read and checked on the background worker, the column mapping
can be corrected (each change checks the rows again), the preview shows every problem of every row, and the valid
rows are imported in one transaction; the refused rows can then be saved as a workbook to fix and import again.

The preview names the sheet read and lets another one be chosen (read as the CLI's ``--sheet`` reads it), names
the rows the sheet hides with a choice to import them too, and lets each 类别 value that is none of the event's
categories be taken as one of them (remembered for the next import, like the column mapping)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserError
from desktop_app.importers import roster as importer
from desktop_app.importers.roster import ImportReport, PreviewRow
from desktop_app.services import roster as roster_service

from ..i18n import core_text
from ..worker import Worker

PREVIEW_LIMIT = 500  # rows shown; the summary counts them all
REFUSED_COLOUR = QColor("#fde7e9")
WARNED_COLOUR = QColor("#fff8e1")
_ROOT = QModelIndex()


@dataclass(frozen=True)
class ImportResult:
    imported: int
    rejected: int
    rejected_file: Path | None = None


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class PreviewTableModel(QAbstractTableModel):
    COLUMNS = ("row", "name", "gender", "id_number", "phone", "organisation", "position_title", "category",
               "registered_at", "problems")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self.headers = (self.tr("Row"), self.tr("Name"), self.tr("Sex"), self.tr("ID number"), self.tr("Phone number"),
                        self.tr("Work unit"), self.tr("Position"), self.tr("Category"), self.tr("Registered at"),
                        self.tr("Problems"))

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: int) -> PreviewRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def _text(self, row: PreviewRow, name: str) -> str:
        if name == "row":
            return str(row.row_number)
        if name == "problems":
            return row.describe()
        if name == "registered_at":
            when = row.draft.registered_at
            if when is None:
                return ""
            return when.strftime("%Y-%m-%d %H:%M") if (when.hour, when.minute) != (0, 0) else when.date().isoformat()
        return str(getattr(row.draft, name) or "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        name = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, name)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(row.messages())
        if role == Qt.ItemDataRole.BackgroundRole:
            return REFUSED_COLOUR if row.reasons else WARNED_COLOUR if row.warnings else None
        return None


class ImportDialog(QDialog):
    sig_loaded = Signal()
    """The file was read, its columns mapped and its rows checked; the preview shows them."""
    sig_previewed = Signal()
    """The rows were checked again after the column mapping changed."""
    sig_failed = Signal(str)
    """Reading, checking, importing or saving failed; the message is shown in the dialog."""
    sig_imported = Signal(object)
    """The valid rows were imported (an ``ImportResult``)."""
    sig_rejected_saved = Signal(str)
    """The refused rows were written to this .xlsx file."""

    def __init__(self, parent: QWidget | None, event_id: int, path: Path | str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import people"))
        self.event_id = event_id
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.import_result: ImportResult | None = None
        self._generation = 0  # a result of older work (another file, an earlier mapping) is dropped
        self._pending = False  # reading or checking is under way
        self._committing = False
        shared = getattr(parent.window(), "worker", None) if parent is not None else None
        self._own_worker = not isinstance(shared, Worker)
        self._worker: Worker = Worker(self) if self._own_worker else shared

        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.platform_label = QLabel(self)  # names the survey platform whose export this is
        self.platform_label.setWordWrap(True)
        self.platform_label.hide()
        self.sheet_label = QLabel(self.tr("Sheet:"), self)
        self.sheet_combo = QComboBox(self)  # the workbook's sheets: another one is read when chosen
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.hidden_label = QLabel(self)  # names the rows the sheet hides
        self.hidden_label.setWordWrap(True)
        self.include_hidden = QCheckBox(self.tr("Import the hidden rows too"), self)
        self.include_hidden.toggled.connect(self._mapping_changed)
        self.categories_box = QGroupBox(self.tr("Categories of the file that are not in the plan"), self)
        self.categories_grid = QGridLayout(self.categories_box)
        self.category_combos: dict[str, QComboBox] = {}  # a 类别 value of the file -> the event's category taken
        self.mapping_box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for i, field in enumerate(importer.FIELDS):
            combo = QComboBox(self.mapping_box)
            combo.setEnabled(False)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = combo
            label = QLabel(self.tr("{field}:").format(field=core_text(importer.FIELD_LABELS[field])), self.mapping_box)
            label.setBuddy(combo)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
        self.summary = QLabel(self)
        self.only_problems = QCheckBox(self.tr("Show only rows with problems"), self)
        self.only_problems.toggled.connect(self._show_rows)
        self.model = PreviewTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(lambda: self.import_valid(finish=True))
        self.buttons.rejected.connect(self.reject)

        self._timer = QTimer(self)  # several combo changes in a row check the rows once
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.platform_label)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # as wide as its names
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.categories_box)
        hidden_row = QHBoxLayout()
        hidden_row.addWidget(self.hidden_label, 1)
        hidden_row.addWidget(self.include_hidden)
        layout.addLayout(hidden_row)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.only_problems)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)
        for widget in (self.sheet_label, self.sheet_combo, self.hidden_label, self.include_hidden,
                       self.categories_box):
            widget.hide()
        if path is not None:
            self.load(path)

    # -- reading and checking ------------------------------------------------------------------------------------

    def load(self, path: Path | str, sheet: str | None = None) -> None:
        """Read ``path`` (its ``sheet``, or the sheet the importer finds) on the worker, guess the columns and
        check every row; ``sig_loaded`` when shown."""
        self.path = Path(path)
        self.report = None
        self.file_label.setText(self.tr("File: {path}").format(path=self.path))
        for widget in (self.hidden_label, self.include_hidden, self.categories_box):
            widget.hide()  # shown again for the rows read
        self._generation += 1
        generation = self._generation
        self._set_busy()
        try:
            ctx = roster_service.context(self.event_id)  # a snapshot: the worker does not touch the database
        except UserError as exc:
            self._failed(exc, generation)
            return
        source = self.path
        try:
            categories = importer.remembered_categories(ctx)  # chosen in an earlier import
        except UserError:
            categories = {}
        categories.update(self.category_mapping())  # chosen here for the sheet read before
        include_hidden = self.include_hidden.isChecked()
        self._worker.run(lambda: importer.check_file(importer.read_roster(source, sheet=sheet), None, ctx, categories,
                                                     include_hidden=include_hidden),
                         lambda report: self._loaded(generation, report),
                         lambda error: self._failed(error, generation), parent=self,
                         label=self.tr("Reading {name}…").format(name=source.name))

    def _loaded(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation:
            return
        try:
            saved = importer.remembered_mapping(report.table.headers)  # chosen for a file with these headers
        except UserError:
            saved = None
        if saved and "name" in saved and saved != report.mapping:
            table, ctx, categories, include_hidden = report.table, report.ctx, report.categories, report.include_hidden
            self._worker.run(lambda: importer.check_file(table, saved, ctx, categories, include_hidden=include_hidden),
                             lambda remapped: self._show_loaded(generation, remapped),
                             lambda _error: self._show_loaded(generation, report), parent=self,
                             label=self.tr("Checking the rows…"))
            return
        self._show_loaded(generation, report)

    def _show_loaded(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._fill_combos(report)
        self._fill_sheets(report)
        self._show(report)
        note = importer.platform_note(report.table)
        self.platform_label.setText(note)
        self.platform_label.setVisible(bool(note))
        self.sig_loaded.emit()

    def _fill_combos(self, report: ImportReport) -> None:
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), -1)
            for i, header in enumerate(report.table.headers):
                combo.addItem(f"{column_letter(i)}  {header}".rstrip(), i)
            combo.setCurrentIndex(max(combo.findData(report.mapping.get(field, -1)), 0))
            combo.setEnabled(True)
            combo.blockSignals(False)

    def _fill_sheets(self, report: ImportReport) -> None:
        """The sheet combo names the sheet read; shown when the workbook has more than one."""
        table = report.table
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for name in table.sheets:
            label = self.tr("{sheet} (hidden)").format(sheet=name) if name in table.hidden_sheets else name
            self.sheet_combo.addItem(label, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(table.sheet), 0))
        self.sheet_combo.blockSignals(False)
        several = len(table.sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)
        self.sheet_combo.setEnabled(several)

    def _sheet_chosen(self) -> None:
        name = self.sheet_combo.currentData()
        if self.path is None or name is None or self.import_result is not None or self._committing:
            return
        self.load(self.path, sheet=name)

    def _fill_categories(self, report: ImportReport) -> None:
        """One choice per 类别 value of the file that is none of the event's categories (kept while the values
        stay the same)."""
        values = report.unknown_categories
        if tuple(self.category_combos) != values:
            while self.categories_grid.count():
                item = self.categories_grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self.category_combos = {}
            choices = sorted(report.ctx.categories) if report.ctx is not None else []
            for i, value in enumerate(values):
                combo = QComboBox(self.categories_box)
                combo.addItem(self.tr("(not in the plan: the rows are refused)"), "")
                for name in choices:
                    combo.addItem(name, name)
                combo.setCurrentIndex(max(combo.findData(report.categories.get(value, "")), 0))
                combo.currentIndexChanged.connect(self._mapping_changed)
                label = QLabel(self.tr("“{value}” is taken as:").format(value=value), self.categories_box)
                label.setBuddy(combo)
                self.categories_grid.addWidget(label, i, 0)
                self.categories_grid.addWidget(combo, i, 1)
                self.category_combos[value] = combo
        self.categories_box.setVisible(bool(values))

    def category_mapping(self) -> dict[str, str]:
        """The 类别 values of the file taken as one of the event's categories, as chosen."""
        return {value: combo.currentData() for value, combo in self.category_combos.items() if combo.currentData()}

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None
                and c.currentData() >= 0}

    def set_mapping(self, field: str, column: int) -> None:
        """Map ``field`` to the column with index ``column`` (-1: not imported), as the user would."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(column), 0))

    def _mapping_changed(self) -> None:
        if self.report is not None and self.import_result is None:
            self._timer.start()

    def refresh_preview(self) -> None:
        """Check the rows again with the current mapping (on the worker); ``sig_previewed`` when shown."""
        if self.report is None:
            return
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        self._set_busy()
        try:
            ctx = roster_service.context(self.event_id)  # the roster as it is now
        except UserError as exc:
            self._failed(exc, generation)
            return
        table, mapping = self.report.table, self.mapping()
        categories, include_hidden = self.category_mapping(), self.include_hidden.isChecked()

        def shown(report):
            if generation == self._generation:
                self._pending = False
                self._show(report)
                self.sig_previewed.emit()

        self._worker.run(lambda: importer.check_file(table, mapping, ctx, categories, include_hidden=include_hidden),
                         shown,
                         lambda error: self._failed(error, generation), parent=self,
                         label=self.tr("Checking the rows…"))

    def _show(self, report: ImportReport) -> None:
        self.report = report
        self.message.hide()
        self._show_rows()
        rows, valid, rejected = len(report.rows), len(report.valid_rows), len(report.rejected_rows)
        text = self.tr("{rows} rows, {valid} can be imported, {rejected} with problems").format(
            rows=rows, valid=valid, rejected=rejected)
        if self.model.rowCount() < (rejected if self.only_problems.isChecked() else rows):
            text += self.tr(" (the first {shown} are shown)").format(shown=self.model.rowCount())
        self.summary.setText(text)
        self.import_button.setText(self.tr("Import {count} rows").format(count=valid))
        self.import_button.setEnabled(valid > 0 and self.import_result is None)
        self._fill_categories(report)
        note = importer.hidden_note(report)
        self.hidden_label.setText(note)
        self.hidden_label.setVisible(bool(note))
        self.include_hidden.setVisible(bool(note))

    def _show_rows(self) -> None:
        if self.report is None:
            return
        rows = self.report.rejected_rows if self.only_problems.isChecked() else self.report.rows
        self.model.set_rows(list(rows[:PREVIEW_LIMIT]))
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 220))

    def _set_busy(self) -> None:
        self._pending = True
        self.import_button.setEnabled(False)
        self.message.hide()

    def _failed(self, error: BaseException, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self._pending = False
        text = str(error) if isinstance(error, UserError) else self.tr(
            "Something went wrong: {error}. The details were written to the log file.").format(
            error=type(error).__name__)
        self.message.setText(text)
        self.message.show()
        self.import_button.setEnabled(False)  # the preview no longer matches: a new mapping checks again
        self.sig_failed.emit(text)
        if not isinstance(error, UserError | OSError):
            raise error  # a bug: the error hook logs it with its traceback

    # -- importing -----------------------------------------------------------------------------------------------

    def import_valid(self, *, finish: bool = False) -> None:
        """Import the valid rows of the preview in one transaction (on the worker); ``sig_imported`` when done.
        With ``finish`` (the Import button) the dialog then offers to save the refused rows and closes."""
        report = self.report
        if (report is None or not report.valid_rows or self.import_result is not None or self._pending
                or self._committing or self._timer.isActive()):
            return
        self._committing = True
        try:
            importer.remember_mapping(report.table.headers, report.mapping)  # the next such file opens so mapped
            importer.remember_categories(report.unknown_categories, report.categories)
        except UserError:
            pass
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # the import cannot be stopped half-way: it is one transaction
        self.message.hide()
        controls = [*self.combos.values(), *self.category_combos.values(), self.sheet_combo, self.include_hidden]
        for control in controls:
            control.setEnabled(False)
        event_id = self.event_id

        def done(committed: ImportReport) -> None:
            self._committing = False
            self.cancel_button.setEnabled(True)
            self.report = committed
            self.import_result = ImportResult(committed.imported, len(committed.rejected_rows))
            self.import_button.setText(self.tr("Imported {count} rows").format(count=committed.imported))
            self.cancel_button.setText(self.tr("Close"))
            self.sig_imported.emit(self.import_result)
            if finish:
                self.offer_rejected_file()

        def failed(error: BaseException) -> None:
            self._committing = False
            self.cancel_button.setEnabled(True)
            for control in controls:
                control.setEnabled(True)
            self._failed(error)

        self._worker.run(lambda: importer.commit(event_id, report), done, failed, parent=self,
                         label=self.tr("Importing {count} rows…").format(count=len(report.valid_rows)))

    def offer_rejected_file(self) -> None:
        """After the import: offer to save the refused rows for correction, then close."""
        report = self.report
        if report is None or not report.rejected_rows or self.path is None:
            self.accept()
            return
        answer = QMessageBox.question(
            self, self.tr("Import people"),
            self.tr("{imported} rows were imported. {rejected} rows have problems and were not imported.\n\nSave "
                    "them as a workbook, with their problems, to correct them and import that file again?").format(
                imported=report.imported, rejected=len(report.rejected_rows)))
        if answer != QMessageBox.StandardButton.Yes:
            self.accept()
            return
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the rows not imported"),
                                                      str(importer.rejected_path(self.path)),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not target:
            self.accept()
            return
        self.save_rejected(target, then=self.accept)

    def save_rejected(self, path: Path | str, *, then=None) -> None:
        """Write the refused rows to ``path`` (on the worker); ``sig_rejected_saved`` when written."""
        if self.report is None:
            return
        report, target = self.report, Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")

        def saved(written: Path) -> None:
            if self.import_result is not None:
                self.import_result = ImportResult(self.import_result.imported, self.import_result.rejected, written)
            self.sig_rejected_saved.emit(str(written))
            if then is not None:
                then()

        self._worker.run(lambda: importer.write_rejected_xlsx(report, target), saved, self._failed, parent=self,
                         label=self.tr("Saving…"))

    def reject(self) -> None:
        if not self._committing:  # Esc or the title bar's close during the commit would lose its result
            super().reject()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        self._timer.stop()
        self._generation += 1
        super().done(result)
        if self._own_worker:
            self._worker.shutdown()

    @classmethod
    def ask(cls, parent: QWidget | None, event_id: int) -> ImportResult | None:
        """Pick a file, preview and import it; the result when rows were imported (even if the dialog was then
        closed with Close), else None."""
        path, _filter = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportDialog", "Import people"), "",
            QCoreApplication.translate("ImportDialog", "Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv "
                                                       "*.txt *.htm *.html);;All files (*)"))
        if not path:
            return None
        dialog = cls(parent, event_id, path)
        dialog.exec()
        return dialog.import_result
