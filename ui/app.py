"""Starting the GUI: the QApplication, translations, the error hook, opening the database, the main window."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import DISPLAY_NAME
from desktop_app.errors import UserError
from desktop_app.i18n import DEFAULT_LANGUAGE

from .i18n import install_translators

if TYPE_CHECKING:
    from desktop_app.workspace import Workspace

# The database (peewee, SQLite), the settings and the log are imported after the first window is painted.


def open_gui_workspace(path: Path, *, interactive: bool, parent=None, check_clock: bool = True) -> Workspace:
    """Open ``path`` for the GUI (instance lock, daily backup). A damaged file with a backup is offered a
    restore (never by default), in which the damaged file is kept beside it, renamed; a full disk or another
    storage failure is only reported. A daily backup that failed is named, and the database opens."""
    from db import backup
    from db.connection import storage_refusal
    from desktop_app.workspace import backup_warning, open_workspace, refusal_error

    try:
        workspace = open_workspace(path, lock=True, auto_backup=True)
    except UserError as exc:
        refusal = getattr(exc, "refusal", None)
        newest = backup.latest_backup(refusal.path) if refusal is not None and refusal.kind == "corrupt" else None
        if not interactive or newest is None:
            raise
        made = backup.backup_time(newest)
        when = made.strftime("%Y-%m-%d %H:%M") if made else "?"
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Startup", "Damaged database"),
                          QCoreApplication.translate(
                              "Startup", "{message}\n\nRestore the newest backup, made {time} ({backup})? Whatever "
                              "was entered after {time} is not in it and will be missing. The damaged file is kept "
                              "beside it under a new name.").format(message=exc, time=when, backup=newest.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # a restore loses work: never the Enter key's choice
        box.setEscapeButton(QMessageBox.StandardButton.No)
        if ask_restore(box) != QMessageBox.StandardButton.Yes:
            raise
        try:
            backup.restore(newest, refusal.path)
        except (OSError, sqlite3.Error) as failed:  # a full disk: the damaged file is still where it was
            raise refusal_error(storage_refusal(failed, refusal.path)) from None
        workspace = open_workspace(path, lock=True, auto_backup=True)
    warning = backup_warning(workspace)
    if warning and interactive:
        QMessageBox.warning(parent, QCoreApplication.translate("Startup", "No backup today"), warning)
    if check_clock and interactive:
        warn_clock(workspace, parent)
    return workspace


def warn_clock(workspace: Workspace, parent=None) -> None:
    """Say so when this computer's clock is earlier than the database's last change or newest backup."""
    from desktop_app.workspace import clock_warning

    clock = clock_warning(workspace)
    if clock:
        QMessageBox.warning(parent, QCoreApplication.translate("Startup", "Check the clock"), clock)


def ask_restore(box: QMessageBox) -> QMessageBox.StandardButton:
    """The restore question's answer (tests replace this one call)."""
    return QMessageBox.StandardButton(box.exec())


# With OPENDAY_STARTUP_TRACE set, the start is traced on stderr for bench/startup.py: "painted" once the first
# window is on screen, "usable" once the main window is shown and the first rule check has finished.
TRACE = "OPENDAY_STARTUP_TRACE"


def _trace(what: str) -> None:
    if os.environ.get(TRACE):
        print(what, file=sys.stderr, flush=True)


def _first_paint(app: QApplication):
    """A Qt-only window painted before anything else is loaded (the database, peewee, the domain, the tabs):
    the coordinator sees the program start at once, and it closes when the main window is shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    shell = QLabel(QCoreApplication.translate("Startup", "{app}\n\nOpening…").format(app=DISPLAY_NAME))
    shell.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    shell.setAlignment(Qt.AlignmentFlag.AlignCenter)
    shell.setStyleSheet("QLabel { background: #f5f7f8; color: #263238; font-size: 18px; padding: 24px;"
                        " border: 1px solid #b0bec5; }")
    shell.setFixedSize(420, 160)
    shell.show()
    shell.repaint()
    app.processEvents()
    _trace("painted")
    return shell


def _when_checked(window, callback) -> None:
    """Call ``callback`` once the window's first rule check has run (at once when no event is shown)."""
    review = getattr(getattr(window, "plan_tab", None), "review", None)
    if review is None or window.current_event_id is None:
        callback()
        return

    def once(_errors: int) -> None:
        review.sig_checked.disconnect(once)
        callback()

    review.sig_checked.connect(once)


def _collect_from_now_on() -> None:
    """The start is over: what it loaded (modules, classes, Qt's enums, the window) stays for the whole session,
    so the collector leaves it out of its passes from now on (``gc.freeze``) and runs again for the rest."""
    gc.freeze()
    gc.enable()


def run_gui(db_path: Path | None = None, *, smoke: bool = False, event_id: int | None = None) -> int:
    """The window's whole life; returns the exit status. ``smoke`` prints ``ready`` once shown and quits."""
    # Starting allocates some hundred thousand objects that live as long as the window; the cyclic collector's
    # passes over them (about 10 ms) are skipped until the first check has run (``_collect_from_now_on``).
    gc.disable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(DISPLAY_NAME)
    app.setOrganizationName("OpenDayDesk")
    install_translators(app, DEFAULT_LANGUAGE)
    shell = _first_paint(app)
    from db import integrity
    from desktop_app import paths

    path = Path(db_path).expanduser() if db_path else paths.default_db_path()
    integrity.start(path)  # SQLite checks the file on its own thread while the code below loads

    from desktop_app import logs, settings

    from .errors import install_excepthook

    log_file = logs.setup_logging()
    install_excepthook(log_file, interactive=not smoke)
    interactive = not smoke

    def refuse(exc: UserError) -> int:
        gc.enable()
        print(f"openday: {exc}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "Open Day Desk"), str(exc))
        return 1

    try:
        workspace = open_gui_workspace(path, interactive=interactive, parent=None, check_clock=False)
    except UserError as exc:
        shell.close()
        return refuse(exc)
    install_translators(app, settings.get("language") or DEFAULT_LANGUAGE)

    from .main_window import MainWindow  # after the translators, so its strings are translated

    try:
        window = MainWindow(workspace, event_id=event_id,
                            open_workspace=lambda p: open_gui_workspace(p, interactive=interactive, parent=window))
    except UserError as exc:
        shell.close()
        workspace.close()
        return refuse(exc)
    window.show()
    shell.close()
    _when_checked(window, lambda: _trace("usable"))
    _when_checked(window, _collect_from_now_on)
    if interactive:  # after the first check: the window is usable before the clock is looked at
        _when_checked(window, lambda: QTimer.singleShot(0, lambda: warn_clock(window.workspace, window)))
    if smoke:
        def ready() -> None:
            print("ready", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, ready)
    try:
        return app.exec()
    finally:
        window.workspace.close()
