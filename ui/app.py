"""Starting the GUI: the QApplication, translations, the error hook, opening the database, the main window."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db import backup
from db.connection import storage_refusal
from desktop_app import DISPLAY_NAME, logs, paths, settings
from desktop_app.errors import UserError
from desktop_app.i18n import DEFAULT_LANGUAGE
from desktop_app.workspace import Workspace, backup_warning, open_workspace, refusal_error

from .errors import install_excepthook
from .i18n import install_translators


def open_gui_workspace(path: Path, *, interactive: bool, parent=None) -> Workspace:
    """Open ``path`` for the GUI (instance lock, daily backup). A damaged file with a backup is offered a
    restore (never by default), in which the damaged file is kept beside it, renamed; a full disk or another
    storage failure is only reported. A daily backup that failed is named, and the database opens."""
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
    return workspace


def ask_restore(box: QMessageBox) -> QMessageBox.StandardButton:
    """The restore question's answer (tests replace this one call)."""
    return QMessageBox.StandardButton(box.exec())


def run_gui(db_path: Path | None = None, *, smoke: bool = False, event_id: int | None = None) -> int:
    """The window's whole life; returns the exit status. ``smoke`` prints ``ready`` once shown and quits."""
    log_file = logs.setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(DISPLAY_NAME)
    app.setOrganizationName("OpenDayDesk")
    install_translators(app, DEFAULT_LANGUAGE)
    install_excepthook(log_file, interactive=not smoke)
    interactive = not smoke

    def refuse(exc: UserError) -> int:
        print(f"openday: {exc}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "Open Day Desk"), str(exc))
        return 1

    path = Path(db_path).expanduser() if db_path else paths.default_db_path()
    try:
        workspace = open_gui_workspace(path, interactive=interactive)
    except UserError as exc:
        return refuse(exc)
    install_translators(app, settings.get("language") or DEFAULT_LANGUAGE)

    from .main_window import MainWindow  # after the translators, so its strings are translated

    try:
        window = MainWindow(workspace, event_id=event_id,
                            open_workspace=lambda p: open_gui_workspace(p, interactive=interactive, parent=window))
    except UserError as exc:
        workspace.close()
        return refuse(exc)
    window.show()
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
