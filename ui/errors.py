"""Unexpected errors: logged with their traceback, shown to the user as a dialog naming the log file."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.errors import UserError

log = logging.getLogger("openday.ui")

_state = {"showing": False, "interactive": True}



def install_excepthook(log_file, *, interactive: bool = True) -> None:
    """From here on an uncaught exception is logged and reported; the app keeps running."""
    _state["interactive"] = interactive

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, UserError):
            # A refusal that a slot did not catch: still the user's own message, never the crash dialog.
            log.info("refusal reached the event loop: %s", exc_type.__name__)
            print(str(exc), file=sys.stderr)
            if _state["interactive"] and not _state["showing"] and QApplication.instance() is not None:
                _state["showing"] = True
                try:
                    from . import ops

                    ops.show_refusal(QApplication.activeWindow(), exc)
                finally:
                    _state["showing"] = False
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        message = QCoreApplication.translate("ErrorDialog", "Something went wrong: {error}.\n\nYour data is saved. The details were written to the log "
                     "file:\n{log}\n\nPlease send that file to your IT support.").format(
            error=exc_type.__name__, log=log_file)
        print(message, file=sys.stderr)
        if not _state["interactive"] or _state["showing"] or QApplication.instance() is None:
            return
        _state["showing"] = True
        try:
            QMessageBox.critical(QApplication.activeWindow(), QCoreApplication.translate("ErrorDialog", "Unexpected error"), message)
        finally:
            _state["showing"] = False

    sys.excepthook = hook
