"""Forms a new user fills in: the invitee categories' 名额 spin box shows its number and editing the table prints
no Qt warning; the 新人员 form is quiet until something is typed and takes 性别 from a valid ID number."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QSpinBox

from desktop_app.domain import idcard
from desktop_app.domain.roster import InviteeDraft
from desktop_app.services import roster
from ui.main_window import MainWindow


@pytest.fixture
def window(workspace, qtbot):
    from desktop_app.demo import create_demo_event

    create_demo_event()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def qt_messages():
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: messages.append(message))
    yield messages
    qInstallMessageHandler(previous)


def _settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)
    qtbot.wait(20)


def test_the_places_spin_box_shows_its_number_and_edits_print_no_warning(window, qtbot, qt_messages):
    window.plan_tab.nav.setCurrentRow(window.plan_tab.PAGES.index("categories"))
    table = window.plan_tab.categories.table
    view = table.view
    column = next(i for i, c in enumerate(table.model.columns) if c.field == "quota")
    before = [r.quota for r in table.model.rows()]
    assert len(before) >= 2
    for row in range(len(before)):
        index = view.model().index(row, column)
        view.setFocus()
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QSpinBox))
        editor = QApplication.focusWidget()
        assert isinstance(editor, QSpinBox)
        text = editor.lineEdit().text()
        assert text == str(before[row])
        # the number fits beside the arrows: the line edit is wider than the text it shows
        assert editor.lineEdit().width() >= editor.fontMetrics().horizontalAdvance(text + "0")
        assert editor.width() >= editor.sizeHint().width(), "as wide as it needs, wider than the narrow column"
        editor.lineEdit().selectAll()
        qtbot.keyClicks(editor, str(before[row] + 1))
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and goes on to the next cell
        _settle(window, qtbot)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        _settle(window, qtbot)
    assert [r.quota for r in table.model.rows()] == [q + 1 for q in before]
    assert not [m for m in qt_messages if "commitData" in m or "editor" in m], qt_messages


def _person_form(window, qtbot):
    from ui.roster.form import InviteeDialog

    event_id = window.current_event_id
    dialog = InviteeDialog(window, InviteeDraft(), roster.context(event_id), ["市民代表", "企业代表"])
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _visible_issues(dialog) -> dict[str, str]:
    return {field: label.text() for field, label in dialog.issues.items() if label.isVisible()}


def test_a_new_person_form_shows_no_error_before_anything_is_typed(window, qtbot):
    dialog = _person_form(window, qtbot)
    qtbot.wait(300)
    assert _visible_issues(dialog) == {}
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # still refused
    qtbot.keyClicks(dialog.phone, "1381234")
    qtbot.waitUntil(lambda: "phone" in _visible_issues(dialog))
    assert set(_visible_issues(dialog)) == {"phone"}, "only the field typed in says what is wrong"
    dialog.reject()


def test_the_sex_is_filled_from_a_valid_id_number(window, qtbot):
    dialog = _person_form(window, qtbot)
    assert dialog.gender.currentData() == ""
    female = idcard.make("640422", dt.date(1990, 3, 7), 124)  # an even sequence: 女
    qtbot.keyClicks(dialog.id_number, female[:10])
    qtbot.wait(300)
    assert dialog.gender.currentData() == "", "not from half a number"
    qtbot.keyClicks(dialog.id_number, female[10:])
    qtbot.waitUntil(lambda: dialog.gender.currentData() == "女")
    assert "id_number" not in _visible_issues(dialog)
    # another number: the sex follows while it was not chosen by hand
    dialog.id_number.selectAll()
    qtbot.keyClicks(dialog.id_number, idcard.make("640422", dt.date(1990, 3, 7), 123))
    qtbot.waitUntil(lambda: dialog.gender.currentData() == "男")
    dialog.reject()


def test_a_sex_chosen_by_hand_is_kept(window, qtbot):
    dialog = _person_form(window, qtbot)
    dialog.gender.setFocus()
    qtbot.keyClick(dialog.gender, Qt.Key.Key_Down)  # chooses the first sex by keyboard
    chosen = dialog.gender.currentData()
    assert chosen
    other = "女" if chosen == "男" else "男"
    sequence = 124 if other == "女" else 123
    qtbot.keyClicks(dialog.id_number, idcard.make("640422", dt.date(1990, 3, 7), sequence))
    qtbot.wait(300)
    assert dialog.gender.currentData() == chosen
    assert isinstance(dialog.gender, QComboBox)
    dialog.reject()
