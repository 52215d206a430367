"""Both languages at a county laptop's 1366×768: no visible text of the main window is cut off, the enum values
are shown in the interface's language (the stored ones stay Chinese), and Qt's own dialogs speak Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTabWidget,
)

from desktop_app import i18n
from desktop_app.workspace import open_workspace
from ui.i18n import install_translators
from ui.main_window import MainWindow

SIZE = (1366, 768)


@pytest.fixture(params=["en", "zh_CN"])
def held_demo(request, qapp, qtbot, db_path):
    """The main window at 1366×768 in one language, holding the demo event after its day."""
    install_translators(qapp, request.param)
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the offscreen screen (800×800)
    win.show()
    win.resize(*SIZE)
    win.open_demo_event(held=True)
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.workspace.close()
    install_translators(qapp, "zh_CN")


def _plain(text: str) -> str:
    """A button's text as drawn: the mnemonic marks gone (&& is a literal ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _rich(text: str) -> bool:
    return bool(re.search(r"<\w+[^>]*>", text))


def _needed_width(widget) -> int:
    fm = widget.fontMetrics()
    text = widget.text()
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText and _rich(text):
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(widget.font())
        doc.setHtml(text)
        return int(doc.idealWidth() + 0.999)
    if not isinstance(widget, QLabel) or widget.buddy() is not None:  # a label with a buddy shows its mnemonic
        text = _plain(text)
    return max(fm.horizontalAdvance(line) for line in text.split("\n"))


def _available_width(widget) -> int:
    if isinstance(widget, QLabel):
        return widget.contentsRect().width() - 2 * widget.margin()
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    if isinstance(widget, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(widget, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    else:
        element = QStyle.SubElement.SE_PushButtonContents
    width = widget.style().subElementRect(element, option, widget).width()
    if not widget.icon().isNull() and not isinstance(widget, (QCheckBox, QRadioButton)):
        width -= widget.iconSize().width() + 4
    return width


def _clipped_texts(win) -> list[str]:
    """Every visible single-line label, push button, check box and radio button whose text is wider than the
    room it is drawn in; a form that must be scrolled sideways; the plan's page list, tabs and the headers of
    visible tables."""
    found = []
    for widget in win.findChildren(QLabel) + win.findChildren(QAbstractButton):
        if not isinstance(widget, (QLabel, QPushButton, QCheckBox, QRadioButton)):
            continue
        if not widget.isVisibleTo(win) or not widget.text().strip() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None
                                           and not widget.pixmap().isNull()):
            continue
        needed, room = _needed_width(widget), _available_width(widget)
        if needed > room + 1:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {needed} > {room} px")
    nav = win.plan_tab.nav
    if nav.isVisibleTo(win):
        for row in range(nav.count()):
            item = nav.item(row)
            needed = nav.fontMetrics().horizontalAdvance(item.text())
            room = nav.visualItemRect(item).width() - 2 * nav.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
            if needed > room:
                found.append(f"page list {item.text()!r}: {needed} > {room} px")
    for area in win.findChildren(QScrollArea):  # a form wider than its room is cut off at the right
        if area.isVisibleTo(win) and area.widgetResizable() and area.horizontalScrollBar().maximum() > 0:
            found.append(f"{type(area.widget()).__name__} scrolls sideways: "
                         f"{area.widget().minimumSizeHint().width()} > {area.viewport().width()} px")
    for tabs in win.findChildren(QTabWidget):
        bar = tabs.tabBar()
        if bar.isVisibleTo(win):
            for n in range(bar.count()):
                if bar.tabRect(n).width() + 1 < bar.tabSizeHint(n).width():
                    found.append(f"tab {bar.tabText(n)!r}: {bar.tabRect(n).width()} < {bar.tabSizeHint(n).width()}")
    for header in win.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(win):
            continue
        model = header.model()
        if model is None:
            continue
        font = header.font()
        font.setBold(True)  # a header's text may be drawn bold (the sorted column); leave room for it
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        last = header.count() - 1
        for section in range(header.count()):
            if header.isSectionHidden(section) or (section == last and header.stretchLastSection()):
                continue
            text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            needed = header.fontMetrics().horizontalAdvance(str(text)) + 2 * margin
            if header.sortIndicatorSection() == section and header.isSortIndicatorShown():
                needed += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
            if needed > header.sectionSize(section) + 1:
                found.append(f"header {text!r}: {needed} > {header.sectionSize(section)} px")
    return found


def _every_view(win, qtbot):
    """Show each tab, each plan page and each inner tab in turn, yielding a name for what is shown."""
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        name = win.tabs.tabText(index)
        if win.tabs.currentWidget() is win.plan_tab:
            for row in range(win.plan_tab.nav.count()):
                win.plan_tab.nav.setCurrentRow(row)
                qtbot.wait(20)
                yield f"{name} › {win.plan_tab.nav.item(row).text()}"
            continue
        qtbot.wait(20)
        inner = [t for t in win.tabs.currentWidget().findChildren(QTabWidget) if t.isVisibleTo(win)]
        if not inner:
            yield name
        for tabs in inner:
            for n in range(tabs.count()):
                tabs.setCurrentIndex(n)
                qtbot.wait(20)
                yield f"{name} › {tabs.tabText(n)}"


def test_no_visible_text_is_cut_off_at_1366x768(held_demo, qtbot):
    win = held_demo
    assert (win.width(), win.height()) == SIZE
    problems = []
    for view in _every_view(win, qtbot):
        problems += [f"{view}: {text}" for text in _clipped_texts(win)]
    assert problems == [], f"{i18n.language()}:\n" + "\n".join(dict.fromkeys(problems))


def test_statuses_and_sex_follow_the_language(held_demo, qtbot):
    from desktop_app.domain import roster

    win = held_demo
    win.tabs.setCurrentIndex(1)
    tab = win.roster_tab
    model = tab.model
    status_column, sex_column = model.COLUMNS.index("status"), model.COLUMNS.index("gender")
    shown = {model.index(r, status_column).data() for r in range(model.rowCount())}
    sexes = {model.index(r, sex_column).data() for r in range(model.rowCount())}
    stored = {row.status for row in model.rows()}
    assert {row.gender for row in model.rows()} <= {"男", "女", ""}  # the stored values stay Chinese
    if i18n.language() == "en":
        assert "Confirmed" in shown and not shown & set(roster.STATUS_LABELS.values())
        assert sexes <= {"Male", "Female", ""} and "Male" in sexes
        assert tab.status_filter.itemText(tab.status_filter.findData("confirmed")) == "Confirmed"
    else:
        assert "已确认" in shown and sexes <= {"男", "女", ""}
    assert "confirmed" in stored
    # Shown whole in their cells (English "Female", "Confirmed" were cut to "Fe…", "Confir…").
    metrics = tab.view.fontMetrics()
    for column, words in ((status_column, shown), (sex_column, sexes)):
        widest = max(metrics.horizontalAdvance(w) for w in words if w)
        assert widest + 8 <= tab.view.columnWidth(column), (words, tab.view.columnWidth(column))


def test_qt_dialogs_speak_chinese(qapp, qtbot):
    install_translators(qapp, "zh_CN")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts, texts
    install_translators(qapp, "en")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        assert "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)]
    finally:
        install_translators(qapp, "zh_CN")


def test_english_punctuation_is_half_width(qapp):
    i18n.set_language("en")
    try:
        assert i18n.punct("：") == ": " and i18n.punct("，") == ", "
        assert i18n.value_text("Male", "男") == "Male"
    finally:
        i18n.set_language("zh_CN")
    assert i18n.punct("：") == "：" and i18n.value_text("Male", "男") in ("男",)
