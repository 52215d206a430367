"""The 签到记录 (到场人员名单): who actually arrived, in which category, and when — the attendance the check-in
recorded, as the archive keeps it beside the blank 签到表. Built from an ``AttendanceSnapshot``; the figures
from the record of the day; ``masked`` (the package's default) shows phones as 138****1234."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import phones
from ..domain.dates import cn_date
from ..domain.record import DayRecord
from .masking import mask_text
from .model import Block, Document, Paragraph, Table, Title
from .wording import EVENT_NAME, balanced_title

COLUMNS = ("序号", "姓名", "单位", "类别", "联系电话", "签到时间")
WIDTHS_MM = (11.0, 17.0, 40.0, 38.0, 32.0, 18.0)  # 156 mm; 类别 (9 characters) and a phone (11 digits) on one line


@dataclass(frozen=True)
class Arrival:
    """One person admitted on the day (each once: the first admission)."""

    name: str
    organisation: str
    category: str
    phone: str
    at: dt.datetime  # local time of the first admission
    walk_in: bool


@dataclass(frozen=True)
class AttendanceSnapshot:
    event_uuid: str
    unit: str
    date: dt.date | None
    venue: str
    record: DayRecord
    arrivals: tuple[Arrival, ...]


def summary_line(r: DayRecord) -> str:
    """应到25人，实到20人（其中现场报名2人） — the record's figures; before the day only who is expected."""
    if not r.held:
        return f"应到{r.confirmed}人。"
    if not r.arrived:
        return f"应到{r.confirmed}人，未留存到场签到记录。"
    walk_ins = f"（其中现场报名{r.walk_ins}人）" if r.walk_ins else ""
    return f"应到{r.confirmed}人，实到{r.arrived}人{walk_ins}。"


def build_attendance(s: AttendanceSnapshot, *, masked: bool = True) -> Document:
    day = cn_date(s.date) if s.date else ""
    blocks: list[Block] = [Title(balanced_title("", s.unit, f"{EVENT_NAME}活动签到记录"))]
    where = "　　".join(part for part in (f"时间：{day}" if day else "", f"地点：{s.venue}" if s.venue else "")
                       if part)
    if where:
        blocks.append(Paragraph(where, align="center"))
    blocks.append(Paragraph(summary_line(s.record), role="note"))
    rows = tuple(
        (str(n), a.name, mask_text(a.organisation) if masked else a.organisation,
         a.category + ("（现场报名）" if a.walk_in else ""),
         phones.mask(a.phone) if masked else a.phone, f"{a.at:%H:%M}")
        for n, a in enumerate(s.arrivals, start=1))
    if rows:
        blocks.append(Table(COLUMNS, rows, WIDTHS_MM, font_size_pt=11, left_columns=(2,)))
    title = f"{s.unit}{EVENT_NAME}活动签到记录"
    return Document(title=title, blocks=tuple(blocks), page_numbers=True,
                    meta={"kind": "attendance", "author": s.unit, "event": s.event_uuid})
