"""Issue 32's walk-through, driven by the keys as a coordinator types them: the meeting notes' time and Tab order,
…"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services import feedback
from ui.main_window import MainWindow

from .walk import fresh_event, held_demo, settle


@pytest.fixture
def demo_window(workspace, qtbot):
    held_demo()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _show(window, qtbot, tab: str):
    widget = window.tab(tab)
    window.tabs.setCurrentWidget(widget)
    settle(window, qtbot)
    return widget


# -- 座谈会记录 --------------------------------------------------------------------------------------------------------

def test_a_remark_is_stamped_when_it_is_begun_not_when_the_tab_was_built(demo_window, qtbot, monkeypatch):
    clock = {"now": dt.datetime(2026, 12, 20, 23, 33)}
    from ui.feedback.notes import NotesPage

    monkeypatch.setattr(NotesPage, "now", lambda self: clock["now"])
    notes = _show(demo_window, qtbot, "feedback").notes
    before = {r.id for r in feedback.notes(demo_window.current_event_id)}
    clock["now"] = dt.datetime(2026, 12, 20, 23, 42)  # nine minutes later the first speaker begins
    notes.speaker.setFocus()
    qtbot.waitUntil(notes.speaker.hasFocus)
    qtbot.keyClicks(notes.speaker, "Li")
    clock["now"] = dt.datetime(2026, 12, 20, 23, 45)  # typing the remark takes a while: still 23:42
    qtbot.keyClick(notes.speaker, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notes.remark
    notes.remark.insertPlainText("希望增加周末延时服务")
    qtbot.keyClick(notes.remark, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [r for r in feedback.notes(demo_window.current_event_id) if r.id not in before]
    assert len(added) == 1 and f"{added[0].noted_at:%H:%M}" == "23:42"
    # the next remark: its own time, taken when it is begun
    clock["now"] = dt.datetime(2026, 12, 20, 23, 50)
    notes.remark.setFocus()
    notes.remark.insertPlainText("第二条")
    qtbot.keyClick(notes.remark, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [r for r in feedback.notes(demo_window.current_event_id) if r.id not in before]
    assert sorted(f"{r.noted_at:%H:%M}" for r in added) == ["23:42", "23:50"]


def test_a_time_typed_for_a_remark_is_kept(demo_window, qtbot, monkeypatch):
    from ui.feedback.notes import NotesPage

    monkeypatch.setattr(NotesPage, "now", lambda self: dt.datetime(2026, 12, 20, 23, 42))
    notes = _show(demo_window, qtbot, "feedback").notes
    before = {r.id for r in feedback.notes(demo_window.current_event_id)}
    notes.time.setFocus()
    qtbot.waitUntil(notes.time.hasFocus)
    notes.time.setSelectedSection(notes.time.Section.HourSection)
    qtbot.keyClicks(notes.time, "1015")
    qtbot.keyClick(notes.time, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notes.speaker
    qtbot.keyClicks(notes.speaker, "Wang")
    notes.remark.setFocus()
    notes.remark.insertPlainText("纸上记录补录")
    qtbot.keyClick(notes.remark, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [r for r in feedback.notes(demo_window.current_event_id) if r.id not in before]
    assert [f"{r.noted_at:%H:%M}" for r in added] == ["10:15"]


def test_tab_from_the_recorder_reaches_the_speaker_and_the_remark(demo_window, qtbot):
    notes = _show(demo_window, qtbot, "feedback").notes
    notes.recorder.setFocus()
    qtbot.waitUntil(notes.recorder.hasFocus)
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is notes.remark:
            break
    assert notes.speaker in seen and seen[-1] is notes.remark
    assert all(w is notes or notes.isAncestorOf(w) for w in seen), "Tab stays on the page until the remark"


# -- 路线 › 常用参观点 ------------------------------------------------------------------------------------------------

def _stops_dialog(qtbot):
    from desktop_app.services import route
    from ui.route.tab import CommonStopsDialog

    stops = route.common_stops()
    dialog = CommonStopsDialog(None, stops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.list.setFocus()
    qtbot.waitUntil(dialog.list.hasFocus)
    return dialog, [s.key for s in stops]


def test_common_stops_space_ticks_and_enter_adds_exactly_the_ticked(workspace, qtbot):
    dialog, keys = _stops_dialog(qtbot)
    assert len(keys) >= 8
    for row in range(7):  # tick seven, the cursor ending on the seventh
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
        if row < 6:
            qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == keys[:7]


def test_common_stops_enter_on_an_unticked_row_does_not_add_it(workspace, qtbot):
    dialog, keys = _stops_dialog(qtbot)
    qtbot.keyClick(dialog.list, Qt.Key.Key_End)  # the last one (问卷) ticked alone
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)  # the cursor elsewhere, on an unticked stop
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == [keys[-1]]


def test_common_stops_enter_with_none_ticked_adds_the_highlighted_one(workspace, qtbot):
    dialog, keys = _stops_dialog(qtbot)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == [keys[1]]


# -- 方案 › 邀请对象 --------------------------------------------------------------------------------------------------

def test_a_category_named_by_a_number_is_refused(workspace):
    from desktop_app.errors import UserError
    from desktop_app.services import events, plan, rows
    from desktop_app.services.events import EventDraft

    event = events.create_event(EventDraft(unit="某县政务服务中心", title="开放日", date=dt.date(2030, 9, 20)))
    first = plan.categories(event.id)[0] if hasattr(plan, "categories") else rows.list_rows(
        plan.CATEGORIES, event.id)[0]
    for typed in ("0", "8", "６", "12 "):
        with pytest.raises(UserError) as refused:
            rows.update_row(plan.CATEGORIES, first.id, name=typed)
        assert "名额" in str(refused.value) or "number" in str(refused.value)
    assert rows.update_row(plan.CATEGORIES, first.id, name="2号窗口群众").name == "2号窗口群众"


def test_enter_after_the_places_keeps_the_cursor_and_digits_never_rename_a_category(demo_window, qtbot):
    from desktop_app.services import plan, rows

    plan_tab = demo_window.plan_tab
    demo_window.tabs.setCurrentWidget(plan_tab)
    page = plan_tab.page("categories")
    plan_tab.pages.setCurrentWidget(page)
    settle(demo_window, qtbot)
    view = page.table.view
    names = [r.name for r in rows.list_rows(plan.CATEGORIES, demo_window.current_event_id)]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(1, 1))  # 名额 of the second category
    for digits in ("8", "6", "2"):
        qtbot.keyClicks(view, digits)  # typing opens the editor (any key edits)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not view, timeout=2000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        settle(demo_window, qtbot)
        qtbot.wait(50)
        assert view.currentIndex().column() == 1, "the cursor stays in 名额"
    after = rows.list_rows(plan.CATEGORIES, demo_window.current_event_id)
    assert [r.name for r in after] == names
    assert after[1].quota == 2


# -- 签到: a question never takes the next scan ------------------------------------------------------------------------

@pytest.fixture
def off_day_checkin(workspace, qtbot):
    from desktop_app.demo import create_demo_event
    from desktop_app.services import checkin

    event = create_demo_event(dt.date.today() + dt.timedelta(days=13))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = _show(window, qtbot, "checkin")
    people = [p for p in checkin.people(event.id) if p.status == "confirmed" and p.pass_code]
    return window, tab, people


def _entries(invitee_id: int) -> int:
    """Check-ins recorded for the person (early ones too: they are not arrivals, but they are recorded)."""
    from db import models

    return models.CheckIn.select().where(models.CheckIn.invitee == invitee_id).count()


def _scan(qtbot, widget, code: str) -> None:
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_off_the_event_day_a_scan_is_refused_by_name_and_the_next_one_too(off_day_checkin, qtbot):

    window, tab, people = off_day_checkin
    first, second = people[:2]
    tab.search.setFocus()
    qtbot.waitUntil(tab.search.hasFocus)
    _scan(qtbot, tab.search, first.pass_code)
    # the scanner goes on at once, into whatever has the keyboard now (a question under the old code)
    _scan(qtbot, QApplication.activeModalWidget() or QApplication.focusWidget(), second.pass_code)
    settle(window, qtbot)
    assert QApplication.activeModalWidget() is None
    assert _entries(first.id) == _entries(second.id) == 0
    assert tab.result.property("outcome") == "refused" and second.name in tab.result.text()
    assert tab.allow_button.isVisible()
    qtbot.keyClick(tab.search, Qt.Key.Key_Tab)  # the next stop after the search field: “Check in today anyway”
    assert QApplication.focusWidget() is tab.allow_button
    qtbot.keyClick(tab.allow_button, Qt.Key.Key_Space)
    assert not tab.allow_button.isVisible() and tab.search.hasFocus()
    with qtbot.waitSignal(tab.sig_checked_in) as admitted:
        _scan(qtbot, tab.search, second.pass_code)
    assert admitted.args[0].person.id == second.id and tab.result.property("outcome") == "ok"


def test_a_scan_typed_into_the_admit_question_is_kept_for_its_own_holder(off_day_checkin, qtbot, monkeypatch):
    from desktop_app.services import checkin, roster

    window, tab, people = off_day_checkin
    tab.allow_off_day()
    pending, scanned = people[0], people[1]
    roster.set_status([pending.id], "registered")
    tab.reload()
    settle(window, qtbot)
    assert checkin.person(pending.id).status == "registered"
    shown = []

    def scanner_types_on():
        box = QApplication.activeModalWidget()
        shown.append(box)
        if box is not None:
            _scan(qtbot, box.focusWidget() or box, scanned.pass_code)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, scanner_types_on)
    _scan(qtbot, tab.search, pending.pass_code)
    qtbot.waitUntil(lambda: _entries(scanned.id) == 1, timeout=3000)
    assert shown and shown[0] is not None, "the question was asked"
    assert _entries(pending.id) == 0, "the scan's Enter did not admit the person asked about"
    assert checkin.person(pending.id).status == "registered"


# -- one count for one thing -----------------------------------------------------------------------------------------

def test_check_ins_before_the_day_are_not_counted_as_arrived_on_screen(off_day_checkin, qtbot):
    from desktop_app.services import checkin

    window, tab, people = off_day_checkin
    tab.allow_off_day()
    for person in people[:3]:
        with qtbot.waitSignal(tab.sig_checked_in):
            _scan(qtbot, tab.search, person.pass_code)
    assert tab._tally.checked_in == 0
    assert tab.counts.text().splitlines()[0].startswith(("Arrived 0 ", "已到 0 "))
    assert tab.recent.count() == 3  # listed, marked as before the day
    # the three ✔ the screen showed are said beside the counts that leave them out
    assert any(line.startswith(("Checked in before the event day: 3", "活动日前签到：3"))
               for line in tab.counts.text().splitlines()), tab.counts.text()
    qtbot.keyClick(tab.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the last one
    qtbot.waitUntil(lambda: "before the event day: 2" in tab.counts.text() or "活动日前签到：2" in tab.counts.text(),
                    timeout=5000)
    checkin.set_early_counted(window.current_event_id, True)  # the coordinator counts the rehearsal
    tab.reload()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: tab._tally.checked_in == 2, timeout=5000)
    assert "before the event day:" not in tab.counts.text() and "活动日前签到" not in tab.counts.text()


def _ledger(window, qtbot):
    tab = _show(window, qtbot, "feedback")
    tab.pages.setCurrentWidget(tab.ledger)
    settle(window, qtbot)
    return tab.ledger


def test_the_ledger_shows_the_deadline_and_the_status_as_the_assignment_is_typed(demo_window, qtbot):
    from desktop_app.domain import feedback as fb

    event_id = demo_window.current_event_id
    row = feedback.add_suggestion(event_id, content="希望延长周六服务时间")
    ledger = _ledger(demo_window, qtbot)
    ledger.reload(row.id)
    assert ledger._current is not None and ledger._current.id == row.id
    assert ledger.status.currentData() == "pending" and ledger.due_date.value() is None
    ledger.department.setFocus()
    ledger.department.lineEdit().insert("税务窗口")
    ledger.assigned_at.setFocus()
    qtbot.waitUntil(ledger.assigned_at.hasFocus)
    qtbot.keyClicks(ledger.assigned_at, "20261221")
    expected = feedback.due_for(event_id, dt.date(2026, 12, 21)).date
    assert ledger.due_date.value() == expected, "the deadline shows before saving"
    assert ledger.status.currentData() == "in_progress"
    qtbot.keyClick(ledger.assigned_at, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(demo_window, qtbot)
    saved = next(r for r in feedback.suggestions(event_id) if r.id == row.id)
    assert (saved.status, saved.department, saved.assigned_at, saved.due_date) == (
        "in_progress", "税务窗口", dt.date(2026, 12, 21), expected)
    assert fb.STATUS_CN[saved.status] == "办理中"


def test_the_ledger_counts_handled_as_the_documents_do(demo_window, qtbot):
    from desktop_app.domain.feedback import ANSWERED_STATUSES, DONE_STATUSES

    rows = feedback.suggestions(demo_window.current_event_id)
    done = sum(r.status in DONE_STATUSES for r in rows)
    answered = sum(r.status in ANSWERED_STATUSES for r in rows)
    assert answered and done > sum(r.status == "done" for r in rows), "the demo has answered suggestions"
    ledger = _ledger(demo_window, qtbot)
    text = ledger.counts.text()
    assert (f"Handled {done}" in text or f"已办结 {done}" in text), text
    assert (f"Answered {answered}" in text or f"已反馈 {answered}" in text), text


def test_the_reply_rule_points_to_where_it_is_changed(demo_window, qtbot):
    ledger = _ledger(demo_window, qtbot)
    hint = ledger.due_hint.text()
    assert "Rule thresholds" in hint or "规则参数" in hint, hint


# -- English -----------------------------------------------------------------------------------------------------------

def test_english_dates_and_labels_are_english(english, workspace, qtbot):
    from ui.widgets.fields import shown_date

    assert shown_date(dt.date(2026, 11, 7)) == "2026-11-07"
    held_demo()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.plan_tab)
    window.plan_tab.nav.setCurrentRow(window.plan_tab.PAGES.index("milestones"))
    settle(window, qtbot)
    milestones = window.plan_tab.page("milestones")
    qtbot.waitUntil(lambda: milestones.tree.topLevelItemCount() > 0, timeout=5000)
    item = milestones.tree.topLevelItem(0)
    assert "年" not in item.text(1) and "年" not in milestones.tree.topLevelItem(0).text(3)
    categories = window.plan_tab.page("categories")
    assert "public representatives" in categories.summary.text()
    ledger = _ledger(window, qtbot)
    assert ledger.model.rowCount() and any(
        ledger.model.index(r, c).data() == "Answered" for r in range(ledger.model.rowCount())
        for c in range(ledger.model.columnCount()))


def test_dates_are_chinese_again_when_the_language_is(workspace):
    from desktop_app import i18n
    from ui.widgets.fields import shown_date

    before = i18n.language()
    try:
        i18n.set_language("zh_CN")
        assert shown_date(dt.date(2026, 11, 7)) == "2026年11月7日"
    finally:
        i18n.set_language(before)


def test_a_not_found_goes_away_when_the_next_search_is_typed(off_day_checkin, qtbot):
    _window, tab, _people = off_day_checkin
    tab.allow_off_day()
    _scan(qtbot, tab.search, "ZZZZZZ")
    assert tab.result.property("outcome") == "unknown" and "ZZZZZZ" in tab.result.text()
    qtbot.keyClicks(tab.search, "w")  # the field was selected: the next search replaces it
    assert tab.result.property("outcome") == "idle" and "ZZZZZZ" not in tab.result.text()


def test_a_finding_about_two_pages_names_both(demo_window, qtbot):
    from desktop_app.domain import rules
    from desktop_app.services import plan

    snapshot = plan.snapshot(demo_window.current_event_id)
    bare = snapshot._replace(leading_group=(), forms=(), experiences=())
    finding = next(f for f in rules.check(bare) if f.rule == "announcement_items")
    assert "参加领导" in finding.text() and "活动形式" in finding.text()
    assert (finding.page, finding.also) == ("organisation", ("details",))
    item = demo_window.plan_tab.review._item(finding, dt.date.today())
    names = [demo_window.plan_tab.place_name(p) for p in ("organisation", "details")]
    assert all(names) and all(n in item.text() for n in names), item.text()


def test_venue_mode_puts_one_figure_on_a_line(off_day_checkin, qtbot):
    window, tab, _people = off_day_checkin
    window.resize(1366, 768)
    qtbot.keyClick(tab.search, Qt.Key.Key_F11)
    try:
        assert tab.venue_button.isChecked()
        lines = tab.counts.text().splitlines()
        assert lines[1] in ("Walk-ins: 0", "现场报名 0 人"), lines
        metrics = tab.counts.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        assert widest <= tab.counts.width(), "no figure is broken over two lines"
    finally:
        qtbot.keyClick(tab.search, Qt.Key.Key_F11)


# -- English, the rest: the check, the 归档 dashboard, the question before writing, the ledger ------------------------

CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


@pytest.fixture
def english(qapp):
    """The interface in English whatever ran before: the core's messages and no Qt translator installed (a test
    that installed the Chinese ones left them in, and the window's own words came out Chinese)."""
    from desktop_app import i18n
    from ui.i18n import install_translators

    before = i18n.language()
    install_translators(qapp, "en")
    yield
    i18n.set_language(before)


def _english_window(workspace, qtbot, make=held_demo):
    make()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle(window, qtbot)
    return window


def _ctrl_digit(window, qtbot, number: int) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key(Qt.Key.Key_0 + number),
                   Qt.KeyboardModifier.ControlModifier)
    settle(window, qtbot)


def _plan_page_by_keys(window, qtbot, name: str):
    """The 方案 tab's page ``name``, reached as a user does: Ctrl+1, then Home and Down in the page list."""
    _ctrl_digit(window, qtbot, 1)
    plan = window.plan_tab
    plan.nav.setFocus()
    qtbot.keyClick(plan.nav, Qt.Key.Key_Home)
    for _ in range(plan.PAGES.index(name)):
        qtbot.keyClick(plan.nav, Qt.Key.Key_Down)
    settle(window, qtbot)
    return plan.page(name)


def test_english_findings_and_the_filing_dashboard_write_dates_in_english(english, workspace, qtbot):
    window = _english_window(workspace, qtbot)
    _ctrl_digit(window, qtbot, 1)
    review = window.plan_tab.review
    qtbot.waitUntil(lambda: review.findings.count() > 0, timeout=10000)
    lines = [review.findings.item(i).text() for i in range(review.findings.count())]
    overdue = [line for line in lines if "reply deadline" in line]
    assert overdue and "Feedback tab" in overdue[0] and "意见" not in overdue[0], overdue
    assert not [line for line in lines if CHINESE_DATE.search(line)], lines

    _ctrl_digit(window, qtbot, 6)
    summary = window.tab("summary")
    qtbot.waitUntil(lambda: "Past the reply deadline" in summary.numbers.text(), timeout=10000)
    assert not CHINESE_DATE.search(summary.numbers.text()), summary.numbers.text()
    milestones = [summary.milestones.item(i).text() for i in range(summary.milestones.count())]
    assert milestones and not [m for m in milestones if CHINESE_DATE.search(m) or "　" in m], milestones
    assert not [f for f in (summary.findings.item(i).text() for i in range(summary.findings.count()))
                if CHINESE_DATE.search(f)]


def test_the_dashboard_counts_handled_as_the_ledger_does(english, workspace, qtbot):
    window = _english_window(workspace, qtbot)
    ledger = _ledger(window, qtbot)
    handled = re.search(r"Handled (\d+)", ledger.counts.text()).group(1)
    _ctrl_digit(window, qtbot, 6)
    summary = window.tab("summary")
    qtbot.waitUntil(lambda: "By status" in summary.numbers.text(), timeout=10000)
    assert f"Handled {handled}," in summary.numbers.text() or summary.numbers.text().endswith(f"Handled {handled}")


def test_the_question_before_writing_names_the_package_in_english(english, workspace, qtbot, monkeypatch):
    from ui import early, folders

    asked = []
    monkeypatch.setattr(folders.FolderDialog, "ask", classmethod(lambda cls, *a, **k: Path(str(workspace.path.parent))))
    monkeypatch.setattr(early.EarlyQuestion, "ask", staticmethod(
        lambda parent, *, refusal, errors: asked.append(refusal)))
    window = _english_window(workspace, qtbot, make=fresh_event)
    _ctrl_digit(window, qtbot, 6)
    summary = window.tab("summary")
    summary.package_button.setFocus()
    qtbot.keyClick(summary.package_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    date = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    assert asked[0].startswith("The filing package reports on the day of the event (" + date + ")"), asked[0]
    assert "归档包" not in asked[0] and not CHINESE_DATE.search(asked[0])


def test_the_ledger_says_overdue_with_a_capital_and_wraps_a_long_topic(english, workspace, qtbot):
    from desktop_app.services import events

    long_topic = "政务服务大厅自助打印设备数量不足排队时间较长"
    held_demo()
    event_id = events.list_events()[0].id
    feedback.add_suggestion(event_id, content=long_topic + "。", topic=long_topic)
    window = _english_window(workspace, qtbot, make=lambda: None)
    ledger = _ledger(window, qtbot)
    model, table = ledger.proxy, ledger.table
    texts = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())}
    overdue = [t for t in texts if isinstance(t, str) and "overdue" in t.lower() and "day" in t]
    assert overdue and all(t[0].isupper() for t in overdue), overdue
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == long_topic)
    short = next(r for r in range(model.rowCount()) if len(model.index(r, 1).data() or "") <= 6)
    metrics = table.fontMetrics()
    width = table.columnWidth(1)
    assert metrics.horizontalAdvance(long_topic) > width, "the topic is longer than its column"
    assert table.rowHeight(row) >= table.rowHeight(short) + metrics.height() // 2, "it wraps onto a second line"
    assert table.textElideMode() == Qt.TextElideMode.ElideNone


def test_a_default_topic_does_not_cut_a_latin_word():
    from desktop_app.services.feedback import _topic

    assert _topic("Please extend the opening hours on Saturdays") == "Please extend"
    assert _topic("建议在政务服务大厅增加自助打印设备。") == "建议在政务服务大厅增加自助打印设备"  # not “…打印设”


def test_the_english_milestone_labels_overlap_nothing(english, workspace, qtbot):
    window = _english_window(workspace, qtbot)
    _ctrl_digit(window, qtbot, 1)
    plan = window.plan_tab
    plan.nav.setFocus()
    qtbot.keyClick(plan.nav, Qt.Key.Key_End)  # the last page: 时间节点
    settle(window, qtbot)
    timeline = plan.page("milestones").timeline
    for width in (1366, 1000):
        window.resize(width, 768)
        qtbot.waitUntil(lambda: timeline.isVisible() and timeline.width() > 300)
        qtbot.wait(20)
        rects = [("Today", timeline.today_rect())] + timeline.label_rects()
        assert len(rects) >= 7
        clashes = [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1:] if ra.intersects(rb)]
        assert not clashes, (width, clashes)
        inside = timeline.rect().toRectF()
        assert all(inside.contains(r) for _label, r in rects), (width, rects, inside)
        assert not [label for label, _r in rects if CHINESE_DATE.search(label)]


def test_the_english_title_fields_show_their_whole_title(english, workspace, qtbot, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    from ui import dialogs

    def whole(edit: QLineEdit) -> bool:
        room = edit.contentsRect().width() - 8  # the frame's and the text's own margins
        return edit.fontMetrics().horizontalAdvance(edit.text()) <= room

    window = _english_window(workspace, qtbot)
    _ctrl_digit(window, qtbot, 1)
    plan = window.plan_tab
    plan.nav.setFocus()
    qtbot.keyClick(plan.nav, Qt.Key.Key_Home)  # 基本信息
    settle(window, qtbot)
    basic = plan.page("basic_info")
    edits = [e for e in basic.findChildren(QLineEdit) if e.isVisible() and e.text() and not e.isReadOnly()
             and e.parent() is not None and type(e.parent()).__name__ != "QAbstractSpinBox"]
    title = [e for e in edits if "政府开放日" in e.text()]
    assert title and all(whole(e) for e in title), [(e.text(), e.width()) for e in title]

    seen = []

    def look(dialog_self):
        dialog_self.show()
        qtbot.waitExposed(dialog_self)
        seen.append((dialog_self.title.text(), dialog_self.title.width(), whole(dialog_self.title)))
        dialog_self.close()
        return 0
    monkeypatch.setattr(dialogs.NewEventDialog, "exec", look)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen[0][2], seen


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_organisation_tables_show_every_name_post_and_task_whole(language, workspace, qtbot):
    """The 领导小组's 人员 column was too narrow to read; posts and tasks ended in “…” mid-word."""
    from PySide6.QtCore import QRect

    from desktop_app import i18n

    before = i18n.language()
    i18n.set_language(language)
    try:
        window = _english_window(workspace, qtbot)
        page = _plan_page_by_keys(window, qtbot, "organisation")
        assert page.isVisible()
        cut = []
        for table in (page.staff, page.group, page.duties):
            view, model = table.view, table.view.model()
            metrics = view.fontMetrics()
            assert model.rowCount() >= 4
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    text = model.index(r, c).data()
                    if not text:
                        continue
                    room = QRect(0, 0, view.columnWidth(c) - 6, 10_000)  # the cell's own margins
                    needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, str(text))
                    if needed.width() > room.width() or needed.height() > view.rowHeight(r):
                        cut.append((table.objectName(), r, c, text))
        assert not cut, cut
    finally:
        i18n.set_language(before)


def test_the_english_meeting_notes_read_whole(english, workspace, qtbot):
    window = _english_window(workspace, qtbot)
    _ctrl_digit(window, qtbot, 5)
    notes = window.tab("feedback").notes
    assert notes.isVisible()
    hint = notes.recorder.placeholderText()
    assert notes.recorder.fontMetrics().horizontalAdvance(hint) <= notes.recorder.contentsRect().width() - 8, hint
    marks = {notes.model.index(r, 3).data() for r in range(notes.model.rowCount())} - {""}
    assert marks == {"Yes"}, marks
    qtbot.wait(20)
    metrics, width = notes.table.fontMetrics(), notes.table.columnWidth(2) - 6
    one_line = [r for r in range(notes.model.rowCount())
                if metrics.horizontalAdvance(notes.model.index(r, 2).data()) <= width]
    assert len(one_line) > 3 and len({notes.table.rowHeight(r) for r in one_line}) == 1, \
        "remarks on one line are rows of one height (the first kept two lines' height)"


def test_the_filing_dashboard_lists_read_whole(english, workspace, qtbot):
    from PySide6.QtCore import QRect

    window = _english_window(workspace, qtbot)
    _ctrl_digit(window, qtbot, 6)
    summary = window.tab("summary")
    qtbot.waitUntil(lambda: summary.findings.count() > 1 and summary.milestones.count() > 4, timeout=10000)
    qtbot.wait(20)
    cut = []
    for box in (summary.milestones, summary.findings):
        assert box.textElideMode() == Qt.TextElideMode.ElideNone
        metrics = box.fontMetrics()
        for i in range(box.count()):
            item = box.item(i)
            shown = box.visualItemRect(item)
            room = QRect(0, 0, box.viewport().width() - 20, 10_000)
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, item.text()).height()
            if shown.height() < needed:
                cut.append((item.text(), shown.height(), needed))
    assert not cut, cut


def test_venue_mode_shows_the_search_hint_whole(off_day_checkin, qtbot):
    """Seen in the real window at 1366×768: venue mode's large type cut the hint to “…或参观…”."""
    window, tab, _people = off_day_checkin
    window.resize(1366, 768)
    qtbot.keyClick(tab.search, Qt.Key.Key_F11)
    try:
        assert tab.venue_button.isChecked()
        qtbot.wait(50)
        # Full screen here is the offscreen screen's width: at the entrance's 1366 px the field is as much wider
        # (the splitter keeps its proportions), less the clear button.
        room = tab.search.contentsRect().width() * 1366 / window.width() - 40
        hint = tab.search.placeholderText()
        assert tab.search.fontMetrics().horizontalAdvance(hint) <= room, (hint, room)
    finally:
        qtbot.keyClick(tab.search, Qt.Key.Key_F11)
    assert not tab.venue_button.isChecked() and len(tab.search.placeholderText()) > len(hint)


def test_a_long_text_in_a_plan_field_shows_its_start(english, workspace, qtbot):
    """Seen at 1366×768: 报名与细节's 'When undersubscribed' showed “…监督员、企业及群众代表补足。”, the end of its text."""
    window = _english_window(workspace, qtbot)
    edit = _plan_page_by_keys(window, qtbot, "details").undersubscribed_rule
    assert edit.isVisible() and edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()
    assert edit.cursorPosition() == 0, "its start is shown"
