"""The filing package's signature and the keys this installation knows.

An Ed25519 key of this installation signs the manifest, so a document removed with its entry, or edited with its
checksum, no longer verifies. The private key stays in the data folder (never in a package or a bundle); the
manifest carries the public key and its fingerprint, which the package's 目录 also prints, so the office can note
it and check a package against it later.

Three files in the data folder (not the database: ``openday verify-package`` reads no database):

- ``package-signing-key.pem``: the private key (readable by this user only).
- ``package-signing-keys.json``: every key this installation made, in order (fingerprint, when, the one it
  replaced, whether a package has printed the change yet). **The rule for a missing key**: when this record names
  a key and the key file is gone, no new key is made silently — the CLI refuses (naming the file and what to do)
  and the window asks first; a new key is then recorded here and in the event's audit log, and the next
  package's 归档目录 prints the change. Only a data folder that never had a key gets one without a question (the
  first package of a new installation). Packages signed by an earlier key of this installation still verify as
  this installation's.
- ``trusted-keys.json``: keys this installation was told to trust, each with a name (a district office trusting
  its departments; a department trusting its earlier installation after a reinstall), added from a public key
  file or from a fingerprint (``openday keys trust``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import NamedTuple

from . import paths
from .errors import UserError
from .files import fsync_dir, fsync_file
from .i18n import QT_TRANSLATE_NOOP

KEY_FILE = "package-signing-key.pem"
HISTORY_FILE = "package-signing-keys.json"
TRUST_FILE = "trusted-keys.json"
ALGORITHM = "Ed25519"

KEY_MISSING = QT_TRANSLATE_NOOP(
    "core", "The package signing key {path} is missing (its fingerprint was {fingerprint}). Restore the file from a "
            "backup of the data folder; if it is lost, make a new key in the window (归档 tab, when writing a "
            "package) or with 'openday keys new': packages will then carry a new fingerprint, which the office must "
            "register again.")
KEY_UNREADABLE = QT_TRANSLATE_NOOP(
    "core", "The package signing key {path} cannot be read ({error}): the file is damaged or is not a key. Restore "
            "it from a backup of the data folder; if it is lost, move the file away and make a new key with "
            "'openday keys new'.")
KEY_EXISTS = QT_TRANSLATE_NOOP("core", "This installation already has its signing key {path} (fingerprint "
                                       "{fingerprint}); no new key was made.")
KEYS_UNREADABLE = QT_TRANSLATE_NOOP("core", "The key list {path} cannot be read ({error}). Restore it from a backup "
                                            "of the data folder, or move it away to start an empty list.")
NOT_A_KEY = QT_TRANSLATE_NOOP("core", "'{value}' is neither a key fingerprint (32 hexadecimal digits, as the "
                                      "package's 归档目录 prints it) nor a public key file (.pem).")
NO_KEY_NAME = QT_TRANSLATE_NOOP("core", "Give the trusted key a name (the unit or installation it belongs to).")
NOT_TRUSTED = QT_TRANSLATE_NOOP("core", "No trusted key has the fingerprint {fingerprint}.")


def _key_path() -> Path:
    return paths.data_dir() / KEY_FILE


def _history_path() -> Path:
    return paths.data_dir() / HISTORY_FILE


def _trust_path() -> Path:
    return paths.data_dir() / TRUST_FILE


# -- small JSON files, written whole -----------------------------------------------------------------------------

def _read_json(path: Path, default):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as exc:
        raise UserError(KEYS_UNREADABLE, path=str(path), error=getattr(exc, "strerror", None) or str(exc)) from None
    if not isinstance(data, type(default)):
        raise UserError(KEYS_UNREADABLE, path=str(path), error="not a list")
    return data


def _write_json(path: Path, data) -> None:
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    fsync_file(temp)
    os.replace(temp, path)
    fsync_dir(path.parent)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


# -- this installation's key ---------------------------------------------------------------------------------------

def _load(path: Path):
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise UserError(KEY_UNREADABLE, path=str(path), error=exc.strerror or str(exc)) from None
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise UserError(KEY_UNREADABLE, path=str(path), error=str(exc).splitlines()[0] if str(exc) else
                        type(exc).__name__) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError(KEY_UNREADABLE, path=str(path), error=f"not an {ALGORITHM} key")
    return key


def history() -> list[dict]:
    """Every key this installation made: ``{"fingerprint", "made_at", "replaces", "printed"}``, oldest first."""
    return _read_json(_history_path(), [])


def key_state() -> str:
    """``present``; ``missing`` (a key was made here and its file is gone: ask before a new one); ``none`` (this
    data folder never had a key: the first package makes one)."""
    if _key_path().exists():
        return "present"
    return "missing" if history() else "none"


def installation_key(*, new_if_missing: bool = False):
    """This installation's signing key. Made on first use in a data folder that never had one; when the key
    recorded as made here is gone, a new one only with ``new_if_missing`` (else ``UserError``). An unreadable
    or malformed key file is a ``UserError`` naming it."""
    path = _key_path()
    if path.exists():
        key = _load(path)
        made = history()
        if not made:  # a key from before the record was kept: record it now
            _write_json(_history_path(), [{"fingerprint": fingerprint(_raw_public(key)), "made_at": None,
                                           "replaces": None, "printed": True}])
        return key
    made = history()
    if made and not new_if_missing:
        raise UserError(KEY_MISSING, path=str(path), fingerprint=made[-1]["fingerprint"])
    return _make_key(path, made)


def new_key() -> tuple[str, str]:
    """Make a new key when the one made here is lost (``openday keys new``, the window after asking): (the lost
    key's fingerprint or "", the new one). Refused while a key file exists."""
    path = _key_path()
    if path.exists():
        raise UserError(KEY_EXISTS, path=str(path), fingerprint=fingerprint(_raw_public(_load(path))))
    made = history()
    key = _make_key(path, made)
    return (made[-1]["fingerprint"] if made else ""), fingerprint(_raw_public(key))


def _make_key(path: Path, made: list[dict]):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    fsync_file(temp)
    try:
        os.link(temp, path)  # never replaces a key another process made meanwhile
    except FileExistsError:
        temp.unlink()
        return _load(path)
    except OSError:  # no hard links on this file system (FAT on a stick): a plain rename
        os.replace(temp, path)
    else:
        temp.unlink()
    fsync_dir(path.parent)
    replaces = made[-1]["fingerprint"] if made else None
    _write_json(_history_path(), [*made, {"fingerprint": fingerprint(_raw_public(key)), "made_at": _now(),
                                          "replaces": replaces, "printed": replaces is None}])
    return key


def unprinted_change() -> dict | None:
    """The last change of key no package has printed yet (``{"fingerprint", "made_at", "replaces"}``), or None."""
    made = history()
    return made[-1] if made and made[-1].get("replaces") and not made[-1].get("printed") else None


def mark_change_printed(fingerprint_: str) -> None:
    made = history()
    if made and made[-1]["fingerprint"] == fingerprint_ and not made[-1].get("printed"):
        made[-1]["printed"] = True
        _write_json(_history_path(), made)


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_raw: bytes) -> str:
    """The first 16 bytes of the public key's SHA-256 in groups of four hex digits: short enough to read aloud
    or write in a register."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


def formatted_fingerprint(text: str) -> str:
    """A fingerprint as the 归档目录 prints it: eight groups of four hex digits."""
    digits = normalise_fingerprint(text)
    return " ".join(digits[i:i + 4] for i in range(0, 32, 4))


def installation_fingerprint(*, new_if_missing: bool = False) -> str:
    return fingerprint(_raw_public(installation_key(new_if_missing=new_if_missing)))


def public_key_pem() -> bytes:
    """This installation's public key, to give to whoever verifies its packages (``openday keys export``)."""
    from cryptography.hazmat.primitives import serialization

    return installation_key().public_key().public_bytes(serialization.Encoding.PEM,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo)


# -- keys this installation trusts ---------------------------------------------------------------------------------

class KnownKey(NamedTuple):
    fingerprint: str
    name: str
    own: bool  # made by this installation (the current key or an earlier one)

    def as_json(self) -> dict:
        return {"fingerprint": self.fingerprint, "name": self.name, "own": self.own}


def known_keys() -> list[KnownKey]:
    """This installation's own keys (current and earlier), then the trusted ones by name."""
    own = [KnownKey(m["fingerprint"], "", True) for m in history()]
    trusted = [KnownKey(t["fingerprint"], t["name"], False) for t in _read_json(_trust_path(), [])]
    return own + sorted(trusted, key=lambda k: k.name)


def _fingerprint_of(value: str) -> str:
    """A fingerprint typed (spaces ignored), or the fingerprint of a public key in a PEM file."""
    digits = normalise_fingerprint(value)
    if len(digits) == 32 and len(value.replace(" ", "").replace("-", "")) == 32:
        return formatted_fingerprint(digits)
    path = Path(value).expanduser()
    if path.is_file():
        from cryptography.exceptions import UnsupportedAlgorithm
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            public = serialization.load_pem_public_key(path.read_bytes())
        except (OSError, ValueError, TypeError, UnsupportedAlgorithm):
            raise UserError(NOT_A_KEY, value=value) from None
        if isinstance(public, Ed25519PublicKey):
            return fingerprint(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    raise UserError(NOT_A_KEY, value=value)


def trust(value: str, name: str) -> KnownKey:
    """Trust the key given by its fingerprint or public key file under ``name`` (a second call renames it)."""
    name = " ".join((name or "").split())
    if not name:
        raise UserError(NO_KEY_NAME)
    found = _fingerprint_of(value)
    trusted = [t for t in _read_json(_trust_path(), []) if t["fingerprint"] != found]
    trusted.append({"fingerprint": found, "name": name, "added_at": _now()})
    _write_json(_trust_path(), trusted)
    return KnownKey(found, name, False)


def forget(value: str) -> None:
    found = formatted_fingerprint(value)
    trusted = _read_json(_trust_path(), [])
    kept = [t for t in trusted if t["fingerprint"] != found]
    if len(kept) == len(trusted):
        raise UserError(NOT_TRUSTED, fingerprint=found)
    _write_json(_trust_path(), kept)


class Signer(NamedTuple):
    """Who a fingerprint belongs to: ``this-installation``, ``trusted`` (with its name) or ``unknown``."""

    kind: str
    name: str = ""


def signer_of(fingerprint_: str) -> Signer:
    wanted = normalise_fingerprint(fingerprint_)
    for key in known_keys():
        if normalise_fingerprint(key.fingerprint) == wanted:
            return Signer("this-installation") if key.own else Signer("trusted", key.name)
    return Signer("unknown")


# -- signing and checking ------------------------------------------------------------------------------------------

def canonical(manifest: dict) -> bytes:
    """The bytes that are signed: the manifest without its signature, keys sorted, no spaces."""
    body = {key: value for key, value in manifest.items() if key != "signature"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(manifest: dict) -> dict:
    """``manifest`` with its signature entry added."""
    key = installation_key()
    public = _raw_public(key)
    return {**manifest, "signature": {
        "algorithm": ALGORITHM, "public_key": base64.b64encode(public).decode("ascii"),
        "fingerprint": fingerprint(public),
        "value": base64.b64encode(key.sign(canonical(manifest))).decode("ascii")}}


def check(manifest: dict) -> tuple[str, str]:
    """(``"ok"`` | ``"missing"`` | ``"invalid"``, the fingerprint of the key that signed it or "")."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    signature = manifest.get("signature")
    if not isinstance(signature, dict):
        return "missing", ""
    try:
        if signature.get("algorithm") != ALGORITHM:
            return "invalid", ""
        public = base64.b64decode(signature["public_key"], validate=True)
        value = base64.b64decode(signature["value"], validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(value, canonical(manifest))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        return "invalid", ""
    return "ok", fingerprint(public)
