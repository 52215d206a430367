"""Event bundles: one event carried between the office workstation and the venue laptop in an encrypted file,
and the merge that brings the two copies together again without losing a check-in.

The file (format 2)
    ``b"ODAYBNDL"`` | format version (1 byte) | scrypt log2(n), r, p (1 byte each) | salt (16 bytes) |
    nonce (12 bytes) | AES-256-GCM ciphertext + tag
    The 40 header bytes are the associated data, so a change to any byte of the file fails authentication. The
    key is scrypt(passphrase as UTF-8, salt, n=2**17, r=8, p=1) for a new bundle (128 MiB, as OWASP asks for a
    file that leaves the office); the parameters a header may ask for are bounded (``SCRYPT_LIMITS``). Format 1
    (37 header bytes, no parameters: n=2**15, r=8, p=1) is still read. The passphrase is never stored anywhere.
    The plaintext is zlib-compressed JSON, inflated in steps up to ``inflate_limit`` (50 times the file, at most
    1 GB), so a small file cannot fill the memory::

        {"format": 1, "app_version", "schema", "bundle_id", "exported_at", "device_id", "event_uuid",
         "base_from": {device_id: bundle_id}, "sent_before": [bundle_id, ...],
         "tables": {table: [row, ...]}, "settings": {key: value}}

    ``tables`` holds every synced row of the event, soft-deleted ones too (the event, the tables with an
    ``event`` column, and the survey answers through their response), serialised generically from the peewee
    metadata: every field but the integer primary key; a foreign key as the referenced row's ``uuid`` under the
    field's own name; dates, times and datetimes in ISO form; blobs (photos) in base64. ``settings`` holds the
    event's own settings except this module's bookkeeping (keys starting ``bundle.``).
    Every row is then checked as a person's entry or an import is (``bundle_checks``): one value the app would
    not accept refuses the whole bundle, naming the table, the row, the field and why.

The merge (three-way, per field)
    Rows match by ``uuid``; check-ins match by ``scan_id``. Every field but the stamps (``uuid``, ``updated_at``,
    ``device_id``) and ``CheckIn.recorded_at`` (when *this* database learnt of the check-in) is merged on its own,
    ``deleted`` included, so soft deletes travel. Against the *base*, the version both sides last agreed on:

    * only the bundle changed the field → it is taken; only this database changed it → it is kept;
    * both changed it to different values → a conflict: kept as it is here unless ``choices`` says
      ``"theirs"`` (the GUI lets the user choose per field; the CLI keeps the local value and reports it);
    * no base for the row (the first exchange): a row only in the bundle is added, a row only here is kept, a
      field that differs is a conflict.

    A row whose fields all end up as in the bundle takes the bundle's stamps (``save(touch=False)``); a row
    that mixes both sides is stamped as written here now. A check-in new to this database is inserted with its
    scan time and device and ``recorded_at`` = the merge time. Two devices admitting one person leaves two
    active check-ins; ``checkin.stats`` counts the person once, and ``duplicate_admissions`` reports how many
    people that is. Settings merge the same way as a table of one field, an absent key being the value
    ``None`` (so a setting removed on one side is removed on the other).

The base (kept in the event's ``Setting`` rows, no schema change)
    ``bundle.sent.<bundle_id>``   what this database exported in that bundle (the last ``KEEP_SENT`` exports);
    ``bundle.base.<device_id>``   the rows of the last bundle merged from that device, as received;
    ``bundle.sent`` / ``bundle.merged``  small indexes of both, with a sequence number from ``bundle.seq``.
    A base must be a version both databases derive from. Two kinds are known to be:

    * ``bundle.sent.X`` when the bundle says its database merged X (``base_from``: the last bundle it merged from
      each device), or the bundle is X itself (merging one's own export changes nothing);
    * ``bundle.base.D`` (D's bundle Y merged here) when the bundle's database is the one that exported Y: Y is in
      the bundle's ``sent_before`` (the bundles its database exported earlier) or is the bundle itself. A laptop
      whose database was made again from an older bundle is not that database, so Y is no base for it (using it
      would silently take back what Y brought).

    Of the valid ones the most recent by this database's own sequence is used; none at all means the first
    exchange. No clock is compared. After the merge, ``bundle.base.D`` becomes the bundle's rows as received, so
    a conflict settled in favour of the local value is seen as a local change next time and travels back:
    merging A into B and then B into A leaves both with the same data. Merging the same bundle again changes
    nothing; a bundle that the one already merged from D lists in its ``sent_before`` is older than it (all it
    holds is there already) and is refused, so the user looks for the newest file.

Counts (``MergeReport``)
    Every row of the bundle (settings included) counts once: ``checkins_added`` for a check-in new here,
    otherwise ``added`` (a new row), ``updated`` (a field taken from the bundle) or ``unchanged``. A setting
    removed because the bundle removed it counts as ``updated``. Conflicts are listed apart (a row with a
    conflict and no field taken counts as ``unchanged``).

Everything one merge writes happens in one transaction; a refusal or error writes nothing. Reading and writing
the file (scrypt, IO) touch no database, so the GUI runs them on its worker thread.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import re
import uuid as uuid_mod
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from peewee import (
    BlobField,
    BooleanField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TimeField,
)

from db import migrations, models

from . import bundle_checks, i18n
from .errors import UserError
from .files import fsync_dir
from .i18n import QT_TRANSLATE_NOOP
from .services import audit
from .services.live import live_event
from .services.values import local_time

log = logging.getLogger(__name__)

MAGIC = b"ODAYBNDL"
FORMAT = 2
SALT_BYTES = 16
NONCE_BYTES = 12
HEADER_SIZES = {1: len(MAGIC) + 1 + SALT_BYTES + NONCE_BYTES, 2: len(MAGIC) + 1 + 3 + SALT_BYTES + NONCE_BYTES}
HEADER_BYTES = HEADER_SIZES[FORMAT]
KEY_BYTES = 32
SCRYPT_LOG2_N = 17  # 128 MiB and about a third of a second per try: slow for guessing, bearable for the user
SCRYPT_N = 2**SCRYPT_LOG2_N
SCRYPT_R = 8
SCRYPT_P = 1
FORMAT_1_SCRYPT = (15, 8, 1)  # log2(n), r, p of the bundles of format 1
SCRYPT_LIMITS = ((14, 18), (1, 8), (1, 2))  # what a header may ask for: at most 256 MiB of memory
INFLATE_FACTOR = 50
INFLATE_MAX = 1024**3
INFLATE_MIN = 16 * 1024 * 1024  # a bundle of a few KB (an empty event) is allowed this much anyway
INFLATE_STEP = 4 * 1024 * 1024
MIN_PASSPHRASE = 8
SUFFIX = ".odbundle"
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
SYNCED: tuple[type[models.SyncedModel], ...] = tuple(m for m in models.ALL_MODELS
                                                      if issubclass(m, models.SyncedModel))
BY_TABLE: dict[str, type[models.SyncedModel]] = {m._meta.table_name: m for m in SYNCED}
STAMPS = frozenset({"uuid", "updated_at", "device_id"})  # travel with a row; not merged as fields
LOCAL_FIELDS = {"check_in": frozenset({"recorded_at"})}  # when this database learnt of the row
INSERT_ROWS = 500  # new rows written in one statement: one row at a time, a merge of 20,000 people took seconds
SQL_VARIABLES = 32_000  # SQLite's limit on a statement's values (32,766 since 3.32)
MATCH_FIELD = {"check_in": "scan_id"}  # rows matched by this instead of uuid
LABEL_FIELDS = ("name", "title", "topic", "heading", "caption", "task", "text", "speaker_text", "remark",
                "content", "role")
HASH_PREFIX = "sha256:"

NOT_A_BUNDLE = QT_TRANSLATE_NOOP(
    "core", "{path} is not an Open Day Desk bundle, or it is cut short (a copy that did not finish?). Copy the "
            "file again from the computer that exported it. Nothing was changed.")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "core", "Cannot open {path}: wrong passphrase, or the file was damaged or altered (for example cut short "
            "when copying). Check the passphrase (capitals count); if it is right, copy the file again from the "
            "computer that exported it. Nothing was changed.")
NEWER_VERSION = QT_TRANSLATE_NOOP(
    "core", "{path} was made by a newer version of Open Day Desk ({detail}). Update the app on this computer, "
            "then open the bundle again. Nothing was changed.")
DAMAGED = QT_TRANSLATE_NOOP(
    "core", "{path} opened with the right passphrase but its content is not valid ({detail}). Export the bundle "
            "again on the computer it came from. Nothing was changed.")
SAME_NAME = QT_TRANSLATE_NOOP(
    "core", "The bundle {path} holds the event “{title}”, but a different event of the same name is already "
            "in this database (it is not a copy of the one in the bundle). Nothing was changed. Rename one of "
            "the two events, or open the bundle in another database.")
OLDER_BUNDLE = QT_TRANSLATE_NOOP(
    "core", "{path} is older than a bundle from the same computer that was already merged here (exported "
            "{merged}; this one {exported}), and everything in it is here already. Nothing was changed: merge "
            "the newest bundle from that computer.")
READ_FAILED = QT_TRANSLATE_NOOP(
    "core", "Cannot read the bundle {path}: {error}. Check that the USB stick is plugged in and the file is "
            "there.")
WRITE_FAILED = QT_TRANSLATE_NOOP(
    "core", "Cannot write the bundle {path}: {error}. Choose a folder you can write to (a USB stick may be full "
            "or read-only); nothing was left half-written.")
VERIFY_FAILED = QT_TRANSLATE_NOOP(
    "core", "The bundle {path} was written but does not read back the same: the USB stick may be failing. "
            "Export it again to another stick.")
TOO_SHORT = QT_TRANSLATE_NOOP(
    "core", "The passphrase must have at least {count} characters. A longer one (a short sentence) is safer.")
MISMATCH = QT_TRANSLATE_NOOP("core", "The two passphrases differ. Type the same passphrase twice.")


# -- what the caller gets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleInfo:
    """A bundle that was written."""

    path: Path
    bytes: int
    bundle_id: str
    event_uuid: str
    rows: int
    checkins: int
    photos: int

    def as_json(self) -> dict:
        return {"file": str(self.path), "bytes": self.bytes}


@dataclass(frozen=True)
class Bundle:
    """A decrypted and checked bundle (no database was touched). Blob fields hold bytes."""

    path: Path | None
    payload: dict

    @property
    def event_uuid(self) -> str:
        return self.payload["event_uuid"]

    @property
    def bundle_id(self) -> str:
        return self.payload["bundle_id"]

    @property
    def device_id(self) -> str:
        return self.payload["device_id"]

    @property
    def exported_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.payload["exported_at"])

    @property
    def event(self) -> dict:
        return next(r for r in self.payload["tables"]["event"] if r["uuid"] == self.event_uuid)

    @property
    def title(self) -> str:
        return self.event.get("title", "")

    @property
    def unit(self) -> str:
        return self.event.get("unit", "")

    @property
    def date(self) -> dt.date | None:
        value = self.event.get("date")
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def rows(self, table: str) -> list[dict]:
        return self.payload["tables"].get(table, [])

    def row_count(self) -> int:
        return sum(len(rows) for rows in self.payload["tables"].values()) + len(self.payload["settings"])


@dataclass(frozen=True)
class Conflict:
    """Fields changed on both sides. ``label`` (what the row is: a person's name, a suggestion's topic) and the
    two sides' values are for the screen only; they may be personal data and never reach a log."""

    table: str
    uuid: str
    fields: tuple[str, ...]
    label: str = ""
    mine: dict = field(default_factory=dict)
    theirs: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"table": self.table, "uuid": self.uuid, "fields": list(self.fields)}


@dataclass(frozen=True)
class MergeReport:
    event_uuid: str
    event_id: int | None  # in this database (None in the preview of an event that is not here yet)
    title: str
    created: bool  # the event was not in this database before
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    checkins_added: int
    duplicate_admissions: int
    findings: tuple = ()  # services.reconcile.Finding: what the merge put right or must be checked, in words

    @property
    def changed(self) -> bool:
        return bool(self.created or self.added or self.updated or self.checkins_added)

    def as_json(self) -> dict:
        return {"event": self.event_uuid, "added": self.added, "updated": self.updated,
                "unchanged": self.unchanged, "conflicts": [c.as_json() for c in self.conflicts],
                "checkins_added": self.checkins_added, "duplicate_admissions": self.duplicate_admissions,
                "findings": [f.as_json() for f in self.findings]}


def check_passphrase(passphrase: str, repeat: str | None = None) -> None:
    """Refuse a passphrase for a new bundle that is too short, or typed differently the second time."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(TOO_SHORT, count=MIN_PASSPHRASE)
    if repeat is not None and repeat != passphrase:
        raise UserError(MISMATCH)


def default_file_name(title: str, date: dt.date | None) -> str:
    """``2026-12-20_<title>.odbundle``, without characters a file name cannot hold."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", f"{date.isoformat() if date else '未定日期'}_{title or '开放日'}")
    return stem.strip(" ._")[:100] + SUFFIX


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
            row = {}
            for f in fields:
                value = raw[f.name]
                if isinstance(f, ForeignKeyField):
                    value = None if value is None else _uuid_of(f.rel_model, value, uuids)
                row[f.name] = _encode(value)
            by_key[_key(model, row)] = row
            by_uuid[row["uuid"]] = raw["id"]
            by_id[raw["id"]] = row["uuid"]
        rows[table], ids[table], uuids[table] = by_key, by_uuid, by_id
    return _Snapshot(rows, ids)


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
    from . import __version__

    with models.database.atomic():
        event = live_event(event_id)
        snapshot = _event_rows(event.id)
        settings = _event_settings(event.id)
        merged = _record(event.id, MERGED_INDEX) or {}
        sent = _record(event.id, SENT_INDEX) or []
        own_offset = _record(event.id, CLOCK_KEY)
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
        "tables": {table: list(rows.values()) for table, rows in snapshot.rows.items()},
        "settings": settings,
    }


def _json_default(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot put {type(value).__name__} into a bundle")


# A bundle's JSON holds every row of an event: for 20,000 people one call of the C encoder or decoder held the
# interpreter for a tenth of a second, and the window froze although the work ran on the worker. The two
# helpers below give the same text and values and let the interpreter go between rows.

def _each(value):
    return value  # a Python call at each object decoded: there the interpreter can switch threads


def _loads(text: str):
    """``json.loads(text)``, letting other threads run at each object decoded."""
    return json.loads(text, object_hook=_each)


def _dumps(value, default=None) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)``, written one item at a
    time wherever a container holds containers (a table's rows: one call of the encoder per row)."""
    if isinstance(value, dict) and any(isinstance(v, (dict, list)) for v in value.values()) \
            and all(isinstance(k, str) for k in value):
        return "{" + ",".join(f"{_dumps(k)}:{_dumps(v, default)}" for k, v in value.items()) + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[" + ",".join(_dumps(v, default) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)


def _derive(passphrase: str, salt: bytes, log2_n: int = SCRYPT_LOG2_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    """scrypt through ``hashlib`` (OpenSSL), given the memory it needs (128 · n · r bytes: 128 MiB for the
    parameters of a new bundle; it stops at 32 MiB unless told). It lets other threads run while it works: the
    same derivation through ``cryptography`` held the interpreter, and so froze the window, for a third of a
    second while the worker opened a bundle."""
    import hashlib

    n = 2**log2_n
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * n * r * p + 2**20,
                          dklen=KEY_BYTES)


def seal(payload: dict, passphrase: str) -> bytes:
    """The bundle file's bytes: header, then the compressed JSON encrypted and authenticated with AES-GCM."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    params = (SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    header = MAGIC + bytes([FORMAT, *params]) + salt + nonce
    text = _dumps(payload, _json_default)
    return header + AESGCM(_derive(passphrase, salt, *params)).encrypt(
        nonce, zlib.compress(text.encode("utf-8"), 6), header)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write beside the target, flush to the device, rename into place, read back."""
    temp = path.with_name(f".{path.name}.{uuid_mod.uuid4().hex[:8]}.partial")
    try:
        with open(temp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
        back = path.read_bytes()
    except OSError as exc:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise UserError(WRITE_FAILED, path=str(path), error=exc.strerror or str(exc)) from None
    if hashlib.sha256(back).digest() != hashlib.sha256(data).digest():
        raise UserError(VERIFY_FAILED, path=str(path))


def write_bundle(payload: dict, path: Path | str, passphrase: str) -> int:
    """Seal ``payload`` and write it atomically to ``path``; returns the size. Touches no database (worker)."""
    path = Path(path).expanduser()
    data = seal(payload, passphrase)
    _atomic_write(path, data)
    return len(data)


def record_export(event_id: int, payload: dict, path: Path | str, size: int) -> BundleInfo:
    """After the file is written: remember what was sent (a base for when it comes back), and audit it."""
    tables = payload["tables"]
    with models.database.atomic():
        event = live_event(event_id)
        seq = _next_seq(event.id)
        bundle_id = payload["bundle_id"]
        _store(event.id, SENT_PREFIX + bundle_id, {"bundle_id": bundle_id, "seq": seq,
                                                   "tables": _comparable_tables(tables),
                                                   "settings": payload["settings"]})
        index = [e for e in (_record(event.id, SENT_INDEX) or []) if isinstance(e, dict) and e.get("bundle_id")]
        index.append({"bundle_id": bundle_id, "seq": seq, "exported_at": payload["exported_at"]})
        if len(index) > KEEP_SENT:  # older exports are remembered by id only
            S = models.Setting
            S.delete().where((S.event == event.id) & S.key.in_(
                [SENT_PREFIX + old["bundle_id"] for old in index[:-KEEP_SENT]])).execute()
        _store(event.id, SENT_INDEX, index[-SENT_IDS:])
        rows = sum(len(r) for r in tables.values())
        checkins = len(tables.get("check_in", []))
        photos = len(tables.get("photo", []))
        audit.record("bundle.export", event_id=event.id, target="event", target_uuid=event.uuid,
                     summary=f"bundle {bundle_id[:8]}: {rows} rows ({len(tables.get('invitee', []))} invitees, "
                             f"{checkins} check-ins, {photos} photos), {size} bytes")
    log.info("bundle %s of event %s exported: %d rows, %d bytes", bundle_id[:8], event_id, rows, size)
    return BundleInfo(Path(path), size, bundle_id, payload["event_uuid"], rows, checkins, photos)


def export_bundle(event_id: int, path: Path | str, passphrase: str) -> BundleInfo:
    """Write the event as an encrypted bundle to ``path`` (replacing an older file of that name)."""
    check_passphrase(passphrase)
    payload = event_payload(event_id)
    size = write_bundle(payload, path, passphrase)
    return record_export(event_id, payload, Path(path).expanduser(), size)


# -- reading -------------------------------------------------------------------------------------------------------


def read_bundle(path: Path | str, passphrase: str) -> Bundle:
    """Decrypt and check a bundle file. Touches no database (worker). Raises ``UserError``."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(READ_FAILED, path=str(path), error=exc.strerror or str(exc)) from None
    return Bundle(path, unseal(data, passphrase, path))


def inflate_limit(size: int) -> int:
    """How many bytes a bundle file of ``size`` bytes may inflate to."""
    return min(max(size * INFLATE_FACTOR, INFLATE_MIN), INFLATE_MAX)


def _inflate(data: bytes, limit: int) -> bytes | None:
    """zlib-decompress ``data`` in steps; None when it would grow beyond ``limit`` bytes."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    total = 0
    pending = data
    while True:
        part = inflater.decompress(pending, INFLATE_STEP)
        total += len(part)
        if total > limit:
            return None
        parts.append(part)
        pending = inflater.unconsumed_tail
        if inflater.eof:
            break
        if not pending and not part:
            raise zlib.error("cut short")
    if inflater.unused_data:
        raise zlib.error("data after the end")
    return b"".join(parts)


def unseal(data: bytes, passphrase: str, path: Path | str = "") -> dict:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) <= len(MAGIC) or not data.startswith(MAGIC):
        raise UserError(NOT_A_BUNDLE, path=str(path))
    version = data[len(MAGIC)]
    if version > FORMAT:
        raise UserError(NEWER_VERSION, path=str(path), detail=f"bundle format {version} > {FORMAT}")
    if version < 1 or len(data) < HEADER_SIZES[version]:
        raise UserError(NOT_A_BUNDLE, path=str(path))
    header = data[:HEADER_SIZES[version]]
    start = len(MAGIC) + 1
    if version == 1:
        params = FORMAT_1_SCRYPT
    else:
        params = tuple(header[start:start + 3])
        start += 3
        if not all(low <= value <= high for value, (low, high) in zip(params, SCRYPT_LIMITS, strict=True)):
            raise UserError(WRONG_PASSPHRASE, path=str(path))  # not a header this app writes: altered
    salt = header[start:start + SALT_BYTES]
    nonce = header[start + SALT_BYTES:]
    try:
        plain = AESGCM(_derive(passphrase, salt, *params)).decrypt(nonce, data[len(header):], header)
    except InvalidTag:
        raise UserError(WRONG_PASSPHRASE, path=str(path)) from None
    limit = inflate_limit(len(data))
    try:
        text = _inflate(plain, limit)
        del plain
        if text is None:
            raise UserError(DAMAGED, path=str(path), detail=f"inflates beyond {limit // (1024 * 1024)} MB")
        payload = _loads(text.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UserError(DAMAGED, path=str(path), detail=type(exc).__name__) from None
    return _checked(payload, str(path))


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


def _checked(payload, path: str) -> dict:
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
            if "event" in known and table != "event" and row.get("event") != payload["event_uuid"]:
                raise damaged(f"{table}.event")
            keys.add(row[match])
            uuids.add(row["uuid"])
    events = tables.get("event", [])
    if len(events) != 1 or events[0]["uuid"] != payload["event_uuid"]:
        raise damaged("event")
    try:
        bundle_checks.check_rows(tables)
    except bundle_checks.RowRefused as exc:
        raise bundle_checks.refusal(exc, path, DAMAGED) from None
    return payload


# -- merging -------------------------------------------------------------------------------------------------------


@dataclass
class _Op:
    model: type
    kind: str  # insert | update
    row: dict  # the bundle's row
    fields: tuple[str, ...] = ()  # update: the fields taken
    local_id: int | None = None
    whole: bool = False  # update: the row is now as in the bundle (take its stamps)


@dataclass
class _Plan:
    event_id: int | None
    report: MergeReport
    ops: list[_Op]
    setting_ops: list[tuple[str, str | None]]  # (key, value to set; None removes it)
    remote: dict[str, dict[str, dict]]  # the bundle's rows, comparable (the next base)
    ids: dict[str, dict[str, int]]


def _label(table: str, row: dict | None, find) -> str:
    """What a row is, for the conflict dialog: a name, a title, a topic…; else what it refers to (a check-in:
    its person; a survey answer: its form and question)."""
    if not row:
        return ""
    for name in LABEL_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 40 else text[:39] + "…"
    if row.get("form_no") is not None:
        return f"#{row['form_no']}"
    model = BY_TABLE.get(table)
    parts = []
    for f in _fields(model) if model else ():
        if isinstance(f, ForeignKeyField) and f.name != "event" and row.get(f.name):
            ref_table = _table(f.rel_model)
            found = _label(ref_table, find(ref_table, row[f.name]), find)
            if found:
                parts.append(found)
    return " · ".join(parts)


def _same_name(bundle: Bundle) -> models.Event | None:
    E = models.Event
    event = bundle.event
    date = bundle.date
    same_date = E.date.is_null() if date is None else (E.date == date)
    return (E.select().where(E.alive() & (E.title == event.get("title", ""))
                             & (same_date | (E.unit == event.get("unit", ""))))
            .first())


def _choose_base(event_id: int, payload: dict) -> dict | None:
    """The most recent version both sides are known to share (see the module's docstring)."""
    merged = _record(event_id, MERGED_INDEX) or {}
    sent = _record(event_id, SENT_INDEX) or []
    candidates = []
    theirs = merged.get(payload["device_id"]) if isinstance(merged, dict) else None
    lineage = set(payload["sent_before"]) | {payload["bundle_id"]}
    if isinstance(theirs, dict) and isinstance(theirs.get("seq"), int) and theirs.get("bundle_id") in lineage:
        candidates.append((theirs["seq"], BASE_PREFIX + payload["device_id"]))
    known = set(payload["base_from"].values()) | {payload["bundle_id"]}
    for entry in sent if isinstance(sent, list) else ():
        if isinstance(entry, dict) and entry.get("bundle_id") in known and isinstance(entry.get("seq"), int):
            candidates.append((entry["seq"], SENT_PREFIX + entry["bundle_id"]))
    for _seq, key in sorted(candidates, reverse=True):
        base = _record(event_id, key)
        if isinstance(base, dict) and isinstance(base.get("tables"), dict):
            base.setdefault("settings", {})
            return base
    return None


def _refuse_older(event_id: int, bundle: Bundle) -> None:
    """Refuse a bundle that the one already merged from its device was exported after (by that database's own
    list, not by clocks): everything in it is here already."""
    merged = _record(event_id, MERGED_INDEX) or {}
    latest = merged.get(bundle.device_id) if isinstance(merged, dict) else None
    if not isinstance(latest, dict) or bundle.bundle_id not in (latest.get("sent_before") or []):
        return
    raise UserError(OLDER_BUNDLE, path=str(bundle.path or ""), merged=_local_text(latest.get("exported_at")),
                    exported=_local_text(bundle.payload["exported_at"]))


def _local_text(utc_text) -> str:
    try:
        utc = dt.datetime.fromisoformat(utc_text)
    except (TypeError, ValueError):
        return "?"
    return local_time(utc).strftime("%Y-%m-%d %H:%M")


def _three_way(mine: dict, theirs: dict, base: dict | None) -> tuple[list[str], list[str], list[str]]:
    """(differing, take, conflicting) field names."""
    differing, take, clash = [], [], []
    for name, value in theirs.items():
        if name not in mine or mine[name] == value:
            continue
        differing.append(name)
        if base is None or name not in base:
            clash.append(name)
        elif mine[name] == base[name]:
            take.append(name)
        elif value != base[name]:
            clash.append(name)
    return differing, take, clash


def _plan(bundle: Bundle, choices: dict | None) -> _Plan:
    choices = choices or {}
    payload = bundle.payload
    path = str(bundle.path or "")
    event = models.Event.get_or_none(models.Event.uuid == bundle.event_uuid)
    if event is None:
        if _same_name(bundle) is not None:
            raise UserError(SAME_NAME, path=path, title=bundle.title)
        local = _Snapshot({}, {})
        local_settings: dict[str, str] = {}
        base = None
    else:
        _refuse_older(event.id, bundle)
        local = _event_rows(event.id)
        local_settings = _event_settings(event.id)
        base = _choose_base(event.id, payload)
    remote = _comparable_tables(payload["tables"])
    remote_rows = {table: {row["uuid"]: row for row in rows} for table, rows in payload["tables"].items()}

    def find(table: str, uuid: str) -> dict | None:
        found = remote_rows.get(table, {}).get(uuid)
        if found is None and uuid in local.ids.get(table, {}):
            found = next((r for r in local.rows[table].values() if r["uuid"] == uuid), None)
        return found

    def shown(model, values: dict, names) -> dict:
        out = {}
        for name in names:
            value = values.get(name)
            f = model._meta.fields[name]
            if isinstance(f, ForeignKeyField) and value is not None:
                value = _label(_table(f.rel_model), find(_table(f.rel_model), value), find) or value[:8]
            out[name] = value
        return out

    ops: list[_Op] = []
    conflicts: list[Conflict] = []
    added = updated = unchanged = checkins_added = 0
    checkins: dict[str, dict] = {k: _comparable(models.CheckIn, r) for k, r in local.rows.get("check_in", {}).items()}
    for model in SYNCED:
        table = _table(model)
        mine_rows = local.rows.get(table, {})
        base_rows = base["tables"].get(table, {}) if base else {}
        inserts = []
        for row in payload["tables"].get(table, []):
            key = _key(model, row)
            theirs = remote[table][key]
            if key not in mine_rows:
                inserts.append(row)
                ops.append(_Op(model, "insert", row))
                if model is models.CheckIn:
                    checkins_added += 1
                    checkins[key] = theirs
                else:
                    added += 1
                continue
            mine_row = mine_rows[key]
            mine = _comparable(model, mine_row)
            base_row = base_rows.get(key) if isinstance(base_rows, dict) else None
            differing, take, clash = _three_way(mine, theirs, base_row if isinstance(base_row, dict) else None)
            if clash:
                conflicts.append(Conflict(table, row["uuid"], tuple(clash), _label(table, mine_row, find),
                                          shown(model, mine_row, clash), shown(model, row, clash)))
                take += [name for name in clash if choices.get((table, row["uuid"], name)) == "theirs"]
            if take:
                ops.append(_Op(model, "update", row, tuple(take), local.ids[table][mine_row["uuid"]],
                               whole=set(take) == set(differing)))
                updated += 1
                if model is models.CheckIn:
                    checkins[key] = {**mine, **{name: theirs[name] for name in take}}
            else:
                unchanged += 1
        _check_references(model, payload["tables"].get(table, []), local, remote_rows, path)
        _check_new_keys(model, inserts, path)
    setting_ops = []
    base_settings = base["settings"] if base else None
    for key in sorted(set(local_settings) | set(payload["settings"])):
        mine_value, theirs_value = local_settings.get(key), payload["settings"].get(key)
        if mine_value == theirs_value:
            unchanged += 1
            continue
        if base_settings is None:
            take, clash = mine_value is None, mine_value is not None and theirs_value is not None
        else:
            was = base_settings.get(key)
            take = mine_value == was
            clash = not take and theirs_value != was
        if clash:
            conflicts.append(Conflict(SETTINGS_TABLE, key, ("value",), key, {"value": mine_value},
                                      {"value": theirs_value}))
            take = choices.get((SETTINGS_TABLE, key, "value")) == "theirs"
        if take:
            setting_ops.append((key, theirs_value))
            if mine_value is None:
                added += 1
            else:
                updated += 1
        elif theirs_value is not None:
            unchanged += 1
    report = MergeReport(bundle.event_uuid, event.id if event else None, bundle.title, event is None, added,
                         updated, unchanged, tuple(conflicts), checkins_added, _double(checkins))
    return _Plan(event.id if event else None, report, ops, setting_ops, remote, local.ids)


def _double(checkins: dict[str, dict]) -> int:
    """People with active check-ins from more than one device."""
    devices: dict[str, set[str]] = {}
    for c in checkins.values():
        if not c.get("deleted") and c.get("undone_at") is None:
            devices.setdefault(c.get("invitee"), set()).add(c.get("device", ""))
    return sum(1 for found in devices.values() if len(found) > 1)


def _check_references(model, rows: list[dict], local: _Snapshot, remote_rows: dict, path: str) -> None:
    for f in _fields(model):
        if not isinstance(f, ForeignKeyField):
            continue
        target = _table(f.rel_model)
        for row in rows:
            value = row.get(f.name)
            if value is not None and value not in remote_rows.get(target, {}) and value not in local.ids.get(
                    target, {}):
                raise UserError(DAMAGED, path=path, detail=f"{_table(model)}.{f.name}")


def _check_new_keys(model, rows: list[dict], path: str) -> None:
    """A new row's uuid (or scan id) must not belong to another event's row in this database."""
    names = ["uuid"] + ([MATCH_FIELD[_table(model)]] if _table(model) in MATCH_FIELD else [])
    for name in names:
        column = model._meta.fields[name]
        values = [row[name] for row in rows]
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            if chunk and model.select(model.id).where(column.in_(chunk)).exists():
                raise UserError(DAMAGED, path=path, detail=f"{_table(model)}.{name} elsewhere")


def _db_value(f, value, ids: dict[str, dict[str, int]]):
    if value is None:
        return None
    if isinstance(f, ForeignKeyField):
        return ids[_table(f.rel_model)][value]
    try:
        if isinstance(f, DateTimeField):
            return dt.datetime.fromisoformat(value)
        if isinstance(f, DateField):
            return dt.date.fromisoformat(value)
        if isinstance(f, TimeField):
            return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        return value  # stored as it came (peewee reads such a value back as the same text)
    return value


def _apply(plan: _Plan) -> int:
    """Write the plan; returns the event's id here."""
    now = models.utcnow()
    ids = plan.ids
    event_id = plan.event_id
    batch: list[dict] = []  # new rows of one table with the same fields, written in one statement
    batch_model = None

    def insert_batch() -> None:
        table = _table(batch_model)
        for values in batch:
            for name in LOCAL_FIELDS.get(table, ()):
                values[name] = now
        batch_model.insert_many(batch).execute()
        known, uuid = ids.setdefault(table, {}), batch_model.uuid
        uuids = [values["uuid"] for values in batch]
        for start in range(0, len(uuids), INSERT_ROWS):  # the new rows' ids, for the rows that refer to them
            chunk = uuids[start:start + INSERT_ROWS]
            known.update(batch_model.select(uuid, batch_model.id).where(uuid.in_(chunk)).tuples())
        batch.clear()

    for op in plan.ops:
        model = op.model
        if batch and (model is not batch_model or op.kind != "insert"):
            insert_batch()  # the rows written so far may be referred to from here on
        if op.kind == "insert":
            values = {name: _db_value(model._meta.fields[name], value, ids) for name, value in op.row.items()}
            if batch and (values.keys() != batch[0].keys()
                          or len(batch) >= min(INSERT_ROWS, SQL_VARIABLES // (len(values) + 1))):
                insert_batch()
            batch_model = model
            batch.append(values)
            if model is models.Event:  # the event first: its rows refer to it
                insert_batch()
                event_id = ids["event"][op.row["uuid"]]
            continue
        values = {model._meta.fields[name]: _db_value(model._meta.fields[name], op.row[name], ids)
                  for name in op.fields}
        if op.whole and "updated_at" in op.row:
            values[model.updated_at] = _db_value(model.updated_at, op.row["updated_at"], ids)
            values[model.device_id] = op.row.get("device_id", "")
        else:
            values[model.updated_at] = now
            values[model.device_id] = models.device_id()
        model.update(values).where(model.id == op.local_id).execute()
    if batch:
        insert_batch()
    S = models.Setting
    for key, value in plan.setting_ops:
        where = (S.event == event_id) & (S.key == key)
        if value is None:
            S.delete().where(where).execute()
        elif not S.update(value=value).where(where).execute():
            S.insert(event=event_id, key=key, value=value).execute()
    return event_id


CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    "core", "This computer's clock is at least {offset} behind the office's (the bundle was written later than "
    "this computer's time now). Set the date and time right before checking people in.")
CLOCK_OFF = QT_TRANSLATE_NOOP(
    "core", "The clock of device {device} was {offset} {direction} this computer's; its {count} check-ins were "
    "placed by this computer's time.")
AHEAD_OF = QT_TRANSLATE_NOOP("core", "ahead of")
BEHIND = QT_TRANSLATE_NOOP("core", "behind")
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class _Clock:
    findings: tuple
    own: int | None  # this device's offset to store (0: clear it), None: leave it


def _span(seconds: float) -> str:
    seconds = abs(int(seconds))
    if seconds >= DAY.total_seconds():
        return i18n.text(QT_TRANSLATE_NOOP("core", "{count} days"), count=round(seconds / DAY.total_seconds()))
    if seconds >= 3600:
        return i18n.text(QT_TRANSLATE_NOOP("core", "{count} hours"), count=round(seconds / 3600))
    return i18n.text(QT_TRANSLATE_NOOP("core", "{count} minutes"), count=max(1, round(seconds / 60)))


def _correction(offset_s: float) -> dt.timedelta:
    """What to take off a device's times whose clock was ``offset_s`` ahead (negative: behind), measured across
    a bundle's journey (which makes it look smaller). Half a day and more is a wrong date, with the time of day
    right: whole days, rounded away from zero."""
    if abs(offset_s) < DAY.total_seconds() / 2:
        return dt.timedelta(seconds=offset_s)
    days = -(-abs(offset_s) // DAY.total_seconds())
    return DAY * days * (1 if offset_s > 0 else -1)


def _clock(plan: _Plan, bundle: Bundle) -> _Clock:
    """Clocks that disagree by more than ``CLOCK_SLACK``. The office (where the event was made) is the reference:
    there, a device whose bundle was written "in the future", or which measured its own clock behind, is named
    and its check-ins are placed by the office's time (rewritten in the plan, before it is applied); on a device
    that received the event, a bundle from the future means this computer's clock is behind (stored, and sent
    with the next bundle)."""
    from .services.reconcile import CLOCK_SLACK, Finding

    ahead = (bundle.exported_at - models.utcnow()).total_seconds()  # the sender's lead, at least
    slack = CLOCK_SLACK.total_seconds()
    received = plan.report.created or (plan.event_id is not None and _record(plan.event_id, ORIGIN_KEY))
    if received:
        if ahead <= slack:
            return _Clock((), 0)
        return _Clock((Finding("clock_offset", i18n.text(CLOCK_BEHIND, offset=_span(ahead)), device=models.device_id(),
                               offset_s=-round(ahead)),), -round(ahead))
    declared = bundle.payload.get("clock_offset_s")
    offset = ahead if ahead > slack else (declared if isinstance(declared, int) and abs(declared) > slack else 0)
    if not offset:
        return _Clock((), None)
    shift = _correction(offset)
    moved = 0
    for op in plan.ops:
        if op.model is models.CheckIn and op.kind == "insert" and op.row.get("device") == bundle.device_id:
            for name in ("scanned_at", "undone_at"):
                if op.row.get(name):
                    op.row[name] = (dt.datetime.fromisoformat(op.row[name]) - shift).isoformat()
            moved += 1
    message = i18n.text(CLOCK_OFF, device=bundle.device_id[:8], offset=_span(offset), count=moved,
                        direction=i18n.text(AHEAD_OF if offset > 0 else BEHIND))
    return _Clock((Finding("clock_offset", message, device=bundle.device_id, offset_s=round(offset)),), None)


def preview_merge(bundle: Bundle, *, choices: dict | None = None) -> MergeReport:
    """What ``merge_bundle`` would do (conflicts with both sides' values), writing nothing."""
    with models.database.atomic():
        return _plan(bundle, choices).report


def merge_bundle(bundle: Bundle, *, choices: dict | None = None) -> MergeReport:
    """Merge the bundle into this database in one transaction; a refusal (``UserError``) writes nothing.

    ``choices`` maps (table, uuid, field) to ``"mine"`` or ``"theirs"`` for conflicting fields; by default a
    conflict keeps the local value (it then travels back with the next bundle)."""
    from .services import reconcile

    with models.database.atomic():
        plan = _plan(bundle, choices)
        clock = _clock(plan, bundle)
        event_id = _apply(plan)
        if plan.report.created:
            _store(event_id, ORIGIN_KEY, bundle.device_id)
        if clock.own is not None:
            _store(event_id, CLOCK_KEY, clock.own) if clock.own else _drop(event_id, CLOCK_KEY)
        findings = (*clock.findings, *reconcile.reconcile(event_id))
        doubles = sum(1 for f in findings if f.kind == "duplicate_admission")  # after the walk-ins were joined
        merged = _record(event_id, MERGED_INDEX) or {}
        if not isinstance(merged, dict):
            merged = {}
        previous = merged.get(bundle.device_id)
        if not (isinstance(previous, dict) and previous.get("bundle_id") == bundle.bundle_id):
            seq = _next_seq(event_id)
            _store(event_id, BASE_PREFIX + bundle.device_id, {"bundle_id": bundle.bundle_id, "seq": seq,
                                                               "tables": plan.remote,
                                                               "settings": bundle.payload["settings"]})
            merged[bundle.device_id] = {"bundle_id": bundle.bundle_id, "seq": seq,
                                        "exported_at": bundle.payload["exported_at"],
                                        "sent_before": bundle.payload["sent_before"][-SENT_IDS:]}
            _store(event_id, MERGED_INDEX, merged)
        r = plan.report
        audit.record("bundle.merge", event_id=event_id, target="event", target_uuid=bundle.event_uuid,
                     summary=f"bundle {bundle.bundle_id[:8]} from device {bundle.device_id[:8]}"
                             f"{' (new event)' if r.created else ''}: added {r.added}, updated {r.updated}, "
                             f"unchanged {r.unchanged}, conflicts {len(r.conflicts)}, check-ins added "
                             f"{r.checkins_added}, duplicate admissions {doubles}")
    log.info("bundle %s merged into event %s: +%d ~%d =%d !%d, %d check-ins, findings %s", bundle.bundle_id[:8],
             event_id, r.added, r.updated, r.unchanged, len(r.conflicts), r.checkins_added,
             sorted({f.kind for f in findings}))
    return replace(r, event_id=event_id, findings=findings, duplicate_admissions=doubles)


def double_admissions(event_id: int) -> list[int]:
    """The invitees (ids) with active check-ins from more than one device: admitted twice, counted once."""
    C = models.CheckIn
    query = (C.select(C.invitee).where((C.event == event_id) & C.alive() & C.undone_at.is_null())
             .group_by(C.invitee).having(models.fn.COUNT(C.device.distinct()) > 1).order_by(C.invitee))
    return [row[0] for row in query.tuples()]
