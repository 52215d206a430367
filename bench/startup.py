"""Startup benchmark: how much longer the app takes to show its window than a bare PySide6 window.

    python bench/startup.py [--runs N]

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

Prints one JSON object: ``{"app_s", "bare_s", "ratio", "runs", "target_ratio"}`` with the medians in seconds,
``ratio = app_s / bare_s`` (the app's own startup cost relative to Qt's), and the ratio aimed for (1.5).
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="timed runs of each command (default 5)")
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
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):  # alternating: app, bare, app, bare, ...
            for name, command in commands.items():
                times[name].append(_timed(command, env, f"{name} (run {run + 1})"))

    app_s = statistics.median(times["app"])
    bare_s = statistics.median(times["bare"])
    print(json.dumps({
        "app_s": round(app_s, 4),
        "bare_s": round(bare_s, 4),
        "ratio": round(app_s / bare_s, 4),
        "runs": args.runs,
        "target_ratio": TARGET_RATIO,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
