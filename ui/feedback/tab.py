"""The 意见 tab: 座谈会记录, 意见建议台账 and 满意度测评, and the feedback documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QTabWidget, QVBoxLayout, QWidget

from .. import ops
from .ledger import LedgerPage
from .notes import NotesPage
from .survey import SurveyPage


class FeedbackTab(ops.Subscriber, QWidget):
    sig_changed = Signal()
    """Suggestions changed (the rule check and the milestones read them)."""

    WATCHES = frozenset({"roster", "checkin", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self.notes = NotesPage(self)
        self.ledger = LedgerPage(self)
        self.survey = SurveyPage(self)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.notes, self.tr("Meeting notes"))
        self.pages.addTab(self.ledger, self.tr("Suggestions"))
        self.pages.addTab(self.survey, self.tr("Satisfaction survey"))
        self.notes.sig_suggestion_made.connect(self.show_suggestion)
        self.survey.sig_suggestion_made.connect(self.show_suggestion)
        self.ledger.sig_changed.connect(self.sig_changed)

        self.export_button = QPushButton(self.tr("D&ocuments"), self)
        menu = QMenu(self.export_button)
        from desktop_app.documents import kinds

        for kind in (k for k in kinds.KINDS if "feedback" in k.tabs):
            menu.addAction(QCoreApplication.translate(kinds.MENU, kind.label),
                           lambda k=kind.key: self.window().export_documents(k))
        self.export_button.setMenu(menu)
        self.pages.setCornerWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.sig_changed.connect(lambda: ops.bus().announce(self._event_id, {"feedback"}, self))
        self.subscribe()

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        for page in (self.notes, self.ledger, self.survey):
            page.set_event(event_id)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload_if_stale()  # check-ins or the roster changed names elsewhere

    def reload(self) -> None:
        if self._event_id:
            self.ledger.reload()

    def show_suggestion(self, suggestion_id: int) -> None:
        self.ledger.reload(suggestion_id)
        self.pages.setCurrentWidget(self.ledger)
        self.sig_changed.emit()
