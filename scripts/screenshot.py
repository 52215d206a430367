"""Save PNG screenshots of the main window on a database, for looking at what users see.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py --db DEMO.sqlite3 --out shots/ [--size 1366x768] \
        [--tab plan --tab feedback …]

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
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--size", action="append", default=None, help="WxH, repeatable (default 1366x768)")
    parser.add_argument("--language", default=None, help="zh_CN or en (default: the database's setting)")
    parser.add_argument("--tab", action="append", default=[], choices=TABS, metavar="TAB",
                        help="a tab to grab, repeatable: " + ", ".join(TABS))
    args = parser.parse_args()

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


if __name__ == "__main__":
    sys.exit(main())
