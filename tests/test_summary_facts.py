"""Every fact sentence of the 活动实施情况 and the 总结评估报告 is written only when its fact is recorded: each is
tested with the fact present and absent. The 存在问题 are the figures that miss the event's thresholds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from docx.oxml.ns import qn

from desktop_app import paths
from desktop_app.domain.plan import Thresholds
from desktop_app.domain.summary import CategoryAttendance, SummaryFacts, implementation_draft, report_draft


@pytest.fixture(scope="module")
def texts():
    return json.loads(paths.resource("summary", "drafts.json").read_text(encoding="utf-8"))


DAY = dt.date(2026, 11, 23)
HELD = SummaryFacts(
    unit="某县政务服务中心", theme="便民服务", venue="政务服务大厅", date=DAY,
    categories=(CategoryAttendance("群众代表", 20, 20, 18, True), CategoryAttendance("企业代表", 10, 10, 9, False)),
    walk_ins=2, stops=("综合窗口", "自助服务区"), guided=True, meeting_held=True, meeting_notes=6, suggestions=4,
    suggestions_replied=2, suggestions_on_time=2, survey_responses=25, satisfaction=0.96,
    schedule_note="活动实际于9:00开始（与计划一致）。", filing_date=dt.date(2026, 10, 30),
    announcement_date=dt.date(2026, 11, 4), channels=("电话", "现场"), selection_rule="first_come",
    registered=30, confirmed_recorded=30, thresholds=Thresholds())


def _all(facts, texts) -> str:
    return implementation_draft(facts, texts) + "\n" + "\n".join(report_draft(facts, texts).values())


def test_a_held_event_with_everything_recorded_says_it_all(texts):
    text = _all(HELD, texts)
    for fact in ("举办了", "27名", "依次参观了综合窗口、自助服务区", "讲解人员", "发言6人次", "测评表25份", "满意率96.0%",
                 "意见建议4条", "2026年10月30日报政务公开办公室备案", "2026年11月4日发布活动公告", "通过电话、现场等渠道",
                 "按报名先后", "逐一确认参加人员30名", "现场报名2人", "9:00开始"):
        assert fact in text, fact
    report = report_draft(HELD, texts)
    assert "未发现突出问题" in report["存在问题"]


@pytest.mark.parametrize("change, gone", [
    ({"filing_date": None}, "备案"),
    ({"announcement_date": None}, "发布活动公告"),
    ({"channels": ()}, "等渠道接受报名"),
    ({"confirmed_recorded": 12}, "逐一确认"),
    ({"meeting_held": False, "meeting_notes": 0}, "座谈会"),
    ({"meeting_notes": 0}, "人次"),
    ({"survey_responses": 0, "satisfaction": None}, "测评表"),
    ({"suggestions": 0, "suggestions_replied": 0, "suggestions_on_time": 0}, "意见建议4条"),
    ({"suggestions_replied": 0, "suggestions_on_time": 0}, "已按期答复2条"),
    ({"guided": False}, "讲解人员"),
    ({"stops": ()}, "参观了"),
    ({"walk_ins": 0}, "现场报名"),
    ({"schedule_note": ""}, "实际于"),
])
def test_a_fact_not_recorded_is_not_claimed(texts, change, gone):
    assert gone in _all(HELD, texts)
    assert gone not in _all(replace(HELD, **change), texts)


def test_a_partly_recorded_confirmation_is_stated_as_far_as_it_goes(texts):
    text = report_draft(replace(HELD, confirmed_recorded=12), texts)["主要做法"]
    assert "确认参加人员30名" in text and "逐一" not in text


def test_no_arrivals_recorded_claims_no_meeting_and_no_praise(texts):
    nobody = replace(HELD, categories=tuple(replace(c, arrived=0) for c in HELD.categories), walk_ins=0,
                     meeting_held=False, meeting_notes=0, suggestions=0, suggestions_replied=0, suggestions_on_time=0,
                     survey_responses=0, satisfaction=None, schedule_note="")
    text = _all(nobody, texts)
    # Held (the day has come): never 定于; the missing arrivals stated in official words, not the software's.
    assert "定于" not in text and "未留存到场签到记录" in text and "系统" not in text
    for claim in ("充分肯定", "0名参加人员", "座谈会", "依次参观", "增进了理解", "填写了满意度测评表"):
        assert claim not in text, claim
    report = report_draft(nobody, texts)
    assert "少于" not in report["存在问题"] and "未收集到意见建议" in report["取得成效"]
    assert "未留存到场签到记录" in report["存在问题"] and "未发现突出问题" not in report["存在问题"]


@pytest.mark.parametrize("change, problem", [
    ({"categories": (CategoryAttendance("群众代表", 20, 20, 4, True), CategoryAttendance("企业代表", 10, 10, 9, False))},
     "低于33%的要求"),
    ({"categories": (CategoryAttendance("群众代表", 20, 20, 10, True),)}, "少于25人的要求"),
    ({"registered": 20}, "活动宣传的广度还需加强"),
    ({"suggestions_overdue": 2}, "2条意见建议已超过答复期限"),
    ({"satisfaction": 0.8}, "满意率80.0%，低于90%"),
    ({"meeting_held": False, "meeting_notes": 0, "survey_responses": 0, "satisfaction": None}, "未记录座谈交流"),
])
def test_problems_come_from_the_figures_against_the_thresholds(texts, change, problem):
    assert problem not in report_draft(HELD, texts)["存在问题"]
    report = report_draft(replace(HELD, **change), texts)
    assert problem in report["存在问题"] and "未发现突出问题" not in report["存在问题"]
    assert report["改进措施"].startswith("一是") and "二是" in report["改进措施"]


def test_a_share_that_meets_the_event_threshold_is_no_problem(texts):
    # 65 % of public representatives: no "占比有待提高" (it was printed for every event).
    facts = replace(HELD, categories=(CategoryAttendance("群众代表", 20, 20, 13, True),
                                      CategoryAttendance("企业代表", 10, 10, 7, False)))
    assert "群众代表" not in report_draft(facts, texts)["存在问题"]
    stricter = replace(facts, thresholds=Thresholds(public_share=0.7))
    assert "低于70%的要求" in report_draft(stricter, texts)["存在问题"]


def test_the_summary_ends_the_day_against_the_agendas_end(workspace):
    """The programme has one end, the agenda's: the summary compares the actual end with the last item's planned
    end (the event's own end time must agree with it, or the rule check says so)."""
    from desktop_app.demo import create_demo_event
    from desktop_app.services import route, summary

    held = create_demo_event(held=True)
    day = route.plan(held.id)
    last_end = next(d.actual_end for d in reversed(day.deviations) if d.actual_end is not None)
    note = summary.facts(held.id).schedule_note
    delay = last_end - day.end
    expected = "（与计划一致）" if delay == 0 else f"较计划{'推迟' if delay > 0 else '提前'}{abs(delay)}分钟结束"
    assert expected in note, note


def test_feedback_report_and_notes_state_what_the_ledger_holds(workspace):
    from dataclasses import replace as dc_replace

    from desktop_app.demo import create_demo_event
    from desktop_app.documents.feedback_docs import WAYS_CN, build_notes, report_intro
    from desktop_app.services import feedback

    held = create_demo_event(held=True)
    s = feedback.feedback_snapshot(held.id)
    intro = report_intro(s)
    used = {r.source for r in s.suggestions}
    for code, way in WAYS_CN.items():
        assert (way in intro) == (code in used), way
    assert f"共收集意见建议{len(s.suggestions)}条" in intro
    figures = s.record.suggestions._replace(assigned=0)  # the figures come from the record of the day
    unassigned = dc_replace(s, record=s.record._replace(suggestions=figures))
    assert "交办相关科室" not in report_intro(unassigned) and "尚未交办" in report_intro(unassigned)
    empty = dc_replace(s, suggestions=(), record=s.record._replace(suggestions=figures._replace(received=0)))
    assert "未收集到意见建议" in report_intro(empty) and "逐条梳理" not in report_intro(empty)

    def lines(doc):
        return [b.text for b in doc.blocks if hasattr(b, "text")]

    notes = lines(build_notes(s))
    assert any(t.startswith("发言人员：") for t in notes) and not any(t.startswith("记录：") for t in notes)
    silent = lines(build_notes(dc_replace(s, notes=())))
    assert not any(t.startswith("发言人员") for t in silent) and "座谈会发言未作记录。" in silent


def test_implementation_signs_after_the_text_and_prints_two_photos_a_page(tmp_path):
    from docx import Document as Docx
    from PySide6.QtGui import QColor, QImage

    from desktop_app import images
    from desktop_app.documents.gongwen import write_docx
    from desktop_app.documents.summary_docs import SummarySnapshot, build_implementation
    from desktop_app.domain.plan import DocFonts

    def photo(w, h):
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor("steelblue"))
        return images.encode(image, "JPEG", 80)

    shots = (("大厅", photo(800, 600)), ("窗口", photo(600, 800)), ("座谈", photo(800, 600)))
    s = SummarySnapshot("u", "某县政务服务中心", DAY, HELD, "第一段。\n\n第二段。", {}, shots)
    doc = Docx(str(write_docx(build_implementation(s, today=DAY), tmp_path / "i.docx", DocFonts())))
    texts = [p.text for p in doc.paragraphs]
    assert texts.index("某县政务服务中心") == texts.index("第二段。") + 1  # the 落款 right after the text
    captions = [p for p in doc.paragraphs if p.style.style_id == "PictureCaption"]
    assert [p.text for p in captions] == ["大厅", "窗口", "座谈"]
    pictures = [p for p in doc.paragraphs if p.style.style_id == "PictureParagraph"]
    breaks = [p.paragraph_format.page_break_before or any(
        br.get(qn("w:type")) == "page" for br in p._p.iter(qn("w:br"))) for p in doc.paragraphs]
    assert sum(breaks) == 2  # photos 1–2 on one page, photo 3 on the next
    assert all(shape.height.mm <= 95.5 for shape in doc.inline_shapes)
    assert len(pictures) == 3


def test_the_notes_name_their_recorder_once_one_is_typed(workspace, qtbot):
    from PySide6.QtCore import Qt

    from desktop_app.demo import create_demo_event
    from desktop_app.documents.feedback_docs import build_notes
    from desktop_app.services import feedback
    from ui.feedback.notes import NotesPage

    held = create_demo_event(held=True)
    lines = [b.text for b in build_notes(feedback.feedback_snapshot(held.id)).blocks if hasattr(b, "text")]
    assert not any(t.startswith("记录人") for t in lines)  # not recorded: not printed
    page = NotesPage()
    qtbot.addWidget(page)
    page.set_event(held.id)
    page.recorder.setFocus()
    qtbot.keyClicks(page.recorder, "li")
    qtbot.keyClick(page.recorder, Qt.Key.Key_Return)
    assert feedback.recorder(held.id) == "li"
    lines = [b.text for b in build_notes(feedback.feedback_snapshot(held.id)).blocks if hasattr(b, "text")]
    assert "记录人：li" in lines


def test_ledger_cells_keep_the_text_as_written(workspace, tmp_path):
    """A record keeps the full stop a suggestion was written with (it was once dropped to save a line)."""
    from openpyxl import load_workbook

    from desktop_app.demo import create_demo_event
    from desktop_app.documents.feedback_docs import write_ledger_xlsx
    from desktop_app.services import feedback

    held = create_demo_event(held=True)
    s = feedback.feedback_snapshot(held.id)
    assert any(r.content.endswith("。") for r in s.suggestions)
    sheet = load_workbook(write_ledger_xlsx(s, tmp_path / "l.xlsx")).active
    cells = [str(c.value) for row in sheet.iter_rows(min_row=4) for c in row if isinstance(c.value, str)]
    assert {r.content for r in s.suggestions} <= set(cells)


def test_no_theme_recorded_leaves_the_theme_out(texts):
    facts = replace(HELD, theme="")
    text = _all(facts, texts)
    assert "为主题" not in text and "“政府开放日”活动" in text
    assert "以“便民服务”为主题" in _all(HELD, texts)


def test_a_place_the_plan_does_not_name_is_left_out_not_made_up(texts):
    """No 活动地点 recorded: the drafts say nothing of a place (they said “在活动现场举行”, a place nobody named)."""
    from dataclasses import replace

    for facts in (replace(HELD, venue=""), replace(HELD, venue="", date=dt.date.today() + dt.timedelta(days=30))):
        text = _all(facts, texts)
        assert "活动现场" not in text and "在举" not in text and "走进。" not in text, text
    held = _all(replace(HELD, venue=""), texts)
    assert "27名参加人员" in held and "参加活动" in held
    assert "在政务服务大厅举办" in _all(HELD, texts) and "走进政务服务大厅" in _all(HELD, texts)


def test_a_list_of_one_is_said_without_its_ordinal():
    """A fresh event's 总结 said "一是海原县政务服务中心拟定了活动实施方案。" with no 二是 to follow."""
    from desktop_app.domain.summary import numbered

    assert numbered(["拟定了活动实施方案", ""]) == "拟定了活动实施方案。"
    assert numbered(["甲", "乙"]) == "一是甲；二是乙。"
    assert numbered(["", ""]) == ""
