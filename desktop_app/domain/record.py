"""The record of the day (``DayRecord``): every figure a document, the 归档 dashboard, ``openday stats`` and the
package's record.json state about an event, each with one written definition. Pure: the service
``services.record.build`` reads it from SQL once; nothing else counts.

Definitions (each figure is a count of live rows — rows not deleted — of the event):

- **invited**: the people on the list other than walk-ins, whatever their status (定向邀请 and 报名 alike).
  **directed**: of them, those whose source is 定向邀请.
- **confirmed**: the people in the status 已确认 (walk-ins admitted on the day included, as the roster keeps them).
- **arrived**: the people admitted on the event's date — each person once, however many devices scanned them, an
  undone scan not counted. Check-ins made before the date are not arrivals unless the coordinator confirmed that
  they count (the date was moved); **early** is the number of people admitted only before the date and not
  counted. **walk_ins**: of the arrived, those admitted as walk-ins (现场报名). **public_arrived**: of the arrived,
  those in a category counted as 群众代表.
- **by_category**: per category in the plan's order: its quota (planned), confirmed and arrived; people without a
  category form a last row ``UNCATEGORISED`` when there are any.
- **speeches**: the 座谈会 notes. **staff**: notes whose speaker is a staff member (chosen from the staff list or typed
  as a staff member's name); **participants**: every other note (an invitee, or a typed name not on the staff list).
- **forms**: the 满意度测评表 entered (one per form, however many questions each answers). **satisfaction**: the
  share of 满意 + 比较满意 among the rating answers, or None without answers. More forms than arrivals is a rule
  finding (``forms_exceed_arrivals``).
- **suggestions**: **received** all; **assigned** those with a department (交办); **replied** those with a reply
  recorded (its text and its date), whatever the status says; **replied_on_time** of the replied, those replied on or
  before their due date (or without one); **overdue**: not replied and past their due date on the day the record is
  read; **open**: received minus replied; **waiting**: of the open, those not yet assigned (尚未交办), so that
  open minus waiting are being handled (正在办理). **adoption**: of the replied, per 采纳 / 部分采纳 / 暂不采纳 /
  已解释说明.
- **programme**: **start** and **end** are the agenda's planned first start and last end (group 1) — one end, the
  agenda's; the event's own end time only stands in when there is no agenda. **actual_start** is the first actual
  start recorded, **actual_end** the last actual end recorded (None: not recorded). **meeting_*** are the 座谈会
  item's planned start and actual start and end. Times are minutes after midnight.
- **dates**: **filed** (报备 to the 政务公开办), **announced** (公告), **implementation** (the 活动实施情况's 成文日期 when
  one was chosen); None: not recorded.
- **today**: the day the record was read; a date after it is a plan, not a fact.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

RECORD_FORMAT = 1
WALK_IN_SOURCE = "现场报名"  # an invitee's source: registered at the door on the day, not signed up before
DIRECTED_SOURCE = "定向邀请"  # invited by the office directly
UNCATEGORISED = "未分类"
ADOPTION_KEYS = {"adopted": "adopted", "partly": "partly_adopted", "not_adopted": "not_adopted",
                 "explained": "explained"}


class CategoryFigures(NamedTuple):
    name: str
    public: bool
    planned: int
    confirmed: int
    arrived: int


class SuggestionFigures(NamedTuple):
    received: int = 0
    assigned: int = 0
    replied: int = 0
    replied_on_time: int = 0
    overdue: int = 0
    adoption: tuple[tuple[str, int], ...] = ()  # (ADOPTIONS code, count) among the replied, codes in order
    waiting: int = 0  # not replied and not assigned to a department (尚未交办)

    @property
    def open(self) -> int:
        return self.received - self.replied

    @property
    def in_progress(self) -> int:
        """Assigned and not replied (正在办理), the overdue among them."""
        return self.open - self.waiting

    def adopted(self, code: str) -> int:
        return dict(self.adoption).get(code, 0)


class Programme(NamedTuple):
    start: int | None = None
    end: int | None = None
    actual_start: int | None = None
    actual_end: int | None = None
    meeting_start: int | None = None
    meeting_actual_start: int | None = None
    meeting_actual_end: int | None = None
    event_end: int | None = None  # the end time stored with the event (must agree with ``end``)


class DayRecord(NamedTuple):
    """The figures of one event, as defined in this module's docstring (a NamedTuple: the rule check reads it on
    the way to the window's first paint, where a frozen dataclass costs its compile time)."""

    uuid: str
    unit: str
    title: str
    date: dt.date | None
    today: dt.date
    invitees: int = 0  # everyone on the list, walk-ins included (``openday stats``)
    invited: int = 0
    directed: int = 0
    confirmed: int = 0
    arrived: int = 0
    walk_ins: int = 0
    public_arrived: int = 0
    early: int = 0
    by_category: tuple[CategoryFigures, ...] = ()
    speeches_participants: int = 0
    speeches_staff: int = 0
    forms: int = 0
    satisfaction: float | None = None
    suggestions: SuggestionFigures = SuggestionFigures()
    programme: Programme = Programme()
    filed: dt.date | None = None
    announced: dt.date | None = None
    implementation: dt.date | None = None

    @property
    def held(self) -> bool:
        """The event's day has come (the day itself counts): its facts can be stated as done."""
        return self.date is not None and self.date <= self.today

    @property
    def speeches(self) -> int:
        return self.speeches_participants + self.speeches_staff

    @property
    def planned(self) -> int:
        return sum(c.planned for c in self.by_category)

    def done(self, day: dt.date | None) -> bool:
        """Whether a step dated ``day`` has happened by the record's day."""
        return day is not None and day <= self.today

    def stats(self) -> dict:
        """As ``openday stats --json`` prints them."""
        return {"invitees": self.invitees, "confirmed": self.confirmed, "checked_in": self.arrived,
                "walk_ins": self.walk_ins,
                "by_category": {c.name: {"quota": c.planned, "confirmed": c.confirmed, "checked_in": c.arrived}
                                for c in self.by_category}}

    def as_json(self) -> dict:
        """record.json of the filing package (format 1): times "HH:MM", dates ISO, null where not recorded."""
        s, p = self.suggestions, self.programme
        return {
            "format": RECORD_FORMAT,
            "event": {"uuid": self.uuid, "unit": self.unit, "title": self.title, "date": _iso(self.date)},
            "invited": self.invited, "directed": self.directed, "confirmed": self.confirmed,
            "arrived": self.arrived, "walk_ins": self.walk_ins, "public_arrived": self.public_arrived,
            "early_checkins": self.early,
            "by_category": [{"name": c.name, "public": c.public, "planned": c.planned, "confirmed": c.confirmed,
                             "arrived": c.arrived} for c in self.by_category],
            "speeches": {"participants": self.speeches_participants, "staff": self.speeches_staff},
            "forms": self.forms,
            "suggestions": {"received": s.received, "assigned": s.assigned, "replied": s.replied,
                            "replied_on_time": s.replied_on_time, "overdue": s.overdue,
                            **{key: s.adopted(code) for code, key in ADOPTION_KEYS.items()}},
            "satisfaction": None if self.satisfaction is None else round(self.satisfaction, 4),
            "programme": {"start": _hm(p.start), "end": _hm(p.end), "actual_start": _hm(p.actual_start),
                          "actual_end": _hm(p.actual_end)},
            "dates": {"filed": _iso(self.filed), "announced": _iso(self.announced),
                      "implementation": _iso(self.implementation)},
        }


def reply_state(*, department: str, reply: str, replied_at: dt.date | None, due: dt.date | None,
                today: dt.date) -> str:
    """Where one suggestion stands, by the definitions above: ``replied`` (a reply recorded: its text and date),
    ``overdue`` (not replied, past its due date), ``assigned`` (a department handles it), else ``received``."""
    if reply.strip() and replied_at is not None:
        return "replied"
    if due is not None and due < today:
        return "overdue"
    return "assigned" if department.strip() else "received"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _hm(minutes: int | None) -> str | None:
    return None if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"


# -- record.json read back -----------------------------------------------------------------------------------------

COUNTS = ("invited", "confirmed", "arrived", "walk_ins", "forms")
SUGGESTION_COUNTS = ("received", "replied", "replied_on_time", "overdue", *ADOPTION_KEYS.values())


def problems(data: object) -> list[str]:
    """What is wrong with a record.json read back (empty: well-formed): the format, the keys the issue fixes, counts
    as non-negative integers, times "HH:MM" and dates ISO or null."""
    if not isinstance(data, dict):
        return ["not a JSON object"]
    found = []
    if data.get("format") != RECORD_FORMAT:
        found.append(f"format is {data.get('format')!r}, expected {RECORD_FORMAT}")
    event = data.get("event")
    if not isinstance(event, dict) or not all(isinstance(event.get(k), str) for k in ("uuid", "unit", "title")):
        found.append("event: uuid, unit and title expected")
    elif not _is_date(event.get("date")):
        found.append("event.date: an ISO date or null expected")
    found += [f"{k}: a count expected" for k in COUNTS if not _is_count(data.get(k))]
    cats = data.get("by_category")
    if not isinstance(cats, list) or not all(
            isinstance(c, dict) and isinstance(c.get("name"), str) and isinstance(c.get("public"), bool)
            and all(_is_count(c.get(k)) for k in ("planned", "confirmed", "arrived")) for c in cats):
        found.append("by_category: a list of {name, public, planned, confirmed, arrived} expected")
    found += _section(data, "speeches", ("participants", "staff"), _is_count, "a count")
    found += _section(data, "suggestions", SUGGESTION_COUNTS, _is_count, "a count")
    found += _section(data, "programme", ("start", "end", "actual_start", "actual_end"), _is_time, '"HH:MM" or null')
    found += _section(data, "dates", ("filed", "announced", "implementation"), _is_date, "an ISO date or null")
    sat = data.get("satisfaction", "missing")
    if sat is not None and not (isinstance(sat, (int, float)) and not isinstance(sat, bool) and 0 <= sat <= 1):
        found.append("satisfaction: a share from 0 to 1 or null expected")
    return found


def _section(data: dict, name: str, keys, valid, what: str) -> list[str]:
    part = data.get(name)
    if not isinstance(part, dict):
        return [f"{name}: an object expected"]
    return [f"{name}.{k}: {what} expected" for k in keys if k not in part or not valid(part[k])]


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_time(value) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, str) and len(value) == 5 and dt.time.fromisoformat(value) is not None
    except ValueError:
        return False


def _is_date(value) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
