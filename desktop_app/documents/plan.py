"""The 实施方案 (with its optional 印发通知 cover and its attachments) as a block-model ``Document``."""

from __future__ import annotations

import datetime as dt

from ..domain.dates import cn_date
from ..domain.plan import GENERATED_KINDS, PlanSnapshot, Section
from . import wording as w
from .model import Block, Document, Heading, PageBreak, Paragraph, Table, Title, cn_number, number_headings
from .signup_form import form_title, signup_blocks

DEFAULT_SECTIONS = (
    ("theme", "活动主题"), ("time_place", "时间和地点"), ("invitees", "邀请对象"), ("content", "活动内容与形式"),
    ("organisation", "组织领导"), ("duties", "人员分工"), ("registration", "报名方式"), ("contact", "联系方式"),
)
PURPOSE = ("为切实推进阳光、透明、开放、服务型政府建设，保障人民群众的知情权、表达权、参与权和监督权，"
           "搭建政府与群众之间的沟通桥梁")
NOTICE_BODY = "现将《{plan_title}》印发给你们，请认真遵照执行。"


def build_plan(snapshot: PlanSnapshot, *, today: dt.date | None = None) -> Document:
    today = today or dt.date.today()
    s = snapshot
    blocks: list[Block] = []
    if s.notice.enabled:
        blocks += _notice(s, today)
        blocks.append(PageBreak())
    blocks.append(Title(f"{s.unit}\n{w.EVENT_NAME}活动实施方案"))
    blocks.append(Paragraph(_opening(s)))
    sections = s.sections or tuple(Section(kind, heading, "") for kind, heading in DEFAULT_SECTIONS)
    for section in sections:
        content = _section_blocks(section, s)
        if content:
            blocks.append(Heading(1, section.heading.strip() or _default_heading(section.kind)))
            blocks += content
    attachments = _attachments(s)
    if attachments:
        blocks.append(Paragraph(_attachment_note([name for name, _ in attachments]), role="attachment_note"))
    if not s.notice.enabled:
        blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(today), role="date")]
    for number, (_name, content) in enumerate(attachments, start=1):
        blocks.append(PageBreak())
        blocks.append(Paragraph(f"附件{number}" if len(attachments) > 1 else "附件", role="attachment_label"))
        blocks += content
    if s.notice.enabled:  # a 印发通知 is a 公文: it ends with its 版记, the unit that issues it and the day
        blocks.append(Paragraph(f"{s.unit}\t{cn_date(s.notice.date or today)}印发", role="imprint"))
    return Document(title=s.plan_title, blocks=number_headings(blocks),
                    meta={"kind": "plan", "author": s.unit, "subject": s.theme, "event": s.event_uuid})


def _notice(s: PlanSnapshot, today: dt.date) -> list[Block]:
    notice = s.notice
    blocks: list[Block] = []
    if notice.masthead.strip():  # the 版头: the mark in red, the 发文字号 over the red rule
        blocks += [Paragraph(notice.masthead.strip(), role="masthead"),
                   Paragraph(notice.doc_number.strip(), role="doc_number")]
    elif notice.doc_number.strip():
        blocks += [Paragraph(notice.doc_number.strip(), align="center"), Paragraph("")]
    blocks.append(Title(w.balanced_title("关于印发《", s.unit, f"{w.EVENT_NAME}活动实施方案》的通知")))
    if notice.recipients.strip():
        blocks.append(Paragraph(notice.recipients.strip().rstrip("：:") + "：", role="recipients"))
    body = notice.body.strip() or NOTICE_BODY.format(plan_title=s.plan_title)
    blocks += [Paragraph(line.strip()) for line in body.splitlines() if line.strip()]
    blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(notice.date or today), role="date")]
    return blocks


def _opening(s: PlanSnapshot) -> str:
    if s.basis_title.strip():
        number = f"（{s.basis_number.strip()}）" if s.basis_number.strip() else ""
        basis = f"根据《{s.basis_title.strip()}》{number}要求，"
    else:
        basis = ""
    return f"{PURPOSE}，{basis}结合{s.unit}工作实际，特制定本实施方案。"


def _default_heading(kind: str) -> str:
    return dict(DEFAULT_SECTIONS).get(kind, "其他事项")


def _section_blocks(section: Section, s: PlanSnapshot) -> list[Block]:
    if section.kind == "content":
        return _content(section, s)
    if section.body.strip() or section.kind not in GENERATED_KINDS:
        return w.body_blocks(section.body)
    return GENERATORS[section.kind](s)


def _theme(s: PlanSnapshot) -> list[Block]:
    return [Paragraph(f"活动主题：{s.theme.strip() or w.TBD}。")]


def _time_place(s: PlanSnapshot) -> list[Block]:
    return w.time_place_blocks(s, ("（一）活动时间。", "（二）活动地点。", "（三）集合时间及地点。"))


def _invitees(s: PlanSnapshot) -> list[Block]:
    return [Paragraph(f"{w.ELIGIBILITY}。{w.invitees_text(s)}{w.public_share_text(s)}")]


def _organisation(s: PlanSnapshot) -> list[Block]:
    members = w.group_blocks(s)
    intro = (f"为确保{w.EVENT_NAME}活动顺利开展，成立{s.unit}{w.EVENT_NAME}活动领导小组，"
             + ("组成人员如下：" if members else f"组成人员{w.TBD}。"))  # no list announced and then left empty
    return [Paragraph(intro), *members, Paragraph(w.office_text(s))]


def _duties(s: PlanSnapshot) -> list[Block]:
    if not s.duties:
        return [Paragraph(f"人员分工{w.TBD}。")]
    rows = tuple((str(i), d.task, d.leader, d.responsible) for i, d in enumerate(s.duties, start=1))
    return [Paragraph("活动各项工作分工如下："),
            Table(("序号", "工作任务", "责任领导", "责任人员"), rows, (14, 70, 28, 44))]


def _registration(s: PlanSnapshot) -> list[Block]:
    return w.registration_blocks(s)


def _contact(s: PlanSnapshot) -> list[Block]:
    return w.contact_blocks(s)


GENERATORS = {
    "theme": _theme, "time_place": _time_place, "invitees": _invitees, "organisation": _organisation,
    "duties": _duties, "registration": _registration, "contact": _contact,
}


def _content(section: Section, s: PlanSnapshot) -> list[Block]:
    """The section's own text, then the timed route. When the text numbers its own （一）（二）…, the route
    continues that numbering as a lead-in; otherwise it is a level-2 heading numbered like any other."""
    blocks = w.body_blocks(section.body)
    if s.agenda:
        own = w.own_level2_count(section.body)
        if own:
            blocks.append(Paragraph("具体安排如下：", bold_lead=f"（{cn_number(own + 1)}）活动流程。"))
        else:
            blocks.append(Heading(2, "活动流程"))
        blocks.append(w.agenda_table(s))
    return blocks


def _attachments(s: PlanSnapshot) -> list[tuple[str, list[Block]]]:
    out: list[tuple[str, list[Block]]] = []
    if s.attach_leading_group and s.leading_group:
        name = f"{s.unit}{w.EVENT_NAME}活动领导小组名单"
        rows = tuple((m.role, m.name, m.title) for m in s.leading_group if m.role != "办公室主任")
        out.append((name, [
            Title(w.balanced_title("", s.unit + w.EVENT_NAME, "活动领导小组名单")),
            Table(("职务", "姓名", "单位职务"), rows, (30, 36, 90)),
            Paragraph(w.office_text(s)),
        ]))
    if s.attach_signup_form:
        # Named as its title reads (GB/T 9704 7.3.4: the 附件说明 names the attachment by its title).
        out.append((form_title(s).replace("\n", ""), signup_blocks(s)))
    return out


def _attachment_note(names: list[str]) -> str:
    """附件：1.×× with the next names on their own lines (the style lines them up under “1.”)."""
    if len(names) == 1:
        return f"附件：{names[0]}"
    return "附件：" + "\n".join(f"{i}.{name}" for i, name in enumerate(names, start=1))
