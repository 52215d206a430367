"""The Open Day's deadlines (DOMAIN.md "The workflow"): when each step is due, and where it stands today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP
from . import workdays
from .plan import PlanSnapshot

DUE_SOON_DAYS = 7

STATES = ("done", "overdue", "due_today", "due_soon", "upcoming", "undated")

# code -> label, in the order the steps happen.
LABELS: dict[str, str] = {
    "filing": QT_TRANSLATE_NOOP("core", "File the plan with the open-government office (报备)"),
    "announcement": QT_TRANSLATE_NOOP("core", "Publish the announcement (公告)"),
    "registration_deadline": QT_TRANSLATE_NOOP("core", "Registration closes"),
    "event_day": QT_TRANSLATE_NOOP("core", "Open Day"),
    "publish": QT_TRANSLATE_NOOP("core", "Publish how the day went (实施情况)"),
    "summary": QT_TRANSLATE_NOOP("core", "Summary and evaluation (总结评估)"),
    "feedback": QT_TRANSLATE_NOOP("core", "Answer the suggestions (意见反馈)"),
    "report": QT_TRANSLATE_NOOP("core", "Report to the open-government office"),
}
CODES: tuple[str, ...] = tuple(LABELS)

# "upcoming" reads like "due_soon"; the screen only colours them differently.
STATE_LABELS: dict[str, str] = {
    "done": QT_TRANSLATE_NOOP("core", "done on {date}"),
    "overdue": QT_TRANSLATE_NOOP("core", "overdue by {days} days"),
    "due_today": QT_TRANSLATE_NOOP("core", "due today"),
    "due_soon": QT_TRANSLATE_NOOP("core", "due in {days} days"),
    "upcoming": QT_TRANSLATE_NOOP("core", "due in {days} days"),
    "undated": QT_TRANSLATE_NOOP("core", "no date yet"),
}


class Milestone(NamedTuple):
    """One step of the workflow (a code of LABELS): its due, planned and done dates, and its state on ``today``."""

    code: str
    label: str  # core source string
    due: dt.date | None  # the latest date the rules allow
    planned: dt.date | None  # the date the coordinator has entered, where the plan has one
    done_on: dt.date | None
    state: str  # one of STATES
    days_left: int | None  # due − today; negative when overdue
    beyond_data: bool = False  # a working-day count ran past the holiday calendar's years


def state_of(due: dt.date | None, done_on: dt.date | None, today: dt.date) -> str:
    if done_on is not None:
        return "done"
    if due is None:
        return "undated"
    left = (due - today).days
    if left < 0:
        return "overdue"
    if left == 0:
        return "due_today"
    return "due_soon" if left <= DUE_SOON_DAYS else "upcoming"


def _due_dates(snapshot: PlanSnapshot, overrides: Mapping[dt.date, bool] | None
               ) -> dict[str, tuple[dt.date | None, dt.date | None, bool]]:
    """code -> (due, planned, beyond_data)."""
    t = snapshot.thresholds
    event = snapshot.date
    announce_due = event - dt.timedelta(days=t.announce_days) if event else None
    filing_due = announce_due - dt.timedelta(days=t.filing_days) if announce_due else None
    result: dict[str, tuple[dt.date | None, dt.date | None, bool]] = {
        "filing": (filing_due, snapshot.filing_date, False),
        "announcement": (announce_due, snapshot.announcement_date, False),
        "registration_deadline": (snapshot.registration_deadline, None, False),
        "event_day": (event, None, False),
    }
    # The paperwork after the day is counted from the event; some plans say 个工作日, hence the switch.
    for code, days in (("publish", t.publish_days), ("summary", t.summary_days),
                       ("feedback", t.feedback_days), ("report", t.report_days)):
        if event is None:
            result[code] = (None, None, False)
        else:
            due = workdays.add_days(event, days, working=t.working_days, overrides=overrides)
            result[code] = (due.date, None, due.beyond_data)
    return result


def compute(snapshot: PlanSnapshot, *, done: Mapping[str, dt.date] | None = None,
            overrides: Mapping[dt.date, bool] | None = None, today: dt.date) -> list[Milestone]:
    """Every milestone of the event in order, with its due date and its state on ``today``."""
    done = done or {}
    dues = _due_dates(snapshot, overrides)
    result: list[Milestone] = []
    for code in CODES:
        due, planned, beyond = dues[code]
        done_on = done.get(code)
        result.append(Milestone(
            code=code,
            label=LABELS[code],
            due=due,
            planned=planned,
            done_on=done_on,
            state=state_of(due, done_on, today),
            days_left=(due - today).days if due else None,
            beyond_data=beyond,
        ))
    return result
