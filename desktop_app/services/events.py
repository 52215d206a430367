"""Events: create, list, open, update (one field at a time, as the form autosaves), duplicate, delete, restore."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from db import models

from ..domain import event_info
from ..errors import EventNotFound, UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, plan, values
from .live import live_date, live_event, require_live  # noqa: F401 - live_date, require_live: also here


class EventSummary(NamedTuple):
    """An event as the event list shows it (and ``events --json`` prints it)."""

    id: int
    uuid: str
    unit: str
    title: str
    date: dt.date | None

    def as_json(self) -> dict:
        return {"id": self.id, "uuid": self.uuid, "unit": self.unit, "title": self.title,
                "date": self.date.isoformat() if self.date else None}


class EventInfo(NamedTuple):
    """The basic information form's values."""

    id: int
    uuid: str
    unit: str
    title: str
    theme: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str
    gathering_place: str
    gathering_time: dt.time | None
    contact_person: str
    contact_phone: str
    contact_email: str
    reminders: str

    def values(self) -> dict:
        return {f: getattr(self, f) for f in event_info.BASIC_FIELDS}


class EventDraft(NamedTuple):
    """What ``create_event`` makes a new event from (the new-event dialog, a template); an empty title
    becomes the default one."""

    unit: str
    date: dt.date
    title: str = ""
    theme: str = ""
    venue: str = ""
    start_time: dt.time | None = dt.time(9, 0)
    end_time: dt.time | None = dt.time(11, 30)
    gathering_time: dt.time | None = dt.time(8, 50)


# Copied by ``duplicate_event``: the plan, categories, staff and route; never people or results.
DUPLICATED_TABLES = (
    models.PlanSection,
    models.InviteeCategory,
    models.Staff,
    models.LeadingGroupMember,
    models.Duty,
    models.AgendaItem,
    models.SurveyQuestion,
)
# Per-row values that are results of a held event, cleared when it is duplicated.
_RESULT_FIELDS = {"actual_start", "actual_end"}
# Event dates that move with the event's date when it is duplicated.
_RELATIVE_DATES = ("registration_deadline", "filing_date", "announcement_date")
_SYNC_FIELDS = {"id", "uuid", "updated_at", "deleted", "device_id"}


def _summary(e: models.Event) -> EventSummary:
    return EventSummary(id=e.id, uuid=e.uuid, unit=e.unit, title=e.title, date=e.date)


def _info(e: models.Event) -> EventInfo:
    return EventInfo(id=e.id, uuid=e.uuid, **{f: getattr(e, f) for f in event_info.BASIC_FIELDS})


def list_events() -> list[EventSummary]:
    """Live events, newest date first (undated ones last)."""
    query = (models.Event.select().where(models.Event.alive())
             .order_by(models.Event.date.is_null(), models.Event.date.desc(), models.Event.id.desc()))
    return [_summary(e) for e in query]


def list_deleted_events() -> list[EventSummary]:
    query = models.Event.select().where(models.Event.deleted == True).order_by(models.Event.updated_at.desc())  # noqa: E712
    return [_summary(e) for e in query]


def get_event(event_id) -> EventInfo:
    return _info(live_event(event_id))


def get_summary(event_id) -> EventSummary:
    return _summary(live_event(event_id))


def create_event(draft: EventDraft, *, sections: bool = True, categories: bool = True) -> EventInfo:
    """A new event; with ``sections`` its plan starts from the usual sections and their boilerplate, with
    ``categories`` from the usual invitee categories and quotas (a template or a copy brings its own)."""
    unit = draft.unit.strip()
    if not unit:
        raise UserError(QT_TRANSLATE_NOOP("core", "Enter the organising unit (承办单位) of the new event."))
    with models.database.atomic():
        event = models.Event(
            unit=unit,
            title=draft.title.strip() or event_info.default_title(draft.date),
            theme=draft.theme.strip(),
            venue=draft.venue.strip(),
            date=draft.date,
            start_time=draft.start_time,
            end_time=draft.end_time,
            gathering_time=draft.gathering_time,
        )
        event.save()
        if sections or categories:
            if sections:
                plan.apply_section_template(event.id)
            if categories:
                plan.apply_category_template(event.id)
        audit.record("event.create", event_id=event.id, target="event", target_uuid=event.uuid,
                     summary=f"{event.title}（{unit}，{draft.date.isoformat()}）")
    return _info(event)


def _coerce(field: str, value):
    kind = event_info.BASIC_FIELDS.get(field)
    if kind is None:
        raise UserError(QT_TRANSLATE_NOOP("core", "The event has no field named '{field}'."), field=field)
    if kind == "date":
        return values.date_value(value)
    if kind == "time":
        return values.time_value(value)
    return values.text_value(value)


def update_event(event_id, **changes) -> EventInfo:
    """Save the given basic-information fields at once; unchanged values write nothing."""
    coerced = {field: _coerce(field, value) for field, value in changes.items()}
    with models.database.atomic():
        event = live_event(event_id)
        changed = [f for f, v in coerced.items() if getattr(event, f) != v]
        if not changed:
            return _info(event)
        for field in changed:
            setattr(event, field, coerced[field])
        event.save()
        for field in changed:
            # Only the field's name: a contact phone is personal data and stays out of the log.
            audit.record("event.edit", event_id=event.id, target="event", target_uuid=event.uuid, field=field,
                         coalesce=True)
    return _info(event)


def check_event(event_id) -> list[event_info.FieldIssue]:
    return event_info.check(get_event(event_id).values())


def _copyable(model) -> list[str]:
    return [f.name for f in model._meta.sorted_fields if f.name not in _SYNC_FIELDS | {"event"} | _RESULT_FIELDS]


def duplicate_event(event_id, new_date: dt.date, title: str | None = None) -> EventInfo:
    """A new event on ``new_date`` with this one's plan, categories, staff, route and questionnaire."""
    with models.database.atomic():
        source = live_event(event_id)
        delta = (new_date - source.date) if source.date else dt.timedelta(0)
        copy = models.Event(**{f: getattr(source, f) for f in _copyable(models.Event)})
        copy.date = new_date
        copy.created_at = models.utcnow()
        copy.title = title.strip() if title and title.strip() else _retitle(source.title, source.date, new_date)
        for name in _RELATIVE_DATES:
            if getattr(source, name):
                setattr(copy, name, getattr(source, name) + delta)
        copy.save()
        new_ids: dict[type, dict[int, int]] = {}
        for model in DUPLICATED_TABLES:
            ids = new_ids.setdefault(model, {})
            rows = model.select().where((model.event == source.id) & model.alive())
            for row in rows.order_by(model.id):
                values = {f: getattr(row, f"{f}_id" if _is_fk(model, f) else f) for f in _copyable(model)}
                for f in values:
                    if _is_fk(model, f) and values[f] is not None:
                        target = model._meta.fields[f].rel_model
                        values[f] = new_ids.get(target, {}).get(values[f])
                clone = model(event=copy.id, **values)
                clone.save()
                ids[row.id] = clone.id
        audit.record("event.duplicate", event_id=copy.id, target="event", target_uuid=copy.uuid,
                     summary=f"{source.uuid} → {new_date.isoformat()}")
    return _info(copy)


def _is_fk(model, name: str) -> bool:
    return isinstance(model._meta.fields[name], models.ForeignKeyField)


def _retitle(title: str, old: dt.date | None, new: dt.date) -> str:
    if old and str(old.year) in title:
        return title.replace(str(old.year), str(new.year))
    return title


def delete_event(event_id) -> None:
    """Soft delete: the event disappears from lists and can be restored."""
    with models.database.atomic():
        event = live_event(event_id)
        event.deleted = True
        event.save()
        audit.record("event.delete", event_id=event.id, target="event", target_uuid=event.uuid, summary=event.title)


def restore_event(event_id) -> EventInfo:
    with models.database.atomic():
        event = models.Event.get_or_none(models.Event.id == event_id)
        if event is None:
            raise EventNotFound(event_id)
        event.deleted = False
        event.save()
        audit.record("event.restore", event_id=event.id, target="event", target_uuid=event.uuid, summary=event.title)
    return _info(event)

