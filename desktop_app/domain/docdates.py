"""The 成文日期 of each dated document: the date chosen for it, else its rule's default, and whether a date lies
within the rule's window (outside it is a finding, never moved silently). Pure."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP

# The documents that carry a 成文日期 declare it (documents.kinds: ``dated``); the others are forms and tables.
IMPLEMENTATION_DAYS = 3  # the 实施情况 is published within 3 days of the event
SUMMARY_DAYS = 15  # the 总结评估报告 within 15

OUTSIDE = QT_TRANSLATE_NOOP(
    "core", "The {what} is dated {date}, outside its window ({first} to {last}). Choose its date (成文日期) in the "
            "Filing tab or with export --date.")


class Known(NamedTuple):
    """The facts the defaults read."""

    event_date: dt.date | None
    today: dt.date
    notice_date: dt.date | None = None  # the plan's 印发 date
    filed: dt.date | None = None
    announced: dt.date | None = None


def default_date(kind: str, k: Known) -> dt.date:
    """The rule's 成文日期 for ``kind``: the 实施情况 the day after the event; the plan its 印发 date (else the day it
    was filed, else today), never after the event; the 公告 the day it was published (else today), never after the
    event; the reports the day they are written, never before the event."""
    day_before = k.event_date - dt.timedelta(days=1) if k.event_date else None
    if kind == "implementation" and k.event_date:
        return k.event_date + dt.timedelta(days=1)
    if kind == "plan":
        return _not_after(k.notice_date or k.filed or k.today, day_before)
    if kind == "announcement":
        return _not_after(k.announced or k.today, day_before)
    return max(k.today, k.event_date) if k.event_date else k.today


def _not_after(day: dt.date, limit: dt.date | None) -> dt.date:
    return min(day, limit) if limit else day


def window(kind: str, event_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days a 成文日期 of ``kind`` may fall on, or None where no rule limits it."""
    if event_date is None:
        return None
    if kind == "implementation":
        return event_date, event_date + dt.timedelta(days=IMPLEMENTATION_DAYS)
    if kind == "summary":
        return event_date, event_date + dt.timedelta(days=SUMMARY_DAYS)
    if kind in ("plan", "announcement"):
        return dt.date.min, event_date - dt.timedelta(days=1)
    return None


def chosen_or_default(kind: str, chosen: dt.date | None, k: Known) -> dt.date:
    return chosen or default_date(kind, k)
