"""The package signing key and the trusted keys, as the window uses them: a lost key replaced only after the
user said so (recorded in the event's audit log), a package verified, a signer trusted."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from db import models

from .. import signing
from . import audit


class KeyState(NamedTuple):
    state: str  # present | missing | none (see signing.key_state)
    path: str
    lost_fingerprint: str  # the missing key's, when missing


def key_state() -> KeyState:
    state = signing.key_state()
    made = signing.history() if state == "missing" else []
    return KeyState(state, str(signing.paths.data_dir() / signing.KEY_FILE), made[-1]["fingerprint"] if made else "")


def replace_lost_key(event_id: int | None) -> str:
    """Make a new key in place of the lost one; the change goes into the audit log (and, by ``signing``, onto the
    next package's 归档目录). Returns the new fingerprint."""
    old, new = signing.new_key()
    with models.database.atomic():
        audit.record("signing.key.new", event_id=event_id, target="signing-key",
                     summary=f"{old or '-'} → {new}")
    return new


def verify(folder: Path | str):
    """``package.verify_package`` of a folder (on the worker)."""
    from .. import package

    return package.verify_package(folder)


def judged(report):
    """A verification's verdict again, after a key was trusted (no file is read again)."""
    from .. import package

    return package.judged(report)


def trust(fingerprint: str, name: str) -> signing.KnownKey:
    return signing.trust(fingerprint, name)
