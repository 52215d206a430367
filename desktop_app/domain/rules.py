"""The Open Day rule check: what a plan must satisfy before it is filed, each finding saying what to change.

The rules come from the district work plans in ``seeds/`` (DOMAIN.md); their numbers are the event's
``Thresholds``. The check reads a ``PlanSnapshot`` only, so the plan page, the CLI and the document export
see the same findings.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import NamedTuple

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from . import phones
from .dates import shown_day
from .event_info import default_title
from .plan import PlanSnapshot

RULES: tuple[str, ...] = (
    "min_invitees",
    "public_share",
    "announce_lead",
    "filing_before_announce",
    "announcement_items",
    "interaction_step",
    "registration_deadline",
    "naming",
    "missing_contact",
    "event_day",
)

OFFICIAL_NAME = "政府开放日"
# Names other activities go by; an Open Day plan copied from one of them keeps the wrong name.
WRONG_NAMES = ("校园开放日", "司法开放日", "警务开放日", "政务服务开放日")
INTERACTION_WORDS = ("座谈", "问卷")

MIN_INVITEES = QT_TRANSLATE_NOOP(
    "core", "The invitees add up to {total}; an Open Day needs at least {minimum}. "
            "Raise the categories' quotas in the Plan tab.")
PUBLIC_SHARE = QT_TRANSLATE_NOOP(
    "core", "Public representatives (群众代表) have {public} of the {total} places ({percent}); they need at least "
            "{required}. Add {more} more public places, or mark more categories as 群众代表, in the Plan tab.")
ANNOUNCE_NO_DATE = QT_TRANSLATE_NOOP(
    "core", "The announcement (公告) has no date. Publish it by {latest} at the latest ({days} days before the "
            "event) and enter the date in the Plan tab.")
ANNOUNCE_NO_DATES = QT_TRANSLATE_NOOP(
    "core", "Neither the event nor the announcement (公告) has a date. In the Plan tab, set the event date, then an "
            "announcement date at least {days} days before it.")
ANNOUNCE_LATE = QT_TRANSLATE_NOOP(
    "core", "The announcement (公告) on {announced} is only {lead} days before the event; it must be at least "
            "{days}. Publish it by {latest} at the latest, or move the event.")
ANNOUNCE_AFTER_EVENT = QT_TRANSLATE_NOOP(
    "core", "The announcement (公告) on {announced} is not before the event on {event}. Publish it by {latest} at "
            "the latest ({days} days before the event).")
FILING_NO_DATE = QT_TRANSLATE_NOOP(
    "core", "The plan has no filing (报备) date. File it with the open-government office (政务公开办) before the "
            "announcement is published, and enter the date in the Plan tab.")
FILING_NO_DATE_BY = QT_TRANSLATE_NOOP(
    "core", "The plan has no filing (报备) date. File it with the open-government office (政务公开办) by "
            "{suggested}, {days} days before the announcement, and enter the date in the Plan tab.")
FILING_AFTER = QT_TRANSLATE_NOOP(
    "core", "The plan is filed (报备) on {filed}, after the announcement on {announced}. It must be filed before "
            "the announcement is published: change one of the two dates in the Plan tab.")
ANNOUNCEMENT_ITEMS_MISSING = QT_TRANSLATE_NOOP(
    "core", "The announcement would lack: {items}. It must contain all {count} items; fill them in the Plan tab.")
NO_INTERACTION = QT_TRANSLATE_NOOP(
    "core", "The programme has neither a discussion meeting (座谈会) nor a questionnaire (问卷调查); an Open Day "
            "must include one of them. Add it to the agenda in the Plan tab.")
REGISTRATION_NO_DATE = QT_TRANSLATE_NOOP(
    "core", "There is no registration deadline. Set one in the Plan tab, after the announcement and before "
            "the event.")
REGISTRATION_AFTER_EVENT = QT_TRANSLATE_NOOP(
    "core", "The registration deadline {deadline} is after the event on {event}. Move it before the event in "
            "the Plan tab.")
REGISTRATION_BEFORE_ANNOUNCE = QT_TRANSLATE_NOOP(
    "core", "The registration deadline {deadline} is before the announcement on {announced}, so nobody could "
            "sign up. Move it after the announcement in the Plan tab.")
NAMING_TITLE_TERM = QT_TRANSLATE_NOOP(
    "core", "The title uses {terms}: this activity is called “政府开放日”. Rename it in the Plan tab.")
NAMING_SECTION_TERM = QT_TRANSLATE_NOOP(
    "core", "The section “{heading}” uses {terms}: this activity is called “政府开放日”. Change the wording in "
            "the Plan tab.")
NAMING_TITLE_MISSING = QT_TRANSLATE_NOOP(
    "core", "The title “{title}” does not say “政府开放日”. Use the official name, e.g. {example}.")
CONTACT_BOTH_MISSING = QT_TRANSLATE_NOOP(
    "core", "The contact person and the contact phone are empty. Enter both in the Plan tab: the announcement "
            "must say whom to call.")
CONTACT_PERSON_MISSING = QT_TRANSLATE_NOOP(
    "core", "The contact person is empty. Enter a name in the Plan tab: the announcement must say whom to call.")
CONTACT_PHONE_MISSING = QT_TRANSLATE_NOOP(
    "core", "The contact phone is empty. Enter a number in the Plan tab: the announcement must give a number "
            "to call.")
CONTACT_PHONE_MALFORMED = QT_TRANSLATE_NOOP(
    "core", "The contact phone is neither an 11-digit mobile number nor a landline with its area code, and the "
            "announcement prints it as it is. Correct it in the Plan tab so that people can call.")
EVENT_ON_HOLIDAY = QT_TRANSLATE_NOOP(
    "core", "The event on {date} falls on {holiday}, a public holiday: the hall is closed and few people come. "
            "Move it to a working day (the next is {suggested}) in the Plan tab.")
EVENT_ON_WEEKEND = QT_TRANSLATE_NOOP(
    "core", "The event on {date} falls on a weekend: an Open Day shows the office at work. Move it to a working "
            "day (the next is {suggested}) in the Plan tab.")
EVENT_DAY_ASSUMED = QT_TRANSLATE_NOOP(
    "core", "(The holiday arrangement for {year} is not published in the app's calendar yet: only the fixed-date "
            "holidays and weekends are known.)")


# Where a finding is fixed: a page of the plan tab, or another tab of the main window.
PLAN_PAGES = ("basic_info", "sections", "categories", "organisation", "details", "milestones")
TABS = ("roster", "route", "checkin", "feedback", "summary")


class Finding(NamedTuple):
    """One thing a check found (these plan rules, or the roster, route, check-in and feedback checks):
    what it says, how serious it is, and where it is fixed."""

    rule: str  # one of RULES
    severity: str  # "error" | "warning" | "info"
    message: str  # core source string
    params: Mapping[str, object] = MappingProxyType({})  # the message's {names}; shared, never changed
    page: str = ""  # where to fix it: one of PLAN_PAGES or TABS ("" when nowhere in particular)
    field: str = ""  # the page's field (its attribute or editor name), "" for the page itself
    row: int | None = None  # the row of the page's list it is about (a section), when it is about one
    due: dt.date | None = None  # the last day to do what it asks, when it asks for something by a date
    also: tuple[str, ...] = ()  # other pages where part of it is fixed (items of the announcement on two pages)

    def text(self) -> str:
        """What it says in the interface's language; a date among its params as that language writes dates."""
        return i18n.text(self.message, **{k: shown_day(v) if isinstance(v, dt.date) else v
                                          for k, v in self.params.items()})

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "message": self.text()}


def error_count(findings: Iterable[Finding]) -> int:
    return sum(1 for f in findings if f.severity == "error")


def _filled(text: str | None) -> bool:
    return bool((text or "").strip())


# -- the 13 items of the announcement (seed 001), in its order ----------------------------------------------------

_ITEM_CHECKS: tuple[tuple[str, Callable[[PlanSnapshot], bool]], ...] = (
    ("报名方式", lambda s: bool(s.registration_channels)),
    ("参加人数", lambda s: s.total_quota > 0),
    ("开放主题", lambda s: _filled(s.theme)),
    ("参加领导", lambda s: any(m.role in ("组长", "副组长") and _filled(m.name) for m in s.leading_group)),
    ("承办单位", lambda s: _filled(s.unit)),
    ("时间地点", lambda s: s.date is not None and _filled(s.venue)),
    ("邀请对象", lambda s: bool(s.categories)),
    ("活动内容", lambda s: bool(s.agenda) or any(x.kind == "content" and _filled(x.body) for x in s.sections)),
    ("活动形式", lambda s: bool(s.forms) or bool(s.experiences)),
    ("联系人员", lambda s: _filled(s.contact_person)),
    ("联系电话", lambda s: _filled(s.contact_phone)),
    ("邮箱", lambda s: _filled(s.contact_email) or _filled(s.registration_email)),
    ("温馨提示", lambda s: _filled(s.reminders)),
)
ANNOUNCEMENT_ITEMS: tuple[str, ...] = tuple(label for label, _ in _ITEM_CHECKS)
# (page, field) where each item is entered; the finding leads to the first one missing.
ITEM_PLACES: dict[str, tuple[str, str]] = {
    "报名方式": ("details", "channels"),
    "参加人数": ("categories", "table"),
    "开放主题": ("basic_info", "theme"),
    "参加领导": ("organisation", "group"),
    "承办单位": ("basic_info", "unit"),
    "时间地点": ("basic_info", "venue"),
    "邀请对象": ("categories", "table"),
    "活动内容": ("sections", "list"),
    "活动形式": ("details", "forms"),
    "联系人员": ("basic_info", "contact_person"),
    "联系电话": ("basic_info", "contact_phone"),
    "邮箱": ("basic_info", "contact_email"),
    "温馨提示": ("basic_info", "reminders"),
}


def missing_announcement_items(snapshot: PlanSnapshot) -> list[str]:
    """The Chinese names of the announcement items the plan has nothing for, in the announcement's order."""
    return [label for label, present in _ITEM_CHECKS if not present(snapshot)]


# -- the rules, one function each, in RULES order -------------------------------------------------------------------

def _min_invitees(s: PlanSnapshot) -> list[Finding]:
    minimum = s.thresholds.min_invitees
    if s.total_quota >= minimum:
        return []
    return [Finding("min_invitees", "error", MIN_INVITEES, {"total": s.total_quota, "minimum": minimum},
                    page="categories", field="table")]


def _share_text(share: Fraction) -> str:
    # 1/3 as the seeds write it; an odd setting such as 0.37 as a percentage.
    return f"{share.numerator}/{share.denominator}" if share.denominator <= 12 else f"{float(share):.0%}"


def _public_share(s: PlanSnapshot) -> list[Finding]:
    total, public = s.total_quota, s.public_quota
    if total <= 0:  # nobody invited yet: min_invitees says so
        return []
    # limit_denominator turns the stored float 0.333… back into exactly 1/3, so 25 of 75 passes.
    required = Fraction(s.thresholds.public_share).limit_denominator(1000)
    if Fraction(public, total) >= required:
        return []
    if required >= 1:
        more = total - public
    else:
        # Each added public place also adds to the total: (public + k) / (total + k) >= required.
        more = math.ceil((required * total - public) / (1 - required))
    return [Finding("public_share", "error", PUBLIC_SHARE, {
        "public": public, "total": total, "percent": f"{public / total:.0%}",
        "required": _share_text(required), "more": more}, page="categories", field="table")]


def _announce_lead(s: PlanSnapshot) -> list[Finding]:
    days = s.thresholds.announce_days
    if s.date is None:
        if s.announcement_date is None:
            return [Finding("announce_lead", "error", ANNOUNCE_NO_DATES, {"days": days}, page="basic_info",
                            field="date")]
        return []  # nothing to measure against; announcement_items asks for the date
    latest = s.date - dt.timedelta(days=days)
    if s.announcement_date is None:
        return [Finding("announce_lead", "error", ANNOUNCE_NO_DATE, {"latest": latest, "days": days},
                        page="details", field="announcement_date", due=latest)]
    lead = (s.date - s.announcement_date).days
    if lead >= days:
        return []
    params = {"announced": s.announcement_date, "latest": latest, "days": days}
    if lead <= 0:
        return [Finding("announce_lead", "error", ANNOUNCE_AFTER_EVENT, {**params, "event": s.date},
                        page="details", field="announcement_date", due=latest)]
    return [Finding("announce_lead", "error", ANNOUNCE_LATE, {**params, "lead": lead}, page="details",
                    field="announcement_date", due=latest)]


def _filing_before_announce(s: PlanSnapshot) -> list[Finding]:
    if s.filing_date is None:
        announce = s.announcement_date or (s.date - dt.timedelta(days=s.thresholds.announce_days) if s.date else None)
        if announce is None:
            return [Finding("filing_before_announce", "error", FILING_NO_DATE, page="details", field="filing_date")]
        suggested = announce - dt.timedelta(days=s.thresholds.filing_days)
        return [Finding("filing_before_announce", "error", FILING_NO_DATE_BY,
                        {"suggested": suggested, "days": s.thresholds.filing_days},
                        page="details", field="filing_date", due=suggested)]
    if s.announcement_date is not None and s.filing_date > s.announcement_date:
        return [Finding("filing_before_announce", "error", FILING_AFTER,
                        {"filed": s.filing_date, "announced": s.announcement_date},
                        page="details", field="filing_date", due=s.announcement_date)]
    return []


def _announcement_items(s: PlanSnapshot) -> list[Finding]:
    missing = missing_announcement_items(s)
    if not missing:
        return []
    page, place = ITEM_PLACES[missing[0]]
    others = tuple(dict.fromkeys(ITEM_PLACES[m][0] for m in missing[1:] if ITEM_PLACES[m][0] != page))
    return [Finding("announcement_items", "error", ANNOUNCEMENT_ITEMS_MISSING,
                    {"items": "、".join(missing), "count": len(ANNOUNCEMENT_ITEMS)}, page=page, field=place,
                    also=others)]


def _interaction_step(s: PlanSnapshot) -> list[Finding]:
    if any(row.kind in ("meeting", "survey") for row in s.agenda):
        return []
    # A plan may describe the 座谈 in prose, or list it as a plain agenda row titled 座谈交流.
    texts = [x.body for x in s.sections] + [row.title for row in s.agenda] + [row.content for row in s.agenda]
    if any(word in (text or "") for text in texts for word in INTERACTION_WORDS):
        return []
    return [Finding("interaction_step", "error", NO_INTERACTION, page="route", field="view")]


def _registration_deadline(s: PlanSnapshot) -> list[Finding]:
    deadline = s.registration_deadline
    if deadline is None:
        return [Finding("registration_deadline", "error", REGISTRATION_NO_DATE, page="details",
                        field="registration_deadline")]
    if s.date is not None and deadline > s.date:
        return [Finding("registration_deadline", "error", REGISTRATION_AFTER_EVENT,
                        {"deadline": deadline, "event": s.date}, page="details",
                        field="registration_deadline")]
    if s.announcement_date is not None and deadline < s.announcement_date:
        return [Finding("registration_deadline", "error", REGISTRATION_BEFORE_ANNOUNCE,
                        {"deadline": deadline, "announced": s.announcement_date},
                        page="details", field="registration_deadline")]
    return []


def _wrong_names(text: str | None) -> str:
    """The wrong activity names in ``text``, quoted and joined for a message; empty if none."""
    return "、".join(f"“{name}”" for name in WRONG_NAMES if name in (text or ""))


def _naming(s: PlanSnapshot) -> list[Finding]:
    found: list[Finding] = []
    terms = _wrong_names(s.title)
    if terms:
        found.append(Finding("naming", "warning", NAMING_TITLE_TERM, {"terms": terms}, page="basic_info",
                             field="title"))
    # Only the characters matter: “政府开放日”, "政府开放日" and 政府开放日 all contain them. An empty title is
    # the basic-information form's concern, not a naming one.
    elif _filled(s.title) and OFFICIAL_NAME not in s.title:
        found.append(Finding("naming", "warning", NAMING_TITLE_MISSING,
                             {"title": s.title.strip(), "example": default_title(s.date)}, page="basic_info",
                             field="title"))
    for number, section in enumerate(s.sections, start=1):
        terms = _wrong_names(f"{section.heading}\n{section.body}")
        if terms:
            heading = section.heading.strip() or str(number)
            found.append(Finding("naming", "warning", NAMING_SECTION_TERM, {"heading": heading, "terms": terms},
                                 page="sections", field="body", row=number - 1))
    return found


def _missing_contact(s: PlanSnapshot) -> list[Finding]:
    person, phone = _filled(s.contact_person), _filled(s.contact_phone)
    if person and phone:
        if phones.well_formed(s.contact_phone):  # its shape only: whether it can exist is the form's warning
            return []
        return [Finding("missing_contact", "warning", CONTACT_PHONE_MALFORMED, page="basic_info",
                        field="contact_phone")]
    message = CONTACT_BOTH_MISSING if not (person or phone) else (
        CONTACT_PHONE_MISSING if person else CONTACT_PERSON_MISSING)
    return [Finding("missing_contact", "error", message, page="basic_info",
                    field="contact_phone" if person else "contact_person")]


def _event_day(s: PlanSnapshot) -> list[Finding]:
    """The event on a weekend or a public holiday (chinesecalendar, with the make-up working weekends)."""
    from .workdays import day_off, next_workday

    if s.date is None or (off := day_off(s.date)) is None:
        return []
    params = {"date": s.date, "holiday": off.holiday, "suggested": next_workday(s.date)}
    message = EVENT_ON_HOLIDAY if off.holiday else EVENT_ON_WEEKEND
    found = [Finding("event_day", "warning", message, params, page="basic_info", field="date")]
    if off.assumed:
        found.append(Finding("event_day", "info", EVENT_DAY_ASSUMED, {"year": s.date.year}, page="milestones",
                             field="overrides"))
    return found


_CHECKS: dict[str, Callable[[PlanSnapshot], list[Finding]]] = {
    "min_invitees": _min_invitees,
    "public_share": _public_share,
    "announce_lead": _announce_lead,
    "filing_before_announce": _filing_before_announce,
    "announcement_items": _announcement_items,
    "interaction_step": _interaction_step,
    "registration_deadline": _registration_deadline,
    "naming": _naming,
    "missing_contact": _missing_contact,
    "event_day": _event_day,
}


def check(snapshot: PlanSnapshot, *, today: dt.date | None = None) -> list[Finding]:
    """Every finding for ``snapshot``, rule by rule in RULES order.

    ``today`` is accepted for callers' symmetry with the milestones; the rules judge the plan itself, and how
    the dates stand against today is the milestones' business.
    """
    return [finding for rule in RULES for finding in _CHECKS[rule](snapshot)]
