"""Every finding of the rule check leads to where it is fixed: double-click or Enter on it in the plan's check
list shows that page (a plan page or another tab) and puts the cursor into the field; the line names the page,
and a deadline already past reads as overdue, in red, with its days."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.domain import checkin as checkin_rules
from desktop_app.domain import feedback as feedback_rules
from desktop_app.domain import roster_rules, rules
from desktop_app.domain.plan import Category, Section
from desktop_app.services import checks, plan
from ui.main_window import MainWindow
from ui.plan.review import OVERDUE_COLOUR


def _findings(snapshot, today: dt.date) -> list[rules.Finding]:
    """At least one finding of every rule (and one per missing announcement item), from snapshots of the demo
    plan with fields blanked or changed."""
    blank = dict(unit="", theme="", venue="", contact_person="", contact_phone="", contact_email="",
                 registration_email="", reminders="", forms=(), experiences=(), registration_channels=(),
                 categories=(), leading_group=(), sections=(), agenda=(), filing_date=None,
                 announcement_date=None, registration_deadline=None)
    variants = [snapshot._replace(**blank),
                snapshot._replace(**blank, date=None),
                snapshot._replace(contact_person="", contact_phone="13812345678"),
                snapshot._replace(title="2026年校园开放日", date=dt.date(2026, 10, 3),
                                    categories=(Category("企业代表", 30, False), Category("市民代表", 2, True)),
                                    sections=(*snapshot.sections[:2], Section("content", "警务开放日安排", "…"),
                                              *snapshot.sections[3:])),
                snapshot._replace(filing_date=snapshot.date, announcement_date=snapshot.date,
                                    registration_deadline=snapshot.date + dt.timedelta(days=3))]
    for label in rules.ANNOUNCEMENT_ITEMS:  # each item missing alone
        page, field = rules.ITEM_PLACES[label]
        variants.append({
            "报名方式": snapshot._replace(registration_channels=()),
            "参加人数": snapshot._replace(categories=(Category("市民代表", 0, True),)),
            "开放主题": snapshot._replace(theme=""),
            "参加领导": snapshot._replace(leading_group=()),
            "承办单位": snapshot._replace(unit=""),
            "时间地点": snapshot._replace(venue=""),
            "邀请对象": snapshot._replace(categories=()),
            "活动内容": snapshot._replace(agenda=(), sections=()),
            "活动形式": snapshot._replace(forms=(), experiences=()),
            "联系人员": snapshot._replace(contact_person=""),
            "联系电话": snapshot._replace(contact_phone=""),
            "邮箱": snapshot._replace(contact_email="", registration_email=""),
            "温馨提示": snapshot._replace(reminders=""),
        }[label])
    found: list[rules.Finding] = []
    for variant in variants:
        for finding in rules.check(variant, today=today):
            if finding not in found:
                found.append(finding)
    summary = roster_rules.RosterSummary(categories=(roster_rules.CategoryCount("企业代表", 3, 5),),
                                         minors=("小明",), confirmed_total=4)
    late = snapshot._replace(registration_deadline=today - dt.timedelta(days=1),
                               date=today - dt.timedelta(days=2))
    found += roster_rules.check(late, summary, today=today)
    found += checkin_rules.check_attendance(late, 3, today=today)
    found += feedback_rules.check([feedback_rules.DueItem("加装无障碍坡道", "assigned", today - dt.timedelta(days=4)),
                                   feedback_rules.DueItem("延长服务时间", "assigned", today + dt.timedelta(days=1))],
                                  today=today)
    return found


EVERY_RULE = set(rules.RULES) | set(roster_rules.RULES) | {"attendance_short", "feedback_overdue",
                                                            "feedback_due_soon"}


@pytest.fixture
def window(workspace, qtbot, monkeypatch, qapp):
    from desktop_app.demo import create_demo_event
    from ui.i18n import install_translators

    before = i18n.language()
    install_translators(qapp, "en")  # the app's strings and the core's in one language

    info = create_demo_event(held=True)
    today = dt.date.today()
    found = _findings(plan.snapshot(info.id), today)
    assert {f.rule for f in found} == EVERY_RULE
    monkeypatch.setattr(checks, "run_checks", lambda event_id, **_given: list(found))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review = window.plan_tab.review
    review.refresh()
    assert review.findings.count() == len(found)
    window.found = found
    yield window
    i18n.set_language(before)


def _expected(window, finding):
    """The widget a finding's field is, looked up the long way."""
    tab = window.plan_tab
    page, field = finding.page, finding.field
    if page == "basic_info":
        return tab.basic_info.editors[field]
    if page == "details":
        value = getattr(tab.details, field)
        return next(iter(value.values())) if isinstance(value, dict) else value
    if page == "categories":
        return tab.categories.table.view
    if page == "organisation":
        return getattr(tab.organisation, field).view
    if page == "sections":
        return getattr(tab.sections, field)
    if page == "milestones":
        return getattr(tab.milestones, field)
    if page == "summary":
        return window.tab("summary").report_edits[field.split(".")[1]]
    if page == "feedback":
        return window.tab("feedback").ledger.table
    return getattr(window.tab(page), field)


def test_each_finding_lands_on_its_focused_field(window, qtbot):
    review = window.plan_tab.review
    reached = set()
    for number, finding in enumerate(window.found):
        assert finding.page, f"{finding.rule} says nowhere where it is fixed"
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        review.setCurrentIndex(0)
        item = review.findings.item(number)
        review.findings.scrollToItem(item)
        rect = review.findings.visualItemRect(item)
        if number % 2:  # double-click (QTest's sends only the second press: the first one first)
            qtbot.mouseClick(review.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(review.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        else:  # or choose it and press Enter
            qtbot.mouseClick(review.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.keyClick(review.findings, Qt.Key.Key_Return)
        try:
            qtbot.waitUntil(lambda f=finding: _expected(window, f).hasFocus(), timeout=3000)
        except Exception:
            raise AssertionError((finding, QApplication.focusWidget(), _expected(window, finding))) from None
        target = _expected(window, finding)
        assert target.isVisible(), finding
        if finding.row is not None:
            assert window.plan_tab.sections.list.currentRow() == finding.row
        reached.add(finding.rule)
    assert reached == EVERY_RULE


def test_each_line_names_its_page_and_an_overdue_date_is_red_with_its_days(window):
    tab = window.plan_tab
    review = tab.review
    today = dt.date.today()
    plan_pages = dict(zip(tab.PAGES, [tab.nav.item(i).text() for i in range(tab.nav.count())], strict=True))
    overdue = 0
    for number, finding in enumerate(window.found):
        item = review.findings.item(number)
        if finding.page in plan_pages:
            assert f"{window.tabs.tabText(0)} › {plan_pages[finding.page]}" in item.text(), item.text()
        else:
            assert window.tabs.tabText(window._tab_names.index(finding.page)) in item.text()
        if finding.due is not None and finding.due < today:
            overdue += 1
            days = (today - finding.due).days
            assert item.text().split("\n")[0].startswith(f"Error: Overdue by {days} days, "), item.text()
            assert item.foreground().color().name() == OVERDUE_COLOUR
            assert item.font().bold()
        else:
            assert "Overdue" not in item.text()
    assert overdue >= 2  # the filing date of a plan whose day is near, the suggestion past its deadline


def test_a_filing_deadline_already_past_reads_as_overdue():
    snapshot = plan_snapshot_for(dt.date.today() + dt.timedelta(days=10))
    found = [f for f in rules.check(snapshot) if f.rule == "filing_before_announce"]
    assert found and found[0].due is not None and found[0].due < dt.date.today()
    assert (found[0].page, found[0].field) == ("details", "filing_date")


def plan_snapshot_for(day: dt.date):
    from desktop_app.domain.plan import PlanSnapshot

    return PlanSnapshot(event_uuid="u", unit="某县", title="“政府开放日”活动", theme="", basis_title="",
                        basis_number="", date=day, start_time=None, end_time=None, venue="", gathering_place="",
                        gathering_time=None, forms=(), experiences=(), registration_channels=(),
                        registration_phone="", registration_email="", registration_deadline=None,
                        selection_rule="first_come", undersubscribed_rule="", contact_person="",
                        contact_phone="", contact_email="", reminders="", filing_date=None,
                        announcement_date=None)
