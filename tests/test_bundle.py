"""Event bundles: the encrypted file, the three-way merge between the office and the venue laptop (one-sided
edits, conflicts, soft deletes, the check-in union), convergence under random edits, refusals, the CLI
walk-through, the audit log and the dialogs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import run_cli

DAY = dt.date(2026, 12, 20)
PASS = "开放日 venue 2026"
IGNORED = {"id", "updated_at", "device_id", "recorded_at"}  # stamps and when this database learnt of a check-in


class Side:
    """One database of the pair; ``with side:`` binds the models to it as its own device."""

    def __init__(self, path: Path, device: str):
        from desktop_app.workspace import open_workspace

        self.path = path
        self.device = device
        self.ws = open_workspace(path)

    def __enter__(self):
        from db import models

        models.database.initialize(self.ws.opened.db)
        models.set_device_id(self.device)
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        self.ws.close()


@pytest.fixture
def pair(tmp_path):
    """The office with the held demo event (check-ins, notes, suggestions, survey), a photo and a setting, and a
    laptop database that has not seen it yet."""
    from desktop_app.demo import create_demo_event
    from desktop_app.services import feedback

    office, laptop = Side(tmp_path / "office.sqlite3", "office-pc"), Side(tmp_path / "laptop.sqlite3", "laptop")
    with office:
        event = create_demo_event(DAY, held=True)
        _add_photo(event.id)
        feedback.set_departments(event.id, ["县政务服务中心", "县财政局"])
    yield office, laptop, event.uuid
    office.close()
    laptop.close()


def _add_photo(event_id: int) -> None:
    from desktop_app.images import PreparedImage
    from desktop_app.services import photos

    photos.add_photo(event_id, PreparedImage(b"\xff\xd8jpeg" + bytes(range(256)) * 20, b"\xff\xd8thumb", 640, 480),
                     caption="集合签到")


def event_id(uuid: str) -> int:
    from db import models

    return models.Event.get(models.Event.uuid == uuid).id


def send(src: Side, dst: Side, uuid: str, path: Path, *, choices=None):
    """Export the event from ``src`` into ``path`` and merge the file into ``dst``."""
    from desktop_app import bundle

    with src:
        bundle.export_bundle(event_id(uuid), path, PASS)
    with dst:
        return bundle.merge_bundle(bundle.read_bundle(path, PASS), choices=choices)


def user_data(uuid: str) -> dict:
    """Everything of the event a user can see, independent of integer ids and of who wrote it when."""
    from peewee import ForeignKeyField

    from db import models

    event = models.Event.get(models.Event.uuid == uuid)
    out: dict = {}
    uuid_of: dict = {}
    for model in (m for m in models.ALL_MODELS if issubclass(m, models.SyncedModel)):
        if model is models.Event:
            query = model.select().where(model.id == event.id)
        elif issubclass(model, models.EventOwned):
            query = model.select().where(model.event == event.id)
        else:
            query = model.select().join(models.SurveyResponse).where(models.SurveyResponse.event == event.id)
        ids, rows = {}, {}
        for raw in query.dicts():
            ids[raw["id"]] = raw["uuid"]
            row = {}
            for f in model._meta.sorted_fields:
                if f.name in IGNORED:
                    continue
                value = raw[f.name]
                if isinstance(f, ForeignKeyField) and value is not None:
                    value = uuid_of[f.rel_model][value]
                row[f.name] = bytes(value) if isinstance(value, memoryview) else value
            rows[raw["uuid"]] = row
        uuid_of[model] = ids
        out[model._meta.table_name] = rows
    S = models.Setting
    out["setting"] = {s.key: s.value for s in S.select().where(S.event == event.id)
                      if not s.key.startswith("bundle.")}
    return out


def stats(uuid: str) -> dict:
    from desktop_app.services import checkin

    return checkin.stats(event_id(uuid))


def _confirmed(eid: int) -> list:
    from desktop_app.services import checkin

    return [p for p in checkin.people(eid) if p.status == "confirmed"]


# -- the round trip --------------------------------------------------------------------------------------------------


def test_round_trip_into_a_fresh_laptop_database(pair, tmp_path):
    from desktop_app import bundle

    office, laptop, uuid = pair
    path = tmp_path / "stick" / "to_venue.odbundle"
    path.parent.mkdir()
    with office:
        before = user_data(uuid)
        office_stats = stats(uuid)
        info = bundle.export_bundle(event_id(uuid), path, PASS)
        secret = [p for p in _confirmed(event_id(uuid))][0]
    assert info.path == path and info.bytes == path.stat().st_size and info.checkins == 20 and info.photos == 1
    data = path.read_bytes()
    assert data.startswith(bundle.MAGIC) and data[len(bundle.MAGIC)] == bundle.FORMAT
    for plain in (secret.name, secret.phone, "县政务服务中心", "集合签到"):  # nothing readable without the passphrase
        assert plain.encode("utf-8") not in data
    assert not list(path.parent.glob(".*partial"))  # the temporary file was renamed into place

    with laptop:
        opened = bundle.read_bundle(path, PASS)
        preview = bundle.preview_merge(opened)
        assert preview.created and preview.event_id is None
        from db import models

        assert models.Event.select().count() == 0  # the preview wrote nothing
        before_merge = models.utcnow()
        report = bundle.merge_bundle(opened)
        assert report.as_json() == preview.as_json()
        assert report.created and report.conflicts == () and report.checkins_added == 20
        assert report.added + report.checkins_added == opened.row_count() and report.updated == 0
        assert set(report.as_json()) == {"event", "added", "updated", "unchanged", "conflicts", "checkins_added",
                                         "duplicate_admissions", "findings"}
        assert user_data(uuid) == before
        assert stats(uuid) == office_stats
        photo = models.Photo.get()
        assert bytes(photo.image).startswith(b"\xff\xd8jpeg") and len(photo.image) > 5000
        with office:
            scans = {c.scan_id: c.scanned_at for c in models.CheckIn.select()}
        with laptop:
            for merged in models.CheckIn.select():  # scan time kept, merge time recorded
                assert merged.scanned_at == scans[merged.scan_id] and merged.recorded_at >= before_merge


def test_new_rows_written_many_to_a_statement_keep_every_reference(pair, tmp_path, monkeypatch):
    """A fresh laptop takes the new rows in statements of many rows (a handful here, so that people, their
    check-ins, notes and answers fall into many statements each): every row and reference arrives."""
    from db import models
    from desktop_app import bundle

    monkeypatch.setattr(bundle.merge, "INSERT_ROWS", 7)
    office, laptop, uuid = pair
    with office:
        before = user_data(uuid)
        counts = {m: m.select().count() for m in (models.Invitee, models.CheckIn, models.MeetingNote)}
    report = send(office, laptop, uuid, tmp_path / "b.odbundle")
    assert report.created and report.checkins_added == 20
    with laptop:
        assert user_data(uuid) == before
        assert {m: m.select().count() for m in counts} == counts and counts[models.Invitee] > 7


def test_the_merge_keeps_the_remote_stamps(pair, tmp_path):
    from db import models

    office, laptop, uuid = pair
    with office:
        stamps = {i.uuid: (i.updated_at, i.device_id) for i in models.Invitee.select()}
    send(office, laptop, uuid, tmp_path / "b.odbundle")
    with laptop:
        assert {i.uuid: (i.updated_at, i.device_id) for i in models.Invitee.select()} == stamps


# -- edits on both sides -------------------------------------------------------------------------------------------


def _invitees(uuid: str) -> list:
    from db import models

    return list(models.Invitee.select().where(models.Invitee.event == event_id(uuid)).order_by(models.Invitee.uuid))


def _edit(model, row_uuid: str, **values) -> None:
    row = model.get(model.uuid == row_uuid)
    for name, value in values.items():
        setattr(row, name, value)
    row.save()


def test_one_sided_edits_conflicts_and_deletes(pair, tmp_path):
    from db import models

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with office:
        a, b, c = (p.uuid for p in _invitees(uuid)[:3])
        suggestion = models.Suggestion.select().order_by(models.Suggestion.uuid).first().uuid
        note = models.MeetingNote.select().order_by(models.MeetingNote.uuid).first().uuid
        _edit(models.Invitee, a, phone="13900000001")  # only the office
        _edit(models.Invitee, b, notes="办公室：已电话确认")  # both: a conflict
        _edit(models.Suggestion, suggestion, deleted=True, reply="已答复")  # deleted at the office
    with laptop:
        _edit(models.Invitee, b, notes="现场：坐轮椅")
        _edit(models.Invitee, c, organisation="县残联")  # only the laptop
        _edit(models.MeetingNote, note, deleted=True)  # deleted at the venue

    report = send(laptop, office, uuid, tmp_path / "back.odbundle")
    assert [c.as_json() for c in report.conflicts] == [{"table": "invitee", "uuid": b, "fields": ["notes"]}]
    assert report.updated == 2 and report.added == 0 and report.checkins_added == 0
    with office:
        assert models.Invitee.get(models.Invitee.uuid == a).phone == "13900000001"
        assert models.Invitee.get(models.Invitee.uuid == b).notes == "办公室：已电话确认"  # the local value kept
        assert models.Invitee.get(models.Invitee.uuid == c).organisation == "县残联"
        assert models.MeetingNote.get(models.MeetingNote.uuid == note).deleted
        assert models.Suggestion.get(models.Suggestion.uuid == suggestion).deleted

    # The office's answer goes back: everything the office has, the conflict settled its way, no new conflict.
    back = send(office, laptop, uuid, tmp_path / "again.odbundle")
    assert back.conflicts == () and back.updated == 3
    with laptop:
        assert models.Invitee.get(models.Invitee.uuid == b).notes == "办公室：已电话确认"
        assert models.Suggestion.get(models.Suggestion.uuid == suggestion).reply == "已答复"
        laptop_data = user_data(uuid)
    with office:
        assert user_data(uuid) == laptop_data


def test_the_user_settles_a_conflict_field_by_field(pair, tmp_path):
    from db import models
    from desktop_app import bundle

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with office:
        person = _invitees(uuid)[0]
        _edit(models.Invitee, person.uuid, notes="甲", organisation="县一中")
        _edit(models.Event, uuid, theme="办公室的主题")
    with laptop:
        _edit(models.Invitee, person.uuid, notes="乙", organisation="县二中")
        _edit(models.Event, uuid, theme="现场的主题")
        bundle.export_bundle(event_id(uuid), tmp_path / "back.odbundle", PASS)
    with office:
        opened = bundle.read_bundle(tmp_path / "back.odbundle", PASS)
        preview = bundle.preview_merge(opened)
        by_table = {c.table: c for c in preview.conflicts}
        assert set(by_table) == {"event", "invitee"}
        mine = by_table["invitee"]
        assert mine.label == person.name and set(mine.fields) == {"notes", "organisation"}
        assert (mine.mine["notes"], mine.theirs["notes"]) == ("甲", "乙")
        assert by_table["event"].theirs == {"theme": "现场的主题"}
        report = bundle.merge_bundle(opened, choices={("invitee", person.uuid, "notes"): "theirs",
                                                      ("invitee", person.uuid, "organisation"): "mine",
                                                      ("event", uuid, "theme"): "theirs"})
        assert len(report.conflicts) == 2  # reported, and settled as chosen
        merged = models.Invitee.get(models.Invitee.uuid == person.uuid)
        assert (merged.notes, merged.organisation) == ("乙", "县一中")
        assert models.Event.get(models.Event.uuid == uuid).theme == "现场的主题"
    # The value kept here is a change of the office now, so it travels back without asking.
    back = send(office, laptop, uuid, tmp_path / "again.odbundle")
    assert back.conflicts == ()
    with laptop:
        assert models.Invitee.get(models.Invitee.uuid == person.uuid).organisation == "县一中"
        laptop_data = user_data(uuid)
    with office:
        assert user_data(uuid) == laptop_data


def test_settings_merge_and_removals_travel(pair, tmp_path):
    from db import models
    from desktop_app import settings

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with laptop:
        settings.set("summary.implementation", "现场写的实施情况", event_id(uuid))
        models.Setting.delete().where((models.Setting.event == event_id(uuid))
                                      & (models.Setting.key == "feedback.departments")).execute()
    report = send(laptop, office, uuid, tmp_path / "back.odbundle")
    assert report.conflicts == ()
    with office:
        assert settings.get("summary.implementation", event_id(uuid)) == "现场写的实施情况"
        keys = {s.key for s in models.Setting.select().where(models.Setting.event == event_id(uuid))}
        assert "feedback.departments" not in keys


# -- check-ins -----------------------------------------------------------------------------------------------------


def test_checkins_are_a_union_and_a_double_admission_counts_once(tmp_path):
    from db import models
    from desktop_app import bundle
    from desktop_app.demo import create_demo_event
    from desktop_app.services import checkin

    office, laptop = Side(tmp_path / "office.sqlite3", "office-pc"), Side(tmp_path / "laptop.sqlite3", "laptop")
    with office:
        uuid = create_demo_event(DAY).uuid
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with office:
        people = _confirmed(event_id(uuid))
        p, q, r = people[0], people[1], people[2]
        assert checkin.check_in(event_id(uuid), p.id).outcome == "ok"  # a VIP received at the office
        assert checkin.check_in(event_id(uuid), q.id).outcome == "ok"
    scanned = dt.datetime(2026, 12, 20, 0, 55, 12)
    with laptop:
        ids = {x.name: x.id for x in checkin.people(event_id(uuid))}
        assert checkin.check_in(event_id(uuid), ids[p.name], scanned_at=scanned).outcome == "ok"  # admitted again
        assert checkin.check_in(event_id(uuid), ids[r.name]).outcome == "ok"
        mistaken = checkin.check_in(event_id(uuid), ids[people[3].name])
        checkin.undo_last(event_id(uuid), "扫错了")
        assert mistaken.outcome == "ok"
        laptop_scan = models.CheckIn.get(models.CheckIn.scanned_at == scanned).scan_id
        bundle.export_bundle(event_id(uuid), tmp_path / "back.odbundle", PASS)
    before_merge = models.utcnow()
    with office:
        report = bundle.merge_bundle(bundle.read_bundle(tmp_path / "back.odbundle", PASS))
        assert report.checkins_added == 3 and report.duplicate_admissions == 1 and report.conflicts == ()
        assert report.added == 0  # check-ins are counted apart
        twice = models.CheckIn.select().join(models.Invitee).where(models.Invitee.name == p.name)
        assert {c.device for c in twice} == {"office-pc", "laptop"}
        merged = models.CheckIn.get(models.CheckIn.scan_id == laptop_scan)
        assert merged.scanned_at == scanned and merged.recorded_at >= before_merge  # both times kept
        assert models.CheckIn.select().where(models.CheckIn.undone_at.is_null(False)).count() == 1
        assert bundle.double_admissions(event_id(uuid)) == [models.Invitee.get(models.Invitee.name == p.name).id]
        office_stats = stats(uuid)
        assert office_stats["checked_in"] == 3  # p, q, r: p once
    back = send(office, laptop, uuid, tmp_path / "again.odbundle")
    assert back.checkins_added == 2 and back.duplicate_admissions == 1
    with laptop:
        assert stats(uuid) == office_stats
        laptop_data = user_data(uuid)
    with office:
        assert user_data(uuid) == laptop_data
    office.close()
    laptop.close()


def test_two_laptops_at_two_entrances(tmp_path):
    from db import models
    from desktop_app.demo import create_demo_event
    from desktop_app.services import checkin

    office = Side(tmp_path / "office.sqlite3", "office-pc")
    east, west = Side(tmp_path / "east.sqlite3", "east"), Side(tmp_path / "west.sqlite3", "west")
    with office:
        uuid = create_demo_event(DAY).uuid
    send(office, east, uuid, tmp_path / "east.odbundle")
    send(office, west, uuid, tmp_path / "west.odbundle")
    for side, start in ((east, 0), (west, 3)):
        with side:
            people = _confirmed(event_id(uuid))
            for person in people[start:start + 5]:  # both admit people 3 and 4
                assert checkin.check_in(event_id(uuid), person.id).outcome == "ok"
            _edit(models.Invitee, _invitees(uuid)[start].uuid, notes=f"{side.device} 的备注")
    first = send(east, office, uuid, tmp_path / "east_back.odbundle")
    second = send(west, office, uuid, tmp_path / "west_back.odbundle")
    assert first.conflicts == () and second.conflicts == ()
    assert first.checkins_added == 5 and second.checkins_added == 5 and second.duplicate_admissions == 2
    with office:
        assert stats(uuid)["checked_in"] == 8
        notes = {p.notes for p in _invitees(uuid)} - {""}
        assert notes == {"east 的备注", "west 的备注"}
    for side in (east, west):
        send(office, side, uuid, tmp_path / f"{side.device}_final.odbundle")
    with office:
        expected = user_data(uuid)
    for side in (east, west):
        with side:
            assert user_data(uuid) == expected
    for side in (office, east, west):
        side.close()


# -- idempotence ---------------------------------------------------------------------------------------------------


def _bookkeeping(uuid: str) -> dict:
    from db import models

    S = models.Setting
    return {s.key: s.value for s in S.select().where(S.event == event_id(uuid))}


def test_merging_the_same_bundle_again_changes_nothing(pair, tmp_path):
    from db import models
    from desktop_app import bundle
    from desktop_app.services import checkin

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with laptop:
        checkin.check_in(event_id(uuid), _confirmed(event_id(uuid))[-1].id)
        _edit(models.Invitee, _invitees(uuid)[0].uuid, notes="现场备注")
        bundle.export_bundle(event_id(uuid), tmp_path / "back.odbundle", PASS)
    with office:
        _edit(models.Invitee, _invitees(uuid)[0].uuid, notes="办公室备注")
        opened = bundle.read_bundle(tmp_path / "back.odbundle", PASS)
        first = bundle.merge_bundle(opened)
        assert len(first.conflicts) == 1
        data, kept = user_data(uuid), _bookkeeping(uuid)
        again = bundle.merge_bundle(bundle.read_bundle(tmp_path / "back.odbundle", PASS))
        assert (again.added, again.updated, again.checkins_added, again.conflicts) == (0, 0, 0, ())
        assert again.unchanged == opened.row_count()
        assert user_data(uuid) == data and _bookkeeping(uuid) == kept
        # and merging one's own export back changes nothing either
        bundle.export_bundle(event_id(uuid), tmp_path / "own.odbundle", PASS)
        own = bundle.merge_bundle(bundle.read_bundle(tmp_path / "own.odbundle", PASS))
        assert (own.added, own.updated, own.checkins_added, own.conflicts) == (0, 0, 0, ())
        assert user_data(uuid) == data


def test_an_older_bundle_from_the_same_computer_is_refused(pair, tmp_path):
    from db import models
    from desktop_app import bundle
    from desktop_app.errors import UserError

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with laptop:
        bundle.export_bundle(event_id(uuid), tmp_path / "first.odbundle", PASS)
        _edit(models.Invitee, _invitees(uuid)[0].uuid, notes="后来的备注")
        bundle.export_bundle(event_id(uuid), tmp_path / "second.odbundle", PASS)
    with office:
        bundle.merge_bundle(bundle.read_bundle(tmp_path / "second.odbundle", PASS))
        data, kept = user_data(uuid), _bookkeeping(uuid)
        with pytest.raises(UserError) as refused:
            bundle.merge_bundle(bundle.read_bundle(tmp_path / "first.odbundle", PASS))
        assert "first.odbundle" in str(refused.value) and refused.value.message == bundle.OLDER_BUNDLE
        assert user_data(uuid) == data and _bookkeeping(uuid) == kept


def test_a_laptop_clock_gone_back_does_not_block_its_newer_bundle(pair, tmp_path, monkeypatch):
    from db import models
    from desktop_app import bundle

    office, laptop, uuid = pair
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with laptop:
        bundle.export_bundle(event_id(uuid), tmp_path / "first.odbundle", PASS)
        monkeypatch.setattr(models, "utcnow", lambda: dt.datetime(2000, 1, 1))  # a dead clock battery
        _edit(models.Invitee, _invitees(uuid)[0].uuid, notes="时钟错了也要合并")
        bundle.export_bundle(event_id(uuid), tmp_path / "second.odbundle", PASS)
        monkeypatch.undo()
    with office:
        bundle.merge_bundle(bundle.read_bundle(tmp_path / "first.odbundle", PASS))
        report = bundle.merge_bundle(bundle.read_bundle(tmp_path / "second.odbundle", PASS))
        assert report.updated == 1 and report.conflicts == ()
        assert _invitees(uuid)[0].notes == "时钟错了也要合并"


def test_a_laptop_database_made_again_from_an_old_bundle_takes_nothing_back(pair, tmp_path):
    from db import models
    from desktop_app import bundle
    from desktop_app.services import checkin

    office, laptop, uuid = pair
    stick = tmp_path / "to_venue.odbundle"
    send(office, laptop, uuid, stick)
    with laptop:
        first = checkin.recent(event_id(uuid))[0]
        checkin.undo(first.id, "扫错了")
        person = _invitees(uuid)[0].uuid
        _edit(models.Invitee, person, notes="第一台数据库的备注")
    send(laptop, office, uuid, tmp_path / "back1.odbundle")
    laptop.close()
    # The laptop's database is lost; the coordinator opens the old bundle still on the stick into a new one.
    again = Side(tmp_path / "laptop2.sqlite3", "laptop")
    try:
        with again:
            bundle.merge_bundle(bundle.read_bundle(stick, PASS))
            late = [p for p in checkin.people(event_id(uuid)) if p.checked_in_at is None and p.status == "confirmed"]
            checkin.check_in(event_id(uuid), late[0].id)
        report = send(again, office, uuid, tmp_path / "back2.odbundle")
        assert report.conflicts == () and report.checkins_added == 1
        with office:
            undone = models.CheckIn.select().where(models.CheckIn.undo_reason == "扫错了")
            assert len(undone) == 1 and undone[0].undone_at is not None  # the first database's undo stands
            assert models.Invitee.get(models.Invitee.uuid == person).notes == "第一台数据库的备注"
    finally:
        again.close()


def test_a_different_event_of_the_same_name_is_refused(pair, tmp_path):
    from db import models
    from desktop_app import bundle
    from desktop_app.demo import create_demo_event
    from desktop_app.errors import UserError

    office, laptop, uuid = pair
    with office:
        bundle.export_bundle(event_id(uuid), tmp_path / "out.odbundle", PASS)
    with laptop:
        other = create_demo_event(DAY)  # made here on its own: same title, date and unit, another uuid
        counts = {m: m.select().count() for m in models.ALL_MODELS}
        opened = bundle.read_bundle(tmp_path / "out.odbundle", PASS)
        for attempt in (bundle.preview_merge, bundle.merge_bundle):
            with pytest.raises(UserError) as refused:
                attempt(opened)
            assert refused.value.message == bundle.SAME_NAME and other.title in str(refused.value)
        assert {m: m.select().count() for m in models.ALL_MODELS} == counts


# -- convergence under random edits ----------------------------------------------------------------------------------

TEXT = st.sampled_from(["甲", "乙", "丙"])
EDITS = {("invitee", "notes"): TEXT, ("invitee", "phone"): st.sampled_from(["13900000001", "13900000002"]),
         ("invitee", "status"): st.sampled_from(["confirmed", "waitlisted", "cancelled"]),
         ("suggestion", "reply"): TEXT, ("suggestion", "status"): st.sampled_from(["pending", "answered"]),
         ("staff", "title"): TEXT, ("agenda_item", "notes"): TEXT, ("event", "theme"): TEXT,
         ("meeting_note", "remark"): TEXT, ("photo", "caption"): TEXT, ("survey_answer", "choice"):
             st.sampled_from([0, 1, None])}
SIDE = st.sampled_from(["A", "B"])
STEP = st.one_of(
    st.sampled_from(sorted(EDITS)).flatmap(lambda key: st.tuples(st.just("edit"), SIDE, st.just(key),
                                                                  st.integers(0, 40), EDITS[key])),
    # (a check-in is never deleted: it is derived from the check-in log, and undone by an entry of it)
    st.tuples(st.just("delete"), SIDE, st.sampled_from(["invitee", "suggestion", "meeting_note", "photo",
                                                        "staff"]), st.integers(0, 40)),
    st.tuples(st.just("add"), SIDE, st.sampled_from(["invitee", "meeting_note", "suggestion"]), st.integers(0, 99)),
    st.tuples(st.just("checkin"), SIDE, st.integers(0, 40)),
    st.tuples(st.just("undo"), SIDE, st.integers(0, 40)),
    st.tuples(st.just("setting"), SIDE, st.sampled_from(["test.one", "test.two"]),
              st.one_of(st.none(), st.sampled_from(["1", "2"]))),
    st.tuples(st.just("sync"), SIDE),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A closed database file holding the held demo event and a photo, copied for every example."""
    from desktop_app.demo import create_demo_event

    folder = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENDAY_DATA_DIR", str(folder))
        side = Side(folder / "template.sqlite3", "A")
        with side:
            uuid = create_demo_event(DAY, held=True).uuid
            _add_photo(event_id(uuid))
        side.close()
    return folder / "template.sqlite3", uuid


def _rows(table: str, uuid: str) -> list:
    from desktop_app.bundle import BY_TABLE, _scope

    model = BY_TABLE[table]
    return list(_scope(model, event_id(uuid)).order_by(model.uuid))


def _apply_step(step, uuid: str) -> None:
    from db import models
    from desktop_app import settings as app_settings
    from desktop_app.bundle import BY_TABLE
    from desktop_app.services import checkin

    kind = step[0]
    eid = event_id(uuid)
    if kind == "edit":
        (table, name), index, value = step[2], step[3], step[4]
        rows = _rows(table, uuid)
        if rows:
            row = rows[index % len(rows)]
            setattr(row, name, value)
            row.save()
    elif kind == "delete":
        rows = _rows(step[2], uuid)
        if rows:
            row = rows[step[3] % len(rows)]
            row.deleted = not row.deleted
            row.save()
    elif kind == "add":
        table, n = step[2], step[3]
        model = BY_TABLE[table]
        extra = {"invitee": {"name": f"新人{n}", "status": "confirmed"}, "meeting_note": {"remark": f"发言{n}"},
                 "suggestion": {"topic": f"建议{n}", "content": "内容"}}[table]
        model(event=eid, **extra).save()
    elif kind == "checkin":
        people = [p for p in _rows("invitee", uuid) if not p.deleted]
        if people:
            checkin.check_in(eid, people[step[2] % len(people)].id, admit_anyway=True)
    elif kind == "undo":
        C = models.CheckIn
        active = list(C.select().where((C.event == eid) & (C.deleted == False) & C.undone_at.is_null())  # noqa: E712
                      .order_by(C.scan_id))
        if active:
            checkin.undo(active[step[2] % len(active)].id, "撤销")
    elif kind == "setting":
        key, value = step[2], step[3]
        if value is None:
            models.Setting.delete().where((models.Setting.event == eid) & (models.Setting.key == key)).execute()
        else:
            app_settings.set(key, value, eid)


def _transfer(src: Side, dst: Side, uuid: str):
    from desktop_app import bundle

    with src:
        payload = bundle.event_payload(event_id(uuid))
        sealed = bundle.seal(payload, PASS)
        bundle.record_export(event_id(uuid), payload, Path("memory"), len(sealed))
    with dst:
        return bundle.merge_bundle(bundle.Bundle(None, bundle.unseal(sealed, PASS)))


ONE_SIDED = STEP.filter(lambda step: step[0] != "sync")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, max_size=30), later=st.lists(ONE_SIDED, max_size=8), editor=SIDE, first=SIDE)
def test_random_edits_on_two_copies_converge(template, monkeypatch, steps, later, editor, first):
    """Random edits on both copies with exchanges in between; A→B then B→A leaves both the same. After that
    full round, edits on one side only merge without a conflict whichever way they go first."""
    from desktop_app import bundle

    monkeypatch.setattr(bundle.container, "SCRYPT_LOG2_N", 4)  # speed only: the file format is the same
    monkeypatch.setattr(bundle.container, "SCRYPT_LIMITS", ((4, 18), (1, 8), (1, 2)))
    source, uuid = template
    folder = Path(tempfile.mkdtemp(prefix="converge"))
    try:
        shutil.copy(source, folder / "a.sqlite3")
        a, b = Side(folder / "a.sqlite3", "A"), Side(folder / "b.sqlite3", "B")
        try:
            _transfer(a, b, uuid)
            sides = {"A": a, "B": b}
            for step in steps:
                if step[0] == "sync":
                    _transfer(sides[step[1]], sides["B" if step[1] == "A" else "A"], uuid)
                else:
                    with sides[step[1]]:
                        _apply_step(step, uuid)
            _transfer(a, b, uuid)
            _transfer(b, a, uuid)
            with a:
                data_a, stats_a = user_data(uuid), stats(uuid)
            with b:
                data_b, stats_b = user_data(uuid), stats(uuid)
            assert data_a == data_b
            assert stats_a == stats_b
            again = _transfer(a, b, uuid)
            assert (again.added, again.updated, again.checkins_added, again.conflicts) == (0, 0, 0, ())

            with sides[editor]:
                for step in later:
                    _apply_step(step, uuid)
            other = "B" if first == "A" else "A"
            assert _transfer(sides[first], sides[other], uuid).conflicts == ()
            assert _transfer(sides[other], sides[first], uuid).conflicts == ()
            with a:
                data_a = user_data(uuid)
            with b:
                assert user_data(uuid) == data_a
        finally:
            a.close()
            b.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- refusals ------------------------------------------------------------------------------------------------------


@pytest.fixture
def sealed(pair, tmp_path):
    from desktop_app import bundle

    office, _laptop, uuid = pair
    path = tmp_path / "out.odbundle"
    with office:
        bundle.export_bundle(event_id(uuid), path, PASS)
    return path


def _refused(path: Path, passphrase: str = PASS) -> str:
    from desktop_app import bundle
    from desktop_app.errors import UserError

    with pytest.raises(UserError) as refused:
        bundle.read_bundle(path, passphrase)
    return refused.value.message


def test_wrong_passphrase_truncation_and_flipped_bytes_are_refused(sealed, tmp_path):
    from desktop_app import bundle

    data = sealed.read_bytes()
    assert _refused(sealed, PASS + "x") == bundle.WRONG_PASSPHRASE
    damaged = tmp_path / "damaged.odbundle"
    for cut in (0, 5, bundle.HEADER_BYTES - 1):
        damaged.write_bytes(data[:cut])
        assert _refused(damaged) == bundle.NOT_A_BUNDLE, cut
    for cut in (bundle.HEADER_BYTES, bundle.HEADER_BYTES + 10, len(data) // 2, len(data) - 1):
        damaged.write_bytes(data[:cut])
        assert _refused(damaged) == bundle.WRONG_PASSPHRASE, cut
    for position in (0, len(bundle.MAGIC) + 1, len(bundle.MAGIC) + 20, bundle.HEADER_BYTES, len(data) // 2,
                     len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        damaged.write_bytes(bytes(flipped))
        expected = bundle.NOT_A_BUNDLE if position < len(bundle.MAGIC) else bundle.WRONG_PASSPHRASE
        assert _refused(damaged) == expected, position
    assert _refused(tmp_path / "missing.odbundle") == bundle.READ_FAILED
    not_a_bundle = tmp_path / "notes.odbundle"
    not_a_bundle.write_text("这不是一个活动包" * 20, encoding="utf-8")
    assert _refused(not_a_bundle) == bundle.NOT_A_BUNDLE


def test_a_bundle_of_a_newer_version_is_refused(sealed, tmp_path):
    from db import migrations
    from desktop_app import bundle

    data = bytearray(sealed.read_bytes())
    data[len(bundle.MAGIC)] = bundle.FORMAT + 1
    newer = tmp_path / "newer.odbundle"
    newer.write_bytes(bytes(data))
    assert _refused(newer) == bundle.NEWER_VERSION
    payload = bundle.unseal(sealed.read_bytes(), PASS)
    assert payload["schema"] == migrations.data_version()  # the rows' shape, not the latest index
    for change in ({"format": bundle.FORMAT + 1}, {"schema": 999},
                   {"tables": {**payload["tables"], "future_table": []}}):
        newer.write_bytes(bundle.seal({**payload, **change}, PASS))
        assert _refused(newer) == bundle.NEWER_VERSION, change
    rows = [dict(r, future_field=1) if i == 0 else r for i, r in enumerate(payload["tables"]["invitee"])]
    newer.write_bytes(bundle.seal({**payload, "tables": {**payload["tables"], "invitee": rows}}, PASS))
    assert _refused(newer) == bundle.NEWER_VERSION


def test_a_bundle_with_invalid_content_is_refused(sealed, tmp_path):
    from desktop_app import bundle

    payload = bundle.unseal(sealed.read_bytes(), PASS)
    bad = tmp_path / "bad.odbundle"
    invitees = payload["tables"]["invitee"]
    for tables in ({**payload["tables"], "invitee": [dict(invitees[0], name=None)] + invitees[1:]},
                   {**payload["tables"], "invitee": [dict(invitees[0], category="0" * 32)] + invitees[1:]},
                   {**payload["tables"], "event": []}):
        bad.write_bytes(bundle.seal({**payload, "tables": tables}, PASS))
        try:
            opened = bundle.read_bundle(bad, PASS)
        except Exception as exc:  # noqa: BLE001 - the check under test
            assert getattr(exc, "message", None) == bundle.DAMAGED, exc
            continue
        from desktop_app.errors import UserError

        with pytest.raises(UserError) as refused:
            bundle.preview_merge(opened)  # a reference to a row the bundle does not carry
        assert refused.value.message == bundle.DAMAGED


def test_a_bundle_holding_a_lone_surrogate_is_refused_naming_table_row_and_field(sealed, tmp_path, monkeypatch):
    import json

    from desktop_app import bundle

    payload = bundle.unseal(sealed.read_bytes(), PASS)
    invitees = payload["tables"]["invitee"]
    tables = {**payload["tables"], "invitee": invitees[:2] + [dict(invitees[2], organisation="某\ud800单位")]
              + invitees[3:]}
    # Written as JSON escapes (\ud800), as a hand-made or damaged bundle may carry it.
    monkeypatch.setattr(bundle.container, "_dumps", lambda value, default=None: json.dumps(value, default=default))
    bad = tmp_path / "surrogate.odbundle"
    bad.write_bytes(bundle.seal({**payload, "tables": tables}, PASS))
    monkeypatch.undo()
    from desktop_app.errors import UserError

    with pytest.raises(UserError) as refused:
        bundle.read_bundle(bad, PASS)
    assert refused.value.message == bundle.DAMAGED
    assert "invitee #3 organisation" in str(refused.value) and "D800" in str(refused.value)


def test_passphrase_rules():
    from desktop_app import bundle
    from desktop_app.errors import UserError

    with pytest.raises(UserError) as short:
        bundle.check_passphrase("1234567")
    assert short.value.message == bundle.TOO_SHORT
    with pytest.raises(UserError) as differ:
        bundle.check_passphrase("12345678", "12345679")
    assert differ.value.message == bundle.MISMATCH
    bundle.check_passphrase("12345678", "12345678")
    assert bundle.default_file_name("开放日：审批/服务?", DAY) == "2026-12-20_开放日：审批_服务.odbundle"


def test_an_unwritable_target_is_refused_and_nothing_half_written(pair, tmp_path):
    from desktop_app import bundle
    from desktop_app.errors import UserError

    office, _laptop, uuid = pair
    folder = tmp_path / "folder.odbundle"
    folder.mkdir()
    with office, pytest.raises(UserError) as refused:
        bundle.export_bundle(event_id(uuid), folder, PASS)
    assert refused.value.message == bundle.WRITE_FAILED and str(folder) in str(refused.value)
    assert list(tmp_path.glob(".*partial")) == []


# -- the audit log ---------------------------------------------------------------------------------------------------


def test_exports_and_merges_are_audited_without_personal_data(pair, tmp_path):
    from desktop_app.services import audit

    office, laptop, uuid = pair
    with office:
        names = [p.name for p in _invitees(uuid)]
    send(office, laptop, uuid, tmp_path / "out.odbundle")
    with office:
        exported = [e for e in audit.entries(event_id(uuid)) if e.action == "bundle.export"]
    with laptop:
        merged = [e for e in audit.entries(event_id(uuid)) if e.action == "bundle.merge"]
    assert len(exported) == 1 and "30 invitees" in exported[0].summary and "20 check-ins" in exported[0].summary
    assert len(merged) == 1 and "check-ins added 20" in merged[0].summary and "(new event)" in merged[0].summary
    for entry in exported + merged:
        assert entry.actor is not None and entry.at is not None
        assert not any(name in entry.summary for name in names)
        assert PASS not in entry.summary


# -- the command line ------------------------------------------------------------------------------------------------


def _cli(env: dict, *args: str, stdin: str | None = None):
    result = run_cli(*[str(a) for a in args], stdin=stdin, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_walk_through_office_to_laptop_and_back(tmp_path):
    office_env = {"OPENDAY_DATA_DIR": str(tmp_path / "office-data"), "BUNDLE_PASS": PASS}
    laptop_env = {"OPENDAY_DATA_DIR": str(tmp_path / "laptop-data"), "BUNDLE_PASS": PASS}
    office, laptop, stick = tmp_path / "office.sqlite3", tmp_path / "laptop.sqlite3", tmp_path / "stick"
    stick.mkdir()
    # On the event's day: the scans are arrivals, which stats counts (before the day they would be a rehearsal).
    office_id = _cli(office_env, "demo", "--db", office, "--date", dt.date.today().isoformat()).strip()
    written = json.loads(_cli(office_env, "bundle", "export", "--db", office, "--event", office_id, "--out",
                              stick / "to_venue.odbundle", "--passphrase-env", "BUNDLE_PASS", "--json"))
    assert written == {"file": str(stick / "to_venue.odbundle"), "bytes": (stick / "to_venue.odbundle").stat().st_size}

    assert not laptop.exists()
    opened = json.loads(_cli(laptop_env, "bundle", "merge", "--db", laptop, stick / "to_venue.odbundle",
                             "--passphrase-env", "BUNDLE_PASS", "--json"))
    assert opened["added"] > 50 and opened["updated"] == 0 and opened["conflicts"] == []
    laptop_events = json.loads(_cli(laptop_env, "events", "--db", laptop, "--json"))
    office_events = json.loads(_cli(office_env, "events", "--db", office, "--json"))
    assert [e["uuid"] for e in laptop_events] == [e["uuid"] for e in office_events] == [opened["event"]]
    laptop_id = str(laptop_events[0]["id"])

    with sqlite3.connect(laptop) as conn:
        codes = [row[0] for row in conn.execute("SELECT pass_code FROM invitee WHERE status = 'confirmed' "
                                                "AND deleted = 0 ORDER BY id LIMIT 12")]
    conn.close()
    # Meanwhile at the office: one person received there, and the event's theme refined.
    assert _cli(office_env, "checkin", "--db", office, "--event", office_id, "--codes", "-",
                stdin=codes[0] + "\n").split() == ["ok", codes[0]]
    with sqlite3.connect(office) as conn:
        conn.execute("UPDATE event SET theme = '优化营商环境', updated_at = '2026-12-19 08:00:00'")
    conn.close()
    # At the venue, offline: ten people admitted, the office's guest among them.
    lines = _cli(laptop_env, "checkin", "--db", laptop, "--event", laptop_id, "--codes", "-",
                 stdin="\n".join(codes[:10]) + "\n").splitlines()
    assert lines == [f"ok {code}" for code in codes[:10]]
    _cli(laptop_env, "bundle", "export", "--db", laptop, "--event", laptop_id, "--out", stick / "from_venue.odbundle",
         "--passphrase-env", "BUNDLE_PASS")

    merged = json.loads(_cli(office_env, "bundle", "merge", "--db", office, stick / "from_venue.odbundle",
                             "--passphrase-env", "BUNDLE_PASS", "--json"))
    assert merged["event"] == opened["event"]
    assert merged["checkins_added"] == 10 and merged["duplicate_admissions"] == 1 and merged["conflicts"] == []
    office_stats = json.loads(_cli(office_env, "stats", "--db", office, "--event", office_id, "--json"))
    laptop_stats = json.loads(_cli(laptop_env, "stats", "--db", laptop, "--event", laptop_id, "--json"))
    assert office_stats == laptop_stats and office_stats["checked_in"] == 10
    theme = sqlite3.connect(office).execute("SELECT theme FROM event").fetchone()[0]
    assert theme == "优化营商环境"  # the office's own edit is still there

    again = json.loads(_cli(office_env, "bundle", "merge", "--db", office, stick / "from_venue.odbundle",
                            "--passphrase-env", "BUNDLE_PASS", "--json"))
    assert (again["added"], again["updated"], again["checkins_added"], again["conflicts"]) == (0, 0, 0, [])


def test_cli_refusals_are_one_line_and_write_nothing(demo_db, tmp_path):
    env = {"BUNDLE_PASS": PASS, "SHORT": "1234"}
    out = tmp_path / "out.odbundle"

    def refused(*args, stdin=None):
        result = run_cli(*[str(a) for a in args], stdin=stdin, env=env)
        assert result.returncode == 1, (result.stdout, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        return result.stderr

    refused("bundle", "export", "--db", demo_db, "--event", "1", "--out", out, stdin="")  # no terminal to type on
    refused("bundle", "export", "--db", demo_db, "--event", "1", "--out", out, "--passphrase-env", "SHORT")
    refused("bundle", "export", "--db", demo_db, "--event", "1", "--out", out, "--passphrase-env", "UNSET_VAR")
    refused("bundle", "export", "--db", demo_db, "--event", "99", "--out", out, "--passphrase-env", "BUNDLE_PASS")
    assert not out.exists()
    _cli(env, "bundle", "export", "--db", demo_db, "--event", "1", "--out", out, "--passphrase-env", "BUNDLE_PASS")
    fresh = tmp_path / "fresh.sqlite3"
    env["WRONG"] = PASS + "!"
    assert str(out) in refused("bundle", "merge", "--db", fresh, out, "--passphrase-env", "WRONG", "--json")
    data = out.read_bytes()
    out.write_bytes(data[:-100])
    refused("bundle", "merge", "--db", fresh, out, "--passphrase-env", "BUNDLE_PASS", "--json")
    assert not fresh.exists()  # a refused bundle creates no database
    out.write_bytes(data)
    digest = demo_db.read_bytes()
    other = tmp_path / "other.sqlite3"
    assert run_cli("demo", "--db", str(other), "--date", "2026-12-20").returncode == 0
    before = other.read_bytes()
    refused("bundle", "merge", "--db", other, out, "--passphrase-env", "BUNDLE_PASS", "--json")  # same name
    assert other.read_bytes() == before and demo_db.read_bytes() == digest
    usage = run_cli("bundle", "merge", "--db", str(fresh))
    assert usage.returncode == 2


# -- the dialogs -----------------------------------------------------------------------------------------------------


def test_passphrase_dialog_refuses_short_and_different_passphrases(qtbot):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from ui.bundle import PassphraseDialog

    dialog = PassphraseDialog(None, confirm=True, file_name="x.odbundle")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "8" in dialog.message.text()
    dialog.passphrase.setText("long enough 1")
    dialog.repeat.setText("long enough 2")
    ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.message.text()
    dialog.repeat.setText("long enough 1")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.value() == "long enough 1"

    once = PassphraseDialog(None, confirm=False, file_name="x.odbundle")
    qtbot.addWidget(once)
    assert once.repeat.isHidden()
    once.passphrase.setText(PASS)
    once.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert once.result() == QDialog.DialogCode.Accepted


def test_conflict_dialog_chooses_per_field_and_all_at_once(qtbot):
    from desktop_app.bundle import Conflict, MergeReport
    from ui.bundle import ConflictDialog

    report = MergeReport("e" * 32, 1, "开放日", False, 0, 0, 10, (
        Conflict("invitee", "a" * 32, ("notes", "organisation"), "王伟", {"notes": "甲", "organisation": "县一中"},
                 {"notes": "乙", "organisation": "县二中"}),
        Conflict("setting", "summary.report", ("value",), "summary.report", {"value": None}, {"value": "{}"}),
    ), 0, 0)
    dialog = ConflictDialog(None, report)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 1).text() == "王伟" and dialog.table.item(0, 4).text() == "乙"
    assert set(dialog.choices().values()) == {"mine"}
    dialog.all_theirs.click()
    assert set(dialog.choices().values()) == {"theirs"}
    dialog.choose(1, "mine")
    assert dialog.choices() == {("invitee", "a" * 32, "notes"): "theirs",
                                ("invitee", "a" * 32, "organisation"): "mine",
                                ("setting", "summary.report", "value"): "theirs"}
    dialog.all_mine.click()
    assert set(dialog.choices().values()) == {"mine"}


def test_export_and_open_on_a_fresh_laptop_through_the_window(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app.services import audit
    from desktop_app.workspace import open_workspace
    from ui import bundle as ui_bundle
    from ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append("warning: " + text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ui_bundle.PassphraseDialog, "ask", classmethod(lambda cls, parent, **k: PASS))
    target = tmp_path / "stick" / "to_venue"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.open_demo_event(held=True)
    title = window.switcher.currentText()
    ui_bundle.export_to_laptop(window, window.current_event_id)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    written = target.with_name("to_venue.odbundle")
    assert written.exists() and str(written) in shown[0]
    assert [e.action for e in audit.entries(window.current_event_id)][0] == "bundle.export"

    ws = open_workspace(tmp_path / "laptop.sqlite3", lock=True)
    laptop = MainWindow(ws)
    qtbot.addWidget(laptop)
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
        shown.clear()
        ui_bundle.import_or_merge(laptop)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        assert not shown[0].startswith("warning"), shown[0]
        assert laptop.switcher.count() == 1 and laptop.switcher.currentText() == title
        shown.clear()
        ui_bundle.import_or_merge(laptop)  # the same file again: nothing to do
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        assert "to_venue.odbundle" in shown[0] and not shown[0].startswith("warning")
        monkeypatch.setattr(ui_bundle.PassphraseDialog, "ask", classmethod(lambda cls, parent, **k: "wrong pass"))
        shown.clear()
        ui_bundle.import_or_merge(laptop)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        assert shown[0].startswith("warning") and "to_venue.odbundle" in shown[0]
    finally:
        laptop.close()
        ws.close()


@pytest.fixture
def window(qapp, qtbot, db_path):
    from desktop_app.workspace import open_workspace
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(qapp, "zh_CN")
    ws = open_workspace(db_path, lock=True)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.workspace.close()


def test_the_key_is_the_scrypt_key_bundles_were_written_with():
    """The derivation moved from ``cryptography`` to ``hashlib`` (which lets the window run meanwhile): the same
    passphrase and parameters give the same key, so every bundle written before still opens."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    from desktop_app import bundle

    salt = bytes(range(16))
    for log2_n, r, p in ((14, 8, 1), bundle.container.FORMAT_1_SCRYPT, (14, 4, 2)):
        expected = Scrypt(salt=salt, length=bundle.KEY_BYTES, n=2**log2_n, r=r, p=p).derive("开放日 2026".encode())
        assert bundle.container._derive("开放日 2026", salt, log2_n, r, p) == expected


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.text(max_size=6), children, max_size=4), max_leaves=30))
def test_the_json_written_and_read_a_row_at_a_time_is_the_json_of_one_call(value):
    """The bundle's JSON goes through the encoder a row at a time and the decoder with a hook at each object
    (so the window's thread can run meanwhile): the same text and the same values as one call."""
    from desktop_app import bundle

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert bundle.container._dumps(value) == text
    assert bundle.container._loads(text) == json.loads(text)


def test_the_laptop_sends_the_day_back_to_the_office_not_to_itself(window, qtbot, monkeypatch, tmp_path):
    """Issue 32: the laptop's own export said “在现场电脑上选择…”, which is where it already is."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

    from desktop_app.workspace import open_workspace
    from ui import bundle as ui_bundle
    from ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(ui_bundle.PassphraseDialog, "ask", classmethod(lambda cls, parent, **k: PASS))
    to_venue, back = tmp_path / "to_venue.odbundle", tmp_path / "back.odbundle"

    def export_from_the_menu(win, target: Path) -> tuple[str, str]:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        shown.clear()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # 文件(F)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        key = win.bundle_export_action.text().split("&")[1][0].upper()  # the action's own mnemonic
        qtbot.keyClick(menu, getattr(Qt.Key, f"Key_{key}"))
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        return shown[0]

    def tr(text: str) -> str:
        return QCoreApplication.translate("BundleTransfer", text)

    on_the_laptop = tr("On the venue laptop choose File ▸ Import or merge from file… and type the passphrase. "
                       "Bring a bundle back the same way to merge the day into this computer.")
    to_the_office = tr("On the office computer choose File ▸ Import or merge from file… and type the passphrase: "
                       "the day's check-ins, notes and photos are merged into its copy of the event.")
    window.open_demo_event(held=True)
    _title, text = export_from_the_menu(window, to_venue)
    assert on_the_laptop in text and to_the_office not in text

    ws = open_workspace(tmp_path / "laptop.sqlite3", lock=True)
    laptop = MainWindow(ws)
    qtbot.addWidget(laptop)
    laptop.show()
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(to_venue), ""))
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        shown.clear()
        ui_bundle.import_or_merge(laptop)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        title, text = export_from_the_menu(laptop, back)
        assert back.exists()
        assert to_the_office in text and on_the_laptop not in text, text
        assert title == tr("Export for the office computer")
    finally:
        laptop.close()
        ws.close()
