"""The Word styles, page setup and settings of GB/T 9704-2012 (党政机关公文格式), applied to a python-docx document.

Every property lives on a style (or the section), never on individual runs, so a coordinator who changes a font
in Word changes it everywhere. East Asian fonts are named on w:rFonts/@w:eastAsia (python-docx's ``font.name``
only sets the Latin ones) and no style keeps a theme font, so WPS and Word show the same fonts.

Lines and characters: body, headings and titles use an exact 28.95 pt line (w:line="579" w:lineRule="exact"),
the grid's line pitch, so every reader lays out 22 lines per page whatever the font's ascent and descent (a
fallback font replacing 仿宋_GB2312 changes nothing). Paragraphs do not snap to the grid: LibreOffice gives each
16 pt character two 15.79 pt grid cells (14 characters a line) where Word squeezes it into one, so instead the
Normal style tightens characters by 0.3 pt (w:spacing w:val="-6"; -5 gives LibreOffice 27 a line) and 28 of
them fill the 156 mm line in Word, WPS and LibreOffice alike. The w:docGrid (linesAndChars, linePitch 579, charSpace -842) is still written
so Word's page setup shows the standard 22 lines × 28 characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from ..domain.plan import DocFonts
from . import layout

THEME_ATTRS = tuple(qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))

# Style ids: ASCII, stable; the names are what a coordinator sees in Word's style list.
TITLE = "GongwenTitle"
RECIPIENTS = "Recipients"
SIGNATURE = "Signature"
DATE = "DocDate"
ATTACHMENT_NOTE = "AttachmentNote"
ATTACHMENT_LABEL = "AttachmentLabel"
NOTE = "Note"
TABLE_TEXT = "TableText"
TABLE_HEADER = "TableHeader"
PICTURE = "PictureParagraph"
CAPTION = "PictureCaption"
LEAD_CHAR = "LeadChar"
IMPRINT = "Imprint"
MASTHEAD = "Masthead"
DOC_NUMBER = "DocNumber"
ATTACHMENT_FIRST = 2  # characters from the left where “附件：” starts
ATTACHMENT_LEFT = 5  # where the name (or its number) starts, after “附件：”


@dataclass(frozen=True)
class ParaFormat:
    """The paragraph and run properties of one style; None leaves a property to the style it is based on."""

    font: str | None = None
    size_pt: float | None = None
    align: str | None = None  # w:jc value: both / left / center / right
    first_chars: int | None = None  # first-line indent in characters (negative: hanging)
    left_chars: int | None = None
    right_chars: int | None = None
    line: int | None = None  # exact line height in twips; 0 = single (auto)
    before: int | None = None
    after: int | None = None
    snap: bool | None = None  # snap to the document grid
    keep_next: bool = False
    keep_lines: bool = False  # never split the paragraph over two pages
    outline: int | None = None
    widow: bool | None = None
    autospace: bool | None = None  # extra space between Chinese and Latin/digits


def _el(tag: str, **attrs) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def _onoff(tag: str, on: bool) -> OxmlElement:
    return _el(tag) if on else _el(tag, val="0")


def rfonts(font: str) -> OxmlElement:
    """w:rFonts naming ``font`` for every script, East Asian included."""
    return _el("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font)


def make_ppr(fmt: ParaFormat) -> OxmlElement:
    """w:pPr with its children in schema order (Word refuses some files whose order is wrong)."""
    ppr = OxmlElement("w:pPr")
    if fmt.keep_next:
        ppr.append(_el("w:keepNext"))
    if fmt.keep_next or fmt.keep_lines:
        ppr.append(_el("w:keepLines"))
    if fmt.widow is not None:
        ppr.append(_onoff("w:widowControl", fmt.widow))
    if fmt.autospace is not None:
        ppr.append(_onoff("w:autoSpaceDE", fmt.autospace))
        ppr.append(_onoff("w:autoSpaceDN", fmt.autospace))
    if fmt.snap is not None:
        ppr.append(_onoff("w:snapToGrid", fmt.snap))
    spacing = {}
    if fmt.before is not None:
        spacing["before"] = fmt.before
    if fmt.after is not None:
        spacing["after"] = fmt.after
    if fmt.line is not None:
        spacing.update({"line": fmt.line, "lineRule": "exact"} if fmt.line else {"line": 240, "lineRule": "auto"})
    if spacing:
        ppr.append(_el("w:spacing", **spacing))
    ind = {}
    if fmt.left_chars is not None:
        ind.update(leftChars=fmt.left_chars * 100, left=fmt.left_chars * layout.CHAR_TWIPS)
    if fmt.right_chars is not None:
        ind.update(rightChars=fmt.right_chars * 100, right=fmt.right_chars * layout.CHAR_TWIPS)
    if fmt.first_chars is not None:
        if fmt.first_chars >= 0:
            ind.update(firstLineChars=fmt.first_chars * 100, firstLine=fmt.first_chars * layout.CHAR_TWIPS)
        else:
            ind.update(hangingChars=-fmt.first_chars * 100, hanging=-fmt.first_chars * layout.CHAR_TWIPS)
    if ind:
        ppr.append(_el("w:ind", **ind))
    if fmt.align:
        ppr.append(_el("w:jc", val=fmt.align))
    if fmt.outline is not None:
        ppr.append(_el("w:outlineLvl", val=fmt.outline))
    return ppr


def make_rpr(font: str | None, size_pt: float | None, *, lang: bool = False,
             char_spacing: int | None = None) -> OxmlElement:
    rpr = OxmlElement("w:rPr")
    if font:
        rpr.append(rfonts(font))
    rpr.append(_el("w:b", val="0"))
    rpr.append(_el("w:bCs", val="0"))
    rpr.append(_el("w:i", val="0"))
    rpr.append(_el("w:iCs", val="0"))
    rpr.append(_el("w:color", val="000000"))
    if char_spacing is not None:
        rpr.append(_el("w:spacing", val=char_spacing))
    if size_pt:
        rpr.append(_el("w:sz", val=round(size_pt * 2)))
        rpr.append(_el("w:szCs", val=round(size_pt * 2)))
    if lang:
        rpr.append(_el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    return rpr


def _replace_props(style_element, ppr, rpr) -> None:
    for tag in ("w:pPr", "w:rPr"):
        for old in style_element.findall(qn(tag)):
            style_element.remove(old)
    if ppr is not None:
        style_element.append(ppr)
    if rpr is not None:
        style_element.append(rpr)


def _style(doc, style_id: str, name: str, kind=WD_STYLE_TYPE.PARAGRAPH):
    styles = doc.styles
    existing = next((s for s in styles if s.style_id == style_id), None)
    if existing is not None:
        return existing
    style = styles.add_style(name, kind)
    style.style_id = style_id
    return style


def _paragraph_style(doc, style, fmt: ParaFormat, *, lang: bool = False, based_on: str | None = "Normal") -> None:
    if based_on:
        style.base_style = doc.styles[based_on]
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    element = style.element
    for tag in ("w:semiHidden", "w:link"):
        for old in element.findall(qn(tag)):
            element.remove(old)
    _replace_props(element, make_ppr(fmt), make_rpr(fmt.font, fmt.size_pt, lang=lang))


def _strip_theme_fonts(doc) -> None:
    """No style may fall back to the theme's fonts (WPS and Word would disagree about them)."""
    for rfonts_el in doc.styles.element.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            if attr in rfonts_el.attrib:
                del rfonts_el.attrib[attr]


def _doc_defaults(doc, fonts: DocFonts) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(rfonts(fonts.body))
    rpr.append(_el("w:sz", val=layout.BODY_PT * 2))
    rpr.append(_el("w:szCs", val=layout.BODY_PT * 2))
    rpr.append(_el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(_el("w:spacing", after=0, line=240, lineRule="auto"))


def apply_styles(doc, fonts: DocFonts) -> None:
    """Restyle Normal, Heading 1–4, Footer; add the title, role, table and picture styles."""
    _strip_theme_fonts(doc)
    _doc_defaults(doc, fonts)
    body, line = fonts.body, layout.LINE_PITCH
    normal = doc.styles["Normal"]
    _replace_props(normal.element,
                   make_ppr(ParaFormat(align="both", first_chars=2, line=line, before=0, after=0, widow=False,
                                        autospace=False, snap=False)),
                   make_rpr(body, layout.BODY_PT, lang=True, char_spacing=layout.CHAR_SPACING))
    heading_fonts = (fonts.heading1, fonts.heading2, body, body)
    for level, font in enumerate(heading_fonts, start=1):
        _paragraph_style(doc, doc.styles[f"Heading {level}"],
                         ParaFormat(font=font, size_pt=layout.BODY_PT, keep_next=True, outline=level - 1,
                                    line=line, before=0, after=0, first_chars=2))
    paragraph_styles = (
        (TITLE, "公文标题", ParaFormat(font=fonts.title, size_pt=layout.TITLE_PT, align="center", first_chars=0,
                                   after=line, keep_next=True, snap=False)),
        (RECIPIENTS, "主送机关", ParaFormat(align="both", first_chars=0)),
        (SIGNATURE, "发文机关署名", ParaFormat(align="right", first_chars=0, right_chars=4, before=2 * line,
                                         keep_next=True)),
        (DATE, "成文日期", ParaFormat(align="right", first_chars=0, right_chars=4)),
        # 附件：×× — two characters in; a name that wraps continues under its first character, three characters
        # after "附件：" (with several, gongwen writes each “2.××” under “1.” and wraps under the name).
        (ATTACHMENT_NOTE, "附件说明", ParaFormat(align="left", left_chars=ATTACHMENT_LEFT,
                                                 first_chars=ATTACHMENT_FIRST - ATTACHMENT_LEFT, before=line,
                                                 keep_lines=True)),
        (ATTACHMENT_LABEL, "附件标识", ParaFormat(font=fonts.heading1, align="left", first_chars=0, after=line)),
        (NOTE, "注释", ParaFormat(size_pt=layout.NOTE_PT, align="left", first_chars=0, line=0, snap=False,
                                before=120)),
        (TABLE_TEXT, "表格文字", ParaFormat(size_pt=layout.TABLE_PT, align="left", first_chars=0, line=0,
                                       snap=False)),
        (TABLE_HEADER, "表格表头", ParaFormat(size_pt=layout.TABLE_PT, align="center", first_chars=0, line=0,
                                         snap=False, keep_next=True)),
        (PICTURE, "图片", ParaFormat(align="center", first_chars=0, line=0, snap=False, before=120,
                                   keep_next=True)),
        (CAPTION, "图片说明", ParaFormat(size_pt=layout.TABLE_PT, align="center", first_chars=0, line=0,
                                     snap=False, after=120)),
    )
    for style_id, name, fmt in paragraph_styles:
        _paragraph_style(doc, _style(doc, style_id, name), fmt)
    # 版记 (GB/T 9704 7.4): 印发机关 one character in from the left, 印发日期 one character in from the right, in
    # 4号, between a rule above and below the width of the text block.
    imprint = _style(doc, IMPRINT, "版记")
    _paragraph_style(doc, imprint, ParaFormat(size_pt=layout.PAGE_NUMBER_PT, align="left", first_chars=0, left_chars=1,
                                              right_chars=1, line=0, before=line, after=0, snap=False,
                                              keep_lines=True))
    ppr = imprint.element.find(qn("w:pPr"))
    borders = _el("w:pBdr")
    for side in ("top", "bottom"):  # the first and the last rule 0.35 mm (sz in eighths of a point: 1 pt)
        borders.append(_el(f"w:{side}", val="single", sz=8, space=4, color="000000"))
    borders.append(_el("w:between", val="single", sz=4, space=4, color="000000"))  # thin rules between lines
    tabs = _el("w:tabs")
    tabs.append(_el("w:tab", val="right", pos=layout.TEXT_WIDTH - 2 * layout.CHAR_TWIPS))
    # Schema order: keepNext, keepLines, widowControl … pBdr, shd, tabs … autoSpaceDE, snapToGrid, spacing, ind.
    later = {qn(f"w:{tag}") for tag in ("autoSpaceDE", "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc")}
    anchor = next(child for child in ppr if child.tag in later)
    anchor.addprevious(borders)
    anchor.addprevious(tabs)
    _masthead_styles(doc, fonts, line)
    footer = doc.styles["Footer"]
    _paragraph_style(doc, footer, ParaFormat(font=fonts.page_number, size_pt=layout.PAGE_NUMBER_PT, first_chars=0,
                                             line=0, before=0, after=0, snap=False))
    lead = _style(doc, LEAD_CHAR, "楷体引题", WD_STYLE_TYPE.CHARACTER)
    lead.quick_style = True
    lead.hidden = False
    lead.unhide_when_used = False
    rpr = OxmlElement("w:rPr")
    rpr.append(rfonts(fonts.heading2))
    _replace_props(lead.element, None, rpr)


def _masthead_styles(doc, fonts: DocFonts, line: int) -> None:
    """The 版头 (GB/T 9704 7.2): the 发文机关标志 in red 小标宋, centred; the 发文字号 two lines under it, centred,
    and 4 mm under that a red rule the width of the text block; the title follows two lines lower."""
    mark = _style(doc, MASTHEAD, "发文机关标志")
    _paragraph_style(doc, mark, ParaFormat(font=fonts.title, size_pt=layout.MASTHEAD_PT, align="center",
                                           first_chars=0, line=0, before=0, after=0, snap=False, keep_next=True,
                                           keep_lines=True))
    rpr = mark.element.find(qn("w:rPr"))
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        colour.set(qn("w:val"), layout.RED)
    else:
        size = rpr.find(qn("w:sz"))
        colour = _el("w:color", val=layout.RED)
        if size is not None:  # schema order: … color, spacing, w, kern, position, sz …
            size.addprevious(colour)
        else:
            rpr.append(colour)
    number = _style(doc, DOC_NUMBER, "发文字号")
    _paragraph_style(doc, number, ParaFormat(align="center", first_chars=0, before=2 * line, after=2 * line,
                                             keep_next=True))
    ppr = number.element.find(qn("w:pPr"))
    borders = _el("w:pBdr")
    borders.append(_el("w:bottom", val="single", sz=12, space=11, color=layout.RED))  # 1.5 pt, 4 mm below
    later = {qn(f"w:{tag}") for tag in ("autoSpaceDE", "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc")}
    next(child for child in ppr if child.tag in later).addprevious(borders)


# What Word and WPS on a stock Windows substitute for a role font that is not installed (w:altName in the font
# table): the GB2312-named fonts of older systems fall back to their modern namesakes, 小标宋 to 宋体.
ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "方正小标宋_GBK": "宋体",
             "华文中宋": "宋体", "方正仿宋_GBK": "仿宋", "方正楷体_GBK": "楷体", "方正黑体_GBK": "黑体", "黑体": "SimHei",
             "宋体": "SimSun", "仿宋": "FangSong", "楷体": "KaiTi"}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def font_table(fonts: DocFonts) -> bytes:
    """word/fontTable.xml naming the five role fonts (GB2312 character set) with their fallbacks, and Times New
    Roman for Latin text — instead of the template's Cambria and ＭＳ 明朝."""
    names = list(dict.fromkeys((fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.page_number)))
    entries = ['<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/>'
               '<w:pitch w:val="variable"/></w:font>']
    for name in names:
        alt = ALT_NAMES.get(name)
        entries.append(f'<w:font w:name="{_xml_attr(name)}">'
                       + (f'<w:altName w:val="{_xml_attr(alt)}"/>' if alt else "")
                       + '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="variable"/></w:font>')
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:fonts xmlns:w="{W_NS}">' + "".join(entries) + "</w:fonts>").encode("utf-8")


def _theme(blob: bytes) -> bytes:
    """The theme's fonts as a Chinese document's: Times New Roman and 宋体, no Japanese ＭＳ fonts."""
    text = blob.decode("utf-8")
    text = re.sub(r'<a:latin typeface="[^"]*"', '<a:latin typeface="Times New Roman"', text)
    text = re.sub(r'<a:ea typeface="[^"]*"', '<a:ea typeface="宋体"', text)
    text = re.sub(r'<a:font script="(Jpan|Hans)" typeface="[^"]*"/>', r'<a:font script="\1" typeface="宋体"/>', text)
    return text.encode("utf-8")


def apply_fonts(doc, fonts: DocFonts) -> None:
    """The font table and the theme fonts (both parts python-docx keeps as plain bytes)."""
    for part in doc.part.package.iter_parts():
        if part.partname == "/word/fontTable.xml":
            part._blob = font_table(fonts)
        elif part.partname.startswith("/word/theme/"):
            part._blob = _theme(part.blob)


def setup_section(section) -> None:
    """A4, GB/T 9704 margins, and the 22 × 28 document grid."""
    section.page_width = Twips(layout.PAGE_WIDTH)
    section.page_height = Twips(layout.PAGE_HEIGHT)
    section.top_margin = Twips(layout.MARGIN_TOP)
    section.bottom_margin = Twips(layout.MARGIN_BOTTOM)
    section.left_margin = Twips(layout.MARGIN_LEFT)
    section.right_margin = Twips(layout.MARGIN_RIGHT)
    section.header_distance = Twips(layout.HEADER_DISTANCE)
    section.footer_distance = Twips(layout.FOOTER_DISTANCE)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    grid = _el("w:docGrid", type="linesAndChars", linePitch=layout.LINE_PITCH, charSpace=layout.CHAR_SPACE)
    sect_pr.append(grid)  # docGrid is the last child python-docx leaves in sectPr


def apply_settings(doc) -> None:
    """Odd/even footers, Chinese as the East Asian language, Shift+Enter lines not stretched when justified."""
    doc.settings.odd_and_even_pages_header_footer = True
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    compat = settings.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, _el("w:doNotExpandShiftReturn"))
    # The Word 2010 copy of the styles still names theme fonts; without it every reader uses styles.xml.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)
