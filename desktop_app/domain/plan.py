"""The plan (实施方案) as plain data: what the rule check, the milestones and the document builders read.

``services.plan.snapshot(event_id)`` fills a ``PlanSnapshot`` from the database on the GUI thread; everything
downstream is pure and may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP

# Section kinds of the usual plan, in their usual order (DOMAIN.md "The plan"). Kinds marked generated are
# rendered from structured data when their body is empty.
SECTION_KINDS: tuple[str, ...] = (
    "general",  # 总体要求 / 活动目的 / 指导思想
    "theme",  # 活动主题 (generated)
    "time_place",  # 时间和地点 (generated)
    "invitees",  # 邀请对象 (generated from the categories)
    "content",  # 活动内容与形式 (with 活动流程 from the route)
    "organisation",  # 组织领导 (generated from the leading group)
    "duties",  # 人员分工 (generated from the duties)
    "registration",  # 报名方式 (generated)
    "requirements",  # 工作要求
    "contact",  # 联系方式 (generated)
    "custom",
)
GENERATED_KINDS = frozenset({"theme", "time_place", "invitees", "organisation", "duties", "registration", "contact"})

CHANNELS = ("电话", "邮件", "现场", "线上")
FORMS = ("进机关", "进现场", "进会议")
FORM_NAMES = {  # what the interface shows (domain.roster.value_name); the plan prints the Chinese
    "进机关": QT_TRANSLATE_NOOP("core", "Offices (进机关)"),
    "进现场": QT_TRANSLATE_NOOP("core", "Sites (进现场)"),
    "进会议": QT_TRANSLATE_NOOP("core", "Meetings (进会议)"),
}
SELECTION_RULES = ("first_come", "office_selects")
ROLES = ("组长", "副组长", "成员", "办公室主任")


class Thresholds(NamedTuple):
    """The Open Day rules' numbers; every one is configurable per event (stored as JSON on the event)."""

    min_invitees: int = 25
    public_share: float = 1 / 3
    announce_days: int = 15  # 公告 at least this many days before the event
    filing_days: int = 5  # 报备 suggested this many days before the 公告
    publish_days: int = 3  # 实施情况 within this many days after
    summary_days: int = 15  # 总结评估
    feedback_days: int = 15  # 意见反馈
    report_days: int = 15  # report to the 政务公开办
    working_days: bool = False  # count the after-event deadlines in working days
    satisfaction_min: float = 0.9  # a survey's satisfaction below it is a problem the 总结 names

    @classmethod
    def from_dict(cls, data: dict | None) -> Thresholds:
        return cls(**{key: value for key, value in (data or {}).items() if key in cls._fields})

    @classmethod
    def from_json(cls, text: str | None) -> Thresholds:
        """As the event stores them (a JSON object; empty: the defaults)."""
        return cls.from_dict(json.loads(text or "{}"))

    def to_dict(self) -> dict:
        return self._asdict()


class Category(NamedTuple):
    """An invitee category (邀请对象) and its quota, as the plan prints it."""

    name: str
    quota: int
    public: bool  # counts as 群众代表


class GroupMember(NamedTuple):
    """A member of the leading group (领导小组), as the plan prints it."""

    role: str  # 组长 / 副组长 / 成员 / 办公室主任
    name: str
    title: str


class DutyRow(NamedTuple):
    """One row of the duties (人员分工): a task, its responsible leader and the people who carry it out."""

    task: str
    leader: str  # 责任领导
    responsible: str  # 责任人员


class Section(NamedTuple):
    """One section of the plan; ``kind`` is one of SECTION_KINDS, and a generated kind with an empty body is
    rendered from the structured data."""

    kind: str
    heading: str
    body: str  # paragraphs separated by newlines; lines may start with their own （一） or 1. numbering


class AgendaRow(NamedTuple):
    """One step of the route (路线) as the plan's 活动流程 prints it: the guide as 姓名（职务） or as typed, the
    start from group 1's timetable."""

    kind: str  # gather / stop / transfer / meeting / survey / experience / other
    title: str
    place: str
    guide: str
    content: str
    duration_min: int
    start: dt.time | None  # computed or pinned start


class Notice(NamedTuple):
    """The 印发通知 cover (关于印发《…》的通知)."""

    enabled: bool = False
    doc_number: str = ""  # 发文字号, e.g. 西审管函字〔2021〕61号
    recipients: str = ""  # 主送
    body: str = ""
    date: dt.date | None = None  # 成文日期
    masthead: str = ""  # 发文机关标志 (e.g. 西吉县审批服务管理局文件): printed in red as the 版头 when set


class PlanSnapshot(NamedTuple):
    """Everything the rule check, the milestones and the documents read of one event, filled by
    ``services.plan.snapshot``; plain data, safe to read on a worker thread."""

    event_uuid: str
    unit: str
    title: str
    theme: str
    basis_title: str
    basis_number: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str
    gathering_place: str
    gathering_time: dt.time | None
    forms: tuple[str, ...]
    experiences: tuple[str, ...]  # 体验 items (公文盖章, 信访接待, 窗口服务 …)
    registration_channels: tuple[str, ...]
    registration_phone: str
    registration_email: str
    registration_deadline: dt.date | None
    selection_rule: str  # first_come | office_selects
    undersubscribed_rule: str
    contact_person: str
    contact_phone: str
    contact_email: str
    reminders: str
    filing_date: dt.date | None
    announcement_date: dt.date | None
    categories: tuple[Category, ...] = ()
    leading_group: tuple[GroupMember, ...] = ()
    duties: tuple[DutyRow, ...] = ()
    sections: tuple[Section, ...] = ()
    agenda: tuple[AgendaRow, ...] = ()
    thresholds: Thresholds = Thresholds()
    notice: Notice = Notice()
    attach_leading_group: bool = True
    attach_signup_form: bool = True

    @property
    def total_quota(self) -> int:
        return sum(c.quota for c in self.categories)

    @property
    def public_quota(self) -> int:
        return sum(c.quota for c in self.categories if c.public)

    @property
    def plan_title(self) -> str:
        """《<单位>“政府开放日”活动实施方案》 without the book-title marks."""
        return f"{self.unit}“政府开放日”活动实施方案"

    @property
    def office_head(self) -> GroupMember | None:
        return next((m for m in self.leading_group if m.role == "办公室主任"), None)


class DocFonts(NamedTuple):
    """Font names by role (settings ``font.*``); referenced by name, never embedded."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
