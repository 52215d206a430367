"""The venue network on the loopback, as at a large open day: a hub (``openday hub``) with 20,000 confirmed people
and three devices joined to it (``openday join``), each running ``openday sync`` and scanning through ``openday
checkin --codes -``. Scans go to the three devices in turn at a steady rate (10 a second by default).

    python bench/venue.py [--people 20000] [--scans 150] [--rate 10]

Prints one JSON line::

    {"latency_ms": {"median", "p95", "max"}, "hub_cpu": …, "devices_cpu": […], "join_s": […], …}

``latency_ms``: from a device's "ok CODE" line (printed after its commit) to the entry being in another device's
database, for each scan and each of the two other devices (the databases are read every 5 ms; target p95 ≤ 1 s).
``hub_cpu``: the hub process's CPU time over the wall time of the scanning (one core = 1.0); ``devices_cpu`` the
same for each device's ``openday sync``. ``join_s``: how long each device took to pair and receive the event.
Only 127.0.0.1 is used."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(path: Path, people: int) -> tuple[int, list[str]]:
    """The office: an event held today with ``people`` confirmed people holding passes (newest first)."""
    from desktop_app.demo import add_crowd, create_demo_event
    from desktop_app.workspace import open_workspace

    ws = open_workspace(path)
    try:
        event = create_demo_event(dt.date.today())
        return event.id, add_crowd(event.id, people)[::-1]
    finally:
        ws.close()


def env(data: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENDAY_DATA_DIR": str(data)}


def openday(data: Path, *args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop_app", *[str(a) for a in args]], env=env(data), cwd=ROOT,
                            text=True, encoding="utf-8", **kwargs)


def cpu_seconds(pid: int) -> float:
    """User + system time of a process (Linux: /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Watcher(threading.Thread):
    """Reads a device's log every 5 ms; notes when each (device, person) entry first appears."""

    def __init__(self, db: Path):
        super().__init__(daemon=True)
        self.db = db
        self.seen: dict[tuple[str, str], float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM checkin_entry").fetchone()[0]
        while not self.stop.wait(0.005):
            try:
                rows = conn.execute("SELECT id, device, invitee FROM checkin_entry WHERE id > ?", (last,)).fetchall()
            except sqlite3.OperationalError:
                continue
            now = time.monotonic()
            for row_id, device, invitee in rows:
                self.seen.setdefault((device, invitee), now)
                last = max(last, row_id)
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=150)
    parser.add_argument("--rate", type=float, default=10.0, help="scans a second, over the three devices")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="openday-bench-venue-"))
    names = ("hub", "d1", "d2", "d3")
    data = {n: tmp / f"{n}-data" for n in names}
    dbs = {n: tmp / f"{n}.sqlite3" for n in names}
    for folder in data.values():
        folder.mkdir()
    os.environ["OPENDAY_DATA_DIR"] = str(data["hub"])
    started = time.perf_counter()
    event, codes = build(dbs["hub"], args.people)
    print(f"office built in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    processes: list[subprocess.Popen] = []
    try:
        hub = openday(data["hub"], "hub", "--db", dbs["hub"], "--event", event, "--bind", "127.0.0.1", "--port", 0,
                      "--pairing-codes", 3, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        processes.append(hub)
        pairings = [json.loads(hub.stdout.readline())["pairing"] for _ in range(3)]
        joins, events = [], {}
        for name, code in zip(names[1:], pairings, strict=True):
            begun = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "desktop_app", "join", "--db", str(dbs[name]), code,
                                   "--name", name, "--json"], env=env(data[name]), cwd=ROOT, capture_output=True,
                                  text=True, check=True)
            joins.append(round(time.perf_counter() - begun, 2))
            events[name] = json.loads(done.stdout)["event"]
        device_of = {n: (data[n] / "device_id").read_text().strip() for n in names[1:]}
        syncs = {n: openday(data[n], "sync", "--db", dbs[n], "--event", events[n], "--json",
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for n in names[1:]}
        processes += syncs.values()
        scanners = {n: openday(data[n], "checkin", "--db", dbs[n], "--event", events[n], "--codes", "-",
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                    for n in names[1:]}
        processes += scanners.values()
        watchers = {n: Watcher(dbs[n]) for n in names[1:]}
        for watcher in watchers.values():
            watcher.start()
        time.sleep(3)  # every process up and its first long poll out

        conn = sqlite3.connect(dbs["hub"])
        uuid_of = dict(conn.execute("SELECT pass_code, uuid FROM invitee WHERE event_id = ?", (event,)).fetchall())
        conn.close()
        scanned: list[tuple[str, str, float]] = []  # (device name, person uuid, when its "ok" was read)
        hub_cpu0, sync_cpu0 = cpu_seconds(hub.pid), {n: cpu_seconds(p.pid) for n, p in syncs.items()}
        wall0 = time.monotonic()
        for i in range(args.scans):
            name = names[1 + i % 3]
            due = wall0 + i / args.rate
            time.sleep(max(0.0, due - time.monotonic()))
            scanner = scanners[name]
            scanner.stdin.write(codes[i] + "\n")
            scanner.stdin.flush()
            line = scanner.stdout.readline().strip()
            if line.startswith("ok "):
                scanned.append((name, uuid_of[codes[i]], time.monotonic()))
        wall = time.monotonic() - wall0
        hub_cpu = (cpu_seconds(hub.pid) - hub_cpu0) / wall
        sync_cpu = [round((cpu_seconds(p.pid) - sync_cpu0[n]) / wall, 3) for n, p in syncs.items()]
        time.sleep(3)
        latencies, missing = [], 0
        for name, person, at in scanned:
            for other in names[1:]:
                if other == name:
                    continue
                seen = watchers[other].seen.get((device_of[name], person))
                if seen is None:
                    missing += 1
                else:
                    latencies.append((seen - at) * 1000)
        for watcher in watchers.values():
            watcher.stop.set()
        for scanner in scanners.values():
            scanner.stdin.close()
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
    latencies.sort()
    print(json.dumps({
        "devices": 3, "people": args.people, "scans": len(scanned), "rate_per_s": args.rate,
        "latency_ms": {"median": round(statistics.median(latencies), 1) if latencies else None,
                       "p95": round(latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None,
                       "max": round(latencies[-1], 1) if latencies else None},
        "not_seen_after_3_s": missing,
        "hub_cpu": round(hub_cpu, 3), "devices_cpu": sync_cpu, "join_s": joins,
    }))
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
