"""Issue 17, attacked: full disks and damaged files, forged bundles, impossible ID numbers and phones, the log."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db import backup
from db.connection import close_database, open_database
from db.errors import DatabaseRefused
from desktop_app.domain import idcard, phones
from desktop_app.errors import UserError
from desktop_app.logs import redact
from desktop_app.workspace import open_workspace

from .conftest import FIXTURES
from .test_db import corrupt_copy, damaged_with_a_backup, digest

# -- ID numbers and phones --------------------------------------------------------------------------------------


@pytest.mark.parametrize("area", ["000000", "990000", "160000", "240000", "380000", "470000", "550000", "660000",
                                  "720000", "910000"])
def test_id_with_an_impossible_province_is_refused(area):
    number = idcard.make(area, dt.date(1980, 1, 1), 123)
    assert idcard.parse(number) == idcard.BAD_PROVINCE


@pytest.mark.parametrize("area", ["110101", "150102", "210102", "230102", "310101", "370102", "410102", "460105",
                                  "500101", "540102", "610102", "650102", "710000", "810000", "820000", "640422"])
def test_id_with_a_real_province_is_accepted(area):
    assert isinstance(idcard.parse(idcard.make(area, dt.date(1980, 1, 1), 123)), idcard.IdInfo)


def test_id_birth_date_not_in_the_future_nor_before_1900():
    today = dt.date(2026, 6, 1)
    assert idcard.parse(idcard.make("640422", dt.date(2026, 6, 2), 11), today=today) == idcard.FUTURE_BIRTH
    assert isinstance(idcard.parse(idcard.make("640422", dt.date(2026, 6, 1), 11), today=today), idcard.IdInfo)
    future = dt.date.today() + dt.timedelta(days=400)
    assert idcard.parse(idcard.make("640422", future, 11)) == idcard.FUTURE_BIRTH
    assert idcard.parse(idcard.make("640422", dt.date(1899, 12, 31), 11)) == idcard.BAD_DATE


def test_id_digits_are_ascii_only():
    number = idcard.make("640422", dt.date(1980, 1, 1), 123)
    arabic = number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert idcard.parse(arabic) == idcard.BAD_CHARS


@pytest.mark.parametrize("prefix", [140, 141, 142, 143, 144, 146, 148, 154, 160, 163, 164, 168, 169, 174, 179, 194])
def test_mobile_with_an_unassigned_prefix_is_refused(prefix):
    assert phones.parse(f"{prefix}12345678") == phones.BAD_PHONE


@pytest.mark.parametrize("text, number", [("13812345678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
                                          ("0086 199 1234 5678", "19912345678"), ("15912345678", "15912345678")])
def test_assigned_mobiles_are_accepted_and_normalised(text, number):
    assert phones.parse(text) == phones.Phone(number, True)


@pytest.mark.parametrize("text", ["010-1234567", "021-1234567", "0101234567", "029 1234567", "0954-301811",
                                  "0954-301811899"])
def test_landline_of_the_wrong_length_for_its_area_is_refused(text):
    assert phones.parse(text) == phones.BAD_PHONE


@pytest.mark.parametrize("text, number", [("010-12345678", "010-12345678"), ("02112345678", "021-12345678"),
                                          ("0954-3018118", "0954-3018118"), ("(0755) 1234 5678", "0755-12345678")])
def test_landlines_keep_the_projects_form(text, number):
    assert phones.parse(text) == phones.Phone(number, False)


def test_phone_digits_are_ascii_only():
    assert phones.parse("١٣٨١٢٣٤٥٦٧٨") == phones.BAD_PHONE


def test_demo_people_pass_the_stricter_checks(workspace):
    from db import models
    from desktop_app import demo

    demo.create_demo_event()
    people = list(models.Invitee.select())
    assert people
    assert not [p.phone for p in people if isinstance(phones.parse(p.phone), phones.PhoneError)]
    assert not [p.id_number for p in people if isinstance(idcard.parse(p.id_number), idcard.IdError)]


# -- the log ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("ID110101198001011232", "ID<id-number>"),
    ("138.1234.5678", "<phone>"),
    ("640422 19741021 4513", "<id-number>"),
    ("id=640422-19741021-451X;", "id=<id-number>;"),
    ("tel13812345678", "tel<phone>"),
    ("call 138 1234 5678 now", "call <phone> now"),
    ("0954.3018118", "<phone>"),
])
def test_redact_catches_numbers_people_write(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["order 12345678901234567890", "2026-06-01 10:00:00", "v1.2.3", "bundle 1a2b3c4d"])
def test_redact_leaves_other_numbers(text):
    assert redact(text) == text


# -- storage errors are storage errors ------------------------------------------------------------------------



def full_disk_error() -> sqlite3.OperationalError:
    """A real SQLITE_FULL, from a database that may not grow."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA max_page_count = 2")
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    except sqlite3.OperationalError as exc:
        assert exc.sqlite_errorname == "SQLITE_FULL"
        return exc
    finally:
        conn.close()
    raise AssertionError("no SQLITE_FULL")


def companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def fixture_copy(tmp_path: Path, name="v1.sqlite3", *, current: bool = True) -> Path:
    """The v1 fixture as the app leaves a file it has used: in WAL mode, no companions; with ``current``, at the
    current schema version, so that opening it makes no pre-migration backup."""
    path = tmp_path / name
    shutil.copy(FIXTURES / "v1.sqlite3", path)
    if current:
        from peewee import SqliteDatabase

        from db import migrations

        db = SqliteDatabase(str(path))
        migrations.migrate(db, None)  # no file given: no backup
        db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert companions(path) == []
    return path


def test_injected_sqlite_full_on_open_is_no_space_not_damage(tmp_path, monkeypatch):
    import db.connection

    path = fixture_copy(tmp_path)
    before = digest(path)

    def full(*a, **k):
        raise full_disk_error()

    monkeypatch.setattr(db.connection.migrations, "migrate", full)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.NO_SPACE and err.value.storage
    assert digest(path) == before and companions(path) == []
    with pytest.raises(UserError) as user:
        open_workspace(path)
    text = str(user.value)
    assert "已损坏" not in text and "damaged" not in text.replace("not damaged", "")
    assert str(path) in text and ("KB" in text or "MB" in text)  # how much space is needed


def test_cli_reports_sqlite_full_as_a_full_disk(tmp_path, monkeypatch, capsys):
    import db.connection
    from desktop_app import cli

    path = fixture_copy(tmp_path)
    monkeypatch.setattr(db.connection.migrations, "migrate",
                        lambda *a, **k: (_ for _ in ()).throw(full_disk_error()))
    assert cli.main(["events", "--db", str(path), "--json"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "已损坏" not in err[0] and "Traceback" not in err[0] and str(path) in err[0]


def test_sqlite_full_mid_command_is_a_storage_refusal(tmp_path, monkeypatch, capsys):
    from desktop_app import cli
    from desktop_app.services import events

    path = fixture_copy(tmp_path)
    monkeypatch.setattr(events, "list_events", lambda *a, **k: (_ for _ in ()).throw(full_disk_error()))
    assert cli.main(["events", "--db", str(path), "--json"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" not in err and "意外" not in err and "unexpected" not in err.lower()


@pytest.mark.parametrize("error", ["sqlite", "oserror"])
def test_daily_backup_without_space_opens_the_database(tmp_path, monkeypatch, error):
    import errno

    path = fixture_copy(tmp_path)
    real_backup = backup.backup_now

    def failing(conn, db_path, **kw):
        if error == "oserror":
            raise OSError(errno.ENOSPC, "No space left on device")
        dest_dir = backup.backup_dir(db_path)
        dest_dir.mkdir(exist_ok=True)
        (dest_dir / f"{db_path.stem}-20990101-000000.sqlite3.partial").write_bytes(b"x")  # what it had begun
        raise full_disk_error()

    monkeypatch.setattr(backup, "backup_now", failing)
    ws = open_workspace(path, auto_backup=True)
    try:
        from desktop_app.services import events
        from desktop_app.workspace import backup_warning

        assert [e.unit for e in events.list_events()] == ["西吉县审批服务管理局"]
        assert ws.opened.backup_error and ws.opened.daily_backup is None
        assert str(path) in backup_warning(ws)
    finally:
        ws.close()
    monkeypatch.setattr(backup, "backup_now", real_backup)


def test_a_failed_backup_leaves_no_partial_file(tmp_path, monkeypatch):
    path = fixture_copy(tmp_path)
    opened = open_database(path, auto_backup=False)
    try:
        real_connect = sqlite3.connect

        def small_disk(target, *a, **k):
            conn = real_connect(target, *a, **k)
            if str(target).endswith(".partial"):
                conn.execute("PRAGMA max_page_count = 2")
            return conn

        monkeypatch.setattr(backup.sqlite3, "connect", small_disk)
        with pytest.raises(sqlite3.OperationalError):
            backup.backup_now(opened.db.connection(), path)
    finally:
        monkeypatch.undo()
        close_database(opened)
    assert list(backup.backup_dir(path).iterdir()) == []


@pytest.mark.parametrize("cut", [1, 37, 100])
def test_a_file_cut_short_by_a_few_bytes_is_damaged(tmp_path, cut):
    path = fixture_copy(tmp_path, current=False)  # its last page ends in free space: only the size tells
    data = path.read_bytes()
    path.write_bytes(data[:-cut])
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # SQLite alone does not notice
    conn.close()
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.CORRUPT and "bytes" in err.value.detail
    assert path.stat().st_size == len(data) - cut  # refused, not changed


def test_a_file_with_a_page_more_than_its_header_says_is_damaged(tmp_path):
    path = fixture_copy(tmp_path)
    path.write_bytes(path.read_bytes() + b"\0" * 4096)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert err.value.kind == DatabaseRefused.CORRUPT


def test_a_refused_wal_file_gets_no_companions(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert companions(other) == []
    before = digest(other)
    with pytest.raises(DatabaseRefused) as err:
        open_database(other)
    assert err.value.kind == DatabaseRefused.NOT_OPENDAY
    assert companions(other) == [] and digest(other) == before
    broken = corrupt_copy(tmp_path)
    with pytest.raises(DatabaseRefused):
        open_database(broken)
    assert companions(broken) == []


def test_restore_copies_beside_then_swaps_and_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    opened = open_database(path)
    from db import models

    models.Event(unit="before", title="t").save()
    saved = backup.backup_now(opened.db.connection(), path)
    models.Event(unit="after", title="t").save()
    close_database(opened)
    original = digest(path)
    real_fsync = backup._fsync
    monkeypatch.setattr(backup, "_fsync", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(OSError):
        backup.restore(saved, path)
    assert digest(path) == original  # a copy that failed touched nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "r.sqlite3"]
    synced = []
    monkeypatch.setattr(backup, "_fsync", lambda p, **k: synced.append((Path(p).name, path.exists())) or
                        real_fsync(p, **k))
    kept = backup.restore(saved, path)
    assert synced[0][0].endswith(".partial") and synced[0][1]  # flushed while the original was still in place
    assert digest(kept) == original
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["backups", "r.sqlite3", kept.name])


def test_gui_restore_is_never_the_default_and_names_the_backup_time(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui import app as ui_app

    path = damaged_with_a_backup(tmp_path)
    damaged = digest(path)
    seen = []

    def answer(box):
        seen.append((box.defaultButton() is box.button(QMessageBox.StandardButton.No), box.text()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(ui_app, "ask_restore", answer)
    with pytest.raises(UserError):
        ui_app.open_gui_workspace(path, interactive=True)
    assert seen and seen[0][0]
    assert "2026-01-01 08:00" in seen[0][1]
    assert digest(path) == damaged


def test_gui_restore_on_a_full_disk_keeps_the_damaged_file(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui import app as ui_app

    path = damaged_with_a_backup(tmp_path)
    damaged = digest(path)
    monkeypatch.setattr(ui_app, "ask_restore", lambda box: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(backup, "_fsync", lambda *a, **k: (_ for _ in ()).throw(full_disk_error()))
    with pytest.raises(UserError) as err:
        ui_app.open_gui_workspace(path, interactive=True)
    assert "已损坏" not in str(err.value) or err.value.refusal.kind != "corrupt"
    assert err.value.refusal.storage
    assert digest(path) == damaged
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == ["backups", "broken.sqlite3"]


def test_gui_storage_refusal_offers_no_restore(qapp, tmp_path, monkeypatch):
    import db.connection
    from ui import app as ui_app

    path = fixture_copy(tmp_path, "broken.sqlite3")
    folder = backup.backup_dir(path)
    folder.mkdir()
    shutil.copy(FIXTURES / "v1.sqlite3", folder / f"{path.stem}-20260101-080000.sqlite3")
    asked = []
    monkeypatch.setattr(ui_app, "ask_restore", lambda box: asked.append(box) or 0)
    monkeypatch.setattr(db.connection.migrations, "migrate",
                        lambda *a, **k: (_ for _ in ()).throw(full_disk_error()))
    with pytest.raises(UserError) as err:
        ui_app.open_gui_workspace(path, interactive=True)
    assert not asked and err.value.refusal.kind == DatabaseRefused.NO_SPACE


def test_gui_names_a_failed_daily_backup_and_opens(qapp, tmp_path, monkeypatch):
    from ui import app as ui_app

    path = fixture_copy(tmp_path)
    monkeypatch.setattr(backup, "backup_now", lambda *a, **k: (_ for _ in ()).throw(full_disk_error()))
    warned = []
    monkeypatch.setattr(ui_app.QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    ws = ui_app.open_gui_workspace(path, interactive=True)
    ws.close()
    assert warned and str(path) in warned[0]


# -- the same on a real full disk (a small tmpfs), where the test may mount one --------------------------------


@contextlib.contextmanager
def small_disk(tmp_path: Path, size: int):
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the disk of ``folder`` until about ``leave`` bytes are free."""
    free = shutil.disk_usage(folder).free
    if free > leave:
        (folder / "filler").write_bytes(b"\0" * (free - leave))


@pytest.mark.parametrize("leave", [0, 8 * 1024, 24 * 1024])
def test_full_tmpfs_open_is_no_space_and_leaves_the_file(tmp_path, leave):
    from .conftest import run_cli

    with small_disk(tmp_path, 4 * 1024 * 1024) as disk:
        path = fixture_copy(disk)
        before = digest(path)
        fill(disk, leave)
        with pytest.raises(UserError) as err:
            open_workspace(path, auto_backup=True)
        assert err.value.refusal.kind in (DatabaseRefused.NO_SPACE, DatabaseRefused.CANT_OPEN)
        assert "已损坏" not in str(err.value)
        assert digest(path) == before and companions(path) == []
        result = run_cli("events", "--db", str(path), "--json")
        assert result.returncode == 1 and "已损坏" not in result.stderr and "Traceback" not in result.stderr
        (disk / "filler").unlink()
        ws = open_workspace(path, auto_backup=False)  # with space again, the same file opens with its data
        try:
            from desktop_app.services import events

            assert [e.unit for e in events.list_events()] == ["西吉县审批服务管理局"]
        finally:
            ws.close()


def test_full_tmpfs_daily_backup_fails_and_the_database_opens(tmp_path):
    with small_disk(tmp_path, 4 * 1024 * 1024) as disk:
        path = fixture_copy(disk)
        fill(disk, 160 * 1024)  # room for the -wal and -shm, not for a copy of the file
        assert path.stat().st_size > 160 * 1024
        ws = open_workspace(path, auto_backup=True)
        try:
            from desktop_app.services import events

            assert [e.unit for e in events.list_events()] == ["西吉县审批服务管理局"]
            assert ws.opened.backup_error and ws.opened.daily_backup is None
        finally:
            ws.close()
        assert not [p for p in backup.backup_dir(path).glob("*") if p.name.endswith(".partial")]


# -- bundles are validated like an import ---------------------------------------------------------------------

BUNDLE_PASS = "开放日 venue 2026"


@pytest.fixture(scope="module")
def demo_payload(tmp_path_factory):
    """The held demo event (with a photo) as a bundle's payload, made once in a database of its own."""
    from desktop_app import bundle
    from desktop_app.demo import create_demo_event
    from desktop_app.images import PreparedImage
    from desktop_app.services import photos

    folder = tmp_path_factory.mktemp("bundle_payload")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENDAY_DATA_DIR", str(folder))
        ws = open_workspace(folder / "office.sqlite3")
        try:
            event = create_demo_event(dt.date(2026, 12, 20), held=True)
            photos.add_photo(event.id, PreparedImage(b"\xff\xd8\xff\xe0" + bytes(4000), b"\xff\xd8\xff\xe0", 640,
                                                     480))
            payload = bundle.event_payload(event.id)
        finally:
            ws.close()
    return payload


@pytest.fixture
def fast_scrypt(monkeypatch):
    """Bundles sealed with the smallest n a header may carry (2**14), so each attack costs little."""
    from desktop_app import bundle

    monkeypatch.setattr(bundle.container, "SCRYPT_LOG2_N", 14)


def forged(payload: dict, table: str, index: int, **changes) -> dict:
    import copy

    out = copy.deepcopy(payload)
    out["tables"][table][index].update(changes)
    return out


def sealed_file(tmp_path: Path, payload: dict, name="forged.odbundle") -> Path:
    from desktop_app import bundle

    path = tmp_path / name
    path.write_bytes(bundle.seal(payload, BUNDLE_PASS))
    return path


def refusal_of(path: Path) -> UserError:
    from desktop_app import bundle

    with pytest.raises(UserError) as err:
        bundle.read_bundle(path, BUNDLE_PASS)
    assert err.value.message == bundle.DAMAGED
    return err.value


def same_pass_code(payload: dict) -> dict:
    """The second person with a pass code given the first one's."""
    holders = [i for i, r in enumerate(payload["tables"]["invitee"]) if r["pass_code"]]
    first = payload["tables"]["invitee"][holders[0]]["pass_code"]
    return forged(payload, "invitee", holders[1], pass_code=first)


ATTACKS = {
    "id_not_an_id": ("invitee", "id_number", lambda p: forged(p, "invitee", 0, id_number="NOT-AN-ID")),
    "id_bad_province": ("invitee", "id_number", lambda p: forged(
        p, "invitee", 0, id_number=idcard.make("990000", dt.date(1980, 1, 1), 11))),
    "phone_call_me": ("invitee", "phone", lambda p: forged(p, "invitee", 1, phone="call me")),
    "phone_unassigned": ("invitee", "phone", lambda p: forged(p, "invitee", 1, phone="14012345678")),
    "staff_phone": ("staff", "phone", lambda p: forged(p, "staff", 0, phone="call me")),
    "status_hacked": ("invitee", "status", lambda p: forged(p, "invitee", 2, status="hacked")),
    "suggestion_status": ("suggestion", "status", lambda p: forged(p, "suggestion", 0, status="hacked")),
    "agenda_kind": ("agenda_item", "kind", lambda p: forged(p, "agenda_item", 0, kind="party")),
    "registered_at": ("invitee", "registered_at", lambda p: forged(p, "invitee", 0, registered_at="not a date")),
    "event_date": ("event", "date", lambda p: forged(p, "event", 0, date="garbage-date")),
    "event_forms": ("event", "forms", lambda p: forged(p, "event", 0, forms="{not json")),
    "duplicate_id": ("invitee", "id_number", lambda p: forged(
        p, "invitee", 1, id_number=p["tables"]["invitee"][0]["id_number"])),
    "duplicate_pass_code": ("invitee", "pass_code", same_pass_code),
    "photo_not_jpeg": ("photo", "image", lambda p: forged(p, "photo", 0, image=b"GIF89a" + bytes(100))),
    "photo_too_wide": ("photo", "width", lambda p: forged(p, "photo", 0, width=50000)),
}


def test_the_demo_bundle_passes_the_checks(demo_payload, tmp_path, fast_scrypt):
    from desktop_app import bundle

    opened = bundle.read_bundle(sealed_file(tmp_path, demo_payload), BUNDLE_PASS)
    assert opened.title == demo_payload["tables"]["event"][0]["title"]


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_forged_bundle_is_refused_whole_naming_table_and_field(demo_payload, tmp_path, fast_scrypt, attack):
    table, field, make = ATTACKS[attack]
    error = refusal_of(sealed_file(tmp_path, make(demo_payload)))
    text = str(error)
    assert f"{table} #" in text and f" {field}:" in text, text
    assert "密码正确，但内容无效" in text  # the Chinese message of the refusal


def test_a_forged_bundle_is_refused_by_the_cli_without_a_traceback(demo_payload, tmp_path, fast_scrypt):
    from .conftest import run_cli

    path = sealed_file(tmp_path, forged(demo_payload, "invitee", 0, id_number="NOT-AN-ID"))
    fresh = tmp_path / "fresh.sqlite3"
    result = run_cli("bundle", "merge", "--db", str(fresh), str(path), "--passphrase-env", "BP", "--json",
                     env={"BP": BUNDLE_PASS})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "invitee #1 id_number" in lines[0] and "内容无效" in lines[0]
    assert not fresh.exists()


def test_too_many_photos_are_refused(demo_payload, tmp_path, fast_scrypt):
    import copy

    from desktop_app import images

    payload = copy.deepcopy(demo_payload)
    photo = payload["tables"]["photo"][0]
    payload["tables"]["photo"] = [dict(photo, uuid=f"{n:032x}") for n in range(images.MAX_PHOTOS + 1)]
    error = refusal_of(sealed_file(tmp_path, payload))
    assert "photo #" in str(error)


def test_a_photo_beyond_the_apps_size_is_refused(demo_payload, tmp_path, fast_scrypt):
    from desktop_app import images

    big = b"\xff\xd8\xff\xe0" + bytes(images.MAX_PHOTO_BYTES)  # compresses to little: a small bundle
    path = sealed_file(tmp_path, forged(demo_payload, "photo", 0, image=big))
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "photo #1 image" in str(refusal_of(path))


def test_a_zip_bomb_bundle_is_refused_without_inflating_it(tmp_path, fast_scrypt):
    import tracemalloc
    import zlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from desktop_app import bundle

    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [packer.compress(b'{"format": 2, "pad": "')]
    for _ in range(600):  # 600 MB of spaces
        parts.append(packer.compress(chunk))
    parts.append(packer.compress(b'"}') + packer.flush())
    plain = b"".join(parts)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = bundle.MAGIC + bytes([2, 14, 8, 1]) + salt + nonce
    data = header + AESGCM(bundle.container._derive(BUNDLE_PASS, salt, 14, 8, 1)).encrypt(nonce, plain, header)
    path = tmp_path / "bomb.odbundle"
    path.write_bytes(data)
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    try:
        error = refusal_of(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "inflates beyond" in str(error)
    assert peak < 64 * 1024 * 1024, peak  # the limit (16 MB for a small file) and one step, not 600 MB
    assert bundle.inflate_limit(2 * 1024 * 1024) == 100 * 1024 * 1024
    assert bundle.inflate_limit(100 * 1024 * 1024) == 1024**3


def test_new_bundles_use_scrypt_n_2_17_and_record_it(demo_payload):
    from desktop_app import bundle

    data = bundle.seal(demo_payload, BUNDLE_PASS)
    assert data[len(bundle.MAGIC)] == 2 and tuple(data[len(bundle.MAGIC) + 1:len(bundle.MAGIC) + 4]) == (17, 8, 1)
    assert bundle.unseal(data, BUNDLE_PASS)["event_uuid"] == demo_payload["event_uuid"]


def test_a_format_1_bundle_with_n_2_15_still_reads(demo_payload):
    import json
    import zlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from desktop_app import bundle

    old = dict(demo_payload, format=1)
    text = json.dumps(old, ensure_ascii=False, separators=(",", ":"), default=bundle.container._json_default)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = bundle.MAGIC + bytes([1]) + salt + nonce  # format 1: no parameters in the header
    key = bundle.container._derive(BUNDLE_PASS, salt, 15, 8, 1)
    data = header + AESGCM(key).encrypt(nonce, zlib.compress(text.encode("utf-8")), header)
    assert bundle.unseal(data, BUNDLE_PASS)["event_uuid"] == demo_payload["event_uuid"]


def test_a_header_asking_for_a_huge_scrypt_is_refused_quickly(demo_payload):
    import time

    from desktop_app import bundle

    data = bytearray(bundle.seal(demo_payload, BUNDLE_PASS))
    data[len(bundle.MAGIC) + 1] = 30  # 2**30: 128 GiB of memory
    start = time.perf_counter()
    with pytest.raises(UserError) as err:
        bundle.unseal(bytes(data), BUNDLE_PASS)
    assert err.value.message == bundle.WRONG_PASSPHRASE and time.perf_counter() - start < 1


# -- one text boundary; public documents mask by pattern ---------------------------------------------------------

CONTROL_TEXTS = ("张\x01伟", "李\x08娜", "王\x1b[31m芳", "赵\ufffe敏", "钱\uffff静", "孙\x7f强")


def test_control_characters_never_reach_the_database_or_block_a_document(workspace, tmp_path):
    """A control character typed or pasted into a name, a unit, a note or a suggestion is removed at the one text
    boundary; a row an older version stored with one still writes every roster document."""
    from db import models
    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.domain.text import CONTROL
    from desktop_app.services import feedback, roster, rows, summary
    from desktop_app.services.plan import CATEGORIES

    held = create_demo_event(held=True)
    person = roster.add_invitee(held.id, InviteeDraft(
        name=CONTROL_TEXTS[0], organisation="某\x0c单位", notes="备注\x00", category="企业及群众代表",
        phone="13700004444", id_number=idcard.make("640422", dt.date(1985, 3, 4), 377)))
    stored = models.Invitee.get_by_id(person.id)
    assert (stored.name, stored.organisation, stored.notes) == ("张伟", "某单位", "备注")
    suggestion = feedback.add_suggestion(held.id, content="建议\x1b增加窗口")
    assert models.Suggestion.get_by_id(suggestion.id).content == "建议增加窗口"
    category = rows.add_row(CATEGORIES, held.id, name="新\x07类别", quota=1, public=False)
    assert "\x07" not in models.InviteeCategory.get_by_id(category.id).name
    # Rows stored before the boundary existed: the writers clean them, the package is written.
    ids = [i.id for i in models.Invitee.select(models.Invitee.id).where(models.Invitee.event == held.id)
           .order_by(models.Invitee.id).limit(len(CONTROL_TEXTS))]
    for invitee_id, text in zip(ids, CONTROL_TEXTS, strict=True):
        models.Invitee.update(name=text, organisation=text).where(models.Invitee.id == invitee_id).execute()
    result = package.write_package(summary.package_snapshot(held.id), tmp_path / "usb")
    assert package.verify_package(result.folder).ok
    from openpyxl import load_workbook

    roster_book = load_workbook(result.folder / "04_邀请名单_脱敏.xlsx")
    cells = [str(c.value) for row in roster_book.active.iter_rows() for c in row if c.value is not None]
    assert not any(CONTROL.search(v) for v in cells) and "张伟" in cells


def test_invisible_characters_are_gone_at_the_one_boundary_so_search_and_duplicate_check_see_the_text(
        workspace, tmp_path):
    """U+200B, U+2060, U+FEFF (and every other Cf), U+3000 and NBSP in a name, an ID and a phone: stored as a
    reader sees them; the check-in search finds 王五 both ways; the duplicate check sees the same number."""
    import unicodedata

    from db import models
    from desktop_app.demo import create_demo_event
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.domain.text import INVISIBLE, clean
    from desktop_app.services import checkin, roster

    every_cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert all(INVISIBLE.fullmatch(ch) for ch in every_cf)  # the list in domain/text.py is Unicode's
    assert clean("王\u200b\u200c\u200d\u2060\ufeff\u202e五") == "王五"
    event = create_demo_event()
    number = idcard.make("640422", dt.date(1985, 3, 4), 377)
    person = roster.add_invitee(event.id, InviteeDraft(
        name="\u3000王\u200b五\u00a0", category="企业及群众代表", phone="\ufeff139 0000 7777\u2060",
        id_number=number[:6] + "\u200b" + number[6:]))
    stored = models.Invitee.get_by_id(person.id)
    assert (stored.name, stored.phone, stored.id_number) == ("王五", "13900007777", number)
    index = checkin.search_index(event.id)
    assert person.id in index.find("王五")[0] and person.id in index.find("王\u2060五")[0]
    with pytest.raises(roster.RosterRefused, match="王五"):  # the same phone, typed with a zero-width space
        roster.add_invitee(event.id, InviteeDraft(name="王六", category="企业及群众代表",
                                                  phone="1390000\u200b7777",
                                                  id_number=idcard.make("640422", dt.date(1986, 3, 4), 377)))
    # A name an older version stored with one is still found.
    models.Invitee.update(name="赵\ufeff敏").where(models.Invitee.id == person.id).execute()
    assert person.id in checkin.search_index(event.id).find("赵敏")[0]


@pytest.mark.parametrize("typed", ["ID110101198001011232", "身份证640422 19741021 4513", "手机138.1234.5678",
                                   "电话 138-1234-5678", "+86 13812345678"])
def test_numbers_typed_into_free_text_are_masked_in_public_documents_as_in_the_log(typed):
    from desktop_app.documents.masking import mask_text
    from desktop_app.logs import redact

    assert "<" in redact(typed)
    masked = mask_text(typed)
    number = re.sub(r"\D", "", typed).removeprefix("86")
    assert "****" in masked and number not in re.sub(r"[^\d*]", "", masked), masked


def test_numbers_in_a_unit_reach_no_public_document(workspace, tmp_path):
    """单位 and 职务 with a number in them: masked in the masked roster, the sign-in sheet and the summary."""
    from docx import Document as Docx

    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import roster, summary

    held = create_demo_event(held=True)
    row = roster.add_invitee(held.id, InviteeDraft(
        name="号码丁", organisation="个体户13812345678", position_title="店主640422197410214513",
        category="企业及群众代表", phone="13700005555", id_number=idcard.make("640422", dt.date(1986, 3, 4), 377)))
    roster.set_status([row.id], "confirmed")
    summary.save_implementation(held.id, "联系人电话13912345678。")
    result = package.write_package(summary.package_snapshot(held.id), tmp_path / "usb")
    texts = []
    for path in result.folder.rglob("*.docx"):
        doc = Docx(str(path))
        texts += [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    from openpyxl import load_workbook

    for path in result.folder.rglob("*.xlsx"):
        texts += [str(c.value) for ws in load_workbook(path) for r in ws.iter_rows() for c in r if c.value]
    joined = "\n".join(texts)
    for number in ("13812345678", "640422197410214513", "13912345678"):
        assert number not in joined, number
    assert "个体户138****5678" in joined


def test_a_full_output_disk_is_a_one_line_refusal_and_leaves_nothing(workspace, tmp_path, capfd):
    """Exports onto a full stick: openpyxl's worksheet files go there too now, and lxml reports the full disk in its
    own way (SerialisationError IO_ENOSPC): still the folder's error, with nothing half-written and no traceback."""
    from desktop_app.demo import create_demo_event
    from desktop_app.documents import export
    from desktop_app.services import plan, roster

    held = create_demo_event(held=True)
    with small_disk(tmp_path, 256 * 1024) as disk:
        (disk / "fill").write_bytes(b"\0" * (240 * 1024))
        with pytest.raises(OSError) as failed:
            export.export("roster", plan.snapshot(held.id), plan.doc_fonts(), disk,
                          roster=roster.roster_snapshot(held.id))
        assert export.is_target_error(failed.value, disk)
        assert sorted(p.name for p in disk.iterdir()) == ["fill"]
    assert "Exception ignored" not in capfd.readouterr().err


def test_a_template_export_onto_a_full_disk_leaves_no_partial_file(workspace, tmp_path):
    from desktop_app import templates
    from desktop_app.demo import create_demo_event

    event = create_demo_event()
    with small_disk(tmp_path, 64 * 1024) as disk:
        (disk / "fill").write_bytes(b"\0" * (62 * 1024))
        with pytest.raises(OSError):
            templates.export_template(event.id, disk / "t.json")
        assert sorted(p.name for p in disk.iterdir()) == ["fill"]
