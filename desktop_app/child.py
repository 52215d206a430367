"""Work too heavy for the window's process, run as ``openday`` itself in a child process.

Writing a filing package for 20,000 people builds millions of objects: in the window's process the garbage
collector's passes over them and lxml's one-call serialising of a large document hold the interpreter for a
quarter of a second at a time, and the window freezes although the work runs on a worker thread. The child is
the ``openday`` command line (the frozen executable, or this interpreter with the package): it opens the
database itself (SQLite lets the window go on reading and writing) and writes its JSON result, or its
refusal as JSON so the window shows it in its own language, into the file ``OPENDAY_CHILD`` names: the frozen
Windows app has no console, so its standard output goes nowhere.
"""

from __future__ import annotations

import contextlib
import json
import os
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


def redirect_output() -> None:
    """In a child, what the command prints goes into the file the window named (called first by ``cli.main``)."""
    target = os.environ.get(CHILD_ENV)
    if target:
        sys.stdout = open(target, "w", encoding="utf-8")  # noqa: SIM115 - the process's stdout until it exits


def report_refusal(exc: UserError) -> None:
    """In a child, the refusal as one JSON line: the message's source and its fields."""
    if os.environ.get(CHILD_ENV):
        print(json.dumps({"refused": {"message": exc.message, "params": exc.params}}, ensure_ascii=False,
                         default=str), flush=True)


def run(*args: str) -> dict:
    """Run ``openday ARGS`` (which must print one JSON object) and return that object. A refusal is raised as
    the ``UserError`` the child raised; anything else as ``ChildFailed``."""
    import subprocess  # here: every start of the program reads this module (``cli.main``), few run a child
    import tempfile

    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashes up on Windows
    handle, result = tempfile.mkstemp(prefix="openday-child-", suffix=".json")
    os.close(handle)
    try:
        proc = subprocess.run(command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              encoding="utf-8", errors="replace", env={**os.environ, CHILD_ENV: result},
                              creationflags=flags, check=False)
        with open(result, encoding="utf-8", errors="replace") as file:
            outcome = _last_json(file.read())
    finally:
        with contextlib.suppress(OSError):
            os.unlink(result)
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
