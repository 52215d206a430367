"""The venue hub's TLS identity: one self-signed certificate (ECDSA P-256) per installation, made with
``cryptography`` the first time a hub is switched on and kept in the database's global ``Setting`` row
``bundle.hub.identity`` (keys starting ``bundle.`` never travel in bundles; a global setting belongs to no event).

Devices do not trust the certificate through a CA: they pin it by the SHA-256 of its DER form, which the pairing
code carries (``desktop_app.bundle.pairing``). Its dates therefore matter to no one (a device whose clock is a
year off still connects); it is made valid from a day before it was made for twenty years anyway, for tools
that look."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import ssl
import tempfile
from dataclasses import dataclass

from db import models

WRITE = "IMMEDIATE"  # a writing transaction waits its turn (see hub.WRITE)

IDENTITY_KEY = "bundle.hub.identity"
COMMON_NAME = "Open Day Desk venue hub"


@dataclass(frozen=True)
class Identity:
    cert_pem: bytes
    key_pem: bytes

    @property
    def cert_der(self) -> bytes:
        return ssl.PEM_cert_to_DER_cert(self.cert_pem.decode("ascii"))

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lowercase hex (64 digits)."""
        return fingerprint_of(self.cert_der)

    def server_context(self) -> ssl.SSLContext:
        """A server context holding this certificate: TLS 1.2 and newer only."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        # load_cert_chain reads files only: a private temporary file, removed at once.
        fd, name = tempfile.mkstemp(prefix="openday-hub-", suffix=".pem")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(self.cert_pem + self.key_pem)
            context.load_cert_chain(name)
        finally:
            os.unlink(name)
        return context


def fingerprint_of(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def make_identity(now: dt.datetime | None = None) -> Identity:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, COMMON_NAME)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=20 * 365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return Identity(cert.public_bytes(serialization.Encoding.PEM),
                    key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))


def hub_identity() -> Identity:
    """This installation's hub identity, made and stored on first use (in the caller's database)."""
    from .. import settings

    with models.database.atomic(WRITE):
        stored = settings.get(IDENTITY_KEY)
        if isinstance(stored, dict) and stored.get("cert") and stored.get("key"):
            return Identity(stored["cert"].encode("ascii"), stored["key"].encode("ascii"))
        identity = make_identity()
        settings.set(IDENTITY_KEY, {"cert": identity.cert_pem.decode("ascii"),
                                    "key": identity.key_pem.decode("ascii")})
    return identity
