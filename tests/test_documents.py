"""The documents: block-model numbering, the builders' content, and the Word/Excel files read back for the
GB/T 9704 layout (page, grid, styles, fonts, footers, tables) and for what a coordinator must find in them."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
import zlib

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Emu
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop_app.documents import export, kinds, layout
from desktop_app.documents.announcement import ANNOUNCEMENT_ITEMS, build_announcement
from desktop_app.documents.gongwen import write_docx
from desktop_app.documents.model import (
    CN_DIGITS,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
    Title,
    cn_number,
    heading_number,
    number_headings,
)
from desktop_app.documents.plan import build_plan
from desktop_app.documents.preview import html_preview
from desktop_app.documents.signup_form import build_signup_form
from desktop_app.documents.signup_xlsx import write_signup_xlsx
from desktop_app.domain.plan import (
    AgendaRow,
    Category,
    DocFonts,
    DutyRow,
    GroupMember,
    Notice,
    PlanSnapshot,
    Section,
)

DAY = dt.date(2026, 9, 28)
TODAY = dt.date(2026, 9, 1)
UNIT = "西吉县审批服务管理局"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def png(width: int = 4, height: int = 3) -> bytes:
    """A small grey PNG, made here so the test needs no image file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def sample_snapshot(**changes) -> PlanSnapshot:
    """The demo event (seed 002) as a snapshot: 8 supervisors + 17 public representatives, the leading group,
    duties, written and generated sections, and a route with a 座谈会."""
    t = dt.time
    snapshot = PlanSnapshot(
        event_uuid="0f8e5c1e-demo", unit=UNIT, title="2026年“政府开放日”活动", theme="深入推进审批服务便民化",
        basis_title="西吉县“政府开放日”工作方案", basis_number="西政办发〔2026〕12号", date=DAY,
        start_time=t(9, 0), end_time=t(11, 40), venue="西吉县政务服务大厅", gathering_place="政务服务大厅一楼正门",
        gathering_time=t(8, 50), forms=("进机关",), experiences=("窗口服务体验",),
        registration_channels=("电话", "邮件", "现场"), registration_phone="0954-3012345",
        registration_email="kaifangri@example.com", registration_deadline=dt.date(2026, 9, 21),
        selection_rule="first_come", undersubscribed_rule="报名人数不足时，由局综合办公室定向邀请补足。",
        contact_person="刘晓梅", contact_phone="0954-3012345", contact_email="kaifangri@example.com",
        reminders="1.请携带本人身份证，于活动当天8:50前到达集合地点。\n2.活动期间请听从工作人员安排。",
        filing_date=dt.date(2026, 9, 3), announcement_date=dt.date(2026, 9, 8),
        categories=(Category("政务公开义务监督员", 8, False), Category("企业及群众代表", 17, True)),
        leading_group=(
            GroupMember("组长", "李建国", "党组书记"),
            GroupMember("副组长", "王志强", "党组成员、局长"),
            GroupMember("副组长", "张海燕", "党组成员、副局长"),
            GroupMember("成员", "刘晓梅", "综合办公室主任"),
            GroupMember("成员", "胡立新", "12345便民服务热线西吉分中心主任"),
            GroupMember("办公室主任", "张海燕", "党组成员、副局长"),
        ),
        duties=(
            DutyRow("活动计划制定、组织实施和统筹协调", "张海燕", "刘晓梅"),
            DutyRow("大厅功能布局、进驻事项及办事流程讲解", "马文斌", "杨国栋、陈丽娟、周宏伟"),
            DutyRow("座谈会组织、意见建议收集与交办", "王志强", "刘晓梅、马秀兰"),
        ),
        sections=(
            Section("general", "总体要求", "坚持以人民为中心的发展思想，把政民互动作为基本形式，把公开透明作为基本原则。"),
            Section("theme", "活动主题", ""),
            Section("time_place", "时间和地点", ""),
            Section("invitees", "邀请对象", ""),
            Section("content", "活动内容与形式", "（一）观摩参观。参观政务服务大厅一、二、三楼。\n"
                                               "（二）座谈交流。召开座谈会议，听取意见建议。"),
            Section("organisation", "组织领导", ""),
            Section("duties", "人员分工", ""),
            Section("registration", "报名方式", ""),
            Section("requirements", "工作要求", "（一）高度重视。全局上下要高度重视。\n（二）加强宣传。做好宣传。"),
            Section("contact", "联系方式", ""),
        ),
        agenda=(
            AgendaRow("gather", "集合、核验身份、发放参观证", "政务服务大厅一楼正门", "刘晓梅（综合办公室主任）", "", 10,
                      t(9, 0)),
            AgendaRow("stop", "24小时自助服务区", "一楼", "马文斌（政务服务中心主任）", "自助服务终端介绍", 20, t(9, 10)),
            AgendaRow("transfer", "前往二楼（自动扶梯）", "", "", "", 5, t(9, 30)),
            AgendaRow("stop", "综合业务受理区", "二楼", "陈丽娟", "八项创新便民举措", 45, t(9, 35)),
            AgendaRow("meeting", "座谈会", "三楼会议室", "王志强（党组成员、局长）", "听取工作情况汇报，座谈交流", 50,
                      t(10, 20)),
            AgendaRow("survey", "填写满意度测评表", "三楼会议室", "刘晓梅", "", 10, t(11, 10)),
        ),
        notice=Notice(enabled=True, doc_number="西审管函字〔2026〕61号",
                      recipients="县政务服务中心、局机关各股室、政务大厅各进驻部门（窗口）", body="",
                      date=dt.date(2026, 9, 8)),
    )
    return snapshot._replace(**changes)


# -- helpers ------------------------------------------------------------------------------------------------------------

def write(document: Document, tmp_path, fonts: DocFonts | None = None, name: str = "doc.docx"):
    path = write_docx(document, tmp_path / name, fonts or DocFonts())
    return open_docx(str(path)), path


def style_el(doc, style_id: str):
    for style in doc.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    raise AssertionError(f"no style {style_id}")


def east_asia_font(style) -> str | None:
    rfonts = style.find(f"{W}rPr/{W}rFonts")
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def size_pt(style) -> float | None:
    sz = style.find(f"{W}rPr/{W}sz")
    return None if sz is None else int(sz.get(qn("w:val"))) / 2


def bold_off(style) -> bool:
    b = style.find(f"{W}rPr/{W}b")
    return b is None or b.get(qn("w:val")) in ("0", "false")


def texts(doc) -> list[str]:
    """Every paragraph's text, body and table cells, in order."""
    out = []
    for block in doc.element.body.iter(f"{W}p"):
        out.append("".join(t.text or "" for t in block.iter(f"{W}t")))
    return out


def full_text(doc) -> str:
    return "\n".join(texts(doc))


def heading_texts(doc) -> list[tuple[int, str]]:
    return [(int(p.style.name[-1]), p.text) for p in doc.paragraphs if p.style.name.lower().startswith("heading")]


def jc(paragraph) -> str | None:
    el = paragraph._p.find(f"{W}pPr/{W}jc")
    return None if el is None else el.get(qn("w:val"))


@pytest.fixture
def plan_docx(tmp_path):
    return write(build_plan(sample_snapshot(), today=TODAY), tmp_path, name="plan.docx")[0]


# -- numbering (properties) ---------------------------------------------------------------------------------------------

def parse_cn(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return CN_DIGITS.index(text)


@given(st.integers(min_value=1, max_value=99))
def test_cn_number_reads_back(n):
    text = cn_number(n)
    assert parse_cn(text) == n
    assert not text.startswith("一十") and not text.endswith("零")


def test_cn_number_examples():
    assert [cn_number(n) for n in (1, 10, 11, 20, 21, 99)] == ["一", "十", "十一", "二十", "二十一", "九十九"]


@given(st.integers(min_value=1, max_value=99))
def test_heading_number_by_level(n):
    assert heading_number(1, n) == f"{cn_number(n)}、"
    assert heading_number(2, n) == f"（{cn_number(n)}）"
    assert heading_number(3, n) == f"{n}."
    assert heading_number(4, n) == f"（{n}）"


@given(st.lists(st.one_of(st.integers(min_value=1, max_value=4), st.just("attachment"), st.just("text")),
                max_size=40))
def test_number_headings_counts_within_the_parent(items):
    blocks = []
    for item in items:
        if item == "attachment":
            blocks.append(Paragraph("附件1", role="attachment_label"))
        elif item == "text":
            blocks.append(Paragraph("正文"))
        else:
            blocks.append(Heading(item, "标题"))
    numbered = number_headings(blocks)
    assert len(numbered) == len(blocks)
    for i, block in enumerate(numbered):
        if not isinstance(block, Heading):
            assert block == blocks[i]
            continue
        # Independent statement of the rule: count same-level headings back to a higher one or an attachment.
        k = 1
        for earlier in reversed(numbered[:i]):
            if isinstance(earlier, Paragraph) and earlier.role == "attachment_label":
                break
            if isinstance(earlier, Heading):
                if earlier.level < block.level:
                    break
                if earlier.level == block.level:
                    k += 1
        assert block.number == heading_number(block.level, k)
        assert block.full_text == block.number + "标题"


# -- page layout ----------------------------------------------------------------------------------------------------------

def test_page_is_a4_with_gbt9704_margins(plan_docx):
    section = plan_docx.sections[0]
    for value, mm in ((section.page_width, 210), (section.page_height, 297), (section.top_margin, 37),
                      (section.left_margin, 28), (section.right_margin, 26), (section.bottom_margin, 35)):
        assert abs(value.mm - mm) <= 0.5, (value.mm, mm)
    text_width = Emu(section.page_width - section.left_margin - section.right_margin)
    text_height = Emu(section.page_height - section.top_margin - section.bottom_margin)
    assert abs(text_width.mm - 156) <= 0.5 and abs(text_height.mm - 225) <= 0.5
    assert 20 <= section.footer_distance.mm <= 30 and section.header_distance.mm < 37


def test_document_grid_is_22_lines_of_28_characters(plan_docx):
    grid = plan_docx.sections[0]._sectPr.find(f"{W}docGrid")
    assert grid.get(qn("w:type")) == "linesAndChars"
    line_pitch = int(grid.get(qn("w:linePitch")))
    assert line_pitch == 579 and 22 * line_pitch <= layout.TEXT_HEIGHT < 23 * line_pitch
    char_space = int(grid.get(qn("w:charSpace")))
    pitch_pt = 16 + char_space / 4096
    assert 28 * pitch_pt * 20 <= layout.TEXT_WIDTH < 29 * pitch_pt * 20
    assert char_space == -842


def test_body_lines_are_exactly_28_95_pt_and_28_characters_fit(plan_docx):
    normal = style_el(plan_docx, "Normal")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert spacing.get(qn("w:lineRule")) == "exact" and spacing.get(qn("w:line")) == "579"
    assert normal.find(f"{W}pPr/{W}snapToGrid").get(qn("w:val")) == "0"
    tighten = int(normal.find(f"{W}rPr/{W}spacing").get(qn("w:val")))  # twentieths of a point
    assert 28 * (16 * 20 + tighten) <= layout.TEXT_WIDTH < 29 * (16 * 20 + tighten)


def test_normal_style_is_3hao_fangsong_indented_two_characters(plan_docx):
    normal = style_el(plan_docx, "Normal")
    assert size_pt(normal) == 16 and bold_off(normal)
    assert east_asia_font(normal) == DocFonts().body
    rfonts = normal.find(f"{W}rPr/{W}rFonts")
    assert {rfonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {DocFonts().body}
    ind = normal.find(f"{W}pPr/{W}ind")
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
    assert normal.find(f"{W}pPr/{W}jc").get(qn("w:val")) == "both"
    assert normal.find(f"{W}rPr/{W}lang").get(qn("w:eastAsia")) == "zh-CN"
    defaults = plan_docx.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(qn("w:eastAsia")) == DocFonts().body
    assert defaults.find(f"{W}lang").get(qn("w:eastAsia")) == "zh-CN"


def test_title_and_heading_styles(plan_docx):
    fonts = DocFonts()
    title = style_el(plan_docx, "GongwenTitle")
    assert size_pt(title) == 22 and east_asia_font(title) == fonts.title and bold_off(title)
    assert title.find(f"{W}pPr/{W}jc").get(qn("w:val")) == "center"
    expected = {1: fonts.heading1, 2: fonts.heading2, 3: fonts.body, 4: fonts.body}
    for level, font in expected.items():
        style = style_el(plan_docx, f"Heading{level}")
        assert east_asia_font(style) == font and size_pt(style) == 16 and bold_off(style), level
        assert style.find(f"{W}rPr/{W}color").get(qn("w:val")) == "000000"
        assert style.find(f"{W}pPr/{W}outlineLvl").get(qn("w:val")) == str(level - 1)
        assert style.find(f"{W}pPr/{W}ind").get(qn("w:firstLineChars")) == "200"


def test_no_theme_fonts_no_toc_no_autonumbering(tmp_path):
    _, path = write(build_plan(sample_snapshot(), today=TODAY), tmp_path)
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
        names = z.namelist()
    assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)[Tt]heme=", styles)
    assert "TOC" not in document and "<w:numPr>" not in document
    assert 'w:eastAsia="zh-CN"' in settings
    assert not any("stylesWithEffects" in n for n in names)


def test_custom_fonts_flow_into_the_styles(tmp_path):
    fonts = DocFonts(title="华文中宋", body="仿宋", heading1="微软雅黑", heading2="楷体", page_number="Times New Roman")
    doc, _ = write(build_plan(sample_snapshot(), today=TODAY), tmp_path, fonts)
    assert east_asia_font(style_el(doc, "Normal")) == "仿宋"
    assert east_asia_font(style_el(doc, "GongwenTitle")) == "华文中宋"
    assert east_asia_font(style_el(doc, "Heading1")) == "微软雅黑"
    assert east_asia_font(style_el(doc, "Heading2")) == "楷体"
    assert east_asia_font(style_el(doc, "Footer")) == "Times New Roman"
    assert east_asia_font(style_el(doc, "LeadChar")) == "楷体"
    assert east_asia_font(style_el(doc, "AttachmentLabel")) == "微软雅黑"


def test_page_numbers_odd_right_even_left(plan_docx):
    assert plan_docx.settings.odd_and_even_pages_header_footer
    section = plan_docx.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for paragraph in (odd, even):
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(f"{W}instrText"))
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
    assert jc(odd) == "right" and odd._p.find(f"{W}pPr/{W}ind").get(qn("w:rightChars")) == "100"
    assert jc(even) == "left" and even._p.find(f"{W}pPr/{W}ind").get(qn("w:leftChars")) == "100"
    footer = style_el(plan_docx, "Footer")
    assert size_pt(footer) == 14 and east_asia_font(footer) == DocFonts().page_number


def test_core_properties(plan_docx):
    props = plan_docx.core_properties
    assert props.title == f"{UNIT}“政府开放日”活动实施方案"
    assert props.language == "zh-CN" and props.author == UNIT and "python-docx" not in props.comments


def test_tables_have_widths_on_every_cell_and_in_the_grid(plan_docx):
    assert len(plan_docx.tables) >= 4  # route, duties, leading group, sign-up form
    for table in plan_docx.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(f"{W}tblLayout").get(qn("w:type")) == "fixed"
        borders = tbl.tblPr.find(f"{W}tblBorders")
        assert {child.tag.split("}")[1] for child in borders} >= {"top", "left", "bottom", "right", "insideH",
                                                                  "insideV"}
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(f"{W}gridCol")]
        assert all(grid) and sum(grid) <= layout.TEXT_WIDTH
        for tr in tbl.findall(f"{W}tr"):
            cells = tr.findall(f"{W}tc")
            total = 0
            for tc in cells:
                tcw = tc.find(f"{W}tcPr/{W}tcW")
                assert tcw is not None and tcw.get(qn("w:type")) == "dxa"
                total += int(tcw.get(qn("w:w")))
            assert abs(total - sum(grid)) <= len(grid)
    route = plan_docx.tables[0]
    header = route.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert [c.text for c in route.rows[0].cells] == ["时间", "内容", "地点", "讲解（负责）人"]
    cell_paragraph = route.rows[1].cells[1].paragraphs[0]
    assert cell_paragraph.style.style_id == "TableText"
    assert style_el(plan_docx, "TableText").find(f"{W}pPr/{W}ind").get(qn("w:firstLineChars")) == "0"


# -- the plan's content ---------------------------------------------------------------------------------------------------

def test_plan_headings_are_numbered_in_order(plan_docx):
    headings = heading_texts(plan_docx)
    level1 = [text for level, text in headings if level == 1]
    assert level1[:4] == ["一、总体要求", "二、活动主题", "三、时间和地点", "四、邀请对象"]
    assert level1[-1] == "十、联系方式"
    for i, text in enumerate(level1, start=1):
        assert text.startswith(heading_number(1, i))
    # The content section numbers its own （一）（二）; the route continues that numbering instead of restarting.
    paragraphs = texts(plan_docx)
    assert "（三）活动流程。具体安排如下：" in paragraphs
    assert not any(level == 2 for level, _ in headings)


def test_route_is_a_level2_heading_when_the_text_has_no_numbers(tmp_path):
    sections = tuple(sec._replace(body="观摩参观政务服务大厅，召开座谈会。") if sec.kind == "content" else sec
                     for sec in sample_snapshot().sections)
    doc, _ = write(build_plan(sample_snapshot(sections=sections), today=TODAY), tmp_path)
    assert (2, "（一）活动流程") in heading_texts(doc)


def test_notice_comes_first_and_its_own_page(plan_docx):
    paragraphs = [p for p in plan_docx.paragraphs if p.text]
    assert paragraphs[0].text == "西审管函字〔2026〕61号" and jc(paragraphs[0]) == "center"
    assert paragraphs[1].style.style_id == "GongwenTitle"
    assert paragraphs[1].text == f"关于印发《{UNIT}\n“政府开放日”活动实施方案》的通知"
    assert paragraphs[2].text.endswith("（窗口）：") and paragraphs[2].style.style_id == "Recipients"
    assert paragraphs[3].text == f"现将《{UNIT}“政府开放日”活动实施方案》印发给你们，请认真遵照执行。"
    assert paragraphs[4].style.style_id == "Signature" and paragraphs[4].text == UNIT
    assert paragraphs[5].style.style_id == "DocDate" and paragraphs[5].text == "2026年9月8日"
    plan_title = paragraphs[6]
    assert plan_title.text == f"{UNIT}\n“政府开放日”活动实施方案" and plan_title.paragraph_format.page_break_before


def test_without_notice_the_plan_starts_with_its_title_and_is_signed(tmp_path):
    doc, _ = write(build_plan(sample_snapshot(notice=Notice(enabled=False)), today=TODAY), tmp_path)
    first = next(p for p in doc.paragraphs if p.text)
    assert first.style.style_id == "GongwenTitle" and "通知" not in full_text(doc)
    dates = [p.text for p in doc.paragraphs if p.style.style_id == "DocDate"]
    assert dates[0] == "2026年9月1日"  # the others are the attached form's 承诺人 / 年月日 lines


def test_opening_names_the_basis_and_omits_an_empty_document_number(tmp_path):
    doc, _ = write(build_plan(sample_snapshot(), today=TODAY), tmp_path)
    assert "根据《西吉县“政府开放日”工作方案》（西政办发〔2026〕12号）要求" in full_text(doc)
    doc, _ = write(build_plan(sample_snapshot(basis_number=""), today=TODAY), tmp_path, name="b.docx")
    assert "根据《西吉县“政府开放日”工作方案》要求，结合" in full_text(doc) and "（）" not in full_text(doc)


def test_generated_sections_come_from_the_structured_data(plan_docx):
    text = full_text(plan_docx)
    assert "活动主题：深入推进审批服务便民化。" in text
    assert "2026年9月28日（星期一）上午9:00至11:40" in text and "西吉县政务服务大厅" in text
    assert "参加人员请于8:50前到政务服务大厅一楼正门集合" in text
    assert "共计25人，其中：政务公开义务监督员8人、企业及群众代表17人" in text
    assert "群众代表17人，占参加人数的68%，不低于三分之一" in text
    assert "组　长：李建国　党组书记" in text and "副组长：王志强　党组成员、局长" in text
    assert "领导小组下设办公室，张海燕同志兼任办公室主任" in text
    assert "报名人数超过计划人数时，按报名先后顺序确定参加人员" in text
    assert "报名人数不足时，由局综合办公室定向邀请补足。" in text and "视为主动放弃" in text
    assert "即日起至2026年9月21日止" in text and "“活动报名+姓名”" in text
    assert "联系人：刘晓梅" in text and "联系电话：0954-3012345" in text and "邮箱：kaifangri@example.com" in text
    duties = plan_docx.tables[1]
    assert [c.text for c in duties.rows[0].cells] == ["序号", "工作任务", "责任领导", "责任人员"]
    assert [c.text for c in duties.rows[2].cells] == ["2", "大厅功能布局、进驻事项及办事流程讲解", "马文斌",
                                                     "杨国栋、陈丽娟、周宏伟"]


def test_route_table_rows(plan_docx):
    rows = [[c.text for c in row.cells] for row in plan_docx.tables[0].rows[1:]]
    assert rows[0][0] == "9:00" and rows[0][3] == "刘晓梅（综合办公室主任）"
    assert rows[2][1] == "前往二楼（自动扶梯）"
    assert rows[4][:3] == ["10:20", "座谈会：听取工作情况汇报，座谈交流", "三楼会议室"]


def test_selection_by_the_office_and_no_undersubscribed_rule(tmp_path):
    snapshot = sample_snapshot(selection_rule="office_selects", undersubscribed_rule="")
    text = full_text(write(build_plan(snapshot, today=TODAY), tmp_path)[0])
    assert f"由{UNIT}“政府开放日”活动领导小组办公室根据报名情况，综合确定参加人员" in text
    assert "按报名先后顺序" not in text


def test_own_numbering_in_a_section_is_kept(plan_docx):
    paragraphs = plan_docx.paragraphs
    lead = next(p for p in paragraphs if p.text.startswith("（一）高度重视。"))
    assert lead.runs[0].text == "（一）高度重视。" and lead.runs[0].style.style_id == "LeadChar"
    assert lead.style.name == "Normal"


def test_attachments_start_on_new_pages(plan_docx):
    paragraphs = plan_docx.paragraphs
    notes = [p for p in paragraphs if p.style.style_id == "AttachmentNote"]
    note = notes[0]
    # One paragraph per attachment, each named as its title reads, kept together and with the text before.
    assert [p.text for p in notes] == [f"附件：1.{UNIT}“政府开放日”活动领导小组名单", f"2.{UNIT}“政府开放日”活动报名表"]
    assert notes[0].paragraph_format.keep_with_next and paragraphs[paragraphs.index(note) - 1].paragraph_format.keep_with_next
    # The wrapped part of a name continues under its first character: 2 + 3 (附件：) + 1 (“1.”) = 6 characters in.
    ind = notes[0]._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:leftChars")) == "600" and ind.get(qn("w:hangingChars")) == "400"
    ind = notes[1]._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:leftChars")) == "600" and ind.get(qn("w:hangingChars")) == "100"
    labels = [p for p in paragraphs if p.style.style_id == "AttachmentLabel"]
    assert [p.text for p in labels] == ["附件1", "附件2"]
    assert all(p.paragraph_format.page_break_before for p in labels)
    assert paragraphs.index(labels[0]) > paragraphs.index(note)
    label_style = style_el(plan_docx, "AttachmentLabel")
    assert east_asia_font(label_style) == DocFonts().heading1 and size_pt(label_style) is None  # 16 pt from Normal
    group = plan_docx.tables[2]
    assert [c.text for c in group.rows[0].cells] == ["职务", "姓名", "单位职务"]
    assert [c.text for c in group.rows[1].cells] == ["组长", "李建国", "党组书记"]
    text = full_text(plan_docx)
    assert text.index("附件2") < text.index("本人郑重承诺，此表内所有信息全部属实，如有任何不实，愿承担相应责任。")


def test_one_attachment_is_labelled_without_a_number(tmp_path):
    doc, _ = write(build_plan(sample_snapshot(attach_signup_form=False), today=TODAY), tmp_path)
    assert [p.text for p in doc.paragraphs if p.style.style_id == "AttachmentLabel"] == ["附件"]
    assert f"附件：{UNIT}“政府开放日”活动领导小组名单" in texts(doc)


def test_no_attachments_no_note(tmp_path):
    doc, _ = write(build_plan(sample_snapshot(attach_signup_form=False, attach_leading_group=False), today=TODAY),
                   tmp_path)
    assert not any(p.style.style_id in ("AttachmentNote", "AttachmentLabel") for p in doc.paragraphs)


def test_dates_are_never_zero_padded(tmp_path):
    snapshot = sample_snapshot(date=dt.date(2026, 9, 8), registration_deadline=dt.date(2026, 9, 1),
                               notice=Notice(enabled=True, date=dt.date(2026, 8, 5)),
                               start_time=dt.time(8, 30), gathering_time=dt.time(8, 5))
    for document in (build_plan(snapshot, today=TODAY), build_announcement(snapshot, today=TODAY),
                     build_signup_form(snapshot)):
        text = full_text(write(document, tmp_path)[0])
        assert not re.search(r"\d{4}年0\d月|月0\d日", text), text
        assert not re.search(r"(?<!\d)0\d:\d\d", text)
    assert "2026年9月8日（星期二）上午8:30" in full_text(write(build_plan(snapshot, today=TODAY), tmp_path)[0])


def test_an_empty_plan_still_builds(tmp_path):
    bare = PlanSnapshot(
        event_uuid="x", unit="某县某局", title="", theme="", basis_title="", basis_number="", date=None,
        start_time=None, end_time=None, venue="", gathering_place="", gathering_time=None, forms=(), experiences=(),
        registration_channels=(), registration_phone="", registration_email="", registration_deadline=None,
        selection_rule="first_come", undersubscribed_rule="", contact_person="", contact_phone="", contact_email="",
        reminders="", filing_date=None, announcement_date=None)
    for document in (build_plan(bare, today=TODAY), build_announcement(bare, today=TODAY), build_signup_form(bare)):
        doc, _ = write(document, tmp_path)
        assert "某县某局" in full_text(doc)
    text = full_text(write(build_plan(bare, today=TODAY), tmp_path)[0])
    assert "另行通知" in text and "（待定）" not in text  # an unsettled fact in the words notices use
    # no leading group yet: not "组成人员如下：" above an empty list (seen on a fresh event's plan)
    assert "组成人员如下" not in text and "领导小组，组成人员另行通知。" in text


# -- the announcement -----------------------------------------------------------------------------------------------------

def test_announcement_contains_all_thirteen_items(tmp_path):
    assert len(ANNOUNCEMENT_ITEMS) == 13 and ANNOUNCEMENT_ITEMS[0] == "报名方式" and ANNOUNCEMENT_ITEMS[-1] == "温馨提示"
    doc, _ = write(build_announcement(sample_snapshot(), today=TODAY), tmp_path)
    labelled = [p.text for p in doc.paragraphs if p.style.name.lower().startswith("heading")]
    labelled += [p.runs[0].text for p in doc.paragraphs if p.runs and p.runs[0].style.style_id == "LeadChar"]
    for item in ANNOUNCEMENT_ITEMS:
        assert any(item in label for label in labelled), item
    text = full_text(doc)
    assert doc.paragraphs[0].text == f"{UNIT}关于举办\n“政府开放日”活动的公告"
    assert "组　长：李建国　党组书记" in text and "副组长：王志强　党组成员、局长" in text  # 参加领导
    assert "共25人" in text and "0954-3012345" in text and "kaifangri@example.com" in text
    assert "进机关（机关开放）" in text and "座谈问答、问卷调查" in text and "窗口服务体验" in text
    # One heading hierarchy (一、（一）1.（1）): the points under 十一、温馨提示 and 八、活动形式 are （一）（二）….
    assert "（一）请携带本人身份证" in text and "1.请携带" not in text and "（一）进机关（机关开放）" in text
    signature = [p for p in doc.paragraphs if p.style.style_id in ("Signature", "DocDate")]
    assert [p.text for p in signature][:2] == [UNIT, "2026年9月8日"]
    # Where the 报名表 comes from: attached, and the 附件说明 names it by its title.
    assert "邮件报名请填写报名表（见附件）" in text
    notes = [p.text for p in doc.paragraphs if p.style.style_id == "AttachmentNote"]
    assert notes == [f"附件：{UNIT}“政府开放日”活动报名表"]
    assert any(p.text == "附件" and p.style.style_id == "AttachmentLabel" for p in doc.paragraphs)
    headings = [text for level, text in heading_texts(doc) if level == 1]
    assert headings[0] == "一、开放主题" and headings[-1] == "十一、温馨提示"


def test_announcement_shows_no_personal_numbers(tmp_path):
    doc, _ = write(build_announcement(sample_snapshot(), today=TODAY), tmp_path)
    assert not re.search(r"\d{17}[\dXx]", full_text(doc))
    route = doc.tables[0]
    assert [c.text for c in route.rows[0].cells] == ["时间", "内容", "地点"]  # guides' names stay internal


# -- the sign-up form -----------------------------------------------------------------------------------------------------

def test_signup_form_docx(tmp_path):
    doc, _ = write(build_signup_form(sample_snapshot()), tmp_path)
    assert doc.paragraphs[0].text == f"{UNIT}\n“政府开放日”活动报名表"
    table = doc.tables[0]
    labels = {cell.text for row in table.rows for cell in row.cells}
    for label in ("姓名", "性别", "出生年月", "身份证号", "联系电话", "工作单位", "职务", "参加类别", "通讯地址", "意见建议"):
        assert label in labels, label
    assert "□政务公开义务监督员　□企业及群众代表" in labels
    id_row = table.rows[2]._tr
    assert id_row.findall(f"{W}tc")[1].find(f"{W}tcPr/{W}gridSpan").get(qn("w:val")) == "3"
    text = full_text(doc)
    assert "本人郑重承诺，此表内所有信息全部属实，如有任何不实，愿承担相应责任。" in text
    signed = [p for p in doc.paragraphs if p.text.startswith("承诺人：") or p.text.startswith("年")]
    assert len(signed) == 2 and all(p.style.style_id == "DocDate" for p in signed)
    assert "kaifangri@example.com" in text and "2026年9月21日" in text and "“活动报名+姓名”" in text
    assert not doc.sections[0].footer.paragraphs[0].text  # a one-page form carries no page number


def test_signup_xlsx_is_a_printable_form_and_a_roster(tmp_path):
    path = write_signup_xlsx(sample_snapshot(), tmp_path / "form.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["报名表", "报名汇总"]
    form = book["报名表"]
    assert form["A1"].value == f"{UNIT}“政府开放日”活动报名表" and not form["A1"].font.bold  # 小标宋: never bold
    assert "A1:D1" in {str(r) for r in form.merged_cells.ranges}
    cells = {form.cell(r, c).value: (r, c) for r in range(1, form.max_row + 1) for c in range(1, 5)}
    for label in ("身份证号", "联系电话"):
        r, c = cells[label]
        assert form.cell(r, c + 1).number_format == "@", label
        assert form.cell(r, c + 1).border.left.style == "thin"
    assert form.print_title_rows == "$1:$1"
    assert int(form.page_setup.paperSize) == 9 and form.page_setup.orientation == "portrait"
    assert form.page_setup.fitToWidth == 1 and form.sheet_properties.pageSetUpPr.fitToPage
    assert any(v and "本人郑重承诺" in str(v) for v in cells)
    assert form.column_dimensions["B"].width >= 20
    roster = book["报名汇总"]
    header = [c.value for c in roster[1]]
    assert header == ["序号", "姓名", "性别", "身份证号", "联系电话", "工作单位", "职务", "参加类别", "报名方式", "报名时间",
                      "备注"]
    assert roster.freeze_panes == "A2" and roster.print_title_rows == "$1:$1"
    assert roster.page_setup.orientation == "landscape" and int(roster.page_setup.paperSize) == 9
    for letter in ("D", "E"):
        assert roster[f"{letter}2"].number_format == "@" and roster[f"{letter}200"].number_format == "@"
        assert roster.column_dimensions[letter].width >= 15
    lists = {str(dv.sqref): dv.formula1 for dv in roster.data_validations.dataValidation}
    assert lists["H2:H201"] == '"政务公开义务监督员,企业及群众代表"'


# -- export ---------------------------------------------------------------------------------------------------------------

def test_export_names_and_kinds(tmp_path):
    out = tmp_path / "out"
    names = []
    for kind in (k.key for k in kinds.KINDS if k.reads == "plan"):
        names += [p.name for p in export.export(kind, sample_snapshot(), DocFonts(), out, today=TODAY)]
    assert names == ["2026-09-28_西吉县审批服务管理局_实施方案.docx", "2026-09-28_西吉县审批服务管理局_活动公告.docx",
                     "2026-09-28_西吉县审批服务管理局_报名表.docx", "2026-09-28_西吉县审批服务管理局_报名表.xlsx"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    with pytest.raises(ValueError):
        export.export("poster", sample_snapshot(), DocFonts(), out)


def test_export_strips_illegal_characters_and_marks_an_open_date(tmp_path):
    files = export.export("plan", sample_snapshot(unit='某县<审批>局:"/\\|?*', date=None), DocFonts(), tmp_path,
                          today=TODAY)
    assert [f.name for f in files] == ["未定日期_某县审批局_实施方案.docx"]


def test_export_leaves_nothing_half_written(tmp_path, monkeypatch):
    from desktop_app.documents import export as export_module
    from desktop_app.documents import gongwen

    def broken(document, path, fonts):
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gongwen, "write_docx", broken)
    with pytest.raises(OSError):
        export_module.export("plan", sample_snapshot(), DocFonts(), tmp_path, today=TODAY)
    assert list(tmp_path.iterdir()) == []


# -- preview and odd blocks -----------------------------------------------------------------------------------------------

def test_preview_shows_the_same_headings_and_text(tmp_path):
    document = build_plan(sample_snapshot(), today=TODAY)
    page = html_preview(document, DocFonts())
    doc, _ = write(document, tmp_path)
    for _level, text in heading_texts(doc):
        assert text in page
    assert "“政府开放日”活动实施方案" in page and "text-indent:43px" in page and "border=\"1\"" in page
    assert "dashed" in page and "西审管函字〔2026〕61号" in page
    assert "\x00" not in page and 'colspan="3"' in page


def test_pictures_page_breaks_and_line_breaks(tmp_path):
    document = Document("图片", (
        PageBreak(),  # nothing before it: no empty first page
        Title("第一行\n第二行"),
        Picture(png(), 80, "现场照片"),
        Paragraph("说明", role="note"),
        PageBreak(),
        Table(("甲", "乙"), (("1", "2"),), (78, 78)),
        Paragraph("结束"),
    ))
    doc, _ = write(document, tmp_path)
    body = doc.element.body
    assert len(body.findall(f".//{W}drawing")) == 1
    picture = next(p for p in doc.paragraphs if p._p.findall(f".//{W}drawing"))
    assert picture.style.style_id == "PictureParagraph"
    assert abs(doc.inline_shapes[0].width.mm - 80) < 0.5
    assert next(p for p in doc.paragraphs if p.text == "现场照片").style.style_id == "PictureCaption"
    title = doc.paragraphs[0]
    assert title.text == "第一行\n第二行" and not title.paragraph_format.page_break_before
    breaks = body.findall(f".//{W}br")
    assert any(br.get(qn("w:type")) == "page" for br in breaks)  # before the table: a break in the paragraph above
    page = html_preview(document, DocFonts())
    assert "data:image/png;base64," in page and "第一行<br/>第二行" in page


def test_tables_in_a_row_stay_apart_and_a_break_after_a_table_is_kept(tmp_path):
    table = Table(("甲", "乙"), (("1", "2"),), (78, 78))
    doc, _ = write(Document("表", (table, table, PageBreak(), table)), tmp_path)
    body = [child.tag.split("}")[1] for child in doc.element.body]
    assert body[:5] == ["tbl", "p", "tbl", "p", "tbl"]
    assert doc.paragraphs[1].paragraph_format.page_break_before
    assert body[-2:] == ["p", "sectPr"]  # Word ends a body with a paragraph


def test_signature_is_kept_with_the_last_lines_of_text(tmp_path):
    doc, _ = write(build_announcement(sample_snapshot(), today=TODAY), tmp_path)
    paragraphs = doc.paragraphs
    signature = next(i for i, p in enumerate(paragraphs) if p.style.style_id == "Signature")
    assert paragraphs[signature - 1].paragraph_format.keep_with_next
    assert style_el(doc, "Signature").find(f"{W}pPr/{W}keepNext") is not None  # and with its date


def test_attachment_note_is_never_split_over_two_pages(tmp_path):
    from desktop_app.documents import docx_styles

    path = tmp_path / "plan.docx"
    write_docx(build_plan(sample_snapshot(), today=dt.date(2026, 9, 1)), path, DocFonts())
    style = next(s for s in open_docx(str(path)).styles if s.style_id == docx_styles.ATTACHMENT_NOTE)
    assert style.paragraph_format.keep_together
    assert not style.paragraph_format.keep_with_next  # the attachments start on the next page


def test_only_errors_about_the_target_folder_blame_the_folder(tmp_path):
    import errno as errnos

    out = tmp_path / "usb"
    assert export.is_target_error(OSError(errnos.ENOSPC, "No space left on device"), out)
    assert export.is_target_error(PermissionError(errnos.EACCES, "denied", str(out / "a.docx")), out)
    assert export.is_target_error(FileNotFoundError(errnos.ENOENT, "gone", str(out)), out)
    assert not export.is_target_error(FileNotFoundError(errnos.ENOENT, "missing", "/app/docx/templates/x.docx"), out)


def test_every_exported_docx_names_the_role_fonts_with_fallbacks_and_no_japanese_theme(tmp_path, workspace):
    """Word or WPS on a stock Windows without 仿宋_GB2312 or 方正小标宋简体 substitutes the face the font table names
    (w:altName); the theme's East Asian fonts are 宋体, not ＭＳ 明朝; no title is bold on top of 小标宋."""
    import zipfile

    from desktop_app.demo import create_demo_event
    from desktop_app.documents import export as ex
    from desktop_app.services import exports

    held = create_demo_event(held=True)
    files = []
    for kind in ex.KINDS:
        files += ex.export(kind, out_dir=tmp_path, **exports.sources(kind, held.id))
    docs = [f for f in files if f.suffix == ".docx"]
    assert len(docs) == 14
    for path in docs:
        with zipfile.ZipFile(path) as z:
            table = z.read("word/fontTable.xml").decode("utf-8")
            theme = next(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/theme/"))
            body = z.read("word/document.xml").decode("utf-8")
            styles = z.read("word/styles.xml").decode("utf-8")
        for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
            assert re.search(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>', table), (path.name, name)
        assert "ＭＳ" not in table and "ＭＳ" not in theme and "Mincho" not in theme, path.name
        title_style = re.search(r'<w:style [^>]*w:styleId="GongwenTitle".*?</w:style>', styles, re.S)
        if title_style:
            assert '<w:b w:val="0"/>' in title_style.group(0)
        assert "<w:b/>" not in body or path.stem.endswith("参观证"), path.name


def test_a_full_body_line_holds_28_characters(tmp_path):
    """22 lines × 28 characters: Word's and WPS's arithmetic always; LibreOffice by rendering the plan's body, where
    soffice is installed (it broke after 27 with -0.25 pt of character spacing)."""
    import shutil
    import subprocess

    from desktop_app.documents import layout
    from desktop_app.documents.gongwen import write_docx
    from desktop_app.documents.model import Document, Paragraph
    from desktop_app.domain.plan import DocFonts

    pitch = layout.BODY_PT * 20 + layout.CHAR_SPACING
    assert pitch * 28 <= layout.TEXT_WIDTH < pitch * 29
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not (soffice and pdftotext):
        pytest.skip("LibreOffice and pdftotext are not installed here")
    text = "政府开放日活动邀请群众走进机关了解服务事项办理流程和便民举措增进理解和信任" * 3
    path = write_docx(Document("t", (Paragraph(text, role="recipients"),), page_numbers=False),
                      tmp_path / "line.docx", DocFonts())
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    lines = subprocess.run([pdftotext, str(tmp_path / "line.pdf"), "-"], check=True, capture_output=True,
                           text=True).stdout.split()
    assert [len(line) for line in lines[:3]] == [28, 28, 28], lines
    # The plan itself: its full body lines (Chinese text only, no digits or Latin letters to narrow them) hold 28.
    plan = write_docx(build_plan(sample_snapshot(), today=TODAY), tmp_path / "plan.docx", DocFonts())
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(plan)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([pdftotext, str(tmp_path / "plan.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    # (A line ending in a full-width mark may take a 29th: readers squeeze the mark, as Word does.)
    chinese = [line for line in text.splitlines() if line and not re.search(r"[\x00-\x7f]", line)
               and line[-1] not in "。，、；：）”"]
    assert max(len(line) for line in chinese) == 28 and sum(len(line) == 28 for line in chinese) >= 5


def test_the_signature_is_centred_over_the_date(tmp_path):
    """GB/T 9704 7.3.5.1: 成文日期 four characters from the right, the 署名 centred over it."""
    from docx import Document as Docx

    from desktop_app.documents.gongwen import write_docx
    from desktop_app.documents.layout import text_units as text_width
    from desktop_app.documents.model import Document, Paragraph

    def indents(unit: str, date: str):
        doc = Docx(str(write_docx(Document("t", (Paragraph("正文。"), Paragraph(unit, role="signature"),
                                                 Paragraph(date, role="date"))), tmp_path / "s.docx", DocFonts())))
        sig, day = doc.paragraphs[1], doc.paragraphs[2]
        return [int(p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) / 100 for p in (sig, day)]

    sig, day = indents("西吉县审批服务管理局", "2026年11月2日")
    assert day == 4 and sig + text_width("西吉县审批服务管理局") / 2 == day + text_width("2026年11月2日") / 2
    sig, day = indents("局", "2026年11月20日")
    assert day == 4 and sig > 4
    sig, day = indents("宁夏回族自治区固原市西吉县审批服务管理局办公室", "2026年11月2日")
    assert sig == 0 and day > 4  # a long signature keeps no indent; the date moves to stay centred under it


def test_table_headers_are_not_broken_inside_a_word():
    from desktop_app.documents import layout
    from desktop_app.documents.feedback_docs import REPORT_COLUMNS, REPORT_WIDTHS

    widths = layout.header_widths(REPORT_COLUMNS, REPORT_WIDTHS, 10.5)
    assert abs(sum(widths) - sum(REPORT_WIDTHS)) < 1e-6
    for column, width in zip(REPORT_COLUMNS, widths, strict=True):
        needed = layout.text_units(column) * 10.5 * layout.MM_PER_PT + 2 * layout.CELL_MARGIN_MM
        assert width >= needed, column
    # A header that cannot fit whatever is done keeps what it was given.
    assert layout.header_widths(("很长很长很长的表头", "短"), (10, 10), 14) == [10.0, 10.0]


def test_a_plan_with_its_notice_ends_with_the_imprint(tmp_path):
    snapshot = sample_snapshot()
    notice = snapshot.notice._replace(enabled=True, doc_number="西审管函字〔2026〕61号",
                                 date=dt.date(2026, 9, 1))
    doc, path = write(build_plan(snapshot._replace(notice=notice), today=TODAY), tmp_path)
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    assert last.style.style_id == "Imprint" and last.text == f"{UNIT}\t2026年9月1日印发"
    assert last._p.find(".//" + qn("w:tab")) is not None  # a real tab stop, right-aligned by the style
    style = style_el(doc, "Imprint")
    borders = style.find(qn("w:pPr")).find(qn("w:pBdr"))
    assert borders.find(qn("w:top")) is not None and borders.find(qn("w:bottom")) is not None
    # GB/T 9704 §10: the first and last rules heavier (0.35 mm = 1 pt = sz 8), thin rules between lines
    assert borders.find(qn("w:top")).get(qn("w:sz")) == borders.find(qn("w:bottom")).get(qn("w:sz")) == "8"
    assert int(borders.find(qn("w:between")).get(qn("w:sz"))) < 8
    # … at the foot of the last page, an even one, which carries no page number
    last_section = doc.sections[-1]
    assert len(doc.sections) == 2 and last_section.start_type == WD_SECTION.EVEN_PAGE
    frame = last._p.find(qn("w:pPr")).find(qn("w:framePr"))
    assert frame is not None and frame.get(qn("w:yAlign")) == "bottom" and frame.get(qn("w:vAnchor")) == "margin"
    assert not last_section.footer.is_linked_to_previous and not any(
        p.text.strip() for p in last_section.footer.paragraphs + last_section.even_page_footer.paragraphs)
    assert any("— " in p.text for p in doc.sections[0].footer.paragraphs)  # the text's pages keep their numbers
    order = [child.tag.split("}")[1] for child in style.find(qn("w:pPr"))]
    assert order.index("pBdr") < order.index("tabs") < order.index("spacing")
    plain = build_plan(snapshot._replace(notice=notice._replace(enabled=False)),
                       today=TODAY)  # no 印发通知: no 版记
    assert not any(getattr(b, "role", "") == "imprint" for b in plain.blocks)


def test_the_notice_can_carry_a_masthead_in_red_over_a_red_rule(tmp_path):
    """The optional 版头 (GB/T 9704 7.2): the 发文机关标志 in red 小标宋 on one line, then the 发文字号 with the red
    rule the width of the text block under it, then the title; without a mark, the notice is as before."""
    snapshot = sample_snapshot()
    mark = "西吉县审批服务管理局文件"
    notice = snapshot.notice._replace(enabled=True, doc_number="西审管发〔2026〕61号", masthead=mark)
    doc, _ = write(build_plan(snapshot._replace(notice=notice), today=TODAY), tmp_path)
    paragraphs = [p for p in doc.paragraphs if p.text]
    assert paragraphs[0].text == mark and paragraphs[0].style.style_id == "Masthead"
    masthead = style_el(doc, "Masthead")
    assert masthead.find(qn("w:rPr")).find(qn("w:color")).get(qn("w:val")) == "FF0000"
    size = paragraphs[0].runs[0].font.size.pt
    assert size * len(mark) <= 156 / 25.4 * 72 + 1  # one line: twelve characters set smaller than 初号
    assert paragraphs[1].text == "西审管发〔2026〕61号" and paragraphs[1].style.style_id == "DocNumber"
    rule = style_el(doc, "DocNumber").find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:val")) == "single"
    assert paragraphs[2].style.style_id == "GongwenTitle"
    plain = write(build_plan(snapshot._replace(notice=notice._replace(masthead="")), today=TODAY), tmp_path)[0]
    assert not any(p.style.style_id in ("Masthead", "DocNumber") for p in plain.paragraphs)
