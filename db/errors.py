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
    LOCKED = "locked"

    def __init__(self, kind: str, path: Path, detail: str = "", **info):
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = Path(path)
        self.detail = detail
        self.info = info
