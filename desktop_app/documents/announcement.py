"""The 活动公告: published at least 15 days before the day, it must state all thirteen items the district's
work plan lists (seed 001), each under its own label so a reader — and the rule check — finds it."""

from __future__ import annotations

import datetime as dt
import re

from ..domain.dates import cn_date
from ..domain.plan import PlanSnapshot
from . import wording as w
from .model import Block, Document, Heading, PageBreak, Paragraph, Title, cn_number, number_headings
from .signup_form import form_title, signup_blocks

# The items in the order the district's work plan lists them (DOMAIN.md).
ANNOUNCEMENT_ITEMS: tuple[str, ...] = (
    "报名方式", "参加人数", "开放主题", "参加领导", "承办单位", "时间地点", "邀请对象", "活动内容", "活动形式",
    "联系人员", "联系电话", "邮箱", "温馨提示",
)

INTRO = ("为切实推进阳光、透明、开放、服务型政府建设，搭建政府与群众之间的沟通桥梁，{unit}{when}举办"
         "“政府开放日”活动，诚邀社会各界群众代表走进机关、参与活动、建言献策。现将有关事项公告如下：")
CONTENT_FALLBACK = "实地参观、听取工作情况介绍、座谈交流并填写意见建议。"


def build_announcement(snapshot: PlanSnapshot, *, today: dt.date | None = None) -> Document:
    today = today or dt.date.today()
    s = snapshot
    blocks: list[Block] = [
        Title(w.balanced_title("", f"{s.unit}关于举办", f"{w.EVENT_NAME}活动的公告")),
        Paragraph(INTRO.format(unit=s.unit, when=f"定于{cn_date(s.date)}" if s.date else "将")),
    ]
    # A reader's order: what and who first, then how to take part; every label of ANNOUNCEMENT_ITEMS appears.
    items: list[tuple[str, list[Block]]] = [
        ("开放主题", [Paragraph(f"{s.theme.strip() or w.TBD}。")]),
        ("承办单位", [Paragraph(f"{s.unit}。")]),
        ("时间地点", _time_place(s)),
        ("参加领导", w.group_blocks(s, ("组长", "副组长")) or [Paragraph(f"{w.TBD}。")]),
        ("邀请对象", [Paragraph(f"{w.ELIGIBILITY}。" + (f"主要包括{_names(s)}。" if _names(s) else ""))]),
        ("参加人数", [Paragraph(_count(s))]),
        ("活动内容", _content(s)),
        ("活动形式", _forms(s)),
        ("报名方式", w.registration_blocks(s, form_attached=s.attach_signup_form)),
        ("联系方式", w.contact_blocks(s, ("联系人员", "联系电话", "邮箱"))),
        ("温馨提示", _reminders(s)),
    ]
    for label, content in items:
        blocks.append(Heading(1, label))
        blocks += content
    if s.attach_signup_form:  # the 报名表 the text refers to, attached as in the plan
        blocks.append(Paragraph(f"附件：{form_title(s).replace(chr(10), '')}", role="attachment_note"))
    blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(s.announcement_date or today), role="date")]
    if s.attach_signup_form:
        blocks += [PageBreak(), Paragraph("附件", role="attachment_label"), *signup_blocks(s)]
    title = f"{s.unit}关于举办{w.EVENT_NAME}活动的公告"
    return Document(title=title, blocks=number_headings(blocks),
                    meta={"kind": "announcement", "author": s.unit, "subject": s.theme, "event": s.event_uuid})


def _names(s: PlanSnapshot) -> str:
    return "、".join(c.name for c in s.categories if c.name)


def _count(s: PlanSnapshot) -> str:
    if not s.total_quota:
        return f"{w.TBD}。"
    return f"共{s.total_quota}人，其中：{w.categories_text(s)}。{w.public_share_text(s)}"


def _time_place(s: PlanSnapshot) -> list[Block]:
    return w.time_place_blocks(s, ("活动时间：", "活动地点：", "集合安排："))


def _content(s: PlanSnapshot) -> list[Block]:
    section = next((sec for sec in s.sections if sec.kind == "content" and sec.body.strip()), None)
    blocks = w.body_blocks(section.body) if section else []
    if s.agenda:
        blocks.append(Paragraph("活动当天安排如下："))
        blocks.append(w.agenda_table(s, with_guide=False))
    return blocks or [Paragraph(CONTENT_FALLBACK)]


# A line's own number (1. 1、 ① (1)) — under a level-1 heading the next level is （一）, so it is renumbered.
OWN_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[①-⑳]|[（(]\d{1,2}[)）])\s*")


def _level2(lines: list[str]) -> list[Block]:
    """Several points under a level-1 heading as （一）（二）… (GB/T 9704: 一、（一）1.（1）); one point unnumbered."""
    lines = [OWN_NUMBER.sub("", line) for line in lines]
    if len(lines) == 1:
        return [Paragraph(lines[0])]
    return [Paragraph(line, bold_lead=f"（{cn_number(i)}）") for i, line in enumerate(lines, start=1)]


def _forms(s: PlanSnapshot) -> list[Block]:
    lines = w.forms_lines(s)
    if not lines:
        return [Paragraph(f"{w.TBD}。")]
    return _level2([f"{line}。" for line in lines])


def _reminders(s: PlanSnapshot) -> list[Block]:
    lines = [line.strip() for line in s.reminders.splitlines() if line.strip()]
    lines = lines or ["请携带本人身份证按时到达集合地点，活动期间听从工作人员安排。"]
    return _level2(lines)
