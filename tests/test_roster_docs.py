"""The roster's documents read back: the internal and masked 邀请名单 (.xlsx), the 签到表 (.docx and .xlsx) and the
参观证 (.docx) — who is on them, in which order, what personal data they show, and their print layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import struct
import zipfile

import pytest
import segno
from docx import Document as open_docx
from docx.oxml.ns import qn
from openpyxl import load_workbook

from desktop_app.documents import export, kinds, layout
from desktop_app.documents.gongwen import write_docx
from desktop_app.documents.model import Document, Table
from desktop_app.documents.passes import (
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    NOBODY,
    PAGE_MARGIN_MM,
    QR_MM,
    write_passes_docx,
)
from desktop_app.documents.preview import html_preview
from desktop_app.documents.roster_xlsx import mask_text, write_roster_xlsx, write_signin_xlsx
from desktop_app.documents.signin import WALK_IN_ROWS, build_signin_sheet
from desktop_app.domain import idcard, phones
from desktop_app.domain.plan import DocFonts
from desktop_app.domain.roster import RosterPerson, RosterSnapshot, is_pass_code, mask_id, new_pass_code

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = dt.date(2026, 9, 28)
UNIT = "西吉县审批服务管理局"
CATEGORIES = ("政务公开义务监督员", "企业及群众代表")
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
# 30 people in the plan's two categories (interleaved) and 2 in none; mixed statuses.
STATUS_CYCLE = ("confirmed", "confirmed", "registered", "confirmed", "waitlisted", "confirmed", "cancelled",
                "confirmed", "not_selected", "confirmed")
DIGITS = re.compile(r"\d{7,}")  # an ID number or a phone number, or a long part of one


def make_roster(count: int = 30, *, statuses=STATUS_CYCLE) -> RosterSnapshot:
    taken: set[str] = set()
    people = []
    for i in range(count):
        status = statuses[i % len(statuses)]
        # The first person is in the plan's second category: the documents must follow the plan's order.
        category = "" if i in (13, 27) else CATEGORIES[0 if i % 3 == 1 else 1]
        code = ""
        if status == "confirmed" and i != 3:  # person 3 is confirmed but has no pass code yet
            code = new_pass_code(taken)
            taken.add(code)
        id_number = idcard.make("640422", dt.date(1970 + i, 1 + i % 12, 1 + i % 28), 100 + i)
        people.append(RosterPerson(
            name=SURNAMES[i % len(SURNAMES)] + ("建国", "秀兰", "海燕", "志强", "立新")[i % 5], gender="男" if (100 + i) % 2 else "女",
            id_number=id_number, phone=f"139{51000000 + i * 7919:08d}", organisation=f"西吉县第{i + 1}社区居委会",
            position_title="主任" if i % 3 == 0 else "", category=category, status=status, pass_code=code,
            source="公开报名", channel="电话", registered_at=dt.datetime(2026, 9, 10, 8, 30) + dt.timedelta(hours=i),
            notes={1: f"本人手机{f'139{51000000 + i * 7919:08d}'}，身份证{id_number}", 2: "=1+1"}.get(i, "")))
    return RosterSnapshot("2026年“政府开放日”活动", UNIT, DAY, "西吉县政务服务大厅", CATEGORIES, tuple(people))


@pytest.fixture
def roster() -> RosterSnapshot:
    return make_roster()


def confirmed_in_plan_order(snapshot: RosterSnapshot) -> list[RosterPerson]:
    order = {name: i for i, name in enumerate(snapshot.categories)}
    people = [p for p in snapshot.people if p.status == "confirmed"]
    return sorted(people, key=lambda p: order.get(p.category, len(order)))  # stable: keeps the roster's order


def personal_numbers(snapshot: RosterSnapshot) -> list[str]:
    return [p.id_number for p in snapshot.people] + [p.phone for p in snapshot.people]


def zip_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(name).decode("utf-8", "replace") for name in z.namelist()
                         if name.endswith((".xml", ".rels")))


def all_cells(book) -> list[str]:
    return [str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def docx_texts(doc) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in doc.element.body.iter(f"{W}p")]


def cell_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


# -- the 邀请名单 --------------------------------------------------------------------------------------------------------

ROSTER_HEADER = ["序号", "姓名", "性别", "身份证号", "联系电话", "单位", "职务", "类别", "状态", "参观证号", "来源", "报名方式",
                 "报名时间", "备注"]


def test_roster_xlsx_has_every_field_with_ids_and_phones_as_text(tmp_path, roster):
    sheet = load_workbook(write_roster_xlsx(roster, tmp_path / "r.xlsx")).active
    assert sheet["A1"].value == "2026年“政府开放日”活动邀请名单" and not sheet["A1"].font.bold
    assert {"A1:N1", "A2:N2"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert UNIT in sheet["A2"].value and "2026年9月28日" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == ROSTER_HEADER
    for offset, person in enumerate(roster.people):
        row = [c for c in sheet[4 + offset]]
        assert row[0].value == offset + 1 and row[1].value == person.name
        for cell, expected in ((row[3], person.id_number), (row[4], person.phone)):
            assert cell.value == expected and cell.data_type == "s" and cell.number_format == "@"
        assert row[8].value == {"confirmed": "已确认", "registered": "已报名", "waitlisted": "候补",
                                "cancelled": "已取消", "not_selected": "未入选"}[person.status]
        assert (row[9].value or "") == person.pass_code
        assert row[12].value == person.registered_at and row[12].number_format == "yyyy-mm-dd hh:mm"
        assert (row[13].value or "") == person.notes and row[13].data_type == ("s" if person.notes else "n")
    assert sheet.max_row == 3 + len(roster.people)


def test_roster_xlsx_layout(tmp_path, roster):
    sheet = load_workbook(write_roster_xlsx(roster, tmp_path / "r.xlsx")).active
    assert sheet.freeze_panes == "C4"  # below the header, 序号 and 姓名 in view
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.auto_filter.ref == f"A3:N{3 + len(roster.people)}"
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9 and setup.orientation == "landscape"
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["D"].width >= 20 and sheet.column_dimensions["E"].width >= 13
    assert all(sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMN")


def test_masked_roster_shows_no_full_id_or_phone_anywhere(tmp_path, roster):
    path = write_roster_xlsx(roster, tmp_path / "m.xlsx", masked=True)
    sheet = load_workbook(path).active
    assert sheet["A1"].value.endswith("（脱敏）")
    for offset, person in enumerate(roster.people):
        id_cell, phone_cell = sheet.cell(4 + offset, 4), sheet.cell(4 + offset, 5)
        assert id_cell.value == mask_id(person.id_number) and id_cell.number_format == "@"
        assert phone_cell.value == phones.mask(person.phone) and re.fullmatch(r"139\*{4}\d{4}", phone_cell.value)
    cells = all_cells(load_workbook(path))
    raw = zip_text(path)
    for number in personal_numbers(roster):
        assert not any(number in value for value in cells), number
        assert number not in raw, number
    assert not any(re.search(r"\d{11}", value) for value in cells)  # no phone, no ID, nor 11 digits of one
    header = [sheet.cell(3, c).value for c in range(1, sheet.max_column + 1)]
    assert "参观证号" not in header  # the pass code is the check-in credential: not in a copy that leaves
    assert not any(p.pass_code and p.pass_code in cells for p in roster.people)
    notes = sheet.cell(5, header.index("备注") + 1).value  # person 1 typed both numbers into 备注
    assert notes == f"本人手机{phones.mask(roster.people[1].phone)}，身份证{mask_id(roster.people[1].id_number)}"


def test_mask_text_masks_ids_and_mobiles_in_free_text():
    number = idcard.make("640422", dt.date(1980, 5, 6), 123)
    assert mask_text(f"电话+86 13812345678；证件{number.lower()}") == f"电话138****5678；证件{mask_id(number)}"
    assert mask_text("会议室301，9:00") == "会议室301，9:00"


# -- the 签到表 ----------------------------------------------------------------------------------------------------------

def test_signin_docx_groups_confirmed_people_by_category(tmp_path, roster):
    path = write_docx(build_signin_sheet(roster), tmp_path / "s.docx", DocFonts())
    doc = open_docx(str(path))
    paragraphs = docx_texts(doc)
    assert doc.paragraphs[0].text == f"{UNIT}\n2026年“政府开放日”活动签到表"
    assert "时间：2026年9月28日　　地点：西吉县政务服务大厅" in paragraphs
    expected = confirmed_in_plan_order(roster)
    # A fact, not an instruction to the user: the number expected (the confirmed).
    assert f"应到{len(expected)}人。" in paragraphs and not any("本表仅列入" in p for p in paragraphs)
    captions = [p.text for p in doc.paragraphs if p.style.style_id == "Heading1"]
    groups = [[p for p in expected if p.category == name] for name in (*CATEGORIES, "")]
    assert captions == [f"{name}（{len(people)}人）" for name, people in zip((*CATEGORIES, "未分类"), groups,
                                                                              strict=True)]
    assert len(doc.tables) == 3
    rows = []
    for table, people in zip(doc.tables, groups, strict=True):
        assert [c.text for c in table.rows[0].cells] == ["序号", "姓名", "单位", "类别", "签名", "时间"]
        body = [[c.text for c in row.cells] for row in table.rows[1:]]
        # Each group ends with blank rows for walk-ins, their 类别 filled in.
        blank = body[-WALK_IN_ROWS:]
        assert all(r[:3] == ["", "", ""] and r[3] == (people[0].category or "") for r in blank)
        body = body[:-WALK_IN_ROWS]
        assert [r[1] for r in body] == [p.name for p in people]
        assert all(r[4] == "" and r[5] == "" for r in body)
        # The last two rows stay on one page (no page holding a single row).
        second_last = table.rows[-2].cells[0].paragraphs[0]
        assert second_last.paragraph_format.keep_with_next
        rows += body
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(expected) + 1)]  # 序号 runs on
    assert [r[3] for r in rows] == [p.category for p in expected]
    assert {r[1] for r in rows} == {p.name for p in roster.people if p.status == "confirmed"}
    assert doc.sections[0].footer.paragraphs[0].text.startswith("— ")  # page numbers


def test_signin_docx_shows_no_phone_or_id(tmp_path, roster):
    path = write_docx(build_signin_sheet(roster), tmp_path / "s.docx", DocFonts())
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    assert not DIGITS.search(text)
    for number in personal_numbers(roster):
        assert number not in xml and number[-4:] not in text


def test_signin_docx_tables_repeat_their_header_and_leave_room_to_sign(tmp_path, roster):
    doc = open_docx(str(write_docx(build_signin_sheet(roster), tmp_path / "s.docx", DocFonts())))
    for table in doc.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
        assert sum(grid) <= layout.TEXT_WIDTH
        for r, tr in enumerate(table._tbl.findall(f"{W}tr")):
            assert (tr.find(f"{W}trPr/{W}tblHeader") is not None) == (r == 0)
            height = int(tr.find(f"{W}trPr/{W}trHeight").get(qn("w:val")))
            assert height >= layout.mm_to_twips(12) if r else height == layout.mm_to_twips(8)
            widths = [int(tc.find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) for tc in tr.findall(f"{W}tc")]
            assert widths == grid
        signature = grid[4]
        assert signature >= layout.mm_to_twips(25)


def test_signin_xlsx(tmp_path, roster):
    path = write_signin_xlsx(roster, tmp_path / "s.xlsx")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == f"{UNIT}2026年“政府开放日”活动签到表"
    assert [c.value for c in sheet[4]] == ["序号", "姓名", "单位", "类别", "签名", "时间"]
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows == "$4:$4"
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth == 1
    expected = confirmed_in_plan_order(roster)
    captions, names = [], []
    for row in sheet.iter_rows(min_row=5):
        values = [c.value for c in row]
        if values[0] is None:  # a blank row for a walk-in
            assert values[1] is None and values[2] is None
            continue
        if values[1] is None:
            captions.append(values[0])
        else:
            names.append(values[1])
            assert values[4] is None and values[5] is None
            assert sheet.row_dimensions[row[0].row].height >= 30
    assert names == [p.name for p in expected]
    groups = [[p for p in expected if p.category == name] for name in (*CATEGORIES, "")]
    assert captions == [f"{name}（{len(people)}人）" for name, people in zip((*CATEGORIES, "未分类"), groups,
                                                                              strict=True)]
    cells = all_cells(load_workbook(path))
    raw = zip_text(path)
    for number in personal_numbers(roster):
        assert not any(number in value for value in cells) and number not in raw
    assert not any(DIGITS.search(value) for value in cells)


def test_an_empty_roster_still_gives_a_sheet(tmp_path):
    empty = dataclasses.replace(make_roster(), people=())
    doc = open_docx(str(write_docx(build_signin_sheet(empty), tmp_path / "s.docx", DocFonts())))
    assert NOBODY in docx_texts(doc) and not doc.tables
    assert load_workbook(write_signin_xlsx(empty, tmp_path / "s.xlsx")).active["A3"].value == NOBODY
    assert load_workbook(write_roster_xlsx(empty, tmp_path / "r.xlsx")).active.max_row == 3


def test_a_table_row_height_reaches_the_word_file_and_the_preview(tmp_path):
    tall = Table(("甲", "乙"), (("1", ""),), (78, 78), row_height_mm=15)
    plain = Table(("甲", "乙"), (("1", ""),), (78, 78))
    doc = open_docx(str(write_docx(Document("表", (tall, plain)), tmp_path / "t.docx", DocFonts())))
    heights = [[int(tr.find(f"{W}trPr/{W}trHeight").get(qn("w:val"))) for tr in t._tbl.findall(f"{W}tr")]
               for t in doc.tables]
    assert heights == [[layout.mm_to_twips(8), layout.mm_to_twips(15)], [layout.mm_to_twips(8)] * 2]
    assert "padding-top" in html_preview(Document("表", (tall,)), DocFonts())
    assert "padding-top" not in html_preview(Document("表", (plain,)), DocFonts())


# -- the 参观证 ----------------------------------------------------------------------------------------------------------

def expected_qr(code: str) -> bytes:
    """The PNG segno makes for the code alone: error correction M, a regular (not Micro) QR code."""
    buffer = io.BytesIO()
    segno.make_qr(code, error="m", boost_error=False).save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def holders(snapshot: RosterSnapshot) -> list[RosterPerson]:
    return [p for p in confirmed_in_plan_order(snapshot) if p.pass_code]


def test_passes_one_card_per_confirmed_person_with_a_code(tmp_path, roster):
    path = write_passes_docx(roster, tmp_path / "p.docx", DocFonts())
    doc = open_docx(str(path))
    expected = holders(roster)
    assert len(expected) == 17 and all(is_pass_code(p.pass_code) for p in expected)
    outer = doc.tables[0]
    cards = [cell_text(tc) for tr in outer._tbl.findall(f"{W}tr") for tc in tr.findall(f"{W}tc")]
    assert len(cards) == 18 and cards[-1] == ""  # 17 cards, the last row's second place empty
    for card, person in zip(cards, expected, strict=False):
        assert "参　观　证" in card and person.name in card and person.pass_code in card
        assert f"类别：{person.category or '—'}" in card and "2026年“政府开放日”活动" in card
    blobs = [shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in doc.inline_shapes]
    images = [doc.part.related_parts[rid].blob for rid in blobs]
    assert images == [expected_qr(p.pass_code) for p in expected]
    for image, person in zip(images, expected, strict=True):
        width, height = struct.unpack(">II", image[16:24])
        modules = segno.make_qr(person.pass_code, error="m").symbol_size(border=4)[0]
        assert width == height == modules * 10 and segno.make_qr(person.pass_code).version == 1
    assert all(abs(shape.width.mm - QR_MM) < 0.1 and shape.width == shape.height for shape in doc.inline_shapes)


def test_passes_show_no_phone_or_id(tmp_path, roster):
    path = write_passes_docx(roster, tmp_path / "p.docx", DocFonts())
    raw = zip_text(path)
    # Runs apart: a pass code ending in digits is followed by the date in the next run ("…269" "2026年…").
    text = "\n".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", raw))
    assert not DIGITS.search(text)
    for number in personal_numbers(roster):
        assert number not in raw


def test_passes_page_holds_eight_cards_with_dashed_cut_lines(tmp_path, roster):
    doc = open_docx(str(write_passes_docx(roster, tmp_path / "p.docx", DocFonts())))
    section = doc.sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert abs(section.left_margin.mm - PAGE_MARGIN_MM) < 0.1
    text_height = section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm
    text_width = section.page_width.mm - section.left_margin.mm - section.right_margin.mm
    assert 4 * CARD_HEIGHT_MM + 5 <= text_height < 5 * CARD_HEIGHT_MM and 2 * CARD_WIDTH_MM <= text_width
    outer = doc.tables[0]._tbl
    borders = outer.tblPr.find(f"{W}tblBorders")
    assert {b.get(qn("w:val")) for b in borders} == {"dashed"} and len(borders) == 6
    grid = [int(c.get(qn("w:w"))) for c in outer.tblGrid.findall(f"{W}gridCol")]
    assert grid == [layout.mm_to_twips(CARD_WIDTH_MM)] * 2
    for tr in outer.findall(f"{W}tr"):
        height = tr.find(f"{W}trPr/{W}trHeight")
        assert height.get(qn("w:hRule")) == "exact" and int(height.get(qn("w:val"))) == layout.mm_to_twips(65)
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert [int(tc.find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) for tc in tr.findall(f"{W}tc")] == grid


def test_passes_name_east_asian_fonts(tmp_path, roster):
    fonts = DocFonts(title="华文中宋", body="仿宋", heading1="微软雅黑")
    path = write_passes_docx(roster, tmp_path / "p.docx", fonts)
    doc = open_docx(str(path))
    east_asia = {r.get(qn("w:eastAsia")) for r in doc.element.body.iter(f"{W}rFonts")}
    assert east_asia == {"华文中宋", "仿宋", "微软雅黑"}
    assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)[Tt]heme=", zip_text(path).split("word/theme")[0])
    assert doc.core_properties.language == "zh-CN"


def test_no_pass_holders_gives_one_page_saying_so(tmp_path):
    nobody = make_roster(6, statuses=("registered", "waitlisted"))
    doc = open_docx(str(write_passes_docx(nobody, tmp_path / "p.docx", DocFonts())))
    assert not doc.tables and not doc.inline_shapes and docx_texts(doc)[0] == NOBODY


# -- export ------------------------------------------------------------------------------------------------------------

ROSTER_KINDS = [k.key for k in kinds.KINDS if k.reads == "roster" and not k.on_the_day]


def test_export_roster_kinds(tmp_path, roster):
    assert export.KINDS[:3] == ("plan", "announcement", "signup-form")
    names = []
    for kind in ROSTER_KINDS:
        names += [p.name for p in export.export(kind, None, DocFonts(), tmp_path, roster=roster)]
    names += [p.name for p in export.export("roster", None, DocFonts(), tmp_path, roster=roster, masked=True)]
    stem = f"2026-09-28_{UNIT}_"
    assert names == [stem + "邀请名单.xlsx", stem + "签到表.docx", stem + "签到表.xlsx", stem + "参观证.docx",
                     stem + "邀请名单_脱敏.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    masked = load_workbook(tmp_path / (stem + "邀请名单_脱敏.xlsx")).active
    assert masked["D4"].value == mask_id(roster.people[0].id_number)


def test_export_roster_kinds_need_a_roster(tmp_path):
    for kind in ROSTER_KINDS:
        with pytest.raises(ValueError, match="roster"):
            export.export(kind, None, DocFonts(), tmp_path)
    assert list(tmp_path.iterdir()) == []
