"""The bundle file: its header, the key derived from the passphrase, AES-GCM, the compressed JSON inside
and the bounds that keep a hostile file from exhausting the computer (the format is told in ``desktop_app.bundle``).
Touches no database."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import uuid as uuid_mod
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..files import fsync_dir
from ..i18n import QT_TRANSLATE_NOOP

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
        """Rows, settings and check-ins (the log's admitting entries) carried."""
        admitting = sum(1 for e in self.payload.get("checkin_log", ()) if e.get("kind") != "undo")
        return sum(len(rows) for rows in self.payload["tables"].values()) + len(self.payload["settings"]) + admitting


def check_passphrase(passphrase: str, repeat: str | None = None) -> None:
    """Refuse a passphrase for a new bundle that is too short, or typed differently the second time."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(TOO_SHORT, count=MIN_PASSPHRASE)
    if repeat is not None and repeat != passphrase:
        raise UserError(MISMATCH)


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


def open_sealed(data: bytes, passphrase: str, path: Path | str = "") -> dict:
    """The payload a bundle file holds, decrypted, inflated and parsed, not yet checked (``validation``).
    Raises ``UserError`` naming the file."""
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
    return payload


