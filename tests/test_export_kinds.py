"""The document kinds as one registry (documents/kinds.py) that the CLI, the window's menus, the 归档 tab and the
package iterate; a published document lacking facts refused with their list (or written as a draft); an
existing file never replaced without asking; drafts named as drafts."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .conftest import ROOT, run_cli

DAY = dt.date(2026, 12, 20)


@pytest.fixture
def demo(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(DAY)


# -- the registry -----------------------------------------------------------------------------------------------------

def test_every_kind_is_declared_once_and_nothing_else_lists_them():
    from desktop_app import package
    from desktop_app.documents import export, kinds

    assert len(kinds.KEYS) == len(set(kinds.KEYS)) == 15 and export.KINDS == kinds.KEYS
    assert [item.kind for item in package.ITEMS] == [k.key for k in kinds.FILED]
    assert [item.number for item in package.ITEMS] == list(range(1, 14))
    assert set(export.POST_EVENT_KINDS) == {"attendance", "notes", "feedback-report", "implementation", "summary"}
    # No module names the kinds one by one: they ask the registry.
    for path in ("desktop_app/documents/export.py", "desktop_app/package.py", "desktop_app/cli.py",
                 "desktop_app/services/exports.py", "ui/main_window.py", "ui/feedback/tab.py",
                 "ui/summary/tab.py"):
        source = (ROOT / path).read_text(encoding="utf-8")
        other_meanings = ("plan", "notes", *kinds.SOURCES, *(("implementation",) if "summary" in path else ()))
        named = [k for k in kinds.KEYS if k not in other_meanings  # words that also name a tab, a text, a field
                 and re.search(rf'["\']{re.escape(k)}["\']', source)]
        assert named == [], (path, named)
        assert not re.search(r'(?<![\w.])(?:item\.)?kind == "(?!package)', source), path


def test_the_window_offers_every_kind_from_the_registry(workspace, qtbot):
    from desktop_app.documents import kinds
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert list(window.export_actions) == [key for k in kinds.KINDS
                                           for key in (k.key, *([f"{k.key}-masked"] if k.masked_label else []))] + [
        "package"]
    menu = window.tab("feedback").export_button.menu()
    assert len(menu.actions()) == sum(1 for k in kinds.KINDS if "feedback" in k.tabs)
    assert list(window.tab("summary").export_buttons) == ["implementation", "summary"]


# -- missing facts ----------------------------------------------------------------------------------------------------

def test_a_published_document_lacking_facts_is_refused_with_their_list_or_written_as_a_draft(demo, tmp_path):
    from desktop_app.documents import export
    from desktop_app.errors import UserError
    from desktop_app.services import events, exports

    events.update_event(demo.id, contact_phone="", venue="")
    with pytest.raises(UserError) as refused:
        export.export("announcement", out_dir=tmp_path / "out", today=DAY - dt.timedelta(days=30),
                      **exports.sources("announcement", demo.id))
    assert refused.value.message == export.MISSING_FACTS
    assert "联系电话" in str(refused.value) and "时间地点" in str(refused.value)
    assert not (tmp_path / "out").exists()
    assert exports.refusal("announcement", demo.id, DAY - dt.timedelta(days=30)) is not None  # the window asks
    assert exports.refusal("plan", demo.id, DAY - dt.timedelta(days=30)) is None  # an internal one is written
    files = export.export("announcement", out_dir=tmp_path, today=DAY - dt.timedelta(days=30), draft=True,
                          **exports.sources("announcement", demo.id))
    assert [f.name for f in files] == ["2026-12-20_西吉县审批服务管理局_活动公告_草稿.docx"]


def test_the_cli_refuses_a_public_document_lacking_facts_in_one_line(tmp_path):
    db = tmp_path / "demo.sqlite3"
    event = run_cli("demo", "--db", str(db), "--date", "2026-12-20").stdout.strip()
    from desktop_app.workspace import open_workspace

    workspace = open_workspace(db)
    try:
        from desktop_app.services import events

        events.update_event(int(event), contact_phone="")
    finally:
        workspace.close()
    refused = run_cli("export", "announcement", "--db", str(db), "--event", event, "--out", str(tmp_path / "o"))
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "联系电话" in refused.stderr and "Traceback" not in refused.stderr
    done = run_cli("export", "announcement", "--db", str(db), "--event", event, "--out", str(tmp_path / "o"),
                   "--draft")
    assert done.returncode == 0 and done.stdout.strip().endswith("活动公告_草稿.docx"), done.stderr


# -- never replaced silently ------------------------------------------------------------------------------------------

def test_an_existing_file_is_never_replaced_unless_asked(demo, tmp_path):
    from desktop_app.documents import export
    from desktop_app.services import exports

    first = export.export("plan", out_dir=tmp_path, **exports.sources("plan", demo.id))
    first[0].write_bytes(b"the clerk's edited copy")
    with pytest.raises(export.FilesExist) as refused:
        export.export("plan", out_dir=tmp_path, **exports.sources("plan", demo.id))
    assert refused.value.paths == [first[0]] and first[0].name in str(refused.value)
    assert first[0].read_bytes() == b"the clerk's edited copy"
    again = export.export("plan", out_dir=tmp_path, overwrite=True, **exports.sources("plan", demo.id))
    assert again == first and first[0].read_bytes().startswith(b"PK")


def test_the_cli_refuses_to_replace_a_file_unless_overwrite(tmp_path):
    db = tmp_path / "demo.sqlite3"
    event = run_cli("demo", "--db", str(db), "--date", "2026-12-20").stdout.strip()
    args = ("export", "plan", "--db", str(db), "--event", event, "--out", str(tmp_path / "o"))
    path = Path(run_cli(*args).stdout.strip())
    path.write_bytes(b"edited")
    refused = run_cli(*args)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert path.name in refused.stderr and path.read_bytes() == b"edited"
    replaced = run_cli(*args, "--overwrite")
    assert replaced.returncode == 0 and path.read_bytes() != b"edited"


@pytest.fixture
def window(qapp, qtbot, db_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.workspace import open_workspace
    from ui.main_window import MainWindow

    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    win._interactive_export = False
    qtbot.addWidget(win)
    win.show()
    win.open_demo_event()
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    yield win
    win.close()
    win.workspace.close()


def test_the_window_asks_before_replacing_and_no_keeps_the_file(window, qtbot, tmp_path, monkeypatch):
    asked = []
    answers = iter([False, True])

    def ask(paths):
        asked.append([Path(p).name for p in paths])
        return next(answers)

    with qtbot.waitSignal(window.sig_exported, timeout=30000) as written:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # 导出 › 实施方案
    path = Path(written.args[0][0])
    path.write_bytes(b"edited by hand")
    monkeypatch.setattr(window, "ask_replace", ask)
    with qtbot.waitSignal(window.sig_export_failed, timeout=30000):  # No: nothing written, the file kept
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [[path.name]] and path.read_bytes() == b"edited by hand"
    with qtbot.waitSignal(window.sig_exported, timeout=30000):  # Yes: replaced
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and path.read_bytes().startswith(b"PK")


def test_the_replace_question_names_the_file_and_defaults_to_no(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def question(parent, title, text, buttons, default):
        seen.append((text, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert window.ask_replace([Path("/usb/2026-12-20_某局_实施方案.docx")]) is False
    assert "2026-12-20_某局_实施方案.docx" in seen[0][0] and seen[0][1] == QMessageBox.StandardButton.No


# -- drafts -----------------------------------------------------------------------------------------------------------

def test_a_draft_package_is_named_a_draft_and_verify_says_so(tmp_path):
    db = tmp_path / "demo.sqlite3"
    event = run_cli("demo", "--db", str(db), "--date", "2026-12-20").stdout.strip()
    done = run_cli("export", "package", "--db", str(db), "--event", event, "--out", str(tmp_path / "usb"),
                   "--json", "--draft", timeout=120)
    assert done.returncode == 0, done.stderr
    folder = Path(json.loads(done.stdout)["folder"])
    assert folder.name.endswith("_政府开放日归档_草稿")
    documents = [p.name for p in folder.iterdir() if p.suffix in (".docx", ".xlsx")]
    assert documents and all(Path(name).stem.endswith("_草稿") for name in documents), documents
    verified = run_cli("verify-package", str(folder))
    assert verified.returncode == 0 and "draft" in verified.stdout.splitlines()[-2]
    assert json.loads(run_cli("verify-package", str(folder), "--json").stdout)["draft"] is True


def test_the_ledger_keeps_the_last_full_stop(tmp_path, workspace):
    from openpyxl import load_workbook

    from desktop_app.demo import create_demo_event
    from desktop_app.documents import export
    from desktop_app.services import exports, feedback

    held = create_demo_event(held=True)
    feedback.add_suggestion(held.id, content="建议延长周六服务时间。", topic="延时服务。")
    path = export.export("feedback-ledger", out_dir=tmp_path, **exports.sources("feedback-ledger", held.id))[0]
    texts = [c.value for row in load_workbook(path).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert "建议延长周六服务时间。" in texts and "延时服务。" in texts


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice lays the pages out")
def test_pages_are_counted_in_one_run_with_the_blank_pages_and_each_file_apart(demo, tmp_path):
    """The 归档文件目录's 页数: Word and Excel files converted by one LibreOffice start; the blank page Writer inserts
    so that the 版记 ends an even page is counted; a .docx and a .xlsx of one name are counted apart."""
    from desktop_app.documents import catalogue, export
    from desktop_app.services import exports

    files = []
    for kind in ("plan", "signup-form"):
        files += export.export(kind, out_dir=tmp_path, **exports.sources(kind, demo.id))
    counted = catalogue.count_pages(tmp_path, [f.name for f in files])
    assert set(counted) == {f.name for f in files}
    plan, form, form_xlsx = (counted[f.name] for f in files)
    assert plan % 2 == 0 and plan >= 4  # the 版记 at the foot of an even page
    assert form >= 1 and form_xlsx >= 1


@pytest.mark.skipif(__import__("sys").platform != "linux", reason="a shell script stands in for LibreOffice; /proc")
def test_a_conversion_past_its_time_ends_with_everything_it_started(tmp_path, monkeypatch):
    """LibreOffice's ``soffice`` is a launcher: ended alone, the converter it started went on using a core. A
    conversion past its time ends whole and the count is left empty (the clerk's help, never a failure)."""
    import os
    import time

    from desktop_app.documents import catalogue

    bin_dir, started = tmp_path / "bin", tmp_path / "converter.pid"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {started}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "方案.docx").write_bytes(b"PK")
    assert catalogue.count_pages(tmp_path, ["方案.docx"], timeout=1) == {}
    converter = int(started.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(converter, 0)
        except ProcessLookupError:
            break
        try:  # (a zombie until its parent, the launcher, is reaped: gone as far as the user is concerned)
            if open(f"/proc/{converter}/stat").read().split()[2] == "Z":
                break
        except OSError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the converter the launcher started is still running")
