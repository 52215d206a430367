"""No stale writes: the plan's forms save only the fields the user changed, and a change made elsewhere (a
merged bundle, another device) reaches them instead of being written over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import events, plan
from desktop_app.workspace import open_workspace
from ui import ops
from ui.main_window import MainWindow


@pytest.fixture
def window(qapp, qtbot, db_path):
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    win.open_demo_event()
    yield win
    win.close()
    win.workspace.close()


def test_the_details_page_saves_only_what_was_typed(window, qtbot):
    event_id = window.current_event_id
    details = window.plan_tab.page("details")
    window.plan_tab.go_to("details")
    details.basis_title.clear()
    details.basis_title.insert("关于开展政府开放日活动的通知")  # typed (QTest types ASCII only)
    # Meanwhile another writer changed two fields this page shows but the user did not touch.
    plan.update_plan(event_id, registration_phone="0954-7654321")
    plan.set_notice(event_id, plan.get_plan(event_id).notice._replace(doc_number="西政办发〔2026〕9号"))
    qtbot.keyClick(details.basis_title, Qt.Key.Key_Tab)
    details.flush()
    stored = plan.get_plan(event_id)
    assert stored.basis_title == "关于开展政府开放日活动的通知"
    assert stored.registration_phone == "0954-7654321"  # not reverted to what the page had loaded
    assert stored.notice.doc_number == "西政办发〔2026〕9号"


def test_a_merge_reaches_the_open_forms_and_keeps_what_was_typed(window, qtbot):
    event_id = window.current_event_id
    details = window.plan_tab.page("details")
    window.plan_tab.go_to("details")
    basic = window.plan_tab.basic_info
    details.undersubscribed_rule.end(False)
    details.undersubscribed_rule.insert("，不足时定向邀请")  # typed, not yet saved
    plan.update_plan(event_id, registration_email="kfr@example.gov.cn")  # what a merge wrote
    events.update_event(event_id, venue="县政务服务中心二楼")
    ops.bus().announce(event_id, ops.AREAS, window)  # as the window's merge announces it
    assert details.registration_email.text() == "kfr@example.gov.cn"
    assert basic.value("venue") == "县政务服务中心二楼"
    stored = plan.get_plan(event_id)
    assert stored.undersubscribed_rule.endswith("，不足时定向邀请")  # the typing was saved, not lost
    assert stored.registration_email == "kfr@example.gov.cn"
    assert details.undersubscribed_rule.text().endswith("，不足时定向邀请")
