"""The check-in log: immutable entries, attendance derived from them, the exchange of "every entry of device D
after sequence N" (repeated or cut short, each entry arrives once), USB bundles and log exchanges mixed between
three devices, the clock of a device placed by the log, and bundles of the released version."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from . import test_sync_property as sync_property
from .test_bundle import PASS, Side, _transfer, event_id, send, stats, user_data
from .test_sync_property import DEVICES, WALK_INS, _attendance, _step, _walk_in_people

DAY = dt.date(2026, 12, 20)
today_event = sync_property.today_event  # the fixture: the demo event held today, in a module's folder


def _exchange(src: Side, dst: Side, uuid: str, *, limit: int | None = None, offsets=None):
    """What the hub and a device do over the network: ``dst`` says what it holds, ``src`` sends what it lacks
    (at most ``limit`` entries), ``dst`` receives them."""
    from desktop_app.bundle import log

    with dst:
        held = log.cursors(event_id(uuid))
    with src:
        entries = log.entries_after(event_id(uuid), held, limit)
    with dst:
        return log.receive(event_id(uuid), entries, offsets_found=offsets, source=src.device)


@pytest.fixture
def office_and_laptop(tmp_path):
    from desktop_app.demo import create_demo_event

    office, laptop = Side(tmp_path / "office.sqlite3", "office-pc"), Side(tmp_path / "laptop.sqlite3", "laptop")
    with office:
        uuid = create_demo_event(DAY).uuid
    send(office, laptop, uuid, tmp_path / "to_laptop.odbundle")
    yield office, laptop, uuid
    office.close()
    laptop.close()


def _confirmed_ids(uuid: str) -> list[int]:
    from desktop_app.services import checkin

    return [p.id for p in checkin.people(event_id(uuid)) if p.status == "confirmed"]


def test_an_undo_is_an_entry_and_no_entry_is_ever_changed(office_and_laptop):
    from db import models
    from desktop_app.bundle import log
    from desktop_app.services import checkin

    office, _laptop, uuid = office_and_laptop
    with office:
        eid = event_id(uuid)
        first, second = _confirmed_ids(uuid)[:2]
        checkin.check_in(eid, first)
        checkin.check_in(eid, second)
        before = [log._row(e) for e in models.CheckinEntry.select().order_by(models.CheckinEntry.id)]
        checkin.undo_last(eid, "扫错了人")
        after = [log._row(e) for e in models.CheckinEntry.select().order_by(models.CheckinEntry.id)]
        assert after[:len(before)] == before  # appended to, never changed
        undo = after[-1]
        assert undo["kind"] == "undo" and undo["target"] == before[-1]["uuid"] and undo["reason"] == "扫错了人"
        assert [e["seq"] for e in after] == [1, 2, 3] and len({e["hlc"] for e in after}) == 3
        assert sorted(e["hlc"] for e in after) == [e["hlc"] for e in after]  # stamped in the order taken
        assert stats(uuid)["checked_in"] == 1
        assert checkin.check_in(eid, second).outcome == "ok"  # undone, then admitted again: a new entry
        assert models.CheckinEntry.select().count() == 4 and stats(uuid)["checked_in"] == 2


def test_the_exchange_delivers_each_entry_once_when_repeated_or_cut_short(office_and_laptop):
    from db import models
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    with laptop:
        for person in _confirmed_ids(uuid)[:7]:
            checkin.check_in(event_id(uuid), person)
    with office:
        checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[10])
    got = [_exchange(laptop, office, uuid, limit=3).added for _ in range(4)]  # cut short three times
    assert got == [3, 3, 1, 0]
    assert _exchange(office, laptop, uuid).added == 1
    assert _exchange(office, laptop, uuid).added == 0 and _exchange(laptop, office, uuid).added == 0
    for side in (office, laptop):
        with side:
            assert models.CheckinEntry.select().count() == 8
            assert stats(uuid)["checked_in"] == 8
            assert models.CheckIn.select().count() == 8


def test_a_pass_shown_again_says_whether_it_was_first_shown_at_another_door(office_and_laptop):
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    first, second = _confirmed_ids(uuid)[:2]
    with laptop:
        assert checkin.check_in(event_id(uuid), first).outcome == "ok"
    with office:
        assert checkin.check_in(event_id(uuid), second).outcome == "ok"
    _exchange(laptop, office, uuid)
    with office:
        again = checkin.check_in(event_id(uuid), first)
        assert (again.outcome, again.elsewhere) == ("again", True)  # the laptop's door took it
        again = checkin.check_in(event_id(uuid), second)
        assert (again.outcome, again.elsewhere) == ("again", False)


def test_an_undo_arriving_before_the_entry_it_undoes_still_undoes_it(office_and_laptop):
    from db import models
    from desktop_app.bundle import log
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    with laptop:
        checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[0])
        checkin.undo_last(event_id(uuid), "重复")
        entry, undo = log.entries_after(event_id(uuid), {})
    with office:
        log.receive(event_id(uuid), [undo], source="laptop")
        assert stats(uuid)["checked_in"] == 0
        log.receive(event_id(uuid), [entry], source="laptop")
        assert stats(uuid)["checked_in"] == 0
        (row,) = models.CheckIn.select()
        assert row.undone_at is not None and row.undo_reason == "重复"


def test_bad_entries_are_refused_whole_naming_the_entry_and_field(office_and_laptop):
    from db import models
    from desktop_app.bundle import log
    from desktop_app.errors import UserError
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    with laptop:
        checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[0])
        checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[1])
        good = log.entries_after(event_id(uuid), {})
    for field, value in (("kind", "delete"), ("seq", -1), ("hlc", "yesterday"), ("wall_at", "soon"),
                         ("reason", "\ud800"), ("uuid", "")):
        with office:
            bad = [dict(good[0]), {**good[1], field: value}]
            with pytest.raises(UserError) as refused:
                log.receive(event_id(uuid), bad, source="laptop")
            assert "2" in str(refused.value) and field in str(refused.value)
            assert models.CheckinEntry.select().count() == 0  # nothing of it taken


def test_a_bundle_of_the_released_version_still_opens_and_merges(tmp_path, office_and_laptop):
    """The released version sent check_in rows (schema 3, no log): they merge and become entries."""
    from db import models
    from desktop_app import bundle
    from desktop_app.bundle import log
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    with laptop:
        eid = event_id(uuid)
        for person in _confirmed_ids(uuid)[:3]:
            checkin.check_in(eid, person)
        checkin.undo_last(eid, "扫错了人")
        payload = bundle.event_payload(eid)
        check_ins = [bundle.rows.encoded_row(models.CheckIn, c.id) for c in models.CheckIn.select()]
    payload.pop("checkin_log")
    payload.pop("clock_offsets")
    payload["schema"] = 3
    payload["tables"]["check_in"] = check_ins
    for row in payload["tables"]["invitee"]:
        row.pop("merged_into")
    with office:
        report = bundle.merge_bundle(bundle.Bundle(None, bundle.validation.checked(payload, "old.odbundle")))
        assert report.checkins_added == 3 and report.conflicts == ()
        assert stats(uuid)["checked_in"] == 2
        E = models.CheckinEntry
        assert E.select().where(E.kind == "entry").count() == 3 and E.select().where(E.kind == "undo").count() == 1
        assert log.cursors(event_id(uuid)) == {"laptop": 0}
    # and what the office sends back now carries them as the log, which the laptop already holds
    assert _exchange(office, laptop, uuid).added == 0
    with laptop:
        assert stats(uuid)["checked_in"] == 2


def test_a_device_a_year_behind_is_placed_on_the_day_by_the_exchange(office_and_laptop):
    """Over the log exchange: the hub (the office) measures the device's clock a year behind and places its
    entries by it; a device that learnt its own offset stamps its scans on the venue's day."""
    from db import models
    from desktop_app.bundle import log
    from desktop_app.services import checkin, counts

    office, laptop, uuid = office_and_laptop
    year = dt.timedelta(days=365).total_seconds()
    real_now = dt.datetime.combine(DAY, dt.time(1, 30))
    behind = real_now - dt.timedelta(days=365)
    with laptop:
        models.utcnow = lambda: behind  # noqa: B023 - the laptop's clock, during its scans
        try:
            for person in _confirmed_ids(uuid)[:3]:
                checkin.check_in(event_id(uuid), person)
        finally:
            models.utcnow = _real_utcnow
    _exchange(laptop, office, uuid, offsets={"laptop": -year})
    with office:
        arrived, early = counts.arrivals(event_id(uuid), DAY)
        assert len(arrived) == 3 and not early  # on the day, not "before the day"
    with laptop:
        log.set_own_offset(event_id(uuid), -year)
        models.utcnow = lambda: behind + dt.timedelta(minutes=5)  # noqa: B023
        try:
            checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[5])
        finally:
            models.utcnow = _real_utcnow
        newest = models.CheckIn.select().order_by(models.CheckIn.id.desc()).first()
        assert newest.scanned_at.date() == DAY  # stamped by its clock as corrected
    _exchange(laptop, office, uuid)
    with office:
        arrived, early = counts.arrivals(event_id(uuid), DAY)
        assert len(arrived) == 4 and not early


from db import models as _models  # noqa: E402

_real_utcnow = _models.utcnow


# -- three devices, the exchange and USB bundles mixed ---------------------------------------------------------------

MIXED = st.one_of(
    st.tuples(st.just("scan"), st.sampled_from(DEVICES), st.integers(0, 11)),
    st.tuples(st.just("undo"), st.sampled_from(DEVICES), st.integers(0, 5)),
    st.tuples(st.just("walk_in"), st.sampled_from(DEVICES), st.integers(0, len(WALK_INS) - 1)),
    st.tuples(st.just("sync"), st.sampled_from(DEVICES), st.sampled_from(DEVICES)),
    st.tuples(st.just("net"), st.sampled_from(DEVICES), st.sampled_from(DEVICES), st.sampled_from([None, 1, 2]),
              st.booleans()),
)


@settings(max_examples=20, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),  # (no shrinking:
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # minutes a step)
@given(steps=st.lists(MIXED, max_size=30))
def test_three_devices_over_usb_and_the_network_mixed_end_with_one_attendance(today_event, monkeypatch, steps):
    """Random scans, undos and walk-ins on three devices; between them, bundles and log exchanges (cut short
    at random, repeated at random) in any order. Every device ends with the attendance one device replaying
    every action would have, after exchanges alone (the network) and after a round of bundles too; a walk-in
    registered on several devices is one person."""
    from desktop_app import bundle

    monkeypatch.setattr(bundle.container, "SCRYPT_LOG2_N", 4)  # speed only: the file format is the same
    monkeypatch.setattr(bundle.container, "SCRYPT_LIMITS", ((4, 18), (1, 8), (1, 2)))
    source, uuid = today_event
    folder = Path(tempfile.mkdtemp(prefix="mixed"))
    sides: dict[str, Side] = {}
    try:
        shutil.copy(source, folder / "O.sqlite3")
        sides = {name: Side(folder / f"{name}.sqlite3", name) for name in DEVICES}
        _transfer(sides["O"], sides["E"], uuid)
        _transfer(sides["O"], sides["W"], uuid)
        admitted: dict[str, tuple[str, bool]] = {}
        for step in steps:
            if step[0] in ("sync", "net"):
                if step[1] != step[2]:
                    if step[0] == "sync":
                        _transfer(sides[step[1]], sides[step[2]], uuid)
                    else:
                        for _ in range(2 if step[4] else 1):  # delivered twice: nothing twice
                            _exchange(sides[step[1]], sides[step[2]], uuid, limit=step[3])
                continue
            with sides[step[1]]:
                _step(step, sides[step[1]], uuid, admitted)
        expected = {who for who, still in admitted.values() if still}
        for _round in range(2):  # the network alone: every device with the hub (the office) and back
            for name in ("E", "W"):
                _exchange(sides[name], sides["O"], uuid)
                _exchange(sides["O"], sides[name], uuid)
        for name in DEVICES:
            with sides[name]:
                assert _attendance(uuid) == expected, name
        for _round in range(2):  # and the rows by USB through the office
            for name in ("E", "W"):
                _transfer(sides[name], sides["O"], uuid)
            for name in ("E", "W"):
                _transfer(sides["O"], sides[name], uuid)
        with sides["O"]:
            data = user_data(uuid)
            assert _attendance(uuid) == expected
            walk_ins = _walk_in_people(uuid)
            assert len(walk_ins) == len(set(walk_ins))
        for name in ("E", "W"):
            with sides[name]:
                assert user_data(uuid) == data
                assert _attendance(uuid) == expected
    finally:
        for side in sides.values():
            side.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_bundle_carries_the_log_not_the_derived_check_ins(office_and_laptop, tmp_path):
    from desktop_app import bundle
    from desktop_app.services import checkin

    office, laptop, uuid = office_and_laptop
    with laptop:
        checkin.check_in(event_id(uuid), _confirmed_ids(uuid)[0])
        payload = bundle.event_payload(event_id(uuid))
    assert "check_in" not in payload["tables"]
    assert [(e["device"], e["seq"], e["kind"]) for e in payload["checkin_log"]] == [("laptop", 1, "entry")]
    path = tmp_path / "back.odbundle"
    report = send(laptop, office, uuid, path)
    assert report.checkins_added == 1
    assert bundle.read_bundle(path, PASS).row_count() == report.added + report.updated + report.unchanged + 1
