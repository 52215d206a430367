"""The 邀请名单 (internal roster, full or masked) and the 签到表 as Excel workbooks (openpyxl), in the house style of
``signup_xlsx``: a title row, a frozen header repeated on every printed page, A4, and ID/phone cells typed as text
so Excel never turns an 18-digit number into 6.40422E+17."""

from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..domain import phones
from ..domain.dates import cn_date
from ..domain.plan import DocFonts
from ..domain.roster import STATUS_LABELS, RosterPerson, RosterSnapshot, mask_id
from ..domain.text import clean
from . import signin
from .cellstyles import CellStyles
from .masking import mask_text
from .model import workbook_properties
from .signup_xlsx import BOX, CENTRE, LEFT, _a4

ROSTER_COLUMNS = ("序号", "姓名", "性别", "身份证号", "联系电话", "单位", "职务", "类别", "状态", "参观证号", "来源",
                  "报名方式", "报名时间", "备注")
ROSTER_WIDTHS = (6, 10, 6, 21, 15, 26, 16, 21, 8, 10, 10, 9, 17, 26)
TEXT_COLUMNS = ("身份证号", "联系电话", "参观证号")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MASKED_MARK = "（脱敏）"
HEADER_ROW = 3  # title, subtitle, header

SIGNIN_WIDTHS = (6, 12, 34, 18, 18, 10)
SIGNIN_ROW_HEIGHT = 34  # points, 12 mm: room to sign

def roster_title(snapshot: RosterSnapshot, *, masked: bool = False) -> str:
    title = snapshot.event_title.strip() or "“政府开放日”活动"
    return f"{title}邀请名单{MASKED_MARK if masked else ''}"


def _subtitle(snapshot: RosterSnapshot) -> str:
    confirmed = sum(1 for p in snapshot.people if p.status == signin.CONFIRMED)
    day = cn_date(snapshot.date) if snapshot.date else "日期待定"
    parts = [snapshot.unit, day, snapshot.venue, f"共{len(snapshot.people)}人，其中已确认{confirmed}人"]
    return "　　".join(part for part in parts if part)


# The masked copy leaves the office: the pass code is the check-in credential, so it is left out.
MASKED_DROPS = ("参观证号",)


def roster_columns(masked: bool) -> tuple[tuple[str, ...], tuple[int, ...]]:
    keep = [i for i, name in enumerate(ROSTER_COLUMNS) if not (masked and name in MASKED_DROPS)]
    return tuple(ROSTER_COLUMNS[i] for i in keep), tuple(ROSTER_WIDTHS[i] for i in keep)


def _roster_values(number: int, person: RosterPerson, masked: bool) -> tuple:
    if not masked:
        return (number, person.name, person.gender, person.id_number, person.phone, person.organisation,
                person.position_title, person.category, STATUS_LABELS.get(person.status, person.status),
                person.pass_code, person.source, person.channel, person.registered_at, person.notes)
    # Masked also inside free text: an ID or a phone typed into 单位, 职务 or 备注 is masked like the columns.
    return (number, person.name, person.gender, mask_id(person.id_number) if person.id_number else "",
            phones.mask(person.phone) if person.phone else "", mask_text(person.organisation),
            mask_text(person.position_title), person.category, STATUS_LABELS.get(person.status, person.status),
            person.source, person.channel, person.registered_at, mask_text(person.notes))


def _fit_height(values, widths, *, line_pt: float, minimum: float) -> float:
    """A row height that shows every wrapped line: Excel and LibreOffice keep a written file's row heights
    rather than fitting them to the text. A CJK character takes two units of column width, others one."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and value:
            units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in value)
            lines = max(lines, math.ceil(units / max(width - 1, 1)))
    return max(minimum, lines * line_pt + 4)


def _put(cell, value) -> None:
    """Set a value; text stays text even when it starts with “=” (a note typed as “=…” is not a formula), and
    holds none of the characters Excel cannot store (domain/text.py: a row saved by an older version may)."""
    if isinstance(value, str):
        value = clean(value)
    cell.value = value if value not in ("", None) else None
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _title_rows(sheet, title: str, subtitle: str, ncols: int, fonts: DocFonts) -> None:
    last = get_column_letter(ncols)
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    sheet["A1"].value = title
    sheet["A1"].font = Font(name=fonts.title, size=18)
    sheet["A1"].alignment = CENTRE
    sheet.row_dimensions[1].height = 36
    sheet["A2"].value = subtitle
    sheet["A2"].font = Font(name=fonts.body, size=11)
    sheet["A2"].alignment = CENTRE
    sheet.row_dimensions[2].height = 22


def _header(sheet, row: int, columns, widths, fonts: DocFonts) -> None:
    font = Font(name=fonts.heading1, size=11)
    for col, (name, width) in enumerate(zip(columns, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=col, value=name)
        cell.font = font
        cell.alignment = CENTRE
        cell.border = BOX
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[row].height = 24


def write_roster_xlsx(snapshot: RosterSnapshot, path, *, masked: bool = False,
                      fonts: DocFonts | None = None) -> Path:
    """Everyone on the roster with every field (internal). ``masked``: ID numbers as 640422********1234, phones as
    138****1234, and the same masking applied to numbers typed into 备注 — a copy that may leave the office."""
    fonts = fonts or DocFonts()
    book = Workbook()
    sheet = book.active
    sheet.title = "邀请名单"
    columns, widths = roster_columns(masked)
    ncols = len(columns)
    _title_rows(sheet, roster_title(snapshot, masked=masked), _subtitle(snapshot), ncols, fonts)
    _header(sheet, HEADER_ROW, columns, widths, fonts)
    body = Font(name=fonts.body, size=11)
    text_cols = {columns.index(name) + 1 for name in TEXT_COLUMNS if name in columns}
    left_cols = {columns.index(name) + 1 for name in ("单位", "职务", "备注")}
    date_col = columns.index("报名时间") + 1
    styles = CellStyles()
    for number, person in enumerate(snapshot.people, start=1):
        row = HEADER_ROW + number
        values = _roster_values(number, person, masked)
        sheet.row_dimensions[row].height = _fit_height(values, widths, line_pt=14, minimum=18)
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col)
            number_format = None
            if col in text_cols:
                number_format = "@"  # the cell is text, whatever it holds
                value = str(value or "")
            _put(cell, value)
            if col == date_col and value is not None:
                number_format = DATETIME_FORMAT
            styles.apply(cell, font=body, border=BOX, alignment=LEFT if col in left_cols else CENTRE,
                         number_format=number_format)
    last_row = HEADER_ROW + max(len(snapshot.people), 1)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"  # the header and the 序号/姓名 columns stay in view
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last_row}"
    _a4(sheet, landscape=True)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    workbook_properties(book, roster_title(snapshot, masked=masked), snapshot.unit, "roster")
    path = Path(path)
    book.save(str(path))
    return path


def write_signin_xlsx(snapshot: RosterSnapshot, path, fonts: DocFonts | None = None) -> Path:
    """The 签到表 of ``signin``: confirmed people by category, 签名 and 时间 left empty, no phone or ID number."""
    fonts = fonts or DocFonts()
    book = Workbook()
    sheet = book.active
    sheet.title = "签到表"
    ncols = len(signin.COLUMNS)
    groups = signin.signin_rows(snapshot)
    total = signin.listed_count(snapshot)
    title = signin.sheet_title(snapshot).replace("\n", "")
    _title_rows(sheet, title, signin.time_place_line(snapshot), ncols, fonts)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
    note = sheet.cell(row=3, column=1, value=signin.confirmed_note(total) if total else signin.NOBODY)
    note.font = Font(name=fonts.body, size=10.5)
    note.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    sheet.row_dimensions[3].height = 20
    header_row = 4
    _header(sheet, header_row, signin.COLUMNS, SIGNIN_WIDTHS, fonts)
    caption_font = Font(name=fonts.heading1, size=12)
    body = Font(name=fonts.body, size=12)
    row = header_row
    styles = CellStyles()
    for caption, rows in groups:
        row += 1
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        cell = sheet.cell(row=row, column=1, value=caption)
        cell.font = caption_font
        cell.alignment = Alignment(horizontal="left", vertical="center", indent=1)
        for col in range(1, ncols + 1):
            sheet.cell(row=row, column=col).border = BOX
        sheet.row_dimensions[row].height = 24
        for values in rows:
            row += 1
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=col)
                _put(cell, int(value) if col == 1 and value else value)
                styles.apply(cell, font=body, border=BOX,
                             alignment=LEFT if signin.COLUMNS[col - 1] == "单位" else CENTRE)
            sheet.row_dimensions[row].height = _fit_height(values, SIGNIN_WIDTHS, line_pt=16,
                                                           minimum=SIGNIN_ROW_HEIGHT)
    sheet.freeze_panes = f"A{header_row + 1}"
    _a4(sheet, landscape=False)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(ncols)}{max(row, header_row)}"
    workbook_properties(book, title, snapshot.unit, "signin-sheet-xlsx")
    path = Path(path)
    book.save(str(path))
    return path
