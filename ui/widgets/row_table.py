"""An editable table of service rows (dataclasses): one model and one widget for the plan's categories, staff,
leading group and duties. Edits go to a callback (a service call); the table then shows what the service returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | int | bool | choice
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None  # (label, value) for "choice"
    display: Callable[[Any], str] | None = None  # how the row shows this column, when not getattr(row, field)
    editable: bool = True
    stretch: bool = False


_ROOT = QModelIndex()


class RowTableModel(QAbstractTableModel):
    sig_edited = Signal(int, str, object)
    """The user changed ``field`` of the row with ``id`` to ``value``."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        rows = list(rows)
        if rows and [r.id for r in rows] == [r.id for r in self._rows]:
            # The same rows with new values (after an edit): changed in place, so an editor the user has just
            # opened in the next cell stays open and the view never commits from an editor it has dropped.
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, index: int):
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def _text(self, row, column: Column) -> str:
        if column.display is not None:
            return column.display(row)
        value = getattr(row, column.field)
        if column.kind == "choice" and column.choices is not None:
            for label, choice in column.choices():
                if choice == value:
                    return label
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if getattr(row, column.field) else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, column.field)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable:
            base |= Qt.ItemFlag.ItemIsUserCheckable if column.kind == "bool" else Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        row, column = self._rows[index.row()], self.columns[index.column()]
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind == "text" and isinstance(value, str):
            value = value.strip()
        if value == getattr(row, column.field):
            return False
        self.sig_edited.emit(row.id, column.field, value)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for ``choice`` columns, listing (label, value) pairs."""

    def __init__(self, column: Column, parent=None):
        super().__init__(parent)
        self.column = column

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for label, value in self.column.choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class IntDelegate(QStyledItemDelegate):
    """A spin box for whole numbers (a category's places) wide enough to show its number: the cell's own width
    (sized to the contents) left no room beside the arrows."""

    def createEditor(self, parent, option, index):  # noqa: N802
        spin = QSpinBox(parent)
        spin.setRange(0, 100_000)
        spin.setFrame(False)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return spin

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value or 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width(), editor.fontMetrics().horizontalAdvance("00000") + 40)
        rect.setLeft(max(rect.right() - width + 1, 0))  # grows to the left, over the cell's neighbour
        rect.setWidth(width)
        editor.setGeometry(rect)


def mnemonic_of(text: str) -> str | None:
    """The letter after a single ``&`` of a button's text, lower-cased."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def fit_rows_to_columns(view: QTableView) -> None:
    """Rows that wrap their text measured again once the columns have their widths (a row measured while its
    column was still narrow kept the height of three lines for a text that now fits on one)."""
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(view.resizeRowsToContents)
    view.horizontalHeader().sectionResized.connect(lambda *_: timer.start())


class RowTable(QWidget):
    """A table with Add / Remove / Up / Down buttons. The owner connects the signals to service calls and calls
    ``set_rows`` with the result."""

    sig_add = Signal()
    """The user asked for a new row."""
    sig_remove = Signal(int)
    """The user asked to remove the row with this id."""
    sig_move = Signal(int, int)
    """The user moved the row with this id to this index."""

    def __init__(self, columns: Sequence[Column], parent=None, *, movable: bool = True, add_text: str | None = None):
        super().__init__(parent)
        self.model = RowTableModel(columns, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().setDefaultSectionSize(28)
        # A long post or task wraps onto more lines (its row grows) instead of ending in “…” mid-word.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().setMinimumSectionSize(28)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        fit_rows_to_columns(self.view)
        header = self.view.horizontalHeader()
        self._delegates = []  # one per column and view, kept alive with it (a shared one confuses the views)
        for i, column in enumerate(columns):
            if column.kind == "choice":
                delegate = ChoiceDelegate(column, self.view)
            elif column.kind == "int":
                delegate = IntDelegate(self.view)
            else:
                continue
            self._delegates.append(delegate)
            self.view.setItemDelegateForColumn(i, delegate)
        for i, column in enumerate(columns):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if column.stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        if add_text is None:
            # Several tables on one page would each take Alt+A: only the first does (Insert adds in any).
            siblings = parent.findChildren(RowTable) if parent is not None else []
            taken = any(mnemonic_of(t.add_button.text()) == "a" for t in siblings if t is not self)
            add_text = self.tr("Add") if taken else self.tr("&Add")
        self.add_button = QPushButton(add_text, self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.sig_add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        for keys, slot, text in (
            ("Ctrl+Up", lambda: self._move(-1), self.tr("Move the row up (in a table)")),
            ("Ctrl+Down", lambda: self._move(1), self.tr("Move the row down (in a table)")),
            (QKeySequence.StandardKey.Delete, self._remove, self.tr("Remove the row (in a table)")),
            ("Insert", self.sig_add.emit, self.tr("Add a row (in a table)")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view, slot)
            shortcut.setWhatsThis(text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if movable:
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        else:
            self.up_button.hide()
            self.down_button.hide()
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._movable = movable

    def set_rows(self, rows: Sequence, select_id: int | None = None) -> None:
        current = self.current_id() if select_id is None else select_id
        column = max(self.view.currentIndex().column(), 0)  # the cursor stays in its column (名额 stays 名额)
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.id == current:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.view.selectionModel().setCurrentIndex(self.model.index(i, column), flags)
                break

    def current_index(self) -> int:
        indexes = self.view.selectionModel().selectedRows()
        return indexes[0].row() if indexes else -1

    def current_id(self) -> int | None:
        row = self.model.row_at(self.current_index())
        return row.id if row is not None else None

    def _remove(self) -> None:
        row_id = self.current_id()
        if row_id is not None:
            self.sig_remove.emit(row_id)

    def _move(self, delta: int) -> None:
        index = self.current_index()
        row = self.model.row_at(index)
        if row is None or not self._movable:
            return
        target = index + delta
        if 0 <= target < self.model.rowCount():
            self.sig_move.emit(row.id, target)

    def edit_last_row(self) -> None:
        """Put the cursor into the first editable cell of the last row (after Add)."""
        last = self.model.rowCount() - 1
        if last < 0:
            return
        column = next((i for i, c in enumerate(self.model.columns) if c.editable and c.kind != "bool"), 0)
        index = self.model.index(last, column)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
