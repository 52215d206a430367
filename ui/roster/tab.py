"""The 名单 (roster) tab: how each category fills against its quota, everyone who registered or was invited,
search and filters, the person form, import, selection by registration time, confirmation calls, passes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import roster as roster_domain
from desktop_app.domain.checkin import SearchIndex
from desktop_app.domain.roster import InviteeDraft
from desktop_app.services import events, roster

from .. import ops
from .form import InviteeDialog
from .model import InviteeTableModel, RosterFilter, search_index

SEARCH_DELAY_MS = 120


class QuotaBars(QWidget):
    """One bar per category: confirmed of quota, with waiting and registered counts; then the totals."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.total = QLabel(self)
        self.total.setObjectName("roster_total")

    def set_fills(self, fills: list[roster.CategoryFill], minimum: int, share_needed: float) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.total:
                item.widget().deleteLater()
        for fill in fills:
            box = QVBoxLayout()
            bar = QProgressBar(self)
            bar.setRange(0, max(fill.quota, 1))
            bar.setValue(min(fill.confirmed, max(fill.quota, 1)))
            bar.setFormat(f"{fill.confirmed}/{fill.quota}")
            bar.setToolTip(self.tr("{registered} registered, {waiting} waiting").format(
                registered=fill.registered, waiting=fill.waitlisted))
            if fill.confirmed > fill.quota:
                bar.setStyleSheet("QProgressBar::chunk { background: #c62828; }")
            caption = QLabel(self.tr("{name} · waiting {waiting}").format(name=fill.name, waiting=fill.waitlisted),
                             self)
            container = QWidget(self)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(caption)
            box.addWidget(bar)
            container.setLayout(box)
            self._layout.addWidget(container, 1)
        confirmed = sum(f.confirmed for f in fills)
        public = sum(f.confirmed for f in fills if f.public)
        share = public / confirmed if confirmed else 0
        ok = confirmed >= minimum and share >= share_needed - 1e-9
        self.total.setText(self.tr("<b style='color:{colour}'>Confirmed {confirmed} of at least {minimum}</b><br>"
                                   "Public representatives (群众代表) {share:.0%} (at least {needed:.0%})").format(
            colour="#1b5e20" if ok else "#b3261e", confirmed=confirmed, minimum=minimum, share=share,
            needed=share_needed))
        self._layout.addWidget(self.total)


class RosterTab(ops.Subscriber, QWidget):
    sig_changed = Signal()
    """The roster changed (saved)."""

    WATCHES = frozenset({"checkin", "plan", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._last_deleted: int | None = None
        self.subscribe()
        self.bars = QuotaBars(self)

        self.search = QLineEdit(self)
        self.search.setObjectName("roster_search")
        self.search.setPlaceholderText(self.tr("Search: name, pinyin initials (zs), phone, ID digits, pass code"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in roster_domain.STATUSES:
            self.status_filter.addItem(roster_domain.status_name(code), code)
        self.category_filter = QComboBox(self)
        self.count = QLabel(self)
        self.id_required = QCheckBox(self.tr("ID numbers required"), self)
        self.id_required.toggled.connect(self._on_id_required)

        self.model = InviteeTableModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("roster_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_person())
        for column, width in zip(range(self.model.columnCount()), (80, 40, 130, 60, 200, 110, 110, 150, 130, 70),
                                 strict=False):
            self.view.setColumnWidth(column, width)
        # 性别 and 状态 as wide as their longest word in the interface's language (Female, Waiting list …).
        metrics = self.view.fontMetrics()
        for field, words in (("gender", [roster_domain.value_name(g, roster_domain.GENDER_NAMES)
                                         for g in roster_domain.GENDERS]),
                             ("status", [roster_domain.status_name(c) for c in roster_domain.STATUSES])):
            column = self.model.COLUMNS.index(field)
            needed = max(metrics.horizontalAdvance(w) for w in words) + 16
            self.view.setColumnWidth(column, max(self.view.columnWidth(column), needed))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self.timer.start)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.category_filter.currentIndexChanged.connect(self._apply_filter)

        self.add_button = QPushButton(self.tr("&Add person…"), self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.select_button = QPushButton(self.tr("Apply &selection"), self)
        self.confirm_button = QPushButton(self.tr("Phone &confirmed"), self)
        self.cancel_button = QPushButton(self.tr("Ca&ncel registration"), self)
        self.passes_button = QPushButton(self.tr("Give &pass codes"), self)
        self.select_button.setToolTip(self.tr("First come, first served by registration time within each "
                                              "category's places; the rest wait."))
        self.add_button.clicked.connect(self.add_person)
        self.import_button.clicked.connect(self.import_people)
        self.select_button.clicked.connect(self.apply_selection)
        self.confirm_button.clicked.connect(self.confirm_call)
        self.cancel_button.clicked.connect(self.cancel_person)
        self.passes_button.clicked.connect(self.give_passes)
        QShortcut(QKeySequence("Ctrl+F"), self, lambda: (self.search.setFocus(), self.search.selectAll()),
                  whatsThis=self.tr("Search the roster"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.delete_person,
                  whatsThis=self.tr("Delete the person (in the roster)"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.view, self.undo_delete,
                  whatsThis=self.tr("Bring back the person deleted last"))
        QShortcut(QKeySequence("Return"), self.view, self.edit_person, whatsThis=self.tr("Open the person"))
        QShortcut(QKeySequence("Insert"), self, self.add_person, whatsThis=self.tr("Add a person"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.count)
        filters.addStretch(1)
        filters.addWidget(self.id_required)
        actions = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.select_button, self.confirm_button,
                       self.cancel_button, self.passes_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bars)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

    # -- loading ---------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self._event_id is None:
            self.model.set_rows([])
            return
        select_id = select_id if select_id is not None else self.current_id()
        fills = roster.category_fill(self._event_id)
        categories = [f.name for f in fills]
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for name in categories:
            self.category_filter.addItem(name, name)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(chosen), 0))
        self.category_filter.blockSignals(False)
        from desktop_app.services import plan

        thresholds = plan.get_plan(self._event_id).thresholds
        self.bars.set_fills(fills, thresholds.min_invitees, thresholds.public_share)
        self.id_required.blockSignals(True)
        self.id_required.setChecked(roster.id_required(self._event_id))
        self.id_required.blockSignals(False)
        event_id = self._event_id
        def read() -> tuple[list, SearchIndex]:
            people = roster.list_invitees(event_id)
            return people, search_index(people)  # the pinyin of 20,000 names: on the worker, with the rows

        if self.load(read, lambda result: self._rows_loaded(*result, select_id),
                     large=roster.people_count(event_id) >= ops.LOAD_ON_WORKER):
            # the list keeps showing what it had until the rows arrive
            self.count.setText(self.tr("Reading the roster…"))

    def _rows_loaded(self, people: list, index: SearchIndex, select_id: int | None) -> None:
        self.model.set_rows(people, index)
        self._apply_filter()
        if select_id is not None:
            self.select_person(select_id)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.status_filter.currentData(),
                              self.category_filter.currentData())
        self.count.setText(self.tr("{shown} of {total}").format(shown=self.proxy.rowCount(),
                                                                total=self.model.rowCount()))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.proxy.data(index.siblingAtColumn(0), Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_person(self, invitee_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, Qt.ItemDataRole.UserRole) == invitee_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return

    def _changed(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.sig_changed.emit()
        ops.bus().announce(self._event_id, {"roster"}, self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload_if_stale()  # check-ins, walk-ins or categories changed elsewhere

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def show_categories(self) -> None:
        """Go to where the invitee categories are set: 方案 › 邀请对象."""
        window = self.window()
        plan_tab = getattr(window, "plan_tab", None)
        if plan_tab is not None:
            window.activateWindow()  # back from the person form
            window.tabs.setCurrentWidget(plan_tab)
            plan_tab.nav.setCurrentRow(plan_tab.PAGES.index("categories"))
            plan_tab.categories.table.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _categories(self) -> list[str]:
        return [f.name for f in roster.category_fill(self._event_id)]

    # -- actions ---------------------------------------------------------------------------------------------------

    def add_person(self) -> None:
        if self._event_id is None:
            return
        draft = InviteeDialog.ask(self, InviteeDraft(), roster.context(self._event_id), self._categories(),
                                  show_categories=self.show_categories)
        if draft is None:
            return
        row = ops.run_op(self, lambda: roster.add_invitee(self._event_id, draft), event_id=self._event_id,
                         areas=(), title=self.tr("Not added"))
        if row is not None:
            self._changed(row.id)

    def edit_person(self) -> None:
        invitee_id = self.current_id()
        if invitee_id is None:
            return
        row = roster.get_invitee(invitee_id)
        current = InviteeDraft(row.name, row.gender, row.id_number, row.phone, row.organisation, row.position_title,
                               row.category, row.source, row.channel, row.registered_at, row.pledge_signed,
                               row.notes)
        draft = InviteeDialog.ask(self, current, roster.context(self._event_id, exclude_id=invitee_id),
                                  self._categories())
        if draft is None:
            return
        if ops.run_op(self, lambda: roster.update_invitee(invitee_id, draft) or True, event_id=self._event_id,
                      areas=(), title=self.tr("Not saved")):
            self._changed(invitee_id)

    def delete_person(self) -> None:
        invitee_id = self.current_id()
        if invitee_id is None:
            return
        name = roster.get_invitee(invitee_id).name
        if ops.run_op(self, lambda: roster.delete_invitee(invitee_id) or True, event_id=self._event_id, areas=(),
                      title=self.tr("Not removed")) is None:
            return
        self._last_deleted = invitee_id
        self._changed()
        self._status(self.tr("Removed {name}. Ctrl+Z in the list brings them back.").format(name=name))

    def undo_delete(self) -> None:
        if self._last_deleted is None:
            return
        last, self._last_deleted = self._last_deleted, None
        row = ops.run_op(self, lambda: roster.restore_invitee(last), event_id=self._event_id, areas=(),
                         title=self.tr("Not restored"))
        if row is not None:
            self._changed(row.id)

    def import_people(self) -> None:
        if self._event_id is None:
            return
        from .import_dialog import ImportDialog

        if ImportDialog.ask(self, self._event_id) is not None:
            self._changed()

    def apply_selection(self) -> None:
        if self._event_id is None:
            return
        counts = ops.run_op(self, lambda: roster.apply_selection(self._event_id), event_id=self._event_id, areas=(),
                            title=self.tr("Selection not applied"))
        if counts is None:
            return
        self._changed()
        self._status(self.tr("Selection applied: {confirmed} confirmed, {waiting} on the waiting list.").format(
            confirmed=counts.get("confirmed", 0), waiting=counts.get("waitlisted", 0)))

    def confirm_call(self) -> None:
        invitee_id = self.current_id()
        if invitee_id is None:
            return
        by, ok = QInputDialog.getText(self, self.tr("Confirmation call"), self.tr("Called by:"),
                                      text=events.get_event(self._event_id).contact_person)
        if ok:
            roster.record_confirmation(invitee_id, by)
            self._changed(invitee_id)

    def cancel_person(self) -> None:
        invitee_id = self.current_id()
        if invitee_id is None:
            return
        name = roster.get_invitee(invitee_id).name
        answer = QMessageBox.question(self, self.tr("Cancel registration"),
                                      self.tr("Cancel {name}'s registration?").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        proposed = roster.cancel(invitee_id)
        self._changed(invitee_id)
        if proposed is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Waiting list"),
            self.tr("{name} is next on the waiting list of {category} (phone {phone}). Confirm {name} for the "
                    "freed place?").format(name=proposed.name, category=proposed.category, phone=proposed.phone))
        if answer == QMessageBox.StandardButton.Yes:
            roster.set_status([proposed.id], "confirmed")
            self._changed(proposed.id)

    def give_passes(self) -> None:
        if self._event_id is None:
            return
        given = ops.run_op(self, lambda: roster.assign_pass_codes(self._event_id), event_id=self._event_id,
                           areas=(), title=self.tr("Passes not given"))
        if given is None:
            return
        self._changed()
        self._status(self.tr("{n} pass code(s) given.").format(n=given))

    def _on_id_required(self, checked: bool) -> None:
        if self._event_id is not None:
            roster.set_id_required(self._event_id, checked)
