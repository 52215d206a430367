"""The day's programme (路线 / 活动流程): item kinds, groups going through the stops in rotation, the checks, guide
cards and the plan-versus-actual difference, on the clock times and the timing cascade of ``domain.timing``.

Pure functions and dataclasses: times are whole minutes after midnight (``int``), so 9:10 is 550. A programme
item as timing sees it is a ``Step``; the services make them from the database rows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from .timing import (  # noqa: F401 - route's own names for the timing it builds on
    DAY,
    KIND_WORDS,
    MAX_DURATION,
    Slot,
    Step,
    cascade,
    clock,
    minutes,
    parse_clock,
    span,
    step_slot,
    to_time,
)

KINDS = ("gather", "stop", "transfer", "meeting", "survey", "experience", "other")
KIND_LABELS = {
    "gather": QT_TRANSLATE_NOOP("core", "Gather"),
    "stop": QT_TRANSLATE_NOOP("core", "Stop"),
    "transfer": QT_TRANSLATE_NOOP("core", "Transfer"),
    "meeting": QT_TRANSLATE_NOOP("core", "Meeting"),
    "survey": QT_TRANSLATE_NOOP("core", "Questionnaire"),
    "experience": QT_TRANSLATE_NOOP("core", "Experience"),
    "other": QT_TRANSLATE_NOOP("core", "Other"),
}
TRANSFER_MODES = ("步行", "乘车", "自动扶梯", "直梯")
TRANSFER_MODE_NAMES = {  # the interface's words for them; the stored value and the documents stay Chinese
    "步行": QT_TRANSLATE_NOOP("core", "On foot"),
    "乘车": QT_TRANSLATE_NOOP("core", "By bus"),
    "自动扶梯": QT_TRANSLATE_NOOP("core", "Escalator"),
    "直梯": QT_TRANSLATE_NOOP("core", "Lift"),
}


def transfer_mode_name(mode: str) -> str:
    """A way of moving in the interface's language (one typed by the user as it is)."""
    return i18n.value_text(TRANSFER_MODE_NAMES[mode], mode) if mode in TRANSFER_MODE_NAMES else mode
# A new item of each kind: its title and minutes (a stop's title is typed at once).
NEW_ITEM = {"gather": ("集合", 10), "stop": ("", 10), "transfer": ("前往下一参观点", 5), "meeting": ("座谈会", 40),
            "survey": ("填写满意度测评表、征求意见表", 10), "experience": ("", 10), "other": ("", 10)}
# Groups do these on their own, one group after another; everything else (集合, 座谈会, 问卷 …) is done by all
# groups together, so a shared item waits until the last group has arrived.
TOUR_KINDS = frozenset({"stop", "transfer", "experience"})
# Places that take one group at a time (two groups on one staircase or in one bus are no clash).
VISIT_KINDS = frozenset({"stop", "experience"})
INTERACTION_KINDS = frozenset({"meeting", "survey"})
@dataclass(frozen=True)
class Groups:
    """How the people go round: ``count`` groups, each starting a tour segment ``offset`` minutes after the one
    before; with ``rotate`` group n starts at the segment's n-th stop and wraps round, else all take the same
    order."""

    count: int = 1
    offset: int = 0
    rotate: bool = True


@dataclass(frozen=True)
class Leg:
    """A stop (or 体验) with the transfers that follow it, inside one tour segment: rotation moves legs."""

    steps: tuple[int, ...]


def segments(steps: Sequence[Step]) -> list[tuple[str, tuple[int, ...]]]:
    """The programme cut into ("shared", (i,)) items that everybody does together and ("tour", (i, j, …)) runs
    of stops, transfers and 体验 that the groups do on their own."""
    out: list[tuple[str, tuple[int, ...]]] = []
    run: list[int] = []
    for index, step in enumerate(steps):
        if step.kind in TOUR_KINDS:
            run.append(index)
            continue
        if run:
            out.append(("tour", tuple(run)))
            run = []
        out.append(("shared", (index,)))
    if run:
        out.append(("tour", tuple(run)))
    return out


def legs(steps: Sequence[Step], run: Sequence[int]) -> tuple[tuple[int, ...], list[Leg]]:
    """A tour segment as (the transfers before its first visit, which every group takes first; the legs)."""
    lead: list[int] = []
    out: list[list[int]] = []
    for index in run:
        if steps[index].kind in VISIT_KINDS:
            out.append([index])
        elif out:
            out[-1].append(index)
        else:
            lead.append(index)
    return tuple(lead), [Leg(tuple(leg)) for leg in out]


def group_order(steps: Sequence[Step], groups: Groups, group: int) -> list[int]:
    """The order in which ``group`` (1-based) takes the steps: every tour segment rotated to start at its
    (group)-th leg (wrapping round) when rotating, else unchanged."""
    order: list[int] = []
    for kind, run in segments(steps):
        if kind == "shared" or not groups.rotate or groups.count <= 1:
            order.extend(run)
            continue
        lead, tour = legs(steps, run)
        order.extend(lead)
        if tour:
            first = (group - 1) % len(tour)
            for leg in tour[first:] + tour[:first]:
                order.extend(leg.steps)
    return order


def timetables(day_start: int | None, steps: Sequence[Step], groups: Groups = Groups()) -> list[list[Slot]]:
    """Each group's own timetable, in the order the group takes the steps. Shared items start when the last
    group is ready (or at their pin); in a tour segment group n starts (n − 1) × offset minutes late."""
    count = max(groups.count, 1)
    if count == 1:
        return [cascade(day_start, steps)]
    tables: list[list[Slot]] = [[] for _ in range(count)]
    ready: list[int | None] = [day_start] * count
    orders = [group_order(steps, groups, g + 1) for g in range(count)]
    done = 0  # steps every group has taken so far (segments keep the groups in step)
    for kind, run in segments(steps):
        if kind == "shared":
            index = run[0]
            together = None if any(r is None for r in ready) else max(ready)  # type: ignore[type-var]
            for g in range(count):
                slot = step_slot(index, steps[index], g + 1, together, done == 0)
                tables[g].append(slot)
                ready[g] = slot.end
        else:
            for g in range(count):
                now = ready[g] + g * groups.offset if ready[g] is not None else None
                for n, index in enumerate(orders[g][done:done + len(run)]):
                    slot = step_slot(index, steps[index], g + 1, now, done + n == 0)
                    tables[g].append(slot)
                    now = slot.end
                ready[g] = now
        done += len(run)
    return tables


def group_count(people: int, size: int) -> int:
    """How many groups ``people`` need when a group may have at most ``size`` people (size 0: one group)."""
    if size <= 0 or people <= size:
        return 1
    return math.ceil(people / size)


def by_step(tables: Sequence[Sequence[Slot]]) -> dict[int, list[Slot]]:
    """Every group's slot of each step."""
    out: dict[int, list[Slot]] = {}
    for table in tables:
        for slot in table:
            out.setdefault(slot.step, []).append(slot)
    return out


def programme_end(tables: Sequence[Sequence[Slot]]) -> int | None:
    ends = [s.end for table in tables for s in table if s.end is not None]
    return max(ends) if ends else None


# -- the checks ------------------------------------------------------------------------------------------------------

NO_START = QT_TRANSLATE_NOOP(
    "core", "The event has no start time, so the programme has no times. Set the start time in the Plan tab, "
            "or fix the first item to a clock time.")
ENDS_LATE = QT_TRANSLATE_NOOP(
    "core", "The programme ends at {end}, {minutes} minutes after the event's end time {limit}. Shorten items, "
            "or change the end time in the Plan tab.")
OVERRUN = QT_TRANSLATE_NOOP(
    "core", "“{item}” is fixed at {pinned}, but the items before it end at {natural}: {minutes} minutes too "
            "late. Shorten them, or move the fixed time.")
PIN_OVERLAP = QT_TRANSLATE_NOOP(
    "core", "“{first}” ({first_time}) and “{second}” ({second_time}) are both fixed to clock times that "
            "overlap. Move one of the fixed times.")
GUIDE_BUSY = QT_TRANSLATE_NOOP(
    "core", "{guide} is the guide at “{first}” ({first_time}) and at “{second}” ({second_time}) at the same "
            "time. Give one of them another guide.")
NO_GUIDE = QT_TRANSLATE_NOOP(
    "core", "The stop “{item}” has no guide (讲解人). Choose a staff member or type a name.")
NO_DURATION = QT_TRANSLATE_NOOP(
    "core", "“{item}” has no duration. Enter how many minutes it takes.")
NO_INTERACTION = QT_TRANSLATE_NOOP(
    "core", "The programme has neither a discussion meeting (座谈会) nor a questionnaire (问卷); an Open Day "
            "must include one of them. Add a meeting or survey item.")
GROUP_CLASH = QT_TRANSLATE_NOOP(
    "core", "Groups {first} and {second} are both at “{item}” from {start} to {end}. Change the offset "
            "between the groups or the stops' durations.")

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One problem with the programme: a stable ``code``, the message (a core source string with its params)
    and the ids of the items it is about (to highlight their rows)."""

    code: str
    severity: str  # "error" | "warning" | "info"
    message: str
    params: dict = field(default_factory=dict)
    items: tuple[int, ...] = ()

    def text(self) -> str:
        return i18n.text(self.message, **self.params)

    def as_json(self) -> dict:
        return {"rule": self.code, "severity": self.severity, "message": self.text(), "items": list(self.items)}


def _overlap(a: Slot, b: Slot) -> bool:
    if None in (a.start, a.end, b.start, b.end):
        return False
    return a.start < b.end and b.start < a.end  # type: ignore[operator]


def check(steps: Sequence[Step], tables: Sequence[Sequence[Slot]], *, day_start: int | None,
          day_end: int | None) -> list[Finding]:
    """Everything wrong with the programme, most serious first."""
    findings: list[Finding] = []
    if not steps:
        return findings
    slots = by_step(tables)
    if day_start is None and all(s.start is None for table in tables for s in table[:1]):
        findings.append(Finding("no_start", "info", NO_START))
    end = programme_end(tables)
    if day_end is not None and end is not None and end > day_end:
        last = [steps[s.step].id for table in tables for s in table if s.end == end]
        findings.append(Finding("ends_late", "warning", ENDS_LATE,
                                {"end": clock(end), "minutes": end - day_end, "limit": clock(day_end)},
                                tuple(dict.fromkeys(last))))
    for index, step in enumerate(steps):
        gaps = [s for s in slots.get(index, []) if s.gap is not None and s.gap < 0]
        if gaps:
            worst = min(gaps, key=lambda s: s.gap)
            findings.append(Finding("overrun", "warning", OVERRUN,
                                    {"item": step.name, "pinned": clock(worst.start),
                                     "natural": clock(worst.natural), "minutes": -worst.gap}, (step.id,)))
    pinned = [s for s in steps if s.pinned is not None]
    for n, a in enumerate(pinned):
        for b in pinned[n + 1:]:
            if a.pinned < b.pinned + b.duration and b.pinned < a.pinned + a.duration \
                    and (a.duration or b.duration):
                findings.append(Finding("pin_overlap", "warning", PIN_OVERLAP, {
                    "first": a.name, "first_time": span(a.pinned, a.pinned + a.duration),
                    "second": b.name, "second_time": span(b.pinned, b.pinned + b.duration)}, (a.id, b.id)))
    findings += _guide_clashes(steps, tables)
    findings += _group_clashes(steps, tables)
    for step in steps:
        if step.kind == "stop" and not step.guide.strip():
            findings.append(Finding("no_guide", "warning", NO_GUIDE, {"item": step.name}, (step.id,)))
        if step.kind in VISIT_KINDS | INTERACTION_KINDS and step.duration <= 0:
            findings.append(Finding("no_duration", "warning", NO_DURATION, {"item": step.name}, (step.id,)))
    if not any(step.kind in INTERACTION_KINDS for step in steps):
        findings.append(Finding("no_interaction", "warning", NO_INTERACTION))
    findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return findings


def _guide_clashes(steps: Sequence[Step], tables: Sequence[Sequence[Slot]]) -> list[Finding]:
    """One guide at two different items at once (the same item for two groups is a group clash instead)."""
    by_guide: dict[str, list[Slot]] = {}
    for table in tables:
        for slot in table:
            key = steps[slot.step].guide_key
            if key and slot.end != slot.start:
                by_guide.setdefault(key, []).append(slot)
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for busy in by_guide.values():
        busy.sort(key=lambda s: (s.start if s.start is not None else -1, s.step))
        for n, a in enumerate(busy):
            for b in busy[n + 1:]:
                pair = (min(a.step, b.step), max(a.step, b.step))
                if a.step == b.step or pair in seen or not _overlap(a, b):
                    continue
                seen.add(pair)
                first, second = steps[a.step], steps[b.step]
                out.append(Finding("guide_busy", "warning", GUIDE_BUSY, {
                    "guide": first.guide, "first": first.name, "first_time": span(a.start, a.end),
                    "second": second.name, "second_time": span(b.start, b.end)}, (first.id, second.id)))
    return out


def _group_clashes(steps: Sequence[Step], tables: Sequence[Sequence[Slot]]) -> list[Finding]:
    """Two groups at one stop (or 体验) at the same time."""
    out: list[Finding] = []
    for index, slots in sorted(by_step(tables).items()):
        step = steps[index]
        if step.kind not in VISIT_KINDS or len(slots) < 2:
            continue
        slots = sorted(slots, key=lambda s: (s.start if s.start is not None else -1, s.group))
        for n, a in enumerate(slots):
            for b in slots[n + 1:]:
                if _overlap(a, b):
                    first, second = sorted((a.group, b.group))
                    out.append(Finding("group_clash", "warning", GROUP_CLASH, {
                        "first": first, "second": second, "item": step.name,
                        "start": clock(max(a.start, b.start)), "end": clock(min(a.end, b.end))}, (step.id,)))
    return out


# -- the timeline picture's content ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    """One block of the timeline: a step of one group."""

    step_id: int
    kind: str
    title: str
    place: str
    start: int
    end: int
    pinned: bool = False


@dataclass(frozen=True)
class Lane:
    group: int  # 1-based; the only lane of a programme without groups is group 1
    bars: tuple[Bar, ...]


def lanes(steps: Sequence[Step], tables: Sequence[Sequence[Slot]]) -> tuple[Lane, ...]:
    """One lane per group with the timed steps as bars (a step of no duration gets no bar)."""
    out = []
    for table in tables:
        bars = []
        for slot in table:
            if slot.start is None or slot.end is None or slot.end <= slot.start:
                continue
            step = steps[slot.step]
            bars.append(Bar(step.id, step.kind, step.name, step.place, slot.start, slot.end, slot.pinned))
        out.append(Lane(table[0].group if table else len(out) + 1, tuple(bars)))
    return tuple(out)


# -- reordering --------------------------------------------------------------------------------------------------

def moved(seq: Sequence, from_index: int, to_index: int) -> list:
    """``seq`` with the element at ``from_index`` moved so it ends up at ``to_index`` (clamped)."""
    items = list(seq)
    if not 0 <= from_index < len(items):
        return items
    item = items.pop(from_index)
    items.insert(max(0, min(to_index, len(items))), item)
    return items


def drop_target(source: int, drop_row: int, count: int) -> int:
    """Where a row ends up when dragged from ``source`` and dropped before row ``drop_row`` (Qt's row, -1 or
    ``count`` at the end): dropping below itself counts the gap it leaves."""
    if drop_row < 0 or drop_row > count:
        drop_row = count
    return drop_row - 1 if drop_row > source else drop_row


# -- guide cards ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GuideDuty:
    """One item a guide takes, with each group's time there ((group, start, end), by start)."""

    title: str
    kind: str
    place: str
    content: str
    times: tuple[tuple[int, int | None, int | None], ...]

    @property
    def first_start(self) -> int | None:
        starts = [t[1] for t in self.times if t[1] is not None]
        return min(starts) if starts else None


@dataclass(frozen=True)
class GuideCard:
    name: str
    title: str  # 职务
    duties: tuple[GuideDuty, ...]

    @property
    def first_start(self) -> int | None:
        starts = [d.first_start for d in self.duties if d.first_start is not None]
        return min(starts) if starts else None


def guide_cards(steps: Sequence[Step], tables: Sequence[Sequence[Slot]],
                titles: dict[str, tuple[str, str]] | None = None) -> tuple[GuideCard, ...]:
    """One card per guide (by ``guide_key``), their items in time order. ``titles`` maps a key to the
    person's (name, 职务); without it the printed guide text is the name."""
    slots = by_step(tables)
    cards: dict[str, list[GuideDuty]] = {}
    names: dict[str, tuple[str, str]] = {}
    for index, step in enumerate(steps):
        if not step.guide_key:
            continue
        times = tuple(sorted(((s.group, s.start, s.end) for s in slots.get(index, [])),
                             key=lambda t: (t[1] if t[1] is not None else DAY, t[0])))
        cards.setdefault(step.guide_key, []).append(
            GuideDuty(step.name, step.kind, step.place, step.content, times))
        names.setdefault(step.guide_key, (titles or {}).get(step.guide_key, (step.guide, "")))
    out = []
    for key, duties in cards.items():
        duties.sort(key=lambda d: d.first_start if d.first_start is not None else DAY)
        name, title = names[key]
        out.append(GuideCard(name, title, tuple(duties)))
    out.sort(key=lambda c: (c.first_start if c.first_start is not None else DAY, c.name))
    return tuple(out)


# -- plan and actual -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Deviation:
    """An item's planned and actual times (minutes after midnight, local)."""

    item_id: int
    title: str
    kind: str
    planned_start: int | None
    planned_end: int | None
    actual_start: int | None
    actual_end: int | None

    @property
    def start_delay(self) -> int | None:
        """Minutes it started after plan (negative: early)."""
        if self.planned_start is None or self.actual_start is None:
            return None
        return self.actual_start - self.planned_start

    @property
    def end_delay(self) -> int | None:
        if self.planned_end is None or self.actual_end is None:
            return None
        return self.actual_end - self.planned_end

    @property
    def duration_delta(self) -> int | None:
        """Minutes it took longer than planned (negative: shorter)."""
        if None in (self.planned_start, self.planned_end, self.actual_start, self.actual_end):
            return None
        return (self.actual_end - self.actual_start) - (self.planned_end - self.planned_start)  # type: ignore[operator]


def delay_text(value: int | None) -> str:
    """+5, −3, ±0 (minutes)."""
    if value is None:
        return ""
    return "±0" if value == 0 else (f"+{value}" if value > 0 else f"−{-value}")


def deviation_summary(deviations: Iterable[Deviation], *, planned_end: int | None = None) -> str:
    """One Chinese sentence for the summary: when the day actually began and ended against the plan, and the
    items that ran more than five minutes over. Empty when nothing was recorded. ``planned_end`` is the end the
    plan and the announcement give (the event's end time); without it, the last item's planned end."""
    recorded = [d for d in deviations if d.actual_start is not None or d.actual_end is not None]
    if not recorded:
        return ""
    first = next((d for d in recorded if d.actual_start is not None), None)
    last = next((d for d in reversed(recorded) if d.actual_end is not None), None)
    parts = []
    if first is not None:
        parts.append(f"活动实际于{clock(first.actual_start)}开始" + _versus(first.start_delay, "开始"))
    if last is not None:
        delay = last.end_delay if planned_end is None else last.actual_end - planned_end
        parts.append(f"{clock(last.actual_end)}结束" + _versus(delay, "结束"))
    sentence = "，".join(parts)
    over = [d for d in recorded if (d.duration_delta or 0) > 5]
    if over:
        sentence += "；" + "、".join(f"{d.title}超出计划{d.duration_delta}分钟" for d in over)
    return sentence + "。"


def _versus(delay: int | None, what: str) -> str:
    if delay is None:
        return ""
    if delay == 0:
        return "（与计划一致）"
    return f"（较计划{'推迟' if delay > 0 else '提前'}{abs(delay)}分钟{what}）"


# -- what the documents are written from ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgrammeRow:
    """One item as the 活动流程 prints it (times in minutes after midnight)."""

    kind: str
    title: str  # a transfer's way of moving appended: 前往二楼（自动扶梯）
    place: str
    guide: str  # name（职务）
    content: str
    duration: int
    start: int | None
    end: int | None
    pinned: bool = False


@dataclass(frozen=True)
class RouteSnapshot:
    """Everything the route documents need, read in one go by ``services.route.route_snapshot`` (no queries on
    the worker)."""

    event_uuid: str
    unit: str
    title: str
    date: dt.date | None
    venue: str
    day_start: int | None
    day_end: int | None
    rows: tuple[ProgrammeRow, ...]  # the programme; with groups, group 1's times
    lanes: tuple[Lane, ...]
    group_count: int = 1
    group_rows: tuple[tuple[ProgrammeRow, ...], ...] = ()  # each group's own timetable, when there are groups
    guides: tuple[GuideCard, ...] = ()
    deviations: tuple[Deviation, ...] = ()
    gathering: int | None = None  # when the visitors gather (the event's 集合时间): staff come before it
