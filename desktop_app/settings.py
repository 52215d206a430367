"""Settings kept in the database: global ones (event ``None``) and per-event overrides."""

from __future__ import annotations

import json

from db import models

DEFAULTS: dict[str, object] = {
    "language": "zh_CN",
    # Fonts are names, not files: Windows often lacks the _GB2312 variants and 方正小标宋 (DOMAIN.md).
    "font.title": "方正小标宋简体",
    "font.body": "仿宋_GB2312",
    "font.heading1": "黑体",
    "font.heading2": "楷体_GB2312",
    "font.page_number": "宋体",
    "last_unit": "",
    "last_event_id": None,
}


def get(key: str, event_id: int | None = None):
    row = _row(key, event_id)
    if row is None and event_id is not None:
        row = _row(key, None)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def set(key: str, value, event_id: int | None = None) -> None:  # noqa: A001 - settings.set reads naturally
    encoded = json.dumps(value, ensure_ascii=False)
    with models.database.atomic():
        row = _row(key, event_id)
        if row is None:
            models.Setting.create(event=event_id, key=key, value=encoded)
        elif row.value != encoded:
            row.value = encoded
            row.save()


def _row(key: str, event_id: int | None):
    query = models.Setting.select().where(models.Setting.key == key)
    query = query.where(models.Setting.event.is_null()) if event_id is None else query.where(
        models.Setting.event == event_id)
    return query.first()
