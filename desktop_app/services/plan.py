"""The plan (方案): sections and their boilerplate, the structured parts (categories, staff, leading group,
duties, registration, forms, dates, 印发通知), milestones marked done, and the snapshot the rule check and the
documents read."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from db import models

from .. import paths, settings
from ..domain import timing
from ..domain.plan import (
    AgendaRow,
    Category,
    DocFonts,
    DutyRow,
    GroupMember,
    Notice,
    PlanSnapshot,
    Section,
    Thresholds,
)
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, rows, values
from .live import live_event

CATEGORY_NAME_DIGITS = QT_TRANSLATE_NOOP(
    "core", "Category “{name}” is only a number: name the category in words (e.g. 群众代表) and put the number "
            "of places in 名额.")

# -- rows of the plan's tables ---------------------------------------------------------------------------------------

class SectionRow(NamedTuple):
    """A row of the plan's sections (``models.PlanSection``) as the Plan tab edits it."""

    id: int
    uuid: str
    kind: str
    heading: str
    body: str


class CategoryRow(NamedTuple):
    """A row of the invitee categories (``models.InviteeCategory``); ``public``: counts as 群众代表."""

    id: int
    uuid: str
    name: str
    quota: int
    public: bool


class StaffRow(NamedTuple):
    """A row of the event's staff (``models.Staff``), whom the leading group, the duties and the route name;
    ``title`` is the 职务."""

    id: int
    uuid: str
    name: str
    title: str
    department: str


class GroupRow(NamedTuple):
    """A row of the leading group (``models.LeadingGroupMember``); with ``staff_id`` set, the name and
    title are that staff member's, else the typed ones."""

    id: int
    uuid: str
    role: str
    staff_id: int | None
    name: str
    title: str


class DutyRecord(NamedTuple):
    """A row of the duties (``models.Duty``); ``leader`` is the linked staff member's name (``leader_id``)
    or, without one, the typed text."""

    id: int
    uuid: str
    task: str
    leader_id: int | None
    leader: str
    responsible: str


def _group_row(m: models.LeadingGroupMember) -> GroupRow:
    staff = m.staff if m.staff_id else None
    return GroupRow(m.id, m.uuid, m.role, m.staff_id, staff.name if staff else m.name, staff.title if staff else m.title)


def _duty_row(d: models.Duty) -> DutyRecord:
    leader = d.leader if d.leader_id else None
    return DutyRecord(d.id, d.uuid, d.task, d.leader_id, leader.name if leader else d.leader_text, d.responsible)


SECTIONS = rows.TableSpec(models.PlanSection, "plan.section", {"kind": "text", "heading": "text", "body": "text"},
                          lambda s: SectionRow(s.id, s.uuid, s.kind, s.heading, s.body))
def _check_category(field: str, value) -> None:
    """A category is named in words: a name of digits alone is a number typed into the wrong column."""
    if field == "name" and re.fullmatch(r"[\d\s.,%+-]+", unicodedata.normalize("NFKC", value or "")):
        raise UserError(CATEGORY_NAME_DIGITS, name=value)


CATEGORIES = rows.TableSpec(models.InviteeCategory, "plan.category",
                            {"name": "text", "quota": "int", "public": "bool"},
                            lambda c: CategoryRow(c.id, c.uuid, c.name, c.quota, c.counts_as_public),
                            columns={"public": "counts_as_public"}, check=_check_category)
STAFF = rows.TableSpec(models.Staff, "plan.staff", {"name": "text", "title": "text", "department": "text"},
                       lambda s: StaffRow(s.id, s.uuid, s.name, s.title, s.department), ordered=False)
LEADING_GROUP = rows.TableSpec(models.LeadingGroupMember, "plan.group",
                               {"role": "text", "staff_id": "ref", "name": "text", "title": "text"},
                               _group_row, columns={"staff_id": "staff"}, related=("staff",))
DUTIES = rows.TableSpec(models.Duty, "plan.duty",
                        {"task": "text", "leader_id": "ref", "leader": "text", "responsible": "text"},
                        _duty_row, columns={"leader_id": "leader", "leader": "leader_text"}, related=("leader",))


# -- section templates and boilerplate -------------------------------------------------------------------------------

class Variant(NamedTuple):
    """A boilerplate choice for a section kind (resources/plan/sections.json); ``body`` may hold the
    {unit}, {theme} and {basis} placeholders ``fill_placeholders`` fills."""

    kind: str
    key: str
    name: str
    heading: str
    body: str


@lru_cache(maxsize=1)
def _section_data() -> dict:
    return json.loads(paths.resource("plan", "sections.json").read_text(encoding="utf-8"))


def variants(kind: str) -> list[Variant]:
    return [Variant(kind, v["key"], v["name"], v["heading"], v["body"])
            for v in _section_data()["variants"].get(kind, [])]


def fill_placeholders(text: str, event: models.Event) -> str:
    basis = f"《{event.basis_title}》" if event.basis_title else ""
    if basis and event.basis_number:
        basis += f"（{event.basis_number}）"
    values = {"unit": event.unit or "本单位", "theme": event.theme or "", "basis": basis}
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def default_categories() -> list[dict]:
    """The invitee categories a new event starts with (resources/plan/categories.json): name, quota, public."""
    data = json.loads(paths.resource("plan", "categories.json").read_text(encoding="utf-8"))
    return [dict(c) for c in data["categories"]]


def apply_category_template(event_id: int) -> list[CategoryRow]:
    """Give an event without invitee categories the usual ones, with quotas that pass the rules."""
    with models.database.atomic():
        event = live_event(event_id)
        if not rows.list_rows(CATEGORIES, event.id):
            for category in default_categories():
                rows.add_row(CATEGORIES, event.id, **category)
    return rows.list_rows(CATEGORIES, event_id)


def apply_section_template(event_id: int) -> list[SectionRow]:
    """Give an event without sections the usual ones, boilerplate filled in."""
    with models.database.atomic():
        event = live_event(event_id)
        if rows.list_rows(SECTIONS, event.id):
            return rows.list_rows(SECTIONS, event.id)
        for item in _section_data()["template"]:
            body = ""
            if "variant" in item:
                chosen = next(v for v in variants(item["kind"]) if v.key == item["variant"])
                body = fill_placeholders(chosen.body, event)
            rows.add_row(SECTIONS, event.id, kind=item["kind"], heading=item["heading"], body=body)
    return rows.list_rows(SECTIONS, event_id)


def apply_variant(section_id: int, key: str) -> SectionRow:
    section = models.PlanSection.get_by_id(section_id)
    chosen = next((v for v in variants(section.kind) if v.key == key), None)
    if chosen is None:
        raise UserError(QT_TRANSLATE_NOOP("core", "There is no boilerplate '{key}' for this section."), key=key)
    return rows.update_row(SECTIONS, section_id, heading=chosen.heading,
                           body=fill_placeholders(chosen.body, section.event))


# -- the plan's own fields on the event --------------------------------------------------------------------------

PLAN_FIELDS = {
    "basis_title": "text", "basis_number": "text",
    "registration_phone": "text", "registration_email": "text", "registration_deadline": "date",
    "selection_rule": "text", "undersubscribed_rule": "text",
    "filing_date": "date", "announcement_date": "date",
    "forms": "list", "experiences": "list", "registration_channels": "list",
    "thresholds": "json", "plan_options": "json",
}


def _coerce(field: str, value):
    kind = PLAN_FIELDS.get(field)
    if kind is None:
        raise UserError(QT_TRANSLATE_NOOP("core", "The plan has no field named '{field}'."), field=field)
    if kind == "date":
        return values.date_value(value)
    if kind == "list":
        return json.dumps([str(v).strip() for v in value if str(v).strip()], ensure_ascii=False)
    if kind == "json":
        if hasattr(value, "_asdict"):  # a record (Thresholds) is stored as its named fields, not as a JSON list
            value = value._asdict()
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return "" if value is None else str(value)


def update_plan(event_id: int, **changes) -> None:
    coerced = {field: _coerce(field, value) for field, value in changes.items()}
    with models.database.atomic():
        event = live_event(event_id)
        changed = [f for f, v in coerced.items() if getattr(event, f) != v]
        for field in changed:
            setattr(event, field, coerced[field])
        if changed:
            event.save()
        for field in changed:
            audit.record("plan.edit", event_id=event.id, target="event", target_uuid=event.uuid, field=field,
                         coalesce=True)


class PlanFields(NamedTuple):
    """The plan's own fields on the event (PLAN_FIELDS), decoded: lists as tuples, and the thresholds,
    印发通知 and attachment switches from their JSON."""

    basis_title: str
    basis_number: str
    registration_phone: str
    registration_email: str
    registration_deadline: dt.date | None
    selection_rule: str
    undersubscribed_rule: str
    filing_date: dt.date | None
    announcement_date: dt.date | None
    forms: tuple[str, ...]
    experiences: tuple[str, ...]
    registration_channels: tuple[str, ...]
    thresholds: Thresholds
    notice: Notice
    attach_leading_group: bool
    attach_signup_form: bool


def _notice(options: dict) -> Notice:
    data = options.get("notice") or {}
    day = data.get("date")
    return Notice(enabled=bool(data.get("enabled")), doc_number=data.get("doc_number", ""),
                  recipients=data.get("recipients", ""), body=data.get("body", ""),
                  date=dt.date.fromisoformat(day) if day else None, masthead=data.get("masthead", ""))


def get_plan(event_id: int) -> PlanFields:
    return _plan_fields(live_event(event_id))


def _plan_fields(e: models.Event) -> PlanFields:
    options = json.loads(e.plan_options or "{}")
    attachments = options.get("attachments") or {}
    return PlanFields(
        basis_title=e.basis_title, basis_number=e.basis_number,
        registration_phone=e.registration_phone, registration_email=e.registration_email,
        registration_deadline=e.registration_deadline, selection_rule=e.selection_rule,
        undersubscribed_rule=e.undersubscribed_rule, filing_date=e.filing_date,
        announcement_date=e.announcement_date, forms=tuple(json.loads(e.forms or "[]")),
        experiences=tuple(json.loads(e.experiences or "[]")),
        registration_channels=tuple(json.loads(e.registration_channels or "[]")),
        thresholds=Thresholds.from_json(e.thresholds), notice=_notice(options),
        attach_leading_group=attachments.get("leading_group", True),
        attach_signup_form=attachments.get("signup_form", True),
    )


def set_notice(event_id: int, notice: Notice) -> None:
    options = json.loads(live_event(event_id).plan_options or "{}")
    options["notice"] = {"enabled": notice.enabled, "doc_number": notice.doc_number,
                         "recipients": notice.recipients, "body": notice.body,
                         "date": notice.date.isoformat() if notice.date else None, "masthead": notice.masthead}
    update_plan(event_id, plan_options=options)


def set_attachments(event_id: int, *, leading_group: bool, signup_form: bool) -> None:
    options = json.loads(live_event(event_id).plan_options or "{}")
    options["attachments"] = {"leading_group": leading_group, "signup_form": signup_form}
    update_plan(event_id, plan_options=options)


# -- milestones marked done --------------------------------------------------------------------------------------

def milestones_done(event_id: int) -> dict[str, dt.date]:
    """The milestones marked done, and 意见反馈 done by itself on the day the last suggestion was answered."""
    from . import counts

    raw = json.loads(live_event(event_id).milestones_done or "{}")
    done = {code: dt.date.fromisoformat(day) for code, day in raw.items()}
    if "feedback" not in done:
        answered = counts.all_answered_on(event_id)
        if answered is not None:
            done["feedback"] = answered
    return done


def mark_milestone(event_id: int, code: str, day: dt.date | None) -> None:
    """Record ``code`` as done on ``day`` (None: not done)."""
    with models.database.atomic():
        event = live_event(event_id)
        done = json.loads(event.milestones_done or "{}")
        if day is None:
            done.pop(code, None)
        else:
            done[code] = day.isoformat()
        event.milestones_done = json.dumps(done, sort_keys=True)
        event.save()
        audit.record("plan.milestone", event_id=event.id, target="event", target_uuid=event.uuid, field=code,
                     summary=day.isoformat() if day else "")


def holiday_overrides() -> dict[dt.date, bool]:
    """The editable list of extra holidays and working days, shared by every deadline computation."""
    return {dt.date.fromisoformat(item["date"]): bool(item["workday"]) for item in settings.get("holiday_overrides") or []}


def set_holiday_overrides(overrides: dict[dt.date, bool]) -> None:
    settings.set("holiday_overrides", [{"date": d.isoformat(), "workday": w} for d, w in sorted(overrides.items())])


# -- the snapshot --------------------------------------------------------------------------------------------------

def doc_fonts() -> DocFonts:
    return DocFonts(title=settings.get("font.title"), body=settings.get("font.body"),
                    heading1=settings.get("font.heading1"), heading2=settings.get("font.heading2"),
                    page_number=settings.get("font.page_number"))


def set_doc_fonts(fonts: DocFonts) -> None:
    for name, value in (("title", fonts.title), ("body", fonts.body), ("heading1", fonts.heading1),
                        ("heading2", fonts.heading2), ("page_number", fonts.page_number)):
        settings.set(f"font.{name}", value)


def agenda_rows(event: models.Event) -> tuple[AgendaRow, ...]:
    A, S = models.AgendaItem, models.Staff
    # Each stop's guide comes with it in one query (not one more query per guided stop).
    items = list(A.select(A, S).join(S, models.JOIN.LEFT_OUTER, on=A.guide)
                 .where((A.event == event.id) & A.alive())
                 .order_by(A.position, A.id))
    # The route's timing (group 1's timetable): the plan prints the programme the 路线 tab shows.
    steps = [timing.Step(i.id, i.kind, duration=i.duration_min, pinned=timing.minutes(i.pinned_start))
             for i in items]
    times = [timing.to_time(slot.start)
             for slot in timing.cascade(timing.minutes(event.start_time), steps)]
    out = []
    for item, start in zip(items, times, strict=True):
        guide = item.guide if item.guide_id else None
        guide_text = f"{guide.name}（{guide.title}）" if guide and guide.title else (guide.name if guide else
                                                                                   item.guide_text)
        title = item.title + (f"（{item.transfer_mode}）" if item.transfer_mode else "")
        out.append(AgendaRow(item.kind, title, item.place, guide_text, item.content, item.duration_min, start))
    return tuple(out)


def snapshot(event_id: int) -> PlanSnapshot:
    """Everything the plan's documents and checks need, read in one transaction."""
    with models.database.atomic():
        e = live_event(event_id)
        plan = _plan_fields(e)
        return PlanSnapshot(
            event_uuid=e.uuid, unit=e.unit, title=e.title, theme=e.theme, basis_title=e.basis_title,
            basis_number=e.basis_number, date=e.date, start_time=e.start_time, end_time=e.end_time, venue=e.venue,
            gathering_place=e.gathering_place, gathering_time=e.gathering_time, forms=plan.forms,
            experiences=plan.experiences, registration_channels=plan.registration_channels,
            registration_phone=e.registration_phone, registration_email=e.registration_email,
            registration_deadline=e.registration_deadline, selection_rule=e.selection_rule,
            undersubscribed_rule=e.undersubscribed_rule, contact_person=e.contact_person,
            contact_phone=e.contact_phone, contact_email=e.contact_email, reminders=e.reminders,
            filing_date=e.filing_date, announcement_date=e.announcement_date,
            categories=tuple(Category(c.name, c.quota, c.public) for c in rows.list_rows(CATEGORIES, e.id)),
            leading_group=tuple(GroupMember(m.role, m.name, m.title) for m in rows.list_rows(LEADING_GROUP, e.id)),
            duties=tuple(DutyRow(d.task, d.leader, d.responsible) for d in rows.list_rows(DUTIES, e.id)),
            sections=tuple(Section(s.kind, s.heading, s.body) for s in rows.list_rows(SECTIONS, e.id)),
            agenda=agenda_rows(e),
            thresholds=plan.thresholds,
            notice=plan.notice,
            attach_leading_group=plan.attach_leading_group,
            attach_signup_form=plan.attach_signup_form,
        )

