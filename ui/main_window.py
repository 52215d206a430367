"""The main window: event switcher, tabs, menus, status bar with the database path."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app import DISPLAY_NAME, paths, settings
from desktop_app.errors import UserError
from desktop_app.services import events
from desktop_app.workspace import Workspace

from .plan.tab import PlanTab
from .widgets.fields import event_label
from .widgets.keyboard import tab_moves_on
from .worker import Worker

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from .welcome import WelcomePage

PRELOADED_TABS = ("ui.roster.tab", "ui.checkin.tab", "ui.route.tab", "ui.feedback.tab", "ui.summary.tab")
PRELOAD_START_MS = 1500  # after the start, once the window is drawn and checked
PRELOAD_GAP_MS = 150

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    sig_event_changed = Signal(object)
    """Another event (its id, or None) is now shown."""
    sig_exported = Signal(list)
    """Documents were written (their paths)."""
    sig_export_failed = Signal(str)
    """Writing documents failed (the reason)."""

    def __init__(self, workspace: Workspace, *, open_workspace=None, event_id: int | None = None):
        super().__init__()
        self.workspace = workspace
        self._open_workspace = open_workspace  # callable(path) -> Workspace, raising UserError; set by ui.app
        self._event_id: int | None = None
        self._interactive_export = True  # tests turn the result box off
        self.worker = Worker(self)
        from .checkin.network import VenueNetwork

        self.network = VenueNetwork(self)  # the venue hub switched on here, or the link to another's
        self._network_dialog = None  # its dialog, modeless, made when first asked for
        self.setWindowTitle(self.tr("Open Day Desk"))
        self.setMinimumSize(QSize(960, 600))

        self._welcome: WelcomePage | None = None  # built when an empty database first shows it

        self.switcher = QComboBox(self)
        self.switcher.setObjectName("event_switcher")
        self.switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.switcher.setMinimumContentsLength(36)
        self.switcher.currentIndexChanged.connect(self._on_switcher_changed)
        self.switcher_label = switcher_label = QLabel(self.tr("&Event:"), self)
        switcher_label.setBuddy(self.switcher)

        self.plan_tab = PlanTab(self)
        self.plan_tab.basic_info.sig_summary_changed.connect(self._refresh_summary)
        self.plan_tab.basic_info.sig_saved.connect(self._on_saved)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan_tab, self.tr("Plan"))
        # The other tabs are built when first opened, so the window starts fast.
        self._tab_factories = {"roster": self._make_roster_tab, "route": self._make_route_tab,
                               "checkin": self._make_checkin_tab,
                               "feedback": self._make_feedback_tab, "summary": self._make_summary_tab}
        self._tabs_built: dict[str, QWidget] = {}
        self.tabs.addTab(QWidget(self), self.tr("Roster"))
        self.tabs.addTab(QWidget(self), self.tr("Route"))
        self.tabs.addTab(QWidget(self), self.tr("Check-in"))
        self.tabs.addTab(QWidget(self), self.tr("Feedback"))
        self.tabs.addTab(QWidget(self), self.tr("Filing"))
        self._tab_names = ["plan", "roster", "route", "checkin", "feedback", "summary"]
        self.tabs.currentChanged.connect(self._on_tab_changed)

        top = QHBoxLayout()
        top.addWidget(switcher_label)
        top.addWidget(self.switcher)
        top.addStretch(1)
        event_page = QWidget(self)
        column = QVBoxLayout(event_page)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))  # the welcome page's place
        self.pages.addWidget(event_page)
        self.setCentralWidget(self.pages)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("db_path")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_menus()
        self._show_workspace(event_id)
        self.restore_geometry()

        # The other tabs' code is read while the coordinator looks at the plan, one module at a time, so the
        # first opening of a tab does not also wait for its import (8–40 ms each, none of the document libraries).
        self._preload = list(PRELOADED_TABS)
        self._preload_timer = QTimer(self)
        self._preload_timer.setSingleShot(True)
        self._preload_timer.timeout.connect(self._preload_next)
        self._preload_timer.start(PRELOAD_START_MS)

    @property
    def welcome(self) -> WelcomePage:
        """What an empty database shows (built the first time it is needed)."""
        if self._welcome is None:
            from .welcome import WelcomePage

            page = WelcomePage(self)
            page.sig_new_event.connect(self.new_event)
            page.sig_demo_event.connect(self.open_demo_event)
            page.sig_held_demo_event.connect(lambda: self.open_demo_event(held=True))
            page.sig_open_bundle.connect(self.merge_bundle)
            page.sig_join_network.connect(self.show_network)
            page.sig_open_database.connect(self.open_database)
            placeholder = self.pages.widget(0)
            shown = self.pages.currentIndex()
            self.pages.insertWidget(0, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages.setCurrentIndex(shown)
            self._welcome = page
        return self._welcome

    def _preload_next(self) -> None:
        if self._preload:
            importlib.import_module(self._preload.pop(0))
        if self._preload:
            self._preload_timer.start(PRELOAD_GAP_MS)

    # -- the window's size -----------------------------------------------------------------------------------------

    @staticmethod
    def _qsettings() -> QSettings:
        return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def restore_geometry(self) -> None:
        """The size and place of the last session; on the first start a size that fits the screen — maximised
        on a small one (a county laptop's 1366×768), where 1280×800 would hide the bottom buttons."""
        stored = self._qsettings().value("main/geometry")
        if isinstance(stored, QByteArray) and self.restoreGeometry(stored):
            return
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None:
            self.resize(1280, 760)
            return
        if screen.width() < 1400 or screen.height() < 900:
            self.setGeometry(screen)  # the whole screen even where no window manager maximises the window
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(1280, 860)

    def save_geometry(self) -> None:
        store = self._qsettings()
        store.setValue("main/geometry", self.saveGeometry())
        store.sync()

    # -- menus -----------------------------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New event…"), self.new_event, QKeySequence.StandardKey.New)
        self.duplicate_action = self._action(self.tr("&Duplicate event to a new date…"), self.duplicate_event,
                                             "Ctrl+Shift+D")
        self.delete_action = self._action(self.tr("De&lete event…"), self.delete_event)
        self.restore_action = self._action(self.tr("&Restore a deleted event…"), self.restore_event)
        self.open_action = self._action(self.tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open)
        self.new_db_action = self._action(self.tr("New databa&se…"), self.new_database)
        self.backup_action = self._action(self.tr("&Back up now"), self.backup_now, "Ctrl+B")
        self.bundle_export_action = self._action(self.tr("Export to the &venue laptop…"), self.export_bundle)
        self.bundle_merge_action = self._action(self.tr("&Import or merge from a file…"), self.merge_bundle)
        self.district_action = self._action(self.tr("Dis&trict summary…"), self.show_district)
        self.network_action = self._action(self.tr("Venue net&work…"), self.show_network)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():  # Windows has no standard Quit key: Ctrl+Q as elsewhere
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for item in (self.new_action, self.duplicate_action, self.delete_action, self.restore_action, None,
                     self.bundle_export_action, self.bundle_merge_action, self.network_action,
                     self.district_action, None,
                     self.open_action, self.new_db_action, self.backup_action, None, self.quit_action):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)

        from desktop_app.documents import kinds  # the declarations: the builders load when one is written

        export_menu = bar.addMenu(self.tr("E&xport"))
        self.export_actions = {}

        group = None
        for kind in kinds.KINDS:
            if group is not None and kind.group != group:
                export_menu.addSeparator()
            group = kind.group
            entries = [(kind.key, kind.label)] + ([(f"{kind.key}-masked", kind.masked_label)]
                                                  if kind.masked_label else [])
            for key, label in entries:
                action = self._action(QCoreApplication.translate(kinds.MENU, label),
                                      lambda _checked=False, k=key: self.export_documents(k))
                export_menu.addAction(action)
                self.export_actions[key] = action
        self.export_actions["package"] = self._action(self.tr("Filing pac&kage…"), self.write_package)
        export_menu.addAction(self.export_actions["package"])
        self.export_actions["plan"].setShortcut(QKeySequence("Ctrl+E"))

        # 设置(&S) would take Alt+S from the roster's 按报名先后确定名单(&S) and other buttons' (&S).
        settings_menu = bar.addMenu(self.tr("Se&ttings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        current = settings.get("language")
        for code, name in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == current)
            self.language_group.addAction(action)
            language_menu.addAction(action)
        self.language_group.triggered.connect(self._on_language_chosen)
        settings_menu.addAction(self._action(self.tr("Document &fonts…"), self.edit_fonts))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                             QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.tr("&About Open Day Desk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.guide_action = self._action(self.tr("&User guide"), self.show_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        self._build_tab_actions()

    def _build_tab_actions(self) -> None:
        """Ctrl+1…6 show the tabs, Ctrl+PgUp/PgDn the previous/next one: actions of the window, so they work
        wherever the focus is (a table, a text field), and F1 lists them."""
        self.tab_actions: list[QAction] = []
        for number in range(1, self.tabs.count() + 1):
            action = QAction(self.tr("Show the {tab} tab").format(tab=self.tabs.tabText(number - 1)), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, i=number - 1: self._show_tab_at(i))
            self.addAction(action)
            self.tab_actions.append(action)
        self.next_tab_action = QAction(self.tr("Next tab"), self)
        self.next_tab_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_tab_action.triggered.connect(lambda: self._step_tab(1))
        self.previous_tab_action = QAction(self.tr("Previous tab"), self)
        self.previous_tab_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.previous_tab_action.triggered.connect(lambda: self._step_tab(-1))
        for action in (self.next_tab_action, self.previous_tab_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
            self.tab_actions.append(action)

    def _show_tab_at(self, index: int) -> None:
        if self.pages.currentIndex() == 1 and self.tabs.tabBar().isVisibleTo(self):  # not on the welcome page
            self.tabs.setCurrentIndex(index)
            page = self.tabs.currentWidget()
            focus = QApplication.focusWidget()
            if focus is None or not page.isAncestorOf(focus):  # the keys go on in the tab shown
                widget = page.nextInFocusChain()
                while widget is not page and page.isAncestorOf(widget):
                    if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                        break
                    widget = widget.nextInFocusChain()

    def _step_tab(self, step: int) -> None:
        self._show_tab_at((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog

        ShortcutsDialog.show_for(self)

    # -- showing the workspace and its events ----------------------------------------------------------------------

    def _show_workspace(self, event_id: int | None = None) -> None:
        self.db_label.setText(self.tr("Database: {path}").format(path=self.workspace.path))
        summaries = events.list_events()
        if event_id is not None:
            events.get_summary(event_id)  # an unknown id is refused, not silently replaced
        else:
            remembered = settings.get("last_event_id")
            event_id = remembered if remembered in {e.id for e in summaries} else None
        self._reload_switcher(event_id, summaries)

    def _reload_switcher(self, select_id: int | None = None, summaries: list | None = None) -> None:
        """Fill the event switcher (from ``summaries`` when the caller has just read them) and show ``select_id``
        (or the first event)."""
        summaries = events.list_events() if summaries is None else summaries
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for summary in summaries:
            self.switcher.addItem(event_label(summary), summary.id)
        index = self.switcher.findData(select_id) if select_id is not None else -1
        if index < 0 and summaries:
            index = 0
        self.switcher.setCurrentIndex(index)
        self.switcher.blockSignals(False)
        has_events = bool(summaries)
        if has_events:
            self.pages.setCurrentIndex(1)
        else:
            self.pages.setCurrentWidget(self.welcome)
        for action in (self.duplicate_action, self.delete_action, self.bundle_export_action,
                       *self.export_actions.values()):
            action.setEnabled(has_events)
        self._show_event(self.switcher.currentData() if has_events else None)

    def _on_switcher_changed(self, index: int) -> None:
        self._show_event(self.switcher.itemData(index) if index >= 0 else None)

    def _show_event(self, event_id: int | None) -> None:
        self.plan_tab.flush()
        info = events.get_event(event_id) if event_id is not None else None
        self._event_id = info.id if info else None
        self.plan_tab.set_event(info)
        shown = self.tabs.currentWidget()
        for tab in self._tabs_built.values():
            if tab is shown:
                tab.set_event(self._event_id)
            else:
                tab.defer_event(self._event_id)  # read when it is opened
        title = self.tr("Open Day Desk")
        self.setWindowTitle(f"{info.title} — {title}" if info else title)
        if info is not None:
            settings.set("last_event_id", info.id)
        self._keep_in_step(self._event_id)
        self.sig_event_changed.emit(self._event_id)

    def _keep_in_step(self, event_id: int | None) -> None:
        """An event this computer joined a venue hub for is kept in step with it while shown, whichever tab is
        open; another event shown ends the link (its queue waits in the file and goes at the next link)."""
        network = self.network
        if network.sync_event is not None and network.sync_event != event_id:
            network.stop_sync()
        if event_id is not None and network.linked(event_id):
            network.start_sync(event_id)

    def _make_roster_tab(self) -> QWidget:
        from .roster.tab import RosterTab

        return RosterTab(self)

    def write_package(self) -> None:
        tab = self.tab("summary")
        self.tabs.setCurrentWidget(tab)
        tab.write_package()

    def _make_route_tab(self) -> QWidget:
        from .route.tab import RouteTab

        return RouteTab(self)

    def _make_checkin_tab(self) -> QWidget:
        from .checkin.tab import CheckinTab

        tab = CheckinTab(self)
        tab.venue_button.toggled.connect(self._set_venue_mode)
        return tab

    def _set_venue_mode(self, on: bool) -> None:
        """Venue mode shows the check-in tab alone: no menus, event switcher or other tabs to click by mistake
        at the entrance (F11 again brings them back)."""
        for widget in (self.menuBar(), self.tabs.tabBar(), self.switcher, self.switcher_label, self.statusBar()):
            widget.setVisible(not on)
        for action in self.tab_actions:  # no other tab by a stray key either
            action.setEnabled(not on)

    def _make_feedback_tab(self) -> QWidget:
        from .feedback.tab import FeedbackTab

        return FeedbackTab(self)

    def _make_summary_tab(self) -> QWidget:
        from .summary.tab import SummaryTab

        return SummaryTab(self)

    def tab(self, name: str) -> QWidget:
        """The tab ``name`` (built, and shown the current event, on first use)."""
        if name == "plan":
            return self.plan_tab
        if name not in self._tabs_built:
            index = self._tab_names.index(name)
            widget = self._tab_factories[name]()
            self._tabs_built[name] = widget
            title = self.tabs.tabText(index)
            placeholder = self.tabs.widget(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
            tab_moves_on(widget)
            widget.set_event(self._event_id)
        widget = self._tabs_built[name]
        widget.apply_deferred_event()  # the tab was hidden when another event was chosen
        return widget

    @property
    def roster_tab(self):
        return self.tab("roster")

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._tab_names):
            self.plan_tab.flush()
            widget = self.tab(self._tab_names[index])
            self.tabs.setCurrentWidget(widget)
            reload_if_stale = getattr(widget, "reload_if_stale", None)
            if reload_if_stale is not None:
                reload_if_stale()

    @property
    def current_event_id(self) -> int | None:
        return self._event_id

    def show_network(self) -> None:
        """File ▸ 现场网络…: the hub of the event shown, or joining another computer's hub (a laptop that has
        no event yet receives it so)."""
        from .checkin.network import show_network

        show_network(self, self.network, self._event_id, on_joined=self.show_joined_event)

    def show_joined_event(self, event_id: int) -> None:
        """This computer joined a venue hub and received its event: listed, and shown on the 签到 tab."""
        self._reload_switcher(event_id)
        self.select_event(event_id)
        self._show_tab_at(self._tab_names.index("checkin"))

    def select_event(self, event_id: int) -> None:
        index = self.switcher.findData(event_id)
        if index >= 0:
            self.switcher.setCurrentIndex(index)

    def _refresh_summary(self) -> None:
        if self._event_id is None:
            return
        index = self.switcher.findData(self._event_id)
        if index >= 0:
            self.switcher.setItemText(index, event_label(events.get_summary(self._event_id)))
        self.setWindowTitle(f"{events.get_summary(self._event_id).title} — {self.tr('Open Day Desk')}")

    def _on_saved(self, _fields: list) -> None:
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    # -- actions ---------------------------------------------------------------------------------------------------

    def _refuse(self, exc: UserError, title: str | None = None) -> None:
        QMessageBox.warning(self, title or self.tr("Not possible"), str(exc))

    def new_event(self) -> None:
        from .dialogs import NewEventDialog

        draft = NewEventDialog.ask(self, unit=settings.get("last_unit") or "")
        if draft is None:
            return
        try:
            info = events.create_event(draft)
        except UserError as exc:
            self._refuse(exc)
            return
        settings.set("last_unit", info.unit)
        self._reload_switcher(info.id)
        self.statusBar().showMessage(self.tr("Created “{title}”.").format(title=info.title), 5000)

    def open_demo_event(self, *, held: bool = False) -> None:
        from desktop_app.demo import create_demo_event

        info = create_demo_event(held=held)
        self._reload_switcher(info.id)
        self.statusBar().showMessage(self.tr("The demo event was added. Its people are fictional."), 8000)

    def export_bundle(self) -> None:
        """File ▸ 导出到现场电脑…: the event, encrypted, as one file for the USB stick."""
        from .bundle import export_to_laptop

        export_to_laptop(self, self._event_id)

    def merge_bundle(self) -> None:
        """File ▸ 从文件导入/合并…: open an event from a bundle, or merge the laptop's day into this one."""
        from .bundle import import_or_merge

        import_or_merge(self, on_merged=self._reload_switcher)

    def duplicate_event(self) -> None:
        if self._event_id is None:
            return
        self.plan_tab.flush()
        from .dialogs import DuplicateEventDialog

        answer = DuplicateEventDialog.ask(self, events.get_summary(self._event_id))
        if answer is None:
            return
        new_date, title = answer
        info = events.duplicate_event(self._event_id, new_date, title)
        self._reload_switcher(info.id)
        self.statusBar().showMessage(self.tr("Copied to “{title}”.").format(title=info.title), 5000)

    def delete_event(self) -> None:
        if self._event_id is None:
            return
        self.plan_tab.flush()
        summary = events.get_summary(self._event_id)
        answer = QMessageBox.question(
            self, self.tr("Delete event"),
            self.tr("Delete “{label}”?\n\nIt disappears from the list; File ▸ Restore a deleted event brings it "
                    "back.").format(label=event_label(summary)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        events.delete_event(summary.id)
        self._reload_switcher()
        self.statusBar().showMessage(self.tr("Deleted “{title}”.").format(title=summary.title), 8000)

    def restore_event(self) -> None:
        deleted = events.list_deleted_events()
        if not deleted:
            QMessageBox.information(self, self.tr("Restore a deleted event"), self.tr("No event has been deleted."))
            return
        from .dialogs import RestoreEventDialog

        event_id = RestoreEventDialog.ask(self, deleted)
        if event_id is not None:
            info = events.restore_event(event_id)
            self._reload_switcher(info.id)

    def show_district(self) -> None:
        """文件 › 区县汇总: the units' packages and the year's report, over this database."""
        from .district import DistrictDialog

        self.plan_tab.flush()
        DistrictDialog(self).exec()

    def backup_now(self) -> None:
        self.plan_tab.flush()
        try:
            path = self.workspace.backup_now()
        except (OSError, sqlite3.Error) as exc:
            log.warning("backup failed: %s", exc)
            QMessageBox.warning(self, self.tr("Backup failed"),
                                self.tr("The backup could not be written: {error}").format(error=exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=path), 8000)

    def export_documents(self, kind: str, folder: Path | None = None) -> None:
        """Write ``kind``'s documents for the current event into a folder (asked for unless given)."""
        if self._event_id is None or self.worker.busy:
            return
        self.plan_tab.flush()
        if folder is None:
            start = settings.get("last_export_dir") or str(Path.home())
            from PySide6.QtWidgets import QFileDialog

            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), start)
            if not chosen:
                return
            folder = Path(chosen)
        from desktop_app.documents import export
        from desktop_app.services import exports

        masked = kind.endswith("-masked")  # roster-masked: the 邀请名单's copy that may leave the office
        kind = kind.removesuffix("-masked")
        event_id, today = self._event_id, dt.date.today()

        swept: list[Path] = []  # leftovers of an interrupted export the writer removed from the folder

        def write(draft: bool, overwrite: bool) -> list:  # on the worker: the snapshots too (a large roster)
            return export.export(kind, out_dir=folder, today=today, masked=masked, draft=draft, swept=swept,
                                 overwrite=overwrite, **exports.sources(kind, event_id))

        def start(draft: bool, overwrite: bool = False) -> None:
            def failed(error: BaseException) -> None:
                if isinstance(error, export.FilesExist) and event_id == self._event_id \
                        and self.ask_replace(error.paths):
                    start(draft, overwrite=True)
                    return
                self._export_failed(folder, error, export.is_target_error)

            self.worker.run(lambda: write(draft, overwrite), lambda files: self._exported(folder, files, swept),
                            failed, parent=self, label=self.tr("Writing the documents…"))

        # The day's documents are written before the day only as a draft, if the user says so.
        from . import early

        early.then_write(self, kind, event_id, today, start,
                         lambda error: self._export_failed(folder, error, export.is_target_error))

    def ask_replace(self, paths) -> bool:
        """Whether to replace the files (or the package folder) ``paths`` that are there already: asked, No by
        default (a clerk's hand-edited copy is not lost by a second export)."""
        names = "\n".join(Path(p).name for p in paths)
        answer = QMessageBox.question(
            self, self.tr("Replace?"),
            self.tr("These are already in {folder}:\n{names}\n\nReplace them? Edits made in them since are "
                    "lost.").format(folder=Path(paths[0]).parent, names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _exported(self, folder: Path, files: list, swept: list | None = None) -> None:
        settings.set("last_export_dir", str(folder))
        self.sig_exported.emit(files)
        message = self.tr("Wrote {n} file(s) to {folder}").format(n=len(files), folder=folder)
        removed = self.swept_text(swept or [])
        self.statusBar().showMessage(message + (" " + removed if removed else ""), 8000)
        if self._interactive_export:
            text = self.tr("Written:\n{files}").format(files="\n".join(Path(f).name for f in files))
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export"),
                              text + ("\n\n" + removed if removed else ""), QMessageBox.StandardButton.Close, self)
            open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if box.clickedButton() is open_button:
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def swept_text(self, names) -> str:
        """What an interrupted export had left in the folder (it may have held ID numbers) and was removed."""
        names = [Path(n).name for n in names]
        if not names:
            return ""
        return self.tr("Removed what an interrupted export had left there: {names}.").format(names=", ".join(names))

    def _export_failed(self, folder: Path, error: BaseException, is_target_error) -> None:
        self.sig_export_failed.emit(str(error))
        if isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Export"), str(error))
            return
        if not (isinstance(error, OSError) and is_target_error(error, folder)):
            raise error  # not the folder's fault: the error hook logs it and names the log file
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        QMessageBox.warning(self, self.tr("Export failed"),
                            self.tr("The documents could not be written to {folder}: {reason}\n\nNothing was "
                                    "left half-written. Choose another folder or free some space.").format(
                                folder=folder, reason=reason))

    def _file_filter(self) -> str:
        return self.tr("Open Day Desk databases (*.sqlite3 *.db);;All files (*)")

    def open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), str(self.workspace.path.parent),
                                              self._file_filter())
        if path:
            self.switch_database(Path(path))

    def new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), str(self.workspace.path.parent /
                                              "openday.sqlite3"), self._file_filter())
        if path:
            target = Path(path)
            if target.suffix == "":
                target = target.with_suffix(".sqlite3")
            self.switch_database(target)

    def switch_database(self, path: Path) -> bool:
        """Open ``path`` instead of the current database; on refusal the current one stays open."""
        if path.expanduser().resolve() == self.workspace.path.resolve() or self._open_workspace is None:
            return False
        self.plan_tab.flush()
        try:
            workspace = self._open_workspace(path)
        except UserError as exc:
            self._refuse(exc, self.tr("Cannot open the database"))
            return False
        self.plan_tab.close_event()
        old, self.workspace = self.workspace, workspace
        old.close()
        self._show_workspace()
        return True

    def edit_fonts(self) -> None:
        from desktop_app.services import plan

        from .font_settings import FontSettingsDialog

        chosen = FontSettingsDialog.ask(self, plan.doc_fonts())
        if chosen is not None:
            plan.set_doc_fonts(chosen)
            self.plan_tab.review.schedule()

    def _on_language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code == settings.get("language"):
            return
        settings.set("language", code)
        QMessageBox.information(self, "Language / 语言",
                                "界面语言将在下次启动时切换。\nThe new language applies when the app starts again.")

    def show_guide(self) -> None:
        from .guide import GuideWindow

        GuideWindow.show_for(self)

    def show_about(self) -> None:
        import platform

        text = self.tr(
            "<h3>{name}</h3><p>Version {version}</p>"
            "<p>Plans, rosters, routes, check-in, feedback and filing for a Government Open Day.</p>"
            "<p>Python {python} · Qt {qt} · PySide6 {pyside} · SQLite {sqlite}</p>"
            "<p>Database: {db}<br>Data folder: {data}</p>"
        ).format(name=DISPLAY_NAME, version=desktop_app.__version__, python=platform.python_version(), qt=qVersion(),
                 pyside=PySide6.__version__, sqlite=sqlite3.sqlite_version, db=self.workspace.path,
                 data=self.workspace.path.parent)
        QMessageBox.about(self, self.tr("About Open Day Desk"), text)

    # -- closing ---------------------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_geometry()
        self.network.shutdown()  # the hub stops listening; a joined device's queue waits in the file
        if self._network_dialog is not None:
            self._network_dialog.close()  # (a modeless dialog would outlive the window it reports on)
        self.plan_tab.close_event()
        if "summary" in self._tabs_built:
            self._tabs_built["summary"].flush()
        self.worker.shutdown()
        super().closeEvent(event)

