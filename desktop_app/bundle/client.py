"""A device of the venue network: pairing with the hub by its code, and exchanging the check-in log with it.

The connection is ``http.client.HTTPSConnection`` over ``ssl`` (TLS 1.2 or newer). The hub's certificate is
self-signed, so no CA vouches for it: it is pinned instead. Right after the handshake, before a byte of the
request is sent, the SHA-256 of the certificate the hub presented is compared with the fingerprint of the
pairing code; a different certificate closes the connection (``WRONG_FINGERPRINT``).

What a device keeps (its event's ``Setting`` rows; keys starting ``bundle.`` never travel in bundles):
``bundle.hub.link``     {url, host, port, fingerprint, credential, hub_device}: where the hub is and how to prove
                        this device was paired;
``bundle.hub.cursors``  what the hub held at the last exchange (device -> highest sequence number): what is
                        beyond it is sent next time, and is "queued" while the hub cannot be reached.

An exchange (``sync_once``) sends the entries the hub lacks and this device's own cursors, and appends what
the hub sends back (``log.receive``, idempotent by uuid), so a repeated, interrupted or crossed exchange
delivers each entry exactly once. The hub's clock is the venue's: this device's offset against it is kept
(``log.set_own_offset``) and named when it is over five minutes.

``run`` keeps a device in step: one thread waits on the hub (long poll), the other sends a scan made here as
soon as it is committed; when the hub cannot be reached both keep trying, a little less often each time, and
look for the hub on the network (``discovery``) in case its address changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import logging
import socket
import ssl
import threading
import weakref
import zlib
from dataclasses import dataclass, field

from db import models

from .. import i18n
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import pairing
from .rows import _record, _store

log = logging.getLogger(__name__)
WRITE = "IMMEDIATE"  # a writing transaction waits its turn (see hub.WRITE)

LINK_KEY = "bundle.hub.link"
CURSORS_KEY = "bundle.hub.cursors"
CONNECT_TIMEOUT = 5.0
ANSWER_TIMEOUT = 60.0  # a hub answering a join of 20,000 people
SYNC_TIMEOUT = 15.0  # beyond a long poll's wait: a hub silent for longer is taken as gone
MAX_ANSWER = 512 * 1024 * 1024
LONG_POLL = 20.0
LOCAL_POLL = 0.1  # how often ``run`` looks for a scan made on this device (one indexed query)
RETRY = (0.5, 3.0)  # first and longest pause between tries while the hub cannot be reached
TRANSIENT = ("unreachable", "rate_limited", "busy", "server_error")  # tried again; any other refusal ends ``run``

WRONG_FINGERPRINT = QT_TRANSLATE_NOOP(
    "core", "The device at {url} is not the hub of this pairing code: its certificate does not match the code's "
            "fingerprint. Nothing was sent to it. Check the address, or ask the coordinator for a new code.")
UNREACHABLE_JOIN = QT_TRANSLATE_NOOP(
    "core", "The hub at {url} cannot be reached ({error}). Check that this device is on the venue's network and "
            "that the hub is switched on (签到 › 现场网络), then try again.")
UNREACHABLE = QT_TRANSLATE_NOOP(
    "core", "The hub at {url} cannot be reached ({error}): the entries stay queued on this device ({count} check-in "
            "actions) and go to the hub at the next exchange. Check that this device is on the venue's network and "
            "that the hub is switched on.")
NOT_JOINED = QT_TRANSLATE_NOOP(
    "core", "This device has not joined a venue hub for event {event}. Pair it first: 'openday join --db PATH "
            "CODE', or 签到 › 现场网络 in the window.")
OTHER_EVENT = QT_TRANSLATE_NOOP(
    "core", "The hub at {url} serves another event than the pairing code names. Ask the coordinator for a new "
            "code.")
REFUSED = QT_TRANSLATE_NOOP("core", "The hub refused: {text}")
BAD_ANSWER = QT_TRANSLATE_NOOP(
    "core", "The hub at {url} sent an answer this device cannot read ({detail}). Update Open Day Desk on both "
            "devices to the same version.")
OWN_CLOCK = QT_TRANSLATE_NOOP(
    "core", "This computer's clock is {offset} {direction} the hub's: its check-ins are placed by the hub's time. "
            "Set the date and time right when you can.")


class HubError(UserError):
    """A refusal of the hub or the network's; ``code`` is the hub's error code (or ``unreachable``,
    ``wrong_fingerprint``, ``bad_answer``)."""

    def __init__(self, code: str, message: str, **params):
        super().__init__(message, **params)
        self.code = code


@dataclass(frozen=True)
class Link:
    url: str
    host: str
    port: int
    fingerprint: str
    credential: str
    hub_device: str

    def as_json(self) -> dict:
        return {"url": self.url, "host": self.host, "port": self.port, "fingerprint": self.fingerprint,
                "credential": self.credential, "hub_device": self.hub_device}


@dataclass(frozen=True)
class Joined:
    event_id: int
    event_uuid: str
    device: str
    findings: tuple = ()

    def as_json(self) -> dict:
        return {"event": self.event_id, "uuid": self.event_uuid, "device": self.device,
                "findings": [_finding_json(f) for f in self.findings]}


@dataclass
class Exchange:
    sent: int = 0
    received: int = 0
    findings: list = field(default_factory=list)  # JSON dicts
    more: bool = False

    def add(self, other: Exchange) -> None:
        self.sent += other.sent
        self.received += other.received
        self.more = other.more
        self.findings = _unique(self.findings + other.findings)

    def as_json(self) -> dict:
        return {"sent": self.sent, "received": self.received, "findings": self.findings}


def _finding_json(finding) -> dict:
    return finding if isinstance(finding, dict) else finding.as_json()


def _unique(findings: list[dict]) -> list[dict]:
    seen, out = set(), []
    for f in findings:
        key = (f.get("kind"), f.get("invitee", ""), f.get("device", ""), f.get("message", "")
               if f.get("kind") != "clock_offset" else "")
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# -- the connection ------------------------------------------------------------------------------------------------


class _PinnedConnection(http.client.HTTPSConnection):
    """HTTPS to the hub, trusting exactly the certificate whose SHA-256 is ``fingerprint``."""

    def __init__(self, host: str, port: int, fingerprint: str, timeout: float):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.check_hostname = False  # the pin below is the check: a self-signed certificate has no CA
        context.verify_mode = ssl.CERT_NONE
        super().__init__(host, port, timeout=timeout, context=context)
        self.fingerprint = fingerprint.lower()

    def connect(self):
        super().connect()
        self.sock.settimeout(CONNECT_TIMEOUT)
        der = self.sock.getpeercert(binary_form=True)
        if not der or hashlib.sha256(der).hexdigest() != self.fingerprint:
            self.sock.close()
            self.sock = None
            raise _WrongCertificate()
        self.sock.settimeout(self.timeout)


class _WrongCertificate(Exception):
    pass


def _url(host: str, port: int) -> str:
    return f"https://[{host}]:{port}" if ":" in host else f"https://{host}:{port}"


class _Caller:
    """One kept connection to the hub (per thread: http.client's connections are not shared)."""

    def __init__(self, host: str, port: int, fingerprint: str):
        self.host, self.port, self.fingerprint = host, port, fingerprint
        self._local = threading.local()
        self._all: weakref.WeakSet = weakref.WeakSet()

    def interrupt(self) -> None:
        """End what every thread's connection is waiting for (a long poll to a hub that went silent): the
        waiting call fails at once and is tried again."""
        for conn in list(self._all):
            sock = conn.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    @property
    def url(self) -> str:
        return _url(self.host, self.port)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def post(self, path: str, body: dict, *, credential: str = "", timeout: float = ANSWER_TIMEOUT) -> dict:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept-Encoding": "deflate"}
        if len(data) > 64 * 1024:
            data = zlib.compress(data, 6)
            headers["Content-Encoding"] = "deflate"
        if credential:
            headers["Authorization"] = f"Bearer {credential}"
        for attempt in (1, 2):  # a kept connection the hub closed meanwhile is made again once
            conn = getattr(self._local, "conn", None)
            fresh = conn is None
            if fresh:
                conn = self._local.conn = _PinnedConnection(self.host, self.port, self.fingerprint, timeout)
                self._all.add(conn)
            conn.timeout = timeout
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
            try:
                conn.request("POST", path, data, headers)
                response = conn.getresponse()
                raw = self._read(response)
                break
            except _WrongCertificate:
                self.close()
                raise HubError("wrong_fingerprint", WRONG_FINGERPRINT, url=self.url) from None
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                if attempt == 1 and not fresh and isinstance(exc, http.client.RemoteDisconnected | BrokenPipeError
                                                             | ConnectionResetError):
                    continue
                raise _unreachable(exc) from None
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        try:
            answer = json.loads(raw)
        except (ValueError, RecursionError):
            raise HubError("bad_answer", BAD_ANSWER, url=self.url, detail="JSON") from None
        if not isinstance(answer, dict):
            raise HubError("bad_answer", BAD_ANSWER, url=self.url, detail="not an object")
        if response.status != 200:
            raise _refusal(answer, self.url)
        return answer

    @staticmethod
    def _read(response) -> bytes:
        length = response.getheader("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_ANSWER):
            raise http.client.HTTPException("answer too large")
        raw = response.read()
        if response.getheader("Content-Encoding") == "deflate":
            inflater = zlib.decompressobj()
            try:
                raw = inflater.decompress(raw, MAX_ANSWER)
            except zlib.error as exc:
                raise http.client.HTTPException("deflate") from exc
            if inflater.unconsumed_tail:
                raise http.client.HTTPException("answer too large")
        return raw


class _Stopped(Exception):
    """The session was closed while an answer was on its way (it comes again next time)."""


class _Unreachable(Exception):
    def __init__(self, error: str):
        super().__init__(error)
        self.error = error


def _unreachable(exc: BaseException) -> _Unreachable:
    if isinstance(exc, ConnectionRefusedError):
        text = "connection refused"
    elif isinstance(exc, TimeoutError | socket.timeout):
        text = "no answer"
    elif isinstance(exc, ssl.SSLError):
        text = f"TLS: {exc.reason or exc}"
    else:
        text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _Unreachable(text)


def _refusal(answer: dict, url: str) -> HubError:
    from .hub import MESSAGES

    code = answer.get("error") if isinstance(answer.get("error"), str) else "server_error"
    message = answer.get("message") if isinstance(answer.get("message"), str) else ""
    if code in MESSAGES and "{detail}" not in MESSAGES[code][1]:
        return HubError(code, MESSAGES[code][1])  # told in this device's language
    return HubError(code, REFUSED, text=message[:500] or code)


# -- joining -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinAnswer:
    code: pairing.Pairing
    answer: dict
    own_offset_s: float  # this device's clock minus the hub's
    url: str  # where the hub answered


def request_join(code: pairing.Pairing, name: str, device: str) -> JoinAnswer:
    """Ask the hub of ``code`` to pair this device (``device``: its id). Touches no database. Tries the address
    of the code, then the hub's announcement."""
    body = {"token": code.token, "device": device, "name": (name or socket.gethostname())[:100]}
    host, port = code.host, code.port
    for attempt in (1, 2):
        caller = _Caller(host, port, code.fingerprint)
        sent = models.utcnow()
        try:
            answer = caller.post("/join", {**body, "wall_at": sent.isoformat()})
        except _Unreachable as exc:
            found = _look_for(code.event_uuid, code.fingerprint, host) if attempt == 1 else None
            if found is None:
                raise HubError("unreachable", UNREACHABLE_JOIN, url=_url(code.host, code.port),
                               error=exc.error) from None
            host, port = found
            continue
        finally:
            caller.close()
        return JoinAnswer(code, answer, _own_offset(sent, models.utcnow(), answer.get("wall_at")), caller.url)
    raise AssertionError("unreachable")  # pragma: no cover


def join(code_text: str, name: str = "") -> Joined:
    """Pair this device with the hub of the code and receive the event (opened as a bundle is). Raises
    ``UserError``: a bad, used or expired code, a hub that is not the code's, one that cannot be reached."""
    return complete_join(request_join(pairing.decode(code_text), name, models.device_id()))


def complete_join(joined: JoinAnswer) -> Joined:
    """The event of the hub's answer opened here (in one transaction), the link to the hub kept."""
    from . import log as checkin_log
    from .container import Bundle
    from .merge import merge_bundle
    from .validation import checked

    code, answer, own, url = joined.code, joined.answer, joined.own_offset_s, joined.url
    if answer.get("event_uuid") != code.event_uuid:
        raise HubError("other_event", OTHER_EVENT, url=url)
    credential, payload = answer.get("credential"), answer.get("payload")
    if not isinstance(credential, str) or not credential or not isinstance(payload, dict):
        raise HubError("bad_answer", BAD_ANSWER, url=url, detail="credential, payload")
    payload = checked(payload, url)
    if payload.get("event_uuid") != code.event_uuid:
        raise HubError("other_event", OTHER_EVENT, url=url)
    host, port = _host_port(url)
    link = Link(url, host, port, code.fingerprint, credential, str(answer.get("device", "")))
    with models.database.atomic(WRITE):
        report = merge_bundle(Bundle(None, payload))
        event_id = report.event_id
        _store(event_id, LINK_KEY, link.as_json())
        _store(event_id, CURSORS_KEY, _cursors(answer.get("cursors")))
        checkin_log.set_own_offset(event_id, own if abs(own) > _slack() else None)
    findings = list(report.findings)
    if abs(own) > _slack() and not any(f.kind == "clock_offset" for f in findings):
        findings.insert(0, _own_clock_finding(own))
    log.info("joined the hub %s for event %s (%d rows, clock %+.0f s)", url, event_id, report.added, own)
    return Joined(event_id, code.event_uuid, models.device_id(), tuple(findings))


def _host_port(url: str) -> tuple[str, int]:
    rest = url.split("://", 1)[1]
    host, _, port = rest.rpartition(":")
    return host.strip("[]"), int(port)


def _look_for(event_uuid: str, fingerprint: str, near: str) -> tuple[str, int] | None:
    from . import discovery

    found = discovery.find_hub(event_uuid, fingerprint, near=near)
    return (found.host, found.port) if found else None


# -- exchanging ----------------------------------------------------------------------------------------------------


def link(event_id: int) -> Link | None:
    value = _record(event_id, LINK_KEY)
    if not isinstance(value, dict):
        return None
    try:
        return Link(str(value["url"]), str(value["host"]), int(value["port"]), str(value["fingerprint"]),
                    str(value["credential"]), str(value.get("hub_device", "")))
    except (KeyError, TypeError, ValueError):
        return None


def hub_cursors(event_id: int) -> dict[str, int]:
    return _cursors(_record(event_id, CURSORS_KEY))


def _cursors(value) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)}


def queued(event_id: int) -> int:
    """The check-in actions held here that the hub did not have at the last exchange (this device's, and any
    another device's it brought, by USB for instance)."""
    from . import log as checkin_log

    E = models.CheckinEntry
    held = hub_cursors(event_id)
    total = 0
    for device, top in checkin_log.cursors(event_id).items():  # counted by the index, not read: the window asks
        have = held.get(device, -1)
        if top > have:
            total += E.select().where((E.event == event_id) & (E.device == device) & (E.seq > have)).count()
    return total


class Session:
    """Exchanges of one event with its hub, from any thread: database work one thread at a time (``lock``), one
    kept connection per thread."""

    def __init__(self, event_id: int, lock: threading.Lock | None = None):
        self.event_id = event_id
        self.lock = lock or threading.RLock()
        with self.lock:
            found = link(event_id)
            if found is None:
                from ..services.live import live_event

                live_event(event_id)  # an unknown event is named as such
                raise UserError(NOT_JOINED, event=event_id)
        self.link = found
        self.closed = False
        self._caller = _Caller(found.host, found.port, found.fingerprint)

    def interrupt(self) -> None:
        self._caller.interrupt()

    def close(self) -> None:
        """No answer is written after this (one arriving later is dropped: it comes again next time)."""
        with self.lock:
            self.closed = True
        self._caller.close()

    def relocate(self) -> bool:
        """Look for the hub on the network (its address may have changed); True when it was found elsewhere."""
        found = _look_for(self._event_uuid(), self.link.fingerprint, self.link.host)
        if found is None or found == (self.link.host, self.link.port):
            return False
        with self.lock:
            self.link = Link(_url(*found), found[0], found[1], self.link.fingerprint, self.link.credential,
                             self.link.hub_device)
            _store(self.event_id, LINK_KEY, self.link.as_json())
        self._caller = _Caller(found[0], found[1], self.link.fingerprint)
        log.info("the hub of event %s was found at %s", self.event_id, self.link.url)
        return True

    def _event_uuid(self) -> str:
        with self.lock:
            return models.Event.get_by_id(self.event_id).uuid

    def pending(self) -> int:
        with self.lock:
            return queued(self.event_id)

    def exchange(self, wait: float = 0.0) -> Exchange:
        """One exchange: send what the hub lacks (at most ``hub.MAX_ENTRIES``), receive what this device lacks.
        Raises ``HubError`` (``unreachable``: the entries stay queued, and the message says how many)."""
        from . import log as checkin_log
        from .hub import MAX_ENTRIES, _safe_cut

        with self.lock:
            held = hub_cursors(self.event_id)
            pending = checkin_log.entries_after(self.event_id, held)
            mine = checkin_log.cursors(self.event_id)
        batch, cut = _safe_cut(pending, MAX_ENTRIES)
        sent_at = models.utcnow()
        body = {"device": models.device_id(), "cursors": mine, "entries": batch, "wall_at": sent_at.isoformat(),
                "wait": wait}
        try:
            answer = self._caller.post("/sync", body, credential=self.link.credential,
                                       timeout=wait + SYNC_TIMEOUT)
        except _Unreachable as exc:
            raise HubError("unreachable", UNREACHABLE, url=self.link.url, error=exc.error,
                           count=len(pending)) from None
        now = models.utcnow()
        entries, cursors = answer.get("entries"), answer.get("cursors")
        if not isinstance(entries, list) or not isinstance(cursors, dict):
            raise HubError("bad_answer", BAD_ANSWER, url=self.link.url, detail="entries, cursors")
        offsets = {k: float(v) for k, v in (answer.get("offsets") or {}).items()
                   if isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)}
        # The hub's wall time is that of its answer: after a long poll, compare it with now, not with the sending.
        own = _own_offset(now if wait else sent_at, now, answer.get("wall_at"))
        new_cursors = _cursors(cursors)
        with self.lock:
            if self.closed:
                raise _Stopped()
            # Written only when something changed: a device waiting on the hub writes nothing (the scans being
            # committed beside it by another process do not wait for it).
            offsets_changed = offsets != {k: v for k, v in checkin_log.offsets(self.event_id).items()
                                          if k != models.device_id()}
            old_own = checkin_log.own_offset(self.event_id)
            new_own = own if abs(own) > _slack() else None
            own_changed = (old_own is None) != (new_own is None) or (
                new_own is not None and abs(new_own - old_own) > _slack() / 5)
            if entries or new_cursors != held or own_changed or (offsets and offsets_changed):
                with models.database.atomic(WRITE):
                    received = checkin_log.receive(self.event_id, entries, offsets_found=offsets, source="hub")
                    if new_cursors != held:
                        _store(self.event_id, CURSORS_KEY, new_cursors)
                    if own_changed:
                        checkin_log.set_own_offset(self.event_id, new_own)
            else:
                received = checkin_log.Received(0, 0, ())
        findings = [f for f in answer.get("findings") or [] if isinstance(f, dict) and isinstance(f.get("kind"), str)]
        findings += [f.as_json() for f in received.findings]
        if abs(own) > _slack():
            findings.insert(0, _own_clock_finding(own).as_json())
        more = bool(answer.get("more")) or cut
        added = answer.get("added") if isinstance(answer.get("added"), int) else len(batch)
        if batch or received.added:
            log.info("hub exchange for event %s: %d sent (%d new there), %d received", self.event_id, len(batch),
                     added, received.added)
        return Exchange(len(batch), received.added, _unique(findings), more)

    def catch_up(self) -> Exchange:
        """Exchanges until neither side lacks anything."""
        total = Exchange()
        while True:
            one = self.exchange()
            total.add(one)
            if not one.more:
                return total


def sync_once(event_id: int, wait: float = 0.0) -> Exchange:
    """``Session(event_id).exchange(wait)``, repeated while either side has more to send."""
    session = Session(event_id)
    try:
        total = session.exchange(wait)
        while total.more:
            total.add(session.exchange())
        return total
    finally:
        session.close()


def run(event_id: int, stop: threading.Event, report=None, trouble=None) -> None:
    """Keep this device in step with the hub until ``stop`` is set: ``report(Exchange)`` after each exchange that
    moved something, and after the first that got through after a trouble; ``trouble(HubError)`` when the hub
    cannot be reached (once until it can again) or refuses (then ``run`` ends: a revoked device, for one)."""
    session = Session(event_id)
    failure = threading.Event()  # the hub could not be reached: the sender stays quiet until the poller got through
    refused: list[HubError] = []
    told = threading.Lock()
    state = {"told": False}

    def note(exchange: Exchange) -> None:
        recovered = state["told"]
        if recovered:
            state["told"] = False
            log.info("the hub of event %s can be reached again", event_id)
        failure.clear()
        if report and (recovered or exchange.sent or exchange.received or exchange.findings):
            report(exchange)  # (recovered with nothing to move: the window stops saying it cannot reach the hub)

    def problem(error: HubError) -> None:
        if stop.is_set():
            return
        with told:
            first = not state["told"]
            state["told"] = True
        failure.set()
        if error.code not in TRANSIENT:
            refused.append(error)
            stop.set()
        if trouble and first and error.code in TRANSIENT:
            trouble(error)  # (a refusal that ends ``run`` is raised by it instead)

    def poller() -> None:
        pause = RETRY[0]
        tries = 0
        last_code = ""
        while not stop.is_set():
            try:
                exchange = session.exchange(0 if failure.is_set() else LONG_POLL)
                while exchange.more and not stop.is_set():
                    note(exchange)
                    exchange = session.exchange()
                note(exchange)
                pause, tries = RETRY[0], 0
            except _Stopped:
                return
            except HubError as error:
                if tries == 0 or error.code != last_code:
                    log.info("exchange with the hub of event %s failed: %s (%s)", event_id, error.code, error)
                last_code = error.code
                problem(error)
                tries += 1
                if tries % 5 == 0 and session.relocate():
                    continue
                stop.wait(pause)
                pause = min(pause * 2, RETRY[1])
            except Exception:  # noqa: BLE001 - a database hiccup: logged, tried again
                log.exception("exchange with the hub failed")
                stop.wait(RETRY[1])

    thread = threading.Thread(target=poller, name="hub-poll", daemon=True)
    thread.start()
    try:
        mark = None
        while not stop.wait(LOCAL_POLL):
            if failure.is_set():
                continue  # the poller retries; it sends the queue when the hub is back
            with session.lock:
                latest = _own_mark(event_id)
            if latest == mark:
                continue
            mark = latest
            try:
                if session.pending():
                    exchange = session.exchange()
                    while exchange.more and not stop.is_set():
                        note(exchange)
                        exchange = session.exchange()
                    note(exchange)
            except _Stopped:
                break
            except HubError as error:
                problem(error)
                session.interrupt()  # the long poll may wait on a hub that is gone: it retries with the sender's news
                mark = None
            except Exception:  # noqa: BLE001
                log.exception("sending to the hub failed")
                mark = None
    finally:
        stop.set()
        session.close()  # waits for an exchange being written; a long poll still out is dropped
        thread.join(timeout=1.0)
    if refused:
        raise refused[0]


def _own_mark(event_id: int) -> int:
    E = models.CheckinEntry
    return E.select(models.fn.MAX(E.id)).scalar() or 0


def _own_offset(sent: dt.datetime, received: dt.datetime, hub_wall) -> float:
    """This device's clock minus the hub's: the middle of the exchange against the hub's time in its answer."""
    from .hub import _wall

    hub = _wall(hub_wall)
    if hub is None:
        return 0.0
    middle = sent + (received - sent) / 2
    return round((middle - hub).total_seconds(), 1)


def _own_clock_finding(offset_s: float):
    from ..services.reconcile import Finding
    from .merge import AHEAD_OF, BEHIND, _span

    return Finding("clock_offset", i18n.text(OWN_CLOCK, offset=_span(offset_s),
                                             direction=i18n.text(AHEAD_OF if offset_s > 0 else BEHIND)),
                   device=models.device_id(), offset_s=round(offset_s))


def _slack() -> float:
    from ..services.reconcile import CLOCK_SLACK

    return CLOCK_SLACK.total_seconds()
