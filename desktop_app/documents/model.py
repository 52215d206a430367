"""The document model: a flat list of blocks that both the on-screen preview and the Word writer render, so the
two never disagree. Builders produce it from snapshot dataclasses; no database and no Qt here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["justify", "left", "center", "right"]

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbers)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """Official numbering by level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


@dataclass(frozen=True)
class Title:
    """The document title (2号 小标宋, centred); may span lines with ``\\n``."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading; ``number`` is filled by ``number_headings`` (一、 （一） 1. （1）)."""

    level: int  # 1..4
    text: str
    number: str = ""

    @property
    def full_text(self) -> str:
        return f"{self.number}{self.text}"


Role = Literal["body", "lead", "recipients", "signature", "date", "attachment_note", "attachment_label", "note",
               "imprint", "masthead", "doc_number"]


@dataclass(frozen=True)
class Paragraph:
    """Body text. ``role`` picks the style: body (indented 2 characters), recipients (主送, flush left),
    signature/date (right, 4 characters in), attachment_note (附件：1.××), attachment_label (附件1, 黑体, top left),
    note (small print in tables and forms), imprint (the 版记 line: 印发机关 left, 印发日期 right after a tab,
    between two rules), masthead (the 版头's 发文机关标志: red, centred, one line), doc_number (the 发文字号 under it,
    centred, with the red rule the width of the text block below it)."""

    text: str
    role: Role = "body"
    align: Align | None = None  # None: the role's default
    bold_lead: str = ""  # a lead-in run (e.g. "（一）活动时间。") in the level-2 heading font, then ``text``
    keep_with_next: bool = False  # on the same page as the block after it (a card printed whole)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...]  # one per column; the sum fits the 156 mm text block
    header: bool = True
    font_size_pt: float = 14  # tables print in 4号 by default
    row_height_mm: float | None = None  # the body rows' minimum height (e.g. room to sign); None: the default
    keep_together: bool = False  # all rows on one page, with the block after it
    left_columns: tuple[int, ...] = ()  # always left-aligned (else short entries are centred)
    keep_last_rows: int = 0  # the last rows kept on one page: no page holding a single row


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Picture:
    data: bytes  # PNG or JPEG
    width_mm: float
    caption: str = ""
    max_height_mm: float | None = None  # a portrait photo narrower, so it is never taller than this


Block = Title | Heading | Paragraph | Table | PageBreak | Picture


@dataclass(frozen=True)
class Document:
    """What a builder returns: the blocks, plus what the file's properties and footer need."""

    title: str
    blocks: tuple[Block, ...]
    page_numbers: bool = True
    meta: dict = field(default_factory=dict)
    draft: bool = False  # 草稿 in every page's header: written before the facts it reports exist


def number_headings(blocks: list[Block] | tuple[Block, ...]) -> tuple[Block, ...]:
    """Fill in each heading's number, counters restarting below a higher level and after a page break that
    starts an attachment (a ``attachment_label`` paragraph)."""
    counters = [0, 0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == "attachment_label":
            counters = [0, 0, 0, 0]
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 4)
            counters[level - 1] += 1
            for deeper in range(level, 4):
                counters[deeper] = 0
            block = Heading(level, block.text, heading_number(level, counters[level - 1]))
        out.append(block)
    return tuple(out)


KIND_PREFIX = "openday:"


def kind_identifier(kind: str) -> str:
    """What a written file carries as its identifier (docx and xlsx core properties): ``openday:plan`` …"""
    return KIND_PREFIX + kind if kind else ""


def workbook_properties(book, title: str, creator: str, kind: str) -> None:
    """The file's title and author as Excel and WPS show them; Chinese as its language; the document kind as its
    identifier (what ``package.verify_package`` reads back)."""
    book.properties.title = title
    book.properties.creator = creator
    book.properties.language = "zh-CN"
    book.properties.identifier = kind_identifier(kind)
