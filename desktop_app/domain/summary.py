"""What happened on the day, in numbers (``SummaryFacts``), and the first drafts of the 活动实施情况 and the
总结评估报告 written from them. The prose is data (``resources/summary/drafts.json``); the coordinator edits the
drafts afterwards, so a draft only has to be right, not final — and right means every sentence follows from a
recorded fact: a sentence whose fact is not recorded is left out or says it is not recorded, and the 存在问题 are
the figures that miss the event's thresholds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import cn_date
from .plan import Thresholds
from .survey import rate_text

REPORT_SECTIONS = ("基本情况", "主要做法", "取得成效", "存在问题", "改进措施")


@dataclass(frozen=True)
class CategoryAttendance:
    name: str
    quota: int
    confirmed: int
    arrived: int
    public: bool


@dataclass(frozen=True)
class SummaryFacts:
    """What the records say about the day: each field is read from data, and a draft sentence is written only
    when its field holds something (``None``/0/empty: not recorded)."""

    unit: str
    theme: str
    venue: str
    date: dt.date | None
    categories: tuple[CategoryAttendance, ...] = ()
    walk_ins: int = 0
    stops: tuple[str, ...] = ()  # places of the programme's stops, in order
    guided: bool = False  # the stops have guides recorded
    meeting_held: bool = False  # notes were taken, or the meeting's actual start was recorded
    meeting_notes: int = 0
    suggestions: int = 0
    suggestions_done: int = 0  # 已办结 or 已反馈
    suggestions_answered: int = 0  # 已反馈
    suggestions_overdue: int = 0  # past the reply deadline without an answer, as of the day the facts were read
    survey_responses: int = 0
    satisfaction: float | None = None  # (满意 + 比较满意) / answers, or None without answers
    arrivals_by_slot: tuple[tuple[int, int], ...] = field(default=())  # (minute of the day, people) per 10 minutes
    schedule_note: str = ""  # how the day ran against the programme (domain.route.deviation_summary), or ""
    early_not_counted: int = 0  # people checked in only before the event day (a rehearsal): not arrivals
    filing_date: dt.date | None = None  # 报备 to the 政务公开办
    announcement_date: dt.date | None = None  # 公告
    channels: tuple[str, ...] = ()  # registration channels the plan names (电话, 邮件 …)
    selection_rule: str = ""  # first_come | office_selects
    registered: int = 0  # people who signed up (walk-ins not counted)
    confirmed_recorded: int = 0  # confirmed people whose confirmation was recorded (when and by whom)
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def quota(self) -> int:
        return sum(c.quota for c in self.categories)

    @property
    def arrived(self) -> int:
        return sum(c.arrived for c in self.categories)

    @property
    def confirmed(self) -> int:
        return sum(c.confirmed for c in self.categories)

    @property
    def public_arrived(self) -> int:
        return sum(c.arrived for c in self.categories if c.public)


def percent(part: float, whole: float) -> str:
    """68% (no decimals): how the office writes a share in prose."""
    return f"{round(100 * part / whole)}%" if whole else "—"


ORDINALS = "一二三四五六七八九十"


def _composition(facts: SummaryFacts) -> str:
    parts = [f"{c.name}{c.arrived}名" for c in facts.categories if c.arrived]
    return "（" + "、".join(parts) + "）" if parts else ""


def _values(facts: SummaryFacts) -> dict[str, str]:
    t = facts.thresholds
    return {
        "day": cn_date(facts.date) if facts.date else "活动当天", "unit": facts.unit or "本单位",
        "theme": facts.theme, "venue": facts.venue or "活动现场",
        # No theme recorded: the sentence leaves it out (not “以“政府开放日”为主题的“政府开放日”活动”).
        "theme_of": f"以“{facts.theme}”为主题的" if facts.theme.strip() else "",
        "theme_by": f"以“{facts.theme}”为主题，" if facts.theme.strip() else "", "arrived": str(facts.arrived),
        "quota": str(facts.quota), "walk_ins": str(facts.walk_ins), "rate": percent(facts.arrived, facts.quota),
        "public": str(facts.public_arrived), "public_share": percent(facts.public_arrived, facts.arrived),
        "required": percent(t.public_share, 1), "minimum": str(t.min_invitees),
        "stops": "、".join(facts.stops), "suggestions": str(facts.suggestions),
        "done": str(facts.suggestions_done), "answered": str(facts.suggestions_answered),
        "overdue": str(facts.suggestions_overdue), "responses": str(facts.survey_responses),
        "satisfaction": rate_text(facts.satisfaction),  # as the 满意度测评统计 reports it: 86.6%
        "target": percent(t.satisfaction_min, 1), "feedback_days": str(t.feedback_days),
        "notes": str(facts.meeting_notes), "confirmed": str(facts.confirmed), "registered": str(facts.registered),
        "filed": cn_date(facts.filing_date) if facts.filing_date else "",
        "announced": cn_date(facts.announcement_date) if facts.announcement_date else "",
        "channels": "、".join(facts.channels), "composition": "参加人员" + _composition(facts),
    }


def _say(template: str, values: dict[str, str]) -> str:
    return template.format(**values)


def _shared(facts: SummaryFacts, texts: dict, v: dict[str, str]) -> dict[str, str]:
    """The sentences both drafts use, each empty when its fact is not recorded."""
    meeting = ""
    if facts.meeting_notes:
        meeting = _say(texts["meeting_notes"], v)
    elif facts.meeting_held:
        meeting = _say(texts["meeting_held"], v)
    return {
        "public": _say(texts["public_sentence"], v) if facts.arrived else "",
        "meeting": meeting,
        "feedback": _say(texts["feedback_sentence"], v) if facts.suggestions else "",
        "survey": _say(texts["survey_sentence"], v) if facts.survey_responses else "",
    }


def implementation_draft(facts: SummaryFacts, texts: dict) -> str:
    """The 活动实施情况 as paragraphs separated by blank lines: what the records show, nothing they do not."""
    v, own = _values(facts), texts["implementation"]
    shared = _shared(facts, texts, v)
    if not facts.arrived:
        return _say(own["not_recorded"], v)
    visit = ""
    if facts.stops:
        visit = _say(own["stops"], v) + (_say(own["guides"], v) if facts.guided else "")
    paragraphs = [_say(own["held"], v), _say(own["attendance"], v) + shared["public"], visit, shared["meeting"],
                  shared["survey"], shared["feedback"]]
    return "\n\n".join(p for p in paragraphs if p)


def numbered(parts: list[str], *, separator: str = "；", end: str = "。") -> str:
    """一是……；二是……。 over the parts that are there."""
    parts = [p.rstrip("。；") for p in parts if p]
    if not parts:
        return ""
    return separator.join(f"{ORDINALS[i]}是{p}" for i, p in enumerate(parts)) + end


def problems(facts: SummaryFacts, texts: dict) -> list[tuple[str, str]]:
    """(problem, measure) for each figure that misses the event's threshold."""
    v, t, found = _values(facts), facts.thresholds, []
    table = texts["problems"]
    if facts.arrived and facts.public_arrived < facts.arrived * t.public_share:
        found.append("public_share")
    if facts.arrived and facts.arrived < t.min_invitees:  # no arrivals recorded: nothing to judge the day by
        found.append("attendance")
    if facts.quota and facts.registered < facts.quota:
        found.append("registration")
    if facts.suggestions_overdue:
        found.append("overdue")
    if facts.satisfaction is not None and facts.satisfaction < t.satisfaction_min:
        found.append("satisfaction")
    if facts.arrived and not facts.meeting_held and not facts.survey_responses:
        found.append("no_interaction")
    return [(_say(table[key][0], v), _say(table[key][1], v)) for key in found]


def report_draft(facts: SummaryFacts, texts: dict) -> dict[str, str]:
    """The 总结评估报告's five parts, in ``REPORT_SECTIONS`` order."""
    v, own = _values(facts), texts["report"]
    shared = _shared(facts, texts, v)
    v["walk_in_part"] = _say(own["walk_in_part"], v) if facts.walk_ins else ""
    if facts.arrived:
        basic = _say(own["basic"], v) + _say(own["attendance"], v) + shared["public"]
    else:
        basic = _say(own["basic_not_recorded"], v) + _say(own["attendance_not_recorded"], v)
    if facts.filing_date and facts.announcement_date:
        plan = own["plan_filed_announced"]
    elif facts.announcement_date:
        plan = own["plan_announced"]
    elif facts.filing_date:
        plan = own["plan_filed"]
    else:
        plan = own["plan_only"]
    invite = []
    if facts.channels:
        invite.append(_say(own["channels"], v))
    if facts.selection_rule in ("first_come", "office_selects") and facts.confirmed:
        invite.append(_say(own[facts.selection_rule], v))
    if facts.confirmed and facts.confirmed_recorded == facts.confirmed:
        invite.append(_say(own["confirmed_each"], v))
    elif facts.confirmed:
        invite.append(_say(own["confirmed_some"], v))
    day = ""
    if facts.arrived:
        day = ((_say(own["day"], v) if facts.stops else "") + (_say(own["guides"], v) if facts.guided else "")
               + shared["meeting"] + facts.schedule_note)
    practice = numbered([_say(plan, v), "，".join(invite), day])
    results = (_say(own["results_suggestions"], v) if facts.suggestions else "") + shared["survey"]
    found = problems(facts, texts)
    return {
        "基本情况": basic,
        "主要做法": practice,
        "取得成效": results or _say(own["results_none"], v),
        "存在问题": numbered([p for p, _m in found]) if found else _say(own["no_problems"], v),
        "改进措施": numbered([m for _p, m in found] + [_say(own["closing_measure"], v)]),
    }


def paragraphs(text: str) -> list[str]:
    """Paragraphs of an edited draft: split on line breaks, blank lines dropped, spaces trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]
