"""A coordinator's day on a fresh database, through the real widgets only: a new event, its invitee categories,
two people typed in by hand, a sign-up sheet imported, the selection by registration time, passes, then at the
door the 签到 tab (opened before anyone was confirmed) finds and admits a newly confirmed person, a walk-in is
added with the button, a suggestion is logged, and the 归档 tab counts what happened.

Dialogs are answered where the app asks (``ask``-style entry points, or the dialog's own ``exec`` filling in
its real fields), never by calling a tab's private methods."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.domain import idcard
from desktop_app.services import checkin, events
from desktop_app.services.events import EventDraft
from ui.dialogs import NewEventDialog
from ui.main_window import MainWindow
from ui.roster import import_dialog
from ui.roster.form import InviteeDialog

TODAY = dt.date.today()


def _id(seq: int, year: int = 1980) -> str:
    return idcard.make("640422", dt.date(year, 3, 4), seq)


def _fill_person(name: str, id_number: str, phone: str, category: str):
    """``InviteeDialog.exec`` as a person at the keyboard would do it: fill the form's fields, press OK."""
    def exec_(dialog) -> int:
        dialog.name.setText(name)  # a Chinese input method commits whole words; QTest types ASCII only
        dialog.id_number.setText(id_number)
        dialog.phone.setText(phone)
        dialog.category.setCurrentText(category)
        return QDialog.DialogCode.Accepted
    return exec_


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_coordinators_day(workspace, qtbot, monkeypatch, tmp_path, dialogs):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    settle = lambda: qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)  # noqa: E731

    # A new event for today, from the welcome page.
    monkeypatch.setattr(NewEventDialog, "ask", classmethod(lambda cls, parent, unit="", day=None: EventDraft(
        unit="某县政务服务管理局", date=TODAY, title="政务服务开放日")))
    _click(qtbot, window.welcome.new_button)
    event_id = window.current_event_id
    assert event_id is not None and events.get_event(event_id).date == TODAY

    # The door's tab is opened first, before anyone is on the roster.
    checkin_tab = window.tab("checkin")
    window.tabs.setCurrentWidget(checkin_tab)

    # 方案 › 邀请对象: the usual categories a new event starts with are replaced by this office's two.
    window.tabs.setCurrentWidget(window.plan_tab)
    window.plan_tab.nav.setCurrentRow(window.plan_tab.PAGES.index("categories"))
    page = window.plan_tab.categories
    model = page.table.model
    columns = [c.field for c in model.columns]
    assert model.rowCount() >= 4  # 市民代表, 群众代表, 企业代表, 政务公开义务监督员 …
    while model.rowCount():
        page.table.view.selectRow(0)
        _click(qtbot, page.table.remove_button)
    for name, quota, public in (("群众代表", 3, True), ("企业代表", 1, False)):
        _click(qtbot, page.table.add_button)
        row = model.rowCount() - 1
        model.setData(model.index(row, columns.index("name")), name)  # what the cell editor commits
        model.setData(model.index(row, columns.index("quota")), quota)
        model.setData(model.index(row, columns.index("public")), public)
    assert [c.name for c in model.rows()] == ["群众代表", "企业代表"]

    # 名单: two people by hand.
    roster_tab = window.tab("roster")
    window.tabs.setCurrentWidget(roster_tab)
    for name, seq, phone, category in (("王建国", 111, "13912340001", "群众代表"),
                                       ("李企业", 113, "13912340002", "企业代表")):
        monkeypatch.setattr(InviteeDialog, "exec", _fill_person(name, _id(seq), phone, category))
        _click(qtbot, roster_tab.add_button)
    assert roster_tab.model.rowCount() == 2

    # An import of three more sign-ups (one more 群众代表 than places: the last is wait-listed).
    sheet = tmp_path / "报名表.csv"
    sheet.write_text("姓名,身份证号码,手机号码,工作单位,类别\n"
                     f"赵一,{_id(115, 1975)},13912340003,某社区,群众代表\n"
                     f"钱二,{_id(117, 1976)},13912340004,某社区,群众代表\n"
                     f"孙三,{_id(119, 1977)},13912340005,某村,群众代表\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(sheet), "")))

    def run_import(dialog) -> int:
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10_000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", run_import)
    _click(qtbot, roster_tab.import_button)
    settle()
    assert roster_tab.model.rowCount() == 5

    # Selection by registration time within the quotas, then pass codes.
    _click(qtbot, roster_tab.select_button)
    _click(qtbot, roster_tab.passes_button)
    statuses = {r.name: r.status for r in roster_tab.model.rows()}
    assert statuses == {"王建国": "confirmed", "李企业": "confirmed", "赵一": "confirmed", "钱二": "confirmed",
                        "孙三": "waitlisted"}

    # 签到 (built before anyone was confirmed) finds the imported 钱二 by name and admits them with Enter.
    window.tabs.setCurrentWidget(checkin_tab)
    checkin_tab.search.setText("钱二")
    assert checkin_tab.matches.count() == 1
    qtbot.keyClick(checkin_tab.search, Qt.Key.Key_Return)
    # … and 王建国 by the last four digits of the phone.
    checkin_tab.search.clear()
    qtbot.keyClicks(checkin_tab.search, "0001")
    assert checkin_tab.matches.count() == 1
    qtbot.keyClick(checkin_tab.search, Qt.Key.Key_Return)

    # A walk-in by the button.
    monkeypatch.setattr(InviteeDialog, "exec", _fill_person("周现场", _id(121, 1990), "13912340006", "群众代表"))
    _click(qtbot, checkin_tab.walk_in_button)
    arrived = {p.name for p in checkin.people(event_id) if p.checked_in_at is not None}
    assert arrived == {"钱二", "王建国", "周现场"}

    # 意见: a suggestion.
    feedback_tab = window.tab("feedback")
    window.tabs.setCurrentWidget(feedback_tab)
    ledger = feedback_tab.ledger
    feedback_tab.pages.setCurrentWidget(ledger)
    from ui.dialogs import MultiLineTextDialog

    monkeypatch.setattr(MultiLineTextDialog, "get_text",
                        classmethod(lambda cls, *a, **k: ("建议在大厅增设老年人帮办窗口。", True)))
    _click(qtbot, ledger.new_button)
    assert ledger.table.model().rowCount() == 1

    # 归档 counts what happened: three arrived of four places, one walk-in, one suggestion.
    summary_tab = window.tab("summary")
    window.tabs.setCurrentWidget(summary_tab)
    numbers = summary_tab.numbers.text().splitlines()
    tr = summary_tab.tr
    assert numbers[0] == tr("Arrived {arrived} of {quota} planned ({rate}); walk-ins {walk_ins}").format(
        arrived=3, quota=4, rate="75%", walk_ins=1)
    assert numbers[1] == tr("Public representatives among arrivals: {share}").format(share="100%")
    assert numbers[2] == tr("Suggestions {total}: replied {replied} ({on_time} on time), overdue {overdue}").format(
        total=1, replied=0, on_time=0, overdue=0)
    assert not [d for d in dialogs if d[0] in ("warning", "critical")], dialogs
