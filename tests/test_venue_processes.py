"""The venue network as processes on the loopback, with the failures of a real day: a hub and two joined devices
(``openday sync`` running on each) scan 500 codes between them, overlapping, fed to ``openday checkin`` one at
a time; midway the hub is SIGKILLed and started again on the same port, and one device's exchange is SIGKILLed
and started again. Every scan acknowledged ("ok CODE", printed after its commit) ends on every device exactly
once, and the three databases hold the same log and the same counts."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .conftest import ROOT

PEOPLE = 520
SCANS = 500


def _env(data: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENDAY_DATA_DIR": str(data)}


def _openday(data: Path, *args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop_app", *[str(a) for a in args]], env=_env(data),
                            cwd=ROOT, text=True, encoding="utf-8", **kwargs)


def _run(data: Path, *args, stdin: str | None = None) -> str:
    result = subprocess.run([sys.executable, "-m", "desktop_app", *[str(a) for a in args]], input=stdin,
                            env=_env(data), cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def _office(path: Path) -> tuple[int, list[str]]:
    """The hub's database: the demo event held today and PEOPLE more confirmed people with passes."""
    from desktop_app.demo import add_crowd, create_demo_event
    from desktop_app.workspace import open_workspace

    ws = open_workspace(path)
    try:
        event = create_demo_event(dt.date.today())
        return event.id, add_crowd(event.id, PEOPLE)
    finally:
        ws.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Scanner:
    """``openday checkin --codes -`` kept open on one device: a code written, its line read back."""

    def __init__(self, data: Path, db: Path, event: int):
        self.process = _openday(data, "checkin", "--db", db, "--event", event, "--codes", "-",
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.ok: list[str] = []

    def scan(self, code: str) -> str:
        self.process.stdin.write(code + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline().strip()
        if not line.endswith(code):
            self.process.stdin.close()
            self.process.wait(30)
            raise AssertionError(f"{code}: {line!r} after {len(self.ok)} ok; {self.process.stderr.read()}")
        if line.startswith("ok "):
            self.ok.append(code)
        return line

    def close(self) -> None:
        self.process.stdin.close()
        assert self.process.wait(30) == 0, self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()


def _entries(db: Path) -> list[tuple[str, str, str, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("SELECT uuid, device, invitee, kind FROM checkin_entry ORDER BY uuid").fetchall()
    finally:
        conn.close()


def test_a_hub_and_two_devices_lose_no_acknowledged_scan_through_kills(tmp_path, monkeypatch):
    started = time.monotonic()
    hub_data, a_data, b_data = (tmp_path / f"{n}-data" for n in ("hub", "a", "b"))
    for folder in (hub_data, a_data, b_data):
        folder.mkdir()
    hub_db, a_db, b_db = (tmp_path / f"{n}.sqlite3" for n in ("hub", "a", "b"))
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(hub_data))  # the office is made here, as the hub's installation
    event, codes = _office(hub_db)
    assert len(codes) >= SCANS
    port = _free_port()
    processes: list[subprocess.Popen] = []

    def start_hub(count: int) -> tuple[subprocess.Popen, list[dict]]:
        hub = _openday(hub_data, "hub", "--db", hub_db, "--event", event, "--bind", "127.0.0.1", "--port", port,
                       "--pairing-codes", count, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        processes.append(hub)
        lines = [json.loads(hub.stdout.readline()) for _ in range(count)]
        if not count:  # no code to wait for: wait until it listens
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
        return hub, lines

    def start_sync(data: Path, db: Path, device_event: int) -> subprocess.Popen:
        sync = _openday(data, "sync", "--db", db, "--event", device_event, "--json", stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
        processes.append(sync)
        return sync

    try:
        hub, pairings = start_hub(2)
        a_event = json.loads(_run(a_data, "join", "--db", a_db, pairings[0]["pairing"], "--name", "a", "--json"))["event"]
        b_event = json.loads(_run(b_data, "join", "--db", b_db, pairings[1]["pairing"], "--name", "b", "--json"))["event"]
        a_sync, b_sync = start_sync(a_data, a_db, a_event), start_sync(b_data, b_db, b_event)
        a_scanner, b_scanner = Scanner(a_data, a_db, a_event), Scanner(b_data, b_db, b_event)
        # Overlapping: a takes the first 300 codes, b the last 300, so 100 people come to both doors.
        a_codes, b_codes = codes[:300], codes[SCANS - 300:SCANS]
        plan = [(a_scanner, c) for c in a_codes] + [(b_scanner, c) for c in b_codes]
        order = sorted(range(len(plan)), key=lambda i: (i % 300) * 2 + (i >= 300))  # a and b in turn
        events = {len(order) * 3 // 10: "kill hub", len(order) * 4 // 10: "start hub",
                  len(order) * 6 // 10: "kill b's exchange", len(order) * 65 // 100: "start b's exchange"}
        for n, i in enumerate(order):
            what = events.get(n)
            if what == "kill hub":
                hub.send_signal(signal.SIGKILL)
                hub.wait()
            elif what == "start hub":
                hub, _ = start_hub(0)
            elif what == "kill b's exchange":
                b_sync.send_signal(signal.SIGKILL)
                b_sync.wait()
            elif what == "start b's exchange":
                b_sync = start_sync(b_data, b_db, b_event)
            scanner, code = plan[i]
            scanner.scan(code)
            time.sleep(0.004)
        a_scanner.close()
        b_scanner.close()

        # Everything reaches everyone by itself.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            logs = [_entries(db) for db in (hub_db, a_db, b_db)]
            if logs[0] == logs[1] == logs[2] and len(logs[0]) >= len(a_scanner.ok) + len(b_scanner.ok):
                break
            time.sleep(0.25)
        for process in (a_sync, b_sync, hub):
            process.send_signal(signal.SIGTERM)
        for process in (a_sync, b_sync, hub):
            assert process.wait(30) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()

    a_device, b_device = ((d / "device_id").read_text().strip() for d in (a_data, b_data))
    uuid_of = dict(sqlite3.connect(hub_db).execute("SELECT pass_code, uuid FROM invitee").fetchall())
    acknowledged = sorted([(a_device, uuid_of[c]) for c in a_scanner.ok] + [(b_device, uuid_of[c]) for c in b_scanner.ok])
    assert len(acknowledged) >= SCANS  # every code admitted once at least, the overlap on both doors at most
    logs = {name: _entries(db) for name, db in (("hub", hub_db), ("a", a_db), ("b", b_db))}
    assert logs["hub"] == logs["a"] == logs["b"], {k: len(v) for k, v in logs.items()}
    for name, entries in logs.items():
        admitted = sorted((device, invitee) for _uuid, device, invitee, kind in entries if kind == "entry")
        assert admitted == acknowledged, name  # each acknowledged scan exactly once, nothing else
    stats = [json.loads(_run(data, "stats", "--db", db, "--event", e, "--json"))
             for data, db, e in ((hub_data, hub_db, event), (a_data, a_db, a_event), (b_data, b_db, b_event))]
    assert stats[0] == stats[1] == stats[2] and stats[0]["checked_in"] == SCANS
    assert time.monotonic() - started < 90
