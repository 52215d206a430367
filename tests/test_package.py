"""The 归档 area: facts of the day, drafts, photos, the filing package and its verification."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from .conftest import run_cli

DAY = dt.date(2026, 12, 20)


@pytest.fixture
def demo(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(DAY)


def _check_in(event_id, n, *, twice=False):
    from db import models

    people = list(models.Invitee.select().where((models.Invitee.event == event_id)
                                                & (models.Invitee.status == "confirmed")).limit(n))
    for p in people:
        for k in range(2 if twice else 1):
            models.CheckIn.create(event=event_id, invitee=p.id, scan_id=models.new_uuid(),
                                  scanned_at=dt.datetime(2026, 12, 20, 1, 5), device=f"d{k}")
    return people


def test_facts_count_a_person_admitted_twice_once(demo):
    from desktop_app.services import summary

    _check_in(demo.id, 5, twice=True)
    facts = summary.facts(demo.id)
    assert facts.arrived == 5 and facts.quota == 25
    assert sum(c.confirmed for c in facts.categories) == 25
    assert facts.stops and facts.arrived


def test_drafts_follow_the_data_until_edited(demo):
    from desktop_app.services import summary

    _check_in(demo.id, 3)
    texts = summary.texts(demo.id, day=summary.facts(demo.id, today=DAY))  # read on the day
    assert texts.implementation_is_draft and "3名" in texts.implementation
    assert "2026年12月20日" in texts.implementation
    summary.save_implementation(demo.id, "改过的文字")
    _check_in(demo.id, 6)
    again = summary.texts(demo.id)
    assert again.implementation == "改过的文字" and not again.implementation_is_draft
    assert again.report_is_draft
    summary.save_report_part(demo.id, "存在问题", "一是……")
    assert summary.texts(demo.id).report["存在问题"] == "一是……"
    fresh = summary.regenerate(demo.id)
    assert fresh.implementation_is_draft and fresh.report["存在问题"] != "一是……"


def _photo(path, color="red", size=(3000, 1500)):
    from PySide6.QtGui import QColor, QImage

    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def test_photos_are_resized_with_thumbnails_and_refused_when_not_images(demo, tmp_path):
    from desktop_app.errors import UserError
    from desktop_app.services import photos

    row = photos.add_photo_file(demo.id, _photo(tmp_path / "大厅.jpg"))
    assert (row.width, row.height) == (2000, 1000) and row.caption == "大厅" and row.chosen
    assert row.thumbnail[:2] == b"\xff\xd8"
    bad = tmp_path / "不是照片.jpg"
    bad.write_text("hello")
    with pytest.raises(UserError, match="不是照片.jpg"):
        photos.add_photo_file(demo.id, bad)
    photos.set_caption(row.id, "一楼大厅")
    photos.set_chosen(row.id, False)
    assert photos.list_photos(demo.id)[0].caption == "一楼大厅" and not photos.list_photos(demo.id)[0].chosen
    photos.delete_photo(row.id)
    assert photos.list_photos(demo.id) == []
    photos.restore_photo(row.id)
    assert len(photos.list_photos(demo.id)) == 1


def _package(demo, tmp_path, **kwargs):
    from desktop_app import package
    from desktop_app.services import summary

    return package.write_package(summary.package_snapshot(demo.id), tmp_path / "usb", today=DAY, **kwargs)


def test_package_is_numbered_verified_and_masked(demo, tmp_path):

    from desktop_app import package
    from desktop_app.services import photos

    photos.add_photo_file(demo.id, _photo(tmp_path / "签到.png", "blue", (800, 600)))
    result = _package(demo, tmp_path)
    assert result.folder.name == "2026-12-20_西吉县审批服务管理局_政府开放日归档"
    names = sorted(p.name for p in result.folder.iterdir())
    assert names[0] == "00_归档目录.docx" and names[1].startswith("01_实施方案") and "04_邀请名单_脱敏.xlsx" in names
    assert "manifest.json" in names
    assert any(n.startswith("12_活动实施情况") for n in names) and any(n.startswith("13_总结评估报告") for n in names)
    numbers = [int(n[:2]) for n in names if n[:2].isdigit()]
    assert numbers == sorted(numbers)
    assert list((result.folder / "14_照片").iterdir())[0].suffix == ".jpg"
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["event_uuid"] == demo.uuid and manifest["masked"] is True
    assert len(manifest["files"]) == result.files and all(len(f["sha256"]) == 64 for f in manifest["files"])
    assert package.verify_package(result.folder).ok
    _assert_nothing_personal(result.folder)


def test_held_event_package_holds_route_and_feedback_and_nothing_personal(workspace, tmp_path):
    from db import models
    from desktop_app.demo import create_demo_event
    from desktop_app.services import checkin, feedback

    held = create_demo_event(held=True)
    person = next(p for p in checkin.people(held.id) if p.phone)
    number = models.Invitee.get_by_id(person.id).id_number
    feedback.add_suggestion(held.id, content=f"请联系我{person.phone}，证件{number}", invitee_id=person.id)
    result = _package(held, tmp_path)
    names = sorted(p.name for p in result.folder.iterdir())
    for expected in ("07_活动流程.docx", "07b_讲解人工作卡.docx", "08_座谈会记录.docx", "09_意见建议台账.xlsx",
                     "10_意见反馈情况.docx", "11_满意度测评统计.xlsx", "11_满意度测评统计.png"):
        assert expected in names, names
    _assert_nothing_personal(result.folder)
    # Each item its own file: the programme keeps its timeline picture, the cards are a document of their own.
    from docx import Document as Docx

    from desktop_app import package

    programme = Docx(str(result.folder / "07_活动流程.docx"))
    assert programme.inline_shapes and programme.core_properties.identifier == "openday:route"
    assert Docx(str(result.folder / "07b_讲解人工作卡.docx")).core_properties.identifier == "openday:guide-cards"
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    kinds = {f["path"]: f["kind"] for f in manifest["files"]}
    assert kinds["07_活动流程.docx"] == "route" and kinds["11_满意度测评统计.png"] == "survey-chart"
    assert set(kinds.values()) >= package.REQUIRED_KINDS and manifest["draft"] is False


def _rewrite_manifest(folder, change):
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_verify_fails_on_a_missing_kind_or_a_file_replaced_by_another_kind(workspace, tmp_path):
    import hashlib
    import shutil

    from desktop_app import package
    from desktop_app.demo import create_demo_event

    held = create_demo_event(held=True)
    result = _package(held, tmp_path)
    folder = result.folder
    assert package.verify_package(folder).ok
    # The 讲解人工作卡 copied over the 活动流程, its checksum updated in the manifest: another kind of document.
    programme, cards = folder / "07_活动流程.docx", folder / "07b_讲解人工作卡.docx"
    saved = programme.read_bytes()
    shutil.copyfile(cards, programme)

    def fix_sums(m):
        for f in m["files"]:
            if f["path"] == programme.name:
                f["size"], f["sha256"] = programme.stat().st_size, hashlib.sha256(programme.read_bytes()).hexdigest()
    _rewrite_manifest(folder, fix_sums)
    report = package.verify_package(folder)
    assert not report.ok and report.wrong_kind == ["07_活动流程.docx"] and "route" in report.kinds_missing
    programme.write_bytes(saved)
    _rewrite_manifest(folder, lambda m: None)
    # A document removed together with its entry: the kind is missing.
    (folder / "13_总结评估报告.docx").unlink()
    _rewrite_manifest(folder, lambda m: m.update(files=[f for f in m["files"] if f["kind"] != "summary"]))
    report = package.verify_package(folder)
    assert not report.ok and report.kinds_missing == ["summary"] and not report.missing
    # A file that is not what its name says (a text file named .docx, with its checksum) does not open as one.
    (folder / "13_总结评估报告.docx").write_bytes(b"not a document")
    _rewrite_manifest(folder, lambda m: m["files"].append(
        {"path": "13_总结评估报告.docx", "kind": "summary", "size": 14,
         "sha256": hashlib.sha256(b"not a document").hexdigest()}))
    report = package.verify_package(folder)
    assert not report.ok and report.wrong_kind == ["13_总结评估报告.docx"]
    # An empty manifest in an empty folder is no package.
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "manifest.json").write_text('{"files": []}', encoding="utf-8")
    report = package.verify_package(empty)
    assert not report.ok and set(report.kinds_missing) == package.REQUIRED_KINDS


def test_post_event_documents_wait_for_the_day_unless_a_draft(demo, tmp_path):
    from docx import Document as Docx

    from desktop_app import package
    from desktop_app.documents import export
    from desktop_app.errors import UserError
    from desktop_app.services import feedback, plan, record, summary

    before = DAY - dt.timedelta(days=16)
    snapshot, fonts = plan.snapshot(demo.id), plan.doc_fonts()
    extra = {"summary": summary.summary_snapshot(demo.id), "feedback": feedback.feedback_snapshot(demo.id),
             "attendance": record.attendance_snapshot(demo.id)}
    for kind in export.POST_EVENT_KINDS:
        with pytest.raises(UserError) as refused:
            export.export(kind, snapshot, fonts, tmp_path / "early", today=before, **extra)
        assert refused.value.message == export.NOT_YET and "2026年12月20日" in str(refused.value)
        files = export.export(kind, snapshot, fonts, tmp_path / "draft", today=before, draft=True, **extra)
        header = Docx(str(files[0])).sections[0].header
        assert "草稿" in "".join(p.text for p in header.paragraphs), kind
    assert not (tmp_path / "early").exists() or not list((tmp_path / "early").iterdir())
    # On the day they are written, unmarked; the pre-event documents are never refused.
    files = export.export("summary", snapshot, fonts, tmp_path / "day", today=DAY, **extra)
    assert "草稿" not in "".join(p.text for p in Docx(str(files[0])).sections[0].header.paragraphs)
    export.export("plan", snapshot, fonts, tmp_path / "plan", today=before)
    with pytest.raises(UserError):
        package.write_package(summary.package_snapshot(demo.id), tmp_path / "usb", today=before)
    result = package.write_package(summary.package_snapshot(demo.id), tmp_path / "usb", today=before, draft=True)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["draft"] is True and package.verify_package(result.folder).ok


def _assert_nothing_personal(folder):
    """No valid ID number and no mobile number anywhere in a document of a masked package."""
    from docx import Document as Docx
    from openpyxl import load_workbook

    from desktop_app.domain import idcard

    pattern = re.compile(r"\d{17}[\dX]")
    for path in folder.rglob("*"):
        if path.suffix == ".docx":
            doc = Docx(str(path))
            text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
                c.text for t in doc.tables for r in t.rows for c in r.cells)
        elif path.suffix == ".xlsx":
            wb = load_workbook(path, read_only=True)
            text = "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v)
        else:
            continue
        assert not [m for m in pattern.findall(text) if idcard.parse(m).ok], path.name
        assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text), path.name


def test_verify_catches_a_flipped_byte_a_missing_and_an_extra_file(demo, tmp_path):
    from desktop_app import package

    result = _package(demo, tmp_path)
    first = result.folder / "01_实施方案.docx"
    data = bytearray(first.read_bytes())
    data[100] ^= 0xFF
    first.write_bytes(bytes(data))
    (result.folder / "02_活动公告.docx").unlink()
    (result.folder / "readme.txt").write_text("x")
    report = package.verify_package(result.folder)
    assert not report.ok
    assert report.mismatched == ["01_实施方案.docx"] and report.missing == ["02_活动公告.docx"]
    assert report.extra == ["readme.txt"]


def test_a_package_is_never_overwritten_and_a_failure_leaves_no_manifest(demo, tmp_path, monkeypatch):
    from desktop_app import package
    from desktop_app.documents import export
    from desktop_app.errors import UserError
    from desktop_app.services import summary

    result = _package(demo, tmp_path)
    before = (result.folder / "manifest.json").read_bytes()
    with pytest.raises(UserError) as refused:
        _package(demo, tmp_path)
    assert refused.value.message == export.FILE_EXISTS and result.folder.name in str(refused.value)
    assert (result.folder / "manifest.json").read_bytes() == before
    (result.folder / "clerk.txt").write_text("a note left in the old package")
    replaced = _package(demo, tmp_path, overwrite=True)
    assert replaced.folder == result.folder and package.verify_package(replaced.folder).ok
    assert not (result.folder / "clerk.txt").exists()
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [result.folder.name]  # the old one gone, not hidden

    calls = {"n": 0}
    real = export.export

    def failing(kind, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(export, "export", failing)
    other = tmp_path / "other"
    with pytest.raises(OSError):
        package.write_package(summary.package_snapshot(demo.id), other, today=DAY)
    assert not list(other.rglob("manifest.json")) and not [p for p in other.iterdir() if p.is_dir()]


def test_cli_package_and_verify(tmp_path):
    db = tmp_path / "demo.sqlite3"
    event = run_cli("demo", "--db", str(db), "--date", "2026-12-20").stdout.strip()
    early = run_cli("export", "package", "--db", str(db), "--event", event, "--out", str(tmp_path / "usb"))
    assert early.returncode == 1 and "Traceback" not in early.stderr and len(early.stderr.strip().splitlines()) == 1
    done = run_cli("export", "package", "--db", str(db), "--event", event, "--out", str(tmp_path / "usb"), "--json",
                   "--draft")
    assert done.returncode == 0, done.stderr
    folder = json.loads(done.stdout)["folder"]
    verified = run_cli("verify-package", folder, "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["ok"] is True
    (tmp_path / "usb" / folder / "manifest.json").parent.joinpath("x.txt").write_text("x")
    bad = run_cli("verify-package", folder, "--json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["extra"] == ["x.txt"]
    again = run_cli("export", "package", "--db", str(db), "--event", event, "--out", str(tmp_path / "usb"),
                    "--draft")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    missing = run_cli("verify-package", str(tmp_path / "nothing"), "--json")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    for kind in ("implementation", "summary"):
        out = run_cli("export", kind, "--db", str(db), "--event", event, "--out", str(tmp_path / "docs"), "--json",
                      "--draft")
        assert out.returncode == 0, out.stderr


def test_summary_tab_saves_as_typed_and_writes_a_package(qtbot, demo, workspace, tmp_path, monkeypatch):
    from desktop_app.services import summary
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("summary")
    tab.interactive = False
    asked = []
    from ui import early

    monkeypatch.setattr(early.EarlyQuestion, "ask", staticmethod(
        lambda parent, **kw: asked.append(kw) or early.DRAFT))
    window.tabs.setCurrentWidget(tab)
    assert tab.chart._facts is not None and tab.milestones.count() >= 5
    tab.report_edits["存在问题"].setPlainText("一是宣传不够。")
    tab.flush()
    assert summary.texts(demo.id).report["存在问题"] == "一是宣传不够。"
    with qtbot.waitSignal(tab.sig_packaged, timeout=60000) as blocker:
        tab.write_package(tmp_path / "usb")
    assert (blocker.args[0].folder / "manifest.json").exists()
    manifest_path = blocker.args[0].folder / "manifest.json"
    before = manifest_path.read_bytes()
    replace = []
    monkeypatch.setattr(window, "ask_replace", lambda paths: replace.append(paths) or False)
    with qtbot.waitSignal(tab.sig_package_failed, timeout=60000):
        tab.write_package(tmp_path / "usb")  # the same name again: asked, No: nothing overwritten
    assert len(replace) == 1 and blocker.args[0].folder.name in str(replace[0][0])
    assert manifest_path.read_bytes() == before
    assert asked[0]["refusal"] is not None and "2026年12月20日" in asked[0]["refusal"]
    manifest = json.loads(before.decode("utf-8"))
    assert manifest["draft"] is True
    monkeypatch.setattr(window, "ask_replace", lambda paths: True)
    with qtbot.waitSignal(tab.sig_packaged, timeout=60000) as again:  # Yes: the package replaced
        tab.write_package(tmp_path / "usb")
    assert again.args[0].folder == blocker.args[0].folder and manifest_path.read_bytes() != before


def test_the_manifest_is_signed_and_an_edited_package_with_edited_checksums_fails(workspace, tmp_path):
    import hashlib

    from openpyxl import load_workbook

    from desktop_app import package, signing
    from desktop_app.demo import create_demo_event

    held = create_demo_event(held=True)
    result = _package(held, tmp_path)
    folder = result.folder
    report = package.verify_package(folder)
    assert report.ok and report.signature == "ok" and report.fingerprint == signing.installation_fingerprint()
    assert package.verify_package(folder, key=report.fingerprint.replace(" ", "").lower()).ok
    other = package.verify_package(folder, key="0000 0000 0000 0000 0000 0000 0000 0000")
    assert not other.ok and other.signature == "other-key"
    # The 目录 prints the fingerprint; the private key is nowhere in the package.
    from docx import Document as Docx

    cover = Docx(str(folder / "00_归档目录.docx"))
    assert report.fingerprint in "\n".join(p.text for p in cover.paragraphs)
    key_pem = (signing.paths.data_dir() / signing.KEY_FILE).read_bytes()
    assert all(key_pem not in p.read_bytes() for p in folder.rglob("*") if p.is_file())
    # The masked roster edited, its checksum updated in the manifest: the signature no longer holds.
    roster_path = folder / "04_邀请名单_脱敏.xlsx"
    book = load_workbook(roster_path)
    book.active["B4"] = "改过的名字"
    book.save(roster_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == roster_path.name:
            entry["size"] = roster_path.stat().st_size
            entry["sha256"] = hashlib.sha256(roster_path.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    report = package.verify_package(folder)
    assert not report.ok and report.signature == "invalid" and not report.mismatched
    # "masked" turned off in the manifest: the same.
    manifest["masked"] = False
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert package.verify_package(folder).signature == "invalid"
    # Unsigned: not ok.
    del manifest["signature"]
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert package.verify_package(folder).signature == "missing"


def test_an_interrupted_export_leaves_nothing_and_its_leftovers_are_swept(workspace, tmp_path, monkeypatch):
    import tempfile

    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.documents import export
    from desktop_app.services import plan, roster, summary

    held = create_demo_event(held=True)
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "usb"
    out.mkdir()
    # What a killed export left: a half-written document and a package's hidden folder with full IDs.
    (out / ".~0123456789ab.partial").write_bytes(b"half a workbook")
    leftover = out / ".2026-11-23_x_政府开放日归档.deadbeef.partial"
    leftover.mkdir()
    (leftover / "04_邀请名单.xlsx").write_bytes(b"IDs")
    (out / "keep-me.txt").write_text("the user's own file")
    swept: list = []
    export.export("roster", plan.snapshot(held.id), plan.doc_fonts(), out, roster=roster.roster_snapshot(held.id),
                  swept=swept)
    assert sorted(p.name for p in swept) == sorted([".~0123456789ab.partial", leftover.name])
    assert (out / "keep-me.txt").exists() and not leftover.exists()
    # openpyxl's worksheet files went to the target folder, never the system temp, and are gone.
    assert not list(system_temp.iterdir())
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    # A package killed half-way (a failure mid-write) leaves nothing; the next one sweeps an older leftover.
    leftover.mkdir()
    result = package.write_package(summary.package_snapshot(held.id), out)
    assert result.swept == (leftover.name,) and not leftover.exists()


def test_the_window_names_the_leftovers_an_export_removed(workspace, qtbot, tmp_path):
    from desktop_app.demo import create_demo_event
    from ui.main_window import MainWindow

    create_demo_event(held=True)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window._interactive_export = False
    out = tmp_path / "usb"
    out.mkdir()
    (out / ".~00aa11bb22cc.partial").write_bytes(b"an interrupted workbook")
    with qtbot.waitSignal(window.sig_exported, timeout=20000):
        window.export_documents("roster-masked", out)
    assert not (out / ".~00aa11bb22cc.partial").exists()
    assert ".~00aa11bb22cc.partial" in window.statusBar().currentMessage()


def test_the_window_writes_the_package_in_a_child_and_shows_its_refusals_in_its_own_language(demo, workspace,
                                                                                              tmp_path):
    from desktop_app import i18n, package
    from desktop_app.errors import UserError

    written = package.write_package_in_child(workspace.path, demo.id, tmp_path / "usb", draft=True)
    assert written.files > 10 and package.verify_package(written.folder).ok
    i18n.set_language("en")
    try:
        with pytest.raises(UserError) as refused:  # the same folder again: the child's refusal, in English here
            package.write_package_in_child(workspace.path, demo.id, tmp_path / "usb", draft=True)
        from desktop_app.documents import export

        assert refused.value.message == export.FILE_EXISTS and str(refused.value).startswith(str(written.folder))
        assert "already exists" in str(refused.value)
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)


def test_a_child_that_dies_mid_package_leaves_no_personal_data_behind(demo, workspace, tmp_path, monkeypatch):
    import sys

    from desktop_app import child, package

    out = tmp_path / "usb"
    out.mkdir()
    dying = ("import pathlib, sys; d = pathlib.Path(sys.argv[1]) / '.某县开放日.1a2b3c4d.partial'; d.mkdir(); "
             "(d / '03_邀请名单.xlsx').write_text('640422198001012345'); sys.exit(-9)")
    monkeypatch.setattr(child, "command", lambda *args: [sys.executable, "-c", dying, str(out)])
    with pytest.raises(child.ChildFailed):
        package.write_package_in_child(workspace.path, demo.id, out, draft=True)
    assert list(out.iterdir()) == []
