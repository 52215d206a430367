"""Logging to a rotating file in the data folder; ID numbers and phone numbers never reach it."""

from __future__ import annotations

import logging
from pathlib import Path

from . import paths
from .domain.masking import redact  # noqa: F401 - the public documents' finding, on the same normalised view


class RedactingFilter(logging.Filter):
    """Rewrites each record's final text, arguments and traceback included."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg = redact(message)
        record.args = None
        return True


class _RotatingFileOnFirstUse(logging.Handler):
    """A RotatingFileHandler made when the first record arrives: most runs log nothing, and importing
    ``logging.handlers`` (socket, pickle, …) would cost every start."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            import logging.handlers

            self._target = logging.handlers.RotatingFileHandler(self.path, maxBytes=1_000_000, backupCount=5,
                                                                encoding="utf-8")
            self._target.setFormatter(self.formatter)
        self._target.emit(record)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


_configured: dict[str, Path] = {}


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the app's log to ``<data>/logs/openday.log`` (1 MB × 5); returns the file. Idempotent."""
    if "file" in _configured:
        return _configured["file"]
    path = paths.log_file()
    handler = _RotatingFileOnFirstUse(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured["file"] = path
    return path
