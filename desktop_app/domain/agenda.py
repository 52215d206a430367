"""The day's programme timing: each item starts when the one before it ends, unless pinned to a clock time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def _add(t: dt.time, minutes: int) -> dt.time:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(minutes=minutes)
    return moment.time() if moment.date() == dt.date(2000, 1, 1) else dt.time(23, 59)


def starts(day_start: dt.time | None, items: Iterable[tuple[int, dt.time | None]]) -> list[dt.time | None]:
    """Start times for items given as (duration in minutes, pinned start or None)."""
    result: list[dt.time | None] = []
    clock = day_start
    for duration, pinned in items:
        start = pinned or clock
        result.append(start)
        clock = _add(start, duration or 0) if start else None
    return result
