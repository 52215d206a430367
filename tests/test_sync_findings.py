"""Nothing silent when devices meet over USB: a walk-in registered on two laptops is one person, someone admitted
after the office deleted them is brought back and counted, a laptop whose clock is a year behind is named and its
arrivals land on the event day — each named in the merge's findings, and every copy ends the same."""

from __future__ import annotations

import datetime as dt
import json

from .conftest import run_cli
from .test_bundle import PASS, Side, _confirmed, event_id, send, stats, user_data


def _walk_in(uuid: str, name: str, id_number: str, phone: str):
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import checkin

    return checkin.walk_in(event_id(uuid), InviteeDraft(name=name, id_number=id_number, phone=phone,
                                                        category="企业及群众代表"))


def _three(tmp_path, day: dt.date):
    from desktop_app.demo import create_demo_event

    office = Side(tmp_path / "office.sqlite3", "office-pc")
    east, west = Side(tmp_path / "east.sqlite3", "east-laptop"), Side(tmp_path / "west.sqlite3", "west-laptop")
    with office:
        uuid = create_demo_event(day).uuid
    send(office, east, uuid, tmp_path / "east.odbundle")
    send(office, west, uuid, tmp_path / "west.odbundle")
    return office, east, west, uuid


def _converge(tmp_path, office, sides, uuid) -> None:
    for side in sides:
        send(office, side, uuid, tmp_path / f"{side.device}_final.odbundle")
    with office:
        expected = user_data(uuid)
    for side in sides:
        with side:
            assert user_data(uuid) == expected


def test_one_walk_in_registered_on_two_laptops_is_one_person_with_both_check_ins(tmp_path):
    from db import models
    from desktop_app.domain import idcard

    today = dt.date.today()
    office, east, west, uuid = _three(tmp_path, today)
    number = idcard.make("640422", dt.date(1968, 3, 9), 317)
    with east:
        assert _walk_in(uuid, "马建国", number, "13912345678").outcome == "ok"
    with west:
        assert _walk_in(uuid, "马建国", number, "139 1234 5678").outcome == "ok"
    send(east, office, uuid, tmp_path / "east_back.odbundle")
    report = send(west, office, uuid, tmp_path / "west_back.odbundle")
    kinds = [f.kind for f in report.findings]
    assert "duplicate_walk_in" in kinds and "duplicate_admission" in kinds
    assert any("马建国" in f.message for f in report.findings)
    with office:
        live = [p for p in models.Invitee.select().where((models.Invitee.event == event_id(uuid))
                                                         & (models.Invitee.deleted == False))  # noqa: E712
                if p.name == "马建国"]
        assert len(live) == 1
        assert models.CheckIn.select().where(models.CheckIn.invitee == live[0].id).count() == 2
        counts = stats(uuid)
        assert counts["walk_ins"] == 1
    _converge(tmp_path, office, (east, west), uuid)
    for side in (office, east, west):
        side.close()


def test_someone_deleted_at_the_office_then_admitted_at_the_door_is_brought_back_and_counted(tmp_path):
    from desktop_app.services import checkin, roster

    today = dt.date.today()
    office, east, west, uuid = _three(tmp_path, today)
    with office:
        person = _confirmed(event_id(uuid))[0]
        before = stats(uuid)["checked_in"]
        roster.delete_invitee(person.id)
    with east:
        target = next(p for p in _confirmed(event_id(uuid)) if p.name == person.name)
        assert checkin.check_in(event_id(uuid), target.id).outcome == "ok"
    report = send(east, office, uuid, tmp_path / "east_back.odbundle")
    found = [f for f in report.findings if f.kind == "admitted_deleted"]
    assert len(found) == 1 and person.name in found[0].message
    with office:
        assert stats(uuid)["checked_in"] == before + 1
        assert any(p.id == person.id for p in checkin.people(event_id(uuid)))
    _converge(tmp_path, office, (east, west), uuid)
    for side in (office, east, west):
        side.close()


def test_a_laptop_a_year_behind_is_named_and_its_arrivals_count_on_the_day(tmp_path, monkeypatch):
    from db import models
    from desktop_app import bundle
    from desktop_app.services import checkin

    today = dt.date.today()
    office = Side(tmp_path / "office.sqlite3", "office-pc")
    laptop = Side(tmp_path / "laptop.sqlite3", "slow-laptop")
    from desktop_app.demo import create_demo_event

    with office:
        uuid = create_demo_event(today).uuid
        bundle.export_bundle(event_id(uuid), tmp_path / "out.odbundle", PASS)
    real = models.utcnow
    monkeypatch.setattr(models, "utcnow", lambda: real() - dt.timedelta(days=365))  # the laptop's clock
    with laptop:
        opened = bundle.merge_bundle(bundle.read_bundle(tmp_path / "out.odbundle", PASS))
        behind = [f for f in opened.findings if f.kind == "clock_offset"]
        assert behind and behind[0].offset_s <= -364 * 86400 and "时钟" in behind[0].message
        eid = event_id(uuid)
        for person in _confirmed(eid)[:6]:
            assert checkin.check_in(eid, person.id).outcome == "ok"
        bundle.export_bundle(eid, tmp_path / "back.odbundle", PASS)
    monkeypatch.setattr(models, "utcnow", real)
    with office:
        report = bundle.merge_bundle(bundle.read_bundle(tmp_path / "back.odbundle", PASS))
        named = [f for f in report.findings if f.kind == "clock_offset"]
        assert named and named[0].device == "slow-laptop" and named[0].offset_s <= -364 * 86400
        assert stats(uuid)["checked_in"] == 6  # on the event day, not "before the day"
        days = {c.scanned_at.date() for c in models.CheckIn.select().where(models.CheckIn.event == event_id(uuid))}
        assert days <= {today, today - dt.timedelta(days=1), today + dt.timedelta(days=1)}
    send(office, laptop, uuid, tmp_path / "final.odbundle")
    with office:
        expected = user_data(uuid)
    with laptop:
        assert user_data(uuid) == expected
    office.close()
    laptop.close()


def test_the_merge_command_prints_the_findings(tmp_path):
    from desktop_app.domain import idcard

    today = dt.date.today()
    office, east, west, uuid = _three(tmp_path, today)
    number = idcard.make("640422", dt.date(1970, 5, 1), 211)
    for side in (east, west):
        with side:
            _walk_in(uuid, "李秀兰", number, "13812345670")
    send(east, office, uuid, tmp_path / "east_back.odbundle")
    from desktop_app import bundle

    with west:
        bundle.export_bundle(event_id(uuid), tmp_path / "west_back.odbundle", PASS)
    for side in (office, east, west):
        side.close()
    result = run_cli("bundle", "merge", "--db", str(tmp_path / "office.sqlite3"), str(tmp_path / "west_back.odbundle"),
                     "--passphrase-env", "BUNDLE_PASS", "--json", env={"BUNDLE_PASS": PASS})
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert {"duplicate_walk_in", "duplicate_admission"} <= {f["kind"] for f in findings}
    assert all(isinstance(f["message"], str) and f["message"] for f in findings)


def test_the_walk_in_command_registers_and_admits_and_refuses_with_the_reason(tmp_path):
    from desktop_app.domain import idcard

    day = dt.date.today().isoformat()
    db = tmp_path / "door.sqlite3"
    assert run_cli("demo", "--db", str(db), "--date", day).returncode == 0
    number = idcard.make("640422", dt.date(1975, 7, 7), 123)
    result = run_cli("walk-in", "--db", str(db), "--event", "1", "--name", "马建国", "--id-number", number,
                     "--phone", "13912345678", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["outcome"] == "ok" and len(answer["invitee"]) == 32 and answer["checked_in_at"].startswith(day)
    counts = json.loads(run_cli("stats", "--db", str(db), "--event", "1", "--json").stdout)
    assert counts["walk_ins"] == 1
    again = run_cli("walk-in", "--db", str(db), "--event", "1", "--name", "马建国", "--id-number", number,
                    "--phone", "13912345678", "--json")
    assert again.returncode == 1 and again.stdout == "" and len(again.stderr.strip().splitlines()) == 1
    bad = run_cli("walk-in", "--db", str(db), "--event", "1", "--name", "王五", "--id-number", "110105194912310020",
                  "--phone", "13812345678", "--json")
    assert bad.returncode == 1 and "身份证" in bad.stderr and "110105194912310020" not in bad.stderr


def test_the_window_reports_the_findings_in_words(qapp, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app import bundle
    from desktop_app.services import checkin, roster
    from desktop_app.workspace import open_workspace
    from ui import bundle as ui_bundle
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(qapp, "zh_CN")
    office, east, west, uuid = _three(tmp_path, dt.date.today())
    with office:
        person = _confirmed(event_id(uuid))[1]
        roster.delete_invitee(person.id)
    with east:
        target = next(p for p in _confirmed(event_id(uuid)) if p.name == person.name)
        checkin.check_in(event_id(uuid), target.id)
        bundle.export_bundle(event_id(uuid), tmp_path / "east_back.odbundle", PASS)
    for side in (office, east, west):
        side.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append("warning: " + text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ui_bundle.PassphraseDialog, "ask", classmethod(lambda cls, parent, **k: PASS))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "east_back.odbundle"), ""))
    ws = open_workspace(tmp_path / "office.sqlite3", lock=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    try:
        ui_bundle.import_or_merge(window)
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
        assert not shown[0].startswith("warning"), shown[0]
        assert "请核对以下情况" in shown[0] and person.name in shown[0] and "已从名单中删除" in shown[0]
    finally:
        window.close()
        ws.close()


def test_an_undo_is_never_lost_when_the_walk_in_it_undid_was_joined_to_the_same_person(tmp_path):
    """Found by the three-device property test: a walk-in registered at the office and undone there, the same
    person registered and admitted on the west laptop, that laptop's data passed to the east one, then the
    admission undone on the west laptop. The east laptop's copy (not undone) reached the office first; the
    office joined the two registrations, so the check-in's person differed; the west copy's undo then met it
    as a conflict, kept the office's "not undone", and the person counted as arrived everywhere."""
    from db import models
    from desktop_app.domain import idcard
    from desktop_app.services import checkin

    today = dt.date.today()
    office, east, west, uuid = _three(tmp_path, today)
    number = idcard.make("640422", dt.date(1968, 3, 9), 317)
    with office:
        assert _walk_in(uuid, "马建国", number, "13912345678").outcome == "ok"
        checkin.undo_last(event_id(uuid))
    with west:
        assert _walk_in(uuid, "马建国", number, "13912345678").outcome == "ok"
    send(west, east, uuid, tmp_path / "west_to_east.odbundle")
    with west:
        checkin.undo_last(event_id(uuid))
    send(east, office, uuid, tmp_path / "east_back.odbundle")
    report = send(west, office, uuid, tmp_path / "west_back.odbundle")
    assert not any("undone_at" in c.fields for c in report.conflicts), report.conflicts
    with office:
        C = models.CheckIn
        active = C.select().where((C.event == event_id(uuid)) & C.alive() & C.undone_at.is_null())
        assert not [c for c in active if c.invitee.name == "马建国"]
        assert stats(uuid)["walk_ins"] == 0
    _converge(tmp_path, office, (east, west), uuid)
    for side in (office, east, west):
        side.close()
