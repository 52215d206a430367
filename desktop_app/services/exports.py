"""What each document kind is written from, read for one event: the snapshots ``documents.export.export`` needs
(as ``documents.kinds`` declares them) and the 成文日期 chosen for it. One selection, which the CLI, the window
and the filing package share."""

from __future__ import annotations

from ..documents import kinds as registry
from ..errors import UserError


def sources(kind: str, event_id: int) -> dict:
    """Keyword arguments of ``export.export`` for ``kind`` (the plan and the fonts always; the snapshot the kind
    reads; its 成文日期 when chosen); read in the caller's thread (the window: on its worker)."""
    from . import plan, record, summary

    spec = registry.get(kind)
    found: dict = {"snapshot": plan.snapshot(event_id), "fonts": plan.doc_fonts()}
    if spec.reads != "plan":
        found.update(summary.read_sources(event_id, [spec.reads]))
    if spec.dated:
        found["dated"] = record.document_date(event_id, kind)
    return found


def refusal(kind: str, event_id: int, today) -> UserError | None:
    """Why ``kind`` (or "package") cannot be written now other than as a draft: before the day for a report on
    it, or a published document (in the package: any) lacking facts it states; None when it can."""
    from ..documents import export
    from . import events, plan, summary

    early = export.too_early(kind, events.get_summary(event_id).date, today)
    if early is not None:
        return early
    checked = [k for k in registry.FILED if k.needs] if kind == "package" else [registry.get(kind)]
    checked = [k for k in checked if k.needs is not None and k.public]
    if not checked:
        return None
    found = summary.read_sources(event_id, [k.reads for k in checked if k.reads != "plan"])
    context = registry.Context(plan.snapshot(event_id), plan.doc_fonts(), today, today, None, False, False,
                               **found)
    return next((r for k in checked if (r := export.missing_facts(k.key, context)) is not None), None)
