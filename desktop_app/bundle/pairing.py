"""Pairing codes of the venue hub: what a joining device needs to find the hub and trust it, and a one-time
token it exchanges for a device credential (``desktop_app.bundle.hub``).

A code holds the hub's address and port, the event's uuid, the SHA-256 fingerprint of the hub's certificate and
a token of 120 random bits; the hub keeps only the token's SHA-256 (``models.PairingCode``), which expires ten
minutes after it was made and is refused once used.

The text form is one line meant to be typed as well as scanned::

    ODHUB1:XXXXX-XXXXX-…      (RFC 4648 base32 of the packed fields, in groups of five)

    packed: version (1) | address kind (1: 4 IPv4, 6 IPv6, 0 a name) | address (4, 16, or length + UTF-8) |
            port (2) | event uuid (16) | fingerprint (32) | token (15) | check (2: the first bytes of the
            SHA-256 of what precedes)

Reading is forgiving of what people do when typing: case, spaces, dashes and a missing prefix are ignored, and 0,
1 and 8 are read as O, I and B (base32 has none of them). The check catches a mistyped character. The QR code
holds the same text (upper case and dashes fit QR's compact alphanumeric mode)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import secrets
from dataclasses import dataclass

from db import models

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP

WRITE = "IMMEDIATE"  # a writing transaction waits its turn (see hub.WRITE)
PREFIX = "ODHUB1:"
VERSION = 1
TOKEN_BYTES = 15
TTL = dt.timedelta(minutes=10)
GROUP = 5

BAD_CODE = QT_TRANSLATE_NOOP(
    "core", "This is not a valid pairing code ({detail}). Type it again from the hub's screen (签到 › 现场网络), "
            "or scan its QR code.")


@dataclass(frozen=True)
class Pairing:
    host: str
    port: int
    event_uuid: str
    fingerprint: str  # hex SHA-256 of the hub's DER certificate
    token: str  # base64url of TOKEN_BYTES random bytes
    expires: dt.datetime | None = None  # naive UTC; known to the hub only (not in the code)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.port}"

    def text(self) -> str:
        return encode(self)

    def as_json(self) -> dict:
        """What ``openday hub`` prints for each code."""
        return {"pairing": self.text(), "url": self.url, "fingerprint": self.fingerprint,
                "expires": self.expires.replace(tzinfo=dt.UTC).isoformat(timespec="seconds") if self.expires
                else None}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _token_bytes(token: str) -> bytes:
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    if len(raw) != TOKEN_BYTES:
        raise ValueError("token")
    return raw


def encode(pairing: Pairing) -> str:
    try:
        address = ipaddress.ip_address(pairing.host)
        kind, addr = (4 if address.version == 4 else 6), address.packed
    except ValueError:
        name = pairing.host.encode("utf-8")
        if not 0 < len(name) < 256:
            raise ValueError("host") from None
        kind, addr = 0, bytes([len(name)]) + name
    body = (bytes([VERSION, kind]) + addr + pairing.port.to_bytes(2, "big") + bytes.fromhex(pairing.event_uuid)
            + bytes.fromhex(pairing.fingerprint) + _token_bytes(pairing.token))
    body += hashlib.sha256(body).digest()[:2]
    text = base64.b32encode(body).decode("ascii").rstrip("=")
    return PREFIX + "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def decode(text: str) -> Pairing:
    """The pairing of a typed or scanned code. Raises ``UserError`` (BAD_CODE) naming what is wrong."""

    def bad(detail: str) -> UserError:
        return UserError(BAD_CODE, detail=detail)

    cleaned = "".join(ch for ch in (text or "").upper() if not ch.isspace() and ch != "-")
    if ":" in cleaned:
        prefix, cleaned = cleaned.split(":", 1)
        if prefix.replace("0", "O").replace("I", "1") != PREFIX[:-1]:
            raise bad("made by a newer version of Open Day Desk" if prefix.startswith("ODHUB")
                      else "it does not begin with ODHUB1:")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if set(cleaned) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"):
        raise bad("it holds characters a code does not have")
    try:
        body = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise bad("a character is wrong or missing") from None
    if len(body) < 4 or hashlib.sha256(body[:-2]).digest()[:2] != body[-2:]:
        raise bad("a character is wrong or missing")
    body = body[:-2]
    if body[0] != VERSION:
        raise bad("made by a newer version of Open Day Desk")
    kind, pos = body[1], 2
    try:
        if kind == 4:
            host, pos = str(ipaddress.IPv4Address(body[pos:pos + 4])), pos + 4
        elif kind == 6:
            host, pos = str(ipaddress.IPv6Address(body[pos:pos + 16])), pos + 16
        elif kind == 0:
            size = body[pos]
            host, pos = body[pos + 1:pos + 1 + size].decode("utf-8"), pos + 1 + size
        else:
            raise ValueError("kind")
    except (ValueError, IndexError, UnicodeDecodeError):
        raise bad("its address cannot be read") from None
    rest = body[pos:]
    if len(rest) != 2 + 16 + 32 + TOKEN_BYTES:
        raise bad("it is cut short or too long")
    port = int.from_bytes(rest[:2], "big")
    token = base64.urlsafe_b64encode(rest[50:]).decode("ascii").rstrip("=")
    return Pairing(host, port, rest[2:18].hex(), rest[18:50].hex(), token)


def qr(pairing: Pairing):
    """The code as a ``segno`` QR code (``.save(out, kind="png", scale=…)``, ``.svg_inline()``…)."""
    import segno

    return segno.make(pairing.text(), error="m")


# -- the hub's side ------------------------------------------------------------------------------------------------


def issue(event_id: int, host: str, port: int, fingerprint: str, count: int = 1,
          now: dt.datetime | None = None) -> list[Pairing]:
    """``count`` new one-time codes for the event, valid for ``TTL`` (only the tokens' SHA-256 is stored)."""
    now = now or models.utcnow()
    out = []
    with models.database.atomic(WRITE):
        event = models.Event.get_by_id(event_id)
        for _ in range(count):
            token = secrets.token_urlsafe(TOKEN_BYTES)
            models.PairingCode.create(event=event.id, token=token_hash(token), created_at=now, expires_at=now + TTL)
            out.append(Pairing(host, port, event.uuid, fingerprint, token, now + TTL))
    return out


UNKNOWN, USED, EXPIRED = "unknown_code", "code_used", "code_expired"


def redeem(event_id: int, token: str, now: dt.datetime | None = None) -> str:
    """Use the token once, in the caller's transaction: "" when it was valid (it is now used), else why not
    (``UNKNOWN``, ``USED``, ``EXPIRED``)."""
    now = now or models.utcnow()
    P = models.PairingCode
    row = P.get_or_none((P.token == token_hash(token or "")) & (P.event == event_id))
    if row is None:
        return UNKNOWN
    if row.used_at is not None:
        return USED
    if now >= row.expires_at:
        return EXPIRED
    if not P.update(used_at=now).where((P.id == row.id) & P.used_at.is_null()).execute():
        return USED
    return ""
