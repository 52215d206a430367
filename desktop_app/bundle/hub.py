"""The venue hub: one device serves an event's check-in log to the others over the venue's own network (a router
or a phone's hotspot, no internet), so that every door sees the same counts within a couple of seconds.

Transport: the standard library's ``http.server.ThreadingHTTPServer`` with each connection wrapped by ``ssl``
(TLS 1.2 or newer) in the certificate of ``desktop_app.bundle.tls``; devices pin that certificate by the
fingerprint in their pairing code (``desktop_app.bundle.client``). No HTTP or TLS is written here: requests are
read and answered by ``http.server``, encrypted by OpenSSL through ``ssl``.

Endpoints (JSON bodies; a refusal is ``{"error": code, "message"}`` with a 4xx/5xx status):

``POST /join``   ``{"token", "device", "name", "wall_at"}`` → ``{"credential", "device", "event_uuid", "payload",
                 "cursors", "wall_at", "offset_s"}``: the one-time token of a pairing code (``pairing``) is
                 exchanged for a device credential (32 random bytes; the hub keeps its SHA-256 in
                 ``HubDevice``) and the event as a bundle payload (``rows.event_payload``, blobs in base64).
``POST /sync``   ``Authorization: Bearer <credential>``; ``{"device", "cursors", "entries", "wall_at", "wait"}`` →
                 ``{"entries", "cursors", "wall_at", "offset_s", "offsets", "findings", "added", "more"}``: the
                 device's entries are appended (``log.receive``, idempotent by uuid), its clock offset measured,
                 and the entries it lacks sent back. ``wait`` (≤ 25 s): when it lacks nothing, the answer waits
                 until something arrives (a scan on another device reaches it at once; one made on the hub's
                 database by another process within a quarter of a second).

Bounds: bodies of at most 16 KB (join) and 8 MB (sync), 5,000 entries a request either way, 64 connections at
once, a rate per client address (and a stricter one for joins), timeouts on the handshake and on every read.

All database work runs on one thread of the hub's (``_db``), one request after another: peewee keeps a
connection per thread, and the file has one writer at a time (``db.connection``); the handlers only parse,
wait and answer.

The hub listens on the one address chosen, only between ``start()`` and ``stop()``; it announces itself with
zeroconf (``discovery``) only on an address other than the loopback."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import ipaddress
import json
import logging
import secrets
import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from db import models

from .. import i18n
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import pairing, tls

log = logging.getLogger(__name__)

# Transactions that write begin IMMEDIATE (waiting their turn behind another process's write, busy_timeout):
# through the models' DatabaseProxy, atomic() would begin a deferred one, whose first write fails at once
# when another process wrote since it read (see db.connection).
WRITE = "IMMEDIATE"

DEFAULT_PORT = 47631  # fixed, so that devices find a restarted hub at the same address (no registered service)
MAX_JOIN_BODY = 16 * 1024
MAX_SYNC_BODY = 8 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_WAIT = 25.0
MAX_CONNECTIONS = 64
HANDSHAKE_TIMEOUT = 10.0
READ_TIMEOUT = MAX_WAIT + 20.0
POLL_S = 0.25  # how often a waiting answer looks for entries written by another process
RATE = (60.0, 120)  # requests per second per client address, and the burst allowed (a device makes 1-3 a scan)
JOIN_RATE = (10 / 60, 10)  # joins per second per client address (ten a minute), and the burst
COMPRESS_FROM = 64 * 1024  # answers larger than this are sent deflated
DRAIN_LIMIT = 64 * 1024  # a refused request's body up to this size is read, so the connection goes on

# Refusals: (HTTP status, message). The message is for the device's user, in the hub's language.
MESSAGES = {
    "bad_request": (400, QT_TRANSLATE_NOOP("core", "The hub did not understand the request ({detail}). Update "
                                                   "Open Day Desk on this device to the hub's version.")),
    "too_large": (413, QT_TRANSLATE_NOOP("core", "The request was larger than the hub accepts ({detail}).")),
    "length_required": (411, QT_TRANSLATE_NOOP("core", "The request did not say its size.")),
    "rate_limited": (429, QT_TRANSLATE_NOOP("core", "Too many requests from this device; wait a moment.")),
    "busy": (503, QT_TRANSLATE_NOOP("core", "The hub is busy or stopping; try again in a moment.")),
    "not_found": (404, QT_TRANSLATE_NOOP("core", "The hub has no such service ({detail}).")),
    pairing.UNKNOWN: (401, QT_TRANSLATE_NOOP("core", "The hub does not know this pairing code (it may belong to "
                                                     "another event or another hub). Ask for a new code.")),
    pairing.USED: (401, QT_TRANSLATE_NOOP("core", "This pairing code was used already; each code pairs one "
                                                  "device once. Ask for a new code on the hub.")),
    pairing.EXPIRED: (401, QT_TRANSLATE_NOOP("core", "This pairing code has expired (codes are valid for ten "
                                                     "minutes). Ask for a new code on the hub.")),
    "unpaired": (401, QT_TRANSLATE_NOOP("core", "The hub does not know this device: pair it again with a new "
                                                "code from the hub.")),
    "revoked": (403, QT_TRANSLATE_NOOP("core", "The hub's coordinator removed this device from the venue "
                                               "network. Ask for a new pairing code if it should take part.")),
    "refused_entries": (422, QT_TRANSLATE_NOOP("core", "The hub refused the check-ins sent: {detail}")),
    "server_error": (500, QT_TRANSLATE_NOOP("core", "The hub met an unexpected error; its log file says more.")),
}

CLOCK_OFF = QT_TRANSLATE_NOOP(
    "core", "The clock of device {name} is {offset} {direction} the hub's; its check-ins are placed by the hub's "
            "time.")


class Refusal(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.status, message = MESSAGES[code]
        self.message = i18n.text(message, detail=detail) if "{detail}" in message else i18n.text(message)

    def body(self) -> dict:
        return {"error": self.code, "message": self.message}


@dataclass(frozen=True)
class DeviceRow:
    """A paired device as the hub's window lists it."""

    device: str
    name: str
    paired_at: dt.datetime
    last_seen: dt.datetime | None
    entries: int
    clock_offset_s: float | None
    revoked: bool


def credential_hash(credential: str) -> str:
    return hashlib.sha256(credential.encode("utf-8")).hexdigest()


def devices(event_id: int) -> list[DeviceRow]:
    H = models.HubDevice
    return [DeviceRow(h.device, h.name, h.paired_at, h.last_seen, h.entries, h.clock_offset_s, h.revoked_at is not None)
            for h in H.select().where(H.event == event_id).order_by(H.paired_at)]


def revoke(event_id: int, device: str) -> bool:
    """Refuse the device from now on; True when it was paired and not revoked yet."""
    H = models.HubDevice
    with models.database.atomic(WRITE):
        done = H.update(revoked_at=models.utcnow()).where((H.event == event_id) & (H.device == device)
                                                           & H.revoked_at.is_null()).execute()
    if done:
        log.info("hub: device %s revoked", device[:8])
    return bool(done)


def clock_finding(name: str, offset_s: float):
    """The finding naming a paired device whose clock is off the hub's (for the hub's list of devices)."""
    from ..services.reconcile import Finding
    from .merge import AHEAD_OF, BEHIND, _span

    return Finding("clock_offset", i18n.text(CLOCK_OFF, name=name, offset=_span(offset_s),
                                             direction=i18n.text(AHEAD_OF if offset_s > 0 else BEHIND)),
                   offset_s=round(offset_s))


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def lan_address() -> str | None:
    """This machine's address on the local network: the first private IPv4 address of an interface that is up,
    other than the loopback (as ``ifaddr``, zeroconf's dependency, lists them); None when there is none."""
    try:
        import ifaddr
    except ImportError:
        return None
    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str):
                try:
                    address = ipaddress.IPv4Address(ip.ip)
                except ValueError:
                    continue
                if address.is_private and not address.is_loopback and not address.is_link_local:
                    found.append(str(address))
    return found[0] if found else None


def _dumps(value) -> bytes:
    from .container import _dumps as dumps
    from .container import _json_default

    return dumps(value, default=_json_default).encode("utf-8")


def _safe_cut(entries: list[dict], limit: int) -> tuple[list[dict], bool]:
    """At most about ``limit`` entries, cut where the receiver's cursors stay true: never between two entries of
    one device at sequence 0 (the check-ins from before the log share it, and a cursor of 0 would skip the rest);
    ``entries`` is in each device's order, devices one after another (``log.entries_after``)."""
    if len(entries) <= limit:
        return entries, False
    end = limit
    last = entries[end - 1]
    while end < len(entries) and last["seq"] == 0 and entries[end]["device"] == last["device"] \
            and entries[end]["seq"] == 0:
        end += 1
    return entries[:end], end < len(entries)


class _Bucket:
    __slots__ = ("tokens", "at")

    def __init__(self, burst: float):
        self.tokens, self.at = float(burst), time.monotonic()


class _Rates:
    """Token buckets per client address."""

    def __init__(self, rate: float, burst: int):
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > 4096:  # forget idle addresses
                self._buckets = {a: b for a, b in self._buckets.items() if now - b.at < 60}
            bucket = self._buckets.setdefault(address, _Bucket(self.burst))
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 32

    def __init__(self, address, handler, hub: Hub, family: int):
        self.address_family = family
        self.hub = hub
        self.active = 0
        self.active_lock = threading.Lock()
        self.open: set = set()  # the connections being served, closed when the hub stops
        super().__init__(address, handler)

    def close_all(self) -> None:
        """End every connection still open (a kept one would reach this stopped hub, not its successor)."""
        with self.active_lock:
            requests = list(self.open)
        for request in requests:
            try:
                request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def process_request(self, request, client_address):
        with self.active_lock:
            if self.active >= MAX_CONNECTIONS:
                self.shutdown_request(request)
                return
            self.active += 1
            self.open.add(request)
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.active_lock:
                self.active -= 1
                self.open.discard(request)

    def handle_error(self, request, client_address):
        log.debug("hub: connection from %s ended with an error", client_address[0], exc_info=True)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections are kept for the next exchange (one handshake, not one a scan)
    server_version = "OpenDayHub/1"
    sys_version = ""
    timeout = READ_TIMEOUT
    server: _Server

    def setup(self):
        self.request.settimeout(HANDSHAKE_TIMEOUT)
        self.request = self.server.hub.context.wrap_socket(self.request, server_side=True)
        super().setup()  # the read timeout from ``timeout``

    def log_message(self, format, *args):  # noqa: A002 - http.server's name
        log.debug("hub: %s %s", self.client_address[0], format % args)

    def log_request(self, code="-", size="-"):
        log.debug("hub: %s %s %s", self.client_address[0], self.path, code)

    def do_GET(self):
        self._answer_refusal(Refusal("not_found", self.path[:100]))

    def do_POST(self):
        hub = self.server.hub
        self.body_read = False
        try:
            if hub.stopping:  # and the connection closed: kept, it would answer "busy" after a restart too
                self.close_connection = True
                raise Refusal("busy")
            route = {"/join": (hub.handle_join, MAX_JOIN_BODY, hub.join_rates),
                     "/sync": (hub.handle_sync, MAX_SYNC_BODY, hub.rates)}.get(self.path)
            if route is None:
                raise Refusal("not_found", self.path[:100])
            handle, limit, rates = route
            if not rates.allow(self.client_address[0]):
                raise Refusal("rate_limited")
            body = self._body(limit)
            answer = handle(body, self.headers.get("Authorization", ""))
        except Refusal as refusal:
            if not self.body_read and not self.close_connection:
                self._drain()
            self._answer_refusal(refusal)
            return
        except Exception:  # noqa: BLE001 - the device gets a refusal; the details go to the log
            log.exception("hub: %s failed", self.path)
            self.close_connection = True
            self._answer_refusal(Refusal("server_error"))
            return
        self._answer(200, answer)

    def _drain(self) -> None:
        """Read a small body that will not be used (it would be read as the next request, and a socket closed
        with unread data resets the connection before the device reads the answer); a large one closes it."""
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) <= DRAIN_LIMIT:
            try:
                self.rfile.read(int(length))
                return
            except OSError:
                pass
        self.close_connection = True

    def _body(self, limit: int) -> dict:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            raise Refusal("length_required")
        size = int(length)
        if size > limit:
            self.close_connection = True  # the body is not read: the connection cannot go on
            raise Refusal("too_large", f"{size} > {limit} bytes")
        raw = self.rfile.read(size)
        self.body_read = True
        if len(raw) != size:
            self.close_connection = True
            raise Refusal("bad_request", "cut short")
        if self.headers.get("Content-Encoding") == "deflate":
            inflater = zlib.decompressobj()
            try:
                raw = inflater.decompress(raw, limit)
            except zlib.error:
                raise Refusal("bad_request", "deflate") from None
            if inflater.unconsumed_tail:
                raise Refusal("too_large", f"more than {limit} bytes inflated")
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError):
            raise Refusal("bad_request", "JSON") from None
        if not isinstance(body, dict):
            raise Refusal("bad_request", "not an object")
        return body

    def _answer_refusal(self, refusal: Refusal) -> None:
        self._answer(refusal.status, refusal.body())

    def _answer(self, status: int, body: dict | bytes) -> None:
        data = body if isinstance(body, bytes) else _dumps(body)
        deflate = len(data) > COMPRESS_FROM and "deflate" in self.headers.get("Accept-Encoding", "")
        if deflate:
            data = zlib.compress(data, 6)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if deflate:
                self.send_header("Content-Encoding", "deflate")
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            self.close_connection = True


class Hub:
    """The hub of one event. ``start()`` listens on ``bind``:``port`` (0: a free port) in threads of its own;
    ``stop()`` closes it. Bound to the database of the thread that made it (``models.database``)."""

    def __init__(self, event_id: int, *, bind: str = "127.0.0.1", port: int = 0, announce: bool = True):
        self.event_id = event_id
        self.bind = bind
        self.requested_port = port
        self.announce = announce
        self.stopping = False
        self.rates = _Rates(*RATE)
        self.join_rates = _Rates(*JOIN_RATE)
        self._db = ThreadPoolExecutor(1, thread_name_prefix="hub-db")
        self._changed = threading.Condition()  # the log grew (``_seen`` is its watermark): waiting answers look
        self._seen = 0
        self._waiting = 0  # answers waiting: the watcher reads the watermark only while there are some
        self._poked = False  # a scan here: read the watermark at once
        self._watcher: threading.Thread | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._announcement = None
        self._cursors: tuple[int, dict] = (-2, {})
        identity, self.event_uuid = self._call(self._prepare)
        self.fingerprint = identity.fingerprint
        self.context = identity.server_context()

    # -- the database thread --

    def _call(self, fn, *args):
        try:
            return self._db.submit(fn, *args).result()
        except RuntimeError as exc:  # the executor was shut down: the hub is stopping
            if self.stopping:
                raise Refusal("busy") from None
            raise exc

    def _prepare(self):
        event = models.Event.get_or_none((models.Event.id == self.event_id) & models.Event.alive())
        if event is None:
            from ..errors import EventNotFound

            raise EventNotFound(self.event_id)
        return tls.hub_identity(), event.uuid

    @staticmethod
    def _watermark() -> int:
        return models.CheckinEntry.select(models.fn.MAX(models.CheckinEntry.id)).scalar() or 0

    def _hub_cursors(self, mark: int) -> dict:
        """``log.cursors`` of the event, read again only when the log changed."""
        from . import log as checkin_log

        if self._cursors[0] != mark:
            self._cursors = (mark, checkin_log.cursors(self.event_id))
        return self._cursors[1]

    # -- lifecycle --

    @property
    def port(self) -> int:
        return self._server.server_address[1] if self._server else self.requested_port

    @property
    def address(self) -> str:
        """The address devices reach the hub at (the LAN's when bound to every interface)."""
        if self.bind in ("", "0.0.0.0", "::"):
            return lan_address() or "127.0.0.1"
        return self.bind

    @property
    def url(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"https://{host}:{self.port}"

    def start(self) -> Hub:
        family = socket.AF_INET6 if ":" in self.bind else socket.AF_INET
        self._server = _Server((self.bind, self.requested_port), _Handler, self, family)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="hub-server", daemon=True)
        self._thread.start()
        self._watcher = threading.Thread(target=self._watch, name="hub-watch", daemon=True)
        self._watcher.start()
        log.info("hub of event %s listening on %s:%s", self.event_id, self.bind, self.port)
        if self.announce and not is_loopback(self.address):
            from . import discovery

            self._announcement = discovery.announce(self.event_uuid, self.fingerprint, self.address, self.port)
        return self

    def stop(self) -> None:
        self.stopping = True
        with self._changed:
            self._changed.notify_all()
        if self._announcement is not None:
            self._announcement.close()
            self._announcement = None
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.close_all()
        try:
            self._db.submit(_close_connection).result(timeout=10)
        except Exception:  # noqa: BLE001 - stopping anyway
            pass
        self._db.shutdown(wait=True)
        log.info("hub of event %s stopped", self.event_id)

    def __enter__(self) -> Hub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def issue_codes(self, count: int = 1) -> list[pairing.Pairing]:
        return self._call(pairing.issue, self.event_id, self.address, self.port, self.fingerprint, count)

    def notify(self) -> None:
        """Something was written to the log here (a scan at the hub's own desk): wake the waiting answers."""
        with self._changed:
            self._poked = True  # the watcher reads the watermark now (not this thread: the window's must not wait)
            self._changed.notify_all()

    def _saw(self, mark: int) -> None:
        with self._changed:
            if mark > self._seen:
                self._seen = mark
                self._changed.notify_all()

    def _watch(self) -> None:
        """While answers wait, read the log's watermark every ``POLL_S``: a scan written by another process
        (``openday checkin`` on the hub's file) or by the window wakes them. One reading for all of them."""
        while not self.stopping:
            with self._changed:
                while not self._waiting and not self.stopping:
                    self._changed.wait()
            if self.stopping:
                return
            try:
                self._saw(self._call(self._watermark))
            except Refusal:
                return
            except Exception:  # noqa: BLE001 - a busy file: read again next time
                log.debug("hub: the watermark could not be read", exc_info=True)
            until = time.monotonic() + POLL_S
            with self._changed:  # (woken by every answer's news too: only a poke or the time ends the pause)
                while not self._poked and not self.stopping and time.monotonic() < until:
                    self._changed.wait(until - time.monotonic())
                self._poked = False

    # -- requests --

    def handle_join(self, body: dict, _authorization: str) -> dict:
        token, device, name = body.get("token"), body.get("device"), body.get("name", "")
        if not isinstance(token, str) or not _short_text(device, 64) or not device or not _short_text(name, 100):
            raise Refusal("bad_request", "token, device, name")
        device_wall = _wall(body.get("wall_at"))
        offset = round((device_wall - models.utcnow()).total_seconds(), 1) if device_wall else None
        credential = secrets.token_urlsafe(32)
        answer = self._call(self._join, token, device, name, credential, offset)
        answer.update(credential=credential, wall_at=models.utcnow().isoformat(), offset_s=offset)
        log.info("hub: device %s paired%s", device[:8],
                 f" (clock {offset:+.0f} s)" if offset is not None and abs(offset) > _slack() else "")
        return answer

    def _join(self, token: str, device: str, name: str, credential: str, offset: float | None) -> dict:
        from . import log as checkin_log
        from .rows import event_payload

        H = models.HubDevice
        with models.database.atomic(WRITE):
            why = pairing.redeem(self.event_id, token)
            if why:
                raise Refusal(why)
            row = H.get_or_none((H.event == self.event_id) & (H.device == device))
            now = models.utcnow()
            if row is None:
                H.create(event=self.event_id, device=device, name=name, credential=credential_hash(credential),
                         paired_at=now, last_seen=now, clock_offset_s=offset)
            else:  # paired again (a new code is the coordinator's consent, also after a revocation)
                H.update(name=name, credential=credential_hash(credential), paired_at=now, last_seen=now,
                         clock_offset_s=offset, revoked_at=None).where(H.id == row.id).execute()
            if offset is not None:
                checkin_log.note_offsets(self.event_id, {device: offset})
        with models.database.atomic("DEFERRED"):  # one snapshot, read without holding the write lock for seconds
            payload = event_payload(self.event_id)
            cursors = checkin_log.cursors(self.event_id)
        return {"device": models.device_id(), "event_uuid": self.event_uuid, "payload": payload,
                "cursors": cursors}

    def handle_sync(self, body: dict, authorization: str) -> dict:
        credential = authorization[7:].strip() if authorization.startswith("Bearer ") else ""
        device, cursors, entries = body.get("device"), body.get("cursors", {}), body.get("entries", [])
        if not credential or not _short_text(device, 64):
            raise Refusal("unpaired")
        if not isinstance(cursors, dict) or not all(isinstance(k, str) and isinstance(v, int)
                                                    and not isinstance(v, bool) for k, v in cursors.items()):
            raise Refusal("bad_request", "cursors")
        if not isinstance(entries, list):
            raise Refusal("bad_request", "entries")
        if len(entries) > MAX_ENTRIES:
            raise Refusal("too_large", f"{len(entries)} > {MAX_ENTRIES} entries")
        wait = body.get("wait", 0)
        wait = min(max(float(wait), 0.0), MAX_WAIT) if isinstance(wait, int | float) else 0.0
        device_wall = _wall(body.get("wall_at"))
        now = models.utcnow()
        offset = round((device_wall - now).total_seconds(), 1) if device_wall else None
        added, findings, out, more, mark = self._call(self._exchange, credential, device, cursors, entries, offset)
        self._saw(mark)  # (new entries wake the others' waiting answers)
        deadline = time.monotonic() + wait
        if not out and wait:
            with self._changed:
                self._waiting += 1
                self._changed.notify_all()  # the watcher starts reading
            try:
                while not out and not self.stopping and time.monotonic() < deadline:
                    with self._changed:
                        if self._seen <= mark:
                            self._changed.wait(max(deadline - time.monotonic(), 0))
                        latest = self._seen
                    if self.stopping:
                        break
                    if latest > mark:
                        mark = latest
                        # Its own entries it has (it sent them, perhaps on another connection meanwhile).
                        out, more = self._call(self._missing, device, cursors, True)
            finally:
                with self._changed:
                    self._waiting -= 1
        hub_cursors, offsets = self._call(self._state)
        return {"entries": out, "cursors": hub_cursors, "wall_at": models.utcnow().isoformat(), "offset_s": offset,
                "offsets": offsets, "findings": findings, "added": added, "more": more}

    def _device(self, credential: str, device: str) -> models.HubDevice:
        H = models.HubDevice
        row = H.get_or_none((H.event == self.event_id) & (H.credential == credential_hash(credential)))
        if row is None or row.device != device:
            raise Refusal("unpaired")
        if row.revoked_at is not None:
            raise Refusal("revoked")
        return row

    def _exchange(self, credential: str, device: str, cursors: dict, entries: list, offset: float | None):
        from . import log as checkin_log

        row = self._device(credential, device)
        found = {device: offset} if offset is not None else {}
        added, findings = 0, []
        with models.database.atomic(WRITE):
            if entries:
                try:
                    received = checkin_log.receive(self.event_id, entries, offsets_found=found,
                                                   source=f"device {row.name or device[:8]}")
                except UserError as exc:
                    raise Refusal("refused_entries", str(exc)) from None
                added, findings = received.added, [f.as_json() for f in received.findings]
            elif found:
                checkin_log.note_offsets(self.event_id, found)
            H = models.HubDevice
            H.update(last_seen=models.utcnow(), clock_offset_s=offset, entries=H.entries + added
                     ).where(H.id == row.id).execute()
        if offset is not None and abs(offset) > _slack() and (row.clock_offset_s is None
                                                              or abs(row.clock_offset_s) <= _slack()):
            log.warning("hub: the clock of device %s is %+.0f s off the hub's", device[:8], offset)
        out, more = self._missing(device, cursors, False)
        return added, findings, out, more, self._watermark()

    def _missing(self, device: str, cursors: dict, own_known: bool) -> tuple[list[dict], bool]:
        from . import log as checkin_log

        held = self._hub_cursors(self._watermark())
        if own_known:
            cursors = dict(cursors)
            cursors[device] = max(cursors.get(device, -1), held.get(device, -1))
        if all(top <= cursors.get(other, -1) for other, top in held.items()):
            return [], False  # it holds all the hub holds (the usual answer: no query of the log)
        return _safe_cut(checkin_log.entries_after(self.event_id, cursors), MAX_ENTRIES)

    def _state(self) -> tuple[dict, dict]:
        from . import log as checkin_log

        offsets = checkin_log.offsets(self.event_id)
        return self._hub_cursors(self._watermark()), {d: s for d, s in offsets.items() if abs(s) > _slack()}


def _close_connection() -> None:
    if not models.database.is_closed():
        models.database.close()


def _slack() -> float:
    from ..services.reconcile import CLOCK_SLACK

    return CLOCK_SLACK.total_seconds()


def _short_text(value, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit and "\x00" not in value


def _wall(value) -> dt.datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        wall = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return wall.astimezone(dt.UTC).replace(tzinfo=None) if wall.tzinfo else wall
