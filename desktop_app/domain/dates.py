"""Dates and times as official documents write them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

WEEKDAYS = "一二三四五六日"


def cn_date(day: dt.date) -> str:
    """2024年8月14日: Arabic numerals, no zero padding (GB/T 9704)."""
    return f"{day.year}年{day.month}月{day.day}日"


def shown_day(day: dt.date) -> str:
    """A date on screen, in the interface's language: 2026年11月7日, or 2026-11-07 in English."""
    from .. import i18n

    return cn_date(day) if i18n.language() != "en" else day.isoformat()


def cn_weekday(day: dt.date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def hm(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def shift_year(day: dt.date, years: int = 1) -> dt.date:
    """The same date ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


_TYPED = re.compile(r"\s*(\d{4})\s*[-/.年\s]\s*(\d{1,2})\s*[-/.月\s]\s*(\d{1,2})\s*日?\s*")
_TYPED_DIGITS = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")


def parse_typed(text: str) -> dt.date | None:
    """A date as typed into a form: 2026-12-18, 2026/12/18, 2026.12.18, 2026 12 18, 2026年12月18日 or 20261218
    (full-width digits too); None when the text is not (yet) a whole, real date."""
    text = unicodedata.normalize("NFKC", text or "")
    match = _TYPED_DIGITS.fullmatch(text) or _TYPED.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
