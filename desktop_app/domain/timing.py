"""Clock times and one group's timing of the programme: the part of the 路线 that the plan prints (its 活动流程
times) and the rule check reads, kept apart from the groups, guides and documents of ``domain.route``.

Times are whole minutes after midnight (``int``), so 9:10 is 550.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

# What the documents and the timeline picture print (they are always in Chinese).
KIND_WORDS = {"gather": "集合", "stop": "参观点", "transfer": "转场", "meeting": "座谈会", "survey": "问卷",
              "experience": "体验", "other": "其他"}

MAX_DURATION = 12 * 60
DAY = 24 * 60


# -- clock times ---------------------------------------------------------------------------------------------------

def minutes(value: dt.time | None) -> int | None:
    return value.hour * 60 + value.minute if value is not None else None


def to_time(value: int | None) -> dt.time | None:
    """The time of day of ``value`` minutes; past midnight it stops at 23:59."""
    if value is None:
        return None
    value = max(0, min(value, DAY - 1))
    return dt.time(value // 60, value % 60)


def clock(value: int | None) -> str:
    """9:05, 14:30 — no leading zero, as the plans write it; '' for no time."""
    if value is None:
        return ""
    return f"{value // 60}:{value % 60:02d}"


def span(start: int | None, end: int | None) -> str:
    """9:10-9:20 (a programme's time column); just the start when the end is unknown."""
    if start is None:
        return ""
    return f"{clock(start)}-{clock(end)}" if end is not None and end != start else clock(start)


_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{1,2}))?$|^(\d{1,2})(\d{2})$")
_SEPARATORS = str.maketrans({"：": ":", ".": ":", "．": ":", "点": ":", "时": ":", "分": None, " ": None})


def parse_clock(text: str | dt.time | None) -> dt.time | None:
    """A time of day as a coordinator types it: 11:00, 11：00, 9.30, 930, 11点, 9点30分; empty gives None.
    Raises ``ValueError`` for anything else."""
    if isinstance(text, dt.time):
        return text.replace(second=0, microsecond=0)
    if text is None or not str(text).strip():
        return None
    match = _CLOCK.match(str(text).strip().translate(_SEPARATORS).rstrip(":"))
    if not match:
        raise ValueError(text)
    hour, minute = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    hour, minute = int(hour), int(minute or 0)
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return dt.time(hour, minute)


# -- the programme as timing sees it -------------------------------------------------------------------------------

class Step(NamedTuple):
    """One programme item: its row id, kind, words, the guide (as printed, and a key naming the person: the
    same key is the same person), duration and pinned start (minutes after midnight, or None)."""

    id: int
    kind: str
    title: str = ""
    place: str = ""
    guide: str = ""
    guide_key: str = ""
    duration: int = 0
    pinned: int | None = None
    content: str = ""

    @property
    def name(self) -> str:
        """How messages name the item: its title, else its place, else its kind."""
        return self.title.strip() or self.place.strip() or KIND_WORDS.get(self.kind, self.kind)


class Slot(NamedTuple):
    """When one group does one step. ``natural`` is where the items before would have put a pinned step, so
    ``gap`` (pinned start − natural) is the slack (positive) or the overrun (negative) before it."""

    step: int  # index into the steps
    group: int  # 1-based
    start: int | None
    end: int | None
    natural: int | None = None
    pinned: bool = False

    @property
    def gap(self) -> int | None:
        if not self.pinned or self.natural is None or self.start is None:
            return None
        return self.start - self.natural


def _after(start: int | None, duration: int) -> int | None:
    return None if start is None else start + max(duration, 0)


def step_slot(index: int, step: Step, group: int, ready: int | None, first: bool) -> Slot:
    """``step`` for ``group`` when the group is ready at ``ready``. The day's first item has nothing before
    it, so its pin is never an overrun (the day may begin early with it); a later start is slack."""
    start = step.pinned if step.pinned is not None else ready
    natural = ready
    if first and (ready is None or start is None or start < ready):
        natural = None
    return Slot(index, group, start, _after(start, step.duration), natural, step.pinned is not None)


def cascade(day_start: int | None, steps: Sequence[Step], *, group: int = 1) -> list[Slot]:
    """One group's timetable: each step starts when the one before it ends (the first at ``day_start``),
    unless pinned to a clock time."""
    slots: list[Slot] = []
    ready = day_start
    for index, step in enumerate(steps):
        slot = step_slot(index, step, group, ready, index == 0)
        slots.append(slot)
        ready = slot.end
    return slots
