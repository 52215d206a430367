"""The Open Day rule check of an event: the plan's rules, the roster's and the record of the day's, in one list
(the CLI's ``openday check`` and the Plan tab both call this)."""

from __future__ import annotations

import datetime as dt

from ..domain import checkin as checkin_rules
from ..domain import feedback as feedback_rules
from ..domain import record_rules, roster_rules, rules
from ..domain.record import DayRecord
from ..domain.rules import Finding
from . import counts, plan, record


def run_checks(event_id: int, *, today: dt.date | None = None, snapshot: plan.PlanSnapshot | None = None,
               day: DayRecord | None = None) -> list[Finding]:
    """Every rule's findings for the event; ``snapshot`` (the plan) and ``day`` (the record of the day) when the
    caller has read them already."""
    today = today or dt.date.today()
    snapshot = snapshot or plan.snapshot(event_id)
    day = day or record.build(event_id, today=today, survey=False)  # no satisfaction rule here
    return (rules.check(snapshot, today=today)
            + roster_rules.check(snapshot, counts.roster_summary(event_id), today=today)
            + checkin_rules.check_attendance(snapshot, day.arrived, today=today)
            + feedback_rules.check(counts.due_items(event_id), today=today)
            + record_rules.check(day, record.document_dates(event_id)))
