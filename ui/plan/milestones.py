"""Milestones: every deadline of the Open Day with its state, marked done with a date, as a list and a small
timeline; and the editable list of holiday adjustments the working-day deadlines use."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import milestones
from desktop_app.services import plan

from ..i18n import core_text
from ..widgets.fields import date_edit, from_qdate, shown_date

STATE_COLOURS = {
    "done": "#2e7d32",
    "overdue": "#c62828",
    "due_today": "#ef6c00",
    "due_soon": "#f9a825",
    "upcoming": "#1565c0",
    "undated": "#9e9e9e",
}


def state_text(m) -> str:
    if m.state == "done":
        return core_text(milestones.STATE_LABELS["done"], date=shown_date(m.done_on))
    if m.state == "overdue":
        return core_text(milestones.STATE_LABELS["overdue"], days=-(m.days_left or 0))
    if m.state in ("due_soon", "upcoming"):
        return core_text(milestones.STATE_LABELS["due_soon"], days=m.days_left)
    return core_text(milestones.STATE_LABELS[m.state])


class TimelineWidget(QWidget):
    """A horizontal line of the milestones by date, coloured by state, with today marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list = []
        self._today = dt.date.today()
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, 180)

    def set_milestones(self, items: list, today: dt.date) -> None:
        self._items = [m for m in items if m.due or m.planned]
        self._today = today
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._items:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dates yet."))
            return
        days = [m.planned or m.due for m in self._items] + [self._today]
        first, last = min(days), max(days)
        span = max((last - first).days, 1)
        margin = 60
        width = max(self.width() - 2 * margin, 10)
        mid = self.height() / 2

        def x_of(day: dt.date) -> float:
            return margin + width * (day - first).days / span

        painter.setPen(QPen(QColor("#90a4ae"), 2))
        painter.drawLine(QPointF(margin, mid), QPointF(margin + width, mid))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        today_x = x_of(self._today)
        painter.setPen(QPen(QColor("#616161"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(today_x, 8), QPointF(today_x, self.height() - 8))
        painter.drawText(QPointF(today_x + 3, 14), self.tr("Today"))
        # Labels go into lanes above and below the line, each into the nearest lane where it overlaps nothing.
        lanes: dict[int, list[tuple[float, float]]] = {}
        order = (-1, 1, -2, 2, -3, 3)
        for m in sorted(self._items, key=lambda item: item.planned or item.due):
            day = m.planned or m.due
            x = x_of(day)
            colour = QColor(STATE_COLOURS.get(m.state, "#9e9e9e"))
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, mid), 6, 6)
            label = f"{core_text(m.label)} {day.month}/{day.day}"
            text_width = metrics.horizontalAdvance(label) + 6
            left = min(max(x - text_width / 2, 2), self.width() - text_width - 2)
            lane = next((n for n in order if all(left + text_width <= a or left >= b for a, b in lanes.get(n, []))),
                        order[-1])
            lanes.setdefault(lane, []).append((left, left + text_width))
            step = metrics.height() + 2
            top = mid - 12 - abs(lane) * step if lane < 0 else mid + 12 + (lane - 1) * step
            painter.setPen(QPen(QColor("#b0bec5"), 1))
            painter.drawLine(QPointF(x, mid), QPointF(x, top + (step if lane < 0 else 0)))
            painter.setPen(QColor("#263238"))
            painter.fillRect(QRectF(left, top, text_width, metrics.height()), QColor("white"))
            painter.drawText(QRectF(left, top, text_width, metrics.height()), Qt.AlignmentFlag.AlignCenter, label)


class DoneDialog(QDialog):
    def __init__(self, parent, label: str, day: dt.date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as done"))
        self.date = date_edit(self, day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(label, self))
        form.addRow(self.tr("Done on:"), self.date)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent, label: str, day: dt.date) -> dt.date | None:
        dialog = cls(parent, label, day)
        return from_qdate(dialog.date.date()) if dialog.exec() == QDialog.DialogCode.Accepted else None


class MilestonesPage(QWidget):
    sig_changed = Signal()
    """A milestone was marked done or undone, or the holiday list changed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._items: list = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("milestones")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Milestone"), self.tr("Due"), self.tr("Planned"), self.tr("State")])
        self.tree.itemDoubleClicked.connect(lambda *_: self.mark_done())
        self.timeline = TimelineWidget(self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        self.done_button = QPushButton(self.tr("Mark &done…"), self)
        self.undo_button = QPushButton(self.tr("Not done"), self)
        self.done_button.clicked.connect(self.mark_done)
        self.undo_button.clicked.connect(self.mark_not_done)

        self.overrides = QListWidget(self)
        self.overrides.setMaximumHeight(110)
        self.override_date = date_edit(self, dt.date.today())
        self.override_workday = QCheckBox(self.tr("working day"), self)
        add = QPushButton(self.tr("Add"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self.add_override)
        remove.clicked.connect(self.remove_override)
        holidays = QGroupBox(self.tr("Holiday adjustments (used when deadlines count working days)"), self)
        box = QVBoxLayout(holidays)
        box.addWidget(self.overrides)
        row = QHBoxLayout()
        for widget in (self.override_date, self.override_workday, add, remove):
            row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)

        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timeline)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.warning)
        layout.addWidget(holidays)

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        today = dt.date.today()
        self._items = [] if self._event_id is None else milestones.compute(
            plan.snapshot(self._event_id), done=plan.milestones_done(self._event_id),
            overrides=plan.holiday_overrides(), today=today)
        current = self.tree.currentIndex().row()
        self.tree.clear()
        for m in self._items:
            item = QTreeWidgetItem([core_text(m.label), shown_date(m.due) if m.due else "—",
                                    shown_date(m.planned) if m.planned else "", state_text(m)])
            item.setForeground(3, QColor(STATE_COLOURS.get(m.state, "#000000")))
            item.setData(0, Qt.ItemDataRole.UserRole, m.code)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        if 0 <= current < self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(current))
        self.timeline.set_milestones(self._items, today)
        beyond = any(m.beyond_data for m in self._items)
        self.warning.setVisible(beyond)
        if beyond:
            self.warning.setText(self.tr("Some working-day deadlines fall in a year the holiday calendar does not "
                                         "cover yet; they count Monday–Friday only. Add that year's holidays below, "
                                         "or update the app."))
        self.overrides.clear()
        for day, workday in sorted(plan.holiday_overrides().items()):
            text = self.tr("{date}: working day") if workday else self.tr("{date}: holiday")
            item = QListWidgetItem(text.format(date=shown_date(day)))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.overrides.addItem(item)

    def _current(self):
        index = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return self._items[index] if 0 <= index < len(self._items) else None

    def mark_done(self) -> None:
        m = self._current()
        if m is None or self._event_id is None:
            return
        day = DoneDialog.ask(self, core_text(m.label), dt.date.today())
        if day is not None:
            plan.mark_milestone(self._event_id, m.code, day)
            self.refresh()
            self.sig_changed.emit()

    def mark_not_done(self) -> None:
        m = self._current()
        if m is not None and self._event_id is not None and m.done_on:
            plan.mark_milestone(self._event_id, m.code, None)
            self.refresh()
            self.sig_changed.emit()

    def add_override(self) -> None:
        overrides = plan.holiday_overrides()
        overrides[from_qdate(self.override_date.date())] = self.override_workday.isChecked()
        plan.set_holiday_overrides(overrides)
        self.refresh()
        self.sig_changed.emit()

    def remove_override(self) -> None:
        item = self.overrides.currentItem()
        if item is None:
            return
        overrides = plan.holiday_overrides()
        overrides.pop(dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole)), None)
        plan.set_holiday_overrides(overrides)
        self.refresh()
        self.sig_changed.emit()
