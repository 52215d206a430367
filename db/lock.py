"""Who may write a database file: an OS lock on ``<db>.lock`` that no ``close()`` elsewhere in the process can
cancel, released when its holder dies.

SQLite's own locks are POSIX record locks, which a process loses as soon as it closes *any* descriptor of the
database file (a Qt file dialog sniffing the folder is enough). This lock is ``flock`` on a file of its own (on
Windows ``LockFileEx``), which belongs to the descriptor that took it and to nothing else:

- the window holds it **exclusively** for as long as it has the database open: it is the one writer;
- an ``openday`` command that writes holds it **shared**, so several commands write side by side (SQLite makes
  each transaction wait for the one before) while a window cannot open the file, and a command refuses while a
  window holds it;
- a command that only reads takes no lock: it opens the file read-only (``db.connection``), and a read-only
  connection can neither checkpoint the ``-wal`` nor delete it.

The window removes the file on a clean release: it unlinks it while still holding it exclusively, and whoever
locks a file checks that the name still leads to it (else it locked a file already removed, and tries again), so
two holders never disagree about "the" lock. Commands leave the (empty) file in place: removing it while another
command still holds it shared would let a window lock a new file beside them. On Windows an open file cannot be
removed: the removal is tried after closing it and, when another instance has it open at that moment, left to
the next release."""

from __future__ import annotations

import os
import time
from pathlib import Path

from .errors import DatabaseRefused

WINDOW, COMMAND = "window", "command"

if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fd: int, shared: bool = False) -> bool:
        # msvcrt has no shared mode: on Windows commands that write take the lock in turn, like a window.
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    SHARED_LOCKS = False

else:
    import fcntl

    def _try_lock(fd: int, shared: bool = False) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    SHARED_LOCKS = True


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
    """The lock file of ``db_path``: beside the file itself, a symbolic link followed (two names of one file
    must not have two locks)."""
    try:
        db_path = Path(db_path).resolve()
    except OSError:
        pass
    return db_path.with_name(db_path.name + ".lock")


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        return ""


class InstanceLock:
    """The window's exclusive hold on a database file (``role=WINDOW``), or a writing command's shared one
    (``role=COMMAND``)."""

    def __init__(self, db_path: Path, role: str = WINDOW):
        self._db = Path(db_path)
        self.path = lock_path(self._db)
        self.role = role
        self._fd: int | None = None

    @property
    def _shared(self) -> bool:
        return self.role == COMMAND and SHARED_LOCKS

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, or raise ``DatabaseRefused``: ``LOCKED`` (a window holds it), ``COMMAND_WRITING`` (a
        window was refused because commands are writing) or ``BUSY`` (on Windows, a command still held it after
        ``wait`` seconds)."""
        deadline = time.monotonic() + wait
        for _attempt in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            while not _try_lock(fd, self._shared):
                if not self._may_wait(fd) or time.monotonic() >= deadline:
                    self._refuse(fd)
                time.sleep(0.05)
            if _still_named(fd, self.path):
                break
            os.close(fd)  # its holder released and removed it between our open and our lock: open it again
        else:  # removed under us again and again: someone is busy with it
            raise DatabaseRefused(DatabaseRefused.LOCKED, self._db, "", pid="")
        if not self._shared:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, (str(os.getpid()) + ("" if self.role == WINDOW else f" {COMMAND}")).encode("ascii"))
            os.fsync(fd)
        self._fd = fd

    def _may_wait(self, fd: int) -> bool:
        """Whether the holder will let go soon: only a command (on Windows, where commands take turns)."""
        return not SHARED_LOCKS and self.role == COMMAND and _read_holder(fd).endswith(COMMAND)

    def _refuse(self, fd: int) -> None:
        holder = _read_holder(fd)
        kind = DatabaseRefused.LOCKED
        if self.role == WINDOW and self._commands_hold(holder):
            kind, holder = DatabaseRefused.COMMAND_WRITING, ""
        elif self.role == COMMAND and holder.endswith(COMMAND):
            kind = DatabaseRefused.BUSY
        os.close(fd)
        pid = holder.split()[0] if holder else ""
        raise DatabaseRefused(kind, self._db, holder, pid=pid)

    def _commands_hold(self, holder: str) -> bool:
        """The exclusive lock was refused: held by commands (shared) rather than by a window?"""
        if not SHARED_LOCKS:
            return holder.endswith(COMMAND)
        try:
            probe = os.open(self.path, os.O_RDWR)
        except OSError:
            return False
        try:
            if _try_lock(probe, shared=True):  # a window would have refused this too
                _unlock(probe)
                return True
            return False
        finally:
            os.close(probe)

    def release(self) -> None:
        """Let go of the lock; the window also removes its file (a clean exit leaves no ``.lock`` behind)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        owner = not self._shared
        if os.name != "nt" and owner:
            try:
                self.path.unlink()  # while still locked: see the module's docstring
            except OSError:
                pass
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        if os.name == "nt" and owner:  # pragma: no cover - exercised on Windows builds
            try:
                self.path.unlink()
            except OSError:
                pass  # another instance has it open right now; it stays, harmless

    @property
    def held(self) -> bool:
        return self._fd is not None
