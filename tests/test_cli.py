"""The ``openday`` command, run as users and scripts run it: in a subprocess."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys

from db import migrations
from db.lock import InstanceLock

from .conftest import FIXTURES, ROOT, run_cli


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result, *fragments):
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one clear line, no traceback
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_demo_prints_the_new_id_and_events_lists_it(tmp_path):
    db = tmp_path / "demo.sqlite3"
    first = run_cli("demo", "--db", str(db), "--date", "2026-12-20")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "1"
    second = run_cli("--db", str(db), "demo", "--date", "2027-12-20")  # --db before the command works too
    assert second.stdout.strip() == "2"
    listed = run_cli("events", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["id"] for r in rows] == [2, 1]
    assert set(rows[0]) == {"id", "uuid", "unit", "title", "date"}
    assert rows[1] == {"id": 1, "uuid": rows[1]["uuid"], "unit": "西吉县审批服务管理局",
                       "title": "2026年“政府开放日”活动", "date": "2026-12-20"}
    plain = run_cli("events", "--db", str(db))
    assert "2026-12-20" in plain.stdout and plain.returncode == 0


def test_demo_default_date_is_the_first_working_day_30_days_ahead(tmp_path):
    import datetime as dt

    from desktop_app.domain.workdays import next_workday

    db = tmp_path / "d.sqlite3"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    rows = json.loads(run_cli("events", "--db", str(db), "--json").stdout)
    assert rows[0]["date"] == next_workday(dt.date.today() + dt.timedelta(days=30)).isoformat()


def test_events_on_a_missing_database_is_refused(tmp_path):
    db = tmp_path / "missing.sqlite3"
    assert_refused(run_cli("events", "--db", str(db), "--json"), str(db), "不存在")
    assert not db.exists()


def test_not_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 500)
    before = digest(path)
    for args in (("events", "--db", str(path), "--json"), ("demo", "--db", str(path)), ("--db", str(path), "--smoke")):
        assert_refused(run_cli(*args), str(path), "不是SQLite文件")
    assert digest(path) == before


def test_corrupt_database_is_refused_untouched(tmp_path):
    from .test_db import corrupt_copy

    path = corrupt_copy(tmp_path)
    before = digest(path)
    for args in (("events", "--db", str(path), "--json"), ("--db", str(path), "--smoke")):
        assert_refused(run_cli(*args), str(path), "已损坏")
    assert digest(path) == before


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    assert_refused(run_cli("events", "--db", str(path), "--json"), "更新版本")
    assert digest(path) == before


def test_unwritable_paths_are_refused(tmp_path):
    assert_refused(run_cli("demo", "--db", str(tmp_path / "no" / "such" / "x.sqlite3")), "文件夹不存在")
    assert_refused(run_cli("demo", "--db", str(tmp_path)), "是文件夹")


def test_unknown_event_is_refused(demo_db):
    assert_refused(run_cli("--db", str(demo_db), "--event", "42", "--smoke"), "42", "openday events --json")


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("demo", "--db", str(tmp_path / "x.sqlite3"), "--date", "28.9.2026").returncode == 2
    assert not (tmp_path / "x.sqlite3").exists()


def test_smoke_prints_ready(demo_db):
    result = run_cli("--db", str(demo_db), "--smoke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"


def test_smoke_on_a_new_database_creates_it(tmp_path):
    db = tmp_path / "fresh.sqlite3"
    result = run_cli("--db", str(db), "--smoke")
    assert result.stdout.strip() == "ready" and db.exists()


def test_second_instance_on_one_file_says_so(demo_db):
    lock = InstanceLock(demo_db)
    lock.acquire()  # as a running window would hold it
    try:
        assert_refused(run_cli("--db", str(demo_db), "--smoke"), "已在另一个开放日工作台窗口中打开")
    finally:
        lock.release()
    assert run_cli("--db", str(demo_db), "--smoke").stdout.strip() == "ready"


def test_cli_commands_do_not_import_qt(demo_db):
    code = (
        "import sys; from desktop_app import cli; "
        f"rc = cli.main(['events', '--db', {str(demo_db)!r}, '--json']); "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui', 'docx', 'openpyxl'))); "
        "print(rc, bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr


def test_the_rule_check_reads_only_what_it_needs(demo_db):
    """The check is the first thing the window shows: it loads the rules, the plan and the counts, not the
    roster, route, check-in, feedback or summary services and their domains, nor the survey's, nor the phone
    library for a well-formed contact phone (start-up time)."""
    code = (
        "import sys; from desktop_app import cli; "
        f"rc = cli.main(['check', '--db', {str(demo_db)!r}, '--event', '1', '--json']); "
        "names = ('services.roster', 'services.route', 'services.checkin', 'services.feedback', "
        "'services.summary', 'domain.roster', 'domain.route', 'domain.summary', 'domain.survey'); "
        "bad = sorted(m for m in sys.modules if m.startswith('desktop_app.') and m.endswith(names)); "
        "bad += [m for m in ('phonenumbers',) if m in sys.modules]; "
        "print(rc, bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr


def test_console_script_is_installed():
    script = shutil.which("openday", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("openday ")


def test_check_on_the_demo_has_no_errors(demo_db):
    result = run_cli("check", "--db", str(demo_db), "--event", "1", "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert all(set(f) == {"rule", "severity", "message"} for f in findings)
    assert [f for f in findings if f["severity"] == "error"] == []


def test_check_reports_rules_in_chinese(tmp_path):
    db = tmp_path / "t.sqlite3"
    template = tmp_path / "t.json"
    template.write_text(json.dumps({"format": "openday-template", "version": 1, "unit": "某局",
                                    "title": "2026年校园开放日", "theme": "", "date": "2026-12-20",
                                    "categories": [{"name": "群众代表", "quota": 5, "public": True}],
                                    "sections": [{"heading": "总体要求", "body": "……"}]}, ensure_ascii=False),
                        encoding="utf-8")
    created = run_cli("template", "apply", "--db", str(db), str(template))
    assert created.returncode == 0, created.stderr
    result = run_cli("check", "--db", str(db), "--event", created.stdout.strip(), "--json")
    findings = {f["rule"]: f for f in json.loads(result.stdout)["findings"]}
    for rule in ("min_invitees", "announce_lead", "filing_before_announce", "announcement_items",
                 "interaction_step", "registration_deadline", "naming", "missing_contact"):
        assert rule in findings, rule
    assert findings["naming"]["severity"] == "warning"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in findings["min_invitees"]["message"])


def test_check_unknown_event_is_refused(demo_db):
    assert_refused(run_cli("check", "--db", str(demo_db), "--event", "9", "--json"), "9")


def test_export_writes_the_documents(demo_db, tmp_path):
    out = tmp_path / "out"
    files = []
    for kind in ("plan", "announcement", "signup-form"):
        result = run_cli("export", kind, "--db", str(demo_db), "--event", "1", "--out", str(out), "--json")
        assert result.returncode == 0, result.stderr
        files += json.loads(result.stdout)["files"]
    names = sorted(__import__("pathlib").Path(f).name for f in files)
    assert any(n.endswith("实施方案.docx") for n in names)
    assert any(n.endswith("活动公告.docx") for n in names)
    assert any(n.endswith("报名表.docx") for n in names) and any(n.endswith("报名表.xlsx") for n in names)
    assert all(__import__("pathlib").Path(f).stat().st_size > 1000 for f in files)
    assert sorted(p.name for p in out.iterdir()) == names  # nothing half-written left beside them


def test_export_refusals(demo_db, tmp_path):
    assert run_cli("export", "poster", "--db", str(demo_db), "--event", "1", "--out", str(tmp_path)).returncode == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert_refused(run_cli("export", "plan", "--db", str(demo_db), "--event", "1", "--out", str(blocker / "sub")),
                   str(blocker / "sub"))


def test_template_export_and_apply(demo_db, tmp_path):
    path = tmp_path / "t.json"
    exported = run_cli("template", "export", "--db", str(demo_db), "--event", "1", "--out", str(path))
    assert exported.returncode == 0, exported.stderr
    applied = run_cli("template", "apply", "--db", str(demo_db), str(path))
    assert applied.returncode == 0 and applied.stdout.strip() == "2"
    path.write_text('{"format": "openday-template", "unit": "x", "title": "t", "theme": "", "categories": 5, '
                    '"sections": []}', encoding="utf-8")
    assert_refused(run_cli("template", "apply", "--db", str(demo_db), str(path)), "categories")
    assert len(json.loads(run_cli("events", "--db", str(demo_db), "--json").stdout)) == 2


def test_roster_exports(demo_db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "roster"
    names = []
    for args in (("roster",), ("roster", "--masked"), ("signin-sheet",), ("passes",)):
        result = run_cli("export", *args, "--db", str(demo_db), "--event", "1", "--out", str(out), "--json")
        assert result.returncode == 0, result.stderr
        names += [__import__("pathlib").Path(f).name for f in json.loads(result.stdout)["files"]]
    assert sorted(n.split("_", 2)[2] for n in names) == sorted(
        ["邀请名单.xlsx", "邀请名单_脱敏.xlsx", "签到表.docx", "签到表.xlsx", "参观证.docx"])
    masked = next(out.glob("*脱敏.xlsx"))
    cells = [str(c.value) for row in load_workbook(masked).active.iter_rows() for c in row if c.value]
    assert not any(len(v) == 18 and v[:17].isdigit() for v in cells)  # no full ID number
    assert not any(len(v) == 11 and v.isdigit() and v.startswith("1") for v in cells)  # no full mobile
