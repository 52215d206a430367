"""The audit log of user-visible changes (who, when, what; never personal data)."""

from __future__ import annotations

import datetime as dt
import getpass
from typing import NamedTuple

from db import models

# Edits of one field by one device within this window are one audit entry (typing is not a hundred changes).
COALESCE_WINDOW = dt.timedelta(minutes=5)


def actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing a save over
        return ""


class AuditRow(NamedTuple):
    """One entry of the audit log, as ``entries`` returns it; ``at`` is naive UTC."""

    at: dt.datetime
    actor: str
    action: str
    target: str
    field: str
    summary: str


def record(action: str, *, event_id: int | None = None, target: str = "", target_uuid: str = "",
           field: str = "", summary: str = "", coalesce: bool = False) -> None:
    now = models.utcnow()
    if coalesce:
        A = models.AuditEntry
        last = (A.select()
                .where((A.event == event_id) & (A.action == action) & (A.target_uuid == target_uuid)
                       & (A.field == field) & (A.device_id == models.device_id()) & (A.at > now - COALESCE_WINDOW))
                .order_by(A.id.desc()).first())
        if last is not None:
            last.at = now
            last.summary = summary
            last.save()
            return
    models.AuditEntry.create(event=event_id, at=now, actor=actor(), device_id=models.device_id(), action=action,
                             target=target, target_uuid=target_uuid, field=field, summary=summary)


def entries(event_id: int | None = None, limit: int = 200) -> list[AuditRow]:
    query = models.AuditEntry.select().order_by(models.AuditEntry.id.desc()).limit(limit)
    if event_id is not None:
        query = query.where(models.AuditEntry.event == event_id)
    return [AuditRow(e.at, e.actor, e.action, e.target, e.field, e.summary) for e in query]
