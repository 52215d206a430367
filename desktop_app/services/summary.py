"""The 归档 (summary and filing) area: the facts of the day, the 活动实施情况 and 总结评估报告 texts kept with
the event, and its photos."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from db import models

from .. import paths, settings
from ..domain import feedback as feedback_rules
from ..domain.plan import Thresholds
from ..domain.roster import WALK_IN_SOURCE
from ..domain.summary import (
    REPORT_SECTIONS,
    CategoryAttendance,
    SummaryFacts,
    implementation_draft,
    report_draft,
)
from . import audit, checkin, counts
from .events import _live as live_event
from .values import local_time

SLOT_MINUTES = 10  # the dashboard's arrivals chart counts arrivals per 10 minutes
IMPLEMENTATION_KEY = "summary.implementation"
REPORT_KEY = "summary.report"

# Suggestion statuses counted as handled (办结) and as answered (反馈), by their stored codes.
DONE_STATUSES = ("done", "answered")
ANSWERED_STATUSES = ("answered",)


@lru_cache(maxsize=1)
def draft_texts() -> dict:
    return json.loads(paths.resource("summary", "drafts.json").read_text(encoding="utf-8"))


def facts(event_id: int, *, today: dt.date | None = None) -> SummaryFacts:
    """The day in numbers, read in one transaction: attendance per category (each person counted once however
    many devices admitted them), walk-ins, the programme's stops, suggestions and survey answers, the plan's
    filing and announcement dates, the recorded confirmations and meeting notes (``today`` for the overdue
    replies)."""
    today = today or dt.date.today()
    with models.database.atomic():
        e = live_event(event_id)
        Inv = models.Invitee
        live = (Inv.event == e.id) & (Inv.deleted == False)  # noqa: E712
        # Counted in SQL: the confirmed per category; only the check-ins (a few hundred) are read one by one.
        confirmed = dict(Inv.select(Inv.category, models.fn.COUNT(Inv.id)).where(live & (Inv.status == "confirmed"))
                         .group_by(Inv.category).tuples())
        confirmed_recorded = (Inv.select().where(live & (Inv.status == "confirmed") & Inv.confirmed_at.is_null(False))
                              .count())
        registered = Inv.select().where(live & (Inv.source != WALK_IN_SOURCE)).count()
        arrivals, early = counts.arrivals(e.id, e.date)
        arrived = Counter(category_id for category_id, _at, _walk in arrivals.values())
        categories = [CategoryAttendance(cat.name, cat.quota, confirmed.get(cat.id, 0), arrived[cat.id],
                                         bool(cat.counts_as_public))
                      for cat in counts.categories(e.id)]
        items = list(models.AgendaItem.select().where((models.AgendaItem.event == e.id)
                                                      & (models.AgendaItem.deleted == False))  # noqa: E712
                     .order_by(models.AgendaItem.position, models.AgendaItem.id))
        stop_items = [i for i in items if i.kind == "stop"]
        stops = tuple(dict.fromkeys(name for name in map(_stop_name, stop_items) if name))
        S = models.Suggestion
        suggestion_rows = list(S.select(S.status, S.due_date)
                               .where((S.event == e.id) & (S.deleted == False)).tuples())  # noqa: E712
        statuses = Counter(status for status, _due in suggestion_rows)
        overdue = sum(1 for status, due in suggestion_rows
                      if feedback_rules.due_state(status, due, today) == "overdue")
        M = models.MeetingNote
        notes = M.select().where((M.event == e.id) & (M.deleted == False)).count()  # noqa: E712
        meeting_started = any(i.kind == "meeting" and i.actual_start is not None for i in items)
        responses, satisfaction = _survey(e.id)
        local = [local_time(at) for _category, at, _walk in arrivals.values()]
        slots = Counter((t.hour * 60 + t.minute) // SLOT_MINUTES * SLOT_MINUTES for t in local)
        return SummaryFacts(
            unit=e.unit, theme=e.theme, venue=e.venue, date=e.date, categories=tuple(categories),
            walk_ins=sum(1 for _category, _at, walk in arrivals.values() if walk), stops=stops,
            guided=bool(stop_items) and all(i.guide_id or i.guide_text.strip() for i in stop_items),
            meeting_held=bool(notes) or meeting_started, meeting_notes=notes, suggestions=sum(statuses.values()),
            suggestions_done=sum(statuses[s] for s in DONE_STATUSES),
            suggestions_answered=sum(statuses[s] for s in ANSWERED_STATUSES), suggestions_overdue=overdue,
            survey_responses=responses, satisfaction=satisfaction,
            arrivals_by_slot=tuple(sorted(slots.items())),
            schedule_note=_schedule_note(e.id), early_not_counted=len(early - arrivals.keys()),
            filing_date=e.filing_date, announcement_date=e.announcement_date,
            channels=tuple(json.loads(e.registration_channels or "[]")), selection_rule=e.selection_rule,
            registered=registered, confirmed_recorded=confirmed_recorded,
            thresholds=Thresholds.from_json(e.thresholds))


def _schedule_note(event_id: int) -> str:
    """When the day began and ended against the programme, from the times recorded in the 路线 tab."""
    from ..domain.route import deviation_summary
    from . import route

    # Against the end the plan and the announcement print (the event's end time), not the last item's.
    day = route.plan(event_id)
    return deviation_summary(day.deviations, planned_end=day.day_end)


def _stop_name(item) -> str:
    """A stop as prose names it: its title up to the first colon or comma (24小时自助服务区), else its place."""
    title = item.title.replace(":", "：").split("：")[0].split("，")[0].strip()
    return title or item.place.strip()


def _survey(event_id: int) -> tuple[int, float | None]:
    """Forms entered, and the share of 满意 + 比较满意 among the rating answers (as the 意见 tab counts them)."""
    from .feedback import survey_stats

    stats = survey_stats(event_id)
    return stats.responses, stats.satisfaction


# -- the two texts -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryTexts:
    implementation: str
    report: dict[str, str]  # REPORT_SECTIONS → text
    implementation_is_draft: bool  # not edited yet: generated from the data as it is now
    report_is_draft: bool


def texts(event_id: int, *, day: SummaryFacts | None = None) -> SummaryTexts:
    """The saved texts, or fresh drafts from the data (``day``, the facts if read already) where nothing was
    saved yet."""
    saved_impl = settings.get(IMPLEMENTATION_KEY, event_id) if _has(IMPLEMENTATION_KEY, event_id) else None
    saved_report = settings.get(REPORT_KEY, event_id) if _has(REPORT_KEY, event_id) else None
    f = (day or facts(event_id)) if saved_impl is None or saved_report is None else None
    implementation = saved_impl if saved_impl is not None else implementation_draft(f, draft_texts())
    report = dict(report_draft(f, draft_texts())) if saved_report is None else {
        name: str(saved_report.get(name, "")) for name in REPORT_SECTIONS}
    return SummaryTexts(implementation, report, saved_impl is None, saved_report is None)


@dataclass(frozen=True)
class Dashboard:
    """What the 归档 tab shows, read at once (on the worker for a large event): the texts, the day's facts, the
    survey, the suggestions, the milestones and the rule check."""

    event_id: int
    texts: SummaryTexts
    facts: SummaryFacts
    survey: object  # feedback.SurveyStats
    suggestions: list  # feedback.SuggestionRow
    early_counted: bool
    milestones: list  # domain.milestones.Milestone
    findings: list  # domain.rules.Finding


def dashboard(event_id: int, *, today: dt.date | None = None) -> Dashboard:
    """The 归档 tab's contents; the plan and the facts are read once for all of them."""
    from ..domain import milestones
    from . import feedback, plan
    from .checks import run_checks

    today = today or dt.date.today()
    day = facts(event_id, today=today)
    snapshot = plan.snapshot(event_id)
    return Dashboard(
        event_id=event_id, texts=texts(event_id, day=day), facts=day, survey=feedback.survey_stats(event_id),
        suggestions=feedback.suggestions(event_id), early_counted=checkin.early_counted(event_id),
        milestones=milestones.compute(snapshot, done=plan.milestones_done(event_id),
                                      overrides=plan.holiday_overrides(), today=today),
        findings=run_checks(event_id, today=today, snapshot=snapshot, arrived=day.arrived))


def _has(key: str, event_id: int) -> bool:
    return (models.Setting.select().where((models.Setting.key == key) & (models.Setting.event == event_id))
            .exists())


def save_implementation(event_id: int, text: str) -> None:
    live_event(event_id)
    settings.set(IMPLEMENTATION_KEY, text, event_id)
    audit.record("summary.implementation", event_id=event_id, field="text", summary=f"{len(text)} 字",
                 coalesce=True)


def save_report_part(event_id: int, part: str, text: str) -> None:
    if part not in REPORT_SECTIONS:
        raise ValueError(f"unknown report part {part!r}")
    current = texts(event_id).report
    current[part] = text
    settings.set(REPORT_KEY, current, event_id)
    audit.record("summary.report", event_id=event_id, field=part, summary=f"{len(text)} 字", coalesce=True)


def regenerate(event_id: int, *, implementation: bool = True, report: bool = True) -> SummaryTexts:
    """Throw the edited texts away and draft them again from the data as it is now."""
    with models.database.atomic():
        keys = ([IMPLEMENTATION_KEY] if implementation else []) + ([REPORT_KEY] if report else [])
        if keys:
            models.Setting.delete().where((models.Setting.event == event_id)
                                          & models.Setting.key.in_(keys)).execute()
            audit.record("summary.regenerate", event_id=event_id, summary=", ".join(keys))
    return texts(event_id)


def summary_snapshot(event_id: int):
    """Everything the 实施情况 and 总结 documents need (the texts as saved, or drafts), for a worker."""
    from ..documents.summary_docs import SummarySnapshot, chosen_photos
    from . import photos

    with models.database.atomic():
        e = live_event(event_id)
        current = texts(event_id)
        return SummarySnapshot(e.uuid, e.unit, e.date, facts(event_id), current.implementation, current.report,
                               chosen_photos(photos.photo_data(event_id)))


def package_snapshot(event_id: int):
    """Everything the filing package holds, read now (``package.write_package`` then runs on a worker)."""
    from ..package import PackageSnapshot
    from . import feedback, photos, plan, roster, route

    with models.database.atomic():
        e = live_event(event_id)
        return PackageSnapshot(event_uuid=e.uuid, unit=e.unit, date=e.date, fonts=plan.doc_fonts(),
                               plan=plan.snapshot(event_id), roster=roster.roster_snapshot(event_id),
                               summary=summary_snapshot(event_id), photos=tuple(photos.photo_data(event_id)),
                               extra={"feedback": feedback.feedback_snapshot(event_id),
                                      "route": route.route_snapshot(event_id)})
