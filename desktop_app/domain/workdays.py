"""Working days: the one place that knows which days are worked in China and counts deadlines in them.

The public-holiday calendar (with its 调休 make-up working weekends) comes from ``chinesecalendar``; the
coordinator's own adjustments (``overrides``: date → True worked / False holiday) win over it. The library
only knows the years it was released with; beyond them the count falls back to Monday–Friday and says so
(``DueDate.beyond_data``), so the screen can ask for that year's holidays rather than show a wrong date as
certain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

# How far data_years() looks from its starting year before it gives up; the library covers a few decades.
_PROBE_SPAN = 200


class DueDate(NamedTuple):
    """A deadline counted by ``add_days``, and whether Monday–Friday was assumed for lack of holiday data."""

    date: dt.date
    beyond_data: bool = False  # some day of the count fell outside the holiday data: Monday–Friday was assumed


def _library_workday(day: dt.date) -> bool | None:
    """The library's answer, or None when ``day`` is outside its data."""
    import chinese_calendar  # lazily: only deadline computations pay for loading the holiday tables

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


def _workday(day: dt.date, overrides: Mapping[dt.date, bool] | None) -> tuple[bool, bool]:
    """(is it worked, was Monday–Friday assumed for lack of data)."""
    if overrides and day in overrides:
        return bool(overrides[day]), False
    known = _library_workday(day)
    if known is None:
        return day.weekday() < 5, True
    return known, False


# Statutory holidays on fixed dates (全国年节及纪念日放假办法, 2025): known for a year the library has no data for.
FIXED_HOLIDAYS = {(1, 1): "元旦", (5, 1): "劳动节", (5, 2): "劳动节", (10, 1): "国庆节", (10, 2): "国庆节",
                  (10, 3): "国庆节"}


class DayOff(NamedTuple):
    """Why nobody works on a day: a weekend or a public holiday (its Chinese name), and whether the year's
    holiday arrangement was unknown (the fixed-date holidays and Monday–Friday assumed)."""

    holiday: str  # 国庆节 …, or "" for a weekend
    assumed: bool = False


def day_off(day: dt.date) -> DayOff | None:
    """None when ``day`` is worked; else why not (a make-up working weekend counts as worked)."""
    import chinese_calendar

    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        if (day.month, day.day) in FIXED_HOLIDAYS:
            return DayOff(FIXED_HOLIDAYS[(day.month, day.day)], assumed=True)
        return DayOff("", assumed=True) if day.weekday() >= 5 else None
    if not on_holiday:
        return None
    chinese = next((h.chinese for h in chinese_calendar.Holiday if h.value == name), "") if name else ""
    if chinese and chinese != "元旦" and not chinese.endswith("节"):
        chinese += "节"  # 中秋 → 中秋节, as a document names it
    return DayOff(chinese)


def next_workday(day: dt.date) -> dt.date:
    """``day`` itself when worked, else the first worked day after it."""
    while day_off(day) is not None:
        day += dt.timedelta(days=1)
    return day


def is_workday(day: dt.date, overrides: Mapping[dt.date, bool] | None = None) -> bool:
    """Whether people work on ``day``: the overrides first, then the holiday calendar, else Monday–Friday."""
    return _workday(day, overrides)[0]


def add_days(start: dt.date, days: int, *, working: bool,
             overrides: Mapping[dt.date, bool] | None = None) -> DueDate:
    """The date ``days`` after ``start``, in calendar days or in working days.

    In working days the start day itself never counts: “within 3 working days” of a Friday event ends on the
    third working day after it. A negative ``days`` counts backwards the same way.
    """
    if not working:
        return DueDate(start + dt.timedelta(days=days))
    step = dt.timedelta(days=1 if days >= 0 else -1)
    remaining = abs(days)
    day = start
    assumed = False
    while remaining:
        day += step
        worked, guessed = _workday(day, overrides)
        assumed = assumed or guessed
        if worked:
            remaining -= 1
    return DueDate(day, assumed)


@lru_cache(maxsize=1)
def data_years() -> tuple[int, int]:
    """The first and last year the installed holiday calendar covers, found by asking it."""
    def covered(year: int) -> bool:
        return _library_workday(dt.date(year, 6, 1)) is not None

    # Start from a year the library is likely to know, and move towards its data if it does not.
    year = dt.date.today().year
    for offset in range(_PROBE_SPAN):
        if covered(year - offset):
            year -= offset
            break
        if covered(year + offset):
            year += offset
            break
    else:
        raise RuntimeError("the holiday calendar covers no year near today")
    first = last = year
    while covered(first - 1):
        first -= 1
    while covered(last + 1):
        last += 1
    return first, last


def _as_bool(value) -> bool:
    # Settings edited by hand may hold "false"; bool("false") would be True.
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y")
    return bool(value)


def parse_overrides(items: Iterable[Mapping] | None) -> dict[dt.date, bool]:
    """The settings' JSON form ``[{"date": "2026-10-08", "workday": true}, …]`` as a dict.

    Entries that cannot be read are skipped: a damaged setting must not stop the deadlines from showing.
    """
    result: dict[dt.date, bool] = {}
    for item in items or ():
        if not isinstance(item, Mapping):
            continue
        try:
            day = dt.date.fromisoformat(str(item.get("date", "")).strip())
        except ValueError:
            continue
        result[day] = _as_bool(item.get("workday", False))
    return result


def overrides_to_list(overrides: Mapping[dt.date, bool] | None) -> list[dict]:
    """The JSON form of ``overrides``, sorted by date."""
    return [{"date": day.isoformat(), "workday": bool(worked)} for day, worked in sorted((overrides or {}).items())]
