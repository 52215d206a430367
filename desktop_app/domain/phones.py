"""Phone numbers: the one place that normalises, classifies and masks them. Whether a number is a mobile or a
landline, and whether it can exist (an assigned mobile prefix, a local number of the right length for its area
code), is the ``phonenumbers`` library's metadata; the normalised form and the messages are this project's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
SHAPE_RE = re.compile(r"^(?:1[3-9]\d{9}|0[1-9]\d{8,10})$")  # a mobile, or 0 + area code + local number


class Phone(NamedTuple):
    """A phone number that can exist, in the normalised form; ``mobile`` False: a landline."""

    number: str  # 13812345678 or 0954-3018118
    mobile: bool


class PhoneError(NamedTuple):
    """Why text is not a phone number: a code and the core source string to show."""

    code: str
    message: str


BAD_PHONE = PhoneError("phone", QT_TRANSLATE_NOOP("core", "Enter an 11-digit mobile number (e.g. 13812345678) or "
                                                  "a landline with its area code (e.g. 0954-3018118)."))


def _compact(text: str) -> str:
    """The digits as typed, without spaces, dashes, brackets and China's country code."""
    compact = re.sub(r"[\s\-()（）]", "", str(text).strip())
    if compact.startswith("+86"):
        return compact[3:]
    if compact.startswith("0086"):
        return compact[4:]
    return compact


def well_formed(text: str) -> bool:
    """Whether ``text`` has the shape of a number: 11 digits of a mobile, or 0, an area code and a local number of
    10 to 12 digits in all. It does not load the library (26 ms on first use), so the rule check can ask it at
    every start; ``parse`` decides whether the number can exist."""
    return bool(SHAPE_RE.match(_compact(text)))


def parse(text: str) -> Phone | PhoneError:
    compact = _compact(text)
    if not (compact.isascii() and compact.isdigit()):
        return BAD_PHONE
    if MOBILE_RE.match(compact):
        return Phone(compact, True) if _mobile_prefix_kind(compact[:MOBILE_PREFIX]) == "mobile" else BAD_PHONE
    if compact.startswith("0") and len(compact) > 3 and _kind(compact) == "landline":
        import phonenumbers

        number = phonenumbers.parse(compact, "CN")
        area_len = phonenumbers.length_of_geographical_area_code(number)
        national = phonenumbers.national_significant_number(number)
        if area_len:
            return Phone(f"0{national[:area_len]}-{national[area_len:]}", False)
    return BAD_PHONE


# Whether an 11-digit number is an assigned mobile depends on its first digits only (the library's Chinese mobile
# patterns look at most at the first 7); asking once per prefix keeps a 10,000-row import from parsing every
# number with the library (0.35 s of 1 s). tests/test_domain.py compares it with the library number by number.
MOBILE_PREFIX = 7


@lru_cache(maxsize=8192)
def _mobile_prefix_kind(prefix: str) -> str:
    return _kind(prefix + "0" * (11 - len(prefix)))


def _kind(digits: str) -> str:
    """``mobile``, ``landline`` or empty (no number that can exist in China), by the library's metadata."""
    import phonenumbers  # here, so a CLI command that never reads a phone does not load it
    from phonenumbers import PhoneNumberType

    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return ""
    if number.country_code != 86 or not phonenumbers.is_valid_number_for_region(number, "CN"):
        return ""
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.MOBILE:
        return "mobile"
    if kind == PhoneNumberType.FIXED_LINE:
        return "landline"
    if kind == PhoneNumberType.FIXED_LINE_OR_MOBILE:
        return "mobile" if digits.startswith("1") else "landline"
    return ""


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
