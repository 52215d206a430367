"""The programme table of the 路线 tab: one row per item with its computed times, slack or overrun before a fixed
time, the actual times of the day; rows move by drag and drop (``moveRows``), cells edit through delegates."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QStyledItemDelegate

from desktop_app.domain import route as rules
from desktop_app.services.route import ItemRow, RoutePlan, Timing

from ..i18n import core_text

MIME = "application/x-openday-route-items"
(COL_START, COL_END, COL_KIND, COL_TITLE, COL_PLACE, COL_GUIDE, COL_CONTENT, COL_MODE, COL_DURATION, COL_PIN,
 COL_GAP, COL_ACTUAL_START, COL_ACTUAL_END, COL_DIFF) = range(14)
FIELDS = {COL_KIND: "kind", COL_TITLE: "title", COL_PLACE: "place", COL_GUIDE: "guide", COL_CONTENT: "content",
          COL_MODE: "transfer_mode", COL_DURATION: "duration_min", COL_PIN: "pinned_start",
          COL_ACTUAL_START: "actual_start", COL_ACTUAL_END: "actual_end"}
TIME_COLUMNS = (COL_PIN, COL_ACTUAL_START, COL_ACTUAL_END)
CENTRED = (COL_START, COL_END, COL_DURATION, COL_PIN, COL_GAP, COL_ACTUAL_START, COL_ACTUAL_END, COL_DIFF)
WARNING_BACKGROUND = QColor("#fff3e0")
RUNNING_BACKGROUND = QColor("#e8f5e9")
LATE = QColor("#c62828")
SLACK = QColor("#2e7d32")
ITEM_ID = Qt.ItemDataRole.UserRole

_ROOT = QModelIndex()


def hm(moment) -> str:
    return f"{moment.hour}:{moment.minute:02d}" if moment is not None else ""


class RouteTableModel(QAbstractTableModel):
    sig_edited = Signal(int, str, object)
    """The user changed ``field`` of the item with this id to this value (as typed)."""
    sig_moved = Signal(int, int)
    """The item with this id was moved (dragged, or Ctrl+Up/Down) to this index."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[ItemRow] = []
        self._timing: list[Timing] = []
        self._plan: RoutePlan | None = None
        self.headers = [self.tr("Start"), self.tr("End"), self.tr("Kind"), self.tr("Item"), self.tr("Place"),
                        self.tr("Guide"), self.tr("Shown or explained"), self.tr("Transfer by"),
                        self.tr("Minutes"), self.tr("Fixed at"), self.tr("Slack"), self.tr("Actual start"),
                        self.tr("Actual end"), self.tr("vs plan")]

    # -- content ---------------------------------------------------------------------------------------------------

    def set_plan(self, plan: RoutePlan | None) -> None:
        """Show ``plan``. The same items in the same order (an edit, a move already made here) only change
        their cells, so the selection and the editor stay where they are."""
        items = list(plan.items) if plan else []
        same = [r.id for r in items] == [r.id for r in self._items]
        if same:
            self._plan, self._items, self._timing = plan, items, list(plan.timing) if plan else []
            if items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self._plan, self._items, self._timing = plan, items, list(plan.timing) if plan else []
        self.endResetModel()

    def item_at(self, row: int) -> ItemRow | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int | None) -> int:
        return next((n for n, r in enumerate(self._items) if r.id == item_id), -1)

    def items(self) -> list[ItemRow]:
        return list(self._items)

    def timing_at(self, row: int) -> Timing | None:
        return self._timing[row] if 0 <= row < len(self._timing) else None

    # -- Qt's table ----------------------------------------------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def _deviation(self, row: int) -> rules.Deviation | None:
        if self._plan is None or row >= len(self._plan.deviations):
            return None
        return self._plan.deviations[row]

    def _display(self, row: int, column: int) -> str:
        item, timing = self._items[row], self._timing[row] if row < len(self._timing) else None
        if column == COL_START:
            return rules.clock(timing.start) if timing else ""
        if column == COL_END:
            return rules.clock(timing.end) if timing else ""
        if column == COL_KIND:
            return core_text(rules.KIND_LABELS.get(item.kind, item.kind))
        if column == COL_TITLE:
            return item.title
        if column == COL_PLACE:
            return item.place
        if column == COL_GUIDE:
            return item.guide
        if column == COL_CONTENT:
            return " ".join(item.content.split())
        if column == COL_MODE:
            return rules.transfer_mode_name(item.transfer_mode) if item.kind == "transfer" else ""
        if column == COL_DURATION:
            return str(item.duration_min)
        if column == COL_PIN:
            return hm(item.pinned_start)
        if column == COL_GAP:
            return rules.delay_text(timing.gap) if timing and timing.gap is not None else ""
        if column == COL_ACTUAL_START:
            return hm(item.actual_start)
        if column == COL_ACTUAL_END:
            return hm(item.actual_end)
        if column == COL_DIFF:
            deviation = self._deviation(row)
            return rules.delay_text(deviation.start_delay) if deviation else ""
        return ""

    def _edit_value(self, row: int, column: int):
        item = self._items[row]
        if column == COL_KIND:
            return item.kind
        if column == COL_DURATION:
            return item.duration_min
        if column == COL_GUIDE:
            return item.guide
        if column in (COL_CONTENT, COL_TITLE, COL_PLACE, COL_MODE):
            return getattr(item, FIELDS[column])
        return self._display(row, column)

    def _tooltip(self, row: int, column: int) -> str | None:
        item, timing = self._items[row], self._timing[row] if row < len(self._timing) else None
        lines = [f.text() for f in (self._plan.findings_for(item.id) if self._plan else [])]
        if column == COL_GAP and timing and timing.gap is not None:
            lines.insert(0, self.tr("{minutes} minutes to spare before this fixed time.").format(minutes=timing.gap)
                         if timing.gap >= 0 else
                         self.tr("The items before run {minutes} minutes into this fixed time.").format(
                             minutes=-timing.gap))
        if column == COL_DIFF:
            deviation = self._deviation(row)
            if deviation and deviation.start_delay is not None:
                text = self.tr("Started {delay} minutes against the plan.").format(
                    delay=rules.delay_text(deviation.start_delay))
                if deviation.duration_delta is not None:
                    text += " " + self.tr("Took {delta} minutes against the plan.").format(
                        delta=rules.delay_text(deviation.duration_delta))
                lines.insert(0, text)
        if column == COL_PIN and not item.pinned_start:
            lines.insert(0, self.tr("Type a clock time (e.g. 11:00) to fix this item's start; leave it empty to "
                                    "let it follow the item before."))
        if column == COL_CONTENT and item.content:
            lines.insert(0, item.content)
        if column == COL_TITLE and item.full_title:
            lines.insert(0, item.full_title)
        return "\n".join(lines) or None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row, column = index.row(), index.column()
        item = self._items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, column)
        if role == ITEM_ID:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            timing = self.timing_at(row)
            if column == COL_GAP and timing and timing.gap is not None:
                return LATE if timing.gap < 0 else SLACK
            if column == COL_DIFF:
                deviation = self._deviation(row)
                if deviation and deviation.start_delay:
                    return LATE if deviation.start_delay > 0 else SLACK
            return None
        if role == Qt.ItemDataRole.FontRole and column == COL_START and item.pinned_start is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.actual_start is not None and item.actual_end is None:
                return RUNNING_BACKGROUND
            if self._plan is not None and self._plan.findings_for(item.id):
                return WARNING_BACKGROUND
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in FIELDS:
            item = self.item_at(index.row())
            if index.column() != COL_MODE or (item is not None and item.kind == "transfer"):
                base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in FIELDS:
            return False
        item = self.item_at(index.row())
        if item is None:
            return False
        if isinstance(value, str):
            value = value.strip()
        if value == self._edit_value(index.row(), index.column()):
            return False
        self.sig_edited.emit(item.id, FIELDS[index.column()], value)
        return True

    # -- moving rows -------------------------------------------------------------------------------------------------

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        payload = {"rows": rows, "ids": [self._items[r].id for r in rows]}
        data.setData(MIME, QByteArray(json.dumps(payload).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return data is not None and data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """A dragged row dropped before ``row`` (or onto the row ``parent``, which means before it)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            payload = json.loads(bytes(data.data(MIME).data()).decode())
            source = self.row_of(payload["ids"][0])
        except (ValueError, KeyError, IndexError):
            return False
        if source < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        return self.moveRows(_ROOT, source, 1, _ROOT, row)

    def moveRows(self, source_parent, source_row, count, destination_parent, destination_child) -> bool:  # noqa: N802
        """Move one row so it lands before ``destination_child`` (Qt's convention); tells ``sig_moved``."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._items) or not 0 <= destination_child <= len(self._items):
            return False
        if destination_child in (source_row, source_row + 1):
            return False
        if not self.beginMoveRows(_ROOT, source_row, source_row, _ROOT, destination_child):
            return False
        target = rules.drop_target(source_row, destination_child, len(self._items))
        item = self._items[source_row]
        self._items = rules.moved(self._items, source_row, target)
        if len(self._timing) == len(self._items):
            self._timing = rules.moved(self._timing, source_row, target)
        self.endMoveRows()
        self.sig_moved.emit(item.id, target)
        return True

    def move_by(self, row: int, delta: int) -> bool:
        """Ctrl+Up / Ctrl+Down: one row up or down."""
        target = row + delta
        if not 0 <= row < len(self._items) or not 0 <= target < len(self._items):
            return False
        return self.moveRows(_ROOT, row, 1, _ROOT, target + 1 if delta > 0 else target)


class RouteDelegate(QStyledItemDelegate):
    """Editors for the programme's cells: a list of kinds, the staff as guides (or any name typed), the ways of
    moving, minutes, and clock times."""

    def __init__(self, guides: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self._guides = guides

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        column = index.column()
        if column == COL_KIND:
            combo = QComboBox(parent)
            for kind in rules.KINDS:
                combo.addItem(core_text(rules.KIND_LABELS[kind]), kind)
            return combo
        if column in (COL_GUIDE, COL_MODE):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(self._guides() if column == COL_GUIDE else
                           [rules.transfer_mode_name(mode) for mode in rules.TRANSFER_MODES])
            return combo
        if column == COL_DURATION:
            spin = QSpinBox(parent)
            spin.setRange(0, rules.MAX_DURATION)
            spin.setSuffix(self.tr(" min"))
            return spin
        editor = QLineEdit(parent)
        if column in TIME_COLUMNS:
            editor.setPlaceholderText(self.tr("e.g. 11:00"))
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and not editor.isEditable():
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QComboBox):
            text = "" if value is None else str(value)
            editor.setEditText(rules.transfer_mode_name(text) if index.column() == COL_MODE else text)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox) and not editor.isEditable():
            value = editor.currentData()
        elif isinstance(editor, QComboBox):
            value = editor.currentText()
            if index.column() == COL_MODE:  # a mode picked in the interface's words is stored in Chinese
                value = {rules.transfer_mode_name(m): m for m in rules.TRANSFER_MODES}.get(value.strip(), value)
        elif isinstance(editor, QSpinBox):
            value = editor.value()
        else:
            value = editor.text()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
