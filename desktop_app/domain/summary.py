"""What happened on the day, in numbers (``SummaryFacts``), and the first drafts of the 活动实施情况 and the
总结评估报告 written from them. The prose is data (``resources/summary/drafts.json``); the coordinator edits the
drafts afterwards, so a draft only has to be right, not final."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import cn_date
from .feedback import rate_text

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
    unit: str
    theme: str
    venue: str
    date: dt.date | None
    categories: tuple[CategoryAttendance, ...] = ()
    walk_ins: int = 0
    stops: tuple[str, ...] = ()  # places of the programme's stops, in order
    has_meeting: bool = False
    suggestions: int = 0
    suggestions_done: int = 0  # 已办结 or 已反馈
    suggestions_answered: int = 0  # 已反馈
    survey_responses: int = 0
    satisfaction: float | None = None  # (满意 + 比较满意) / answers, or None without answers
    arrivals_by_slot: tuple[tuple[int, int], ...] = field(default=())  # (minute of the day, people) per 10 minutes
    schedule_note: str = ""  # how the day ran against the programme (domain.route.deviation_summary), or ""
    early_not_counted: int = 0  # people checked in only before the event day (a rehearsal): not arrivals

    @property
    def quota(self) -> int:
        return sum(c.quota for c in self.categories)

    @property
    def arrived(self) -> int:
        return sum(c.arrived for c in self.categories)

    @property
    def public_arrived(self) -> int:
        return sum(c.arrived for c in self.categories if c.public)


def percent(part: float, whole: float) -> str:
    """68% (no decimals): how the office writes a share in prose."""
    return f"{round(100 * part / whole)}%" if whole else "—"


def _composition(facts: SummaryFacts) -> str:
    parts = [f"{c.name}{c.arrived}名" for c in facts.categories if c.arrived]
    return "（" + "、".join(parts) + "）" if parts else ""


def _values(facts: SummaryFacts, texts: dict) -> dict[str, str]:
    day = cn_date(facts.date) if facts.date else "活动当天"
    base = {
        "day": day, "unit": facts.unit or "本单位", "theme": facts.theme or "政府开放日",
        "venue": facts.venue or "活动现场", "arrived": str(facts.arrived), "quota": str(facts.quota),
        "walk_ins": str(facts.walk_ins), "rate": percent(facts.arrived, facts.quota),
        "public": str(facts.public_arrived), "public_share": percent(facts.public_arrived, facts.arrived),
        "stops": "、".join(facts.stops) if facts.stops else "活动现场各功能区",
        "suggestions": str(facts.suggestions), "done": str(facts.suggestions_done),
        "answered": str(facts.suggestions_answered), "responses": str(facts.survey_responses),
        "satisfaction": rate_text(facts.satisfaction),  # as the 满意度测评统计 reports it: 86.6%
        "schedule_note": facts.schedule_note,
    }
    base["composition"] = "参加人员" + _composition(facts)
    base["public_sentence"] = texts["public_sentence"].format(**base) if facts.arrived else ""
    base["meeting_sentence"] = (texts["meeting_sentence"] if facts.has_meeting else texts["no_meeting_sentence"]
                                ).format(**base)
    base["feedback_sentence"] = (texts["feedback_sentence"] if facts.suggestions else texts["no_feedback_sentence"]
                                 ).format(**base)
    base["survey_sentence"] = (texts["survey_sentence"] if facts.survey_responses else texts["no_survey_sentence"]
                               ).format(**base)
    return base


def implementation_draft(facts: SummaryFacts, texts: dict) -> str:
    """The 活动实施情况 as paragraphs separated by blank lines."""
    values = _values(facts, texts)
    paragraphs = [p.format(**values).strip() for p in texts["implementation"]]
    return "\n\n".join(p for p in paragraphs if p)


def report_draft(facts: SummaryFacts, texts: dict) -> dict[str, str]:
    """The 总结评估报告's five parts, in ``REPORT_SECTIONS`` order."""
    values = _values(facts, texts)
    return {name: texts["report"][name].format(**values).strip() for name in REPORT_SECTIONS}


def paragraphs(text: str) -> list[str]:
    """Paragraphs of an edited draft: split on line breaks, blank lines dropped, spaces trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]
