"""The 归档 (summary and filing) area: the facts of the day, the 活动实施情况 and 总结评估报告 texts kept with
the event, and its photos."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from db import models

from .. import paths, settings
from ..domain.plan import Thresholds
from ..domain.record import DayRecord
from ..domain.summary import (
    REPORT_SECTIONS,
    CategoryAttendance,
    SummaryFacts,
    implementation_draft,
    report_draft,
)
from . import audit, checkin, counts, record
from .live import live_event
from .values import local_time

SLOT_MINUTES = 10  # the dashboard's arrivals chart counts arrivals per 10 minutes
IMPLEMENTATION_KEY = "summary.implementation"
REPORT_KEY = "summary.report"


@lru_cache(maxsize=1)
def draft_texts() -> dict:
    return json.loads(paths.resource("summary", "drafts.json").read_text(encoding="utf-8"))


def facts(event_id: int, *, today: dt.date | None = None, day: DayRecord | None = None) -> SummaryFacts:
    """The day as the drafts and the dashboard state it: its figures from the record of the day (``day``, when
    read already; services.record), with the programme's stops, the registration channels and the arrivals per
    10 minutes beside them."""
    today = today or dt.date.today()
    with models.database.atomic():
        day = day or record.build(event_id, today=today)
        e = live_event(event_id)
        Inv = models.Invitee
        confirmed_recorded = (counts.people(e.id).where(Inv.confirmed() & Inv.confirmed_at.is_null(False))
                              .count())
        A = models.AgendaItem
        stop_items = list(A.select().where((A.event == e.id) & A.alive() & (A.kind == "stop"))
                          .order_by(A.position, A.id))
        stops = tuple(dict.fromkeys(name for name in map(_stop_name, stop_items) if name))
        arrivals, _early = counts.arrivals(e.id, e.date)
        local = [local_time(at) for _category, at, _walk in arrivals.values()]
        slots = Counter((t.hour * 60 + t.minute) // SLOT_MINUTES * SLOT_MINUTES for t in local)
        s = day.suggestions
        return SummaryFacts(
            unit=e.unit, theme=e.theme, venue=e.venue, date=e.date,
            categories=tuple(CategoryAttendance(c.name, c.planned, c.confirmed, c.arrived, c.public)
                             for c in day.by_category),
            walk_ins=day.walk_ins, stops=stops,
            guided=bool(stop_items) and all(i.guide_id or i.guide_text.strip() for i in stop_items),
            meeting_held=bool(day.speeches) or day.programme.meeting_actual_start is not None,
            meeting_notes=day.speeches_participants, suggestions=s.received, suggestions_replied=s.replied,
            suggestions_on_time=s.replied_on_time, suggestions_overdue=s.overdue,
            suggestions_waiting=s.waiting, survey_responses=day.forms,
            satisfaction=day.satisfaction, arrivals_by_slot=tuple(sorted(slots.items())),
            schedule_note=_schedule_note(event_id, day), early_not_counted=day.early,
            filing_date=day.filed, announcement_date=day.announced,
            channels=tuple(json.loads(e.registration_channels or "[]")), selection_rule=e.selection_rule,
            registered=day.invited, directed=day.directed, confirmed_recorded=confirmed_recorded,
            thresholds=Thresholds.from_json(e.thresholds), held=day.held, today=day.today)


def _schedule_note(event_id: int, day: DayRecord) -> str:
    """When the day began and ended against the programme, from the times recorded in the 路线 tab."""
    from ..domain.route import deviation_summary
    from . import route

    # Against the programme's one end, the agenda's (the record's), which the documents print.
    return deviation_summary(route.deviations(event_id), planned_end=day.programme.end)


def _stop_name(item) -> str:
    """A stop as prose names it: its title up to the first colon or comma (24小时自助服务区), else its place."""
    title = item.title.replace(":", "：").split("：")[0].split("，")[0].strip()
    return title or item.place.strip()


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
    record: DayRecord  # the figures the facts and the findings were read from


def dashboard(event_id: int, *, today: dt.date | None = None) -> Dashboard:
    """The 归档 tab's contents; the plan and the facts are read once for all of them."""
    from ..domain import milestones
    from . import feedback, plan
    from .checks import run_checks

    today = today or dt.date.today()
    figures = record.build(event_id, today=today)
    day = facts(event_id, today=today, day=figures)
    snapshot = plan.snapshot(event_id)
    return Dashboard(
        event_id=event_id, texts=texts(event_id, day=day), facts=day, survey=feedback.survey_stats(event_id),
        suggestions=feedback.suggestions(event_id), early_counted=checkin.early_counted(event_id),
        milestones=milestones.compute(snapshot, done=plan.milestones_done(event_id),
                                      overrides=plan.holiday_overrides(), today=today),
        findings=run_checks(event_id, today=today, snapshot=snapshot, day=figures), record=figures)


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


def summary_snapshot(event_id: int, *, day: DayRecord | None = None):
    """Everything the 实施情况 and 总结 documents need (the texts as saved, or drafts), for a worker; the figures
    from the record of the day (``day``, when read already)."""
    from ..documents.summary_docs import SummarySnapshot, chosen_photos
    from . import photos

    with models.database.atomic():
        e = live_event(event_id)
        day = day or record.build(event_id)
        known = facts(event_id, day=day)
        current = texts(event_id, day=known)
        return SummarySnapshot(e.uuid, e.unit, e.date, known, current.implementation, current.report,
                               chosen_photos(photos.photo_data(event_id)), record=day)


def read_sources(event_id: int, names: Iterable[str], *, day=None) -> dict:
    """The snapshots ``names`` (of ``documents.kinds.SOURCES``: what the document kinds are written from) of the
    event, by name; ``day``: the record of the day when read already. The one selection: ``services.exports``
    (a document) and ``package_snapshot`` (the package) read through it."""
    from . import feedback, roster, route

    readers = {
        "roster": lambda: roster.roster_snapshot(event_id),
        "summary": lambda: summary_snapshot(event_id, day=day),
        "feedback": lambda: feedback.feedback_snapshot(event_id, day=day),
        "route": lambda: route.route_snapshot(event_id),
        "attendance": lambda: record.attendance_snapshot(event_id, day=day),
    }
    return {name: readers[name]() for name in dict.fromkeys(names)}


def package_snapshot(event_id: int):
    """Everything the filing package holds, read now (``package.write_package`` then runs on a worker): the
    snapshots its document kinds read (``read_sources``), the photos, the record of the day."""
    from ..documents import kinds
    from ..package import PackageSnapshot
    from . import photos, plan

    with models.database.atomic():
        e = live_event(event_id)
        day = record.build(event_id)
        found = read_sources(event_id, [k.reads for k in kinds.FILED if k.reads != "plan"], day=day)
        roster, summary = found.pop("roster"), found.pop("summary")
        return PackageSnapshot(event_uuid=e.uuid, unit=e.unit, date=e.date, fonts=plan.doc_fonts(),
                               plan=plan.snapshot(event_id), roster=roster, summary=summary,
                               photos=tuple(photos.photo_data(event_id)), extra=found, record=day,
                               dates=record.document_dates(event_id))
