"""Check-in: the search index, admitting, undo, walk-ins, counts, the CLI, durability under SIGKILL, the tab."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, run_cli

DAY = dt.date(2026, 12, 20)


@pytest.fixture
def demo(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(DAY)


def _confirmed(event_id):
    from desktop_app.services import checkin

    return [p for p in checkin.people(event_id) if p.status == "confirmed"]


def test_index_finds_by_one_character_pinyin_heteronyms_digits_and_code():
    from desktop_app.domain.checkin import Entry, SearchIndex

    index = SearchIndex([Entry(1, "王伟", "13812345678", "640422199001011234", "AB2CDE"),
                         Entry(2, "单丽", "13900001111", "64042219900101567X", "FGH3JK"),
                         Entry(3, "张三", "0954-3012345", "", "")])
    assert index.find("伟")[0] == [1] and index.find("王")[0] == [1]
    assert index.find("ww")[0] == [1] and index.find("wangwei")[0] == [1]
    assert index.find("sl")[0] == [2] and index.find("danli")[0] == [2] and index.find("shan")[0] == [2]
    assert index.find("5678")[0] == [1] and index.find("1234")[0] == [1, 3]  # ID tail, phone digits
    assert index.find("567x")[0] == [2] and index.find("567X")[0] == [2]
    assert index.find("ab2cde")[0] == [1] and index.by_code(" fgh3jk ") == 2
    assert index.find("zs")[0] == [3] and index.find("")[0] == []
    assert index.find("ang")[0] == [] and index.find("ei")[0] == []  # pinyin from a syllable's start only
    pinyin = SearchIndex([Entry(n, name) for n, name in enumerate(("韩梅", "张伟", "汉", "苏占福", "李汉"))])
    assert pinyin.find("han")[0] == [0, 2, 4] and pinyin.find("zhan")[0] == [1, 3]
    assert pinyin.find("zhangw")[0] == [1] and pinyin.find("zw")[0] == [1] and pinyin.find("fu")[0] == [3]
    many = SearchIndex([Entry(i, f"王{i}", "", "", "") for i in range(100)])
    ids, more = many.find("w", limit=10)
    assert ids == list(range(10)) and more


def test_index_agrees_with_the_roster_search(demo):
    from desktop_app.domain.checkin import Entry, SearchIndex
    from desktop_app.domain.search import matches, normalise_query
    from desktop_app.services import checkin, roster

    index = checkin.search_index(demo.id)
    rows = roster.list_invitees(demo.id)
    complete = SearchIndex([Entry(r.id, r.name, r.phone, r.id_number, r.pass_code) for r in rows], complete=True)
    codes = [r.pass_code for r in rows if r.pass_code][:1]
    for query in ("王", "wb", "zhang", "han", "ang", "6480", "3012", "x", "jin", "1", "5x", "zw", *codes):
        expected = [r.id for r in rows if matches(normalise_query(query), r.name, phone=r.phone,
                                                  id_number=r.id_number, pass_code=r.pass_code)]
        if query in codes:
            expected = [r.id for r in rows if r.pass_code == query]  # a pass code finds its holder alone
        assert sorted(index.find(query, limit=1000)[0]) == sorted(expected), query
        # every hit at once, the keys sorted when built (the roster) or at the first question (the entrance)
        assert complete.matching(query) == index.matching(query) == set(expected), query


def test_admit_again_decide_undo_and_counts(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import checkin, roster

    first = _confirmed(demo.id)[0]
    assert checkin.check_in(demo.id, first.id).outcome == "ok"
    again = checkin.check_in(demo.id, first.id)
    assert again.outcome == "again" and again.person.checked_in_at is not None
    waiting = next(p for p in checkin.people(demo.id) if p.status == "waitlisted")
    assert checkin.check_in(demo.id, waiting.id).outcome == "decide"
    assert checkin.check_in(demo.id, waiting.id, admit_anyway=True).outcome == "ok"
    assert roster.get_invitee(waiting.id).status == "confirmed"
    stats = checkin.stats(demo.id)
    assert stats["checked_in"] == 2 and stats["confirmed"] == 26 and stats["walk_ins"] == 0
    assert sum(c["checked_in"] for c in stats["by_category"].values()) == 2
    undone = checkin.undo_last(demo.id)
    assert undone.invitee_id == waiting.id and checkin.stats(demo.id)["checked_in"] == 1
    row = next(r for r in checkin.recent(demo.id) if r.invitee_id == first.id)
    checkin.undo(row.id, "扫错了人")
    kept = next(r for r in checkin.recent(demo.id) if r.id == row.id)
    assert kept.undone_at is not None and kept.undo_reason == "扫错了人"
    with pytest.raises(UserError):
        checkin.undo(row.id, "again")
    assert checkin.check_in(demo.id, 10**6).outcome == "unknown"


def test_two_devices_admitting_one_person_count_once(demo):
    from db import models
    from desktop_app.services import checkin

    person = _confirmed(demo.id)[0]
    checkin.check_in(demo.id, person.id)
    models.CheckIn.create(event=demo.id, invitee=person.id, scan_id=models.new_uuid(), scanned_at=models.utcnow(),
                          device="laptop-2")
    assert checkin.stats(demo.id)["checked_in"] == 1


def test_walk_in_is_checked_by_the_roster_rules_and_admitted(demo):
    from desktop_app.domain import idcard
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.errors import UserError
    from desktop_app.services import checkin

    minor = InviteeDraft(name="小明", phone="13700001111", category="企业及群众代表",
                         id_number=idcard.make("640422", dt.date(2012, 1, 1), 123))
    with pytest.raises(UserError):
        checkin.walk_in(demo.id, minor)
    adult = InviteeDraft(name="现场甲", phone="13700002222", category="企业及群众代表",
                         id_number=idcard.make("640422", dt.date(1980, 5, 6), 123))
    result = checkin.walk_in(demo.id, adult)
    assert result.outcome == "ok" and result.person.walk_in
    assert checkin.stats(demo.id)["walk_ins"] == 1


def test_no_shows_after_the_day_and_attendance_rule(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import checkin
    from desktop_app.services.checks import run_checks

    with pytest.raises(UserError):
        checkin.mark_no_shows(demo.id, today=DAY - dt.timedelta(days=1))
    for p in _confirmed(demo.id)[:20]:
        checkin.check_in(demo.id, p.id)
    assert "attendance_short" not in {f.rule for f in run_checks(demo.id, today=DAY)}
    assert "attendance_short" in {f.rule for f in run_checks(demo.id, today=DAY + dt.timedelta(days=1))}
    assert checkin.mark_no_shows(demo.id, today=DAY) == 5
    assert sum(1 for p in checkin.people(demo.id) if p.status_label == "未到") == 5


def test_cli_checkin_and_stats(tmp_path):
    db = tmp_path / "d.sqlite3"
    # On the event's day: the scans are arrivals (before it they would be a rehearsal, not counted).
    event = run_cli("demo", "--db", str(db), "--date", dt.date.today().isoformat()).stdout.strip()
    with sqlite3.connect(db) as conn:
        codes = [r[0] for r in conn.execute("select pass_code from invitee where pass_code != '' order by id")]
    lines = f"{codes[0]}\n{codes[1].lower()}\nNOPE42\n\n{codes[0]}\n"
    done = run_cli("checkin", "--db", str(db), "--event", event, "--codes", "-", stdin=lines)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"ok {codes[0]}", f"ok {codes[1].lower()}", "unknown NOPE42",
                                        f"again {codes[0]}"]
    stats = json.loads(run_cli("stats", "--db", str(db), "--event", event, "--json").stdout)
    assert set(stats) == {"invitees", "confirmed", "checked_in", "walk_ins", "by_category"}
    assert stats["checked_in"] == 2 and stats["confirmed"] == 25
    assert set(next(iter(stats["by_category"].values()))) == {"quota", "confirmed", "checked_in"}
    missing = run_cli("checkin", "--db", str(db), "--event", event, "--codes", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_killed_mid_check_in_loses_no_acknowledged_code(tmp_path):
    db = tmp_path / "d.sqlite3"
    event = run_cli("demo", "--db", str(db), "--date", "2026-12-20").stdout.strip()
    with sqlite3.connect(db) as conn:
        codes = [r[0] for r in conn.execute("select pass_code from invitee where pass_code != '' order by id")]
    rng = random.Random(11)
    acknowledged: set[str] = set()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for round_ in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "checkin", "--db", str(db), "--event", event,
                                 "--codes", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, env=env)
        batch = codes[round_ * 6:(round_ + 1) * 6]
        proc.stdin.write("".join(code + "\n" for code in batch).encode())
        proc.stdin.flush()
        deadline = time.monotonic() + rng.uniform(0.3, 2.5)  # a random moment: before, during or after the codes
        fd, seen = proc.stdout.fileno(), b""
        while time.monotonic() < deadline:
            if select.select([fd], [], [], 0.02)[0]:
                seen += os.read(fd, 4096)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen = seen.decode()
        acknowledged |= {line.split()[1] for line in seen.splitlines() if line.startswith("ok ")}
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        admitted = {r[0] for r in conn.execute(
            "select i.pass_code from check_in c join invitee i on i.id = c.invitee_id where c.undone_at is null")}
    assert acknowledged <= admitted


def test_tab_scanner_ambiguous_undo_and_walk_in(qtbot, demo, workspace, monkeypatch):
    from PySide6.QtCore import Qt

    from desktop_app.domain import idcard
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import checkin
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    if DAY != dt.date.today():
        tab.allow_off_day()  # “Check in today anyway” (tests/test_keyboard_day.py presses it)
    person = _confirmed(demo.id)[0]
    with qtbot.waitSignal(tab.sig_checked_in) as blocker:
        qtbot.keyClicks(tab.search, person.pass_code)
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # a scanner: the code, then Enter
    assert blocker.args[0].person.id == person.id and tab.result.property("outcome") == "ok"
    assert tab.search.text() == ""
    tab.search.setText(person.pass_code)
    tab._on_enter()
    assert tab.result.property("outcome") == "again"
    tab.search.setText("王")  # several people: arrows choose, Enter admits the chosen one
    assert tab.matches.count() >= 2
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    chosen = tab.matches.currentItem().data(Qt.ItemDataRole.UserRole)
    tab.ask_admit = lambda _person: True
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert checkin.person(chosen).checked_in_at is not None
    before = checkin.stats(demo.id)["checked_in"]
    qtbot.keyClick(tab.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert checkin.stats(demo.id)["checked_in"] == before - 1
    tab.add_walk_in(InviteeDraft(name="现场乙", phone="13700003333", category="企业及群众代表",
                                 id_number=idcard.make("640422", dt.date(1985, 3, 4), 321)))
    assert tab.result.property("outcome") == "ok" and checkin.stats(demo.id)["walk_ins"] == 1


def test_check_ins_before_the_event_day_are_not_arrivals_unless_confirmed(demo, qtbot):
    from desktop_app.services import checkin, summary

    rehearsal, real = _confirmed(demo.id)[:2]
    before = summary.facts(demo.id).arrived
    checkin.check_in(demo.id, rehearsal.id, scanned_at=dt.datetime.combine(DAY - dt.timedelta(days=3),
                                                                           dt.time(12, 0)))
    checkin.check_in(demo.id, real.id, scanned_at=dt.datetime.combine(DAY, dt.time(12, 0)))
    facts = summary.facts(demo.id)
    assert facts.arrived == before + 1 and facts.early_not_counted == 1
    checkin.set_early_counted(demo.id, True)
    facts = summary.facts(demo.id)
    assert facts.arrived == before + 2 and facts.early_not_counted == 0


def test_the_checks_arrival_count_is_the_records(demo):
    """The rule check, the summary and ``openday stats`` read one count of arrivals, the record of the day's: a
    check-in before the day counts only once the coordinator confirmed early check-ins."""
    from desktop_app.services import checkin, checks, record, summary

    assert record.build(demo.id).arrived == 0
    rehearsal, real = _confirmed(demo.id)[:2]
    checkin.check_in(demo.id, rehearsal.id, scanned_at=dt.datetime.combine(DAY - dt.timedelta(days=1),
                                                                           dt.time(17, 0)))
    checkin.check_in(demo.id, real.id, scanned_at=dt.datetime.combine(DAY, dt.time(9, 0)))
    day = record.build(demo.id)
    assert day.arrived == summary.facts(demo.id).arrived == day.stats()["checked_in"] == 1 and day.early == 1
    checkin.set_early_counted(demo.id, True)
    day = record.build(demo.id)
    assert day.arrived == summary.facts(demo.id).arrived == 2 and day.early == 0
    assert checks.run_checks(demo.id, day=day) == checks.run_checks(demo.id)


def test_the_not_arrived_list_follows_each_scan_and_masks_phones_in_venue_mode(qtbot, demo, workspace):
    from PySide6.QtCore import Qt

    from desktop_app.domain import phones
    from desktop_app.services import checkin
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    tab.allow_off_day()  # the demo's day is not today: “Check in today anyway”
    model = tab.missing.model()
    listed = [model.index(row).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]
    confirmed = [p for p in checkin.people(demo.id) if p.status == "confirmed"]
    assert sorted(listed) == sorted(p.id for p in confirmed)
    person = next(p for p in confirmed if p.phone)
    row = listed.index(person.id)
    assert model.index(row).data() == f"{person.name}　{person.category}　{person.phone}"  # the number to call

    qtbot.keyClicks(tab.search, person.pass_code)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert model.rowCount() == len(confirmed) - 1
    assert person.id not in [model.index(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)  # undone: waiting again, at the end
    assert model.index(model.rowCount() - 1).data(Qt.ItemDataRole.UserRole) == person.id

    tab.set_venue_mode(True)
    try:
        rows = {model.index(r).data(Qt.ItemDataRole.UserRole): model.index(r).data() for r in range(model.rowCount())}
        assert rows[person.id] == f"{person.name}　{person.category}　{phones.mask(person.phone)}"
        assert person.phone not in "".join(model.index(r).data() for r in range(model.rowCount()))
    finally:
        tab.set_venue_mode(False)


def test_the_counts_kept_per_scan_are_the_counts_read_afresh(qtbot, demo, workspace):
    """The entrance keeps its counts one person at a time (a scan does not recount the roster): after scans, an
    admission of someone not confirmed, an undo and a walk-in they read as a fresh load of the tab reads them."""
    from PySide6.QtCore import Qt

    from desktop_app.domain import idcard
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import checkin
    from ui.main_window import MainWindow

    # Scans made today, before the demo's day, count as arrivals here as in checkin.stats (the screen leaves
    # them out otherwise: tests/test_keyboard_day.py).
    checkin.set_early_counted(demo.id, True)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("checkin")
    window.tabs.setCurrentWidget(tab)
    tab.allow_off_day()  # the event is not today: “Check in today anyway”
    tab.ask_admit = lambda _person: True
    everyone = checkin.people(demo.id)
    for p in _confirmed(demo.id)[:3]:
        tab.search.setText(p.pass_code)
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    tab.admit(next(p for p in everyone if p.status != "confirmed").id)  # not confirmed: admitted anyway
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)

    def read_afresh(arrived: int, walk_ins: int) -> None:
        kept = tab.counts.text()
        stats = checkin.stats(demo.id)
        assert (stats["checked_in"], stats["walk_ins"]) == (arrived, walk_ins) and tab._tally.stats() == stats
        tab.reload()  # the demo is small: read at once
        assert tab.counts.text() == kept

    read_afresh(3, 0)
    tab.add_walk_in(InviteeDraft(name="现场丙", phone="13700004444", category="企业及群众代表",
                                 id_number=idcard.make("640422", dt.date(1986, 5, 6), 123)))
    read_afresh(4, 1)


def test_a_tally_changed_person_by_person_equals_one_counted_at_once():
    import random

    from desktop_app.services.checkin import Person, Tally

    rng = random.Random(7)
    cats = [("群众代表", 10), ("企业代表", 5), ("媒体记者", 2)]

    def someone(pid: int) -> Person:
        arrived = rng.random() < 0.5
        return Person(pid, f"人{pid}", rng.choice([c for c, _ in cats] + ["已删类别"]), "", rng.choice(
            ["confirmed", "registered", "declined"]), "", "", dt.datetime(2026, 12, 20, 9) if arrived else None,
            arrived and rng.random() < 0.3)

    people = {pid: someone(pid) for pid in range(60)}
    tally = Tally(cats, {"群众代表"}, people.values())
    for _ in range(300):
        pid = rng.randrange(60)
        new = someone(pid)
        tally.replace(people[pid], new)
        people[pid] = new
    fresh = Tally(cats, {"群众代表"}, people.values())
    assert tally.stats() == fresh.stats()
    assert (tally.public_arrived, tally.checked_in) == (fresh.public_arrived, fresh.checked_in)
