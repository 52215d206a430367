"""The Open Day rule check of an event: the plan's rules and the roster's, in one list (the CLI's
``openday check`` and the Plan tab both call this)."""

from __future__ import annotations

import datetime as dt

from ..domain import checkin as checkin_rules
from ..domain import feedback as feedback_rules
from ..domain import roster_rules, rules
from ..domain.rules import Finding
from . import counts, plan


def run_checks(event_id: int, *, today: dt.date | None = None, snapshot: plan.PlanSnapshot | None = None,
               arrived: int | None = None) -> list[Finding]:
    """Every rule's findings for the event; ``snapshot`` (the plan) and ``arrived`` (the summary's count) when
    the caller has read them already."""
    today = today or dt.date.today()
    snapshot = snapshot or plan.snapshot(event_id)
    if arrived is None:  # as the summary counts them (each person once; before the day only when confirmed)
        arrived = counts.arrived_count(event_id)
    return (rules.check(snapshot, today=today)
            + roster_rules.check(snapshot, counts.roster_summary(event_id), today=today)
            + checkin_rules.check_attendance(snapshot, arrived, today=today)
            + feedback_rules.check(counts.due_items(event_id), today=today))
