"""The open database of a session (CLI command or GUI): this machine's device id, the instance lock, and the
refusals of ``db`` turned into messages a coordinator can act on."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from db import backup
from db.connection import OpenedDatabase, close_database, open_database
from db.errors import DatabaseRefused
from db.lock import InstanceLock

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
}
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
    error = UserError(REFUSALS[exc.kind], **params)
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

    @property
    def path(self) -> Path:
        return self.opened.path

    def backup_now(self) -> Path:
        return backup.backup_now(self.opened.db.connection(), self.path)

    def close(self) -> None:
        if self.closed:
            return
        close_database(self.opened)
        if self.lock is not None:
            self.lock.release()
        self.closed = True


def open_workspace(path: Path | str, *, lock: bool = False, auto_backup: bool = True) -> Workspace:
    """Open the database at ``path``; with ``lock`` (the GUI), refuse when another instance holds it.

    Raises ``UserError`` with the reason; a refused file is left untouched.
    """
    path = Path(path).expanduser().absolute()
    instance_lock = None
    if lock and path.parent.is_dir():
        instance_lock = InstanceLock(path)
        try:
            instance_lock.acquire()
        except DatabaseRefused as exc:
            raise refusal_error(exc) from None
        except OSError:
            instance_lock = None  # a read-only folder: open_database refuses it below with a clear reason
    device = device_id()
    try:
        opened = open_database(path, device_id=device, auto_backup=auto_backup)
    except DatabaseRefused as exc:
        if instance_lock is not None:
            instance_lock.release()
        raise refusal_error(exc) from None
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise
    if opened.migrated_steps:
        log.info("migrated %s through steps %s", path.name, opened.migrated_steps)
    if opened.backup_error:
        log.warning("opened %s without today's backup: %s", path.name, opened.backup_error)
    return Workspace(opened=opened, lock=instance_lock, device_id=device)
