"""Dates and times as official documents write them."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def cn_date(day: dt.date) -> str:
    """2024年8月14日: Arabic numerals, no zero padding (GB/T 9704)."""
    return f"{day.year}年{day.month}月{day.day}日"


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
