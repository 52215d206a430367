"""What the coordinator sees beside the plan while typing: the rule check's findings and the document as it
will print, both from one snapshot and the same document model as the Word file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.services import plan

from .. import ops
from ..i18n import core_text

REFRESH_DELAY_MS = 300
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
OVERDUE_COLOUR = "#b71c1c"


class FitPreview(QTextBrowser):
    """The print preview, its A4 sheet scaled to the panel's width (re-laid out when the panel is resized)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._document = None
        self._fonts = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._render)

    def show_document(self, document, fonts) -> None:
        self._document, self._fonts = document, fonts
        self._render()

    def _scale(self) -> float:
        from desktop_app.documents.preview import PAGE_PX

        available = self.viewport().width() - 24
        return min(max(available / PAGE_PX, 0.3), 1.25)

    def _render(self) -> None:
        if self._document is None:
            self.clear()
            return
        from desktop_app.documents.preview import html_preview

        scroll = self.verticalScrollBar().value()
        self.setHtml(html_preview(self._document, self._fonts, scale=self._scale()))
        self.verticalScrollBar().setValue(scroll)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._document is not None:
            self._render()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._document is not None:
            self._timer.start()


PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # (page, field, row) of the finding


class ReviewPanel(ops.Subscriber, QTabWidget):
    sig_checked = Signal(int)
    """The check ran; the number of errors."""
    sig_go = Signal(str, str, object)
    """A finding was opened (double-click or Enter): go to its page, field and row (or None)."""

    WATCHES = frozenset({"roster", "checkin", "route", "feedback", "plan", "settings", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        checks = QWidget(self)
        self.summary = QLabel(checks)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.findings = QListWidget(checks)
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        # A long finding wraps onto more lines instead of ending in "…"; the rows follow the list's width and
        # are as tall as their text in their own font (a bold overdue line wraps more than a plain one).
        self.findings.setItemDelegate(WrappedItems(self.findings))
        self.findings.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.findings.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.setAlternatingRowColors(True)
        self.findings.itemActivated.connect(self._open)
        self.place_name = lambda page: ""  # set by the plan tab, which names its pages and the window's tabs
        layout = QVBoxLayout(checks)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings, 1)

        # The preview's text browser is made when its tab is first brought to the front: the first QTextBrowser of
        # the process costs several milliseconds, and the window starts on the check.
        self.preview_page = QWidget(self)
        self._preview_layout = QVBoxLayout(self.preview_page)
        self._preview_layout.setContentsMargins(0, 0, 0, 0)
        self._preview: FitPreview | None = None
        self.addTab(checks, self.tr("Check"))
        self.addTab(self.preview_page, self.tr("Preview"))
        self._preview_stale = True  # the plan's preview is laid out only when its tab is in front
        self.currentChanged.connect(lambda _index: self._show_preview_if_stale())
        self.subscribe()

    @property
    def preview(self) -> FitPreview:
        """The print preview (made on first use)."""
        if self._preview is None:
            self._preview = FitPreview(self.preview_page)
            self._preview.setObjectName("plan_preview")
            self._preview.setOpenLinks(False)
            self._preview_layout.addWidget(self._preview)
        return self._preview

    def set_event(self, event_id: int | None, *, now: bool = True) -> None:
        """Show ``event_id``'s check and preview; with ``now`` False, right after the window has drawn."""
        self._event_id = event_id
        if now:
            self.refresh()
        else:
            self._timer.start(0)

    def stop(self) -> None:
        """Forget the event (the window is closing, or its database is)."""
        self._timer.stop()
        self._event_id = None

    def apply_change(self, areas: frozenset[str]) -> None:
        self.schedule()

    def reload(self) -> None:
        self.schedule()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload_if_stale()  # a change made while another tab was in front: checked once, now

    def schedule(self) -> None:
        """Refresh soon (edits come in bursts while typing)."""
        self._timer.start(REFRESH_DELAY_MS)

    def refresh(self) -> None:
        self._timer.stop()
        self.findings.clear()
        if self._event_id is None:
            if self._preview is not None:
                self._preview.show_document(None, None)
            self.summary.clear()
            return
        # Loaded with the first check, after the window is up, not when the app starts.
        from desktop_app.domain import rules
        from desktop_app.services import checks

        snapshot = plan.snapshot(self._event_id)
        found = checks.run_checks(self._event_id, today=dt.date.today(), snapshot=snapshot)
        errors = rules.error_count(found)
        today = dt.date.today()
        for finding in found:
            self.findings.addItem(self._item(finding, today))
        if not found:
            self.summary.setText(self.tr("<b style='color:#2e7d32'>Nothing missing: the plan can be filed.</b>"))
        else:
            self.summary.setText(self.tr("{errors} to fix before filing, {others} to look at.").format(
                errors=errors, others=len(found) - errors))
        self.setTabText(0, self.tr("Check ({n})").format(n=errors) if errors else self.tr("Check"))
        self._preview_stale = True
        self._show_preview_if_stale(snapshot)
        self.sig_checked.emit(errors)

    def _show_preview_if_stale(self, snapshot=None) -> None:
        """Lay the plan out in the preview if that tab is in front and the plan changed since it was drawn."""
        if not self._preview_stale or self.currentWidget() is not self.preview_page or self._event_id is None:
            return
        from desktop_app.documents.plan import build_plan

        snapshot = snapshot or plan.snapshot(self._event_id)
        self.preview.show_document(build_plan(snapshot, today=dt.date.today()), plan.doc_fonts())
        self._preview_stale = False

    def _item(self, finding, today: dt.date) -> QListWidgetItem:
        """The finding as a line: its severity, a deadline already past as overdue by so many days (in red,
        bold), the message, and where it is fixed (“→ Plan › Registration and details”)."""
        from desktop_app.domain import milestones

        labels = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}
        text = labels.get(finding.severity, finding.severity) + i18n.punct("：")
        colour = SEVERITY_COLOURS.get(finding.severity, "#000000")
        overdue = finding.due is not None and finding.due < today
        if overdue:
            late = core_text(milestones.STATE_LABELS["overdue"], days=(today - finding.due).days)
            text += late[:1].upper() + late[1:] + i18n.punct("，")
            colour = OVERDUE_COLOUR
        text += finding.text()
        places = [self.place_name(p) for p in (finding.page, *finding.also) if p]
        place = i18n.punct("、").join(dict.fromkeys(p for p in places if p))
        if place:
            text += "\n→ " + place
        item = QListWidgetItem(text)
        item.setForeground(QColor(colour))
        if overdue:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        item.setData(Qt.ItemDataRole.UserRole, finding.rule)
        item.setData(PAGE_ROLE, (finding.page, finding.field, finding.row))
        item.setToolTip(self.tr("Double-click or press Enter to go there") if place else finding.rule)
        return item

    def _open(self, item: QListWidgetItem) -> None:
        page, field, row = item.data(PAGE_ROLE) or ("", "", None)
        if page:
            self.sig_go.emit(page, field, row)


class WrappedItems(QStyledItemDelegate):
    """Each finding as tall as its wrapped text at the list's current width, in the item's own font."""

    MARGIN = 6

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        view = self.parent()
        width = max(view.viewport().width() - 2 * self.MARGIN - 8, 80)  # the style pads the text a little
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 1_000_000),
                                                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, text)
        return QSize(width, rect.height() + self.MARGIN)
