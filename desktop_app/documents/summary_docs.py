"""The 活动实施情况 (published within 3 days, with photos) and the 总结评估报告 (within 15 days) as block-model
documents, from the texts the coordinator edited and the facts of the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.dates import cn_date
from ..domain.summary import REPORT_SECTIONS, SummaryFacts, paragraphs, percent
from .masking import mask_text
from .model import Block, Document, Heading, PageBreak, Paragraph, Picture, Table, Title, number_headings
from .wording import EVENT_NAME, balanced_title

PHOTO_WIDTH_MM = 140
PHOTOS_PER_PAGE = 2
PHOTO_MAX_HEIGHT_MM = 95  # two photos and their captions in the 225 mm text block


@dataclass(frozen=True)
class SummarySnapshot:
    """What both documents need, made in one go by ``services.summary`` (no queries on the worker)."""

    event_uuid: str
    unit: str
    date: dt.date | None
    facts: SummaryFacts
    implementation: str
    report: dict[str, str]
    photos: tuple[tuple[str, bytes], ...] = ()  # (caption, JPEG) of the photos chosen for the 实施情况
    record: object = None  # domain.record.DayRecord: the figures the texts were drafted from


def build_implementation(s: SummarySnapshot, *, today: dt.date | None = None) -> Document:
    """The text and its 落款 right after it; then the photos from a new page, two to a page with captions."""
    blocks: list[Block] = [Title(balanced_title("", s.unit, f"{EVENT_NAME}活动实施情况"))]
    blocks += [Paragraph(mask_text(p)) for p in paragraphs(s.implementation)]  # published: no number typed in
    blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(today or dt.date.today()), role="date")]
    for n, (caption, data) in enumerate(s.photos):
        if n % PHOTOS_PER_PAGE == 0:
            blocks.append(PageBreak())
        blocks.append(Picture(data, PHOTO_WIDTH_MM, mask_text(caption), max_height_mm=PHOTO_MAX_HEIGHT_MM))
    return Document(title=f"{s.unit}{EVENT_NAME}活动实施情况", blocks=tuple(blocks),
                    meta={"kind": "implementation", "author": s.unit, "event": s.event_uuid})


def attendance_table(facts: SummaryFacts) -> Table:
    """Planned, confirmed and arrived per category; without the arrivals before the day or when no check-in was
    kept (none can be stated: 0 would be a figure)."""
    rows = [(c.name, str(c.quota), str(c.confirmed), str(c.arrived), percent(c.arrived, c.quota))
            for c in facts.categories]
    rows.append(("合计", str(facts.quota), str(sum(c.confirmed for c in facts.categories)), str(facts.arrived),
                 percent(facts.arrived, facts.quota)))
    columns, widths = ("类别", "计划人数", "已确认", "实到", "到场率"), (52, 26, 26, 26, 26)
    kept = len(columns) if facts.held and facts.arrived else 3  # no check-in kept: nothing to state
    return Table(columns[:kept], tuple(row[:kept] for row in rows), widths[:kept], font_size_pt=12)


def build_report(s: SummarySnapshot, *, today: dt.date | None = None) -> Document:
    blocks: list[Block] = [Title(balanced_title("", s.unit, f"{EVENT_NAME}活动总结评估报告"))]
    for name in REPORT_SECTIONS:
        text = paragraphs(s.report.get(name, ""))
        if not text and name != "基本情况":  # a part with nothing to say yet (before the day) is left out
            continue
        blocks.append(Heading(1, name))
        blocks += [Paragraph(mask_text(p)) for p in text]
        if name == "基本情况" and s.facts.categories:
            blocks.append(attendance_table(s.facts))
    blocks += [Paragraph(s.unit, role="signature"), Paragraph(cn_date(today or dt.date.today()), role="date")]
    return Document(title=f"{s.unit}{EVENT_NAME}活动总结评估报告", blocks=number_headings(blocks),
                    meta={"kind": "summary", "author": s.unit, "event": s.event_uuid})


def chosen_photos(photos: Sequence) -> tuple[tuple[str, bytes], ...]:
    return tuple((p.caption, p.data) for p in photos if p.chosen)
