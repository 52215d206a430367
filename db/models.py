"""Peewee models: the whole schema of one Open Day Desk database file.

The schema itself is created and changed only by the numbered steps in ``db.migrations``; these classes
describe it for queries. ``tests/test_db.py`` checks that the two agree.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod

from peewee import JOIN as JOIN  # join types for the services' queries
from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)
from peewee import fn as fn  # SQL functions (COUNT …) for the services' aggregate queries


class _Proxy(DatabaseProxy):
    """The models' database. peewee's proxy begins ``atomic()`` itself, bypassing the bound database's own
    ``atomic`` (``db.connection.OpenDayDatabase``: IMMEDIATE on a connection that writes), so every transaction
    of the services began deferred: one that read first and wrote later then failed at once ("database is
    locked") when another connection had written meanwhile — the venue hub's thread beside the window's, or
    another process — instead of waiting its turn. Here it asks the bound database."""

    def atomic(self, *args, **kwargs):
        if not args and "lock_type" not in kwargs and getattr(self.obj, "immediate", False):
            kwargs["lock_type"] = "IMMEDIATE"
        return super().atomic(*args, **kwargs)


database = _Proxy()


def snapshot():
    """A transaction that only reads: one consistent view of the file (WAL), begun deferred so that it neither
    takes the write lock nor waits behind the writers (a window's scans, a command's, the venue hub's)."""
    return database.atomic(lock_type="DEFERRED")

# Identifies this machine as the last writer of a row; set by ``db.connection.open_database``.
_device = {"id": ""}


def set_device_id(device_id: str) -> None:
    _device["id"] = device_id


def device_id() -> str:
    return _device["id"]


def utcnow() -> dt.datetime:
    """Naive UTC timestamp, the form every ``*_at`` column stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return uuid_mod.uuid4().hex


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SyncedModel(BaseModel):
    """A row that may be edited on two machines and travels in bundles.

    ``save()`` stamps ``updated_at`` and ``device_id`` so no caller can forget to; a merge that must keep the
    incoming stamps passes ``touch=False``.
    """

    uuid = CharField(max_length=32, unique=True, default=new_uuid)
    updated_at = DateTimeField(default=utcnow)
    deleted = BooleanField(default=False)
    device_id = CharField(max_length=64, default="")

    def save(self, *args, touch: bool = True, **kwargs):
        if touch:
            self.updated_at = utcnow()
            self.device_id = device_id()
        return super().save(*args, **kwargs)

    @classmethod
    def alive(cls):
        """The rows not deleted (a deletion is a flag, so that it travels in bundles): the one filter for it."""
        return cls.deleted == False  # noqa: E712 - peewee's SQL comparison


class Event(SyncedModel):
    id = AutoField()
    unit = CharField(default="")  # 承办单位
    title = CharField(default="")
    theme = CharField(default="")
    basis_title = CharField(default="")  # 依据文件 《…》
    basis_number = CharField(default="")  # 文号
    date = DateField(null=True)
    start_time = TimeField(null=True)
    end_time = TimeField(null=True)
    venue = CharField(default="")
    gathering_place = CharField(default="")
    gathering_time = TimeField(null=True)
    forms = TextField(default="[]")  # JSON list: 进机关 / 进现场 / 进会议 / 体验 items
    registration_channels = TextField(default="[]")  # JSON list: 电话 / 邮件 / 现场 / 线上
    registration_deadline = DateField(null=True)
    registration_phone = CharField(default="")
    registration_email = CharField(default="")
    selection_rule = CharField(default="first_come")  # first_come | office_selects
    undersubscribed_rule = TextField(default="")  # what happens when too few register
    experiences = TextField(default="[]")  # JSON list: 体验 items (公文盖章, 信访接待, 窗口服务 …)
    contact_person = CharField(default="")
    contact_phone = CharField(default="")
    contact_email = CharField(default="")
    reminders = TextField(default="")  # 温馨提示
    filing_date = DateField(null=True)  # 报备
    announcement_date = DateField(null=True)  # 公告
    thresholds = TextField(default="{}")  # JSON: rule thresholds overriding the defaults
    plan_options = TextField(default="{}")  # JSON: 印发通知 fields, which attachments the plan carries
    milestones_done = TextField(default="{}")  # JSON: milestone code -> ISO date it was done
    id_required = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)


class EventOwned(SyncedModel):
    event = ForeignKeyField(Event, on_delete="CASCADE")


class PlanSection(EventOwned):
    position = IntegerField(default=0)
    kind = CharField(default="custom")
    heading = CharField(default="")
    body = TextField(default="")


class Staff(EventOwned):
    name = CharField()
    title = CharField(default="")  # 职务
    department = CharField(default="")
    phone = CharField(default="")


class LeadingGroupMember(EventOwned):
    position = IntegerField(default=0)
    role = CharField()  # 组长 / 副组长 / 成员 / 办公室主任
    staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    name = CharField(default="")
    title = CharField(default="")


class Duty(EventOwned):
    position = IntegerField(default=0)
    task = TextField()
    leader = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="led_duties")
    leader_text = CharField(default="")
    responsible = TextField(default="")  # staff names, as the plan prints them


class InviteeCategory(EventOwned):
    position = IntegerField(default=0)
    name = CharField()
    quota = IntegerField(default=0)
    counts_as_public = BooleanField(default=False)  # counts as 群众代表


class Invitee(EventOwned):
    CONFIRMED = "confirmed"

    @classmethod
    def confirmed(cls):
        """The invitees confirmed to come (the roster's "已确认"): the one filter for it."""
        return cls.status == cls.CONFIRMED

    name = CharField()
    gender = CharField(default="")
    id_number = CharField(default="")
    phone = CharField(default="")
    organisation = CharField(default="")
    position_title = CharField(default="")  # 职务
    category = ForeignKeyField(InviteeCategory, null=True, on_delete="SET NULL")
    source = CharField(default="")  # 定向邀请 / 公开报名 / 线下推荐 / 现场报名
    channel = CharField(default="")  # 电话 / 邮件 / 现场 / 线上
    registered_at = DateTimeField(null=True)
    status = CharField(default="registered")
    pass_code = CharField(default="", index=True)
    pledge_signed = BooleanField(default=False)
    confirmed_at = DateTimeField(null=True)
    confirmed_by = CharField(default="")
    group_no = IntegerField(null=True)
    notes = TextField(default="")
    merged_into = CharField(max_length=32, default="")  # a walk-in registered twice: the uuid of the one kept

    class Meta:
        # The roster's counts per category and status (the first check, the roster's bars) read this index
        # alone, not 20,000 rows (schema step 2).
        indexes = ((("event", "deleted", "category", "status"), False),)


class CheckIn(EventOwned):
    invitee = ForeignKeyField(Invitee, on_delete="CASCADE")
    scan_id = CharField(max_length=64, unique=True)
    scanned_at = DateTimeField()
    recorded_at = DateTimeField(default=utcnow)
    device = CharField(default="")
    walk_in = BooleanField(default=False)
    undone_at = DateTimeField(null=True)
    undo_reason = CharField(default="")


class CheckinEntry(BaseModel):
    """The check-in log: one immutable entry per action at the door, on whichever device it was taken.

    ``kind`` is ``entry`` (a pass admitted), ``walk_in`` (a person registered at the door and admitted; ``person``
    holds their roster row), ``admit`` (someone not confirmed admitted anyway) or ``undo`` (``target`` names the
    entry it undoes). An entry is never changed or deleted: attendance (``CheckIn``) is derived from the log in
    the transaction that appends to it. ``device`` and ``seq`` (1, 2, … per device; 0 for the check-ins made
    before the log existed) say what a device has of another ("everything of D after N"); ``hlc`` orders entries
    across devices whose clocks disagree; ``wall_at`` is the device's own clock (UTC). See
    ``desktop_app.bundle.log``."""

    id = AutoField()
    uuid = CharField(max_length=32, unique=True)
    event = ForeignKeyField(Event, on_delete="CASCADE")
    device = CharField(max_length=64)
    seq = IntegerField()
    hlc = CharField(max_length=40)
    wall_at = DateTimeField()
    kind = CharField(max_length=16)
    invitee = CharField(max_length=32)  # the person's uuid: entries outlive rows and cross devices
    target = CharField(max_length=32, default="")  # undo: the entry undone
    reason = TextField(default="")
    operator = CharField(default="")
    person = TextField(default="")  # walk_in: the person's roster row (JSON, as a bundle carries it)
    received_at = DateTimeField(default=utcnow)  # when this database appended it

    class Meta:
        indexes = ((("event", "device", "seq"), False), (("event", "hlc"), False))


class HubDevice(BaseModel):
    """A device paired with this installation's venue hub for one event (the hub's own, never in a bundle).
    ``credential`` is the SHA-256 of the secret the device was given at pairing; a revoked device is refused."""

    id = AutoField()
    event = ForeignKeyField(Event, on_delete="CASCADE")
    device = CharField(max_length=64)
    name = CharField(default="")
    credential = CharField(max_length=64)
    paired_at = DateTimeField(default=utcnow)
    last_seen = DateTimeField(null=True)
    clock_offset_s = FloatField(null=True)  # the device's clock minus the hub's, at its last exchange
    entries = IntegerField(default=0)  # entries received from it
    revoked_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("event", "device"), True),)


class PairingCode(BaseModel):
    """A one-time pairing code of the hub (only its SHA-256 is kept): used once, or expired, it is refused."""

    id = AutoField()
    event = ForeignKeyField(Event, on_delete="CASCADE")
    token = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)


class AgendaItem(EventOwned):
    position = IntegerField(default=0)
    kind = CharField(default="stop")  # gather / stop / transfer / meeting / survey / other
    title = CharField(default="")
    place = CharField(default="")
    guide = ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    guide_text = CharField(default="")
    content = TextField(default="")
    transfer_mode = CharField(default="")
    duration_min = IntegerField(default=0)
    pinned_start = TimeField(null=True)
    actual_start = DateTimeField(null=True)
    actual_end = DateTimeField(null=True)
    notes = TextField(default="")


class MeetingNote(EventOwned):
    noted_at = DateTimeField(default=utcnow)
    speaker_invitee = ForeignKeyField(Invitee, null=True, on_delete="SET NULL")
    speaker_staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    speaker_text = CharField(default="")
    remark = TextField(default="")


class Suggestion(EventOwned):
    source = CharField(default="")
    invitee = ForeignKeyField(Invitee, null=True, on_delete="SET NULL")
    note = ForeignKeyField(MeetingNote, null=True, on_delete="SET NULL")
    topic = CharField(default="")
    content = TextField(default="")
    department = CharField(default="")
    assignee = CharField(default="")
    assigned_at = DateField(null=True)
    due_date = DateField(null=True)
    status = CharField(default="pending")
    adoption = CharField(default="")
    adoption_reason = TextField(default="")
    reply = TextField(default="")
    reply_channel = CharField(default="")
    replied_at = DateField(null=True)


class SurveyQuestion(EventOwned):
    position = IntegerField(default=0)
    kind = CharField(default="scale")  # scale | open
    text = TextField()
    options = TextField(default="[]")  # JSON list of option labels


class SurveyResponse(EventOwned):
    entered_at = DateTimeField(default=utcnow)
    form_no = IntegerField(null=True)


class SurveyAnswer(SyncedModel):
    response = ForeignKeyField(SurveyResponse, on_delete="CASCADE")
    question = ForeignKeyField(SurveyQuestion, on_delete="CASCADE")
    choice = IntegerField(null=True)
    text = TextField(default="")


class Photo(EventOwned):
    caption = CharField(default="")
    taken_at = DateTimeField(null=True)
    image = BlobField()
    thumbnail = BlobField()
    width = IntegerField(default=0)
    height = IntegerField(default=0)
    position = FloatField(default=0)


class AuditEntry(BaseModel):
    id = AutoField()
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    at = DateTimeField(default=utcnow)
    actor = CharField(default="")
    device_id = CharField(default="")
    action = CharField()
    target = CharField(default="")  # table name
    target_uuid = CharField(default="")
    field = CharField(default="")
    summary = TextField(default="")  # never personal data


class Setting(BaseModel):
    id = AutoField()
    event = ForeignKeyField(Event, null=True, on_delete="CASCADE")
    key = CharField()
    value = TextField(default="")

    class Meta:
        indexes = ((("event", "key"), True),)


class DistrictUnit(BaseModel):
    """A unit (department) the district's 政务公开办 expects open days from, and the signing key it trusts for it
    (a fingerprint, compared with what the unit reported on paper): the district role, not an event's."""

    id = AutoField()
    name = CharField(unique=True)
    expected = BooleanField(default=True)  # on the office's list (False: known only from a package received)
    position = IntegerField(default=0)
    fingerprint = CharField(default="")  # the trusted key's, normalised (hex digits); "" until trusted
    trusted_at = DateTimeField(null=True)


class UnitPackage(BaseModel):
    """A unit's signed filing package as the district received it: its record.json (never the Word files), who
    signed it, and where it came from. A newer package of the same event replaces the older (``replaced_by``),
    which stays as history."""

    id = AutoField()
    unit = ForeignKeyField(DistrictUnit, on_delete="CASCADE")
    event_uuid = CharField(index=True)
    event_title = CharField(default="")
    event_date = DateField(null=True)
    created_at = CharField(default="")  # the manifest's, ISO with offset: which of two packages is newer
    signer = CharField(default="")  # fingerprint, normalised
    record = TextField()  # record.json as received
    source = TextField(default="")  # the folder or zip it was read from
    received_at = DateTimeField(default=utcnow)
    replaced_by = IntegerField(null=True)  # the UnitPackage that replaced it


def bulk_insert(model: type[BaseModel], rows: list[BaseModel]) -> None:
    """Insert unsaved ``rows`` with one prepared statement (``executemany``): peewee's ``bulk_create`` builds SQL
    text for every value, which cost seconds for a 10,000-person import. Defaults (uuid, stamps) come from the
    instances as constructed; ids are not read back."""
    fields = [f for f in model._meta.sorted_fields if not isinstance(f, AutoField)]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    params = [tuple(f.db_value(row.__data__.get(f.name)) for f in fields) for row in rows]
    if params:
        database.cursor().executemany(sql, params)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Event,
    PlanSection,
    Staff,
    LeadingGroupMember,
    Duty,
    InviteeCategory,
    Invitee,
    CheckIn,
    AgendaItem,
    MeetingNote,
    Suggestion,
    SurveyQuestion,
    SurveyResponse,
    SurveyAnswer,
    Photo,
    AuditEntry,
    Setting,
    DistrictUnit,
    UnitPackage,
    CheckinEntry,
    HubDevice,
    PairingCode,
)

# Tables whose rows belong to one event directly (``event`` column) and travel with it.
EVENT_TABLES: tuple[type[EventOwned], ...] = tuple(m for m in ALL_MODELS if issubclass(m, EventOwned))


def last_write() -> dt.datetime | None:
    """When this database was last changed (naive UTC) as its rows say: the newest audit entry, check-in or
    event change; None for an empty database."""
    stamps = (AuditEntry.select(fn.MAX(AuditEntry.at)).scalar(), CheckIn.select(fn.MAX(CheckIn.recorded_at)).scalar(),
              Event.select(fn.MAX(Event.updated_at)).scalar())
    return max((stamp for stamp in stamps if stamp is not None), default=None)
