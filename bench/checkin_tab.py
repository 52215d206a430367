"""The 签到 tab with 20,000 people: time from a scanned pass code + Enter to the result shown and the counts and
lists updated, as the entrance laptop lives it.

    python bench/checkin_tab.py [--people 20000] [--scans 30]

Prints one JSON object ``{"people", "scans", "scan_median_s", "scan_max_s", "open_s", "follow_median_ms",
"follow_max_ms"}`` (``open_s``: showing the event in the tab, the search index built once; ``follow_*``: the GUI
thread's time to show one scan made at another door of the venue network — the tab reads the log twice a second
while the network is on — each a stall of the window).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=30)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="openday-bench-"))
    os.environ["OPENDAY_DATA_DIR"] = str(tmp)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from db import models
    from desktop_app.demo import add_crowd, create_demo_event
    from desktop_app.workspace import open_workspace

    ws = open_workspace(tmp / "bench.sqlite3")
    event = create_demo_event(dt.date(2026, 12, 20))
    add_crowd(event.id, args.people)

    from PySide6.QtWidgets import QApplication

    from ui.checkin.tab import CheckinTab

    app = QApplication([])
    tab = CheckinTab()
    start = time.perf_counter()
    tab.set_event(event.id)
    tab.show()
    app.processEvents()
    open_s = time.perf_counter() - start
    codes = [p.pass_code for p in models.Invitee.select().order_by(models.Invitee.id.desc()).limit(args.scans)]
    times = []
    for code in codes:
        start = time.perf_counter()
        tab.search.setText(code)
        tab._on_enter()  # the scanner's Enter
        app.processEvents()
        times.append(time.perf_counter() - start)
    from desktop_app.services import checkin

    others = [p.pass_code for p in models.Invitee.select().order_by(models.Invitee.id).limit(args.scans)]
    index = checkin.search_index(event.id)
    follows = []
    for code in others:  # another door's scan, arrived in the log (as the network's sync writes it)
        checkin.check_in_code(event.id, code, index)
        start = time.perf_counter()
        tab.follow_log()
        app.processEvents()
        follows.append(time.perf_counter() - start)
    print(json.dumps({"people": len(tab._people), "scans": len(times),
                      "scan_median_s": round(statistics.median(times), 3), "scan_max_s": round(max(times), 3),
                      "open_s": round(open_s, 3), "follow_median_ms": round(statistics.median(follows) * 1000, 1),
                      "follow_max_ms": round(max(follows) * 1000, 1)}))
    sys.stdout.flush()
    ws.close()
    os._exit(0)  # no Qt teardown under the garbage collector


if __name__ == "__main__":
    main()
