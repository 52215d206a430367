"""The roster's table model and its search filter (name, pinyin, phone, ID digits, pass code; status;
category), fast enough for 20,000 people."""

from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.domain import roster as roster_rules
from desktop_app.domain.checkin import Entry, SearchIndex
from desktop_app.domain.roster import mask_id
from desktop_app.domain.search import name_keys, normalise_query
from desktop_app.services.roster import InviteeRow

STATUS_COLOURS = {"confirmed": "#1b5e20", "waitlisted": "#e65100", "cancelled": "#757575",
                  "not_selected": "#757575", "registered": "#0d47a1"}
_ROOT = QModelIndex()
# the roles as plain numbers: compared for every cell painted, where an enum's comparison costs more
_DISPLAY, _FOREGROUND, _USER, _TOOLTIP = (role.value for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.ToolTipRole))
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class InviteeTableModel(QAbstractTableModel):
    COLUMNS = ("name", "gender", "category", "status", "organisation", "position_title", "phone", "id_number",
               "registered_at", "pass_code", "confirmed")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[InviteeRow] = []
        self._index: SearchIndex | None = None
        self._ids: list[int] | None = None
        self.headers = {
            "name": self.tr("Name"), "gender": self.tr("Sex"), "category": self.tr("Category"),
            "status": self.tr("Status"), "organisation": self.tr("Unit"),
            "position_title": self.tr("Position"), "phone": self.tr("Phone"), "id_number": self.tr("ID number"),
            "registered_at": self.tr("Registered"), "pass_code": self.tr("Pass"),
            "confirmed": self.tr("Confirmed by phone"),
        }

    def set_rows(self, rows: list[InviteeRow], index: SearchIndex | None = None) -> None:
        """``index``: the rows' search index when the caller built it (on the worker, with the rows)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._index, self._ids = index, None
        self.endResetModel()

    def ids(self) -> list[int]:
        """The rows' ids in order (made once per change of the rows)."""
        if self._ids is None:
            self._ids = [r.id for r in self._rows]
        return self._ids

    def search_index(self) -> SearchIndex:
        """The rows' search index (built here at the first search when ``set_rows`` had none)."""
        if self._index is None:
            self._index = search_index(self._rows)
        return self._index

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: D401 - Qt's name
        """Sort the rows themselves (one Python sort: fast for 20,000 people, unlike a proxy's comparisons)."""
        if not 0 <= column < len(self.COLUMNS):
            return
        name = self.COLUMNS[column]
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._sort_key(name), reverse=order == Qt.SortOrder.DescendingOrder)
        self._ids = None
        self.layoutChanged.emit()

    def _sort_key(self, name: str):
        """A column's sort key: (empty, value), made once per row from the row itself (formatting a date for
        each of 20,000 rows to see whether it is empty cost a sixth of a second)."""
        if name in ("registered_at", "confirmed"):
            attr = "registered_at" if name == "registered_at" else "confirmed_at"

            def by_time(row: InviteeRow):
                when = getattr(row, attr)
                return (when is None, when.isoformat() if when else "", row.confirmed_by if name == "confirmed" else "")
            return by_time
        if name == "name":
            def by_name(row: InviteeRow):
                keys = name_keys(row.name)
                return (not row.name, keys[0] if keys else row.name)
            return by_name

        def by_text(row: InviteeRow):
            text = self._text(row, name)
            return (text == "", text)
        return by_text

    def rows(self) -> list[InviteeRow]:
        return self._rows

    def row_at(self, index: int) -> InviteeRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[self.COLUMNS[section]]
        return None

    def _text(self, row: InviteeRow, column: str) -> str:
        if column == "status":
            return roster_rules.status_name(row.status)
        if column == "gender":
            return roster_rules.value_name(row.gender, roster_rules.GENDER_NAMES)
        if column == "id_number":
            return mask_id(row.id_number) if row.id_number else ""
        if column == "registered_at":
            return row.registered_at.strftime("%Y-%m-%d %H:%M") if row.registered_at else ""
        if column == "confirmed":
            return f"{row.confirmed_at:%m-%d} {row.confirmed_by}" if row.confirmed_at else ""
        return getattr(row, column) or ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt's name
        if index.isValid():
            self.fill_at(index.row(), index.column(), span)

    def data_at(self, source_row: int, column_number: int, role: int):
        return self._value(self._rows[source_row], self.COLUMNS[column_number], role)

    def fill_at(self, source_row: int, column_number: int, span) -> None:
        """``multiData`` for a source row: the delegate asks for seven roles of each cell it paints, in one
        call instead of seven. Every role is set, also those this model has nothing for: the delegate passes
        the same span from cell to cell, so a role left alone would keep the cell before's value (a status
        colour painting the whole row)."""
        row, column = self._rows[source_row], self.COLUMNS[column_number]
        for item in span:
            value = self._value(row, column, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _value(self, row: InviteeRow, column: str, role: int):
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _FOREGROUND and column == "status":
            return QColor(STATUS_COLOURS.get(row.status, "#000000"))
        if role == _USER:
            return row.id
        if role == _TOOLTIP and column == "id_number" and row.id_number:
            return self.tr("The full number is in the person's form.")
        return None


def search_index(rows: list[InviteeRow]) -> SearchIndex:
    """The roster's search index, ready to name every hit (``SearchIndex.matching``)."""
    return SearchIndex([Entry(r.id, r.name, r.phone, r.id_number, r.pass_code) for r in rows], complete=True)


class RosterFilter(QAbstractProxyModel):
    """Search text, status and category over the source rows; sorting goes to the source model.

    The rows shown are worked out in one Python pass per filter change and kept as a list: a
    QSortFilterProxyModel asks a Python ``filterAcceptsRow`` once per person, which alone cost 0.1 s a
    keystroke with 20,000 people. Selections survive a sort (persistent indexes follow the people)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""
        self._status: str | None = None
        self._category: str | None = None
        self._hits: set[int] | None = None  # ids the query finds; None: no query
        self._visible: list[int] = []  # source rows shown, in order
        self._position: dict[int, int] | None = None  # source row -> shown row, made when first needed
        self._saved: list = []

    # -- the source ----------------------------------------------------------------------------------------------

    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt's name
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(self._before_layout)
        model.layoutChanged.connect(self._after_layout)
        model.dataChanged.connect(self._source_data_changed)
        self._visible = self._decide()
        self._position = None
        self.endResetModel()

    def _source_reset(self) -> None:
        self._hits = self._search(self._query)
        self._visible = self._decide()
        self._position = None
        self.endResetModel()

    def _before_layout(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        source = self.sourceModel()
        self._saved = [(index, source.row_at(self._visible[index.row()]).id)
                       for index in self.persistentIndexList() if index.isValid()]

    def _after_layout(self, *_args) -> None:
        self._visible = self._decide()
        self._position = None
        source = self.sourceModel()
        where = {source.row_at(row).id: n for n, row in enumerate(self._visible)}
        old = [index for index, _ in self._saved]
        new = [self.createIndex(where[person], index.column()) if person in where else QModelIndex()
               for index, person in self._saved]
        self.changePersistentIndexList(old, new)
        self._saved = []
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        first = self.mapFromSource(top_left)
        last = self.mapFromSource(bottom_right)
        if first.isValid() and last.isValid():
            self.dataChanged.emit(first, last, roles)

    # -- filtering -------------------------------------------------------------------------------------------------

    def _search(self, query: str) -> set[int] | None:
        """The same rules as ``domain.search.matches``, answered by the index in one pass, not row by row."""
        if not query:
            return None
        return self.sourceModel().search_index().matching(query)

    def _decide(self) -> list[int]:
        source = self.sourceModel()
        if source is None:
            return []
        status, category, hits, rows = self._status, self._category, self._hits, source.rows()
        if not status and category is None:  # the search alone (most keystrokes): no row objects looked at
            if hits is None:
                return list(range(len(rows)))
            return [n for n, person in enumerate(source.ids()) if person in hits]
        return [n for n, r in enumerate(rows)
                if (not status or r.status == status) and (category is None or r.category == category)
                and (hits is None or r.id in hits)]

    def set_filter(self, query: str, status: str | None, category: str | None) -> None:
        self.beginResetModel()
        self._query, self._status, self._category = normalise_query(query), status, category
        self._hits = self._search(self._query)
        self._visible = self._decide()
        self._position = None
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting goes to the source model, which sorts its rows in one Python sort."""
        self.sourceModel().sort(column, order)

    # -- the proxy -----------------------------------------------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def index(self, row: int, column: int, parent=_ROOT):
        if parent.isValid() or not (0 <= row < len(self._visible)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=None):
        if index is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """Straight to the source's row: the view asks for every role of every cell it paints, and going
        through ``mapToSource`` and a source index each time made a repaint cost a frame."""
        if not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        return self.sourceModel().data_at(self._visible[index.row()], index.column(), role)

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt's name
        if index.isValid() and 0 <= index.row() < len(self._visible):
            self.sourceModel().fill_at(self._visible[index.row()], index.column(), span)

    def flags(self, index):
        """The source's flags (its default), without mapping each painted cell to a source index."""
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mapToSource(self, proxy_index):  # noqa: N802
        if not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._visible)):
            return QModelIndex()
        return self.sourceModel().index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index):  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        if self._position is None:
            self._position = {row: n for n, row in enumerate(self._visible)}
        row = self._position.get(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            return self.sourceModel().headerData(section, orientation, role)
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
