"""Check-in at the venue: admitting people (each check-in committed before success is shown), undo with a
reason, walk-ins, live counts, and marking no-shows after the day. Every admission and undo is an entry of the
check-in log (``desktop_app.bundle.log``), from which the check-ins counted here are derived in the same
transaction. A person admitted on two devices has two check-ins and is counted once."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from db import models

from .. import settings
from ..domain import checkin as rules
from ..domain.plan import Thresholds
from ..domain.roster import WALK_IN_SOURCE, InviteeDraft, status_name
from ..errors import EventNotFound, UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, counts, roster
from .counts import early_counted
from .live import live_event, require_live
from .values import local_time

NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("core", "There is no check-in to undo.")
GONE = QT_TRANSLATE_NOOP("core", "This check-in no longer exists; the list is reloaded.")
BEFORE_THE_DAY = QT_TRANSLATE_NOOP("core", "No-shows can only be marked on or after the day of the event ({date}).")


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    category: str
    organisation: str
    status: str
    phone: str
    pass_code: str
    checked_in_at: dt.datetime | None  # local time of the first active check-in
    walk_in: bool

    @property
    def status_label(self) -> str:
        """The status in the interface's language."""
        return status_name(self.status)


@dataclass(frozen=True)
class Result:
    outcome: str  # one of domain.checkin.OUTCOMES
    person: Person | None
    code: str = ""
    elsewhere: bool = False  # ``again``: the arrival was taken at another device of the venue (another door)


@dataclass(frozen=True)
class CheckinRow:
    id: int
    invitee_id: int
    name: str
    category: str
    scanned_at: dt.datetime  # local
    device: str
    walk_in: bool
    undone_at: dt.datetime | None
    undo_reason: str


def _active(event_id: int):
    C = models.CheckIn
    return C.select().where((C.event == event_id) & C.alive() & C.undone_at.is_null())


def _arrivals(event_id: int, only: int | None = None) -> dict[int, tuple[dt.datetime, bool]]:
    """(scanned_at, walk_in) of the first active check-in of each person (``only``: of one person)."""
    first: dict[int, tuple[dt.datetime, bool]] = {}
    C = models.CheckIn
    query = _active(event_id).select(C.invitee, C.scanned_at, C.walk_in)
    if only is not None:
        query = query.where(C.invitee == only)
    for invitee, scanned_at, walk_in in query.order_by(C.scanned_at).tuples():
        first.setdefault(invitee, (scanned_at, bool(walk_in)))
    return first


def people(event_id: int, *, only: int | None = None) -> list[Person]:
    """Everyone on the roster (not deleted), with their arrival, in the roster's order (``only``: one person)."""
    with models.database.atomic():
        require_live(event_id)
        names = {c.id: c.name for c in models.InviteeCategory.select().where(models.InviteeCategory.event == event_id)}
        arrivals = _arrivals(event_id, only)
        Inv = models.Invitee
        query = (Inv.select(Inv.id, Inv.name, Inv.category, Inv.organisation, Inv.status, Inv.phone, Inv.pass_code)
                 .where((Inv.event == event_id) & Inv.alive()).order_by(Inv.id))
        if only is not None:
            query = query.where(Inv.id == only)
        out = []
        for pid, name, category, organisation, status, phone, code in query.tuples():  # tuples: 20,000 people
            scanned, walk_in = arrivals.get(pid, (None, False))
            out.append(Person(pid, name, names.get(category, ""), organisation, status, phone, code,
                              local_time(scanned), walk_in))
        return out


def search_index(event_id: int) -> rules.SearchIndex:
    """The search index of an event's people (build it once; ``people`` gives what to show)."""
    Inv = models.Invitee
    rows = (Inv.select(Inv.id, Inv.name, Inv.phone, Inv.id_number, Inv.pass_code)
            .where((Inv.event == event_id) & Inv.alive()).order_by(Inv.id).tuples())
    return rules.SearchIndex([rules.Entry(*row) for row in rows])


def person(invitee_id: int) -> Person:
    (event_id,) = models.Invitee.select(models.Invitee.event).where(models.Invitee.id == invitee_id).tuples().get()
    return people(event_id, only=invitee_id)[0]


def check_in(event_id: int, invitee_id: int, *, admit_anyway: bool = False, walk_in: bool = False,
             scanned_at: dt.datetime | None = None) -> Result:
    """Admit one person. The check-in is committed (synchronous=FULL) before this returns ``ok``; a person
    already in gives ``again`` (nothing written); a person who is not confirmed gives ``decide`` unless
    ``admit_anyway``, which confirms them and admits them."""
    with models.database.atomic():
        p = models.Invitee.get_or_none((models.Invitee.id == invitee_id) & (models.Invitee.event == event_id)
                                       & models.Invitee.alive())
        if p is None:
            return Result("unknown", None)
        C = models.CheckIn
        arrival = (_active(event_id).select(C.device, C.scanned_at, C.walk_in).where(C.invitee == p.id)
                   .order_by(C.scanned_at, C.id).limit(1))
        first = arrival.tuples().first()
        outcome = rules.outcome_for(p.status, first is not None)
        if outcome == "decide" and admit_anyway:
            p.status = rules.ADMITTED_STATUS
            p.save()
            outcome = "ok"
        if outcome == "ok":
            from ..bundle import log

            kind = log.WALK_IN if walk_in else (log.ADMIT if admit_anyway else log.ENTRY)
            log.append(event_id, kind, p.uuid, person=_row(p) if walk_in else None, at=scanned_at, invitee_id=p.id)
            audit.record("checkin.admit", event_id=event_id, target="invitee", target_uuid=p.uuid,
                         summary="walk-in" if walk_in else ("admitted anyway" if admit_anyway else ""))
            first = arrival.tuples().first()
        # (the person as ``people`` shows them, read from the row at hand: this is the scan's path)
        I = models.InviteeCategory  # noqa: E741
        category = I.select(I.name).where(I.id == p.category_id).scalar() if p.category_id else ""
        shown = Person(p.id, p.name, category or "", p.organisation, p.status, p.phone, p.pass_code,
                       local_time(first[1]) if first else None, bool(first[2]) if first else False)
    elsewhere = outcome == "again" and first[0] not in ("", models.device_id())
    return Result(outcome, shown, elsewhere=elsewhere)


def _row(person: models.Invitee) -> dict:
    """A walk-in's roster row as the log carries it (a bundle's encoding)."""
    from ..bundle.rows import encoded_row

    return encoded_row(models.Invitee, person.id)


def check_in_code(event_id: int, code: str, index: rules.SearchIndex | None = None) -> Result:
    """A scanned or typed pass code: admits its confirmed holder; ``unknown`` when no one has it."""
    index = index or search_index(event_id)
    invitee_id = index.by_code(code)
    if invitee_id is None:
        return Result("unknown", None, code.strip())
    result = check_in(event_id, invitee_id)
    return Result(result.outcome, result.person, code.strip(), result.elsewhere)


def walk_in(event_id: int, draft: InviteeDraft) -> Result:
    """Register a walk-in (现场报名) with the roster's one check (ID and age rule when the event requires an ID
    number) and admit them at once."""
    draft = InviteeDraft(**{**draft.__dict__, "source": WALK_IN_SOURCE, "channel": "现场"})
    added = roster.add_invitee(event_id, draft)
    roster.set_status([added.id], rules.ADMITTED_STATUS)
    return check_in(event_id, added.id, walk_in=True)


def walk_in_category(event_id: int) -> str:
    """The category a walk-in joins when none is named: the event's first category counted as 群众代表 (someone
    from the public came to the door), else its first; "" when it has none."""
    Cat = models.InviteeCategory
    rows = list(Cat.select(Cat.name, Cat.counts_as_public).where((Cat.event == event_id) & Cat.alive())
                .order_by(Cat.position, Cat.id).tuples())
    return next((name for name, public in rows if public), rows[0][0] if rows else "")


def person_uuid(invitee_id: int) -> str:
    return models.Invitee.select(models.Invitee.uuid).where(models.Invitee.id == invitee_id).scalar() or ""


def recent(event_id: int, limit: int = 200) -> list[CheckinRow]:
    C, Inv = models.CheckIn, models.Invitee
    names = {c.id: c.name for c in models.InviteeCategory.select().where(models.InviteeCategory.event == event_id)}
    query = (C.select(C.id, C.invitee, Inv.name, Inv.category, C.scanned_at, C.device, C.walk_in, C.undone_at,
                      C.undo_reason).join(Inv).where((C.event == event_id) & C.alive())
             .order_by(C.scanned_at.desc(), C.id.desc()).limit(limit).tuples())
    return [CheckinRow(cid, invitee_id, name, names.get(category_id, ""), local_time(scanned), device, bool(walk),
                       local_time(undone), reason)
            for cid, invitee_id, name, category_id, scanned, device, walk, undone, reason in query]


def undo(checkin_id: int, reason: str) -> None:
    """Undo one check-in; it is kept, with the time and the reason."""
    from ..bundle import log

    with models.database.atomic():
        c = models.CheckIn.get_or_none(models.CheckIn.id == checkin_id)
        if c is None or c.deleted or c.undone_at is not None:
            raise UserError(GONE)
        person = models.Invitee.select(models.Invitee.uuid).where(models.Invitee.id == c.invitee_id).scalar()
        log.append(c.event_id, log.UNDO, person or "", target=c.scan_id, reason=reason.strip())
        audit.record("checkin.undo", event_id=c.event_id, target="check_in", target_uuid=c.uuid,
                     summary=reason.strip())


def undo_last(event_id: int, reason: str = "撤销上一次签到") -> CheckinRow:
    """Undo the last check-in made on this device (Ctrl+Z at the entrance)."""
    C = models.CheckIn
    last = (_active(event_id).where(C.device == models.device_id()).order_by(C.recorded_at.desc(), C.id.desc())
            .first())
    if last is None:
        raise UserError(NOTHING_TO_UNDO)
    undo(last.id, reason)
    return next(r for r in recent(event_id) if r.id == last.id)


def mark_no_shows(event_id: int, *, today: dt.date | None = None) -> int:
    """After the day: confirmed people who never came become 未到 (视为放弃). Returns how many."""
    today = today or dt.date.today()
    with models.database.atomic():
        e = live_event(event_id)
        if e.date is not None and today < e.date:
            raise UserError(BEFORE_THE_DAY, date=e.date.isoformat())
        arrived = set(_arrivals(event_id))
        Inv = models.Invitee
        missing = [p for p in Inv.select().where((Inv.event == event_id) & Inv.alive()
                                                & Inv.confirmed()) if p.id not in arrived]
        for p in missing:
            p.status = rules.NO_SHOW
            p.save()
        audit.record("checkin.no_shows", event_id=event_id, summary=str(len(missing)))
        return len(missing)


@dataclass(frozen=True)
class Entrance:
    """What the entrance shows besides the people, read once with them: the event's date, the plan's minimum,
    whether check-ins before the day count, the live categories in the plan's order (name, quota) and the names
    of those counted as public."""

    date: dt.date | None
    minimum: int
    early_counted: bool
    categories: tuple[tuple[str, int], ...]
    public: frozenset[str]


def _categories(event_id: int) -> tuple[tuple[tuple[str, int], ...], frozenset[str]]:
    Cat = models.InviteeCategory
    rows = (Cat.select(Cat.name, Cat.quota, Cat.deleted, Cat.counts_as_public).where(Cat.event == event_id)
            .order_by(Cat.position, Cat.id).tuples())
    live, public = [], set()
    for name, quota, deleted, counts_as_public in rows:
        if not deleted:
            live.append((name, quota))
        if counts_as_public:
            public.add(name)
    return tuple(live), frozenset(public)


def entrance(event_id: int) -> Entrance:
    E = models.Event
    with models.database.atomic():
        found = (E.select(E.date, E.thresholds).where((E.id == event_id) & E.alive())
                 .tuples().first())
        if found is None:
            raise EventNotFound(event_id)
        date, thresholds = found
        categories, public = _categories(event_id)
        return Entrance(date, Thresholds.from_json(thresholds).min_invitees,
                        early_counted(event_id), categories, public)


class Tally:
    """The live counts of the people at the entrance, kept up to date one person at a time: a scan changes one
    person, and recounting 20,000 at each scan would keep the entrance waiting. ``categories`` (name, quota) in
    the plan's order; ``public``: the names of the categories counted as public."""

    def __init__(self, categories: Iterable[tuple[str, int]], public: Iterable[str],
                 everyone: Iterable[Person] = ()):
        self.categories = tuple(categories)
        self.public = frozenset(public)
        self.invitees = self.walk_ins = self.public_arrived = 0
        self.confirmed: Counter[str] = Counter()
        self.arrived: Counter[str] = Counter()
        for p in everyone:
            self.add(p)

    def add(self, p: Person, sign: int = 1) -> None:
        self.invitees += sign
        if p.status == rules.ADMITTED_STATUS:
            self.confirmed[p.category] += sign
        if p.checked_in_at is not None:
            self.arrived[p.category] += sign
            self.walk_ins += sign if p.walk_in else 0
            self.public_arrived += sign if p.category in self.public else 0

    def remove(self, p: Person) -> None:
        self.add(p, -1)

    def replace(self, old: Person | None, new: Person) -> None:
        if old is not None:
            self.remove(old)
        self.add(new)

    @property
    def checked_in(self) -> int:
        return sum(self.arrived.values())

    def stats(self) -> dict:
        """As ``openday stats --json`` prints them."""
        return {"invitees": self.invitees, "confirmed": sum(self.confirmed.values()), "checked_in": self.checked_in,
                "walk_ins": self.walk_ins,
                "by_category": {name: {"quota": quota, "confirmed": self.confirmed[name],
                                       "checked_in": self.arrived[name]} for name, quota in self.categories}}


def stats(event_id: int, everyone: list[Person] | None = None) -> dict:
    """The live counts, as ``openday stats --json`` prints them (from ``everyone`` when the caller has the
    people already)."""
    with models.database.atomic():
        require_live(event_id)
        everyone = people(event_id) if everyone is None else everyone
        categories, public = _categories(event_id)
    return Tally(categories, public, everyone).stats()


def public_share(event_id: int, everyone: list[Person] | None = None) -> tuple[int, int]:
    """(群众代表 among the arrivals, arrivals)."""
    with models.database.atomic():
        everyone = people(event_id) if everyone is None else everyone
        categories, public = _categories(event_id)
    tally = Tally(categories, public, everyone)
    return tally.public_arrived, tally.checked_in


def set_early_counted(event_id: int, counted: bool) -> None:
    event = live_event(event_id)
    settings.set(counts.EARLY_COUNTED_KEY, bool(counted), event_id)
    audit.record("checkin.early_counted", event_id=event_id, target="event", target_uuid=event.uuid,
                 summary="yes" if counted else "no")
