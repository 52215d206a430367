"""The operations layer: refusals reach the user as their own message, changes reach the tabs that show them."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import Qt

from desktop_app.domain import idcard
from desktop_app.domain.roster import InviteeDraft
from desktop_app.errors import UserError
from desktop_app.services import checkin, roster
from ui import errors as ui_errors
from ui import ops
from ui.main_window import MainWindow


def test_walk_in_button_opens_the_form_instead_of_crashing(workspace, qtbot, monkeypatch):
    from desktop_app.demo import create_demo_event
    from ui.checkin import tab as checkin_tab

    create_demo_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    tab.allow_off_day()  # the event is not today: “Check in today anyway”
    asked = []
    monkeypatch.setattr(checkin_tab.InviteeDialog, "ask", lambda *a, **k: asked.append(a) or None)
    qtbot.mouseClick(tab.walk_in_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and isinstance(asked[0][1], InviteeDraft)


def test_a_person_confirmed_after_the_checkin_tab_was_built_is_found(workspace, qtbot):
    from desktop_app.demo import create_demo_event

    demo = create_demo_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    tab.allow_off_day()  # the event is not today: “Check in today anyway”
    roster_tab = window.tab("roster")
    window.tabs.setCurrentWidget(roster_tab)
    row = roster.add_invitee(demo.id, InviteeDraft(
        name="晚到丙", phone="13700004444", category="企业及群众代表",
        id_number=idcard.make("640422", dt.date(1985, 3, 4), 377)))
    roster.set_status([row.id], "confirmed")
    ops.bus().announce(demo.id, {"roster"}, roster_tab)
    window.tabs.setCurrentWidget(tab)
    tab.search.setText("晚到丙")  # QTest types ASCII only; a Chinese IME commits the whole text
    assert tab.matches.count() == 1
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert checkin.person(row.id).checked_in_at is not None


def test_a_user_error_in_a_slot_shows_its_own_message(qtbot, dialogs, tmp_path):
    ui_errors.install_excepthook(tmp_path / "log.txt")
    try:
        sys.excepthook(UserError, UserError("第3行：请填写姓名"), None)
    finally:
        sys.excepthook = sys.__excepthook__
    assert dialogs and dialogs[-1][0] == "warning" and dialogs[-1][2] == "第3行：请填写姓名"


def test_run_op_shows_a_refusal_and_announces_success(qtbot, dialogs):
    seen = []
    ops.bus().sig_changed.connect(lambda *args: seen.append(args))

    def refuse():
        raise UserError("这一行已不存在")

    assert ops.run_op(None, refuse, event_id=1, areas={"route"}) is None
    assert dialogs[-1][2] == "这一行已不存在" and not seen
    assert ops.run_op(None, lambda: 42, event_id=1, areas={"route"}) == 42
    assert seen[-1][:2] == (1, frozenset({"route"}))


def test_a_large_roster_is_read_on_the_worker_and_the_tabs_then_work(workspace, qtbot, monkeypatch):
    from desktop_app.demo import create_demo_event
    monkeypatch.setattr(ops, "LOAD_ON_WORKER", 1)  # the demo's 30 people count as large here
    demo = create_demo_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    roster_tab = window.tab("roster")
    window.tabs.setCurrentWidget(roster_tab)
    qtbot.waitUntil(lambda: roster_tab.model.rowCount() == len(roster.list_invitees(demo.id)), timeout=10_000)
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    tab.allow_off_day()  # the event is not today: “Check in today anyway”
    qtbot.waitUntil(lambda: tab.search.isEnabled(), timeout=10_000)
    person = next(p for p in checkin.people(demo.id) if p.status == "confirmed")
    tab.search.setText(person.pass_code)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert checkin.person(person.id).checked_in_at is not None
    # A change elsewhere reloads on the worker while the old index keeps serving the scanner.
    ops.bus().announce(demo.id, {"roster"}, roster_tab)
    assert tab.search.isEnabled()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    # The programme is read on the worker too; an edit then shows its result at once.
    route_tab = window.tab("route")
    window.tabs.setCurrentWidget(route_tab)
    assert window.worker.busy  # read on the worker
    qtbot.waitUntil(lambda: route_tab.plan is not None and route_tab.plan.event_id == demo.id, timeout=10_000)
    items = len(route_tab.plan.items)
    added = route_tab.add_item("stop")
    assert added is not None and len(route_tab.plan.items) == items + 1
    assert route_tab.current_item().id == added.id


def test_the_filing_tab_of_a_large_event_reads_on_the_worker_and_keeps_what_is_typed(workspace, qtbot,
                                                                                    monkeypatch):
    import threading

    from desktop_app.demo import create_demo_event
    from desktop_app.domain.summary import percent
    from desktop_app.services import summary

    monkeypatch.setattr(ops, "LOAD_ON_WORKER", 1)
    demo = create_demo_event(held=True)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("summary")
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bool(tab.numbers.text()) and tab.findings.count() > 0, timeout=10_000)
    facts = summary.facts(demo.id)
    assert tab.numbers.text().startswith(tab.tr("Arrived {arrived} of {quota} planned ({rate}); walk-ins "
                                                "{walk_ins}").format(arrived=facts.arrived, quota=facts.quota,
                                                                     rate=percent(facts.arrived, facts.quota),
                                                                     walk_ins=facts.walk_ins))
    assert tab.implementation.toPlainText() == summary.texts(demo.id).implementation

    # A check-in elsewhere reloads the tab on the worker; what the coordinator types meanwhile stays.
    gate, real = threading.Event(), summary.dashboard
    monkeypatch.setattr(summary, "dashboard", lambda *a, **k: (gate.wait(10), real(*a, **k))[1])
    ops.bus().announce(demo.id, {"checkin"}, None)
    assert window.worker.busy
    tab.implementation.setFocus()
    qtbot.keyClicks(tab.implementation, "typed meanwhile")
    gate.set()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    qtbot.wait(50)
    assert "typed meanwhile" in tab.implementation.toPlainText()


def test_a_category_added_in_the_plan_reaches_the_roster_quota_bars(workspace, qtbot):
    from PySide6.QtWidgets import QProgressBar

    from desktop_app.services import events
    from desktop_app.services.events import EventDraft

    events.create_event(EventDraft(unit="某县政务服务中心", title="新的开放日", date=dt.date.today() + dt.timedelta(days=40)))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    roster_tab = window.tab("roster")
    window.tabs.setCurrentWidget(roster_tab)
    before = roster_tab.bars._layout.count()
    plan_tab = window.tab("plan")
    window.tabs.setCurrentWidget(plan_tab)
    page = plan_tab.categories
    qtbot.mouseClick(page.table.add_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentWidget(roster_tab)
    qtbot.waitUntil(lambda: roster_tab.bars._layout.count() == before + 1, timeout=3000)
    assert len(roster_tab.bars.findChildren(QProgressBar)) >= 1


def test_deleting_a_suggestion_that_is_gone_shows_a_message_not_the_crash_dialog(workspace, qtbot, dialogs,
                                                                                 monkeypatch):
    from desktop_app.demo import create_demo_event
    from desktop_app.services import feedback

    create_demo_event(held=True)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("feedback")
    window.tabs.setCurrentWidget(tab)
    ledger = tab.ledger
    tab.pages.setCurrentWidget(ledger)
    ledger.table.selectRow(0)
    assert ledger._current is not None

    def gone(*_a, **_k):
        raise UserError("这条意见建议已在另一台电脑上删除")

    monkeypatch.setattr(feedback, "set_suggestion_deleted", gone)
    seen = []
    ops.bus().sig_changed.connect(lambda *args: seen.append(args))
    qtbot.mouseClick(ledger.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs and dialogs[-1][2] == "这条意见建议已在另一台电脑上删除" and not seen


def test_a_job_on_the_worker_runs_with_the_collector_paused_and_gives_it_back(qtbot):
    """The collector's full passes over a job's many objects held the interpreter (and so the window) 80 ms
    each: a job runs with it paused; afterwards it runs as before, and stays off if it was off."""
    import gc

    from ui.worker import Worker

    worker = Worker()
    seen = []
    try:
        for before in (True, False):
            (gc.enable if before else gc.disable)()
            with qtbot.waitCallback() as done:
                worker.run(lambda: gc.isenabled(), done, seen.append)
            assert done.args == [False] and gc.isenabled() is before
            with qtbot.waitCallback() as failed:  # a job that fails gives it back too
                worker.run(lambda: 1 / 0, seen.append, failed)
            assert isinstance(failed.args[0], ZeroDivisionError) and gc.isenabled() is before
    finally:
        gc.enable()
        worker.shutdown()
    assert seen == []
