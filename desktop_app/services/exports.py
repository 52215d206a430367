"""What each document kind is written from, read for one event: the snapshots ``documents.export.export`` needs and
the 成文日期 chosen for it. One selection, which the CLI and the window share."""

from __future__ import annotations

from ..documents import export
from ..domain.docdates import DATED_KINDS


def sources(kind: str, event_id: int) -> dict:
    """Keyword arguments of ``export.export`` for ``kind`` (the plan and the fonts always; the rest as the kind
    needs); read in the caller's thread (the window: on its worker)."""
    from . import feedback, plan, record, roster, route, summary

    found: dict = {"snapshot": plan.snapshot(event_id), "fonts": plan.doc_fonts()}
    if kind in export.ROSTER_KINDS:
        found["roster"] = roster.roster_snapshot(event_id)
    if kind in export.SUMMARY_KINDS:
        found["summary"] = summary.summary_snapshot(event_id)
    if kind in export.FEEDBACK_KINDS:
        found["feedback"] = feedback.feedback_snapshot(event_id)
    if kind in export.ROUTE_KINDS:
        found["route"] = route.route_snapshot(event_id)
    if kind in export.ATTENDANCE_KINDS:
        found["attendance"] = record.attendance_snapshot(event_id)
    if kind in DATED_KINDS:
        found["dated"] = record.document_date(event_id, kind)
    return found
