"""The 方案 (plan) tab: pages for the basic information, sections, invitees, organisation, details and
milestones, with the rule check and the print preview beside them."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QListWidget, QScrollArea, QSplitter, QStackedWidget, QWidget

from desktop_app.services.events import EventInfo

from .basic_info import BasicInfoForm
from .milestones import MilestonesPage
from .people import CategoriesPage, OrganisationPage
from .registration import DetailsPage
from .review import ReviewPanel
from .sections import SectionsPage


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class PlanTab(QSplitter):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setChildrenCollapsible(False)
        self.basic_info = BasicInfoForm(self)
        self.sections = SectionsPage(self)
        self.categories = CategoriesPage(self)
        self.organisation = OrganisationPage(self)
        self.details = DetailsPage(self)
        self.milestones = MilestonesPage(self)
        self.review = ReviewPanel(self)

        self.nav = QListWidget(self)
        self.nav.setObjectName("plan_pages")
        self.pages = QStackedWidget(self)
        for title, page in (
            (self.tr("Basic information"), _scrolled(self.basic_info, self)),
            (self.tr("Sections"), self.sections),
            (self.tr("Invitees"), self.categories),
            (self.tr("Organisation"), self.organisation),
            (self.tr("Registration and details"), _scrolled(self.details, self)),
            (self.tr("Milestones"), self.milestones),
        ):
            self.nav.addItem(title)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self._on_page)
        self.nav.setCurrentRow(0)
        self.nav.setMaximumWidth(170)

        self.addWidget(self.nav)
        self.addWidget(self.pages)
        self.addWidget(self.review)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([130, 760, 470])

        for page in (self.sections, self.categories, self.organisation, self.details, self.milestones):
            page.sig_changed.connect(self._on_changed)
        self.basic_info.sig_saved.connect(lambda _fields: self._on_changed())

    def _on_page(self, index: int) -> None:
        self._flush_pages()
        self.pages.setCurrentIndex(index)
        if self.pages.currentWidget() is self.milestones:
            self.milestones.refresh()

    def _on_changed(self) -> None:
        self.review.schedule()

    def _flush_pages(self) -> None:
        self.basic_info.flush()
        self.sections.flush()
        self.details.flush()

    def set_event(self, info: EventInfo | None) -> None:
        self._flush_pages()
        self.basic_info.set_event(info)
        event_id = info.id if info else None
        for page in (self.sections, self.categories, self.organisation, self.details, self.milestones):
            page.set_event(event_id)
        self.review.set_event(event_id, now=False)

    def flush(self) -> None:
        """Write every pending edit now (switching events, closing, exporting)."""
        self._flush_pages()

    def close_event(self) -> None:
        """Save what is pending and let go of the event, before its database closes."""
        self._flush_pages()
        self.review.stop()
