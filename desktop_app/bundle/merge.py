"""The three-way merge of a bundle into this database (how it decides is told in ``desktop_app.bundle``), the
device's clock against the office's, and the report of what it did."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace

from peewee import (
    DateField,
    DateTimeField,
    ForeignKeyField,
    TimeField,
)

from db import models

from .. import i18n
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..services import audit
from ..services.values import local_time
from .container import DAMAGED, Bundle
from .log import correction
from .rows import (
    BASE_PREFIX,
    BY_TABLE,
    CLOCK_KEY,
    LABEL_FIELDS,
    LOCAL_FIELDS,
    MATCH_FIELD,
    MERGED_INDEX,
    ORIGIN_KEY,
    SENT_IDS,
    SENT_INDEX,
    SENT_PREFIX,
    SETTINGS_TABLE,
    SYNCED,
    _comparable,
    _comparable_tables,
    _drop,
    _event_rows,
    _event_settings,
    _fields,
    _key,
    _next_seq,
    _record,
    _Snapshot,
    _store,
    _table,
)

log = logging.getLogger(__name__)

INSERT_ROWS = 500  # new rows written in one statement: one row at a time, a merge of 20,000 people took seconds
SQL_VARIABLES = 32_000  # SQLite's limit on a statement's values (32,766 since 3.32)

SAME_NAME = QT_TRANSLATE_NOOP(
    "core", "The bundle {path} holds the event “{title}”, but a different event of the same name is already "
            "in this database (it is not a copy of the one in the bundle). Nothing was changed. Rename one of "
            "the two events, or open the bundle in another database.")
OLDER_BUNDLE = QT_TRANSLATE_NOOP(
    "core", "{path} is older than a bundle from the same computer that was already merged here (exported "
            "{merged}; this one {exported}), and everything in it is here already. Nothing was changed: merge "
            "the newest bundle from that computer.")


@dataclass(frozen=True)
class Conflict:
    """Fields changed on both sides. ``label`` (what the row is: a person's name, a suggestion's topic) and the
    two sides' values are for the screen only; they may be personal data and never reach a log."""

    table: str
    uuid: str
    fields: tuple[str, ...]
    label: str = ""
    mine: dict = field(default_factory=dict)
    theirs: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"table": self.table, "uuid": self.uuid, "fields": list(self.fields)}


@dataclass(frozen=True)
class MergeReport:
    event_uuid: str
    event_id: int | None  # in this database (None in the preview of an event that is not here yet)
    title: str
    created: bool  # the event was not in this database before
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    checkins_added: int
    duplicate_admissions: int
    findings: tuple = ()  # services.reconcile.Finding: what the merge put right or must be checked, in words

    @property
    def changed(self) -> bool:
        return bool(self.created or self.added or self.updated or self.checkins_added)

    def as_json(self) -> dict:
        return {"event": self.event_uuid, "added": self.added, "updated": self.updated,
                "unchanged": self.unchanged, "conflicts": [c.as_json() for c in self.conflicts],
                "checkins_added": self.checkins_added, "duplicate_admissions": self.duplicate_admissions,
                "findings": [f.as_json() for f in self.findings]}


# -- merging -------------------------------------------------------------------------------------------------------


@dataclass
class _Op:
    model: type
    kind: str  # insert | update
    row: dict  # the bundle's row
    fields: tuple[str, ...] = ()  # update: the fields taken
    local_id: int | None = None
    whole: bool = False  # update: the row is now as in the bundle (take its stamps)


@dataclass
class _Plan:
    event_id: int | None
    report: MergeReport
    ops: list[_Op]
    setting_ops: list[tuple[str, str | None]]  # (key, value to set; None removes it)
    remote: dict[str, dict[str, dict]]  # the bundle's rows, comparable (the next base)
    ids: dict[str, dict[str, int]]


def _label(table: str, row: dict | None, find) -> str:
    """What a row is, for the conflict dialog: a name, a title, a topic…; else what it refers to (a check-in:
    its person; a survey answer: its form and question)."""
    if not row:
        return ""
    for name in LABEL_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 40 else text[:39] + "…"
    if row.get("form_no") is not None:
        return f"#{row['form_no']}"
    model = BY_TABLE.get(table)
    parts = []
    for f in _fields(model) if model else ():
        if isinstance(f, ForeignKeyField) and f.name != "event" and row.get(f.name):
            ref_table = _table(f.rel_model)
            found = _label(ref_table, find(ref_table, row[f.name]), find)
            if found:
                parts.append(found)
    return " · ".join(parts)


def _same_name(bundle: Bundle) -> models.Event | None:
    E = models.Event
    event = bundle.event
    date = bundle.date
    same_date = E.date.is_null() if date is None else (E.date == date)
    return (E.select().where(E.alive() & (E.title == event.get("title", ""))
                             & (same_date | (E.unit == event.get("unit", ""))))
            .first())


def _choose_base(event_id: int, payload: dict) -> dict | None:
    """The most recent version both sides are known to share (see the module's docstring)."""
    merged = _record(event_id, MERGED_INDEX) or {}
    sent = _record(event_id, SENT_INDEX) or []
    candidates = []
    theirs = merged.get(payload["device_id"]) if isinstance(merged, dict) else None
    lineage = set(payload["sent_before"]) | {payload["bundle_id"]}
    if isinstance(theirs, dict) and isinstance(theirs.get("seq"), int) and theirs.get("bundle_id") in lineage:
        candidates.append((theirs["seq"], BASE_PREFIX + payload["device_id"]))
    known = set(payload["base_from"].values()) | {payload["bundle_id"]}
    for entry in sent if isinstance(sent, list) else ():
        if isinstance(entry, dict) and entry.get("bundle_id") in known and isinstance(entry.get("seq"), int):
            candidates.append((entry["seq"], SENT_PREFIX + entry["bundle_id"]))
    for _seq, key in sorted(candidates, reverse=True):
        base = _record(event_id, key)
        if isinstance(base, dict) and isinstance(base.get("tables"), dict):
            base.setdefault("settings", {})
            return base
    return None


def _refuse_older(event_id: int, bundle: Bundle) -> None:
    """Refuse a bundle that the one already merged from its device was exported after (by that database's own
    list, not by clocks): everything in it is here already."""
    merged = _record(event_id, MERGED_INDEX) or {}
    latest = merged.get(bundle.device_id) if isinstance(merged, dict) else None
    if not isinstance(latest, dict) or bundle.bundle_id not in (latest.get("sent_before") or []):
        return
    raise UserError(OLDER_BUNDLE, path=str(bundle.path or ""), merged=_local_text(latest.get("exported_at")),
                    exported=_local_text(bundle.payload["exported_at"]))


def _local_text(utc_text) -> str:
    try:
        utc = dt.datetime.fromisoformat(utc_text)
    except (TypeError, ValueError):
        return "?"
    return local_time(utc).strftime("%Y-%m-%d %H:%M")


def _three_way(mine: dict, theirs: dict, base: dict | None) -> tuple[list[str], list[str], list[str]]:
    """(differing, take, conflicting) field names."""
    differing, take, clash = [], [], []
    for name, value in theirs.items():
        if name not in mine or mine[name] == value:
            continue
        differing.append(name)
        if base is None or name not in base:
            clash.append(name)
        elif mine[name] == base[name]:
            take.append(name)
        elif value != base[name]:
            clash.append(name)
    return differing, take, clash


def _plan(bundle: Bundle, choices: dict | None) -> _Plan:
    choices = choices or {}
    payload = bundle.payload
    path = str(bundle.path or "")
    event = models.Event.get_or_none(models.Event.uuid == bundle.event_uuid)
    if event is None:
        if _same_name(bundle) is not None:
            raise UserError(SAME_NAME, path=path, title=bundle.title)
        local = _Snapshot({}, {})
        local_settings: dict[str, str] = {}
        base = None
    else:
        _refuse_older(event.id, bundle)
        local = _event_rows(event.id)
        local_settings = _event_settings(event.id)
        base = _choose_base(event.id, payload)
    remote = _comparable_tables(payload["tables"])
    remote_rows = {table: {row["uuid"]: row for row in rows} for table, rows in payload["tables"].items()}

    def find(table: str, uuid: str) -> dict | None:
        found = remote_rows.get(table, {}).get(uuid)
        if found is None and uuid in local.ids.get(table, {}):
            found = next((r for r in local.rows[table].values() if r["uuid"] == uuid), None)
        return found

    def shown(model, values: dict, names) -> dict:
        out = {}
        for name in names:
            value = values.get(name)
            f = model._meta.fields[name]
            if isinstance(f, ForeignKeyField) and value is not None:
                value = _label(_table(f.rel_model), find(_table(f.rel_model), value), find) or value[:8]
            out[name] = value
        return out

    ops: list[_Op] = []
    conflicts: list[Conflict] = []
    added = updated = unchanged = checkins_added = 0
    checkins: dict[str, dict] = {k: _comparable(models.CheckIn, r) for k, r in local.rows.get("check_in", {}).items()}
    carried = payload.get("checkin_log")  # a bundle of the released version carries check_in rows instead
    if carried is not None:  # each admitting entry counts once, as a check-in row did
        checkins_added = _new_admissions(carried)
        unchanged = sum(1 for e in carried if e["kind"] != "undo") - checkins_added
    for model in SYNCED:
        table = _table(model)
        if model is models.CheckIn and carried is not None:
            continue  # derived here from the log
        mine_rows = local.rows.get(table, {})
        base_rows = base["tables"].get(table, {}) if base else {}
        inserts = []
        for row in payload["tables"].get(table, []):
            key = _key(model, row)
            theirs = remote[table][key]
            if key not in mine_rows:
                inserts.append(row)
                ops.append(_Op(model, "insert", row))
                if model is models.CheckIn:
                    checkins_added += 1
                    checkins[key] = theirs
                else:
                    added += 1
                continue
            mine_row = mine_rows[key]
            mine = _comparable(model, mine_row)
            base_row = base_rows.get(key) if isinstance(base_rows, dict) else None
            differing, take, clash = _three_way(mine, theirs, base_row if isinstance(base_row, dict) else None)
            if model is models.CheckIn:
                _undo_is_kept(mine, theirs, take, clash)
            if clash:
                conflicts.append(Conflict(table, row["uuid"], tuple(clash), _label(table, mine_row, find),
                                          shown(model, mine_row, clash), shown(model, row, clash)))
                take += [name for name in clash if choices.get((table, row["uuid"], name)) == "theirs"]
            if take:
                ops.append(_Op(model, "update", row, tuple(take), local.ids[table][mine_row["uuid"]],
                               whole=set(take) == set(differing)))
                updated += 1
                if model is models.CheckIn:
                    checkins[key] = {**mine, **{name: theirs[name] for name in take}}
            else:
                unchanged += 1
        _check_references(model, payload["tables"].get(table, []), local, remote_rows, path)
        _check_new_keys(model, inserts, path)
    setting_ops = []
    base_settings = base["settings"] if base else None
    for key in sorted(set(local_settings) | set(payload["settings"])):
        mine_value, theirs_value = local_settings.get(key), payload["settings"].get(key)
        if mine_value == theirs_value:
            unchanged += 1
            continue
        if base_settings is None:
            take, clash = mine_value is None, mine_value is not None and theirs_value is not None
        else:
            was = base_settings.get(key)
            take = mine_value == was
            clash = not take and theirs_value != was
        if clash:
            conflicts.append(Conflict(SETTINGS_TABLE, key, ("value",), key, {"value": mine_value},
                                      {"value": theirs_value}))
            take = choices.get((SETTINGS_TABLE, key, "value")) == "theirs"
        if take:
            setting_ops.append((key, theirs_value))
            if mine_value is None:
                added += 1
            else:
                updated += 1
        elif theirs_value is not None:
            unchanged += 1
    report = MergeReport(bundle.event_uuid, event.id if event else None, bundle.title, event is None, added,
                         updated, unchanged, tuple(conflicts), checkins_added, _double(checkins))
    return _Plan(event.id if event else None, report, ops, setting_ops, remote, local.ids)


def _new_admissions(entries: list[dict]) -> int:
    """The admitting entries of ``entries`` not in this database's log."""
    from .log import ADMITTING

    E = models.CheckinEntry
    wanted = [e["uuid"] for e in entries if e["kind"] in ADMITTING]
    held = 0
    for start in range(0, len(wanted), 500):
        held += E.select().where(E.uuid.in_(wanted[start:start + 500])).count()
    return len(wanted) - held


UNDO_FIELDS = ("undone_at", "undo_reason")


def _undo_is_kept(mine: dict, theirs: dict, take: list[str], clash: list[str]) -> None:
    """An undo is a fact about a check-in, never undone in turn (a new scan makes a new check-in): whichever side
    undid it, it stays undone, with the earliest undo and its reason, on every device, whatever the base says.
    Without this, a check-in whose other fields the two sides changed apart (a walk-in joined to the same person
    on one device) lost its undo as a conflict kept here, and the person counted as arrived again."""
    for name in UNDO_FIELDS:
        for fields in (take, clash):
            if name in fields:
                fields.remove(name)
    ours, other = mine.get("undone_at"), theirs.get("undone_at")
    if other is not None and (ours is None or other < ours):
        take.extend(name for name in UNDO_FIELDS if mine.get(name) != theirs.get(name))


def _double(checkins: dict[str, dict]) -> int:
    """People with active check-ins from more than one device."""
    devices: dict[str, set[str]] = {}
    for c in checkins.values():
        if not c.get("deleted") and c.get("undone_at") is None:
            devices.setdefault(c.get("invitee"), set()).add(c.get("device", ""))
    return sum(1 for found in devices.values() if len(found) > 1)


def _check_references(model, rows: list[dict], local: _Snapshot, remote_rows: dict, path: str) -> None:
    for f in _fields(model):
        if not isinstance(f, ForeignKeyField):
            continue
        target = _table(f.rel_model)
        for row in rows:
            value = row.get(f.name)
            if value is not None and value not in remote_rows.get(target, {}) and value not in local.ids.get(
                    target, {}):
                raise UserError(DAMAGED, path=path, detail=f"{_table(model)}.{f.name}")


def _check_new_keys(model, rows: list[dict], path: str) -> None:
    """A new row's uuid (or scan id) must not belong to another event's row in this database."""
    names = ["uuid"] + ([MATCH_FIELD[_table(model)]] if _table(model) in MATCH_FIELD else [])
    for name in names:
        column = model._meta.fields[name]
        values = [row[name] for row in rows]
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            if chunk and model.select(model.id).where(column.in_(chunk)).exists():
                raise UserError(DAMAGED, path=path, detail=f"{_table(model)}.{name} elsewhere")


def _db_value(f, value, ids: dict[str, dict[str, int]]):
    if value is None:
        return None
    if isinstance(f, ForeignKeyField):
        return ids[_table(f.rel_model)][value]
    try:
        if isinstance(f, DateTimeField):
            return dt.datetime.fromisoformat(value)
        if isinstance(f, DateField):
            return dt.date.fromisoformat(value)
        if isinstance(f, TimeField):
            return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        return value  # stored as it came (peewee reads such a value back as the same text)
    return value


def insert_rows(model, rows: list[dict]) -> None:
    """New rows (payload encoding, checked) written here, their foreign keys found by uuid."""
    ids: dict[str, dict[str, int]] = {}
    for f in _fields(model):
        if isinstance(f, ForeignKeyField):
            rel = f.rel_model
            wanted = {row[f.name] for row in rows if row.get(f.name)}
            ids[_table(rel)] = dict(rel.select(rel.uuid, rel.id).where(rel.uuid.in_(wanted)).tuples())
    values = []
    for row in rows:
        out = {}
        for name, value in row.items():
            f = model._meta.fields[name]
            if isinstance(f, ForeignKeyField) and value is not None and value not in ids[_table(f.rel_model)]:
                if not f.null:
                    raise UserError(DAMAGED, path="", detail=f"{_table(model)}.{name}")
                value = None  # (a category removed meanwhile)
            out[name] = _db_value(f, value, ids)
        values.append(out)
    for start in range(0, len(values), INSERT_ROWS):
        model.insert_many(values[start:start + INSERT_ROWS]).execute()


def _apply(plan: _Plan) -> int:
    """Write the plan; returns the event's id here."""
    now = models.utcnow()
    ids = plan.ids
    event_id = plan.event_id
    batch: list[dict] = []  # new rows of one table with the same fields, written in one statement
    batch_model = None

    def insert_batch() -> None:
        table = _table(batch_model)
        for values in batch:
            for name in LOCAL_FIELDS.get(table, ()):
                values[name] = now
        batch_model.insert_many(batch).execute()
        known, uuid = ids.setdefault(table, {}), batch_model.uuid
        uuids = [values["uuid"] for values in batch]
        for start in range(0, len(uuids), INSERT_ROWS):  # the new rows' ids, for the rows that refer to them
            chunk = uuids[start:start + INSERT_ROWS]
            known.update(batch_model.select(uuid, batch_model.id).where(uuid.in_(chunk)).tuples())
        batch.clear()

    for op in plan.ops:
        model = op.model
        if batch and (model is not batch_model or op.kind != "insert"):
            insert_batch()  # the rows written so far may be referred to from here on
        if op.kind == "insert":
            values = {name: _db_value(model._meta.fields[name], value, ids) for name, value in op.row.items()}
            if batch and (values.keys() != batch[0].keys()
                          or len(batch) >= min(INSERT_ROWS, SQL_VARIABLES // (len(values) + 1))):
                insert_batch()
            batch_model = model
            batch.append(values)
            if model is models.Event:  # the event first: its rows refer to it
                insert_batch()
                event_id = ids["event"][op.row["uuid"]]
            continue
        values = {model._meta.fields[name]: _db_value(model._meta.fields[name], op.row[name], ids)
                  for name in op.fields}
        if op.whole and "updated_at" in op.row:
            values[model.updated_at] = _db_value(model.updated_at, op.row["updated_at"], ids)
            values[model.device_id] = op.row.get("device_id", "")
        else:
            values[model.updated_at] = now
            values[model.device_id] = models.device_id()
        model.update(values).where(model.id == op.local_id).execute()
    if batch:
        insert_batch()
    S = models.Setting
    for key, value in plan.setting_ops:
        where = (S.event == event_id) & (S.key == key)
        if value is None:
            S.delete().where(where).execute()
        elif not S.update(value=value).where(where).execute():
            S.insert(event=event_id, key=key, value=value).execute()
    return event_id


CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    "core", "This computer's clock is at least {offset} behind the office's (the bundle was written later than "
    "this computer's time now). Set the date and time right before checking people in.")
CLOCK_OFF = QT_TRANSLATE_NOOP(
    "core", "The clock of device {device} was {offset} {direction} this computer's; its {count} check-ins were "
    "placed by this computer's time.")
AHEAD_OF = QT_TRANSLATE_NOOP("core", "ahead of")
BEHIND = QT_TRANSLATE_NOOP("core", "behind")
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class _Clock:
    findings: tuple
    own: int | None  # this device's offset to store (0: clear it), None: leave it
    offset: float | None = None  # the bundle's device's clock minus this one's, when off


def _span(seconds: float) -> str:
    seconds = abs(int(seconds))
    if seconds >= DAY.total_seconds():
        return i18n.text(QT_TRANSLATE_NOOP("core", "{count} days"), count=round(seconds / DAY.total_seconds()))
    if seconds >= 3600:
        return i18n.text(QT_TRANSLATE_NOOP("core", "{count} hours"), count=round(seconds / 3600))
    return i18n.text(QT_TRANSLATE_NOOP("core", "{count} minutes"), count=max(1, round(seconds / 60)))


def _clock(plan: _Plan, bundle: Bundle) -> _Clock:
    """Clocks that disagree by more than ``CLOCK_SLACK``. The office (where the event was made) is the reference:
    there, a device whose bundle was written "in the future", or which measured its own clock behind, is named
    and its check-ins are placed by the office's time (rewritten in the plan, before it is applied); on a device
    that received the event, a bundle from the future means this computer's clock is behind (stored, and sent
    with the next bundle)."""
    from ..services.reconcile import CLOCK_SLACK, Finding

    ahead = (bundle.exported_at - models.utcnow()).total_seconds()  # the sender's lead, at least
    slack = CLOCK_SLACK.total_seconds()
    received = plan.report.created or (plan.event_id is not None and _record(plan.event_id, ORIGIN_KEY))
    if received:
        if ahead <= slack:
            return _Clock((), 0)
        return _Clock((Finding("clock_offset", i18n.text(CLOCK_BEHIND, offset=_span(ahead)), device=models.device_id(),
                               offset_s=-round(ahead)),), -round(ahead))
    declared = bundle.payload.get("clock_offset_s")
    offset = ahead if ahead > slack else (declared if isinstance(declared, int) and abs(declared) > slack else 0)
    if not offset:
        return _Clock((), None)
    shift = correction(offset)
    moved = 0
    for op in plan.ops:  # the check_in rows of a bundle of the released version
        if op.model is models.CheckIn and op.kind == "insert" and op.row.get("device") == bundle.device_id:
            for name in ("scanned_at", "undone_at"):
                if op.row.get(name):
                    op.row[name] = (dt.datetime.fromisoformat(op.row[name]) - shift).isoformat()
            moved += 1
    carried = bundle.payload.get("checkin_log")
    if carried:  # entries placed by the offset as they are received (``log.placed``)
        moved += _new_admissions([e for e in carried if e["device"] == bundle.device_id])
    message = i18n.text(CLOCK_OFF, device=bundle.device_id[:8], offset=_span(offset), count=moved,
                        direction=i18n.text(AHEAD_OF if offset > 0 else BEHIND))
    return _Clock((Finding("clock_offset", message, device=bundle.device_id, offset_s=round(offset)),), None,
                  offset)


def preview_merge(bundle: Bundle, *, choices: dict | None = None) -> MergeReport:
    """What ``merge_bundle`` would do (conflicts with both sides' values), writing nothing."""
    with models.database.atomic():
        return _plan(bundle, choices).report


def merge_bundle(bundle: Bundle, *, choices: dict | None = None) -> MergeReport:
    """Merge the bundle into this database in one transaction; a refusal (``UserError``) writes nothing.

    ``choices`` maps (table, uuid, field) to ``"mine"`` or ``"theirs"`` for conflicting fields; by default a
    conflict keeps the local value (it then travels back with the next bundle)."""
    from ..services import reconcile

    with models.database.atomic():
        plan = _plan(bundle, choices)
        clock = _clock(plan, bundle)
        event_id = _apply(plan)
        if plan.report.created:
            _store(event_id, ORIGIN_KEY, bundle.device_id)
        _receive_log(event_id, bundle, clock)
        if clock.own is not None:
            _store(event_id, CLOCK_KEY, clock.own) if clock.own else _drop(event_id, CLOCK_KEY)
        findings = (*clock.findings, *reconcile.reconcile(event_id))
        doubles = sum(1 for f in findings if f.kind == "duplicate_admission")  # after the walk-ins were joined
        merged = _record(event_id, MERGED_INDEX) or {}
        if not isinstance(merged, dict):
            merged = {}
        previous = merged.get(bundle.device_id)
        if not (isinstance(previous, dict) and previous.get("bundle_id") == bundle.bundle_id):
            seq = _next_seq(event_id)
            _store(event_id, BASE_PREFIX + bundle.device_id, {"bundle_id": bundle.bundle_id, "seq": seq,
                                                               "tables": plan.remote,
                                                               "settings": bundle.payload["settings"]})
            merged[bundle.device_id] = {"bundle_id": bundle.bundle_id, "seq": seq,
                                        "exported_at": bundle.payload["exported_at"],
                                        "sent_before": bundle.payload["sent_before"][-SENT_IDS:]}
            _store(event_id, MERGED_INDEX, merged)
        r = plan.report
        audit.record("bundle.merge", event_id=event_id, target="event", target_uuid=bundle.event_uuid,
                     summary=f"bundle {bundle.bundle_id[:8]} from device {bundle.device_id[:8]}"
                             f"{' (new event)' if r.created else ''}: added {r.added}, updated {r.updated}, "
                             f"unchanged {r.unchanged}, conflicts {len(r.conflicts)}, check-ins added "
                             f"{r.checkins_added}, duplicate admissions {doubles}")
    log.info("bundle %s merged into event %s: +%d ~%d =%d !%d, %d check-ins, findings %s", bundle.bundle_id[:8],
             event_id, r.added, r.updated, r.unchanged, len(r.conflicts), r.checkins_added,
             sorted({f.kind for f in findings}))
    return replace(r, event_id=event_id, findings=findings, duplicate_admissions=doubles)


def _receive_log(event_id: int, bundle: Bundle, clock: _Clock) -> None:
    """The bundle's check-in log appended (the offsets its device measured, and ours of it, noted first); the
    check_in rows of a bundle of the released version given their entries (``log.adopt``)."""
    from . import log

    found = {k: v for k, v in bundle.payload.get("clock_offsets", {}).items() if k != bundle.device_id}
    if clock.offset:
        found[bundle.device_id] = clock.offset
    entries = bundle.payload.get("checkin_log")
    if entries is None:
        log.note_offsets(event_id, found)
        log.adopt(models.database, event_id)
    else:
        log.receive(event_id, entries, offsets_found=found, source=str(bundle.path or bundle.device_id[:8]),
                    reconcile=False)
    log.project_missing(event_id)


def double_admissions(event_id: int) -> list[int]:
    """The invitees (ids) with active check-ins from more than one device: admitted twice, counted once."""
    C = models.CheckIn
    query = (C.select(C.invitee).where((C.event == event_id) & C.alive() & C.undone_at.is_null())
             .group_by(C.invitee).having(models.fn.COUNT(C.device.distinct()) > 1).order_by(C.invitee))
    return [row[0] for row in query.tuples()]
