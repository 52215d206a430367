"""The cost of one check-in commit as the window makes it: the file opened the way the window opens it (its lock,
synchronous FULL, and whatever else holds the file meanwhile), 2,000 confirmed people, one pass code after
another checked in and committed, then the same people's check-ins undone (also one commit each).

    python bench/checkin_commit.py [--people 2000] [--scans 300] [--rounds 5]

Prints one JSON line::

    {"commit_ms": {"median": …, "p90": …, "max": …}, "scans": …, "rounds": …, "missing_in_copy": …}

``commit_ms`` is over every check-in of every round (each round on a fresh copy of the file);
``missing_in_copy`` the most check-ins (of any round) missing from a copy of the ``.sqlite3`` alone taken two
seconds after the last one (target 0: the main file is whole once the window is idle)."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import os

    tmp = Path(tempfile.mkdtemp(prefix="openday-bench-"))
    os.environ.setdefault("OPENDAY_DATA_DIR", str(tmp / "data"))
    (tmp / "data").mkdir()
    from bench.gui_latency import build_file, codes_of
    from desktop_app.services import checkin
    from desktop_app.workspace import open_workspace

    built = build_file(tmp, args.people)
    pristine = tmp / "pristine.sqlite3"
    shutil.copy(built["path"], pristine)
    times: list[float] = []
    missing: list[int] = []
    for _round in range(args.rounds):
        path = tmp / "round.sqlite3"
        for side in ("", "-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        shutil.copy(pristine, path)
        ws = open_workspace(path, lock=True, auto_backup=False)
        try:
            event = built["small"]
            index = checkin.search_index(event)
            for code in codes_of(event, args.scans):
                start = time.perf_counter()
                checkin.check_in_code(event, code, index)
                times.append((time.perf_counter() - start) * 1000)
            time.sleep(2)
            copy = tmp / "copy.sqlite3"
            shutil.copyfile(path, copy)
            conn = sqlite3.connect(copy)
            try:
                in_copy = conn.execute("SELECT count(*) FROM check_in WHERE event_id = ?", (event,)).fetchone()[0]
            finally:
                conn.close()
                copy.unlink()
            missing.append(args.scans - in_copy)
        finally:
            ws.close()
    times.sort()
    print(json.dumps({"commit_ms": {"median": round(statistics.median(times), 2),
                                    "p90": round(times[int(len(times) * 0.9)], 2), "max": round(times[-1], 2)},
                      "scans": args.scans, "rounds": args.rounds, "people": args.people,
                      "missing_in_copy": max(missing)}))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
