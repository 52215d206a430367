"""What each document kind is written from, read for one event: the snapshots ``documents.export.export`` needs
(as ``documents.kinds`` declares them) and the 成文日期 chosen for it. One selection, which the CLI, the window
and the filing package share."""

from __future__ import annotations

from collections.abc import Iterable

from ..documents import kinds as registry
from ..errors import UserError


def read_sources(event_id: int, names: Iterable[str], *, day=None) -> dict:
    """The snapshots ``names`` (of ``documents.kinds.SOURCES``) of the event, by name; ``day``: the record of the
    day when read already."""
    from . import feedback, record, roster, route, summary

    readers = {
        "roster": lambda: roster.roster_snapshot(event_id),
        "summary": lambda: summary.summary_snapshot(event_id, day=day),
        "feedback": lambda: feedback.feedback_snapshot(event_id, day=day),
        "route": lambda: route.route_snapshot(event_id),
        "attendance": lambda: record.attendance_snapshot(event_id, day=day),
    }
    return {name: readers[name]() for name in dict.fromkeys(names)}


def sources(kind: str, event_id: int) -> dict:
    """Keyword arguments of ``export.export`` for ``kind`` (the plan and the fonts always; the snapshot the kind
    reads; its 成文日期 when chosen); read in the caller's thread (the window: on its worker)."""
    from . import plan, record

    spec = registry.get(kind)
    found: dict = {"snapshot": plan.snapshot(event_id), "fonts": plan.doc_fonts()}
    if spec.reads != "plan":
        found.update(read_sources(event_id, [spec.reads]))
    if spec.dated:
        found["dated"] = record.document_date(event_id, kind)
    return found


def refusal(kind: str, event_id: int, today) -> UserError | None:
    """Why ``kind`` (or "package") cannot be written now other than as a draft: before the day for a report on
    it, or a published document (in the package: any) lacking facts it states; None when it can."""
    from ..documents import export
    from . import events, plan

    early = export.too_early(kind, events.get_summary(event_id).date, today)
    if early is not None:
        return early
    checked = [k for k in registry.FILED if k.needs] if kind == "package" else [registry.get(kind)]
    checked = [k for k in checked if k.needs is not None and k.public]
    if not checked:
        return None
    found = read_sources(event_id, [k.reads for k in checked if k.reads != "plan"])
    context = registry.Context(plan.snapshot(event_id), plan.doc_fonts(), today, today, None, False, False,
                               **found)
    return next((r for k in checked if (r := export.missing_facts(k.key, context)) is not None), None)
