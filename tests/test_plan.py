"""The plan services: sections and boilerplate, structured parts, ordering, undo of deletes, the snapshot,
milestones marked done, holiday overrides, and event templates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db import models
from desktop_app import templates
from desktop_app.demo import create_demo_event
from desktop_app.domain.plan import Notice
from desktop_app.errors import UserError
from desktop_app.services import audit, events, plan, route, rows
from desktop_app.services.events import EventDraft

DAY = dt.date(2026, 9, 28)


@pytest.fixture
def event_id(workspace) -> int:
    return events.create_event(EventDraft(unit="西吉县审批服务管理局", date=DAY, theme="深入推进审批服务便民化")).id


def test_new_event_starts_from_the_usual_sections(event_id):
    sections = rows.list_rows(plan.SECTIONS, event_id)
    kinds = [s.kind for s in sections]
    assert kinds[0] == "general" and kinds[-1] == "contact" and "registration" in kinds
    general = sections[0]
    assert "西吉县审批服务管理局" in general.body and "{unit}" not in general.body


def test_boilerplate_variants_fill_placeholders(event_id):
    plan.update_plan(event_id, basis_title="西吉县“政府开放日”工作方案", basis_number="西政办发〔2026〕1号")
    general = rows.list_rows(plan.SECTIONS, event_id)[0]
    keys = [v.key for v in plan.variants("general")]
    assert len(keys) >= 3
    applied = plan.apply_variant(general.id, "guiding")
    assert applied.heading == "指导思想"
    assert "深入推进审批服务便民化" in applied.body and "{" not in applied.body
    with pytest.raises(UserError):
        plan.apply_variant(general.id, "no-such-variant")


def test_rows_add_move_delete_restore(event_id):
    first = rows.list_rows(plan.SECTIONS, event_id)[0]
    added = rows.add_row(plan.SECTIONS, event_id, at=1, kind="custom", heading="活动准备", body="")
    order = [s.id for s in rows.list_rows(plan.SECTIONS, event_id)]
    assert order[:2] == [first.id, added.id]
    moved = rows.move_row(plan.SECTIONS, added.id, 0)
    assert [s.id for s in moved][:2] == [added.id, first.id]
    rows.delete_row(plan.SECTIONS, added.id)
    assert added.id not in [s.id for s in rows.list_rows(plan.SECTIONS, event_id)]
    rows.restore_row(plan.SECTIONS, added.id, 0)
    assert rows.list_rows(plan.SECTIONS, event_id)[0].id == added.id
    with pytest.raises(UserError):
        rows.update_row(plan.SECTIONS, 99999, heading="x")


def test_categories_validate_quota_and_audit(event_id):
    row = rows.add_row(plan.CATEGORIES, event_id, name="群众代表", quota=10, public=True)
    assert row.public and row.quota == 10
    with pytest.raises(UserError):
        rows.update_row(plan.CATEGORIES, row.id, quota="ten")
    with pytest.raises(UserError):
        rows.update_row(plan.CATEGORIES, row.id, quota=-1)
    rows.update_row(plan.CATEGORIES, row.id, quota=12)
    assert next(r for r in rows.list_rows(plan.CATEGORIES, event_id) if r.id == row.id).quota == 12
    assert any(e.action == "plan.category.edit" and e.field == "quota" for e in audit.entries(event_id))


def test_leading_group_and_duties_pick_staff(event_id):
    boss = rows.add_row(plan.STAFF, event_id, name="李建国", title="党组书记", department="局机关")
    member = rows.add_row(plan.LEADING_GROUP, event_id, role="组长", staff_id=boss.id)
    assert (member.name, member.title) == ("李建国", "党组书记")
    duty = rows.add_row(plan.DUTIES, event_id, task="统筹协调", leader_id=boss.id, responsible="刘晓梅")
    assert duty.leader == "李建国"
    rows.update_row(plan.STAFF, boss.id, title="局长")
    snap = plan.snapshot(event_id)
    assert snap.leading_group[0].title == "局长"  # the staff list is the one place a person is kept
    assert snap.duties[0].leader == "李建国"


def test_plan_fields_notice_and_attachments(event_id):
    plan.update_plan(event_id, registration_channels=["电话", " 邮件 ", ""], forms=["进机关"],
                     registration_deadline="2026-09-21", announcement_date=dt.date(2026, 9, 8),
                     thresholds={"min_invitees": 30, "working_days": True})
    plan.set_notice(event_id, Notice(enabled=True, doc_number="西审管函字〔2026〕61号", recipients="各股室",
                                     date=dt.date(2026, 9, 1)))
    plan.set_attachments(event_id, leading_group=False, signup_form=True)
    fields = plan.get_plan(event_id)
    assert fields.registration_channels == ("电话", "邮件")
    assert fields.registration_deadline == dt.date(2026, 9, 21)
    assert fields.thresholds.min_invitees == 30 and fields.thresholds.working_days
    assert fields.thresholds.announce_days == 15
    assert fields.notice.enabled and fields.notice.date == dt.date(2026, 9, 1)
    assert not fields.attach_leading_group and fields.attach_signup_form
    with pytest.raises(UserError):
        plan.update_plan(event_id, announcement_date="next week")
    with pytest.raises(UserError):
        plan.update_plan(event_id, nonsense=1)


def test_thresholds_given_as_the_record_are_stored_by_name(event_id):
    from desktop_app.domain.plan import Thresholds

    plan.update_plan(event_id, thresholds=Thresholds(min_invitees=40, public_share=0.5))
    stored = plan.get_plan(event_id).thresholds
    assert stored.min_invitees == 40 and stored.public_share == 0.5 and stored.announce_days == 15


def test_milestones_marked_done_and_overrides(event_id):
    plan.mark_milestone(event_id, "announcement", dt.date(2026, 9, 8))
    assert plan.milestones_done(event_id) == {"announcement": dt.date(2026, 9, 8)}
    plan.mark_milestone(event_id, "announcement", None)
    assert plan.milestones_done(event_id) == {}
    plan.set_holiday_overrides({dt.date(2027, 1, 1): False, dt.date(2027, 1, 4): True})
    assert plan.holiday_overrides() == {dt.date(2027, 1, 1): False, dt.date(2027, 1, 4): True}


def test_demo_snapshot_is_complete(workspace):
    info = create_demo_event(DAY)
    snap = plan.snapshot(info.id)
    assert snap.total_quota == 25 and snap.public_quota == 17
    assert snap.notice.enabled and "〔2026〕" in snap.notice.doc_number
    assert snap.agenda[0].start == dt.time(9, 0)
    meeting = next(a for a in snap.agenda if a.kind == "meeting")
    assert meeting.start == dt.time(10, 20)  # pinned
    assert snap.office_head is not None and snap.office_head.name == "张海燕"
    assert [s.kind for s in snap.sections][0] == "general"


def test_snapshot_reads_each_guide_with_its_stop(workspace):
    info = create_demo_event(DAY)
    route.add_item(info.id, title="自助服务区", guide="临时讲解员")  # a guide typed as free text
    connection = models.database.connection()
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        snap = plan.snapshot(info.id)
    finally:
        connection.set_trace_callback(None)
    shown = [item.guide for item in route.list_items(info.id)]  # as the route tab prints them
    assert [row.guide for row in snap.agenda] == shown
    assert "临时讲解员" in shown and any("（" in guide for guide in shown)  # free text, and name（title）
    assert not [s for s in statements if 'FROM "staff"' in s]  # the guides come in the stops' query
    assert sum('FROM "event"' in s for s in statements) == 1  # the event's row is read once


def test_template_round_trip_has_no_personal_data(workspace, tmp_path):
    source = create_demo_event(DAY)
    path = templates.export_template(source.id, tmp_path / "template.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("unit", "title", "theme", "date", "announce_date", "filing_date", "categories", "sections"):
        assert key in data
    assert data["categories"] == [{"name": "政务公开义务监督员", "quota": 8, "public": False},
                                  {"name": "企业及群众代表", "quota": 17, "public": True}]
    text = path.read_text(encoding="utf-8")
    for person in models.Invitee.select():
        assert person.id_number not in text and person.phone not in text and person.name not in text

    new_id = templates.apply_template(path)
    copy = plan.snapshot(new_id)
    original = plan.snapshot(source.id)
    assert new_id != source.id
    assert (copy.unit, copy.title, copy.theme, copy.date) == (original.unit, original.title, original.theme,
                                                             original.date)
    assert copy.announcement_date == original.announcement_date and copy.filing_date == original.filing_date
    assert copy.categories == original.categories
    assert [(s.heading, s.body) for s in copy.sections] == [(s.heading, s.body) for s in original.sections]
    assert copy.registration_channels == original.registration_channels
    # exporting the copy gives the same template again
    again = json.loads(templates.export_template(new_id, tmp_path / "again.json").read_text(encoding="utf-8"))
    assert again == data


BAD_TEMPLATES = [
    ("not json", "valid JSON"),
    (json.dumps({"unit": "x"}), "title"),  # no "format" is accepted (the documented keys): the title is missing
    (json.dumps({"format": "openday-template", "version": 99}), "newer"),
    (json.dumps({"format": "openday-template", "title": "t", "theme": "", "categories": [], "sections": []}),
     "'unit'"),
    (json.dumps({"format": "openday-template", "unit": "u", "title": "t", "theme": "", "date": "28/9/2026",
                 "categories": [], "sections": []}), "'date'"),
    (json.dumps({"format": "openday-template", "unit": "u", "title": "t", "theme": "",
                 "categories": [{"name": "a", "quota": "8"}], "sections": []}), "categories[0].quota"),
    (json.dumps({"format": "openday-template", "unit": "u", "title": "t", "theme": "",
                 "categories": [], "sections": [{"body": "x"}]}), "sections[0].heading"),
    (json.dumps({"format": "openday-template", "unit": "u", "title": "t", "theme": "", "categories": [],
                 "sections": [], "thresholds": {"min_invitees": "many"}}), "thresholds.min_invitees"),
]


@pytest.mark.parametrize("content, named", BAD_TEMPLATES)
def test_bad_templates_are_refused_and_create_nothing(workspace, tmp_path, content, named):
    from desktop_app import i18n

    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = events.list_events()
    i18n.set_language("en")
    try:
        with pytest.raises(UserError) as err:
            templates.apply_template(path)
        assert named in str(err.value)
    finally:
        i18n.set_language("zh_CN")
    assert events.list_events() == before


def test_document_fonts_are_settings(workspace):
    from desktop_app.domain.plan import DocFonts

    assert plan.doc_fonts() == DocFonts()
    plan.set_doc_fonts(DocFonts(title="方正小标宋_GBK", body="仿宋", heading1="黑体", heading2="楷体", page_number="宋体"))
    assert plan.doc_fonts().body == "仿宋" and plan.doc_fonts().title == "方正小标宋_GBK"
