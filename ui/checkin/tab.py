"""The 签到 (check-in) tab for the entrance laptop: one always-focused search field (a scanner types the pass code
and Enter), the result shown large, live counts, who has not arrived yet, undo, walk-ins and a venue mode with
large type (F11)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.domain import checkin as checkin_rules
from desktop_app.domain import phones
from desktop_app.domain.roster import WALK_IN_SOURCE, InviteeDraft
from desktop_app.errors import UserError
from desktop_app.services import checkin, events, plan, roster

from .. import ops
from ..roster.form import InviteeDialog

RESULT_STYLES = {
    "ok": "background:#2e7d32;color:white;",
    "again": "background:#ef6c00;color:white;",
    "decide": "background:#f9a825;color:black;",
    "unknown": "background:#c62828;color:white;",
    "idle": "background:#eceff1;color:#37474f;",
    "refused": "background:#c62828;color:white;",
}
MAX_MATCHES = 50


class TypedAway(QObject):
    """Keys typed into an open question (a scanner types on): kept as text, and the question closed unanswered."""

    def __init__(self, box: QMessageBox):
        super().__init__(box)
        self.box = box
        self.text = ""
        self.entered = False
        for widget in (box, *box.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text:
            self.entered = True
            self.box.done(QMessageBox.StandardButton.No)
            return True
        if event.text().isprintable() and event.text().strip():
            self.text += event.text()
            if self.box.isVisible():
                self.box.done(QMessageBox.StandardButton.No)
            return True
        return False


class CheckinTab(ops.Subscriber, QWidget):
    sig_checked_in = Signal(object)
    """A check-in was committed: the ``checkin.Result``."""
    sig_changed = Signal()
    """Check-ins, walk-ins or statuses changed."""

    WATCHES = frozenset({"roster", "checkin", "plan", "events"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._index = None
        self._people: dict[int, checkin.Person] = {}
        self._index_event: int | None = None  # the event self._index was built for
        self._entrance: checkin.Entrance | None = None  # read with the people: the date, the minimum, categories
        self._tally = checkin.Tally((), ())  # the counts, kept per person as scans change them
        self._early = 0  # people checked in before the event day whom the counts leave out
        self.ask_admit = self._ask_admit  # tests replace the question
        self.ask_reason = self._ask_reason
        self.ask_off_day = self._ask_off_day
        self._refused_who = ""  # whose scan waits for “Check in today anyway”
        self._kept_scan: tuple[str, str, bool] | None = None  # (asked about, typed into the question, Enter)
        self._off_day_confirmed: int | None = None  # the event for which a check-in off the event day was accepted
        self._venue = False
        self._was_maximised = False

        self.search = QLineEdit(self)
        self.search.setObjectName("checkin_search")
        self._full_hint = self.tr("Name, pinyin (zs), last 4 phone digits, last ID digits or pass code — then "
                                  "Enter")
        # Venue mode's large type holds less: the short hint, read whole instead of ending in “…”.
        self._venue_hint = self.tr("Name, pinyin or pass code — then Enter")
        self._placeholder = self._full_hint
        self.search.setPlaceholderText(self._placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self._on_enter)
        self.search.installEventFilter(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("checkin_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3e0;color:#e65100;border:1px solid #ef6c00;border-radius:4px;"
                                  "padding:6px;font-weight:bold;")
        self.banner.hide()
        self.allow_button = QPushButton(self.tr("Check in today &anyway"), self)
        self.allow_button.setObjectName("checkin_allow_off_day")
        self.allow_button.setToolTip(self.tr("For a rehearsal or a late entry: check-ins made now are recorded "
                                             "with today's date"))
        self.allow_button.clicked.connect(self.allow_off_day)
        self.allow_button.hide()
        self.result = QLabel(self)
        self.result.setObjectName("checkin_result")
        self.result.setWordWrap(True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumHeight(90)
        self.matches = QListWidget(self)
        self.matches.setObjectName("checkin_matches")
        self.matches.itemActivated.connect(lambda item: self.admit(item.data(Qt.ItemDataRole.UserRole)))

        self.counts = QLabel(self)
        self.counts.setObjectName("checkin_counts")
        self.counts.setWordWrap(True)
        self.missing = QListView(self)
        self.missing.setObjectName("checkin_missing")
        self.missing.setUniformItemSizes(True)  # lays out thousands of names without measuring each
        self.missing.setLayoutMode(QListView.LayoutMode.Batched)  # and in steps, between which the window runs
        self.missing.setBatchSize(500)
        self.missing_model = MissingModel(self.missing)
        self.missing.setModel(self.missing_model)
        self.recent = QListWidget(self)
        self.recent.setObjectName("checkin_recent")
        self.recent.setUniformItemSizes(True)
        side = QTabWidget(self)
        side.addTab(self.missing, self.tr("Not arrived yet"))
        side.addTab(self.recent, self.tr("Checked in"))
        self.side = side

        self.undo_button = QPushButton(self.tr("&Undo last (Ctrl+Z)"), self)
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_selected_button = QPushButton(self.tr("Undo selected…"), self)
        self.undo_selected_button.clicked.connect(self.undo_selected)
        self.walk_in_button = QPushButton(self.tr("&Walk-in…"), self)
        self.walk_in_button.clicked.connect(lambda: self.add_walk_in())  # not clicked's bool
        self.venue_button = QPushButton(self.tr("&Venue mode (F11)"), self)
        self.venue_button.setCheckable(True)
        self.venue_button.toggled.connect(self.set_venue_mode)
        self.no_show_button = QPushButton(self.tr("Mark &no-shows…"), self)
        self.no_show_button.clicked.connect(self.mark_no_shows)
        self.network_button = QPushButton(self.tr("Venue networ&k…"), self)
        self.network_button.setObjectName("checkin_network")
        self.network_button.setToolTip(self.tr("Several laptops at one venue with one check-in log: switch this "
                                               "computer on as the hub, or join another's"))
        self.network_button.clicked.connect(self.show_network)
        self.network_state = QLabel(self)
        self.network_state.setObjectName("checkin_network_state")
        self.network_state.setWordWrap(True)
        self.network_state.setStyleSheet("color:#1565c0;")
        self.network_state.hide()
        self._log_mark = 0  # the newest entry of the log read into the counts
        self.log_timer = QTimer(self)  # while a venue network is on: the other doors' scans, twice a second
        self.log_timer.setInterval(500)
        self.log_timer.timeout.connect(self.follow_log)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last,  # the field's own Ctrl+Z comes first
                  whatsThis=self.tr("Undo the last check-in"))
        QShortcut(QKeySequence("F11"), self, self.venue_button.toggle, whatsThis=self.tr("Venue mode on or off"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.allow_button)
        left_layout.addLayout(banner_row)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.result)
        left_layout.addWidget(self.matches, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.network_state)
        right_layout.addWidget(self.counts)
        right_layout.addWidget(side, 1)
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([800, 500])
        buttons = QHBoxLayout()
        for b in (self.undo_button, self.undo_selected_button, self.walk_in_button, self.no_show_button,
                  self.network_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.venue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._base_font = QFont(self.font())
        self._apply_venue_fonts(False)
        self.subscribe()
        self._show_result("idle", self.tr("Scan a pass or type a name"))

    # -- event and data ----------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.reload()
        self.network_changed()

    # -- the venue network -------------------------------------------------------------------------------------

    def network(self):
        """The window's venue network (one of the tab's own when the tab stands alone)."""
        from .network import VenueNetwork

        found = getattr(self.window(), "network", None)  # (standing alone, the window is the tab: its method)
        if not isinstance(found, VenueNetwork):
            found = self.__dict__.get("_own_network")
            if found is None:
                found = self._own_network = VenueNetwork(self)
        if not getattr(self, "_network_connected", False):
            self._network_connected = True
            found.sig_changed.connect(self.network_changed)
            found.sig_received.connect(lambda _count: self.follow_log())
        return found

    def show_network(self) -> None:
        """签到 › 现场网络…: the dialog stays open beside the entrance (it does not stop the scanner)."""
        from .network import show_network

        window = self.window()
        show_network(window if window is not self else self, self.network(), self._event_id,
                     on_joined=getattr(window, "show_joined_event", None))

    def network_changed(self) -> None:
        """The hub switched on or off here, or the link to a hub changed: say so, and follow the log meanwhile."""
        network = self.network()
        if not self.window().isVisible():  # (a closed window: nothing to show, its database may be gone)
            self.log_timer.stop()
            return
        text = network.status(self._event_id) if self._event_id is not None else ""
        self.network_state.setText(text)
        self.network_state.setVisible(bool(text))
        if network.active(self._event_id):
            if not self.log_timer.isActive():
                self._log_mark = self._log_top()
                self.log_timer.start()
        else:
            self.log_timer.stop()

    def _log_top(self) -> int:
        from db import models

        return models.CheckinEntry.select(models.fn.MAX(models.CheckinEntry.id)).scalar() or 0

    def follow_log(self) -> None:
        """The entries the log gained since it was last read (scans at the other doors): those people's arrival
        shown and counted, one person at a time (a new walk-in reads the roster again)."""
        if self._event_id is None or self._index is None:
            return
        from db import models

        E, Inv = models.CheckinEntry, models.Invitee
        rows = list(E.select(E.id, E.invitee).where((E.id > self._log_mark) & (E.event == self._event_id))
                    .order_by(E.id).limit(201).tuples())
        if not rows:
            return
        self._log_mark = rows[-1][0] if len(rows) <= 200 else self._log_top()
        uuids = {uuid for _id, uuid in rows}
        ids = [i for (i,) in Inv.select(Inv.id).where(Inv.uuid.in_(uuids)).tuples()]
        if len(rows) > 200 or len(ids) > 30 or any(i not in self._people for i in ids):
            self.reload()  # many at once, or someone new (a walk-in at another door)
        else:
            for pid in ids:
                found = checkin.people(self._event_id, only=pid)  # (none: deleted meanwhile)
                if found:
                    self._person_changed(found[0])
        self.sig_changed.emit()

    def reload(self) -> None:
        """The people, the search index (built once here, not per keystroke) and the counts. A large roster is
        read on the worker, a small one here at once."""
        event_id = self._event_id
        if event_id is None:
            self.load(lambda: (None, {}, None), self._loaded, large=False)
            return
        large = roster.people_count(event_id) >= ops.LOAD_ON_WORKER
        if self.load(lambda: (checkin.search_index(event_id), {p.id: p for p in checkin.people(event_id)},
                              checkin.entrance(event_id)),
                     self._loaded, large=large, failed=self._search_ready) and self._index_event != event_id:
            # another event: nothing to search until it is read (for the same event the current index keeps
            # serving the scanner until the fresh one replaces it)
            self._index, self._people = None, {}
            self._entrance, self._tally = None, checkin.Tally((), ())  # nor the other event's counts
            self._early = 0
            self.search.setEnabled(False)
            self.search.setPlaceholderText(self.tr("Reading the roster…"))

    def _search_ready(self) -> None:
        if not self.search.isEnabled():
            self.search.setEnabled(True)
            self.search.setPlaceholderText(self._placeholder)
            if self.isVisible():
                self.search.setFocus()

    def _loaded(self, result: tuple) -> None:
        self._index, self._people, self._entrance = result
        self._index_event = self._event_id if self._index is not None else None
        entrance = self._entrance
        self._tally = checkin.Tally(entrance.categories if entrance else (), entrance.public if entrance else (),
                                    (self._as_counted(p) for p in self._people.values()))
        self._early = sum(1 for p in self._people.values() if self._uncounted(p))
        self._search_ready()
        self._refresh_banner()
        self._refresh_side()
        self._on_text(self.search.text())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reload_if_stale()
        self.network_changed()
        self.search.setFocus()

    def _event_date(self) -> dt.date | None:
        if self._event_id is None:
            return None
        if self._entrance is not None and self._index_event == self._event_id:
            return self._entrance.date  # read with the people (a scan does not read the event again)
        return events.get_event(self._event_id).date

    def _refresh_banner(self) -> None:
        """Check-in off the event day is allowed (a rehearsal, a late entry) but never unnoticed."""
        day = self._event_date()
        today = dt.date.today()
        if day is None or day == today:
            self.banner.hide()
            return
        if day > today:
            text = self.tr("Today is not the event day: the event is on {date} ({days} days from now). A "
                           "check-in made now is recorded with today's date.").format(
                date=f"{day:%Y-%m-%d}", days=(day - today).days)
        else:
            text = self.tr("Today is not the event day: the event was on {date}. Check-ins made now are late "
                           "entries.").format(date=f"{day:%Y-%m-%d}")
        self.banner.setText(text)
        self.banner.show()

    def _off_day_allowed(self, who: str = "") -> bool:
        """On a day other than the event date, check-ins wait until “Check in today anyway” is pressed."""
        day = self._event_date()
        if day is None or day == dt.date.today() or self._off_day_confirmed == self._event_id:
            return True
        self._refused_who = who
        if not self.ask_off_day(day):
            return False
        self._off_day_confirmed = self._event_id
        return True

    def _ask_off_day(self, day: dt.date) -> bool:
        """No modal question here: a scanner types on while a question is open, and the Enter of the next scan
        would answer it for the previous person while its code is lost. The scan is refused on screen, naming
        whom, and the banner's button allows check-ins today; every later scan is treated the same until then."""
        self.allow_button.show()
        text = self.tr("Not checked in: {who}. Today is not the event day ({date}); for a rehearsal or a late "
                       "entry press “Check in today anyway” (Alt+A), then scan again.").format(
            who=self._refused_who or self.tr("the walk-in"), date=f"{day:%Y-%m-%d}")
        self._show_result("refused", text)
        QApplication.beep()
        self.search.selectAll()
        return False

    def allow_off_day(self) -> None:
        self._off_day_confirmed = self._event_id
        self.allow_button.hide()
        self._show_result("idle", self.tr("Check-ins today are recorded with today's date. Scan a pass or type "
                                          "a name"))
        self.search.setFocus()
        self.search.selectAll()  # Enter takes the refused scan again, a new scan replaces it

    def _announce(self) -> None:
        network = self.network()
        network.scanned()  # the devices waiting on this computer's hub hear of it at once
        if network.trouble:
            self.network_changed()  # the number queued here, said while the hub cannot be reached
        self.sig_changed.emit()
        ops.bus().announce(self._event_id, {"checkin", "roster"}, self)

    def _refresh_side(self, changed: checkin.Person | None = None) -> None:
        """The counts, who has not arrived and the latest check-ins. With ``changed`` (one person's arrival
        changed) the not-arrived list is updated for that person only: rebuilding it for a large roster at each
        scan would keep the entrance waiting."""
        if self._event_id is None:
            self.missing_model.show([], {})
            self.recent.clear()
            self.counts.clear()
            return
        entrance = self._entrance or checkin.entrance(self._event_id)
        stats, tally = self._tally.stats(), self._tally
        # One figure a line: in venue mode's large type a long line broke inside a word (现场报\n名 1 人).
        lines = [self.tr("Arrived {arrived} of {confirmed} confirmed (at least {minimum})")
                 .format(arrived=stats["checked_in"], confirmed=stats["confirmed"], minimum=entrance.minimum),
                 self.tr("Walk-ins: {walk_ins}").format(walk_ins=stats["walk_ins"])]
        if self._early:  # a ✔ on the screen that the counts leave out: said, so the figures do not look wrong
            lines.append(self.tr("Checked in before the event day: {early} (not counted as arrivals)").format(
                early=self._early))
        for name, c in stats["by_category"].items():
            lines.append(f"{name}{i18n.punct('：')}{c['checked_in']} / {c['confirmed']}")
        if tally.checked_in:
            lines.append(self.tr("Public representatives among arrivals: {share}%").format(
                share=round(100 * tally.public_arrived / tally.checked_in)))
        self.counts.setText("\n".join(lines))
        self.missing_model.masked = self._venue
        if changed is None:
            self.missing_model.show([p.id for p in self._people.values() if self._is_missing(p)], self._people)
        else:
            self.missing_model.remove(changed.id)
            if self._is_missing(changed):
                self.missing_model.append(changed.id)
        self.recent.clear()
        day = self._event_date()
        early_note = self.tr("(before the event day)") if entrance.early_counted else \
            self.tr("(before the event day: not counted as an arrival)")
        for row in checkin.recent(self._event_id):
            text = f"{row.scanned_at:%H:%M}　{row.name}　{row.category}"
            if checkin_rules.is_early(row.scanned_at, day):
                text = f"{row.scanned_at:%m-%d} {text}　{early_note}"
            if row.walk_in:
                text += "　" + self.tr("(walk-in)")
            if row.undone_at:
                text += "　" + self.tr("undone: {reason}").format(reason=row.undo_reason)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.undone_at:
                item.setForeground(Qt.GlobalColor.gray)
            self.recent.addItem(item)

    @staticmethod
    def _is_missing(p: checkin.Person) -> bool:
        return p.status == "confirmed" and p.checked_in_at is None

    # -- search and admit --------------------------------------------------------------------------------------

    def _on_text(self, text: str) -> None:
        if self.result.property("outcome") == "unknown" and text.strip():
            self._show_result("idle", self.tr("Scan a pass or type a name"))  # not a stale “not found” while typing
        self.matches.clear()
        if self._index is None or not text.strip():
            return
        ids, more = self._index.find(text, MAX_MATCHES)
        for invitee_id in ids:
            p = self._people.get(invitee_id)
            if p is None:
                continue
            state = (self.tr("in at {time}").format(time=f"{p.checked_in_at:%H:%M}") if p.checked_in_at
                     else p.status_label)
            item = QListWidgetItem(f"{p.name}　{p.category}　{p.organisation}　[{state}]")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.matches.addItem(item)
        if more:
            self.matches.addItem(self.tr("… more: type more of the name"))
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.matches(
                QKeySequence.StandardKey.Undo):
            if self.search.text():
                return False  # the field holds text: Ctrl+Z edits it
            self.undo_last()  # an empty field: Ctrl+Z takes back the last check-in
            return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.matches.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.matches.count():
                self.matches.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _on_enter(self) -> None:
        text = self.search.text().strip()
        if not text or self._index is None:
            return
        code_holder = self._index.by_code(text)
        if code_holder is not None:
            self.admit(code_holder)
            return
        item = self.matches.currentItem()
        invitee_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if invitee_id is None:
            self._show_result("unknown", self.tr("Not found: {text}").format(text=text))
            QApplication.beep()
            self.search.selectAll()
            return
        self.admit(invitee_id)

    def admit(self, invitee_id: int | None) -> None:
        if invitee_id is None or self._event_id is None:
            return
        person = self._people.get(invitee_id)
        if not self._off_day_allowed(person.name if person is not None else ""):
            return
        result = checkin.check_in(self._event_id, invitee_id)
        self._kept_scan = None
        if result.outcome == "decide" and self.ask_admit(result.person):
            result = checkin.check_in(self._event_id, invitee_id, admit_anyway=True)
        self._report(result)
        kept, self._kept_scan = self._kept_scan, None
        if kept is not None:  # a scan came while the question was open: it is the next scan, not the answer
            name, text, entered = kept
            self._show_result("refused", self.tr("{name} was not admitted: a scan came while the question was "
                                                 "open. Scan {name} again to decide.").format(name=name))
            self.search.setText(text)
            if entered:
                QTimer.singleShot(0, self._on_enter)

    def _report(self, result: checkin.Result) -> None:
        p = result.person
        if result.outcome == "ok":
            self._show_result("ok", self.tr("✔ {name}\n{category} · {organisation}").format(
                name=p.name, category=p.category, organisation=p.organisation))
            self.sig_checked_in.emit(result)
        elif result.outcome == "again":
            when = f"{p.checked_in_at:%H:%M}" if p.checked_in_at else ""
            if result.elsewhere:  # (a pass shown at two doors: worth a look at who holds it)
                text = self.tr("{name} is already in (since {time}, at another computer)")
            else:
                text = self.tr("{name} is already in (since {time})")
            self._show_result("again", text.format(name=p.name, time=when))
        elif result.outcome == "decide":
            self._show_result("decide", self.tr("{name} is {status}: not admitted").format(
                name=p.name, status=p.status_label))
        else:
            self._show_result("unknown", self.tr("Unknown code"))
        if result.outcome != "ok":
            QApplication.beep()
        self.search.clear()
        self._person_changed(p)
        self.search.setFocus()
        if result.outcome in ("ok", "decide"):
            self._announce()

    def _as_counted(self, p: checkin.Person) -> checkin.Person:
        """The person as the counts see them: a check-in before the event day is a rehearsal, not an arrival,
        unless the coordinator counts those (as the record of the day and 归档 do)."""
        entrance = self._entrance
        if (entrance is not None and not entrance.early_counted
                and checkin_rules.is_early(p.checked_in_at, entrance.date)):
            return dataclasses.replace(p, checked_in_at=None, walk_in=False)
        return p

    def _uncounted(self, p: checkin.Person) -> bool:
        """Checked in before the event day, and such check-ins are not counted as arrivals."""
        return p.checked_in_at is not None and self._as_counted(p).checked_in_at is None

    def _person_changed(self, person: checkin.Person | None) -> None:
        """One person's arrival changed: names, phones and codes did not, so the index stays as it is (rebuilding
        it for a large roster would stall the scanner between two people)."""
        if person is None:  # an unknown code: nothing changed
            return
        if person.id in self._people:
            self._tally.replace(self._as_counted(self._people[person.id]), self._as_counted(person))
            self._early += self._uncounted(person) - self._uncounted(self._people[person.id])
            self._people[person.id] = person
            self._refresh_side(person)
            self._on_text(self.search.text())
        else:  # a walk-in: a new person for the index
            self.reload()

    def _show_result(self, kind: str, text: str) -> None:
        self.result.setProperty("outcome", kind)
        self.result.setStyleSheet(RESULT_STYLES[kind] + "border-radius:6px;padding:8px;")
        self.result.setText(text)

    def _ask_admit(self, person: checkin.Person) -> bool:
        """Asked with No as the default; a scan typed while the question is open answers nothing: the question
        closes as No, the typed code goes back into the search field (its Enter checks in its own holder)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Not confirmed"), self.tr(
            "{name} ({category}) is {status}. Admit them anyway? They will be marked confirmed.").format(
            name=person.name, category=person.category, status=person.status_label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        typed = TypedAway(box)
        answer = box.exec()
        if typed.text:
            self._kept_scan = (person.name, typed.text, typed.entered)
            return False
        return answer == QMessageBox.StandardButton.Yes

    def _ask_reason(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr("Reason (kept with the check-in):"))
        return text.strip() if ok and text.strip() else None

    # -- undo, walk-ins, no-shows, venue mode ------------------------------------------------------------------

    def undo_last(self) -> None:
        if self._event_id is None:
            return
        try:
            row = checkin.undo_last(self._event_id)
        except UserError as exc:
            self._show_result("idle", str(exc))
            return
        self._show_result("again", self.tr("Check-in of {name} undone").format(name=row.name))
        self._person_changed(checkin.person(row.invitee_id))
        self._announce()

    def undo_selected(self) -> None:
        item = self.recent.currentItem()
        if item is None:
            self.side.setCurrentWidget(self.recent)
            return
        reason = self.ask_reason(self.tr("Undo check-in"))
        if reason is None:
            return
        ops.run_op(self, lambda: checkin.undo(item.data(Qt.ItemDataRole.UserRole), reason),
                   lambda _r: (self.reload(), self.sig_changed.emit()), event_id=self._event_id,
                   areas={"checkin"}, title=self.tr("Undo check-in"))

    def add_walk_in(self, draft: InviteeDraft | None = None) -> None:
        """A person who registers at the door: the person form (ID and age rule as the event requires), then
        admitted at once and marked as walk-in."""
        if self._event_id is None or not self._off_day_allowed():
            return
        if draft is None:
            start = InviteeDraft(source=WALK_IN_SOURCE, channel="现场", registered_at=dt.datetime.now().replace(
                second=0, microsecond=0))
            ctx = roster.context(self._event_id)
            names = [c.name for c in plan.snapshot(self._event_id).categories]
            draft = InviteeDialog.ask(self, start, ctx, names)
            if draft is None:
                return
        result = ops.run_op(self, lambda: checkin.walk_in(self._event_id, draft), event_id=self._event_id,
                            areas={"roster", "checkin"}, title=self.tr("Walk-in not added"))
        if result is not None:
            self._report(result)

    def mark_no_shows(self) -> None:
        if self._event_id is None:
            return
        if QMessageBox.question(self, self.tr("Mark no-shows"), self.tr(
                "Mark every confirmed person who has not checked in as 未到 (treated as having given up)?")) \
                != QMessageBox.StandardButton.Yes:
            return
        def done(count: int) -> None:
            self._show_result("idle", self.tr("{count} people marked as not arrived").format(count=count))
            self.reload()
            self.sig_changed.emit()

        ops.run_op(self, lambda: checkin.mark_no_shows(self._event_id), done, event_id=self._event_id,
                   areas={"roster", "checkin"}, title=self.tr("Mark no-shows"))

    def set_venue_mode(self, on: bool) -> None:
        """Large type for the entrance; the window goes full screen (F11 again leaves) and comes back as it was
        (maximised stays maximised); phones on screen are masked while it faces the public."""
        if on == self._venue:
            return
        self._venue = on
        self._apply_venue_fonts(on)
        self._placeholder = self._venue_hint if on else self._full_hint
        if self.search.isEnabled():
            self.search.setPlaceholderText(self._placeholder)
        window = self.window()
        if window is not self and window.isVisible():
            if on:
                self._was_maximised = window.isMaximized()
                window.showFullScreen()
            elif self._was_maximised:
                window.showMaximized()
            else:
                window.showNormal()
        self._refresh_side()
        self.search.setFocus()

    def _apply_venue_fonts(self, on: bool) -> None:
        big = QFont(self._base_font)
        big.setPointSizeF(self._base_font.pointSizeF() * (1.8 if on else 1.0))
        for widget in (self.matches, self.counts, self.missing, self.recent):
            widget.setFont(big)
        field = QFont(self._base_font)
        field.setPointSizeF(self._base_font.pointSizeF() * (2.4 if on else 1.6))
        self.search.setFont(field)
        result = QFont(self._base_font)
        result.setPointSizeF(self._base_font.pointSizeF() * (3.0 if on else 2.0))
        result.setBold(True)
        self.result.setFont(result)


_ROOT = QModelIndex()


class MissingModel(QAbstractListModel):
    """Who has not arrived yet: one row per person id, its text made when drawn (20,000 list items made up
    front held the window a tenth of a second when the tab opened). The staff's list shows the number to call;
    ``masked`` (venue mode: the entrance screen faces the public) shows 138****1234."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[int] = []
        self._people: dict = {}
        self.masked = False

    def show(self, ids: list[int], people: dict) -> None:
        self.beginResetModel()
        self._ids, self._people = list(ids), people
        self.endResetModel()

    def remove(self, person_id: int) -> None:
        try:
            row = self._ids.index(person_id)
        except ValueError:
            return
        self.beginRemoveRows(_ROOT, row, row)
        del self._ids[row]
        self.endRemoveRows()

    def append(self, person_id: int) -> None:
        self.beginInsertRows(_ROOT, len(self._ids), len(self._ids))
        self._ids.append(person_id)
        self.endInsertRows()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        person_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return person_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self._people.get(person_id)
        if p is None:
            return ""
        phone = phones.mask(p.phone) if self.masked and p.phone else p.phone
        return f"{p.name}　{p.category}　{phone}"
