"""Editing the ordered, event-owned rows of the plan's tables (sections, categories, staff, leading group,
duties) through one set of operations: list, add, update, delete (soft), move."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from db import models

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, values

NO_ROW = QT_TRANSLATE_NOOP("core", "That row no longer exists (it was deleted). Reload the list.")
NO_FIELD = QT_TRANSLATE_NOOP("core", "The table has no field named '{field}'.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("core", "{field}: '{value}' is not a whole number of 0 or more.")


class TableSpec(NamedTuple):
    """How one table is edited: its model, the audit name, the editable fields (name -> kind) with the model
    column each maps to, and how a row becomes the dataclass the caller gets."""

    model: type
    name: str
    fields: dict[str, str]  # field -> "text" | "int" | "bool" | "ref"
    to_row: Callable
    columns: dict[str, str] | None = None  # field -> model attribute, where they differ
    ordered: bool = True
    related: tuple[str, ...] = ()  # foreign keys ``to_row`` follows: read in the same query, not one per row
    check: Callable[[str, object], None] | None = None  # (field, value) -> raises UserError for a refused value

    def column(self, field: str) -> str:
        return (self.columns or {}).get(field, field)


def _live(spec: TableSpec, event_id: int):
    model = spec.model
    keys = [getattr(model, name) for name in spec.related]
    query = model.select(model, *(key.rel_model for key in keys))
    for key in keys:
        query = query.join_from(model, key.rel_model, models.JOIN.LEFT_OUTER, on=key)
    query = query.where((model.event == event_id) & model.alive())
    return query.order_by(model.position, model.id) if spec.ordered else query.order_by(model.id)


def list_rows(spec: TableSpec, event_id: int) -> list:
    return [spec.to_row(row) for row in _live(spec, event_id)]


def _get(spec: TableSpec, row_id: int):
    row = spec.model.get_or_none((spec.model.id == row_id) & spec.model.alive())
    if row is None:
        raise UserError(NO_ROW)
    return row


def _attr(spec: TableSpec, field: str) -> str:
    column = spec.column(field)
    return f"{column}_id" if spec.fields.get(field) == "ref" else column


def _coerce(spec: TableSpec, field: str, value):
    kind = spec.fields.get(field)
    if kind is None:
        raise UserError(NO_FIELD, field=field)
    if kind == "int":
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise UserError(NOT_A_NUMBER, field=field, value=value) from None
        if number < 0:
            raise UserError(NOT_A_NUMBER, field=field, value=value)
        return number
    if kind == "bool":
        return bool(value)
    if kind == "ref":
        return int(value) if value not in (None, "") else None
    text = values.text_value(value)
    if spec.check is not None:
        spec.check(field, text)
    return text


def add_row(spec: TableSpec, event_id: int, *, at: int | None = None, **values):
    """Append a row (or insert it at index ``at``); returns it."""
    coerced = {_attr(spec, f): _coerce(spec, f, v) for f, v in values.items()}
    with models.database.atomic():
        row = spec.model(event=event_id, **coerced)
        if spec.ordered:
            siblings = list(_live(spec, event_id))
            row.position = len(siblings)
        row.save()
        if spec.ordered and at is not None:
            _reorder(spec, event_id, row.id, at)
            row = spec.model.get_by_id(row.id)
        audit.record(f"{spec.name}.add", event_id=event_id, target=spec.model._meta.table_name, target_uuid=row.uuid)
    return spec.to_row(row)


def update_row(spec: TableSpec, row_id: int, **values):
    coerced = {f: _coerce(spec, f, v) for f, v in values.items()}
    with models.database.atomic():
        row = _get(spec, row_id)
        changed = [f for f, v in coerced.items() if getattr(row, _attr(spec, f)) != v]
        if not changed:
            return spec.to_row(row)
        for field in changed:
            setattr(row, _attr(spec, field), coerced[field])
        row.save()
        for field in changed:
            audit.record(f"{spec.name}.edit", event_id=row.event_id, target=spec.model._meta.table_name,
                         target_uuid=row.uuid, field=field, coalesce=True)
    return spec.to_row(spec.model.get_by_id(row.id))


def delete_row(spec: TableSpec, row_id: int) -> None:
    with models.database.atomic():
        row = _get(spec, row_id)
        row.deleted = True
        row.save()
        audit.record(f"{spec.name}.delete", event_id=row.event_id, target=spec.model._meta.table_name,
                     target_uuid=row.uuid)
        if spec.ordered:
            _renumber(list(_live(spec, row.event_id)))


def restore_row(spec: TableSpec, row_id: int, at: int | None = None):
    """Undo a delete."""
    with models.database.atomic():
        row = spec.model.get_by_id(row_id)
        row.deleted = False
        row.save()
        if spec.ordered:
            _reorder(spec, row.event_id, row.id, at if at is not None else len(list(_live(spec, row.event_id))))
        audit.record(f"{spec.name}.restore", event_id=row.event_id, target=spec.model._meta.table_name,
                     target_uuid=row.uuid)
    return spec.to_row(spec.model.get_by_id(row_id))


def move_row(spec: TableSpec, row_id: int, to_index: int) -> list:
    """Move a row to ``to_index`` (0-based, clamped); returns the event's rows in their new order."""
    with models.database.atomic():
        row = _get(spec, row_id)
        _reorder(spec, row.event_id, row.id, to_index)
        audit.record(f"{spec.name}.move", event_id=row.event_id, target=spec.model._meta.table_name,
                     target_uuid=row.uuid, coalesce=True)
        return list_rows(spec, row.event_id)


def _reorder(spec: TableSpec, event_id: int, row_id: int, to_index: int) -> None:
    rows = list(_live(spec, event_id))
    moving = next(r for r in rows if r.id == row_id)
    rows.remove(moving)
    rows.insert(max(0, min(to_index, len(rows))), moving)
    _renumber(rows)


def _renumber(rows) -> None:
    for index, row in enumerate(rows):
        if row.position != index:
            row.position = index
            row.save()
