"""Help ▸ Keyboard shortcuts (F1): every shortcut the window has, read from its actions and QShortcut objects
when the list opens — nothing typed by hand that could drift from what the keys really do."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dialogs import SUBMIT_KEYS, submit_description

_CN_MNEMONIC = re.compile(r"[(（]&[^&][)）]")


def plain(text: str) -> str:
    """A menu text as read aloud: without its mnemonic (&S, 设置(&S)), the trailing … and a shortcut hint."""
    text = _CN_MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("…", "").strip()


def keys_text(sequences) -> str:
    """The keys as the interface names them, each once (Return and Enter are both 回车 in Chinese)."""
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()]
    return ", ".join(dict.fromkeys(texts))


class ShortcutsDialog(QDialog):
    """The shortcuts of ``window`` by menu and tab (the tabs are built first, so theirs exist)."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts")
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(self.tr("Alt and the underlined letter presses a button or opens a menu; Tab moves to the "
                              "next field; Ctrl+Tab and Ctrl+Shift+Tab show the next and the previous page inside "
                              "a tab (Feedback: notes, suggestions, survey)."), self)
        hint.setObjectName("shortcuts_hint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.fill(window)

    @classmethod
    def show_for(cls, window) -> ShortcutsDialog:
        dialog = getattr(window, "_shortcuts_dialog", None)
        if dialog is None:
            dialog = window._shortcuts_dialog = cls(window)
        else:
            dialog.fill(window)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # -- collecting ----------------------------------------------------------------------------------------------------

    def fill(self, window) -> None:
        for name in getattr(window, "_tab_names", ()):
            window.tab(name)  # built now, so the tab's own shortcuts exist
        plan_tab = getattr(window, "plan_tab", None)
        for name in getattr(plan_tab, "PAGES", ()):
            plan_tab.page(name)  # the plan's pages too (built when first opened)
        groups: dict[str, list[tuple[str, str]]] = {}
        listed: set[int] = set()

        def add(group: str, text: str, keys: str) -> None:
            if keys and text and (text, keys) not in groups.setdefault(group, []):
                groups[group].append((text, keys))

        def walk(menu: QMenu, group: str) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(action.menu(), group)
                elif not action.isSeparator() and not action.shortcut().isEmpty():
                    listed.add(id(action))
                    add(group, plain(action.text()), keys_text(action.shortcuts()))

        for top in window.menuBar().actions():
            if top.menu() is not None:
                walk(top.menu(), plain(top.text()))
        tab_names = self._tab_titles(window)
        for action in window.findChildren(QAction):
            if id(action) in listed or action.shortcut().isEmpty() or not action.text():
                continue
            owner = action.parent()
            group = self._place(owner, tab_names) if isinstance(owner, QWidget) and owner is not window else None
            add(group or self.tr("Tabs"), plain(action.text()), keys_text(action.shortcuts()))
        for shortcut in window.findChildren(QShortcut):
            if not shortcut.isEnabled() or shortcut.key().isEmpty():
                continue
            owner = shortcut.parent()
            group = self._place(owner, tab_names) if isinstance(owner, QWidget) else None
            text = shortcut.whatsThis() or self.tr("(a shortcut of this page)")
            add(group or self.tr("Window"), text, keys_text([shortcut.key()]))
        add(self.tr("Forms"), submit_description(), keys_text([QKeySequence(k) for k in SUBMIT_KEYS]))

        order = [plain(a.text()) for a in window.menuBar().actions()] + [self.tr("Tabs")] + list(
            tab_names.values()) + [self.tr("Window"), self.tr("Forms")]
        self.tree.clear()
        bold = self.font()
        bold.setBold(True)
        for group, rows in sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else len(order)):
            if not rows:
                continue
            heading = QTreeWidgetItem([group, ""])
            heading.setFont(0, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(heading)
            for text, keys in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem([text, keys]))

    @staticmethod
    def _tab_titles(window) -> dict[int, str]:
        tabs = getattr(window, "tabs", None)
        if tabs is None:
            return {}
        return {id(tabs.widget(i)): plain(tabs.tabText(i)) for i in range(tabs.count())}

    @staticmethod
    def _place(widget: QWidget, tab_titles: dict[int, str]) -> str | None:
        """The title of the main-window tab ``widget`` is in, if any."""
        while widget is not None:
            if id(widget) in tab_titles:
                return tab_titles[id(widget)]
            widget = widget.parentWidget()
        return None

    def listed(self) -> list[tuple[str, str]]:
        """(what, keys) of every row shown (not the headings)."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(1):
                rows.append((item.text(0), item.text(1)))
        return rows
