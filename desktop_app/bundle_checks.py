"""What a decrypted bundle may hold: every row through the checks a person's entry or an import goes through (ID
numbers, phones, the status and kind codes, dates, unique pass codes and ID numbers within the event), and the
photos within the limits of the photos the app adds itself. The right passphrase proves who sealed a bundle, not
that its content is sound; one bad value refuses the whole bundle, naming the table, the row, the field and why."""

from __future__ import annotations

import datetime as dt
import json

from peewee import DateField, DateTimeField, TimeField

from db import models

from . import i18n, images
from .domain import feedback, idcard, phones, plan, roster, route
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .services import values

NOT_ONE_OF = QT_TRANSLATE_NOOP("core", "'{value}' is not one of: {allowed}.")
TWICE = QT_TRANSLATE_NOOP("core", "'{value}' is given to two rows (rows {first} and {second}); it must be unique "
                                  "within the event.")
NOT_JSON = QT_TRANSLATE_NOOP("core", "the value is not the list or table of settings the app writes.")
PHOTO_BYTES = QT_TRANSLATE_NOOP("core", "the photo has {size}; a photo of the app has at most {limit}.")
PHOTO_SIDE = QT_TRANSLATE_NOOP("core", "the photo is {width} × {height} pixels; the app keeps at most {limit} "
                                       "pixels a side.")
NOT_JPEG = QT_TRANSLATE_NOOP("core", "the photo is not a JPEG image, which is how the app keeps photos.")
BROKEN_TEXT = QT_TRANSLATE_NOOP("core", "the text holds a broken character (U+{code}, half of a pair that "
                                        "belongs together) that no document or database can hold; correct the "
                                        "text on the computer that exported the bundle and export it again.")
TOO_MANY_PHOTOS = QT_TRANSLATE_NOOP("core", "the event has {count} photos; an event has at most {limit}.")

# Codes a row may hold (the empty string where a field may be left unset).
CODES: dict[tuple[str, str], tuple[str, ...]] = {
    ("invitee", "status"): roster.STATUSES,
    ("suggestion", "status"): feedback.STATUSES,
    ("suggestion", "adoption"): ("", *feedback.ADOPTIONS),
    ("agenda_item", "kind"): route.KINDS,
    ("survey_question", "kind"): ("scale", "open"),
    ("event", "selection_rule"): plan.SELECTION_RULES,
}
JSON_FIELDS: dict[tuple[str, str], type] = {
    ("event", "forms"): list, ("event", "registration_channels"): list, ("event", "experiences"): list,
    ("event", "thresholds"): dict, ("event", "plan_options"): dict, ("event", "milestones_done"): dict,
    ("survey_question", "options"): list,
}


class RowRefused(Exception):
    def __init__(self, table: str, row: int, field: str, reason: str):
        super().__init__(f"{table} #{row} {field}: {reason}")
        self.table, self.row, self.field, self.reason = table, row, field, reason


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def _dates(table: str, model, n: int, row: dict) -> None:
    for f in model._meta.sorted_fields:
        value = row.get(f.name)
        if value is None or not isinstance(f, DateField | DateTimeField | TimeField):
            continue
        try:
            if isinstance(f, DateTimeField):
                dt.datetime.fromisoformat(value)
            elif isinstance(f, DateField):
                parsed = dt.date.fromisoformat(value)
                if len(value) != 10 or parsed.year < 1900:
                    raise ValueError(value)
            else:
                dt.time.fromisoformat(value)
        except (TypeError, ValueError):
            message = values.NOT_A_TIME if isinstance(f, TimeField) else values.NOT_A_DATE
            raise RowRefused(table, n, f.name, i18n.text(message, value=str(value)[:40])) from None


def _codes_and_json(table: str, n: int, row: dict) -> None:
    for (t, name), allowed in CODES.items():
        if t == table and name in row and row[name] not in allowed:
            raise RowRefused(table, n, name, i18n.text(NOT_ONE_OF, value=str(row[name])[:40],
                                                       allowed=", ".join(a for a in allowed if a)))
    for (t, name), kind in JSON_FIELDS.items():
        if t == table and name in row:
            try:
                ok = isinstance(json.loads(row[name]), kind)
            except (TypeError, ValueError):
                ok = False
            if not ok:
                raise RowRefused(table, n, name, i18n.text(NOT_JSON))


def _person(table: str, n: int, row: dict, today: dt.date) -> None:
    number = row.get("id_number") or ""
    if table == "invitee" and number:
        parsed = idcard.parse(number, today=today)
        if isinstance(parsed, idcard.IdError):
            raise RowRefused(table, n, "id_number", i18n.text(parsed.message))
        if parsed.number != number:  # the roster keeps the 18-character form
            raise RowRefused(table, n, "id_number", i18n.text(idcard.BAD_LENGTH.message))
    phone = row.get("phone") or ""
    if table in ("invitee", "staff") and phone:
        parsed_phone = phones.parse(phone)
        if isinstance(parsed_phone, phones.PhoneError):
            raise RowRefused(table, n, "phone", i18n.text(parsed_phone.message))
    code = row.get("pass_code") or ""
    if table == "invitee" and code and not roster.is_pass_code(code):
        raise RowRefused(table, n, "pass_code", i18n.text(NOT_ONE_OF, value=code[:40],
                                                          allowed=roster.PASS_ALPHABET))


def _text(table: str, n: int, row: dict) -> None:
    """Text that UTF-8 cannot hold (a lone surrogate, from a JSON escape like \\ud800): refused by its field
    here, rather than an encoding error deep in a document writer or the database."""
    for name, value in row.items():
        if type(value) is str and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                code = f"{ord(value[exc.start]):04X}"
                raise RowRefused(table, n, name, i18n.text(BROKEN_TEXT, code=code)) from None


def _photo(n: int, row: dict) -> None:
    image, thumbnail = row.get("image") or b"", row.get("thumbnail") or b""
    for name, data, limit in (("image", image, images.MAX_PHOTO_BYTES),
                              ("thumbnail", thumbnail, images.MAX_THUMB_BYTES)):
        if len(data) > limit:
            raise RowRefused("photo", n, name, i18n.text(PHOTO_BYTES, size=_size(len(data)), limit=_size(limit)))
        if data and not data.startswith(b"\xff\xd8"):
            raise RowRefused("photo", n, name, i18n.text(NOT_JPEG))
    width, height = row.get("width") or 0, row.get("height") or 0
    if not (0 <= width <= images.MAX_SIDE and 0 <= height <= images.MAX_SIDE):
        raise RowRefused("photo", n, "width", i18n.text(PHOTO_SIDE, width=width, height=height,
                                                        limit=images.MAX_SIDE))


def _unique(table: str, rows: list[dict], name: str, shown=lambda v: v) -> None:
    seen: dict[str, int] = {}
    for n, row in enumerate(rows, start=1):
        value = row.get(name) or ""
        if not value or row.get("deleted"):
            continue
        if value in seen:
            raise RowRefused(table, n, name, i18n.text(TWICE, value=shown(value), first=seen[value], second=n))
        seen[value] = n


def check_rows(tables: dict[str, list[dict]], *, today: dt.date | None = None) -> None:
    """Raise ``RowRefused`` for the first value of a bundle's rows (blobs as bytes) the app would not accept."""
    today = today or dt.date.today()
    by_table = {m._meta.table_name: m for m in models.ALL_MODELS}
    for table, rows in tables.items():
        model = by_table[table]
        for n, row in enumerate(rows, start=1):
            _text(table, n, row)
            _dates(table, model, n, row)
            _codes_and_json(table, n, row)
            _person(table, n, row, today)
            if table == "photo":
                _photo(n, row)
    people = tables.get("invitee", [])
    _unique("invitee", people, "pass_code")
    _unique("invitee", people, "id_number", roster.mask_id)
    live_photos = [row for row in tables.get("photo", []) if not row.get("deleted")]
    if len(live_photos) > images.MAX_PHOTOS:
        raise RowRefused("photo", len(live_photos), "image",
                         i18n.text(TOO_MANY_PHOTOS, count=len(live_photos), limit=images.MAX_PHOTOS))


def refusal(exc: RowRefused, path: str, damaged: str) -> UserError:
    """The bundle's refusal: ``damaged`` (bundle.DAMAGED) with the table, the row, the field and the reason."""
    return UserError(damaged, path=path, detail=f"{exc.table} #{exc.row} {exc.field}: {exc.reason}")
