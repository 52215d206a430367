"""The check-in log: every action at the door is an immutable entry, and attendance is derived from the log.

An entry (``models.CheckinEntry``) is one of

* ``entry``    a pass admitted (a confirmed person);
* ``admit``    someone not confirmed admitted anyway (they become confirmed);
* ``walk_in``  a person registered at the door and admitted; ``person`` carries their roster row, so a device
               that never saw the registration learns the person with the entry;
* ``undo``     ``target`` names the entry undone, ``reason`` says why.

Each carries its own ``uuid``, the ``device`` that took it and that device's sequence number ``seq`` (1, 2, …;
0 for a check-in made before the log existed, see ``adopt``), a hybrid logical clock stamp ``hlc``
(``domain.hlc``), the device's own clock ``wall_at`` (naive UTC) and the ``operator`` (the login of the person
at the desk). Nothing changes an entry or deletes it.

**Exchange.** Devices exchange "every entry of device D after sequence N" (``cursors``, ``entries_after``), over
the venue network or in a bundle (which carries the whole log). ``receive`` appends what is new, matching by
``uuid``, in one transaction: a repeated or interrupted exchange delivers each entry exactly once.

**Attendance** (``CheckIn``, what every count reads) is the log's projection, written in the transaction that
appends the entry: one ``CheckIn`` per admitting entry (``scan_id`` = the entry's uuid), undone when an undo
entry names it, whichever arrived first. A person's first active entry is their arrival; later ones are
duplicates the merge report lists (``services.reconcile``). The time a check-in is placed at is the entry's
logical time (its stamp's physical part), so a device whose clock was wrong but had exchanged with the hub or
the office places its scans on the venue's day; when a device's offset was measured (a bundle's journey, the
hub's exchange) and its stamps still follow its own wrong clock, the offset is taken off (``placed``).

**Clocks.** Every device stamps by its own clock corrected by its own offset against the office or the hub
(``own_offset``, measured at each exchange), and never below the largest stamp it holds that is not in the
future of its clock (a device a year ahead does not drag the others' stamps along)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass

from db import models

from ..domain import hlc
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .rows import CLOCK_KEY, _record, _store

log = logging.getLogger(__name__)

ENTRY, ADMIT, WALK_IN, UNDO = "entry", "admit", "walk_in", "undo"
KINDS = (ENTRY, ADMIT, WALK_IN, UNDO)
ADMITTING = (ENTRY, ADMIT, WALK_IN)
FIELDS = ("uuid", "device", "seq", "hlc", "wall_at", "kind", "invitee", "target", "reason", "operator", "person")
OFFSETS_KEY = "bundle.clock_offsets"  # device -> its clock minus the office's (seconds), as measured or told
SLACK = dt.timedelta(minutes=5)  # services.reconcile.CLOCK_SLACK: clocks closer than this agree
MAX_TEXT = 2000  # a reason or an operator's name longer than this is not one a person typed
DAY = dt.timedelta(days=1)

BAD_ENTRY = QT_TRANSLATE_NOOP(
    "core", "The check-in log from {origin} holds an entry the app cannot accept (entry {number}, field "
            "“{field}”): nothing of it was taken. Make the exchange again from the newest version of the app.")


@dataclass(frozen=True)
class Received:
    added: int  # new entries appended
    admitted: int  # of them, entries that admit someone (entry, admit, walk-in)
    findings: tuple = ()


# -- reading -------------------------------------------------------------------------------------------------------


def _row(entry: models.CheckinEntry | dict) -> dict:
    get = entry.get if isinstance(entry, dict) else lambda name: getattr(entry, name)
    out = {name: get(name) for name in FIELDS}
    wall = out["wall_at"]
    out["wall_at"] = wall.isoformat() if isinstance(wall, dt.datetime) else wall
    return out


def cursors(event_id: int) -> dict[str, int]:
    """Device id -> the highest sequence number of its entries held here."""
    E = models.CheckinEntry
    return dict(E.select(E.device, models.fn.MAX(E.seq)).where(E.event == event_id).group_by(E.device).tuples())


def entries_after(event_id: int, after: dict[str, int], limit: int | None = None) -> list[dict]:
    """The entries held here that ``after`` (device -> sequence number held there) lacks: of each device, those
    after its number (all of a device it does not name), in each device's order; at most ``limit``."""
    E = models.CheckinEntry
    out: list[dict] = []
    for device, top in cursors(event_id).items():
        have = after.get(device, -1)
        if not isinstance(have, int) or have >= top:
            continue
        query = E.select().where((E.event == event_id) & (E.device == device) & (E.seq > have)).order_by(E.seq, E.id)
        if limit is not None:
            query = query.limit(limit - len(out))
        out.extend(_row(e) for e in query)
        if limit is not None and len(out) >= limit:
            break
    return out


def all_entries(event_id: int) -> list[dict]:
    """The whole log of the event, as a bundle carries it."""
    E = models.CheckinEntry
    return [_row(e) for e in E.select().where(E.event == event_id).order_by(E.device, E.seq, E.id)]


def own_offset(event_id: int) -> float | None:
    """This device's clock minus the office's or the hub's (seconds), as last measured; None when unknown."""
    value = _record(event_id, CLOCK_KEY)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def set_own_offset(event_id: int, seconds: float | None) -> None:
    """Remember this device's clock offset (``None``/0: its clock agrees)."""
    S = models.Setting
    if not seconds or abs(seconds) <= SLACK.total_seconds():
        S.delete().where((S.event == event_id) & (S.key == CLOCK_KEY)).execute()
    else:
        _store(event_id, CLOCK_KEY, round(seconds))


def offsets(event_id: int) -> dict[str, float]:
    """Device -> its clock minus the office's, for the devices whose clock was found off."""
    value = _record(event_id, OFFSETS_KEY)
    if not isinstance(value, dict):
        return {}
    return {k: float(v) for k, v in value.items() if isinstance(k, str) and isinstance(v, int | float)
            and not isinstance(v, bool)}


def note_offsets(event_id: int, found: dict[str, float]) -> None:
    """Remember devices' offsets (a device within ``SLACK`` is forgotten: its clock agrees now)."""
    if not found:
        return
    known = offsets(event_id)
    for device, seconds in found.items():
        if device == models.device_id():
            continue
        if abs(seconds) > SLACK.total_seconds():
            known[device] = round(seconds)
        else:
            known.pop(device, None)
    _store(event_id, OFFSETS_KEY, known)


# -- time ----------------------------------------------------------------------------------------------------------


def correction(offset_s: float) -> dt.timedelta:
    """What to take off a device's times whose clock was ``offset_s`` ahead (negative: behind). Half a day and
    more is a wrong date with the time of day right (measured across a bundle's journey, the offset looks
    smaller than it is): whole days, rounded away from zero."""
    if abs(offset_s) < DAY.total_seconds() / 2:
        return dt.timedelta(seconds=offset_s)
    days = -(-abs(offset_s) // DAY.total_seconds())
    return DAY * days * (1 if offset_s > 0 else -1)


def placed(stamp: hlc.Stamp, wall: dt.datetime, offset_s: float | None) -> dt.datetime:
    """When an entry happened on the office's clock: its logical time, less the device's measured offset when
    its stamp still follows its own clock (it had not corrected itself)."""
    at = stamp.time
    if offset_s and abs(offset_s) > SLACK.total_seconds() and abs(at - wall) < SLACK:
        return at - correction(offset_s)
    return at


def _clock_now(event_id: int) -> dt.datetime:
    """This device's clock corrected by its own measured offset (naive UTC)."""
    now = models.utcnow()
    own = own_offset(event_id)
    return now - correction(own) if own else now


def _last_stamp(event_id: int, now: dt.datetime) -> hlc.Stamp | None:
    """The largest stamp held that is not ahead of ``now`` by more than the slack."""
    E = models.CheckinEntry
    ceiling = hlc.Stamp(hlc.milliseconds(now + SLACK), 999_999, "~").text
    text = (E.select(models.fn.MAX(E.hlc)).where((E.event == event_id) & (E.hlc <= ceiling)).scalar())
    return hlc.parse(text) if text else None


# -- writing -------------------------------------------------------------------------------------------------------


def operator() -> str:
    from ..services.audit import actor

    return actor()[:100]


def append(event_id: int, kind: str, invitee_uuid: str, *, target: str = "", reason: str = "",
           person: dict | None = None, at: dt.datetime | None = None,
           invitee_id: int | None = None) -> models.CheckinEntry:
    """A new entry of this device, projected (in the caller's transaction). ``at`` (naive UTC): when it
    happened, for an action recorded afterwards (the demo's day); otherwise now. ``invitee_id``: the person's row
    here, when the caller holds it (a scan at this desk: its arrival is written at once, without looking for
    what a new entry cannot have — an earlier projection, an undo that came first)."""
    E = models.CheckinEntry
    device = models.device_id()
    wall = at or models.utcnow()
    now = at or _clock_now(event_id)
    top = E.select(models.fn.MAX(E.seq)).where((E.event == event_id) & (E.device == device)).scalar() or 0
    stamp = hlc.tick(_last_stamp(event_id, now), now, device) if at is None else hlc.tick(None, at, device)
    entry = E.create(uuid=models.new_uuid(), event=event_id, device=device, seq=top + 1, hlc=stamp.text,
                     wall_at=wall, kind=kind, invitee=invitee_uuid, target=target, reason=reason[:MAX_TEXT],
                     operator=operator(), person=json.dumps(person, ensure_ascii=False) if person else "",
                     received_at=models.utcnow())
    if invitee_id is not None and kind in ADMITTING:
        _arrival(event_id, entry, invitee_id, _placed_of(entry, {}))
    else:
        _project(event_id, [entry], {})
    return entry


def _arrival(event_id: int, e: models.CheckinEntry, invitee_id: int, at: dt.datetime,
             undone: tuple[str, str] | None = None) -> None:
    """The check-in of the admitting entry ``e`` of the person ``invitee_id``, placed ``at`` (``undone``: the
    stamp and reason of an undo that came before it)."""
    C, Inv = models.CheckIn, models.Invitee
    C.insert(event=event_id, invitee=invitee_id, scan_id=e.uuid, scanned_at=at, recorded_at=e.received_at,
             device=e.device, walk_in=e.kind == WALK_IN, undone_at=_stamp_time(undone[0]) if undone else None,
             undo_reason=undone[1] if undone else "", uuid=e.uuid, updated_at=at, device_id=e.device).execute()
    if e.kind == ADMIT:  # admitted anyway: confirmed
        from ..domain.checkin import ADMITTED_STATUS

        Inv.update(status=ADMITTED_STATUS).where((Inv.id == invitee_id) & (Inv.status != ADMITTED_STATUS)).execute()


def _placed_of(entry: models.CheckinEntry, known: dict[str, float]) -> dt.datetime:
    stamp = hlc.parse(entry.hlc) or hlc.at(entry.wall_at, entry.device)
    return placed(stamp, entry.wall_at, known.get(entry.device))


def _project(event_id: int, entries: list[models.CheckinEntry], known: dict[str, float]) -> None:
    """Attendance from the new ``entries``: a check-in for each admitting entry whose person is known here, an
    undo on the check-in it names (or, when that has not arrived yet, on it when it does)."""
    C, E, Inv = models.CheckIn, models.CheckinEntry, models.Invitee
    admitting = [e for e in entries if e.kind in ADMITTING]
    if admitting:
        ids = dict(Inv.select(Inv.uuid, Inv.id).where(Inv.uuid.in_({e.invitee for e in admitting})).tuples())
        exists = set(C.select(C.scan_id).where(C.scan_id.in_([e.uuid for e in admitting])).tuples())
        undos = {target: (undo_at, reason) for target, undo_at, reason in (
            E.select(E.target, E.hlc, E.reason).where((E.event == event_id) & (E.kind == UNDO)
                                                     & E.target.in_([e.uuid for e in admitting])).order_by(E.hlc)
            .tuples()) if target}
        for e in admitting:
            if (e.uuid,) in exists or e.invitee not in ids:
                continue  # projected already; or the person is not here yet (``project_missing`` after a merge)
            # (undos.get: the undo's stamp and reason, when it came first)
            _arrival(event_id, e, ids[e.invitee], _placed_of(e, known), undos.get(e.uuid))
    for e in entries:
        if e.kind != UNDO:
            continue
        stamp = hlc.parse(e.hlc) or hlc.at(e.wall_at, e.device)
        when = placed(stamp, e.wall_at, known.get(e.device))
        current = C.get_or_none(C.scan_id == e.target)
        if current is None:
            continue
        if current.undone_at is None or when < current.undone_at:  # the earliest undo stands
            C.update(undone_at=when, undo_reason=e.reason).where(C.id == current.id).execute()


def _stamp_time(text: str) -> dt.datetime | None:
    stamp = hlc.parse(text)
    return stamp.time if stamp else None


def project_missing(event_id: int) -> int:
    """Project the admitting entries whose person arrived after them (a bundle brought the row); returns how
    many were projected."""
    C, E = models.CheckIn, models.CheckinEntry
    waiting = list(E.select().where((E.event == event_id) & E.kind.in_(ADMITTING)
                                    & E.uuid.not_in(C.select(C.scan_id).where(C.event == event_id))))
    if waiting:
        _project(event_id, waiting, offsets(event_id))
    return len(waiting)


# -- receiving -----------------------------------------------------------------------------------------------------


def _bad(source: str, number: int, name: str) -> UserError:
    return UserError(BAD_ENTRY, origin=source, number=number, field=name)


def checked(entries, source: str) -> list[dict]:
    """The entries of an exchange or a bundle, each value checked (``UserError`` naming the entry and field)."""
    if not isinstance(entries, list):
        raise _bad(source, 0, "entries")
    out = []
    seen: set[str] = set()
    for n, raw in enumerate(entries, start=1):
        if not isinstance(raw, dict):
            raise _bad(source, n, "entry")
        row = {name: raw.get(name, "" if name in ("target", "reason", "operator", "person") else None)
               for name in FIELDS}
        if isinstance(row["person"], dict):  # checked already (a bundle's log, received)
            row["person"] = json.dumps(row["person"], ensure_ascii=False)
        for name in ("uuid", "device", "hlc", "kind", "invitee", "target", "reason", "operator", "person"):
            value = row[name]
            if not isinstance(value, str) or len(value) > (200_000 if name == "person" else MAX_TEXT) \
                    or any(0xD800 <= ord(ch) <= 0xDFFF or ch == "\x00" for ch in value):
                raise _bad(source, n, name)
        if not row["uuid"] or len(row["uuid"]) > 64 or row["uuid"] in seen:
            raise _bad(source, n, "uuid")
        seen.add(row["uuid"])
        if len(row["device"]) > 64 or not row["invitee"] or len(row["invitee"]) > 64:
            raise _bad(source, n, "device" if len(row["device"]) > 64 else "invitee")
        if row["kind"] not in KINDS:
            raise _bad(source, n, "kind")
        if row["kind"] == UNDO and not row["target"]:
            raise _bad(source, n, "target")
        if not isinstance(row["seq"], int) or isinstance(row["seq"], bool) or not 0 <= row["seq"] < 2**53:
            raise _bad(source, n, "seq")
        stamp = hlc.parse(row["hlc"])
        if stamp is None or stamp.device != row["device"]:
            raise _bad(source, n, "hlc")
        wall = row["wall_at"]
        try:
            wall = dt.datetime.fromisoformat(wall) if isinstance(wall, str) else wall
        except ValueError:
            wall = None
        if not isinstance(wall, dt.datetime):
            wall = None
        if wall is None or wall.tzinfo is not None:
            raise _bad(source, n, "wall_at")
        row["wall_at"] = wall
        if row["kind"] == WALK_IN and row["person"]:  # (a walk-in made before the log: its row travels)
            row["person"] = _person(row["person"], row["invitee"], source, n)
        elif row["person"]:
            raise _bad(source, n, "person")
        out.append(row)
    return out


def _person(text: str, invitee: str, source: str, n: int) -> dict:
    try:
        person = json.loads(text) if text else None
    except ValueError:
        person = None
    if not isinstance(person, dict) or person.get("uuid") != invitee:
        raise _bad(source, n, "person")
    return person


def receive(event_id: int, entries: list[dict], *, offsets_found: dict[str, float] | None = None,
            source: str = "", reconcile: bool = True) -> Received:
    """Append the entries not held here and derive attendance from them, in one transaction (the caller's when
    it has one); ``offsets_found``: devices' clocks found off (device -> seconds ahead of this one's). Entries
    are checked first (``checked``); a refusal appends nothing. With ``reconcile``, what the new entries leave to
    be put right is, and named (``services.reconcile``)."""
    from ..services import reconcile as reconciling

    rows = checked(entries, source or "?")
    E = models.CheckinEntry
    with models.database.atomic():
        note_offsets(event_id, offsets_found or {})
        held: set[str] = set()
        uuids = [r["uuid"] for r in rows]
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            for uuid, owner in E.select(E.uuid, E.event).where(E.uuid.in_(chunk)).tuples():
                if owner != event_id:
                    raise _bad(source or "?", uuids.index(uuid) + 1, "uuid")
                held.add(uuid)
        new = [r for r in rows if r["uuid"] not in held]
        if not new:
            return Received(0, 0, ())
        _add_people(event_id, [r for r in new if r["kind"] == WALK_IN], source)
        now = models.utcnow()
        appended = []
        for r in new:
            values = {**r, "person": json.dumps(r["person"], ensure_ascii=False) if r["person"] else "",
                      "event": event_id, "received_at": now}
            appended.append(E.create(**values))
        _project(event_id, appended, offsets(event_id))
        findings = tuple(reconciling.reconcile(event_id)) if reconcile else ()
        admitted = sum(1 for r in new if r["kind"] in ADMITTING)
    log.info("check-in log of event %s: %d entries received (%d admitting) from %s", event_id, len(new), admitted,
             source or "?")
    return Received(len(new), admitted, findings)


def _add_people(event_id: int, walk_ins: list[dict], source: str) -> None:
    """The people registered at the door on another device, onto the roster here (a row already here stays as
    it is: the rows' own merge carries its changes)."""
    if not walk_ins:
        return
    from .merge import insert_rows  # the one way a bundle's row is written here
    from .validation import checked_rows

    Inv = models.Invitee
    wanted = {r["invitee"]: r["person"] for r in walk_ins if r["person"]}
    here = set(Inv.select(Inv.uuid).where(Inv.uuid.in_(list(wanted))).tuples())
    new = [person for uuid, person in wanted.items() if (uuid,) not in here]
    if not new:
        return
    event_uuid = models.Event.select(models.Event.uuid).where(models.Event.id == event_id).scalar()
    rows = checked_rows("invitee", [dict(p) for p in new], event_uuid, source)
    insert_rows(models.Invitee, rows)


# -- the check-ins made before the log -----------------------------------------------------------------------------


def undo_uuid(scan_id: str) -> str:
    """The uuid of the undo entry of a check-in undone before the log existed (the same on every device)."""
    return hashlib.sha256(f"{scan_id}:undo".encode()).hexdigest()[:32]


def adopt(database, event_id: int | None = None) -> int:
    """Entries for the check-ins that have none (made before the log, or brought by a bundle of the released
    version): an admitting entry with the check-in's own id at sequence 0, and an undo for an undone one. Plain
    SQL on ``database``, so the schema step uses it before the models are bound. Returns the entries added."""
    where = "" if event_id is None else " AND c.event_id = ?"
    params = () if event_id is None else (event_id,)
    found = database.execute_sql(
        'SELECT c.event_id, c.scan_id, c.device, c.scanned_at, c.recorded_at, c.walk_in, c.undone_at, c.undo_reason, '
        'i.uuid FROM check_in c JOIN invitee i ON i.id = c.invitee_id '
        'LEFT JOIN checkin_entry e ON e.uuid = c.scan_id '
        f'WHERE c.deleted = 0 AND e.id IS NULL{where}', params).fetchall()
    found += database.execute_sql(
        'SELECT c.event_id, c.scan_id, c.device, c.scanned_at, c.recorded_at, NULL, c.undone_at, c.undo_reason, '
        'i.uuid FROM check_in c JOIN invitee i ON i.id = c.invitee_id JOIN checkin_entry e ON e.uuid = c.scan_id '
        f'WHERE c.deleted = 0 AND c.undone_at IS NOT NULL{where} AND NOT EXISTS '
        '(SELECT 1 FROM checkin_entry u WHERE u.kind = \'undo\' AND u.target = c.scan_id)', params).fetchall()
    added = 0
    for event, scan_id, device, scanned, recorded, walk_in, undone, reason, invitee in found:
        device = "".join(ch for ch in device or "" if ch.isalnum() or ch in "-_")[:64]
        rows = []
        if walk_in is not None:
            at = _as_time(scanned)
            rows.append((scan_id[:64], event, device, 0, hlc.at(at, device).text, at,
                         WALK_IN if walk_in else ENTRY, invitee, "", ""))
        if undone:
            at = _as_time(undone)
            rows.append((undo_uuid(scan_id), event, device, 0, hlc.at(at, device, 1).text, at, UNDO, invitee,
                         scan_id[:64], reason or ""))
        for values in rows:
            database.execute_sql(
                'INSERT OR IGNORE INTO checkin_entry (uuid, event_id, device, seq, hlc, wall_at, kind, invitee, target, '
                'reason, operator, person, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \'\', \'\', ?)',
                (*[v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v for v in values],
                 _as_time(recorded).isoformat(sep=" ")))
            added += 1
    return added


def _as_time(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime(1970, 1, 1)


def migrate_check_ins(database) -> None:
    """Schema step 4: today's check-ins become the log's first entries."""
    count = adopt(database)
    log.info("check-in log: %d entries made from the check-ins recorded before it", count)
