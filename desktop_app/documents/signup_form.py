"""The blank 报名表 with its 诚信承诺 as blocks (for Word and the plan's attachment); ``signup_xlsx`` writes the
same form as an Excel workbook."""

from __future__ import annotations

from ..domain.dates import cn_date
from ..domain.plan import PlanSnapshot
from . import wording as w
from .layout import SPAN
from .model import Block, Document, Paragraph, Table, Title

SIGNATURE_LINE = "承诺人：" + "　" * 6
DATE_LINE = "年　　月　　日"
FORM_WIDTHS = (28.0, 50.0, 28.0, 50.0)
OPINION_LINES = 5
ROSTER_COLUMNS = ("序号", "姓名", "性别", "身份证号", "联系电话", "工作单位", "职务", "参加类别", "报名方式", "报名时间",
                  "备注")
ROSTER_WIDTHS = (6, 10, 6, 22, 15, 28, 14, 18, 10, 18, 14)
ROSTER_TEXT_COLUMNS = ("身份证号", "联系电话")
ROSTER_ROWS = 200  # rows pre-formatted as text, so an ID number typed in stays 18 digits


def form_title(s: PlanSnapshot) -> str:
    return f"{s.unit}\n{w.EVENT_NAME}活动报名表"


def category_boxes(s: PlanSnapshot) -> str:
    return "　".join(f"□{c.name}" for c in s.categories if c.name) or "□"


def form_rows(s: PlanSnapshot) -> tuple[tuple[str, ...], ...]:
    """Four columns (label, blank, label, blank); SPAN cells merge into the blank on their left."""
    return (
        ("姓名", "", "性别", ""),
        ("出生年月", "", "联系电话", ""),
        ("身份证号", "", SPAN, SPAN),
        ("工作单位", "", "职务", ""),
        ("参加类别", category_boxes(s), SPAN, SPAN),
        ("通讯地址", "", SPAN, SPAN),
        ("意见建议", "\n" * (OPINION_LINES - 1), SPAN, SPAN),
    )


def submission_note(s: PlanSnapshot) -> str:
    parts = []
    if s.registration_email:
        when = f"于{cn_date(s.registration_deadline)}前" if s.registration_deadline else ""
        parts.append(f"请{when}将本表发送至{s.registration_email}，邮件主题注明“{w.MAIL_SUBJECT}”")
    elif s.registration_deadline:
        parts.append(f"报名截止时间：{cn_date(s.registration_deadline)}")
    if s.registration_phone:
        parts.append(f"咨询电话：{s.registration_phone}")
    return "注：" + "；".join(parts) + "。" if parts else ""


def signup_blocks(s: PlanSnapshot) -> list[Block]:
    """Title, form and pledge: the whole 报名表, also used as the plan's attachment."""
    blocks: list[Block] = [
        Title(form_title(s)),
        Table(("", "", "", ""), form_rows(s), FORM_WIDTHS, header=False),
        Paragraph("", bold_lead="诚信承诺", align="center"),
        Paragraph(w.PLEDGE),
        Paragraph(SIGNATURE_LINE, role="date"),
        Paragraph(DATE_LINE, role="date"),
    ]
    note = submission_note(s)
    if note:
        blocks.append(Paragraph(note, role="note"))
    return blocks


def build_signup_form(snapshot: PlanSnapshot) -> Document:
    return Document(title=f"{snapshot.unit}{w.EVENT_NAME}活动报名表", blocks=tuple(signup_blocks(snapshot)),
                    page_numbers=False, meta={"kind": "signup-form", "author": snapshot.unit})


# -- Excel ------------------------------------------------------------------------------------------------------------
