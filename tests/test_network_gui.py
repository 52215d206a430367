"""签到 › 现场网络 pressed as a coordinator presses it: the window switched on as the hub, its pairing code read from
the dialog and used by a device (an ``openday`` command with its own database), the device's scans counted in
the hub's window within two seconds, the device listed and revoked; and a window joining a hub (``openday hub``
in its own process) by the typed code, receiving the event, its scans reaching the hub and the hub's reaching it.
Only 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(data: Path, *args, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENDAY_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=timeout)


@pytest.fixture
def hub_window(qapp, qtbot, tmp_path):
    from desktop_app.demo import create_demo_event
    from desktop_app.workspace import open_workspace
    from ui.main_window import MainWindow

    ws = open_workspace(tmp_path / "office.sqlite3", lock=True)
    event = create_demo_event(_today())
    win = MainWindow(ws, event_id=event.id)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    ws.close()


def _today():
    import datetime as dt

    return dt.date.today()


def _open_dialog(qtbot, win):
    tab = win.tab("checkin")
    win.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.network_button, Qt.MouseButton.LeftButton)
    dialog = win._network_dialog
    assert dialog.isVisible() and not dialog.isModal()  # the entrance scans on beside it
    return tab, dialog


def test_the_window_as_hub_pairs_a_device_counts_its_scans_and_revokes_it(qtbot, hub_window, tmp_path):
    from desktop_app.services import checkin
    from ui.checkin.network import LOOPBACK

    win = hub_window
    tab, dialog = _open_dialog(qtbot, win)
    dialog.address.setCurrentIndex(dialog.address.findData(LOOPBACK))
    dialog.port.setValue(_free_port())
    qtbot.mouseClick(dialog.hub_button, Qt.MouseButton.LeftButton)
    assert win.network.hub is not None and dialog.code_area.isVisible()
    code = dialog.code.text()
    assert code.startswith("ODHUB1") and not dialog.qr.pixmap().isNull()
    qtbot.waitUntil(lambda: tab.network_state.isVisible() and "hub" in tab.network_state.text().lower()
                    or "主机" in tab.network_state.text())

    device = tmp_path / "door2"
    device.mkdir()
    joined = _cli(device, "join", "--db", device / "door2.sqlite3", code, "--name", "东门", "--json")
    assert joined.returncode == 0, joined.stderr
    event_there = json.loads(joined.stdout)["event"]
    qtbot.waitUntil(lambda: dialog.devices.rowCount() == 1, timeout=3000)
    assert dialog.devices.item(0, 0).text() == "东门"
    qtbot.waitUntil(lambda: dialog.code.text() != code, timeout=3000)  # used: the next laptop gets a new one
    (tmp_path / "door3").mkdir()
    again = _cli(tmp_path / "door3", "join", "--db", tmp_path / "door3" / "door3.sqlite3", code, "--json")
    assert again.returncode == 1 and again.stderr.strip()  # the code is used once

    people = [p for p in checkin.people(win.current_event_id) if p.status == "confirmed"]
    tab.search.setFocus()  # the dialog stays open; the hub's own desk scans on
    qtbot.keyClicks(tab.search, people[5].pass_code)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.result.text().startswith("✔")
    codes = [p.pass_code for p in people[:3]]
    before = tab._tally.checked_in
    scanned = _cli(device, "checkin", "--db", device / "door2.sqlite3", "--event", event_there, "--codes", "-",
                   stdin="\n".join(codes) + "\n")
    assert scanned.returncode == 0, scanned.stderr
    synced = _cli(device, "sync", "--db", device / "door2.sqlite3", "--event", event_there, "--once", "--json")
    assert synced.returncode == 0 and json.loads(synced.stdout)["sent"] == 3
    started = time.monotonic()
    qtbot.waitUntil(lambda: tab._tally.checked_in == before + 3, timeout=2000)  # counted here within 2 s
    assert time.monotonic() - started < 2
    assert str(before + 3) in tab.counts.text()

    dialog.devices.selectRow(0)
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)  # (the question answered Yes)
    qtbot.waitUntil(lambda: dialog.devices.item(0, 4).text() in ("revoked", "已撤销"), timeout=3000)
    refused = _cli(device, "sync", "--db", device / "door2.sqlite3", "--event", event_there, "--once", "--json")
    assert refused.returncode == 1 and refused.stderr.strip()

    qtbot.mouseClick(dialog.hub_button, Qt.MouseButton.LeftButton)  # switched off: no longer listening
    assert win.network.hub is None and not dialog.code_area.isVisible()
    gone = _cli(device, "sync", "--db", device / "door2.sqlite3", "--event", event_there, "--once", "--json")
    assert gone.returncode == 1
    dialog.close()


def test_a_window_joins_a_hub_by_its_code_and_stays_in_step(qapp, qtbot, tmp_path):
    from desktop_app.workspace import open_workspace
    from ui.main_window import MainWindow

    office = tmp_path / "office"
    office.mkdir()
    made = _cli(office, "demo", "--db", office / "office.sqlite3", "--date", _today().isoformat())
    event = made.stdout.strip()
    port = _free_port()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENDAY_DATA_DIR": str(office)}
    hub = subprocess.Popen([sys.executable, "-m", "desktop_app", "hub", "--db", str(office / "office.sqlite3"),
                            "--event", event, "--bind", "127.0.0.1", "--port", str(port)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        code = json.loads(hub.stdout.readline())["pairing"]
        ws = open_workspace(tmp_path / "laptop.sqlite3", lock=True)
        win = MainWindow(ws)
        qtbot.addWidget(win)
        win.show()
        qtbot.mouseClick(win.welcome.join_button, Qt.MouseButton.LeftButton)  # a fresh laptop: no event yet
        dialog = win._network_dialog
        assert not dialog.hub_box.isVisible()  # no event here to serve: joining only
        assert dialog.focusWidget() is dialog.join_code  # (the code is what one types first)
        dialog.join_code.setFocus()
        dialog.join_code.insert(code)
        dialog.device_name.clear()
        dialog.device_name.insert("西门")
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.current_event_id is not None, timeout=20000)
        qtbot.waitUntil(lambda: win.network.syncing(), timeout=5000)
        tab = win.tab("checkin")
        assert win.tabs.currentWidget() is tab
        dialog.close()
        qtbot.waitUntil(lambda: tab._index is not None, timeout=10000)
        from desktop_app.services import checkin

        people = [p for p in checkin.people(win.current_event_id) if p.status == "confirmed"]
        tab.search.setFocus()
        qtbot.keyClicks(tab.search, people[0].pass_code)
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
        assert tab.result.text().startswith("✔")
        # the hub holds the scan within two seconds (read beside it, as a second door would see it)
        deadline = time.monotonic() + 2.5
        while True:
            stats = json.loads(_cli(office, "stats", "--db", office / "office.sqlite3", "--event", event,
                                    "--json").stdout)
            if stats["checked_in"] == 1 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert stats["checked_in"] == 1
        # a scan at the hub's own desk (another door) comes back here
        done = _cli(office, "checkin", "--db", office / "office.sqlite3", "--event", event, "--codes", "-",
                    stdin=people[1].pass_code + "\n")
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: tab._tally.checked_in == 2, timeout=3000)
        assert "whole venue" in tab.network_state.text() or "全场" in tab.network_state.text()
        # the hub stops: said at once, with nothing waiting here; back on the same port: said too, with nothing
        # to move (the link's report of its recovery, not only of entries)
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)
        qtbot.waitUntil(lambda: "无法连接主机" in tab.network_state.text()
                        or "cannot be reached" in tab.network_state.text(), timeout=15000)
        assert not any(ch.isdigit() for ch in tab.network_state.text())  # (no "0 check-ins wait here")
        hub = subprocess.Popen([sys.executable, "-m", "desktop_app", "hub", "--db", str(office / "office.sqlite3"),
                                "--event", event, "--bind", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        hub.stdout.readline()
        qtbot.waitUntil(lambda: "全场" in tab.network_state.text() or "whole venue" in tab.network_state.text(),
                        timeout=30000)
        win.close()
        ws.close()
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)
