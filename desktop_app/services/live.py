"""The event a service works on: one that exists and is not deleted, or a refusal naming it. Every service reads
it from here (not from another service), so the services depend on this module rather than on each other."""

from __future__ import annotations

import datetime as dt

from db import models

from ..errors import EventNotFound


def event_key(event_id) -> int:
    """An event id as given (a number, or its text), or a refusal naming it."""
    try:
        return int(event_id)
    except (TypeError, ValueError):
        raise EventNotFound(event_id) from None


def live_event(event_id) -> models.Event:
    """The event ``event_id`` as a row, refused (``EventNotFound``) when there is none or it was deleted."""
    key = event_key(event_id)
    event = models.Event.get_or_none((models.Event.id == key) & models.Event.alive())
    if event is None:
        raise EventNotFound(event_id)
    return event


def live_date(event_id) -> dt.date | None:
    """The event's date (None: not set yet), read without the rest of its row; an unknown or deleted event is
    refused like ``live_event``."""
    E = models.Event
    found = E.select(E.date).where((E.id == event_key(event_id)) & E.alive()).tuples().first()
    if found is None:
        raise EventNotFound(event_id)
    return found[0]


def require_live(event_id) -> None:
    """``live_event`` without reading the event's row (its many columns cost milliseconds on a hot path: a scan)."""
    live_date(event_id)
