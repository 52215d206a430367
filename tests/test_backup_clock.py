"""Backups that survive a wrong clock: ordered by sequence, the newest never deleted, "Back up now" names a file
that exists, and a clock earlier than the database's last change or newest backup is named."""

from __future__ import annotations

import datetime as dt
import sqlite3

from db import backup, models
from desktop_app.workspace import clock_warning


def _backups(workspace, *moments: dt.datetime):
    made = []
    for moment in moments:
        made.append(backup.backup_now(workspace.opened.db.connection(), workspace.path, now=moment))
    return made


def test_a_clock_set_back_neither_deletes_the_new_backup_nor_names_a_missing_file(workspace):
    now = dt.datetime(2026, 12, 7, 9, 0)
    _backups(workspace, *(now + dt.timedelta(hours=h) for h in range(backup.KEEP)))
    back_in_2000 = backup.backup_now(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2000, 1, 1))
    assert back_in_2000.exists()  # "Back up now" names a file that is there
    kept = backup.list_backups(workspace.path)
    assert len(kept) == backup.KEEP and kept[-1] == back_in_2000
    assert backup.latest_backup(workspace.path) == back_in_2000  # what a restore would offer: the newest made


def test_a_clock_ahead_does_not_make_a_stale_backup_the_newest(workspace):
    ahead = backup.backup_now(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2031, 5, 1))
    models.Setting.create(key="after", value="1")  # a change after that backup
    right = _backups(workspace, *(dt.datetime(2026, 12, 7, 10, m) for m in range(backup.KEEP)))
    kept = backup.list_backups(workspace.path)
    assert ahead not in kept  # the oldest by sequence went, although its name says 2031
    assert kept[-1] == right[-1] and kept[-1].exists()
    conn = sqlite3.connect(kept[-1])
    try:
        assert conn.execute("SELECT value FROM setting WHERE key = 'after'").fetchone() == ("1",)
    finally:
        conn.close()


def test_backups_of_earlier_versions_sort_before_numbered_ones(workspace):
    folder = backup.backup_dir(workspace.path)
    folder.mkdir(exist_ok=True)
    stem = workspace.path.stem
    old = folder / f"{stem}-20300101-080000.sqlite3"  # an old name, its clock once ahead
    old.write_bytes(b"old")
    new = backup.backup_now(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2026, 1, 1))
    assert backup.list_backups(workspace.path) == [old, new]
    assert new.name.startswith(f"{stem}-n000001-20260101-")
    assert backup.backup_time(new) == dt.datetime(2026, 1, 1)


def test_the_daily_backup_is_made_once_a_day_by_the_clock_of_the_day(workspace):
    first = backup.daily_backup(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2026, 12, 7, 8))
    assert first is not None
    assert backup.daily_backup(workspace.opened.db.connection(), workspace.path,
                               now=dt.datetime(2026, 12, 7, 18)) is None
    back = backup.daily_backup(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2000, 1, 1, 8))
    assert back is not None and backup.latest_backup(workspace.path) == back


def test_a_clock_earlier_than_the_last_change_is_named(workspace):
    models.AuditEntry.create(at=dt.datetime(2026, 12, 7, 2, 15), actor="", device_id="", action="x", target="",
                             target_uuid="", field="", summary="")
    message = clock_warning(workspace, now=dt.datetime(2000, 1, 1, 8, 0))
    assert message.startswith("此电脑的时钟显示 2000年1月1日 08:00，早于本数据库最后一次修改的时间")
    assert "2026年12月7日" in message
    assert clock_warning(workspace, now=dt.datetime(2026, 12, 8, 8, 0)) == ""


def test_a_clock_earlier_than_the_newest_backup_is_named(workspace):
    backup.backup_now(workspace.opened.db.connection(), workspace.path, now=dt.datetime(2027, 3, 1, 9, 30))
    message = clock_warning(workspace, now=dt.datetime(2026, 12, 7, 9, 0))
    assert "2027" in message and "备份" in message


def test_the_window_names_a_wrong_clock_once_it_is_up(qtbot, tmp_path, dialogs, monkeypatch):
    from desktop_app.workspace import open_workspace
    from ui import app as gui_app

    path = tmp_path / "clock.sqlite3"
    ws = open_workspace(path)
    models.AuditEntry.create(at=dt.datetime(2031, 1, 1), actor="", device_id="", action="x", target="",
                             target_uuid="", field="", summary="")
    ws.close()
    opened = gui_app.open_gui_workspace(path, interactive=True)
    try:
        assert any("时钟" in text for _kind, _title, text in dialogs)
    finally:
        opened.close()
