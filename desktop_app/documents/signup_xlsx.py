"""The 报名表 as an Excel workbook (openpyxl): the printable form, and a 报名汇总 roster sheet whose ID-number
and phone columns are text, so Excel never turns an 18-digit number into 6.40422E+17."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.plan import DocFonts, PlanSnapshot
from . import wording as w
from .cellstyles import CellStyles
from .layout import SPAN
from .model import workbook_properties
from .signup_form import (
    DATE_LINE,
    ROSTER_COLUMNS,
    ROSTER_ROWS,
    ROSTER_TEXT_COLUMNS,
    ROSTER_WIDTHS,
    SIGNATURE_LINE,
    form_rows,
    form_title,
    submission_note,
)

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)


def write_signup_xlsx(snapshot: PlanSnapshot, path, fonts: DocFonts | None = None) -> Path:
    """The 报名表 as a one-page A4 sheet, and the 报名汇总 roster template beside it."""
    fonts = fonts or DocFonts()
    book = Workbook()
    _form_sheet(book.active, snapshot, fonts)
    _roster_sheet(book.create_sheet("报名汇总"), snapshot, fonts)
    workbook_properties(book, f"{snapshot.unit}{w.EVENT_NAME}活动报名表", snapshot.unit, "signup-form-xlsx")
    path = Path(path)
    book.save(str(path))
    return path


def _a4(sheet, *, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    # Page numbers in the footer, so a printed sheet of several pages is filed in order.
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 10


def _form_sheet(sheet, s: PlanSnapshot, fonts: DocFonts) -> None:
    sheet.title = "报名表"
    body = Font(name=fonts.body, size=14)
    for column, width in zip("ABCD", (14, 26, 14, 26), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.merge_cells("A1:D1")
    title = sheet["A1"]
    title.value = form_title(s).replace("\n", "")
    title.font = Font(name=fonts.title, size=18)
    title.alignment = CENTRE
    sheet.row_dimensions[1].height = 48
    row_no = 2
    for values in form_rows(s):
        is_opinion = values[0] == "意见建议"
        sheet.row_dimensions[row_no].height = 110 if is_opinion else 32
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_no, column=col)
            cell.border = BOX
            cell.font = body
            if value == SPAN:
                continue
            label = col in (1, 3)
            cell.value = value.strip() or None
            cell.alignment = CENTRE if label else (TOP_LEFT if is_opinion else LEFT)
            if not label and values[col - 2] in ROSTER_TEXT_COLUMNS:
                cell.number_format = "@"  # ID numbers and phones stay text: 18 digits, leading zeros
        span_end = next((c for c in range(len(values), 1, -1) if values[c - 1] == SPAN), None)
        if span_end:
            sheet.merge_cells(start_row=row_no, start_column=2, end_row=row_no, end_column=span_end)
        row_no += 1
    pledge_rows = (
        ("诚信承诺", Alignment(horizontal="center", vertical="center"), 30),
        (w.PLEDGE, Alignment(horizontal="left", vertical="center", wrap_text=True, indent=2), 48),
        (SIGNATURE_LINE + "　", Alignment(horizontal="right", vertical="center"), 36),
        (DATE_LINE + "　" * 3, Alignment(horizontal="right", vertical="center"), 36),
    )
    first = row_no
    for offset, (text, alignment, height) in enumerate(pledge_rows):
        r = first + offset
        cell = sheet.cell(row=r, column=1, value=text)
        cell.font = Font(name=fonts.heading2, size=14) if offset == 0 else body
        cell.alignment = alignment
        # One box around the whole pledge: merging hands the start cell's sides to the range's edges.
        cell.border = Border(left=THIN, right=THIN, top=THIN if offset == 0 else None,
                             bottom=THIN if offset == len(pledge_rows) - 1 else None)
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        sheet.row_dimensions[r].height = height
    pledge_row = first + len(pledge_rows) - 1
    note = submission_note(s)
    if note:
        sheet.merge_cells(start_row=pledge_row + 1, start_column=1, end_row=pledge_row + 1, end_column=4)
        cell = sheet.cell(row=pledge_row + 1, column=1, value=note)
        cell.font = Font(name=fonts.body, size=11)
        cell.alignment = TOP_LEFT
        sheet.row_dimensions[pledge_row + 1].height = 36
    _a4(sheet, landscape=False)
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:D{pledge_row + (1 if note else 0)}"


def _roster_sheet(sheet, s: PlanSnapshot, fonts: DocFonts) -> None:
    header_font = Font(name=fonts.heading1, size=11)
    body = Font(name=fonts.body, size=11)
    styles = CellStyles()
    for col, (name, width) in enumerate(zip(ROSTER_COLUMNS, ROSTER_WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=1, column=col, value=name)
        cell.font = header_font
        cell.alignment = CENTRE
        cell.border = BOX
        sheet.column_dimensions[get_column_letter(col)].width = width
        text = name in ROSTER_TEXT_COLUMNS
        for row in range(2, ROSTER_ROWS + 2):
            styles.apply(sheet.cell(row=row, column=col), font=body, border=BOX, number_format="@" if text else None)
    sheet.row_dimensions[1].height = 28
    sheet.freeze_panes = "A2"
    last = f"{ROSTER_ROWS + 1}"
    choices = [
        ("性别", ("男", "女")),
        ("参加类别", tuple(c.name for c in s.categories if c.name)),
        ("报名方式", tuple(s.registration_channels) or ("电话", "邮件", "现场", "线上")),
    ]
    for name, options in choices:
        options = tuple(o.replace(",", "，").replace('"', "“") for o in options)
        if not options or len(",".join(options)) > 250:  # Excel's limit for an inline list
            continue
        column = get_column_letter(ROSTER_COLUMNS.index(name) + 1)
        check = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        check.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(check)
    _a4(sheet, landscape=True)
    sheet.print_title_rows = "1:1"
