"""Feedback: reply deadlines, the suggestion status flow, the survey, the rule check and milestone, the
documents (the public report masks people), the CLI, and the 意见 tab."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import run_cli

DAY = dt.date(2026, 12, 20)


@pytest.fixture
def demo(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(DAY)


@pytest.fixture
def held(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(held=True)


# -- deadlines -------------------------------------------------------------------------------------------------------

def test_due_date_in_calendar_and_working_days_across_national_day():
    from desktop_app.domain.feedback import due_date

    tuesday = dt.date(2026, 9, 29)
    assert due_date(tuesday, 15, working=False).date == dt.date(2026, 10, 14)
    # 9-30 worked; 10-1…10-7 国庆; 10-8, 10-9 worked; Saturday 10-10 is a make-up working day; Sunday 10-11 not.
    assert due_date(tuesday, 5, working=True).date == dt.date(2026, 10, 12)
    fifteen = due_date(tuesday, 15, working=True)
    assert fifteen.date == dt.date(2026, 10, 26) and not fifteen.beyond_data


def test_due_date_with_overrides_and_beyond_the_holiday_data():
    from desktop_app.domain import workdays
    from desktop_app.domain.feedback import due_date

    friday = dt.date(2026, 11, 20)
    assert due_date(friday, 1, working=True).date == dt.date(2026, 11, 23)
    closed_monday = {dt.date(2026, 11, 23): False}
    assert due_date(friday, 1, working=True, overrides=closed_monday).date == dt.date(2026, 11, 24)
    last = workdays.data_years()[1]
    beyond = due_date(dt.date(last + 3, 6, 1), 15, working=True)
    assert beyond.beyond_data and beyond.date.weekday() < 5


def test_due_states():
    from desktop_app.domain.feedback import due_state

    today = dt.date(2026, 12, 2)
    assert due_state("in_progress", dt.date(2026, 12, 1), today) == "overdue"
    assert due_state("done", dt.date(2026, 12, 1), today) == "overdue"  # handled but not answered: still owed
    assert due_state("in_progress", dt.date(2026, 12, 5), today) == "due_soon"
    assert due_state("in_progress", dt.date(2026, 12, 20), today) == "open"
    assert due_state("answered", dt.date(2026, 11, 1), today) == "answered"
    assert due_state("pending", None, today) == "undated"


# -- the status flow -------------------------------------------------------------------------------------------------

def test_status_refusals_name_what_is_missing():
    from desktop_app.domain import feedback as fb

    bare = fb.SuggestionFacts(content="增加停车位")
    assert fb.refusal("pending", bare) is None
    assert fb.refusal("in_progress", bare) == fb.NEEDS_DEPARTMENT
    assigned = fb.SuggestionFacts(content="增加停车位", department="综合办公室")
    assert fb.refusal("done", assigned) is None
    assert fb.refusal("answered", assigned) == fb.NEEDS_REPLY
    replied = fb.SuggestionFacts("增加停车位", "综合办公室", "已协调", dt.date(2026, 12, 1), "phone")
    assert fb.refusal("answered", replied) == fb.NEEDS_ADOPTION
    declined = fb.SuggestionFacts("增加停车位", "综合办公室", "已协调", dt.date(2026, 12, 1), "phone", "not_adopted")
    assert fb.refusal("answered", declined) == fb.NEEDS_REASON
    assert fb.refusal("answered", fb.SuggestionFacts(
        "增加停车位", "综合办公室", "已协调", dt.date(2026, 12, 1), "phone", "not_adopted", "无用地")) is None
    assert fb.refusal("in_progress", fb.SuggestionFacts()) == fb.NEEDS_CONTENT
    assert fb.refusal("closed", bare) == fb.UNKNOWN_STATUS


def test_service_flow_fills_dates_and_refuses_without_changing(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import feedback, plan

    s = feedback.add_suggestion(demo.id, source="meeting", content="建议增加周末预约服务")
    assert s.status == "pending" and s.due_date is None and s.topic == "建议增加周末预约服务"  # from the content
    with pytest.raises(UserError) as refused:
        feedback.update_suggestion(s.id, status="in_progress", topic="周末预约")
    assert "科室" in str(refused.value) or "department" in str(refused.value)
    assert feedback.suggestion(s.id).topic == s.topic  # nothing of the refused change was kept
    monday = dt.date(2026, 12, 21)
    s = feedback.update_suggestion(s.id, status="in_progress", department="政务服务中心", today=monday)
    assert s.assigned_at == monday and s.due_date == monday + dt.timedelta(days=15)
    # The plan's deadline rule in working days moves the due date when the assignment day changes.
    plan.update_plan(demo.id, thresholds={"working_days": True})
    s = feedback.update_suggestion(s.id, assigned_at=dt.date(2026, 9, 29))
    assert s.due_date == dt.date(2026, 10, 26)
    with pytest.raises(UserError):
        feedback.update_suggestion(s.id, status="answered", reply="已开通周末预约")
    s = feedback.update_suggestion(s.id, status="answered", reply="已开通周末预约", reply_channel="website",
                                   adoption="adopted", today=dt.date(2026, 10, 20))
    assert s.status == "answered" and s.replied_at == dt.date(2026, 10, 20)
    s = feedback.update_suggestion(s.id, status="in_progress")  # reopening is allowed
    assert s.status == "in_progress"


def test_notes_become_linked_suggestions_once(demo):
    from desktop_app.services import checkin, feedback

    person = checkin.people(demo.id)[0]
    staff = feedback.staff_speakers(demo.id)[0]
    feedback.add_note(demo.id, "欢迎各位代表。", staff_id=staff.id)
    note = feedback.add_note(demo.id, "建议自助区安排专人引导。", invitee_id=person.id)
    free = feedback.add_note(demo.id, "希望多举办。", speaker_text="一位市民")
    rows = feedback.notes(demo.id)
    assert [r.speaker.split("（")[0] for r in rows] == [staff.name, person.name, "一位市民"]
    made = feedback.note_to_suggestion(note.id)
    assert made.source == "meeting" and made.invitee_id == person.id and made.note_id == note.id
    assert feedback.note_to_suggestion(note.id).id == made.id
    assert next(r for r in feedback.notes(demo.id) if r.id == note.id).suggestion_id == made.id
    feedback.set_note_deleted(free.id)
    assert len(feedback.notes(demo.id)) == 2
    feedback.set_note_deleted(free.id, False)
    assert len(feedback.notes(demo.id)) == 3


def test_rule_check_and_milestone_follow_the_suggestions(demo):
    from desktop_app.services import checks, feedback, plan

    today = dt.date(2026, 12, 30)
    a = feedback.add_suggestion(demo.id, content="甲", topic="甲")
    b = feedback.add_suggestion(demo.id, content="乙", topic="乙")
    feedback.update_suggestion(a.id, status="in_progress", department="综合办公室", today=dt.date(2026, 12, 10))
    feedback.update_suggestion(b.id, status="in_progress", department="综合办公室", today=dt.date(2026, 12, 16))
    rules = {f.rule: f for f in checks.run_checks(demo.id, today=today)}
    assert rules["feedback_overdue"].severity == "error" and rules["feedback_overdue"].params["count"] == 1
    assert rules["feedback_due_soon"].severity == "warning"
    assert "feedback" not in plan.milestones_done(demo.id)
    for s, day in ((a, dt.date(2026, 12, 28)), (b, dt.date(2026, 12, 29))):
        feedback.update_suggestion(s.id, status="answered", reply="已办理", reply_channel="phone",
                                   adoption="adopted", replied_at=day)
    rules = {f.rule for f in checks.run_checks(demo.id, today=today)}
    assert not rules & {"feedback_overdue", "feedback_due_soon"}
    assert plan.milestones_done(demo.id)["feedback"] == dt.date(2026, 12, 29)


# -- the survey ------------------------------------------------------------------------------------------------------

def test_survey_statistics_and_keyed_forms(demo):
    from desktop_app.domain import survey as survey_rules
    from desktop_app.services import feedback

    questions = feedback.ensure_questionnaire(demo.id)
    scale = [q for q in questions if q.kind == "scale"]
    assert len(scale) == 4 and scale[0].options == survey_rules.DEFAULT_SCALE
    counts = [len(q.options) for q in scale]
    assert survey_rules.parse_keyed("1120", counts).choices == (0, 0, 1, None)
    assert survey_rules.parse_keyed("12", counts).choices == (0, 1, None, None)
    assert survey_rules.parse_keyed(" 12 ", counts).choices == (None, 0, 1, None)  # a space: that question left blank
    assert survey_rules.parse_keyed("16", counts).error == survey_rules.INVALID_DIGIT
    assert survey_rules.parse_keyed("11111", counts).error == survey_rules.TOO_MANY
    open_q = next(q for q in questions if q.kind == "open")
    for keyed in ("1111", "2222", "3333", "1250"):
        feedback.add_response(demo.id, list(survey_rules.parse_keyed(keyed, counts).choices),
                              {open_q.id: "增设母婴室" if keyed == "3333" else ""})
    stats = feedback.survey_stats(demo.id)
    assert stats.responses == 4 and stats.questions[0].counts == (2, 1, 1, 0, 0)
    assert stats.questions[3].answers == 3  # one left blank
    assert stats.questions[1].satisfaction == pytest.approx(3 / 4)
    assert stats.satisfaction == pytest.approx(10 / 15)
    assert [text for _, _, text in stats.open_answers] == ["增设母婴室"]
    assert [r.form_no for r in feedback.responses(demo.id)] == [1, 2, 3, 4]
    made = feedback.answer_to_suggestion(stats.open_answers[0][0])
    assert made.source == "survey" and made.content == "增设母婴室"
    assert feedback.answer_to_suggestion(stats.open_answers[0][0]).id == made.id
    feedback.set_response_deleted(feedback.responses(demo.id)[0].id)
    assert feedback.survey_stats(demo.id).responses == 3


@given(st.lists(st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=3, max_size=3), max_size=40))
def test_survey_rate_is_the_share_of_the_first_two_options(forms):
    from desktop_app.domain.survey import survey_stats

    questions = [(i, f"问{i}", ("满意", "比较满意", "一般", "不太满意", "不满意")) for i in range(3)]
    answers = [(q, choice) for form in forms for q, choice in enumerate(form)]
    stats = survey_stats(questions, answers, len(forms))
    chosen = [c for _, c in answers if c is not None]
    assert stats.answers == len(chosen)
    if chosen:
        assert stats.satisfaction == pytest.approx(sum(1 for c in chosen if c < 2) / len(chosen))
    else:
        assert stats.satisfaction is None
    for q in stats.questions:
        assert sum(q.counts) == q.answers


def test_mask_name():
    from desktop_app.domain.feedback import mask_name

    assert [mask_name(n) for n in ("张三", "欧阳娜娜", "李", "")] == ["张*", "欧***", "李", ""]


# -- documents -------------------------------------------------------------------------------------------------------

ID_PATTERN = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
PHONE_PATTERN = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def _docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_documents_read_back_and_the_public_report_hides_people(held, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from desktop_app.documents import export, kinds
    from desktop_app.services import checkin, feedback, plan

    person = next(p for p in checkin.people(held.id) if p.phone)
    from db import models

    id_number = models.Invitee.get_by_id(person.id).id_number
    s = feedback.add_suggestion(held.id, content=f"请回电{person.phone}，身份证{id_number}", invitee_id=person.id)
    feedback.update_suggestion(s.id, status="answered", department="综合办公室", reply=f"已电话{person.phone}答复",
                               reply_channel="phone", adoption="explained")
    snap = feedback.feedback_snapshot(held.id)
    fonts, plan_snap = plan.doc_fonts(), plan.snapshot(held.id)
    files = {}
    for kind in (k.key for k in kinds.KINDS if k.reads == "feedback"):
        for path in export.export(kind, plan_snap, fonts, tmp_path, feedback=snap):
            files[path.name.split("_")[-1]] = path
    assert set(files) == {"座谈会记录.docx", "意见建议台账.xlsx", "意见建议办理反馈情况.docx", "满意度测评统计.xlsx",
                          "满意度测评统计.png", "满意度测评表.docx", "征求意见表.docx"}

    report = _docx_text(files["意见建议办理反馈情况.docx"])
    assert not PHONE_PATTERN.search(report) and not ID_PATTERN.search(report)
    assert person.name not in report and person.name[0] + "*" in report
    table = Document(str(files["意见建议办理反馈情况.docx"])).tables[0]
    assert len(table.rows) == 1 + len(snap.suggestions)

    notes = _docx_text(files["座谈会记录.docx"])
    assert all(n.remark in notes for n in snap.notes)

    ledger = load_workbook(files["意见建议台账.xlsx"]).active
    assert ledger.cell(3, 5).value == "意见建议内容"
    assert ledger.max_row == 3 + len(snap.suggestions)
    overdue_rows = [r for r in range(4, ledger.max_row + 1) if ledger.cell(r, 16).value == "已超期"]
    assert len(overdue_rows) == 1 and ledger.cell(overdue_rows[0], 1).fill.fgColor.rgb.endswith("FFCDD2")

    survey = load_workbook(files["满意度测评统计.xlsx"])
    sheet = survey["满意度统计"]
    assert sheet.cell(4, 3).value == snap.stats.questions[0].counts[0]
    assert files["满意度测评统计.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    form = Document(str(files["满意度测评表.docx"]))
    assert len(form.tables[0].rows) == 1 + sum(1 for q in snap.questions if q.kind == "scale")


def test_cli_exports_feedback_and_checks(tmp_path):
    db = tmp_path / "held.sqlite3"
    made = run_cli("demo", "--db", str(db), "--held")
    assert made.returncode == 0, made.stderr
    event = made.stdout.strip()
    result = run_cli("export", "feedback-report", "--db", str(db), "--event", event, "--out", str(tmp_path / "o"),
                     "--json")
    assert result.returncode == 0, result.stderr
    (path,) = json.loads(result.stdout)["files"]
    assert path.endswith("意见建议办理反馈情况.docx")
    check = json.loads(run_cli("check", "--db", str(db), "--event", event, "--json").stdout)
    assert "feedback_overdue" in {f["rule"] for f in check["findings"]}
    stats = json.loads(run_cli("stats", "--db", str(db), "--event", event, "--json").stdout)
    assert 0 < stats["checked_in"] < stats["confirmed"]


def test_held_demo_has_every_status_and_one_overdue(held):
    from desktop_app.services import feedback

    rows = feedback.suggestions(held.id)
    today = dt.date.today()
    assert len(rows) == 12 and {r.status for r in rows} == {"pending", "in_progress", "done", "answered"}
    assert sum(1 for r in rows if r.due_state(today) == "overdue") == 1
    assert len(feedback.notes(held.id)) >= 6
    from desktop_app.services import record

    day = record.build(held.id)  # one form per person who came, at most: no finding on the demo
    assert feedback.survey_stats(held.id).responses == day.forms == day.arrived


# -- the tab ---------------------------------------------------------------------------------------------------------

def test_models_pass_the_model_tester(qtmodeltester, held, workspace):
    from ui.feedback.tab import FeedbackTab

    tab = FeedbackTab()
    tab.set_event(held.id)
    qtmodeltester.check(tab.ledger.model)
    qtmodeltester.check(tab.ledger.proxy)
    qtmodeltester.check(tab.notes.model)


def test_live_note_entry_with_ctrl_enter(qtbot, demo, workspace):
    from PySide6.QtCore import Qt

    from desktop_app.services import checkin, feedback
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("feedback")
    window.tabs.setCurrentWidget(tab)
    page = tab.notes
    person = next(p for p in checkin.people(demo.id) if p.status == "confirmed")
    page.speaker.setFocus()
    qtbot.keyClicks(page.speaker, person.phone[-4:])  # found as at check-in (QTest types ASCII only)
    label = next(text for text, (kind, ident) in page._choices.items() if ident == person.id and kind == "invitee")
    page.speaker.completer().activated.emit(label)
    page.speaker.setText(label)  # as the completer writes the choice into the field …
    page.speaker.textEdited.emit(label)  # … which some Qt versions report as an edit
    page.remark.insertPlainText("建议增加休息座椅")
    qtbot.keyClick(page.remark, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.remark.toPlainText() == "" and page.speaker.text() == ""
    page.speaker.setText("一位市民")
    page.remark.insertPlainText("希望常态化")
    qtbot.keyClick(page.remark, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = feedback.notes(demo.id)
    assert [(r.invitee_id, r.speaker_text, r.remark) for r in rows] == [
        (person.id, "", "建议增加休息座椅"), (None, "一位市民", "希望常态化")]
    assert page.model.rowCount() == 2
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.to_suggestion()
    assert tab.pages.currentWidget() is tab.ledger and tab.ledger._current.content == "建议增加休息座椅"


def test_survey_keyboard_entry(qtbot, demo, workspace, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services import feedback
    from ui.feedback.tab import FeedbackTab

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    tab = FeedbackTab()
    qtbot.addWidget(tab)
    tab.set_event(demo.id)
    page = tab.survey
    for keyed in ("1111", "1212", "2130"):
        qtbot.keyClicks(page.keys, keyed)
        qtbot.keyClick(page.keys, Qt.Key.Key_Return)
    assert page.keys.text() == "" and "3" in page.entry_count.text()
    qtbot.keyClicks(page.keys, "1")
    page.open_text.setText("增设母婴室")
    qtbot.keyClick(page.open_text, Qt.Key.Key_Return)
    qtbot.keyClicks(page.keys, "19")  # 9 is not an option of a 5-point question
    qtbot.keyClick(page.keys, Qt.Key.Key_Return)
    assert warnings and page.keys.text() == "19"
    stats = feedback.survey_stats(demo.id)
    assert stats.responses == 4 and stats.questions[0].counts[:2] == (3, 1)
    assert page.open_answers.count() == 1
    page.entered.setCurrentRow(0)
    page.delete_form()
    assert feedback.survey_stats(demo.id).responses == 3
    page.undo_delete()
    assert feedback.survey_stats(demo.id).responses == 4


def test_ledger_refuses_answer_without_reason_and_keeps_input(qtbot, held, workspace, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services import feedback
    from ui.feedback.tab import FeedbackTab

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    tab = FeedbackTab()
    qtbot.addWidget(tab)
    tab.set_event(held.id)
    page = tab.ledger
    target = next(r for r in feedback.suggestions(held.id) if r.status == "in_progress")
    page.select(target.id)
    page.status.setCurrentIndex(page.status.findData("answered"))
    page.reply.setPlainText("经研究暂不具备条件")
    page.reply_channel.setCurrentIndex(page.reply_channel.findData("letter"))
    page.adoption.setCurrentIndex(page.adoption.findData("not_adopted"))
    assert not page.save()
    assert warnings and page.reply.toPlainText() == "经研究暂不具备条件"
    assert feedback.suggestion(target.id).status == "in_progress"
    page.reason.setText("场地受限")
    assert page.save()
    assert feedback.suggestion(target.id).status == "answered"
    pending = next(r for r in feedback.suggestions(held.id) if r.status == "pending")
    page.select(pending.id)
    page.status.setCurrentIndex(page.status.findData("in_progress"))
    page.department.setCurrentText("综合办公室")
    assert page.save()
    assigned = feedback.suggestion(pending.id)  # assigned today, due by the event's rule (15 days)
    assert assigned.assigned_at == dt.date.today()
    assert assigned.due_date == assigned.assigned_at + dt.timedelta(days=15)
    page.overdue_filter.setChecked(True)
    assert all(page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).due_state(dt.date.today())
               == "overdue" for r in range(page.proxy.rowCount()))
