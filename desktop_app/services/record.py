"""Reads the record of the day (``domain.record.DayRecord``) from SQL, once per event and call: the one place the
day's figures are counted. Each document's chosen 成文日期 is kept here too (the 实施情况's is one of the
record's dates)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from db import models

from .. import settings
from ..domain import timing
from ..domain.feedback import ADOPTIONS
from ..domain.record import (
    DIRECTED_SOURCE,
    UNCATEGORISED,
    WALK_IN_SOURCE,
    CategoryFigures,
    DayRecord,
    Programme,
    SuggestionFigures,
    reply_state,
)
from . import counts
from .live import live_event

DOCUMENT_DATE_KEY = "document_date.{kind}"


def document_date(event_id: int, kind: str) -> dt.date | None:
    """The 成文日期 chosen for ``kind``'s document of the event, or None (the kind's default applies)."""
    value = settings.get(DOCUMENT_DATE_KEY.format(kind=kind), event_id)
    return dt.date.fromisoformat(value) if value else None


def document_dates(event_id: int) -> dict[str, dt.date]:
    """The 成文日期 chosen per document kind of the event (kinds without one left out)."""
    from ..documents.kinds import DATED_KEYS

    return {kind: day for kind in DATED_KEYS if (day := document_date(event_id, kind)) is not None}


def set_document_date(event_id: int, kind: str, day: dt.date | None) -> None:
    from . import audit

    live_event(event_id)
    settings.set(DOCUMENT_DATE_KEY.format(kind=kind), day.isoformat() if day else None, event_id)
    audit.record("document.date", event_id=event_id, field=kind, summary=day.isoformat() if day else "")


def build(event_id: int, *, today: dt.date | None = None, survey: bool = True) -> DayRecord:
    """The record of ``event_id`` as the data stand now, read in one transaction (``today``: the day the overdue
    replies and the tense are judged by). ``survey=False`` (the rule check, which must start fast) counts the
    forms without reading the answers: ``satisfaction`` is then None."""
    today = today or dt.date.today()
    with models.snapshot():
        e = live_event(event_id)
        I = models.Invitee  # noqa: E741
        roster = Counter()
        for category, status, source, n in (counts.people(e.id).select(I.category, I.status, I.source,
                                                                         models.fn.COUNT(I.id))
                                            .group_by(I.category, I.status, I.source).tuples()):
            roster[("all", None)] += n
            if source != WALK_IN_SOURCE:
                roster[("invited", None)] += n
                roster[("directed", None)] += n if source == DIRECTED_SOURCE else 0
            if status == "confirmed":
                roster[("confirmed", category)] += n
        arrivals, early = counts.arrivals(e.id, e.date)
        arrived = Counter(category for category, _at, _walk in arrivals.values())
        categories = counts.categories(e.id)
        known = {c.id for c in categories}
        rows = [CategoryFigures(c.name, bool(c.counts_as_public), c.quota, roster[("confirmed", c.id)],
                                arrived[c.id]) for c in categories]
        stray_confirmed = sum(n for (kind, cat), n in roster.items() if kind == "confirmed" and cat not in known)
        stray_arrived = sum(n for cat, n in arrived.items() if cat not in known)
        if stray_confirmed or stray_arrived:
            rows.append(CategoryFigures(UNCATEGORISED, False, 0, stray_confirmed, stray_arrived))
        public = {c.id for c in categories if c.counts_as_public}
        participants, staff = _speeches(e.id)
        forms, satisfaction = _survey(e.id) if survey else (_forms(e.id), None)
        return DayRecord(
            uuid=e.uuid, unit=e.unit, title=e.title, date=e.date, today=today, invitees=roster[("all", None)],
            invited=roster[("invited", None)], directed=roster[("directed", None)],
            confirmed=sum(r.confirmed for r in rows), arrived=len(arrivals),
            walk_ins=sum(1 for _c, _at, walk in arrivals.values() if walk),
            public_arrived=sum(n for cat, n in arrived.items() if cat in public),
            early=len(early - arrivals.keys()), by_category=tuple(rows), speeches_participants=participants,
            speeches_staff=staff, forms=forms, satisfaction=satisfaction, suggestions=_suggestions(e.id, today),
            programme=_programme(e), filed=e.filing_date, announced=e.announcement_date,
            implementation=document_date(e.id, "implementation"))


def _speeches(event_id: int) -> tuple[int, int]:
    """(by participants, by staff): a typed speaker who is on the staff list counts as staff."""
    M, S = models.MeetingNote, models.Staff
    staff_names = {name.strip() for (name,) in S.select(S.name).where(
        (S.event == event_id) & S.alive()).tuples()}
    participants = staff = 0
    for staff_id, invitee_id, text in (M.select(M.speaker_staff, M.speaker_invitee, M.speaker_text)
                                       .where((M.event == event_id) & M.alive()).tuples()):
        if staff_id is not None or (invitee_id is None and text.strip() in staff_names and text.strip()):
            staff += 1
        else:
            participants += 1
    return participants, staff


def _forms(event_id: int) -> int:
    R = models.SurveyResponse
    return R.select().where((R.event == event_id) & R.alive()).count()


def _survey(event_id: int) -> tuple[int, float | None]:
    stats = counts.survey_stats(event_id)
    return stats.responses, stats.satisfaction


def _suggestions(event_id: int, today: dt.date) -> SuggestionFigures:
    S = models.Suggestion
    received = assigned = replied = on_time = overdue = waiting = 0
    adoption: Counter[str] = Counter()
    for department, reply, replied_at, due, code in (
            S.select(S.department, S.reply, S.replied_at, S.due_date, S.adoption)
            .where((S.event == event_id) & S.alive()).tuples()):
        state = reply_state(department=department, reply=reply, replied_at=replied_at, due=due, today=today)
        received += 1
        assigned += 1 if department.strip() else 0
        overdue += 1 if state == "overdue" else 0
        waiting += 1 if state == "received" else 0
        if state == "replied":
            replied += 1
            on_time += 1 if due is None or replied_at <= due else 0
            adoption[code] += 1 if code in ADOPTIONS else 0
    return SuggestionFigures(received, assigned, replied, on_time, overdue,
                             tuple((code, adoption[code]) for code in ADOPTIONS if adoption[code]), waiting)


def _programme(e: models.Event) -> Programme:
    """The agenda's planned times (group 1's timetable, as the plan and the 活动流程 print it) and the actual
    times recorded in the 路线 tab."""
    A = models.AgendaItem
    items = list(A.select(A.kind, A.duration_min, A.pinned_start, A.actual_start, A.actual_end)
                 .where((A.event == e.id) & A.alive()).order_by(A.position, A.id))
    slots = timing.cascade(timing.minutes(e.start_time),
                           [timing.Step(n, i.kind, duration=i.duration_min, pinned=timing.minutes(i.pinned_start))
                            for n, i in enumerate(items)])
    starts = [s.start for s in slots if s.start is not None]
    ends = [s.end for s in slots if s.end is not None]
    actual_starts = [_minute(i.actual_start) for i in items if i.actual_start is not None]
    actual_ends = [_minute(i.actual_end) for i in items if i.actual_end is not None]
    meeting = next(((i, slot) for i, slot in zip(items, slots, strict=True) if i.kind == "meeting"), None)
    item, slot = meeting if meeting else (None, None)
    return Programme(start=starts[0] if starts else timing.minutes(e.start_time),
                     end=max(ends) if ends else timing.minutes(e.end_time),
                     actual_start=actual_starts[0] if actual_starts else None,
                     actual_end=actual_ends[-1] if actual_ends else None,
                     meeting_start=slot.start if slot else None,
                     meeting_actual_start=_minute(item.actual_start) if item else None,
                     meeting_actual_end=_minute(item.actual_end) if item else None,
                     event_end=timing.minutes(e.end_time))


def _minute(moment: dt.datetime | None) -> int | None:
    """A stored actual time (local, as the 路线 tab records it) as minutes after midnight."""
    return moment.hour * 60 + moment.minute if moment is not None else None


def attendance_snapshot(event_id: int, *, day: DayRecord | None = None):
    """The 签到记录: each person admitted on the day (as ``arrived`` counts them), in the order they came, with the
    record's figures (``day``, when read already)."""
    from ..documents.attendance import Arrival, AttendanceSnapshot
    from .values import local_time

    with models.snapshot():
        e = live_event(event_id)
        day = day or build(event_id)
        found, _early = counts.arrivals(e.id, e.date)
        names = {c.id: c.name for c in counts.categories(e.id)}
        I = models.Invitee  # noqa: E741
        people = {row[0]: row[1:] for row in counts.people(e.id).select(I.id, I.name, I.organisation, I.phone)
                  .tuples()} if found else {}
        arrivals = sorted(
            (Arrival(people[pid][0], people[pid][1], names.get(category, UNCATEGORISED), people[pid][2],
                     local_time(at), walk) for pid, (category, at, walk) in found.items()),
            key=lambda a: a.at)
        return AttendanceSnapshot(e.uuid, e.unit, e.date, e.venue, day, tuple(arrivals))
