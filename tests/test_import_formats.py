"""Sign-up data as offices receive it: .xls (xlwt), .ods (odfpy), an HTML table and Excel 2003 XML named .xls, CSV
in GB18030 and UTF-16, survey-platform exports (问卷星, 腾讯问卷, 问卷网), files built here; the messy workbook of
test_import in every format it can be written in; hostile text and files; the CLI's --column; the template contract;
the dialog's platform note and remembered mapping."""

from __future__ import annotations

import datetime as dt
import html
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.roster import RosterContext
from desktop_app.errors import UserError
from desktop_app.importers import formats, spreadsheet
from desktop_app.importers import roster as importer

from .conftest import FIXTURES, run_cli
from .test_import import DAY, EXPECTED, PUB, SUP, existing_id, messy_workbook, phone, pid

xlwt = pytest.importorskip("xlwt")
EPOCH = dt.datetime(1899, 12, 30)


# -- writers: the same rows in every format ----------------------------------------------------------------------

def read_back(path: Path) -> tuple[list[list], list[str]]:
    """The rows and merged ranges of an .xlsx, as openpyxl reads them."""
    wb = load_workbook(path)
    ws = wb.active
    return [list(r) for r in ws.iter_rows(values_only=True)], [str(m) for m in ws.merged_cells.ranges]


def _ranges(merged: list[str]):
    from openpyxl.utils import range_boundaries

    for ref in merged:
        c0, r0, c1, r1 = range_boundaries(ref)
        yield r0 - 1, r1 - 1, c0 - 1, c1 - 1


def write_xls(path: Path, rows: list[list], merged: list[str] = (), sheet: str = "报名表",
              hidden: tuple[int, ...] = ()) -> Path:
    """``hidden``: row numbers (from 1) hidden as a filter hides them."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    for number in hidden:
        ws.row(number - 1).hidden = True
    when = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    covered = set()
    for r0, r1, c0, c1 in _ranges(list(merged)):
        ws.write_merge(r0, r1, c0, c1, rows[r0][c0])
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or (r, c) in covered:
                continue
            if isinstance(value, dt.datetime):
                ws.write(r, c, value, when)
            elif isinstance(value, int) and not isinstance(value, bool):
                ws.write(r, c, float(value))  # BIFF keeps numbers as doubles, as Excel does
            else:
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_ods(path: Path, rows: list[list], sheet: str = "报名表") -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = OdsTable(name=sheet)
    for row in rows:
        tr = TableRow()
        for value in row:
            if value is None:
                cell = TableCell()
            elif isinstance(value, dt.datetime):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.strftime("%Y-%m-%d %H:%M")))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=repr(float(value)))
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def shown(value) -> str:
    """A cell as Excel shows it in a text export ("General"): long numbers as 6.40422E+17."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.year}/{value.month}/{value.day} {value.hour}:{value.minute:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) >= 1e11:
            mantissa, exponent = f"{float(value):.5E}".split("E")
            return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent)}"
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value)


def write_html(path: Path, rows: list[list], merged: list[str] = (), encoding: str = "utf-8") -> Path:
    """What a web system's "导出Excel" sends: an HTML table named .xls (here with a colspan title)."""
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, r1, c0, c1 in _ranges(list(merged))}
    covered = {(r, c) for (r0, c0), (h, w) in spans.items() for r in range(r0, r0 + h) for c in range(c0, c0 + w)
               if (r, c) != (r0, c0)}
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
           "<style>td {mso-number-format:'\\@';}</style></head><body><table border=1>"]
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<td{attrs}>{html.escape(shown(value))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table></body></html>")
    path.write_bytes("\n".join(out).encode(encoding))
    return path


def write_text(path: Path, rows: list[list], encoding: str, delimiter: str = ",") -> Path:
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([[shown(v) for v in r] for r in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def messy_rows(tmp_path, demo_db):
    return read_back(messy_workbook(tmp_path / "原表.xlsx", existing_id(demo_db)))


@pytest.fixture
def demo_ws(demo_db):
    from desktop_app.workspace import open_workspace

    ws = open_workspace(demo_db)
    yield ws
    ws.close()


FORMATS = ["xls", "ods", "html_xls", "gb18030_csv", "utf16_tsv_xls", "csv_named_xlsx"]


def write_format(kind: str, folder: Path, rows: list[list], merged: list[str]) -> Path:
    if kind == "xls":
        return write_xls(folder / "报名汇总.xls", rows, merged)
    if kind == "ods":
        return write_ods(folder / "报名汇总.ods", rows)
    if kind == "html_xls":
        return write_html(folder / "报名汇总.xls", rows, merged)
    if kind == "gb18030_csv":
        return write_text(folder / "报名汇总.csv", rows, "gb18030")
    if kind == "utf16_tsv_xls":  # Excel's "Unicode text", often renamed .xls
        return write_text(folder / "报名汇总.xls", rows, "utf-16", "\t")
    return write_text(folder / "报名汇总.xlsx", rows, "utf-8-sig")


@pytest.mark.parametrize("kind", FORMATS)
def test_the_messy_workbook_in_every_format(kind, tmp_path, messy_rows, demo_ws):
    from desktop_app.services import roster as roster_service

    rows, merged = messy_rows
    path = write_format(kind, tmp_path, rows, merged)
    table = importer.read_roster(path)
    assert table.header_row == 4 and table.headers[1] == "姓 名"
    assert [r.number for r in table.rows] == sorted(EXPECTED)
    assert table.kind == {"xls": "xls", "ods": "ods", "html_xls": "html"}.get(kind, "csv")
    mapping = importer.guess_mapping(table.headers)
    previewed = importer.preview(table, mapping, roster_service.context(1))
    assert {r.row_number: sorted(r.reasons) for r in previewed} == {n: sorted(c) for n, c in EXPECTED.items()}
    by_row = {r.row_number: r for r in previewed}
    assert by_row[5].draft.registered_at == dt.datetime(2026, 9, 1, 8, 30)
    assert by_row[6].draft.registered_at == dt.datetime(2026, 9, 2)
    assert by_row[18].draft.phone == "19900000018"
    assert sum(r.ok for r in previewed) == 3


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_numbers_keep_the_precision_check_and_dates_their_meaning(kind, tmp_path):
    rows = [["姓名", "身份证号", "手机", "报名时间"],
            ["甲", 6.40422e17, phone(1), dt.datetime(2026, 9, 1, 8, 30, 40)],
            ["乙", int(pid(13)[:15] + "000"), phone(2), dt.datetime(2026, 9, 1, 23, 59)],
            ["丙", pid(15), 19900000003, dt.datetime(2026, 9, 2)],
            ["丁", float(pid(17)[:15]), phone(4), "2026年9月3日"]]
    path = write_xls(tmp_path / "n.xls", rows) if kind == "xls" else write_ods(tmp_path / "n.ods", rows)
    table = importer.read_roster(path)
    assert table.rows[0].is_number(1) and not table.rows[2].is_number(1)
    previewed = importer.preview(table, importer.guess_mapping(table.headers), RosterContext(DAY))
    assert [r.reasons for r in previewed] == [("id_precision_lost",), ("id_precision_lost",), (), ("id_format",)]
    assert [r.draft.registered_at for r in previewed] == [
        dt.datetime(2026, 9, 1, 8, 30), dt.datetime(2026, 9, 1, 23, 59), dt.datetime(2026, 9, 2),
        dt.datetime(2026, 9, 3)]
    assert previewed[2].draft.phone == "19900000003"


def test_gb18030_keeps_rare_characters_and_a_tsv_named_xls_is_a_table(tmp_path):
    rows = [["姓名", "身份证号码", "手机号码", "单位"], ["刘䶮", pid(11), phone(1), "某单位"],
            ["王𠇔", pid(13), phone(2), "某单位"]]
    for path in (write_text(tmp_path / "gb.csv", rows, "gb18030"),
                 write_text(tmp_path / "tab.xls", rows, "utf-8", "\t")):
        table = importer.read_roster(path)
        assert [r.values[0] for r in table.rows] == ["刘䶮", "王𠇔"] and table.kind == "csv"


def test_html_table_spans_and_excel_2003_xml(tmp_path):
    page = ("<html><body><p>报名</p><table><tr><td colspan=3>报名汇总表</td></tr>"
            "<tr><th>姓名</th><th>身份证号</th><th>类别</th></tr>"
            f"<tr><td>张&nbsp;三</td><td>{pid(11)}</td><td rowspan=2>{PUB}</td></tr>"
            f"<tr><td>李四</td><td>{pid(13)}</td></tr></table></body></html>")
    (tmp_path / "web.xls").write_text(page, encoding="gb18030")
    table = importer.read_roster(tmp_path / "web.xls")
    assert table.kind == "html" and table.header_row == 2
    assert [r.values for r in table.rows] == [("张 三", pid(11), PUB), ("李四", pid(13), PUB)]
    xml = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="名单"><Table>'
           '<Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">手机'
           f'</Data></Cell></Row><Row><Cell><Data ss:Type="String">王五</Data></Cell><Cell/><Cell><Data '
           f'ss:Type="String">{phone(5)}</Data></Cell></Row></Table></Worksheet></Workbook>')
    (tmp_path / "x2003.xls").write_text(xml, encoding="utf-8")
    table = importer.read_roster(tmp_path / "x2003.xls")
    assert table.sheet == "名单" and table.headers == ("姓名", "", "手机")
    assert table.rows[0].values == ("王五", None, phone(5))


def test_xlsx_named_xls_and_xls_named_xlsx_are_read_by_content(tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "身份证号"])
    wb.active.append(["张三", pid(11)])
    wb.save(tmp_path / "a.xls")
    write_xls(tmp_path / "b.xlsx", [["姓名", "身份证号"], ["李四", pid(13)]])
    assert importer.read_roster(tmp_path / "a.xls").kind == "xlsx"
    assert importer.read_roster(tmp_path / "b.xlsx").rows[0].values[:2] == ("李四", pid(13))


def test_the_build_self_check_fixture_reads_as_the_build_expects(demo_db):
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(FIXTURES / "roster_wjx.xls"),
                     "--dry-run", "--json")
    data = json.loads(result.stdout)
    assert (data["valid"], data["platform"], data["rejected"][0]["reasons"]) == (2, "wjx", ["id_precision_lost"])


# -- survey platforms ------------------------------------------------------------------------------------------

WJX_HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：", "2、您的性别：",
              "3、身份证号码（必填）：", "4、请填写您的手机号码：", "5、您的工作单位：", "6、您的身份类别：",
              "7、您希望参观的项目（多选）：", "8、您对本次活动有什么建议？"]


def wjx_rows() -> list[list]:
    return [WJX_HEADER,
            [1, "2026/9/1 9:15:02", "65秒", "微信", "N/A", "1.2.3.4(宁夏-固原)", "张三", "男", pid(11), phone(1),
             "某公司", PUB, "政务服务大厅┋档案馆", "希望多安排交流"],
            [2, "2026/9/1 9:16:40", "80秒", "手机提交", "直接访问", "5.6.7.8(宁夏-银川)", "李四", "女", pid(11),
             phone(2), "某社区", SUP, "档案馆", "(跳过)"],
            [3, "2026/9/1 10:02:13", "33秒", "链接", "直接访问", "9.9.9.9", "王五", "男", pid(15), "12345",
             "", PUB, "(跳过)", ""]]


def test_wjx_xls_export_is_recognised_without_a_mapping(tmp_path, demo_ws):
    from desktop_app.services import roster as roster_service

    path = write_xls(tmp_path / "问卷星_123456_按文本.xls", wjx_rows(), sheet="Sheet1")
    table = importer.read_roster(path)
    assert table.platform == "wjx" and table.kind == "xls"
    mapping = importer.guess_mapping(table.headers)
    assert mapping == {"name": 6, "gender": 7, "id_number": 8, "phone": 9, "organisation": 10, "category": 11,
                       "registered_at": 1, "notes": 13}  # the question asking for 建议 is the 备注
    report = importer.check_file(table, None, roster_service.context(1))
    assert [r.reasons for r in report.rows] == [(), ("duplicate_in_file",), ("phone_format",)]
    first = report.rows[0].draft
    assert first.registered_at == dt.datetime(2026, 9, 1, 9, 15)
    assert first.notes == "希望多安排交流；您希望参观的项目：政务服务大厅、档案馆"
    assert report.rows[1].draft.notes == "您希望参观的项目：档案馆"  # (跳过) is no answer
    for metadata in ("65秒", "微信", "1.2.3.4", "直接访问"):
        assert metadata not in first.notes
    assert importer.platform_note(table) and "问卷星" in importer.platform_note(table)


def test_wjx_export_through_the_cli(tmp_path, demo_db):
    path = write_xls(tmp_path / "wjx.xls", wjx_rows())
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"], data["valid"], data["imported"], data["platform"]) == (3, 1, 1, "wjx")
    assert [r["reasons"] for r in data["rejected"]] == [["duplicate_in_file"], ["phone_format"]]
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        registered, notes = conn.execute("SELECT registered_at, notes FROM invitee WHERE name = '张三'").fetchone()
    assert registered.startswith("2026-09-01 09:15") and "政务服务大厅、档案馆" in notes
    plain = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run")
    assert "问卷星" in plain.stdout


def tencent_rows() -> list[list]:
    header = ["编号", "用户ID", "开始答题时间", "结束答题时间", "答题时长", "地理位置（省）", "地理位置（市）",
              "Q1_姓名", "Q2_身份证号", "Q3_手机号", "Q4_工作单位", "Q5_职务", "Q6_人员类别", "Q7_关注的领域"]
    return [header,
            [101, "o_abc", "2026-09-01 08:00:00", "2026-09-01 08:03:10", "190秒", "宁夏", "固原", "赵六",
             pid(21), phone(21), "某局", "科员", PUB, "营商环境|政务公开"],
            [102, "o_def", "2026-09-01 08:01:00", "2026-09-01 08:02:05", "65秒", "宁夏", "银川", "钱七",
             pid(23), phone(23), "", "", "神秘类别", ""]]


def test_tencent_export_submission_time_is_the_registration_time(tmp_path, demo_ws):
    from desktop_app.services import roster as roster_service

    wb = Workbook()
    for row in tencent_rows():
        wb.active.append(row)
    wb.save(tmp_path / "腾讯问卷.xlsx")
    table = importer.read_roster(tmp_path / "腾讯问卷.xlsx")
    assert table.platform == "tencent"
    report = importer.check_file(table, None, roster_service.context(1))
    assert report.mapping["registered_at"] == 3 and report.mapping["position_title"] == 11
    assert [r.reasons for r in report.rows] == [(), ("unknown_category",)]
    assert [r.draft.registered_at for r in report.rows] == [dt.datetime(2026, 9, 1, 8, 3),
                                                           dt.datetime(2026, 9, 1, 8, 2)]
    assert report.rows[0].draft.notes == "关注的领域：营商环境、政务公开"
    assert report.rows[1].draft.notes == ""


def test_wenjuan_csv_and_a_generic_numbered_survey(tmp_path):
    rows = [["序号", "答题者", "提交时间", "答题时长", "IP地址", "1.您的姓名", "2.您的手机号码是？", "3.备注"],
            ["1", "匿名", "2026-09-05 14:20", "2分10秒", "1.1.1.1", "孙八", phone(31), "需要轮椅"]]
    table = importer.read_roster(write_text(tmp_path / "问卷网.csv", rows, "utf-8-sig"))
    assert table.platform == "wenjuan"
    [row] = importer.check_file(table, None, RosterContext(DAY, id_required=False)).rows
    assert row.ok and row.draft.name == "孙八" and row.draft.registered_at == dt.datetime(2026, 9, 5, 14, 20)
    assert row.draft.notes == "需要轮椅"
    numbered = [["第1题 姓名", "第2题 联系电话", "第3题 您从哪里知道本次活动"], ["周九", phone(32), "公众号"]]
    table = importer.read_roster(write_text(tmp_path / "other.csv", numbered, "utf-8"))
    assert table.platform == "survey"
    [row] = importer.check_file(table, None, RosterContext(DAY, id_required=False)).rows
    assert row.ok and row.draft.notes == "您从哪里知道本次活动：公众号"


def test_header_keys_lose_numbering_and_polite_wording():
    key = spreadsheet.header_key
    assert key("1、您的姓名：") == "姓名" and key("Q3_身份证号") == "身份证号" and key("第4题：您的性别") == "性别"
    assert key("4、请填写您的手机号码：") == "手机号码" and key("5. 您的工作单位是？") == "工作单位"
    assert key("2026年报名时间") == "2026年报名时间" and key("QQ号") == "QQ号" and key("备注") == "备注"


# -- hostile text and files ------------------------------------------------------------------------------------

def test_control_characters_and_foreign_digits_refuse_only_their_row(tmp_path):
    arabic = pid(41).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    rows = [["姓名", "身份证号", "手机", "单位", "备注"],
            ["张\x1b三", pid(41), phone(41), "某单位", ""],
            ["李四", pid(43), phone(43), "某\x01单位\ufffe", "备\x08注"],
            ["王五", pid(45)[:-1] + "\u19da", phone(45), "", ""],
            ["赵六", arabic, phone(46), "", ""],
            ["钱七", pid(47).translate(str.maketrans("0123456789", "０１２３４５６７８９")), "１９９００００００４８", "", ""],
            ["孙八", pid(49), phone(49)[:3] + "\x85" + phone(49)[3:], "", ""]]
    table = spreadsheet.Table(tmp_path / "x.xlsx", "", 1, tuple(rows[0]),
                              tuple(spreadsheet.Row(i, tuple(r)) for i, r in enumerate(rows[1:], start=2)))
    previewed = importer.preview(table, importer.guess_mapping(table.headers), RosterContext(DAY))
    reasons = {r.row_number: r.reasons for r in previewed}
    assert reasons[2] == ("control_character",)
    assert reasons[3] == () and previewed[1].draft.organisation == "某单位" and previewed[1].draft.notes == "备注"
    assert reasons[4] == ("id_format",) and reasons[5] == ("id_format",)
    assert reasons[6] == () and previewed[4].draft.id_number == pid(47) and previewed[4].draft.phone == phone(48)
    assert "control_character" in reasons[7]
    message = previewed[0].describe()
    assert "U+001B" in message and importer.i18n.text(importer.FIELD_LABELS["name"]) in message


def test_control_characters_never_reach_the_roster_documents(tmp_path, demo_db):
    path = write_text(tmp_path / "c.csv", [["姓名", "身份证号", "手机", "单位"],
                                          ["吴十", pid(51), phone(51), "某\x1b单位"],
                                          ["郑一\x07", pid(53), phone(53), ""]], "utf-8")
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--json")
    data = json.loads(result.stdout)
    assert data["imported"] == 1 and data["rejected"][0]["reasons"] == ["control_character"]
    out = run_cli("export", "roster", "--db", str(demo_db), "--event", "1", "--out", str(tmp_path / "docs"))
    assert out.returncode == 0, out.stderr


def make_hostile(tmp_path: Path, kind: str) -> Path:
    if kind == "encrypted_xls":
        path = tmp_path / "加密.xls"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 1024 + "EncryptedPackage".encode("utf-16-le"))
    elif kind == "word_doc":
        path = tmp_path / "通知.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    elif kind == "png":
        path = tmp_path / "截图.xls"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    elif kind == "empty_xls":
        path = tmp_path / "空.xls"
        path.write_bytes(b"")
    elif kind == "html_without_table":
        path = tmp_path / "页面.xls"
        path.write_text("<html><body><p>登录已过期，请重新登录</p></body></html>", encoding="utf-8")
    return path


HOSTILE = {"encrypted_xls": spreadsheet.ENCRYPTED, "word_doc": spreadsheet.NOT_SPREADSHEET,
           "png": spreadsheet.NOT_SPREADSHEET, "empty_xls": spreadsheet.EMPTY,
           "html_without_table": spreadsheet.NOT_SPREADSHEET}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_files_that_are_no_sign_up_sheet_are_refused_naming_the_file(tmp_path, demo_db, kind):
    path = make_hostile(tmp_path, kind)
    with pytest.raises(UserError) as caught:
        importer.read_roster(path)
    assert caught.value.message == HOSTILE[kind] and str(path) in str(caught.value)
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr


def test_a_zip_that_unpacks_beyond_the_ceiling_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (24 << 20) + b"</worksheet>")
    assert path.stat().st_size < 200_000
    monkeypatch.setattr(formats, "UNPACKED_CEILING", 16 << 20)
    with pytest.raises(UserError) as caught:
        importer.read_roster(path)
    assert caught.value.message == spreadsheet.TOO_LARGE and str(path) in str(caught.value)
    assert caught.value.params["size"] == 24


@pytest.mark.parametrize(("header_encoding", "rows_encoding"), [("gbk", "utf-8"), ("utf-8", "gbk")])
def test_a_csv_in_two_encodings_is_refused_naming_the_first_bad_line(tmp_path, header_encoding, rows_encoding):
    path = tmp_path / "混合.csv"
    path.write_bytes("报名表\r\n姓名,身份证号,单位\r\n".encode(header_encoding)
                     + f"12,{pid(11)},x\r\n".encode()
                     + f"张伟,{pid(13)},某单位\r\n李娜,{pid(15)},某单位\r\n".encode(rows_encoding))
    with pytest.raises(UserError) as caught:
        importer.read_roster(path)
    assert caught.value.message == spreadsheet.MIXED_TEXT and caught.value.params["line"] == 4


# -- the CLI's --column and the template contract ------------------------------------------------------------------

def test_cli_column_maps_headers_no_rule_recognises(tmp_path, demo_db):
    wb = Workbook()
    wb.active.append(["参会人", "证件", "tel", "岗位", "分组"])
    wb.active.append(["张三", pid(61), phone(61), "科员", PUB])
    wb.save(tmp_path / "m.xlsx")
    args = ["import-roster", "--db", str(demo_db), "--event", "1", str(tmp_path / "m.xlsx"), "--json", "--dry-run"]
    assert run_cli(*args).returncode == 1  # no name column found
    result = run_cli(*args, "--column", "参会人=name", "--column", "证件=id_number", "--column", "tel=phone",
                     "--column", "岗位=position", "--column", "分组=category")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"rows": 1, "valid": 1, "imported": 0, "rejected": []}
    assert run_cli(*args, "--column", "参会人=nickname").returncode == 2
    missing = run_cli(*args, "--column", "参会人=name", "--column", "籍贯=notes")
    assert missing.returncode == 1 and "籍贯" in missing.stderr and "Traceback" not in missing.stderr


def test_template_without_a_format_key_applies_and_others_are_refused(tmp_path, demo_db):
    body = {"unit": "某局", "title": "开放日", "theme": "", "categories": [{"name": "群众", "quota": 5}],
            "sections": []}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    applied = run_cli("template", "apply", "--db", str(demo_db), str(path))
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.strip().isdigit()
    for extra in ({"format": "something-else"}, {"format": "openday-template", "version": 99}, {"version": 2}):
        path.write_text(json.dumps({**body, **extra}), encoding="utf-8")
        refused = run_cli("template", "apply", "--db", str(demo_db), str(path))
        assert refused.returncode == 1 and str(path) in refused.stderr, extra


# -- the dialog -------------------------------------------------------------------------------------------------

def test_dialog_names_the_platform_and_remembers_a_mapping_per_header_set(qtbot, tmp_path, demo_ws):
    from ui.roster.import_dialog import ImportDialog

    dialog = ImportDialog(None, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.load(write_xls(tmp_path / "wjx.xls", wjx_rows()))
    assert not dialog.platform_label.isHidden() and "问卷星" in dialog.platform_label.text()
    dialog.reject()

    def odd_file(name: str, seq: int) -> Path:
        wb = Workbook()
        wb.active.append(["姓名", "号码", "电话", "类别"])  # 号码 holds the ID numbers: not recognised
        wb.active.append([f"人员{seq}", pid(seq), phone(seq), PUB])
        wb.save(tmp_path / name)
        return tmp_path / name

    first = ImportDialog(None, 1)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.sig_loaded, timeout=10000):
        first.load(odd_file("a.xlsx", 71))
    assert first.platform_label.isHidden() and first.combos["id_number"].currentData() == -1
    with qtbot.waitSignal(first.sig_previewed, timeout=10000):
        first.set_mapping("id_number", 1)
    with qtbot.waitSignal(first.sig_imported, timeout=10000):
        first.import_valid()
    first.reject()

    second = ImportDialog(None, 1)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.sig_loaded, timeout=10000):
        second.load(odd_file("b.xlsx", 73))
    assert second.combos["id_number"].currentData() == 1 and len(second.report.valid_rows) == 1
    second.reject()


# -- committing in chunks ---------------------------------------------------------------------------------------

def test_chunked_commit_is_one_transaction(tmp_path, demo_ws, demo_db, monkeypatch):
    from desktop_app.services import roster as roster_service
    from desktop_app.services.roster import RosterRefused

    from .test_import import count_people

    monkeypatch.setattr(importer, "COMMIT_CHUNK", 2)
    rows = [["姓名", "身份证号", "手机", "类别"]] + [[f"人员{i}", pid(80 + 2 * i), phone(80 + i), PUB] for i in range(5)]
    path = write_xls(tmp_path / "c.xls", rows)
    table = importer.read_roster(path)
    before = count_people(demo_db)
    stale = importer.check_file(table, None, roster_service.context(1))
    roster_service.import_drafts(1, [stale.rows[4].draft])  # the last person is added meanwhile (third chunk)
    with pytest.raises(RosterRefused):
        importer.commit(1, stale)
    assert count_people(demo_db) == before + 1  # the first two chunks were rolled back with the third
    fresh = importer.check_file(table, None, roster_service.context(1))
    assert len(fresh.valid_rows) == 4
    assert importer.commit(1, fresh).imported == 4 and count_people(demo_db) == before + 5


# -- which sheet, and how large -------------------------------------------------------------------------------------

def _two_sheets(path, *, hide_first: bool = True):
    from desktop_app.domain import idcard

    book = Workbook()
    hidden = book.active
    hidden.title = "旧名单"
    hidden.append(["姓名", "身份证号", "手机"])
    hidden.append(["隐藏人", idcard.make("640422", dt.date(1980, 1, 2), 11), "13900001111"])
    visible = book.create_sheet("报名表")
    visible.append(["姓名", "身份证号", "手机"])
    visible.append(["可见人", idcard.make("640422", dt.date(1981, 1, 2), 13), "13900002222"])
    if hide_first:
        hidden.sheet_state = "hidden"
        book.active = 1
    book.save(path)
    return path


def test_a_hidden_first_sheet_is_not_read_and_the_sheet_read_is_named(tmp_path, demo_db):
    from desktop_app.importers import roster as importer

    path = _two_sheets(tmp_path / "两张表.xlsx")
    table = importer.read_roster(path)
    assert table.sheet == "报名表" and [r.values[0] for r in table.rows] == ["可见人"]
    assert [r.values[0] for r in importer.read_roster(path, sheet="旧名单").rows] == ["隐藏人"]
    out = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run")
    assert out.returncode == 0 and "报名表" in out.stdout
    chosen = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run", "--json",
                     "--sheet", "旧名单")
    assert chosen.returncode == 0 and json.loads(chosen.stdout)["rows"] == 1
    missing = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--sheet", "没有")
    assert missing.returncode == 1 and "旧名单" in missing.stderr and "报名表" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_sheet_beyond_the_row_limit_is_refused_before_its_rows_are_read(tmp_path, monkeypatch):
    book = Workbook()
    book.active.title = "名单"
    book.active.append(["姓名", "手机"])
    for n in range(60):
        book.active.append([f"人{n}", f"139{n:08d}"])
    book.save(tmp_path / "大.xlsx")
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 50)
    iterated = []
    real = formats._calamine_rows

    def counted(sheet):
        for row in real(sheet):
            iterated.append(row)
            yield row

    monkeypatch.setattr(formats, "_calamine_rows", counted)
    looked_up = []
    monkeypatch.setattr(formats, "_hidden_rows", lambda *args: looked_up.append(args) or frozenset())
    with pytest.raises(UserError) as refused:
        importer.read_roster(tmp_path / "大.xlsx")
    assert "名单" in str(refused.value) and "61" in str(refused.value)
    assert not iterated  # refused before a row was turned into Python values
    assert not looked_up  # nor its XML read for hidden rows


def test_a_long_csv_cell_is_read_and_an_endless_one_is_named(tmp_path, monkeypatch):
    long_note = "很长的备注" * 40_000  # 200,000 characters: beyond the csv module's own 131,072
    path = tmp_path / "长.csv"
    path.write_text(f"姓名,手机,备注\n张三,13900001111,{long_note}\n李四,13900002222,短\n", encoding="utf-8")
    table = importer.read_roster(path)
    assert [r.values[0] for r in table.rows] == ["张三", "李四"] and table.rows[0].values[2] == long_note
    monkeypatch.setattr(formats, "MAX_CELL", 1000)
    with pytest.raises(UserError) as refused:
        importer.read_roster(path)
    assert "2" in str(refused.value) and "1000" in str(refused.value) and str(path) in str(refused.value)


def test_a_category_value_of_the_file_can_be_mapped_to_an_event_category(tmp_path, demo_db):
    path = tmp_path / "问卷.csv"
    path.write_text("姓名,身份证号,手机,类别\n"
                    f"张三,{pid(21)},{phone(21)},群众代表\n李四,{pid(22)},{phone(22)},群众代表\n"
                    f"王五,{pid(23)},{phone(23)},{PUB}\n", encoding="utf-8")
    plain = json.loads(run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run",
                               "--json").stdout)
    assert plain["valid"] == 1 and [r["reasons"] for r in plain["rejected"]] == [["unknown_category"]] * 2
    mapped = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run", "--json",
                     "--category", f"群众代表={PUB}")
    assert mapped.returncode == 0 and json.loads(mapped.stdout)["valid"] == 3
    wrong = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--category", "群众代表=没有")
    assert wrong.returncode == 1 and "没有" in wrong.stderr and PUB in wrong.stderr and "Traceback" not in wrong.stderr
    usage = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--category", "群众代表")
    assert usage.returncode == 2


# -- hidden rows, the sheet chosen, 类别 mapped in the preview, a survey's 意见 as 备注 ----------------------------------

def _filtered_workbook(path: Path, *, names: str = "甲乙丙丁", first: int = 31) -> Path:
    """A sheet with an autofilter hiding its second and fourth people (rows 3 and 5)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "报名表"
    sheet.append(["姓名", "身份证号", "手机", "类别"])
    for i, name in enumerate(names):
        sheet.append([name, pid(first + 2 * i), phone(first + i), PUB])
    sheet.auto_filter.ref = f"A1:D{len(names) + 1}"
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[5].hidden = True
    book.save(path)
    return path


def test_hidden_rows_are_named_and_imported_only_when_chosen(tmp_path, demo_db):
    from .test_import import count_people

    path = _filtered_workbook(tmp_path / "筛选.xlsx")
    table = importer.read_roster(path)
    assert table.hidden_rows == {3, 5} and len(table.rows) == 4
    args = ("import-roster", "--db", str(demo_db), "--event", "1", str(path))
    plain = run_cli(*args, "--dry-run")
    assert plain.returncode == 0 and "乙" in plain.stdout and "丁" in plain.stdout
    assert "--include-hidden-rows" in plain.stdout and "第 3 行（乙）" in plain.stdout
    skipped = json.loads(run_cli(*args, "--dry-run", "--json").stdout)
    assert (skipped["rows"], skipped["valid"], skipped["hidden_rows_imported"]) == (2, 2, False)
    assert skipped["hidden_rows"] == [{"row": 3, "name": "乙"}, {"row": 5, "name": "丁"}]
    chosen = json.loads(run_cli(*args, "--dry-run", "--json", "--include-hidden-rows").stdout)
    assert (chosen["rows"], chosen["valid"], chosen["hidden_rows_imported"]) == (4, 4, True)
    before = count_people(demo_db)
    done = run_cli(*args, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["imported"] == 2
    assert count_people(demo_db) == before + 2
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        names = {n for (n,) in conn.execute("SELECT name FROM invitee WHERE name IN ('甲', '乙', '丙', '丁')")}
    assert names == {"甲", "丙"}
    assert not list(tmp_path.glob("*_未导入.xlsx"))  # a hidden row left out is not a refused row


def test_hidden_rows_of_an_xls_sheet_are_read(tmp_path, demo_db):
    rows = [["报名汇总"], [], ["姓名", "手机"]] + [[f"人{i}", phone(90 + i)] for i in range(6)]
    path = write_xls(tmp_path / "筛选.xls", rows, hidden=(5, 8))
    read = importer.read_roster(path)
    assert read.kind == "xls" and read.hidden_rows == {5, 8}
    assert [r.values[0] for r in read.rows if r.number in read.hidden_rows] == ["人1", "人4"]
    assert importer.read_roster(FIXTURES / "roster_wjx.xls").hidden_rows == frozenset()
    out = json.loads(run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--dry-run",
                             "--json").stdout)
    assert out["hidden_rows"] == [{"row": 5, "name": "人1"}, {"row": 8, "name": "人4"}] and out["rows"] == 4


def test_hidden_rows_of_an_ods_sheet_are_read(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = OdsTable(name="报名表")
    for i, values in enumerate([["姓名", "手机"], ["甲", phone(41)], ["乙", phone(42)], ["丙", phone(43)]]):
        row = TableRow(visibility="filter") if i == 2 else TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "筛选.ods"))
    read = importer.read_roster(tmp_path / "筛选.ods")
    assert read.kind == "ods" and read.hidden_rows == {3}
    assert [r.values[0] for r in read.rows if r.number in read.hidden_rows] == ["乙"]


def _dialog(qtbot, path: Path):
    from ui.roster.import_dialog import ImportDialog

    dialog = ImportDialog(None, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.load(path)
    return dialog


def test_dialog_names_the_hidden_rows_and_imports_them_when_ticked(qtbot, tmp_path, demo_ws, demo_db):
    from PySide6.QtCore import Qt

    from .test_import import count_people

    dialog = _dialog(qtbot, _filtered_workbook(tmp_path / "筛选.xlsx"))
    assert dialog.include_hidden.isVisible() and not dialog.include_hidden.isChecked()
    assert "乙" in dialog.hidden_label.text() and "丁" in dialog.hidden_label.text()
    assert [r.draft.name for r in dialog.report.rows] == ["甲", "丙"]
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        qtbot.mouseClick(dialog.include_hidden, Qt.MouseButton.LeftButton)
    assert dialog.include_hidden.isChecked()
    assert [r.draft.name for r in dialog.report.rows] == ["甲", "乙", "丙", "丁"]
    assert [r.warnings for r in dialog.report.rows] == [(), ("hidden_row",), (), ("hidden_row",)]
    before = count_people(demo_db)
    with qtbot.waitSignal(dialog.sig_imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].imported == 4 and count_people(demo_db) == before + 4


def test_dialog_names_the_sheet_read_and_reads_another_when_chosen(qtbot, tmp_path, demo_ws):
    from PySide6.QtCore import Qt

    path = _two_sheets(tmp_path / "两张表.xlsx")
    book = load_workbook(path)
    book.create_sheet("说明").append(["本表由报名系统导出"])
    book.save(path)
    dialog = _dialog(qtbot, path)
    combo = dialog.sheet_combo
    assert combo.isVisible() and combo.currentText() == "报名表"
    assert [combo.itemData(i) for i in range(combo.count())] == ["旧名单", "报名表", "说明"]
    assert "旧名单" in combo.itemText(0) and combo.itemText(0) != "旧名单"  # named as hidden
    assert [r.draft.name for r in dialog.report.rows] == ["可见人"]
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert dialog.report.table.sheet == "旧名单" and [r.draft.name for r in dialog.report.rows] == ["隐藏人"]
    assert combo.currentData() == "旧名单"
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_End)
    assert str(path) in blocker.args[0] and "说明" in blocker.args[0] and not dialog.import_button.isEnabled()
    assert combo.isEnabled() and combo.currentData() == "说明"  # another sheet can still be chosen
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert dialog.report.table.sheet == "报名表" and dialog.import_button.isEnabled()


def _survey_categories(path: Path, first: int) -> Path:
    path.write_text("姓名,身份证号,手机,类别\n"
                    f"张{first},{pid(first)},{phone(first)},群众代表\n"
                    f"李{first},{pid(first + 2)},{phone(first + 1)},群众代表\n"
                    f"王{first},{pid(first + 4)},{phone(first + 2)},{PUB}\n", encoding="utf-8")
    return path


def test_dialog_maps_a_category_value_and_remembers_it(qtbot, tmp_path, demo_ws):
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, _survey_categories(tmp_path / "a.csv", 51))
    assert dialog.categories_box.isVisible() and list(dialog.category_combos) == ["群众代表"]
    assert len(dialog.report.valid_rows) == 1
    assert dialog.report.rows[0].reasons == ("unknown_category",)
    combo = dialog.category_combos["群众代表"]
    assert combo.currentData() == ""
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        for _ in range(combo.count()):
            if combo.currentData() == PUB:
                break
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == PUB and len(dialog.report.valid_rows) == 3
    assert dialog.report.rows[0].draft.category == PUB
    assert dialog.categories_box.isVisible()  # the value stays there to be changed again
    with qtbot.waitSignal(dialog.sig_imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].imported == 3

    second = _dialog(qtbot, _survey_categories(tmp_path / "b.csv", 61))
    assert second.category_combos["群众代表"].currentData() == PUB and len(second.report.valid_rows) == 3
    remembered = second.category_combos["群众代表"]
    with qtbot.waitSignal(second.sig_previewed, timeout=10000):
        qtbot.keyClick(remembered, Qt.Key.Key_Home)  # the user takes it back: the rows are refused again
    assert len(second.report.valid_rows) == 1
    assert "群众代表" in second.report.rows[0].describe()  # the refusal names the value


def test_a_survey_question_asking_for_suggestions_is_the_notes_as_answered(tmp_path, demo_db):
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：", "2、身份证号：",
              "3、手机号码：", "4、您的身份类别：", "5、有何意见建议？"]
    path = write_xls(tmp_path / "问卷星.xls", [
        header, [1, "2026/9/1 9:15:02", "65秒", "微信", "N/A", "1.2.3.4", "赵意见", pid(71), phone(71), PUB,
                 "希望延长开放时间"]])
    table = importer.read_roster(path)
    assert table.platform == "wjx" and importer.guess_mapping(table.headers)["notes"] == 10
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["imported"] == 1, result.stdout + result.stderr
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        (notes,) = conn.execute("SELECT notes FROM invitee WHERE name = '赵意见'").fetchone()
    assert notes == "希望延长开放时间"
