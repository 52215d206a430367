"""签到 › 现场网络 (the venue network): this computer as the hub of the event, or joined to another computer's hub.

``VenueNetwork`` belongs to the window and outlives the dialog: the hub (``desktop_app.bundle.hub``) serves on
threads of its own, and a joined device is kept in step by ``client.run`` on a thread of its own. Neither touches
a widget: what they report reaches the GUI thread through queued signals. The check-in tab follows the log by
itself (it reads the new entries of the log twice a second while a network is on), so a scan at another door is
counted here within a second or two.

``NetworkDialog`` switches the hub on and off (the address to listen on, the port), shows the pairing code as a
QR code and as text (one-time, ten minutes; a new one at a click), lists the devices paired (name, last seen,
entries, clock offset) and revokes one; or joins this computer to a hub by a typed or pasted code."""

from __future__ import annotations

import datetime as dt
import logging
import socket
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.errors import UserError
from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.services.values import local_time

log = logging.getLogger(__name__)

DEFAULT_PORT = 47631  # a fixed port: devices find the hub again at the same address after it is restarted
LOOPBACK = "127.0.0.1"
BIND_KEY, PORT_KEY = "network.bind", "network.port"  # the address and port the hub listened on last
PORT_TAKEN_SOURCE = QT_TRANSLATE_NOOP(
    "core", "The venue network cannot listen on {address}:{port} ({error}). Choose another port, or close the "
            "program that uses it.")


def _span(seconds: float) -> str:
    from desktop_app.bundle.merge import _span as span

    return span(seconds)


class VenueNetwork(QObject):
    """The window's venue network: at most one hub and one link to a hub, for the event shown."""

    sig_changed = Signal()
    """The hub was switched on or off, a device joined, or the link's state changed."""
    sig_received = Signal(int)
    """Entries of other devices arrived (their number)."""
    sig_trouble = Signal(str)
    """The hub cannot be reached (or refused this device): the message."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hub = None
        self.hub_event: int | None = None
        self.code = None  # the pairing code shown (desktop_app.bundle.pairing.Pairing)
        self.sync_event: int | None = None
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self.trouble = ""  # the last trouble of the link, "" while it is in step
        self.last_exchange: dt.datetime | None = None
        self.findings: list[dict] = []

    # -- the hub --

    def start_hub(self, event_id: int, bind: str, port: int) -> None:
        from desktop_app.bundle import hub as hubs

        self.stop_hub()
        hub = hubs.Hub(event_id, bind=bind, port=port)
        try:
            hub.start()
        except OSError as exc:
            hub.stop()
            raise UserError(PORT_TAKEN_SOURCE, address=bind, port=port, error=exc.strerror or str(exc)) from None
        self.hub, self.hub_event = hub, event_id
        settings.set(BIND_KEY, bind)
        settings.set(PORT_KEY, port)
        self.new_code()
        log.info("venue hub switched on for event %s", event_id)
        self.sig_changed.emit()

    def new_code(self):
        if self.hub is None:
            return None
        self.code = self.hub.issue_codes(1)[0]
        self.sig_changed.emit()
        return self.code

    def code_used(self) -> bool:
        """Whether a device paired with the code shown (then the next device needs a new one)."""
        from db import models
        from desktop_app.bundle import pairing

        if self.code is None:
            return False
        P = models.PairingCode
        return P.select().where((P.token == pairing.token_hash(self.code.token)) & P.used_at.is_null(False)).exists()

    def stop_hub(self) -> None:
        if self.hub is not None:
            hub, self.hub, self.hub_event, self.code = self.hub, None, None, None
            hub.stop()
            log.info("venue hub switched off")
            self.sig_changed.emit()

    def scanned(self) -> None:
        """A scan at this desk: the hub's waiting devices hear of it at once."""
        if self.hub is not None:
            self.hub.notify()

    # -- the link to another hub --

    def linked(self, event_id: int | None) -> bool:
        from desktop_app.bundle import client

        return event_id is not None and client.link(event_id) is not None

    def start_sync(self, event_id: int) -> None:
        """Keep the event in step with its hub until stopped (nothing when it joined none)."""
        from desktop_app.bundle import client

        if self.sync_event == event_id and self._thread is not None and self._thread.is_alive():
            return
        self.stop_sync()
        if not self.linked(event_id):
            return
        stop = threading.Event()
        self._stop, self.sync_event, self.trouble = stop, event_id, ""

        def report(exchange) -> None:  # on the link's threads: signals only
            self.last_exchange = dt.datetime.now()
            self.findings = (exchange.findings + self.findings)[:50]
            if self.trouble:
                self.trouble = ""
                self.sig_changed.emit()
            if exchange.received:
                self.sig_received.emit(exchange.received)

        def trouble(error) -> None:
            self.trouble = str(error)
            self.sig_trouble.emit(self.trouble)
            self.sig_changed.emit()

        def keep_in_step() -> None:
            try:
                client.run(event_id, stop, report, trouble)
            except UserError as exc:  # refused for good (a revoked device): said, and the link stops
                self.trouble = str(exc)
                self.sig_trouble.emit(self.trouble)
            except Exception:  # noqa: BLE001 - the window goes on; the log has it
                log.exception("the link to the venue hub stopped")
            self.sig_changed.emit()

        self._thread = threading.Thread(target=keep_in_step, name="venue-link", daemon=True)
        self._thread.start()
        self.sig_changed.emit()

    def syncing(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop_sync(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._stop, self._thread, self.sync_event = None, None, None

    def queued(self, event_id: int) -> int:
        from desktop_app.bundle import client

        return client.queued(event_id) if self.linked(event_id) else 0

    def active(self, event_id: int | None) -> bool:
        return event_id is not None and (self.hub_event == event_id or self.sync_event == event_id)

    def shutdown(self) -> None:
        """The window closes: the hub stops listening, the link stops (a joined device's queue waits in the file),
        and nothing is reported any more."""
        self.stop_sync()
        self.stop_hub()
        self.blockSignals(True)

    # -- what the check-in tab says --

    def status(self, event_id: int | None) -> str:
        from desktop_app.bundle import hub as hubs

        if event_id is None:
            return ""
        if self.hub_event == event_id:
            devices = [d for d in hubs.devices(event_id) if not d.revoked]
            return self.tr("Venue network: this computer is the hub ({url}), {count} devices paired").format(
                url=self.hub.url, count=len(devices))
        if self.sync_event == event_id:
            if self.trouble:
                count = self.queued(event_id)
                if not count:
                    return self.tr("Venue network: the hub cannot be reached; nothing waits here, the other doors' "
                                   "check-ins come when it is back")
                return self.tr("Venue network: the hub cannot be reached; {count} check-in actions queued here, "
                               "sent when it is back").format(count=count)
            return self.tr("Venue network: joined to the hub, counts are the whole venue's")
        return ""


def addresses() -> list[str]:
    """The addresses the hub may listen on: this computer's on the local network first, the loopback last (for a
    trial on one computer)."""
    from desktop_app.bundle.hub import lan_address

    found = []
    lan = lan_address()
    if lan:
        found.append(lan)
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = info[4][0]
            if address not in found and not address.startswith("127."):
                found.append(address)
    except OSError:
        pass
    return found + [LOOPBACK]


class NetworkDialog(QDialog):
    """签到 › 现场网络: the hub of this computer, or this computer joined to another's."""

    def __init__(self, network: VenueNetwork, event_id: int | None, parent=None, *, on_joined=None):
        super().__init__(parent)
        self.setObjectName("network_dialog")
        self.setWindowTitle(self.tr("Venue network"))
        self.network = network
        self.event_id = event_id
        self.on_joined = on_joined
        self._shown_devices: list = []

        intro = QLabel(self.tr(
            "Several laptops at one venue share one check-in log over the venue's own network (a router or a "
            "phone's hotspot; no internet needed). One computer is the hub; the others join it with its pairing "
            "code. A device that loses the hub keeps checking people in and catches up by itself."), self)
        intro.setWordWrap(True)

        # the hub
        self.hub_box = QGroupBox(self.tr("This computer as the hub"), self)
        self.address = QComboBox(self)
        self.address.setObjectName("network_address")
        for address in addresses():
            label = address if address != LOOPBACK else self.tr("{address} (this computer only, for a trial)").format(
                address=address)
            self.address.addItem(label, address)
        last = self.address.findData(settings.get(BIND_KEY))
        if last >= 0:
            self.address.setCurrentIndex(last)
        self.port = QSpinBox(self)
        self.port.setObjectName("network_port")
        self.port.setRange(1024, 65535)
        port = settings.get(PORT_KEY)
        self.port.setValue(port if isinstance(port, int) and 1024 <= port <= 65535 else DEFAULT_PORT)
        self.hub_button = QPushButton(self)
        self.hub_button.setObjectName("network_hub_button")
        self.hub_button.clicked.connect(self.toggle_hub)
        self.qr = QLabel(self)
        self.qr.setObjectName("network_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(220, 220)
        self.code = QLabel(self)  # the whole code in view, to be read out or typed (the QR is scanned)
        self.code.setObjectName("network_code")
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.code.setFont(mono)
        self.off_hint = QLabel(self.tr(
            "Switched on, this computer shows here the pairing code for the other laptops and the devices that "
            "joined. Choose the address of this computer on the venue's network."), self)
        self.off_hint.setWordWrap(True)
        self.off_hint.setStyleSheet("color:#546e7a;")
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.text()))
        self.new_code_button = QPushButton(self.tr("&New code"), self)
        self.new_code_button.setObjectName("network_new_code")
        self.new_code_button.clicked.connect(self.new_code)
        self.expires = QLabel(self)
        self.devices = QTableWidget(0, 5, self)
        self.devices.setObjectName("network_devices")
        self.devices.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Last seen"), self.tr("Entries"),
                                                self.tr("Clock"), self.tr("State")])
        self.devices.verticalHeader().hide()
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.devices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.devices.horizontalHeader().setStretchLastSection(True)
        rows = self.devices.verticalHeader().defaultSectionSize()  # three devices shown without scrolling
        self.devices.setMinimumHeight(self.devices.horizontalHeader().sizeHint().height() + 3 * rows + 4)
        self.revoke_button = QPushButton(self.tr("&Revoke the device…"), self)
        self.revoke_button.setObjectName("network_revoke")
        self.revoke_button.clicked.connect(self.revoke)

        where = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(QLabel(self.tr("Port"), self))
        row.addWidget(self.port)
        row.addWidget(self.hub_button)
        where.addRow(self.tr("Listen on"), row)
        code_side = QVBoxLayout()
        code_side.addWidget(QLabel(self.tr("Pairing code (one device, once, for ten minutes):"), self))
        code_side.addWidget(self.code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.expires, 1)
        code_row.addWidget(self.copy_button)
        code_row.addWidget(self.new_code_button)
        code_side.addLayout(code_row)
        code_side.addWidget(self.devices, 1)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.revoke_button)
        code_side.addLayout(revoke_row)
        code_area = QHBoxLayout()
        code_area.addWidget(self.qr)
        code_area.addLayout(code_side, 1)
        self.code_area = QWidget(self)
        self.code_area.setLayout(code_area)
        hub_layout = QVBoxLayout(self.hub_box)
        hub_layout.addLayout(where)
        hub_layout.addWidget(self.off_hint, 1, Qt.AlignmentFlag.AlignTop)
        hub_layout.addWidget(self.code_area, 1)

        # joining
        self.join_box = QGroupBox(self.tr("Join another computer's hub"), self)
        self.join_code = QLineEdit(self)
        self.join_code.setObjectName("network_join_code")
        self.join_code.setPlaceholderText(self.tr("ODHUB1:… from the hub's screen"))
        self.device_name = QLineEdit(socket.gethostname()[:60], self)
        self.device_name.setObjectName("network_device_name")
        self.join_button = QPushButton(self.tr("&Join"), self)
        self.join_button.setObjectName("network_join")
        self.join_button.clicked.connect(self.join)
        self.link_state = QLabel(self)
        self.link_state.setObjectName("network_link_state")
        self.link_state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("&Stay in step"), self)
        self.sync_button.setObjectName("network_sync")
        self.sync_button.setCheckable(True)
        self.sync_button.toggled.connect(self.toggle_sync)
        join_layout = QFormLayout(self.join_box)
        join_layout.addRow(self.tr("Pairing code"), self.join_code)
        name_row = QHBoxLayout()
        name_row.addWidget(self.device_name, 1)
        name_row.addWidget(self.join_button)
        join_layout.addRow(self.tr("This device's name"), name_row)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_state, 1)
        link_row.addWidget(self.sync_button)
        join_layout.addRow(link_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.hub_box, 1)
        layout.addWidget(self.join_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self._listening = False

    # -- showing --

    def refresh(self) -> None:
        if not self.isVisible():  # (closed: what the network's threads report later is not shown)
            return
        net = self.network
        on = net.hub is not None and net.hub_event == self.event_id
        other = net.hub is not None and not on
        self.hub_box.setVisible(self.event_id is not None)  # (a laptop with no event yet can only join)
        if on and net.code_used():
            net.new_code()  # the next laptop pairs with a fresh one
            return
        self.hub_button.setText(self.tr("Switch &off") if on else self.tr("Switch &on"))
        self.hub_button.setEnabled(self.event_id is not None and not net.linked(self.event_id) and not other)
        self.address.setEnabled(not on)
        self.port.setEnabled(not on)
        if self.code_area.isVisibleTo(self) != on:
            self.code_area.setVisible(on)
            self.off_hint.setVisible(not on)
            self.join_box.setVisible(not on)  # (a hub joins no other: its room goes to the devices)
            self.adjustSize()  # (switched off, the dialog holds no empty space)
        if on:
            self._show_code()
            self._show_devices()
        linked = net.linked(self.event_id)
        self.join_code.setEnabled(not linked)
        self.join_button.setEnabled(not linked)
        self.sync_button.setEnabled(linked)
        self.sync_button.blockSignals(True)
        self.sync_button.setChecked(net.syncing() and net.sync_event == self.event_id)
        self.sync_button.blockSignals(False)
        if linked:
            from desktop_app.bundle import client

            url = client.link(self.event_id).url
            if net.trouble and net.sync_event == self.event_id:
                text = self.tr("Joined to {url}. {trouble}").format(url=url, trouble=net.trouble)
            elif net.syncing() and net.sync_event == self.event_id:
                seen = net.last_exchange
                text = (self.tr("Joined to {url}: in step; the last check-ins came or went at {time}.").format(
                    url=url, time=f"{seen:%H:%M:%S}") if seen else
                    self.tr("Joined to {url}: in step.").format(url=url))
            elif count := net.queued(self.event_id):
                text = self.tr("Joined to {url}, not in step now: {count} check-in actions wait here.").format(
                    url=url, count=count)
            else:
                text = self.tr("Joined to {url}, not in step now.").format(url=url)
            self.link_state.setText(text)
        else:
            self.link_state.setText(self.tr("Not joined to a hub."))

    def _show_code(self) -> None:
        code = self.network.code
        if code is None:
            return
        text = code.text()
        if self.code.text() != text:
            from desktop_app.bundle import pairing

            self.code.setText(text)
            image = QPixmap()
            image.loadFromData(_png(pairing.qr(code)), "PNG")
            self.qr.setPixmap(image)
        left = (code.expires - dt.datetime.now(dt.UTC).replace(tzinfo=None)).total_seconds() if code.expires else 0
        if left > 0:
            self.expires.setText(self.tr("Valid for {minutes}:{seconds:02d} more; single use.").format(
                minutes=int(left // 60), seconds=int(left % 60)))
        else:
            self.expires.setText(self.tr("Expired: make a new code."))

    def _show_devices(self) -> None:
        from desktop_app.bundle import hub as hubs

        rows = hubs.devices(self.event_id)
        if rows == self._shown_devices:
            return
        self._shown_devices = rows
        chosen = self.devices.currentRow()
        self.devices.setRowCount(len(rows))
        for n, d in enumerate(rows):
            seen = local_time(d.last_seen)
            offset = d.clock_offset_s
            clock = (self.tr("off by {span} ({direction})").format(
                span=_span(offset), direction=self.tr("ahead") if offset > 0 else self.tr("behind"))
                if offset is not None and abs(offset) > 300 else self.tr("agrees"))
            state = self.tr("revoked") if d.revoked else self.tr("paired")
            for column, value in enumerate((d.name or d.device[:8], f"{seen:%H:%M:%S}" if seen else "—",
                                            str(d.entries), clock, state)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, d.device)
                self.devices.setItem(n, column, item)
        if 0 <= chosen < len(rows):
            self.devices.selectRow(chosen)

    # -- actions --

    def toggle_hub(self) -> None:
        net = self.network
        try:
            if net.hub is not None:
                net.stop_hub()
            else:
                net.start_hub(self.event_id, self.address.currentData(), self.port.value())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Venue network"), str(exc))
        self.refresh()

    def new_code(self) -> None:
        self.network.new_code()
        self.refresh()

    def revoke(self) -> None:
        from desktop_app.bundle import hub as hubs

        row = self.devices.currentRow()
        if row < 0:
            return
        device = self.devices.item(row, 0).data(Qt.ItemDataRole.UserRole)
        name = self.devices.item(row, 0).text()
        answer = QMessageBox.question(self, self.tr("Revoke the device"), self.tr(
            "Refuse {name} from now on? Its check-ins so far stay counted. To let it in again, pair it with a new "
            "code.").format(name=name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            hubs.revoke(self.event_id, device)
            self._shown_devices = []
            self.refresh()

    def join(self) -> None:
        from desktop_app.bundle import client

        text, name = self.join_code.text().strip(), self.device_name.text().strip()
        if not text:
            self.join_code.setFocus()
            return
        worker = getattr(self.parent(), "worker", None)

        def done(joined) -> None:
            self.event_id = joined.event_id
            self.join_code.clear()
            if self.on_joined is not None:
                self.on_joined(joined.event_id)
            self.network.start_sync(joined.event_id)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.join_button.setEnabled(True)
            if isinstance(error, UserError):
                QMessageBox.warning(self, self.tr("Venue network"), str(error))
            else:
                raise error

        self.join_button.setEnabled(False)
        if worker is None:
            try:
                done(client.join(text, name))
            except UserError as exc:
                failed(exc)
            return
        worker.run(lambda: client.join(text, name), done, failed, parent=self,
                   label=self.tr("Joining the hub and receiving the event…"))

    def toggle_sync(self, on: bool) -> None:
        if on:
            self.network.start_sync(self.event_id)
        else:
            self.network.stop_sync()
        self.refresh()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        self.timer.stop()
        if self._listening:
            self.network.sig_changed.disconnect(self.refresh)
            self._listening = False
        super().done(result)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._listening:
            self.network.sig_changed.connect(self.refresh)
            self._listening = True
        self.timer.start()
        self.refresh()
        (self.join_code if self.event_id is None else self.hub_button).setFocus()


def _png(code) -> bytes:
    import io

    out = io.BytesIO()
    code.save(out, kind="png", scale=5, border=2)
    return out.getvalue()


def show_network(window, network: VenueNetwork, event_id: int | None, *, on_joined=None) -> NetworkDialog:
    """The window's one 现场网络 dialog, shown for ``event_id`` without holding the window: the entrance goes on
    scanning beside it."""
    dialog = getattr(window, "_network_dialog", None)  # (the window, or the check-in tab standing alone)
    if dialog is None or dialog.event_id != event_id:
        if dialog is not None:
            dialog.close()
        dialog = NetworkDialog(network, event_id, window, on_joined=on_joined)
        window._network_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
