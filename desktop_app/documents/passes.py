"""参观证 (passes): A4 sheets of eight cards to cut out along dashed lines, one per confirmed person with a pass
code. The QR code holds the code and nothing else, so a lost pass gives nobody a name, phone or ID number.

Cards are not a 公文, so this writes Word directly (python-docx) with narrow margins instead of the GB/T 9704
layout of ``gongwen``; fonts still come from the settings and are named for East Asian text (w:eastAsia).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import segno
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from ..domain.dates import cn_date
from ..domain.plan import DocFonts
from ..domain.roster import RosterPerson, RosterSnapshot
from ..domain.text import clean
from . import layout
from .docx_styles import THEME_ATTRS, apply_fonts, apply_settings, rfonts
from .signin import confirmed_by_category

MM_PER_PT = 25.4 / 72
COLUMNS = 2  # cards across; four rows of them fill a page
CARD_WIDTH_MM, CARD_HEIGHT_MM = 90.0, 65.0
# 2 × 90 mm across and 4 × 65 mm down leave 15 mm around the sheet (within any printer's reach) and 7 mm below
# the last row for the paragraph Word insists on after a table, so a full page never spills onto an empty one.
PAGE_MARGIN_MM = 15.0
CARD_PADDING_MM = 5.0  # left and right: keeps the text clear of a cut that strays from the line
CARD_PADDING_V_MM = 3.0  # top and bottom
QR_MM = 28.0
QR_SCALE = 10  # pixels per module: a version-1 code with its quiet zone is 290 px, about 260 dpi at 28 mm
QR_BORDER = 4  # the standard quiet zone, in modules
CODE_FONT = "Courier New"  # monospaced everywhere; LibreOffice substitutes Liberation Mono
CUT_LINE = {"val": "dashed", "sz": 6, "space": 0, "color": "666666"}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
EVENT_FALLBACK = "“政府开放日”活动"
NOBODY = "无已确认的参加人员。"
NOBODY_HINT = "参观证只为状态为“已确认”且已生成参观证号的人员制作：请先在名单中确认参加人员并生成参观证号。"


def qr_png(code: str) -> bytes:
    """The QR code (error correction M, never a Micro QR) for ``code`` alone, as PNG bytes."""
    buffer = io.BytesIO()
    segno.make_qr(code, error="m", boost_error=False).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()


def pass_holders(snapshot: RosterSnapshot) -> list[tuple[str, RosterPerson]]:
    """(category, person) for every confirmed person with a pass code, in the sign-in sheet's order, so the
    passes come off the printer in the order they are handed out."""
    return [(category, person) for category, people in confirmed_by_category(snapshot)
            for person in people if person.pass_code.strip()]


def write_passes_docx(snapshot: RosterSnapshot, path, fonts: DocFonts) -> Path:
    """Write the passes to ``path`` (overwritten) and return the path."""
    doc = docx.Document()
    _styles(doc, fonts)
    apply_fonts(doc, fonts)
    _page(doc.sections[0])
    holders = pass_holders(snapshot)
    if holders:
        _cards(doc, snapshot, holders, fonts)
        # Word ends a body with a paragraph: a 1 pt one, so it fits under the last row of cards.
        _tiny(doc.add_paragraph())
    else:
        _text(doc.add_paragraph(), NOBODY, fonts.heading1, 16)
        _text(doc.add_paragraph(), NOBODY_HINT, fonts.body, 12)
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = f"{snapshot.event_title}参观证"
    props.author = props.last_modified_by = snapshot.unit
    props.comments = ""
    props.language = "zh-CN"
    props.created = props.modified = now
    props.revision = 1
    path = Path(path)
    doc.save(str(path))
    return path


def _el(tag: str, **attrs) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def _styles(doc, fonts: DocFonts) -> None:
    """Normal in the body font, single-spaced with no space around paragraphs; no theme fonts anywhere."""
    for element in doc.styles.element.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            element.attrib.pop(attr, None)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(defaults):
        defaults.remove(child)
    defaults.append(rfonts(fonts.body))
    defaults.append(_el("w:sz", val=21))
    defaults.append(_el("w:szCs", val=21))
    defaults.append(_el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    fmt = doc.styles["Normal"].paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    apply_settings(doc)  # Chinese as the East Asian language; no stylesWithEffects naming theme fonts


def _page(section) -> None:
    section.page_width, section.page_height = Twips(layout.PAGE_WIDTH), Twips(layout.PAGE_HEIGHT)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(PAGE_MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(PAGE_MARGIN_MM / 2)


def _cards(doc, snapshot: RosterSnapshot, holders, fonts: DocFonts) -> None:
    """One table, two cards a row; rows have an exact height and never split, so four fill each page."""
    nrows = -(-len(holders) // COLUMNS)
    table = doc.add_table(rows=nrows, cols=COLUMNS)
    width = layout.mm_to_twips(CARD_WIDTH_MM)
    _table_properties(table, [width] * COLUMNS, CUT_LINE, padding=(CARD_PADDING_V_MM, CARD_PADDING_MM))
    footer = pass_footer(snapshot)
    for r, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(_el("w:cantSplit"))
        tr_pr.append(_el("w:trHeight", val=layout.mm_to_twips(CARD_HEIGHT_MM), hRule="exact"))
        for c, cell in enumerate(row.cells):
            cell.width = Twips(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            index = r * COLUMNS + c
            if index < len(holders):
                category, person = holders[index]
                _card(cell, pass_title(snapshot), category, person, footer, fonts)


def pass_title(snapshot: RosterSnapshot) -> str:
    """The event's title with the unit in front when the title does not name it (the unit left the footer)."""
    title = snapshot.event_title.strip() or EVENT_FALLBACK
    return title if not snapshot.unit or snapshot.unit in title else snapshot.unit + title


def pass_footer(snapshot: RosterSnapshot) -> str:
    """When and where to gather: 2026年11月27日　8:50前于政务服务大厅一楼正门集合 (each part only when recorded)."""
    when = cn_date(snapshot.date) if snapshot.date else ""
    place = snapshot.gathering_place.strip() or snapshot.venue.strip()
    time = f"{snapshot.gathering_time.hour}:{snapshot.gathering_time.minute:02d}前" if snapshot.gathering_time else ""
    gather = f"{time}于{place}集合" if place else (f"{time}集合" if time else "")
    return "　".join(part for part in (when, gather) if part)


def _card(cell, event_title: str, category: str, person: RosterPerson, footer: str, fonts: DocFonts) -> None:
    """Event title, 参观证, then name, category and code beside the QR code, and the unit and date below.

    Rows have an exact height, so whatever would wrap (a long title, name or category) is set smaller instead
    and every card keeps its layout.
    """
    inner_mm = CARD_WIDTH_MM - 2 * CARD_PADDING_MM
    title = event_title or EVENT_FALLBACK
    _text(cell.paragraphs[0], title, fonts.body, _fit_pt(title, inner_mm, 10, 7), align="center")
    heading = cell.add_paragraph()
    _text(heading, "参　观　证", fonts.title, 24, align="center")
    heading.paragraph_format.space_after = Pt(4)
    text_mm = inner_mm - QR_MM - 2
    inner = cell.add_table(rows=1, cols=2)
    widths = [layout.mm_to_twips(text_mm), layout.mm_to_twips(inner_mm) - layout.mm_to_twips(text_mm)]
    _table_properties(inner, widths, None, padding=(0, 0))
    left, right = inner.rows[0].cells
    for part, part_width in zip((left, right), widths, strict=True):
        part.width = Twips(part_width)
        part.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _text(left.paragraphs[0], person.name, fonts.heading1, _fit_pt(person.name, text_mm, 20, 12))
    kind = f"类别：{category or '—'}"
    _text(left.add_paragraph(), kind, fonts.body, _fit_pt(kind, text_mm, 11, 8)).paragraph_format.space_before = Pt(3)
    code = left.add_paragraph()
    code.paragraph_format.space_before = Pt(6)
    _text(code, "证号 ", fonts.body, 9)
    _text(code, person.pass_code, fonts.body, 22, latin=CODE_FONT, bold=True, spacing_pt=2)
    picture = right.paragraphs[0]
    picture.alignment = ALIGN["right"]
    picture.add_run().add_picture(io.BytesIO(qr_png(person.pass_code)), width=Mm(QR_MM), height=Mm(QR_MM))
    _tiny(cell.paragraphs[-1])  # the paragraph python-docx puts after the inner table
    _text(cell.add_paragraph(), footer, fonts.body, _fit_pt(footer, inner_mm, 9, 7),
          align="center").paragraph_format.space_before = Pt(4)


def _fit_pt(text: str, width_mm: float, largest: float, smallest: float) -> float:
    """The largest size up to ``largest`` (not below ``smallest``) at which ``text`` fits one line of
    ``width_mm``: a Chinese character is 1 em wide, other characters about half."""
    ems = sum(1.0 if ord(ch) > 0x2E7F else 0.6 for ch in text) or 1.0
    fitting = width_mm / (ems * MM_PER_PT) * 0.95  # a little room for the font's side bearings
    return max(smallest, min(largest, int(fitting * 2) / 2))


def _table_properties(table, widths: list[int], border: dict | None, *, padding: tuple[float, float]) -> None:
    """Fixed layout, centred, widths in the grid; ``border`` on every edge (None: no borders); ``padding`` is
    the cells' (top and bottom, left and right) margins in mm."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblBorders", "w:tblCellMar", "w:tblStyle", "w:tblLook"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", **(border or {"val": "nil"})))
    margins = OxmlElement("w:tblCellMar")
    vertical, horizontal = (layout.mm_to_twips(mm) for mm in padding)
    for side in ("top", "left", "bottom", "right"):
        margins.append(_el(f"w:{side}", w=vertical if side in ("top", "bottom") else horizontal, type="dxa"))
    # CT_TblPr order: … tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    tbl_pr.find(qn("w:jc")).addprevious(_el("w:tblW", w=sum(widths), type="dxa"))
    layout_el = tbl_pr.find(qn("w:tblLayout"))
    layout_el.addprevious(borders)
    layout_el.addnext(margins)
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Twips(width)


def _text(paragraph, text: str, font: str, size_pt: float, *, align: str | None = None, latin: str | None = None,
          bold: bool = False, spacing_pt: float = 0):
    """Add a run of ``text`` with its fonts named for every script (East Asian included); returns the paragraph."""
    run = paragraph.add_run(clean(text))
    rpr = run._r.get_or_add_rPr()
    fonts_el = rfonts(font)
    if latin:
        fonts_el.set(qn("w:ascii"), latin)
        fonts_el.set(qn("w:hAnsi"), latin)
    # CT_RPr order: rFonts, b, bCs, …, spacing, …, sz, szCs.
    rpr.append(fonts_el)
    if bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if spacing_pt:
        rpr.append(_el("w:spacing", val=round(spacing_pt * 20)))
    rpr.append(_el("w:sz", val=round(size_pt * 2)))
    rpr.append(_el("w:szCs", val=round(size_pt * 2)))
    if align:
        paragraph.alignment = ALIGN[align]
    return paragraph


def _tiny(paragraph) -> None:
    """Shrink an empty paragraph to 1 pt so it takes no room."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    mark = paragraph._p.get_or_add_pPr()
    rpr = _el("w:rPr")
    rpr.append(_el("w:sz", val=2))
    mark.append(rpr)
