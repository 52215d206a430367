"""Work too heavy for the window's process, run as ``openday`` itself in a child process.

Writing a filing package for 20,000 people builds millions of objects: in the window's process the garbage
collector's passes over them and lxml's one-call serialising of a large document hold the interpreter for a
quarter of a second at a time, and the window freezes although the work runs on a worker thread. The child is
the ``openday`` command line (the frozen executable, or this interpreter with the package): it opens the
database itself (SQLite lets the window go on reading and writing), prints its result as JSON, and with
``OPENDAY_CHILD`` set reports a refusal as JSON too, so the window shows it in its own language.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .errors import UserError

CHILD_ENV = "OPENDAY_CHILD"


class ChildFailed(RuntimeError):
    """The child stopped on an unexpected error (its traceback is in the log, which both processes share)."""


def command(*args: str) -> list[str]:
    """``openday ARGS`` as this program runs: the frozen executable itself, or this interpreter with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "desktop_app", *args]


def report_refusal(exc: UserError) -> None:
    """In a child, the refusal as one JSON line on stdout: the message's source and its fields."""
    if os.environ.get(CHILD_ENV):
        print(json.dumps({"refused": {"message": exc.message, "params": exc.params}}, ensure_ascii=False,
                         default=str), flush=True)


def run(*args: str) -> dict:
    """Run ``openday ARGS`` (which must print one JSON object) and return that object. A refusal is raised as
    the ``UserError`` the child raised; anything else as ``ChildFailed``."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashes up on Windows
    proc = subprocess.run(command(*args), capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env={**os.environ, CHILD_ENV: "1"}, creationflags=flags, check=False)
    outcome = _last_json(proc.stdout)
    if proc.returncode == 0 and outcome is not None and "refused" not in outcome:
        return outcome
    refused = (outcome or {}).get("refused")
    if isinstance(refused, dict) and isinstance(refused.get("message"), str):
        params = refused.get("params") if isinstance(refused.get("params"), dict) else {}
        raise UserError(refused["message"], **params)
    last = proc.stderr.strip().splitlines()[-1:] or [""]
    raise ChildFailed(f"openday {args[0]} exited with {proc.returncode}: {last[0][:300]}")


def _last_json(stdout: str) -> dict | None:
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)
            except ValueError:
                return None
            return value if isinstance(value, dict) else None
    return None
