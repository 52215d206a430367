"""One application instance per database file: an OS lock on ``<db>.lock``, released when the process dies.

The file is removed on a clean release. On POSIX it is unlinked while still locked, and whoever locks a file
checks that the name still leads to it (else it locked a file already removed, and tries again), so two
instances never both hold "the" lock. On Windows an open file cannot be removed: the removal is tried after
closing it and, when another instance has it open at that moment, left to the next release."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DatabaseRefused

if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_named(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (always true on Windows, where an open file cannot
    be removed)."""
    if os.name == "nt":  # pragma: no cover
        return True
    try:
        named, opened = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Held by the GUI for as long as it has the database open."""

    def __init__(self, db_path: Path):
        self.path = lock_path(Path(db_path))
        self._fd: int | None = None

    def acquire(self) -> None:
        for _attempt in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                self._refuse(fd)
            if _still_named(fd, self.path):
                break
            os.close(fd)  # its holder released and removed it between our open and our lock: open it again
        else:  # removed under us again and again: someone is busy with it
            raise DatabaseRefused(DatabaseRefused.LOCKED, self.path.with_suffix(""), "", pid="")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode("ascii"))
        os.fsync(fd)
        self._fd = fd

    def _refuse(self, fd: int) -> None:
        holder = ""
        try:
            holder = os.read(fd, 64).decode("ascii", "replace").strip()
        except OSError:
            pass
        os.close(fd)
        raise DatabaseRefused(DatabaseRefused.LOCKED, self.path.with_suffix(""), holder, pid=holder)

    def release(self) -> None:
        """Let go of the lock and remove its file (a clean exit leaves no ``.lock`` behind)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name != "nt":
            try:
                self.path.unlink()  # while still locked: see the module's docstring
            except OSError:
                pass
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        if os.name == "nt":  # pragma: no cover - exercised on Windows builds
            try:
                self.path.unlink()
            except OSError:
                pass  # another instance has it open right now; it stays, harmless

    @property
    def held(self) -> bool:
        return self._fd is not None
