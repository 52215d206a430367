"""The 方案 (plan) tab: pages for the basic information, sections, invitees, organisation, details and
milestones, with the rule check and the print preview beside them. Pages are built when first opened, so the
window starts fast."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop_app.errors import UserError
from desktop_app.services.events import EventInfo

from .. import ops
from ..widgets.keyboard import tab_moves_on
from .basic_info import BasicInfoForm
from .review import ReviewPanel


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _sections(parent):
    from .sections import SectionsPage

    return SectionsPage(parent)


def _categories(parent):
    from .people import CategoriesPage

    return CategoriesPage(parent)


def _organisation(parent):
    from .people import OrganisationPage

    return OrganisationPage(parent)


def _details(parent):
    from .registration import DetailsPage

    return DetailsPage(parent)


def _milestones(parent):
    from .milestones import MilestonesPage

    return MilestonesPage(parent)


def _field_widget(holder: QWidget, field: str) -> QWidget:
    """The widget of ``field`` on ``holder``: an editor of the basic information, an attribute (``a.b`` one
    inside another, ``a.key`` an entry of a dict), the first of a group of check boxes, a table's view."""
    target = holder
    for part in [p for p in field.split(".") if p]:
        editors = getattr(target, "editors", None)
        if isinstance(editors, dict) and part in editors:
            target = editors[part]
        elif isinstance(target, dict):
            target = target.get(part, target)
        else:
            target = getattr(target, part, target)
    if isinstance(target, dict):
        target = next(iter(target.values()), holder)
    view = getattr(target, "view", None)
    if isinstance(view, QAbstractItemView):  # a RowTable: its table
        target = view
    return target if isinstance(target, QWidget) else holder


def focus_into(widget: QWidget) -> QWidget:
    """Bring ``widget`` into view (the tab and stacked pages holding it, scrolled to) and give it the focus, or
    its first child that takes the focus; the widget focused."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            if isinstance(holder, QTabWidget):
                holder.setCurrentWidget(child)
            elif parent.indexOf(child) >= 0:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    target = widget
    if not target.focusPolicy() & Qt.FocusPolicy.TabFocus:
        candidate = widget.nextInFocusChain()
        while candidate is not widget and widget.isAncestorOf(candidate):
            if candidate.isVisibleTo(widget.window()) and candidate.isEnabled() and (
                    candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
                target = candidate
                break
            candidate = candidate.nextInFocusChain()
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(target, QAbstractItemView) and target.model() is not None and not target.currentIndex().isValid():
        if target.model().rowCount() > 0:
            target.setCurrentIndex(target.model().index(0, 0))
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        QTimer.singleShot(0, lambda: area.ensureWidgetVisible(target) if target.isVisible() else None)
    return target


class PlanTab(QSplitter):
    PAGES = ("basic_info", "sections", "categories", "organisation", "details", "milestones")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setChildrenCollapsible(False)
        self._event_id: int | None = None
        self._info: EventInfo | None = None
        self.basic_info = BasicInfoForm(self)
        self.review = ReviewPanel(self)
        self._factories = {"sections": _sections, "categories": _categories, "organisation": _organisation,
                           "details": _details, "milestones": _milestones}
        self._built: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("plan_pages")
        self.pages = QStackedWidget(self)
        titles = (self.tr("Basic information"), self.tr("Sections"), self.tr("Invitees"), self.tr("Organisation"),
                  self.tr("Registration and details"), self.tr("Milestones"))
        for name, title in zip(self.PAGES, titles, strict=True):
            self.nav.addItem(title)
            self.pages.addWidget(_scrolled(self.basic_info, self) if name == "basic_info" else QWidget(self))
        self.nav.currentRowChanged.connect(self._on_page)
        self.nav.setCurrentRow(0)
        # As wide as its longest page name in the language shown (English ones are longer), never clipped.
        fitted = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setMinimumWidth(fitted)
        self.nav.setMaximumWidth(max(170, fitted))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.addWidget(self.nav)
        self.addWidget(self.pages)
        self.addWidget(self.review)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([130, 760, 470])
        self.basic_info.sig_saved.connect(lambda _fields: self.review.schedule())
        self._titles = dict(zip(self.PAGES, titles, strict=True))
        self.review.place_name = self.place_name
        self.review.sig_go.connect(self.go_to)
        ops.bus().sig_changed.connect(self._on_bus_changed)

    FOREIGN = frozenset({"plan", "events"})
    """Changes made outside the plan's pages (a merged bundle) that its pages must show, not overwrite."""

    def _on_bus_changed(self, event_id, areas, source) -> None:
        if source is self or not (areas & self.FOREIGN) or self._event_id is None:
            return
        if event_id is not None and event_id != self._event_id:
            return
        if isinstance(source, QWidget) and self.isAncestorOf(source):
            return
        self.reload_from_store()

    def reload_from_store(self) -> None:
        """Show what is stored now on every built page; what was typed and not yet saved is saved first (only
        the fields typed in), so neither side's change is lost."""
        from desktop_app.services import events

        self._flush_pages()
        try:
            info = events.get_event(self._event_id)
        except UserError:
            return  # the event itself went away: the window switches events on its own
        self._info = info
        self.basic_info.set_event(info)
        for page in self._built.values():
            if hasattr(page, "reload"):
                page.reload()
            else:
                page.set_event(self._event_id)

    def page(self, name: str) -> QWidget:
        """The page ``name``, built (and shown the current event) on first use."""
        if name == "basic_info":
            return self.basic_info
        if name not in self._built:
            index = self.PAGES.index(name)
            page = self._factories[name](self)
            self._built[name] = page
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, _scrolled(page, self) if name == "details" else page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if hasattr(page, "sig_changed"):  # the row pages announce their changes through ops.run_op
                page.sig_changed.connect(lambda: ops.bus().announce(self._event_id, {"plan"}, self))
            page.set_event(self._event_id)
            tab_moves_on(page)
        return self._built[name]

    @property
    def sections(self):
        return self.page("sections")

    @property
    def categories(self):
        return self.page("categories")

    @property
    def organisation(self):
        return self.page("organisation")

    @property
    def details(self):
        return self.page("details")

    @property
    def milestones(self):
        return self.page("milestones")

    # -- going where a finding is fixed ----------------------------------------------------------------------------

    def _window_tab_title(self, name: str) -> str:
        window = self.window()
        names = getattr(window, "_tab_names", ())
        return window.tabs.tabText(names.index(name)) if name in names else ""

    def place_name(self, page: str) -> str:
        """Where ``page`` is, as the user finds it: “Plan › Registration and details”, or a tab's name."""
        if page in self._titles:
            plan_title = self._window_tab_title("plan") or self.tr("Plan")
            return f"{plan_title} › {self._titles[page]}"
        return self._window_tab_title(page)

    def go_to(self, page: str, field: str = "", row: int | None = None) -> QWidget | None:
        """Show ``page`` (a plan page, or another tab of the window) and put the cursor into ``field``; the
        widget focused, or None when there is no such page."""
        window = self.window()
        if page in self.PAGES:
            if hasattr(window, "tabs"):
                window.tabs.setCurrentWidget(self)
            self.nav.setCurrentRow(self.PAGES.index(page))
            holder = self.page(page)
            if row is not None and isinstance(getattr(holder, "list", None), QListWidget):
                holder.list.setCurrentRow(row)
        elif hasattr(window, "tab") and page in getattr(window, "_tab_names", ()):
            holder = window.tab(page)
            window.tabs.setCurrentWidget(holder)
        else:
            return None
        target = _field_widget(holder, field)
        return focus_into(target)

    def _on_page(self, index: int) -> None:
        self._flush_pages()
        if 0 <= index < len(self.PAGES):
            self.page(self.PAGES[index])
            self.pages.setCurrentIndex(index)

    def _flush_pages(self) -> None:
        self.basic_info.flush()
        for page in self._built.values():
            if hasattr(page, "flush"):
                page.flush()

    def set_event(self, info: EventInfo | None) -> None:
        self._flush_pages()
        self._info = info
        self._event_id = info.id if info else None
        self.review.set_event(self._event_id, now=False)  # first: its check runs before the form's hints
        self.basic_info.set_event(info)
        for page in self._built.values():
            page.set_event(self._event_id)

    def flush(self) -> None:
        """Write every pending edit now (switching events, closing, exporting)."""
        self._flush_pages()

    def close_event(self) -> None:
        """Save what is pending and let go of the event, before its database closes."""
        self._flush_pages()
        self.review.stop()
