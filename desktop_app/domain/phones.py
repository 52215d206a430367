"""Phone numbers: the one place that normalises, classifies and masks them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True)
class Phone:
    number: str  # 13812345678 or 0954-3018118
    mobile: bool


@dataclass(frozen=True)
class PhoneError:
    code: str
    message: str


BAD_PHONE = PhoneError("phone", QT_TRANSLATE_NOOP("core", "Enter an 11-digit mobile number (e.g. 13812345678) or "
                                                  "a landline with its area code (e.g. 0954-3018118)."))


def parse(text: str) -> Phone | PhoneError:
    raw = str(text).strip()
    compact = re.sub(r"[\s\-()（）]", "", raw)
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    if MOBILE_RE.match(compact):
        return Phone(compact, True)
    if compact.isdigit() and compact.startswith("0") and len(compact) > 3:
        # Area codes 010 and 02x have three digits, all others four; the local number has 7 or 8.
        area_len = 3 if compact[1] in "12" else 4
        area, local = compact[:area_len], compact[area_len:]
        if len(local) in (7, 8):
            return Phone(f"{area}-{local}", False)
    return BAD_PHONE


def mask(text: str) -> str:
    """138****1234 for a mobile; a landline keeps its area code and last 4 digits."""
    parsed = parse(text)
    if isinstance(parsed, PhoneError):
        digits = re.sub(r"\D", "", str(text))
        return "*" * max(len(digits) - 4, 0) + digits[-4:] if digits else ""
    if parsed.mobile:
        return parsed.number[:3] + "****" + parsed.number[-4:]
    area, _, local = parsed.number.partition("-")
    return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
