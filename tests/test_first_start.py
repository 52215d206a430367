"""A first start: no lock file left behind by a clean exit, a clear word when there is no display, the package
folder picker (last folder or a USB stick; a new folder made), and the screenshot script's help."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from db.errors import DatabaseRefused
from db.lock import InstanceLock, lock_path

from .conftest import ROOT, run_cli


def test_a_released_lock_leaves_no_file_and_still_excludes(tmp_path):
    db = tmp_path / "x.sqlite3"
    first = InstanceLock(db)
    first.acquire()
    assert lock_path(db).exists()
    second = InstanceLock(db)
    with pytest.raises(DatabaseRefused):
        second.acquire()
    first.release()
    assert not lock_path(db).exists()
    second.acquire()  # a fresh file, locked
    third = InstanceLock(db)
    with pytest.raises(DatabaseRefused):
        third.acquire()
    second.release()
    assert not lock_path(db).exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX: an open file can be removed")
def test_a_lock_on_a_file_removed_meanwhile_is_taken_again(tmp_path, monkeypatch):
    """The holder released and removed the file between our open and our lock: we must not hold a lock on a
    file nobody else can see."""
    import db.lock as lock_module

    db = tmp_path / "x.sqlite3"
    holder = InstanceLock(db)
    holder.acquire()
    real_try = lock_module._try_lock
    calls = []

    def try_after_the_holder_left(fd, shared=False):
        if not calls:
            holder.release()  # unlinks the file we have open
        calls.append(fd)
        return real_try(fd, shared)

    monkeypatch.setattr(lock_module, "_try_lock", try_after_the_holder_left)
    late = InstanceLock(db)
    late.acquire()
    assert len(calls) == 2 and lock_path(db).exists()
    assert os.path.samestat(os.stat(lock_path(db)), os.fstat(late._fd))
    late.release()


def test_ctrl_q_removes_the_lock_file(qapp, qtbot, db_path):
    from desktop_app.workspace import open_workspace
    from ui.main_window import MainWindow

    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    assert lock_path(db_path).exists()
    # File ▸ Quit (Ctrl+Q where the platform has that key; the offscreen one has none)
    assert _screenshot_script().TABS == tuple(win._tab_names)  # its --help names the window's tabs
    win.quit_action.trigger()
    assert not win.isVisible()
    win.workspace.close()  # what ui.app.run_gui does once the event loop ends
    assert not lock_path(db_path).exists()


def test_smoke_start_leaves_no_lock_file(tmp_path):
    db = tmp_path / "smoke.sqlite3"
    result = run_cli("--db", str(db), "--smoke", timeout=120)
    assert result.returncode == 0 and "ready" in result.stdout, result.stderr
    assert db.exists() and not lock_path(db).exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display variables are Linux's")
def test_without_a_display_one_line_and_exit_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "x.sqlite3")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY" in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # nothing opened


def test_package_folder_starts_in_the_last_one_else_on_a_stick(tmp_path, monkeypatch):
    from ui import folders

    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(folders, "removable_drives", lambda: [stick])
    last = tmp_path / "last"
    last.mkdir()
    assert folders.start_folder(str(last), None) == last
    assert folders.start_folder(str(tmp_path / "gone"), None) == stick  # the last one is no longer there
    monkeypatch.setattr(folders, "removable_drives", lambda: [])
    assert folders.start_folder(None, None) == folders.Path.home()


def test_package_folder_may_be_a_new_one(tmp_path, qtbot, monkeypatch):
    from ui import folders

    monkeypatch.setattr(folders, "removable_drives", lambda: [])
    dialog = folders.FolderDialog(None, "package", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("归档/2026")
    dialog.accept()
    made = tmp_path / "归档" / "2026"
    assert made.is_dir()
    assert dialog.result() == QFileDialog.DialogCode.Accepted
    assert [os.path.normpath(p) for p in dialog.selectedFiles()] == [str(made)]


def test_summary_tab_writes_the_package_into_the_folder_chosen(tmp_path, qtbot, monkeypatch, workspace):
    from desktop_app import settings
    from desktop_app.demo import create_demo_event
    from ui import early, folders
    from ui.main_window import MainWindow

    create_demo_event(held=True)
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    tab = win.tab("summary")
    tab.interactive = False  # no "open the folder?" at the end
    monkeypatch.setattr(early.EarlyQuestion, "ask", staticmethod(lambda parent, *, refusal, errors: early.FINAL))
    asked = []
    new = tmp_path / "new folder"

    def ask(parent, title, start):
        asked.append(start)
        new.mkdir()
        return new

    monkeypatch.setattr(folders.FolderDialog, "ask", staticmethod(ask))
    settings.set("last_package_dir", str(tmp_path))
    with qtbot.waitSignal(tab.sig_packaged, timeout=60_000):
        tab.write_package()
    assert asked == [tmp_path] and any(new.iterdir())
    assert settings.get("last_package_dir") == str(new)


def _screenshot_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "scripts" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_screenshot_help_lists_the_tabs():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot.py"), "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0
    for name in ("plan", "roster", "route", "checkin", "feedback", "summary"):
        assert name in result.stdout


def test_pyside_is_told_which_modules_need_no_source_scan(monkeypatch, tmp_path):
    from shibokensupport import feature

    from ui import feature_scan

    assert feature_scan.install()  # importing ui did it already; once is enough
    assert sum(isinstance(f, feature_scan._Declare) for f in sys.meta_path) == 1
    table = feature.pyside_feature_dict
    assert table["ui.feature_scan"] == 0
    assert [feature_scan.answer(n) for n in ("desktop_app.services.plan", "json.decoder", "docx.oxml", "a_plugin")] \
        == [0, -1, -1, None]

    scan = feature._mod_uses_pyside
    scanned: list[str] = []
    monkeypatch.setattr(feature, "_mod_uses_pyside", lambda module: scanned.append(module.__name__) or scan(module))
    (tmp_path / "a_plugin_of_someone.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("colorsys", "a_plugin_of_someone"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.delitem(table, name, raising=False)
        __import__(name)  # an import statement, as PySide6 sees it
    assert table["colorsys"] == -1 and "colorsys" not in scanned  # declared, not read
    assert table["a_plugin_of_someone"] == 0 and scanned == ["a_plugin_of_someone"]  # unknown: scanned as before


def test_a_module_declared_without_a_feature_can_still_select_one(tmp_path):
    (tmp_path / "featured.py").write_text(
        "from PySide6.QtCore import QObject\nfrom __feature__ import snake_case  # noqa\n\n"
        "def name():\n    o = QObject()\n    o.set_object_name('x')\n    return o.object_name()\n", encoding="utf-8")
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import ui\n"
              "from shibokensupport import feature; feature.pyside_feature_dict['featured'] = 0\n"
              "import featured; print(featured.name())")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "x", result.stderr


def test_the_collector_resumes_once_the_window_is_checked(qapp, qtbot, demo_db, monkeypatch):
    import gc

    from desktop_app.workspace import open_workspace
    from ui import app
    from ui.main_window import MainWindow

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    win = MainWindow(open_workspace(demo_db, lock=True))
    qtbot.addWidget(win)
    was_enabled = gc.isenabled()
    gc.disable()  # as run_gui starts
    try:
        calls: list[str] = []
        app._when_checked(win, lambda: calls.append("checked"))
        app._when_checked(win, app._collect_from_now_on)
        win.show()
        assert calls == [] and not gc.isenabled()  # the first check runs once the window is drawn
        qtbot.waitUntil(lambda: calls == ["checked"], timeout=5000)
        assert gc.isenabled() and frozen == [False]  # frozen first, then collecting again
        win.plan_tab.review.refresh()  # later checks call nothing again
        assert calls == ["checked"] and frozen == [False]
    finally:
        if was_enabled:
            gc.enable()
        win.close()
        win.workspace.close()


def test_the_way_to_the_first_check_defines_its_records_as_named_tuples():
    """Python 3.11 writes and compiles six methods for each frozen dataclass (about 0.6 ms a class); the records
    loaded between the first paint and the first check are NamedTuples (0.1–0.3 ms) — only the workspace, which
    changes, stays a dataclass."""
    script = ("import dataclasses, inspect, sys\n"
              "import ui.app, ui.main_window, desktop_app.services.checks, desktop_app.logs, db.integrity\n"
              "from desktop_app.domain import milestones, rules\n"
              "found = sorted(f'{name}.{cls.__qualname__}' for name, module in list(sys.modules.items())\n"
              "               if name.split('.')[0] in ('db', 'desktop_app', 'ui')\n"
              "               for cls in vars(module).values()\n"
              "               if inspect.isclass(cls) and cls.__module__ == name and dataclasses.is_dataclass(cls))\n"
              "print(' '.join(found))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["desktop_app.workspace.Workspace"]
