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
    meeting_notes: int = 0  # speeches by participants (the record's ``speeches_participants``)
    suggestions: int = 0
    suggestions_replied: int = 0  # a reply recorded (text and date), whatever the status
    suggestions_on_time: int = 0  # of the replied, on or before the due date
    suggestions_overdue: int = 0  # past the reply deadline without a reply, as of the day the facts were read
    suggestions_waiting: int = 0  # neither replied nor assigned to a department (尚未交办)
    survey_responses: int = 0  # forms entered (not answers)
    satisfaction: float | None = None  # (满意 + 比较满意) / answers, or None without answers
    arrivals_by_slot: tuple[tuple[int, int], ...] = field(default=())  # (minute of the day, people) per 10 minutes
    schedule_note: str = ""  # how the day ran against the programme (domain.route.deviation_summary), or ""
    early_not_counted: int = 0  # people checked in only before the event day (a rehearsal): not arrivals
    filing_date: dt.date | None = None  # 报备 to the 政务公开办
    announcement_date: dt.date | None = None  # 公告
    channels: tuple[str, ...] = ()  # registration channels the plan names (电话, 邮件 …)
    selection_rule: str = ""  # first_come | office_selects
    registered: int = 0  # people on the list other than walk-ins (the record's ``invited``)
    directed: int = 0  # of them, invited directly (定向邀请)
    confirmed_recorded: int = 0  # confirmed people whose confirmation was recorded (when and by whom)
    thresholds: Thresholds = field(default_factory=Thresholds)
    held: bool = True  # the day has come: what it reports is stated as done; before it, nothing of the day is
    today: dt.date = dt.date.max  # the day the facts were read: a plan's step dated after it is not done yet

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
        "theme": facts.theme, "venue": facts.venue,
        # No place recorded: the sentence leaves it out (not a place the plan never named: “在活动现场”).
        "at_venue": f"在{facts.venue}" if facts.venue.strip() else "",
        "into_venue": f"走进{facts.venue}" if facts.venue.strip() else "参加活动",
        # No theme recorded: the sentence leaves it out (not “以“政府开放日”为主题的“政府开放日”活动”).
        "theme_of": f"以“{facts.theme}”为主题的" if facts.theme.strip() else "",
        "theme_by": f"以“{facts.theme}”为主题，" if facts.theme.strip() else "", "arrived": str(facts.arrived),
        "quota": str(facts.quota), "walk_ins": str(facts.walk_ins), "rate": percent(facts.arrived, facts.quota),
        "public": str(facts.public_arrived), "public_share": percent(facts.public_arrived, facts.arrived),
        "required": percent(t.public_share, 1), "minimum": str(t.min_invitees),
        "stops": "、".join(facts.stops), "suggestions": str(facts.suggestions),
        "replied": str(facts.suggestions_replied), "on_time": str(facts.suggestions_on_time),
        "open": str(facts.suggestions - facts.suggestions_replied - facts.suggestions_waiting),
        "waiting": str(facts.suggestions_waiting), "directed": str(facts.directed),
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
    """The 活动实施情况 as paragraphs separated by blank lines: what the records show, nothing they do not; before
    the day only what is planned (定于), after it never 定于."""
    v, own = _values(facts), texts["implementation"]
    if not facts.held:
        return _say(own["planned"], v)
    shared = _shared(facts, texts, v)
    if not facts.arrived:
        return "\n\n".join(p for p in (_say(own["held"], v), _say(own["no_arrivals"], v), shared["survey"],
                                         shared["feedback"]) if p)
    visit = ""
    if facts.stops:
        visit = _say(own["stops"], v) + (_say(own["guides"], v) if facts.guided else "")
    paragraphs = [_say(own["held"], v), _say(own["attendance"], v) + shared["public"], visit, shared["meeting"],
                  shared["survey"], shared["feedback"]]
    return "\n\n".join(p for p in paragraphs if p)


def numbered(parts: list[str], *, separator: str = "；", end: str = "。") -> str:
    """一是……；二是……。 over the parts that are there; one part alone is said without 一是 (a list of one is
    no list: "一是拟定了活动实施方案。" waits for a 二是 that never comes)."""
    parts = [p.rstrip("。；") for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0] + end
    return separator.join(f"{ORDINALS[i]}是{p}" for i, p in enumerate(parts)) + end


def problems(facts: SummaryFacts, texts: dict) -> list[tuple[str, str]]:
    """(problem, measure) for each figure that misses the event's threshold (none before the day)."""
    if not facts.held:
        return []
    v, t, found = _values(facts), facts.thresholds, []
    table = texts["problems"]
    if not facts.arrived:
        found.append("no_arrivals")
    if facts.arrived and facts.public_arrived < facts.arrived * t.public_share:
        found.append("public_share")
    if facts.arrived and facts.arrived < t.min_invitees:
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


def _plan_steps(facts: SummaryFacts, own: dict, v: dict[str, str]) -> str:
    """The plan's filing and announcement, each stated only once its date has come."""
    filed = facts.filing_date is not None and facts.filing_date <= facts.today
    announced = facts.announcement_date is not None and facts.announcement_date <= facts.today
    key = ("plan_filed_announced" if filed and announced else "plan_announced" if announced
           else "plan_filed" if filed else "plan_only")
    return _say(own[key], v)


def _selection(facts: SummaryFacts, own: dict, v: dict[str, str]) -> str:
    """How the participants were chosen: the directed invitations named beside the rule for the rest."""
    if not facts.confirmed:
        return ""
    rule = facts.selection_rule if facts.selection_rule in ("first_come", "office_selects") else ""
    if facts.directed and (facts.directed >= facts.registered or not rule):
        return _say(own["directed_only"], v)
    if facts.directed:
        return _say(own["directed"], v) + _say(own[rule + "_rest"], v)
    return _say(own[rule], v) if rule else ""


def _replies(facts: SummaryFacts, own: dict, v: dict[str, str]) -> str:
    """已答复 (a reply recorded), on time, and the rest still being handled, the overdue among them."""
    parts = []
    if facts.suggestions_replied:
        on_time = facts.suggestions_on_time == facts.suggestions_replied
        parts.append(_say(own["replied_all_on_time" if on_time else "replied"], v))
    if facts.suggestions - facts.suggestions_replied - facts.suggestions_waiting > 0:
        parts.append(_say(own["open_overdue" if facts.suggestions_overdue else "open"], v))
    if facts.suggestions_waiting:
        parts.append(_say(own["waiting"], v))
    return "，".join(parts)


def report_draft(facts: SummaryFacts, texts: dict) -> dict[str, str]:
    """The 总结评估报告's five parts, in ``REPORT_SECTIONS`` order; before the day only the plan is stated."""
    v, own = _values(facts), texts["report"]
    shared = _shared(facts, texts, v)
    v["walk_in_part"] = _say(own["walk_in_part"], v) if facts.walk_ins else ""
    if not facts.held:
        basic = _say(own["basic_planned"], v) + (_say(own["attendance_planned"], v) if facts.quota else "")
    elif facts.arrived:
        basic = _say(own["basic"], v) + _say(own["attendance"], v) + shared["public"]
    else:
        basic = _say(own["basic"], v) + _say(own["attendance_not_recorded"], v)
    invite = [_say(own["channels"], v) if facts.channels else "", _selection(facts, own, v)]
    if facts.confirmed and facts.confirmed_recorded == facts.confirmed:
        invite.append(_say(own["confirmed_each"], v))
    elif facts.confirmed:
        invite.append(_say(own["confirmed_some"], v))
    day = ""
    if facts.held and facts.arrived:
        day = ((_say(own["day"], v) if facts.stops else "") + (_say(own["guides"], v) if facts.guided else "")
               + shared["meeting"] + facts.schedule_note)
    practice = numbered([_plan_steps(facts, own, v), "，".join(p for p in invite if p), day])
    if not facts.held:
        return {"基本情况": basic, "主要做法": practice, "取得成效": "", "存在问题": "", "改进措施": ""}
    v["replies"] = _replies(facts, own, v)
    results = ((_say(own["results_suggestions"], v) if facts.suggestions else "") + shared["survey"])
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
