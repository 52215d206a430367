"""The plan's sections: an ordered list (drag to reorder, numbered 一、二、… automatically) and an editor for the
selected section's heading and body, with boilerplate variants. Edits are saved as they are made."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.model import heading_number
from desktop_app.domain.plan import GENERATED_KINDS
from desktop_app.services import plan, rows

SAVE_DELAY_MS = 400


class SectionList(QListWidget):
    """The list of sections; a drop reports the moved row's id and new index."""

    sig_moved = Signal(int, int)
    """The section with this id was dragged to this index."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event):  # noqa: N802 - Qt's name
        moving = self.currentItem()
        super().dropEvent(event)
        if moving is not None:
            self.sig_moved.emit(moving.data(Qt.ItemDataRole.UserRole), self.row(moving))


class SectionsPage(QWidget):
    sig_changed = Signal()
    """The plan's sections changed (saved)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._section_id: int | None = None
        self._loading = False
        self._pending: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        self.list = SectionList(self)
        self.list.setObjectName("section_list")
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.sig_moved.connect(self._on_moved)
        self.add_button = QPushButton(self.tr("&New section"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        QShortcut(QKeySequence("Ctrl+Up"), self.list, lambda: self.move_current(-1),
                  whatsThis=self.tr("Move the section up"))
        QShortcut(QKeySequence("Ctrl+Down"), self.list, lambda: self.move_current(1),
                  whatsThis=self.tr("Move the section down"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.remove_section,
                  whatsThis=self.tr("Remove the section"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.list, self.undo_remove,
                  whatsThis=self.tr("Bring back the section removed last"))
        self._last_removed: tuple[int, int] | None = None
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Sections (drag to reorder):"), left))
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)

        self.heading = QLineEdit(self)
        self.heading.setObjectName("section_heading")
        self.heading.setPlaceholderText(self.tr("Heading, e.g. 总体要求"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("section_body")
        self.body.setPlaceholderText(self.tr("One paragraph per line. Lines may start with their own （一） or 1."))
        self.generated_hint = QLabel(self)
        self.generated_hint.setWordWrap(True)
        self.generated_hint.setEnabled(False)
        self.boilerplate_button = QPushButton(self.tr("&Boilerplate…"), self)
        self.boilerplate_menu = QMenu(self)
        self.boilerplate_button.setMenu(self.boilerplate_menu)
        self.heading.textChanged.connect(lambda text: self._changed("heading", text))
        self.heading.editingFinished.connect(self.flush)
        self.body.textChanged.connect(lambda: self._changed("body", self.body.toPlainText()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Heading:"), self))
        top.addWidget(self.heading, 1)
        top.addWidget(self.boilerplate_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.generated_hint)
        right_layout.addWidget(self.body, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- loading ---------------------------------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self.flush()
        self._event_id = event_id
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self._section_id
        sections = rows.list_rows(plan.SECTIONS, self._event_id) if self._event_id is not None else []
        self.list.blockSignals(True)
        self.list.clear()
        for index, section in enumerate(sections, start=1):
            item = QListWidgetItem(f"{heading_number(1, index)}{section.heading}")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = next((i for i, s in enumerate(sections) if s.id == current), 0 if sections else -1)
        self.list.setCurrentRow(target)
        self._show(sections[target] if target >= 0 else None)

    def _on_current_changed(self, current, _previous) -> None:
        self.flush()
        section_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        match = [s for s in rows.list_rows(plan.SECTIONS, self._event_id) if s.id == section_id] \
            if self._event_id is not None else []
        self._show(match[0] if match else None)

    def _show(self, section) -> None:
        self._section_id = section.id if section else None
        self._loading = True
        try:
            self.heading.setText(section.heading if section else "")
            self.body.setPlainText(section.body if section else "")
        finally:
            self._loading = False
        for widget in (self.heading, self.body, self.boilerplate_button, self.remove_button):
            widget.setEnabled(section is not None)
        generated = section is not None and section.kind in GENERATED_KINDS
        self.generated_hint.setVisible(generated)
        if generated:
            self.generated_hint.setText(self.tr("Leave the text empty and the plan writes this section from the "
                                                "structured parts (categories, leading group, registration …); "
                                                "type here to replace it with your own words."))
        self.boilerplate_menu.clear()
        choices = plan.variants(section.kind) if section else []
        for variant in choices:
            action = self.boilerplate_menu.addAction(variant.name)
            action.triggered.connect(lambda _checked=False, key=variant.key: self.apply_variant(key))
        self.boilerplate_button.setVisible(bool(choices))

    # -- saving ----------------------------------------------------------------------------------------------------

    def _changed(self, field: str, value: str) -> None:
        if self._loading or self._section_id is None:
            return
        self._pending[field] = value
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if not self._pending or self._section_id is None:
            self._pending.clear()
            return
        pending, self._pending = self._pending, {}
        section = rows.update_row(plan.SECTIONS, self._section_id, **pending)
        if "heading" in pending:
            item = self.list.currentItem()
            if item is not None:
                item.setText(f"{heading_number(1, self.list.row(item) + 1)}{section.heading}")
        self.sig_changed.emit()

    # -- actions ---------------------------------------------------------------------------------------------------

    def add_section(self) -> None:
        if self._event_id is None:
            return
        heading, ok = QInputDialog.getText(self, self.tr("New section"), self.tr("Heading:"))
        if not ok or not heading.strip():
            return
        self.flush()
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else None
        section = rows.add_row(plan.SECTIONS, self._event_id, at=at, kind="custom", heading=heading.strip(), body="")
        self._reload(section.id)
        self.body.setFocus()
        self.sig_changed.emit()

    def remove_section(self) -> None:
        if self._section_id is None:
            return
        self.flush()
        removed, index = self._section_id, self.list.currentRow()
        rows.delete_row(plan.SECTIONS, removed)
        self._last_removed = (removed, index)
        self._reload()
        self.sig_changed.emit()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Section removed. Ctrl+Z in the list brings it back."), 8000)

    def undo_remove(self) -> None:
        if self._last_removed is None:
            return
        section_id, index = self._last_removed
        rows.restore_row(plan.SECTIONS, section_id, index)
        self._last_removed = None
        self._reload(section_id)
        self.sig_changed.emit()

    def move_current(self, delta: int) -> None:
        index = self.list.currentRow()
        if self._section_id is None or not (0 <= index + delta < self.list.count()):
            return
        self.flush()
        rows.move_row(plan.SECTIONS, self._section_id, index + delta)
        self._reload(self._section_id)
        self.sig_changed.emit()

    def _on_moved(self, section_id: int, index: int) -> None:
        rows.move_row(plan.SECTIONS, section_id, index)
        self._reload(section_id)
        self.sig_changed.emit()

    def apply_variant(self, key: str) -> None:
        if self._section_id is None:
            return
        self.flush()
        section = plan.apply_variant(self._section_id, key)
        self._reload(section.id)
        self.sig_changed.emit()

    def rename_current(self) -> None:
        self.heading.setFocus()
        self.heading.selectAll()
