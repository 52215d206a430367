"""Opening a database file: refuse what is not ours or is damaged (touching nothing), then pragmas, migrations,
the daily backup, and binding the models."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from . import backup, migrations, models
from .errors import DatabaseRefused

SQLITE_HEADER = b"SQLite format 3\x00"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a laptop's battery can die mid-check-in
    "busy_timeout": 5000,
}


@dataclass(frozen=True)
class OpenedDatabase:
    db: SqliteDatabase
    path: Path
    created: bool
    migrated_steps: tuple[int, ...]
    daily_backup: Path | None


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
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _refuse(DatabaseRefused.CORRUPT, path, str(exc)) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise _refuse(DatabaseRefused.CORRUPT, path, "; ".join(str(r[0]) for r in rows[:5]))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _refuse(DatabaseRefused.CORRUPT, path, str(exc)) from exc
    finally:
        conn.close()
    if app_id != migrations.APPLICATION_ID and (tables or version):
        raise _refuse(DatabaseRefused.NOT_OPENDAY, path)
    if version > migrations.latest_version():
        raise _refuse(
            DatabaseRefused.NEWER_VERSION, path, str(version), version=version, supported=migrations.latest_version()
        )
    return True


def open_database(path: Path | str, *, device_id: str = "", auto_backup: bool = True) -> OpenedDatabase:
    """Open (or create) the database at ``path`` and bind the models to it."""
    path = Path(path).expanduser().absolute()
    existed = inspect_file(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        steps = migrations.migrate(db, path if existed else None)
        daily = backup.daily_backup(db.connection(), path) if (auto_backup and existed) else None
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _refuse(DatabaseRefused.CORRUPT, path, str(exc)) from exc
    except BaseException:
        db.close()
        raise
    models.database.initialize(db)
    models.set_device_id(device_id)
    return OpenedDatabase(db=db, path=path, created=not existed, migrated_steps=tuple(steps), daily_backup=daily)


def close_database(opened: OpenedDatabase) -> None:
    if not opened.db.is_closed():
        opened.db.close()
    if models.database.obj is opened.db:
        models.database.initialize(None)
