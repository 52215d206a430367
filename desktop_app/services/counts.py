"""What the rule check reads besides the plan, counted in SQL: the roster's fill per category and its minors, the
suggestions' due dates, the arrivals. The roster, feedback, check-in and summary services hand these on, so the
check (the first thing the window shows) needs none of their other code."""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

from db import models

from .. import settings
from ..domain import checkin as checkin_rules
from ..domain import feedback as feedback_rules
from ..domain import idcard, roster_rules
from ..domain.feedback import DueItem
from .live import live_date
from .values import local_time

EARLY_COUNTED_KEY = "early_checkins_counted"


class CategoryFill(NamedTuple):
    """An invitee category with its roster counts; ``registered`` is everyone in it, whatever the status."""

    id: int
    name: str
    quota: int
    public: bool
    registered: int
    confirmed: int
    waitlisted: int


def categories(event_id: int) -> list[models.InviteeCategory]:
    """The event's invitee categories in their order."""
    C = models.InviteeCategory
    return list(C.select().where((C.event == event_id) & C.alive()).order_by(C.position, C.id))


def people(event_id: int):
    """The query of the event's people (not deleted)."""
    I = models.Invitee  # noqa: E741
    return I.select().where((I.event == event_id) & I.alive())


def category_fill(event_id: int) -> list[CategoryFill]:
    I = models.Invitee  # noqa: E741
    query = (people(event_id).select(I.category, I.status, models.fn.COUNT(I.id))
             .group_by(I.category, I.status).tuples())
    counts: dict[tuple[int | None, str], int] = {(category, status): n for category, status, n in query}
    return [CategoryFill(c.id, c.name, c.quota, c.counts_as_public,
                         sum(v for (cid, _s), v in counts.items() if cid == c.id),
                         counts.get((c.id, "confirmed"), 0), counts.get((c.id, "waitlisted"), 0))
            for c in categories(event_id)]


def roster_summary(event_id: int) -> roster_rules.RosterSummary:
    """What the roster rules read: confirmed per category, minors on the roster, the confirmed total."""
    day = live_date(event_id)
    minors = []
    if day:
        # Only the people who could be under age are read: the birth year sits in the stored ID text (characters
        # 7-10 of an 18-character number), so the database hands over those few rows, not the whole roster.
        I = models.Invitee  # noqa: E741
        born_after = str(day.year - idcard.ADULT_AGE)
        candidates = (people(event_id)
                      .select(I.name, I.id_number)
                      .where((I.status != "cancelled") & (I.id_number != "")
                             & ((models.fn.LENGTH(I.id_number) != 18)
                                | (models.fn.SUBSTR(I.id_number, 7, 4) >= born_after)))
                      .order_by(I.id).tuples())
        for name, id_number in candidates:
            parsed = idcard.parse(id_number)
            if isinstance(parsed, idcard.IdInfo) and parsed.age_on(day) < idcard.ADULT_AGE:
                minors.append(name)
    fills = category_fill(event_id)
    return roster_rules.RosterSummary(
        categories=tuple(roster_rules.CategoryCount(f.name, f.quota, f.confirmed) for f in fills),
        minors=tuple(minors), confirmed_total=sum(f.confirmed for f in fills))


def due_items(event_id: int) -> list[DueItem]:
    S = models.Suggestion
    return [DueItem(topic or content[:16], status, due) for topic, content, status, due in
            S.select(S.topic, S.content, S.status, S.due_date)
            .where((S.event == event_id) & S.alive()).tuples()]


def early_counted(event_id: int) -> bool:
    """Whether check-ins made before the event day count as arrivals (the coordinator confirmed them: the date
    was moved, people were admitted the evening before). By default they do not: a rehearsal or a test of the
    scanner is not an arrival."""
    return bool(settings.get(EARLY_COUNTED_KEY, event_id))


def arrivals(event_id: int, day: dt.date | None) -> tuple[dict[int, tuple[int | None, dt.datetime, bool]], set[int]]:
    """Each person admitted to the event on ``day`` (once however many devices admitted them) -> (category, first
    scan, walk-in); and the people admitted only before the event day, not counted unless the coordinator
    confirmed those."""
    Inv, C = models.Invitee, models.CheckIn
    found: dict[int, tuple[int | None, dt.datetime, bool]] = {}
    early: set[int] = set()
    count_early: bool | None = None  # the setting is read at the first early check-in (most starts have none)
    for invitee_id, category_id, scanned_at, walk_in in (
            C.select(C.invitee, Inv.category, C.scanned_at, C.walk_in).join(Inv)
            .where((C.event == event_id) & C.alive() & C.undone_at.is_null()
                   & (Inv.event == event_id) & Inv.alive())
            .order_by(C.scanned_at).tuples()):
        if checkin_rules.is_early(local_time(scanned_at), day):
            if count_early is None:
                count_early = early_counted(event_id)
            if not count_early:
                early.add(invitee_id)
                continue
        found.setdefault(invitee_id, (category_id, scanned_at, bool(walk_in)))
    return found, early


def survey_stats(event_id: int):
    """The survey counted (``domain.survey.SurveyStats``): forms entered, each rating question's answers, the open
    answers that are not blank."""
    from ..domain import survey as survey_rules  # not for the rule check, which starts without it

    Q, R, A = models.SurveyQuestion, models.SurveyResponse, models.SurveyAnswer
    with models.database.atomic():
        qs = list(Q.select().where((Q.event == event_id) & Q.alive()).order_by(Q.position, Q.id))
        live = (R.select(R.id).where((R.event == event_id) & R.alive()))
        rows = list(A.select(A.id, A.question, A.choice, A.text)
                    .where(A.response.in_(live) & A.alive()).order_by(A.response, A.id).tuples())
        texts = {q.id: q.text for q in qs}
        scale = [(q.id, q.text, tuple(json.loads(q.options or "[]"))) for q in qs if q.kind == "scale"]
        open_ids = {q.id for q in qs if q.kind == "open"}
        return survey_rules.survey_stats(
            scale, [(qid, choice) for _, qid, choice, _ in rows], live.count(),
            [(aid, texts[qid], text) for aid, qid, _, text in rows if qid in open_ids and text.strip()])


def all_answered_on(event_id: int) -> dt.date | None:
    """The day the last suggestion was answered when all are (the 意见反馈 milestone), else None."""
    S = models.Suggestion
    return feedback_rules.all_answered_on(list(S.select(S.status, S.replied_at)
                                      .where((S.event == event_id) & S.alive()).tuples()))
