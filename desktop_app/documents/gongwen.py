"""Writes a ``Document`` (the block model) to .docx in GB/T 9704-2012 layout: the one place that owns it.

The styles and page setup are in ``docx_styles``; this module turns blocks into paragraphs, tables, pictures and
the odd/even page-number footers. Runs carry no formatting of their own except a table's size when it differs
from 4号 and the 楷体 lead-in character style.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import math
import re
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt, Twips
from lxml import etree

from ..domain.plan import DocFonts
from ..domain.text import clean
from . import docx_styles as st
from . import layout
from .model import Document, Heading, PageBreak, Paragraph, Picture, Table, Title, kind_identifier

ROLE_STYLES = {
    "body": "Normal",
    "lead": "Normal",
    "recipients": st.RECIPIENTS,
    "signature": st.SIGNATURE,
    "date": st.DATE,
    "attachment_note": st.ATTACHMENT_NOTE,
    "attachment_label": st.ATTACHMENT_LABEL,
    "note": st.NOTE,
    "imprint": st.IMPRINT,
    "masthead": st.MASTHEAD,
    "doc_number": st.DOC_NUMBER,
}
ALIGN_VALUES = {"justify": "both", "left": "left", "center": "center", "right": "right"}
ATTACHMENT_WORD = "附件："
ROW_HEIGHT_LIST = layout.mm_to_twips(8)  # a table with a header row (lists, schedules)
ROW_HEIGHT_FORM = layout.mm_to_twips(11)  # a form to fill in by hand
CELL_MARGIN = layout.mm_to_twips(1.5)


def write_docx(document: Document, path, fonts: DocFonts) -> Path:
    """Write ``document`` to ``path`` (overwritten) and return the path."""
    path = Path(path)
    doc = docx.Document(io.BytesIO(_styled_base(fonts)))
    section = doc.sections[0]
    body = [b for b in document.blocks if not (isinstance(b, Paragraph) and b.role == "imprint")]
    imprint = [b for b in document.blocks if isinstance(b, Paragraph) and b.role == "imprint"]
    _BlockWriter(doc).write(body)
    if document.page_numbers:
        _page_number_footers(section)
    if document.draft:
        _draft_headers(section)
    if imprint:
        _imprint_page(doc, imprint, draft=document.draft)
    _core_properties(doc, document)
    doc.save(str(path))
    return path


@functools.lru_cache(maxsize=4)
def _styled_base(fonts: DocFonts) -> bytes:
    """An empty document with the house styles, settings, fonts and page set up, made once per fonts: every
    document of a package starts from it (setting up the styles took a tenth of a second each time)."""
    doc = docx.Document()
    st.apply_styles(doc, fonts)
    st.apply_settings(doc)
    st.apply_fonts(doc, fonts)
    st.setup_section(doc.sections[0])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _core_properties(doc, document: Document) -> None:
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = document.title
    props.subject = str(document.meta.get("subject", ""))
    props.author = str(document.meta.get("author", ""))
    props.last_modified_by = str(document.meta.get("author", ""))
    props.comments = ""
    props.keywords = str(document.meta.get("keywords", ""))
    props.category = str(document.meta.get("category", ""))
    props.identifier = kind_identifier(str(document.meta.get("kind", "")))
    props.language = "zh-CN"
    props.created = now
    props.modified = now
    props.revision = 1


class _BlockWriter:
    """Appends blocks to the body. A PageBreak becomes "page break before" on the next paragraph, so the new
    page does not start with an empty line (附件1 must sit on the first line); one before anything is dropped."""

    def __init__(self, doc):
        self.doc = doc
        self.break_pending = False
        self.last_paragraph = None
        self.last_block = None  # (Paragraph block, its paragraph) when the last thing written was a Paragraph
        self.after_table = False
        self._style_ids: dict[str, str] = {}

    def write(self, blocks) -> None:
        for block in blocks:
            if isinstance(block, PageBreak):
                self.break_pending = self.last_paragraph is not None or self.after_table or self.break_pending
            elif isinstance(block, Title):
                self._title(block)
            elif isinstance(block, Heading):
                paragraph = self._paragraph(f"Heading {min(max(block.level, 1), 4)}")
                _add_text(paragraph, block.full_text)
            elif isinstance(block, Paragraph):
                self._text_paragraph(block)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Picture):
                self._picture(block)
            else:
                raise TypeError(f"unknown block {block!r}")
        if self.after_table:
            # Word ends a body with a paragraph: one point high, so a table that fills the last page does not
            # push it onto a page of its own (the 签到表 had an empty third page).
            _hairline(self._paragraph(st.NOTE))

    def _style_id(self, style: str) -> str:
        """The id of one of the writer's styles, looked up once per document: python-docx's own lookup by name
        walks every style each time, which made a 1,000-row table take a minute."""
        found = self._style_ids.get(style)
        if found is None:
            found = self._style_ids[style] = _style_id(self.doc, style)
        return found

    def _paragraph(self, style: str):
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._style_id(style)
        self.after_table = False
        self.last_block = None
        if self.break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.break_pending = False
        self.last_paragraph = paragraph
        return paragraph

    def _title(self, block: Title) -> None:
        _add_text(self._paragraph(st.TITLE), block.text)

    def _text_paragraph(self, block: Paragraph) -> None:
        if block.role in ("signature", "attachment_note") and self.last_paragraph is not None \
                and not self.break_pending:
            # GB/T 9704 7.3.5.1 and 7.3.4: the signature, the date and the 附件说明 never stand alone on a page;
            # the text's last lines go with them.
            self.last_paragraph.paragraph_format.keep_with_next = True
        if block.role == "attachment_note" and "\n" in block.text:
            self._attachment_note(block.text.split("\n"))
            return
        previous = self.last_block
        paragraph = self._paragraph(ROLE_STYLES.get(block.role, "Normal"))
        self.last_block = (block, paragraph)  # a date centres the signature written just before it
        if block.role == "date" and previous is not None and previous[0].role == "signature":
            _centre_signature(previous[1], paragraph, previous[0].text, block.text)
        if block.align:
            _set_jc(paragraph, ALIGN_VALUES[block.align])
            if block.align in ("center", "right") and block.role in ("body", "lead", "note"):
                _set_ind(paragraph, firstLineChars=0, firstLine=0)
        if block.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        if block.bold_lead:
            _add_text(paragraph, block.bold_lead, char_style_id=self._style_id(st.LEAD_CHAR))
        _add_text(paragraph, block.text)
        if block.role == "masthead":  # on one line: a long 发文机关标志 is set smaller (7.2.4: 醒目、美观、庄重)
            fitting = layout.TEXT_WIDTH / 20 / max(len(block.text), 1)
            for run in paragraph.runs:
                run.font.size = Pt(min(layout.MASTHEAD_PT, math.floor(fitting)))

    def _attachment_note(self, lines: list[str]) -> None:
        """附件：1.×× then 2.×× … one paragraph each, kept together: the first line of each starts under “1.”
        (the first after “附件：”), and a name that wraps continues under its own first character."""
        for n, line in enumerate(lines):
            paragraph = self._paragraph(st.ATTACHMENT_NOTE)
            item = line[len(ATTACHMENT_WORD):] if n == 0 else line
            number = item[:len(item) - len(item.lstrip("0123456789."))]
            left = st.ATTACHMENT_LEFT + layout.text_units(number)  # “1.” is one character wide
            hanging = left - (st.ATTACHMENT_FIRST if n == 0 else st.ATTACHMENT_LEFT)
            _set_ind(paragraph, leftChars=round(left * 100), left=round(left * layout.CHAR_TWIPS),
                     hangingChars=round(hanging * 100), hanging=round(hanging * layout.CHAR_TWIPS))
            if n:
                paragraph.paragraph_format.space_before = 0
            if n < len(lines) - 1:
                paragraph.paragraph_format.keep_with_next = True
            _add_text(paragraph, line)

    def _table(self, block: Table) -> None:
        self.last_block = None
        if self.after_table or (self.break_pending and self.last_paragraph is None):
            # Two tables in a row would merge into one: an empty paragraph keeps them apart (and carries a
            # pending page break, which a table cannot).
            self._paragraph(st.NOTE)
        elif self.break_pending:
            self.last_paragraph.add_run().add_break(WD_BREAK.PAGE)
            self.break_pending = False
        ncols = len(block.columns) or max((len(r) for r in block.rows), default=1)
        given = tuple(block.widths_mm[:ncols]) + (20.0,) * (ncols - len(block.widths_mm))
        if block.header and any(block.columns):  # headers on one line: 序号, 比较满意 never broken
            scale = min(1.0, layout.TEXT_WIDTH_MM / sum(given))
            given = tuple(layout.header_widths(block.columns, [w * scale for w in given], block.font_size_pt))
        widths = layout.fit_widths(given)
        rows = ([tuple(block.columns)] if block.header else []) + [tuple(r) for r in block.rows]
        table = self.doc.add_table(rows=0, cols=ncols)
        _table_properties(table, widths)
        size = None if block.font_size_pt == layout.TABLE_PT else Pt(block.font_size_pt)
        centred = layout.centred_columns(block.rows, ncols) - set(block.left_columns)
        body_height = ROW_HEIGHT_LIST if block.header else ROW_HEIGHT_FORM
        if block.row_height_mm:
            body_height = layout.mm_to_twips(block.row_height_mm)
        last = len(rows) - 1
        template = None  # the first plain body row: the ones after it are copies of it with their own text
        copies: list[str] = []
        for r, values in enumerate(rows):
            header = block.header and r == 0
            values = tuple(values[:ncols]) + ("",) * (ncols - len(values))
            kept = block.keep_together or (block.keep_last_rows > 1 and last - block.keep_last_rows < r < last)
            plain = not header and not kept and layout.SPAN not in values
            if plain and template is not None:
                copies.append(template.row(values))
                continue
            _append_rows(table, copies)
            row = table.add_row()
            _row_properties(row, header=header, height=ROW_HEIGHT_LIST if header else body_height)
            self._fill_row(row, values, widths, header, size, centred)
            if kept:
                # Word keeps rows together by keeping each row's text with the next
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
            elif plain:
                template = _RowTemplate(row._tr)
        _append_rows(table, copies)
        self.last_paragraph = None
        self.after_table = True

    def _fill_row(self, row, values, widths, header: bool, size, centred: set[int]) -> None:
        cells = list(row.cells)
        c = 0
        while c < len(values):
            span = 1
            while c + span < len(values) and values[c + span] == layout.SPAN:
                span += 1
            cell = cells[c]
            if span > 1:
                cell = cell.merge(cells[c + span - 1])
            cell.width = Twips(sum(widths[c:c + span]))
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph._p.style = self._style_id(st.TABLE_HEADER if header else st.TABLE_TEXT)
            if not header and c in centred and span == 1:
                _set_jc(paragraph, "center")
            text = "" if values[c] == layout.SPAN else str(values[c])
            for run in _add_text(paragraph, text):
                if size is not None:
                    run.font.size = size
            c += span

    def _picture(self, block: Picture) -> None:
        paragraph = self._paragraph(st.PICTURE)
        width_mm = min(block.width_mm, layout.TEXT_WIDTH_MM)
        if block.max_height_mm:
            from docx.image.image import Image

            image = Image.from_blob(block.data)
            if image.px_width and image.px_height:
                width_mm = min(width_mm, block.max_height_mm * image.px_width / image.px_height)
        paragraph.add_run().add_picture(io.BytesIO(block.data), width=Mm(width_mm))
        if block.caption:
            _add_text(self._paragraph(st.CAPTION), block.caption)


class _RowTemplate:
    """A plain table row (no merged cells) as XML text with a slot in each cell's paragraph: the rows after it are
    written as text and parsed in one go. python-docx builds a cell in some hundred steps, which made a 1,000-row
    签到表 take seconds; the copies keep the template's widths, alignment, style and run format."""

    def __init__(self, tr) -> None:
        stripped = copy.deepcopy(tr)
        self.run_props: list[str] = []
        for n, tc in enumerate(stripped.iterchildren(qn("w:tc"))):
            p = tc.find(qn("w:p"))
            runs = p.findall(qn("w:r"))
            r_pr = runs[0].find(qn("w:rPr")) if runs else None
            self.run_props.append(etree.tostring(r_pr, encoding="unicode") if r_pr is not None else "")
            for run in runs:
                p.remove(run)
            p.append(OxmlElement(f"w:slot{n}"))
        self.parts = re.split(r"<w:slot\d+/>", etree.tostring(stripped, encoding="unicode"))

    def row(self, values) -> str:
        out = [self.parts[0]]
        for n, value in enumerate(values):
            for i, line in enumerate(str(value).split("\n")):
                out += ["<w:r>", self.run_props[n], "<w:br/>" if i else ""]
                for j, piece in enumerate(line.split("\t")):
                    if j:
                        out.append("<w:tab/>")
                    if piece:
                        out += ['<w:t xml:space="preserve">', escape(clean(piece)), "</w:t>"]
                out.append("</w:r>")
            out.append(self.parts[n + 1])
        return "".join(out)


def _append_rows(table, rows: list[str]) -> None:
    """Rows written by a ``_RowTemplate``, parsed at once and put at the end of ``table``."""
    if rows:
        for tr in list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")):
            table._tbl.append(tr)
        rows.clear()


def _style_id(doc, key: str) -> str:
    """The id of the style whose id or name is ``key`` (the writer refers to its own styles by id); read from the
    styles' XML, not through python-docx's style objects (a tenth of a second a document)."""
    from docx.styles import BabelFish

    found = _STYLE_IDS.get(key)
    if found is not None and doc.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{found}']") is not None:
        return found
    name = BabelFish.ui2internal(key)  # "Heading 1" is stored as "heading 1"
    for style in doc.styles.element.iterchildren(qn("w:style")):
        found = style.find(qn("w:name"))
        if style.get(qn("w:styleId")) == key or (found is not None and found.get(qn("w:val")) in (key, name)):
            _STYLE_IDS[key] = style.get(qn("w:styleId"))
            return _STYLE_IDS[key]
    raise KeyError(key)


_STYLE_IDS: dict[str, str] = {}  # style name -> id, as the documents (all from one base) have them


def _add_text(paragraph, text: str, char_style_id: str | None = None) -> list:
    """Add ``text`` as runs, a ``\\n`` becoming a line break inside the paragraph and a ``\\t`` a tab."""
    runs = []
    for i, part in enumerate(str(text).split("\n")):
        run = paragraph.add_run()
        if char_style_id:
            run._r.style = char_style_id
        if i:
            run.add_break()
        for j, piece in enumerate(part.split("\t")):  # a tab (the 版记's 印发日期) is a w:tab, not a character
            if j:
                run.add_tab()
            if piece:
                run.add_text(clean(piece))  # no control character reaches Word (domain/text.py)
        runs.append(run)
    return runs


def _ppr(paragraph):
    return paragraph._p.get_or_add_pPr()


def _set_jc(paragraph, value: str) -> None:
    _ppr(paragraph).get_or_add_jc().set(qn("w:val"), value)


def _centre_signature(signature, date, signature_text: str, date_text: str) -> None:
    """GB/T 9704 7.3.5.1: the date four characters from the right, the signature centred over it; a signature
    longer than the date keeps at least no indent, and the date moves to stay centred under it."""
    date_right = 4.0
    sig_right = date_right + (layout.text_units(date_text) - layout.text_units(signature_text)) / 2
    if sig_right < 0:
        date_right -= sig_right
        sig_right = 0.0
    for paragraph, right in ((signature, sig_right), (date, date_right)):
        _set_ind(paragraph, rightChars=round(right * 100), right=round(right * layout.CHAR_TWIPS))


def _set_ind(paragraph, **values) -> None:
    ppr = _ppr(paragraph)
    ind = ppr.get_or_add_ind()
    for key, value in values.items():
        ind.set(qn(f"w:{key}"), str(value))


def _table_properties(table, widths: list[int]) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblBorders", "w:tblCellMar", "w:tblStyle"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    tbl_w = st._el("w:tblW", w=sum(widths), type="dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(st._el(f"w:{side}", val="single", sz=4, space=0, color="000000"))
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(st._el(f"w:{side}", w=0 if side in ("top", "bottom") else CELL_MARGIN, type="dxa"))
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize, tblW, jc,
    # tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    jc = tbl_pr.find(qn("w:jc"))
    jc.addprevious(tbl_w)
    layout_el = tbl_pr.find(qn("w:tblLayout"))
    layout_el.addprevious(borders)
    layout_el.addnext(margins)
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Twips(width)


def _row_properties(row, *, header: bool, height: int) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(st._el("w:cantSplit"))
    tr_pr.append(st._el("w:trHeight", val=height, hRule="atLeast"))
    if header:
        tr_pr.append(st._el("w:tblHeader"))


def _hairline(paragraph) -> None:
    from docx.enum.text import WD_LINE_SPACING

    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = 0
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)  # exact: its mark's font size cannot make it taller


def _imprint_page(doc, lines: list[Paragraph], *, draft: bool) -> None:
    """The 版记 (GB/T 9704 §10) at the foot of the last page, an even one: a section that starts on the next even
    page (a blank page before it when the text ends on an even page) with its text at the bottom; no page
    number on it (版记页不编排页码)."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.EVEN_PAGE)
    st.setup_section(section)
    for part in (section.footer, section.even_page_footer):
        part.is_linked_to_previous = False  # an empty footer of its own: no page number
    if draft:
        _draft_headers(section)
    writer = _BlockWriter(doc)
    writer.write(lines)
    # A frame at the foot of the text block (Word and WPS read w:framePr; LibreOffice 7.4 ignores a section's
    # vertical alignment and a floating table's position, not a frame).
    frame = st._el("w:framePr", w=layout.TEXT_WIDTH, wrap="around", vAnchor="margin", hAnchor="margin",
                   x=0, yAlign="bottom")
    paragraphs = doc.paragraphs[-len(lines):]
    for paragraph in paragraphs:
        ppr = paragraph._p.get_or_add_pPr()
        style = ppr.find(qn("w:pStyle"))  # schema order: pStyle, keepNext, …, framePr
        if style is not None:
            style.addnext(copy.deepcopy(frame))
        else:
            ppr.insert(0, copy.deepcopy(frame))
    paragraphs[0].paragraph_format.space_before = 0  # the first rule close above its line, as in print


def _page_number_footers(section) -> None:
    """“— 1 —” in 4号 宋体: odd pages right, one character in; even pages left, one character in."""
    one_char = layout.PAGE_NUMBER_PT * 20
    for footer, align, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = "Footer"
        _set_jc(paragraph, align)
        _set_ind(paragraph, **{f"{side}Chars": 100, side: one_char})
        paragraph.add_run("— ")
        _page_field(paragraph)
        paragraph.add_run(" —")


DRAFT_MARK = "草稿"


def _draft_headers(section) -> None:
    """“草稿” at the right of every page's header (odd and even): a document written before the day it reports
    on, never to be filed as it is."""
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.style = "Header"
        _set_jc(paragraph, "right")
        run = paragraph.add_run(DRAFT_MARK)
        run.font.size = Pt(16)
        run.font.bold = True


def _page_field(paragraph) -> None:
    """A complex PAGE field (begin / instruction / separate / cached result / end): Word, WPS and LibreOffice
    all update it when the document is laid out."""
    def fld_char(kind: str):
        run = paragraph.add_run()
        run._r.append(st._el("w:fldChar", fldCharType=kind))
        return run

    fld_char("begin")
    instr = paragraph.add_run()
    instr_el = OxmlElement("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = " PAGE "
    instr._r.append(instr_el)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")
