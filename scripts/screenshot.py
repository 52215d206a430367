"""Save PNG screenshots of the main window on a database, for looking at what users see.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py --db DEMO.sqlite3 --out shots/ [--size 1366x768] \
        [--tab plan --tab feedback …]

    python scripts/screenshot.py --guide        the user guide's pictures (docs/images/zh_CN and docs/images/en),
                                                at 1366×768 from a fresh held demo: one command, so the pictures
                                                never drift from the product

Each ``--tab`` is shown and grabbed; a tab with sub-pages (a ``pages`` tab widget) is grabbed once per page; the
plan's pages, built when first opened, are opened through its page list so they are drawn, not blank.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The window's tabs by name (ui.main_window.MainWindow._tab_names; not imported here so that --help is quick).
TABS = ("plan", "roster", "route", "checkin", "feedback", "summary")


def main() -> int:
    parser = argparse.ArgumentParser(description="Save PNG screenshots of the main window.",
                                     epilog="tabs: " + ", ".join(TABS))
    parser.add_argument("--guide", action="store_true",
                        help="make the user guide's pictures in docs/images/<language>/ from a fresh demo")
    parser.add_argument("--named", action="store_true", help=argparse.SUPPRESS)  # one language of --guide
    parser.add_argument("--db", type=Path, required=False)
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--size", action="append", default=None, help="WxH, repeatable (default 1366x768)")
    parser.add_argument("--language", default=None, help="zh_CN or en (default: the database's setting)")
    parser.add_argument("--tab", action="append", default=[], choices=TABS, metavar="TAB",
                        help="a tab to grab, repeatable: " + ", ".join(TABS))
    args = parser.parse_args()
    if args.guide:
        return make_guide_pictures()
    if args.db is None:
        parser.error("--db is required (or --guide)")

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app import settings
    from ui.app import open_gui_workspace
    from ui.i18n import install_translators

    app = QApplication(sys.argv[:1])
    workspace = open_gui_workspace(args.db, interactive=False)
    install_translators(app, args.language or settings.get("language"))
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.named:
        grab_guide(app, window, args.out)
        window.close()
        workspace.close()
        return 0
    for size in args.size or ["1366x768"]:
        width, height = (int(v) for v in size.split("x"))
        window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the offscreen screen (800×800)
        window.show()
        window.resize(width, height)
        for _ in range(5):
            app.processEvents()
        target = args.out / f"main-{size}.png"
        window.grab().save(str(target))
        print(target)
        for name in args.tab:
            widget = window.tab(name)
            window.tabs.setCurrentWidget(widget)
            pages = getattr(widget, "pages", None)
            nav = getattr(widget, "nav", None)  # the plan's page list: opening a page there builds it
            for page in range(pages.count() if pages is not None else 1):
                if nav is not None:
                    nav.setCurrentRow(page)
                elif pages is not None:
                    pages.setCurrentIndex(page)
                for _ in range(5):
                    app.processEvents()
                target = args.out / f"{name}{page if pages is not None else ''}-{size}.png"
                window.grab().save(str(target))
                print(target)
    window.close()
    workspace.close()
    return 0


# The guide's pictures: (file name, tab, page of the tab or None, what to do first) — the guide names them.
GUIDE_SHOTS = (
    ("plan-basic", "plan", 0), ("plan-sections", "plan", 1), ("plan-categories", "plan", 2),
    ("plan-organisation", "plan", 3), ("plan-details", "plan", 4), ("plan-milestones", "plan", 5),
    ("roster", "roster", None), ("route", "route", None), ("checkin", "checkin", None),
    ("notes", "feedback", 0), ("ledger", "feedback", 1), ("survey", "feedback", 2),
    ("summary", "summary", 0), ("summary-texts", "summary", 1),
)
ROOT = Path(__file__).resolve().parent.parent


def _settle(app, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def _grab(app, widget, target: Path) -> None:
    _settle(app)
    widget.grab().save(str(target))
    print(target)


def grab_guide(app, window, out: Path, size: tuple[int, int] = (1366, 768)) -> None:
    """Each page of GUIDE_SHOTS, then the dialogs a coordinator meets first (new event, a date's calendar, the
    shortcut list), as ``out/<name>.png``."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.setWindowState(Qt.WindowState.WindowNoState)
    window.show()
    window.resize(*size)
    _settle(app)
    for name, tab_name, page in GUIDE_SHOTS:
        widget = window.tab(tab_name)
        window.tabs.setCurrentWidget(widget)
        if page is not None:
            nav = getattr(widget, "nav", None)
            if nav is not None:
                nav.setCurrentRow(page)
            else:
                widget.pages.setCurrentIndex(page)
        _settle(app)
        worker = getattr(window, "worker", None)
        while worker is not None and worker.busy:
            _settle(app, 1)
        _grab(app, window, out / f"{name}.png")

    import datetime as dt

    from ui.dialogs import NewEventDialog

    dialog = NewEventDialog(window, "某县政务服务管理局", dt.date.today() + dt.timedelta(days=30))
    dialog.show()
    _grab(app, dialog, out / "new-event.png")
    dialog.date.setFocus()
    dialog.date.show_popup()
    _settle(app)
    # the field and its calendar together, as the screen shows them
    popup = dialog.date.popup()
    top_left = dialog.mapToGlobal(dialog.rect().topLeft())
    bottom = popup.mapToGlobal(popup.rect().bottomRight())
    screen = QApplication.primaryScreen()
    if screen is not None and popup.isVisible():
        shot = dialog.grab()
        from PySide6.QtGui import QPainter, QPixmap

        canvas = QPixmap(max(shot.width(), bottom.x() - top_left.x() + 1), max(shot.height(),
                                                                              bottom.y() - top_left.y() + 1))
        canvas.fill(Qt.GlobalColor.white)
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, shot)
        at = popup.mapToGlobal(popup.rect().topLeft()) - top_left
        painter.drawPixmap(at, popup.grab())
        painter.end()
        canvas.save(str(out / "date-calendar.png"))
        print(out / "date-calendar.png")
    popup.close()
    dialog.close()

    from ui.shortcuts import ShortcutsDialog

    shortcuts = ShortcutsDialog.show_for(window)
    _grab(app, shortcuts, out / "shortcuts.png")
    shortcuts.close()


def make_guide_pictures() -> int:
    """A fresh held demo in a temporary folder, then one process per language grabbing GUIDE_SHOTS."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="openday-guide-") as tmp:
        env = {**os.environ, "OPENDAY_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--db", str(db), "--held"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        for language in ("zh_CN", "en"):
            out = ROOT / "docs" / "images" / language
            out.mkdir(parents=True, exist_ok=True)
            subprocess.run([sys.executable, __file__, "--db", str(db), "--out", str(out), "--language", language,
                            "--named"], cwd=ROOT, env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
