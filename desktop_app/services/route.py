"""The 路线 (route and day programme): its items (add, edit, duplicate, delete with undo, reorder), the common
stops, group settings and who is in which group, the actual times recorded on the day, the computed plan the
tab shows (times, slack, warnings, timeline) and the snapshot the route documents are written from."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache

from db import models

from .. import paths, settings
from ..domain import route as rules
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, rows
from .live import live_event
from .values import local_time

GROUPS_KEY = "route.groups"
MAX_GROUPS = 50
MAX_OFFSET = 240

BAD_KIND = QT_TRANSLATE_NOOP("core", "'{kind}' is not a kind of programme item; choose one of: {kinds}.")
BAD_DURATION = QT_TRANSLATE_NOOP(
    "core", "“{item}”: the duration must be a whole number of minutes from 0 to {most}, not '{value}'.")
BAD_CLOCK = QT_TRANSLATE_NOOP("core", "'{value}' is not a time of day; write it as 11:00 (or leave it empty).")
NO_FIELD = QT_TRANSLATE_NOOP("core", "A programme item has no field named '{field}'.")
NOT_STARTED = QT_TRANSLATE_NOOP(
    "core", "“{item}” has no actual start yet; record its start before its end.")
END_BEFORE_START = QT_TRANSLATE_NOOP(
    "core", "“{item}” cannot end at {end}, before it started ({start}). Check the times.")
BAD_GROUPS = QT_TRANSLATE_NOOP(
    "core", "Groups: the number of groups must be 1 to {most_groups}, the group size 0 (no limit) or more, and "
            "the offset 0 to {most_offset} minutes.")
NO_CONFIRMED = QT_TRANSLATE_NOOP(
    "core", "Nobody on the roster is confirmed yet, so there is no one to put into groups. Confirm the "
            "participants in the Roster tab first.")
BAD_GROUP_NO = QT_TRANSLATE_NOOP("core", "There is no group {group}; the programme has {count} group(s).")
UNKNOWN_STOP = QT_TRANSLATE_NOOP("core", "There is no common stop named '{key}'.")


# -- rows --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemRow:
    """One programme item as the tab edits it. Actual times are local wall-clock times."""

    id: int
    uuid: str
    kind: str
    title: str
    place: str
    guide_id: int | None
    guide_text: str
    guide: str  # as printed: 王芳（综合办公室主任）
    content: str
    transfer_mode: str
    duration_min: int
    pinned_start: dt.time | None
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    notes: str

    @property
    def full_title(self) -> str:
        """The title with a transfer's way of moving: 前往二楼（自动扶梯）."""
        if self.kind == "transfer" and self.transfer_mode and self.transfer_mode not in self.title:
            return f"{self.title}（{self.transfer_mode}）" if self.title else self.transfer_mode
        return self.title

    @property
    def guide_key(self) -> str:
        """The same key is the same person (for a guide booked in two places at once)."""
        if self.guide_id is not None:
            return f"staff:{self.guide_id}"
        return f"text:{self.guide_text.strip()}" if self.guide_text.strip() else ""


def _utc(local: dt.datetime) -> dt.datetime:
    """A local wall-clock time (naive) or an aware one, as the naive UTC the database keeps."""
    return local.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)


def guide_label(name: str, title: str) -> str:
    return f"{name}（{title}）" if name and title else name


def _item_row(item: models.AgendaItem) -> ItemRow:
    staff = item.guide if item.guide_id else None
    guide = guide_label(staff.name, staff.title) if staff else item.guide_text.strip()
    return ItemRow(item.id, item.uuid, item.kind, item.title, item.place, item.guide_id,
                   staff.name if staff else item.guide_text, guide, item.content, item.transfer_mode,
                   item.duration_min, item.pinned_start, local_time(item.actual_start), local_time(item.actual_end),
                   item.notes)


ITEMS = rows.TableSpec(
    models.AgendaItem, "route.item",
    {"kind": "text", "title": "text", "place": "text", "guide_id": "ref", "guide_text": "text", "content": "text",
     "transfer_mode": "text", "duration_min": "int", "notes": "text"},
    _item_row, columns={"guide_id": "guide"})
TIME_FIELDS = ("pinned_start", "actual_start", "actual_end")
EDITABLE = (*ITEMS.fields, "guide", *TIME_FIELDS)


def list_items(event_id: int) -> list[ItemRow]:
    return rows.list_rows(ITEMS, event_id)


def get_item(item_id: int) -> ItemRow:
    return _item_row(rows._get(ITEMS, item_id))


# -- guides --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GuideChoice:
    staff_id: int
    name: str
    title: str

    @property
    def label(self) -> str:
        return guide_label(self.name, self.title)


def guide_choices(event_id: int) -> list[GuideChoice]:
    """The event's staff, who can be chosen as guides."""
    S = models.Staff
    return [GuideChoice(s.id, s.name, s.title)
            for s in S.select().where((S.event == event_id) & S.alive()).order_by(S.id)]


def _resolve_guide(event_id: int, text: str) -> tuple[int | None, str]:
    """A typed or chosen guide as (staff id, text): a staff member's name, or name with title (王芳（主任）,
    王芳(主任)) links to that staff member; anything else is kept as free text."""
    text = " ".join(str(text or "").split())
    if not text:
        return None, ""
    plain = text.replace("(", "（").replace(")", "）")
    for choice in guide_choices(event_id):
        if plain in (choice.name, choice.label):
            return choice.staff_id, choice.name
    return None, text


# -- validation ----------------------------------------------------------------------------------------------------

def _clock_value(value) -> dt.time | None:
    try:
        return rules.parse_clock(value)
    except ValueError:
        raise UserError(BAD_CLOCK, value=value) from None


def _clean(event_id: int, values: dict, name: str) -> tuple[dict, dict]:
    """Checked ``values`` split into (fields ``rows`` writes, time fields written here)."""
    plain: dict = {}
    times: dict = {}
    for field, value in values.items():
        if field not in EDITABLE:
            raise UserError(NO_FIELD, field=field)
        if field == "kind":
            value = str(value or "").strip()
            if value not in rules.KINDS:
                raise UserError(BAD_KIND, kind=value, kinds=", ".join(rules.KINDS))
        elif field == "duration_min":
            try:
                value = int(str(value).strip() or 0)
            except (TypeError, ValueError):
                raise UserError(BAD_DURATION, item=name, most=rules.MAX_DURATION, value=value) from None
            if not 0 <= value <= rules.MAX_DURATION:
                raise UserError(BAD_DURATION, item=name, most=rules.MAX_DURATION, value=value)
        elif field == "guide":
            plain["guide_id"], plain["guide_text"] = _resolve_guide(event_id, value)
            continue
        elif field == "guide_id" and value not in (None, ""):
            staff = models.Staff.get_or_none((models.Staff.id == int(value)) & (models.Staff.event == event_id))
            plain["guide_text"] = staff.name if staff else ""
            value = staff.id if staff else None
        elif field in TIME_FIELDS:
            times[field] = value
            continue
        elif isinstance(value, str):
            value = value.strip()
        plain[field] = value
    return plain, times


def _write_times(item_id: int, times: dict) -> None:
    if not times:
        return
    with models.database.atomic():
        item = rows._get(ITEMS, item_id)
        name = _item_row(item).full_title or rules.KIND_WORDS.get(item.kind, item.kind)
        changed = []
        if "pinned_start" in times:
            pinned = _clock_value(times["pinned_start"])
            if item.pinned_start != pinned:
                item.pinned_start = pinned
                changed.append("pinned_start")
        for field in ("actual_start", "actual_end"):
            if field in times:
                value = _actual_value(item, times[field])
                if getattr(item, field) != value:
                    setattr(item, field, value)
                    changed.append(field)
        if item.actual_start and item.actual_end and item.actual_end < item.actual_start:
            raise UserError(END_BEFORE_START, item=name, end=f"{local_time(item.actual_end):%H:%M}",
                            start=f"{local_time(item.actual_start):%H:%M}")
        if changed:
            item.save()
        for field in changed:
            audit.record("route.item.edit", event_id=item.event_id, target="agenda_item", target_uuid=item.uuid,
                         field=field, coalesce=True)


def _actual_value(item: models.AgendaItem, value) -> dt.datetime | None:
    """An actual time as stored (naive UTC): a datetime (local when naive), or a typed time of day on the
    event's date (today when the event has no date)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return _utc(value)
    moment = _clock_value(value)
    day = item.event.date or dt.date.today()
    return _utc(dt.datetime.combine(day, moment))


# -- editing -------------------------------------------------------------------------------------------------------

def add_item(event_id: int, *, at: int | None = None, **values) -> ItemRow:
    """Add an item (kind ``stop`` unless given) at index ``at`` (default: the end)."""
    live_event(event_id)
    values.setdefault("kind", "stop")
    plain, times = _clean(event_id, values, str(values.get("title", "")))
    with models.database.atomic():
        row = rows.add_row(ITEMS, event_id, at=at, **plain)
        _write_times(row.id, times)
    return get_item(row.id)


def update_item(item_id: int, **changes) -> ItemRow:
    """Change fields of an item. ``guide`` takes a typed name (linked to the staff member of that name);
    ``pinned_start``, ``actual_start`` and ``actual_end`` take times of day as typed (11:00), empty to clear."""
    item = rows._get(ITEMS, item_id)
    plain, times = _clean(item.event_id, changes, item.title)
    with models.database.atomic():
        if plain:
            rows.update_row(ITEMS, item_id, **plain)
        _write_times(item_id, times)
    return get_item(item_id)


def duplicate_item(item_id: int) -> ItemRow:
    """A copy right below the item, without its fixed time and its actual times."""
    source = get_item(item_id)
    event_id = rows._get(ITEMS, item_id).event_id
    index = next(i for i, r in enumerate(list_items(event_id)) if r.id == item_id)
    return add_item(event_id, at=index + 1, kind=source.kind, title=source.title, place=source.place,
                    guide_id=source.guide_id, guide_text=source.guide_text, content=source.content,
                    transfer_mode=source.transfer_mode, duration_min=source.duration_min, notes=source.notes)


def delete_item(item_id: int) -> int:
    """Delete an item (it can be restored); returns the index it had, for ``restore_item``."""
    item = rows._get(ITEMS, item_id)
    index = next(i for i, r in enumerate(list_items(item.event_id)) if r.id == item_id)
    rows.delete_row(ITEMS, item_id)
    return index


def restore_item(item_id: int, at: int | None = None) -> ItemRow:
    return rows.restore_row(ITEMS, item_id, at)


def move_item(item_id: int, to_index: int) -> list[ItemRow]:
    """Move an item to ``to_index`` (0-based, clamped); returns the items in their new order."""
    return rows.move_row(ITEMS, item_id, to_index)


# -- common stops ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CommonStop:
    key: str
    kind: str
    title: str
    place: str
    content: str
    transfer_mode: str
    duration_min: int

    @property
    def label(self) -> str:
        extra = self.transfer_mode or self.place
        return f"{self.title}（{extra}）" if extra and extra not in self.title else self.title


@lru_cache(maxsize=1)
def common_stops() -> tuple[CommonStop, ...]:
    """The usual items of a 政务服务大厅 Open Day (``resources/route/common_stops.json``)."""
    data = json.loads(paths.resource("route", "common_stops.json").read_text(encoding="utf-8"))
    return tuple(CommonStop(s["key"], s["kind"], s["title"], s.get("place", ""), s.get("content", ""),
                            s.get("transfer_mode", ""), int(s.get("duration_min", 0))) for s in data["stops"])


def add_common_stops(event_id: int, keys: list[str], at: int | None = None) -> list[ItemRow]:
    """Add the common stops ``keys`` in that order at index ``at`` (default: the end)."""
    by_key = {s.key: s for s in common_stops()}
    missing = [k for k in keys if k not in by_key]
    if missing:
        raise UserError(UNKNOWN_STOP, key=missing[0])
    added = []
    with models.database.atomic():
        start = len(list_items(event_id)) if at is None else at
        for n, key in enumerate(keys):
            s = by_key[key]
            added.append(add_item(event_id, at=start + n, kind=s.kind, title=s.title, place=s.place,
                                  content=s.content, transfer_mode=s.transfer_mode, duration_min=s.duration_min))
    return added


# -- on the day: actual times -------------------------------------------------------------------------------------

def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def start_item(item_id: int, at: dt.datetime | None = None) -> ItemRow:
    """Record that the item started now (or at ``at``, local). An item still running (started, not ended) ends
    at the same moment: the programme moves on."""
    at = at or _now()
    with models.database.atomic():
        item = rows._get(ITEMS, item_id)
        A = models.AgendaItem
        running = A.select().where((A.event == item.event_id) & A.alive() & (A.id != item.id)
                                   & A.actual_start.is_null(False) & A.actual_end.is_null())
        for other in running:
            if other.actual_start <= _utc(at):
                _write_times(other.id, {"actual_end": at})
        _write_times(item.id, {"actual_start": at, "actual_end": None})
        audit.record("route.item.start", event_id=item.event_id, target="agenda_item", target_uuid=item.uuid,
                     summary=f"{at:%H:%M}")
    return get_item(item_id)


def end_item(item_id: int, at: dt.datetime | None = None) -> ItemRow:
    """Record that the item ended now (or at ``at``, local)."""
    at = at or _now()
    with models.database.atomic():
        item = rows._get(ITEMS, item_id)
        if item.actual_start is None:
            raise UserError(NOT_STARTED, item=_item_row(item).full_title)
        _write_times(item.id, {"actual_end": at})
        audit.record("route.item.end", event_id=item.event_id, target="agenda_item", target_uuid=item.uuid,
                     summary=f"{at:%H:%M}")
    return get_item(item_id)


def clear_actual(item_id: int) -> ItemRow:
    return update_item(item_id, actual_start=None, actual_end=None)


# -- groups ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupSettings:
    """``count`` groups, or (``size`` > 0) as many as it takes for at most ``size`` people each; each group
    starts a tour segment ``offset`` minutes after the one before; ``rotate``: each starts at another stop."""

    count: int = 1
    size: int = 0
    offset: int = 0
    rotate: bool = True

    def as_json(self) -> dict:
        return {"count": self.count, "size": self.size, "offset": self.offset, "rotate": self.rotate}


@dataclass(frozen=True)
class GroupInfo:
    settings: GroupSettings
    people: int  # confirmed participants, or the planned places while nobody is confirmed
    people_confirmed: bool
    count: int  # the number of groups in effect
    members: tuple[int, ...]  # people assigned to group 1, 2, …
    unassigned: int  # confirmed people in no group (or in a group that no longer exists)

    @property
    def per_group(self) -> int:
        return -(-self.people // self.count) if self.count else self.people


def group_settings(event_id: int) -> GroupSettings:
    raw = settings.get(GROUPS_KEY, event_id) or {}
    try:
        return GroupSettings(count=max(1, int(raw.get("count", 1))), size=max(0, int(raw.get("size", 0))),
                             offset=max(0, int(raw.get("offset", 0))), rotate=bool(raw.get("rotate", True)))
    except (TypeError, ValueError, AttributeError):
        return GroupSettings()


def set_group_settings(event_id: int, chosen: GroupSettings) -> GroupSettings:
    if not (1 <= chosen.count <= MAX_GROUPS and chosen.size >= 0 and 0 <= chosen.offset <= MAX_OFFSET):
        raise UserError(BAD_GROUPS, most_groups=MAX_GROUPS, most_offset=MAX_OFFSET)
    event = live_event(event_id)
    if chosen != group_settings(event_id):
        settings.set(GROUPS_KEY, chosen.as_json(), event_id)
        audit.record("route.groups", event_id=event_id, target="event", target_uuid=event.uuid, coalesce=True,
                     summary=json.dumps(chosen.as_json(), sort_keys=True))
    return chosen


def _confirmed(event_id: int):
    Inv = models.Invitee
    return Inv.select().where((Inv.event == event_id) & Inv.alive()
                              & Inv.confirmed())


def group_info(event_id: int) -> GroupInfo:
    chosen = group_settings(event_id)
    Inv = models.Invitee
    by_group = dict(_confirmed(event_id).select(Inv.group_no, models.fn.COUNT(Inv.id))
                    .group_by(Inv.group_no).tuples())
    if by_group:
        people, is_confirmed = sum(by_group.values()), True
    else:
        C = models.InviteeCategory
        people = sum(c.quota for c in C.select().where((C.event == event_id) & C.alive()))
        is_confirmed = False
    count = rules.group_count(people, chosen.size) if chosen.size else chosen.count
    members = [0] * count
    unassigned = 0
    for group_no, n in by_group.items():
        if group_no and 1 <= group_no <= count:
            members[group_no - 1] += n
        else:
            unassigned += n
    return GroupInfo(chosen, people, is_confirmed, count, tuple(members), unassigned)


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    category: str
    organisation: str
    group_no: int | None


def members(event_id: int) -> list[Member]:
    """The confirmed participants with their group, by category (as the roster orders them) and name."""
    C = models.InviteeCategory
    cats = {c.id: (c.position, c.name) for c in C.select().where(C.event == event_id)}
    people = sorted(_confirmed(event_id), key=lambda p: (cats.get(p.category_id, (999, ""))[0], p.id))
    return [Member(p.id, p.name, cats.get(p.category_id, (0, ""))[1], p.organisation, p.group_no) for p in people]


def assign_groups(event_id: int) -> tuple[int, ...]:
    """Put the confirmed participants into the groups in effect, dealt out in roster order so every group gets
    a mix of categories; anyone else loses their group. Returns the group sizes."""
    with models.database.atomic():
        event = live_event(event_id)
        info = group_info(event_id)
        people = members(event_id)
        if not people:
            raise UserError(NO_CONFIRMED)
        chosen = {m.id: n % info.count + 1 for n, m in enumerate(people)}
        Inv = models.Invitee
        for person in Inv.select().where((Inv.event == event_id) & Inv.alive()):
            group = chosen.get(person.id)
            if person.group_no != group:
                person.group_no = group
                person.save()
        audit.record("route.groups.assign", event_id=event_id, target="event", target_uuid=event.uuid,
                     summary=f"{len(people)} / {info.count}")
    return group_info(event_id).members


def set_member_group(invitee_ids: list[int], group_no: int | None) -> None:
    """Put people into group ``group_no`` (None: no group)."""
    if not invitee_ids:
        return
    with models.database.atomic():
        Inv = models.Invitee
        people = list(Inv.select().where(Inv.id.in_(invitee_ids) & Inv.alive()))
        if group_no is not None and people:
            count = group_info(people[0].event_id).count
            if not 1 <= group_no <= count:
                raise UserError(BAD_GROUP_NO, group=group_no, count=count)
        for person in people:
            if person.group_no != group_no:
                person.group_no = group_no
                person.save()
                audit.record("route.groups.member", event_id=person.event_id, target="invitee",
                             target_uuid=person.uuid, summary=str(group_no or ""))


# -- the computed plan -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    """An item's planned times (group 1's, minutes after midnight) and, when pinned, the slack (positive) or
    overrun (negative) before it."""

    start: int | None
    end: int | None
    gap: int | None
    pinned: bool


@dataclass(frozen=True)
class RoutePlan:
    """What the 路线 tab shows, computed in one go."""

    event_id: int
    date: dt.date | None
    day_start: int | None
    day_end: int | None
    items: tuple[ItemRow, ...]
    timing: tuple[Timing, ...]  # one per item
    steps: tuple[rules.Step, ...]
    tables: tuple[tuple[rules.Slot, ...], ...]  # each group's timetable
    findings: tuple[rules.Finding, ...]
    lanes: tuple[rules.Lane, ...]
    groups: GroupInfo
    deviations: tuple[rules.Deviation, ...]

    def findings_for(self, item_id: int) -> list[rules.Finding]:
        return [f for f in self.findings if item_id in f.items]

    @property
    def end(self) -> int | None:
        return rules.programme_end(self.tables)


def _step(row: ItemRow) -> rules.Step:
    return rules.Step(row.id, row.kind, row.full_title, row.place, row.guide, row.guide_key, row.duration_min,
                      rules.minutes(row.pinned_start), row.content)


def _minute_of(moment: dt.datetime | None) -> int | None:
    return moment.hour * 60 + moment.minute if moment is not None else None


def plan(event_id: int) -> RoutePlan:
    with models.database.atomic():
        event = live_event(event_id)
        items = tuple(list_items(event_id))
        info = group_info(event_id)
        staff_names = {c.name: c.staff_id for c in guide_choices(event_id)}
    # A guide typed as text who is on the staff list is the same person as the staff member.
    steps = tuple(s._replace(guide_key=f"staff:{staff_names[s.guide_key[5:]]}")
                  if s.guide_key.startswith("text:") and s.guide_key[5:] in staff_names else s
                  for s in map(_step, items))
    day_start, day_end = rules.minutes(event.start_time), rules.minutes(event.end_time)
    groups = rules.Groups(info.count, info.settings.offset, info.settings.rotate)
    tables = rules.timetables(day_start, steps, groups)
    first = {slot.step: slot for slot in tables[0]}
    timing = tuple(Timing(first[i].start, first[i].end, first[i].gap, first[i].pinned) for i in range(len(items)))
    findings = rules.check(steps, tables, day_start=day_start, day_end=day_end)
    deviations = tuple(rules.Deviation(r.id, r.full_title, r.kind, t.start, t.end, _minute_of(r.actual_start),
                                       _minute_of(r.actual_end)) for r, t in zip(items, timing, strict=True))
    return RoutePlan(event_id, event.date, day_start, day_end, items, timing, steps,
                     tuple(tuple(t) for t in tables), tuple(findings), rules.lanes(steps, tables), info, deviations)


def deviations(event_id: int) -> tuple[rules.Deviation, ...]:
    """Each item's planned and actual times, for the summary."""
    return plan(event_id).deviations


def _programme_row(step: rules.Step, slot: rules.Slot | None) -> rules.ProgrammeRow:
    return rules.ProgrammeRow(step.kind, step.title, step.place, step.guide, step.content, step.duration,
                              slot.start if slot else None, slot.end if slot else None, step.pinned is not None)


def route_snapshot(event_id: int) -> rules.RouteSnapshot:
    """Everything the route documents need (the programme, each group's timetable, the timeline's lanes, one
    card per guide), read in one transaction."""
    with models.database.atomic():
        event = live_event(event_id)
        p = plan(event_id)
        titles = {f"staff:{c.staff_id}": (c.name, c.title) for c in guide_choices(event_id)}
    first = {slot.step: slot for slot in p.tables[0]}
    rows_ = tuple(_programme_row(step, first.get(i)) for i, step in enumerate(p.steps))
    group_rows: tuple = ()
    if len(p.tables) > 1:
        group_rows = tuple(tuple(_programme_row(p.steps[s.step], s) for s in table) for table in p.tables)
    for key in {s.guide_key for s in p.steps if s.guide_key.startswith("text:")}:
        titles.setdefault(key, (key[5:], ""))
    return rules.RouteSnapshot(
        event_uuid=event.uuid, unit=event.unit, title=event.title, date=event.date, venue=event.venue,
        day_start=p.day_start, day_end=p.day_end, rows=rows_, lanes=p.lanes, group_count=len(p.tables),
        group_rows=group_rows, guides=rules.guide_cards(p.steps, p.tables, titles), deviations=p.deviations,
        gathering=rules.minutes(event.gathering_time))
