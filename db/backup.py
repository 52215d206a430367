"""Backups through SQLite's online backup API into ``backups/`` beside the database, newest ``KEEP`` kept.

Backups are ordered by a sequence number in their names (``<stem>-n000042-<date>-<time>.sqlite3``), never by the
date and time, which only say what the clock showed: with the clock set back a new backup would otherwise sort
first and be deleted at once, with the clock ahead the newest would be. Names without a sequence (made by
earlier versions) come before every numbered one, in the order of their names."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

KEEP = 10
SUFFIX = ".sqlite3"


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _sequence(path: Path, prefix: str) -> int:
    """The sequence number in a backup's name; 0 for a name of an earlier version (no sequence)."""
    rest = path.name[len(prefix):]
    if rest[:1] == "n" and rest[1:7].isdigit() and rest[7:8] == "-":
        return int(rest[1:7])
    return 0


def _is_backup(path: Path, prefix: str) -> bool:
    rest = path.name[len(prefix):]
    return rest[:8].isdigit() or (rest[:1] == "n" and rest[1:7].isdigit() and rest[8:16].isdigit())


def list_backups(db_path: Path) -> list[Path]:
    """This database's backups, oldest first (by sequence; unnumbered older ones first, by name)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = Path(db_path).stem + "-"
    found = (p for p in folder.glob(f"{prefix}*{SUFFIX}") if _is_backup(p, prefix))
    return sorted(found, key=lambda p: (_sequence(p, prefix), p.name))


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def next_sequence(db_path: Path) -> int:
    prefix = Path(db_path).stem + "-"
    return max((_sequence(p, prefix) for p in list_backups(db_path)), default=0) + 1


def backup_now(conn: sqlite3.Connection, db_path: Path, *, label: str = "", now: dt.datetime | None = None) -> Path:
    """Copy the open database ``conn`` to a new file in the backups folder and rotate; returns the new file."""
    now = now or dt.datetime.now()
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{Path(db_path).stem}-n{next_sequence(db_path):06d}-{_stamp(now)}{('-' + label) if label else ''}"
    target = folder / f"{name}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{name}-{n}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    _copy_database(conn, partial)  # a full disk: no half-written backup is left to look like one
    try:
        partial.replace(target)
    except BaseException:
        _unlink_quietly(partial)
        raise
    rotate(db_path)
    return target


def _copy_database(source: sqlite3.Connection, path: Path) -> None:
    """Copy ``source`` into a new file at ``path`` (SQLite's online backup, rollback journal); on any failure the
    half-written file and its journal are removed."""
    try:
        dest = sqlite3.connect(path)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    except BaseException:
        _unlink_quietly(path, path.with_name(path.name + "-journal"))
        raise


def _unlink_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def backup_time(backup: Path) -> dt.datetime | None:
    """When the backup was made, from its name (``<stem>-YYYYmmdd-HHMMSS…``), else the file's time."""
    parts = Path(backup).stem.split("-")
    for i in range(len(parts) - 1):
        if len(parts[i]) == 8 and len(parts[i + 1]) >= 6 and parts[i].isdigit() and parts[i + 1][:6].isdigit():
            try:
                return dt.datetime.strptime(parts[i] + parts[i + 1][:6], "%Y%m%d%H%M%S")
            except ValueError:
                break
    try:
        return dt.datetime.fromtimestamp(Path(backup).stat().st_mtime).replace(microsecond=0)
    except OSError:
        return None


def rotate(db_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups (by sequence: the newest is never deleted, whatever the
    clock said); returns what was deleted."""
    backups = list_backups(db_path)
    doomed = backups[:-max(keep, 1)] if len(backups) > keep else []
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def has_backup_of_day(db_path: Path, day: dt.date) -> bool:
    return any((made := backup_time(p)) is not None and made.date() == day for p in list_backups(db_path))


def daily_backup(conn: sqlite3.Connection, db_path: Path, *, now: dt.datetime | None = None) -> Path | None:
    """The automatic backup on open: at most one a day."""
    now = now or dt.datetime.now()
    if has_backup_of_day(db_path, now.date()):
        return None
    return backup_now(conn, db_path, now=now)


def _fsync(path: Path, *, directory: bool = False) -> None:
    if directory and os.name == "nt":  # Windows cannot open a folder to flush it
        return
    fd = os.open(path, os.O_RDONLY if directory else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore(backup: Path, db_path: Path, *, now: dt.datetime | None = None) -> Path:
    """Put ``backup`` in place of ``db_path``; the replaced file is kept beside it, renamed, never deleted.

    The backup is first copied to a temporary file beside the database and flushed to the disk; only then is
    the database (with its -wal and -shm) renamed aside and the copy renamed into its place. A failure before
    the swap (a full disk) leaves the database as it was and no temporary file. Returns the path the replaced
    file was moved to.
    """
    now = now or dt.datetime.now()
    db_path = Path(db_path)
    kept = db_path.with_name(f"{db_path.stem}-replaced-{_stamp(now)}{db_path.suffix or SUFFIX}")
    n = 1
    while kept.exists():
        n += 1
        kept = db_path.with_name(f"{db_path.stem}-replaced-{_stamp(now)}-{n}{db_path.suffix or SUFFIX}")
    temp = db_path.with_name(f".{db_path.name}.restore-{_stamp(now)}.partial")
    src = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_database(src, temp)
    finally:
        src.close()
    try:
        _fsync(temp)
    except BaseException:
        _unlink_quietly(temp)
        raise
    for extra in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            side.replace(kept.with_name(kept.name + extra))
    if db_path.exists():
        db_path.replace(kept)
    temp.replace(db_path)
    _fsync(db_path.parent, directory=True)
    return kept
