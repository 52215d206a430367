"""After rows from another device were merged: what the merge alone would leave silently wrong, put right the
same way on every device, and named.

- ``duplicate_walk_in``: the same person (same ID number or phone) registered at the door on two devices is one
  person: the registration made first (then the smaller uuid, so every device keeps the same one) keeps both
  check-ins; the other is removed (soft delete, so the removal travels back).
- ``admitted_deleted``: someone admitted on a device after the office deleted them arrived: they are brought back
  onto the roster, counted, and named for the coordinator to confirm.
- ``duplicate_admission``: one person admitted on two devices is one arrival; the second admission is listed.
- ``clock_offset`` is the bundle's (see ``desktop_app.bundle``): a device whose clock differs by more than
  ``CLOCK_SLACK``.

The messages may name people: they are for the screen and the command's output, never for the log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import models

from .. import i18n
from ..domain.roster import WALK_IN_SOURCE
from ..i18n import QT_TRANSLATE_NOOP
from . import audit
from .values import local_time

CLOCK_SLACK = dt.timedelta(minutes=5)

DUPLICATE_WALK_IN = QT_TRANSLATE_NOOP(
    "core", "{name} was registered as a walk-in on two devices (same ID number or phone): kept as one person with "
    "both check-ins.")
ADMITTED_DELETED = QT_TRANSLATE_NOOP(
    "core", "{name} had been deleted from the roster but was admitted at {time} on device {device}: brought back "
    "and counted as arrived. Confirm or correct this in the roster.")
DUPLICATE_ADMISSION = QT_TRANSLATE_NOOP(
    "core", "{name} was admitted on {count} devices ({times}): counted once.")


@dataclass(frozen=True)
class Finding:
    kind: str  # duplicate_walk_in, admitted_deleted, duplicate_admission, clock_offset
    message: str  # in the interface's language; may name a person (screen and output only, never the log)
    invitee: str = ""  # the person's uuid
    device: str = ""
    offset_s: int | None = None  # clock_offset: the device's clock minus this one's, in seconds

    def as_json(self) -> dict:
        out = {"kind": self.kind, "message": self.message}
        if self.invitee:
            out["invitee"] = self.invitee
        if self.device:
            out["device"] = self.device
        if self.offset_s is not None:
            out["offset_s"] = self.offset_s
        return out


def _key_values(person: models.Invitee) -> list[tuple[str, str]]:
    keys = []
    id_number = (person.id_number or "").strip().upper()
    if id_number:
        keys.append(("id", id_number))
    phone = "".join(ch for ch in person.phone or "" if ch.isdigit())
    if len(phone) >= 7:
        keys.append(("phone", phone[-11:]))
    return keys


def _merge_walk_ins(event_id: int) -> list[Finding]:
    """One person for each group of live walk-ins sharing an ID number or a phone."""
    Inv = models.Invitee
    walk_ins = list(Inv.select().where((Inv.event == event_id) & Inv.alive()
                                       & (Inv.source == WALK_IN_SOURCE)))
    if len(walk_ins) < 2:
        return []
    parent = {p.id: p.id for p in walk_ins}

    def root(pid: int) -> int:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    first_with: dict[tuple[str, str], int] = {}
    for person in walk_ins:
        for key in _key_values(person):
            if key in first_with:
                parent[root(person.id)] = root(first_with[key])
            else:
                first_with[key] = person.id
    groups: dict[int, list[models.Invitee]] = {}
    for person in walk_ins:
        groups.setdefault(root(person.id), []).append(person)
    findings = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda p: (p.registered_at or dt.datetime.max, p.uuid))
        keeper, others = group[0], group[1:]
        for other in others:
            other.deleted = True
            other.merged_into = keeper.uuid
            other.save()
            audit.record("sync.walk_in_merged", event_id=event_id, target="invitee", target_uuid=other.uuid,
                         summary=keeper.uuid)
        findings.append(Finding("duplicate_walk_in", i18n.text(DUPLICATE_WALK_IN, name=keeper.name), keeper.uuid))
    return findings


def _follow_merges(event_id: int) -> None:
    """The check-ins of a walk-in joined to another person are that person's, on every device: the rows say who
    was kept (``merged_into``, which travels), the check-ins follow (they are derived here, never sent)."""
    Inv, C = models.Invitee, models.CheckIn
    merged = dict(Inv.select(Inv.id, Inv.merged_into).where((Inv.event == event_id) & (Inv.merged_into != ""))
                  .tuples())
    if not merged:
        return
    by_uuid = dict(Inv.select(Inv.uuid, Inv.id).where(Inv.event == event_id).tuples())
    for person, into in merged.items():
        seen = {person}
        keeper = by_uuid.get(into)
        while keeper in merged and keeper not in seen:  # joined in turn to another
            seen.add(keeper)
            keeper = by_uuid.get(merged[keeper])
        if keeper is not None and keeper != person:
            C.update(invitee=keeper).where((C.event == event_id) & (C.invitee == person)).execute()


def _active_checkins(event_id: int):
    C = models.CheckIn
    return C.select().where((C.event == event_id) & C.alive() & C.undone_at.is_null())


def _bring_back_admitted(event_id: int) -> list[Finding]:
    """Deleted people with an active check-in arrived: on the roster again, named."""
    Inv, C = models.Invitee, models.CheckIn
    findings = []
    deleted = (Inv.select().join(C, on=(C.invitee == Inv.id))
               .where((Inv.event == event_id) & (Inv.deleted == True) & C.alive()  # noqa: E712
                      & C.undone_at.is_null() & (Inv.merged_into == "")).distinct())
    for person in deleted:
        first = _active_checkins(event_id).where(C.invitee == person.id).order_by(C.scanned_at).first()
        person.deleted = False
        person.save()
        audit.record("sync.admitted_deleted", event_id=event_id, target="invitee", target_uuid=person.uuid)
        when = local_time(first.scanned_at)
        findings.append(Finding("admitted_deleted", i18n.text(
            ADMITTED_DELETED, name=person.name, time=f"{when:%m-%d %H:%M}" if when else "",
            device=(first.device or "")[:8]), person.uuid, first.device or ""))
    return findings


def _double_admissions(event_id: int) -> list[Finding]:
    C, Inv = models.CheckIn, models.Invitee
    by_person: dict[int, list] = {}
    for checkin in _active_checkins(event_id).order_by(C.scanned_at):
        by_person.setdefault(checkin.invitee_id, []).append(checkin)
    findings = []
    for person_id, checkins in by_person.items():
        devices = {c.device for c in checkins}
        if len(devices) < 2:
            continue
        person = Inv.get_by_id(person_id)
        times = "、".join(f"{(c.device or '')[:8]} {local_time(c.scanned_at):%H:%M}" for c in checkins)
        findings.append(Finding("duplicate_admission", i18n.text(
            DUPLICATE_ADMISSION, name=person.name, count=len(devices), times=times), person.uuid))
    return findings


def reconcile(event_id: int) -> list[Finding]:
    """Put right and name what a merge of another device's rows left (in the caller's transaction)."""
    joined = _merge_walk_ins(event_id)
    _follow_merges(event_id)
    return joined + _bring_back_admitted(event_id) + _double_admissions(event_id)
