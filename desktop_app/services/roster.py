"""The roster (名单): people of an event, checked once by ``domain.roster.check``; statuses, selection by
registration time within quotas, phone confirmation, pass codes, and what the roster documents read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import models

from .. import i18n
from ..domain import roster
from ..domain.roster import InviteeDraft, Problem, RosterContext
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit
from .counts import CategoryFill, category_fill, roster_summary  # noqa: F401 - the roster's counts
from .counts import categories as _categories
from .counts import people as _people
from .live import live_event

REFUSED = QT_TRANSLATE_NOOP("core", "{name}: {problems}")
NO_PERSON = QT_TRANSLATE_NOOP("core", "That person is no longer on the roster (deleted). Reload the list.")
BAD_STATUS = QT_TRANSLATE_NOOP("core", "'{status}' is not a roster status.")


class RosterRefused(UserError):
    """The person's details were refused; ``problems`` says which field and why."""

    def __init__(self, name: str, problems: list[Problem]):
        self.problems = problems
        text = i18n.punct("；").join(i18n.text(p.message, **p.params) for p in problems if p.is_error)
        super().__init__(REFUSED, name=name or "—", problems=text)


@dataclass(frozen=True)
class InviteeRow:
    id: int
    uuid: str
    name: str
    gender: str
    id_number: str
    phone: str
    organisation: str
    position_title: str
    category_id: int | None
    category: str
    source: str
    channel: str
    registered_at: dt.datetime | None
    status: str
    pass_code: str
    pledge_signed: bool
    confirmed_at: dt.datetime | None
    confirmed_by: str
    notes: str


def _local_now() -> dt.datetime:
    """Registration and confirmation times are wall-clock times the coordinator reads and types, kept as such
    (the sync stamps, ``updated_at``, are UTC)."""
    return dt.datetime.now().replace(microsecond=0)


def people_count(event_id: int) -> int:
    """How many people the roster holds (not deleted): whether reading them all is quick."""
    return _people(event_id).count()


_ROW_FIELDS = ("id", "uuid", "name", "gender", "id_number", "phone", "organisation", "position_title", "category",
               "source", "channel", "registered_at", "status", "pass_code", "pledge_signed", "confirmed_at",
               "confirmed_by", "notes")


def _row(p: models.Invitee, names: dict[int, str]) -> InviteeRow:
    return InviteeRow(p.id, p.uuid, p.name, p.gender, p.id_number, p.phone, p.organisation, p.position_title,
                      p.category_id, names.get(p.category_id, ""), p.source, p.channel, p.registered_at, p.status,
                      p.pass_code, p.pledge_signed, p.confirmed_at, p.confirmed_by, p.notes)


def _row_from_tuple(values: tuple, names: dict[int, str]) -> InviteeRow:
    (pid, uuid, name, gender, id_number, phone, org, position, category_id, source, channel, registered, status,
     code, pledge, confirmed_at, confirmed_by, notes) = values
    return InviteeRow(pid, uuid, name, gender, id_number, phone, org, position, category_id,
                      names.get(category_id, ""), source, channel, registered, status, code, bool(pledge),
                      confirmed_at, confirmed_by, notes)


def list_invitees(event_id: int) -> list[InviteeRow]:
    """Everyone on the roster, by category (the plan's order), then registration time."""
    live_event(event_id)
    categories = _categories(event_id)
    names = {c.id: c.name for c in categories}
    order = {c.id: i for i, c in enumerate(categories)}
    I = models.Invitee  # noqa: E741
    # Plain tuples, not model objects: 20,000 people load in a fraction of the time.
    query = _people(event_id).select(*(getattr(I, f) for f in _ROW_FIELDS)).order_by(I.id).tuples()
    rows = [_row_from_tuple(values, names) for values in query]
    rows.sort(key=lambda r: (order.get(r.category_id, len(order)), r.registered_at or dt.datetime.max, r.id))
    return rows


def get_invitee(invitee_id: int) -> InviteeRow:
    person = _get(invitee_id)
    return _row(person, {c.id: c.name for c in _categories(person.event_id)})


def _get(invitee_id: int) -> models.Invitee:
    person = models.Invitee.get_or_none((models.Invitee.id == invitee_id) & models.Invitee.alive())
    if person is None:
        raise UserError(NO_PERSON)
    return person


def context(event_id: int, *, exclude_id: int | None = None) -> RosterContext:
    """What a new or edited person is checked against."""
    event = live_event(event_id)
    ids, phones = {}, {}
    for p in _people(event_id).select(models.Invitee.id, models.Invitee.name, models.Invitee.id_number,
                                      models.Invitee.phone):
        if p.id == exclude_id:
            continue
        if p.id_number:
            ids[p.id_number] = p.name
        if p.phone:
            phones[p.phone] = p.name
    return RosterContext(event_date=event.date, id_required=event.id_required,
                         categories=frozenset(c.name for c in _categories(event_id)),
                         existing_ids=ids, existing_phones=phones,
                         registration_deadline=event.registration_deadline)


def _values(clean: InviteeDraft, category_ids: dict[str, int]) -> dict:
    return {"name": clean.name, "gender": clean.gender, "id_number": clean.id_number, "phone": clean.phone,
            "organisation": clean.organisation, "position_title": clean.position_title,
            "category": category_ids.get(clean.category), "source": clean.source, "channel": clean.channel,
            "registered_at": clean.registered_at, "pledge_signed": clean.pledge_signed, "notes": clean.notes}


def add_invitee(event_id: int, draft: InviteeDraft) -> InviteeRow:
    with models.database.atomic():
        checked = roster.check(draft, context(event_id))
        if not checked.ok:
            raise RosterRefused(checked.draft.name, list(checked.problems))
        category_ids = {c.name: c.id for c in _categories(event_id)}
        values = _values(checked.draft, category_ids)
        values["registered_at"] = values["registered_at"] or _local_now()
        person = models.Invitee(event=event_id, **values)
        person.save()
        audit.record("roster.add", event_id=event_id, target="invitee", target_uuid=person.uuid)
    return get_invitee(person.id)


def update_invitee(invitee_id: int, draft: InviteeDraft) -> InviteeRow:
    with models.database.atomic():
        person = _get(invitee_id)
        checked = roster.check(draft, context(person.event_id, exclude_id=person.id))
        if not checked.ok:
            raise RosterRefused(checked.draft.name, list(checked.problems))
        category_ids = {c.name: c.id for c in _categories(person.event_id)}
        for key, value in _values(checked.draft, category_ids).items():
            if key == "registered_at" and value is None:
                continue
            setattr(person, f"{key}_id" if key == "category" else key, value)
        person.save()
        audit.record("roster.edit", event_id=person.event_id, target="invitee", target_uuid=person.uuid,
                     coalesce=True)
    return get_invitee(invitee_id)


def delete_invitee(invitee_id: int) -> None:
    with models.database.atomic():
        person = _get(invitee_id)
        person.deleted = True
        person.save()
        audit.record("roster.delete", event_id=person.event_id, target="invitee", target_uuid=person.uuid)


def restore_invitee(invitee_id: int) -> InviteeRow:
    with models.database.atomic():
        person = models.Invitee.get_by_id(invitee_id)
        person.deleted = False
        person.save()
        audit.record("roster.restore", event_id=person.event_id, target="invitee", target_uuid=person.uuid)
    return get_invitee(invitee_id)


def set_status(invitee_ids: list[int], status: str) -> None:
    if status not in roster.STATUSES:
        raise UserError(BAD_STATUS, status=status)
    with models.database.atomic():
        for invitee_id in invitee_ids:
            person = _get(invitee_id)
            if person.status != status:
                person.status = status
                person.save()
                audit.record("roster.status", event_id=person.event_id, target="invitee",
                             target_uuid=person.uuid, summary=status)


def record_confirmation(invitee_id: int, by: str) -> InviteeRow:
    """The confirmation call reached the person: confirmed, with when and by whom."""
    with models.database.atomic():
        person = _get(invitee_id)
        person.status = "confirmed"
        person.confirmed_at = _local_now()
        person.confirmed_by = by.strip()
        person.save()
        audit.record("roster.confirm", event_id=person.event_id, target="invitee", target_uuid=person.uuid)
    return get_invitee(invitee_id)


def _candidates(event_id: int) -> list[roster.Candidate]:
    names = {c.id: c.name for c in _categories(event_id)}
    return [roster.Candidate(p.id, names.get(p.category_id, ""), p.status, p.registered_at)
            for p in _people(event_id)]


def apply_selection(event_id: int) -> dict[str, int]:
    """Confirm by registration time within each category's quota; wait-list the rest. Returns counts of the
    changes by new status."""
    with models.database.atomic():
        quotas = {c.name: c.quota for c in _categories(event_id)}
        changes = roster.select(_candidates(event_id), quotas)
        counts: dict[str, int] = {}
        for invitee_id, status in changes.items():
            person = models.Invitee.get_by_id(invitee_id)
            person.status = status
            person.save()
            counts[status] = counts.get(status, 0) + 1
        audit.record("roster.selection", event_id=event_id, target="invitee",
                     summary=", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return counts


def cancel(invitee_id: int) -> InviteeRow | None:
    """Cancel a person; returns the next on their category's waiting list, proposed for the freed place."""
    with models.database.atomic():
        person = _get(invitee_id)
        was_confirmed = person.status == "confirmed"
        person.status = "cancelled"
        person.save()
        audit.record("roster.cancel", event_id=person.event_id, target="invitee", target_uuid=person.uuid)
        if not was_confirmed:
            return None
        category = next((c.name for c in _categories(person.event_id) if c.id == person.category_id), "")
        proposed = roster.next_on_waitlist(_candidates(person.event_id), category)
    return get_invitee(proposed.id) if proposed else None


def assign_pass_codes(event_id: int) -> int:
    """Give every confirmed person without a pass code a new one; returns how many were given."""
    with models.database.atomic():
        people = list(_people(event_id))
        taken = {p.pass_code for p in people if p.pass_code}
        given = 0
        for person in people:
            if person.status == "confirmed" and not person.pass_code:
                person.pass_code = roster.new_pass_code(taken)
                taken.add(person.pass_code)
                person.save()
                given += 1
        if given:
            audit.record("roster.passes", event_id=event_id, target="invitee", summary=str(given))
    return given


def import_drafts(event_id: int, drafts: list[InviteeDraft], *, source: str = "",
                  checked_against: RosterContext | None = None) -> int:
    """Add all of ``drafts`` in one transaction, or none: every row is checked again against the roster as it
    is now and against the rows before it — unless ``checked_against`` (the context a preview checked these
    same drafts against, duplicates within them included) is still the roster as it is now."""
    with models.database.atomic():
        ctx = context(event_id)
        category_ids = {c.name: c.id for c in _categories(event_id)}
        trusted = checked_against is not None and checked_against == ctx
        ids, phones = dict(ctx.existing_ids), dict(ctx.existing_phones)
        rows = []
        now = _local_now()
        for draft in drafts:
            if trusted:
                clean = draft
            else:
                checked = roster.check(draft, RosterContext(ctx.event_date, ctx.id_required, ctx.categories, ids,
                                                            phones))
                if not checked.ok:
                    raise RosterRefused(checked.draft.name, list(checked.problems))
                clean = checked.draft
                if clean.id_number:
                    ids[clean.id_number] = clean.name
                phones[clean.phone] = clean.name
            values = _values(clean, category_ids)
            values["registered_at"] = values["registered_at"] or now
            values["source"] = values["source"] or source
            rows.append(models.Invitee(event=event_id, device_id=models.device_id(), **values))
        models.bulk_insert(models.Invitee, rows)
        audit.record("roster.import", event_id=event_id, target="invitee", summary=str(len(rows)))
    return len(rows)


def roster_snapshot(event_id: int) -> roster.RosterSnapshot:
    event = live_event(event_id)
    people = tuple(roster.RosterPerson(r.name, r.gender, r.id_number, r.phone, r.organisation, r.position_title,
                                       r.category, r.status, r.pass_code, r.source, r.channel, r.registered_at,
                                       r.notes)
                   for r in list_invitees(event_id))
    return roster.RosterSnapshot(event.title, event.unit, event.date, event.venue,
                                 tuple(c.name for c in _categories(event_id)), people, event.gathering_time,
                                 event.gathering_place)


def id_required(event_id: int) -> bool:
    return live_event(event_id).id_required


def set_id_required(event_id: int, required: bool) -> None:
    with models.database.atomic():
        event = live_event(event_id)
        if event.id_required != required:
            event.id_required = required
            event.save()
            audit.record("roster.id_required", event_id=event.id, target="event", target_uuid=event.uuid,
                         summary=str(required))
