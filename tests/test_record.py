"""The record of the day: each item of the issue-29 audit, read back from the written documents and compared with
counts made here in SQL (not with the builders' own strings)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from .conftest import run_cli

# What no document may say: the software's words, instructions to the user, a placeholder.
SOFTWARE_WORDS = ("系统中", "未录入", "请在“", "（待定）", "本表仅列入", "暂无活动流程", "暂无讲解人", "暂无已确认",
                  "暂无可打印", "暂无测评数据", "Open Day Desk")


def docx_text(path) -> str:
    doc = Docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def xlsx_rows(path) -> list[tuple]:
    book = load_workbook(str(path))
    return [row for sheet in book for row in sheet.iter_rows(values_only=True)]


def sql(query: str, *args) -> int:
    from db import models

    return models.database.execute_sql(query, args).fetchone()[0]


@pytest.fixture
def held(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(held=True)


def _package(event_id, out, *, draft=False, today=None):
    from desktop_app import package
    from desktop_app.services import summary

    result = package.write_package(summary.package_snapshot(event_id), out, today=today or dt.date.today(),
                                   draft=draft)
    return result.folder


def _file(folder, stem):
    return next(p for p in folder.iterdir() if p.name.startswith(stem))


# -- the audit, item by item ---------------------------------------------------------------------------------------

def test_speeches_are_counted_by_participants_and_staff(held, tmp_path):
    folder = _package(held.id, tmp_path)
    staff = sql("select count(*) from meeting_note where event_id=? and deleted=0 and speaker_staff_id is not null",
                held.id)
    everyone = sql("select count(*) from meeting_note where event_id=? and deleted=0", held.id)
    assert staff and everyone > staff
    notes = docx_text(_file(folder, "08_"))
    assert f"参加人员发言{everyone - staff}人次" in notes and f"工作人员发言{staff}人次" in notes
    for stem in ("12_", "13_"):
        text = docx_text(_file(folder, stem))
        assert f"参加人员发言{everyone - staff}人次" in text and f"发言{everyone}人次" not in text


def test_the_survey_statistics_count_forms_not_answers(held, tmp_path):
    folder = _package(held.id, tmp_path)
    forms = sql("select count(*) from survey_response where event_id=? and deleted=0", held.id)
    rows = xlsx_rows(_file(folder, "11_满意度测评统计.xlsx"))
    header = next(r for r in rows if r and r[0] == "序号" and "测评内容" in r)
    total = next(r for r in rows if r and isinstance(r[1], str) and r[1].startswith("合计"))
    assert total[header.index("有效答卷（份）")] == forms
    assert any(isinstance(r[0], str) and f"收回测评表{forms}份" in r[0] for r in rows)


def test_replies_are_counted_by_a_recorded_reply(held, tmp_path):
    folder = _package(held.id, tmp_path)
    replied = sql("select count(*) from suggestion where event_id=? and deleted=0 and trim(reply)!='' "
                  "and replied_at is not null", held.id)
    received = sql("select count(*) from suggestion where event_id=? and deleted=0", held.id)
    overdue = sql("select count(*) from suggestion where event_id=? and deleted=0 and not (trim(reply)!='' and "
                  "replied_at is not null) and due_date < ?", held.id, dt.date.today().isoformat())
    waiting = sql("select count(*) from suggestion where event_id=? and deleted=0 and not (trim(reply)!='' and "
                  "replied_at is not null) and trim(department)='' and (due_date is null or due_date >= ?)", held.id,
                  dt.date.today().isoformat())
    assert overdue and replied < received and waiting  # the demo holds suggestions not yet assigned
    handled = received - replied - waiting  # assigned and not replied: 正在办理, not the 尚未交办 ones
    report = docx_text(_file(folder, "10_"))
    assert f"已答复{replied}条" in report and f"正在办理{handled}条（其中{overdue}条已超过答复期限）" in report
    assert f"尚未交办{waiting}条" in report
    assert "已办结" not in report and "已反馈" not in report
    summary = docx_text(_file(folder, "13_"))
    assert f"共收集意见建议{received}条" in summary and f"答复{replied}条" in summary
    assert f"正在办理{handled}条" in summary and f"尚未交办{waiting}条" in summary


def test_the_reply_and_adoption_columns_agree_and_show_the_overdue(held, tmp_path):
    doc = Docx(str(_file(_package(held.id, tmp_path), "10_")))
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    reply_col, adoption_col = header.index("办理答复"), header.index("采纳情况")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    adoptions = {"采纳", "部分采纳", "暂不采纳", "已解释说明"}
    for row in rows:
        pending = row[reply_col] in ("尚未交办", "正在办理", "已超过答复期限，正在办理")
        assert (row[adoption_col] == "—") == pending, row
        assert pending or row[adoption_col] in adoptions, row
    overdue = sql("select count(*) from suggestion where event_id=? and deleted=0 and trim(reply)='' "
                  "and due_date < ?", held.id, dt.date.today().isoformat())
    assert sum(1 for r in rows if r[reply_col] == "已超过答复期限，正在办理") == overdue


def test_the_selection_names_the_directed_invitations(held):
    from desktop_app.services import summary

    directed = sql("select count(*) from invitee where event_id=? and deleted=0 and source='定向邀请'", held.id)
    assert directed
    practice = summary.texts(held.id).report["主要做法"]
    assert f"定向邀请{directed}名" in practice and "，按报名先后确定参加人员" not in practice


def test_one_end_the_agendas_and_a_differing_event_end_is_an_error(held, tmp_path):
    from db import models
    from desktop_app.services import checks, record, route

    day = record.build(held.id)
    assert day.programme.end == route.plan(held.id).timing[-1].end  # the agenda's last item
    assert "end_mismatch" not in {f.rule for f in checks.run_checks(held.id)}
    models.Event.update(end_time=dt.time(11, 40)).where(models.Event.id == held.id).execute()
    found = {f.rule: f for f in checks.run_checks(held.id)}
    assert found["end_mismatch"].severity == "error"
    # the summary compares the actual end with the agenda's end, not the event's end time
    from desktop_app.services import summary

    note = summary.facts(held.id).schedule_note
    actual_end = day.programme.actual_end
    delay = actual_end - day.programme.end
    assert f"较计划{'推迟' if delay > 0 else '提前'}{abs(delay)}分钟结束" in note


def test_the_notes_give_the_meetings_actual_start(held, tmp_path):
    start = sql("select actual_start from agenda_item where event_id=? and kind='meeting' and deleted=0", held.id)
    assert start
    clock = dt.datetime.fromisoformat(str(start))
    notes = docx_text(_file(_package(held.id, tmp_path), "08_"))
    line = next(line for line in notes.splitlines() if line.startswith("时间："))
    assert f"{clock.hour}:{clock.minute:02d}" in line


def test_the_demos_remarks_fall_within_the_meeting_as_recorded(held, tmp_path):
    """The 座谈会记录 gives the meeting's recorded start and end and the time of each remark: none before the
    start (the demo stamped the first remark 10:23 under "时间：10:25—11:25")."""
    notes = docx_text(_file(_package(held.id, tmp_path), "08_"))
    span = re.search(r"时间：.*?(\d{1,2}):(\d{2})—(\d{1,2}):(\d{2})", notes)
    assert span, notes[:200]
    begin, end = int(span[1]) * 60 + int(span[2]), int(span[3]) * 60 + int(span[4])
    stamps = [int(h) * 60 + int(m) for h, m in re.findall(r"^(\d{1,2}):(\d{2}) ", notes, re.M)]
    assert stamps and all(begin <= t <= end for t in stamps), (begin, end, stamps)


def test_a_held_event_without_arrivals_is_not_stated_as_planned(held, tmp_path):
    from db import models

    models.CheckIn.delete().where(models.CheckIn.event == held.id).execute()
    folder = _package(held.id, tmp_path)
    for stem in ("12_", "13_"):
        text = docx_text(_file(folder, stem))
        assert "定于" not in text and "未留存到场签到记录" in text and "系统" not in text
    assert "未发现突出问题" not in docx_text(_file(folder, "13_"))
    assert "实到" not in docx_text(_file(folder, "13_")) and "实到" not in docx_text(_file(folder, "06_"))


def test_a_future_draft_states_no_future_step_as_done(workspace, tmp_path):
    from desktop_app.demo import create_demo_event

    future = create_demo_event()  # 30 days ahead: filed and announced later than today
    folder = _package(future.id, tmp_path, draft=True)
    for stem in ("12_", "13_", "10_"):  # 实施情况, 总结, 意见反馈情况
        text = docx_text(_file(folder, stem))
        assert "定于" in text and "备案" not in text and "发布活动公告" not in text, text
        assert "到场" not in text and "实到" not in text and "未发现突出问题" not in text
        assert "未收集到" not in text and "已答复" not in text
    assert "实到" not in docx_text(_file(folder, "06_")) and "未作记录" not in docx_text(_file(folder, "08_"))
    summary = Docx(str(_file(folder, "13_")))
    assert [c.text for c in summary.tables[0].rows[0].cells] == ["类别", "计划人数", "已确认"]
    assert not any(p.text.endswith(("取得成效", "存在问题", "改进措施")) for p in summary.paragraphs)
    # the reports are never dated before the event they report on
    dates = re.findall(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", docx_text(_file(folder, "10_")), re.M)
    assert dates and all(dt.date(*map(int, d)) >= future.date for d in dates)


def _fresh_event():
    """A half-filled event: a unit and a date, nothing else."""
    from desktop_app.services import events

    return events.create_event(events.EventDraft(unit="某县某局", date=dt.date.today() + dt.timedelta(days=20)))


def test_no_document_carries_software_wording(workspace, held, tmp_path):
    fresh = _fresh_event()
    for event_id, name in ((held.id, "held"), (fresh.id, "fresh")):
        folder = _package(event_id, tmp_path / name, draft=True)
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".docx":
                text = docx_text(path)
            elif path.suffix == ".xlsx":
                text = "\n".join(str(v) for row in xlsx_rows(path) for v in row if v is not None)
            else:
                continue
            for word in SOFTWARE_WORDS:
                assert word not in text, (path.name, word)


def test_a_fresh_event_prints_no_label_without_its_value(workspace, tmp_path):
    """A half-filled event (no place, no leading group): no "地点：" left empty in the 座谈会记录, no list of the
    leading group announced and then empty, no 一是 without a 二是 (all seen rendering such an event)."""
    folder = _package(_fresh_event().id, tmp_path, draft=True)
    for path in sorted(folder.glob("*.docx")):
        lines = [line.strip() for line in docx_text(path).splitlines()]
        blank = [line for line in lines if line.endswith("：") and len(line) <= 6 and line != "承诺人："]  # signed by hand
        assert not blank, (path.name, blank)
    assert "组成人员如下" not in docx_text(_file(folder, "01_"))
    report = docx_text(_file(folder, "13_"))
    assert "一是" not in report or "二是" in report


def test_a_blank_survey_form_carries_the_default_questions_and_a_number_box(workspace, tmp_path):
    from desktop_app.documents import export
    from desktop_app.services import feedback, plan

    fresh = _fresh_event()
    written = export.export("survey-form", plan.snapshot(fresh.id), plan.doc_fonts(), tmp_path,
                            feedback=feedback.feedback_snapshot(fresh.id))
    assert not feedback.questions(fresh.id)  # nothing stored by writing the blank form
    text = docx_text(next(p for p in written if "满意度测评表" in p.name))
    assert all(question in text for kind, question in feedback.DEFAULT_QUESTIONS if kind == "scale")
    assert "编号" in text


def test_openday_stats_reads_the_record(held, db_path):
    from desktop_app.services import record

    stats = json.loads(run_cli("stats", "--db", str(db_path), "--event", str(held.id), "--json").stdout)
    assert stats == record.build(held.id).stats()
    assert stats["checked_in"] == sql("select count(distinct invitee_id) from check_in where event_id=? and "
                                      "deleted=0 and undone_at is null", held.id)


# -- record.json ---------------------------------------------------------------------------------------------------

def test_the_package_carries_record_json_and_verify_checks_it(held, tmp_path):
    from desktop_app import package, signing
    from desktop_app.domain.record import problems

    folder = _package(held.id, tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {"path": "record.json", "kind": "record"}.items() <= next(
        e for e in manifest["files"] if e["path"] == "record.json").items()
    data = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    assert problems(data) == []
    assert data["arrived"] == sql("select count(distinct invitee_id) from check_in where event_id=? and deleted=0 "
                                  "and undone_at is null", held.id)
    assert data["forms"] == sql("select count(*) from survey_response where event_id=? and deleted=0", held.id)
    assert re.fullmatch(r"\d\d:\d\d", data["programme"]["end"])
    assert package.verify_package(folder).ok
    # A record.json that is not well-formed, re-listed and re-signed: the package does not verify.
    data["speeches"] = {"participants": -1}
    (folder / "record.json").write_text(json.dumps(data), encoding="utf-8")
    entry = next(e for e in manifest["files"] if e["path"] == "record.json")
    entry["size"] = (folder / "record.json").stat().st_size
    entry["sha256"] = package._sha256(folder / "record.json")
    manifest.pop("signature", None)
    (folder / "manifest.json").write_text(json.dumps(signing.sign(manifest), ensure_ascii=False), encoding="utf-8")
    report = package.verify_package(folder)
    assert not report.ok and report.wrong_kind == ["record.json"]


def test_record_json_problems_name_what_is_wrong():
    from desktop_app.domain.record import DayRecord, problems

    good = DayRecord(uuid="u", unit="某局", title="t", date=dt.date(2026, 9, 28), today=dt.date(2026, 10, 1)).as_json()
    assert problems(good) == []
    assert problems([]) == ["not a JSON object"]
    assert any("format" in p for p in problems({**good, "format": 2}))
    assert any("programme.end" in p for p in problems({**good, "programme": {**good["programme"], "end": "9:5"}}))
    assert any("dates.filed" in p for p in problems({**good, "dates": {**good["dates"], "filed": "2026-9-1"}}))
    assert any("arrived" in p for p in problems({**good, "arrived": True}))


# -- 成文日期 -------------------------------------------------------------------------------------------------------

def test_the_implementation_is_dated_the_day_after_the_event_unless_chosen(held, tmp_path, db_path):
    from desktop_app.domain.dates import cn_date

    out = tmp_path / "out"
    made = run_cli("export", "implementation", "--db", str(db_path), "--event", str(held.id), "--out", str(out),
                   "--json")
    assert made.returncode == 0, made.stderr
    path = json.loads(made.stdout)["files"][0]
    assert cn_date(held.date + dt.timedelta(days=1)) in docx_text(path).splitlines()
    chosen = held.date + dt.timedelta(days=2)
    made = run_cli("export", "implementation", "--db", str(db_path), "--event", str(held.id), "--out", str(out),
                   "--date", chosen.isoformat(), "--json", "--overwrite")
    assert made.returncode == 0, made.stderr
    assert cn_date(chosen) in docx_text(json.loads(made.stdout)["files"][0]).splitlines()
    late = held.date + dt.timedelta(days=9)
    run_cli("export", "implementation", "--db", str(db_path), "--event", str(held.id), "--out", str(out),
            "--date", late.isoformat(), "--overwrite")
    found = json.loads(run_cli("check", "--db", str(db_path), "--event", str(held.id), "--json").stdout)
    assert "document_date" in {f["rule"] for f in found["findings"]}
    wrong = run_cli("export", "roster", "--db", str(db_path), "--event", str(held.id), "--out", str(out),
                    "--date", late.isoformat())
    assert wrong.returncode == 2


def test_a_plan_is_never_dated_after_its_event(workspace, tmp_path):
    """A plan written down after the day (an event entered late) is dated before its event, not on the day of
    export."""
    from desktop_app.documents import export
    from desktop_app.services import events, plan

    day = dt.date.today() - dt.timedelta(days=10)
    late = events.create_event(events.EventDraft(unit="某县某局", date=day))
    written = export.export("plan", plan.snapshot(late.id), plan.doc_fonts(), tmp_path, today=dt.date.today())
    text = docx_text(written[0])
    signed = [dt.date(int(y), int(m), int(d)) for y, m, d in re.findall(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", text,
                                                                        re.M)]
    assert signed and max(signed) < day, signed


# -- the filing set ------------------------------------------------------------------------------------------------

def test_the_attendance_record_lists_who_arrived_masked_unless_internal(held, tmp_path):
    from desktop_app import package
    from desktop_app.services import summary

    arrived = sql("select count(distinct invitee_id) from check_in where event_id=? and deleted=0 "
                  "and undone_at is null", held.id)
    phone = sql("select i.phone from check_in c join invitee i on i.id=c.invitee_id where c.event_id=? "
                "and i.phone!='' limit 1", held.id)
    folder = _package(held.id, tmp_path / "masked")
    doc = Docx(str(folder / "06_签到记录_脱敏.docx"))
    rows = doc.tables[0].rows[1:]
    assert len(rows) == arrived and f"实到{arrived}人" in docx_text(folder / "06_签到记录_脱敏.docx")
    assert phone not in docx_text(folder / "06_签到记录_脱敏.docx")
    times = [row.cells[-1].text for row in rows]
    assert times == sorted(times) and all(re.fullmatch(r"\d\d:\d\d", t) for t in times)
    internal = package.write_package(summary.package_snapshot(held.id), tmp_path / "internal", masked=False)
    assert phone in docx_text(internal.folder / "06_签到记录.docx")


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice renders the pages")
def test_the_signin_sheet_has_no_empty_page(held, tmp_path):
    import subprocess

    from desktop_app.documents import export
    from desktop_app.services import exports

    written = export.export("signin-sheet", out_dir=tmp_path, **exports.sources("signin-sheet", held.id))
    docx = next(p for p in written if p.suffix == ".docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(docx.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [re.sub(r"—\s*\d+\s*—", "", page).strip() for page in text.split("\f")[:-1]]  # less the page numbers
    assert pages and all(pages), [len(p) for p in pages]


def test_the_catalogue_is_an_archive_file_list(held, tmp_path):
    """00_归档目录 in the manner of DA/T 22-2015: 件号, 责任者, 文号, 题名, 日期 (8 digits), 页数, 备注 — one row per item;
    the pages blank (and the table says so) unless counted."""
    from desktop_app import package
    from desktop_app.services import summary

    result = package.write_package(summary.package_snapshot(held.id), tmp_path / "plain")
    doc = Docx(str(result.folder / "00_归档目录.docx"))
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["件号", "责任者", "文号", "题名", "日期", "页数", "备注"]
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows[1:]]
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert all(re.fullmatch(r"\d{8}", r[4]) for r in rows) and all(r[1] == held.unit for r in rows)
    implementation = next(r for r in rows if r[3].endswith("活动实施情况"))
    assert implementation[4] == f"{held.date + dt.timedelta(days=1):%Y%m%d}"
    assert not any(r[5] for r in rows) and "页数栏于打印后填写。" in docx_text(result.folder / "00_归档目录.docx")
    if __import__("shutil").which("soffice"):
        counted = package.write_package(summary.package_snapshot(held.id), tmp_path / "counted", pages=True)
        rows = [[c.text for c in row.cells] for row in Docx(str(counted.folder / "00_归档目录.docx")).tables[0].rows[1:]]
        assert all(r[5].isdigit() for r in rows if not r[3].startswith("活动数据"))


def test_the_pass_states_the_date_the_gathering_time_and_place(held, tmp_path):
    from desktop_app.documents import export
    from desktop_app.domain.dates import cn_date
    from desktop_app.services import exports

    place = sql("select gathering_place from event where id=?", held.id)
    time = dt.time.fromisoformat(sql("select gathering_time from event where id=?", held.id))
    written = export.export("passes", out_dir=tmp_path, **exports.sources("passes", held.id))
    text = docx_text(written[0])
    assert f"{cn_date(held.date)}　{time.hour}:{time.minute:02d}前于{place}集合" in text
    assert held.unit in text
