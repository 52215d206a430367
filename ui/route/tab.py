"""The 路线 tab: the day as an ordered programme (集合, 参观点, 转场, 座谈会, 问卷 …) with its times recomputed on
every change, what does not fit, groups going round the stops, the timeline, and on the day one key (F9) to
record when each item actually starts and ends."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import route as rules
from desktop_app.errors import UserError
from desktop_app.services import roster, route

from .. import ops
from ..i18n import core_text
from .model import COL_CONTENT, COL_GUIDE, COL_TITLE, RouteDelegate, RouteTableModel
from .timeline import RouteTimelineWidget

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#e65100", "info": "#546e7a"}
DEFAULT_GROUP_SIZE = 15  # some districts cap a visit at 15 people


class FindingsList(QListWidget):
    """The warnings, each wrapped to the list's width in full (a plain word-wrapping list clips long items)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def fit_items(self) -> None:
        width = max(self.viewport().width() - 2 * self.spacing() - 8, 40)
        metrics = self.fontMetrics()
        for i in range(self.count()):
            item = self.item(i)
            rect = metrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), item.text())
            item.setSizeHint(QSize(width, rect.height() + 8))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_items()


class CommonStopsDialog(QDialog):
    """The usual stops of a service hall, to tick and add in one go."""

    def __init__(self, parent, stops):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Common stops"))
        self.list = QListWidget(self)
        for stop in stops:
            kind = core_text(rules.KIND_LABELS.get(stop.kind, stop.kind))
            item = QListWidgetItem(self.tr("{kind}: {label} — {minutes} min").format(
                kind=kind, label=stop.label, minutes=stop.duration_min))
            item.setData(Qt.ItemDataRole.UserRole, stop.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if stop.content:
                item.setToolTip(stop.content)
            self.list.addItem(item)
        # Space (Qt's own) or a double click ticks; Enter adds what is ticked and never ticks on the way.
        self.list.itemDoubleClicked.connect(lambda item: item.setCheckState(
            Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked))
        self.list.installEventFilter(self)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add ticked items"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the items to add with Space; Enter adds them below the selected row "
                                        "in this order (with none ticked, the highlighted one). Guides and times "
                                        "are set afterwards."), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.accept()  # the list would take Enter as “activate” (and tick) first
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> list[str]:
        ticked = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        current = self.list.currentItem()
        if not ticked and current is not None:
            return [current.data(Qt.ItemDataRole.UserRole)]
        return ticked

    @classmethod
    def ask(cls, parent, stops) -> list[str] | None:
        dialog = cls(parent, stops)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class GroupMembersDialog(QDialog):
    """Who is in which group: each confirmed participant with a group chooser; saved as it is changed."""

    def __init__(self, parent, event_id: int):
        super().__init__(parent)
        self.event_id = event_id
        self.changed = False
        self.setWindowTitle(self.tr("Groups"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Category"), self.tr("Organisation"),
                                              self.tr("Group")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        deal = QPushButton(self.tr("&Deal everyone out again"), self)
        deal.clicked.connect(self.deal)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(deal)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(640, 560)
        self.reload()

    def reload(self) -> None:
        info = route.group_info(self.event_id)
        people = route.members(self.event_id)
        self.table.setRowCount(len(people))
        for n, person in enumerate(people):
            for column, text in enumerate((person.name, person.category, person.organisation)):
                self.table.setItem(n, column, QTableWidgetItem(text))
            combo = QComboBox(self.table)
            combo.addItem("—", None)
            for group in range(1, info.count + 1):
                combo.addItem(self.tr("Group {n}").format(n=group), group)
            combo.setCurrentIndex(max(combo.findData(person.group_no), 0))
            combo.currentIndexChanged.connect(
                lambda _i, pid=person.id, box=combo: self._set(pid, box.currentData()))
            self.table.setCellWidget(n, 3, combo)
        self._summarise(info)

    def _summarise(self, info) -> None:
        sizes = "、".join(self.tr("group {n}: {count}").format(n=n, count=c) for n, c in enumerate(info.members, 1))
        text = sizes
        if info.unassigned:
            text += "　" + self.tr("{count} without a group").format(count=info.unassigned)
        self.summary.setText(text)

    def _set(self, invitee_id: int, group: int | None) -> None:
        route.set_member_group([invitee_id], group)
        self.changed = True
        self._summarise(route.group_info(self.event_id))

    def deal(self) -> None:
        try:
            route.assign_groups(self.event_id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Groups"), str(exc))
            return
        self.changed = True
        self.reload()

    @classmethod
    def edit(cls, parent, event_id: int) -> bool:
        dialog = cls(parent, event_id)
        dialog.exec()
        return dialog.changed


class RouteTab(ops.Subscriber, QWidget):
    sig_changed = Signal()
    """The programme, its groups or its actual times changed (saved)."""

    WATCHES = frozenset({"roster", "plan", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._plan: route.RoutePlan | None = None
        self._deleted: list[tuple[int, int, str]] = []  # (item id, index, name) for Ctrl+Z
        self._loading = False
        self.ask_common_stops = CommonStopsDialog.ask  # tests replace the dialogs
        self.edit_members = GroupMembersDialog.edit
        self.report_error = self._report_error
        self.sig_changed.connect(lambda: ops.bus().announce(self._event_id, {"route"}, self))
        self.subscribe()

        self.model = RouteTableModel(self)
        self.model.sig_edited.connect(self._on_edited)
        self.model.sig_moved.connect(self._on_moved)
        self.view = QTableView(self)
        self.view.setObjectName("route_table")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RouteDelegate(self._guide_labels, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_GUIDE, QHeaderView.ResizeMode.Interactive)
        # Long titles, guides' posts and contents are elided (full text in the tooltip and the editor), so the
        # planned and actual times stay in view on a 1366-pixel laptop screen.
        self.view.setColumnWidth(COL_TITLE, 200)
        self.view.setColumnWidth(COL_GUIDE, 150)
        self.view.setColumnWidth(COL_CONTENT, 150)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.add_button = QPushButton(self.tr("&Add"), self)
        add_menu = QMenu(self)
        for kind in rules.KINDS:
            action = add_menu.addAction(core_text(rules.KIND_LABELS[kind]))
            action.triggered.connect(lambda _checked=False, k=kind: self.add_item(k))
        self.add_button.setMenu(add_menu)
        self.common_button = QPushButton(self.tr("&Common stops…"), self)
        self.common_button.clicked.connect(self.add_common_stops)
        self.duplicate_button = QPushButton(self.tr("D&uplicate (Ctrl+D)"), self)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = QPushButton(self.tr("Delete (Del)"), self)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button = QPushButton(self.tr("Up (Ctrl+↑)"), self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down (Ctrl+↓)"), self)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("route_record")
        self.record_button.clicked.connect(self.record_now)
        self.clear_actual_button = QPushButton(self.tr("Clear actual times"), self)
        self.clear_actual_button.clicked.connect(self.clear_actual)
        for keys, slot, text in (
            ("Ctrl+Up", lambda: self.move_current(-1), self.tr("Move the item up")),
            ("Ctrl+Down", lambda: self.move_current(1), self.tr("Move the item down")),
            ("Ctrl+D", self.duplicate_current, self.tr("Duplicate the item")),
            (QKeySequence.StandardKey.Delete, self.delete_current, self.tr("Delete the item")),
            (QKeySequence.StandardKey.Undo, self.undo_delete, self.tr("Bring back the item deleted last")),
            ("Insert", lambda: self.add_item("stop"), self.tr("Add a stop")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(text)
        record = QShortcut(QKeySequence("F9"), self, self.record_now, whatsThis=self.tr("Record the time now"))
        record.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        tools = QHBoxLayout()
        for button in (self.add_button, self.common_button, self.duplicate_button, self.delete_button,
                       self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.record_button)
        tools.addWidget(self.clear_actual_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("route_summary")
        self.summary.setWordWrap(True)
        self.findings = FindingsList(self)
        self.findings.setObjectName("route_findings")
        self.findings.itemActivated.connect(self._on_finding)
        self.findings.itemClicked.connect(self._on_finding)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        side_layout.addWidget(self.findings, 1)
        side_layout.addWidget(self._groups_box())

        top = QSplitter(self)
        top.setChildrenCollapsible(False)
        top.addWidget(self.view)
        top.addWidget(side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setSizes([900, 340])
        self.timeline = RouteTimelineWidget(self)
        self.timeline.setObjectName("route_timeline")
        self.timeline.sig_item_clicked.connect(self.select_item)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.setChildrenCollapsible(False)
        outer.addWidget(top)
        outer.addWidget(scroll)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        outer.setSizes([440, 300])
        self.message = QLabel(self)
        self.message.setObjectName("route_message")
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(outer, 1)
        layout.addWidget(self.message)
        self._update_buttons()

    def _groups_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Groups"), self)
        self.groups_by_count = QRadioButton(self.tr("Number of groups:"), box)
        self.groups_count = QSpinBox(box)
        self.groups_count.setRange(1, route.MAX_GROUPS)
        self.groups_by_size = QRadioButton(self.tr("At most this many per group:"), box)
        self.groups_size = QSpinBox(box)
        self.groups_size.setRange(1, 1000)
        self.groups_size.setValue(DEFAULT_GROUP_SIZE)
        self.groups_size.setSuffix(self.tr(" people"))
        self.groups_offset = QSpinBox(box)
        self.groups_offset.setRange(0, route.MAX_OFFSET)
        self.groups_offset.setSuffix(self.tr(" min"))
        self.groups_offset.setToolTip(self.tr("Each group starts a tour this many minutes after the group before."))
        self.groups_rotate = QCheckBox(self.tr("Each group starts at a different stop"), box)
        self.groups_rotate.setToolTip(self.tr("Group 2 starts at the second stop, group 3 at the third …, and "
                                              "each goes round to the stops before. Meetings and surveys are "
                                              "held with everybody together."))
        self.groups_info = QLabel(box)
        self.groups_info.setObjectName("route_groups_info")
        self.groups_info.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("&Put people into groups"), box)
        self.assign_button.setToolTip(self.tr("Deal the confirmed participants out over the groups, mixing the "
                                              "categories."))
        self.assign_button.clicked.connect(self.assign_groups)
        self.members_button = QPushButton(self.tr("Who is in which group…"), box)
        self.members_button.clicked.connect(self.show_members)
        for widget in (self.groups_by_count, self.groups_by_size, self.groups_rotate):
            widget.toggled.connect(self._save_groups)
        for spin in (self.groups_count, self.groups_size, self.groups_offset):
            spin.valueChanged.connect(self._save_groups)
        form = QFormLayout(box)
        form.addRow(self.groups_by_count, self.groups_count)
        form.addRow(self.groups_by_size, self.groups_size)
        form.addRow(self.tr("Each group starts later by:"), self.groups_offset)
        form.addRow(self.groups_rotate)
        form.addRow(self.groups_info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.members_button)
        form.addRow(buttons)
        self.groups_by_count.setChecked(True)
        return box

    # -- loading -------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self._deleted.clear()
        self.message.clear()
        self.setEnabled(event_id is not None)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload_if_stale()  # the start time, the staff or the roster changed in another tab

    @property
    def plan(self) -> route.RoutePlan | None:
        return self._plan

    def _editing(self) -> bool:
        """A cell editor is open: keys like Delete belong to it, not to the rows."""
        return self.view.state() == QAbstractItemView.State.EditingState

    def current_item(self) -> route.ItemRow | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def current_row(self) -> int:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def reload(self) -> None:
        """Read the programme again (another event, or a change made elsewhere): for a large roster on the
        worker, since counting its groups takes a while; the selection stays on the same item."""
        event_id = self._event_id
        large = event_id is not None and roster.people_count(event_id) >= ops.LOAD_ON_WORKER
        current = self.current_item()
        keep = current.id if current else None
        if large and self._plan is not None and self._plan.event_id != event_id:
            self._show_plan(None, None)  # not another event's programme meanwhile
        self.load(lambda: route.plan(event_id) if event_id is not None else None,
                  lambda plan: self._show_plan(plan, keep), large=large)

    def _reload_now(self, select_id: int | None = None) -> None:
        """Recompute the programme at once (after an edit here, which the next line may build on; a read still
        on the worker is then dropped); the selection stays on the same item (or ``select_id``)."""
        current = self.current_item()
        keep = select_id if select_id is not None else (current.id if current else None)
        event_id = self._event_id
        self.load(lambda: route.plan(event_id) if event_id is not None else None,
                  lambda plan: self._show_plan(plan, keep), large=False)

    def _show_plan(self, plan: route.RoutePlan | None, keep: int | None) -> None:
        self._plan = plan
        self.model.set_plan(self._plan)
        row = self.model.row_of(keep)
        if row >= 0 and row != self.current_row():
            self.select_row(row)
        self.timeline.set_plan(self._plan, keep)
        self._show_findings()
        self._show_groups()
        self._update_buttons()

    def _show_findings(self) -> None:
        self.findings.clear()
        plan = self._plan
        if plan is None:
            self.summary.clear()
            return
        if not plan.items:
            self.summary.setText(self.tr("The programme is empty. Add items with Add, or pick from the common "
                                         "stops."))
            return
        end = plan.end
        parts = [self.tr("{count} items").format(count=len(plan.items))]
        if plan.timing and plan.timing[0].start is not None and end is not None:
            parts.append(self.tr("from {start} to {end}").format(start=rules.clock(plan.timing[0].start),
                                                                 end=rules.clock(end)))
            if plan.day_end is not None:
                spare = plan.day_end - end
                parts.append(self.tr("{minutes} minutes before the end time {limit}").format(
                    minutes=spare, limit=rules.clock(plan.day_end)) if spare >= 0 else
                    self.tr("{minutes} minutes after the end time {limit}").format(
                        minutes=-spare, limit=rules.clock(plan.day_end)))
        self.summary.setText(self.tr("Programme: ") + self.tr(", ").join(parts))
        if not plan.findings:
            ok = QListWidgetItem(self.tr("✔ Nothing to fix: the programme fits."))
            ok.setForeground(QColor("#2e7d32"))
            self.findings.addItem(ok)
        for finding in plan.findings:
            item = QListWidgetItem(finding.text())
            item.setForeground(QColor(SEVERITY_COLOURS.get(finding.severity, "#000000")))
            item.setData(Qt.ItemDataRole.UserRole, finding.items[0] if finding.items else None)
            item.setData(Qt.ItemDataRole.UserRole + 1, finding.code)
            self.findings.addItem(item)
        self.findings.fit_items()

    def _show_groups(self) -> None:
        self._loading = True
        try:
            if self._plan is None:
                self.groups_info.clear()
                return
            info = self._plan.groups
            chosen = info.settings
            self.groups_by_size.setChecked(chosen.size > 0)
            self.groups_by_count.setChecked(chosen.size == 0)
            self.groups_count.setValue(chosen.count if chosen.size == 0 else info.count)
            if chosen.size:
                self.groups_size.setValue(chosen.size)
            self.groups_count.setEnabled(chosen.size == 0)
            self.groups_size.setEnabled(chosen.size > 0)
            self.groups_offset.setValue(chosen.offset)
            self.groups_rotate.setChecked(chosen.rotate)
            for widget in (self.groups_offset, self.groups_rotate, self.members_button):
                widget.setEnabled(info.count > 1)
            who = (self.tr("{people} confirmed") if info.people_confirmed else self.tr("{people} places planned"))
            text = who.format(people=info.people)
            if info.count > 1:
                text += self.tr(", ") + self.tr("{count} groups of up to {size}").format(count=info.count, size=info.per_group)
                if info.people_confirmed:
                    assigned = " / ".join(str(n) for n in info.members)
                    text += self.tr(", ") + self.tr("in the groups: {sizes}").format(sizes=assigned)
                    if info.unassigned:
                        text += self.tr(", ") + self.tr("{count} without a group").format(count=info.unassigned)
            else:
                text += self.tr(", ") + self.tr("one group")
            self.groups_info.setText(text)
            self.assign_button.setEnabled(info.count > 1 and info.people_confirmed)
        finally:
            self._loading = False

    def _update_buttons(self) -> None:
        item = self.current_item()
        for button in (self.duplicate_button, self.delete_button, self.clear_actual_button):
            button.setEnabled(item is not None)
        row = self.current_row()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        name = (item.full_title or core_text(rules.KIND_LABELS.get(item.kind, ""))) if item else ""
        if item is None:
            self.record_button.setText(self.tr("Record start (F9)"))
            self.record_button.setEnabled(False)
        elif item.actual_start is None:
            self.record_button.setText(self.tr("▶ Start “{item}” now (F9)").format(item=name))
            self.record_button.setEnabled(True)
        elif item.actual_end is None:
            self.record_button.setText(self.tr("■ End “{item}” now (F9)").format(item=name))
            self.record_button.setEnabled(True)
        else:
            self.record_button.setText(self.tr("“{item}” recorded {start}–{end}").format(
                item=name, start=f"{item.actual_start:%H:%M}", end=f"{item.actual_end:%H:%M}"))
            self.record_button.setEnabled(False)
        self.clear_actual_button.setEnabled(item is not None and item.actual_start is not None)

    def _on_current_changed(self, current, _previous) -> None:
        item = self.model.item_at(current.row()) if current.isValid() else None
        self.timeline.set_selected(item.id if item else None)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, max(self.view.currentIndex().column(), 0))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def select_item(self, item_id: int) -> None:
        self.select_row(self.model.row_of(item_id))

    def _on_finding(self, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        if item_id is not None:
            self.select_item(item_id)

    def _guide_labels(self) -> list[str]:
        return [g.label for g in route.guide_choices(self._event_id)] if self._event_id is not None else []

    # -- editing ---------------------------------------------------------------------------------------------

    def _report_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        window = self.window()
        if window is not self and hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def _changed(self, select_id: int | None = None) -> None:
        self._reload_now(select_id)
        self.sig_changed.emit()

    def _on_edited(self, item_id: int, field: str, value) -> None:
        try:
            route.update_item(item_id, **{field: value})
        except UserError as exc:
            self._reload_now()
            self.report_error(str(exc))
            return
        self._changed(item_id)

    def _on_moved(self, item_id: int, index: int) -> None:
        """The model has moved the row already; the service makes it so, then the times follow."""
        route.move_item(item_id, index)
        self._changed(item_id)

    def add_item(self, kind: str = "stop") -> route.ItemRow | None:
        if self._event_id is None:
            return None
        title, minutes = rules.NEW_ITEM.get(kind, ("", 10))
        row = self.current_row()
        extra = {"transfer_mode": "步行"} if kind == "transfer" else {}
        item = route.add_item(self._event_id, at=row + 1 if row >= 0 else None, kind=kind, title=title,
                              duration_min=minutes, **extra)
        self._changed(item.id)
        index = self.model.index(self.model.row_of(item.id), COL_TITLE)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        return item

    def add_common_stops(self) -> None:
        if self._event_id is None:
            return
        keys = self.ask_common_stops(self, route.common_stops())
        if not keys:
            return
        row = self.current_row()
        added = route.add_common_stops(self._event_id, keys, at=row + 1 if row >= 0 else None)
        self._changed(added[0].id if added else None)
        self._say(self.tr("{count} items added.").format(count=len(added)))

    def duplicate_current(self) -> None:
        item = self.current_item()
        if item is None or self._editing():
            return
        copy = route.duplicate_item(item.id)
        self._changed(copy.id)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None or self._editing():
            return
        row = self.current_row()
        index = route.delete_item(item.id)
        name = item.full_title or core_text(rules.KIND_LABELS.get(item.kind, item.kind))
        self._deleted.append((item.id, index, name))
        self._changed()
        self.select_row(min(row, self.model.rowCount() - 1))
        self._say(self.tr("“{item}” deleted. Ctrl+Z brings it back.").format(item=name))

    def undo_delete(self) -> None:
        if not self._deleted or self._editing():
            return
        item_id, index, name = self._deleted.pop()
        route.restore_item(item_id, index)
        self._changed(item_id)
        self._say(self.tr("“{item}” is back.").format(item=name))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and not self._editing():
            self.model.move_by(row, delta)  # the model tells _on_moved

    # -- groups ------------------------------------------------------------------------------------------------

    def _save_groups(self, *_args) -> None:
        if self._loading or self._event_id is None:
            return
        by_size = self.groups_by_size.isChecked()
        chosen = route.GroupSettings(count=self.groups_count.value() if not by_size else 1,
                                     size=self.groups_size.value() if by_size else 0,
                                     offset=self.groups_offset.value(), rotate=self.groups_rotate.isChecked())
        try:
            route.set_group_settings(self._event_id, chosen)
        except UserError as exc:
            self.report_error(str(exc))
        self._changed()

    def assign_groups(self) -> None:
        if self._event_id is None:
            return
        try:
            sizes = route.assign_groups(self._event_id)
        except UserError as exc:
            self.report_error(str(exc))
            return
        self._changed()
        self._say(self.tr("People put into {count} groups ({sizes}).").format(
            count=len(sizes), sizes=" / ".join(str(n) for n in sizes)))

    def show_members(self) -> None:
        if self._event_id is not None and self.edit_members(self, self._event_id):
            self._changed()

    # -- on the day --------------------------------------------------------------------------------------------

    def record_now(self) -> None:
        """F9: start the selected item (ending the one still running), or end it and go on to the next."""
        item = self.current_item()
        if item is None:
            return
        try:
            if item.actual_start is None:
                done = route.start_item(item.id)
                self._changed(item.id)
                self._say(self.tr("“{item}” started at {time}.").format(item=done.full_title,
                                                                        time=f"{done.actual_start:%H:%M}"))
            elif item.actual_end is None:
                done = route.end_item(item.id)
                row = self.model.row_of(item.id)
                self._changed(item.id)
                self.select_row(row + 1)
                self._say(self.tr("“{item}” ended at {time}.").format(item=done.full_title,
                                                                      time=f"{done.actual_end:%H:%M}"))
        except UserError as exc:
            self.report_error(str(exc))

    def clear_actual(self) -> None:
        item = self.current_item()
        if item is None or item.actual_start is None:
            return
        route.clear_actual(item.id)
        self._changed(item.id)
