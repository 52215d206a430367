"""The roster: the one check of a person, the service (add, edit, duplicates, selection, cancellation with the
waiting list, confirmation calls, pass codes), the roster rules, and the 名单 tab driven offscreen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressBar

from desktop_app.demo import create_demo_event
from desktop_app.domain import idcard, roster
from desktop_app.domain.roster import InviteeDraft, RosterContext
from desktop_app.services import checks, events, plan, rows
from desktop_app.services import roster as roster_service
from desktop_app.services.events import EventDraft

DAY = dt.date(2026, 12, 20)


def person(name="张三", *, birth=dt.date(1980, 5, 6), seq=123, phone="13812345678", category="群众代表", **kw):
    return InviteeDraft(name=name, id_number=idcard.make("640422", birth, seq), phone=phone, category=category, **kw)


CTX = RosterContext(event_date=DAY, categories=frozenset({"群众代表"}))


def test_check_normalises_and_accepts_a_good_person():
    raw = InviteeDraft(name=" 张　三 ", id_number="１１０１０５１９４９１２３１００２ｘ", phone="+86 138-1234-5678",
                       category="群众代表", gender="女")
    checked = roster.check(raw, CTX)
    assert checked.ok, checked.problems
    assert checked.draft.name == "张 三" and checked.draft.id_number == "11010519491231002X"
    assert checked.draft.phone == "13812345678"


@pytest.mark.parametrize("draft, code", [
    (InviteeDraft(name="", id_number="", phone="13812345678", category="群众代表"), "missing_name"),
    (InviteeDraft(name="a", id_number="", phone="13812345678", category="群众代表"), "missing_id"),
    (InviteeDraft(name="a", id_number="11010519491231002X", phone="", category="群众代表"), "missing_phone"),
    (InviteeDraft(name="a", id_number="1101051949", phone="13812345678"), "id_format"),
    (InviteeDraft(name="a", id_number="110105194912310021", phone="13812345678"), "id_checksum"),
    (InviteeDraft(name="a", id_number="6.40422E+17", phone="13812345678"), "id_precision_lost"),
    (InviteeDraft(name="a", id_number="640422198005061230", phone="13812345678", id_was_number=True),
     "id_precision_lost"),
    (InviteeDraft(name="a", id_number=idcard.make("640422", dt.date(2010, 1, 1), 11), phone="13812345678"),
     "under_18"),
    (InviteeDraft(name="a", id_number="11010519491231002X", phone="12345"), "phone_format"),
    (InviteeDraft(name="a", id_number="11010519491231002X", phone="13812345678", category="市民"),
     "unknown_category"),
])
def test_each_reason_code(draft, code):
    assert code in roster.check(draft, CTX).reasons


def test_gender_contradicting_the_id_is_flagged_not_refused():
    checked = roster.check(person(gender="女", seq=123), CTX)  # odd sequence: male
    assert checked.ok and [p.code for p in checked.problems] == ["gender_mismatch"]


def test_id_is_optional_when_the_event_says_so():
    ctx = RosterContext(event_date=DAY, id_required=False, categories=frozenset({"群众代表"}))
    assert roster.check(InviteeDraft(name="a", phone="13812345678"), ctx).ok


def test_selection_is_first_come_within_quota_keeping_confirmed():
    t = dt.datetime(2026, 12, 1, 9)
    people = [roster.Candidate(1, "A", "registered", t + dt.timedelta(hours=3)),
              roster.Candidate(2, "A", "registered", t + dt.timedelta(hours=1)),
              roster.Candidate(3, "A", "confirmed", t + dt.timedelta(hours=9)),
              roster.Candidate(4, "A", "waitlisted", t),
              roster.Candidate(5, "B", "registered", t)]
    changes = roster.select(people, {"A": 2, "B": 0})
    assert changes == {4: "confirmed", 2: "waitlisted", 1: "waitlisted", 5: "waitlisted"}


def test_pass_codes_are_unambiguous_and_unique():
    taken: set[str] = set()
    for _ in range(500):
        code = roster.new_pass_code(taken)
        assert roster.is_pass_code(code) and not set(code) & set("0O1I")
        taken.add(code)
    assert len(taken) == 500


@pytest.fixture
def event_id(workspace) -> int:
    info = events.create_event(EventDraft(unit="某局", date=DAY), categories=False)
    rows.add_row(plan.CATEGORIES, info.id, name="群众代表", quota=2, public=True)
    return info.id


def test_duplicates_name_the_existing_person(event_id):
    roster_service.add_invitee(event_id, person("张三"))
    with pytest.raises(roster_service.RosterRefused) as err:
        roster_service.add_invitee(event_id, person("李四", phone="13900000000"))  # same ID number
    assert "张三" in str(err.value)
    with pytest.raises(roster_service.RosterRefused):
        roster_service.add_invitee(event_id, person("王五", seq=125))  # same phone
    assert len(roster_service.list_invitees(event_id)) == 1


def test_edit_keeps_own_numbers_and_refuses_anothers(event_id):
    a = roster_service.add_invitee(event_id, person("张三"))
    b = roster_service.add_invitee(event_id, person("李四", seq=125, phone="13900000000"))
    roster_service.update_invitee(a.id, person("张三丰"))
    assert roster_service.get_invitee(a.id).name == "张三丰"
    with pytest.raises(roster_service.RosterRefused):
        roster_service.update_invitee(b.id, person("李四"))


def test_selection_cancellation_and_waiting_list(event_id):
    t = dt.datetime(2026, 12, 1, 9)
    ids = [roster_service.add_invitee(event_id, person(f"人{i}", seq=101 + 2 * i, phone=f"1380000000{i}",
                                                        registered_at=t + dt.timedelta(hours=i))).id
           for i in range(4)]
    assert roster_service.apply_selection(event_id) == {"confirmed": 2, "waitlisted": 2}
    statuses = {r.id: r.status for r in roster_service.list_invitees(event_id)}
    assert [statuses[i] for i in ids] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    proposed = roster_service.cancel(ids[0])
    assert proposed is not None and proposed.id == ids[2]  # the earliest on the waiting list
    assert roster_service.cancel(ids[3]) is None  # cancelling a waiting person frees no place
    roster_service.record_confirmation(ids[2], "刘晓梅")
    row = roster_service.get_invitee(ids[2])
    assert row.status == "confirmed" and row.confirmed_by == "刘晓梅" and row.confirmed_at
    assert roster_service.assign_pass_codes(event_id) == 2
    assert roster_service.assign_pass_codes(event_id) == 0


def test_import_is_all_or_nothing(event_id):
    good = [person("甲", seq=101, phone="13800000001"), person("乙", seq=103, phone="13800000002")]
    bad = good + [person("丙", seq=103, phone="13800000003")]  # repeats 乙's ID number
    with pytest.raises(roster_service.RosterRefused):
        roster_service.import_drafts(event_id, bad)
    assert roster_service.list_invitees(event_id) == []
    assert roster_service.import_drafts(event_id, good, source="公开报名") == 2
    assert {r.source for r in roster_service.list_invitees(event_id)} == {"公开报名"}


def test_roster_rules(event_id):
    roster_service.import_drafts(event_id, [person(f"人{i}", seq=101 + 2 * i, phone=f"1380000000{i}")
                                            for i in range(3)])
    rows_ = roster_service.list_invitees(event_id)
    roster_service.set_status([r.id for r in rows_], "confirmed")
    found = {f.rule: f for f in checks.run_checks(event_id, today=DAY)}
    assert found["quota_exceeded"].params["extra"] == 1
    assert "under_18" not in found
    plan.update_plan(event_id, registration_deadline=DAY - dt.timedelta(days=5))
    assert "roster_short" in {f.rule for f in checks.run_checks(event_id, today=DAY - dt.timedelta(days=1))}
    assert "roster_short" not in {f.rule for f in checks.run_checks(event_id, today=DAY - dt.timedelta(days=6))}
    from db import models

    minor = models.Invitee.get_by_id(rows_[0].id)
    minor.id_number = idcard.make("640422", dt.date(2016, 1, 1), 11)
    minor.save()
    assert "under_18" in {f.rule for f in checks.run_checks(event_id, today=DAY)}


def test_minors_are_read_from_the_birth_date_in_the_id(event_id):
    # The check refuses a minor at entry; one can still be on the roster (an ID corrected later, a bundle).
    # DAY is 2026-12-20: born 2008-12-20 is 18 that day, born 2008-12-21 still 17; a cancelled minor counts not.
    from db import models

    births = {"刚满十八": dt.date(2008, 12, 20), "差一天": dt.date(2008, 12, 21), "已取消": dt.date(2010, 1, 1),
              "成年人": dt.date(1970, 1, 1)}
    roster_service.import_drafts(event_id, [person(name, seq=101 + 2 * i, phone=f"1380000000{i}")
                                            for i, name in enumerate(births)])
    for i, row in enumerate(roster_service.list_invitees(event_id)):
        models.Invitee.update(id_number=idcard.make("640422", births[row.name], 201 + 2 * i)).where(
            models.Invitee.id == row.id).execute()
        if row.name == "已取消":
            roster_service.set_status([row.id], "cancelled")
    assert roster_service.roster_summary(event_id).minors == ("差一天",)


def test_demo_has_a_full_roster_and_passes_the_check(workspace):
    info = create_demo_event(DAY)
    fills = {f.name: f for f in roster_service.category_fill(info.id)}
    assert fills["企业及群众代表"].confirmed == 17 and fills["企业及群众代表"].waitlisted == 2
    assert [f for f in checks.run_checks(info.id, today=DAY - dt.timedelta(days=30)) if f.severity == "error"] == []


# -- the tab -----------------------------------------------------------------------------------------------------

@pytest.fixture
def window(qapp, qtbot, db_path):
    from desktop_app.workspace import open_workspace
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(qapp, "zh_CN")
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    win.open_demo_event()
    win.tabs.setCurrentIndex(1)
    yield win
    win.close()
    win.workspace.close()


def test_tab_lists_searches_and_filters(window, qtbot):
    tab = window.roster_tab
    assert tab.model.rowCount() == 30
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("waitlisted"))
    assert tab.proxy.rowCount() == 2
    tab.status_filter.setCurrentIndex(0)
    name = tab.model.row_at(0).name
    from desktop_app.domain.search import name_keys

    tab.search.setText(name_keys(name)[1])  # its pinyin initials
    qtbot.waitUntil(lambda: tab.proxy.rowCount() < 30, timeout=2000)
    assert name in [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert "30" in tab.count.text()


def test_filter_keeps_the_selection_through_a_sort(window, qtbot, qtmodeltester):
    from PySide6.QtCore import Qt

    tab = window.roster_tab
    qtmodeltester.check(tab.proxy)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("confirmed"))
    chosen = tab.proxy.index(3, 0)
    person = chosen.data(Qt.ItemDataRole.UserRole)
    tab.view.setCurrentIndex(chosen)
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert tab.current_id() == person
    assert tab.proxy.rowCount() == sum(1 for r in tab.model.rows() if r.status == "confirmed")
    assert all(tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).status == "confirmed"
               for r in range(tab.proxy.rowCount()))
    qtmodeltester.check(tab.proxy)


def test_a_search_through_a_sort_shows_whom_it_finds_and_paints_what_data_says(window, qtbot):
    from PySide6.QtCore import QModelRoleData, Qt

    from desktop_app.domain.search import matches, normalise_query

    tab = window.roster_tab

    def found(query: str) -> list[int]:
        return sorted(r.id for r in tab.model.rows() if matches(normalise_query(query), r.name, phone=r.phone,
                                                                  id_number=r.id_number, pass_code=r.pass_code))

    query = next(q for q in ("w", "z", "l", "9", "8") if 2 < len(found(q)) < 28)  # many people, not all

    def shown() -> list[int]:
        return [tab.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(tab.proxy.rowCount())]

    tab.search.setText(query)
    qtbot.waitUntil(lambda: sorted(shown()) == found(query), timeout=2000)
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the rows reorder under the search
    tab.search.setText("")
    tab.search.setText(query)
    qtbot.waitUntil(lambda: sorted(shown()) == found(query), timeout=2000)
    order = {r.id: n for n, r in enumerate(tab.model.rows())}
    assert [order[i] for i in shown()] == sorted(order[i] for i in shown())  # in the sorted order
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole,
             Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole]
    span = [QModelRoleData(role) for role in roles]  # one span for every cell, as the delegate passes it
    for row in range(tab.proxy.rowCount()):
        for column in range(tab.proxy.columnCount()):
            index = tab.proxy.index(row, column)
            tab.proxy.multiData(index, span)  # what the delegate asks for when it paints
            assert [item.data() for item in span] == [index.data(role) for role in roles], (row, column)
            assert tab.proxy.flags(index) == tab.model.flags(tab.proxy.mapToSource(index))


def test_sorting_by_a_time_or_the_name_orders_by_the_value_with_the_empty_ones_last(window):
    from PySide6.QtCore import Qt

    from desktop_app.domain.search import name_keys

    tab = window.roster_tab
    model = tab.model
    for column, value in (("registered_at", lambda r: r.registered_at), ("confirmed", lambda r: r.confirmed_at),
                          ("name", lambda r: name_keys(r.name)[0])):
        number = model.COLUMNS.index(column)
        tab.view.sortByColumn(number, Qt.SortOrder.AscendingOrder)
        values = [value(r) for r in model.rows()]
        filled = [v for v in values if v is not None]
        assert values == filled + [None] * (len(values) - len(filled)), column  # the empty ones last
        assert filled == sorted(filled) and filled, column
        tab.view.sortByColumn(number, Qt.SortOrder.DescendingOrder)  # the other way round
        assert [value(r) for r in model.rows()] == [None] * (len(values) - len(filled)) + filled[::-1], column


def test_tab_add_person_through_the_form(window, monkeypatch):
    from ui.roster.form import InviteeDialog

    tab = window.roster_tab
    new = person("测试人", birth=dt.date(1990, 1, 1), seq=11, phone="13912345678", category="企业及群众代表")
    monkeypatch.setattr(InviteeDialog, "ask", classmethod(lambda cls, parent, draft, ctx, cats, **_kw: new))
    tab.add_person()
    assert tab.model.rowCount() == 31
    assert roster_service.get_invitee(tab.current_id()).name == "测试人"
    tab.delete_person()
    assert tab.model.rowCount() == 30
    tab.undo_delete()
    assert tab.model.rowCount() == 31


def test_form_validates_live(qapp):
    from ui.i18n import install_translators
    from ui.roster.form import InviteeDialog

    install_translators(qapp, "zh_CN")
    dialog = InviteeDialog(None, InviteeDraft(), CTX, ["群众代表"])
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    from PySide6.QtTest import QTest

    dialog.name.setText("张三")
    # Typed (an error shows once its field was typed in, not before): the ID and the phone.
    QTest.keyClicks(dialog.id_number, "110105194912310021")
    QTest.keyClicks(dialog.phone, "13812345678")
    assert not dialog.validate() and not ok.isEnabled()
    assert dialog.issues["id_number"].isVisibleTo(dialog) and "末位" in dialog.issues["id_number"].text()
    dialog.id_number.setText("11010519491231002X")
    assert dialog.validate() and ok.isEnabled()
    assert "1949-12-31" in dialog.id_info.text()


def test_cancel_proposes_the_next_waiting(window, monkeypatch):
    tab = window.roster_tab
    confirmed_public = [r for r in tab.model._rows if r.status == "confirmed" and r.category == "企业及群众代表"][0]
    tab.select_person(confirmed_public.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    tab.cancel_person()
    assert len(asked) == 2
    fills = {f.name: f for f in roster_service.category_fill(window.current_event_id)}
    assert fills["企业及群众代表"].confirmed == 17 and fills["企业及群众代表"].waitlisted == 1


def test_confirmation_call_records_who(window, monkeypatch):
    tab = window.roster_tab
    waiting = [r for r in tab.model._rows if r.status == "registered"][0]
    tab.select_person(waiting.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("刘晓梅", True))
    tab.confirm_call()
    assert roster_service.get_invitee(waiting.id).confirmed_by == "刘晓梅"


def test_without_categories_the_person_form_says_where_they_are_set_and_goes_there(qapp, qtbot, db_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.workspace import open_workspace
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.roster.form import InviteeDialog

    install_translators(qapp, "zh_CN")
    ws = open_workspace(db_path, lock=True)
    events.create_event(EventDraft(unit="某局", date=DAY), categories=False)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(1)
    tab = win.roster_tab
    seen = {}

    def click_the_hint() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, InviteeDialog)
        seen["hint"] = dialog.categories_hint.text()
        seen["visible"] = dialog.categories_hint.isVisible()
        dialog.categories_button.click()

    QTimer.singleShot(0, click_the_hint)
    tab.add_person()
    assert seen["visible"] and "方案 › 邀请对象" in seen["hint"], seen
    assert win.tabs.currentWidget() is win.plan_tab
    assert win.plan_tab.pages.currentIndex() == win.plan_tab.PAGES.index("categories")
    qtbot.wait(10)
    assert win.plan_tab.categories.isAncestorOf(QApplication.focusWidget())
    assert roster_service.list_invitees(win.current_event_id) == []  # nobody was saved
    # A category added there reaches the roster's quota bars.
    qtbot.mouseClick(win.plan_tab.categories.table.add_button, Qt.MouseButton.LeftButton)
    win.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(tab.bars.findChildren(QProgressBar)) >= 1, timeout=3000)
    # With a category the form has no hint.
    dialog = InviteeDialog(tab, InviteeDraft(), roster_service.context(win.current_event_id), tab._categories())
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "categories_hint")
    win.close()
    ws.close()
