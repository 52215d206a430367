"""Spreadsheet import: messy workbooks and CSV files built here, read, mapped, previewed with every reason code,
imported all-or-nothing through the CLI and the library, refused files, the workbook of refused rows, the dialog."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop_app.domain import idcard
from desktop_app.domain.roster import RosterContext
from desktop_app.errors import UserError
from desktop_app.importers import roster as importer
from desktop_app.importers import spreadsheet
from desktop_app.importers.spreadsheet import Row, Table

from .conftest import run_cli

AREA = "110105"
SUP, PUB = "政务公开义务监督员", "企业及群众代表"
DAY = dt.date(2026, 12, 20)
HEADER = ["序号", "姓 名", "性别", "身份证号码（必填）", "手机号码", "工作单位", "职务", "人员类别", "报名时间", "备注"]


def pid(seq: int, birth: dt.date = dt.date(1985, 3, 4)) -> str:
    return idcard.make(AREA, birth, seq)


def phone(n: int) -> str:
    return f"1990000{n:04d}"  # the demo's phones never have 0000 after 199


def pid_ending_in_x() -> str:
    return next(pid(seq) for seq in range(1, 999) if pid(seq).endswith("X"))


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def count_people(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM invitee WHERE deleted = 0").fetchone()[0]


def existing_id(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id_number FROM invitee WHERE event_id = 1 ORDER BY id LIMIT 1").fetchone()[0]


# Sheet row -> (reasons, or [] for an importable row). The header is on row 4, under two merged title rows.
EXPECTED = {5: [], 6: [], 7: ["id_precision_lost"], 8: ["id_precision_lost"], 9: ["duplicate_in_file"],
            10: ["duplicate_existing"], 11: ["under_18"], 12: ["unknown_category"], 13: ["phone_format"],
            14: ["missing_id", "missing_phone", "unknown_category"], 15: ["missing_name"], 16: ["id_checksum"],
            17: ["id_format"], 18: [], 20: ["duplicate_in_file"]}


def messy_workbook(path: Path, existing: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "报名表"
    ws.append(["西吉县审批服务管理局2026年“政府开放日”活动报名汇总表"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位：综合办公室", None, None, None, None, None, None, "填报日期：2026年9月10日"])
    ws.merge_cells("A2:G2")
    ws.append([])
    ws.append(HEADER)
    wrong_check = pid(21)[:-1] + ("0" if pid(21)[-1] != "0" else "1")
    rows = [
        ["张三", "男", pid(11), phone(1), "西吉县某公司", "职员", PUB, dt.datetime(2026, 9, 1, 8, 30)],
        ["  李　四 ", "", fullwidth(pid_ending_in_x().lower()), " 199 0000 0002 ", "某社区", "", f" {SUP} ",
         "2026/9/2"],
        ["王五", "", 6.40422e17, phone(3), "", "", PUB, None],
        ["赵六", "", int(pid(13)[:15] + "000"), phone(4), "", "", PUB, None],
        ["钱七", "", pid(11), phone(9), "", "", PUB, None],
        ["孙八", "", existing, phone(10), "", "", PUB, None],
        ["周九", "", idcard.make(AREA, dt.date(2010, 1, 1), 21), phone(11), "", "", PUB, None],
        ["吴十", "", pid(15), phone(12), "", "", "市民代表", None],
        ["郑一", "", pid(17), "1234567", "", "", PUB, None],
        ["冯二", "", None, None, "", "", "神秘类别", None],
        [None, "", pid(19), phone(15), "某单位", "", PUB, None],
        ["陈三", "", wrong_check, phone(16), "", "", PUB, None],
        ["褚四", "", "11010519850304", phone(17), "", "", PUB, None],
        ["卫五", "", pid(23), 19900000018, "", "", PUB, "2026年9月1日"],
    ]
    for i, (name, sex, id_number, tel, org, position, category, when) in enumerate(rows, start=1):
        ws.append([i, name, sex, id_number, tel, org, position, category, when, ""])
    ws.append([])  # a blank row is skipped, numbering goes on
    ws.append([16, "蒋六", "", pid(25), phone(1), "", "", PUB, None, "与张三同一手机"])
    wb.save(path)
    return path


@pytest.fixture
def demo_ws(demo_db):
    from desktop_app.workspace import open_workspace

    ws = open_workspace(demo_db)
    yield ws
    ws.close()


@pytest.fixture
def messy(tmp_path, demo_db) -> Path:
    return messy_workbook(tmp_path / "报名汇总.xlsx", existing_id(demo_db))


# -- reading ----------------------------------------------------------------------------------------------------------

def test_header_found_below_merged_title_rows(messy):
    table = importer.read_roster(messy)
    assert table.sheet == "报名表" and table.header_row == 4
    assert table.headers[:4] == ("序号", "姓 名", "性别", "身份证号码（必填）")
    assert [r.number for r in table.rows] == sorted(EXPECTED)
    assert table.rows[2].is_number(3) and not table.rows[0].is_number(3)


def test_guess_mapping_knows_the_usual_names():
    headers = ["序号", "姓　名", "公民身份号码", "联系电话", "所在单位", "职业", "代表类别", "报名日期", "备注", "性别*"]
    assert importer.guess_mapping(headers) == {"name": 1, "id_number": 2, "phone": 3, "organisation": 4,
                                               "position_title": 5, "category": 6, "registered_at": 7, "notes": 8,
                                               "gender": 9}
    assert importer.guess_mapping(["姓名", "证件号码", "手机", "单位", "类别"])["id_number"] == 1
    assert importer.guess_mapping(["姓名", "身份证号（18位）", "本人手机号"]) == {"name": 0, "id_number": 1, "phone": 2}
    assert importer.guess_mapping(["姓名", "电话", "手机号"])["phone"] == 2  # an exact name wins over a part
    assert "phone" not in importer.guess_mapping(["姓名", "地址"])


def test_wps_file_with_a_wrong_dimension_is_read_whole(tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "身份证号", "手机"])
    for i in range(1, 31):
        wb.active.append([f"人员{i}", pid(100 + i), phone(100 + i)])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    wps = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(wps, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
                assert n == 1
            dst.writestr(item, data)
    naive = load_workbook(wps, read_only=True)
    assert len(list(naive.active.iter_rows(values_only=True))) == 1  # what a plain read-only read sees
    naive.close()
    table = importer.read_roster(wps)
    assert len(table.rows) == 30 and table.rows[-1].values == ("人员30", pid(130), phone(130))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "utf-16"])
def test_csv_in_utf8_with_or_without_bom_gbk_and_utf16(tmp_path, encoding):
    delimiter = "\t" if encoding == "utf-16" else ","
    lines = ["2026年政府开放日报名表", "姓名,性别,身份证号码,联系电话,单位,类别", f"张三,男,{pid(11)},{phone(1)},某单位,{PUB}",
             f"李四,女,6.40422E+17,{phone(2)},某单位,{PUB}", f"王五,男,{pid(13).lower()},{phone(3)}, 某单位 ,{SUP}"]
    path = tmp_path / "roster.csv"
    path.write_bytes("\r\n".join(line.replace(",", delimiter) for line in lines).encode(encoding))
    table = importer.read_roster(path)
    assert table.header_row == 2 and table.headers[0] == "姓名"
    ctx = RosterContext(DAY, categories=frozenset({SUP, PUB}))
    rows = importer.preview(table, importer.guess_mapping(table.headers), ctx)
    assert [(r.row_number, r.reasons) for r in rows] == [(3, ()), (4, ("id_precision_lost",)), (5, ())]
    assert rows[0].draft.name == "张三" and rows[0].draft.organisation == "某单位"


def test_vertically_merged_category_fills_its_rows(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "手机", "类别"])
    ws.append(["甲", pid(31), phone(31), SUP])
    ws.append(["乙", pid(33), phone(33), None])
    ws.append(["丙", pid(35), phone(35), PUB])
    ws.merge_cells("D2:D3")
    wb.save(tmp_path / "m.xlsx")
    table = importer.read_roster(tmp_path / "m.xlsx")
    assert [r.values[3] for r in table.rows] == [SUP, SUP, PUB]


def make_bad(tmp_path: Path, kind: str) -> Path:
    if kind == "encrypted":
        path = tmp_path / "加密.xlsx"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 1024 + "EncryptedPackage".encode("utf-16-le"))
    elif kind == "old_xls":
        path = tmp_path / "旧格式.xls"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 2048)
    elif kind == "pdf_renamed":  # the format is told by content: a CSV named .xlsx is read, a PDF is not
        path = tmp_path / "名单.xlsx"
        path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    elif kind == "broken_zip":
        path = tmp_path / "坏.xlsx"
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    elif kind == "empty_file":
        path = tmp_path / "空.csv"
        path.write_bytes(b"")
    elif kind == "missing":
        path = tmp_path / "不存在.xlsx"
    else:
        wb = Workbook()
        if kind == "no_name":
            wb.active.append(["报名表"])
            wb.active.append(["序号", "身份证号", "联系电话"])
            wb.active.append([1, pid(11), phone(1)])
        elif kind == "header_only":
            wb.active.append(["姓名", "身份证号", "联系电话"])
        path = tmp_path / f"{kind}.xlsx"
        wb.save(path)
    return path


BAD_KINDS = ["encrypted", "old_xls", "pdf_renamed", "broken_zip", "empty_file", "missing", "empty_sheet", "no_name",
             "header_only"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_unreadable_files_are_refused_with_a_message(tmp_path, kind):
    path = make_bad(tmp_path, kind)
    with pytest.raises(UserError) as caught:
        importer.read_roster(path)
    expected = {"encrypted": spreadsheet.ENCRYPTED, "old_xls": spreadsheet.DAMAGED,
                "pdf_renamed": spreadsheet.NOT_SPREADSHEET, "broken_zip": spreadsheet.DAMAGED,
                "empty_file": spreadsheet.EMPTY, "missing": spreadsheet.NOT_FOUND, "empty_sheet": spreadsheet.EMPTY,
                "no_name": spreadsheet.NO_HEADER, "header_only": spreadsheet.NO_ROWS}[kind]
    assert caught.value.message == expected
    assert str(path) in str(caught.value)


# -- checking -------------------------------------------------------------------------------------------------------

def test_preview_gives_every_reason_and_normalises(messy, demo_ws):
    from desktop_app.services import roster as roster_service

    table = importer.read_roster(messy)
    rows = importer.preview(table, importer.guess_mapping(table.headers), roster_service.context(1))
    assert {r.row_number: sorted(r.reasons) for r in rows} == {n: sorted(c) for n, c in EXPECTED.items()}
    by_row = {r.row_number: r for r in rows}
    li = by_row[6].draft
    assert li.name == "李 四" and li.id_number == pid_ending_in_x() and li.phone == phone(2) and li.category == SUP
    assert li.registered_at == dt.datetime(2026, 9, 2)
    assert by_row[5].draft.registered_at == dt.datetime(2026, 9, 1, 8, 30)
    assert by_row[18].draft.phone == "19900000018" and by_row[18].draft.registered_at == dt.datetime(2026, 9, 1)
    assert by_row[9].problems[-1].params["other"] == importer.i18n.text(importer.ROW_REF, row=5)
    assert by_row[20].problems[-1].params["other"] == importer.i18n.text(importer.ROW_REF, row=5)  # same phone
    assert by_row[14].draft.category == "神秘类别"  # never put silently into another category


def test_dates_in_every_form():
    when = importer.parse_when
    assert when(dt.datetime(2026, 9, 1, 8, 30, 12)) == dt.datetime(2026, 9, 1, 8, 30)
    assert when(dt.date(2026, 9, 1)) == dt.datetime(2026, 9, 1)
    assert when(46266.5) == dt.datetime(2026, 9, 1, 12, 0)  # Excel serial
    assert when("2026-09-01 08:30") == dt.datetime(2026, 9, 1, 8, 30)
    assert when("2026/9/1") == dt.datetime(2026, 9, 1)
    assert when("２０２６年９月１日 ９:０５") == dt.datetime(2026, 9, 1, 9, 5)
    assert when("2026.9.1") == dt.datetime(2026, 9, 1)
    for bad in ("上周", "2026-13-01", 12, "9月1日"):
        assert when(bad) is None
    # The common Chinese office forms are read; a form that could be read two ways is not guessed.
    for typed in ("20240102", 20240102, "2024.1.2", "2024年1月2日", "二〇二四年一月二日", 45293, "2024-01-02"):
        assert when(typed) == dt.datetime(2024, 1, 2), typed
    assert when("二〇二四年十二月三十一日") == dt.datetime(2024, 12, 31)
    assert when("2024年1月2日 下午3时30分") == dt.datetime(2024, 1, 2, 15, 30)
    for bad in ("1/2/2024", "24-1-2", "2024-13-45", "明天", "明天2024-01-02", "20241345"):
        assert when(bad) is None, bad


@pytest.mark.parametrize("typed", ["20240102x", "1/2/2024", "24-1-2", "2024-13-45", "明天", "上周二"])
def test_an_unreadable_registration_time_refuses_the_row_and_is_never_the_import_time(typed, workspace, tmp_path):
    from db import models
    from desktop_app.demo import create_demo_event

    table = Table(Path("x.xlsx"), "", 1, ("姓名", "身份证号", "手机", "报名时间"),
                  (Row(2, ("张三", pid(11), phone(1), typed)),))
    [row] = importer.preview(table, importer.guess_mapping(table.headers), RosterContext(DAY))
    assert not row.ok and row.reasons == ("registered_at_unreadable",) and typed in row.describe()
    event = create_demo_event()
    book = Workbook()
    book.active.append(["姓名", "身份证号", "手机", "报名时间"])
    book.active.append(["张三", pid(11), phone(1), typed])
    book.save(tmp_path / "r.xlsx")
    report = importer.run_import(event.id, tmp_path / "r.xlsx", save_rejected=False)
    assert report.imported == 0 and report.as_json()["rejected"][0]["reasons"] == ["registered_at_unreadable"]
    assert not models.Invitee.select().where(models.Invitee.name == "张三").exists()


def test_registrations_after_the_deadline_or_the_event_are_named():
    ctx = RosterContext(DAY, registration_deadline=DAY - dt.timedelta(days=5))
    table = Table(Path("x.xlsx"), "", 1, ("姓名", "身份证号", "手机", "报名时间"), (
        Row(2, ("张三", pid(11), phone(1), DAY - dt.timedelta(days=6))),
        Row(3, ("李四", pid(12), phone(2), DAY - dt.timedelta(days=2))),
        Row(4, ("王五", pid(13), phone(3), DAY + dt.timedelta(days=1)))))
    rows = importer.preview(table, importer.guess_mapping(table.headers), ctx)
    assert [r.warnings for r in rows] == [(), ("registered_after_deadline",), ("registered_after_event",)]
    assert all(r.ok for r in rows)
    assert "2026年12月15日" in rows[1].describe() and "2026年12月20日" in rows[2].describe()


def test_missing_columns_refuse_every_row_unless_ids_are_optional(tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "类别"])
    wb.active.append(["张三", PUB])
    wb.save(tmp_path / "short.xlsx")
    table = importer.read_roster(tmp_path / "short.xlsx")
    mapping = importer.guess_mapping(table.headers)
    categories = frozenset({PUB})
    [row] = importer.preview(table, mapping, RosterContext(DAY, categories=categories))
    assert row.reasons == ("missing_id", "missing_phone")
    [row] = importer.preview(table, mapping, RosterContext(DAY, id_required=False, categories=categories))
    assert row.reasons == ("missing_phone",)
    with pytest.raises(UserError):
        importer.preview(table, {"category": 1}, RosterContext(DAY))  # no name column chosen


@settings(max_examples=60, deadline=None)
@given(seq=st.integers(1, 998), birth=st.dates(dt.date(1930, 1, 1), dt.date(2005, 12, 31)),
       as_float=st.booleans(), trailing_zeros=st.integers(0, 3))
def test_an_id_typed_as_a_number_is_never_repaired(seq, birth, as_float, trailing_zeros):
    number = idcard.make(AREA, birth, seq).replace("X", "0")  # a number cannot end in X
    if trailing_zeros:
        number = number[:-trailing_zeros] + "0" * trailing_zeros
    value = float(number) if as_float else int(number)
    table = Table(Path("x.xlsx"), "", 1, ("姓名", "身份证号", "手机"), (Row(2, ("张三", value, phone(1))),))
    [row] = importer.preview(table, {"name": 0, "id_number": 1, "phone": 2}, RosterContext(DAY))
    assert row.reasons == ("id_precision_lost",)


# -- importing: the CLI ---------------------------------------------------------------------------------------------

def test_cli_imports_valid_rows_and_reports_the_rest(messy, demo_db):
    before = count_people(demo_db)
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rejected_file = messy.with_name("报名汇总_未导入.xlsx")
    assert report == {
        "rows": 15, "valid": 3, "imported": 3, "rejected_file": str(rejected_file),
        "rejected": [{"row": n, "name": report["rejected"][i]["name"], "reasons": EXPECTED[n]}
                     for i, n in enumerate(n for n in sorted(EXPECTED) if EXPECTED[n])]}
    names = {r["row"]: r["name"] for r in report["rejected"]}
    assert names[7] == "王五" and names[15] is None
    assert count_people(demo_db) == before + 3

    again = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--json", "--dry-run")
    data = json.loads(again.stdout)
    assert data["imported"] == 0 and data["valid"] == 0  # everyone is on the roster now
    assert {r["row"] for r in data["rejected"] if "duplicate_existing" in r["reasons"]} >= {5, 6, 18}


def test_rejected_workbook_has_reasons_text_ids_and_imports_again(messy, demo_db):
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--json")
    path = Path(json.loads(result.stdout)["rejected_file"])
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A3"
    header = [c.value for c in ws[2]]
    assert header[:-1] == HEADER
    rows = {r[0].value: r for r in ws.iter_rows(min_row=3)}  # keyed by 序号
    assert len(rows) == 12
    wang, zhao = rows[3], rows[4]  # 6.40422E+17 and the ID with trailing zeros
    assert wang[3].data_type == "s" and wang[3].number_format == "@" and wang[3].value == "640422000000000000"
    assert zhao[3].value == pid(13)[:15] + "000" and zhao[3].data_type == "s"
    assert rows[9][4].value == "1234567" and rows[9][4].data_type == "s"  # row 13
    problems = wang[-1].value
    assert problems.startswith(importer.i18n.text(importer.ROW_PROBLEMS, row=7, problems=""))
    assert importer.i18n.text(importer.roster_domain.REASONS["id_precision_lost"]) in problems
    table = importer.read_roster(path)  # the title row above the header is skipped
    assert table.header_row == 2 and len(table.rows) == 12
    assert importer.guess_mapping(table.headers)["id_number"] == 3


def test_cli_dry_run_imports_nothing_and_writes_nothing(messy, demo_db):
    before = count_people(demo_db)
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"], data["valid"], data["imported"]) == (15, 3, 0) and "rejected_file" not in data
    assert count_people(demo_db) == before
    assert not messy.with_name("报名汇总_未导入.xlsx").exists()
    plain = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--dry-run")
    assert plain.returncode == 0 and "15" in plain.stdout and "id_precision_lost" in plain.stdout


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_cli_refuses_bad_files_in_one_line_and_writes_nothing(tmp_path, demo_db, kind):
    path = make_bad(tmp_path, kind)
    before = count_people(demo_db)
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(path), "--json")
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr and str(path) in lines[0]
    assert result.stdout == ""
    assert count_people(demo_db) == before
    assert not list(tmp_path.glob("*_未导入.xlsx"))


def test_cli_usage_and_unknown_event(messy, demo_db):
    assert run_cli("import-roster", "--db", str(demo_db), str(messy)).returncode == 2  # --event missing
    result = run_cli("import-roster", "--db", str(demo_db), "--event", "99", str(messy), "--json")
    assert result.returncode == 1 and "99" in result.stderr


def test_no_id_number_or_phone_reaches_the_log(messy, demo_db, data_dir, tmp_path):
    run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(messy), "--json")
    run_cli("import-roster", "--db", str(demo_db), "--event", "1", str(make_bad(tmp_path, "broken_zip")))
    logged = "".join(p.read_text(encoding="utf-8", errors="replace") for p in data_dir.rglob("*.log*"))
    for secret in (pid(11), phone(1), pid(13)[:15], "19900000018"):
        assert secret not in logged


# -- importing: the library -----------------------------------------------------------------------------------------

def test_run_import_with_a_corrected_mapping(tmp_path, demo_ws, demo_db):
    wb = Workbook()
    wb.active.append(["姓名", "号码", "电话", "类别"])  # 号码 holds the ID numbers: not recognised
    wb.active.append(["张三", pid(41), phone(41), PUB])
    wb.save(tmp_path / "m.xlsx")
    guessed = importer.run_import(1, tmp_path / "m.xlsx", dry_run=True)
    assert guessed.as_json()["rejected"] == [{"row": 2, "name": "张三", "reasons": ["missing_id"]}]
    before = count_people(demo_db)
    done = importer.run_import(1, tmp_path / "m.xlsx", mapping={"name": 0, "id_number": 1, "phone": 2, "category": 3},
                               save_rejected=True)  # nothing refused: no file
    assert done.as_json() == {"rows": 1, "valid": 1, "imported": 1, "rejected": []}
    assert not list(tmp_path.glob("*_未导入.xlsx"))
    assert count_people(demo_db) == before + 1


def test_commit_is_all_or_nothing(messy, demo_ws, demo_db):
    from desktop_app.services import roster as roster_service
    from desktop_app.services.roster import RosterRefused

    table = importer.read_roster(messy)
    stale = roster_service.context(1)
    stale = RosterContext(stale.event_date, stale.id_required, stale.categories)  # forgets who is on the roster
    report = importer.check_file(table, None, stale)
    assert 10 in {r.row_number for r in report.valid_rows}  # the existing person slipped through the preview
    before = count_people(demo_db)
    with pytest.raises(RosterRefused):
        importer.commit(1, report)
    assert count_people(demo_db) == before


# -- the dialog -----------------------------------------------------------------------------------------------------

def test_import_dialog_previews_remaps_and_imports(qtbot, qtmodeltester, messy, demo_ws, demo_db, tmp_path,
                                                   monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.roster.import_dialog import ImportDialog, ImportResult

    dialog = ImportDialog(None, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.load(messy)
    assert dialog.model.rowCount() == 15
    qtmodeltester.check(dialog.model)
    assert dialog.combos["id_number"].currentData() == 3 and dialog.combos["phone"].currentData() == 4
    assert "15" in dialog.summary.text() and "3" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and "3" in dialog.import_button.text()
    refused = dialog.model.index(2, dialog.model.columnCount() - 1)  # row 7: 6.40422E+17
    assert dialog.model.data(refused)
    assert dialog.model.data(refused, Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.model.data(dialog.model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None

    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        dialog.set_mapping("phone", -1)  # the user says: do not import the phone column
    assert len(dialog.report.valid_rows) == 0 and not dialog.import_button.isEnabled()
    assert all("missing_phone" in r.reasons for r in dialog.report.rows)
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000):
        dialog.set_mapping("name", -1)  # no name column: refused, nothing can be imported
    assert not dialog.import_button.isEnabled() and not dialog.message.isHidden()
    dialog.set_mapping("name", 1)
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10000):
        dialog.set_mapping("phone", 4)
    assert len(dialog.report.valid_rows) == 3 and dialog.import_button.isEnabled()

    dialog.only_problems.setChecked(True)
    assert dialog.model.rowCount() == 12
    before = count_people(demo_db)
    with qtbot.waitSignal(dialog.sig_imported, timeout=10000) as blocker:
        dialog.import_valid()
    assert blocker.args[0] == ImportResult(3, 12)
    assert count_people(demo_db) == before + 3
    assert not dialog.import_button.isEnabled()

    target = tmp_path / "fix.xlsx"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(dialog.sig_rejected_saved, timeout=10000):
        dialog.offer_rejected_file()
    assert load_workbook(target).active.max_row == 2 + 12
    assert dialog.import_result.rejected_file == target


def test_import_dialog_shows_a_refused_file(qtbot, tmp_path, demo_ws):
    from ui.roster.import_dialog import ImportDialog

    dialog = ImportDialog(None, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000) as blocker:
        dialog.load(make_bad(tmp_path, "encrypted"))
    assert "加密.xlsx" in blocker.args[0] and not dialog.message.isHidden()
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_import_dialog_ask_returns_none_without_a_file(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.roster.import_dialog import ImportDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert ImportDialog.ask(None, 1) is None
