"""desktop_app/domain/rules.py: every Open Day rule fires on a plan that breaks it and stays quiet on one that
keeps it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.domain import rules
from desktop_app.domain.plan import AgendaRow, Category, GroupMember, PlanSnapshot, Section, Thresholds


def good_snapshot(**changes) -> PlanSnapshot:
    """A complete plan, modelled on 西吉县审批服务管理局's: the check finds nothing in it."""
    snapshot = PlanSnapshot(
        event_uuid="00000000-0000-4000-8000-000000000001",
        unit="西吉县审批服务管理局",
        title="2026年“政府开放日”活动",
        theme="走进政务服务大厅 感受便民服务温度",
        basis_title="西吉县2026年“政府开放日”工作方案",
        basis_number="西政办发〔2026〕12号",
        date=dt.date(2026, 9, 28),
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 30),
        venue="西吉县政务服务中心",
        gathering_place="政务服务中心一楼大厅",
        gathering_time=dt.time(8, 50),
        forms=("进机关", "进现场"),
        experiences=("窗口服务",),
        registration_channels=("电话", "邮件"),
        registration_phone="0954-3012345",
        registration_email="xjspj@example.com",
        registration_deadline=dt.date(2026, 9, 21),
        selection_rule="first_come",
        undersubscribed_rule="由局办公室定向邀请补足",
        contact_person="马晓兰",
        contact_phone="0954-3012345",
        contact_email="xjspj@example.com",
        reminders="请携带本人身份证，按时到达集合地点。",
        filing_date=dt.date(2026, 9, 1),
        announcement_date=dt.date(2026, 9, 8),
        categories=(
            Category("政务公开义务监督员", 8, False),
            Category("企业及群众代表", 17, True),
        ),
        leading_group=(
            GroupMember("组长", "李建国", "党组书记、局长"),
            GroupMember("副组长", "王芳", "副局长"),
            GroupMember("成员", "张伟", "办公室主任"),
        ),
        sections=(
            Section("general", "总体要求", "为进一步推进政务公开，根据有关要求，制定本方案。"),
            Section("content", "活动内容与形式", "参观政务服务大厅，召开座谈会，听取意见建议。"),
        ),
        agenda=(
            AgendaRow("gather", "集合", "一楼大厅", "", "签到、发放参观证", 10, dt.time(9, 0)),
            AgendaRow("stop", "参观综合业务受理区", "二楼", "王芳", "讲解一窗受理", 30, None),
            AgendaRow("meeting", "座谈交流", "三楼会议室", "", "介绍工作，听取意见", 40, None),
        ),
    )
    return snapshot._replace(**changes)


@pytest.fixture(autouse=True)
def english():
    """Messages in their source language, so the tests read the text the code wrote."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def fired(snapshot: PlanSnapshot, rule: str) -> list[rules.Finding]:
    return [f for f in rules.check(snapshot) if f.rule == rule]


def test_the_complete_plan_has_no_findings():
    assert rules.check(good_snapshot(), today=dt.date(2026, 9, 1)) == []
    assert rules.missing_announcement_items(good_snapshot()) == []


def test_rules_are_listed_in_order_and_findings_follow_it():
    assert rules.RULES[0] == "min_invitees" and rules.RULES[-1] == "event_day"
    assert len(set(rules.RULES)) == len(rules.RULES) == 10
    empty = good_snapshot(categories=(), announcement_date=None, filing_date=None, agenda=(), sections=(),
                          registration_deadline=None, title="校园开放日", contact_person="", contact_phone="")
    found = rules.check(empty)
    # Nobody is invited, so the share of 群众代表 has nothing to measure: every other rule fires, in order (but
    # the day, a Monday, is a working day).
    assert [f.rule for f in found] == [r for r in rules.RULES if r not in ("public_share", "event_day")]


def test_finding_text_and_json():
    finding = fired(good_snapshot(categories=(Category("群众代表", 10, True),)), "min_invitees")[0]
    assert finding.severity == "error"
    assert finding.params == {"total": 10, "minimum": 25}
    assert finding.text() == ("The invitees add up to 10; an Open Day needs at least 25. "
                              "Raise the categories' quotas in the Plan tab.")
    assert finding.as_json() == {"rule": "min_invitees", "severity": "error", "message": finding.text()}
    assert rules.error_count([finding, rules.Finding("naming", "warning", rules.NAMING_TITLE_TERM, {})]) == 1


# -- min_invitees --------------------------------------------------------------------------------------------

def test_min_invitees_fires_below_the_minimum():
    snapshot = good_snapshot(categories=(Category("政务公开义务监督员", 8, False), Category("群众代表", 16, True)))
    assert [f.severity for f in fired(snapshot, "min_invitees")] == ["error"]


def test_min_invitees_quiet_at_the_minimum_and_follows_the_threshold():
    assert fired(good_snapshot(), "min_invitees") == []
    assert fired(good_snapshot(thresholds=Thresholds(min_invitees=5), categories=(Category("群众代表", 5, True),)),
                 "min_invitees") == []


# -- public_share --------------------------------------------------------------------------------------------

def test_public_share_fires_and_says_how_many_more():
    snapshot = good_snapshot(categories=(Category("专家学者", 17, False), Category("群众代表", 8, True)))
    [finding] = fired(snapshot, "public_share")
    assert finding.severity == "error"
    assert finding.params == {"public": 8, "total": 25, "percent": "32%", "required": "1/3", "more": 1}
    assert "8 of the 25" in finding.text() and "1/3" in finding.text()


def test_public_share_exactly_one_third_passes():
    snapshot = good_snapshot(categories=(Category("专家学者", 50, False), Category("群众代表", 25, True)))
    assert fired(snapshot, "public_share") == []
    assert fired(good_snapshot(), "public_share") == []


def test_public_share_skipped_when_nobody_is_invited():
    assert fired(good_snapshot(categories=()), "public_share") == []


@given(public=st.integers(0, 60), others=st.integers(1, 60))
def test_public_share_more_is_the_fewest_places_that_reach_the_share(public, others):
    snapshot = good_snapshot(categories=(Category("专家学者", others, False), Category("群众代表", public, True)))
    found = fired(snapshot, "public_share")
    if 3 * public >= public + others:
        assert found == []
        return
    more = found[0].params["more"]
    assert 3 * (public + more) >= public + others + more
    assert 3 * (public + more - 1) < public + others + more - 1


# -- announce_lead -------------------------------------------------------------------------------------------

def test_announce_lead_fires_when_too_late():
    [finding] = fired(good_snapshot(announcement_date=dt.date(2026, 9, 14)), "announce_lead")
    assert finding.params == {"announced": dt.date(2026, 9, 14), "latest": dt.date(2026, 9, 13), "days": 15, "lead": 14}
    assert "2026-09-13" in finding.text()  # in English as English writes dates (issue 32)
    i18n.set_language("zh_CN")
    try:
        assert "2026年9月13日" in finding.text()
    finally:
        i18n.set_language("en")


def test_announce_lead_fires_when_missing_or_after_the_event():
    [missing] = fired(good_snapshot(announcement_date=None), "announce_lead")
    assert missing.message == rules.ANNOUNCE_NO_DATE and missing.params["latest"] == dt.date(2026, 9, 13)
    [after] = fired(good_snapshot(announcement_date=dt.date(2026, 9, 30)), "announce_lead")
    assert after.message == rules.ANNOUNCE_AFTER_EVENT
    [neither] = fired(good_snapshot(announcement_date=None, date=None), "announce_lead")
    assert neither.message == rules.ANNOUNCE_NO_DATES


def test_announce_lead_quiet_on_exactly_the_lead():
    assert fired(good_snapshot(announcement_date=dt.date(2026, 9, 13)), "announce_lead") == []
    assert fired(good_snapshot(), "announce_lead") == []


# -- filing_before_announce ----------------------------------------------------------------------------------

def test_filing_fires_when_missing_and_suggests_a_date():
    [finding] = fired(good_snapshot(filing_date=None), "filing_before_announce")
    assert finding.params == {"suggested": dt.date(2026, 9, 3), "days": 5}
    [generic] = fired(good_snapshot(filing_date=None, date=None, announcement_date=None), "filing_before_announce")
    assert generic.message == rules.FILING_NO_DATE


def test_filing_fires_when_after_the_announcement():
    [finding] = fired(good_snapshot(filing_date=dt.date(2026, 9, 9)), "filing_before_announce")
    assert finding.message == rules.FILING_AFTER
    assert "2026-09-09" in finding.text() and "2026-09-08" in finding.text()


def test_filing_quiet_before_or_on_the_announcement_day():
    assert fired(good_snapshot(), "filing_before_announce") == []
    assert fired(good_snapshot(filing_date=dt.date(2026, 9, 8)), "filing_before_announce") == []


# -- announcement_items --------------------------------------------------------------------------------------

def test_announcement_items_are_the_thirteen_of_the_district_plan():
    assert rules.ANNOUNCEMENT_ITEMS == ("报名方式", "参加人数", "开放主题", "参加领导", "承办单位", "时间地点", "邀请对象",
                                        "活动内容", "活动形式", "联系人员", "联系电话", "邮箱", "温馨提示")


def test_announcement_items_one_finding_lists_every_missing_item():
    snapshot = good_snapshot(theme=" ", reminders="", contact_email="", registration_email="",
                             leading_group=(GroupMember("成员", "张伟", "办公室主任"),))
    [finding] = fired(snapshot, "announcement_items")
    assert finding.severity == "error"
    assert finding.params == {"items": "开放主题、参加领导、邮箱、温馨提示", "count": 13}
    assert "开放主题、参加领导、邮箱、温馨提示" in finding.text()


@pytest.mark.parametrize("changes, item", [
    ({"registration_channels": ()}, "报名方式"),
    ({"categories": (Category("群众代表", 0, True),)}, "参加人数"),
    ({"theme": ""}, "开放主题"),
    ({"leading_group": ()}, "参加领导"),
    ({"unit": ""}, "承办单位"),
    ({"venue": ""}, "时间地点"),
    ({"date": None}, "时间地点"),
    ({"categories": ()}, "邀请对象"),
    ({"agenda": (), "sections": (Section("content", "活动内容", ""),)}, "活动内容"),
    ({"forms": (), "experiences": ()}, "活动形式"),
    ({"contact_person": ""}, "联系人员"),
    ({"contact_phone": ""}, "联系电话"),
    ({"contact_email": "", "registration_email": ""}, "邮箱"),
    ({"reminders": ""}, "温馨提示"),
])
def test_each_announcement_item_is_noticed(changes, item):
    assert item in rules.missing_announcement_items(good_snapshot(**changes))


def test_announcement_items_accept_alternatives():
    # A content section stands in for the agenda, 体验 for the forms, the registration e-mail for the contact's.
    snapshot = good_snapshot(agenda=(), forms=(), contact_email="",
                             leading_group=(GroupMember("副组长", "王芳", "副局长"),))
    assert rules.missing_announcement_items(snapshot) == []
    assert fired(good_snapshot(), "announcement_items") == []


# -- interaction_step ----------------------------------------------------------------------------------------

def test_interaction_step_fires_without_meeting_or_survey():
    agenda = (AgendaRow("stop", "参观大厅", "一楼", "王芳", "讲解", 30, None),)
    sections = (Section("content", "活动内容与形式", "参观政务服务大厅。"),)
    [finding] = fired(good_snapshot(agenda=agenda, sections=sections), "interaction_step")
    assert finding.severity == "error"


@pytest.mark.parametrize("agenda, body", [
    ((AgendaRow("meeting", "交流", "", "", "", 30, None),), "参观。"),
    ((AgendaRow("survey", "填写测评表", "", "", "", 10, None),), "参观。"),
    ((), "参观后开展问卷调查。"),
    ((), "参观后召开座谈会。"),
])
def test_interaction_step_quiet_with_meeting_survey_or_mention(agenda, body):
    snapshot = good_snapshot(agenda=agenda, sections=(Section("content", "活动内容与形式", body),))
    assert fired(snapshot, "interaction_step") == []


# -- registration_deadline -----------------------------------------------------------------------------------

@pytest.mark.parametrize("deadline, message", [
    (None, rules.REGISTRATION_NO_DATE),
    (dt.date(2026, 9, 29), rules.REGISTRATION_AFTER_EVENT),
    (dt.date(2026, 9, 7), rules.REGISTRATION_BEFORE_ANNOUNCE),
])
def test_registration_deadline_fires(deadline, message):
    [finding] = fired(good_snapshot(registration_deadline=deadline), "registration_deadline")
    assert finding.message == message and finding.severity == "error"


@pytest.mark.parametrize("deadline", [dt.date(2026, 9, 8), dt.date(2026, 9, 21), dt.date(2026, 9, 28)])
def test_registration_deadline_quiet_between_announcement_and_event(deadline):
    assert fired(good_snapshot(registration_deadline=deadline), "registration_deadline") == []


# -- naming --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["2026年校园开放日活动", "2026年“政务服务开放日”活动"])
def test_naming_warns_on_a_wrong_name_in_the_title(title):
    [finding] = fired(good_snapshot(title=title), "naming")
    assert finding.severity == "warning" and finding.message == rules.NAMING_TITLE_TERM


def test_naming_warns_on_a_wrong_name_in_a_section():
    sections = (Section("general", "总体要求", "办好本次警务开放日和司法开放日。"),
                Section("content", "活动内容", "召开座谈会。"))
    [finding] = fired(good_snapshot(sections=sections), "naming")
    assert finding.params == {"heading": "总体要求", "terms": "“司法开放日”、“警务开放日”"}
    assert rules.error_count(rules.check(good_snapshot(sections=sections))) == 0


def test_naming_warns_when_the_title_lacks_the_official_name():
    [finding] = fired(good_snapshot(title="2026年开放日活动"), "naming")
    assert finding.message == rules.NAMING_TITLE_MISSING
    assert finding.params["example"] == "2026年“政府开放日”活动"


@pytest.mark.parametrize("title", ["2026年“政府开放日”活动", '2026年"政府开放日"活动', "2026年政府开放日活动", ""])
def test_naming_accepts_every_quote_style(title):
    assert fired(good_snapshot(title=title), "naming") == []


# -- missing_contact -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("person, phone, message", [
    ("", "0954-3012345", rules.CONTACT_PERSON_MISSING),
    ("马晓兰", " ", rules.CONTACT_PHONE_MISSING),
    ("", "", rules.CONTACT_BOTH_MISSING),
])
def test_missing_contact_says_which(person, phone, message):
    [finding] = fired(good_snapshot(contact_person=person, contact_phone=phone), "missing_contact")
    assert finding.message == message and finding.severity == "error"


def test_missing_contact_quiet_when_both_are_given():
    assert fired(good_snapshot(), "missing_contact") == []


@pytest.mark.parametrize("phone", ["12345", "0954-301234转", "138 1234 567", "电话待定"])
def test_a_contact_phone_that_is_not_a_number_is_a_warning_on_its_field(phone):
    [finding] = fired(good_snapshot(contact_phone=phone), "missing_contact")
    assert finding.message == rules.CONTACT_PHONE_MALFORMED and finding.severity == "warning"
    assert (finding.page, finding.field) == ("basic_info", "contact_phone")
    assert phone not in finding.text()  # a phone is personal data: the finding does not repeat it


@pytest.mark.parametrize("phone", ["0954-3012345", "(010) 1234 5678", "13812345678", "+86 138-1234-5678"])
def test_a_well_formed_contact_phone_is_quiet(phone):
    assert fired(good_snapshot(contact_phone=phone), "missing_contact") == []


# -- messages ------------------------------------------------------------------------------------------------

def test_every_finding_formats_in_english_and_chinese():
    broken = good_snapshot(
        categories=(Category("专家学者", 17, False), Category("群众代表", 3, True)), announcement_date=dt.date(2026, 9, 20),
        filing_date=dt.date(2026, 9, 21), theme="", agenda=(), sections=(Section("general", "", "校园开放日"),),
        registration_deadline=dt.date(2026, 9, 30), title="开放日", contact_phone="", date=dt.date(2026, 9, 27))
    found = rules.check(broken)
    assert {f.rule for f in found} == set(rules.RULES)
    for finding in found:
        assert "{" not in finding.text()
    i18n.set_language("zh_CN")
    for finding in found:
        assert "{" not in finding.text()


@pytest.mark.parametrize("day, holiday", [(dt.date(2026, 10, 2), "国庆节"), (dt.date(2026, 9, 26), "中秋节"),
                                          (dt.date(2027, 1, 1), "元旦")])
def test_an_event_on_a_public_holiday_is_a_warning_with_the_next_working_day(day, holiday):
    found = fired(good_snapshot(date=day), "event_day")
    assert found[0].severity == "warning" and holiday in found[0].text()
    # 2027 is beyond the calendar's data: said so, and only the fixed-date holidays are known.
    assert (len(found) == 2 and found[1].severity == "info") == (day.year == 2027)


def test_an_event_on_a_weekend_is_a_warning_but_a_make_up_working_sunday_is_not():
    [weekend] = fired(good_snapshot(date=dt.date(2026, 12, 6)), "event_day")
    assert "weekend" in weekend.text() and "2026-12-07" in weekend.text()
    assert fired(good_snapshot(date=dt.date(2026, 9, 20)), "event_day") == []  # 调休: a working Sunday
    assert fired(good_snapshot(), "event_day") == []


def test_the_demo_and_the_new_event_dialog_default_to_a_working_day():
    from desktop_app.demo import default_demo_date, held_demo_date
    from desktop_app.domain.workdays import day_off

    for today in (dt.date(2026, 12, 2), dt.date(2026, 12, 3), dt.date(2026, 9, 5)):
        assert day_off(default_demo_date(today)) is None and day_off(held_demo_date(today)) is None
    assert default_demo_date(dt.date(2026, 12, 2)) == dt.date(2027, 1, 4)  # not 元旦
