"""Why a database file was refused; the application core turns ``kind`` into a message for the user."""

from __future__ import annotations

from pathlib import Path


class DatabaseRefused(Exception):
    """The file was not opened, and was not changed."""

    MISSING_FOLDER = "missing_folder"
    NOT_WRITABLE = "not_writable"
    NOT_A_FILE = "not_a_file"
    NOT_SQLITE = "not_sqlite"
    NOT_OPENDAY = "not_openday"
    CORRUPT = "corrupt"
    NEWER_VERSION = "newer_version"
    LOCKED = "locked"  # a window holds the file (info: pid)
    COMMAND_WRITING = "command_writing"  # a window was refused: an openday command is writing to the file
    BUSY = "busy"  # another program kept the file busy for longer than we wait
    # The storage failed, not the file: nothing about these says the database is damaged.
    NO_SPACE = "no_space"  # info: free, needed (bytes)
    IO_ERROR = "io_error"  # the disk or the network share reported an error
    CANT_OPEN = "cant_open"  # the file or a companion (-wal, -shm) could not be opened or made

    def __init__(self, kind: str, path: Path, detail: str = "", **info):
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = Path(path)
        self.detail = detail
        self.info = info

    @property
    def storage(self) -> bool:
        """The disk, not the file, is at fault: never offer a backup in place of the file."""
        return self.kind in (self.NO_SPACE, self.IO_ERROR, self.CANT_OPEN, self.NOT_WRITABLE, self.LOCKED,
                             self.COMMAND_WRITING, self.BUSY)
