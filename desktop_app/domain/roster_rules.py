"""The rule check's roster rules: categories over quota, minors on the roster, and too few confirmed once
registration has closed. They join the plan's rules (``domain.rules``) in ``services.checks``."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP
from .plan import PlanSnapshot
from .rules import Finding

RULES = ("quota_exceeded", "under_18", "roster_short")

QUOTA_EXCEEDED = QT_TRANSLATE_NOOP(
    "core", "{category}: {confirmed} people are confirmed for {quota} places. Move {extra} to the waiting list in "
            "the Roster tab, or raise the quota in the Plan tab.")
UNDER_18 = QT_TRANSLATE_NOOP(
    "core", "{count} people on the roster are under 18 on the day of the event ({names}). Invitees must be "
            "adults: cancel them in the Roster tab.")
ROSTER_SHORT = QT_TRANSLATE_NOOP(
    "core", "Registration closed on {deadline} with {confirmed} people confirmed; the event needs at least "
            "{minimum}. Invite {missing} more (定向邀请) and confirm them in the Roster tab.")


class CategoryCount(NamedTuple):
    """An invitee category's quota and how many people in it are confirmed."""

    name: str
    quota: int
    confirmed: int


class RosterSummary(NamedTuple):
    """What the roster rules read of the roster (``services.counts.roster_summary``)."""

    categories: tuple[CategoryCount, ...]
    minors: tuple[str, ...]  # names of people (not cancelled) under 18 on the event date
    confirmed_total: int


def check(plan: PlanSnapshot, summary: RosterSummary, *, today: dt.date) -> list[Finding]:
    findings: list[Finding] = []
    for c in summary.categories:
        if c.confirmed > c.quota:
            findings.append(Finding("quota_exceeded", "error", QUOTA_EXCEEDED,
                                    {"category": c.name, "confirmed": c.confirmed, "quota": c.quota,
                                     "extra": c.confirmed - c.quota}, page="roster", field="view"))
    if summary.minors:
        shown = "、".join(summary.minors[:5]) + ("等" if len(summary.minors) > 5 else "")
        findings.append(Finding("under_18", "error", UNDER_18, {"count": len(summary.minors), "names": shown},
                                page="roster", field="view"))
    deadline = plan.registration_deadline
    minimum = plan.thresholds.min_invitees
    if deadline and today > deadline and summary.confirmed_total < minimum:
        findings.append(Finding("roster_short", "warning", ROSTER_SHORT,
                                {"deadline": deadline, "confirmed": summary.confirmed_total,
                                 "minimum": minimum, "missing": minimum - summary.confirmed_total},
                                page="roster", field="view"))
    return findings
