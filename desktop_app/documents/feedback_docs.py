"""The feedback documents: 座谈会记录 (.docx), 意见建议台账 (.xlsx, internal), 意见建议办理反馈情况 (.docx, for
publication: names as 张*, no phone or ID number), 满意度测评统计 (.xlsx and the chart as .png), and the blank
满意度测评表 and 征求意见表 to print. Built from a ``FeedbackSnapshot``; no database here."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..domain import feedback as fb
from ..domain.dates import cn_date, hm
from ..domain.plan import DocFonts
from ..domain.record import DayRecord, reply_state
from ..domain.survey import DEFAULT_SCALE, SurveyStats, rate_text
from .layout import SPAN
from .masking import mask_text
from .model import Block, Document, Paragraph, Table, Title, workbook_properties
from .roster_xlsx import CellStyles, _fit_height, _header, _put, _title_rows
from .signup_xlsx import BOX, CENTRE, LEFT, _a4
from .wording import EVENT_NAME, balanced_title


@dataclass(frozen=True)
class MeetingInfo:
    place: str
    start: dt.time | None
    host: str
    recorder: str = ""  # 记录人, when the notes page names one


@dataclass(frozen=True)
class FeedbackSnapshot:
    """Made in one transaction by ``services.feedback.feedback_snapshot``; rows are the service's dataclasses."""

    event_uuid: str
    unit: str
    title: str
    date: dt.date | None
    venue: str
    meeting: MeetingInfo
    notes: tuple  # services.feedback.NoteRow
    suggestions: tuple  # services.feedback.SuggestionRow
    questions: tuple  # services.feedback.Question (the default questionnaire when the event has none)
    stats: SurveyStats
    record: DayRecord  # the figures every feedback document states
    signed: dt.date | None = None  # the 意见建议办理反馈情况's 成文日期 (None: the day it is written)


def _day(s: FeedbackSnapshot) -> str:
    return cn_date(s.date) if s.date else "活动当日"


# -- 座谈会记录 -------------------------------------------------------------------------------------------------------

def build_notes(s: FeedbackSnapshot) -> Document:
    """The 座谈会记录 with its head as offices keep one: 时间, 地点, 主持人, 记录人, 发言人员 — each line only when
    it is recorded; then the notes, or a line saying none were taken."""
    when = _day(s) + _meeting_time(s.record)
    blocks: list[Block] = [
        Title(balanced_title("", s.unit, f"{EVENT_NAME}座谈会记录")),
        Paragraph(f"时间：{when}", role="recipients"),
    ]
    if s.meeting.place or s.venue:  # a label with nothing after it is left out, like the lines below
        blocks.append(Paragraph(f"地点：{s.meeting.place or s.venue}", role="recipients"))
    if s.meeting.host:
        blocks.append(Paragraph(f"主持人：{s.meeting.host}", role="recipients"))
    if s.meeting.recorder:
        blocks.append(Paragraph(f"记录人：{s.meeting.recorder}", role="recipients"))
    speakers = list(dict.fromkeys(n.speaker for n in s.notes if n.speaker))
    if speakers:
        blocks.append(Paragraph(f"发言人员：{'、'.join(speakers)}（{_speeches(s.record)}）", role="recipients"))
    if not s.notes and s.record.held:  # before the day nothing can be said of what was said
        p = s.record.programme
        held = p.meeting_start is not None or p.meeting_actual_start is not None
        blocks.append(Paragraph("座谈会发言未作记录。" if held else "本次活动未组织座谈会。"))
    for note in s.notes:
        blocks.append(Paragraph(mask_text(note.remark), bold_lead=f"{note.noted_at:%H:%M} {note.speaker or '与会人员'}："))
    return Document(title=f"{s.unit}{EVENT_NAME}座谈会记录", blocks=tuple(blocks),
                    meta={"kind": "notes", "author": s.unit, "event": s.event_uuid})


def _meeting_time(r: DayRecord) -> str:
    """The meeting's time as recorded (its actual start, and end when recorded), else as planned."""
    p = r.programme
    if p.meeting_actual_start is not None:
        end = f"—{_clock(p.meeting_actual_end)}" if p.meeting_actual_end is not None else ""
        return f" {_clock(p.meeting_actual_start)}{end}"
    return f" {_clock(p.meeting_start)}" if p.meeting_start is not None else ""


def _clock(minutes: int) -> str:
    return hm(dt.time(minutes // 60, minutes % 60))


def _speeches(r: DayRecord) -> str:
    """参加人员发言5人次，工作人员发言3人次 — the parts that are there."""
    parts = [f"{who}发言{n}人次" for who, n in (("参加人员", r.speeches_participants), ("工作人员", r.speeches_staff))
             if n]
    return "，".join(parts)


# -- 意见建议办理反馈情况 (public) -----------------------------------------------------------------------------------------

REPORT_COLUMNS = ("序号", "意见建议", "提出人", "承办科室", "办理答复", "采纳情况")
REPORT_WIDTHS = (9.0, 44.0, 14.0, 20.0, 51.0, 18.0)


def row_state(row, today: dt.date) -> str:
    """The suggestion's state by the record's definitions (domain.record.reply_state)."""
    return reply_state(department=row.department, reply=row.reply, replied_at=row.replied_at, due=row.due_date,
                       today=today)


# 办理答复 of a suggestion not replied to yet, by its state; its 采纳情况 is decided with the reply.
PENDING_CN = {"received": "尚未交办", "assigned": "正在办理", "overdue": "已超过答复期限，正在办理"}


def adoption_text(row, today: dt.date) -> str:
    if row_state(row, today) != "replied":
        return "—"
    return fb.ADOPTION_CN.get(row.adoption, "—")


def reply_text(row, today: dt.date) -> str:
    """The published reply; a suggestion not adopted carries its reason; one not replied to says where it is."""
    state = row_state(row, today)
    if state != "replied":
        return PENDING_CN[state]
    text = mask_text(row.reply.strip())
    if row.adoption == "not_adopted" and row.adoption_reason.strip():
        text += f"\n暂不采纳理由：{mask_text(row.adoption_reason.strip())}"
    return text


# How a suggestion of each source was gathered, as the intro names the ways (only the ways that were used).
WAYS_CN = {"meeting": "座谈交流", "form": "征求意见表", "survey": "问卷调查", "phone": "电话回访", "onsite": "现场收集",
           "online": "线上征集"}


def report_intro(s: FeedbackSnapshot) -> str:
    """What was gathered and how far it is handled, from the ledger: the ways named are the sources recorded, the
    assignment stated only for the suggestions that have a department."""
    rows = s.suggestions
    if not s.record.held:
        return f"{s.unit}定于{_day(s)}开展{EVENT_NAME}活动。"
    if not rows:
        return f"{_day(s)}，{s.unit}开展{EVENT_NAME}活动，活动中未收集到意见建议。"
    sources = Counter(r.source for r in rows)
    parts = "、".join(f"{fb.SOURCE_CN.get(code, code)}{n}条" for code, n in sources.most_common())
    ways = "、".join(dict.fromkeys(WAYS_CN[code] for code, _n in sources.most_common() if code in WAYS_CN))
    figures = s.record.suggestions
    adopted = "，".join(f"{fb.ADOPTION_CN[code]}{n}条" for code, n in figures.adoption)
    text = (f"{_day(s)}，{s.unit}开展{EVENT_NAME}活动，" + (f"通过{ways}等方式" if ways else "")
            + f"共收集意见建议{len(rows)}条" + (f"（{parts}）" if parts else "") + "。")
    if figures.assigned == figures.received:
        text += "对收集到的意见建议逐条梳理、交办相关科室办理"
    elif figures.assigned:
        text += f"其中{figures.assigned}条已交办相关科室办理"
    else:
        text += "意见建议尚未交办"
    text += f"，目前已答复{figures.replied}条" + (f"（其中{adopted}）" if adopted else "")
    if figures.in_progress:
        text += f"，正在办理{figures.in_progress}条" + (
            f"（其中{figures.overdue}条已超过答复期限）" if figures.overdue else "")
    if figures.waiting:
        text += f"，尚未交办{figures.waiting}条"
    text += "。"
    return text + "现将办理情况公布如下。"


def build_feedback_report(s: FeedbackSnapshot) -> Document:
    rows = tuple(
        (str(n), mask_text(r.content), fb.mask_name(r.person) if r.person else "—", r.department or "—",
         reply_text(r, s.record.today), adoption_text(r, s.record.today))
        for n, r in enumerate(s.suggestions, start=1))
    blocks: list[Block] = [Title(balanced_title("", s.unit, f"{EVENT_NAME}意见建议办理反馈情况")),
                           Paragraph(report_intro(s))]
    if rows:
        blocks.append(Table(REPORT_COLUMNS, rows, REPORT_WIDTHS, font_size_pt=10.5))
    blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(s.signed or s.record.today), role="date")]
    return Document(title=f"{s.unit}{EVENT_NAME}意见建议办理反馈情况", blocks=tuple(blocks),
                    meta={"kind": "feedback-report", "author": s.unit, "event": s.event_uuid})


# -- 意见建议台账 (internal) ----------------------------------------------------------------------------------------------

LEDGER_COLUMNS = ("序号", "来源", "提出人", "主题", "意见建议内容", "承办科室", "承办人", "交办日期", "办理期限", "状态",
                  "办理答复", "答复日期", "答复方式", "采纳情况", "暂不采纳理由", "期限情况")
LEDGER_WIDTHS = (6, 10, 9, 16, 36, 14, 9, 11, 11, 8, 36, 11, 9, 10, 20, 10)
DATE_COLUMNS = ("交办日期", "办理期限", "答复日期")
OVERDUE_FILL = PatternFill("solid", fgColor="FFCDD2")
SOON_FILL = PatternFill("solid", fgColor="FFF3C4")
DUE_CN = {"answered": "已反馈", "overdue": "已超期", "due_soon": "即将到期", "open": "未到期", "undated": "未交办"}


def write_ledger_xlsx(s: FeedbackSnapshot, path, fonts: DocFonts | None = None, *,
                      today: dt.date | None = None, masked: bool = False) -> Path:
    """Every suggestion with every field (internal); ``masked``: names as 张* and any phone or ID number typed
    into the texts masked, for a copy that leaves the office."""
    fonts = fonts or DocFonts()
    today = today or dt.date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "意见建议台账"
    ncols = len(LEDGER_COLUMNS)
    title = f"{s.unit}{EVENT_NAME}意见建议台账"
    subtitle = f"{_day(s)}　共{len(s.suggestions)}条　制表日期：{cn_date(today)}"
    _title_rows(sheet, title, subtitle, ncols, fonts)
    header_row = 3
    _header(sheet, header_row, LEDGER_COLUMNS, LEDGER_WIDTHS, fonts)
    body = Font(name=fonts.body, size=11)
    date_cols = {LEDGER_COLUMNS.index(c) + 1 for c in DATE_COLUMNS}
    left_cols = {LEDGER_COLUMNS.index(c) + 1 for c in ("主题", "意见建议内容", "办理答复", "暂不采纳理由")}
    styles = CellStyles()
    for n, r in enumerate(s.suggestions, start=1):
        row = header_row + n
        state = r.due_state(today)
        def text(value: str) -> str:
            # A record keeps what was said as it was written, its last full stop too.
            return (mask_text(value) if masked else str(value or "")).rstrip()

        values = (n, fb.SOURCE_CN.get(r.source, r.source), fb.mask_name(r.person) if masked else r.person,
                  text(r.topic), text(r.content), r.department, r.assignee, r.assigned_at, r.due_date,
                  fb.STATUS_CN.get(r.status, r.status), text(r.reply), r.replied_at,
                  fb.CHANNEL_CN.get(r.reply_channel, r.reply_channel), fb.ADOPTION_CN.get(r.adoption, ""),
                  text(r.adoption_reason), DUE_CN[state])
        sheet.row_dimensions[row].height = _fit_height(values, LEDGER_WIDTHS, line_pt=14, minimum=18)
        fill = OVERDUE_FILL if state == "overdue" else SOON_FILL if state == "due_soon" else None
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col)
            _put(cell, value)
            styles.apply(cell, font=body, border=BOX, alignment=LEFT if col in left_cols else CENTRE, fill=fill,
                         number_format="yyyy-mm-dd" if col in date_cols and value is not None else None)
    last_row = header_row + max(len(s.suggestions), 1)
    sheet.freeze_panes = f"C{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{last_row}"
    _a4(sheet, landscape=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    workbook_properties(book, title, s.unit, "feedback-ledger")
    path = Path(path)
    book.save(str(path))
    return path


# -- 满意度测评统计 ---------------------------------------------------------------------------------------------------

def survey_columns(stats: SurveyStats) -> tuple[str, ...]:
    options = max((q.options for q in stats.questions), key=len, default=DEFAULT_SCALE)
    return ("序号", "测评内容", *options, "有效答卷（份）", "满意率")


def write_survey_xlsx(s: FeedbackSnapshot, path, fonts: DocFonts | None = None) -> Path:
    fonts = fonts or DocFonts()
    stats = s.stats
    book = Workbook()
    sheet = book.active
    sheet.title = "满意度统计"
    columns = survey_columns(stats)
    widths = (6, 40, *([10] * (len(columns) - 4)), 10, 10)
    title = f"{s.unit}{EVENT_NAME}满意度测评统计"
    subtitle = (f"{_day(s)}　收回测评表{s.record.forms}份　总体满意率{rate_text(s.record.satisfaction)}"
                "（满意+比较满意）")
    _title_rows(sheet, title, subtitle, len(columns), fonts)
    _header(sheet, 3, columns, widths, fonts)
    body = Font(name=fonts.body, size=11)
    n_options = len(columns) - 4
    for n, q in enumerate(stats.questions, start=1):
        counts = list(q.counts) + [0] * (n_options - len(q.counts))
        values = (n, q.text, *counts, q.answers, rate_text(q.satisfaction))
        row = 3 + n
        sheet.row_dimensions[row].height = _fit_height(values, widths, line_pt=14, minimum=20)
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col)
            _put(cell, value)
            cell.font, cell.border, cell.alignment = body, BOX, LEFT if col == 2 else CENTRE
    total_row = 4 + len(stats.questions)
    totals = [sum((list(q.counts) + [0] * n_options)[i] for q in stats.questions) for i in range(n_options)]
    # The choices add up over the questions (人次); the forms do not: each form answers every question once.
    total = ("", "合计（人次）", *totals, s.record.forms, rate_text(s.record.satisfaction))
    for col, value in enumerate(total, start=1):
        cell = sheet.cell(row=total_row, column=col)
        _put(cell, value)
        cell.font, cell.border, cell.alignment = Font(name=fonts.heading1, size=11), BOX, CENTRE
    _a4(sheet, landscape=False)

    answers = book.create_sheet("开放题意见")
    _title_rows(answers, f"{s.unit}{EVENT_NAME}满意度测评表开放题意见", f"共{len(stats.open_answers)}条", 3, fonts)
    _header(answers, 3, ("序号", "问题", "意见建议"), (6, 30, 60), fonts)
    for n, (_, question, text) in enumerate(stats.open_answers, start=1):
        values = (n, question, mask_text(text))
        answers.row_dimensions[3 + n].height = _fit_height(values, (6, 30, 60), line_pt=14, minimum=20)
        for col, value in enumerate(values, start=1):
            cell = answers.cell(row=3 + n, column=col)
            _put(cell, value)
            cell.font, cell.border, cell.alignment = body, BOX, CENTRE if col == 1 else LEFT
    _a4(answers, landscape=False)
    workbook_properties(book, title, s.unit, "survey")
    path = Path(path)
    book.save(str(path))
    return path


def write_survey_chart(s: FeedbackSnapshot, path) -> Path:
    from .charts import survey_chart_png

    path = Path(path)
    path.write_bytes(survey_chart_png(s.stats))
    return path


# -- the blank forms -------------------------------------------------------------------------------------------------

TICK = "□"
OPEN_LINES = 6


def build_survey_form(s: FeedbackSnapshot, questions: Sequence | None = None) -> Document:
    questions = tuple(questions if questions is not None else s.questions)
    scale = [q for q in questions if q.kind == "scale"]
    options = max((q.options for q in scale), key=len, default=DEFAULT_SCALE)
    label_w = 156.0 - 10.0 - 19.0 * len(options)
    widths = (10.0, max(label_w, 40.0), *([19.0] * len(options)))
    rows = tuple((str(n), q.text, *([TICK] * len(options))) for n, q in enumerate(scale, start=1))
    blocks: list[Block] = [
        Title(balanced_title("", s.unit, f"{EVENT_NAME}满意度测评表")),
        Paragraph("感谢您参加本次活动！为进一步改进工作，请您对以下内容作出评价，在相应的“□”内打“√”。"),
    ]
    if rows:
        blocks.append(Table(("序号", "测评内容", *options), rows, widths, font_size_pt=12, row_height_mm=12))
    for q in (q for q in questions if q.kind == "open"):
        blocks.append(Table(("",), ((q.text + "\n" * OPEN_LINES,),), (156.0,), header=False, font_size_pt=12))
    blocks.append(Paragraph("本表不记名，请于活动结束时交工作人员。", role="note"))
    blocks.append(Paragraph("编号：________（由工作人员填写）", role="note"))
    return Document(title=f"{s.unit}{EVENT_NAME}满意度测评表", blocks=tuple(blocks), page_numbers=False,
                    meta={"kind": "survey-form", "author": s.unit, "event": s.event_uuid})


def build_comment_form(s: FeedbackSnapshot) -> Document:
    rows = (("姓名（可不填）", "", "单位", ""),
            ("联系电话（可不填）", "", "日期", ""),
            ("意见建议", "\n" * 18, SPAN, SPAN))
    return Document(title=f"{s.unit}{EVENT_NAME}征求意见表", blocks=(
        Title(balanced_title("", s.unit, f"{EVENT_NAME}征求意见表")),
        Paragraph("欢迎您对我们的工作提出宝贵意见和建议。我们将认真研究，并在15日内予以反馈。"),
        Table(("", "", "", ""), rows, (40.0, 42.0, 20.0, 54.0), header=False, font_size_pt=12, row_height_mm=12),
        Paragraph("留下联系电话的，我们将电话告知办理情况；电话仅用于反馈，不对外公开。", role="note"),
    ), page_numbers=False, meta={"kind": "survey-form", "author": s.unit, "event": s.event_uuid})
