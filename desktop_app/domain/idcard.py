"""Resident ID numbers (GB 11643-1999): the one place that checks, upgrades and reads them."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
RESIDENCE_PERMIT_PREFIXES = ("81", "82", "83")  # Hong Kong, Macao, Taiwan residents
# The province-level codes of GB/T 2260 (the first two digits), and those of the residence permits.
PROVINCES = frozenset({*map(str, range(11, 16)), *map(str, range(21, 24)), *map(str, range(31, 38)),
                       *map(str, range(41, 47)), *map(str, range(50, 55)), *map(str, range(61, 66)), "71",
                       *RESIDENCE_PERMIT_PREFIXES})
EARLIEST_BIRTH_YEAR = 1900
ADULT_AGE = 18  # younger on the event day: a minor, whom the roster rule names


class IdInfo(NamedTuple):
    """A valid resident ID number (or residence permit) and what it tells: birth date and sex."""

    number: str  # 18 characters, upper-case X
    birth_date: dt.date
    sex: str  # "男" | "女"
    upgraded: bool = False  # given as a legacy 15-digit number
    residence_permit: bool = False

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


class IdError(NamedTuple):
    """Why text is not a valid ID number: a code (``length``, ``check_digit`` …) and the message."""

    code: str
    message: str  # core source string


BAD_LENGTH = IdError("length", QT_TRANSLATE_NOOP("core", "An ID number has 18 characters (or 15 digits for an old one)."))
BAD_CHARS = IdError("chars", QT_TRANSLATE_NOOP("core", "An ID number has only digits, and X as its last character."))
BAD_DATE = IdError("birth_date", QT_TRANSLATE_NOOP("core", "The birth date inside the ID number does not exist."))
BAD_PROVINCE = IdError("province", QT_TRANSLATE_NOOP("core", "The first two digits of the ID number are not a "
                                                       "province's code: check it for a typing error."))
FUTURE_BIRTH = IdError("birth_date", QT_TRANSLATE_NOOP("core", "The birth date inside the ID number is in the "
                                                        "future: check it for a typing error."))
BAD_CHECK = IdError("check_digit", QT_TRANSLATE_NOOP("core", "The last character of the ID number does not match "
                                                       "the others: check it for a typing error."))
LOOKS_EXCEL = IdError("excel", QT_TRANSLATE_NOOP("core", "The ID number looks like Excel changed it into a number "
                                                  "(e.g. 6.40422E+17) and lost its last digits: take it from "
                                                  "the original form; it cannot be repaired."))


def check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def _birth(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def parse(text: str, *, today: dt.date | None = None) -> IdInfo | IdError:
    """The number's parts, or why it is not one; ``today`` (default: the real today) bounds the birth date."""
    raw = "".join(str(text).split()).upper()
    if "E+" in raw or "." in raw:
        return LOOKS_EXCEL
    upgraded = False
    if len(raw) == 15:
        if not (raw.isascii() and raw.isdigit()):
            return BAD_CHARS
        first17 = raw[:6] + "19" + raw[6:]
        raw = first17 + check_char(first17)
        upgraded = True
    if len(raw) != 18:
        return BAD_LENGTH
    if not raw[:17].isascii() or not raw[:17].isdigit() or raw[17] not in "0123456789X":
        return BAD_CHARS
    if raw[:2] not in PROVINCES:
        return BAD_PROVINCE
    birth = _birth(raw[6:14])
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        return BAD_DATE
    if birth > (today or dt.date.today()):
        return FUTURE_BIRTH
    if check_char(raw[:17]) != raw[17]:
        return BAD_CHECK
    return IdInfo(
        number=raw,
        birth_date=birth,
        sex="男" if int(raw[16]) % 2 else "女",
        upgraded=upgraded,
        residence_permit=raw[:2] in RESIDENCE_PERMIT_PREFIXES,
    )


def make(area: str, birth: dt.date, sequence: int) -> str:
    """A valid number from its parts (for demo data and tests); ``sequence`` odd for a man."""
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)
