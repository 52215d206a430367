"""The 路线 tab's timeline: the day as horizontal blocks, one lane per group, coloured by kind, with times and
places. Drawn by the same ``layout_timeline`` / ``paint_timeline`` that make the documents' PNG, so the screen and
the printed picture agree; a click on a block selects its item."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.documents import route_docs
from desktop_app.documents.route_docs import TimelineLayout, TimelineSpec
from desktop_app.domain import route as rules
from desktop_app.services.route import RoutePlan

from ..i18n import core_text


class RouteTimelineWidget(QWidget):
    sig_item_clicked = Signal(int)
    """The block of the item with this id was clicked."""

    MIN_WIDTH = 480

    def __init__(self, parent=None):
        super().__init__(parent)
        self._spec = TimelineSpec(())
        self._layout: TimelineLayout | None = None
        self._selected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.MIN_WIDTH)
        self.setMouseTracking(False)

    def spec_for(self, plan: RoutePlan | None) -> TimelineSpec:
        """The plan's lanes with this language's words."""
        if plan is None:
            return TimelineSpec((), empty_text=self.tr("No timed items yet"))
        names = (self.tr("All"),) if len(plan.lanes) <= 1 else tuple(
            self.tr("Group {n}").format(n=lane.group) for lane in plan.lanes)
        kinds = {kind: core_text(label) for kind, label in rules.KIND_LABELS.items()}
        return TimelineSpec(plan.lanes, plan.day_start, plan.day_end, names, kinds, start_label=self.tr("Start"),
                            end_label=self.tr("End"), pinned_label=self.tr("Fixed time"),
                            empty_text=self.tr("No timed items yet"))

    def set_plan(self, plan: RoutePlan | None, selected: int | None = None) -> None:
        self._spec = self.spec_for(plan)
        self._selected = selected
        self._relayout()

    def set_selected(self, item_id: int | None) -> None:
        if item_id != self._selected:
            self._selected = item_id
            self.update()

    @property
    def spec(self) -> TimelineSpec:
        return self._spec

    def layout_now(self) -> TimelineLayout:
        if self._layout is None or abs(self._layout.width - self.width()) > 0.5:
            self._layout = route_docs.layout_timeline(self._spec, max(self.width(), self.MIN_WIDTH))
        return self._layout

    def _relayout(self) -> None:
        self._layout = None
        height = self.layout_now().height
        if self.minimumHeight() != height:
            self.setMinimumHeight(int(height))
            self.setMaximumHeight(int(height))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, int(self.layout_now().height))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        route_docs.paint_timeline(painter, self.layout_now(), selected=self._selected)
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        placed = self.layout_now().bar_at(event.position().x(), event.position().y())
        if placed is not None:
            self.sig_item_clicked.emit(placed.bar.step_id)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            placed = self.layout_now().bar_at(event.pos().x(), event.pos().y())
            if placed is None:
                QToolTip.hideText()
                event.ignore()
                return True
            bar = placed.bar
            lines = [bar.title, rules.span(bar.start, bar.end)]
            if bar.place:
                lines.append(bar.place)
            if len(self._spec.lanes) > 1:
                lines.append(self.tr("Group {n}").format(n=self._spec.lanes[placed.lane].group))
            QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            return True
        return super().event(event)
