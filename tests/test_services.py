"""desktop_app services: events, audit, settings, the demo event, the workspace and logging."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from db import models
from desktop_app import i18n, logs, settings
from desktop_app.demo import create_demo_event
from desktop_app.domain import idcard, phones
from desktop_app.errors import EventNotFound, UserError
from desktop_app.services import audit, events
from desktop_app.services.events import EventDraft
from desktop_app.workspace import open_workspace

DAY = dt.date(2026, 9, 28)


def test_create_list_and_get(workspace):
    created = events.create_event(EventDraft(unit=" 西吉县审批服务管理局 ", date=DAY))
    assert created.unit == "西吉县审批服务管理局"
    assert created.title == "2026年“政府开放日”活动"
    assert created.start_time == dt.time(9, 0)
    other = events.create_event(EventDraft(unit="科技局", date=DAY - dt.timedelta(days=400), title="去年的"))
    assert [e.id for e in events.list_events()] == [created.id, other.id]  # newest date first
    assert events.get_event(created.id) == created
    assert events.list_events()[0].as_json() == {
        "id": created.id, "uuid": created.uuid, "unit": created.unit, "title": created.title, "date": "2026-09-28"}


def test_a_new_event_starts_with_the_usual_categories(workspace):
    from desktop_app.services import checks, plan, rows

    event = events.create_event(EventDraft(unit="u", date=DAY))
    categories = rows.list_rows(plan.CATEGORIES, event.id)
    names = [c.name for c in categories]
    assert {"市民代表", "群众代表", "企业代表", "政务公开义务监督员", "媒体记者"} <= set(names)
    assert {c.name for c in categories if c.public} == {"市民代表", "群众代表"}
    total, public = sum(c.quota for c in categories), sum(c.quota for c in categories if c.public)
    assert total >= 25 and 3 * public >= total
    fired = {f.rule for f in checks.run_checks(event.id, today=DAY - dt.timedelta(days=60))}
    assert not fired & {"min_invitees", "public_share"}
    bare = events.create_event(EventDraft(unit="u", date=DAY), categories=False)  # a template brings its own
    assert rows.list_rows(plan.CATEGORIES, bare.id) == []


def test_create_needs_a_unit(workspace):
    with pytest.raises(UserError):
        events.create_event(EventDraft(unit="  ", date=DAY))
    assert events.list_events() == []


def test_update_saves_and_audits_without_personal_data(workspace):
    event = events.create_event(EventDraft(unit="u", date=DAY))
    updated = events.update_event(event.id, theme="深入推进审批服务便民化", contact_phone="13812345678",
                                  start_time="09:30", date="2026-10-08")
    assert updated.theme == "深入推进审批服务便民化"
    assert updated.start_time == dt.time(9, 30) and updated.date == dt.date(2026, 10, 8)
    for _ in range(3):  # typing: one audit entry per field, not one per keystroke
        events.update_event(event.id, contact_phone="1381234567" + str(_))
    edits = [e for e in audit.entries(event.id) if e.action == "event.edit"]
    assert sorted(e.field for e in edits) == ["contact_phone", "date", "start_time", "theme"]
    assert all("138" not in (e.summary or "") for e in edits)


def test_update_refuses_bad_values(workspace):
    event = events.create_event(EventDraft(unit="u", date=DAY))
    with pytest.raises(UserError):
        events.update_event(event.id, date="28/9/2026")
    with pytest.raises(UserError):
        events.update_event(event.id, start_time="nine")
    with pytest.raises(UserError):
        events.update_event(event.id, secret="x")
    assert events.get_event(event.id) == event


def test_unknown_event_is_refused(workspace):
    with pytest.raises(EventNotFound):
        events.get_event(999)
    with pytest.raises(EventNotFound):
        events.update_event("abc", title="x")


def test_duplicate_copies_plan_not_people(workspace):
    source = create_demo_event(dt.date(2025, 9, 26))
    copy = events.duplicate_event(source.id, DAY)
    assert copy.date == DAY and copy.title == "2026年“政府开放日”活动"
    assert copy.uuid != source.uuid
    for model in events.DUPLICATED_TABLES:
        a = model.select().where(model.event == source.id).count()
        b = model.select().where(model.event == copy.id).count()
        assert a == b and a > 0, model.__name__
    for model in (models.Invitee, models.CheckIn, models.MeetingNote, models.Suggestion, models.Photo):
        assert model.select().where(model.event == copy.id).count() == 0
    # references inside the copy point at the copy's own staff
    for item in models.AgendaItem.select().where(models.AgendaItem.event == copy.id):
        assert item.guide is None or item.guide.event_id == copy.id
    src = models.Event.get_by_id(source.id)
    dup = models.Event.get_by_id(copy.id)
    assert dup.registration_deadline - dup.date == src.registration_deadline - src.date
    assert dup.announcement_date == DAY - (src.date - src.announcement_date)


def test_delete_is_soft_and_restorable(workspace):
    event = events.create_event(EventDraft(unit="u", date=DAY))
    events.delete_event(event.id)
    assert events.list_events() == []
    assert [e.id for e in events.list_deleted_events()] == [event.id]
    with pytest.raises(EventNotFound):
        events.get_event(event.id)
    assert models.Event.get_by_id(event.id).deleted
    events.restore_event(event.id)
    assert [e.id for e in events.list_events()] == [event.id]
    actions = [e.action for e in audit.entries(event.id)]
    assert actions[:3] == ["event.restore", "event.delete", "event.create"]


def test_settings_round_trip(workspace):
    assert settings.get("language") == "zh_CN"
    settings.set("language", "en")
    settings.set("language", "en")
    assert settings.get("language") == "en"
    assert models.Setting.select().where(models.Setting.key == "language").count() == 1
    event = events.create_event(EventDraft(unit="u", date=DAY))
    settings.set("font.body", "仿宋", event_id=event.id)
    assert settings.get("font.body", event.id) == "仿宋"
    assert settings.get("font.body") == "仿宋_GB2312"
    assert settings.get("language", event.id) == "en"  # falls back to the global value


def test_demo_event_is_valid(workspace):
    info = create_demo_event(DAY)
    assert info.unit == "西吉县审批服务管理局" and info.theme == "深入推进审批服务便民化"
    people = list(models.Invitee.select().where(models.Invitee.event == info.id))
    assert len(people) == 30
    statuses = [p.status for p in people]
    assert statuses.count("confirmed") == 25 and statuses.count("waitlisted") == 2
    assert statuses.count("cancelled") == 1 and statuses.count("registered") == 2
    assert all(len(p.pass_code) == 6 for p in people if p.status == "confirmed")
    counts = {}
    for person in people:
        counts[person.category.name] = counts.get(person.category.name, 0) + 1
        parsed = idcard.parse(person.id_number)
        assert isinstance(parsed, idcard.IdInfo), person.id_number
        assert parsed.sex == person.gender
        assert parsed.age_on(DAY) >= 18
        assert isinstance(phones.parse(person.phone), phones.Phone)
    assert counts == {"政务公开义务监督员": 8, "企业及群众代表": 22}
    assert len({p.id_number for p in people}) == 30 and len({p.phone for p in people}) == 30
    assert models.LeadingGroupMember.select().where(models.LeadingGroupMember.event == info.id).count() > 0
    kinds = [a.kind for a in models.AgendaItem.select().where(models.AgendaItem.event == info.id)]
    assert kinds[0] == "gather" and "meeting" in kinds


def test_workspace_messages_name_the_file_and_what_to_do(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hello")
    i18n.set_language("zh_CN")
    with pytest.raises(UserError) as err:
        open_workspace(path)
    assert str(path) in str(err.value) and "不是开放日工作台的数据库" in str(err.value)
    i18n.set_language("en")
    try:
        assert "is not an Open Day Desk database" in str(err.value)
    finally:
        i18n.set_language("zh_CN")


def test_second_gui_workspace_on_one_file_is_refused(db_path):
    first = open_workspace(db_path, lock=True)
    try:
        with pytest.raises(UserError) as err:
            open_workspace(db_path, lock=True)
        assert "已在另一个开放日工作台窗口中打开" in str(err.value)
    finally:
        first.close()
    second = open_workspace(db_path, lock=True)
    second.close()


def test_device_id_is_kept_per_machine(db_path, data_dir):
    ws = open_workspace(db_path)
    ws.close()
    again = open_workspace(db_path)
    again.close()
    assert ws.device_id and ws.device_id == again.device_id
    assert (data_dir / "device_id").read_text().strip() == ws.device_id


def test_log_never_holds_id_numbers_or_phones(data_dir):
    log_file = logs.setup_logging()
    number = idcard.make("640422", dt.date(1980, 1, 2), 33)
    logging.getLogger("test").warning("importing %s with phone %s and 0954-3018118", number, "138 1234 5678")
    try:
        raise ValueError(f"bad row {number}")
    except ValueError:
        logging.getLogger("test").exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "importing" in text and "bad row" in text
    assert number not in text and "1234 5678" not in text and "3018118" not in text
    assert "<id-number>" in text and "<phone>" in text
