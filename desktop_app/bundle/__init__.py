"""Event bundles: one event carried between the office workstation and the venue laptop in an encrypted file,
and the merge that brings the two copies together again without losing a check-in.

The package, one job a module (this module exports, reads and re-exports what the window and the CLI use):
    ``container``   the file: header, scrypt, AES-GCM, the compressed JSON and its bounds (no database);
    ``validation``  the payload checked, every row as an entry would be, before anything is merged;
    ``rows``        the event's rows in the payload encoding, its settings and the bookkeeping kept in them;
    ``merge``       the three-way merge, the device's clock, the report.

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

import datetime as dt
import logging
import re
from pathlib import Path

from db import models

from ..errors import UserError
from ..services import audit
from ..services.live import live_event
from . import container, log, merge, rows, validation
from .container import (  # the file: what the window, the CLI and the tests use of it
    DAMAGED,
    FORMAT,
    HEADER_BYTES,
    KEY_BYTES,
    MAGIC,
    MIN_PASSPHRASE,
    MISMATCH,
    NEWER_VERSION,
    NOT_A_BUNDLE,
    READ_FAILED,
    SUFFIX,
    TOO_SHORT,
    WRITE_FAILED,
    WRONG_PASSPHRASE,
    Bundle,
    BundleInfo,
    _atomic_write,
    check_passphrase,
    inflate_limit,
    open_sealed,
    seal,
)
from .merge import (  # the merge
    OLDER_BUNDLE,
    SAME_NAME,
    Conflict,
    MergeReport,
    double_admissions,
    merge_bundle,
    preview_merge,
)
from .rows import (  # the rows and the bookkeeping
    BY_TABLE,
    CLOCK_KEY,
    HASH_PREFIX,
    KEEP_SENT,
    ORIGIN_KEY,
    SENT_IDS,
    SENT_INDEX,
    SENT_PREFIX,
    _comparable_tables,
    _next_seq,
    _record,
    _scope,
    _store,
    event_payload,
)
from .validation import checked

__all__ = ["BY_TABLE", "CLOCK_KEY", "DAMAGED", "FORMAT", "HASH_PREFIX", "HEADER_BYTES", "KEY_BYTES", "MAGIC",
           "MIN_PASSPHRASE", "MISMATCH", "NEWER_VERSION", "NOT_A_BUNDLE", "OLDER_BUNDLE", "ORIGIN_KEY", "READ_FAILED",
           "SAME_NAME", "SUFFIX", "TOO_SHORT", "WRITE_FAILED", "WRONG_PASSPHRASE", "Bundle", "BundleInfo",
           "Conflict", "MergeReport", "_scope", "check_passphrase", "container", "default_file_name",
           "double_admissions", "event_payload", "export_bundle", "inflate_limit", "log", "merge", "merge_bundle",
           "preview_merge", "read_bundle", "received", "record_export", "rows", "seal", "unseal", "validation", "write_bundle"]

logger = logging.getLogger(__name__)


def default_file_name(title: str, date: dt.date | None) -> str:
    """``2026-12-20_<title>.odbundle``, without characters a file name cannot hold."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", f"{date.isoformat() if date else '未定日期'}_{title or '开放日'}")
    return stem.strip(" ._")[:100] + SUFFIX


def write_bundle(payload: dict, path: Path | str, passphrase: str) -> int:
    """Seal ``payload`` and write it atomically to ``path``; returns the size. Touches no database (worker)."""
    path = Path(path).expanduser()
    data = seal(payload, passphrase)
    _atomic_write(path, data)
    return len(data)


def received(event_id: int) -> bool:
    """Whether this device got the event from another one (the venue laptop), rather than being its office."""
    return _record(event_id, ORIGIN_KEY) is not None


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
        checkins = sum(1 for e in payload.get("checkin_log", ()) if e["kind"] in log.ADMITTING)
        photos = len(tables.get("photo", []))
        audit.record("bundle.export", event_id=event.id, target="event", target_uuid=event.uuid,
                     summary=f"bundle {bundle_id[:8]}: {rows} rows ({len(tables.get('invitee', []))} invitees, "
                             f"{checkins} check-ins, {photos} photos), {size} bytes")
    logger.info("bundle %s of event %s exported: %d rows, %d bytes", bundle_id[:8], event_id, rows, size)
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



def unseal(data: bytes, passphrase: str, path: Path | str = "") -> dict:
    """The checked payload of a bundle file's bytes. Raises ``UserError`` naming the file."""
    return checked(open_sealed(data, passphrase, path), str(path))
