"""The 签到表 (sign-in sheet) as blocks: confirmed people grouped by category, with room to sign. It leaves the
office's hands at the venue, so it shows no phone or ID number; ``roster_xlsx`` writes the same sheet for Excel."""

from __future__ import annotations

from ..domain.dates import cn_date
from ..domain.roster import STATUS_LABELS, RosterPerson, RosterSnapshot
from . import wording as w
from .masking import mask_text
from .model import Block, Document, Heading, Paragraph, Table, Title

CONFIRMED = "confirmed"
NO_CATEGORY = "未分类"
COLUMNS = ("序号", "姓名", "单位", "类别", "签名", "时间")
WIDTHS_MM = (12.0, 20.0, 47.0, 38.0, 26.0, 13.0)  # 156 mm, the text block: 类别 holds 9 characters
FONT_PT = 11  # 类别 on one line, 单位 up to 12 characters a line
ROW_HEIGHT_MM = 12.0  # a handwritten name needs about a centimetre
WALK_IN_ROWS = 2  # blank rows at the end of each group, for people registered at the door (现场报名)
LEFT_COLUMNS = (2,)  # 单位 left-aligned in every group alike
ONLY_CONFIRMED = "应到{n}人。"  # the confirmed ({label}): the people expected
NOBODY = "无已确认的参加人员。"


def sheet_title(snapshot: RosterSnapshot) -> str:
    """The event's title with 签到表; the unit in front when the title does not name it already."""
    title = snapshot.event_title.strip() or f"{w.EVENT_NAME}活动"
    if snapshot.unit and snapshot.unit not in title:
        return w.balanced_title("", snapshot.unit, f"{title}签到表")
    return f"{title}签到表"


def time_place_line(snapshot: RosterSnapshot) -> str:
    day = cn_date(snapshot.date) if snapshot.date else w.TBD
    return f"时间：{day}　　地点：{snapshot.venue or w.TBD}"


def confirmed_by_category(snapshot: RosterSnapshot) -> list[tuple[str, list[RosterPerson]]]:
    """Confirmed people in groups: the plan's categories in its order, then categories the plan does not list (in
    the order they first appear), then people without a category. Empty groups are left out; within a group
    people keep the snapshot's order."""
    groups: dict[str, list[RosterPerson]] = {name: [] for name in snapshot.categories}
    loose: list[RosterPerson] = []
    for person in snapshot.people:
        if person.status != CONFIRMED:
            continue
        category = person.category.strip()
        if category:
            groups.setdefault(category, []).append(person)
        else:
            loose.append(person)
    out = [(name, people) for name, people in groups.items() if people]
    if loose:
        out.append(("", loose))
    return out


def group_caption(category: str, count: int) -> str:
    return f"{category or NO_CATEGORY}（{count}人）"


def signin_rows(snapshot: RosterSnapshot) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(caption, rows) per group; 序号 runs on across the groups, so the last one is the number expected. Each
    group ends with ``WALK_IN_ROWS`` blank rows (its 类别 filled in) for walk-ins to sign."""
    out = []
    number = 0
    for category, people in confirmed_by_category(snapshot):
        rows = []
        for person in people:
            number += 1
            # The sheet lies open at the venue: a number typed into 单位 is masked like the columns.
            rows.append((str(number), person.name, mask_text(person.organisation), category, "", ""))
        rows += [("", "", "", category, "", "")] * WALK_IN_ROWS
        out.append((group_caption(category, len(people)), rows))
    return out


def listed_count(snapshot: RosterSnapshot) -> int:
    return sum(len(people) for _category, people in confirmed_by_category(snapshot))


def confirmed_note(count: int) -> str:
    return ONLY_CONFIRMED.format(label=STATUS_LABELS[CONFIRMED], n=count)


def build_signin_sheet(snapshot: RosterSnapshot) -> Document:
    """Title, time and place, a note on who is listed, then one table per category with empty 签名/时间 cells;
    each table's header row repeats at the top of every page it runs onto."""
    groups = signin_rows(snapshot)
    total = listed_count(snapshot)
    blocks: list[Block] = [
        Title(sheet_title(snapshot)),
        Paragraph(time_place_line(snapshot), align="center"),
        Paragraph(confirmed_note(total) if total else NOBODY, role="note"),
    ]
    for caption, rows in groups:
        blocks.append(Heading(1, caption))  # unnumbered: 黑体 and kept with its table
        blocks.append(Table(COLUMNS, tuple(rows), WIDTHS_MM, font_size_pt=FONT_PT, row_height_mm=ROW_HEIGHT_MM,
                            left_columns=LEFT_COLUMNS, keep_last_rows=2))
    title = sheet_title(snapshot).replace("\n", "")
    return Document(title, tuple(blocks), page_numbers=True,
                    meta={"kind": "signin-sheet", "author": snapshot.unit, "subject": title, "category": "签到表"})
