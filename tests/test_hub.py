"""The venue network: the hub runs in this process (on 127.0.0.1, a free port, in threads of its own, on this
process's database); the devices are ``openday`` commands in subprocesses, each with its own database and data
folder (so its own device id), as at a venue. Pairing, exchanges both ways, the security refusals, the three
cases of the issue over the network (a walk-in registered on two devices, someone admitted after the office
deleted them, a clock a year behind), the long poll, the ``hub`` command itself, and discovery kept off the
loopback. Nothing here talks to any address but 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

# A device whose clock is off: ``db.models.utcnow`` (the app's clock, which every stamp reads) shifted before
# the command runs, as tests/test_bundle.py shifts it in-process.
SHIFTED = """
import datetime as dt, sys
from db import models
real = models.utcnow
models.utcnow = lambda: real() + dt.timedelta(days=float(sys.argv[1]))
from desktop_app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _env(data: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENDAY_DATA_DIR": str(data)}


class Device:
    """A venue laptop: its database, its data folder; ``days``: how far its clock is off."""

    def __init__(self, tmp_path: Path, name: str, days: float = 0):
        self.name = name
        self.db = tmp_path / f"{name}.sqlite3"
        self.data = tmp_path / f"{name}-data"
        self.data.mkdir()
        self.days = days
        self.event: int | None = None

    def run(self, *args, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        args = [str(a) for a in args]
        command = [sys.executable, "-c", SHIFTED, str(self.days), *args] if self.days else \
            [sys.executable, "-m", "desktop_app", *args]
        return subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8",
                              env=_env(self.data), cwd=ROOT, timeout=timeout)

    def ok(self, *args, stdin: str | None = None) -> str:
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result.stdout

    def join(self, code: str) -> dict:
        joined = json.loads(self.ok("join", "--db", self.db, code, "--name", self.name, "--json"))
        self.event = joined["event"]
        return joined

    def sync(self) -> dict:
        return json.loads(self.ok("sync", "--db", self.db, "--event", self.event, "--once", "--json"))

    def scan(self, *codes: str) -> list[str]:
        return self.ok("checkin", "--db", self.db, "--event", self.event, "--codes", "-",
                       stdin="".join(f"{c}\n" for c in codes)).splitlines()

    def stats(self) -> dict:
        return json.loads(self.ok("stats", "--db", self.db, "--event", self.event, "--json"))

    @property
    def device_id(self) -> str:
        return (self.data / "device_id").read_text().strip()


def says(line: str, source: str, **params) -> None:
    """``line`` holds the message ``source`` in the interface's language: exactly, with ``params``; else each
    literal part of it, whatever its fields became."""
    from desktop_app import i18n

    if params:
        assert i18n.text(source, **params) in line, (line, i18n.text(source, **params))
        return
    for part in re.split(r"\{[a-z_]+\}", i18n.text(source)):
        assert part.strip() in line, (line, part)


def refused(result: subprocess.CompletedProcess, *fragments: str, message: str = "", **params) -> str:
    """A refusal: exit 1, one line on stderr (``message`` in it, see ``says``; and each of ``fragments``)."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    if message:
        says(lines[0], message, **params)
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def hub_says(code: str) -> str:
    from desktop_app.bundle.hub import MESSAGES

    return MESSAGES[code][1]


@dataclass
class Venue:
    tmp: Path
    event_id: int
    event_uuid: str
    hub: object

    def code(self) -> str:
        return self.hub.issue_codes(1)[0].text()

    def device(self, name: str, days: float = 0, join: bool = True) -> Device:
        device = Device(self.tmp, name, days)
        if join:
            device.join(self.code())
        return device

    def stats(self) -> dict:
        from desktop_app.services import record

        return record.build(self.event_id).stats()

    def codes(self, count: int, offset: int = 0) -> list[str]:
        from db import models

        I = models.Invitee  # noqa: E741
        return [c for (c,) in I.select(I.pass_code).where((I.event == self.event_id) & (I.status == "confirmed")
                                                           & I.alive() & (I.pass_code != ""))
                .order_by(I.id).offset(offset).limit(count).tuples()]


@pytest.fixture
def venue(tmp_path):
    """The hub's database (the demo event, held today) open in this process, and its hub switched on."""
    from desktop_app.bundle.hub import Hub
    from desktop_app.demo import create_demo_event
    from desktop_app.workspace import open_workspace

    ws = open_workspace(tmp_path / "hub.sqlite3")
    event = create_demo_event(dt.date.today())
    hub = Hub(event.id, bind="127.0.0.1", port=0).start()
    yield Venue(tmp_path, event.id, event.uuid, hub)
    hub.stop()
    ws.close()


def _log_uuids(path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [u for (u,) in conn.execute("SELECT uuid FROM checkin_entry ORDER BY uuid")]
    finally:
        conn.close()


def _hub_log() -> list[str]:
    from db import models

    return sorted(u for (u,) in models.CheckinEntry.select(models.CheckinEntry.uuid).tuples())


# -- the pairing code ----------------------------------------------------------------------------------------------


def test_the_pairing_code_reads_back_as_typed_and_a_typo_is_caught():
    import secrets

    from desktop_app.bundle import pairing
    from desktop_app.errors import UserError

    code = pairing.Pairing("192.168.43.7", 8765, "0123456789abcdef0123456789abcdef", "ab" * 32,
                           secrets.token_urlsafe(pairing.TOKEN_BYTES))
    text = code.text()
    assert text.startswith("ODHUB1:") and "\n" not in text and len(text) < 160
    assert pairing.decode(text) == code
    assert pairing.decode(text.lower().replace("-", " ")) == code  # as typed: case, spaces
    assert pairing.decode(text.replace("O", "0").replace("I", "1")) == code  # letters read as digits
    for host in ("fe80::1", "hub.local"):
        other = pairing.Pairing(host, 1, code.event_uuid, code.fingerprint, code.token)
        assert pairing.decode(other.text()) == other
    for bad in (text[:-4], text[:20] + ("A" if text[20] != "A" else "B") + text[21:], "ODHUB2:AAAA", "hello"):
        with pytest.raises(UserError) as refused_code:
            pairing.decode(bad)
        assert refused_code.value.message == pairing.BAD_CODE
    qr = pairing.qr(code)
    assert qr.mode == "alphanumeric" and qr.error == "M"


# -- pairing and exchanging -----------------------------------------------------------------------------------------


def test_devices_join_and_exchange_both_ways(venue):
    from db import models
    from desktop_app.bundle import hub as venue_hub

    a = venue.device("door-a")
    b = Device(venue.tmp, "door-b")
    joined = b.join(venue.code())
    assert joined["uuid"] == venue.event_uuid and joined["device"] == b.device_id and joined["findings"] == []
    events = json.loads(b.ok("events", "--db", b.db, "--json"))
    assert [e["uuid"] for e in events] == [venue.event_uuid]  # the event arrived as a bundle opens it

    codes = venue.codes(5)
    assert a.scan(*codes[:3]) == [f"ok {c}" for c in codes[:3]]
    assert a.sync() == {"sent": 3, "received": 0, "findings": []}
    assert venue.stats()["checked_in"] == 3
    assert b.sync() == {"sent": 0, "received": 3, "findings": []}
    assert b.scan(codes[2], *codes[3:]) == [f"again {codes[2]}", f"ok {codes[3]}", f"ok {codes[4]}"]
    assert b.sync()["sent"] == 2
    assert a.sync() == {"sent": 0, "received": 2, "findings": []}
    assert a.sync() == {"sent": 0, "received": 0, "findings": []}  # nothing twice
    assert a.stats() == b.stats() == venue.stats()
    assert venue.stats()["checked_in"] == 5
    assert _log_uuids(a.db) == _log_uuids(b.db) == _hub_log()

    rows = {d.name: d for d in venue_hub.devices(venue.event_id)}
    assert set(rows) == {"door-a", "door-b"}
    assert rows["door-a"].entries == 3 and rows["door-b"].entries == 2
    assert rows["door-a"].last_seen is not None and abs(rows["door-a"].clock_offset_s) < 60
    # What a device keeps of the hub never travels in a bundle (its keys start with "bundle.").
    import sqlite3

    conn = sqlite3.connect(a.db)
    keys = {k for (k,) in conn.execute("SELECT key FROM setting WHERE key LIKE 'bundle.hub.%'")}
    credential = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'bundle.hub.link'").fetchone()[0])
    conn.close()
    assert keys == {"bundle.hub.link", "bundle.hub.cursors"}
    H = models.HubDevice
    stored = H.get(H.device == a.device_id).credential
    assert stored != credential["credential"] and stored == venue_hub.credential_hash(credential["credential"])


def test_a_device_that_cannot_reach_the_hub_keeps_its_entries_queued(venue):
    a = venue.device("door-a")
    codes = venue.codes(2)
    a.scan(*codes)
    venue.hub.stop()
    from desktop_app.bundle import client

    refused(a.run("sync", "--db", a.db, "--event", a.event, "--once", "--json"), message=client.UNREACHABLE,
            url=venue.hub.url, error="connection refused", count=2)
    assert a.stats()["checked_in"] == 2  # the scans are kept here all the same
    from desktop_app.workspace import open_workspace

    ws = open_workspace(a.db)  # (the hub is off: this process may bind the models to the device's file)
    try:
        assert client.queued(a.event) == 2
    finally:
        ws.close()


def test_a_waiting_exchange_sees_a_scan_made_elsewhere_within_two_seconds(venue):
    """The long poll: a device that lacks nothing waits; a scan at the hub's own desk reaches it at once."""
    from desktop_app.bundle import client
    from desktop_app.services import checkin

    hub = venue.hub
    code = hub.issue_codes(1)[0]
    caller = client._Caller("127.0.0.1", hub.port, hub.fingerprint)
    answer = caller.post("/join", {"token": code.token, "device": "waiting-device", "name": "w",
                                   "wall_at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()})
    credential, cursors = answer["credential"], answer["cursors"]
    got: dict = {}

    def wait() -> None:
        started = time.monotonic()
        got["answer"] = caller.post("/sync", {"device": "waiting-device", "cursors": cursors, "entries": [],
                                              "wall_at": answer["wall_at"], "wait": 20}, credential=credential)
        got["after"] = time.monotonic() - started

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(1.0)
    assert waiter.is_alive()  # nothing new: it waits
    scanned = time.monotonic()
    assert checkin.check_in_code(venue.event_id, venue.codes(1)[0]).outcome == "ok"
    waiter.join(5)
    assert not waiter.is_alive()
    assert len(got["answer"]["entries"]) == 1
    assert time.monotonic() - scanned < 2.0
    caller.close()


# -- refusals -------------------------------------------------------------------------------------------------------


def test_reused_expired_and_foreign_codes_are_refused_and_leave_nothing(venue):
    from desktop_app.bundle import pairing

    code = venue.code()
    venue.device("door-a", join=False).join(code)
    b = Device(venue.tmp, "door-b")
    refused(b.run("join", "--db", b.db, code, "--json"), message=hub_says("code_used"))
    assert not b.db.exists()  # a refused pairing makes no database

    old = pairing.issue(venue.event_id, "127.0.0.1", venue.hub.port, venue.hub.fingerprint,
                        now=dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=11))[0]
    refused(b.run("join", "--db", b.db, old.text(), "--json"), message=hub_says("code_expired"))
    unknown = pairing.Pairing("127.0.0.1", venue.hub.port, venue.event_uuid, venue.hub.fingerprint,
                              old.token[:-2] + ("AA" if old.token[-2:] != "AA" else "BB"))
    refused(b.run("join", "--db", b.db, unknown.text(), "--json"), message=hub_says("unknown_code"))
    refused(b.run("join", "--db", b.db, "ODHUB1:ABCDE", "--json"), message=pairing.BAD_CODE)
    assert not b.db.exists()


def test_a_hub_whose_certificate_is_not_the_codes_is_refused_before_anything_is_sent(venue):
    from db import models
    from desktop_app.bundle import pairing

    real = venue.hub.issue_codes(1)[0]
    impostor = pairing.Pairing(real.host, real.port, real.event_uuid, "0" * 64, real.token)
    b = Device(venue.tmp, "door-b")
    from desktop_app.bundle import client

    refused(b.run("join", "--db", b.db, impostor.text(), "--json"), message=client.WRONG_FINGERPRINT,
            url=venue.hub.url)
    assert not b.db.exists()
    P = models.PairingCode
    assert P.get(P.token == pairing.token_hash(real.token)).used_at is None  # the token never reached it
    b.join(real.text())  # the right fingerprint: paired


def test_unpaired_revoked_and_oversized_requests_are_refused(venue):
    from desktop_app.bundle import client
    from desktop_app.bundle import hub as venue_hub

    hub = venue.hub
    caller = client._Caller("127.0.0.1", hub.port, hub.fingerprint)
    body = {"device": "stranger", "cursors": {}, "entries": [], "wall_at": "2026-12-20T08:00:00"}
    for credential in ("", "not-a-credential"):
        with pytest.raises(client.HubError) as no:
            caller.post("/sync", body, credential=credential)
        assert no.value.code == "unpaired"

    a = venue.device("door-a")
    a.scan(venue.codes(1)[0])
    assert venue_hub.revoke(venue.event_id, a.device_id)
    refused(a.run("sync", "--db", a.db, "--event", a.event, "--once", "--json"), message=hub_says("revoked"))
    assert venue.stats()["checked_in"] == 0  # nothing of a revoked device was taken
    a.join(venue.code())  # a new code from the coordinator pairs it again
    assert a.sync()["sent"] == 1

    def raw(path: str, length: int, **headers) -> tuple[int, dict]:
        conn = client._PinnedConnection("127.0.0.1", hub.port, hub.fingerprint, 10)
        try:
            conn.putrequest("POST", path)
            conn.putheader("Content-Length", str(length))
            for name, value in headers.items():
                conn.putheader(name, value)
            conn.endheaders()
            response = conn.getresponse()
            return response.status, json.loads(response.read())
        finally:
            conn.close()

    for path, limit in (("/sync", venue_hub.MAX_SYNC_BODY), ("/join", venue_hub.MAX_JOIN_BODY)):
        status, answer = raw(path, limit + 1, Authorization="Bearer x")  # refused before a byte is read
        assert (status, answer["error"]) == (413, "too_large") and str(limit) in answer["message"]
    with pytest.raises(client.HubError) as many:
        caller.post("/sync", {**body, "entries": [{}] * (venue_hub.MAX_ENTRIES + 1)}, credential="x")
    assert many.value.code == "too_large"
    with pytest.raises(client.HubError) as nowhere:
        caller.post("/admin", {})
    assert nowhere.value.code == "not_found"
    caller.close()


def test_a_running_exchange_ends_with_one_line_when_the_device_is_revoked(venue):
    from desktop_app.bundle import hub as venue_hub

    a = venue.device("door-a")
    sync = subprocess.Popen([sys.executable, "-m", "desktop_app", "sync", "--db", str(a.db), "--event",
                             str(a.event), "--json"], env=_env(a.data), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        code = venue.codes(2)
        a.scan(code[0])
        assert json.loads(sync.stdout.readline())["sent"] == 1  # sent as soon as it was committed
        venue_hub.revoke(venue.event_id, a.device_id)
        a.scan(code[1])
        assert sync.wait(30) == 1
        lines = sync.stderr.read().strip().splitlines()
        assert len(lines) == 1, lines
        says(lines[0], hub_says("revoked"))
    finally:
        if sync.poll() is None:
            sync.kill()
            sync.wait()
        sync.stdout.close()
        sync.stderr.close()
    assert venue.stats()["checked_in"] == 1


def test_joins_are_rate_limited(venue):
    from desktop_app.bundle import client
    from desktop_app.bundle import hub as venue_hub

    caller = client._Caller("127.0.0.1", venue.hub.port, venue.hub.fingerprint)
    codes = []
    for _ in range(venue_hub.JOIN_RATE[1] + 3):
        try:
            caller.post("/join", {"token": "guess", "device": "d", "name": "n"})
        except client.HubError as error:
            codes.append(error.code)
    caller.close()
    assert codes[:venue_hub.JOIN_RATE[1]] == ["unknown_code"] * venue_hub.JOIN_RATE[1]
    assert codes[-3:] == ["rate_limited"] * 3  # the connection stays usable after a refusal


def test_the_hub_answers_tls_1_2_and_newer_only(venue):
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # that is the point: an old client
            context.maximum_version = ssl.TLSVersion.TLSv1_1
            context.minimum_version = ssl.TLSVersion.TLSv1
    except (ValueError, ssl.SSLError):
        pytest.skip("this OpenSSL cannot even offer TLS 1.1")
    with socket.create_connection(("127.0.0.1", venue.hub.port), timeout=5) as sock, \
            pytest.raises((ssl.SSLError, ConnectionResetError)):
        context.wrap_socket(sock).do_handshake()


# -- the three cases of the issue, over the network -----------------------------------------------------------------


def test_the_same_walk_in_registered_on_two_devices_is_one_person(venue):
    a, b = venue.device("door-a"), venue.device("door-b")
    person = ("--name", "马建国", "--id-number", "11010519491231002X", "--phone", "13912345678")
    for device in (a, b):
        assert json.loads(device.ok("walk-in", "--db", device.db, "--event", device.event, *person,
                                    "--json"))["outcome"] == "ok"
    a.sync()
    second = b.sync()
    kinds = [f["kind"] for f in second["findings"]]
    assert kinds.count("duplicate_walk_in") == 1 and set(kinds) <= {"duplicate_walk_in", "duplicate_admission"}
    assert "马建国" in second["findings"][kinds.index("duplicate_walk_in")]["message"]
    a.sync()
    for stats in (venue.stats(), a.stats(), b.stats()):
        assert (stats["walk_ins"], stats["checked_in"]) == (1, 1), stats


def test_someone_admitted_after_the_office_deleted_them_is_brought_back_and_named(venue):
    from db import models
    from desktop_app.services import roster

    a = venue.device("door-a")
    code = venue.codes(1)[0]
    person = models.Invitee.get(models.Invitee.pass_code == code)
    roster.delete_invitee(person.id)  # at the hub's desk, after the laptop joined
    confirmed = venue.stats()["confirmed"]
    assert a.scan(code) == [f"ok {code}"]  # the laptop does not know: admitted at the door
    found = a.sync()["findings"]
    assert [f["kind"] for f in found] == ["admitted_deleted"] and found[0]["invitee"] == person.uuid
    assert person.name in found[0]["message"]
    back = models.Invitee.get_by_id(person.id)
    assert not back.deleted
    stats = venue.stats()
    assert stats["checked_in"] == 1 and stats["confirmed"] == confirmed + 1
    assert a.stats()["checked_in"] == 1


def test_a_device_whose_clock_is_a_year_behind_is_named_and_its_arrivals_count_on_the_day(venue):
    from db import models
    from desktop_app.bundle import hub as venue_hub

    # Joined with its clock a year behind: named at pairing, and its scans stamped by the hub's time.
    late = venue.device("late", days=-365, join=False)
    joined = late.join(venue.code())
    assert [f["kind"] for f in joined["findings"]] == ["clock_offset"]
    # Joined with the right time, and its clock went a year back afterwards (a dead battery, a reset).
    reset = venue.device("reset")
    reset.days = -365
    right = venue.device("right")
    codes = venue.codes(5)
    assert late.scan(*codes[:2]) == [f"ok {c}" for c in codes[:2]]
    assert reset.scan(*codes[2:5]) == [f"ok {c}" for c in codes[2:5]]
    for device in (late, reset):
        found = device.sync()["findings"]
        clock = [f for f in found if f["kind"] == "clock_offset"]
        assert len(clock) == 1 and clock[0]["offset_s"] < -360 * 86400, found
    assert right.sync()["received"] == 5
    late.sync()
    for stats in (venue.stats(), right.stats(), late.stats()):
        assert stats["checked_in"] == 5, stats  # on the event's day, not a year before it
    today = dt.date.today()
    C = models.CheckIn
    assert {c.scanned_at.date() for c in C.select().where(C.event == venue.event_id)} <= {
        today, today - dt.timedelta(days=1), today + dt.timedelta(days=1)}  # UTC against the local day
    rows = {d.name: d for d in venue_hub.devices(venue.event_id)}
    assert rows["late"].clock_offset_s < -360 * 86400 and rows["reset"].clock_offset_s < -360 * 86400
    assert abs(rows["right"].clock_offset_s) < 60
    named = venue_hub.clock_finding(rows["late"].name, rows["late"].clock_offset_s)  # the hub's list says so
    assert named.kind == "clock_offset" and "late" in named.message and named.offset_s < -360 * 86400


# -- the command ----------------------------------------------------------------------------------------------------


def test_the_hub_command_prints_codes_serves_and_stops_on_sigterm(tmp_path):
    data = tmp_path / "hub-data"
    data.mkdir()
    db = tmp_path / "office.sqlite3"
    subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--db", str(db), "--date",
                    dt.date.today().isoformat()], env=_env(data), cwd=ROOT, check=True, capture_output=True)
    hub = subprocess.Popen([sys.executable, "-m", "desktop_app", "hub", "--db", str(db), "--event", "1", "--bind",
                            "127.0.0.1", "--port", "0", "--pairing-codes", "2"], env=_env(data), cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [json.loads(hub.stdout.readline()) for _ in range(2)]
        assert all(set(line) == {"pairing", "url", "fingerprint", "expires"} for line in lines)
        assert lines[0]["pairing"] != lines[1]["pairing"] and lines[0]["url"].startswith("https://127.0.0.1:")
        expires = dt.datetime.fromisoformat(lines[0]["expires"])
        assert dt.timedelta(minutes=9) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(minutes=10)
        device = Device(tmp_path, "door-a")
        assert device.join(lines[1]["pairing"])["event"] == 1
        port = int(lines[0]["url"].rsplit(":", 1)[1])
        hub.send_signal(signal.SIGTERM)
        assert hub.wait(15) == 0, hub.stderr.read()
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()  # no longer listening
        from desktop_app.bundle import client

        refused(device.run("sync", "--db", device.db, "--event", device.event, "--once"),
                message=client.UNREACHABLE, url=lines[0]["url"], error="connection refused", count=0)
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait()
        hub.stdout.close()
        hub.stderr.close()


def test_the_hub_command_refusals_are_one_line(tmp_path, demo_db):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        result = subprocess.run([sys.executable, "-m", "desktop_app", "hub", "--db", str(demo_db), "--event", "1",
                                 "--bind", "127.0.0.1", "--port", str(busy.getsockname()[1])],
                                env=_env(tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        busy.close()
    from desktop_app import cli
    from desktop_app.bundle import client

    refused(result, message=cli.CANNOT_LISTEN)
    result = subprocess.run([sys.executable, "-m", "desktop_app", "hub", "--db", str(demo_db), "--event", "9",
                             "--bind", "127.0.0.1", "--port", "0"], env=_env(tmp_path), cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    refused(result, "9")
    result = subprocess.run([sys.executable, "-m", "desktop_app", "sync", "--db", str(demo_db), "--event", "1",
                             "--once"], env=_env(tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=60)
    refused(result, "openday join", message=client.NOT_JOINED, event=1)


# -- discovery ------------------------------------------------------------------------------------------------------


def test_discovery_never_starts_on_the_loopback(venue, monkeypatch):
    import zeroconf

    from desktop_app.bundle import discovery
    from desktop_app.bundle.hub import Hub

    def forbidden(*args, **kwargs):
        raise AssertionError("zeroconf started on the loopback")

    monkeypatch.setattr(zeroconf, "Zeroconf", forbidden)
    monkeypatch.setattr(zeroconf, "ServiceBrowser", forbidden)
    for address in ("127.0.0.1", "::1", "0.0.0.0", "localhost", ""):
        assert not discovery.may_use(address)
        assert discovery.announce(venue.event_uuid, "ab" * 32, address, 8765) is None
        assert discovery.find_hub(venue.event_uuid, "ab" * 32, near=address, timeout=0.1) is None
    assert discovery.may_use("192.168.43.7")
    assert venue.hub._announcement is None  # the fixture's hub on 127.0.0.1 announced nothing
    with Hub(venue.event_id, bind="127.0.0.1", port=0) as other:
        assert other._announcement is None


def test_an_announcement_is_read_back_and_foreign_ones_are_ignored():
    from desktop_app.bundle import discovery

    props = {k.encode(): v.encode() for k, v in discovery.properties("e" * 32, "f" * 64).items()}
    assert discovery.parse(props, ["127.0.0.1", "192.168.43.7"], 8765) == discovery.Found(
        "192.168.43.7", 8765, "e" * 32, "f" * 64)
    assert discovery.parse(props, ["127.0.0.1"], 8765) is None  # never pointed at the loopback
    assert discovery.parse({b"v": b"2"}, ["192.168.43.7"], 8765) is None
    assert discovery.parse({**props, b"fp": b"short"}, ["192.168.43.7"], 8765) is None
    assert discovery.service_name("e" * 32, "f" * 64).endswith("." + discovery.SERVICE_TYPE)


def test_a_long_backlog_is_cut_where_the_cursors_stay_true():
    """At most about MAX_ENTRIES a request, and never between two entries of one device at sequence 0 (the
    check-ins from before the log share it: the receiver's cursor of 0 would skip the rest)."""
    from desktop_app.bundle.hub import _safe_cut

    old = [{"device": "office", "seq": 0, "uuid": str(n)} for n in range(5)]
    new = [{"device": "laptop", "seq": n, "uuid": f"l{n}"} for n in range(1, 4)]
    assert _safe_cut(old + new, 100) == (old + new, False)
    assert _safe_cut(old + new, 2) == (old, True)  # the sequence-0 entries go together
    assert _safe_cut(old + new, 6) == (old + new[:1], True)
    assert _safe_cut(new, 2) == (new[:2], True)
