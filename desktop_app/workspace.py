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
    DatabaseRefused.LOCKED: QT_TRANSLATE_NOOP(
        "core", "{path} is already open in another Open Day Desk window{holder}. Switch to that window, or close "
        "it first."),
}
BACKUP_HINT = QT_TRANSLATE_NOOP("core", "The newest automatic backup is {backup}; open it with File ▸ Open database, "
                                "or restore it when the app offers to.")
NO_BACKUP_HINT = QT_TRANSLATE_NOOP("core", "There is no automatic backup of it.")
HOLDER = QT_TRANSLATE_NOOP("core", " (process {pid})")


def refusal_error(exc: DatabaseRefused) -> UserError:
    params = {"path": str(exc.path), "version": exc.info.get("version", ""),
              "supported": exc.info.get("supported", ""), "backup_hint": "", "holder": ""}
    if exc.kind == DatabaseRefused.CORRUPT:
        newest = backup.latest_backup(exc.path)
        params["backup_hint"] = i18n.text(BACKUP_HINT, backup=str(newest)) if newest else i18n.text(NO_BACKUP_HINT)
    if exc.kind == DatabaseRefused.LOCKED and exc.info.get("pid"):
        params["holder"] = i18n.text(HOLDER, pid=exc.info["pid"])
    error = UserError(REFUSALS[exc.kind], **params)
    error.refusal = exc
    return error


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
    return Workspace(opened=opened, lock=instance_lock, device_id=device)
