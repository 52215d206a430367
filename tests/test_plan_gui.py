"""The 方案 tab driven offscreen: sections, categories, organisation, details, milestones, check and preview,
and exporting documents on the worker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.services import events, plan, rows
from desktop_app.workspace import open_workspace
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.widgets.row_table import Column, RowTableModel


@pytest.fixture
def window(qapp, qtbot, db_path):
    install_translators(qapp, "zh_CN")
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    win._interactive_export = False
    qtbot.addWidget(win)
    win.show()
    win.open_demo_event()
    yield win
    win.close()
    win.workspace.close()


def test_demo_plan_has_no_errors_and_a_preview(window, qtbot):
    review = window.plan_tab.review
    qtbot.waitUntil(lambda: review.summary.text() != "", timeout=3000)
    errors = [review.findings.item(i).text() for i in range(review.findings.count())
              if review.findings.item(i).text().startswith("错误")]
    assert errors == []
    # The preview is laid out when its tab is brought to the front (not with every check behind it).
    assert review._preview is None  # the text browser is made when the preview is first shown
    qtbot.mouseClick(review.tabBar(), Qt.MouseButton.LeftButton, pos=review.tabBar().tabRect(1).center())
    assert review.currentWidget() is review.preview_page
    html = review.preview.toHtml()
    assert "西吉县审批服务管理局" in html and "实施方案" in html and "一、" in html


def test_sections_add_edit_reorder_remove_and_undo(window, qtbot, monkeypatch):
    page = window.plan_tab.sections
    window.plan_tab.nav.setCurrentRow(1)
    first_count = page.list.count()
    page.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("活动准备", True))
    page.add_section()
    assert page.list.count() == first_count + 1
    assert page.list.currentItem().text() == "二、活动准备"
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.body.setPlainText("（一）准备场地。\n（二）准备资料。")
    event_id = window.current_event_id
    added = [s for s in rows.list_rows(plan.SECTIONS, event_id) if s.heading == "活动准备"][0]
    assert added.body.startswith("（一）准备场地")
    page.move_current(-1)
    assert page.list.item(0).text() == "一、活动准备"
    page.remove_section()
    assert page.list.count() == first_count
    page.undo_remove()
    assert page.list.count() == first_count + 1 and page.list.item(0).text() == "一、活动准备"


def test_categories_edit_updates_the_summary_and_check(window, qtbot):
    page = window.plan_tab.categories
    model = page.table.model
    assert "25" in page.summary.text()
    quota_column = [c.field for c in model.columns].index("quota")
    model.setData(model.index(1, quota_column), 5)  # 企业及群众代表 17 -> 5
    assert "13" in page.summary.text()
    review = window.plan_tab.review
    qtbot.waitUntil(lambda: any(review.findings.item(i).data(Qt.ItemDataRole.UserRole) == "min_invitees"
                                for i in range(review.findings.count())), timeout=3000)


def test_details_page_saves_notice_and_thresholds(window, qtbot):
    page = window.plan_tab.details
    window.plan_tab.nav.setCurrentRow(4)
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.notice_enabled.setChecked(False)
        page.min_invitees.setValue(30)
        page.channels["线上"].setChecked(True)
    fields = plan.get_plan(window.current_event_id)
    assert not fields.notice.enabled and fields.thresholds.min_invitees == 30
    assert "线上" in fields.registration_channels
    page.notice_masthead.setFocus()
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.notice_masthead.insert("西吉县审批服务管理局文件")  # typed through a Chinese input method
        qtbot.keyClick(page.notice_masthead, Qt.Key.Key_Tab)
    assert plan.get_plan(window.current_event_id).notice.masthead == "西吉县审批服务管理局文件"


def test_milestones_page_marks_done(window, monkeypatch):
    from ui.plan import milestones as page_module

    window.plan_tab.nav.setCurrentRow(5)
    page = window.plan_tab.milestones
    codes = [page.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(page.tree.topLevelItemCount())]
    assert codes[:4] == ["filing", "announcement", "registration_deadline", "event_day"]
    page.tree.setCurrentItem(page.tree.topLevelItem(1))
    monkeypatch.setattr(page_module.DoneDialog, "ask", classmethod(lambda cls, parent, label, day: dt.date(2026, 1, 2)))
    page.mark_done()
    assert plan.milestones_done(window.current_event_id) == {"announcement": dt.date(2026, 1, 2)}
    assert "2026年1月2日" in page.tree.topLevelItem(1).text(3)


def test_export_runs_on_the_worker(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.sig_exported, timeout=20000) as blocker:
        window.export_documents("plan", folder=tmp_path)
    files = blocker.args[0]
    assert len(files) == 1 and str(files[0]).endswith("实施方案.docx")
    assert (tmp_path / files[0].name).exists()


def test_export_failure_is_reported(window, qtbot, tmp_path, monkeypatch):
    from ui import main_window

    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with qtbot.waitSignal(window.sig_export_failed, timeout=20000):
        window.export_documents("plan", folder=blocker / "sub")
    assert shown and str(blocker / "sub") in shown[0]


def test_row_table_model_passes_the_model_tester(qtmodeltester, workspace):
    info = events.create_event(events.EventDraft(unit="u", date=dt.date(2026, 9, 28)))
    rows.add_row(plan.CATEGORIES, info.id, name="群众代表", quota=9, public=True)
    model = RowTableModel([Column("name", "Name"), Column("quota", "Places", kind="int"),
                           Column("public", "Public", kind="bool")])
    model.set_rows(rows.list_rows(plan.CATEGORIES, info.id))
    qtmodeltester.check(model)
