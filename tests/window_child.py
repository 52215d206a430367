"""The real window in a process of its own, driven line by line from standard input, for tests that kill it.

    python tests/window_child.py DB EVENT_ID

Commands (one per line): ``scan CODE`` types the code into the check-in field and presses Enter, then prints
``confirmed CODE`` once the window shows its ✔ (flushed: a line printed is a check-in the window confirmed);
``touch`` opens and closes the database file outside SQLite, as a library reading its header does; ``dialog``
opens the roster's real import dialog (Qt's own file dialog, on the database's folder), lets it list the folder
and cancels it; ``quit`` closes the window. ``ready`` is printed once the window is shown on the check-in tab.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402


class Lines(QObject):
    sig_line = Signal(str)


def main() -> int:
    db, event_id = Path(sys.argv[1]), int(sys.argv[2])
    os.chdir(db.parent)  # the import dialog opens on the working folder: the database's
    app = QApplication(sys.argv[:1])
    from desktop_app.workspace import open_workspace
    from ui.main_window import MainWindow

    window = MainWindow(open_workspace(db, lock=True), event_id=event_id)
    window.show()
    checkin = window.tab("checkin")
    window.tabs.setCurrentWidget(checkin)
    checkin.ask_off_day = lambda _day: True
    QTest.qWaitForWindowExposed(window)
    lines = Lines()

    def scan(code: str) -> None:
        checkin.search.setFocus()
        QTest.keyClicks(checkin.search, code)
        QTest.keyClick(checkin.search, Qt.Key.Key_Return)
        if checkin.result.text().startswith("✔"):
            print(f"confirmed {code}", flush=True)
        else:
            print(f"not-confirmed {code} {checkin.result.text()!r}", flush=True)

    def touch() -> None:
        with open(db, "rb") as fh:  # noqa: PTH123 - exactly what a library reading the header does
            fh.read(100)
        print("touched", flush=True)

    def dialog() -> None:
        def look_then_cancel() -> None:
            shown = [w for w in app.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
            if not shown:
                QTimer.singleShot(20, look_then_cancel)
                return
            QTimer.singleShot(300, shown[0].reject)  # long enough to list the folder and sniff its files

        window.tabs.setCurrentWidget(window.tab("roster"))
        QTimer.singleShot(0, look_then_cancel)
        window.tab("roster").import_button.click()
        window.tabs.setCurrentWidget(checkin)
        print("dialog", flush=True)

    def on_line(line: str) -> None:
        word, _, rest = line.strip().partition(" ")
        if word == "scan":
            scan(rest)
        elif word == "touch":
            touch()
        elif word == "dialog":
            dialog()
        elif word == "quit":
            window.close()
            app.quit()

    lines.sig_line.connect(on_line, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for line in sys.stdin:
            lines.sig_line.emit(line)
        lines.sig_line.emit("quit")

    threading.Thread(target=read, daemon=True).start()
    print("ready", flush=True)
    try:
        return app.exec()
    finally:
        window.workspace.close()


if __name__ == "__main__":
    sys.exit(main())
