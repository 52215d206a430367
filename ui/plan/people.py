"""The plan's people: invitee composition (categories and quotas, live total and 群众代表 share), and the
organisation — staff kept once per event, the leading group and the duties, which pick people from the staff."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.plan import ROLES, Thresholds
from desktop_app.errors import UserError
from desktop_app.services import plan, rows

from .. import ops
from ..widgets.row_table import Column, RowTable


class _RowsPage(QWidget):
    """Wires RowTables to ``rows`` service calls for one event, each change through ``ops.run_op``: a refusal
    is shown in the status bar (an inline edit should not raise a dialog) and the table re-read; a change is
    announced once for ``AREAS``."""

    AREAS: frozenset[str] = frozenset({"plan"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._tables: list[tuple[RowTable, rows.TableSpec, dict]] = []

    def _bind(self, table: RowTable, spec: rows.TableSpec, defaults: dict) -> None:
        self._tables.append((table, spec, defaults))
        table.sig_add.connect(lambda: self._add(table, spec, defaults))
        table.sig_remove.connect(lambda row_id: self._apply(lambda: rows.delete_row(spec, row_id)))
        table.sig_move.connect(lambda row_id, index: self._apply(lambda: rows.move_row(spec, row_id, index),
                                                                 table, row_id))
        table.model.sig_edited.connect(lambda row_id, field, value: self._apply(
            lambda: rows.update_row(spec, row_id, **{field: value}), table, row_id))

    def _add(self, table: RowTable, spec: rows.TableSpec, defaults: dict) -> None:
        if self._event_id is None:
            return

        def added(_row) -> None:
            self.reload()
            table.edit_last_row()

        event_id = self._event_id
        ops.run_op(self, lambda: rows.add_row(spec, event_id, **defaults), added, event_id=event_id,
                   areas=self.AREAS, on_refused=self._refused)

    def _apply(self, call, table: RowTable | None = None, select_id: int | None = None) -> None:
        def refused(exc: UserError) -> None:
            self._refused(exc)
            self.reload(table, select_id)  # the edit that was refused is undone on screen

        ops.run_op(self, call, lambda _result: self.reload(table, select_id), event_id=self._event_id,
                   areas=self.AREAS, on_refused=refused)

    def _refused(self, exc: UserError) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(str(exc), 8000)

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.reload()

    def reload(self, table: RowTable | None = None, select_id: int | None = None) -> None:
        for each, spec, _defaults in self._tables:
            each.set_rows(rows.list_rows(spec, self._event_id) if self._event_id is not None else [],
                          select_id if each is table else None)
        self.refreshed()

    def refreshed(self) -> None:
        """After a reload: subclasses update their summaries."""


class CategoriesPage(_RowsPage):
    AREAS = frozenset({"plan", "roster"})  # the roster's quota bars and the check-in counts show the categories

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = RowTable([
            Column("name", self.tr("Category"), stretch=True),
            Column("quota", self.tr("Places"), kind="int"),
            Column("public", self.tr("Counts as 群众代表"), kind="bool"),
        ], self)
        self.table.setObjectName("categories")
        self._bind(self.table, plan.CATEGORIES, {"name": self.tr("New category"), "quota": 0, "public": False})
        self.summary = QLabel(self)
        self.summary.setObjectName("composition_summary")
        self.summary.setWordWrap(True)
        intro = QLabel(self.tr("Who is invited, and how many of each. The roster fills these categories."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def refreshed(self) -> None:
        categories = self.table.model.rows()
        total = sum(c.quota for c in categories)
        public = sum(c.quota for c in categories if c.public)
        thresholds = plan.get_plan(self._event_id).thresholds if self._event_id is not None else Thresholds()
        share = public / total if total else 0
        ok_total = total >= thresholds.min_invitees
        ok_share = total > 0 and share >= thresholds.public_share - 1e-9
        colour = "#1b5e20" if ok_total and ok_share else "#b3261e"
        self.summary.setText(
            self.tr("<span style='color:{colour}'>Total <b>{total}</b> (at least {minimum}); public representatives "
                    "<b>{public}</b> = {share:.0%} (at least {needed:.0%}).</span>").format(
                colour=colour, total=total, minimum=thresholds.min_invitees, public=public, share=share,
                needed=thresholds.public_share))


class OrganisationPage(_RowsPage):
    AREAS = frozenset({"plan", "route"})  # the route picks its guides from the staff

    def __init__(self, parent=None):
        super().__init__(parent)
        staff_choices = self._staff_choices
        self.staff = RowTable([
            Column("name", self.tr("Name")),
            Column("title", self.tr("Post"), stretch=True),
        ], self, movable=False, add_text=self.tr("Add &staff"))
        self.staff.setObjectName("staff")
        self.group = RowTable([
            Column("role", self.tr("Role"), kind="choice", choices=lambda: [(r, r) for r in ROLES]),
            Column("staff_id", self.tr("Person"), kind="choice", choices=staff_choices,
                   display=lambda row: row.name),
            Column("title", self.tr("Post"), editable=False, stretch=True),
        ], self, add_text=self.tr("Add to the &group"))
        self.group.setObjectName("leading_group")
        self.duties = RowTable([
            Column("task", self.tr("Task"), stretch=True),
            Column("leader_id", self.tr("Responsible leader"), kind="choice", choices=staff_choices,
                   display=lambda row: row.leader),
            Column("responsible", self.tr("Responsible staff")),
        ], self, add_text=self.tr("Add a d&uty"))
        self.duties.setObjectName("duties")
        self._bind(self.staff, plan.STAFF, {"name": self.tr("New person"), "title": "", "department": ""})
        self._bind(self.group, plan.LEADING_GROUP, {"role": "成员"})
        self._bind(self.duties, plan.DUTIES, {"task": self.tr("New task"), "responsible": ""})

        boxes = []
        for title, table, hint in (
            (self.tr("Staff of this event"), self.staff,
             self.tr("Everyone who leads, guides or works on the day; picked from here everywhere else.")),
            (self.tr("Leading group (领导小组)"), self.group,
             self.tr("The 办公室主任 row names who heads the group's office.")),
            (self.tr("Duties (人员分工)"), self.duties, ""),
        ):
            box = QGroupBox(title, self)
            column = QVBoxLayout(box)
            if hint:
                label = QLabel(hint, box)
                label.setWordWrap(True)
                column.addWidget(label)
            column.addWidget(table)
            boxes.append(box)
        # Staff on the left; the leading group above the duties on the right, so long posts and tasks fit.
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setChildrenCollapsible(False)
        right.addWidget(boxes[1])
        right.addWidget(boxes[2])
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(boxes[0])
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _staff_choices(self) -> list[tuple[str, int | None]]:
        people = rows.list_rows(plan.STAFF, self._event_id) if self._event_id is not None else []
        return [("—", None)] + [(f"{p.name}（{p.title}）" if p.title else p.name, p.id) for p in people]
