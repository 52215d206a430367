"""The sentences the plan, the announcement and the 报名表 share, built from a ``PlanSnapshot``.

One place for each phrase, so the 实施方案 and the 活动公告 never state the time, the invitees or the
registration rules differently.
"""

from __future__ import annotations

import datetime as dt
import re

from ..domain.dates import cn_date, cn_weekday
from ..domain.plan import PlanSnapshot
from .model import Block, Paragraph, Table, cn_number

TBD = "另行通知"  # a fact not settled yet, in the words notices use
EVENT_NAME = "“政府开放日”"
CHANNEL_WORDS = {"电话": "电话报名", "邮件": "邮件报名", "现场": "现场报名", "线上": "线上报名"}
FORM_WORDS = {
    "进机关": "进机关（机关开放）：走进机关，了解机构设置、主要职能、办文办事流程和会议组织等情况",
    "进现场": "进现场（现场开放）：走进工程、执法、管理现场，听取现场情况介绍，了解政府工作",
    "进会议": "进会议（会议开放）：列席决策性会议，了解行政决策过程",
}
ROLE_LABELS = {"组长": "组　长：", "副组长": "副组长：", "成员": "成　员："}
MAIL_SUBJECT = "活动报名+姓名"
PLEDGE = "本人郑重承诺，此表内所有信息全部属实，如有任何不实，愿承担相应责任。"
ELIGIBILITY = "在本行政区域生活、工作、学习且年满18周岁、具有完全民事行为能力的公民"
GIVE_UP = "参加人员经电话确认后，无故未按时参加的，视为主动放弃。"

# A body line that brings its own number: 一、 （一） 1. （1） 第一项 ①
OWN_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?[0-9]+[.．、)）]|（[0-9]+）"
                        r"|第[一二三四五六七八九十]+[项条部分]|[①-⑳])")
LEVEL2_NUMBER = re.compile(r"^\s*（[一二三四五六七八九十]+）")
TITLE_LINE = 20  # characters of 2号 text on one line of the 156 mm text block


def balanced_title(prefix: str, unit: str, rest: str) -> str:
    """Break a long title after the unit's name when both lines then fit, as 公文 titles are broken by meaning
    (关于印发《西吉县审批服务管理局 / “政府开放日”活动实施方案》的通知)."""
    first, second = prefix + unit, rest
    if len(first + second) > TITLE_LINE and len(first) <= TITLE_LINE and len(second) <= TITLE_LINE:
        return f"{first}\n{second}"
    return first + second


def clock(value: dt.time | None) -> str:
    """9:00, 14:30 — no leading zero, as the plans write it."""
    return f"{value.hour}:{value.minute:02d}" if value else ""


def half_day(value: dt.time | None) -> str:
    if value is None:
        return ""
    return "上午" if value.hour < 12 else "下午"


def day_text(day: dt.date | None) -> str:
    return f"{cn_date(day)}（{cn_weekday(day)}）" if day else TBD


def time_text(s: PlanSnapshot) -> str:
    """2026年9月28日（星期一）上午9:00至11:40."""
    text = day_text(s.date)
    if s.start_time:
        text += f"{half_day(s.start_time)}{clock(s.start_time)}"
        if s.end_time:
            same_half = half_day(s.end_time) == half_day(s.start_time)
            text += f"至{'' if same_half else half_day(s.end_time)}{clock(s.end_time)}"
    return text


def gathering_text(s: PlanSnapshot) -> str:
    if not (s.gathering_place or s.gathering_time):
        return ""
    when = f"于{clock(s.gathering_time)}前" if s.gathering_time else "按时"
    where = f"到{s.gathering_place}" if s.gathering_place else "到活动地点"
    return f"参加人员请{when}{where}集合。"


def categories_text(s: PlanSnapshot) -> str:
    """政务公开义务监督员8人、企业及群众代表17人."""
    return "、".join(f"{c.name}{c.quota}人" for c in s.categories if c.name)


def invitees_text(s: PlanSnapshot) -> str:
    names = "、".join(c.name for c in s.categories if c.name)
    if not names:
        return f"邀请对象{TBD}。"
    return f"邀请{names}参加，共计{s.total_quota}人，其中：{categories_text(s)}。"


def share_fraction(share: float) -> str:
    """1/3 → 三分之一, 0.4 → 40%."""
    for denominator in range(2, 11):
        numerator = round(share * denominator)
        if numerator and abs(share - numerator / denominator) < 1e-6:
            return f"{cn_number(denominator)}分之{cn_number(numerator)}"
    return f"{share:.0%}"


def public_share_text(s: PlanSnapshot) -> str:
    if not s.total_quota:
        return ""
    share = s.public_quota / s.total_quota
    text = f"其中群众代表{s.public_quota}人，占参加人数的{share:.0%}"
    if share + 1e-9 >= s.thresholds.public_share:
        text += f"，不低于{share_fraction(s.thresholds.public_share)}"
    return text + "。"


def member_line(name: str, title: str) -> str:
    """Two-character names get a full-width space in the middle, so names and titles line up (王　强)."""
    padded = f"{name[0]}　{name[1]}" if len(name) == 2 else name
    return f"{padded}　{title}".rstrip("　")


def group_blocks(s: PlanSnapshot, roles: tuple[str, ...] = ("组长", "副组长", "成员")) -> list[Block]:
    """组　长：… / 副组长：… (one line each, later ones indented under the first) / 成　员：…"""
    blocks: list[Block] = []
    for role, label in ROLE_LABELS.items():
        if role not in roles:
            continue
        members = [m for m in s.leading_group if m.role == role]
        for i, member in enumerate(members):
            if i == 0:
                blocks.append(Paragraph(member_line(member.name, member.title), bold_lead=label))
            else:
                blocks.append(Paragraph("　" * len(label) + member_line(member.name, member.title)))
    return blocks


def office_text(s: PlanSnapshot) -> str:
    head = s.office_head
    duty = f"负责{EVENT_NAME}活动计划制定、组织实施和统筹协调工作。"
    if head:
        return f"领导小组下设办公室，{head.name}同志兼任办公室主任，{duty}"
    return f"领导小组下设办公室，{duty}"


def channels_text(s: PlanSnapshot) -> str:
    return "、".join(CHANNEL_WORDS.get(c, c) for c in s.registration_channels)


def registration_blocks(s: PlanSnapshot, *, form_attached: bool | None = None) -> list[Block]:
    """How to register, the deadline and how participants are chosen, as （一）… lead-in paragraphs. The phone
    number and the e-mail address get lines of their own: an address cannot break, and a justified line
    around it would stretch. Where the 报名表 comes from is said: attached (``form_attached``, default: the
    plan attaches it), or from the contact person."""
    attached = s.attach_signup_form if form_attached is None else form_attached
    how = f"采取{channels_text(s)}的方式。" if s.registration_channels else f"报名方式{TBD}。"
    if s.registration_email:
        source = "（见附件）" if attached else "（可向联系人索取）"
        how += f"邮件报名请填写报名表{source}，以附件发送，邮件主题注明“{MAIL_SUBJECT}”。"
    blocks: list[Block] = [Paragraph(how, bold_lead="（一）报名途径。")]
    if s.registration_phone:
        blocks.append(Paragraph(f"报名电话：{s.registration_phone}"))
    if s.registration_email:
        blocks.append(Paragraph(f"报名邮箱：{s.registration_email}"))
    deadline = f"即日起至{cn_date(s.registration_deadline)}止。" if s.registration_deadline else f"报名截止时间{TBD}。"
    blocks.append(Paragraph(deadline, bold_lead="（二）报名时间。"))
    blocks.append(Paragraph(selection_text(s), bold_lead="（三）人员确定。"))
    return blocks


def selection_text(s: PlanSnapshot) -> str:
    if s.selection_rule == "office_selects":
        text = f"由{s.unit}{EVENT_NAME}活动领导小组办公室根据报名情况，综合确定参加人员。"
    else:
        text = "报名人数超过计划人数时，按报名先后顺序确定参加人员。"
    rule = s.undersubscribed_rule.strip()
    if rule:
        text += rule if rule.endswith("。") else rule + "。"
    return text + GIVE_UP


def contact_blocks(s: PlanSnapshot, labels: tuple[str, str, str] = ("联系人", "联系电话", "邮箱")) -> list[Block]:
    values = (s.contact_person, s.contact_phone, s.contact_email)
    return [Paragraph(value or TBD, bold_lead=f"{label}：") for label, value in zip(labels, values, strict=True)]


def body_blocks(body: str) -> list[Block]:
    """A section's text, one paragraph per line; a line with its own （一） keeps it, its first sentence in 楷体."""
    blocks: list[Block] = []
    for line in (raw.strip() for raw in body.splitlines()):
        if not line:
            continue
        if LEVEL2_NUMBER.match(line):
            stop = line.find("。")
            if 0 < stop <= 30:
                blocks.append(Paragraph(line[stop + 1:], bold_lead=line[:stop + 1]))
                continue
            if len(line) <= 30:
                blocks.append(Paragraph("", bold_lead=line))
                continue
        blocks.append(Paragraph(line))
    return blocks


def own_level2_count(body: str) -> int:
    return sum(1 for line in body.splitlines() if LEVEL2_NUMBER.match(line))


def agenda_table(s: PlanSnapshot, *, with_guide: bool = True) -> Table:
    """活动流程: 时间 / 内容 / 地点 / 讲解（负责）人; a transfer row shows its way of moving (（乘车） …)."""
    rows = []
    for row in s.agenda:
        content = row.title + (f"：{row.content}" if row.content else "")
        cells = (clock(row.start), content, row.place)
        rows.append(cells + ((row.guide,) if with_guide else ()))
    if with_guide:
        return Table(("时间", "内容", "地点", "讲解（负责）人"), tuple(rows), (20, 64, 34, 38))
    return Table(("时间", "内容", "地点"), tuple(rows), (20, 96, 40))


def forms_lines(s: PlanSnapshot) -> list[str]:
    """活动形式: the 进机关/进现场/进会议 forms, hands-on 体验, and the 座谈/问卷 steps found in the route."""
    lines = [FORM_WORDS.get(form, form) for form in s.forms]
    if s.experiences:
        lines.append("体验活动：" + "、".join(s.experiences))
    kinds = {row.kind for row in s.agenda}
    steps = [word for kind, word in (("meeting", "座谈问答"), ("survey", "问卷调查")) if kind in kinds]
    if steps:
        lines.append("互动交流：" + "、".join(steps))
    return lines


def time_place_blocks(s: PlanSnapshot, leads: tuple[str, str, str]) -> list[Block]:
    """Time, place and (when known) gathering, each a paragraph under its lead-in (the plan and the
    announcement word the lead-ins differently)."""
    time_lead, venue_lead, gathering_lead = leads
    blocks: list[Block] = [Paragraph(time_text(s) + "。", bold_lead=time_lead),
                           Paragraph((s.venue.strip() or TBD) + "。", bold_lead=venue_lead)]
    gathering = gathering_text(s)
    if gathering:
        blocks.append(Paragraph(gathering, bold_lead=gathering_lead))
    return blocks
