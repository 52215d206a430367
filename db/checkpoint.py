"""The main file made whole once the writer is idle: the ``-wal`` copied into the database file about a second
after the last write, so a copy of the ``.sqlite3`` alone carries every committed change.

A thread of its own watches the ``-wal``'s size and time (``os.stat``: the file is never opened outside SQLite)
and, once they have not changed for ``idle`` seconds, runs a passive checkpoint on its own connection. A passive
checkpoint never blocks a writer and needs no exclusive lock: the window's next check-in does not wait for it.
A reader still busy with an older snapshot can hold part of the ``-wal`` back; the next round finishes the job."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

IDLE_S = 0.8  # no write for this long: the writer is idle
POLL_S = 0.25


class IdleCheckpointer:
    """Checkpoints the database at ``path`` whenever its ``-wal`` holds frames and has been still for ``idle``
    seconds. ``stop()`` ends the thread and closes its connection (before the database itself is closed)."""

    def __init__(self, path: Path | str, *, idle: float = IDLE_S, poll: float = POLL_S):
        self.path = Path(path)
        self.wal = self.path.with_name(self.path.name + "-wal")
        self.idle, self.poll = idle, poll
        self._stop = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self._checkpointed: tuple | None = None  # the -wal's (size, mtime) after our last complete checkpoint
        self.rounds = 0  # complete checkpoints made (tests and the benchmark read it)
        self._thread = threading.Thread(target=self._run, name="openday-checkpoint", daemon=True)

    def start(self) -> IdleCheckpointer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)

    def _stat(self) -> tuple | None:
        try:
            st = os.stat(self.wal)
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def _run(self) -> None:
        seen, still_since = None, 0.0
        try:
            while not self._stop.wait(self.poll):
                now = self._stat()
                if now != seen:
                    seen, still_since = now, 0.0
                    continue
                still_since += self.poll
                if now is None or now[0] == 0 or now == self._checkpointed or still_since < self.idle:
                    continue
                if self.checkpoint():
                    self._checkpointed = self._stat()
        finally:
            if self._conn is not None:
                self._conn.close()

    def checkpoint(self) -> bool:
        """One passive checkpoint now; True when every frame of the -wal is in the main file."""
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(str(self.path), timeout=0, check_same_thread=False)
            busy, frames, done = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:  # a full disk or a vanished stick: the writer itself will say so
            log.warning("checkpoint of %s failed: %s", self.path.name, exc)
            return False
        complete = not busy and frames >= 0 and done == frames
        if complete:
            self.rounds += 1
        return complete
