"""The rows of an event in the payload encoding: which tables travel, how a row is written (a foreign key as
the referenced row's ``uuid``, dates in ISO form, blobs as bytes), the event's snapshot and its settings, and
the bookkeeping kept in those settings (what was sent, the bases)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid as uuid_mod
from dataclasses import dataclass

from peewee import (
    ForeignKeyField,
)

from db import migrations, models

from ..services.live import live_event
from .container import FORMAT, _dumps, _loads

log = logging.getLogger(__name__)

KEEP_SENT = 8  # exports remembered as bases (two laptops and a few re-exports)
SENT_IDS = 200  # exports remembered by id only (``sent_before``)

KEY_PREFIX = "bundle."
SEQ_KEY = "bundle.seq"
SENT_INDEX = "bundle.sent"
SENT_PREFIX = "bundle.sent."
MERGED_INDEX = "bundle.merged"
BASE_PREFIX = "bundle.base."
ORIGIN_KEY = "bundle.origin"  # on a device that received the event: the device it came from (the office)
CLOCK_KEY = "bundle.clock_offset_s"  # on such a device: its clock minus the office's, measured at the last merge

SETTINGS_TABLE = "setting"
CHECK_INS = "check_in"  # derived from the check-in log; a bundle of the released version carries these rows
SYNCED: tuple[type[models.SyncedModel], ...] = tuple(m for m in models.ALL_MODELS
                                                      if issubclass(m, models.SyncedModel))
BY_TABLE: dict[str, type[models.SyncedModel]] = {m._meta.table_name: m for m in SYNCED}
STAMPS = frozenset({"uuid", "updated_at", "device_id"})  # travel with a row; not merged as fields
LOCAL_FIELDS = {"check_in": frozenset({"recorded_at"})}  # when this database learnt of the row
MATCH_FIELD = {"check_in": "scan_id"}  # rows matched by this instead of uuid
LABEL_FIELDS = ("name", "title", "topic", "heading", "caption", "task", "text", "speaker_text", "remark",
                "content", "role")
HASH_PREFIX = "sha256:"


# -- rows in the payload encoding ----------------------------------------------------------------------------------


def _table(model) -> str:
    return model._meta.table_name


def _fields(model) -> list:
    """Every field except the integer primary key."""
    return [f for f in model._meta.sorted_fields if not f.primary_key]


def _merged_fields(model) -> list[str]:
    local = LOCAL_FIELDS.get(_table(model), frozenset())
    return [f.name for f in _fields(model) if f.name not in STAMPS and f.name not in local]


def _key(model, row: dict) -> str:
    return row[MATCH_FIELD.get(_table(model), "uuid")]


def _encode(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return value


def _digest(data: bytes) -> str:
    return HASH_PREFIX + hashlib.sha256(data).hexdigest()


def _comparable(model, row: dict) -> dict:
    """The merged fields of a row, a blob as its hash (what a base keeps)."""
    out = {}
    for name in _merged_fields(model):
        if name in row:
            value = row[name]
            out[name] = _digest(value) if isinstance(value, bytes) else value
    return out


def _scope(model, event_id: int):
    """The rows of ``model`` that belong to the event, soft-deleted ones too."""
    if model is models.Event:
        return model.select().where(model.id == event_id)
    if issubclass(model, models.EventOwned):
        return model.select().where(model.event == event_id).order_by(model.id)
    owner = next(f for f in _fields(model) if isinstance(f, ForeignKeyField)
                 and issubclass(f.rel_model, models.EventOwned))
    parent = owner.rel_model
    return model.select().where(owner.in_(parent.select(parent.id).where(parent.event == event_id))).order_by(
        model.id)


@dataclass
class _Snapshot:
    rows: dict[str, dict[str, dict]]  # table -> key -> row (payload encoding, blobs as bytes)
    ids: dict[str, dict[str, int]]  # table -> uuid -> local id


def _event_rows(event_id: int) -> _Snapshot:
    rows: dict[str, dict[str, dict]] = {}
    ids: dict[str, dict[str, int]] = {}
    uuids: dict[str, dict[int, str]] = {}
    for model in SYNCED:
        table = _table(model)
        fields = _fields(model)
        by_key, by_uuid, by_id = {}, {}, {}
        for raw in _scope(model, event_id).dicts():
            row = _encoded(fields, raw, uuids)
            by_key[_key(model, row)] = row
            by_uuid[row["uuid"]] = raw["id"]
            by_id[raw["id"]] = row["uuid"]
        rows[table], ids[table], uuids[table] = by_key, by_uuid, by_id
    return _Snapshot(rows, ids)


def encoded_row(model, row_id: int) -> dict:
    """One row in the payload encoding (a foreign key as the referenced row's uuid)."""
    return _encoded(_fields(model), model.select().where(model.id == row_id).dicts().get(), {})


def _encoded(fields: list, raw: dict, uuids: dict[str, dict[int, str]]) -> dict:
    row = {}
    for f in fields:
        value = raw[f.name]
        if isinstance(f, ForeignKeyField):
            value = None if value is None else _uuid_of(f.rel_model, value, uuids)
        row[f.name] = _encode(value)
    return row


def _uuid_of(model, row_id: int, uuids: dict[str, dict[int, str]]) -> str | None:
    known = uuids.get(_table(model), {})
    if row_id in known:
        return known[row_id]
    found = model.select(model.uuid).where(model.id == row_id).scalar()  # outside the event: kept as it is
    known[row_id] = found
    return found


def _event_settings(event_id: int) -> dict[str, str]:
    S = models.Setting
    query = S.select(S.key, S.value).where((S.event == event_id) & ~S.key.startswith(KEY_PREFIX))
    return {key: value for key, value in query.tuples()}


def _record(event_id: int, key: str):
    S = models.Setting
    value = S.select(S.value).where((S.event == event_id) & (S.key == key)).scalar()
    if value is None:
        return None
    try:
        return _loads(value)
    except ValueError:
        log.warning("bundle bookkeeping %s of event %s is not JSON; ignored", key, event_id)
        return None


def _store(event_id: int, key: str, value) -> None:
    S = models.Setting
    text = _dumps(value)
    updated = S.update(value=text).where((S.event == event_id) & (S.key == key)).execute()
    if not updated:
        S.insert(event=event_id, key=key, value=text).execute()


def _drop(event_id: int, key: str) -> None:
    models.Setting.delete().where((models.Setting.event == event_id) & (models.Setting.key == key)).execute()


def _next_seq(event_id: int) -> int:
    seq = int(_record(event_id, SEQ_KEY) or 0) + 1
    _store(event_id, SEQ_KEY, seq)
    return seq


def _comparable_tables(tables: dict[str, list[dict]]) -> dict[str, dict[str, dict]]:
    out = {}
    for table, rows in tables.items():
        model = BY_TABLE[table]
        out[table] = {_key(model, row): _comparable(model, row) for row in rows}
    return out


# -- export --------------------------------------------------------------------------------------------------------


def event_payload(event_id: int) -> dict:
    """Everything of the event, ready to seal (read on the thread that owns the database)."""
    from .. import __version__

    with models.database.atomic():
        event = live_event(event_id)
        snapshot = _event_rows(event.id)
        settings = _event_settings(event.id)
        merged = _record(event.id, MERGED_INDEX) or {}
        sent = _record(event.id, SENT_INDEX) or []
        own_offset = _record(event.id, CLOCK_KEY)
        from . import log

        entries = log.all_entries(event.id)
        offsets = log.offsets(event.id)
    tables = {table: list(rows.values()) for table, rows in snapshot.rows.items() if table != CHECK_INS}
    return {
        "format": FORMAT,
        "app_version": __version__,
        "schema": migrations.data_version(),  # an app without the latest index step reads it still
        "bundle_id": uuid_mod.uuid4().hex,
        "exported_at": models.utcnow().isoformat(),
        "device_id": models.device_id(),
        "event_uuid": event.uuid,
        "base_from": {device: entry["bundle_id"] for device, entry in merged.items()
                      if isinstance(entry, dict) and entry.get("bundle_id")},
        "sent_before": [entry["bundle_id"] for entry in sent if isinstance(entry, dict) and entry.get("bundle_id")],
        "clock_offset_s": own_offset,
        "clock_offsets": offsets,
        "tables": tables,
        "settings": settings,
        "checkin_log": entries,  # the check-ins travel as the log; ``check_in`` is derived from it
    }


