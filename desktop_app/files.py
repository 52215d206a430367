"""Flushing written files to the device: a USB stick pulled out right after "done" must hold what was promised."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename into it, say)."""
    if os.name == "nt":  # Windows cannot open a folder to flush it; its files are flushed one by one
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
