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
        return QSize(600, max(180, self.minimumHeight()))

    def set_milestones(self, items: list, today: dt.date) -> None:
        self._items = [m for m in items if m.due or m.planned]
        self._today = today
        self._fit_height()
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    # -- layout: where each label goes, shared by painting and the tests ----------------------------------------------

    MARGIN = 60
    GAP = 12  # between the line and the nearest lane of labels

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        return font

    def _step(self, metrics: QFontMetrics) -> int:
        # Room for a mixed label: a Chinese word in it may come from a taller fallback font.
        return max(metrics.height(), metrics.boundingRect("报备Ag").height()) + 4

    def _span(self) -> tuple[dt.date, int]:
        days = [m.planned or m.due for m in self._items] + [self._today]
        first = min(days)
        return first, max((max(days) - first).days, 1)

    def x_of(self, day: dt.date) -> float:
        first, span = self._span()
        width = max(self.width() - 2 * self.MARGIN, 10)
        return self.MARGIN + width * (day - first).days / span

    def _lanes(self) -> list[tuple[object, str, float, float, float, int]]:
        """(milestone, label, x of its dot, left, width, lane) for each milestone: each label in the nearest lane
        above (-1, -2, …) or below (1, 2, …) the line where it overlaps no other label; as many lanes as needed."""
        metrics = QFontMetrics(self._font())
        taken: dict[int, list[tuple[float, float]]] = {}
        placed = []
        for m in sorted(self._items, key=lambda item: item.planned or item.due):
            day = m.planned or m.due
            x = self.x_of(day)
            label = f"{core_text(m.label)} {day.month}/{day.day}"
            text_width = metrics.horizontalAdvance(label) + 6
            left = min(max(x - text_width / 2, 2), self.width() - text_width - 2)
            lane = 1
            for n in (k for i in range(1, len(self._items) + 2) for k in (-i, i)):
                if all(left + text_width + 4 <= a or left >= b + 4 for a, b in taken.get(n, [])):
                    lane = n
                    break
            taken.setdefault(lane, []).append((left, left + text_width))
            placed.append((m, label, x, left, text_width, lane))
        return placed

    def _fit_height(self) -> None:
        """Tall enough for every lane of labels, with “Today” above them."""
        metrics = QFontMetrics(self._font())
        lanes = [p[5] for p in self._lanes()] or [0]
        reach = max(abs(n) for n in lanes)
        needed = 2 * (self.GAP + reach * self._step(metrics)) + 2 * metrics.height() + 16
        if max(170, needed) != self.minimumHeight():
            self.setMinimumHeight(max(170, needed))
            self.updateGeometry()

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """Each milestone's label and where it is drawn."""
        metrics = QFontMetrics(self._font())
        step, mid = self._step(metrics), self.height() / 2
        rects = []
        for _m, label, _x, left, text_width, lane in self._lanes():
            top = mid - self.GAP - abs(lane) * step if lane < 0 else mid + self.GAP + (lane - 1) * step
            rects.append((label, QRectF(left, top, text_width, step - 2)))
        return rects

    def today_rect(self) -> QRectF:
        metrics = QFontMetrics(self._font())
        return QRectF(self.x_of(self._today) + 3, 2, metrics.horizontalAdvance(self.tr("Today")) + 2,
                      metrics.height())

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._items:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dates yet."))
            return
        mid = self.height() / 2
        painter.setPen(QPen(QColor("#90a4ae"), 2))
        painter.drawLine(QPointF(self.MARGIN, mid), QPointF(self.width() - self.MARGIN, mid))
        painter.setFont(self._font())
        today_x = self.x_of(self._today)
        painter.setPen(QPen(QColor("#616161"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(today_x, 8), QPointF(today_x, self.height() - 8))
        painter.drawText(self.today_rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.tr("Today"))
        placed = self._lanes()
        rects = self.label_rects()
        # Leader lines and dots first, then every label over them, so no line runs through a text.
        for (_m, _label, x, _left, _w, lane), (_text, rect) in zip(placed, rects, strict=True):
            painter.setPen(QPen(QColor("#b0bec5"), 1))
            painter.drawLine(QPointF(x, mid), QPointF(x, rect.bottom() if lane < 0 else rect.top()))
        for m, _label, x, _left, _w, _lane in placed:
            colour = QColor(STATE_COLOURS.get(m.state, "#9e9e9e"))
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, mid), 6, 6)
        painter.setPen(QColor("#263238"))
        for label, rect in rects:
            painter.fillRect(rect, QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


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
        self.tree.setUniformRowHeights(True)  # English rows with and without a Chinese word were of two heights
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
