"""The 归档 dashboard's attendance chart: per category, quota (outline), confirmed and arrived (bars), drawn with
QPainter so it needs no chart library."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.summary import SummaryFacts
from desktop_app.services.summary import SLOT_MINUTES

CONFIRMED = QColor("#90caf9")
ARRIVED = QColor("#1565c0")
QUOTA = QColor("#424242")


class AttendanceChart(QWidget):
    """Horizontal bars, one row per category: the light bar is confirmed, the dark one arrived, the frame the
    quota; numbers at the right."""

    ROW = 34

    def __init__(self, parent=None):
        super().__init__(parent)
        self._facts: SummaryFacts | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_facts(self, facts: SummaryFacts | None) -> None:
        self._facts = facts
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = len(self._facts.categories) if self._facts else 1
        return QSize(360, 44 + self.ROW * max(rows, 1))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        if not self._facts or not self._facts.categories:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No categories yet"))
            return
        cats = self._facts.categories
        label_w = min(max(metrics.horizontalAdvance(c.name) for c in cats) + 12, self.width() // 3)
        numbers_w = metrics.horizontalAdvance("000 / 000 / 000") + 12
        bar_w = max(self.width() - label_w - numbers_w - 8, 40)
        top = max(max(c.quota, c.confirmed, c.arrived) for c in cats) or 1
        for row, c in enumerate(cats):
            y = 4 + row * self.ROW
            painter.setPen(self.palette().text().color())
            name = metrics.elidedText(c.name, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(0, y, label_w - 8, self.ROW - 8),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            scale = bar_w / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CONFIRMED)
            painter.drawRect(QRectF(label_w, y + 4, c.confirmed * scale, self.ROW - 16))
            painter.setBrush(ARRIVED)
            painter.drawRect(QRectF(label_w, y + 8, c.arrived * scale, self.ROW - 24))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QUOTA, 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(label_w, y + 2, c.quota * scale, self.ROW - 12))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(label_w + bar_w + 8, y, numbers_w, self.ROW - 8),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{c.arrived} / {c.confirmed} / {c.quota}")
        legend_y = 4 + len(cats) * self.ROW
        painter.drawText(QRectF(0, legend_y, self.width(), 40),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self.tr("Dark: arrived · light: confirmed · dashed frame: quota (numbers: arrived / "
                                 "confirmed / quota)"))


class ArrivalsChart(QWidget):
    """Arrivals over time: one bar per 10 minutes, from the first arrival to the last, with the clock under it."""

    HEIGHT = 120

    def __init__(self, parent=None):
        super().__init__(parent)
        self._slots: tuple[tuple[int, int], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.HEIGHT)

    def set_slots(self, slots: tuple[tuple[int, int], ...]) -> None:
        self._slots = tuple(slots)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, self.HEIGHT)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        painter.setPen(text)
        if not self._slots:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No one has checked in yet"))
            return
        counts = dict(self._slots)
        first, last = self._slots[0][0], self._slots[-1][0]
        step = SLOT_MINUTES
        columns = list(range(first, last + step, step))
        metrics = painter.fontMetrics()
        label_h = metrics.height() + 4
        top_pad = metrics.height() + 2
        chart_h = self.height() - label_h - top_pad
        width = self.width() / len(columns)
        peak = max(counts.values())
        for n, minute in enumerate(columns):
            count = counts.get(minute, 0)
            x = n * width
            h = chart_h * count / peak
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ARRIVED)
            painter.drawRect(QRectF(x + 2, top_pad + chart_h - h, max(width - 4, 1), h))
            painter.setPen(text)
            if count:
                painter.drawText(QRectF(x, top_pad + chart_h - h - metrics.height(), width, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
            label = f"{minute // 60}:{minute % 60:02d}"
            if metrics.horizontalAdvance(label) + 4 <= width or n % max(1, round(len(columns) / 6)) == 0:
                painter.drawText(QRectF(x, self.height() - label_h, max(width, metrics.horizontalAdvance(label)),
                                        label_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
