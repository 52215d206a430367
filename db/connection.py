"""Opening a database file: refuse what is not ours or is damaged (touching nothing), then pragmas, migrations,
the daily backup, and binding the models.

Damage is only what the file itself shows: a failed ``quick_check``, or a size that is not the page count times
the page size of its header (a file cut short by a few bytes passes ``quick_check``). A full disk, an I/O error or
a companion file (``-wal``, ``-shm``) that cannot be made is a storage refusal, whatever SQLite calls it; so is a
file another program kept busy for longer than we wait (``BUSY``), which is never called a disk error.

**One writer, nothing confirmed lost.** SQLite coordinates processes with POSIX record locks, and a process loses
all of them when it closes *any* descriptor of the file: a Qt file dialog sniffing the folder, or a library
reading the header, is enough. Another process then believes it is alone, checkpoints, and deletes the ``-wal``
that the window goes on writing into; after a power cut those check-ins are gone. So safety does not rest on
those locks:

- the window holds ``db.lock.InstanceLock`` exclusively (``flock`` on ``<db>.lock``, which no close() of another
  descriptor cancels) for as long as it has the file open; it is then the only process that opens the file
  read-write;
- an ``openday`` command that writes holds the same lock shared (commands write side by side; each write
  transaction begins IMMEDIATE and waits for the one before, ``busy_timeout``), and refuses while a window holds
  it, naming the window's process;
- a command that only reads, while a window holds the file, opens it ``mode=ro&readonly_shm=1``: it can neither
  checkpoint nor delete the ``-wal``, nor rebuild or truncate the ``-shm``; when no window holds the file it
  takes the shared lock like a writer;
- nothing of ours opens the file outside SQLite while it is open (the checks of ``inspect_file`` run before).

**The main file is whole when the window is idle**: ``db.checkpoint.IdleCheckpointer`` copies the ``-wal`` into
the main file (a passive checkpoint, on a thread of its own) about a second after the last write, so a copy of
the ``.sqlite3`` alone carries every committed change once the window has been idle for a second or two.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

import peewee
from peewee import SqliteDatabase

from . import backup, integrity, migrations, models
from .errors import DatabaseRefused

SQLITE_HEADER = b"SQLite format 3\x00"

log = logging.getLogger(__name__)

COMPANIONS = ("-wal", "-shm", "-journal")
WAL_FRAME_MIN = 32 + 24 + 512  # a -wal's header, one frame's header and the smallest page
HEADROOM = 4 * 1024 * 1024  # the -wal and -shm of a session, beyond a copy of the file for the backup

# Primary result codes (the low byte of an extended code) of https://sqlite.org/rescode.html
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL = 5, 6, 15
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 10, 11, 13, 14, 26

PRAGMAS = {
    "busy_timeout": 5000,  # first: the pragmas below may already have to wait for another process
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a laptop's battery can die mid-check-in
}
COMMAND_BUSY_TIMEOUT = 30000  # a command that writes waits this long (ms) for the others' transactions
READ_ATTEMPTS, READ_PAUSE_S = 20, 0.05  # a read beside the window is tried again for about ten seconds
READ_ONLY_PRAGMAS = {"busy_timeout": 5000, "foreign_keys": 1, "query_only": 1}


class OpenDayDatabase(SqliteDatabase):
    """peewee's SQLite database whose write transactions begin IMMEDIATE: a transaction that reads first and
    writes later would otherwise fail at once ("database is locked") when another process wrote meanwhile,
    instead of waiting its turn (``busy_timeout``). A read-only connection begins them deferred."""

    def __init__(self, *args, immediate: bool = True, **kwargs):
        self.immediate = immediate
        super().__init__(*args, **kwargs)

    def atomic(self, lock_type=None):
        return super().atomic(lock_type=lock_type or ("IMMEDIATE" if self.immediate else None))

    def transaction(self, lock_type=None):
        return super().transaction(lock_type=lock_type or ("IMMEDIATE" if self.immediate else None))


class OpenedDatabase(NamedTuple):
    """An open database as ``open_database`` leaves it: migrated and bound to the models;
    ``daily_backup`` is the backup made on this open (None: none was made)."""

    db: SqliteDatabase
    path: Path
    created: bool
    migrated_steps: tuple[int, ...]
    daily_backup: Path | None
    backup_error: str = ""  # the daily backup failed (a full disk?); the database itself is fine
    read_only: bool = False  # opened beside a window: see ``transient``


def _refuse(kind: str, path: Path, detail: str = "", **info) -> DatabaseRefused:
    return DatabaseRefused(kind, path, detail, **info)


def inspect_file(path: Path) -> bool:
    """Check an existing or future database file without writing to it; returns True when it exists.

    Raises ``DatabaseRefused`` for a missing or unwritable folder, a directory, a file that is not SQLite,
    a SQLite file of another program, a damaged file (``quick_check``) or one from a newer app version.
    """
    if path.exists() and not path.is_file():
        raise _refuse(DatabaseRefused.NOT_A_FILE, path)
    if not path.exists():
        parent = path.parent
        if not parent.is_dir():
            raise _refuse(DatabaseRefused.MISSING_FOLDER, path)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _refuse(DatabaseRefused.NOT_WRITABLE, path)
        return False
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise _refuse(DatabaseRefused.NOT_WRITABLE, path)
    with open(path, "rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if not head:
        return True  # an empty file is an empty SQLite database
    if head != SQLITE_HEADER:
        raise _refuse(DatabaseRefused.NOT_SQLITE, path)
    wrong_size = size_damage(path)
    if wrong_size:
        raise _refuse(DatabaseRefused.CORRUPT, path, wrong_size)
    try:
        found = integrity.taken(path)
    except sqlite3.Error as exc:
        raise storage_refusal(exc, path) from exc
    if found.check != ("ok",):
        raise _refuse(DatabaseRefused.CORRUPT, path, "; ".join(found.check[:5]))
    version, app_id, tables = found.version, found.app_id, found.tables
    if app_id != migrations.APPLICATION_ID and (tables or version):
        raise _refuse(DatabaseRefused.NOT_OPENDAY, path)
    if version > migrations.latest_version():
        raise _refuse(
            DatabaseRefused.NEWER_VERSION, path, str(version), version=version, supported=migrations.latest_version()
        )
    return True


_side = integrity.side


def size_damage(path: Path) -> str:
    """Why the file's size does not fit its header (empty when it does): the header's page count (offset 28)
    times its page size (offset 16) is the file's size whenever the count is valid (the change counter at offset
    24 equals the one at 92). With an unfinished -wal beside it, whole pages are all that can be asked."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    size = path.stat().st_size
    if len(head) < 100:
        return f"header cut short: {size} bytes"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"page size {page_size} in the header"
    if size % page_size:
        return f"{size} bytes is not a whole number of {page_size}-byte pages"
    wal = _side(path, "-wal")
    if wal.exists() and wal.stat().st_size:
        return ""
    page_count = int.from_bytes(head[28:32], "big")
    if head[24:28] == head[92:96] and page_count and page_count * page_size != size:
        return f"{size} bytes, the header says {page_count} pages of {page_size} bytes"
    return ""


def transient(exc: BaseException) -> bool:
    """A read-only connection's error that passes when read again: the window was writing the -shm's header
    while it was read (``readonly_shm`` cannot wait on the window's lock the way a writer would), or the window
    died mid-write and the next open recovers the -wal, or the window closed (removing its -shm) between our
    look at the -shm and SQLite's open of it."""
    return is_sqlite_error(exc) and (sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY,
                                                          SQLITE_PROTOCOL, SQLITE_CANTOPEN)
                                     or str(exc) in ("database is locked", "locking protocol"))


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (a peewee error wraps the sqlite3 one as its first
    argument), or None."""
    seen = 0
    while exc is not None and seen < 5:
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = inner or exc.__cause__ or exc.__context__
        seen += 1
    return None


def is_sqlite_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error | peewee.DatabaseError | peewee.InterfaceError)


def space_needed(path: Path) -> int:
    """What opening ``path`` may write: a backup of the file, its -wal and -shm."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return size + HEADROOM


def free_space(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def storage_refusal(exc: BaseException, path: Path) -> DatabaseRefused:
    """A SQLite error met while opening ``path`` (or writing to it), told as what it is. Only SQLite saying
    "corrupt" or "not a database" is damage; a full disk, an I/O error or a file that cannot be opened is the
    storage's, and so is an error of unknown cause."""
    code = sqlite_code(exc)
    detail = str(exc)
    if code is None and detail in ("database is locked", "database table is locked"):  # raised without a code
        code = SQLITE_BUSY
    free, needed = free_space(path), space_needed(path)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN, None) and free is not None
                               and free < needed):
        return _refuse(DatabaseRefused.NO_SPACE, path, detail, free=free or 0, needed=needed)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return _refuse(DatabaseRefused.BUSY, path, detail)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return _refuse(DatabaseRefused.CORRUPT, path, detail)
    if code == SQLITE_READONLY:
        return _refuse(DatabaseRefused.NOT_WRITABLE, path, detail)
    if code == SQLITE_CANTOPEN:
        return _refuse(DatabaseRefused.CANT_OPEN, path, detail)
    return _refuse(DatabaseRefused.IO_ERROR, path, detail)


def _remove_new_companions(path: Path, before: set[str]) -> None:
    """After a refused open, the companions it made (a full disk) go again, so the file is left as found: a new
    -wal or -journal that holds no frame (nothing was committed into it), then a new -shm if no -wal is left
    (the -shm is only an index of the -wal)."""
    def remove(side: Path) -> None:
        try:
            side.unlink()
        except OSError:
            pass

    for suffix in ("-wal", "-journal"):
        side = _side(path, suffix)
        try:
            if suffix not in before and side.exists() and side.stat().st_size < WAL_FRAME_MIN:
                remove(side)
        except OSError:
            pass
    shm = _side(path, "-shm")
    if "-shm" not in before and shm.exists() and not _side(path, "-wal").exists():
        remove(shm)


def open_database(path: Path | str, *, device_id: str = "", auto_backup: bool = True, read_only: bool = False,
                  busy_timeout: int | None = None) -> OpenedDatabase:
    """Open (or create) the database at ``path`` and bind the models to it.

    ``read_only`` (a command that reads while a window holds the file): opened ``mode=ro&readonly_shm=1``, never
    migrated or backed up; a file of an older schema is refused as locked (the window holding it upgrades it).
    A daily backup that fails (a full disk) is logged and named in ``backup_error``; the database opens."""
    path = Path(path).expanduser().absolute()
    existed = inspect_file(path)
    if read_only:
        return _open_read_only(path, device_id, existed)
    companions = {suffix for suffix in COMPANIONS if _side(path, suffix).exists()}
    pragmas = dict(PRAGMAS, busy_timeout=busy_timeout or PRAGMAS["busy_timeout"])
    db = OpenDayDatabase(str(path), pragmas=pragmas, check_same_thread=False, timeout=pragmas["busy_timeout"] / 1000)
    try:
        db.connect()
        steps = migrations.migrate(db, path if existed else None)
    except BaseException as exc:
        db.close()
        if existed:
            _remove_new_companions(path, companions)
        if is_sqlite_error(exc):
            raise storage_refusal(exc, path) from exc
        if isinstance(exc, OSError):  # the backup before a migration could not be written
            raise _refuse(DatabaseRefused.NO_SPACE if (free_space(path) or 0) < space_needed(path)
                          else DatabaseRefused.IO_ERROR, path, str(exc), free=free_space(path) or 0,
                          needed=space_needed(path)) from exc
        raise
    daily, backup_error = None, ""
    if auto_backup and existed:
        try:
            daily = backup.daily_backup(db.connection(), path)
        except (sqlite3.Error, OSError) as exc:
            backup_error = str(exc) or type(exc).__name__
            log.warning("the daily backup of %s failed (%s); the database was opened without it", path.name,
                        backup_error)
    models.database.initialize(db)
    models.set_device_id(device_id)
    return OpenedDatabase(db=db, path=path, created=not existed, migrated_steps=tuple(steps), daily_backup=daily,
                          backup_error=backup_error)


def _open_read_only(path: Path, device_id: str, existed: bool) -> OpenedDatabase:
    """The read-only open of ``open_database``: SQLite may only read the file, its -wal and its -shm (the
    window holding the file keeps the -shm; without one, a plain read-only open)."""
    if not existed:
        raise _refuse(DatabaseRefused.CANT_OPEN, path, "no such file")
    for attempt in range(READ_ATTEMPTS):
        shm = "&readonly_shm=1" if _side(path, "-shm").exists() and integrity.shm_in_use(path) else ""
        db = OpenDayDatabase(f"{path.as_uri()}?mode=ro{shm}", uri=True, pragmas=READ_ONLY_PRAGMAS,
                             check_same_thread=False, immediate=False,
                             timeout=READ_ONLY_PRAGMAS["busy_timeout"] / 1000)
        try:
            db.connect()
            version = migrations.user_version(db)
            break
        except BaseException as exc:
            db.close()
            if transient(exc) and attempt < READ_ATTEMPTS - 1:
                time.sleep(READ_PAUSE_S * (attempt + 1))
                continue
            if is_sqlite_error(exc):
                raise storage_refusal(exc, path) from exc
            raise
    if version < migrations.latest_version():
        db.close()
        raise _refuse(DatabaseRefused.LOCKED, path, "schema upgrade pending", pid="")
    models.database.initialize(db)
    models.set_device_id(device_id)
    return OpenedDatabase(db=db, path=path, created=False, migrated_steps=(), daily_backup=None, read_only=True)


def close_database(opened: OpenedDatabase) -> None:
    if not opened.db.is_closed():
        opened.db.close()
    if models.database.obj is opened.db:
        models.database.initialize(None)
