"""The event's basic information: which fields exist, and what is worth a warning while it is drafted."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP
from . import phones

# field -> kind; the order is the form's order.
BASIC_FIELDS: dict[str, str] = {
    "unit": "text",
    "title": "text",
    "theme": "text",
    "date": "date",
    "start_time": "time",
    "end_time": "time",
    "venue": "text",
    "gathering_place": "text",
    "gathering_time": "time",
    "contact_person": "text",
    "contact_phone": "text",
    "contact_email": "text",
    "reminders": "text",
}

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


class FieldIssue(NamedTuple):
    """A warning about one basic-information field of a draft; it never stops a value from being saved."""

    field: str
    message: str  # core source string


def default_title(day: dt.date | None) -> str:
    return f"{day.year}年“政府开放日”活动" if day else "“政府开放日”活动"


def check(values: dict) -> list[FieldIssue]:
    """Warnings for a draft; nothing here stops a value from being saved."""
    issues: list[FieldIssue] = []
    for field, message in (
        ("unit", QT_TRANSLATE_NOOP("core", "Enter the organising unit (承办单位).")),
        ("title", QT_TRANSLATE_NOOP("core", "Enter the event's title.")),
        ("venue", QT_TRANSLATE_NOOP("core", "Enter where the event takes place.")),
    ):
        if not str(values.get(field) or "").strip():
            issues.append(FieldIssue(field, message))
    start, end, gather = values.get("start_time"), values.get("end_time"), values.get("gathering_time")
    if start and end and end <= start:
        issues.append(FieldIssue("end_time", QT_TRANSLATE_NOOP("core", "The end time must be after the start time.")))
    if start and gather and gather > start:
        issues.append(FieldIssue("gathering_time", QT_TRANSLATE_NOOP(
            "core", "People gather after the event has started: set the gathering time before the start time.")))
    phone = str(values.get("contact_phone") or "").strip()
    if phone and isinstance(phones.parse(phone), phones.PhoneError):
        issues.append(FieldIssue("contact_phone", phones.BAD_PHONE.message))
    email = str(values.get("contact_email") or "").strip()
    if email and not EMAIL_RE.match(email):
        issues.append(FieldIssue("contact_email", QT_TRANSLATE_NOOP(
            "core", "This does not look like an e-mail address (name@example.com).")))
    return issues
