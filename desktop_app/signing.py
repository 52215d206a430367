"""The filing package's signature: an Ed25519 key of this installation signs the manifest, so a document removed
with its entry, or edited with its checksum, no longer verifies. The private key stays in the data folder (never
in a package or a bundle); the manifest carries the public key and its fingerprint, which the package's 目录 also
prints, so the office can note it and check a package against it later (``verify-package --key``)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from pathlib import Path

from . import paths
from .files import fsync_dir, fsync_file

KEY_FILE = "package-signing-key.pem"
ALGORITHM = "Ed25519"


def _key_path() -> Path:
    return paths.data_dir() / KEY_FILE


def installation_key():
    """This installation's signing key, made on first use (readable by this user only)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = _key_path()
    if path.is_file():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
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
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError:  # no hard links on this file system (FAT on a stick): a plain rename
        os.replace(temp, path)
    else:
        temp.unlink()
    fsync_dir(path.parent)
    return key


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


def installation_fingerprint() -> str:
    return fingerprint(_raw_public(installation_key()))


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
