"""The open database of a session (CLI command or GUI): this machine's device id, the instance lock, and the
refusals of ``db`` turned into messages a coordinator can act on."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from db import backup
from db.checkpoint import IdleCheckpointer
from db.connection import COMMAND_BUSY_TIMEOUT, OpenedDatabase, close_database, open_database
from db.errors import DatabaseRefused
from db.lock import COMMAND, WINDOW, InstanceLock

from . import i18n, paths
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

REFUSALS = {
    DatabaseRefused.MISSING_FOLDER: QT_TRANSLATE_NOOP(
        "core", "Cannot create the database {path}: the folder does not exist. Choose an existing folder."),
    DatabaseRefused.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "core", "Cannot write to {path}: the file or its folder is read-only. Choose a folder you can write to, "
        "or copy the file there."),
    DatabaseRefused.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "core", "{path} is a folder, not a database file. Give the path of a .sqlite3 file."),
    DatabaseRefused.NOT_SQLITE: QT_TRANSLATE_NOOP(
        "core", "{path} is not an Open Day Desk database (it is not a SQLite file). It was not changed."),
    DatabaseRefused.NOT_OPENDAY: QT_TRANSLATE_NOOP(
        "core", "{path} is a SQLite database of another program, not of Open Day Desk. It was not changed."),
    DatabaseRefused.CORRUPT: QT_TRANSLATE_NOOP(
        "core", "{path} is damaged and was not opened (it was not changed). {backup_hint}"),
    DatabaseRefused.NEWER_VERSION: QT_TRANSLATE_NOOP(
        "core", "{path} was written by a newer version of Open Day Desk (schema {version}; this version reads up "
        "to {supported}). Install the newer version; the file was not changed."),
    DatabaseRefused.NO_SPACE: QT_TRANSLATE_NOOP(
        "core", "The disk of {path} is full ({free} free; about {needed} is needed). The database is not damaged "
        "and was not changed. Free some space on that disk (empty the recycle bin, move old files away) or copy the "
        "database to a disk with space, then open it again."),
    DatabaseRefused.IO_ERROR: QT_TRANSLATE_NOOP(
        "core", "The disk reported an error while {path} was read or written ({detail}). This says nothing about "
        "the database itself, which was not changed. Check that the disk or USB stick is plugged in and working, "
        "or copy the file to another disk, then open it again."),
    DatabaseRefused.CANT_OPEN: QT_TRANSLATE_NOOP(
        "core", "{path} could not be opened, or the files SQLite keeps beside it (-wal, -shm) could not be made "
        "({detail}). The database was not changed. Check that the folder is writable and the disk has space, or "
        "copy the file to another folder, then open it again."),
    DatabaseRefused.LOCKED: QT_TRANSLATE_NOOP(
        "core", "{path} is already open in another Open Day Desk window{holder}. Switch to that window, or close "
        "it first."),
    DatabaseRefused.COMMAND_WRITING: QT_TRANSLATE_NOOP(
        "core", "An openday command is writing to {path} right now. Open it again when the command has finished; "
        "nothing was changed."),
    DatabaseRefused.BUSY: QT_TRANSLATE_NOOP(
        "core", "Another program is writing to {path} and did not finish in time ({detail}). Nothing was lost; "
        "try again in a moment."),
}
WINDOW_HOLDS = QT_TRANSLATE_NOOP(
    "core", "{path} is open in the Open Day Desk window{holder}; while it is open, only the window changes it. Do "
    "this in the window, or close the window and run the command again. Nothing was changed.")
BACKUP_HINT = QT_TRANSLATE_NOOP("core", "The newest automatic backup is {backup}; open it with File ▸ Open database, "
                                "or restore it when the app offers to.")
NO_BACKUP_HINT = QT_TRANSLATE_NOOP("core", "There is no automatic backup of it.")
HOLDER = QT_TRANSLATE_NOOP("core", " (process {pid})")
BACKUP_FAILED = QT_TRANSLATE_NOOP(
    "core", "Today's automatic backup of {path} could not be written ({error}); the database itself is fine and "
    "was opened. Free some space on its disk so that the next backup can be made.")


def size_text(count: int) -> str:
    """Bytes as a person reads them: 512 KB, 3.2 MB."""
    if count < 1024 * 1024:
        return f"{max(count, 0) // 1024} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def refusal_error(exc: DatabaseRefused) -> UserError:
    params = {"path": str(exc.path), "version": exc.info.get("version", ""),
              "supported": exc.info.get("supported", ""), "backup_hint": "", "holder": "",
              "free": size_text(exc.info.get("free", 0)), "needed": size_text(exc.info.get("needed", 0)),
              "detail": exc.detail}
    if exc.kind == DatabaseRefused.CORRUPT:
        newest = backup.latest_backup(exc.path)
        params["backup_hint"] = i18n.text(BACKUP_HINT, backup=str(newest)) if newest else i18n.text(NO_BACKUP_HINT)
    if exc.kind == DatabaseRefused.LOCKED and exc.info.get("pid"):
        params["holder"] = i18n.text(HOLDER, pid=exc.info["pid"])
    message = REFUSALS[exc.kind]
    if exc.kind == DatabaseRefused.LOCKED and exc.info.get("role") == COMMAND:
        message = WINDOW_HOLDS
    error = UserError(message, **params)
    error.refusal = exc
    return error


def storage_error(exc: BaseException, path: Path | str) -> UserError | None:
    """A SQLite error met while working in the open database at ``path`` (a full disk mid-merge, say) as the
    storage refusal it is; None when ``exc`` is not a SQLite error, or SQLite says the file is damaged."""
    from db.connection import is_sqlite_error, storage_refusal

    if not is_sqlite_error(exc):
        return None
    refusal = storage_refusal(exc, Path(path))
    return None if refusal.kind == DatabaseRefused.CORRUPT else refusal_error(refusal)


def backup_warning(workspace: Workspace) -> str:
    """The message for a daily backup that failed, or empty."""
    error = workspace.opened.backup_error
    return i18n.text(BACKUP_FAILED, path=str(workspace.path), error=error) if error else ""


def device_id() -> str:
    """This machine's id, made once and kept in the data folder (not in the database, which travels)."""
    path = paths.data_dir() / "device_id"
    try:
        value = path.read_text(encoding="ascii").strip()
        if value:
            return value
    except OSError:
        pass
    value = uuid.uuid4().hex
    try:
        path.write_text(value, encoding="ascii")
    except OSError:
        log.warning("could not store the device id in %s", path)
    return value


@dataclass
class Workspace:
    """An opened database and, for the GUI, the instance lock that keeps a second instance off it (None:
    no lock); ``close`` releases both."""

    opened: OpenedDatabase
    lock: InstanceLock | None = None
    device_id: str = ""
    closed: bool = field(default=False)
    checkpointer: IdleCheckpointer | None = None

    @property
    def path(self) -> Path:
        return self.opened.path

    def backup_now(self) -> Path:
        return backup.backup_now(self.opened.db.connection(), self.path)

    def close(self) -> None:
        if self.closed:
            return
        if self.checkpointer is not None:
            self.checkpointer.stop()
        close_database(self.opened)
        if self.lock is not None:
            self.lock.release()
        self.closed = True


def open_workspace(path: Path | str, *, lock: bool = False, auto_backup: bool = True,
                   access: str = "") -> Workspace:
    """Open the database at ``path``. ``access`` says who opens it (``lock`` is ``access="window"``):

    - ``"window"``: the window, the file's one writer: the exclusive instance lock, refused while another window
      or a writing command holds it;
    - ``"write"``: a command that writes: the shared lock (commands write side by side), refused while a window
      holds the file;
    - ``"read"``: a command that reads: like ``"write"`` when no window holds the file, else read-only;
    - ``""``: no lock (a test, or code that holds one already).

    The window and writing commands keep the main file whole once idle (``IdleCheckpointer``). Raises
    ``UserError`` with the reason; a refused file is left untouched.
    """
    path = Path(path).expanduser().absolute()
    access = access or ("window" if lock else "")
    read_only = False
    instance_lock = None
    if access and path.parent.is_dir():
        instance_lock = InstanceLock(path, WINDOW if access == "window" else COMMAND)
        try:
            instance_lock.acquire()
        except DatabaseRefused as exc:
            instance_lock = None
            if access != "read" or exc.kind != DatabaseRefused.LOCKED:
                if access != "window" and exc.kind == DatabaseRefused.LOCKED:
                    exc.info["role"] = COMMAND
                raise refusal_error(exc) from None
            read_only = True  # a window holds it: read beside it, never write
        except OSError:
            instance_lock = None  # a read-only folder: open_database refuses it below with a clear reason
    device = device_id()
    try:
        opened = open_database(path, device_id=device, auto_backup=auto_backup, read_only=read_only,
                               busy_timeout=COMMAND_BUSY_TIMEOUT if access in ("write", "read") else None)
    except DatabaseRefused as exc:
        if instance_lock is not None:
            instance_lock.release()
        if read_only and exc.kind == DatabaseRefused.LOCKED:
            exc.info["role"] = COMMAND
        raise refusal_error(exc) from None
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise
    if opened.migrated_steps:
        log.info("migrated %s through steps %s", path.name, opened.migrated_steps)
    if opened.backup_error:
        log.warning("opened %s without today's backup: %s", path.name, opened.backup_error)
    checkpointer = IdleCheckpointer(path).start() if access in ("window", "write") else None
    return Workspace(opened=opened, lock=instance_lock, device_id=device, checkpointer=checkpointer)


CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    "core", "This computer's clock shows {now}, earlier than {what} ({then}). Check-in times, reply deadlines "
    "and the order of backups depend on it: set the date, time and time zone right before going on.")
LAST_CHANGE = QT_TRANSLATE_NOOP("core", "the last change to this database")
NEWEST_BACKUP = QT_TRANSLATE_NOOP("core", "the newest backup of this database")
CLOCK_TOLERANCE = dt.timedelta(minutes=10)  # a clock a few minutes off is not worth a warning


def _when(moment: dt.datetime) -> str:
    from .domain.dates import cn_date

    day = cn_date(moment.date()) if i18n.language() != "en" else moment.strftime("%Y-%m-%d")
    return f"{day} {moment:%H:%M}"


def clock_warning(workspace: Workspace, now: dt.datetime | None = None) -> str:
    """A message when this computer's clock (``now``, local time) is earlier than the database's last change
    or its newest backup, else empty: check-ins would be stamped in the past and backups misdated."""
    from db import models

    now = now or dt.datetime.now()
    utc_now = now.astimezone(dt.UTC).replace(tzinfo=None)
    last = models.last_write()
    if last is not None and utc_now + CLOCK_TOLERANCE < last:
        local = last.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
        return i18n.text(CLOCK_BEHIND, now=_when(now), what=i18n.text(LAST_CHANGE), then=_when(local))
    earlier = [p for p in backup.list_backups(workspace.path) if p != workspace.opened.daily_backup]
    made = backup.backup_time(earlier[-1]) if earlier else None  # not the one this open made, by this clock
    if made is not None and now + CLOCK_TOLERANCE < made:
        return i18n.text(CLOCK_BEHIND, now=_when(now), what=i18n.text(NEWEST_BACKUP), then=_when(made))
    return ""

