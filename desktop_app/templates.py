"""Event templates: a JSON file with an event's plan and no personal data, so the 政务公开办 can hand every
department the same starting point and a department can reuse last year's plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from db import models

from .domain.plan import Thresholds
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .services import events, plan, rows
from .services.events import EventDraft

FORMAT = "openday-template"
VERSION = 1

BAD_JSON = QT_TRANSLATE_NOOP("core", "{path} is not a template: it is not valid JSON ({error}).")
BAD_FORMAT = QT_TRANSLATE_NOOP("core", "{path} is not an Open Day Desk template (no \"format\": "
                               "\"openday-template\").")
NEWER = QT_TRANSLATE_NOOP("core", "{path} was made by a newer version (template version {version}); "
                          "install the newer version.")
MISSING_KEY = QT_TRANSLATE_NOOP("core", "Template key '{key}' is missing.")
BAD_VALUE = QT_TRANSLATE_NOOP("core", "Template key '{key}': {problem}")
NOT_TEXT = QT_TRANSLATE_NOOP("core", "must be text.")
NOT_DATE = QT_TRANSLATE_NOOP("core", "must be a date written as 2024-09-28, or null.")
NOT_LIST = QT_TRANSLATE_NOOP("core", "must be a list.")
NOT_QUOTA = QT_TRANSLATE_NOOP("core", "must be a whole number of 0 or more.")
NOT_BOOL = QT_TRANSLATE_NOOP("core", "must be true or false.")
EMPTY = QT_TRANSLATE_NOOP("core", "must not be empty.")
CANNOT_READ = QT_TRANSLATE_NOOP("core", "Cannot read {path}: {error}")

TEXT_KEYS = ("unit", "title", "theme")
OPTIONAL_TEXT = ("basis_title", "basis_number", "venue", "gathering_place", "reminders", "selection_rule",
                 "undersubscribed_rule", "registration_phone", "registration_email", "contact_email")


def export_template(event_id: int, path: Path) -> Path:
    """Write the event's plan as a template (no people, no phone numbers of persons)."""
    info = events.get_event(event_id)
    fields = plan.get_plan(event_id)
    event = models.Event.get_by_id(event_id)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "unit": info.unit,
        "title": info.title,
        "theme": info.theme,
        "date": info.date.isoformat() if info.date else None,
        "announce_date": fields.announcement_date.isoformat() if fields.announcement_date else None,
        "filing_date": fields.filing_date.isoformat() if fields.filing_date else None,
        "registration_deadline": (fields.registration_deadline.isoformat()
                                  if fields.registration_deadline else None),
        "start_time": info.start_time.strftime("%H:%M") if info.start_time else None,
        "end_time": info.end_time.strftime("%H:%M") if info.end_time else None,
        "categories": [{"name": c.name, "quota": c.quota, "public": c.public}
                       for c in rows.list_rows(plan.CATEGORIES, event_id)],
        "sections": [{"kind": s.kind, "heading": s.heading, "body": s.body}
                     for s in rows.list_rows(plan.SECTIONS, event_id)],
        "forms": list(fields.forms),
        "experiences": list(fields.experiences),
        "registration_channels": list(fields.registration_channels),
        "thresholds": fields.thresholds.to_dict(),
        **{key: getattr(event, key) for key in OPTIONAL_TEXT},
    }
    path = Path(path)
    partial = path.with_name(f".~{path.name}.partial")  # hidden, and swept by the next export to the folder
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full stick leaves no half-written template behind
        raise
    return path


def _text(data: dict, key: str, *, required: bool = True) -> str:
    if key not in data:
        if required:
            raise UserError(MISSING_KEY, key=key)
        return ""
    value = data[key]
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise UserError(BAD_VALUE, key=key, problem=_problem(NOT_TEXT))
    return value.strip()


def _date(data: dict, key: str) -> dt.date | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UserError(BAD_VALUE, key=key, problem=_problem(NOT_DATE)) from None


def _time(data: dict, key: str) -> dt.time | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        raise UserError(BAD_VALUE, key=key, problem=_problem(QT_TRANSLATE_NOOP(
            "core", "must be a time written as 09:30, or null."))) from None


def _problem(message: str) -> str:
    from . import i18n

    return i18n.text(message)


def _list(data: dict, key: str, *, required: bool = False) -> list:
    if key not in data:
        if required:
            raise UserError(MISSING_KEY, key=key)
        return []
    if not isinstance(data[key], list):
        raise UserError(BAD_VALUE, key=key, problem=_problem(NOT_LIST))
    return data[key]


def validate(data) -> dict:
    """Check a parsed template completely; returns the clean values or raises UserError naming the key."""
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:  # no "format" key: a hand-made template
        raise UserError(BAD_FORMAT, path="")
    clean: dict = {key: _text(data, key) for key in TEXT_KEYS}
    if not clean["unit"]:
        raise UserError(BAD_VALUE, key="unit", problem=_problem(EMPTY))
    clean.update({key: _text(data, key, required=False) for key in OPTIONAL_TEXT})
    for key in ("date", "announce_date", "filing_date", "registration_deadline"):
        clean[key] = _date(data, key)
    for key in ("start_time", "end_time"):
        clean[key] = _time(data, key)
    categories = []
    for index, item in enumerate(_list(data, "categories", required=True)):
        where = f"categories[{index}]"
        if not isinstance(item, dict):
            raise UserError(BAD_VALUE, key=where, problem=_problem(QT_TRANSLATE_NOOP(
                "core", "must be an object with name, quota and public.")))
        name = _text(item, "name") if "name" in item else None
        if not name:
            raise UserError(BAD_VALUE, key=f"{where}.name", problem=_problem(EMPTY))
        quota = item.get("quota")
        if isinstance(quota, bool) or not isinstance(quota, int) or quota < 0:
            raise UserError(BAD_VALUE, key=f"{where}.quota", problem=_problem(NOT_QUOTA))
        public = item.get("public", False)
        if not isinstance(public, bool):
            raise UserError(BAD_VALUE, key=f"{where}.public", problem=_problem(NOT_BOOL))
        categories.append({"name": name, "quota": quota, "public": public})
    clean["categories"] = categories
    sections = []
    for index, item in enumerate(_list(data, "sections", required=True)):
        where = f"sections[{index}]"
        if not isinstance(item, dict):
            raise UserError(BAD_VALUE, key=where, problem=_problem(QT_TRANSLATE_NOOP(
                "core", "must be an object with heading and body.")))
        heading = _text(item, "heading") if "heading" in item else None
        if not heading:
            raise UserError(BAD_VALUE, key=f"{where}.heading", problem=_problem(EMPTY))
        body = item.get("body", "")
        if not isinstance(body, str):
            raise UserError(BAD_VALUE, key=f"{where}.body", problem=_problem(NOT_TEXT))
        kind = item.get("kind", "custom")
        sections.append({"kind": kind if isinstance(kind, str) else "custom", "heading": heading, "body": body})
    clean["sections"] = sections
    for key in ("forms", "experiences", "registration_channels"):
        values = _list(data, key)
        if not all(isinstance(v, str) for v in values):
            raise UserError(BAD_VALUE, key=key, problem=_problem(NOT_TEXT))
        clean[key] = values
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise UserError(BAD_VALUE, key="thresholds", problem=_problem(QT_TRANSLATE_NOOP("core", "must be an object.")))
    defaults = Thresholds().to_dict()
    for key, value in thresholds.items():
        expected = type(defaults.get(key))
        ok = key in defaults and (isinstance(value, bool) if expected is bool else
                                  isinstance(value, int | float) and not isinstance(value, bool) and value >= 0)
        if not ok:
            raise UserError(BAD_VALUE, key=f"thresholds.{key}", problem=_problem(QT_TRANSLATE_NOOP(
                "core", "is not a known threshold, or its value has the wrong type.")))
    clean["thresholds"] = thresholds
    return clean


def read_template(path: Path) -> dict:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(CANNOT_READ, path=str(path), error=str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(BAD_JSON, path=str(path), error=f"line {exc.lineno}: {exc.msg}") from None
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(data, dict) and data.get("format", FORMAT) == FORMAT and isinstance(version, int | float) \
            and not isinstance(version, bool) and version > VERSION:
        raise UserError(NEWER, path=str(path), version=data["version"])
    try:
        return validate(data)
    except UserError as exc:
        if exc.message == BAD_FORMAT:
            raise UserError(BAD_FORMAT, path=str(path)) from None
        raise


def apply_template(path: Path, *, today: dt.date | None = None) -> int:
    """Create a new event from the template at ``path``; returns its id. Nothing is created when refused."""
    clean = read_template(path)
    day = clean["date"] or (today or dt.date.today()) + dt.timedelta(days=30)
    with models.database.atomic():
        info = events.create_event(EventDraft(unit=clean["unit"], date=day, title=clean["title"],
                                              theme=clean["theme"], venue=clean["venue"],
                                              start_time=clean["start_time"] or dt.time(9, 0),
                                              end_time=clean["end_time"] or dt.time(11, 30)),
                                   sections=False, categories=False)
        event = models.Event.get_by_id(info.id)
        for key in OPTIONAL_TEXT:
            if clean[key]:
                setattr(event, key, clean[key])
        event.save()
        plan.update_plan(info.id, announcement_date=clean["announce_date"], filing_date=clean["filing_date"],
                         registration_deadline=clean["registration_deadline"], forms=clean["forms"],
                         experiences=clean["experiences"], registration_channels=clean["registration_channels"],
                         thresholds=clean["thresholds"])
        for category in clean["categories"]:
            rows.add_row(plan.CATEGORIES, info.id, **category)
        for section in clean["sections"]:
            rows.add_row(plan.SECTIONS, info.id, **section)
    return info.id
