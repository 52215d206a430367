"""Startup benchmark: how much longer the app takes to show its window than a bare PySide6 window.

    python bench/startup.py [--runs N] [--people N]

What it measures: the wall time of whole processes, from start to exit, each run with
``QT_QPA_PLATFORM=offscreen`` and ``OPENDAY_DATA_DIR`` pointing into a temporary folder:

* app:  ``python -m desktop_app --db DEMO --smoke`` -- opens the demo database (made first with
  ``python -m desktop_app demo --db DEMO --date 2026-12-20``), shows the main window, prints ``ready``, exits;
* bare: ``python BARE.py`` -- a QApplication with an empty QMainWindow that is shown, prints ``ready`` from a
  ``QTimer.singleShot(0)`` and quits. It is the floor: interpreter start, importing Qt, one window.

Python's bytecode caching is on (``PYTHONDONTWRITEBYTECODE`` is dropped) with the caches in the temporary
folder (``PYTHONPYCACHEPREFIX``). Each command runs once to warm the disk and bytecode caches (not counted),
then N times each, alternating app, bare, app, bare, ... so that drift in machine load affects both alike.
Time is ``time.perf_counter()`` around ``subprocess.run``; a run that does not print ``ready`` or exits non-zero stops the benchmark (exit 1).

Prints one JSON object: ``{"app_s", "bare_s", "ratio", "runs", "target_ratio", "first_paint_s",
"first_paint_ratio", "usable": {...}}`` with the medians in seconds, ``ratio = app_s / bare_s`` (the whole
``--smoke`` process against the bare window's), and the ratio aimed for.

First paint and usable: the app started with ``OPENDAY_STARTUP_TRACE=1`` writes ``painted`` on stderr once its
first window (a Qt-only shell, before the database and the tabs are loaded) is on screen, and ``usable`` once the
main window is shown and the first rule check has finished; the benchmark stamps each line as it arrives and
stops the process after ``usable``. ``first_paint_ratio`` is the time to ``painted`` against the bare window's
whole process (target 1.3); ``usable`` gives the time to ``usable`` for the demo and for a file whose event has
``--people`` invitees (default 20,000), each against the bare window (target 2.0). ``paired_ratio`` is the median
of each round's own ratio (a traced start against the bare window timed just before it in the same round): it
drifts less than the ratio of the medians when the machine's speed changes during the benchmark.
Uses only the standard library and the project; works from a source checkout (the commands run with the
repository root as working folder and on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
FIRST_PAINT_TARGET = 1.3
USABLE_TARGET = 2.0
DEMO_DATE = "2026-12-20"
TIMEOUT_S = 120

BARE_SCRIPT = '''\
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()


def ready():
    print("ready", flush=True)
    window.close()
    app.quit()


QTimer.singleShot(0, ready)
sys.exit(app.exec())
'''


def _environment(tmp_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["OPENDAY_DATA_DIR"] = str(tmp_dir / "data")
    # Time Python as users run it, with bytecode caches (pip writes them on install; the frozen app has bytecode
    # only): without them every run would compile the project's modules again. The caches go to the temporary
    # folder (filled by the warm-up runs), so nothing is written into the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_dir / "pycache")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("PYTHONPROFILEIMPORTTIME", None)  # -X importtime via the environment would skew the timings
    return env


def _run(command: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
    if result.returncode != 0:
        raise SystemExit(f"startup.py: {what} exited with {result.returncode}: {' '.join(command)}\n{result.stderr}")
    return result


def _timed(command: list[str], env: dict[str, str], what: str) -> float:
    start = time.perf_counter()
    result = _run(command, env, what)
    elapsed = time.perf_counter() - start
    if result.stdout.strip() != "ready":
        raise SystemExit(f"startup.py: {what} printed {result.stdout!r}, expected 'ready'\n{result.stderr}")
    return elapsed


def _traced(command: list[str], env: dict[str, str], what: str) -> dict[str, float]:
    """Seconds from the start to each startup mark the app writes on stderr; the process is ended after
    ``usable``."""
    env = {**env, "OPENDAY_STARTUP_TRACE": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    marks: dict[str, float] = {}
    try:
        for line in process.stderr:
            word = line.strip()
            if word in ("painted", "usable"):
                marks[word] = time.perf_counter() - start
            if word == "usable":
                break
    finally:
        process.kill()
        process.wait(timeout=TIMEOUT_S)
    if set(marks) != {"painted", "usable"}:
        raise SystemExit(f"startup.py: {what} wrote {sorted(marks)} of its startup marks")
    return marks


def _large_file(tmp_dir: Path, env: dict[str, str], people: int) -> Path:
    """A file whose only event has ``people`` confirmed invitees (the demo's plan), made in a child process."""
    path = tmp_dir / "large.sqlite3"
    script = f"""
import datetime as dt
from pathlib import Path
from desktop_app.demo import create_demo_event
from desktop_app.domain import idcard
from desktop_app.domain.roster import InviteeDraft
from desktop_app.services import roster
from desktop_app.workspace import open_workspace

ws = open_workspace(Path({str(path)!r}))
event = create_demo_event(dt.date.today() + dt.timedelta(days=30))
seen, drafts = set(), []
for i in range({people}):
    number = idcard.make("640422", dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28), 100 + (i // 600) % 899)
    if number not in seen:
        seen.add(number)
        drafts.append(InviteeDraft(name="张伟" + str(i % 7), id_number=number, phone=f"13{{i:09d}}",
                                   category="企业及群众代表"))
roster.import_drafts(event.id, drafts)
ws.close()
"""
    _run([sys.executable, "-c", script], env, "the large file")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="timed runs of each command (default 5)")
    parser.add_argument("--people", type=int, default=20000, metavar="N",
                        help="invitees of the large file's event for the usable point (default 20,000; 0: none)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="openday-bench-") as tmp:
        tmp_dir = Path(tmp)
        env = _environment(tmp_dir)
        demo_db = tmp_dir / "demo.sqlite3"
        openday = [sys.executable, "-m", "desktop_app"]
        _run([*openday, "demo", "--db", str(demo_db), "--date", DEMO_DATE], env, "openday demo")
        bare_script = tmp_dir / "bare_window.py"
        bare_script.write_text(BARE_SCRIPT, encoding="utf-8")

        commands = {
            "app": [*openday, "--db", str(demo_db), "--smoke"],
            "bare": [sys.executable, str(bare_script)],
        }
        for name, command in commands.items():  # warm-up, not counted
            _timed(command, env, f"{name} (warm-up)")
        files = {"demo": demo_db}
        if args.people:
            files["large"] = _large_file(tmp_dir, env, args.people)
        for name, path in files.items():  # warm-up of the traced start, not counted
            _traced([*openday, "--db", str(path)], env, f"{name} (warm-up)")
        times: dict[str, list[float]] = {name: [] for name in commands}
        marks: dict[str, dict[str, list[float]]] = {name: {"painted": [], "usable": []} for name in files}
        for run in range(args.runs):  # alternating: app, bare, traced starts, app, bare, ...
            for name, command in commands.items():
                times[name].append(_timed(command, env, f"{name} (run {run + 1})"))
            for name, path in files.items():
                for mark, seconds in _traced([*openday, "--db", str(path)], env, f"{name} (run {run + 1})").items():
                    marks[name][mark].append(seconds)

    app_s = statistics.median(times["app"])
    bare_s = statistics.median(times["bare"])
    first_paint = statistics.median(marks["demo"]["painted"])
    usable = {name: {"seconds": round(statistics.median(m["usable"]), 4),
                     "ratio": round(statistics.median(m["usable"]) / bare_s, 4),
                     "paired_ratio": round(statistics.median(
                         u / b for u, b in zip(m["usable"], times["bare"], strict=True)), 4)}
              for name, m in marks.items()}
    print(json.dumps({
        "app_s": round(app_s, 4),
        "bare_s": round(bare_s, 4),
        "ratio": round(app_s / bare_s, 4),
        "runs": args.runs,
        "target_ratio": TARGET_RATIO,
        "first_paint_s": round(first_paint, 4),
        "first_paint_ratio": round(first_paint / bare_s, 4),
        "first_paint_target": FIRST_PAINT_TARGET,
        "usable": usable,
        "usable_target": USABLE_TARGET,
        "people": args.people,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
