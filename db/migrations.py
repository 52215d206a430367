"""Numbered schema steps on ``PRAGMA user_version``; each runs in one transaction, the file backed up first.

A released schema is never edited: change it with a new step, and add ``tests/fixtures/v<N>.sqlite3``
made by the release before it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from . import backup

# ``PRAGMA application_id`` of an Open Day Desk database ("ODAY").
APPLICATION_ID = 0x4F444159


def _split_sql(script: str) -> list[str]:
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _step_1(db: SqliteDatabase) -> None:
    """The first released schema: every table of ARCHITECTURE.md."""
    from importlib import resources  # only when a new database is made

    script = resources.files("db").joinpath("schema_v1.sql").read_text(encoding="utf-8")
    for statement in _split_sql(script):
        db.execute_sql(statement)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _step_2(db: SqliteDatabase) -> None:
    """The roster's counts per category and status from an index (``models.Invitee.Meta.indexes``)."""
    db.execute_sql('CREATE INDEX IF NOT EXISTS "invitee_event_id_deleted_category_id_status" '
                   'ON "invitee" ("event_id", "deleted", "category_id", "status")')


def _step_3(db: SqliteDatabase) -> None:
    """The district role: the units expected to report and the packages received from them."""
    db.execute_sql('CREATE TABLE IF NOT EXISTS "district_unit" ("id" INTEGER NOT NULL PRIMARY KEY, '
                   '"name" VARCHAR(255) NOT NULL, "expected" INTEGER NOT NULL, "position" INTEGER NOT NULL, '
                   '"fingerprint" VARCHAR(255) NOT NULL, "trusted_at" DATETIME)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "district_unit_name" ON "district_unit" ("name")')
    db.execute_sql('CREATE TABLE IF NOT EXISTS "unit_package" ("id" INTEGER NOT NULL PRIMARY KEY, '
                   '"unit_id" INTEGER NOT NULL, "event_uuid" VARCHAR(255) NOT NULL, '
                   '"event_title" VARCHAR(255) NOT NULL, "event_date" DATE, "created_at" VARCHAR(255) NOT NULL, '
                   '"signer" VARCHAR(255) NOT NULL, "record" TEXT NOT NULL, "source" TEXT NOT NULL, '
                   '"received_at" DATETIME NOT NULL, "replaced_by" INTEGER, '
                   'FOREIGN KEY ("unit_id") REFERENCES "district_unit" ("id") ON DELETE CASCADE)')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "unit_package_unit_id" ON "unit_package" ("unit_id")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "unit_package_event_uuid" ON "unit_package" ("event_uuid")')


def _step_4(db: SqliteDatabase) -> None:
    """The check-in log (``checkin_entry``), and the venue hub's paired devices and pairing codes. The check-ins
    made so far become entries of the log (sequence 0, the id they had), an undone one with its undo. A walk-in
    registered twice names the person kept (``invitee.merged_into``), so every device follows it."""
    db.execute_sql('CREATE TABLE IF NOT EXISTS "checkin_entry" ("id" INTEGER NOT NULL PRIMARY KEY, '
                   '"uuid" VARCHAR(32) NOT NULL, "event_id" INTEGER NOT NULL, "device" VARCHAR(64) NOT NULL, '
                   '"seq" INTEGER NOT NULL, "hlc" VARCHAR(40) NOT NULL, "wall_at" DATETIME NOT NULL, '
                   '"kind" VARCHAR(16) NOT NULL, "invitee" VARCHAR(32) NOT NULL, "target" VARCHAR(32) NOT NULL, '
                   '"reason" TEXT NOT NULL, "operator" VARCHAR(255) NOT NULL, "person" TEXT NOT NULL, '
                   '"received_at" DATETIME NOT NULL, '
                   'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "checkinentry_uuid" ON "checkin_entry" ("uuid")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "checkinentry_event_id_device_seq" '
                   'ON "checkin_entry" ("event_id", "device", "seq")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "checkinentry_event_id_hlc" ON "checkin_entry" ("event_id", "hlc")')
    db.execute_sql('CREATE TABLE IF NOT EXISTS "hub_device" ("id" INTEGER NOT NULL PRIMARY KEY, '
                   '"event_id" INTEGER NOT NULL, "device" VARCHAR(64) NOT NULL, "name" VARCHAR(255) NOT NULL, '
                   '"credential" VARCHAR(64) NOT NULL, "paired_at" DATETIME NOT NULL, "last_seen" DATETIME, '
                   '"clock_offset_s" REAL, "entries" INTEGER NOT NULL, "revoked_at" DATETIME, '
                   'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "hubdevice_event_id_device" ON "hub_device" ("event_id", "device")')
    db.execute_sql('CREATE TABLE IF NOT EXISTS "pairing_code" ("id" INTEGER NOT NULL PRIMARY KEY, '
                   '"event_id" INTEGER NOT NULL, "token" VARCHAR(64) NOT NULL, "created_at" DATETIME NOT NULL, '
                   '"expires_at" DATETIME NOT NULL, "used_at" DATETIME, '
                   'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "pairingcode_token" ON "pairing_code" ("token")')
    db.execute_sql('ALTER TABLE "invitee" ADD COLUMN "merged_into" VARCHAR(32) NOT NULL DEFAULT \'\'')
    from desktop_app.bundle.log import migrate_check_ins  # the one conversion of a check-in into entries

    migrate_check_ins(db)


STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _step_1,
    2: _step_2,
    3: _step_3,
    4: _step_4,
}
# Steps that only add an index: the rows, and so the bundles that carry them, stay as they were.
INDEX_ONLY = frozenset({2})
# Steps that add tables no bundle carries (the district role): a bundle's rows keep their shape.
LOCAL_ONLY = frozenset({3})


def latest_version() -> int:
    return max(STEPS)


def data_version() -> int:
    """The version of the rows' shape (what a bundle states): the latest step that changed a table."""
    return max(v for v in STEPS if v not in INDEX_ONLY | LOCAL_ONLY)


def user_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate(db: SqliteDatabase, db_path: Path | None) -> list[int]:
    """Bring ``db`` to the latest version; returns the steps run.

    A database that already holds data is backed up before the first step. A step that fails is rolled back
    with its version, so the file stays at the last version that completed.
    """
    current = user_version(db)
    pending = [v for v in sorted(STEPS) if v > current]
    if not pending:
        return []
    if current > 0 and db_path is not None:
        backup.backup_now(db.connection(), db_path, label=f"before-v{pending[-1]}")
    for version in pending:
        with db.atomic():
            STEPS[version](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return pending
