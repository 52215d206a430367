"""The 意见 tab's table models: the generic read-only list model (``ui.widgets.list_model``)."""

from ui.widgets.list_model import Col, ListTableModel

__all__ = ["Col", "ListTableModel"]
