"""db/: pragmas, refusals that leave the file untouched, migrations, backups, the instance lock."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3

import pytest

from db import backup, integrity, migrations, models
from db.connection import close_database, open_database
from db.errors import DatabaseRefused
from db.lock import InstanceLock

from .conftest import FIXTURES


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_set(db_path):
    opened = open_database(db_path)
    try:
        pragma = lambda name: opened.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("busy_timeout") == 5000
        assert pragma("user_version") == migrations.latest_version()
        assert pragma("application_id") == migrations.APPLICATION_ID
        assert opened.created
    finally:
        close_database(opened)


def test_schema_matches_the_models(db_path):
    """The frozen migration steps and the model classes describe the same columns."""
    opened = open_database(db_path)
    try:
        for model in models.ALL_MODELS:
            table = model._meta.table_name
            columns = {row[1] for row in opened.db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
            assert columns == {f.column_name for f in model._meta.sorted_fields}, table
    finally:
        close_database(opened)


def test_synced_rows_are_stamped(workspace):
    models.set_device_id("laptop-1")
    event = models.Event(unit="u", title="t")
    event.save()
    first = event.updated_at
    assert len(event.uuid) == 32 and event.device_id == "laptop-1" and not event.deleted
    event.title = "t2"
    event.save()
    assert event.updated_at >= first


def test_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这不是数据库".encode() * 100)
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.NOT_SQLITE
    assert digest(path) == before


def corrupt_copy(tmp_path, fixture="v1.sqlite3"):
    path = tmp_path / "broken.sqlite3"
    shutil.copy(FIXTURES / fixture, path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):  # damage every page after the third
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


def damaged_with_a_backup(tmp_path):
    """A damaged database with one dated backup beside it (of 2026-01-01 08:00), as the daily backup leaves it."""
    path = corrupt_copy(tmp_path)
    folder = backup.backup_dir(path)
    folder.mkdir()
    shutil.copy(FIXTURES / "v1.sqlite3", folder / f"{path.stem}-20260101-080000.sqlite3")
    return path


def test_corrupt_database_is_refused_untouched(tmp_path):
    path = corrupt_copy(tmp_path)
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.CORRUPT
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_the_integrity_check_started_early_is_used_while_the_file_is_unchanged(tmp_path, monkeypatch):
    """The window starts the quick_check on a thread as soon as it knows the file; opening takes that result,
    and looks again when the file changed after the look began."""
    path = tmp_path / "a.sqlite3"
    close_database(open_database(path))
    looked = []
    real_look = integrity.look
    monkeypatch.setattr(integrity, "look", lambda p: looked.append(p) or real_look(p))

    integrity.start(path)
    close_database(open_database(path))
    assert len(looked) == 1  # the thread's look only

    integrity.start(path)
    with sqlite3.connect(path) as conn:  # changed after the look began (or before it ran): looked at again
        conn.execute("CREATE TABLE later (x)")
    conn.close()
    assert integrity.taken(path).tables == real_look(path).tables
    assert len(looked) == 3  # the thread's, and the one made again for the changed file


def test_the_look_is_made_again_when_a_closing_writer_removes_the_companions_under_it(tmp_path, monkeypatch):
    """The look chooses how to read from the companions it sees; a command that closes between that choice and
    SQLite's open removes its -wal and -shm ("unable to open database file" for a -shm only read). That is no
    reason to refuse the file: the look is made again (CI met this race once in a hundred kill rounds)."""
    path = tmp_path / "a.sqlite3"
    close_database(open_database(path, auto_backup=False))
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("CREATE TABLE t (x)")
    assert integrity.side(path, "-wal").exists() and integrity.side(path, "-shm").exists()
    real_connect = sqlite3.connect
    closed = []

    def connect_after_the_writer_closed(address, **kwargs):
        if not closed:
            writer.close()  # the last connection: removes the -wal and the -shm
            closed.append(address)
        return real_connect(address, **kwargs)

    monkeypatch.setattr(integrity.sqlite3, "connect", connect_after_the_writer_closed)
    found = integrity.look(path)
    assert "readonly_shm=1" in closed[0]  # chosen while the -shm was there
    assert found.check == ("ok",) and found.tables > 1


def test_damage_found_by_the_early_check_refuses_the_file_untouched(tmp_path):
    path = corrupt_copy(tmp_path)
    before = digest(path)
    integrity.start(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.CORRUPT
    assert digest(path) == before


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.NOT_OPENDAY
    assert digest(path) == before


def test_newer_database_is_refused_not_downgraded(tmp_path):
    path = tmp_path / "newer.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.NEWER_VERSION
    assert err.value.info["version"] == migrations.latest_version() + 1
    assert digest(path) == before


def test_missing_folder_and_folder_paths_are_refused(tmp_path):
    with pytest.raises(DatabaseRefused) as err:
        open_database(tmp_path / "nope" / "x.sqlite3")
    assert err.value.kind == DatabaseRefused.MISSING_FOLDER
    with pytest.raises(DatabaseRefused) as err:
        open_database(tmp_path)
    assert err.value.kind == DatabaseRefused.NOT_A_FILE
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    with pytest.raises(DatabaseRefused) as err:
        open_database(a_file / "x.sqlite3")
    assert err.value.kind == DatabaseRefused.MISSING_FOLDER


def test_read_only_places_are_refused(tmp_path, monkeypatch):
    """Checked through os.access, which a test run as root cannot provoke with chmod."""
    import db.connection

    existing = tmp_path / "existing.sqlite3"
    close_database(open_database(existing))
    before = digest(existing)
    monkeypatch.setattr(db.connection.os, "access", lambda path, mode: False)
    for path in (tmp_path / "new.sqlite3", existing):
        with pytest.raises(DatabaseRefused) as err:
            open_database(path)
        assert err.value.kind == DatabaseRefused.NOT_WRITABLE
    assert digest(existing) == before


def test_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    opened = open_database(path)
    close_database(opened)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()


def test_v1_fixture_opens_with_its_data(tmp_path):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    opened = open_database(path)
    try:
        assert models.Event.select().count() == 1
        assert models.Invitee.select().count() == 25
        assert models.Event.get().unit == "西吉县审批服务管理局"
    finally:
        close_database(opened)


def test_v3_check_ins_become_the_log_and_attendance_is_unchanged(tmp_path):
    """Schema step 4: the check-ins recorded before the log become its entries (sequence 0, their own ids), an
    undone one with its undo, and the counts read from them are those of before."""
    from desktop_app.bundle import log
    from desktop_app.services import record

    path = tmp_path / "v3.sqlite3"
    shutil.copy(FIXTURES / "v3.sqlite3", path)
    before = sqlite3.connect(path)
    active = before.execute("SELECT COUNT(DISTINCT invitee_id) FROM check_in WHERE undone_at IS NULL").fetchone()[0]
    undone = before.execute("SELECT scan_id, undo_reason FROM check_in WHERE undone_at IS NOT NULL").fetchall()
    before.close()
    opened = open_database(path, auto_backup=False)
    try:
        assert 4 in opened.migrated_steps
        E = models.CheckinEntry
        assert E.select().where(E.kind == "entry").count() == models.CheckIn.select().count() == 20
        assert {e.seq for e in E.select()} == {0}
        assert [(e.target, e.reason) for e in E.select().where(E.kind == "undo")] == undone
        assert record.build(1).stats()["checked_in"] == active == 19
        assert log.adopt(models.database) == 0  # nothing left without its entry
        assert log.cursors(1) == {models.CheckinEntry.get().device: 0}
    finally:
        close_database(opened)


def test_migration_steps_run_in_order_with_a_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    released = migrations.latest_version()
    ran = []

    def step_next(db):
        ran.append(released + 1)
        db.execute_sql('ALTER TABLE "event" ADD COLUMN "extra" TEXT')

    def step_after(db):
        ran.append(released + 2)
        db.execute_sql('UPDATE "event" SET "extra" = "unit"')

    monkeypatch.setitem(migrations.STEPS, released + 1, step_next)
    monkeypatch.setitem(migrations.STEPS, released + 2, step_after)
    opened = open_database(path, auto_backup=False)
    try:
        assert ran == [released + 1, released + 2]
        assert opened.migrated_steps == tuple(range(2, released + 3))  # the released steps since v1, then these
        assert opened.db.execute_sql("SELECT extra FROM event").fetchone()[0] == "西吉县审批服务管理局"
    finally:
        close_database(opened)
    backups = backup.list_backups(path)
    assert len(backups) == 1 and backups[0].name.endswith(f"-before-v{released + 2}.sqlite3")
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM invitee").fetchone()[0] == 25
    old.close()


def test_a_failing_step_is_rolled_back(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    released = migrations.latest_version()

    def step_next(db):
        db.execute_sql('ALTER TABLE "event" ADD COLUMN "extra" TEXT')
        raise RuntimeError("the step breaks half-way")

    monkeypatch.setitem(migrations.STEPS, released + 1, step_next)
    with pytest.raises(RuntimeError):
        open_database(path, auto_backup=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == released  # the last step that completed
    columns = {row[1] for row in conn.execute('PRAGMA table_info("event")')}
    assert "extra" not in columns
    conn.close()


def test_v1_gains_the_roster_count_index_and_the_counts_read_only_it(tmp_path):
    from desktop_app.services import counts

    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    opened = open_database(path, auto_backup=False)
    try:
        assert 2 in opened.migrated_steps
        # An index changes no row: the bundles' schema is the latest step that changed a table, never step 2.
        assert 2 in migrations.INDEX_ONLY and migrations.data_version() != 2
        indexes = {row[1] for row in opened.db.execute_sql('PRAGMA index_list("invitee")')}
        assert "invitee_event_id_deleted_category_id_status" in indexes
        I = models.Invitee  # noqa: E741
        query = counts.people(1).select(I.category, I.status, models.fn.COUNT(I.id)).group_by(I.category, I.status)
        sql, params = query.sql()
        plan = " ".join(row[3] for row in opened.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "COVERING INDEX invitee_event_id_deleted_category_id_status" in plan and "TEMP B-TREE" not in plan
        assert sum(f.registered for f in counts.category_fill(1)) == 25
    finally:
        close_database(opened)


def test_daily_backup_once_a_day_and_rotation(tmp_path):
    path = tmp_path / "daily.sqlite3"
    close_database(open_database(path))
    assert backup.list_backups(path) == []  # a new, empty database needs no backup
    folder = backup.backup_dir(path)
    folder.mkdir()
    for day in range(1, 13):  # twelve old daily backups
        (folder / f"daily-202401{day:02d}-080000.sqlite3").write_bytes(b"old")
    (folder / "unrelated-20240101-080000.sqlite3").write_bytes(b"other database's backup")
    opened = open_database(path)
    close_database(opened)
    kept = backup.list_backups(path)
    assert len(kept) == backup.KEEP
    assert opened.daily_backup == kept[-1]
    assert opened.daily_backup.name.startswith(f"daily-n000001-{dt.date.today():%Y%m%d}-")
    assert (folder / "unrelated-20240101-080000.sqlite3").exists()
    assert sqlite3.connect(kept[-1]).execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    again = open_database(path)
    close_database(again)
    assert again.daily_backup is None
    assert len(backup.list_backups(path)) == backup.KEEP


def test_backup_and_restore_keep_the_replaced_file(tmp_path):
    path = tmp_path / "r.sqlite3"
    opened = open_database(path)
    models.Event(unit="before", title="t").save()
    saved = backup.backup_now(opened.db.connection(), path)
    models.Event(unit="after", title="t").save()
    close_database(opened)
    kept = backup.restore(saved, path)
    assert kept.exists() and kept != path
    opened = open_database(path)
    try:
        assert [e.unit for e in models.Event.select()] == ["before"]
    finally:
        close_database(opened)
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM event").fetchone()[0] == 2


def test_instance_lock_is_exclusive(tmp_path):
    path = tmp_path / "locked.sqlite3"
    first = InstanceLock(path)
    first.acquire()
    second = InstanceLock(path)
    with pytest.raises(DatabaseRefused) as err:
        second.acquire()
    assert err.value.kind == DatabaseRefused.LOCKED
    first.release()
    second.acquire()
    second.release()
