"""Invitees: statuses, the one check of a person's details (with the import's stable reason codes), pass codes,
and the values the roster documents read."""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from dataclasses import dataclass, field

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from . import idcard, phones, record
from . import text as text_rules
from .masking import mask_id  # noqa: F401 - the roster's masking of an ID number is the one of free text

# Status codes in their usual order; check-in adds its own later.
STATUSES = ("registered", "confirmed", "waitlisted", "not_selected", "cancelled", "no_show")
STATUS_LABELS = {
    "registered": "已报名",
    "confirmed": "已确认",
    "waitlisted": "候补",
    "not_selected": "未入选",
    "cancelled": "已取消",
    "no_show": "未到",  # confirmed, never came: treated as having given up (视为放弃)
}
SOURCES = ("定向邀请", "公开报名", "线下推荐", "现场报名")
WALK_IN_SOURCE = record.WALK_IN_SOURCE  # registered at the door on the day, not signed up before
CHANNELS = ("电话", "邮件", "现场", "线上")
GENDERS = ("男", "女")
# What the interface shows for each (the stored values and the documents stay Chinese).
STATUS_NAMES = {
    "registered": QT_TRANSLATE_NOOP("core", "Registered"),
    "confirmed": QT_TRANSLATE_NOOP("core", "Confirmed"),
    "waitlisted": QT_TRANSLATE_NOOP("core", "Waiting list"),
    "not_selected": QT_TRANSLATE_NOOP("core", "Not selected"),
    "cancelled": QT_TRANSLATE_NOOP("core", "Cancelled"),
    "no_show": QT_TRANSLATE_NOOP("core", "Did not come"),
}
SOURCE_NAMES = {
    "定向邀请": QT_TRANSLATE_NOOP("core", "Invited directly"),
    "公开报名": QT_TRANSLATE_NOOP("core", "Public call"),
    "线下推荐": QT_TRANSLATE_NOOP("core", "Recommended"),
    "现场报名": QT_TRANSLATE_NOOP("core", "Registered at the door"),
}
CHANNEL_NAMES = {
    "电话": QT_TRANSLATE_NOOP("core", "Phone"),
    "邮件": QT_TRANSLATE_NOOP("core", "E-mail"),
    "现场": QT_TRANSLATE_NOOP("core", "On site"),
    "线上": QT_TRANSLATE_NOOP("core", "Online"),
}
GENDER_NAMES = {"男": QT_TRANSLATE_NOOP("core", "Male"), "女": QT_TRANSLATE_NOOP("core", "Female")}


def status_name(code: str) -> str:
    """A status as the interface shows it, in its language (the documents print ``STATUS_LABELS``)."""
    return i18n.value_text(STATUS_NAMES[code], STATUS_LABELS[code]) if code in STATUS_NAMES else code


def value_name(value: str, names: dict[str, str]) -> str:
    """A stored Chinese value (a sex, a source, a channel) in the interface's language; others as they are."""
    return i18n.value_text(names[value], value) if value in names else value


# The import's reason codes (stable: the CLI prints them), with what each tells the coordinator.
REASONS: dict[str, str] = {
    "missing_name": QT_TRANSLATE_NOOP("core", "The name is empty."),
    "missing_id": QT_TRANSLATE_NOOP("core", "The ID number is empty; this event requires one."),
    "missing_phone": QT_TRANSLATE_NOOP("core", "The phone number is empty; it is needed for the confirmation call."),
    "id_format": QT_TRANSLATE_NOOP("core", "The ID number is not 18 characters with a valid birth date (or an old "
                                   "15-digit number)."),
    "id_checksum": QT_TRANSLATE_NOOP("core", "The ID number's last character does not match: check for a typing "
                                     "error."),
    "id_precision_lost": QT_TRANSLATE_NOOP("core", "The ID number was stored as a number and lost its last digits "
                                           "(e.g. 6.40422E+17): take it from the original form; it cannot be "
                                           "repaired."),
    "under_18": QT_TRANSLATE_NOOP("core", "Under 18 on the day of the event: invitees must be adults."),
    "phone_format": QT_TRANSLATE_NOOP("core", "The phone number is neither an 11-digit mobile nor a landline with "
                                      "its area code."),
    "duplicate_in_file": QT_TRANSLATE_NOOP("core", "The same ID number or phone appears in an earlier row of the "
                                           "file ({other})."),
    "duplicate_existing": QT_TRANSLATE_NOOP("core", "The same ID number or phone is already on the roster: "
                                            "{other}."),
    "unknown_category": QT_TRANSLATE_NOOP("core", "The category “{category}” is not one of this event's "
                                          "categories; add it in the Plan tab or correct the row."),
}
GENDER_MISMATCH = QT_TRANSLATE_NOOP("core", "The gender does not match the ID number (which says {sex}).")


@dataclass(frozen=True)
class InviteeDraft:
    """A person as typed in the form or read from a spreadsheet row, before it is checked."""

    name: str = ""
    gender: str = ""
    id_number: str = ""
    phone: str = ""
    organisation: str = ""
    position_title: str = ""
    category: str = ""  # the category's name
    source: str = ""
    channel: str = ""
    registered_at: dt.datetime | None = None
    pledge_signed: bool = False
    notes: str = ""
    id_was_number: bool = False  # the spreadsheet cell held a number, not text


@dataclass(frozen=True)
class Problem:
    field: str
    code: str  # a REASONS key, or "gender_mismatch" (a warning)
    params: dict = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.code in REASONS

    @property
    def message(self) -> str:
        return REASONS.get(self.code, GENDER_MISMATCH)


@dataclass(frozen=True)
class CheckedInvitee:
    """A draft with its values normalised (ID upgraded to 18 characters, phone normalised, sex from the ID) and
    what is wrong with it."""

    draft: InviteeDraft
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def reasons(self) -> list[str]:
        return [p.code for p in self.problems if p.is_error]


@dataclass(frozen=True)
class RosterContext:
    """What a person is checked against: the event's date and rules and who is already on the roster."""

    event_date: dt.date | None
    id_required: bool = True
    categories: frozenset[str] = frozenset()
    existing_ids: dict[str, str] = field(default_factory=dict)  # ID number -> name of the person who has it
    existing_phones: dict[str, str] = field(default_factory=dict)
    registration_deadline: dt.date | None = None


def normalise_text(value) -> str:
    """Full-width letters and digits to half-width, surrounding and inner runs of spaces trimmed."""
    text = unicodedata.normalize("NFKC", text_rules.one_line(value))
    return " ".join(text.split())


def normalise_id(value) -> str:
    return "".join(normalise_text(value).split()).upper()


def check(draft: InviteeDraft, ctx: RosterContext) -> CheckedInvitee:
    """The one check of a person: reasons refuse the row, a gender mismatch is only flagged."""
    problems: list[Problem] = []
    name = normalise_text(draft.name)
    if not name:
        problems.append(Problem("name", "missing_name"))
    raw_id = normalise_id(draft.id_number)
    id_number = ""
    sex = ""
    if raw_id:
        if draft.id_was_number and (len(raw_id.split(".")[0]) > 15 or "E" in raw_id):
            problems.append(Problem("id_number", "id_precision_lost"))
        else:
            parsed = idcard.parse(raw_id)
            if isinstance(parsed, idcard.IdError):
                code = {"check_digit": "id_checksum", "excel": "id_precision_lost"}.get(parsed.code, "id_format")
                problems.append(Problem("id_number", code))
            else:
                id_number, sex = parsed.number, parsed.sex
                if ctx.event_date and parsed.age_on(ctx.event_date) < idcard.ADULT_AGE:
                    problems.append(Problem("id_number", "under_18"))
    elif ctx.id_required:
        problems.append(Problem("id_number", "missing_id"))
    raw_phone = normalise_text(draft.phone)
    phone = ""
    if not raw_phone:
        problems.append(Problem("phone", "missing_phone"))
    else:
        parsed_phone = phones.parse(raw_phone)
        if isinstance(parsed_phone, phones.PhoneError):
            problems.append(Problem("phone", "phone_format"))
        else:
            phone = parsed_phone.number
    if id_number and id_number in ctx.existing_ids:
        problems.append(Problem("id_number", "duplicate_existing", {"other": ctx.existing_ids[id_number]}))
    elif phone and phone in ctx.existing_phones:
        problems.append(Problem("phone", "duplicate_existing", {"other": ctx.existing_phones[phone]}))
    category = normalise_text(draft.category)
    if category and category not in ctx.categories:
        problems.append(Problem("category", "unknown_category", {"category": category}))
    gender = normalise_text(draft.gender)
    if gender in ("M", "m", "male"):
        gender = "男"
    elif gender in ("F", "f", "female"):
        gender = "女"
    if sex and gender and gender != sex:
        problems.append(Problem("gender", "gender_mismatch", {"sex": sex}))
    clean = InviteeDraft(
        name=name, gender=gender or sex, id_number=id_number or raw_id, phone=phone or raw_phone,
        organisation=normalise_text(draft.organisation), position_title=normalise_text(draft.position_title),
        category=category, source=normalise_text(draft.source), channel=normalise_text(draft.channel),
        registered_at=draft.registered_at, pledge_signed=draft.pledge_signed, notes=text_rules.clean(draft.notes).strip(),
    )
    return CheckedInvitee(clean, tuple(problems))


# -- pass codes ------------------------------------------------------------------------------------------------------

PASS_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, no 1/I: read aloud and typed without doubt
PASS_LENGTH = 6


def new_pass_code(taken: set[str]) -> str:
    """A random 6-character code not in ``taken``. The QR code on a pass holds this code and nothing else."""
    while True:
        code = "".join(secrets.choice(PASS_ALPHABET) for _ in range(PASS_LENGTH))
        if code not in taken:
            return code


def is_pass_code(text: str) -> bool:
    text = text.strip().upper()
    return len(text) == PASS_LENGTH and all(c in PASS_ALPHABET for c in text)


# -- selection ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    id: int
    category: str
    status: str
    registered_at: dt.datetime | None


def select(candidates: list[Candidate], quotas: dict[str, int]) -> dict[int, str]:
    """First come, first served by registration time within each category's quota; the rest wait.

    Confirmed people keep their places; only 已报名 and 候补 people are placed. Returns id -> new status for
    the people whose status changes.
    """
    changes: dict[int, str] = {}
    by_category: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_category.setdefault(c.category, []).append(c)
    far_future = dt.datetime.max
    for category, people in by_category.items():
        free = quotas.get(category, 0) - sum(1 for p in people if p.status == "confirmed")
        waiting = sorted((p for p in people if p.status in ("registered", "waitlisted")),
                         key=lambda p: (p.registered_at or far_future, p.id))
        for person in waiting:
            new = "confirmed" if free > 0 else "waitlisted"
            if new == "confirmed":
                free -= 1
            if new != person.status:
                changes[person.id] = new
    return changes


def next_on_waitlist(candidates: list[Candidate], category: str) -> Candidate | None:
    waiting = [c for c in candidates if c.category == category and c.status == "waitlisted"]
    return min(waiting, key=lambda c: (c.registered_at or dt.datetime.max, c.id), default=None)


# -- what documents read ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RosterPerson:
    name: str
    gender: str
    id_number: str
    phone: str
    organisation: str
    position_title: str
    category: str
    status: str
    pass_code: str
    source: str
    channel: str
    registered_at: dt.datetime | None
    notes: str


@dataclass(frozen=True)
class RosterSnapshot:
    event_title: str
    unit: str
    date: dt.date | None
    venue: str
    categories: tuple[str, ...]  # in the plan's order
    people: tuple[RosterPerson, ...]
    gathering_time: dt.time | None = None  # 集合: the 参观证 states when and where
    gathering_place: str = ""
