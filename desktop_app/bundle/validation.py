"""A bundle's payload checked before anything is merged: its shape, every value against its field, then every
row as a person's entry or an import is (``bundle_checks``); blobs decoded to bytes."""

from __future__ import annotations

import base64
import datetime as dt
import logging

from peewee import (
    BlobField,
    BooleanField,
    FloatField,
    ForeignKeyField,
    IntegerField,
)

from db import migrations

from .. import bundle_checks
from ..errors import UserError
from .container import DAMAGED, FORMAT, NEWER_VERSION
from .rows import BY_TABLE, MATCH_FIELD, _fields

log = logging.getLogger(__name__)

def _valid(f, value) -> bool:
    if value is None:
        return f.null
    if isinstance(f, ForeignKeyField):
        return isinstance(value, str)
    if isinstance(f, BlobField):
        return isinstance(value, bytes)
    if isinstance(f, BooleanField):
        return isinstance(value, bool)
    if isinstance(f, IntegerField):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(f, FloatField):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)


def checked(payload, path: str) -> dict:
    """Check the payload's shape (every value against its field); decode blobs to bytes."""

    def damaged(detail: str):
        return UserError(DAMAGED, path=path, detail=detail)

    def newer(detail: str):
        return UserError(NEWER_VERSION, path=path, detail=detail)

    if not isinstance(payload, dict):
        raise damaged("not an object")
    fmt = payload.get("format")
    if not isinstance(fmt, int) or fmt < 1:
        raise damaged("format")
    if fmt > FORMAT:
        raise newer(f"bundle format {fmt} > {FORMAT}")
    schema = payload.get("schema", 0)
    if isinstance(schema, int) and schema > migrations.data_version():
        raise newer(f"schema {schema} > {migrations.data_version()}")
    for name in ("bundle_id", "exported_at", "device_id", "event_uuid"):
        if not isinstance(payload.get(name), str) or not payload[name]:
            raise damaged(name)
    try:
        dt.datetime.fromisoformat(payload["exported_at"])
    except ValueError:
        raise damaged("exported_at") from None
    base_from = payload.setdefault("base_from", {})
    settings = payload.setdefault("settings", {})
    sent_before = payload.setdefault("sent_before", [])
    if not isinstance(sent_before, list) or not all(isinstance(i, str) for i in sent_before):
        raise damaged("sent_before")
    tables = payload.get("tables")
    for name, value in (("base_from", base_from), ("settings", settings)):
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in value.items()):
            raise damaged(name)
    if not isinstance(tables, dict):
        raise damaged("tables")
    for table, rows in tables.items():
        _check_table(table, rows, payload["event_uuid"], damaged, newer)
    log_entries = payload.get("checkin_log")
    if log_entries is not None:
        from . import log

        log.checked(log_entries, path)  # (received as they are: ``log.receive`` reads them again)
    offsets = payload.setdefault("clock_offsets", {})
    if not isinstance(offsets, dict) or not all(isinstance(k, str) and isinstance(v, int | float)
                                                and not isinstance(v, bool) for k, v in offsets.items()):
        raise damaged("clock_offsets")
    events = tables.get("event", [])
    if len(events) != 1 or events[0]["uuid"] != payload["event_uuid"]:
        raise damaged("event")
    try:
        bundle_checks.check_rows(tables)
    except bundle_checks.RowRefused as exc:
        raise bundle_checks.refusal(exc, path, DAMAGED) from None
    return payload


def _check_table(table: str, rows, event_uuid: str, damaged, newer) -> None:
    """Every value of one table's rows against its field; blobs decoded to bytes."""
    model = BY_TABLE.get(table)
    if model is None:
        raise newer(f"table {table}")
    if not isinstance(rows, list):
        raise damaged(table)
    known = {f.name: f for f in _fields(model)}
    keys: set[str] = set()
    uuids: set[str] = set()
    for row in rows:
        if not isinstance(row, dict):
            raise damaged(table)
        unknown = set(row) - set(known)
        if unknown:
            raise newer(f"{table}.{sorted(unknown)[0]}")
        for name, value in row.items():
            f = known[name]
            if isinstance(f, BlobField) and isinstance(value, str):
                try:
                    row[name] = value = base64.b64decode(value, validate=True)
                except ValueError:
                    raise damaged(f"{table}.{name}") from None
            if not _valid(f, value):
                raise damaged(f"{table}.{name}")
        match = MATCH_FIELD.get(table, "uuid")
        if not row.get("uuid") or not row.get(match) or row[match] in keys or row["uuid"] in uuids:
            raise damaged(f"{table}.{match}")
        if "event" in known and table != "event" and row.get("event") != event_uuid:
            raise damaged(f"{table}.event")
        keys.add(row[match])
        uuids.add(row["uuid"])


def checked_rows(table: str, rows: list[dict], event_uuid: str, path: str) -> list[dict]:
    """Rows of one table that came by another way than a whole bundle (a walk-in's row in the check-in log),
    checked as a bundle's are."""
    _check_table(table, rows, event_uuid, lambda detail: UserError(DAMAGED, path=path, detail=detail),
                 lambda detail: UserError(NEWER_VERSION, path=path, detail=detail))
    try:
        for row in rows:  # each on its own: two devices' registrations of one walk-in are one person later
            bundle_checks.check_rows({table: [row]})
    except bundle_checks.RowRefused as exc:
        raise bundle_checks.refusal(exc, path, DAMAGED) from None
    return rows
