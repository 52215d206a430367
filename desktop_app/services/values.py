"""Turning what a form, a template or the CLI hands a service into dates and times, refusing the rest; and the
stored UTC stamps into the local wall-clock times the coordinator reads."""

from __future__ import annotations

import datetime as dt

from ..domain.text import clean
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP

NOT_A_DATE = QT_TRANSLATE_NOOP("core", "'{value}' is not a date; write it as 2024-09-28.")
NOT_A_TIME = QT_TRANSLATE_NOOP("core", "'{value}' is not a time of day; write it as 09:30.")


def date_value(value) -> dt.date | None:
    """A date from a date, an ISO string, or empty (None)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UserError(NOT_A_DATE, value=value) from None


def time_value(value) -> dt.time | None:
    """A time of day (to the minute) from a time, an ISO string, or empty (None)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        raise UserError(NOT_A_TIME, value=value) from None


def text_value(value) -> str:
    """Text as stored: a string, without the invisible characters no document can hold (domain/text.py)."""
    return clean(value)


def local_time(utc: dt.datetime | None) -> dt.datetime | None:
    """A stored UTC stamp (a scan, a note, an entered form) as this computer's wall-clock time; None stays None."""
    return utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None) if utc else None
