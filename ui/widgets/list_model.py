"""A read-only table model over a list of service dataclasses, with a column list saying what each column shows
and an optional row colour: the 意见 tab's lists and the 区县汇总's units and packages. A model, not a table of
items: hundreds of rows are shown without making an object per cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_ROOT = QModelIndex()
_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.BackgroundRole,
                       Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                       Qt.ItemDataRole.TextAlignmentRole})


@dataclass(frozen=True)
class Col:
    header: str
    text: Callable[[object], str]
    align_centre: bool = False


class ListTableModel(QAbstractTableModel):
    """Rows are dataclasses with an ``id``; ``colour(row)`` may return a background colour name."""

    def __init__(self, columns: Sequence[Col], parent=None, *, colour: Callable[[object], str | None] | None = None,
                 tooltip: Callable[[object], str] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list = []
        self._colour = colour
        self._tooltip = tooltip

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, index: int):
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == row_id), -1)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED:  # a view asks for a dozen roles per cell: the others cost one test each
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.BackgroundRole and self._colour is not None:
            colour = self._colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None and self._colour(row):
            return QBrush(QColor("#212121"))  # readable on the light backgrounds in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_centre:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
