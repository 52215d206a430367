"""A database file's read-only look before it is opened: ``PRAGMA quick_check`` and the header values that say
whose file it is. The window starts the look on a thread of its own as soon as it knows the file, so SQLite reads
the file (leaving the interpreter free) while the window's code loads; ``db.connection`` takes the result, or
looks itself when nothing was started or the file changed since. Standard library only: started before peewee
is imported."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import NamedTuple


class Look(NamedTuple):
    """What ``look`` read of a database file without writing to it: quick_check's result and the header values."""

    check: tuple[str, ...]  # quick_check's lines: ("ok",) for a sound file
    version: int  # user_version
    app_id: int  # application_id
    tables: int  # entries in sqlite_master


def side(path: Path, suffix: str) -> Path:
    """The companion file ``suffix`` (-wal, -shm, -journal) of the database ``path``."""
    return path.with_name(path.name + suffix)


# Where SQLite's unix VFS keeps the "dead man switch" lock of a -shm: every connection to the file holds it shared
# for as long as it is open (``UNIX_SHM_DMS`` in os_unix.c: (22 + SQLITE_SHM_NLOCK) * 4 + SQLITE_SHM_NLOCK).
_SHM_DMS_BYTE = 128


def shm_in_use(path: Path) -> bool:
    """Whether a live connection (of any process, this one included) has the -shm of the database ``path``
    open. A -shm that none has is left by a process that was killed: it may describe a -wal that was reset
    since, and a ``readonly_shm`` reader, which may not rebuild it, then retries for ten seconds and fails
    ("locking protocol") on every attempt, while a plain read-only open rebuilds it from the -wal in a moment.

    Asked of the kernel's list of locks (``/proc/locks``), never by opening the -shm: closing a descriptor of
    a file drops every record lock this process holds on it, a window's connection's included. Matched by inode
    alone (a stray match only keeps the careful way). Where there is no such list (not Linux), in use."""
    try:
        inode = os.stat(side(path, "-shm")).st_ino
    except OSError:
        return False  # (none: SQLite makes one)
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as listed:
            lines = listed.read().splitlines()
    except OSError:
        return True
    for line in lines:
        fields = line.split()  # id: kind ADVISORY mode pid major:minor:inode start end ("->": waiting, not held)
        if len(fields) < 8 or fields[1] == "->" or fields[5].rpartition(":")[2] != str(inode):
            continue
        start, end = fields[6], fields[7]
        if start.isdigit() and int(start) <= _SHM_DMS_BYTE and (end == "EOF" or _SHM_DMS_BYTE <= int(end)):
            return True
    return False


def _signature(path: Path) -> tuple:
    """What a look depends on: the file and its -wal as they are on disk (a change means a new look)."""
    def stat(p: Path) -> tuple | None:
        try:
            s = p.stat()
        except OSError:
            return None
        return s.st_size, s.st_mtime_ns, s.st_ino

    return stat(path), stat(side(path, "-wal"))


# SQLite's primary codes of a read that passes when made again: BUSY, LOCKED and PROTOCOL (a writer was busy),
# READONLY and CANTOPEN (the companions changed between our look at them and SQLite's open); the last two are
# also what a folder one may not write gives, so they are tried again only a few times
_PASSING = {5: 20, 6: 20, 15: 20, 8: 4, 14: 4}
_PASSING_PAUSE_S = 0.05


def look(path: Path) -> Look:
    """``_look_once``; a file read without locks (immutable) that looks damaged is looked at again twice, a tenth
    of a second apart: a command that began writing meanwhile can make one read see pages half-written, which is
    not damage. A read that met the companions changing under it (a command closing removes its -wal and -shm
    between our look at them and SQLite's open: "unable to open database file") is made again, the way of
    reading chosen anew."""
    for _attempt in range(2):
        if side(path, "-wal").exists():
            break  # read with SQLite's locks: once is enough
        try:
            found = _look_passing(path)
        except sqlite3.DatabaseError:
            pass
        else:
            if found.check == ("ok",):
                return found
        time.sleep(0.1)
    return _look_passing(path)


def _look_passing(path: Path) -> Look:
    attempt = 0
    while True:
        try:
            return _look_once(path)
        except sqlite3.OperationalError as exc:
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            attempt += 1
            if attempt >= _PASSING.get(code, 0):
                raise
        time.sleep(_PASSING_PAUSE_S * attempt)


def _look_once(path: Path) -> Look:
    """Read ``path`` without writing to it; raises ``sqlite3.Error`` where SQLite cannot.

    Read-only, and without a -wal beside it immutable too: a WAL file opened even read-only gets a -wal and a
    -shm that it cannot remove again, so a refused file would not be left as it was found. No -wal means no
    other connection has the file open in WAL mode, so there is nothing to lock against. With a -shm beside the
    -wal (a window may have the file open) the -shm is only read: a window whose record locks a stray close()
    released must never see its -shm truncated and rebuilt under it (see ``db.connection``). A -shm no live
    connection holds (``shm_in_use``) is a dead process's: read normally, SQLite rebuilds it."""
    mode = "&immutable=1" if not side(path, "-wal").exists() else (
        "&readonly_shm=1" if side(path, "-shm").exists() and shm_in_use(path) else "")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{mode}", uri=True, check_same_thread=False)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        conn.close()
    return Look(tuple(str(r[0]) for r in rows), version, app_id, tables)


class _Started:
    def __init__(self, path: Path):
        self.path = path
        self.signature = _signature(path)
        self.result: Look | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="openday-integrity", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.result = look(self.path)
        except BaseException as exc:  # noqa: BLE001 - handed over to the thread that opens the file
            self.error = exc


_started: dict[str, _Started] = {}


def _key(path: Path) -> str:
    return os.path.normcase(str(Path(path).expanduser().absolute()))


def start(path: Path | str) -> None:
    """Begin looking at ``path`` on a thread (nothing when it is not a file yet)."""
    path = Path(path).expanduser().absolute()
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
    except OSError:
        return  # opening the file names what is wrong with it
    _started[_key(path)] = _Started(path)


def taken(path: Path) -> Look:
    """The look at ``path``: the one started for it if the file is as it was then, else one made now.
    Raises ``sqlite3.Error`` as ``look`` does."""
    started = _started.pop(_key(path), None)
    if started is not None:
        started.thread.join()
        if started.signature == _signature(path):
            if started.error is not None:
                if isinstance(started.error, sqlite3.Error):
                    raise started.error
            elif started.result is not None:
                return started.result
    return look(path)
