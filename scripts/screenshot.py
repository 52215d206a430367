"""Save PNG screenshots of the main window on a database, for looking at what users see.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py --db DEMO.sqlite3 --out shots/ [--size 1366x768] \
        [--tab plan --tab feedback …]

Each ``--tab`` is shown and grabbed; a tab with sub-pages (a ``pages`` tab widget) is grabbed once per page.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--size", action="append", default=None, help="WxH, repeatable (default 1366x768)")
    parser.add_argument("--language", default=None, help="zh_CN or en (default: the database's setting)")
    parser.add_argument("--tab", action="append", default=[], help="a tab to grab (plan, roster, checkin …)")
    args = parser.parse_args()

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
        window.resize(width, height)
        window.show()
        for _ in range(5):
            app.processEvents()
        target = args.out / f"main-{size}.png"
        window.grab().save(str(target))
        print(target)
        for name in args.tab:
            widget = window.tab(name)
            window.tabs.setCurrentWidget(widget)
            pages = getattr(widget, "pages", None)
            for page in range(pages.count() if pages is not None else 1):
                if pages is not None:
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
