"""Where things live: the data folder (platformdirs, or ``OPENDAY_DATA_DIR``), the default database, the log,
and bundled resources (also when frozen by PyInstaller)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "OPENDAY_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("OpenDayDesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "openday.sqlite3"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "openday.log"


def resources_dir() -> Path:
    """The ``resources`` folder: inside the PyInstaller bundle when frozen, else the installed package."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    import resources

    return Path(resources.__file__).resolve().parent


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def docs_dir() -> Path:
    """The user guide's folder (``docs/``): beside ``resources`` in the PyInstaller bundle, else the source tree's."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "docs"
    return Path(__file__).resolve().parent.parent / "docs"


def guide_file(language: str) -> Path:
    """The user guide in ``language`` (zh_CN: docs/guide.md; else docs/guide.en.md)."""
    return docs_dir() / ("guide.md" if language == "zh_CN" else "guide.en.md")
