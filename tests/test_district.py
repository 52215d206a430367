"""The district's view: units' signed packages added (trusted once per unit), refused with their reason when
tampered, unsigned, a draft, or inconsistent; a newer package replaces the older; the year's 汇总表 adds up to the
record.json files read independently; units without a package are named."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from .conftest import run_cli

YEAR = 2026
UNITS = ("县审批服务管理局", "县医疗保障局", "县自然资源局")


def _key_dir(root: Path, unit: str) -> Path:
    return root / "keys" / hashlib.sha1(unit.encode()).hexdigest()[:8]


def _write_package(root: Path, unit: str, day: dt.date, *, arrivals: int, draft: bool = False,
                   monkeypatch=None) -> Path:
    """A unit's held open day (the demo, renamed) written as its signed package with that unit's own key."""
    from db import models
    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.services import summary
    from desktop_app.workspace import open_workspace

    db = root / "units" / f"{hashlib.sha1((unit + str(day)).encode()).hexdigest()[:8]}.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(_key_dir(root, unit)))
    ws = open_workspace(db)
    try:
        event = create_demo_event(day, held=not draft)
        models.Event.update(unit=unit).where(models.Event.id == event.id).execute()
        C = models.CheckIn
        extra = [c.id for c in C.select(C.id).where(C.event == event.id).order_by(C.id)][arrivals:]
        C.update(deleted=True).where(C.id.in_(extra)).execute()
        snapshot = summary.package_snapshot(event.id)
    finally:
        ws.close()
    out = root / "out" / f"{unit}-{day}"
    result = package.write_package(snapshot, out, masked=True, today=max(day + dt.timedelta(days=3),
                                                                          dt.date.today()) if not draft else
                                   dt.date.today(), draft=draft)
    return result.folder


def _fingerprint(folder: Path) -> str:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["signature"]["fingerprint"]


@pytest.fixture(scope="module")
def units_packages(tmp_path_factory):
    """Three units, two events each in 2026 (the second unit's second one in 2025), each unit with its own key."""
    root = tmp_path_factory.mktemp("units")
    made = {}
    with pytest.MonkeyPatch.context() as mp:
        for i, unit in enumerate(UNITS):
            for j, day in enumerate((dt.date(YEAR, 3 + i, 10), dt.date(YEAR - (i == 1), 9 + i, 20))):
                made[(unit, j)] = _write_package(root, unit, day, arrivals=8 + 3 * i + j, monkeypatch=mp)
    return root, made


@pytest.fixture
def district(units_packages, tmp_path, monkeypatch):
    """This test's copy of the packages, on a 'stick', and the district office's own data folder."""
    source_root, source = units_packages
    shutil.copytree(source_root / "keys", tmp_path / "keys")
    made = {}
    for (unit, j), folder in source.items():
        made[(unit, j)] = tmp_path / "out" / f"{unit}-{j}" / folder.name
        shutil.copytree(folder, made[(unit, j)])
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(tmp_path / "district-data"))
    stick = tmp_path / "stick"
    for (unit, j), folder in made.items():
        shutil.copytree(folder, stick / unit / f"{j}" / folder.name)
    return tmp_path, made, stick


def _add(db: Path, *sources, trust=()):
    args = ["district", "add", "--db", str(db), *map(str, sources), "--json"]
    for fp in trust:
        args += ["--trust", fp]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_first_packages_wait_for_trust_then_add_and_the_year_adds_up(district):
    root, made, stick = district
    db = root / "district.sqlite3"
    first = _add(db, stick)
    assert not first["added"] and len(first["refused"]) == 6
    assert all("尚未被确认" in r["reason"] for r in first["refused"])
    fingerprints = {_fingerprint(made[(unit, 0)]) for unit in UNITS}
    added = _add(db, stick, trust=fingerprints)
    assert len(added["added"]) == 6 and not added["refused"]
    assert {a["unit"] for a in added["added"]} == set(UNITS)
    units_file = root / "units.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["单位名称"])
    for name in (*UNITS, "县文化旅游局"):
        book.active.append([name])
    book.save(units_file)
    assert run_cli("district", "units", "--db", str(db), str(units_file), "--json").stdout.strip() == '{"units": 4}'
    out = root / "report"
    result = run_cli("district", "report", "--db", str(db), "--year", str(YEAR), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    written = json.loads(result.stdout)
    assert written["units"] == 3 and written["events"] == 5  # one of the second unit's is in 2025
    records = [json.loads((folder / "record.json").read_text(encoding="utf-8")) for folder in made.values()]
    records = [r for r in records if r["event"]["date"].startswith(str(YEAR))]
    sheet = openpyxl.load_workbook(next(Path(f) for f in written["files"] if f.endswith(".xlsx"))).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["合计"][2] == len(records)
    assert rows["合计"][4] == sum(r["invited"] for r in records)
    assert rows["合计"][5] == sum(r["arrived"] for r in records)
    assert rows["合计"][7] == sum(r["suggestions"]["received"] for r in records)
    assert rows["县文化旅游局"][3] == "未报送"
    import docx

    report = docx.Document(next(f for f in written["files"] if f.endswith(".docx")))
    text = "\n".join(p.text for p in report.paragraphs)
    assert f"实到{sum(r['arrived'] for r in records)}人" in text
    assert "县文化旅游局共1个单位尚未报送" in text
    assert sum(1 for f in written["files"] if f.endswith(".png")) >= 2


def _resign(folder: Path, key_home: Path, monkeypatch) -> None:
    """Recompute the manifest's checksums and sign it with the key in ``key_home``."""
    from desktop_app import signing

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    manifest.pop("signature", None)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(key_home))
    (folder / "manifest.json").write_text(json.dumps(signing.sign(manifest), ensure_ascii=False), encoding="utf-8")


def test_refusals_name_their_reason(district, monkeypatch):
    root, made, stick = district
    db = root / "district.sqlite3"
    unit = UNITS[0]
    _add(db, made[(unit, 0)], trust=[_fingerprint(made[(unit, 0)])])
    home = os.environ["OPENDAY_DATA_DIR"]
    cases = {}
    edited = root / "cases" / "edited"
    shutil.copytree(made[(unit, 1)], edited)
    record = json.loads((edited / "record.json").read_text(encoding="utf-8"))
    record["arrived"] += 100
    (edited / "record.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _resign(edited, root / "stranger", monkeypatch)  # re-signed by another installation's key
    cases["edited"] = edited
    tampered = root / "cases" / "tampered"
    shutil.copytree(made[(unit, 1)], tampered)
    (tampered / "record.json").write_text((tampered / "record.json").read_text(encoding="utf-8")
                                          .replace('"arrived": ', '"arrived": 1'), encoding="utf-8")
    cases["tampered"] = tampered
    unsigned = root / "cases" / "unsigned"
    shutil.copytree(made[(unit, 1)], unsigned)
    manifest = json.loads((unsigned / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("signature")
    (unsigned / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    cases["unsigned"] = unsigned
    mismatch = root / "cases" / "mismatch"
    shutil.copytree(made[(unit, 1)], mismatch)
    record = json.loads((mismatch / "record.json").read_text(encoding="utf-8"))
    record["event"]["uuid"] = "0" * 32
    (mismatch / "record.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _resign(mismatch, _key_dir(root, unit), monkeypatch)  # signed by the unit itself, but inconsistent
    cases["mismatch"] = mismatch
    cases["draft"] = _write_package(root, unit, dt.date.today() + dt.timedelta(days=20), arrivals=0, draft=True,
                                    monkeypatch=monkeypatch)
    monkeypatch.setenv("OPENDAY_DATA_DIR", home)
    answer = _add(db, *cases.values())
    assert not answer["added"] and not answer["replaced"]
    codes = {Path(r["source"]).name if "draft" not in r["code"] else "draft": r["code"] for r in answer["refused"]}
    assert codes["edited"] == "cover_differs" and codes["tampered"] == "tampered"
    assert codes["unsigned"] == "unsigned" and codes["mismatch"] == "record_mismatch" and codes["draft"] == "draft"
    assert all(r["reason"] for r in answer["refused"])


def test_a_newer_package_of_the_same_event_replaces_the_older_and_history_stays(district, monkeypatch):
    from db import models
    from desktop_app import package
    from desktop_app.workspace import open_workspace

    root, made, stick = district
    db = root / "district.sqlite3"
    unit = UNITS[2]
    fp = _fingerprint(made[(unit, 0)])
    _add(db, made[(unit, 0)], trust=[fp])
    newer = root / "cases" / "newer"
    shutil.copytree(made[(unit, 0)], newer)
    manifest = json.loads((newer / "manifest.json").read_text(encoding="utf-8"))
    manifest["created_at"] = (dt.datetime.fromisoformat(manifest["created_at"]) + dt.timedelta(days=2)).isoformat()
    (newer / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    _resign(newer, _key_dir(root, unit), monkeypatch)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(root / "district-data"))
    assert package.verify_package(newer).fingerprint == package.verify_package(made[(unit, 0)]).fingerprint
    answer = _add(db, newer)
    assert len(answer["replaced"]) == 1 and not answer["added"]
    again = _add(db, made[(unit, 0)])  # the older one once more: refused as older
    assert again["refused"][0]["code"] == "older"
    ws = open_workspace(db)
    try:
        P = models.UnitPackage
        assert P.select().count() == 2 and P.select().where(P.replaced_by.is_null()).count() == 1
    finally:
        ws.close()


def test_the_district_window_adds_a_stick_trusting_each_key_once_and_writes_the_report(district, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app.district import view
    from desktop_app.workspace import open_workspace
    from ui.district import DistrictDialog
    from ui.main_window import MainWindow

    root, made, stick = district
    questions, shown = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: questions.append(text)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    ws = open_workspace(root / "district.sqlite3", lock=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    dialog = DistrictDialog(window)
    qtbot.addWidget(dialog)
    dialog.year.setValue(YEAR)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(shown) >= 2, timeout=60000)  # refused untrusted, then added once trusted
        assert len(questions) == len(UNITS)  # one question per unit's key, with its fingerprint
        assert all(any(_fingerprint(made[(unit, 0)]) in q for q in questions) for unit in UNITS)
        assert dialog.received.model().rowCount() == 6
        assert dialog.units.model().rowCount() == len(UNITS)
        assert "6" in dialog.status.text()  # six added
        qtbot.keyClick(dialog.year, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.year, Qt.Key.Key_Up)  # the year shown again: its overview in the status line
        # no list of expected units yet: the units that sent a package are counted, not "0 of 0 units reported"
        shown = view.overview(YEAR)
        assert shown.expected == 0 and shown.reporting == len(UNITS)
        assert dialog.status.text() == dialog.tr(
            "{year}: {events} events from {units} units. The list of expected units is empty: import it to see who "
            "has not reported.").format(year=YEAR, events=shown.events, units=len(UNITS))
        out = root / "window-report"
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
        qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: out.is_dir() and any(out.glob("*.docx")), timeout=60000)
        assert any(out.glob("*.xlsx"))
    finally:
        dialog.close()
        window.close()
        ws.close()


def test_the_units_list_is_edited_in_the_window(tmp_path, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from desktop_app.district import figures
    from desktop_app.workspace import open_workspace
    from ui.district import DistrictDialog

    monkeypatch.setenv("OPENDAY_DATA_DIR", str(tmp_path / "data"))
    ws = open_workspace(tmp_path / "district.sqlite3")
    try:
        dialog = DistrictDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        for name in ("县文化旅游局", "县审批服务管理局", "  县文化旅游局 "):
            monkeypatch.setattr(QInputDialog, "getText", lambda *a, n=name, **k: (n, True))
            qtbot.mouseClick(dialog.add_unit_button, Qt.MouseButton.LeftButton)
        model = dialog.units.model()
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["县文化旅游局", "县审批服务管理局"]
        first = dialog.units.visualRect(model.index(0, 0)).center()
        qtbot.mouseClick(dialog.units.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseClick(dialog.remove_unit_button, Qt.MouseButton.LeftButton)
        assert figures.year_figures(YEAR).missing == ["县审批服务管理局"]
    finally:
        ws.close()


def test_units_known_from_packages_are_listed_as_a_clerk_counts_them(tmp_path, monkeypatch):
    """The units on the list keep its order; the others follow by name, 第2乡镇 before 第10乡镇 (the report's
    table listed 第10, 第11 … 第19, 第1, 第20, 第2)."""
    from db import models
    from desktop_app.district import figures, packages, view
    from desktop_app.workspace import open_workspace

    monkeypatch.setenv("OPENDAY_DATA_DIR", str(tmp_path / "data"))
    ws = open_workspace(tmp_path / "district.sqlite3")
    try:
        packages.set_expected_units(["县教育局", "县财政局"])
        for n, name in enumerate(("第10乡镇人民政府", "第2乡镇人民政府", "第1乡镇人民政府", "县公安局"), start=3):
            models.DistrictUnit.create(name=name, expected=False, position=n)  # in the order packages came
        order = ["县教育局", "县财政局", "县公安局", "第1乡镇人民政府", "第2乡镇人民政府", "第10乡镇人民政府"]
        assert [u.name for u in view.overview(YEAR).units] == order
        listed = [u.unit for u in figures.year_figures(YEAR).units]  # those on the list or with a package
        assert listed == [name for name in order if name in listed] and listed[:2] == order[:2]
    finally:
        ws.close()
