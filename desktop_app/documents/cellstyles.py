"""Excel cell styles set by their index, for the long lists (邀请名单, 签到表, 台账, the blank 报名表's rows)."""

from __future__ import annotations

from copy import copy

from openpyxl.styles.cell_style import StyleArray


class CellStyles:
    """Cell styles set by their index: openpyxl hashes a Font, a Border, an Alignment each time one is set on a
    cell (most of the time of a 1,000-row list); each combination is set once, on its first cell, and copied to
    the next ones."""

    def __init__(self) -> None:
        self._arrays: dict[tuple, tuple[StyleArray, tuple]] = {}

    def apply(self, cell, *, font=None, border=None, alignment=None, fill=None, number_format=None) -> None:
        """Set the style of ``cell`` (after its value: a date value sets a number format of its own)."""
        key = (id(font), id(border), id(alignment), id(fill), number_format)
        found = self._arrays.get(key)
        if found is not None:
            cell._style = copy(found[0])
            return
        cell._style = StyleArray()
        for name, value in (("font", font), ("border", border), ("alignment", alignment), ("fill", fill),
                            ("number_format", number_format)):
            if value is not None:
                setattr(cell, name, value)
        self._arrays[key] = (copy(cell._style), (font, border, alignment, fill))  # the objects kept: their ids
