"""Three devices over USB in any order: random scans, undos and walk-ins (the same walk-in on several devices
among them), bundles carried between any two devices at random moments. After a last round through the office,
every device shows the same data and the same attendance, equal to replaying every admission and undo once."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_bundle import Side, _transfer, event_id, user_data

DEVICES = ("O", "E", "W")
WALK_INS = (("马建国", (1968, 3, 9), 317, "13912345678"), ("李秀兰", (1970, 5, 1), 211, "13812345670"))
STEP = st.one_of(
    st.tuples(st.just("scan"), st.sampled_from(DEVICES), st.integers(0, 11)),
    st.tuples(st.just("undo"), st.sampled_from(DEVICES), st.integers(0, 5)),
    st.tuples(st.just("walk_in"), st.sampled_from(DEVICES), st.integers(0, len(WALK_INS) - 1)),
    st.tuples(st.just("sync"), st.sampled_from(DEVICES), st.sampled_from(DEVICES)),
)


@pytest.fixture(scope="module")
def today_event(tmp_path_factory):
    from desktop_app.demo import create_demo_event

    folder = tmp_path_factory.mktemp("three")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENDAY_DATA_DIR", str(folder))
        side = Side(folder / "office.sqlite3", "O")
        with side:
            uuid = create_demo_event(dt.date.today()).uuid
        side.close()
    return folder / "office.sqlite3", uuid


def _identity(checkin) -> str:
    from desktop_app.domain.roster import WALK_IN_SOURCE

    person = checkin.invitee
    return person.id_number if person.source == WALK_IN_SOURCE else person.pass_code


def _attendance(uuid: str) -> set[str]:
    from db import models

    C = models.CheckIn
    return {_identity(c) for c in C.select().where((C.event == event_id(uuid)) & (C.deleted == False)  # noqa: E712
                                                   & C.undone_at.is_null())}


def _walk_in_people(uuid: str) -> list[str]:
    """The ID numbers of the live walk-ins: each person once."""
    from db import models
    from desktop_app.domain.roster import WALK_IN_SOURCE

    Inv = models.Invitee
    return sorted(p.id_number for p in Inv.select().where((Inv.event == event_id(uuid)) & (Inv.deleted == False)  # noqa: E712
                                                          & (Inv.source == WALK_IN_SOURCE)))


def _step(step, side: Side, uuid: str, admitted: dict) -> None:
    from db import models
    from desktop_app.domain import idcard
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.errors import UserError
    from desktop_app.services import checkin

    eid = event_id(uuid)
    C = models.CheckIn
    mine = C.select().where((C.event == eid) & (C.device == side.device) & (C.deleted == False)  # noqa: E712
                            & C.undone_at.is_null()).order_by(C.id)
    if step[0] == "scan":
        people = [p for p in checkin.people(eid) if p.status == "confirmed"]
        result = checkin.check_in(eid, people[step[2] % len(people)].id)
    elif step[0] == "walk_in":
        name, born, seq, phone = WALK_INS[step[2]]
        try:
            result = checkin.walk_in(eid, InviteeDraft(name=name, id_number=idcard.make("640422", dt.date(*born), seq),
                                                       phone=phone, category="企业及群众代表"))
        except UserError:  # already on this device's roster: the door finds them by search instead
            return
    else:
        own = list(mine)
        if own:
            target = own[step[2] % len(own)]
            checkin.undo(target.id, "扫错了")
            admitted[target.scan_id] = (admitted[target.scan_id][0], False)
        return
    if result.outcome == "ok":
        made = C.select().where((C.event == eid) & (C.device == side.device)).order_by(C.id.desc()).first()
        admitted[made.scan_id] = (_identity(made), True)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, max_size=25))
def test_three_devices_in_any_order_end_with_one_attendance(today_event, monkeypatch, steps):
    from desktop_app import bundle

    monkeypatch.setattr(bundle.container, "SCRYPT_LOG2_N", 4)  # speed only: the file format is the same
    monkeypatch.setattr(bundle.container, "SCRYPT_LIMITS", ((4, 18), (1, 8), (1, 2)))
    source, uuid = today_event
    folder = Path(tempfile.mkdtemp(prefix="three"))
    sides: dict[str, Side] = {}
    try:
        shutil.copy(source, folder / "O.sqlite3")
        sides = {name: Side(folder / f"{name}.sqlite3", name) for name in DEVICES}
        _transfer(sides["O"], sides["E"], uuid)
        _transfer(sides["O"], sides["W"], uuid)
        admitted: dict[str, tuple[str, bool]] = {}  # scan id -> (who, still admitted): the replay of every action
        for step in steps:
            if step[0] == "sync":
                if step[1] != step[2]:
                    _transfer(sides[step[1]], sides[step[2]], uuid)
                continue
            with sides[step[1]]:
                _step(step, sides[step[1]], uuid, admitted)
        for _round in range(2):  # everything to the office and back, twice (what one merge put right travels)
            for name in ("E", "W"):
                _transfer(sides[name], sides["O"], uuid)
            for name in ("E", "W"):
                _transfer(sides["O"], sides[name], uuid)
        expected = {who for who, still in admitted.values() if still}
        with sides["O"]:
            data = user_data(uuid)
            assert _attendance(uuid) == expected
            walk_ins = _walk_in_people(uuid)
            assert len(walk_ins) == len(set(walk_ins))  # a walk-in registered on two devices is one person
        for name in ("E", "W"):
            with sides[name]:
                assert user_data(uuid) == data
                assert _attendance(uuid) == expected
    finally:
        for side in sides.values():
            side.close()
        shutil.rmtree(folder, ignore_errors=True)
