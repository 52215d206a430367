"""The year's report of the district: the 汇总表 (.xlsx, print-ready), three charts (.png) and the 情况报告 (.docx,
GB/T 9704) whose sentences come only from the figures (``figures.Year``): a figure that is not there is left
out, never given a pleasant default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..documents.model import (
    Document,
    Heading,
    Paragraph,
    Picture,
    Table,
    Title,
    number_headings,
    workbook_properties,
)
from ..documents.signup_xlsx import BOX, CENTRE, LEFT, _a4
from ..domain.dates import cn_date
from ..domain.plan import DocFonts
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .figures import Figures, Year

EXISTS = QT_TRANSLATE_NOOP("core", "{path} already exists and was not replaced. Choose another folder, or move the "
                                   "old report away first.")

COLUMNS = ("序号", "单位", "活动场次", "活动日期", "邀请人数", "实到人数", "群众代表占比", "收到意见建议",
           "按期答复", "逾期未答复", "采纳", "测评表", "满意率")
WIDTHS = (6, 24, 9, 22, 9, 9, 11, 11, 9, 10, 7, 8, 8)
QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")


def _pct(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}%"


def _row(figures: Figures) -> list:
    return [figures.events, "、".join(f"{d.month}月{d.day}日" for d in figures.dates), figures.invited,
            figures.arrived, _pct(figures.public_share), figures.received, figures.replied_on_time,
            figures.overdue, figures.adopted, figures.forms, _pct(figures.satisfaction)]


def write_xlsx(year: Year, path: Path, fonts: DocFonts) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总"
    title = f"{year.year}年“政府开放日”活动情况汇总表"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.cell(row=1, column=1, value=title).font = Font(name=fonts.title, size=18)
    sheet.cell(row=1, column=1).alignment = CENTRE
    sheet.row_dimensions[1].height = 36
    header_row = 2
    for col, (name, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=header_row, column=col, value=name)
        cell.font, cell.border, cell.alignment = Font(name=fonts.heading1, size=11), BOX, CENTRE
        sheet.column_dimensions[get_column_letter(col)].width = width
    body = Font(name=fonts.body, size=11)
    row = header_row
    for number, unit in enumerate(year.units, start=1):
        row += 1
        values = [number, unit.unit, *_row(unit.figures)]
        if not unit.figures.events:
            values = [number, unit.unit, 0, "未报送", *[""] * (len(COLUMNS) - 4)]
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col, value=value)
            cell.font, cell.border = body, BOX
            cell.alignment = LEFT if col in (2, 4) else CENTRE
    row += 1
    totals = ["", "合计", *_row(year.total)]
    totals[3] = ""  # the dates of every event are in the rows above
    for col, value in enumerate(totals, start=1):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.font, cell.border, cell.alignment = Font(name=fonts.heading1, size=11), BOX, CENTRE
    sheet.freeze_panes = f"C{header_row + 1}"
    _a4(sheet, landscape=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{row}"

    quarters = book.create_sheet("按季度")
    quarters.append([f"{year.year}年分季度情况"])
    quarters.append(["季度", "活动场次", "实到人数", "收到意见建议", "按期答复", "满意率"])
    for name, figures in zip(QUARTERS, year.quarters, strict=True):
        quarters.append([name, figures.events, figures.arrived, figures.received, figures.replied_on_time,
                         _pct(figures.satisfaction)])
    quarters.append(["全年", year.total.events, year.total.arrived, year.total.received,
                     year.total.replied_on_time, _pct(year.total.satisfaction)])
    for col, width in enumerate((12, 10, 10, 14, 10, 10), start=1):
        quarters.column_dimensions[get_column_letter(col)].width = width
    for line in quarters.iter_rows(min_row=2):
        for cell in line:
            cell.border, cell.alignment, cell.font = BOX, CENTRE, body
    quarters.cell(row=1, column=1).font = Font(name=fonts.heading1, size=14)
    _a4(quarters, landscape=False)
    workbook_properties(book, title, "", "district-summary")
    book.save(str(path))
    return path


def _bar_chart(title: str, labels: list[str], segments: list[tuple[str, str, list[float]]], *,
               percent: bool = False, width: int = 760, scale: float = 2.0) -> bytes:
    """A horizontal bar per label, made of ``segments`` (name, colour, values) stacked, the total written after
    it; as a PNG for print (one row per unit keeps forty units on one page)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from ..documents.charts import ensure_gui
    from ..images import encode

    ensure_gui()
    row, top, left, right = 26, 72, 250, 70
    height = top + row * max(len(labels), 1) + 16
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    font = QFont()
    font.setPixelSize(21)
    painter.setFont(font)
    painter.drawText(QRectF(0, 6, width, 30), Qt.AlignmentFlag.AlignCenter, title)
    font.setPixelSize(16)  # about 8 pt when the chart is printed 156 mm wide
    painter.setFont(font)
    x = left
    for name, colour, _values in segments:  # the legend
        painter.fillRect(QRectF(x, 44, 14, 14), QColor(colour))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(x + 18, 40, 200, 22), Qt.AlignmentFlag.AlignVCenter, name)
        x += 34 + painter.fontMetrics().horizontalAdvance(name)
    totals = [sum(values[i] for _n, _c, values in segments) for i in range(len(labels))]
    peak = max(totals, default=0) or 1
    span = width - left - right
    for i, label in enumerate(labels):
        y = top + i * row
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(6, y, left - 12, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideMiddle, left - 12))
        start = float(left)
        for _name, colour, values in segments:
            length = span * values[i] / peak
            painter.fillRect(QRectF(start, y + 5, length, row - 10), QColor(colour))
            start += length
        text = f"{totals[i] * 100:.1f}%" if percent else f"{totals[i]:g}"
        painter.drawText(QRectF(start + 4, y, right + 20, row), Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return encode(image, "PNG")


def charts(year: Year) -> dict[str, bytes]:
    """The three charts of the reporting units: arrivals (群众代表 and others), suggestions (replied on time,
    overdue, the rest), satisfaction (units with forms only)."""
    units = year.reporting
    names = [u.unit for u in units]
    out = {
        "到场人数": _bar_chart(f"{year.year}年各单位活动到场人数", names, [
            ("群众代表", "#1565c0", [u.figures.public_arrived for u in units]),
            ("其他参加人员", "#90caf9", [u.figures.arrived - u.figures.public_arrived for u in units])]),
        "意见建议办理": _bar_chart(f"{year.year}年各单位意见建议办理情况（条）", names, [
            ("按期答复", "#2e7d32", [u.figures.replied_on_time for u in units]),
            ("逾期未答复", "#c62828", [u.figures.overdue for u in units]),
            ("其他", "#bdbdbd", [max(u.figures.received - u.figures.replied_on_time - u.figures.overdue, 0)
                                   for u in units])]),
    }
    rated = [u for u in units if u.figures.satisfaction is not None]
    if rated:
        out["满意率"] = _bar_chart(f"{year.year}年各单位满意度测评满意率", [u.unit for u in rated], [
            ("满意率", "#2e7d32", [u.figures.satisfaction for u in rated])], percent=True)
    return out


def report_document(year: Year, chart_png: dict[str, bytes], *, today: dt.date) -> Document:
    """The 情况报告: every sentence from the figures; units that did not report are named."""
    t = year.total
    blocks: list = [Title(f"{year.year}年“政府开放日”活动开展情况报告")]
    blocks.append(Heading(1, "总体情况"))
    reporting = year.reporting
    if not t.events:
        blocks.append(Paragraph(f"截至{cn_date(today)}，未收到{year.year}年“政府开放日”活动情况。"))
    else:
        text = (f"{year.year}年，共有{len(reporting)}个单位开展“政府开放日”活动{t.events}场，邀请{t.invited}人，"
                f"实到{t.arrived}人")
        if t.arrived:
            text += f"，其中群众代表{t.public_arrived}人，占{_pct(t.public_share)}"
        blocks.append(Paragraph(text + "。"))
        held = [f"{name}{f.events}场" for name, f in zip(QUARTERS, year.quarters, strict=True) if f.events]
        blocks.append(Paragraph("分季度看，" + "，".join(held) + "。"))
        if t.received:
            text = f"活动中共收到意见建议{t.received}条，按期答复{t.replied_on_time}条"
            if t.overdue:
                text += f"，逾期未答复{t.overdue}条"
            if t.adopted:
                text += f"，采纳（含部分采纳）{t.adopted}条"
            blocks.append(Paragraph(text + "。"))
        else:
            blocks.append(Paragraph("各单位报送的活动情况中未记录意见建议。"))
        if t.satisfaction is not None:
            blocks.append(Paragraph(f"共回收满意度测评表{t.forms}份，满意率{_pct(t.satisfaction)}。"))
    blocks.append(Heading(1, "各单位开展情况"))
    if reporting:
        rows = tuple((u.unit, str(u.figures.events), str(u.figures.arrived), str(u.figures.received),
                      _pct(u.figures.satisfaction) or "—") for u in reporting)
        blocks.append(Table(("单位", "场次", "实到", "意见建议", "满意率"), rows, (64, 18, 22, 26, 26),
                            font_size_pt=12, left_columns=(0,), keep_last_rows=2))
    else:
        blocks.append(Paragraph(f"{year.year}年未收到各单位的活动情况。"))
    if year.missing:
        blocks.append(Heading(1, "未报送情况"))
        blocks.append(Paragraph(f"截至{cn_date(today)}，{'、'.join(year.missing)}"
                                f"共{len(year.missing)}个单位尚未报送{year.year}年“政府开放日”活动情况。"))
    for name in ("到场人数", "意见建议办理", "满意率"):
        if name in chart_png:
            blocks.append(Picture(chart_png[name], 156, max_height_mm=200))
    return Document(title=f"{year.year}年“政府开放日”活动开展情况报告", blocks=number_headings(blocks),
                    meta={"kind": "district-report"})


def write_report(year: Year, out: Path, fonts: DocFonts, *, today: dt.date | None = None) -> list[Path]:
    """The 汇总表, the charts and the 情况报告 of ``year`` into ``out``; returns the files."""
    from ..documents.gongwen import write_docx

    today = today or dt.date.today()
    out.mkdir(parents=True, exist_ok=True)
    names = [f"{year.year}年政府开放日活动情况汇总表.xlsx", f"{year.year}年政府开放日活动开展情况报告.docx",
             *(f"{year.year}年{name}.png" for name in ("到场人数", "意见建议办理", "满意率"))]
    existing = [name for name in names if (out / name).exists()]
    if existing:
        raise UserError(EXISTS, path=str(out / existing[0]))
    files = [write_xlsx(year, out / f"{year.year}年政府开放日活动情况汇总表.xlsx", fonts)]
    pictures = charts(year)
    for name, data in pictures.items():
        path = out / f"{year.year}年{name}.png"
        path.write_bytes(data)
        files.append(path)
    files.append(write_docx(report_document(year, pictures, today=today),
                            out / f"{year.year}年政府开放日活动开展情况报告.docx", fonts))
    return files
