"""文件 › 区县汇总: the district office's units, the packages received from them, adding packages (on the worker,
with progress; a unit's first key trusted once, after comparing it with the unit's paper), and the year's report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.district import figures, packages, view
from desktop_app.errors import UserError

from . import ops
from .widgets.list_model import Col, ListTableModel

RESIZE_ROWS = 30


class DistrictDialog(QDialog):
    """The district's view over the open database (which may also hold the office's own events)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("District summary"))
        self.resize(1100, 640)
        self.units_model = ListTableModel([
            Col(self.tr("Unit"), lambda u: u.name),
            Col(self.tr("On the list"), lambda u: self.tr("yes") if u.expected else self.tr("no"), align_centre=True),
            Col(self.tr("Trusted key"), lambda u: u.fingerprint or "—"),
            Col(self.tr("Events this year"), lambda u: str(u.events) if u.events else self.tr("not reported"),
                align_centre=True),
        ], self)
        self.received_model = ListTableModel([
            Col(self.tr("Unit"), lambda p: p.unit),
            Col(self.tr("Event"), lambda p: p.title),
            Col(self.tr("Date"), lambda p: p.date.isoformat() if p.date else "—", align_centre=True),
            Col(self.tr("Received"), lambda p: p.received.strftime("%Y-%m-%d %H:%M"), align_centre=True),
            Col(self.tr("State"), lambda p: self.tr("replaced") if p.replaced else self.tr("current"),
                align_centre=True),
        ], self)
        self.units = QTableView(self)
        self.units.setObjectName("district_units")
        self.units.setModel(self.units_model)
        self.received = QTableView(self)
        self.received.setObjectName("district_packages")
        self.received.setModel(self.received_model)
        for table in (self.units, self.received):
            table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            table.setWordWrap(False)  # a fingerprint or a time on one line, never half of it
            table.verticalHeader().hide()
            # a model, not an item per cell, and the columns measured on the first rows, not on hundreds: a
            # unit's name or a fingerprint is as wide in row 400 as in row 40 (filling and measuring 400
            # packages' cells held the window over 100 ms after an add)
            table.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self.received.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.units_button = QPushButton(self.tr("Import the &units list…"), self)
        self.units_button.clicked.connect(self.import_units)
        self.add_unit_button = QPushButton(self.tr("Add a u&nit…"), self)
        self.add_unit_button.clicked.connect(lambda: self.add_unit())
        self.remove_unit_button = QPushButton(self.tr("&Take off the list"), self)
        self.remove_unit_button.clicked.connect(self.remove_unit)
        self.add_button = QPushButton(self.tr("&Add packages (folder or stick)…"), self)
        self.add_button.clicked.connect(lambda: self.add_packages())
        self.zip_button = QPushButton(self.tr("Add package &zips…"), self)
        self.zip_button.clicked.connect(self.add_zips)
        self.report_button = QPushButton(self.tr("Write the year's &report…"), self)
        self.report_button.clicked.connect(lambda: self.write_report())
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Year:"), self, buddy=self.year))
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.units_button, self.add_unit_button, self.remove_unit_button, self.add_button,
                       self.zip_button, self.report_button):
            top.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.units)
        splitter.addWidget(self.received)
        splitter.setSizes([660, 540])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.reload()

    # -- showing ---------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        shown = view.overview(self.year.value())
        self.units_model.set_rows(shown.units)
        self.received_model.set_rows(shown.packages)
        for table in (self.units, self.received):
            table.resizeColumnsToContents()
        if shown.expected:
            self.status.setText(self.tr("{year}: {reported} of {expected} units reported, {events} events.").format(
                year=self.year.value(), reported=shown.reported, expected=shown.expected, events=shown.events))
        else:  # no list yet: who has not reported cannot be told
            self.status.setText(self.tr("{year}: {events} events from {units} units. The list of expected units is "
                                        "empty: import it to see who has not reported.").format(
                year=self.year.value(), events=shown.events, units=shown.reporting))

    # -- actions ---------------------------------------------------------------------------------------------------

    def import_units(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Units list"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if not path:
            return
        try:
            count = packages.set_expected_units(packages.read_unit_names(Path(path)))
        except UserError as exc:
            ops.show_refusal(self, exc)
            return
        self.status.setText(self.tr("{count} units on the list.").format(count=count))
        self.reload()

    def add_unit(self, name: str | None = None) -> None:
        if name is None:
            from PySide6.QtWidgets import QInputDialog

            name, ok = QInputDialog.getText(self, self.tr("Add a unit"), self.tr("Unit's name, as it signs its "
                                                                                 "documents:"))
            if not ok:
                return
        if packages.add_expected_unit(name):
            self.reload()
        else:
            self.status.setText(self.tr("“{name}” is on the list already, or empty.").format(name=name.strip()))

    def remove_unit(self) -> None:
        unit = self.units_model.row_at(self.units.currentIndex().row())
        if unit is None:
            self.status.setText(self.tr("Choose a unit in the list first."))
            return
        packages.remove_expected_unit(unit.name)
        self.reload()

    def add_zips(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Package zips"), "", self.tr("Zip files (*.zip)"))
        if paths:
            self.add_packages([Path(p) for p in paths])

    def add_packages(self, sources: list[Path] | None = None, trust: tuple[str, ...] = ()) -> None:
        if sources is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder or stick holding the packages"))
            if not folder:
                return
            sources = [Path(folder)]
        worker = getattr(self.parent(), "worker", None) if self.parent() is not None else None

        def done(report: packages.AddReport) -> None:
            self.reload()
            untrusted = [r for r in report.refused if r.code == "untrusted"]
            if untrusted and not trust:
                chosen = self.ask_trust(untrusted)
                if chosen:
                    self.add_packages([Path(r.source) for r in untrusted], tuple(chosen))
            self.show_result(report)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            ops.show_refusal(self, exc)

        call = lambda: packages.add_packages(sources, trust=trust)  # noqa: E731
        if worker is None:
            try:
                done(call())
            except UserError as exc:
                failed(exc)
            return
        worker.run(call, done, failed, parent=self, label=self.tr("Checking the packages…"))

    def ask_trust(self, untrusted: list) -> list[str]:
        """One question per signing key not yet trusted: its fingerprint against the unit's paper."""
        chosen, asked = [], set()
        for refused in untrusted:
            fingerprint = view.fingerprint_of(refused.source)
            if not fingerprint or fingerprint in asked:
                continue
            asked.add(fingerprint)
            answer = QMessageBox.question(
                self, self.tr("Trust this unit's key?"),
                self.tr("{source}\n\nis signed with the key\n\n{fingerprint}\n\nCompare it digit by digit with the "
                        "fingerprint the unit reported on paper. Trust this key for the unit?").format(
                    source=Path(refused.source).name, fingerprint=fingerprint),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                chosen.append(fingerprint)
        return chosen

    def show_result(self, report: packages.AddReport) -> None:
        lines = [self.tr("{added} added, {replaced} replacing an older package, {refused} refused.").format(
            added=len(report.added), replaced=len(report.replaced), refused=len(report.refused))]
        lines += [f"• {Path(r.source).name}：{r.reason}" for r in report.refused[:20]]
        if len(report.refused) > 20:
            lines.append("…")
        self.status.setText(lines[0])
        QMessageBox.information(self, self.tr("Packages added"), "\n".join(lines))

    def write_report(self, folder: Path | None = None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Write the report into folder"))
            if not chosen:
                return
            folder = Path(chosen)
        from desktop_app.district import report as district_report
        from desktop_app.services import plan

        year_no = self.year.value()

        def write() -> list[Path]:
            return district_report.write_report(figures.year_figures(year_no), folder, plan.doc_fonts())

        def written(files: list[Path]) -> None:
            self.status.setText(self.tr("Written: {files}").format(files="、".join(p.name for p in files)))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                ops.show_refusal(self, exc)
            elif isinstance(exc, OSError):
                QMessageBox.warning(self, self.tr("Not written"), str(exc))
            else:
                raise exc

        worker = getattr(self.parent(), "worker", None) if self.parent() is not None else None
        if worker is None:
            try:
                written(write())
            except (UserError, OSError) as exc:
                failed(exc)
            return
        worker.run(write, written, failed, parent=self, label=self.tr("Writing the report…"))
