"""Flushing written files to the device: a USB stick pulled out right after "done" must hold what was promised;
and no temporary copy of personal data left where nobody looks after an interrupted export."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import threading
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


# -- no personal data left behind -----------------------------------------------------------------------------------

LEFTOVER_FILE = re.compile(r"^\.~.+\.partial$")  # a document being written (export._write_atomically, openpyxl)
LEFTOVER_DIR = re.compile(r"^\..+\.[0-9a-f]{8}\.partial$")  # a package being written (package.write_package)
_local = threading.local()
_in_progress: set[str] = set()  # this process's own temporary names, never swept while it writes them
_in_progress_lock = threading.Lock()


@contextlib.contextmanager
def in_progress(path: Path):
    """Mark ``path`` as being written by this process, so a sweep on another thread leaves it alone."""
    key = str(Path(path).absolute())
    with _in_progress_lock:
        _in_progress.add(key)
    try:
        yield path
    finally:
        with _in_progress_lock:
            _in_progress.discard(key)


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove what an interrupted export left in ``folder`` (hidden ``.partial`` files and package folders that
    may hold full ID numbers) and return what was removed; only those names, nothing else, are touched."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    with _in_progress_lock:
        busy = set(_in_progress)
    for entry in entries:
        if str(entry.absolute()) in busy:
            continue
        try:
            if entry.is_dir() and not entry.is_symlink() and LEFTOVER_DIR.match(entry.name):
                shutil.rmtree(entry)
            elif entry.is_file() and LEFTOVER_FILE.match(entry.name):
                entry.unlink()
            else:
                continue
        except OSError:
            continue  # read-only or in use: the export itself will say what is wrong with the folder
        removed.append(entry)
    return removed


@contextlib.contextmanager
def temp_files_in(folder: Path):
    """openpyxl writes each worksheet to a temporary file before zipping it; inside this block (on this thread)
    those files go into ``folder`` — the export's own target, as hidden ``.partial`` names — instead of the
    system temp folder, so a killed export leaves them only where the next export to that folder removes them."""
    _install_openpyxl_temp()
    previous, previous_made = getattr(_local, "folder", None), getattr(_local, "made", None)
    _local.folder, _local.made = Path(folder), []
    try:
        yield
    finally:
        for name in _local.made:  # openpyxl removes each once zipped; a failed write leaves them: removed here
            with contextlib.suppress(OSError):
                os.unlink(name)
            with _in_progress_lock:
                _in_progress.discard(str(Path(name).absolute()))
        _local.folder, _local.made = previous, previous_made


def _install_openpyxl_temp() -> None:
    from openpyxl.worksheet import _writer  # openpyxl's worksheet writer: its one temporary-file factory

    original = _writer.create_temporary_file
    if getattr(original, "openday", False):
        return

    def create_temporary_file(suffix: str = "") -> str:
        folder = getattr(_local, "folder", None)
        if folder is None:
            return original(suffix)
        fd, name = tempfile.mkstemp(suffix=f"{suffix}.partial", prefix=".~openpyxl.", dir=folder)
        os.close(fd)
        with _in_progress_lock:
            _in_progress.add(str(Path(name).absolute()))  # openpyxl removes it when the workbook is saved
        _local.made.append(name)
        _writer.ALL_TEMP_FILES.append(name)
        return name

    create_temporary_file.openday = True  # type: ignore[attr-defined]
    _writer.create_temporary_file = create_temporary_file
