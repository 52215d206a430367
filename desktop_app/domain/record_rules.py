"""The rule check's findings on the record of the day: the programme's one end (the event's end time must be the
agenda's), more forms than arrivals (with the likely reason), and a chosen 成文日期 outside its rule's window.
Pure: it reads a ``DayRecord`` and the chosen dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n import QT_TRANSLATE_NOOP
from . import docdates
from .record import DayRecord
from .rules import Finding

RULES = ("end_mismatch", "forms_exceed_arrivals", "document_date")

END_MISMATCH = QT_TRANSLATE_NOOP(
    "core", "The event ends at {event_end} in the plan, but its programme ends at {agenda_end}: the plan, the "
            "announcement and the programme would print two end times. Make them agree (the end time in the Plan "
            "tab, or the items in the Route tab).")
FORMS_EXCEED = QT_TRANSLATE_NOOP(
    "core", "{forms} survey forms are entered but only {arrived} people arrived: likely forms entered twice, or "
            "people who took part without being checked in. Check the forms' numbers in the Feedback tab, and "
            "the check-ins.")
DOCUMENT_NAMES = {"plan": "实施方案", "announcement": "活动公告", "feedback-report": "意见建议办理反馈情况",
                  "implementation": "活动实施情况", "summary": "总结评估报告"}


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def check(day: DayRecord, chosen: Mapping[str, dt.date]) -> list[Finding]:
    """``chosen``: the 成文日期 chosen per document kind."""
    found: list[Finding] = []
    p = day.programme
    if p.event_end is not None and p.end is not None and p.event_end != p.end:
        found.append(Finding("end_mismatch", "error", END_MISMATCH,
                             {"event_end": _clock(p.event_end), "agenda_end": _clock(p.end)},
                             page="basic_info", field="end_time"))
    if day.held and day.forms > day.arrived:
        found.append(Finding("forms_exceed_arrivals", "warning", FORMS_EXCEED,
                             {"forms": day.forms, "arrived": day.arrived}, page="feedback"))
    for kind, date in chosen.items():
        limits = docdates.window(kind, day.date)
        if limits is not None and not limits[0] <= date <= limits[1]:
            first = limits[0] if limits[0] != dt.date.min else "—"
            found.append(Finding("document_date", "warning", docdates.OUTSIDE,
                                 {"what": DOCUMENT_NAMES.get(kind, kind), "date": date, "first": first,
                                  "last": limits[1]}, page="summary"))
    return found
